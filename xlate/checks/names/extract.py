"""Finding the names of a text: mentions (names, acronyms, designations) and candidates.

``extract_names`` picks the proper names of a text; ``candidates`` lists every word and
designation of a text that could render a name of another text (renderings may be
lowercase there: an adjective, a common noun).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from xlate.checks.names.aliases import groups_of
from xlate.checks.names.lexicon import en_nationality, excluded, name_like
from xlate.checks.names.normalise import (
    designation_key,
    is_acronym,
    is_capitalised,
    plain_latin,
    without_possessive,
)
from xlate.checks.names.tables import (
    connectors,
    courtesy_abbreviations,
    sentence_openers,
    title_abbreviations,
)


@dataclass(frozen=True)
class NameMention:
    start: int
    end: int
    text: str
    key: str  # normalised, transliterated, accent-free, lowercased
    # "name" | "acronym" | "designation"
    type: str = "name"
    # Sentence-initial or adjectival: not flagged as missing, only as altered.
    weak: bool = False


@dataclass(frozen=True)
class Candidate:
    """A word or designation of a text, which may render a name of another text."""

    start: int
    end: int
    text: str
    lang: str
    initial: bool = False  # opens a sentence: capitalised for that reason alone


_TOKEN = re.compile(
    r"(?P<dotted>(?:\b[A-ZА-Я](?:[a-zа-я]|[A-Z](?=[A-Z]?\.))?\.\s?){2,})"  # U.S., EE.UU., U.N.
    r"|(?P<designation>\b[A-ZА-Я][A-Za-zА-Яа-яЁё]{0,7}-?\d+(?:[-/]?[A-Za-zА-Яа-я0-9]+)*\b)"
    r"|(?P<word>[^\W\d_]+(?:['’\-][^\W\d_]+)*)"
)
# An opening quote sticks to its word (“Hoy...”); after a closing one ('," Paclík said')
# a capitalised word is no sentence start.
_SENTENCE_END = re.compile(
    r"(?:^|[.!?…:;]\s*[\"'“”«»„()\-–—‘’]*\s*|(?:^|\s)[\"'“«„‘(¿¡]+|[-–—]\s+|\n\s*)$"
)
_ROMAN = re.compile(r"^[IVXLC]{2,}(?:th|st|nd|rd|e|о|го|й)?$|^[IVX]+$")
_TAIL = re.compile(r"['’]s?$|-(?=[a-zа-яё])")


# What the look-back patterns above may repeat without bound: spaces, quotes, brackets,
# dashes. A match ending at a token starts at most 9 characters before the run of these
# that precedes the token ("(Messrs." is the longest), so the patterns search only from
# there: the same answer, without re-reading the whole text before every token.
_RUN_CHARS = frozenset("\"'“”«»„()-–—‘’¿¡")
_LOOK_BACK = 16


# What a sentence end's run follows: a token after one space (or none) and anything but
# these opens no sentence, as neither pattern can end there (most tokens are so).
_STOPS = frozenset(".!?…:;")


@cache
def _abbreviation_before() -> re.Pattern[str]:
    """A full stop after a title or an initial ends no sentence: "Mr. Kelly", "Paul J.
    Browne", "Sr. Maduro", "г. Путин", "Sen. Lugar", "ген. Иванов". Titles may be written
    small after a comma ("..., gen. Pérez"); courtesy titles as the data writes them."""
    titles = sorted(title_abbreviations(), key=len, reverse=True)
    courtesy = sorted(courtesy_abbreviations(), key=len, reverse=True)
    either_case = [f"[{t[0].upper()}{t[0]}]{re.escape(t[1:])}" for t in titles]
    words = "|".join(["[A-ZА-ЯЁ]", *map(re.escape, courtesy), *either_case])
    return re.compile(rf"(?:^|[\s(])(?:{words})\.\s*$")


def _is_initial(text: str, start: int) -> bool:
    run = start
    while run > 0 and (text[run - 1] in _RUN_CHARS or text[run - 1].isspace()):
        run -= 1
    if run > 0 and text[run:start] in ("", " ") and text[run - 1] not in _STOPS:
        return False
    pos = max(0, run - _LOOK_BACK)
    if _abbreviation_before().search(text, pos, start):
        return False
    return bool(_SENTENCE_END.search(text, pos, start))


@lru_cache(maxsize=512)
def _tokens(text: str) -> tuple[tuple[re.Match[str], bool], ...]:
    """The tokens of ``text``, each with whether it opens a sentence: asked of capitalised
    tokens alone (a lowercase one is never read so: only a capitalised word can open a
    name or render one), most tokens of a text need no look back.

    Cached: the look back for a sentence end reads the text before each token, and both
    the extraction and the candidates of a text need it."""
    return tuple(
        (m, m.group()[:1].isupper() and _is_initial(text, m.start())) for m in _TOKEN.finditer(text)
    )


# --- extraction ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Scan:
    """One text being read for names."""

    text: str
    lang: str
    tokens: tuple[re.Match[str], ...]
    initial: tuple[bool, ...]  # per token: opens a sentence
    caps_inside: frozenset[str]  # words capitalised where no sentence starts
    lower_inside: frozenset[str]  # words written in lower case

    def run(self, i: int, last: int) -> str:
        return self.text[self.tokens[i].start() : self.tokens[last].end()]


def extract_names(text: str, lang: str) -> list[NameMention]:
    """Names, acronyms and designations of ``text`` in document order."""
    return list(_extract(text, lang))


@lru_cache(maxsize=512)
def _extract(text: str, lang: str) -> tuple[NameMention, ...]:
    # Cached: a sentence's names are asked for by several checks and by the document.
    tokens = _tokens(text)
    scan = _Scan(
        text,
        lang,
        tuple(m for m, _ in tokens),
        tuple(initial for _, initial in tokens),
        frozenset(
            plain_latin(m.group())
            for m, initial in tokens
            if m.group("word") and not initial and m.group()[:1].isupper()  # is_capitalised
        ),
        frozenset(m.group() for m, _ in tokens if m.group("word") and m.group().islower()),
    )
    out: list[NameMention] = []
    i = 0
    while i < len(scan.tokens):
        m = scan.tokens[i]
        if m.lastgroup == "word" and not m.group()[:1].isupper():  # is_capitalised, inline
            i += 1  # what _next_mention says of a lowercase word (most are), sooner
            continue
        mention, i = _next_mention(scan, i)
        if mention is not None:
            out.append(mention)
    return tuple(out)


def _next_mention(scan: _Scan, i: int) -> tuple[NameMention | None, int]:
    """The mention that token ``i`` opens, if any, and the token to read next."""
    m = scan.tokens[i]
    if m.group("dotted"):
        raw = m.group().rstrip()
        return NameMention(m.start(), m.start() + len(raw), raw, plain_latin(raw), "acronym"), i + 1
    if m.group("designation"):
        raw = m.group()
        return NameMention(m.start(), m.end(), raw, designation_key(raw), "designation"), i + 1
    if not _may_open_name(scan, i):
        return None, i + 1
    last = _run_end(scan, i)
    if last > i and _opened_by_common_word(scan, i, last):
        return None, i + 1  # "Только Сальвидар": a common word opens it (not Nueva York)
    if last > i and scan.lang == "ru":
        last = _without_genitive_place(scan, i, last)
    return _name_mention(scan, i, last), last + 1


def _may_open_name(scan: _Scan, i: int) -> bool:
    word = scan.tokens[i].group()
    if scan.initial[i] and word.lower() in sentence_openers(scan.lang):
        return False
    end = scan.tokens[i].end()
    if scan.text[end : end + 1] == "." and word.lower() in title_abbreviations():
        return False  # Rep. Bob Goodlatte, Sens. Kerry and McCain: a title cut short
    return not (
        not is_capitalised(word)
        or _ROMAN.match(word)
        or (excluded(word) and not _opens_place(scan.tokens, i, scan.text))
    )


def _run_end(scan: _Scan, i: int) -> int:
    """The last token of the multiword name token ``i`` opens: capitalised words, with
    connectors between them."""
    tokens = scan.tokens
    j = i + 1
    last = i
    while j < len(tokens):
        gap = scan.text[tokens[j - 1].end() : tokens[j].start()]
        if gap not in (" ", "\u00a0") or not tokens[j].group("word"):
            break
        nxt = tokens[j].group()
        if is_capitalised(nxt) and (
            not excluded(nxt) or groups_of(scan.text[tokens[i].start() : tokens[j].end()])
        ):
            last = j  # an institution noun ends a known place's name: Czech Republic
        elif nxt.lower() not in connectors(scan.lang):
            break
        j += 1
    return last


def _opened_by_common_word(scan: _Scan, i: int, last: int) -> bool:
    return (
        scan.initial[i]
        and not name_like(scan.tokens[i].group(), scan.lang)
        and not groups_of(scan.run(i, last))
    )


def _without_genitive_place(scan: _Scan, i: int, last: int) -> int:
    """Russian puts a genitive beside a name: "соседи Сирии Турция", "канцлер Германии
    Ангела Меркель", "Советом Мексики". A known place at either edge of the run is a name
    of its own: the run ends before it (or is the place alone)."""
    if groups_of(scan.run(i, last)):
        return last
    if _lone_place(scan.tokens[i].group()):
        return i
    if _lone_place(scan.tokens[last].group()):
        last -= 1
        while last > i and not is_capitalised(scan.tokens[last].group()):
            last -= 1
    return last


def _name_mention(scan: _Scan, i: int, last: int) -> NameMention | None:
    """The mention of tokens ``i``..``last``, or None for what is no name."""
    word = scan.tokens[i].group()
    start, end = scan.tokens[i].start(), scan.tokens[last].end()
    # "IBM's" → "IBM", "Zurich-based" → "Zurich": the name without its English tail.
    tail = _TAIL.search(scan.text, start, end)
    if tail is not None and tail.start() > start:
        end = tail.start()
    raw = scan.text[start:end]
    if len(raw) < 2 or raw.lower() in ("г-н", "г-жа"):
        return None  # a single letter ("an A road", "T-shirt"), "Г-н" (Mr)
    if is_acronym(raw) and last == i:
        return NameMention(start, end, raw, plain_latin(raw), "acronym")
    weak = False
    if scan.initial[i] and last == i and word.lower() in scan.lower_inside:
        return None  # "Ersatz, everywhere ersatz": the word's own text writes it small
    if scan.initial[i] and last == i:
        # A sentence opener in the word lists was skipped already (_may_open_name).
        weak = plain_latin(word) not in scan.caps_inside and not name_like(word, scan.lang)
    if scan.lang == "en" and last == i and en_nationality(word):
        weak = True
    return NameMention(start, end, raw, plain_latin(raw), "name", weak)


def _opens_place(tokens: tuple[re.Match[str], ...], i: int, text: str) -> bool:
    """Does a title-like word open a known place with the next word (South Africa, North
    Korea, New York)?"""
    if i + 1 >= len(tokens) or text[tokens[i].end() : tokens[i + 1].start()] != " ":
        return False
    return bool(groups_of(f"{tokens[i].group()} {tokens[i + 1].group()}"))


def _lone_place(word: str) -> bool:
    return bool(groups_of(word)) and not is_acronym(word)


# --- the words of a name and of a text ----------------------------------------------------


_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_INNER_POSSESSIVE = re.compile(r"(?<=[^\W\d_]{2})['’]s$")
_HYPHENED_PART = re.compile(r"[^\W\d_]{2,}")


@lru_cache(maxsize=4096)
def significant_words(mention: NameMention) -> tuple[tuple[int, int, str], ...]:
    """The words of a name worth finding (start, end, word): not connectors, titles or
    initials. Cached: each step of the check asks it of the same mentions."""
    words = []
    # Hyphenated names count word by word: Berlin-Mitte is found as Mitte, Нью-Йоркской
    # as York.
    for m in _NAME_WORD.finditer(mention.text):
        # A possessive inside a name (Joseph Olbrich's Secession) is no letter of it.
        w = _INNER_POSSESSIVE.sub("", m.group())
        if len(w) < 2 or not is_capitalised(w) or excluded(w):
            continue
        words.append((mention.start + m.start(), mention.start + m.start() + len(w), w))
    return tuple(words)


@lru_cache(maxsize=512)
def candidates(text: str, lang: str) -> tuple[Candidate, ...]:
    """Every word and designation of ``text`` (names may be lowercase adjectives there).

    Cached: one translation is searched once per name of its source, by several checks."""
    out = []
    for m, initial in _tokens(text):
        raw = m.group().rstrip()
        if m.group("word") and lang == "en":
            raw = without_possessive(raw)
        elif m.group("word"):
            raw = _INNER_POSSESSIVE.sub("", raw)  # an English brand: Victoria's Secret
        out.append(Candidate(m.start(), m.start() + len(raw), raw, lang, initial))
        if m.group("word") and "-" in raw:
            for part in _HYPHENED_PART.finditer(raw):
                start = m.start() + part.start()
                out.append(Candidate(start, m.start() + part.end(), part.group(), lang))
    return tuple(out)


@lru_cache(maxsize=512)
def capitalised_candidates(text: str, lang: str) -> tuple[Candidate, ...]:
    """The capitalised ones of ``candidates``, in order: each word of a name is looked for
    among them (a lowercase word renders no name word, see ``word_verdict``)."""
    return tuple(c for c in candidates(text, lang) if c.text[:1].isupper())  # is_capitalised
