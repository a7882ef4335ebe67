"""The small things a first user met: one test each (issue 14, item 6)."""

from __future__ import annotations

import copy
import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from report_fixtures import drift_report
from rich.console import Console
from typer.testing import CliRunner

from xlate.checks.numbers import check_numbers, extract_numbers
from xlate.cli import app
from xlate.engines.models import resolve_model
from xlate.errors import ModelUnavailableError
from xlate.report import severity_rank
from xlate.views.models_table import PathText
from xlate.views.summary import render_summary

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


def test_roundtrip_and_check_take_no_pager(tmp_path: Path, sample_path: Path) -> None:
    result = runner.invoke(
        app,
        ["roundtrip", str(sample_path), "--to", "es", "--engine", "fake", "--view", "--no-pager"],
    )
    assert result.exit_code == 0, result.output
    assert "Caracas" in result.stdout  # the drift view, printed straight out
    source, translation = tmp_path / "a.en", tmp_path / "a.es"
    source.write_text("Prices rose by 12 percent.\n", encoding="utf-8")
    translation.write_text("Los precios subieron un 12 por ciento.\n", encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "check",
            str(source),
            str(translation),
            "--lines",
            "--engine",
            "none",
            "--view",
            "--no-pager",
        ],
    )
    assert result.exit_code == 0, result.output


def test_summary_lists_flags_worst_first_and_wraps_under_the_reason() -> None:
    out = io.StringIO()
    render_summary(drift_report(), Console(file=out, width=80, highlight=False, no_color=True))
    lines = out.getvalue().splitlines()
    starts = [
        i for i, line in enumerate(lines) if line.split()[:1] in (["high"], ["medium"], ["low"])
    ]
    severities = [lines[i].split()[0] for i in starts]
    assert severities == sorted(severities, key=severity_rank) and severities[0] == "high"
    assert [lines[i].split()[1] for i in starts][:2] == ["p2.s1", "p4.s1"]  # sentence order within
    reason_column = lines[starts[0]].index("number 14")
    block = lines[starts[0] : next(i for i in range(starts[0], len(lines)) if "──" in lines[i])]
    continued = [line for line in block if line.startswith(" ")]
    assert continued and all(line.index(line.strip()) == reason_column for line in continued)


def test_summary_prints_report_text_as_it_is_not_as_markup() -> None:
    # A quote's "[sic]" or a reason's "[bold]" is text: rich must not read it as a style.
    report = copy.deepcopy(drift_report())  # the fixture is shared: change a copy
    lang = report.languages[0]
    lang.quotes[0].text = "the [sic] most significant deterrent"
    lang.sentences[1].flags[0].reason = "number 14 became [bold]15[/bold]"
    out = io.StringIO()
    render_summary(report, Console(file=out, width=200, highlight=False, no_color=True))
    assert "the [sic] most significant deterrent" in out.getvalue()
    assert "number 14 became [bold]15[/bold]" in out.getvalue()


def test_offline_hint_names_apertium_only_for_its_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelUnavailableError) as russian:
        resolve_model("xlate-tests/no-such-model", "en", "ru")
    assert "apertium" not in str(russian.value) and "--model PATH" in str(russian.value)
    with pytest.raises(ModelUnavailableError) as spanish:
        resolve_model("xlate-tests/no-such-model", "en", "es")
    assert "--engine apertium works offline for en->es" in str(spanish.value)


def test_models_list_paths_break_at_slashes() -> None:
    path = "/usr/share/apertium/modes/eng-spa.mode"
    out = io.StringIO()
    Console(file=out, width=14, no_color=True).print(PathText(path))
    lines = [line.rstrip() for line in out.getvalue().splitlines()]
    assert lines == ["/usr/share/", "apertium/", "modes/", "eng-spa.mode"]
    wide = io.StringIO()
    Console(file=wide, width=80).print(PathText(path))
    assert wide.getvalue().strip() == path


def test_segment_keeps_the_final_blank_line() -> None:
    result = runner.invoke(app, ["segment", "-", "--lang", "en"], input="One. Two.\n\nThree.\n\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == "One.\nTwo.\n\nThree.\n\n"
    plain = runner.invoke(app, ["segment", "-", "--lang", "en"], input="One. Two.\n\nThree.\n")
    assert plain.stdout == "One.\nTwo.\n\nThree.\n"


def test_no_leaked_semaphore_warning_after_kill_9(tmp_path: Path) -> None:
    script = tmp_path / "killed.py"
    script.write_text(
        textwrap.dedent(
            """
            import os, signal
            from xlate.batch.pool import JobPool
            if __name__ == "__main__":
                pool = JobPool(2)
                print(pool.result(pool.submit(abs, -3)), flush=True)
                os.kill(os.getpid(), signal.SIGKILL)
            """
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # The tracker and forkserver inherit stderr: reading it to its end waits for them too.
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == -9 and done.stdout.strip() == "3"
    assert "leaked semaphore" not in done.stderr, done.stderr


def test_millar_is_a_thousand() -> None:
    assert [
        (m.text, m.value) for m in extract_numbers("Llegaron 12 millar de personas.", "es")
    ] == [("12 millar", "12000")]
    assert [m.value for m in extract_numbers("Llegaron 12 millares de personas.", "es")] == [
        "12000"
    ]
    assert [m.value for m in extract_numbers("Un millar de votos.", "es")] == ["1000"]
    assert extract_numbers("Llegaron millares de personas.", "es") == []  # vague, like "miles"
    checks, flags = check_numbers(
        "About 12 thousand people marched.", "Marcharon unos 12 millar de personas.", None,
        "en", "es", "p1.s1",
    )  # fmt: skip
    assert flags == [] and checks[0].status == "ok"


def test_batch_line_labels_the_engine_count(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    (in_dir / "story.txt").write_text("The sun is out. All is well.\n", encoding="utf-8")
    result = runner.invoke(
        app,
        ["batch", str(in_dir), "--from", "en", "--to", "es", "--out", str(tmp_path / "out"),
         "--engine", "fake", "--no-cache", "--workers", "1"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    # two sentences, there and back: four translations, and the line says what they count
    assert "4 sentence translations by the engine" in result.stderr
    assert "(each direction and target counted)" in result.stderr
