"""Round-trip scores with sacrebleu: sentence chrF/BLEU/TER and corpus scores with signatures.

chrF is the primary sentence score: BLEU on one sentence is noisy even when smoothed.
TER is an edit rate: lower is better (0 = identical).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from sacrebleu.metrics import BLEU, CHRF, TER

from xlate.report import DocumentScores, Scores


@lru_cache(maxsize=1)
def _sentence_metrics() -> tuple[CHRF, BLEU, TER]:
    # effective_order: sentence BLEU without zero n-gram precisions for short sentences.
    return CHRF(), BLEU(effective_order=True), TER()


def _round(value: float) -> float:
    return round(float(value), 2)


def chrf(hypothesis: str, reference: str) -> float:
    """Sentence chrF (0-100) of ``hypothesis`` against ``reference``."""
    return _round(_sentence_metrics()[0].sentence_score(hypothesis, [reference]).score)


def sentence_scores(hypothesis: str, reference: str) -> Scores:
    """chrF, smoothed BLEU and TER of one back-translation against its original."""
    c, b, t = _sentence_metrics()
    if not reference.strip():
        return Scores()
    return Scores(
        chrf=_round(c.sentence_score(hypothesis, [reference]).score),
        bleu=_round(b.sentence_score(hypothesis, [reference]).score),
        ter=_round(t.sentence_score(hypothesis, [reference]).score),
    )


def corpus_scores(hypotheses: Sequence[str], references: Sequence[str]) -> DocumentScores:
    """Document scores with sacrebleu's signature strings, for reproducibility."""
    if not hypotheses:
        return DocumentScores()
    refs = [list(references)]
    metrics = {"chrf": CHRF(), "bleu": BLEU(), "ter": TER()}
    values: dict[str, float] = {}
    signatures: dict[str, str] = {}
    for name, metric in metrics.items():
        values[name] = _round(metric.corpus_score(list(hypotheses), refs).score)
        signatures[name] = str(metric.get_signature())
    return DocumentScores(
        chrf=values["chrf"], bleu=values["bleu"], ter=values["ter"], signatures=signatures
    )
