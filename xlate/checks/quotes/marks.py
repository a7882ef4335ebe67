"""Finding the quotations of a text: marks classified by their neighbours, paired per
paragraph, nested (see ``xlate.checks.quotes`` for the rules)."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Quote:
    """One quotation: offsets into the text it was found in."""

    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the end of the quoted text if unclosed)
    open: str  # the opening mark, e.g. "«"; "" for a mark-less span
    close: str  # the closing mark; "" when unclosed or mark-less
    depth: int  # 0 = outermost
    inner_start: int
    inner_end: int
    text: str  # text[inner_start:inner_end]
    closed: bool = True


QUOTE_MARKS = "\"'“”„‟«»‹›‘’‚‛"
# Marks whose direction is in their shape.
_ALWAYS_OPEN = "«‹„‟"
_ALWAYS_CLOSE = "»›"
# Which opening marks each closing mark can close.
_CLOSES: dict[str, str] = {
    "»": "«",
    "›": "‹",
    "”": '“„‟”"',
    "“": "„‟“",
    '"': '"“„‟',
    "’": "‘‚‛'",
    "‘": "‚‛‘",
    "'": "'‘‚‛",
}
# Translators and typists close a quote with the other family's mark ("...either,' said;
# 'I'll ... forward."): which openers a closing mark ends when their own closer never comes.
_MIXED_CLOSES: dict[str, str] = {"'": '"“', "’": '"“', '"': "'‘", "”": "'‘"}
# Before a closing single mark: a dropped g (goin', nothin'), not the end of a quote.
_DROPPED_G = re.compile(r"[^\W\d_]in$", re.IGNORECASE)
# Openers reliable enough to report when their closing mark never comes.
_UNCLOSED_OK = '«‹„‟“"'
_OPEN_BEFORE = "([{<-‐–—/"  # a quote may open right after these
_PUNCT_AFTER = ".,;:!?)]}>…-‐–—/"  # a quote may close right before these
_NOT_AFTER_OPEN = ".,;:!?)]}>"
_PARAGRAPH = re.compile(r"[^\r\n]+")
# After an opening straight/left single mark: an elision, not a quote ('90s, 'em, 'n',
# the 'sixties).
_ELISION = re.compile(
    r"(?:\d\ds\b|(?:em|tis|twas|til|n|(?:twen|thir|for|fif|six|seven|eigh|nine)ties)\b)",
    re.IGNORECASE,
)
# Before a closing single mark: rock 'n' roll.
_ELISION_BEFORE = re.compile(r"(?:^|\s)['‘’]?n$", re.IGNORECASE)


@dataclass
class _Mark:
    pos: int
    char: str
    can_open: bool
    can_close: bool
    weak: bool = False  # a closer that may well be a possessive: students' books


def _neighbours(para: str, i: int) -> tuple[str | None, str | None]:
    """The nearest characters either side of ``i`` that are not quote marks."""
    j = i - 1
    while j >= 0 and para[j] in QUOTE_MARKS:
        j -= 1
    k = i + 1
    while k < len(para) and para[k] in QUOTE_MARKS:
        k += 1
    return (para[j] if j >= 0 else None), (para[k] if k < len(para) else None)


def _opens_after(para: str, i: int) -> bool:
    """Whether the text before ``i``, spaces skipped, is a place a quote may open."""
    before = para[:i].rstrip()
    return not before or before[-1] in _OPEN_BEFORE or before[-1] in ":;,"


def _classify(para: str, i: int) -> _Mark | None:
    ch = para[i]
    if ch in _ALWAYS_OPEN:
        return _Mark(i, ch, True, False)
    if ch in _ALWAYS_CLOSE:
        return _Mark(i, ch, False, True)
    before_mark, after_mark = _neighbours(para, i)
    prev, nxt = before_mark or "", after_mark or ""
    left_space = not prev or prev.isspace()
    right_space = not nxt or nxt.isspace()
    can_open = (
        not right_space
        and nxt not in _NOT_AFTER_OPEN
        and (left_space or prev in _OPEN_BEFORE or prev in ":;,")
    )
    can_close = not left_space and prev not in "([{<" and (right_space or nxt in _PUNCT_AFTER)
    both_spaces = left_space and right_space
    if ch in "‚‛":
        return _Mark(i, ch, not right_space, False) if not right_space else None
    if ch in "'‘’":
        before = para[i - 1] if i > 0 else ""
        after = para[i + 1] if i + 1 < len(para) else ""
        if before.isalnum() and after.isalpha():  # don't, l'État, O'Brien, Venezuela’s
            return None
        if both_spaces:
            # A stray space after an opening mark where a quote may open (Apertium writes
            # "' Es muy capaz.'" and "Dijo: ' es muy capaz.'"); elsewhere a lone mark.
            if ch == "’" or not nxt or not _opens_after(para, i):
                return None
            return _Mark(i, ch, True, False)
        if ch == "’":
            can_open = False  # ’ opens nothing in en/es/ru; after a space it is an elision
        if can_open and _ELISION.match(para, i + 1):
            can_open = False
        if can_close and _ELISION_BEFORE.search(para, 0, i):
            can_close = False
    elif both_spaces:
        can_open = can_close = True  # a lone " between spaces: decided by what is open
    elif left_space and prev and nxt in ",.;:!?)":
        can_close = True  # a stray space before the closing mark: «igualado ", dixit»
    if not (can_open or can_close):
        return None
    mark = _Mark(i, ch, can_open, can_close)
    if ch in "'’\"" and can_close and not can_open and i > 0 and para[i - 1] in "sS":
        after_space = para[i + 2 : i + 3]
        if para[i + 1 : i + 2].isspace() and after_space.isalnum():
            mark.weak = True
    return mark


def _skip_weak(marks: list[_Mark], index: int, opener: _Mark) -> bool:
    """A weak closer is a possessive when a real closer for ``opener`` follows first."""
    for later in marks[index + 1 :]:
        if later.can_close and not later.weak and opener.char in _CLOSES.get(later.char, ""):
            return True
        if later.can_open and not later.can_close and later.char == opener.char:
            return False
    return False


def _find_opener(stack: list[_Mark], closer: str) -> int | None:
    accepts = _CLOSES.get(closer, "")
    for k in range(len(stack) - 1, -1, -1):
        if stack[k].char in accepts:
            return k
    return None


def _mixed_opener(stack: list[_Mark], marks: list[_Mark], index: int, para: str) -> int | None:
    """The innermost open quote that ``marks[index]``, a mark of the other family, closes.

    Only when that quote's own closing mark never comes in the paragraph, and only for a
    clear closer (not a possessive ``students'`` nor a dropped g ``goin'``).
    """
    mark = marks[index]
    if mark.weak or not stack or stack[-1].char not in _MIXED_CLOSES.get(mark.char, ""):
        return None
    if mark.char in "'’" and _DROPPED_G.search(para, 0, mark.pos):
        return None
    opener = stack[-1]
    for later in marks[index + 1 :]:
        if later.can_close and opener.char in _CLOSES.get(later.char, ""):
            return None
    return len(stack) - 1


def _paragraph_quotes(text: str, lo: int, hi: int) -> list[tuple[int, int, str, str, bool]]:
    """(start, end, open, close, closed) of the quotes in text[lo:hi]."""
    para = text[lo:hi]
    marks = [m for i, ch in enumerate(para) if ch in QUOTE_MARKS and (m := _classify(para, i))]
    found: list[tuple[int, int, str, str, bool]] = []
    stack: list[_Mark] = []

    def unclosed(opener: _Mark, end: int) -> None:
        if opener.char in _UNCLOSED_OK and para[opener.pos + 1 : end].strip():
            found.append((lo + opener.pos, lo + end, opener.char, "", False))

    for index, mark in enumerate(marks):
        if mark.can_close:
            k = _find_opener(stack, mark.char)
            if k is None:
                k = _mixed_opener(stack, marks, index, para)
            if k is not None and not (mark.weak and _skip_weak(marks, index, stack[k])):
                for dropped in stack[k + 1 :]:
                    unclosed(dropped, mark.pos)
                opener = stack[k]
                del stack[k:]
                found.append((lo + opener.pos, lo + mark.pos + 1, opener.char, mark.char, True))
                continue
        if mark.can_open:
            stack.append(mark)
    end = len(para.rstrip())
    for opener in stack:
        unclosed(opener, end)
    return found


def extract_quotes(text: str, lang: str) -> list[Quote]:
    """The quotations of ``text`` in order of their opening marks (see the module doc).

    ``lang`` is the text's language (en/es/ru); the rules cover all three conventions, so
    a quote in another language's style (an English quote in a Russian article) is found too.
    """
    del lang  # the conventions of en/es/ru do not conflict; kept for the API's stability
    raw: list[tuple[int, int, str, str, bool]] = []
    for para in _PARAGRAPH.finditer(text):
        raw.extend(_paragraph_quotes(text, para.start(), para.end()))
    raw.sort(key=lambda q: (q[0], -q[1]))
    quotes: list[Quote] = []
    open_ends: list[int] = []  # ends of the quotes enclosing the current one
    for start, end, open_mark, close_mark, closed in raw:
        while open_ends and open_ends[-1] <= start:
            open_ends.pop()
        inner_start = start + len(open_mark)
        inner_end = end - len(close_mark)
        quotes.append(
            Quote(
                start=start,
                end=end,
                open=open_mark,
                close=close_mark,
                depth=len(open_ends),
                inner_start=inner_start,
                inner_end=inner_end,
                text=text[inner_start:inner_end],
                closed=closed,
            )
        )
        open_ends.append(end)
    return quotes
