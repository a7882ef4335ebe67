"""Sentence splitting inside one paragraph, per language (en, es, ru).

Pure function: ``split_sentences(paragraph, lang) -> list[str]``; every returned piece is
a stripped, non-empty substring of the paragraph, in order, so ``segment.py`` can find
each one and keep the whitespace between them.

The rules follow the Moses splitter that ``sentence-splitter`` implements (a sentence ends
at ``.``, ``?``, ``!`` or an ellipsis, plus any closing quotes or brackets, when the next
word starts a sentence) and add what news text needs:

* Abbreviations per language, in two kinds. Titles (``Mr.``, ``Sra.``, ``ул.``) never end
  a sentence. Other abbreviations, initials (``V.``, ``Дж.``) and dotted acronyms
  (``U.S.``, ``EE. UU.``) may end one: we split after them only when the next word is one
  that starts sentences and is no name (``He``, ``El``, ``Он``), so ``the U.S. Navy`` and
  ``В. В. Путин`` stay whole while ``moved to the U.S. He never came back`` splits.
* Quotations and brackets: a boundary inside a balanced ``"…"``, ``“…”``, ``«…»``,
  ``„…“`` or ``(…)`` is not taken, so direct speech such as ``"We are not an island. We
  are dependent," said Goldman.`` stays one sentence with its attribution and no piece is
  left with half a quotation. A quotation mark without a partner changes nothing, so one
  stray ``"`` cannot glue the rest of a paragraph together.
* An ellipsis ends a sentence only before a capital (not before a digit or inside
  ``(...)``), and a closing quote or bracket after the full stop stays with its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from xlate.text.datafiles import data_json

# A run of sentence-final marks with any closing quotes/brackets after it (``?».``), then
# whitespace. Marks not followed by whitespace (``1.5``, ``U.S``, ``»,``) are no boundary.
_CANDIDATE = re.compile(r"[.!?…‽]+(?:[\"'»”’›)\]}]+[.!?…‽]*)*(?=\s)")
_WORD = re.compile(r"[^\W\d_]+")
_DOTTED_ACRONYM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # U.S, a.m, т.е, S.A
_ENUMERATOR = re.compile(r"\s*(?:\d{1,3}|[IVXLC]{1,6}|[a-z])\.")
_DOUBLED_CAPITALS = re.compile(r"([^\W\d_])\1")  # Spanish plurals: EE. UU., FF. AA.

# Characters that may stand between a boundary and the first letter of the next sentence.
_OPENERS = frozenset("\"'«“„‘‹([{¿¡—–-")
_OPENING_QUOTES_AND_DASHES = frozenset("\"'«“„‘‹¿¡—–-")
# What may stand right before an opening straight quote: start, space, bracket, dash.
_BEFORE_OPENING = frozenset("([{«“„‘—–-/")
# What may stand right after a closing straight quote.
_AFTER_CLOSING = frozenset(".,;:!?)]}»”’…—–-")

# Quotations and brackets longer than this are not held together: a boundary inside one
# that long is more likely a mismatched mark than a single utterance.
MAX_HELD_SPAN = 400

_CLOSERS_FOR: dict[str, str] = {
    "«": "»",
    "„": "“”",
    "“": "”",
    "‘": "’",
    "‹": "›",
    "(": ")",
    "[": "]",
    "{": "}",
    '"': '"',
}


@dataclass(frozen=True)
class _Rules:
    """Per-language word lists; every lookup is an exact, case-sensitive match."""

    titles: frozenset[str]  # never end a sentence
    abbreviations: frozenset[str]  # may end one; split only before a sentence starter
    numeric: frozenset[str]  # abbreviations only before a number: "No. 5", "ст. 105"
    starters: frozenset[str]  # lower-cased words that open sentences and are no names


def _with_capitalised(words: Iterable[str]) -> frozenset[str]:
    """The words as given plus, for lower-case ones, their sentence-initial form."""
    out = set(words)
    out.update(w[0].upper() + w[1:] for w in list(out) if w[:1].islower())
    return frozenset(out)


@lru_cache(maxsize=8)
def _rules(lang: str) -> _Rules:
    """Our lists for ``lang`` (``xlate/data/sentence_rules.json``) on top of the Moses
    non-breaking prefixes that ship with sentence-splitter (Moses never splits after those;
    we split after them before a sentence starter, since "Inc.", "etc." or "U.S." often end
    a sentence)."""
    moses, moses_numeric = _moses_prefixes(lang)
    own: dict[str, Any] = data_json("sentence_rules.json").get(lang, {})
    grow = _with_capitalised if own.get("capitalised_forms") else frozenset
    all_numeric = grow(own.get("numeric", ())) | moses_numeric
    return _Rules(
        titles=grow(own.get("titles", ())),
        abbreviations=(grow(own.get("abbreviations", ())) | moses) - all_numeric,
        numeric=all_numeric,
        starters=frozenset(own.get("starters", ())),
    )


def _moses_prefixes(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """sentence-splitter's one-token prefixes for ``lang``: (plain, numeric-only)."""
    path = resources.files("sentence_splitter") / "non_breaking_prefixes" / f"{lang}.txt"
    if not re.fullmatch(r"[a-z]{2}", lang) or not path.is_file():
        return frozenset(), frozenset()
    plain: set[str] = set()
    numeric: set[str] = set()
    for line in path.read_text("utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry and " " not in entry:
            (numeric if "#NUMERIC_ONLY#" in line else plain).add(entry)
    return frozenset(plain), frozenset(numeric)


# Two-word abbreviations whose second part is a lone letter that would otherwise count as
# an initial that may end a sentence: "т. е. Путин", "p. ej. Madrid".
_TITLE_PAIRS: dict[str, re.Pattern[str]] = {
    "ru": re.compile(r"(?:^|[\s(«\"“„])(?:т\.\s?[екнчо]|в\s?т\.\s?ч)$"),
    "es": re.compile(r"(?:^|[\s(«\"“„])p\.\s?ej$"),
    "en": re.compile(r"(?:^|[\s(\"“])(?:e\.\s?g|i\.\s?e)$"),
}

# "etc.", "и т. д.": they close a list, and before a capital they close the sentence too.
_LIST_ENDS: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"(?:^|[\s(])etc$"),
    "es": re.compile(r"(?:^|[\s(])etc$"),
    "ru": re.compile(r"(?:^|[\s(])(?:и\s?т\.\s?[дп]|т\.[дп]|и\s?(?:др|пр|проч))$"),
}


def split_sentences(paragraph: str, lang: str) -> list[str]:
    """Split one paragraph (no line breaks) into sentences; see the module docstring."""
    if not paragraph.strip():
        return []
    rules = _rules(lang)
    held = _held_spans(paragraph)
    pieces: list[str] = []
    start = 0
    for match in _CANDIDATE.finditer(paragraph):
        end = match.end()
        nxt = _skip_space(paragraph, end)
        if any(close == nxt for _, close in held):  # a quote closed after a space: 'end. "'
            end = nxt + 1
            nxt = _skip_space(paragraph, end)
        if nxt >= len(paragraph) or _inside_held_span(held, match.start(), nxt):
            continue
        if _ENUMERATOR.fullmatch(paragraph, start, end):
            continue  # "1. The first point…": a list number is no sentence of its own
        if _is_boundary(paragraph, match.start(), match.group(), nxt, rules, lang):
            piece = paragraph[start:end].strip()
            if piece:
                pieces.append(piece)
            start = nxt
    last = paragraph[start:].strip()
    if last:
        pieces.append(last)
    return pieces


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _is_boundary(text: str, pos: int, marks: str, nxt: int, rules: _Rules, lang: str) -> bool:
    """Whether the marks at ``pos`` end a sentence, given what follows from ``nxt``."""
    first = _first_letter_or_digit(text, nxt)
    if first is None:
        return False
    letter_at, opened = first
    head = text[letter_at]
    if head.islower() or not (head.isalpha() or head.isdigit()):
        return False  # "she asked", "— сказал он", "roadblocks ... and": same sentence
    if pos > 0 and text[pos - 1] in "([":
        return False  # an omission or aside mark: "(...)", "[…]", "(?)"
    final = marks.rstrip("\"'»”’›)]}")
    if "?" in marks or "!" in marks or "‽" in marks:
        return True
    if final.count(".") > 1 or "…" in final:  # an ellipsis
        return not head.isdigit()  # "una ley de... 1987." goes on
    word = _word_before(text, pos)
    if word is None:  # a closing quote or bracket before the full stop: «…войны».
        return True
    kind = _abbreviation_kind(text, pos, word, rules, lang)
    if kind == "title":
        return False
    if kind == "numeric":
        return not head.isdigit()
    if kind == "abbreviation":
        if head.isdigit():
            return False  # "No. 5", "ст. 105", "p. 12"
        return opened or _starts_sentence(text, letter_at, rules)
    return True


def _first_letter_or_digit(text: str, pos: int) -> tuple[int, bool] | None:
    """Index of the first letter/digit from ``pos`` past opening marks, and whether an
    opening quote or dash was passed (a new quotation or dialogue line)."""
    opened = False
    while pos < len(text):
        ch = text[pos]
        if ch in _OPENERS:
            opened = opened or ch in _OPENING_QUOTES_AND_DASHES
        elif not ch.isspace():
            return pos, opened
        pos += 1
    return None


def _word_before(text: str, pos: int) -> str | None:
    """The token that the full stop at ``pos`` ends, without leading opening marks.

    None when the token ends in a closing quote or bracket (``войны».``): such a full stop
    closes the sentence whatever the word inside was.
    """
    begin = pos
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    token = text[begin:pos]
    if token and token[-1] in "\"'»”’›)]}":
        return None
    return token.lstrip("\"'«“„‘‹([{¿¡—–-")


def _abbreviation_kind(text: str, pos: int, word: str, rules: _Rules, lang: str) -> str | None:
    """ "title", "numeric", "abbreviation" or None for the ``word`` before a full stop."""
    if not word:
        return None
    list_end = _LIST_ENDS.get(lang)
    if list_end is not None and list_end.search(text, max(0, pos - 10), pos):
        return None
    if word in rules.titles:
        return "title"
    pair = _TITLE_PAIRS.get(lang)
    if pair is not None and len(word) == 1 and pair.search(text, max(0, pos - 8), pos):
        return "title"
    letters = word.replace("-", "")
    if len(letters) == 1 and letters.isalpha():
        return "abbreviation"  # an initial ("V.", "В.") or a one-letter abbreviation
    if word in rules.numeric:
        return "numeric"
    if word in rules.abbreviations:
        return "abbreviation"
    if _DOTTED_ACRONYM.fullmatch(word) or (_DOUBLED_CAPITALS.fullmatch(word) and word.isupper()):
        return "abbreviation"
    return None


def _starts_sentence(text: str, pos: int, rules: _Rules) -> bool:
    """Whether the word at ``pos`` is one that opens sentences rather than a name."""
    match = _WORD.match(text, pos)
    if match is None:
        return False
    word = match.group()
    if match.end() < len(text) and text[match.end()] == ".":
        return False  # "A.", "I." are initials
    if len(word) > 1 and word.isupper():
        return False  # "NATO", "UU"
    return word.lower() in rules.starters


def _held_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) positions of balanced quotations and brackets short enough to hold."""
    stack: list[tuple[str, int]] = []
    spans: list[tuple[int, int]] = []
    for mark in _QUOTE_OR_BRACKET.finditer(text):
        i, ch = mark.start(), mark.group()
        prev = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch == '"':
            opening = prev.isspace() or prev in _BEFORE_OPENING
            closing = after.isspace() or after in _AFTER_CLOSING
            has_open = any(op == '"' for op, _ in stack)
            if has_open and (closing or not opening):
                _close(stack, spans, '"', i)
            elif opening:
                stack.append((ch, i))
            continue
        if ch == "’" and prev.isalpha() and after.isalpha():
            continue  # an apostrophe: don’t, l’Italie
        if ch == "‘" and prev.isalpha():
            continue
        if ch == "“" and stack and stack[-1][0] == "„":
            _close(stack, spans, "„", i)
            continue
        if ch in _CLOSERS_FOR:
            stack.append((ch, i))
            continue
        opener = next((op for op, _ in reversed(stack) if ch in _CLOSERS_FOR[op]), None)
        if opener is not None:
            _close(stack, spans, opener, i)
    return [(o, c) for o, c in spans if c - o <= MAX_HELD_SPAN]


_QUOTE_OR_BRACKET = re.compile(r'["«»„“”‘’‹›()\[\]{}]')


def _close(
    stack: list[tuple[str, int]], spans: list[tuple[int, int]], opener: str, at: int
) -> None:
    """Pair the innermost open ``opener`` with the mark at ``at``; drop unclosed inner ones."""
    while stack:
        op, where = stack.pop()
        if op == opener:
            spans.append((where, at))
            return


def _inside_held_span(spans: list[tuple[int, int]], marks_at: int, nxt: int) -> bool:
    """Whether a boundary between ``marks_at`` and ``nxt`` would cut a held span in two."""
    return any(o < marks_at and c >= nxt for o, c in spans)
