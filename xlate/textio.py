"""Reading user text safely and writing files atomically."""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from xlate.errors import InputError, OutputError

# Share of control characters above which a file is taken for binary.
_BINARY_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f", "\v"}


# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32BE"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32LE"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xfe\xff", "utf-16-be", "UTF-16BE"),
    (b"\xff\xfe", "utf-16-le", "UTF-16LE"),
)
# Legacy single-byte encodings of the three languages, tried in this order for the hint
# of an undecodable file: the one whose reading is mostly letters is named.
_LEGACY = (("cp1251", "CP1251"), ("koi8_r", "KOI8-R"), ("cp1252", "WINDOWS-1252"))
# Typographic marks a legacy Western text holds beside its letters.
_TYPOGRAPHY = frozenset("“”‘’„«»—–…•·°€£¡¿")


def decode_text(data: bytes, name: str) -> str:
    """Decode text with a byte-order mark (UTF-8/16/32) or plain UTF-8.

    Binary or undecodable bytes are refused with one line that names what was found and,
    for a legacy encoding, the ``iconv`` command that converts it.
    """
    text = _decode_marked(data, name)
    if text is None:
        if b"\x00" in data[:8192]:
            raise InputError(_nul_message(data, name))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            raise InputError(_not_utf8_message(data, name, err.start)) from None
    sample = text[:8192]
    controls = sum(1 for ch in sample if ch < " " and ch not in _ALLOWED_CONTROLS)
    if sample and controls / len(sample) > _BINARY_CONTROL_SHARE:
        raise InputError(f"{name}: looks like a binary file, not text")
    return text


def _decode_marked(data: bytes, name: str) -> str | None:
    """The text after a byte-order mark, or None where the data starts with none."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as err:
                raise InputError(
                    f"{name}: starts with a {label} byte-order mark but is not valid {label} "
                    f"(byte {err.start + len(bom)})"
                ) from None
            if not _reads_as_alphabetic(text):
                raise InputError(
                    f"{name}: starts with a {label} byte-order mark, but what follows does not "
                    f"read as {label} text"
                )
            return text
    return None


def _reads_as_alphabetic(text: str) -> bool:
    """Whether most letters are Latin or Cyrillic, as in any text xlate can translate.

    Bytes that merely begin like a byte-order mark decode to CJK or unassigned code points.
    """
    letters = [ch for ch in text[:4096] if ch.isalpha()]
    if not letters:
        return not any(not ch.isprintable() and not ch.isspace() for ch in text[:4096])
    ours = sum(ch < "\u0250" or "\u0400" <= ch <= "\u04ff" for ch in letters)
    return ours / len(letters) >= 0.5


def _nul_message(data: bytes, name: str) -> str:
    """NUL bytes: UTF-16/32 text that lost its byte-order mark, or a binary file."""
    head = data[:8192]
    for width, label in ((4, "UTF-32"), (2, "UTF-16")):
        for offset, endian in ((0, "LE"), (width - 1, "BE")):
            lanes = [head[i] for i in range(len(head)) if i % width != offset]
            if len(head) >= 2 * width and lanes and not any(lanes):
                return (
                    f"{name}: looks like {label}{endian} text without a byte-order mark; "
                    f"convert it first, e.g. iconv -f {label}{endian} -t UTF-8"
                )
    return f"{name}: looks like a binary file, not text"


def _not_utf8_message(data: bytes, name: str, position: int) -> str:
    # Russian words are runs of high bytes; Spanish accents in a legacy encoding stand alone
    # between ASCII letters (compr\xf3), so the Cyrillic readings are tried only for runs.
    high_at = [i for i, byte in enumerate(data[:8192]) if byte >= 0x80]
    runs = sum(
        1 for i in high_at if (i > 0 and data[i - 1] >= 0x80) or data[i + 1 : i + 2] >= b"\x80"
    )
    cyrillic_likely = bool(high_at) and runs / len(high_at) > 0.5
    for codec, label in _LEGACY:
        if (codec != "cp1252") != cyrillic_likely:
            continue
        reading = data.decode(codec, errors="replace")
        high = [ch for ch, byte in zip(reading, data, strict=False) if byte >= 0x80]
        readable = sum(ch.isalpha() or ch in _TYPOGRAPHY for ch in high)
        if high and readable / len(high) > 0.9 and _plausible(reading, codec):
            return (
                f"{name}: not valid UTF-8 (byte {position}); it reads as {label}: convert it "
                f"first, e.g. iconv -f {label} -t UTF-8"
            )
    return (
        f"{name}: not valid UTF-8 (byte {position}) and in no encoding xlate recognises; "
        "save it as UTF-8 first"
    )


def _plausible(reading: str, codec: str) -> bool:
    """Cyrillic readings are told apart by case: Russian text is mostly lower case."""
    cyrillic = [ch for ch in reading if "\u0400" <= ch <= "\u04ff"]
    if codec == "cp1252":
        return not cyrillic
    return bool(cyrillic) and sum(ch.islower() for ch in cyrillic) / len(cyrillic) > 0.5


def read_text(source: str | Path) -> str:
    """Read a text file, or standard input for ``-``; the text must not be empty."""
    name = str(source)
    if name == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        path = _readable(source)
        try:
            data = path.read_bytes()
        except OSError as err:
            raise InputError(f"{name}: cannot read ({err.strerror})") from None
    text = decode_text(data, name)
    if not text.strip():
        raise InputError(f"{name}: is empty; nothing to translate")
    return text


def _readable(source: str | Path) -> Path:
    path = Path(source)
    if not path.exists():
        raise InputError(f"{source}: no such file")
    if path.is_dir():
        raise InputError(f"{source}: is a directory, not a file")
    return path


# Bytes read at a time by read_lines, and the characters decode_text tests for binary.
_BLOCK = 1 << 16
_SAMPLE = 8192
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def read_lines(source: str | Path) -> Iterator[tuple[str, str]]:
    """The lines of a text file, each with the line break after it as it was ("" after
    the last line when the file does not end with one), a block at a time: a file of any
    length in bounded memory.

    Decoded and refused as ``read_text`` does, with the same one line (which is raised
    before any line comes, except an undecodable byte past the first block: when the
    reading gets there; and an empty file: at its end).
    """
    name = str(source)
    path = _readable(source)
    pending = ""
    checked = False
    nonblank = False
    for text in _decoded_blocks(path, name):
        pending += text
        if not checked:
            if len(pending) < _SAMPLE:
                continue
            _check_sample(pending, name)
            checked = True
        lines, pending = _complete_lines(pending, final=False)
        nonblank = nonblank or any(line.strip() for line, _ in lines)
        yield from lines
    if not checked:
        _check_sample(pending, name)
    lines, rest = _complete_lines(pending, final=True)
    nonblank = nonblank or any(line.strip() for line, _ in lines) or bool(rest.strip())
    if not nonblank:
        raise InputError(f"{name}: is empty; nothing to translate")
    yield from lines
    if rest:
        yield rest, ""


def _decoded_blocks(path: Path, name: str) -> Iterator[str]:
    """The file's text, decoded block by block (by its byte-order mark, else as UTF-8)."""
    try:
        handle = path.open("rb")
    except OSError as err:
        raise InputError(f"{name}: cannot read ({err.strerror})") from None
    with handle:
        head = handle.read(_BLOCK)
        codec, skip, label = "utf-8", 0, ""
        for bom, bom_codec, bom_label in _BOMS:
            if head.startswith(bom):
                codec, skip, label = bom_codec, len(bom), bom_label
                break
        else:
            if b"\x00" in head[:_SAMPLE]:
                raise InputError(_nul_message(head, name))
        decoder = codecs.getincrementaldecoder(codec)()
        data = head[skip:]
        first = True
        while True:
            try:
                text = decoder.decode(data, final=not data)
            except UnicodeDecodeError:
                # A bad file: read it whole once, for the very line read_text gives.
                decode_text(path.read_bytes(), name)
                raise InputError(f"{name}: cannot be decoded") from None
            # The first block holds thousands of characters, all _reads_as_alphabetic reads.
            if first and label and not _reads_as_alphabetic(text):
                raise InputError(
                    f"{name}: starts with a {label} byte-order mark, but what follows does not "
                    f"read as {label} text"
                )
            first = False
            yield text
            if not data:
                return
            data = handle.read(_BLOCK)


def _check_sample(text: str, name: str) -> None:
    """decode_text's test for binary, on the first decoded characters."""
    sample = text[:_SAMPLE]
    controls = sum(1 for ch in sample if ch < " " and ch not in _ALLOWED_CONTROLS)
    if sample and controls / len(sample) > _BINARY_CONTROL_SHARE:
        raise InputError(f"{name}: looks like a binary file, not text")


def _complete_lines(buffer: str, *, final: bool) -> tuple[list[tuple[str, str]], str]:
    """The whole lines at the start of ``buffer`` and what is left after them. A ``\r``
    at its very end may be half of a ``\r\n`` and waits for more, unless ``final``."""
    out: list[tuple[str, str]] = []
    pos = 0
    for match in _LINE_BREAK.finditer(buffer):
        if not final and match.group() == "\r" and match.end() == len(buffer):
            break
        out.append((buffer[pos : match.start()], match.group()))
        pos = match.end()
    return out, buffer[pos:]


def check_output_path(path: str | Path) -> Path:
    """Refuse, before any work, an output file that cannot be written where it is asked for.

    The folder must exist (a typo in it is not silently created), be a folder and take a
    new file; the path must not be a folder or a read-only file.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give a file name to write to")
    if not directory.exists():
        raise OutputError(f"{target}: folder {directory} does not exist; create it first")
    if not directory.is_dir():
        raise OutputError(f"{target}: {directory} is not a folder")
    if target.exists() and not os.access(target, os.W_OK):
        raise OutputError(f"{target}: is read-only; choose another file or change its mode")
    _probe(target, directory)
    return target


def check_output_folder(path: str | Path) -> Path:
    """Refuse, before any work, an output folder that cannot be used.

    It may not exist yet (a batch makes it, and its tree), but its parent must: a typo
    in the path is not silently created. A file there, or a folder that takes no new
    file, is refused.
    """
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: is a file, not a folder; give a folder to write to")
    parent = target.parent if str(target.parent) else Path(".")
    if not target.exists() and not parent.is_dir():
        raise OutputError(f"{target}: folder {parent} does not exist; create it first")
    _probe(target, target if target.exists() else parent)
    return target


def _probe(target: Path, directory: Path) -> None:
    """Create and remove a temporary file in ``directory``: the one test that holds on
    read-only file systems, under ``/proc`` and for root, where permission bits say nothing."""
    try:
        fd, probe = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".probe", dir=directory)
    except OSError as err:
        raise OutputError(
            f"{target}: cannot write in {directory} ({err.strerror or err})"
        ) from None
    os.close(fd)
    os.unlink(probe)


def atomic_write(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    A crash or Ctrl-C leaves either the old file or the new one, never half of one.
    """
    with atomic_writer(path) as handle:
        handle.write(text)


@contextlib.contextmanager
def atomic_writer(path: str | Path) -> Iterator[TextIO]:
    """A file to write ``path``'s new text into, piece by piece (a report too long to
    hold): a temporary file renamed to ``path`` when the block ends without an error,
    removed when it does not."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would, or
        # keep the mode of the file it replaces.
        os.chmod(tmp, _mode_for(target))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
