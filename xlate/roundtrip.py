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
from xlate.report import LanguageReport, Report
from xlate.text.segment import Document
from xlate.translate import (
    DistinctTexts,
    StepCallback,
    as_document,
    engine_for,
    translate_distinct,
)

__all__ = ["roundtrip", "roundtrip_language"]


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
    progress: StepCallback | None = None,
) -> Report:
    """Translate an article into each target (``tgt``: one code or several), back, and
    analyse.

    ``src`` is detected when None; ``engine`` (closed by its owner) or else a new
    ``engine_name`` engine with ``options`` translates, and ``back_engine`` (default: the
    same) translates back. ``path`` is the source's path, for the report; ``progress``
    is told how far the engine calls and the checks are.
    """
    doc = as_document(text, src, lines=lines)
    # The one place the pairs are checked: before any engine is made.
    targets = [check_pair(doc.lang, t)[1] for t in ([tgt] if isinstance(tgt, str) else tgt)]
    with engine_for(engine, engine_name, options) as forward:
        backward = back_engine or forward
        languages = [
            _roundtrip_language(doc, t, forward, backward, settings, progress) for t in targets
        ]
    return make_report("roundtrip", doc, languages, path=path, settings=settings_record(settings))


def roundtrip_language(
    doc: Document,
    tgt: str,
    engine: Translator,
    back_engine: Translator,
    settings: AnalysisSettings | None = None,
) -> LanguageReport:
    """Translate ``doc`` into ``tgt``, translate that back, and analyse."""
    return _roundtrip_language(doc, check_pair(doc.lang, tgt)[1], engine, back_engine, settings)


def _roundtrip_language(
    doc: Document,
    tgt: str,
    engine: Translator,
    back_engine: Translator,
    settings: AnalysisSettings | None,
    progress: StepCallback | None = None,
) -> LanguageReport:
    """``roundtrip_language`` for a pair already checked."""
    src = doc.lang
    # Each distinct sentence goes there and back once.
    distinct = DistinctTexts.of(s.text for s in doc.sentences)
    forward = translate_distinct(
        engine, distinct.texts, src, tgt, alignments=True, progress=progress
    )
    backward = translate_distinct(
        back_engine, [t.text for t in forward], tgt, src, alignments=True, progress=progress
    )
    return analyse(
        doc,
        tgt,
        distinct.spread(forward),
        distinct.spread(backward),
        forward=engine.info(src, tgt),
        back=back_engine.info(tgt, src),
        settings=settings,
        progress=progress,
    )
