"""The analysis of one article: plain picklable data in, a report (or a one-line error) out.

A batch run translates a whole wave of articles first, then hands each article's job to
the analysis pool (:mod:`xlate.batch.pool`), whose workers import this module (and only
what it needs: no engine is built there). A job is ``(function, data)``; the function
returns the article's :class:`~xlate.report.Report`, or its error line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from xlate.check import analyse_translation, check_report
from xlate.checks.analyse import analyse, make_report, settings_record
from xlate.checks.document import AnalysisSettings
from xlate.errors import XlateError
from xlate.report import Report
from xlate.text.segment import Document
from xlate.translation import EngineInfo, Translation

Job = tuple[Callable[..., "Report | str"], Any]
Direction = tuple[str, str]


def failed_job(error: str) -> str:
    """The job of an article that failed before its analysis: its error line."""
    return error


@dataclass(frozen=True)
class TargetAnalysis:
    """One target language of a round trip, translated: what ``analyze`` needs for it."""

    target: str
    translations: tuple[Translation, ...]  # one per source sentence
    back_translations: tuple[Translation, ...]
    engine: EngineInfo
    back_engine: EngineInfo


@dataclass(frozen=True)
class RoundtripJob:
    doc: Document
    source_text: str
    rel: str
    languages: tuple[TargetAnalysis, ...]
    settings: AnalysisSettings


def analyse_roundtrip(job: RoundtripJob) -> Report | str:
    try:
        languages = [
            analyse(
                job.doc,
                lang.target,
                lang.translations,
                lang.back_translations,
                forward=lang.engine,
                back=lang.back_engine,
                settings=job.settings,
            )
            for lang in job.languages
        ]
    except XlateError as err:
        return f"{job.rel}: {err}".replace("\n", " ")
    return make_report(
        "roundtrip",
        job.doc,
        languages,
        path=job.rel,
        source_text=job.source_text,
        settings=settings_record(job.settings),
    )


def check_back_translations(
    source_lang: str,
    translations: Mapping[str, Document],
    done: Mapping[Direction, Mapping[str, Translation]],
    failed: Mapping[Direction, Mapping[str, str]],
) -> dict[str, tuple[Translation, ...]] | str:
    """The back-translations of one article's ``translations`` (by language), in sentence
    order, from the wave's back-translations ``done``; or the first error in ``failed``."""
    backs: dict[str, tuple[Translation, ...]] = {}
    for tgt, doc in translations.items():
        key = (tgt, source_lang)
        wanted = [s.text for s in doc.sentences]
        errors = [failed[key][t] for t in wanted if t in failed[key]]
        if errors:
            return errors[0]
        backs[tgt] = tuple(done[key][t] for t in wanted)
    return backs


@dataclass(frozen=True)
class CheckJob:
    source: Document
    rel: str
    translations: tuple[tuple[str, str, Document], ...]  # (lang, rel, document)
    # By language, one per translation sentence; None: model-free checks only.
    back_translations: Mapping[str, tuple[Translation, ...]] | None
    back_engines: Mapping[str, EngineInfo]  # by language: what translated back
    settings: AnalysisSettings


def analyse_check(job: CheckJob) -> Report | str:
    """Phase 2 of ``xlate.check`` for each translation, joined into one report."""
    backs = job.back_translations
    try:
        languages = [
            analyse_translation(
                job.source,
                doc,
                backs[lang] if backs is not None else None,
                back=job.back_engines.get(lang),
                settings=job.settings,
            )
            for lang, _, doc in job.translations
        ]
    except XlateError as err:
        return f"{job.rel}: {err}".replace("\n", " ")
    return check_report(
        job.source,
        languages,
        settings=job.settings,
        path=job.rel,
        translation_paths={lang: rel for lang, rel, _ in job.translations},
    )
