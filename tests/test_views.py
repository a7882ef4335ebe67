"""The report views: word diff, terminal (rich and plain, golden files), HTML and Markdown.

Goldens live in tests/golden/; regenerate them with ``UPDATE_GOLDEN=1 pytest tests/test_views.py``
and read the diff before committing.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_fixtures import QUOTE_DETERRENT, check_report, drift_report, hostile_report
from rich.cells import cell_len
from rich.console import Console

from xlate.errors import ConfigError, LanguageError
from xlate.report import Report
from xlate.views import render_html, render_markdown, render_plain, render_terminal, show_report
from xlate.views.model import Span, build_views, find_fragment, segments
from xlate.views.pager import page, pager_command
from xlate.views.terminal import resolve_layout
from xlate.views.worddiff import inline_diff, tokenize, word_diff

GOLDEN = Path(__file__).parent / "golden"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden {path}; run with UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; UPDATE_GOLDEN=1 if meant"


def terminal(width: int, **kwargs: object) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    console = Console(
        width=width,
        file=out,
        force_terminal=True,
        color_system="truecolor",
        legacy_windows=False,
        **kwargs,  # type: ignore[arg-type]
    )
    return console, out


def rendered(width: int, report: Report | None = None, **options: object) -> str:
    console, out = terminal(width)
    render_terminal(report or drift_report(), console, **options)  # type: ignore[arg-type]
    return out.getvalue()


# --- word diff ------------------------------------------------------------------------


def test_inline_diff_marks_deleted_inserted_and_replaced_runs() -> None:
    old = "The request includes 14 missile units and the refurbishment of fighters."
    new = "The request includes 41 missile units and fighters."
    assert inline_diff(old, new) == (
        "The request includes [-14-]{+41+} missile units and [-the refurbishment of-] fighters."
    )
    assert inline_diff("a b", "a new b") == "a {+new+} b"
    assert inline_diff("", "new words") == "{+new words+}"
    assert inline_diff("old words", "") == "[-old words-]"


def test_diff_ignores_case_typographic_quotes_and_latin_accents_only() -> None:
    assert inline_diff("“Deterrent” — Nicolás", '"deterrent" - Nicolas') == "“Deterrent” — Nicolás"
    # A decomposed accent is one word, equal to the composed one.
    assert [t.text for t in tokenize("Hugo Cha\u0301vez.")] == ["Hugo", "Cha\u0301vez", "."]
    assert inline_diff("Hugo Cha\u0301vez", "Hugo Chávez") == "Hugo Cha\u0301vez"
    # Russian й and и are different letters, not an accent.
    assert inline_diff("мой дом", "мои дом") == "[-мой-]{+мои+} дом"


def test_word_diff_spans_point_into_each_text() -> None:
    old, new = "Maduro asked for 14 units", "Maduro asked for 41 units"
    (change,) = [op for op in word_diff(old, new) if op.tag != "equal"]
    assert change.tag == "replace"
    assert old[change.old_start : change.old_end] == "14"
    assert new[change.new_start : change.new_end] == "41"


def test_segments_carry_every_covering_mark() -> None:
    parts = segments("abcdef", [Span(1, 4, "del"), Span(2, 6, "quote-lost")])
    assert [(p.text, sorted(p.marks)) for p in parts] == [
        ("a", []),
        ("b", ["del"]),
        ("cd", ["del", "quote-lost"]),
        ("ef", ["quote-lost"]),
    ]


def test_quote_running_over_a_sentence_boundary_is_found_in_both_parts() -> None:
    quote = "we will defend our country. Nobody will stop us"
    first = "He said: “we will defend our country."
    second = "Nobody will stop us,” he added."
    (a,) = find_fragment(first, quote)
    (b,) = find_fragment(second, quote)
    assert first[a[0] : a[1]] == "we will defend our country."
    assert second[b[0] : b[1]] == "Nobody will stop us"
    assert find_fragment("Unrelated text here.", quote) == []


# --- terminal ---------------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 160])
def test_terminal_view_golden(width: int) -> None:
    check_golden(f"terminal_{width}.ansi", rendered(width))


def test_plain_view_golden() -> None:
    check_golden("plain.txt", render_plain(drift_report()))


def test_terminal_shows_the_drift() -> None:
    text = ANSI.sub("", rendered(300, layout="stacked"))  # wide: nothing wraps
    assert "q1 changed (chrF 58.4)" in text and "q2 lost" in text
    assert "missing: significant, deterrent" in text
    assert "number 14 changed → 41" in text
    assert "name Velásquez missing" in text
    assert "flags (en → es)" in text and "no flags (en → ru)" in text
    assert "chrf: nrefs:1|case:mixed" in text  # signatures in the header


def test_terminal_styles_diff_quotes_and_scores() -> None:
    raw = rendered(160, lang="es")
    assert "\x1b[9;31mof Russia" in raw  # deleted: red strike-through
    assert "\x1b[1;32mas\x1b" in raw  # inserted: bold green
    assert "\x1b[1;33mapplication" in raw  # replaced: bold yellow
    assert "48;2;94;28;28m" in raw  # lost quote background
    assert "48;2;77;60;0m" in raw  # changed quote background
    assert "\x1b[1;32m100.0" in raw and "\x1b[1;38;5;208m 45.1" in raw  # chrF scale


def test_columns_align_cyrillic_and_decomposed_accents_by_cell_width() -> None:
    text = ANSI.sub("", rendered(130, layout="columns"))
    lines = text.splitlines()
    table_lines = [line for line in lines if re.search("[а-я]|\u0301", line)]
    assert len(table_lines) >= 5
    assert {cell_len(line) for line in table_lines} == {130}
    # len() would have been wrong: a combining accent takes no cell.
    assert any(len(line) != cell_len(line) for line in table_lines)


def test_layout_auto_stacks_under_100_columns() -> None:
    assert resolve_layout("auto", 99) == "stacked"
    assert resolve_layout("auto", 100) == "columns"
    assert resolve_layout("stacked", 200) == "stacked"
    with pytest.raises(ConfigError):
        resolve_layout("diagonal", 100)
    stacked = ANSI.sub("", rendered(160, layout="stacked"))
    label = re.compile(r"^  translation ", re.MULTILINE)  # stacked rows' labels
    assert "original (en)" not in stacked and label.search(stacked)
    columns = ANSI.sub("", rendered(80, layout="columns"))
    assert "original (en)" in columns and not label.search(columns)


def test_only_flagged_and_lang_select_rows() -> None:
    text = ANSI.sub("", rendered(160, only_flagged=True, lang="es"))
    assert "en → ru" not in text
    for sid in ("p2.s1", "p3.s1", "p4.s1"):
        assert sid in text
    assert "p1.s1" not in text and "p5.s1" not in text
    assert "no flagged sentences" in ANSI.sub("", rendered(160, only_flagged=True, lang="ru"))
    with pytest.raises(LanguageError, match="it has: es, ru"):
        rendered(160, lang="fr")


def test_no_color_terminal_keeps_diff_readable_with_markers() -> None:
    console, out = terminal(160, no_color=True)
    render_terminal(drift_report(), console, lang="es")
    raw = out.getvalue()
    assert not re.search(r"\x1b\[[0-9;]*(3[0-7]|38;|48;)", raw)  # no colour codes
    text = ANSI.sub("", raw)
    assert "[-14-]" in text and "{+41+}" in text


def test_a_console_that_is_not_a_terminal_gets_plain_text() -> None:
    out = io.StringIO()
    render_terminal(drift_report(), Console(file=out, width=80), lang="es")
    text = out.getvalue()
    assert "\x1b[" not in text
    assert "[-14-]{+41+}" in text
    # One sentence per line however long: no wrapping at the console width.
    assert any(len(line) > 100 for line in text.splitlines())


def test_check_mode_without_back_translation() -> None:
    text = ANSI.sub("", rendered(160, check_report()))
    assert "given translation" in text
    assert "Una frase que no corresponde a nada." in text
    plain = render_plain(check_report())
    assert "back:        —" in plain and "diff:" not in plain.split("p1.s1", 1)[1]


# --- pager --------------------------------------------------------------------------------


class FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True


def capture_pager(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point $PAGER at a script that saves what it is given and the LESS it sees."""
    saved = tmp_path / "paged.txt"
    script = tmp_path / "pager.py"
    script.write_text(
        "import os, sys, pathlib\n"
        "data = sys.stdin.buffer.read().decode()\n"
        f"pathlib.Path({str(saved)!r}).write_text(os.environ.get('LESS', '') + '\\n' + data)\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PAGER", f"{sys.executable} {script}")
    monkeypatch.delenv("LESS", raising=False)
    return saved


def test_pager_command_defaults_to_less(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PAGER", raising=False)
    assert pager_command() == ["less"]
    monkeypatch.setenv("PAGER", "most -s")
    assert pager_command() == ["most", "-s"]


def test_page_keeps_colours_with_less_r(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    saved = capture_pager(tmp_path, monkeypatch)
    page("\x1b[31mred\x1b[0m\n")
    less, text = saved.read_text().split("\n", 1)
    assert less == "FRX" and text == "\x1b[31mred\x1b[0m\n"


def test_long_view_on_a_terminal_goes_through_the_pager(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = capture_pager(tmp_path, monkeypatch)
    monkeypatch.setenv("LINES", "20")
    monkeypatch.setenv("COLUMNS", "160")
    screen = FakeTty()
    show_report(drift_report(), file=screen)
    assert screen.getvalue() == ""
    assert "q2 lost" in ANSI.sub("", saved.read_text())
    # Short output, or --no-pager, goes straight to the terminal.
    saved.unlink()
    show_report(drift_report(), file=screen, pager=False, lang="ru", only_flagged=True)
    assert "no flagged sentences" in screen.getvalue() and not saved.exists()


# --- HTML -----------------------------------------------------------------------------------


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Collect:
    parser = Collect()
    parser.feed(html)
    parser.close()
    return parser


def test_html_holds_every_flagged_quote_and_sentence() -> None:
    report = drift_report()
    page_ = parse(render_html(report))
    text = "".join(page_.text)
    ids = {attrs.get("id") for _, attrs in page_.tags}
    for view in build_views(report):
        for row in view.rows:
            assert f"{view.report.target}-{row.record.id}" in ids
            assert row.record.source in text
        for quote in view.report.quotes:
            assert f"{view.report.target}-{quote.id}" in ids  # its card
            assert quote.text in text
    cards = [a for tag, a in page_.tags if tag == "article"]
    assert len(cards) == 4
    assert sum("lost" in (a.get("class") or "") for a in cards) == 1
    assert QUOTE_DETERRENT in text and "significant, deterrent" in text
    flagged = [a for tag, a in page_.tags if tag == "tr" and "flagged" in (a.get("class") or "")]
    assert [a["id"] for a in flagged] == ["es-p2.s1", "es-p3.s1", "es-p4.s1"]


def test_html_loads_nothing_external_and_prints() -> None:
    html = render_html(drift_report())
    page_ = parse(html)
    for _tag, attrs in page_.tags:
        for name in ("src", "href", "action", "srcset"):
            value = attrs.get(name) or ""
            assert not value.startswith(("http:", "https:", "//")), (name, value)
    assert not re.search(r"url\(|@import|https?://", html)
    assert not any(tag in ("script", "link", "img", "iframe") for tag, _ in page_.tags)
    assert "default-src 'none'" in html
    assert "@media print" in html


def test_html_escapes_report_text() -> None:
    html = render_html(hostile_report())
    page_ = parse(html)
    assert not any(tag in ("script", "b", "i", "img") for tag, _ in page_.tags)
    text = "".join(page_.text)
    assert '<script>alert("x")</script>' in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "&lt;evil&gt;.txt" in html


# --- Markdown -------------------------------------------------------------------------------


def table_shapes(markdown: str) -> list[list[int]]:
    """Cells per row of each table (unescaped pipes only)."""
    tables: list[list[int]] = []
    previous = ""
    for line in markdown.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append(len(re.split(r"(?<!\\)\|", line)) - 2)
        previous = line
    return tables


def test_markdown_tables_have_a_consistent_shape() -> None:
    markdown = render_markdown(drift_report())
    shapes = table_shapes(markdown)
    # summary; per language: quotes, sentences, flags (no flags table for ru)
    assert len(shapes) == 6
    for rows in shapes:
        assert len(set(rows)) == 1 and len(rows) >= 3
    assert "~~14~~**41**" in markdown
    assert "| q2 | **lost** |" in markdown
    assert "number 14 changed → 41" in markdown


def test_markdown_escapes_report_text() -> None:
    markdown = render_markdown(hostile_report())
    for rows in table_shapes(markdown):
        assert len(set(rows)) == 1
    assert "\\<script\\>" in markdown and "<script>" not in markdown
    assert "\\[link\\](http://x)" in markdown


def test_fixture_report_survives_json() -> None:
    report = drift_report()
    assert Report.from_dict(json.loads(report.to_json())) == report
