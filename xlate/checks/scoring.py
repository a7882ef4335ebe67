"""Round-trip scores with sacrebleu: sentence chrF/BLEU/TER and corpus scores with signatures;
and the score check, which flags a sentence whose back-translation reads differently.

chrF is the primary sentence score: BLEU on one sentence is noisy even when smoothed.
TER is an edit rate: lower is better (0 = identical). Its shift search grows much faster
than the sentence (77 of 81 s went to one 2,000-character sentence with a dissimilar
back-translation), so TER is computed only for sentences of at most ``MAX_TER_TOKENS``
words on both sides; the rule is written into the TER signature.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from xlate.checks.document import AnalysedDocument, AnalysisSettings, Findings
from xlate.config import Thresholds
from xlate.report import DocumentScores, Flag, Scores

if TYPE_CHECKING:
    from sacrebleu.metrics import BLEU, CHRF, TER

# Of newstest2012's 3,003 sentences one each in en and es is longer (114 words). On a dissimilar
# back-translation sacrebleu's TER takes about 0.2 s at 50 words, 1.7 s at 100 and 9 s at
# 150 (measured on this project's shared machine), and a whole minute past 300.
MAX_TER_TOKENS = 100
TER_RULE = f"max-tokens:{MAX_TER_TOKENS}"


def ter_affordable(hypothesis: str, reference: str) -> bool:
    """Whether TER of this pair stays bounded: both sides at most ``MAX_TER_TOKENS``
    whitespace tokens (TER's own tokenisation, before its normalisation)."""
    return max(len(hypothesis.split()), len(reference.split())) <= MAX_TER_TOKENS


def ter_signature(signature: object, skipped: int = 0, total: int = 0) -> str:
    """sacrebleu's TER signature with the length rule, and how many segments it left out."""
    text = f"{signature}|{TER_RULE}"
    return f"{text}|skipped:{skipped}/{total}" if skipped else text


@lru_cache(maxsize=1)
def _sentence_metrics() -> tuple[CHRF, BLEU, TER]:
    # sacrebleu is imported on first use (~0.1 s): the model-free checks score nothing.
    from sacrebleu.metrics import BLEU, CHRF, TER

    # effective_order: sentence BLEU without zero n-gram precisions for short sentences.
    return CHRF(), BLEU(effective_order=True), TER()


def _round(value: float) -> float:
    return round(float(value), 2)


def chrf(hypothesis: str, reference: str) -> float:
    """Sentence chrF (0-100) of ``hypothesis`` against ``reference``."""
    return _round(_sentence_metrics()[0].sentence_score(hypothesis, [reference]).score)


def sentence_scores(hypothesis: str, reference: str) -> Scores:
    """chrF, smoothed BLEU and TER of one back-translation against its original (TER
    None past ``MAX_TER_TOKENS``)."""
    c, b, t = _sentence_metrics()
    if not reference.strip():
        return Scores()
    affordable = ter_affordable(hypothesis, reference)
    return Scores(
        chrf=_round(c.sentence_score(hypothesis, [reference]).score),
        bleu=_round(b.sentence_score(hypothesis, [reference]).score),
        ter=_round(t.sentence_score(hypothesis, [reference]).score) if affordable else None,
    )


def corpus_scores(hypotheses: Sequence[str], references: Sequence[str]) -> DocumentScores:
    """Document scores with sacrebleu's signature strings, for reproducibility.

    Corpus TER is over the sentences within ``MAX_TER_TOKENS`` (None when there are
    none); its signature says the rule and how many it left out.
    """
    if not hypotheses:
        return DocumentScores()
    from sacrebleu.metrics import BLEU, CHRF, TER

    refs = [list(references)]
    values: dict[str, float | None] = {}
    signatures: dict[str, str] = {}
    for name, metric in {"chrf": CHRF(), "bleu": BLEU()}.items():
        values[name] = _round(metric.corpus_score(list(hypotheses), refs).score)
        signatures[name] = str(metric.get_signature())
    kept = [(h, r) for h, r in zip(hypotheses, references, strict=True) if ter_affordable(h, r)]
    ter = TER()
    # sacrebleu signs only a metric that has scored (it records the number of references):
    # with every sentence past the bound, an empty pair gets the signature and no value.
    score = ter.corpus_score([h for h, _ in kept] or [""], [[r for _, r in kept] or [""]])
    values["ter"] = _round(score.score) if kept else None
    signatures["ter"] = ter_signature(
        ter.get_signature(), len(hypotheses) - len(kept), len(hypotheses)
    )
    return DocumentScores(
        chrf=values["chrf"], bleu=values["bleu"], ter=values["ter"], signatures=signatures
    )


# --- the score check ---------------------------------------------------------------------

# Robust z-score under which a person's sentence or quote is flagged for its round trip:
# only the few far worse than the rest of the document.
_OUTLIER_Z = 3.0
# Fewer scores than this say nothing about a document's baseline.
_MIN_BASELINE = 8
# chrF of a few words swings wildly ("How come?" / "¿A qué se debe esto?" comes back at 9):
# in check mode a sentence shorter than this gets no score flag of its own.
_MIN_SCORED_WORDS = 5
# "high" means a fact changed; the chrF of a sentence this short ("Shopping" -> "Compra" ->
# "Purchase", chrF 2) says no such thing by itself: at most medium.
_MIN_HIGH_WORDS = 8


def relative_floor(values: Sequence[float], absolute: float) -> float:
    """The chrF under which a score stands out from the rest of the document: the
    median less ``_OUTLIER_Z`` robust deviations (1.4826 × MAD), never above
    ``absolute``; ``absolute`` alone for a document too short to have a baseline."""
    if len(values) < _MIN_BASELINE:
        return absolute
    ordered = sorted(values)
    median = statistics.median(ordered)
    mad = statistics.median(abs(v - median) for v in ordered)
    return min(absolute, median - _OUTLIER_Z * 1.4826 * mad)


def score_flag(chrf_value: float | None, thresholds: Thresholds) -> Flag | None:
    if chrf_value is None or chrf_value >= thresholds.sentence_chrf_medium:
        return None
    severity = "high" if chrf_value < thresholds.sentence_chrf_high else "medium"
    return Flag(
        kind="score",
        severity=severity,
        reason=f"the back-translation reads differently from the original "
        f"(chrF {chrf_value:.0f} of 100)",
        detail={"chrf": chrf_value},
    )


class ScoreCheck:
    """Each back-translation scored against its source (chrF, BLEU, TER); a ``score`` flag
    under the sentence chrF thresholds.

    A person's translation (check mode) is judged against the document itself. An
    engine's back-translation of a person's wording differs from the original far more
    than an engine's round trip of its own output does (synonyms, reordering, idiom): on
    newstest2012 en->es through Apertium, 59% of people's sentences fall under the
    absolute chrF thresholds. What an editor needs is the sentence whose round trip is
    far worse than the rest of the same document, so there a score flag stays only below
    the document's robust floor (``relative_floor``, never above the high threshold),
    and not for a sentence of a few words; an absolute threshold alone rules for a
    document of a few sentences. Quotes are judged alike (``xlate.checks.quotes.tracking``).
    """

    name = "score"

    def run(self, document: AnalysedDocument, settings: AnalysisSettings) -> Findings:
        th = settings.thresholds
        found = Findings()
        for pair in document.pairs:
            if pair.back is not None:
                found.scores[pair.index] = sentence_scores(pair.back.text, pair.source)
        floor: float | None = None
        if document.judged_by_document:
            chrfs = [s.chrf for s in found.scores.values() if s.chrf is not None]
            floor = relative_floor(chrfs, th.sentence_chrf_high)
        for pair in document.pairs:
            chrf = found.scores[pair.index].chrf if pair.index in found.scores else None
            flag = score_flag(chrf, th)
            if flag is None:
                continue
            words = len(pair.sentence.text.split())
            if (
                floor is not None
                and chrf is not None
                and (words < _MIN_SCORED_WORDS or chrf >= floor)
            ):
                continue
            if words < _MIN_HIGH_WORDS and flag.severity == "high":
                flag.severity = "medium"
                flag.reason += f"; medium, not high: a sentence of {words} words"
            found.add(pair.index, [flag])
        return found
