"""The round trip: translate an article, translate that back, and analyse where it drifted.

Two phases, as in ``xlate.check``: the engine calls, then the analysis
(``xlate.checks.analyse.analyse``), which is pure, so batch jobs can translate the sentences
of many articles together and analyse each article afterwards.

    report = roundtrip(text, "en", ["es", "ru"], engine=engine)
"""

from __future__ import annotations

from collections.abc import Sequence

from xlate.checks.analyse import analyse, make_report, settings_record
from xlate.checks.document import AnalysisSettings
from xlate.engines import DEFAULT_ENGINE, EngineOptions, Translator
from xlate.languages import check_pair
from xlate.repair import RepairOptions, repair_language
from xlate.report import LanguageReport, Report
from xlate.text.segment import Document
from xlate.translate import (
    DistinctTexts,
    StepCallback,
    TranslatedDocument,
    as_document,
    engine_for,
    translate_distinct,
)
from xlate.translation import Translation

__all__ = ["repaired_translation", "roundtrip", "roundtrip_language"]


def roundtrip(
    text: str | Document,
    src: str | None = None,
    tgt: str | Sequence[str] = "es",
    *,
    engine: Translator | None = None,
    back_engine: Translator | None = None,
    engine_name: str = DEFAULT_ENGINE,
    options: EngineOptions | None = None,
    settings: AnalysisSettings | None = None,
    lines: bool = False,
    path: str | None = None,
    repair: RepairOptions | None = None,
    progress: StepCallback | None = None,
) -> Report:
    """Translate an article into each target (``tgt``: one code or several), back, and
    analyse.

    ``src`` is detected when None; ``engine`` (closed by its owner) or else a new
    ``engine_name`` engine with ``options`` translates, and ``back_engine`` (default: the
    same) translates back. ``path`` is the source's path, for the report. With
    ``repair``, flagged sentences get the best of the engine's candidates
    (``xlate.repair``); the report records what was considered. ``progress`` is told how
    far the engine calls and the checks are.
    """
    doc = as_document(text, src, lines=lines)
    # The one place the pairs are checked: before any engine is made.
    targets = [check_pair(doc.lang, t)[1] for t in ([tgt] if isinstance(tgt, str) else tgt)]
    with engine_for(engine, engine_name, options) as forward:
        backward = back_engine or forward
        languages = [
            _roundtrip_language(doc, t, forward, backward, settings, repair, progress)
            for t in targets
        ]
    record = settings_record(settings)
    if repair is not None:
        record["repair"] = repair.record()
    return make_report("roundtrip", doc, languages, path=path, settings=record)


def roundtrip_language(
    doc: Document,
    tgt: str,
    engine: Translator,
    back_engine: Translator,
    settings: AnalysisSettings | None = None,
    repair: RepairOptions | None = None,
) -> LanguageReport:
    """Translate ``doc`` into ``tgt``, translate that back, and analyse (and repair)."""
    pair = check_pair(doc.lang, tgt)
    return _roundtrip_language(doc, pair[1], engine, back_engine, settings, repair)


def _roundtrip_language(
    doc: Document,
    tgt: str,
    engine: Translator,
    back_engine: Translator,
    settings: AnalysisSettings | None,
    repair: RepairOptions | None = None,
    progress: StepCallback | None = None,
) -> LanguageReport:
    """``roundtrip_language`` for a pair already checked."""
    src = doc.lang
    # Each distinct sentence goes there once, and each distinct translation comes back once
    # (two sentences may translate alike).
    distinct = DistinctTexts.of(s.text for s in doc.sentences)
    forward = translate_distinct(
        engine, distinct.texts, src, tgt, alignments=True, progress=progress
    )
    outputs = DistinctTexts.of(t.text for t in forward)
    backward = outputs.spread(
        translate_distinct(back_engine, outputs.texts, tgt, src, alignments=True, progress=progress)
    )

    def analyse_all(fwd: Sequence[Translation], bwd: Sequence[Translation]) -> LanguageReport:
        return analyse(
            doc,
            tgt,
            fwd,
            bwd,
            forward=engine.info(src, tgt),
            back=back_engine.info(tgt, src),
            settings=settings,
            progress=progress,
        )

    report = analyse_all(distinct.spread(forward), distinct.spread(backward))
    if repair is None:
        return report
    return repair_language(
        distinct.texts,
        forward,
        backward,
        report,
        analyse_all,
        src=src,
        tgt=tgt,
        engine=engine,
        back_engine=back_engine,
        settings=settings or AnalysisSettings(),
        options=repair,
        positions=distinct.positions,
    )


def repaired_translation(
    text: str | Document,
    src: str | None,
    tgt: str,
    *,
    engine: Translator | None = None,
    engine_name: str = DEFAULT_ENGINE,
    options: EngineOptions | None = None,
    lines: bool = False,
    settings: AnalysisSettings | None = None,
    repair: RepairOptions | None = None,
) -> tuple[TranslatedDocument, list[str]]:
    """``translate --repair``: the round trip with repair, as a translation, and one line
    per sentence repaired (``sentence: reason``)."""
    doc = as_document(text, src, lines=lines)
    tgt = check_pair(doc.lang, tgt)[1]
    with engine_for(engine, engine_name, options) as translator:
        report = _roundtrip_language(
            doc, tgt, translator, translator, settings, repair or RepairOptions()
        )
        info = translator.info(doc.lang, tgt)
    translations = {s.id: Translation(text=s.translation or "") for s in report.sentences}
    notes = [
        f"repaired {s.id}: {s.repair.reason}" for s in report.repaired() if s.repair is not None
    ]
    return TranslatedDocument(doc, tgt, translations, info), notes
