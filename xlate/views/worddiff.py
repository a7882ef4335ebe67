"""Word-level diff of an original sentence and its back-translation, for display only.

Tokens are words (with inner hyphens, apostrophes and digit groups) and single punctuation
marks; they are compared case-folded, with typographic quotes, apostrophes and dashes
folded to one form, so that ``“deterrent”`` and ``"deterrent"`` count as equal. Scores
come from the report; nothing here measures anything.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal

Tag = Literal["equal", "delete", "insert", "replace"]

# Word characters, including combining accents (decomposed "é" is "e" + U+0301).
_W = r"[\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
# A word with inner joiners (U.S., Su-30MK2, l'armée, 1,500,000) or one non-space mark.
_TOKEN = re.compile(rf"{_W}+(?:[-'’.,]{_W}+)*|[^\w\s]")
_FOLD = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "–": "-",
        "—": "-",
    }
)

DELETE_OPEN, DELETE_CLOSE = "[-", "-]"
INSERT_OPEN, INSERT_CLOSE = "{+", "+}"


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return _fold_latin_accents(self.text.translate(_FOLD)).casefold()


@dataclass(frozen=True)
class DiffOp:
    """One run of the diff; spans are character offsets into the old and new strings."""

    tag: Tag
    old_start: int
    old_end: int
    new_start: int
    new_end: int


def _fold_latin_accents(text: str) -> str:
    """Drop accents on Latin letters (Nicolás = Nicolas: back-translations from Russian
    lose them); keep them elsewhere, where they can tell words apart (Russian и/й)."""
    if text.isascii():
        return text
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and out and out[-1].isascii():
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


# Each view asks for the same sentence pairs more than once (spans, then the marker line).
@lru_cache(maxsize=4096)
def word_diff(old: str, new: str) -> tuple[DiffOp, ...]:
    """The runs of equal, deleted, inserted and replaced words between two texts.

    An empty side has an empty span at the place where the run would go.
    """
    a, b = tokenize(old), tokenize(new)
    matcher = SequenceMatcher(None, [t.key for t in a], [t.key for t in b], autojunk=False)
    return tuple(
        DiffOp(tag, *_span(a, i1, i2, len(old)), *_span(b, j1, j2, len(new)))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    )


def _span(tokens: list[Token], i: int, j: int, length: int) -> tuple[int, int]:
    if i < j:
        return tokens[i].start, tokens[j - 1].end
    at = tokens[i].start if i < len(tokens) else length
    return at, at


def inline_diff(
    old: str,
    new: str,
    *,
    deleted: tuple[str, str] = (DELETE_OPEN, DELETE_CLOSE),
    inserted: tuple[str, str] = (INSERT_OPEN, INSERT_CLOSE),
    escape: Callable[[str], str] = str,
) -> str:
    """One line in wdiff style: ``kept [-deleted-]{+inserted+} kept``.

    ``deleted``/``inserted`` are the wrappers (Markdown passes ``~~``/``**``), ``escape``
    is applied to the text of each run. Whitespace between runs becomes one space.
    """
    parts: list[str] = []
    prev_old = prev_new = 0
    for op in word_diff(old, new):
        # Only whitespace lies between tokens; a gap on either side is a space.
        if parts and (old[prev_old : op.old_start] or new[prev_new : op.new_start]):
            parts.append(" ")
        old_text = escape(" ".join(old[op.old_start : op.old_end].split()))
        new_text = escape(" ".join(new[op.new_start : op.new_end].split()))
        if op.tag == "equal":
            parts.append(old_text)
        if op.tag in ("delete", "replace"):
            parts.append(f"{deleted[0]}{old_text}{deleted[1]}")
        if op.tag in ("insert", "replace"):
            parts.append(f"{inserted[0]}{new_text}{inserted[1]}")
        prev_old, prev_new = op.old_end, op.new_end
    return "".join(parts)
