"""`xlate diff` and `xlate report` on a saved report, through typer's CliRunner."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from report_fixtures import drift_report
from typer.testing import CliRunner

from xlate.cli import app

runner = CliRunner()
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# FORCE_COLOR makes rich treat the runner's output as a terminal.
TERMINAL = {"FORCE_COLOR": "1", "COLUMNS": "160", "LINES": "5000", "NO_COLOR": ""}


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    path = tmp_path / "r.json"
    path.write_text(drift_report().to_json(), encoding="utf-8")
    return path


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=env)


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "diff" in result.output and "report" in result.output


def test_diff_piped_prints_plain_diff_markers(report_file: Path) -> None:
    result = run("diff", str(report_file))
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.stdout
    assert "[-14-]{+41+}" in result.stdout
    assert "quote q2 lost" in result.stdout
    assert "== en → es ==" in result.stdout and "== en → ru ==" in result.stdout


def test_diff_only_flagged_and_lang(report_file: Path) -> None:
    result = run("diff", str(report_file), "--only-flagged", "--lang", "es")
    assert result.exit_code == 0, result.output
    assert "en → ru" not in result.stdout
    assert "p2.s1  chrF" in result.stdout and "p1.s1  chrF" not in result.stdout
    ru = run("diff", str(report_file), "--lang", "ru")
    assert "en → es" not in ru.stdout and "Президент Венесуэлы" in ru.stdout


def test_diff_unknown_lang_is_one_line(report_file: Path) -> None:
    result = run("diff", str(report_file), "--lang", "fr")
    assert result.exit_code == 1
    expected = "xlate: error: the report has no 'fr' translation (it has: es, ru)"
    assert result.stderr.strip() == expected


def test_diff_layout_on_a_terminal(report_file: Path) -> None:
    columns = run("diff", str(report_file), "--layout", "columns", "--no-pager", env=TERMINAL)
    assert columns.exit_code == 0, columns.output
    assert "\x1b[" in columns.stdout  # a terminal: rich styles
    assert "back-translation (en)" in ANSI.sub("", columns.stdout)
    stacked = run("diff", str(report_file), "--layout", "stacked", "--no-pager", env=TERMINAL)
    assert "back-translation (en)" not in ANSI.sub("", stacked.stdout)
    assert re.search(r"^  translation ", ANSI.sub("", stacked.stdout), re.MULTILINE)
    bad = run("diff", str(report_file), "--layout", "diagonal")
    assert bad.exit_code == 2


def test_diff_no_color_on_a_terminal(report_file: Path) -> None:
    result = run("diff", str(report_file), "--no-color", "--no-pager", env=TERMINAL)
    assert result.exit_code == 0, result.output
    assert not re.search(r"\x1b\[[0-9;]*(3[0-7]|38;|48;)", result.stdout)
    assert "[-14-]" in ANSI.sub("", result.stdout)


def test_diff_pages_long_output_on_a_terminal(report_file: Path, tmp_path: Path) -> None:
    saved = tmp_path / "paged.txt"
    script = tmp_path / "pager.py"
    script.write_text(
        f"import sys, pathlib\npathlib.Path({str(saved)!r}).write_bytes(sys.stdin.buffer.read())\n",
        encoding="utf-8",
    )
    env = {**TERMINAL, "LINES": "24", "PAGER": f"{sys.executable} {script}"}
    result = run("diff", str(report_file), env=env)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "q2 lost" in ANSI.sub("", saved.read_text(encoding="utf-8"))
    saved.unlink()
    direct = run("diff", str(report_file), "--no-pager", env=env)
    assert "q2 lost" in ANSI.sub("", direct.stdout) and not saved.exists()


def test_report_writes_html_and_markdown(report_file: Path, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()  # a missing folder is refused, not made (test_output_paths)
    html, md = tmp_path / "out" / "r.html", tmp_path / "r.md"
    result = run("report", str(report_file), "--html", str(html), "--markdown", str(md))
    assert result.exit_code == 0, result.output
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "| id | chrF |" in md.read_text(encoding="utf-8")
    assert result.stdout == ""
    assert not list(tmp_path.glob("**/.*.tmp"))  # atomic writes leave nothing behind


def test_report_markdown_to_stdout(report_file: Path) -> None:
    for args in ((), ("--markdown", "-")):
        result = run("report", str(report_file), *args)
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("# samples/maduro-letter.en.txt")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("not json at all", "not JSON"),
        ('{"schema_version": "1.0", "mode": "roundtrip"}', "not an xlate report"),
        ('{"schema_version": "9.0"}', "schema 9.0 is not supported"),
        ("[1, 2]", "not an xlate report"),
    ],
)
def test_bad_report_files_give_one_line(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "bad.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    for command in (["diff"], ["report", "--html", str(tmp_path / "x.html")]):
        result = run(*command[:1], str(path), *command[1:])
        assert result.exit_code == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("xlate: error:") and message in lines[0]
        assert "Traceback" not in result.output
    assert not (tmp_path / "x.html").exists()


def test_diff_reads_a_report_from_stdin() -> None:
    result = runner.invoke(app, ["diff", "-", "--lang", "es"], input=drift_report().to_json())
    assert result.exit_code == 0, result.output
    assert "[-14-]{+41+}" in result.stdout and "en → ru" not in result.stdout
