"""The banded dynamic programme that finds the cheapest sequence of beads.

Costs are about -100 log-probability: a prior per bead shape, the Gale-Church length cost,
minus shared anchors, plus the word overlap against back-translations when there are some.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from xlate.text.align.features import Multiset, anchors, spans, word_stems
from xlate.text.align.params import (
    DEFAULT_LENGTH_MODEL,
    PAIR_LENGTH_MODELS,
    AlignParams,
    Bead,
    LengthModel,
    Shape,
    char_length,
)


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
class Problem:
    src_len: np.ndarray  # prefix sums of character lengths, size n+1
    tgt_len: np.ndarray
    src_anchors: list[list[Multiset]]  # see features.spans
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
    ) -> Problem:
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
            src_grams = spans([word_stems(s) for s in src], longest)
            back_grams = spans([word_stems(b) for b in tgt_back], longest)
        return cls(
            src_len=np.concatenate(([0], np.cumsum(src_chars))).astype(np.float64),
            tgt_len=np.concatenate(([0], np.cumsum(tgt_chars))).astype(np.float64),
            src_anchors=spans(src_feats, longest),
            tgt_anchors=spans(tgt_feats, longest),
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
    """One DP row: columns lo..lo+len-1; see Problem.solve for the four cost arrays."""

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
