"""`check --lines` without a back-translation streams: read, analysed and written part by
part (xlate.check_stream), with exactly the report and summary of the whole-document check.

Memory itself is measured in benchmarks/long_input.py; these tests pin that the streaming
path is the one taken and that it changes nothing a user can see.
"""

from __future__ import annotations

import gc
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import corpus_lines
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from typer.testing import CliRunner

from xlate import report_stream
from xlate.check import check
from xlate.check_stream import check_lines_streamed
from xlate.checks.partwise import PartwiseAnalysis
from xlate.cli import app
from xlate.errors import InputError
from xlate.text.segment import _split_lines
from xlate.textio import read_lines, read_text
from xlate.views.summary import render_summary

runner = CliRunner()


def _undated(text: str) -> str:
    return re.sub(r'"created": "[^"]*"', '"created": ""', text)


def _pair(tmp_path: Path, src: str, tgt: str, start: int, stop: int) -> tuple[Path, Path]:
    source, translation = tmp_path / f"in.{src}", tmp_path / f"in.{tgt}"
    source.write_text("\n".join(corpus_lines(src)[start:stop]) + "\n", encoding="utf-8")
    translation.write_text("\n".join(corpus_lines(tgt)[start:stop]) + "\n", encoding="utf-8")
    return source, translation


def _streamed_json(source: Path, translation: Path, src: str, tgt: str, **kwargs: Any) -> str:
    spool = source.parent / "spool"
    spool.mkdir(exist_ok=True)
    streamed = check_lines_streamed(str(source), str(translation), src, tgt, spool=spool, **kwargs)
    out = io.StringIO()
    try:
        streamed.write_json(out)
    finally:
        streamed.close()
    return out.getvalue()


def _whole_json(source: Path, translation: Path, src: str, tgt: str) -> str:
    report = check(
        read_text(source),
        read_text(translation),
        src,
        tgt,
        lines=True,
        path=str(source),
        translation_path=str(translation),
    )
    return report.to_json()


@pytest.mark.parametrize(
    ("src", "tgt", "start"),
    [
        ("en", "es", 0),
        # Lines 1021-1220 ru-en: a name the translation spells otherwise in one sentence
        # (Budesliga, line 1082, beside Bundesliga: the consistency check, whose flags
        # come once every part is in).
        ("ru", "en", 1020),
    ],
)
def test_streamed_report_is_byte_for_byte_the_whole_documents(
    tmp_path: Path, src: str, tgt: str, start: int
) -> None:
    source, translation = _pair(tmp_path, src, tgt, start, start + 200)
    streamed = _streamed_json(source, translation, src, tgt, chunk_lines=64)
    whole = _whole_json(source, translation, src, tgt)
    assert _undated(streamed) == _undated(whole)
    data = json.loads(streamed)
    (language,) = data["languages"]
    assert len(language["sentences"]) == 200 and language["quotes"] and language["entities"]
    if src == "ru":  # the late flags, merged into sentences of earlier parts
        altered = [s["line"] for s in language["sentences"] if "appears altered" in str(s)]
        assert altered and min(altered) <= 64


def test_the_lines_are_analysed_part_by_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, translation = _pair(tmp_path, "en", "es", 0, 150)
    sizes: list[int] = []
    add = PartwiseAnalysis.add

    def spy(self: PartwiseAnalysis, doc: Any, translations: Any, aligned_to: Any = None) -> Any:
        sizes.append(len(translations))
        return add(self, doc, translations, aligned_to)

    monkeypatch.setattr(PartwiseAnalysis, "add", spy)
    steps: list[tuple[str, int, int]] = []
    _streamed_json(
        source, translation, "en", "es", chunk_lines=40, progress=lambda *a: steps.append(a)
    )
    assert sizes == [40, 40, 40, 30]
    assert steps == [("lines", n, 150) for n in (0, 40, 80, 120, 150)]


def test_a_one_document_process_freezes_what_lives_between_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # xlate check (freeze=True): before and after each part, what is alive is moved out
    # of the cyclic collector's sight, and the collector is off inside a part; the report
    # is the same either way.
    source, translation = _pair(tmp_path, "en", "es", 0, 100)
    frozen: list[int] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(1))
    with_freeze = _streamed_json(source, translation, "en", "es", chunk_lines=40, freeze=True)
    assert len(frozen) == 6  # 3 parts
    assert gc.isenabled()  # back on after the last part
    without = _streamed_json(source, translation, "en", "es", chunk_lines=40)
    assert len(frozen) == 6  # a library caller's process is left as it was
    assert _undated(with_freeze) == _undated(without)


def test_the_cli_streams_and_writes_the_same_report_and_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, translation = _pair(tmp_path, "en", "es", 0, 120)
    parts: list[int] = []
    add = PartwiseAnalysis.add
    monkeypatch.setattr(PartwiseAnalysis, "add", lambda self, *a: parts.append(1) or add(self, *a))
    report = tmp_path / "r.json"
    args = ["check", str(source), str(translation), "--lines", "--engine", "none"]
    result = runner.invoke(app, [*args, "--report", str(report)], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert parts  # the streaming path
    whole = check(
        read_text(source),
        read_text(translation),
        lines=True,
        path=str(source),
        translation_path=str(translation),
    )
    assert _undated(report.read_text(encoding="utf-8")) == _undated(whole.to_json())
    console = Console(file=io.StringIO(), width=100, highlight=False)
    render_summary(whole, console)
    assert isinstance(console.file, io.StringIO)
    assert result.stdout == console.file.getvalue()
    printed = runner.invoke(app, [*args, "--json"])
    assert _undated(printed.stdout) == _undated(whole.to_json())
    failed = runner.invoke(app, [*args, "--fail-on", "high"])
    assert failed.exit_code == 3 and "flags of severity high" in failed.stderr


def test_the_streamed_summary_lists_the_worst_flags_and_says_how_many_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, translation = _pair(tmp_path, "en", "es", 0, 120)
    monkeypatch.setattr(report_stream, "SUMMARY_FLAGS", 3)
    monkeypatch.setattr(report_stream, "SUMMARY_QUOTES", 2)
    args = ["check", str(source), str(translation), "--lines", "--engine", "none"]
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    whole = check(read_text(source), read_text(translation), lines=True)
    flags = [(s.id, f) for s in whole.languages[0].sentences for f in s.flags]
    flags.sort(key=lambda item: report_stream.severity_rank(item[1].severity))
    rows = [
        line.split()[:3]
        for line in result.stdout.splitlines()
        if line.split()[:1] in (["high"], ["medium"], ["low"])
    ]
    assert rows == [[f.severity, sid, f.kind] for sid, f in flags[:3]]
    assert f"… and {len(flags) - 3} more flags" in result.stdout
    quotes = whole.languages[0].quotes
    assert f"… and {len(quotes) - 2} more quotes" in result.stdout
    # the two listed are the worst by status (lost, changed, unverified, kept), in order
    order = ["lost", "changed", "unverified", "kept"]
    worst = sorted(quotes, key=lambda q: order.index(q.status))[:2]
    assert len({q.status for q in quotes}) > 1  # a choice to make
    listed = [q.id for q in quotes if f" {q.id} “" in result.stdout]
    assert listed == [q.id for q in quotes if q in worst]
    counts = whole.languages[0].flag_counts()
    assert (
        f"flags: {counts['high']} high, {counts['medium']} medium, {counts['low']} low"
        in result.stdout
    )


def test_the_whole_report_serves_html_and_unequal_files_fail_before_any_work(
    tmp_path: Path,
) -> None:
    source, translation = _pair(tmp_path, "en", "es", 0, 30)
    html = tmp_path / "r.html"
    args = ["check", str(source), str(translation), "--lines", "--engine", "none"]
    assert runner.invoke(app, [*args, "--html", str(html)]).exit_code == 0
    assert "<html" in html.read_text(encoding="utf-8")
    translation.write_text("\n".join(corpus_lines("es")[:29]) + "\n", encoding="utf-8")
    result = runner.invoke(app, [*args, "--report", str(tmp_path / "x.json")])
    assert result.exit_code == 1
    assert "the source has 30, the translation 29" in result.stderr
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize(
    "data",
    [
        "one\r\ntwo\rthree\n\n  four  \r",
        "a" * 65535 + "\r\nb",  # a \r\n across the reader's block boundary
        "é" * 70000 + "\n" + "ж" * 10,
    ],
)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_read_lines_reads_as_read_text_splits(tmp_path: Path, data: str, encoding: str) -> None:
    path = tmp_path / "t.txt"
    path.write_bytes(data.encode(encoding))
    assert list(read_lines(path)) == list(zip(*_split_lines(read_text(path)), strict=True))


@pytest.mark.parametrize(
    "data", [b"caf\xe9 con leche\n", b"", b"  \n\n", b"\x00\x01\x02\x03" * 100]
)
def test_read_lines_refuses_what_read_text_refuses_with_the_same_line(
    tmp_path: Path, data: bytes
) -> None:
    path = tmp_path / "t.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as whole:
        read_text(path)
    with pytest.raises(InputError) as streamed:
        list(read_lines(path))
    assert str(streamed.value) == str(whole.value)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(value=_JSON, depth=st.integers(0, 4))
def test_the_report_writer_lays_out_json_as_json_dumps_with_indent_2(
    value: Any, depth: int
) -> None:
    # NaN, the infinities, control characters, empty containers, nesting: json's own bytes
    indent = "  " * depth
    parts: list[str] = []
    report_stream._indented(value, indent, parts)
    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)
    assert "".join(parts) == expected
