"""Reading odd encodings and refusing unwritable outputs, each with one line that says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from xlate.errors import InputError, OutputError
from xlate.textio import atomic_write, check_output_path, decode_text

RUSSIAN = "Мадуро попросил у России поддержки для 14 ракетных подразделений.\n"
SPANISH = "Él pidió apoyo logístico a Rusia; el señor compró café en Bogotá.\n"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_read(codec: str) -> None:
    text = RUSSIAN + SPANISH + "“the most significant deterrent”\n"
    data = text.encode(codec)
    if codec in ("utf-16-le", "utf-16-be"):  # these codecs write no mark of their own
        data = "\ufeff".encode(codec) + data
    assert decode_text(data, "a.txt") == text


def test_bytes_that_only_begin_like_a_mark_are_refused_as_such() -> None:
    with pytest.raises(InputError) as err:
        decode_text(b"\xff\xfe abc", "odd.txt")
    message = str(err.value)
    assert "UTF-16LE byte-order mark" in message and "LATIN1" not in message
    assert "\n" not in message


def test_a_broken_utf16_file_names_its_encoding() -> None:
    with pytest.raises(InputError, match="not valid UTF-16LE"):
        decode_text(b"\xff\xfe\x00\xd8a\x00", "cut.txt")  # a lone surrogate


def test_utf16_without_a_mark_is_named_not_called_binary() -> None:
    with pytest.raises(InputError) as err:
        decode_text(SPANISH.encode("utf-16-le"), "nomark.txt")
    assert "UTF-16LE" in str(err.value) and "iconv -f UTF-16LE" in str(err.value)


@pytest.mark.parametrize(
    ("text", "codec", "label"),
    [
        (RUSSIAN, "cp1251", "CP1251"),
        (RUSSIAN, "koi8_r", "KOI8-R"),
        (SPANISH, "cp1252", "WINDOWS-1252"),
        ("He called it “the most significant deterrent” — twice.\n", "cp1252", "WINDOWS-1252"),
    ],
)
def test_the_hint_names_the_legacy_encoding_the_bytes_read_as(
    text: str, codec: str, label: str
) -> None:
    with pytest.raises(InputError) as err:
        decode_text(text.encode(codec), "legacy.txt")
    assert f"iconv -f {label} -t UTF-8" in str(err.value)


def test_binary_is_still_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_text(bytes(range(256)) * 4, "blob.bin")


def test_output_into_a_missing_folder_is_refused_not_created(tmp_path: Path) -> None:
    target = tmp_path / "typo" / "report.json"
    with pytest.raises(OutputError, match="does not exist"):
        check_output_path(target)
    assert not (tmp_path / "typo").exists()


def test_output_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a folder"):
        check_output_path(tmp_path)


def test_output_where_no_file_can_be_made_is_refused() -> None:
    # /proc takes no new files, even for root (CI runs as root, where mode bits say nothing).
    with pytest.raises(OutputError, match="cannot write"):
        check_output_path("/proc/xlate-report.json")


def test_a_writable_output_passes_and_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    assert check_output_path(target) == target
    assert list(tmp_path.iterdir()) == []
    atomic_write(target, "Hola.\n")
    assert check_output_path(target) == target
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
