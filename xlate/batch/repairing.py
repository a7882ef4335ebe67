"""``xlate batch --repair``: an analysed article's flagged sentences get the best of the
engine's candidates. It runs in the run's own process, where the engine (and its cache)
is; the analysis pool's workers have none."""

from __future__ import annotations

from collections.abc import Sequence

from xlate.batch.jobs import RoundtripJob, TargetAnalysis
from xlate.checks.analyse import analyse
from xlate.engines import Translator
from xlate.repair import RepairOptions, repair_language
from xlate.report import LanguageReport, Report
from xlate.translate import DistinctTexts
from xlate.translation import Translation


def repair_roundtrip(
    job: RoundtripJob, report: Report, engine: Translator, options: RepairOptions
) -> Report:
    """``--repair`` on an analysed article, in the process that holds the engine: each
    language's flagged sentences get the best of the engine's candidates (``xlate.repair``;
    candidate lists and their back-translations go through the run's cache)."""
    distinct = DistinctTexts.of(s.text for s in job.doc.sentences)
    first = {p: i for i, p in reversed(list(enumerate(distinct.positions)))}
    for k, lang in enumerate(job.languages):

        def analyse_all(
            fwd: Sequence[Translation], bwd: Sequence[Translation], lang: TargetAnalysis = lang
        ) -> LanguageReport:
            return analyse(
                job.doc, lang.target, fwd, bwd,
                forward=lang.engine, back=lang.back_engine, settings=job.settings,
            )  # fmt: skip

        report.languages[k] = repair_language(
            distinct.texts,
            [lang.translations[first[p]] for p in range(len(distinct.texts))],
            [lang.back_translations[first[p]] for p in range(len(distinct.texts))],
            report.languages[k],
            analyse_all,
            src=job.doc.lang,
            tgt=lang.target,
            engine=engine,
            back_engine=engine,
            settings=job.settings,
            options=options,
            positions=distinct.positions,
        )
    report.settings["repair"] = options.record()
    return report
