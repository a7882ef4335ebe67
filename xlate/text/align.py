"""Sentence alignment of a translation to its source, for ``xlate check``.

An editor's translation rarely keeps the source's sentence boundaries: translators merge
two sentences, split one, drop one or add one. ``align_sentences`` finds the beads (groups
of source and target sentences that translate each other: 1-1, 1-2, 2-1, 1-0, 0-1, 2-2,
1-3, 3-1) by dynamic programming over the cost of each bead, which adds up:

* a prior per bead shape (merges and drops are rarer than 1-1);
* the Gale-Church length cost: target characters are about ``mean`` times the source
  characters, with a variance that grows with length (calibrated per language pair on
  newstest2012);
* language-independent anchors, usable without any engine: numbers, ``? ! " ( %`` and
  capitalised words compared after transliteration (``Путина`` and ``Putin`` share ``puti``).
  Every anchor the bead's two sides share lowers its cost;
* when the caller has back-translations of the target sentences (the Bleualign idea), the
  word-overlap F-score (Dice) between the source side and the back-translated target side.

The DP runs inside a band around the diagonal and widens the band when the best path
touches its edge, so 1,000 x 1,000 sentences align in well under a second.

``Bead.score`` is the bead's **cost**: lower is better, about 0 for a clean 1-1 pair,
a few hundred for a drop or a doubtful merge, negative when many anchors agree.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from unidecode import unidecode

from xlate.languages import check_language
from xlate.text.segment import Document, Sentence

Shape = tuple[int, int]


@dataclass(frozen=True)
class Bead:
    """Source sentence indices ``src`` aligned to target indices ``tgt`` (either may be empty).

    ``score`` is the bead's cost in the aligner's units (about -100 log-probability): lower
    is better; see the module docstring.
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float


@dataclass(frozen=True)
class IdBead:
    """A bead over sentence ids (``p{paragraph}.s{sentence}``) of two segmented documents."""

    src_ids: tuple[str, ...]
    tgt_ids: tuple[str, ...]
    score: float


@dataclass(frozen=True)
class LengthModel:
    """Gale-Church length model: target chars ~ Normal(mean * src, variance * src)."""

    mean: float
    variance: float


# Measured on newstest2012 lines 1-1500 (the benchmark scores lines 1501-3003): mean ratio
# of non-space characters and the variance of (lt - mean*ls) / sqrt((ls + lt/mean) / 2).
# The variance is inflated (see AlignParams.variance_scale) for translations that are freer
# than WMT's careful ones.
PAIR_LENGTH_MODELS: dict[tuple[str, str], LengthModel] = {
    ("en", "es"): LengthModel(1.106, 2.73),
    ("en", "ru"): LengthModel(1.051, 1.64),
    ("es", "en"): LengthModel(0.904, 2.02),
    ("es", "ru"): LengthModel(0.951, 2.55),
    ("ru", "en"): LengthModel(0.951, 1.41),
    ("ru", "es"): LengthModel(1.052, 2.96),
}
DEFAULT_LENGTH_MODEL = LengthModel(1.0, 3.0)


def _default_priors() -> dict[Shape, float]:
    # -100 log p(shape) relative to 1-1, roughly Gale & Church's table; tuned on the
    # calibration half of the benchmark.
    return {
        (1, 1): 0.0,
        (1, 0): 350.0,
        (0, 1): 350.0,
        (2, 1): 300.0,
        (1, 2): 300.0,
        (2, 2): 550.0,
        (3, 1): 800.0,
        (1, 3): 800.0,
    }


@dataclass(frozen=True)
class AlignParams:
    """Knobs of the aligner (defaults tuned on the calibration half of the benchmark)."""

    priors: Mapping[Shape, float] = field(default_factory=_default_priors)
    variance_scale: float = 3.0  # widen the corpus-measured variance: real texts are freer
    anchor_weight: float = 90.0  # cost removed per anchor shared by the two sides of a bead
    back_weight: float = 300.0  # cost per sentence of (1 - word F) against back-translation
    back_null: float = 0.8  # the (1 - F) charged to a sentence left unaligned
    gap_extend: float = 250.0  # each further sentence in a run of 1-0 (0-1) beads
    band: int = 20  # initial half-width of the DP band, in sentences


DEFAULT_PARAMS = AlignParams()


def align_sentences(
    src_sents: Sequence[str],
    tgt_sents: Sequence[str],
    src_lang: str,
    tgt_lang: str,
    *,
    tgt_back: Sequence[str] | None = None,
    params: AlignParams | None = None,
) -> list[Bead]:
    """Align target sentences to source sentences; every index appears in exactly one bead.

    ``tgt_back``: optional back-translations of ``tgt_sents`` into ``src_lang`` (same length),
    used as extra lexical evidence. Beads come in order on both sides.
    """
    src_lang, tgt_lang = check_language(src_lang), check_language(tgt_lang)
    if tgt_back is not None and len(tgt_back) != len(tgt_sents):
        raise ValueError(
            f"tgt_back has {len(tgt_back)} items for {len(tgt_sents)} target sentences"
        )
    params = params or DEFAULT_PARAMS
    n, m = len(src_sents), len(tgt_sents)
    if n == 0 or m == 0:
        return [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]
    problem = _Problem.build(src_sents, tgt_sents, src_lang, tgt_lang, tgt_back, params)
    width = max(1, params.band)
    while True:
        beads, touched = problem.solve(width)
        if not touched or width >= max(n, m):
            return beads
        width *= 2


def align_documents(
    src_doc: Document,
    tgt_doc: Document,
    *,
    tgt_back: Mapping[str, str] | None = None,
    params: AlignParams | None = None,
) -> list[IdBead]:
    """Align two segmented documents, paragraph by paragraph when their paragraphs match.

    Paragraphs are aligned one by one when both documents have the same number of them
    and every paragraph keeps roughly the document's length ratio (a translator who split
    one paragraph and merged two others elsewhere fails that test). Otherwise the sentences
    of the whole documents are aligned in one pass: the banded DP is cheap enough, and a
    separate paragraph aligner would add a second place to go wrong.
    ``tgt_back`` maps target sentence ids to their back-translations.
    """
    src_paras = [p.sentences for p in src_doc.paragraphs]
    tgt_paras = [p.sentences for p in tgt_doc.paragraphs]
    if _paragraphs_correspond(src_paras, tgt_paras):
        pairs = list(zip(src_paras, tgt_paras, strict=True))
    else:
        pairs = [(src_doc.sentences, tgt_doc.sentences)]
    out: list[IdBead] = []
    for src_sents, tgt_sents in pairs:
        back = None
        if tgt_back is not None:
            back = [tgt_back.get(s.id, "") for s in tgt_sents]
        beads = align_sentences(
            [s.text for s in src_sents],
            [s.text for s in tgt_sents],
            src_doc.lang,
            tgt_doc.lang,
            tgt_back=back,
            params=params,
        )
        for bead in beads:
            out.append(
                IdBead(
                    tuple(src_sents[i].id for i in bead.src),
                    tuple(tgt_sents[j].id for j in bead.tgt),
                    bead.score,
                )
            )
    return out


def _paragraphs_correspond(
    src: Sequence[Sequence[Sentence]], tgt: Sequence[Sequence[Sentence]]
) -> bool:
    if len(src) != len(tgt) or not src:
        return False
    src_len = [sum(char_length(s.text) for s in p) for p in src]
    tgt_len = [sum(char_length(s.text) for s in p) for p in tgt]
    ratio = sum(tgt_len) / max(1, sum(src_len))
    for ls, lt in zip(src_len, tgt_len, strict=True):
        if ls + lt < 80:  # short paragraphs (headlines, bylines) vary too much to judge
            continue
        r = lt / max(1, ls) / ratio
        if not 0.5 <= r <= 2.0:
            return False
    return True


def char_length(sentence: str) -> int:
    """Characters that count for the length model: everything but whitespace."""
    return sum(1 for ch in sentence if not ch.isspace())


# --- lexical evidence --------------------------------------------------------------------

# Digit groups: "1,500", "1.500", "3,5", and "1 500" with a (narrow) no-break or plain
# space between thousands. Normalised to the bare digits so the notations compare equal.
_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*")
_WORD = re.compile(r"\w+")
_QUOTES = frozenset('"«»“”„‟')
_MARKS = {"?": "?", "!": "!", "(": "(", "%": "%"}
_NAME_PREFIX = 4  # inflection changes endings: compare "puti(n|na|ne)" by their prefix
_STEM_PREFIX = 5


def anchors(sentence: str) -> Counter[str]:
    """Language-independent features of a sentence, with their counts.

    ``#digits`` for numbers, ``? ! ( %`` and ``"`` for any quote mark, and ``@pref`` for
    capitalised words transliterated to ASCII, lower-cased and cut to a prefix.
    """
    feats: Counter[str] = Counter()
    for match in _NUMBER.finditer(sentence):
        feats["#" + re.sub(r"\D", "", match.group(0))] += 1
    for ch in sentence:
        if ch in _QUOTES:
            feats['"'] += 1
        elif ch in _MARKS:
            feats[_MARKS[ch]] += 1
    for match in _WORD.finditer(sentence):
        word = match.group(0)
        if len(word) < 2 or not word[0].isupper() or word[0].isdigit():
            continue
        latin = _latin_prefix(word)
        if len(latin) >= 3:
            feats["@" + latin] += 1
    return feats


@lru_cache(maxsize=8192)
def _latin_prefix(word: str) -> str:
    return "".join(c for c in unidecode(word).lower() if c.isalpha())[:_NAME_PREFIX]


def word_stems(sentence: str) -> Counter[str]:
    """Lower-cased, accent-free words cut to a prefix (a poor man's stemmer), with counts.

    Used between a source sentence and a back-translation, both in the source language:
    word overlap is Bleualign's evidence, and the prefix keeps "refused"/"refuses" equal.
    """
    words = _WORD.findall(_strip_accents(sentence.lower()))
    return Counter(w[:_STEM_PREFIX] for w in words)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


Multiset = frozenset[tuple[str, int]]


def _as_set(counts: Counter[str]) -> Multiset:
    """A multiset as a plain set of (item, k-th occurrence): & then gives min counts."""
    return frozenset((item, k) for item, n in counts.items() for k in range(1, n + 1))


def _spans(per_sentence: Sequence[Counter[str]], longest: int) -> list[list[Multiset]]:
    """spans[d][end]: the features of sentences end-d .. end-1 together (d = 1..longest)."""
    n = len(per_sentence)
    out: list[list[Multiset]] = [[]]
    counts: list[Counter[str]] = [Counter()] * (n + 1)  # the previous d's span counts
    for d in range(1, longest + 1):
        row: list[Multiset] = [frozenset()] * (n + 1)
        grown: list[Counter[str]] = [Counter()] * (n + 1)
        for end in range(d, n + 1):
            total = counts[end - 1] + per_sentence[end - 1] if d > 1 else per_sentence[end - 1]
            grown[end] = total
            row[end] = _as_set(total) if total else frozenset()
        counts = grown
        out.append(row)
    return out


# --- dynamic programming -----------------------------------------------------------------


def _log_tail(z: np.ndarray) -> np.ndarray:
    """log(2 * (1 - Phi(|z|))) without underflow (Abramowitz-Stegun 26.2.17, as in G&C)."""
    z = np.abs(z)
    t = 1.0 / (1.0 + 0.2316419 * z)
    poly = ((((1.330274429 * t - 1.821255978) * t + 1.781477937) * t - 0.356563782) * t
            + 0.319381530) * t  # fmt: skip
    return np.log(2.0 * 0.3989423) - z * z / 2.0 + np.log(poly)


class _Band:
    """Per-row column ranges [lo, hi] of the DP around the diagonal."""

    def __init__(self, n: int, m: int, width: int) -> None:
        slope = m / n
        self.lo = np.empty(n + 1, dtype=np.int64)
        self.hi = np.empty(n + 1, dtype=np.int64)
        for i in range(n + 1):
            # cover the diagonal between the neighbouring rows so the band is connected
            left = math.floor(max(0, i - 1) * slope) - width
            right = math.ceil(min(n, i + 1) * slope) + width
            self.lo[i] = max(0, left)
            self.hi[i] = min(m, right)


@dataclass
class _Problem:
    src_len: np.ndarray  # prefix sums of character lengths, size n+1
    tgt_len: np.ndarray
    src_anchors: list[list[Multiset]]  # spans, see _spans
    tgt_anchors: list[list[Multiset]]
    anchor_weight: dict[str, float]  # per feature: 1 / sentences carrying it (rare = strong)
    src_grams: list[list[Multiset]] | None  # source word stems, with back-translations
    back_grams: list[list[Multiset]] | None  # stems of the back-translated targets
    model: LengthModel
    params: AlignParams

    @classmethod
    def build(
        cls,
        src: Sequence[str],
        tgt: Sequence[str],
        src_lang: str,
        tgt_lang: str,
        tgt_back: Sequence[str] | None,
        params: AlignParams,
    ) -> _Problem:
        src_chars = [char_length(s) for s in src]
        tgt_chars = [char_length(t) for t in tgt]
        base = PAIR_LENGTH_MODELS.get((src_lang, tgt_lang), DEFAULT_LENGTH_MODEL)
        # The pair's mean, not the document's own ratio: omissions and additions skew that.
        model = LengthModel(base.mean, base.variance * params.variance_scale)
        longest = max(max(shape) for shape in params.priors)
        src_feats = [anchors(s) for s in src]
        tgt_feats = [anchors(t) for t in tgt]
        df_src = Counter(f for feats in src_feats for f in feats)
        df_tgt = Counter(f for feats in tgt_feats for f in feats)
        weights = {f: 1.0 / max(df_src[f], df_tgt[f]) for f in df_src.keys() & df_tgt.keys()}
        src_grams = back_grams = None
        if tgt_back is not None:
            src_grams = _spans([word_stems(s) for s in src], longest)
            back_grams = _spans([word_stems(b) for b in tgt_back], longest)
        return cls(
            src_len=np.concatenate(([0], np.cumsum(src_chars))).astype(np.float64),
            tgt_len=np.concatenate(([0], np.cumsum(tgt_chars))).astype(np.float64),
            src_anchors=_spans(src_feats, longest),
            tgt_anchors=_spans(tgt_feats, longest),
            anchor_weight=weights,
            src_grams=src_grams,
            back_grams=back_grams,
            model=model,
            params=params,
        )

    @property
    def n(self) -> int:
        return len(self.src_len) - 1

    @property
    def m(self) -> int:
        return len(self.tgt_len) - 1

    def solve(self, width: int) -> tuple[list[Bead], bool]:
        """Best path inside a band of ``width``; also whether it touched the band's edge.

        Omissions are affine gaps: the first left-out sentence costs the 1-0 (0-1) prior,
        each further one in a row only ``gap_extend``, because translators skip whole
        passages (a partial translation of the lead) more often than scattered sentences.
        Per row we keep four costs: ``dele`` ends in a run of 1-0 beads, ``pre`` is the best
        not ending in a 0-1 bead, ``ins`` ends in a run of 0-1 beads, ``best`` the minimum.
        """
        n = self.n
        band = _Band(n, self.m, width)
        shapes = [s for s in self.params.priors if s not in ((1, 0), (0, 1))]
        rows: list[_Row] = []
        del_open, del_ext = self._gap_costs(1, 0)
        ins_open, ins_ext = self._gap_costs(0, 1)
        for i in range(n + 1):
            lo = int(band.lo[i])
            js = np.arange(lo, int(band.hi[i]) + 1)
            pre = np.full(js.shape, np.inf)
            choice = np.full(js.shape, -1, dtype=np.int8)  # index into shapes; -2: deletion
            if i == 0:
                pre[js == 0] = 0.0
            for k, (di, dj) in enumerate(shapes):
                if di > i:
                    continue
                prev = _lookup(rows[i - di].best, rows[i - di].lo, js - dj)
                if not np.isfinite(prev).any():
                    continue
                cost = prev + self._bead_cost(i, js, di, dj)
                better = cost < pre
                pre = np.where(better, cost, pre)
                choice = np.where(better, k, choice)
            if i > 0:
                up = rows[i - 1]
                opened = _lookup(up.best, up.lo, js) + del_open
                extended = _lookup(up.dele, up.lo, js) + del_ext
                dele = np.minimum(opened, extended)
                dele_opened = opened <= extended
                better = dele < pre
                pre = np.where(better, dele, pre)
                choice = np.where(better, -2, choice)
            else:
                dele = np.full(js.shape, np.inf)
                dele_opened = np.ones(js.shape, dtype=bool)
            ins, ins_opened = _gap_chain(pre, ins_open, ins_ext)
            best = np.minimum(pre, ins)
            rows.append(_Row(lo, best, pre, choice, dele, dele_opened, ins, ins_opened))
        return self._trace(band, shapes, rows)

    def _gap_costs(self, di: int, dj: int) -> tuple[float, float]:
        """Costs of opening and of extending a run of 1-0 (or 0-1) beads."""
        params = self.params
        extra = 0.0
        if self.src_grams is not None:
            extra = params.back_weight * params.back_null * (di + dj)
        return params.priors[(di, dj)] + extra, params.gap_extend + extra

    def _bead_cost(self, i: int, js: np.ndarray, di: int, dj: int) -> np.ndarray:
        """Cost of the beads ending at source i and each target j in ``js``."""
        params = self.params
        mean, var = self.model.mean, self.model.variance
        j0 = np.clip(js - dj, 0, self.m)
        ls = self.src_len[i] - self.src_len[i - di]
        lt = self.tgt_len[js] - self.tgt_len[j0]
        denom = np.sqrt(np.maximum(var * (ls + lt / mean) / 2.0, 1e-9))
        z = (lt - mean * ls) / denom
        if di and dj:
            cost = params.priors[(di, dj)] - 100.0 * _log_tail(z)
        else:  # a sentence left out: its length says nothing about that
            cost = np.full(js.shape, params.priors[(di, dj)])
        if di and dj and params.anchor_weight:
            cost = cost - params.anchor_weight * self._shared_anchors(i, js, di, dj)
        if self.src_grams is not None and self.back_grams is not None:
            if di and dj:
                overlap = _dice(self.src_grams[di][i], self.back_grams[dj], js)
                cost = cost + params.back_weight * (1.0 - overlap) * (di + dj)
            else:
                cost = cost + params.back_weight * params.back_null * (di + dj)
        return cost

    def _shared_anchors(self, i: int, js: np.ndarray, di: int, dj: int) -> np.ndarray:
        out = np.zeros(js.shape)
        left = self.src_anchors[di][i]
        if not left:
            return out
        right = self.tgt_anchors[dj]
        weight = self.anchor_weight
        for pos, j in enumerate(js.tolist()):
            if j >= dj and right[j]:
                shared = left & right[j]
                if shared:
                    out[pos] = sum(weight[f] for f, _ in shared)
        return out

    def _trace(self, band: _Band, shapes: list[Shape], rows: list[_Row]) -> tuple[list[Bead], bool]:
        m = self.m
        i, j, state = self.n, m, "best"
        beads: list[Bead] = []
        touched = False
        while i > 0 or j > 0:
            row = rows[i]
            p = j - row.lo
            if (row.lo > 0 and p == 0) or (band.hi[i] < m and j == band.hi[i]):
                touched = True
            here = float(row.value(state, p))
            if state == "best":
                state = "ins" if row.ins[p] < row.pre[p] else "pre"
                continue
            if state == "pre" and row.choice[p] == -2:
                state = "dele"
                continue
            if state == "pre":
                k = int(row.choice[p])
                if k < 0:
                    raise RuntimeError("alignment DP found no path")  # the band is connected
                di, dj = shapes[k]
                pi, pj, state = i - di, j - dj, "best"
            elif state == "dele":
                pi, pj = i - 1, j
                state = "best" if row.dele_opened[p] else "dele"
            else:  # ins
                pi, pj = i, j - 1
                state = "pre" if row.ins_opened[p] else "ins"
            there = float(rows[pi].value(state, pj - rows[pi].lo))
            beads.append(Bead(tuple(range(pi, i)), tuple(range(pj, j)), round(here - there, 2)))
            i, j = pi, pj
        beads.reverse()
        return beads, touched


@dataclass
class _Row:
    """One DP row: columns lo..lo+len-1; see _Problem.solve for the four cost arrays."""

    lo: int
    best: np.ndarray
    pre: np.ndarray
    choice: np.ndarray
    dele: np.ndarray
    dele_opened: np.ndarray
    ins: np.ndarray
    ins_opened: np.ndarray

    def value(self, state: str, pos: int) -> float:
        return float(getattr(self, state)[pos])


def _lookup(row: np.ndarray, lo: int, cols: np.ndarray) -> np.ndarray:
    """row[cols - lo], inf where that falls outside the row's band."""
    idx = cols - lo
    ok = (idx >= 0) & (idx < len(row))
    out = np.full(cols.shape, np.inf)
    out[ok] = row[idx[ok]]
    return out


def _dice(left: Multiset, right: Sequence[Multiset], js: np.ndarray) -> np.ndarray:
    """Dice overlap (the F-score of set matches) of ``left`` with ``right[j]`` for j in js."""
    out = np.zeros(js.shape)
    if not left:
        return out
    size = len(left)
    for pos, j in enumerate(js.tolist()):
        other = right[j]
        if other:
            out[pos] = 2.0 * len(left & other) / (size + len(other))
    return out


def _gap_chain(pre: np.ndarray, open_cost: float, extend: float) -> tuple[np.ndarray, np.ndarray]:
    """Runs of 0-1 beads along a row: ins[p] = min(pre[p-1] + open, ins[p-1] + extend).

    Unrolled, ins[p] = open + extend*(p-1) + min over q < p of (pre[q] - extend*q): a running
    minimum, so the row stays vectorised. Also returns whether each ins[p] opened the run.
    """
    idx = np.arange(len(pre), dtype=np.float64)
    ins = np.full(pre.shape, np.inf)
    if len(pre) > 1:
        running = np.minimum.accumulate(pre - extend * idx)[:-1]
        ins[1:] = open_cost + extend * idx[:-1] + running
    opened = np.ones(pre.shape, dtype=bool)
    opened[1:] = pre[:-1] + open_cost <= ins[:-1] + extend
    return ins, opened
