"""Quotations in en/es/ru text, and which quote of a translation renders which of the source.

API (pure functions, no models):

``extract_quotes(text, lang) -> list[Quote]``
    Every quotation in ``text`` (a paragraph or a whole document; a line break ends a
    paragraph), in order of their opening marks. Handles “…” and ‘…’ (en), «…» with “…”
    inside (es), «…» with „…“ inside (ru), straight "…" paired by position and context,
    straight '…' only when clearly a quote, nesting, quotes over several sentences, a quote
    closed by the other family's mark when its own never comes ("…either,' said). Apostrophes
    (don't, l'État, O'Brien, rock 'n' roll, the '90s, students' books) are not quotes. A quote
    whose closing mark never comes runs to the end of its paragraph with ``closed=False``
    (the news convention for a quotation over several paragraphs); if an enclosing quote
    closes first, it ends there. Marks that cannot open or close anything are ignored, so a
    stray mark never swallows the rest of the text. Never raises.

``match_quotes(src_text, src_quotes, tgt_text, tgt_quotes, *, alignment=None)``
    ``-> list[QuoteMatch]``, one per source quote, in the same order. ``src_text``/``tgt_text``
    are one sentence group (source sentence(s) and their translation); the quotes come from
    ``extract_quotes`` on those texts (a source quote may also be a mark-less span, with
    ``open == close == ""``). Quotes are paired by their marks first («» “” "" „“ are all
    equivalent): in order, by relative position, relative length, nesting depth and cheap
    content evidence (shared digits, shared capitalised words across scripts via unidecode).
    A source quote left over is projected through ``alignment`` — ``(source_word,
    target_word)`` index pairs over ``str.split()`` words of the two texts, as in
    ``engines.base.Translation.alignment`` — to the span from the first to the last aligned
    target word, only when at least half its words are aligned. Otherwise its match is
    ``target_span=None, by=None``: the quote is LOST; it is never paired with a doubtful span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "Quote",
    "QuoteMatch",
    "extract_quotes",
    "is_statement",
    "match_quotes",
    "rendered_without_marks",
]


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


@dataclass(frozen=True)
class QuoteMatch:
    """What a source quote became in the translation; ``target_span is None``: LOST."""

    source: Quote
    target_span: tuple[int, int] | None  # character span in the translation
    target: Quote | None  # the translation's quote, when the span is one
    by: str | None  # "marks" | "alignment" | None


# --- extraction -----------------------------------------------------------------------

QUOTE_MARKS = "\"'“”„‟«»‹›‘’‚‛"
# Marks whose direction is in their shape.
_ALWAYS_OPEN = "«‹„‟"
_ALWAYS_CLOSE = "»›"
_SINGLE = "'‘’‚‛‹›"
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
            return None
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


# --- matching ----------------------------------------------------------------------------

_WORD = re.compile(r"\S+")
_DIGITS = re.compile(r"\d+")
_NAME = re.compile(r"\b[^\W\d_][\w'’-]*", re.UNICODE)
# Pairs by marks below this score are too doubtful to report.
_MIN_PAIR_SCORE = 0.5
# A quote is projected through the alignment when this share of its words is aligned.
_MIN_ALIGNED = 0.5


@lru_cache(maxsize=4096)
def _latin(word: str) -> str:
    from unidecode import unidecode

    return unidecode(word).lower()


def _names(text: str) -> set[str]:
    """Capitalised words in Latin letters: Путин and Putin both give "putin"."""
    return {_latin(w) for w in _NAME.findall(text) if w[0].isupper() and len(w) > 2}


def _share_name(a: set[str], b: set[str]) -> bool:
    """A name on both sides, allowing for inflection and transliteration (Плейбое/Playboy)."""
    if not a or not b:
        return False
    from rapidfuzz import fuzz

    return any(x[:4] == y[:4] or fuzz.ratio(x, y) >= 70 for x in a for y in b)


def _word_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(text)]


@dataclass(frozen=True)
class _Side:
    text: str
    words: list[tuple[int, int]]

    def words_in(self, start: int, end: int) -> list[int]:
        return [i for i, (a, b) in enumerate(self.words) if a < end and b > start]


def _project(
    quote: Quote, src: _Side, tgt: _Side, links: dict[int, list[int]]
) -> tuple[int, int] | None:
    """The target span from the first to the last word aligned to the quote's words."""
    words = src.words_in(quote.inner_start, quote.inner_end)
    if not words:
        return None
    aligned = [w for w in words if links.get(w)]
    if len(aligned) < _MIN_ALIGNED * len(words):
        return None
    targets = sorted({t for w in aligned for t in links[w] if 0 <= t < len(tgt.words)})
    if not targets:
        return None
    first, last = targets[0], targets[-1]
    if last - first + 1 > 3 * len(words) + 2:  # scattered links: no span says the quote
        return None
    start, end = tgt.words[first][0], tgt.words[last][1]
    # Trim quotation marks and trailing punctuation the hull took along with the words.
    while start < end and tgt.text[start] in QUOTE_MARKS:
        start += 1
    while end > start and tgt.text[end - 1] in QUOTE_MARKS + ",.;:":
        end -= 1
    return (start, end) if end > start else None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    union = max(a[1], b[1]) - min(a[0], b[0])
    return max(0, inter) / union if union > 0 else 0.0


def _pair_score(
    s: Quote,
    t: Quote,
    src_len: int,
    tgt_len: int,
    projected: tuple[int, int] | None,
) -> float:
    """How well target quote ``t`` fits source quote ``s``: about 0 (not at all) to 1.5."""
    delta = (
        abs(s.inner_start / src_len - t.inner_start / tgt_len)
        + abs(s.inner_end / src_len - t.inner_end / tgt_len)
    ) / 2
    position = 1.0 - min(1.0, delta)
    # Relative lengths, smoothed: one-word quotes differ by a few letters across languages.
    rs, rt = len(s.text) / src_len + 0.02, len(t.text) / tgt_len + 0.02
    length = min(rs, rt) / max(rs, rt)
    score = 0.65 * position + 0.35 * length - 0.15 * abs(s.depth - t.depth)
    ds, dt = set(_DIGITS.findall(s.text)), set(_DIGITS.findall(t.text))
    if ds & dt:
        score += 0.3
    elif ds and dt:
        score -= 0.3
    elif ds or dt:
        score -= 0.15
    if _share_name(_names(s.text), _names(t.text)):
        score += 0.2
    if projected is not None:
        iou = _overlap(projected, (t.inner_start, t.inner_end))
        score += 0.5 * iou if iou > 0 else -0.3
    return score


def _pair_by_marks(scores: list[list[float]], threshold: float) -> list[int | None]:
    """Order-keeping one-to-one pairing maximising the summed margin over ``threshold``."""
    n = len(scores)
    m = len(scores[0]) if n else 0
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            options = [best[i + 1][j], best[i][j + 1]]
            gain = scores[i][j] - threshold
            if gain >= 0:
                options.append(best[i + 1][j + 1] + gain + 1.0)  # +1: prefer more pairs
            best[i][j] = max(options)
    pairs: list[int | None] = [None] * n
    i = j = 0
    while i < n and j < m:
        gain = scores[i][j] - threshold
        if gain >= 0 and best[i][j] == best[i + 1][j + 1] + gain + 1.0:
            pairs[i] = j
            i += 1
            j += 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


# A pair is dropped when a left-over quote fits its partner within this margin.
_AMBIGUITY_MARGIN = 0.1


def _drop_ambiguous(pairs: list[int | None], scores: list[list[float]]) -> list[int | None]:
    """Unpair quotes whose partner an unpaired quote would fit about as well.

    With a quote lost on one side, neighbouring short quotes ("small" ... "arrogant") can
    shift by one; such a pair is left to the alignment (or reported LOST) rather than guessed.
    """
    if not scores:
        return pairs
    free_src = [i for i, j in enumerate(pairs) if j is None]
    taken = {j for j in pairs if j is not None}
    free_tgt = [j for j in range(len(scores[0])) if j not in taken]
    out = list(pairs)
    for i, j in enumerate(pairs):
        if j is None:
            continue
        bar = scores[i][j] - _AMBIGUITY_MARGIN
        if any(scores[k][j] >= bar for k in free_src) or any(scores[i][k] >= bar for k in free_tgt):
            out[i] = None
    return out


def match_quotes(
    src_text: str,
    src_quotes: Sequence[Quote],
    tgt_text: str,
    tgt_quotes: Sequence[Quote],
    *,
    alignment: Sequence[tuple[int, int]] | None = None,
) -> list[QuoteMatch]:
    """Pair each source quote with its rendering in the translation (see the module doc)."""
    src_side = _Side(src_text, _word_spans(src_text))
    tgt_side = _Side(tgt_text, _word_spans(tgt_text))
    links: dict[int, list[int]] = {}
    for s, t in alignment or ():
        links.setdefault(int(s), []).append(int(t))
    projections = [_project(q, src_side, tgt_side, links) if links else None for q in src_quotes]
    src_len, tgt_len = max(1, len(src_text)), max(1, len(tgt_text))
    scores = [
        [_pair_score(s, t, src_len, tgt_len, projections[i]) for t in tgt_quotes]
        for i, s in enumerate(src_quotes)
    ]
    threshold = _MIN_PAIR_SCORE
    pairs: list[int | None] = [None] * len(src_quotes)
    if tgt_quotes:
        pairs = _pair_by_marks(scores, threshold)
    pairs = _drop_ambiguous(pairs, scores)
    used = {j for j in pairs if j is not None}
    out: list[QuoteMatch] = []
    for i, quote in enumerate(src_quotes):
        j = pairs[i]
        if j is not None:
            paired = tgt_quotes[j]
            out.append(QuoteMatch(quote, (paired.inner_start, paired.inner_end), paired, "marks"))
            continue
        span = projections[i]
        if span is None:
            out.append(QuoteMatch(quote, None, None, None))
            continue
        # The projected words may be a quote of the translation the marks did not pair.
        fits = [
            k
            for k, q in enumerate(tgt_quotes)
            if k not in used and _overlap(span, (q.inner_start, q.inner_end)) >= 0.5
        ]
        if fits:
            used.add(fits[0])
            found = tgt_quotes[fits[0]]
            out.append(QuoteMatch(quote, (found.inner_start, found.inner_end), found, "alignment"))
        else:
            out.append(QuoteMatch(quote, span, None, "alignment"))
    return out


# --- quotes a translator rendered without marks ---------------------------------------------

# Longer quotes are a speaker's words: their marks matter.
SHORT_QUOTE_WORDS = 6
# A quote this short with nothing to check it by (no name, no number, no cognate, no
# back-translation) is a scare quote: its marks are the translator's choice.
_SCARE_QUOTE_WORDS = 4
_WORD_PIECE = re.compile(r"[^\W\d_]+")


# A translation this much shorter than its source sentence may have dropped the words.
_REPORTED_MIN_RATIO = 0.6


def _reported_speech(
    quote_text: str, text: str, src: str, translation: str, tgt: str | None
) -> bool:
    """Whether a person rendered someone's quoted words as reported speech.

    Russian and Spanish translators often drop the marks of a statement («Это провал», —
    заявил он → Он заявил, что это провал) or set it off with a dash: style, when the
    translation uses no quotation marks at all there, is about as long as the source
    sentence (the words are there) and keeps the statement's names (its numbers are
    checked by the caller). A translation that keeps other marks, or is much shorter,
    lost the quote."""
    if any(mark in translation for mark in QUOTE_MARKS if mark not in "'’"):
        return False
    if len(translation) < _REPORTED_MIN_RATIO * len(text):
        return False
    from xlate.checks.names import extract_names, find_name

    if tgt is None:  # names are matched by script: any language of the translation's script
        tgt = "ru" if re.search(r"[а-яё]", translation.lower()) else "en"
    return all(
        find_name(m.text, src, translation, tgt) is not None
        for m in extract_names(quote_text, src)
        if not m.weak
    )


def is_statement(quote: Quote, text: str) -> bool:
    """Whether a quote of ``text`` reads as someone's words rather than a title or scare quote.

    Long quotes; quotes that open a sentence or follow a colon («Это провал», — заявил он;
    he said: "No."); and quotes of four words or more ending a clause inside the marks
    ("Then you can start breaking them,") unless most of their words are capitalised (a
    title: "Great War and Modern Memory,").
    """
    words = quote.text.split()
    if len(words) > SHORT_QUOTE_WORDS:
        return True
    before = text[: quote.start].rstrip()
    if quote.depth:  # words quoted inside a quote ("... decir: "huy qué horror"")
        before = "nested"
    if not before or before[-1] in ":.!?…" or (before[-1] in QUOTE_MARKS and len(words) > 1):
        return True
    if len(words) < 4 or quote.text.rstrip()[-1:] not in ".,!?…;:":
        return False
    long_words = [w for w in words if len(w) > 3] or words
    capitalised = sum(w[0].isupper() for w in long_words)
    return 2 * capitalised < len(long_words)


def _has_cognate(word: str, others: set[str]) -> bool:
    """A word of the translation that looks like ``word`` (both in Latin letters, lowercase)."""
    from rapidfuzz import fuzz

    return any(
        (len(word) >= 4 and len(other) >= 4 and word[:4] == other[:4])
        or fuzz.ratio(word, other) >= 70
        for other in others
    )


def rendered_without_marks(
    quote: Quote,
    text: str,
    src: str,
    translation: str,
    back_translation: str | None = None,
    tgt: str | None = None,
) -> bool:
    """Whether a short quote (a title, a scare quote) lives on in a translation without marks.

    Translators often drop the marks of titles and scare quotes (Paul Fussell's "Great War
    and Modern Memory" -> La Gran Guerra y la memoria moderna de Paul Fussell): style, not
    drift, when the quote's content is there. A statement (``is_statement``) passes only
    as reported speech (see ``_reported_speech``).
    The evidence, in order: its numbers must all be in ``translation``; at least half its
    capitalised words, or else one of its longer content words, must have a look-alike
    there (across scripts through unidecode: Смарт/Smart); else the back-translation (of
    the translation's sentence) must bring back one of its content words. With no evidence
    to weigh either way, only a scare quote of a few words passes.
    """
    from xlate.text.words import content_words, missing_content_words

    quote_text = quote.text
    words = quote_text.split()
    if not words:
        return False
    digits = set(_DIGITS.findall(quote_text))
    if digits - set(_DIGITS.findall(translation)):
        return False
    if is_statement(quote, text):
        return _reported_speech(quote_text, text, src, translation, tgt)
    seen = {_latin(w) for w in _WORD_PIECE.findall(translation) if len(w) > 2}
    # The first word of a title is capitalised anyway: names are the capitalised others.
    pieces = _WORD_PIECE.findall(quote_text)
    names = [w for w in pieces[1:] if w[0].isupper() and len(w) > 2]
    found = [n for n in names if _has_cognate(_latin(n), seen)]
    if names:
        return 2 * len(found) >= len(names)
    if digits:
        return True
    content = [w for w in content_words(quote_text, src) if not _DIGITS.fullmatch(w)]
    if not content:
        return True
    if any(_has_cognate(_latin(w), seen) for w in content if len(w) >= 5):
        return True
    if back_translation is not None:
        return len(missing_content_words(quote_text, back_translation, src)) < len(content)
    return len(words) <= _SCARE_QUOTE_WORDS
