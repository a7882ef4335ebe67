"""One article through several engines or models, side by side, for ``xlate compare``.

Each system translates the article and translates it back with the same engine and
model (:func:`xlate.roundtrip.roundtrip_language`: round-trip chrF/BLEU/TER and the
usual flags per sentence). With a reference translation, the reference is segmented,
aligned to the source sentences as ``xlate check`` aligns a translation
(:func:`xlate.text.align.align_documents`), and every system is scored against it on the
aligned segments: corpus BLEU, chrF and TER with sacrebleu signatures, and sacrebleu's
paired bootstrap resampling (:class:`sacrebleu.significance.PairedTest`) against the
first system, the baseline. A merged bead (two source sentences, one reference sentence)
is one segment: the systems' translations of both sentences are joined.

The result is plain data (:mod:`xlate.comparison`); :mod:`xlate.views.compare` draws it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from xlate.checks.document import AnalysisSettings
from xlate.comparison import (
    SCHEMA,
    Comparison,
    MetricScore,
    ReferenceInfo,
    SentenceRow,
    SystemResult,
    SystemSentence,
)
from xlate.errors import ConfigError
from xlate.report import LanguageReport
from xlate.roundtrip import roundtrip_language
from xlate.text.segment import Document

SIGNIFICANCE_LEVEL = 0.05
BOOTSTRAP_SAMPLES = 1000
# sacrebleu's metric names, as PairedTest reports them, and ours
METRIC_KEYS = {"BLEU": "bleu", "chrF2": "chrf", "TER": "ter"}


@dataclass(frozen=True)
class SystemSpec:
    """An entry of ``--engines``: ``engine``, ``engine:model`` or ``engine:model+back``.

    ``hf:./tiny-en-es`` translates with that directory; the way back uses the same model
    (right for NLLB/M2M100, which translate both ways) unless ``+back`` names another,
    as a single-direction opus-mt model needs: ``hf:./en-es+./es-en``.
    """

    label: str
    engine: str
    model: str | None = None
    back_model: str | None = None


def parse_systems(value: str) -> list[SystemSpec]:
    """``apertium,hf:Helsinki-NLP/opus-mt-en-es,ct2:./m`` -> specs, engines checked."""
    from xlate.engines import available_engines

    known = available_engines()
    specs: list[SystemSpec] = []
    for raw in value.split(","):
        item = raw.strip()
        if not item:
            continue
        engine, sep, model = item.partition(":")
        engine = engine.strip()
        if engine not in known:
            raise ConfigError(
                f"--engines: unknown engine {engine!r} in {item!r}: write ENGINE or "
                f"ENGINE:MODEL with ENGINE one of {', '.join(sorted(known))}"
            )
        forward, plus, back = model.partition("+")
        if (sep and not forward.strip()) or (plus and not back.strip()):
            raise ConfigError(f"--engines: {item!r} names no model after the ':' or '+'")
        spec = SystemSpec(
            label=item,
            engine=engine,
            model=forward.strip() or None,
            back_model=back.strip() or None,
        )
        if any(s.label == spec.label for s in specs):
            raise ConfigError(f"--engines: {item!r} is listed twice")
        specs.append(spec)
    if not specs:
        raise ConfigError("--engines: give at least one engine, e.g. hf,apertium")
    return specs


# --- running ---------------------------------------------------------------------------


def _system_result(spec: SystemSpec, report: LanguageReport) -> SystemResult:
    engine = report.engine
    return SystemResult(
        label=spec.label,
        engine=engine.engine if engine else spec.engine,
        model=engine.model if engine else (spec.model or ""),
        revision=engine.revision if engine else None,
        settings=dict(engine.settings) if engine else {},
        roundtrip={
            "chrf": report.scores.chrf,
            "bleu": report.scores.bleu,
            "ter": report.scores.ter,
        },
        flags=report.flag_counts(),
    )


def run_systems(
    doc: Document,
    tgt: str,
    specs: Sequence[SystemSpec],
    *,
    device: str = "auto",
    beams: int = 4,
    settings: AnalysisSettings | None = None,
) -> list[LanguageReport]:
    """Round-trip ``doc`` through each system in turn (one model in memory at a time)."""
    from xlate.engines import EngineOptions, create_engine

    reports = []
    for spec in specs:
        engine = create_engine(
            spec.engine, EngineOptions(model=spec.model, device=device, beams=beams)
        )
        back = engine
        try:
            if spec.back_model is not None:
                back = create_engine(
                    spec.engine, EngineOptions(model=spec.back_model, device=device, beams=beams)
                )
            reports.append(roundtrip_language(doc, tgt, engine, back, settings))
        finally:
            engine.close()
            if back is not engine:
                back.close()
    return reports


def compare(
    doc: Document,
    tgt: str,
    specs: Sequence[SystemSpec],
    *,
    reference: Document | None = None,
    reference_path: str | None = None,
    source_path: str | None = None,
    device: str = "auto",
    beams: int = 4,
    settings: AnalysisSettings | None = None,
) -> Comparison:
    """Translate ``doc`` with every system and compare them; see the module docstring."""
    reports = run_systems(doc, tgt, specs, device=device, beams=beams, settings=settings)
    return build_comparison(
        doc,
        tgt,
        specs,
        reports,
        reference=reference,
        reference_path=reference_path,
        source_path=source_path,
    )


def build_comparison(
    doc: Document,
    tgt: str,
    specs: Sequence[SystemSpec],
    reports: Sequence[LanguageReport],
    *,
    reference: Document | None = None,
    reference_path: str | None = None,
    source_path: str | None = None,
) -> Comparison:
    """The comparison of finished round-trip reports (pure: no engine calls)."""
    comparison = Comparison(
        schema=SCHEMA,
        source_path=source_path,
        source_lang=doc.lang,
        target=tgt,
        baseline=specs[0].label,
        systems=[_system_result(s, r) for s, r in zip(specs, reports, strict=True)],
        sentences=_sentence_rows(doc, specs, reports),
    )
    if reference is not None:
        _score_against_reference(comparison, doc, reference, reference_path)
    return comparison


def _sentence_rows(
    doc: Document, specs: Sequence[SystemSpec], reports: Sequence[LanguageReport]
) -> list[SentenceRow]:
    rows = []
    for i, sent in enumerate(doc.sentences):
        row_cells: dict[str, SystemSentence] = {}
        for spec, report in zip(specs, reports, strict=True):
            record = report.sentences[i]
            row_cells[spec.label] = SystemSentence(
                translation=record.translation,
                back_translation=record.back_translation,
                roundtrip_chrf=record.scores.chrf,
                flags=[f"{f.severity}:{f.kind}" for f in record.flags],
            )
        rows.append(SentenceRow(id=sent.id, source=sent.text, reference=None, systems=row_cells))
    return rows


def _score_against_reference(
    comparison: Comparison, doc: Document, reference: Document, reference_path: str | None
) -> None:
    """Fill in the reference side: each row's reference, chrF per segment, corpus scores."""
    from xlate.checks.scoring import chrf

    segments = reference_segments(doc, reference)
    labels = [s.label for s in comparison.systems]
    by_id = {row.id: row for row in comparison.sentences}
    hypotheses: dict[str, list[str]] = {label: [] for label in labels}
    references: list[str] = []
    for src_ids, ref_text in segments.aligned:
        references.append(ref_text)
        by_id[src_ids[0]].reference = ref_text
        for label in labels:
            cells = [by_id[i].systems[label] for i in src_ids]
            hypothesis = " ".join(c.translation for c in cells if c.translation)
            hypotheses[label].append(hypothesis)
            cells[0].reference_chrf = chrf(hypothesis, ref_text)
    if not references:
        raise ConfigError(
            "--ref: no sentence of the reference aligned to the source; is it a "
            f"translation of this article into {comparison.target!r}?"
        )
    scores, signatures, test = reference_scores(
        [(label, hypotheses[label]) for label in labels], references
    )
    for system in comparison.systems:
        system.reference = scores[system.label]
    comparison.reference = ReferenceInfo(
        path=reference_path,
        segments=len(references),
        source_unmatched=segments.source_unmatched,
        reference_unmatched=segments.reference_unmatched,
        signatures=signatures,
        test=test,
    )


@dataclass(frozen=True)
class ReferenceSegments:
    aligned: list[tuple[tuple[str, ...], str]]  # source ids, the reference text for them
    source_unmatched: list[str]
    reference_unmatched: int


def reference_segments(source: Document, reference: Document) -> ReferenceSegments:
    """Align the reference's sentences to the source's (beads of ``xlate check``)."""
    from xlate.languages import check_pair
    from xlate.text.align import align_documents

    check_pair(source.lang, reference.lang)
    ref_text = {s.id: s.text for s in reference.sentences}
    aligned: list[tuple[tuple[str, ...], str]] = []
    source_unmatched: list[str] = []
    reference_unmatched = 0
    for bead in align_documents(source, reference):
        if not bead.src_ids:
            reference_unmatched += len(bead.tgt_ids)
        elif not bead.tgt_ids:
            source_unmatched.extend(bead.src_ids)
        else:
            aligned.append((bead.src_ids, " ".join(ref_text[t] for t in bead.tgt_ids)))
    return ReferenceSegments(aligned, source_unmatched, reference_unmatched)


def reference_scores(
    systems: Sequence[tuple[str, Sequence[str]]],
    references: Sequence[str],
    *,
    samples: int = BOOTSTRAP_SAMPLES,
) -> tuple[dict[str, dict[str, MetricScore]], dict[str, str], str]:
    """Corpus BLEU/chrF/TER per system, and paired bootstrap p-values against the first.

    Returns (scores by label and metric, signatures by metric, a line naming the test).
    With one system there is nothing to test: plain corpus scores and signatures. TER is
    over the segments within its length bound in every system (none: no TER), and its
    signature says so (:func:`xlate.checks.scoring.ter_signature`).
    """
    from xlate.checks.scoring import ter_affordable, ter_signature

    keep = [
        i
        for i, ref in enumerate(references)
        if all(ter_affordable(hyps[i], ref) for _, hyps in systems)
    ]
    scores, signatures, line = _reference_scores(
        ("BLEU", "chrF2") if len(keep) < len(references) else ("BLEU", "chrF2", "TER"),
        systems,
        references,
        samples,
    )
    if len(keep) < len(references) and keep:
        ter_scores, ter_signatures, _ = _reference_scores(
            ("TER",),
            [(label, [hyps[i] for i in keep]) for label, hyps in systems],
            [references[i] for i in keep],
            samples,
        )
        for label, by_metric in ter_scores.items():
            scores[label].update(by_metric)
        signatures.update(ter_signatures)
    if "ter" in signatures:
        signatures["ter"] = ter_signature(
            signatures["ter"], len(references) - len(keep), len(references)
        )
    return scores, signatures, line


def _reference_scores(
    names: Sequence[str],
    systems: Sequence[tuple[str, Sequence[str]]],
    references: Sequence[str],
    samples: int,
) -> tuple[dict[str, dict[str, MetricScore]], dict[str, str], str]:
    from sacrebleu.metrics import BLEU, CHRF, TER

    every = {"BLEU": BLEU, "chrF2": CHRF, "TER": TER}
    metrics = {name: every[name]() for name in names}
    refs = [list(references)]
    if len(systems) == 1:
        label, hyps = systems[0]
        out = {}
        signatures = {}
        for name, metric in metrics.items():
            out[METRIC_KEYS[name]] = MetricScore(
                score=round(metric.corpus_score(list(hyps), refs).score, 2)
            )
            signatures[METRIC_KEYS[name]] = str(metric.get_signature())
        return {label: out}, signatures, "no significance test: one system"

    from sacrebleu.significance import PairedTest

    test = PairedTest(
        [(label, list(hyps)) for label, hyps in systems],
        metrics,
        references=refs,
        test_type="bs",
        n_samples=samples,
    )
    signature_objs, results = test()
    scores: dict[str, dict[str, MetricScore]] = {label: {} for label, _ in systems}
    for name in metrics:
        key = METRIC_KEYS[name]
        # results[name]: sacrebleu's Result objects, baseline first (typed loosely there)
        column: list[Any] = list(results[name])
        baseline_score = float(column[0].score)
        for (label, _), result in zip(systems, column, strict=True):
            p_value = getattr(result, "p_value", None)
            significant = None
            if p_value is not None:
                # sacrebleu's test counts resampled differences strictly above the real
                # one, so a system scoring exactly like the baseline gets p = 1/(n+1):
                # "significant". No difference is never a significant one for an editor.
                significant = p_value < SIGNIFICANCE_LEVEL and float(result.score) != baseline_score
            scores[label][key] = MetricScore(
                score=round(float(result.score), 2),
                mean=_rounded(getattr(result, "mean", None)),
                ci=_rounded(getattr(result, "ci", None)),
                p_value=round(float(p_value), 4) if p_value is not None else None,
                significant=significant,
            )
    signatures = {METRIC_KEYS[n]: str(s) for n, s in signature_objs.items()}
    line = (
        f"paired bootstrap resampling (sacrebleu), {samples} samples, baseline "
        f"{systems[0][0]}, significant at p < {SIGNIFICANCE_LEVEL}"
    )
    return scores, signatures, line


def _rounded(value: Any) -> float | None:
    return round(float(value), 2) if value is not None else None
