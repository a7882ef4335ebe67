"""Which quote of a translation renders which quote of the source: by marks first, then
through the word alignment (see ``xlate.checks.quotes``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from unidecode import unidecode

from xlate.checks.quotes.marks import QUOTE_MARKS, Quote


@dataclass(frozen=True)
class QuoteMatch:
    """What a source quote became in the translation; ``target_span is None``: LOST."""

    source: Quote
    target_span: tuple[int, int] | None  # character span in the translation
    target: Quote | None  # the translation's quote, when the span is one
    by: str | None  # "marks" | "alignment" | None


_WORD = re.compile(r"\S+")
_DIGITS = re.compile(r"\d+")
_NAME = re.compile(r"\b[^\W\d_][\w'’-]*", re.UNICODE)
# Pairs by marks below this score are too doubtful to report.
_MIN_PAIR_SCORE = 0.5
# A quote is projected through the alignment when this share of its words is aligned.
_MIN_ALIGNED = 0.5


@lru_cache(maxsize=4096)
def latin(word: str) -> str:
    """``word`` in lowercase Latin letters: Путин and Putin both give "putin"."""
    return unidecode(word).lower()


def _names(text: str) -> set[str]:
    """Capitalised words in Latin letters: Путин and Putin both give "putin"."""
    return {latin(w) for w in _NAME.findall(text) if w[0].isupper() and len(w) > 2}


def _share_name(a: set[str], b: set[str]) -> bool:
    """A name on both sides, allowing for inflection and transliteration (Плейбое/Playboy)."""
    if not a or not b:
        return False
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
