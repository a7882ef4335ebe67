"""Start-up: help and the package root load no analysis, scoring, engine or ML module,
and help reads naturally (no ``<bool>`` on flags, arguments in capitals)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from xlate.cli import app

HEAVY = (
    "xlate.checks",
    "xlate.roundtrip",
    "xlate.check",
    "xlate.engines.hf",
    "xlate.engines.ct2",
    "torch",
    "transformers",
    "ctranslate2",
    "sacrebleu",
    "lingua",
    "wordfreq",
    "pymorphy3",
)


# Runs CODE in a fresh interpreter, then writes the names in sys.modules on stderr.
_PROBE = """
import sys
try:
    exec(sys.argv[1])
except SystemExit:
    pass
sys.stderr.write("\\n".join(sys.modules))
"""


def _modules_loaded_by(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running ``code``."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, code],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "100"},
        check=True,
    )
    return set(done.stderr.splitlines())


def _cli(*args: str) -> str:
    return f"import runpy; sys.argv = ['xlate', *{list(args)!r}]; runpy.run_module('xlate', run_name='__main__')"


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


@pytest.mark.parametrize("command", [[], ["check"], ["roundtrip"], ["translate"], ["batch"]])
def test_help_imports_no_analysis_scoring_or_engine(command: list[str]) -> None:
    loaded = _modules_loaded_by(_cli(*command, "--help"))
    assert "xlate.cli.app" in loaded  # the probe sees xlate's own imports
    assert _heavy(loaded) == []


def test_the_package_root_is_lazy() -> None:
    loaded = _modules_loaded_by("import xlate; from xlate import XlateError, Report")
    assert "xlate.report" in loaded
    assert _heavy(loaded) == []


def test_flags_read_naturally_in_help() -> None:
    out = CliRunner().invoke(app, ["check", "--help"], env={"COLUMNS": "120"}).output
    assert "<bool>" not in out and "{source}" not in out
    assert "[OPTIONS] SOURCE TRANSLATION" in out
    assert "--lines" in out and "--engine" in out
    plain = CliRunner().invoke(app, ["translate", "--help"], env={"COLUMNS": "120"}).output
    assert "[OPTIONS] [INPUT]" in plain
    assert "Translation engine: hf, ct2, apertium, fake." in plain
