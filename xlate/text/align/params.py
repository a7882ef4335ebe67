"""The aligner's model and knobs: beads, the Gale-Church length model per language pair, the
bead priors and weights (tuned on the calibration half of newstest2012)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

Shape = tuple[int, int]


@dataclass(frozen=True)
class Bead:
    """Source sentence indices ``src`` aligned to target indices ``tgt`` (either may be empty).

    ``score`` is the bead's cost in the aligner's units (about -100 log-probability): lower
    is better; see the docstring of ``xlate.text.align``.
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


def char_length(sentence: str) -> int:
    """Characters that count for the length model: everything but whitespace."""
    return sum(1 for ch in sentence if not ch.isspace())
