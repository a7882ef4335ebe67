"""The CLI shell: input errors, formats, layout, through the deterministic fake engine."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from xlate.cli import app
from xlate.errors import ConfigError

runner = CliRunner()


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


def test_help_lists_commands() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "translate" in result.output and "segment" in result.output


def test_translate_keeps_layout_of_sample(sample_path: Path, sample_text: str) -> None:
    result = run("translate", str(sample_path), "--from", "en", "--to", "es", "--engine", "fake")
    assert result.exit_code == 0, result.output
    assert result.stdout == sample_text  # echo engine: the layout must come back byte for byte


def test_translate_jsonl_has_ids(sample_path: Path) -> None:
    result = run(
        "translate", str(sample_path), "--to", "es", "--engine", "fake", "--format", "jsonl"
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records[0]["id"] == "p1.s1"
    assert {"id", "paragraph", "sentence", "source", "translation"} <= records[0].keys()


def test_translate_lines_keeps_line_numbers() -> None:
    result = run(
        "translate",
        "-",
        "--from",
        "en",
        "--to",
        "es",
        "--engine",
        "fake",
        "--lines",
        "--format",
        "jsonl",
        input="One. Two.\n\nThree.\n",
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["line"] for r in records] == [1, 3]
    assert records[0]["source"] == "One. Two."


def test_script_drives_fake_engine(tmp_path: Path) -> None:
    script = tmp_path / "script.json"
    script.write_text(json.dumps({"en-es": {"Hello.": "Hola."}}), encoding="utf-8")
    out = tmp_path / "out.txt"
    result = run(
        "translate",
        "-",
        "--from",
        "en",
        "--to",
        "es",
        "--engine",
        "fake",
        "--model",
        str(script),
        "--output",
        str(out),
        input="Hello.\n",
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == "Hola.\n"


def test_bad_inputs_give_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Año nuevo en España".encode("latin-1"))
    cases = {
        str(tmp_path / "missing.txt"): "no such file",
        str(empty): "empty",
        str(binary): "binary",
        str(latin1): "UTF-8",
    }
    for path, words in cases.items():
        result = run("translate", path, "--from", "en", "--to", "es", "--engine", "fake")
        assert result.exit_code == 1, (path, result.output)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0], (path, result.stderr)


def test_unsupported_language_and_pair() -> None:
    for args in (
        ["--from", "en", "--to", "de"],
        ["--from", "fr", "--to", "es"],
        ["--from", "en", "--to", "en"],
    ):
        result = run("translate", "-", *args, "--engine", "fake", input="Hello.\n")
        assert result.exit_code == 1, result.output
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.output


def test_undetectable_language_asks_for_from() -> None:
    result = run("translate", "-", "--to", "es", "--engine", "fake", input="1234 5678\n")
    assert result.exit_code == 1
    assert "--from" in result.stderr


def test_detects_language_when_from_is_omitted() -> None:
    result = run(
        "translate",
        "-",
        "--to",
        "en",
        "--engine",
        "fake",
        "--format",
        "json",
        input="El presidente habló ayer con los periodistas en Caracas.\n",
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["source_lang"] == "es"


def test_installed_command_runs(tmp_path: Path) -> None:
    """The console script itself, not just the in-process app."""
    proc = subprocess.run(
        [sys.executable, "-m", "xlate", "translate", str(tmp_path / "nope.txt"), "--to", "es"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"xlate: error: {tmp_path / 'nope.txt'}: no such file"


def test_atomic_write_gives_ordinary_permissions(tmp_path: Path) -> None:
    import os
    import stat

    from xlate.textio import atomic_write

    fresh = tmp_path / "new.txt"
    atomic_write(fresh, "hola\n")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
    kept = tmp_path / "kept.txt"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o640)
    atomic_write(kept, "new")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    assert kept.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_fail_on_choices_are_the_one_severity_order() -> None:
    from xlate.cli.common import FailOn
    from xlate.report import SEVERITIES, is_at_least, severity_rank, worst_severity

    assert tuple(choice.value for choice in FailOn) == SEVERITIES
    assert [severity_rank(s) for s in (*SEVERITIES, "unheard-of")] == [0, 1, 2, 3]
    assert is_at_least("high", "medium") and is_at_least("medium", "medium")
    assert not is_at_least("low", "medium")
    assert worst_severity(["low", "unheard-of", "medium"]) == "medium"
    assert worst_severity([]) is None


def test_threshold_overrides_are_name_equals_number(tmp_path: Path) -> None:
    from xlate.config import load_thresholds

    config = tmp_path / "xlate.toml"
    config.write_text("[thresholds]\nsentence_chrf_medium = 60\n", encoding="utf-8")
    thresholds = load_thresholds(config, ["sentence_chrf_high = 30"])
    assert (thresholds.sentence_chrf_medium, thresholds.sentence_chrf_high) == (60, 30.0)
    with pytest.raises(ConfigError, match="--threshold 'sentence_chrf_high': expected NAME="):
        load_thresholds(config, ["sentence_chrf_high"])
    with pytest.raises(ConfigError, match="--threshold: unknown threshold 'nonsense'"):
        load_thresholds(config, ["nonsense=1"])


def test_segment_json_lists_sentences() -> None:
    result = run("segment", "-", "--lang", "en", "--format", "json", input="One. Two.\n\nThree.\n")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["lang"] == "en"
    assert [s["id"] for s in data["sentences"]] == ["p1.s1", "p1.s2", "p2.s1"]


def test_public_api_is_importable() -> None:
    import xlate

    missing = [name for name in xlate.__all__ if not hasattr(xlate, name)]
    assert missing == []
    assert sorted(xlate.__all__) == xlate.__all__ or set(xlate.__all__) >= {
        "translate_text",
        "roundtrip",
        "check",
        "Report",
    }


def test_python_api_translates_and_round_trips() -> None:
    import xlate
    from xlate.engines.fake import FakeTranslator

    engine = FakeTranslator(script={"en-es": {"Hello.": "Hola."}})
    assert xlate.translate_text("Hello.\n\nHello.\n", "en", "es", engine=engine) == (
        "Hola.\n\nHola.\n"
    )
    assert engine.sentences_translated == 1  # the repeated sentence is translated once
    doc = xlate.segment("Hello.\n", "en")
    report = xlate.roundtrip(doc, "en", "es", engine=engine)
    assert isinstance(report, xlate.Report)
    assert report.languages[0].sentences[0].translation == "Hola."
