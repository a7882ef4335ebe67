"""Tables kept on disk between processes (xlate.text.built): read back only when nothing
they are made of changed; anything wrong on disk falls back to building."""

from __future__ import annotations

from pathlib import Path

import pytest

from xlate.text.built import built


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XLATE_TABLE_CACHE", str(tmp_path / "tables"))
    return tmp_path / "tables"


def _counting(table: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return table

    return calls, build


def test_a_table_is_read_back_until_a_source_changes(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "words.txt"
    source.write_text("uno\n", encoding="utf-8")
    table = {("en", "es"): {"one": "uno\nun"}, ("es", "en"): {}}
    calls, build = _counting(table)
    assert built("t", [source], build) == table
    assert built("t", [source], build) == table
    assert len(calls) == 1
    source.write_text("uno\ndos\n", encoding="utf-8")  # a new key: built again
    assert built("t", [source], build) == table
    assert len(calls) == 2
    assert len(list(folder.glob("t-*.marshal"))) == 1  # the stale one is gone


def test_a_damaged_file_is_built_again(folder: Path, tmp_path: Path) -> None:
    calls, build = _counting((1, "a"))
    built("t", [], build)
    (kept,) = folder.glob("t-*.marshal")
    kept.write_bytes(b"\x00garbage")
    assert built("t", [], build) == (1, "a")
    assert len(calls) == 2


def test_off_builds_every_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XLATE_TABLE_CACHE", "0")
    calls, build = _counting([1])
    built("t", [], build)
    built("t", [], build)
    assert len(calls) == 2


def test_an_unwritable_folder_only_costs_the_build(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XLATE_TABLE_CACHE", str(blocker / "tables"))  # under a file
    calls, build = _counting({"k": "v"})
    assert built("t", [], build) == {"k": "v"}
    assert built("t", [], build) == {"k": "v"}
    assert len(calls) == 2
