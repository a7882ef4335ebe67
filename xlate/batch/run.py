"""Batch jobs: round-trip a folder of articles, resumably, with a summary an editor can sort.

For each article ``IN_DIR/a/story.txt`` the run writes, mirroring IN_DIR's tree:

    OUT_DIR/a/story.es.txt         the Spanish translation (same layout as the source)
    OUT_DIR/a/story.es.back.txt    its back-translation into the source language
    OUT_DIR/a/story.report.json    the round-trip report (all targets; xlate.report schema)

(``.md`` articles keep ``.md``; when ``story.txt`` and ``story.md`` sit side by side, their
outputs are named ``story.txt.*`` and ``story.md.*``.) For the whole run it writes
``summary.csv``, ``summary.md`` and ``summary.json``: one row per article and target
language, worst first. With ``--shard I/N`` a run writes ``summary.part-I-of-N.json`` and
``merge_summaries`` joins the parts.

The sentences of many articles are translated together: a wave of articles is gathered,
each direction's distinct sentences go through one ``SentenceExecutor`` call (chunked, so
progress shows and a kill loses at most one chunk: the cache commits per chunk), then the
back-translations, then every article of the wave is analysed and written. Outputs are
written atomically and the report last, so a report on disk means a complete article; a
rerun skips articles whose report matches the source's sha256, the targets, the engine and
the thresholds, and leaves their files untouched (so reruns are byte-identical, including
the report's ``created`` time).

The analysis of each article (scores, flags, quotes, alignment in check mode) is pure and
costs ~10-20 ms per sentence and language, more than a cached translation: with
``analysis_workers`` > 1 it runs in worker processes (``xlate.batch.pool``) while the main
process translates the next wave; the main process still writes every file, so outputs
are byte-identical to a serial run and a kill leaves no partial file.

``check=True`` (``xlate batch --check-dir``) checks translations that already exist,
laid out beside their sources (``story.en.txt`` + ``story.es.txt``, naming rule in
``xlate.batch.checkdir``): each translation is back-translated (sentences of a whole wave
together, through the same executor and cache; no engine: model-free checks only) and
``xlate.roundtrip.check`` aligns and analyses it. Only ``NAME.report.json`` is written
per article (mode ``check``, one language per translation); summaries are the same, with
``mode`` ``check`` in each row.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path, PurePosixPath
from typing import IO, Any, Protocol

from xlate.batch.checkdir import CheckGroup, NamedFile, group_files
from xlate.batch.pool import JobPool
from xlate.cache import CachedTranslator
from xlate.engines.base import Translator
from xlate.errors import ConfigError, EngineError, InputError, XlateError
from xlate.report import SEVERITIES, EngineRecord, Report
from xlate.roundtrip import (
    AnalysisSettings,
    analyze,
    check,
    engine_record,
    make_report,
    settings_record,
)
from xlate.text.segment import Document, segment_text
from xlate.textio import atomic_write, read_text
from xlate.translate import translate_sentences
from xlate.translation import EngineInfo, Translation

DEFAULT_GLOBS: tuple[str, ...] = ("*.txt", "*.md")
# Sentences per engine call: small enough for frequent progress and little loss on a kill,
# large enough for the engine to sort and batch by length.
DEFAULT_CHUNK_SENTENCES = 256
# Articles are processed in waves of about this many sentences, so reports appear on disk
# as the run goes and memory stays bounded on huge folders.
DEFAULT_WAVE_SENTENCES = 4000
SUMMARY_NAMES = ("summary.csv", "summary.md", "summary.json")
SUMMARY_VERSION = 1


class OutputError(XlateError):
    """The output folder cannot be written."""


def default_workers() -> int:
    """Cores this process may use (respecting CPU affinity, e.g. in containers)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


# --- sharding ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Shard:
    """Shard ``index`` (1-based) of ``count``: a stable partition by relative path."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        index, sep, count = text.partition("/")
        try:
            shard = cls(int(index), int(count))
        except ValueError:
            sep = ""
        if not sep or not 1 <= shard.index <= shard.count:
            raise ConfigError(f"--shard {text!r}: expected I/N with 1 <= I <= N, e.g. 2/4")
        return shard

    def owns(self, rel: str) -> bool:
        digest = hashlib.sha256(rel.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index - 1

    @property
    def part_name(self) -> str:
        return f"summary.part-{self.index}-of-{self.count}.json"


# --- finding articles and naming outputs --------------------------------------------------


@dataclass(frozen=True)
class Article:
    rel: str  # path relative to IN_DIR, with forward slashes
    path: Path
    stem: str  # output name stem: "story", or "story.txt" when stems clash

    def outputs(self, out_dir: Path, targets: Iterable[str]) -> ArticleOutputs:
        folder = out_dir / PurePosixPath(self.rel).parent
        suffix = PurePosixPath(self.rel).suffix or ".txt"
        return ArticleOutputs(
            report=folder / f"{self.stem}.report.json",
            translations={t: folder / f"{self.stem}.{t}{suffix}" for t in targets},
            backs={t: folder / f"{self.stem}.{t}.back{suffix}" for t in targets},
        )


@dataclass(frozen=True)
class ArticleOutputs:
    report: Path
    translations: dict[str, Path]
    backs: dict[str, Path]

    def paths(self) -> list[Path]:
        return [*self.translations.values(), *self.backs.values(), self.report]


def _hidden(name: str) -> bool:
    return name.startswith(".")


def discover(in_dir: Path, globs: Sequence[str], *, exclude: Path | None = None) -> list[Article]:
    """Articles under ``in_dir`` matching any glob, sorted, hidden files and folders skipped.

    ``exclude`` (the output folder, when it lies inside ``in_dir``) is not searched.
    """
    excluded = exclude.resolve() if exclude is not None else None
    found: list[tuple[str, Path]] = []
    for root, dirs, files in os.walk(in_dir):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not _hidden(d) and (here / d).resolve() != excluded)
        for name in files:
            if _hidden(name):
                continue
            rel = (here / name).relative_to(in_dir).as_posix()
            if any(PurePosixPath(rel).match(g) for g in globs):
                found.append((rel, here / name))
    found.sort()
    stems: dict[tuple[str, str], int] = {}
    for rel, _ in found:
        p = PurePosixPath(rel)
        stems[(str(p.parent), p.stem)] = stems.get((str(p.parent), p.stem), 0) + 1
    articles = []
    for rel, path in found:
        p = PurePosixPath(rel)
        clash = stems[(str(p.parent), p.stem)] > 1
        articles.append(Article(rel=rel, path=path, stem=p.name if clash else p.stem))
    return articles


def remove_stale_temp_files(paths: Iterable[Path]) -> int:
    """Delete temporary files that a killed ``atomic_write`` left for these outputs.

    Only temp files of *our* outputs are touched, so shards sharing OUT_DIR don't delete
    each other's files in flight.
    """
    wanted: dict[Path, set[str]] = {}
    for path in paths:
        wanted.setdefault(path.parent, set()).add(path.name)
    removed = 0
    for folder, names in wanted.items():
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            # atomic_write's temp files are ".{name}.{random}.tmp"
            if not (name.startswith(".") and name.endswith(".tmp")):
                continue
            if name[1:-4].rpartition(".")[0] in names:
                try:
                    os.unlink(entry.path)
                    removed += 1
                except FileNotFoundError:
                    pass
    return removed


# --- summary rows -------------------------------------------------------------------------


@dataclass
class SummaryRow:
    """One article and target language (or one failed article, with ``target`` empty)."""

    path: str
    target: str
    status: str  # ok | failed
    mode: str = "roundtrip"  # roundtrip | check (--check-dir)
    error: str = ""
    sentences: int | None = None
    chrf: float | None = None
    bleu: float | None = None
    ter: float | None = None
    worst_severity: str = ""  # high | medium | low | "" (no flags)
    flagged: int | None = None  # sentences with at least one flag
    high: int | None = None
    medium: int | None = None
    quotes_changed: int | None = None
    quotes_lost: int | None = None
    number_mismatches: int | None = None
    name_mismatches: int | None = None
    worst_sentence: str = ""
    worst_sentence_chrf: float | None = None
    report: str = ""  # the report, relative to OUT_DIR

    def sort_key(self) -> tuple[Any, ...]:
        """Worst first: failures, then by worst flag severity, then by document chrF."""
        rank = SEVERITIES.index(self.worst_severity) if self.worst_severity else len(SEVERITIES)
        return (
            self.status != "failed",
            rank,
            self.chrf if self.chrf is not None else 101.0,
            self.path,
            self.target,
        )


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(SummaryRow))


def rows_from_report(report: Report, rel: str, report_rel: str) -> list[SummaryRow]:
    rows = []
    for lang in report.languages:
        flags = [f for s in lang.sentences for f in s.flags] + [
            f for q in lang.quotes for f in q.flags
        ]
        severities = {f.severity for f in flags}
        scored = [s for s in lang.sentences if s.scores.chrf is not None]
        worst = min(scored, key=lambda s: (s.scores.chrf, s.id), default=None)
        rows.append(
            SummaryRow(
                path=rel,
                target=lang.target,
                status="ok",
                mode=report.mode,
                sentences=len(lang.sentences),
                chrf=lang.scores.chrf,
                bleu=lang.scores.bleu,
                ter=lang.scores.ter,
                worst_severity=next((s for s in SEVERITIES if s in severities), ""),
                flagged=sum(1 for s in lang.sentences if s.flags),
                high=sum(1 for f in flags if f.severity == "high"),
                medium=sum(1 for f in flags if f.severity == "medium"),
                quotes_changed=sum(1 for q in lang.quotes if q.status == "changed"),
                quotes_lost=sum(1 for q in lang.quotes if q.status == "lost"),
                number_mismatches=sum(
                    1 for e in lang.entities if e.kind == "number" and e.status != "ok"
                ),
                name_mismatches=sum(
                    1 for e in lang.entities if e.kind == "name" and e.status != "ok"
                ),
                worst_sentence=worst.id if worst else "",
                worst_sentence_chrf=worst.scores.chrf if worst else None,
                report=report_rel,
            )
        )
    return rows


def failed_row(rel: str, error: str, mode: str = "roundtrip") -> SummaryRow:
    return SummaryRow(
        path=rel, target="", status="failed", mode=mode, error=error.replace("\n", " ")
    )


def sort_rows(rows: Iterable[SummaryRow]) -> list[SummaryRow]:
    return sorted(rows, key=SummaryRow.sort_key)


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def render_csv(rows: Sequence[SummaryRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(getattr(row, c)) for c in COLUMNS])
    return buffer.getvalue()


def _md(value: Any) -> str:
    return _cell(value).replace("|", "\\|")


def render_markdown(rows: Sequence[SummaryRow]) -> str:
    ok = [r for r in rows if r.status == "ok"]
    failed = [r for r in rows if r.status == "failed"]
    articles = len({r.path for r in rows})
    modes = sorted({r.mode for r in rows})
    checked = " (existing translations checked)" if modes == ["check"] else ""
    lines = [
        "# Batch summary",
        "",
        f"{articles} articles{checked}, {len(failed)} failed; worst first "
        "(flag severity, then round-trip chrF).",
        "",
    ]
    if ok:
        lines += [
            "| Article | Lang | chrF | BLEU | TER | Worst flag | Flagged | Quotes changed "
            "| Quotes lost | Numbers | Names | Worst sentence |",
            "|---|---|--:|--:|--:|---|--:|--:|--:|--:|--:|---|",
        ]
        for r in ok:
            worst = f"{r.worst_sentence} ({r.worst_sentence_chrf})" if r.worst_sentence else ""
            cells = [
                r.path, r.target, r.chrf, r.bleu, r.ter, r.worst_severity or "none",
                f"{r.flagged}/{r.sentences}", r.quotes_changed, r.quotes_lost,
                r.number_mismatches, r.name_mismatches, worst,
            ]  # fmt: skip
            lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
        lines.append("")
    if failed:
        lines += ["## Failed", ""]
        lines += [f"- `{r.path}`: {r.error}" for r in failed]
        lines.append("")
    return "\n".join(lines)


def render_json(rows: Sequence[SummaryRow], meta: dict[str, Any]) -> str:
    data = {
        "summary_version": SUMMARY_VERSION,
        **meta,
        "articles": len({r.path for r in rows}),
        "failed": sorted({r.path for r in rows if r.status == "failed"}),
        "rows": [asdict(r) for r in rows],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_summaries(out_dir: Path, rows: Sequence[SummaryRow], meta: dict[str, Any]) -> None:
    ordered = sort_rows(rows)
    _write(out_dir / "summary.csv", render_csv(ordered))
    _write(out_dir / "summary.md", render_markdown(ordered))
    _write(out_dir / "summary.json", render_json(ordered, meta))


def merge_summaries(out_dir: Path) -> list[SummaryRow]:
    """Join the ``summary.part-I-of-N.json`` files of a sharded run into the summaries."""
    parts = sorted(out_dir.glob("summary.part-*-of-*.json"))
    if not parts:
        raise InputError(f"{out_dir}: no summary.part-I-of-N.json files; run with --shard first")
    by_count: dict[int, dict[int, Path]] = {}
    for part in parts:
        pieces = part.name[len("summary.part-") : -len(".json")].split("-of-")
        if len(pieces) == 2 and all(p.isdigit() for p in pieces):
            by_count.setdefault(int(pieces[1]), {})[int(pieces[0])] = part
    if len(by_count) != 1:
        raise InputError(
            f"{out_dir}: summary parts of different shard counts ({sorted(by_count)}); "
            "remove the stale ones"
        )
    count, found = next(iter(by_count.items()))
    missing = [str(i) for i in range(1, count + 1) if i not in found]
    if missing:
        raise InputError(
            f"{out_dir}: shard part(s) {', '.join(missing)} of {count} missing; run them first"
        )
    rows: list[SummaryRow] = []
    meta: dict[str, Any] = {}
    for index in sorted(found):
        try:
            data = json.loads(found[index].read_text(encoding="utf-8"))
            rows += [SummaryRow(**r) for r in data["rows"]]
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise InputError(f"{found[index]}: not a batch summary part ({err})") from None
        meta = {k: data[k] for k in ("mode", "source_lang", "targets") if k in data}
    write_summaries(out_dir, rows, meta)
    return sort_rows(rows)


def _write(path: Path, text: str) -> None:
    try:
        atomic_write(path, text)
    except OSError as err:
        raise OutputError(f"{path}: cannot write ({err.strerror or err})") from None


# --- translating the unique sentences -------------------------------------------------------

ProgressCallback = Callable[[int, int], None]  # (sentences translated, sentences from cache)


class SentenceExecutor(Protocol):
    """Translates a set of distinct sentences in one direction.

    The one seam a distributed executor (Ray, ...) replaces. Returns translations by
    sentence text and, for sentences the engine failed on, the error by sentence text.
    """

    def translate_unique(
        self,
        sentences: Sequence[str],
        src: str,
        tgt: str,
        *,
        alignments: bool,
        progress: ProgressCallback,
    ) -> tuple[dict[str, Translation], dict[str, str]]: ...


class LocalExecutor:
    """In this process: cached sentences first, then the rest in chunks through the engine."""

    def __init__(self, engine: Translator, chunk_sentences: int = DEFAULT_CHUNK_SENTENCES):
        self.engine = engine
        self.chunk_sentences = max(1, chunk_sentences)

    def translate_unique(
        self,
        sentences: Sequence[str],
        src: str,
        tgt: str,
        *,
        alignments: bool,
        progress: ProgressCallback,
    ) -> tuple[dict[str, Translation], dict[str, str]]:
        done: dict[str, Translation] = {}
        if isinstance(self.engine, CachedTranslator):
            done = self.engine.lookup(sentences, src, tgt, alignments=alignments)
            if done:
                progress(0, len(done))
        todo = [s for s in sentences if s not in done]
        failed: dict[str, str] = {}
        for chunk in chunks(todo, self.chunk_sentences):
            chunk_done, chunk_failed = translate_chunk(
                self.engine, chunk, src, tgt, alignments=alignments
            )
            done.update(chunk_done)
            failed.update(chunk_failed)
            progress(len(chunk), 0)
        return done, failed


def chunks(sentences: Sequence[str], size: int) -> list[list[str]]:
    """``sentences`` cut into runs of ``size``: every executor cuts the same way, so an
    engine sees the same batches (and gives the same bytes) whichever executor runs it."""
    size = max(1, size)
    return [list(sentences[i : i + size]) for i in range(0, len(sentences), size)]


def translate_chunk(
    engine: Translator, chunk: Sequence[str], src: str, tgt: str, *, alignments: bool
) -> tuple[dict[str, Translation], dict[str, str]]:
    """One engine call for ``chunk``: translations by sentence, and errors by sentence."""
    done: dict[str, Translation] = {}
    failed: dict[str, str] = {}
    try:
        results = translate_sentences(engine, chunk, src, tgt, alignments=alignments)
        done.update(zip(chunk, results, strict=True))
    except EngineError:
        # One bad sentence must not sink the chunk: find it sentence by sentence.
        for sentence in chunk:
            try:
                done[sentence] = translate_sentences(
                    engine, [sentence], src, tgt, alignments=alignments
                )[0]
            except EngineError as err:
                failed[sentence] = str(err)
    return done, failed


# --- progress ---------------------------------------------------------------------------------


class BatchProgress:
    """Progress events of a run; this base class ignores them (``--quiet``)."""

    def start(self, *, articles: int, pending: int, skipped: int, failed: int) -> None:
        pass

    def add_sentences(self, count: int) -> None:
        """Add ``count`` (possibly negative, to correct an estimate) to the sentence total."""

    def sentences(self, translated: int, cached: int) -> None:
        pass

    def article(self, rel: str, status: str, error: str = "") -> None:
        pass

    def finish(self, result: BatchResult) -> None:
        pass


class JsonProgress(BatchProgress):
    """One JSON object per line (on stderr by default), for logs and schedulers."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.total = self.done = self.translated = 0
        self.articles = self.articles_done = 0

    def _emit(self, event: str, **data: Any) -> None:
        self.stream.write(json.dumps({"event": event, **data}, ensure_ascii=False) + "\n")
        self.stream.flush()

    def start(self, *, articles: int, pending: int, skipped: int, failed: int) -> None:
        self.articles = articles  # each one is counted by its article() event
        self._emit("start", articles=articles, pending=pending, skipped=skipped, failed=failed)

    def add_sentences(self, count: int) -> None:
        self.total += count

    def sentences(self, translated: int, cached: int) -> None:
        self.done += translated + cached
        self.translated += translated
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.translated / elapsed
        left = max(self.total - self.done, 0)
        self._emit(
            "progress",
            sentences_done=self.done,
            sentences_total=max(self.total, self.done),
            translated=self.translated,
            articles_done=self.articles_done,
            articles_total=self.articles,
            rate=round(rate, 2),
            eta_s=round(left / rate, 1) if rate > 0 else None,
        )

    def article(self, rel: str, status: str, error: str = "") -> None:
        self.articles_done += 1
        self._emit("article", path=rel, status=status, **({"error": error} if error else {}))

    def finish(self, result: BatchResult) -> None:
        self._emit("done", **result.counts())


class RichProgress(BatchProgress):
    """Bars for articles and sentences, with rate and ETA, on stderr."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(
            TextColumn("{task.description:<10}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self.articles_task = self.progress.add_task("articles", total=0, rate="")
        self.sentences_task = self.progress.add_task("sentences", total=0, rate="")
        self.started = time.monotonic()
        self.translated = 0
        self.progress.start()

    def start(self, *, articles: int, pending: int, skipped: int, failed: int) -> None:
        self.progress.update(self.articles_task, total=articles)  # article() advances it

    def add_sentences(self, count: int) -> None:
        task = self.progress.tasks[self.sentences_task]
        self.progress.update(self.sentences_task, total=max((task.total or 0) + count, 0))

    def sentences(self, translated: int, cached: int) -> None:
        self.translated += translated
        rate = self.translated / max(time.monotonic() - self.started, 1e-9)
        self.progress.update(
            self.sentences_task, advance=translated + cached, rate=f"{rate:.1f} sent/s"
        )

    def article(self, rel: str, status: str, error: str = "") -> None:
        self.progress.advance(self.articles_task)
        if status == "failed":
            self.progress.console.print(f"[red]failed[/red] {error}", markup=True)

    def finish(self, result: BatchResult) -> None:
        self.progress.stop()


# --- the run ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchOptions:
    targets: tuple[str, ...]
    src: str | None = None  # None: detect each article's language
    globs: tuple[str, ...] = DEFAULT_GLOBS
    settings: AnalysisSettings = field(default_factory=AnalysisSettings)
    shard: Shard | None = None
    chunk_sentences: int = DEFAULT_CHUNK_SENTENCES
    wave_sentences: int | None = None  # None: DEFAULT_WAVE_SENTENCES
    check: bool = False  # check the translations beside each source (xlate.batch.checkdir)
    analysis_workers: int = 1  # processes for the per-article analysis; 1: in this one

    @property
    def mode(self) -> str:
        return "check" if self.check else "roundtrip"


@dataclass
class PlannedArticle:
    article: Article
    status: str  # todo | up-to-date | failed
    error: str = ""
    text: str = ""
    lang: str = ""
    doc: Document | None = None
    targets: tuple[str, ...] = ()
    rows: list[SummaryRow] = field(default_factory=list)
    # check mode: the existing translations by language (file, text, segmented)
    translation_files: dict[str, NamedFile] = field(default_factory=dict)
    translation_texts: dict[str, str] = field(default_factory=dict)
    translation_docs: dict[str, Document] = field(default_factory=dict)


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


def _normal(value: Any) -> Any:
    """Value as it reads back from JSON, so a loaded report compares equal to a fresh one."""
    return json.loads(json.dumps(value, ensure_ascii=False))


def _same_engine(recorded: EngineRecord | None, info: EngineInfo | None) -> bool:
    """Whether a report's engine record is what ``info`` would record now."""
    want = engine_record(info)
    return _normal(asdict(recorded) if recorded else None) == _normal(
        asdict(want) if want else None
    )


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
    ) -> None:
        if engine is None and not options.check:
            raise ConfigError("translating needs an engine: --engine none works with --check-dir")
        self.in_dir = in_dir
        self.out_dir = out_dir
        self.options = options
        self.engine = engine  # None: check mode without back-translation
        self.executor = executor or (
            LocalExecutor(engine, options.chunk_sentences) if engine is not None else None
        )
        self.progress = progress or BatchProgress()
        self.translated = 0
        self.cached = 0

    # planning

    def articles(self) -> list[Article]:
        if not self.in_dir.is_dir():
            raise InputError(f"{self.in_dir}: not a folder")
        if self.out_dir.resolve() == self.in_dir.resolve():
            raise ConfigError("--out must differ from the input folder")
        found = discover(self.in_dir, self.options.globs, exclude=self.out_dir)
        if self.options.shard is not None and not self.options.check:
            found = [a for a in found if self.options.shard.owns(a.rel)]
        return found

    def check_groups(self) -> list[CheckGroup]:
        """Check mode: the sources and the translations beside them (xlate.batch.checkdir)."""
        files = [NamedFile(a.rel, a.path) for a in self.articles()]
        groups = group_files(files, self.options.targets, self.options.src)
        if self.options.shard is not None:
            # by the name without language code, so a group is never split between shards
            groups = [g for g in groups if self.options.shard.owns(g.key)]
        return groups

    def targets_for(self, lang: str) -> tuple[str, ...]:
        return tuple(t for t in self.options.targets if t != lang)

    def plan_article(self, article: Article) -> PlannedArticle:
        try:
            text = read_text(article.path)
            lang = self.options.src
            if lang is None:
                from xlate.text.langid import require_language

                lang = require_language(text)
        except XlateError as err:
            return PlannedArticle(article, "failed", _one_line(err, article))
        targets = self.targets_for(lang)
        if not targets:
            error = f"{article.rel}: already in {lang}; nothing to translate it into"
            return PlannedArticle(article, "failed", error)
        outputs = article.outputs(self.out_dir, targets)
        rows = self.up_to_date_rows(article, text, lang, targets, outputs)
        if rows is not None:
            return PlannedArticle(article, "up-to-date", rows=rows, targets=targets)
        return PlannedArticle(article, "todo", text=text, lang=lang, targets=targets)

    def up_to_date_rows(
        self,
        article: Article,
        text: str,
        lang: str,
        targets: tuple[str, ...],
        outputs: ArticleOutputs,
    ) -> list[SummaryRow] | None:
        """The summary rows of an article whose outputs are complete and current, else None."""
        if not all(p.is_file() for p in outputs.paths()):
            return None
        try:
            report = Report.load(outputs.report)
        except XlateError:
            return None
        if report.mode != "roundtrip" or not self._same_source_and_thresholds(report, text):
            return None
        if [lg.target for lg in report.languages] != list(targets):
            return None
        assert self.engine is not None
        for language in report.languages:
            if not _same_engine(
                language.engine, self.engine.info(lang, language.target)
            ) or not _same_engine(language.back_engine, self.engine.info(language.target, lang)):
                return None
        return rows_from_report(report, article.rel, self._rel(outputs.report))

    def _rel(self, path: Path) -> str:
        return path.relative_to(self.out_dir).as_posix()

    def plan(self) -> list[PlannedArticle]:
        if self.options.check:
            return [self.plan_check(g) for g in self.check_groups()]
        return [self.plan_article(a) for a in self.articles()]

    def plan_check(self, group: CheckGroup) -> PlannedArticle:
        article = Article(rel=group.source.rel, path=group.source.path, stem=group.stem)
        if group.error:
            return PlannedArticle(article, "failed", group.error)
        try:
            text = read_text(article.path)
            lang = group.source_lang
            if lang is None:
                from xlate.text.langid import require_language

                lang = require_language(text)
        except XlateError as err:
            return PlannedArticle(article, "failed", _one_line(err, article))
        same = [f.rel for t, f in group.translations.items() if t == lang]
        if same:
            error = f"{article.rel} and {same[0]} are both in {lang}: which is the source?"
            return PlannedArticle(article, "failed", error)
        files = {t: f for t, f in group.translations.items() if t in self.targets_for(lang)}
        texts: dict[str, str] = {}
        for tgt, file in files.items():
            try:
                texts[tgt] = read_text(file.path)
            except XlateError as err:
                error = _one_line(err, Article(file.rel, file.path, ""))
                return PlannedArticle(article, "failed", error)
        targets = tuple(files)
        rows = self.up_to_date_check_rows(article, text, lang, targets, texts)
        if rows is not None:
            return PlannedArticle(article, "up-to-date", rows=rows, targets=targets)
        return PlannedArticle(
            article, "todo", text=text, lang=lang, targets=targets,
            translation_files=files, translation_texts=texts,
        )  # fmt: skip

    def up_to_date_check_rows(
        self,
        article: Article,
        text: str,
        lang: str,
        targets: tuple[str, ...],
        translations: dict[str, str],
    ) -> list[SummaryRow] | None:
        """Check mode: the rows of an article whose report matches its source, its
        translations (their full text is in the report), the back engine and thresholds."""
        path = article.outputs(self.out_dir, ()).report
        if not path.is_file():
            return None
        try:
            report = Report.load(path)
        except XlateError:
            return None
        if report.mode != "check" or not self._same_source_and_thresholds(report, text):
            return None
        if [lg.target for lg in report.languages] != list(targets):
            return None
        for language in report.languages:
            if language.translation_text != translations[language.target]:
                return None
            back = self.engine.info(language.target, lang) if self.engine else None
            if not _same_engine(language.back_engine, back):
                return None
        return rows_from_report(report, article.rel, self._rel(path))

    def _same_source_and_thresholds(self, report: Report, text: str) -> bool:
        thresholds = _normal(settings_record(self.options.settings)["thresholds"])
        return (
            report.source.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
            and report.settings.get("thresholds") == thresholds
        )

    # running

    def run(self, *, dry_run: bool = False) -> BatchResult:
        started = time.monotonic()
        plan = self.plan()
        result = BatchResult(self.out_dir, [], plan, dry_run=dry_run)
        for item in plan:
            if item.status == "failed":
                result.rows.append(failed_row(item.article.rel, item.error, self.options.mode))
            elif item.status == "up-to-date":
                result.rows += item.rows
        if dry_run:
            return result
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
            else [self.out_dir / n for n in SUMMARY_NAMES]
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
        meta = {
            "mode": self.options.mode,
            "source_lang": self.options.src,
            "targets": list(self.options.targets),
        }
        if self.options.shard is not None:
            _write(
                self.out_dir / self.options.shard.part_name,
                render_json(sort_rows(result.rows), meta),
            )
        else:
            write_summaries(self.out_dir, result.rows, meta)
        self.progress.finish(result)
        return result

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

    def _on_progress(self, translated: int, cached: int) -> None:
        self.translated += translated
        self.cached += cached
        self.progress.sentences(translated, cached)

    def _translate(
        self,
        wanted: dict[tuple[str, str], dict[str, None]],
        *,
        estimate: dict[tuple[str, str], int],
    ) -> tuple[
        dict[tuple[str, str], dict[str, Translation]], dict[tuple[str, str], dict[str, str]]
    ]:
        done: dict[tuple[str, str], dict[str, Translation]] = {}
        failed: dict[tuple[str, str], dict[str, str]] = {}
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
        forward: dict[tuple[str, str], dict[str, None]] = {}
        for item in wave:
            assert item.doc is not None
            for tgt in item.targets:
                texts = forward.setdefault((item.doc.lang, tgt), {})
                texts.update(dict.fromkeys(s.text for s in item.doc.sentences))
        # Back-translations: about as many distinct sentences again; corrected when known.
        estimate = {(t, s): len(v) for (s, t), v in forward.items()}
        self.progress.add_sentences(2 * sum(len(v) for v in forward.values()))
        fwd, fwd_failed = self._translate(forward, estimate={k: len(v) for k, v in forward.items()})
        backward: dict[tuple[str, str], dict[str, None]] = {}
        for (src, tgt), table in fwd.items():
            backward.setdefault((tgt, src), {}).update(
                dict.fromkeys(t.text for t in table.values())
            )
        bwd, bwd_failed = self._translate(backward, estimate=estimate)
        return [(item, self.roundtrip_job(item, fwd, fwd_failed, bwd, bwd_failed)) for item in wave]

    def roundtrip_job(
        self,
        item: PlannedArticle,
        fwd: dict[tuple[str, str], dict[str, Translation]],
        fwd_failed: dict[tuple[str, str], dict[str, str]],
        bwd: dict[tuple[str, str], dict[str, Translation]],
        bwd_failed: dict[tuple[str, str], dict[str, str]],
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
                return (_failed, f"{item.article.rel}: {error}")
            forward_list = tuple(there[t] for t in texts)
            back_list = tuple(back[t.text] for t in forward_list)
            engines = (self.engine.info(src, tgt), self.engine.info(tgt, src))
            languages.append(TargetAnalysis(tgt, forward_list, back_list, *engines))
        job = RoundtripJob(
            doc, item.text, item.article.rel, tuple(languages), self.options.settings
        )
        return (analyse_roundtrip, job)

    def prepare_check_wave(self, wave: list[PlannedArticle]) -> list[tuple[PlannedArticle, Job]]:
        """Check mode: back-translate every translation sentence of the wave in one go (the
        same executor and cache as a round trip); ``check`` then reads them from a table."""
        backward: dict[tuple[str, str], dict[str, None]] = {}
        for item in wave:
            for tgt, doc in item.translation_docs.items():
                texts = backward.setdefault((tgt, item.lang), {})
                texts.update(dict.fromkeys(s.text for s in doc.sentences))
        bwd: dict[tuple[str, str], dict[str, Translation]] = {}
        bwd_failed: dict[tuple[str, str], dict[str, str]] = {}
        if self.engine is not None:
            self.progress.add_sentences(sum(len(v) for v in backward.values()))
            bwd, bwd_failed = self._translate(
                backward, estimate={k: len(v) for k, v in backward.items()}
            )
        jobs: list[tuple[PlannedArticle, Job]] = []
        for item in wave:
            assert item.doc is not None
            back_engine = None
            if self.engine is not None:
                table: dict[tuple[str, str], dict[str, Translation]] = {}
                errors = []
                for tgt, doc in item.translation_docs.items():
                    key = (tgt, item.lang)
                    wanted = [s.text for s in doc.sentences]
                    errors += [bwd_failed[key][t] for t in wanted if t in bwd_failed[key]]
                    table[key] = {t: bwd[key][t] for t in wanted if t in bwd[key]}
                if errors:
                    jobs.append((item, (_failed, f"{item.article.rel}: {errors[0]}")))
                    continue
                infos = {key: self.engine.info(*key) for key in table}
                back_engine = TableTranslator(self.engine.name, infos, table)
            translations = tuple(
                (tgt, item.translation_files[tgt].rel, item.translation_texts[tgt], doc)
                for tgt, doc in item.translation_docs.items()
            )
            job = CheckJob(
                item.doc, item.text, item.article.rel, translations, back_engine,
                self.options.settings,
            )  # fmt: skip
            jobs.append((item, (analyse_check, job)))
        return jobs

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
            outputs = item.article.outputs(self.out_dir, item.targets)
            if outcome.mode == "roundtrip":
                for language in outcome.languages:
                    _write(outputs.translations[language.target], language.translation_text or "")
                    _write(outputs.backs[language.target], language.back_translation_text or "")
            _write(outputs.report, outcome.to_json())
            self.progress.article(rel, "ok")
            rows += rows_from_report(outcome, rel, self._rel(outputs.report))
        return rows


# --- analysis jobs: plain picklable data in, a report (or a one-line error) out -----------


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


class TableTranslator:
    """A Translator that answers from back-translations made beforehand for a whole wave,
    so ``check`` can run in a worker process without the engine (and without asking it
    twice). It reports the real engine's ``info``, so reports name what translated."""

    def __init__(
        self,
        name: str,
        infos: dict[tuple[str, str], EngineInfo],
        table: dict[tuple[str, str], dict[str, Translation]],
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

    def close(self) -> None:
        pass


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


def _failed(error: str) -> str:
    """The job of an article that failed before its analysis: its error line."""
    return error


Job = tuple[Callable[..., "Report | str"], Any]


def _one_line(err: XlateError, article: Article) -> str:
    # Paths relative to IN_DIR, so summaries read the same wherever the folder lives.
    message = str(err).replace("\n", " ").replace(str(article.path), article.rel)
    return message if article.rel in message else f"{article.rel}: {message}"


def run_batch(
    in_dir: str | Path,
    out_dir: str | Path,
    options: BatchOptions,
    engine: Translator | None,
    *,
    executor: SentenceExecutor | None = None,
    progress: BatchProgress | None = None,
    dry_run: bool = False,
) -> BatchResult:
    """Round-trip (or, with ``options.check``, check) every article under ``in_dir`` into
    ``out_dir`` (see the module doc). ``engine`` None: check mode, model-free checks only."""
    run = BatchRun(
        Path(in_dir), Path(out_dir), options, engine, executor=executor, progress=progress
    )
    return run.run(dry_run=dry_run)
