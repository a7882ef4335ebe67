"""The analysis of one article: plain picklable data in, a report (or a one-line error) out.

A batch run translates a whole wave of articles first, then hands each article's job to
the analysis pool (:mod:`xlate.batch.pool`), whose workers import this module (and only
what it needs: no engine is built there). A job is ``(function, data)``; the function
returns the article's :class:`~xlate.report.Report`, or its error line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from xlate.engines.base import BaseTranslator, Translator
from xlate.errors import EngineError, XlateError
from xlate.report import Report
from xlate.roundtrip import AnalysisSettings, analyze, check, make_report, settings_record
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
            analyze(
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


class TableTranslator(BaseTranslator):
    """A Translator that answers from back-translations made beforehand for a whole wave,
    so ``check`` can run in a worker process without the engine (and without asking it
    twice). It reports the real engine's ``info``, so reports name what translated."""

    def __init__(
        self,
        name: str,
        infos: dict[Direction, EngineInfo],
        table: dict[Direction, dict[str, Translation]],
    ) -> None:
        self.name = name
        self.infos = infos
        self.table = table

    def info(self, src: str, tgt: str) -> EngineInfo:
        return self.infos[(src, tgt)]

    def translate_batch(
        self, sentences: Sequence[str], src: str, tgt: str, *, alignments: bool = False
    ) -> list[Translation]:
        table = self.table.get((src, tgt), {})
        missing = [s for s in sentences if s not in table]
        if missing:
            raise EngineError(f"no back-translation was made for {missing[0][:60]!r}")
        return [table[s] for s in sentences]


def check_back_engine(
    engine: Translator,
    source_lang: str,
    translations: Mapping[str, Document],
    done: Mapping[Direction, Mapping[str, Translation]],
    failed: Mapping[Direction, Mapping[str, str]],
) -> TableTranslator | str:
    """What ``check`` back-translates one article's ``translations`` (by language) with:
    the wave's back-translations ``done`` as a table, or the first error in ``failed``.

    The one place check mode depends on ``check`` translating inline; a ``check`` that
    takes its back-translations as data replaces this function."""
    table: dict[Direction, dict[str, Translation]] = {}
    errors: list[str] = []
    for tgt, doc in translations.items():
        key = (tgt, source_lang)
        wanted = [s.text for s in doc.sentences]
        errors += [failed[key][t] for t in wanted if t in failed[key]]
        table[key] = {t: done[key][t] for t in wanted if t in done[key]}
    if errors:
        return errors[0]
    infos = {key: engine.info(*key) for key in table}
    return TableTranslator(engine.name, infos, table)


@dataclass(frozen=True)
class CheckJob:
    source: Document
    source_text: str
    rel: str
    translations: tuple[tuple[str, str, str, Document], ...]  # (lang, rel, text, document)
    back_engine: TableTranslator | None  # None: model-free checks only
    settings: AnalysisSettings


def analyse_check(job: CheckJob) -> Report | str:
    """``xlate.roundtrip.check`` for each translation, joined into one report."""
    reports = []
    try:
        for _, rel, text, doc in job.translations:
            reports.append(
                check(
                    job.source,
                    doc,
                    back_engine=job.back_engine,
                    settings=job.settings,
                    path=job.rel,
                    translation_path=rel,
                    source_text=job.source_text,
                    translation_text=text,
                )
            )
    except XlateError as err:
        return f"{job.rel}: {err}".replace("\n", " ")
    report = reports[0]
    report.languages = [r.languages[0] for r in reports]
    # one report for all languages: the translation files by language
    report.settings.pop("translation_path", None)
    report.settings["translation_paths"] = {lang: rel for lang, rel, _, _ in job.translations}
    return report
