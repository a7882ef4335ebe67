"""One source sentence against one target sentence, without numpy.

A one-sentence check, and every one-sentence paragraph of a document (headlines, bylines),
asks the aligner about one sentence on each side. The banded programme of
:mod:`xlate.text.align.dp` then has one question to answer: is the 1-1 bead cheaper than
leaving both sentences out (a 1-0 and a 0-1 bead)? Answered here in scalar arithmetic,
with the same formulas in the same order, so the beads and their costs are the DP's (the
tests compare the two on newstest2012's pairs); numpy (~0.13 s to import, most of what a
one-sentence check loads for the aligner) is then never imported.
"""

from __future__ import annotations

import math

from xlate.text.align.features import _as_set, anchors, word_stems
from xlate.text.align.params import (
    DEFAULT_LENGTH_MODEL,
    PAIR_LENGTH_MODELS,
    AlignParams,
    Bead,
    char_length,
)

_GAPS = ((1, 0), (0, 1))


def answers(params: AlignParams) -> bool:
    """Can :func:`align_pair` answer for the DP under ``params``? Yes when every bead shape
    but the gaps takes a sentence from each side (all of the defaults do): with one
    sentence a side, 1-1 is then the only bead that is no gap."""
    return all(di >= 1 and dj >= 1 for di, dj in params.priors if (di, dj) not in _GAPS)


def _log_tail(z: float) -> float:
    """dp._log_tail of one value."""
    z = abs(z)
    t = 1.0 / (1.0 + 0.2316419 * z)
    poly = ((((1.330274429 * t - 1.821255978) * t + 1.781477937) * t - 0.356563782) * t
            + 0.319381530) * t  # fmt: skip
    return math.log(2.0 * 0.3989423) - z * z / 2.0 + math.log(poly)


def _one_to_one(
    src: str, tgt: str, src_lang: str, tgt_lang: str, back: str | None, params: AlignParams
) -> float:
    """dp.Problem._bead_cost of the 1-1 bead of one sentence a side."""
    if (1, 1) not in params.priors:
        return math.inf
    base = PAIR_LENGTH_MODELS.get((src_lang, tgt_lang), DEFAULT_LENGTH_MODEL)
    mean, var = base.mean, base.variance * params.variance_scale
    ls, lt = float(char_length(src)), float(char_length(tgt))
    denom = math.sqrt(max(var * (ls + lt / mean) / 2.0, 1e-9))
    z = (lt - mean * ls) / denom
    cost = params.priors[(1, 1)] - 100.0 * _log_tail(z)
    if params.anchor_weight:
        # Each feature the two sides share is in one sentence a side: weight 1 / 1.
        shared = _as_set(anchors(src)) & _as_set(anchors(tgt))
        cost = cost - params.anchor_weight * float(len(shared))
    if back is not None:
        left, right = _as_set(word_stems(src)), _as_set(word_stems(back))
        overlap = 2.0 * len(left & right) / (len(left) + len(right)) if left and right else 0.0
        cost = cost + params.back_weight * (1.0 - overlap) * 2
    return cost


def _gap_opening(di: int, dj: int, params: AlignParams, with_back: bool) -> float:
    """dp.Problem._gap_costs's cost of opening a run of 1-0 (0-1) beads."""
    extra = params.back_weight * params.back_null * (di + dj) if with_back else 0.0
    return params.priors[(di, dj)] + extra


def align_pair(
    src: str,
    tgt: str,
    src_lang: str,
    tgt_lang: str,
    *,
    back: str | None,
    params: AlignParams,
) -> list[Bead]:
    """The DP's beads for one source and one target sentence (``answers(params)`` holds):
    the 1-1 bead unless both left out cost strictly less (the DP's ties go to 1-1), or
    it has no finite cost."""
    one = _one_to_one(src, tgt, src_lang, tgt_lang, back, params)
    left_out = _gap_opening(1, 0, params, back is not None)
    added = _gap_opening(0, 1, params, back is not None)
    both = added + left_out  # the DP's sum, in its order
    if one < math.inf and not both < one:
        return [Bead((0,), (0,), round(one - 0.0, 2))]
    return [Bead((), (0,), round(added - 0.0, 2)), Bead((0,), (), round(both - added, 2))]
