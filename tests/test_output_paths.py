"""Output paths are checked before any work: one line, exit 1, nothing translated."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from xlate.cli import app
from xlate.engines.fake import FakeTranslator
from xlate.textio import check_output_folder, check_output_path

runner = CliRunner()


@pytest.fixture
def engine_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Every batch the fake engine is asked to translate, in any instance."""
    calls: list[list[str]] = []
    original = FakeTranslator.translate_batch

    def recording(self, sentences, src, tgt, *, alignments=False):  # type: ignore[no-untyped-def]
        calls.append(list(sentences))
        return original(self, sentences, src, tgt, alignments=alignments)

    monkeypatch.setattr(FakeTranslator, "translate_batch", recording)
    return calls


def bad_paths(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Each bad output path, with a word its one-line error must contain."""
    return {
        "missing folder": (tmp_path / "no-such-folder" / "out.json", "does not exist"),
        "a folder": (tmp_path, "is a folder"),
        "under /proc": (Path("/proc/xlate-out.json"), "cannot write"),
    }


def _one_line_error(result, word: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("xlate: error:"), result.stderr
    assert word in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize("kind", ["missing folder", "a folder", "under /proc"])
@pytest.mark.parametrize("option", ["--report", "--html", "--markdown"])
def test_roundtrip_refuses_bad_output_before_translating(
    tmp_path: Path, sample_path: Path, engine_calls: list[list[str]], kind: str, option: str
) -> None:
    path, word = bad_paths(tmp_path)[kind]
    result = runner.invoke(
        app, ["roundtrip", str(sample_path), "--to", "es", "--engine", "fake", option, str(path)]
    )
    _one_line_error(result, word)
    assert engine_calls == []  # refused before the first sentence


@pytest.mark.parametrize("kind", ["missing folder", "a folder", "under /proc"])
def test_translate_refuses_bad_output_before_translating(
    tmp_path: Path, sample_path: Path, engine_calls: list[list[str]], kind: str
) -> None:
    path, word = bad_paths(tmp_path)[kind]
    result = runner.invoke(
        app, ["translate", str(sample_path), "--to", "es", "--engine", "fake", "-o", str(path)]
    )
    _one_line_error(result, word)
    assert engine_calls == []
    assert not (tmp_path / "no-such-folder").exists()  # a typo is not created


def test_check_refuses_bad_report_before_back_translating(
    tmp_path: Path, engine_calls: list[list[str]]
) -> None:
    source, translation = tmp_path / "a.en", tmp_path / "a.es"
    source.write_text("Prices rose by 12 percent.\n", encoding="utf-8")
    translation.write_text("Los precios subieron un 12 por ciento.\n", encoding="utf-8")
    result = runner.invoke(
        app,
        ["check", str(source), str(translation), "--lines", "--engine", "fake",
         "--report", str(tmp_path / "typo" / "r.json")],
    )  # fmt: skip
    _one_line_error(result, "does not exist")
    assert engine_calls == []


def test_report_command_refuses_folder_as_html(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(tmp_path / "missing.json"), "--html", str(tmp_path)])
    _one_line_error(result, "is a folder")  # before the report is even read


def test_batch_refuses_out_that_is_a_file_or_under_a_missing_folder(
    tmp_path: Path, sample_path: Path, engine_calls: list[list[str]]
) -> None:
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "story.txt").write_text(sample_path.read_text(encoding="utf-8"), encoding="utf-8")
    a_file = tmp_path / "out.txt"
    a_file.write_text("", encoding="utf-8")
    for out, word in [(a_file, "not a folder"), (tmp_path / "typo" / "out", "does not exist")]:
        result = runner.invoke(
            app, ["batch", str(articles), "--to", "es", "--engine", "fake", "--out", str(out)]
        )
        _one_line_error(result, word)
    assert engine_calls == []


def test_good_output_paths_pass_and_leave_nothing(tmp_path: Path) -> None:
    assert check_output_path(tmp_path / "new.json") == tmp_path / "new.json"
    assert check_output_folder(tmp_path / "new-folder") == tmp_path / "new-folder"
    assert list(tmp_path.iterdir()) == []  # the probes are gone, the folder not made yet
