"""Batch jobs: round-trip a folder of articles, resumably, with a summary an editor can sort.

The parts of a run, each in its module: where articles and outputs are
(:mod:`xlate.batch.layout`), what is to do (:mod:`xlate.batch.plan`), who translates
(:mod:`xlate.batch.executors`, Ray in :mod:`xlate.batch.ray_executor`), the analysis of
each article (:mod:`xlate.batch.jobs`, in the pool of :mod:`xlate.batch.pool`) and the
summary rows (:mod:`xlate.batch.summary`). This module is the run itself.

For the whole run it writes ``summary.json`` and the summary views it is given (``summary.csv``
and ``summary.md`` for the CLI): one row per article and target language, worst first. With
``--shard I/N`` a run writes ``summary.part-I-of-N.json`` and
:func:`~xlate.batch.summary.merge_summaries` joins the parts.

The sentences of many articles are translated together: a wave of articles is gathered,
each direction's distinct sentences go through one ``SentenceExecutor`` call (chunked, so
progress shows and a kill loses at most one chunk: the cache commits per chunk), then the
back-translations, then every article of the wave is analysed and written. Outputs are
written atomically and the report last, so a report on disk means a complete article; a
rerun skips articles that are up to date (see :mod:`xlate.batch.plan`).

The analysis of each article (scores, flags, quotes, alignment in check mode) is pure and
costs ~10-20 ms per sentence and language, more than a cached translation: with
``analysis_workers`` > 1 it runs in worker processes while the main process translates the
next wave; the main process still writes every file, so outputs are byte-identical to a
serial run and a kill leaves no partial file.

``check=True`` (``xlate batch --check-dir``) checks translations that already exist, laid
out beside their sources (``story.en.txt`` + ``story.es.txt``, naming rule in
``xlate.batch.checkdir``): each translation is back-translated (sentences of a whole wave
together, through the same executor and cache; no engine: model-free checks only) and
``xlate.check`` aligns and analyses it. Only ``NAME.report.json`` is written per
article (mode ``check``, one language per translation); summaries are the same, with
``mode`` ``check`` in each row.
"""

from __future__ import annotations

import time
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xlate.batch.events import BatchProgress
from xlate.batch.executors import LocalExecutor, SentenceExecutor
from xlate.batch.jobs import (
    CheckJob,
    Job,
    RoundtripJob,
    TargetAnalysis,
    analyse_check,
    analyse_roundtrip,
    check_back_translations,
    failed_job,
)
from xlate.batch.layout import remove_stale_temp_files, write_output
from xlate.batch.plan import BatchOptions, PlannedArticle, Planner
from xlate.batch.pool import JobPool
from xlate.batch.repairing import repair_roundtrip
from xlate.batch.summary import (
    SummaryRow,
    SummaryViews,
    failed_row,
    rows_from_report,
    sort_rows,
    summary_json,
    summary_names,
    write_summaries,
)
from xlate.engines.base import Translator
from xlate.errors import ConfigError, XlateError
from xlate.report import Report
from xlate.text.segment import segment_text
from xlate.translation import EngineInfo, Translation

# Articles are processed in waves of about this many sentences, so reports appear on disk
# as the run goes and memory stays bounded on huge folders.
DEFAULT_WAVE_SENTENCES = 4000

Direction = tuple[str, str]
Translated = dict[Direction, dict[str, Translation]]  # by direction, then by sentence
Failed = dict[Direction, dict[str, str]]  # the error of each sentence the engine failed on


@dataclass
class BatchResult:
    out_dir: Path
    rows: list[SummaryRow]
    plan: list[PlannedArticle]
    translated: int = 0  # sentences the engine translated
    cached: int = 0  # sentences answered by the cache
    elapsed_s: float = 0.0
    dry_run: bool = False

    @property
    def failed(self) -> list[str]:
        return sorted({r.path for r in self.rows if r.status == "failed"})

    def counts(self) -> dict[str, Any]:
        statuses = [p.status for p in self.plan]
        return {
            "articles": len(self.plan),
            "translated_articles": statuses.count("todo") if not self.dry_run else 0,
            "up_to_date": statuses.count("up-to-date"),
            "failed": len(self.failed),
            "sentences_translated": self.translated,
            "sentences_cached": self.cached,
            "elapsed_s": round(self.elapsed_s, 2),
        }


class BatchRun:
    def __init__(
        self,
        in_dir: Path,
        out_dir: Path,
        options: BatchOptions,
        engine: Translator | None,
        *,
        executor: SentenceExecutor | None = None,
        progress: BatchProgress | None = None,
        summary_views: SummaryViews | None = None,
    ) -> None:
        if engine is None and executor is not None:
            engine = executor.engine
        if engine is None and not options.check:
            raise ConfigError("translating needs an engine: --engine none works with --check-dir")
        self.out_dir = out_dir
        self.options = options
        self.engine = engine  # None: check mode without back-translation
        self.planner = Planner(in_dir, out_dir, options, engine)
        self.executor = executor or (
            LocalExecutor(engine, options.chunk_sentences) if engine is not None else None
        )
        self.progress = progress or BatchProgress()
        self.summary_views: SummaryViews = summary_views or {}
        self.translated = 0
        self.cached = 0
        # --repair: each article's round-trip job until its report is repaired (here,
        # where the engine is: the pool's workers have none)
        self._repair_jobs: dict[str, RoundtripJob] = {}

    def run(self, *, dry_run: bool = False) -> BatchResult:
        started = time.monotonic()
        plan = self.planner.plan()
        result = BatchResult(self.out_dir, [], plan, dry_run=dry_run)
        for item in plan:
            if item.status == "failed":
                result.rows.append(failed_row(item.article.rel, item.error, self.options.mode))
            elif item.status == "up-to-date":
                result.rows += item.rows
        if dry_run:
            return result
        todo = self.start(plan)
        workers = min(self.options.analysis_workers, len(todo))
        with JobPool(workers, preload=["xlate.batch.warmup"]) as pool:
            # A wave is analysed (in the pool) while the next one is translated here;
            # its files are written once that translation is done.
            pending: list[tuple[PlannedArticle, Future[Report | str]]] = []
            for wave in self.waves(todo):
                jobs = self.prepare_wave(wave)
                result.rows += self.write_articles(pending)
                pending = [(item, pool.submit(*job)) for item, job in jobs]
                if not pool.parallel:
                    result.rows += self.write_articles(pending)
                    pending = []
            result.rows += self.write_articles(pending)
        result.translated, result.cached = self.translated, self.cached
        result.elapsed_s = time.monotonic() - started
        self.write_summary(result.rows)
        self.progress.finish(result.counts())
        return result

    def start(self, plan: list[PlannedArticle]) -> list[PlannedArticle]:
        """Clean up after a killed run, segment what is to do, tell the progress display."""
        outputs = [
            p
            for item in plan
            for p in item.article.outputs(
                self.out_dir, item.targets or self.options.targets
            ).paths()
        ]
        summary_files = (
            [self.out_dir / self.options.shard.part_name]
            if self.options.shard
            else [self.out_dir / n for n in summary_names(self.summary_views)]
        )
        remove_stale_temp_files(outputs + summary_files)
        todo = [item for item in plan if item.status == "todo"]
        for item in todo:
            item.doc = segment_text(item.text, item.lang)
            item.translation_docs = {
                tgt: segment_text(text, tgt) for tgt, text in item.translation_texts.items()
            }
        statuses = [p.status for p in plan]
        self.progress.start(
            articles=len(plan),
            pending=len(todo),
            skipped=statuses.count("up-to-date"),
            failed=statuses.count("failed"),
        )
        for item in plan:
            if item.status != "todo":
                self.progress.article(item.article.rel, item.status, item.error)
        return todo

    def write_summary(self, rows: list[SummaryRow]) -> None:
        meta = {
            "mode": self.options.mode,
            "source_lang": self.options.src,
            "targets": list(self.options.targets),
        }
        if self.options.shard is not None:
            part = self.out_dir / self.options.shard.part_name
            write_output(part, summary_json(sort_rows(rows), meta))
        else:
            write_summaries(self.out_dir, rows, meta, self.summary_views)

    def waves(self, todo: list[PlannedArticle]) -> list[list[PlannedArticle]]:
        limit = self.options.wave_sentences or DEFAULT_WAVE_SENTENCES
        waves: list[list[PlannedArticle]] = []
        current: list[PlannedArticle] = []
        size = 0
        for item in todo:
            current.append(item)
            size += len(item.doc or ()) * len(item.targets)
            if size >= limit:
                waves.append(current)
                current, size = [], 0
        if current:
            waves.append(current)
        return waves

    # --- translating a wave ----------------------------------------------------------------

    def _on_progress(self, translated: int, cached: int) -> None:
        self.translated += translated
        self.cached += cached
        self.progress.sentences(translated, cached)

    def _translate(
        self, wanted: dict[Direction, dict[str, None]], *, estimate: dict[Direction, int]
    ) -> tuple[Translated, Failed]:
        done: Translated = {}
        failed: Failed = {}
        assert self.executor is not None  # there is an engine whenever there is translating
        for (src, tgt), texts in wanted.items():
            correction = len(texts) - estimate.get((src, tgt), 0)
            if correction:
                self.progress.add_sentences(correction)
            done[(src, tgt)], failed[(src, tgt)] = self.executor.translate_unique(
                list(texts), src, tgt, alignments=True, progress=self._on_progress
            )
        return done, failed

    def prepare_wave(self, wave: list[PlannedArticle]) -> list[tuple[PlannedArticle, Job]]:
        """Translate what the wave needs; then each article's analysis job (or its error)."""
        if self.options.check:
            return self.prepare_check_wave(wave)
        forward: dict[Direction, dict[str, None]] = {}
        for item in wave:
            assert item.doc is not None
            for tgt in item.targets:
                texts = forward.setdefault((item.doc.lang, tgt), {})
                texts.update(dict.fromkeys(s.text for s in item.doc.sentences))
        # Back-translations: about as many distinct sentences again; corrected when known.
        estimate = {(t, s): len(v) for (s, t), v in forward.items()}
        self.progress.add_sentences(2 * sum(len(v) for v in forward.values()))
        fwd, fwd_failed = self._translate(forward, estimate={k: len(v) for k, v in forward.items()})
        backward: dict[Direction, dict[str, None]] = {}
        for (src, tgt), table in fwd.items():
            backward.setdefault((tgt, src), {}).update(
                dict.fromkeys(t.text for t in table.values())
            )
        bwd, bwd_failed = self._translate(backward, estimate=estimate)
        return [(item, self.roundtrip_job(item, fwd, fwd_failed, bwd, bwd_failed)) for item in wave]

    def roundtrip_job(
        self,
        item: PlannedArticle,
        fwd: Translated,
        fwd_failed: Failed,
        bwd: Translated,
        bwd_failed: Failed,
    ) -> Job:
        doc = item.doc
        assert doc is not None and self.engine is not None
        src = doc.lang
        texts = [s.text for s in doc.sentences]
        languages = []
        for tgt in item.targets:
            there, back = fwd[(src, tgt)], bwd.get((tgt, src), {})
            errors = [fwd_failed[(src, tgt)].get(t) for t in texts]
            errors += [
                bwd_failed.get((tgt, src), {}).get(there[t].text) for t in texts if t in there
            ]
            error = next((e for e in errors if e), None)
            if error is not None:
                return (failed_job, f"{item.article.rel}: {error}")
            forward_list = tuple(there[t] for t in texts)
            back_list = tuple(back[t.text] for t in forward_list)
            engines = (self.engine.info(src, tgt), self.engine.info(tgt, src))
            languages.append(TargetAnalysis(tgt, forward_list, back_list, *engines))
        job = RoundtripJob(
            doc, item.text, item.article.rel, tuple(languages), self.options.settings
        )
        if self.options.repair is not None:
            self._repair_jobs[item.article.rel] = job
        return (analyse_roundtrip, job)

    def prepare_check_wave(self, wave: list[PlannedArticle]) -> list[tuple[PlannedArticle, Job]]:
        """Check mode: back-translate every translation sentence of the wave in one go (the
        same executor and cache as a round trip); each article's job then analyses its
        translations with them (``xlate.check``'s second phase)."""
        backward: dict[Direction, dict[str, None]] = {}
        for item in wave:
            for tgt, doc in item.translation_docs.items():
                texts = backward.setdefault((tgt, item.lang), {})
                texts.update(dict.fromkeys(s.text for s in doc.sentences))
        bwd: Translated = {}
        bwd_failed: Failed = {}
        if self.engine is not None:
            self.progress.add_sentences(sum(len(v) for v in backward.values()))
            bwd, bwd_failed = self._translate(
                backward, estimate={k: len(v) for k, v in backward.items()}
            )
        jobs: list[tuple[PlannedArticle, Job]] = []
        for item in wave:
            assert item.doc is not None
            backs = None
            back_engines: dict[str, EngineInfo] = {}
            if self.engine is not None:
                made = check_back_translations(item.lang, item.translation_docs, bwd, bwd_failed)
                if isinstance(made, str):
                    jobs.append((item, (failed_job, f"{item.article.rel}: {made}")))
                    continue
                backs = made
                back_engines = {tgt: self.engine.info(tgt, item.lang) for tgt in made}
            translations = tuple(
                (tgt, item.translation_files[tgt].rel, doc)
                for tgt, doc in item.translation_docs.items()
            )
            job = CheckJob(
                item.doc, item.article.rel, translations, backs, back_engines,
                self.options.settings,
            )  # fmt: skip
            jobs.append((item, (analyse_check, job)))
        return jobs

    # --- writing ---------------------------------------------------------------------------

    def write_articles(
        self, pending: list[tuple[PlannedArticle, Future[Report | str]]]
    ) -> list[SummaryRow]:
        """Write each analysed article (the report last: its presence marks it done)."""
        rows: list[SummaryRow] = []
        for item, future in pending:
            outcome = JobPool.result(future)
            rel = item.article.rel
            if isinstance(outcome, str):
                self.progress.article(rel, "failed", outcome)
                rows.append(failed_row(rel, outcome, self.options.mode))
                continue
            job = self._repair_jobs.pop(rel, None)
            if job is not None and self.options.repair is not None and self.engine is not None:
                try:
                    outcome = repair_roundtrip(job, outcome, self.engine, self.options.repair)
                except XlateError as err:
                    error = f"{rel}: {err}".replace("\n", " ")
                    self.progress.article(rel, "failed", error)
                    rows.append(failed_row(rel, error, self.options.mode))
                    continue
            outputs = item.article.outputs(self.out_dir, item.targets)
            if outcome.mode == "roundtrip":
                for language in outcome.languages:
                    write_output(
                        outputs.translations[language.target], language.translation_text or ""
                    )
                    write_output(
                        outputs.backs[language.target], language.back_translation_text or ""
                    )
            write_output(outputs.report, outcome.to_json())
            self.progress.article(rel, "ok")
            rows += rows_from_report(outcome, rel, self.planner.rel(outputs.report))
        return rows


def run_batch(
    in_dir: str | Path,
    out_dir: str | Path,
    options: BatchOptions,
    engine: Translator | None,
    *,
    executor: SentenceExecutor | None = None,
    progress: BatchProgress | None = None,
    summary_views: SummaryViews | None = None,
    dry_run: bool = False,
) -> BatchResult:
    """Round-trip (or, with ``options.check``, check) every article under ``in_dir`` into
    ``out_dir`` (see the module doc). ``engine`` None: the executor's engine, or, with
    neither, check mode with model-free checks only. ``summary_views`` draw the summary
    files besides ``summary.json`` (``xlate.views.batch_summary.SUMMARY_VIEWS``)."""
    run = BatchRun(
        Path(in_dir),
        Path(out_dir),
        options,
        engine,
        executor=executor,
        progress=progress,
        summary_views=summary_views,
    )
    return run.run(dry_run=dry_run)
