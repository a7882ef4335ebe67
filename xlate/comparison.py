"""What ``xlate compare`` finds: plain dataclasses and their JSON schema (``xlate.compare/1``).

:mod:`xlate.compare` fills them; :mod:`xlate.views.compare` draws them. Everything a view
shows is here, down to each system's differences to the baseline, so views compute nothing.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "xlate.compare/1"
# The reference metrics in the order every view shows them.
REFERENCE_METRICS: tuple[str, ...] = ("bleu", "chrf", "ter")
LOWER_IS_BETTER = {"ter"}


@dataclass
class MetricScore:
    """A system's corpus score against the reference, and its test against the baseline.

    ``p_value`` and ``significant`` are None for the baseline itself; ``mean`` and ``ci``
    are the bootstrap estimate of the true score (95% confidence half-width).
    """

    score: float
    mean: float | None = None
    ci: float | None = None
    p_value: float | None = None
    significant: bool | None = None


@dataclass
class SystemResult:
    label: str
    engine: str
    model: str
    revision: str | None
    settings: dict[str, Any]
    roundtrip: dict[str, float | None]  # corpus chrf/bleu/ter of the back-translation
    flags: dict[str, int]  # per severity
    reference: dict[str, MetricScore] | None = None  # bleu/chrf/ter, when --ref is given


@dataclass
class SystemSentence:
    translation: str | None
    back_translation: str | None
    roundtrip_chrf: float | None
    reference_chrf: float | None = None
    flags: list[str] = field(default_factory=list)  # "severity:kind"


@dataclass
class SentenceRow:
    id: str
    source: str
    reference: str | None
    systems: dict[str, SystemSentence]


@dataclass
class ReferenceInfo:
    path: str | None
    segments: int  # aligned (source, reference) segments scored
    source_unmatched: list[str]  # source sentence ids with no reference counterpart
    reference_unmatched: int  # reference sentences no source sentence aligned to
    signatures: dict[str, str]
    test: str


@dataclass(frozen=True)
class MetricDifference:
    """A system's reference score less the baseline's, and what the significance test said."""

    metric: str  # one of REFERENCE_METRICS
    difference: float
    p_value: float | None
    significant: bool | None
    better: bool  # in the metric's own direction: a lower TER is better


@dataclass(frozen=True)
class BaselineDifferences:
    label: str
    metrics: list[MetricDifference]


@dataclass
class Comparison:
    schema: str
    source_path: str | None
    source_lang: str
    target: str
    baseline: str
    systems: list[SystemResult]
    sentences: list[SentenceRow]
    reference: ReferenceInfo | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def baseline_differences(self) -> list[BaselineDifferences]:
        """Each system scored against the reference, next to the baseline (the first)."""
        base = self.systems[0].reference
        if base is None:
            return []
        out: list[BaselineDifferences] = []
        for system in self.systems[1:]:
            if system.reference is None:
                continue
            metrics = []
            for key in REFERENCE_METRICS:
                if key not in system.reference or key not in base:
                    continue  # TER of segments all past its length bound
                ours = system.reference[key]
                difference = ours.score - base[key].score
                better = difference < 0 if key in LOWER_IS_BETTER else difference > 0
                metrics.append(
                    MetricDifference(key, difference, ours.p_value, ours.significant, better)
                )
            out.append(BaselineDifferences(system.label, metrics))
        return out
