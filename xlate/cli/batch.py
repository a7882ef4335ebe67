"""`xlate batch`: folders of articles, cached and resumable.

The command parses and prints; the library builds the engine, cache and Ray pool
(:func:`xlate.batch.executors.open_executor`) and runs the batch; the views draw the
summary files and the progress.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from xlate.batch.events import BatchProgress
from xlate.cli.common import (
    BatchOpt,
    BeamsOpt,
    CacheOpt,
    CandidatesOpt,
    ConfigOpt,
    Device,
    DeviceOpt,
    EngineOpt,
    Executor,
    FromOpt,
    GlossaryOpt,
    ModelOpt,
    RepairOpt,
    ThresholdOpt,
    ToOpt,
    analysis_settings,
    engine_options,
    fail,
    handle_errors,
    repair_options,
)
from xlate.engines import DEFAULT_ENGINE

if TYPE_CHECKING:
    from xlate.batch.executors import SentenceExecutor
    from xlate.batch.plan import BatchOptions
    from xlate.batch.run import BatchResult
    from xlate.engines import EngineOptions

InDirArg = Annotated[Path | None, typer.Argument(help="Folder of articles (searched recursively).")]
OutDirOpt = Annotated[
    Path | None, typer.Option("--out", "-o", help="Output folder (mirrors IN_DIR).")
]
GlobOpt = Annotated[
    list[str] | None,
    typer.Option("--glob", help="Which files are articles (repeatable; default *.txt, *.md)."),
]
WorkersOpt = Annotated[
    int | None,
    typer.Option(
        "--workers",
        min=1,
        help="Engine threads/processes and analysis processes (default: all cores); "
        "with --executor ray, workers per CPU node (default 1).",
    ),
]
ExecutorOpt = Annotated[
    Executor,
    typer.Option("--executor", help="Where the engine runs: here, or on a Ray cluster."),
]
RayAddressOpt = Annotated[
    str | None,
    typer.Option(
        "--ray-address",
        help="Ray cluster to join: auto or HOST:PORT (default: this machine's, or a new one).",
    ),
]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Neither read nor fill the cache.")]
ChunkSizeOpt = Annotated[
    int, typer.Option("--chunk-size", min=1, help="Sentences per engine call.")
]
ShardOpt = Annotated[
    str | None,
    typer.Option("--shard", help="Do only shard I of N (I/N); join them with --merge."),
]
MergeOpt = Annotated[
    Path | None,
    typer.Option("--merge", help="Join the summary parts of a sharded run in this folder."),
]
CheckDirOpt = Annotated[
    Path | None,
    typer.Option(
        "--check-dir",
        help="Instead of IN_DIR: check the translations already beside their sources in "
        "this folder (story.en.txt + story.es.txt, or story.txt + story.es.txt); "
        "--engine back-translates them, --engine none: model-free checks only.",
    ),
]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help="List the work; do nothing.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")]
JsonProgressOpt = Annotated[
    bool, typer.Option("--json-progress", help="Progress as JSON lines on stderr.")
]


@handle_errors
def batch(
    in_dir: InDirArg = None,
    src: FromOpt = None,
    tgt: ToOpt = "es,ru",
    out: OutDirOpt = None,
    globs: GlobOpt = None,
    engine: EngineOpt = DEFAULT_ENGINE,
    model: ModelOpt = None,
    device: DeviceOpt = Device.auto,
    beams: BeamsOpt = 4,
    batch_size: BatchOpt = None,
    workers: WorkersOpt = None,
    executor: ExecutorOpt = Executor.local,
    ray_address: RayAddressOpt = None,
    cache: CacheOpt = None,
    no_cache: NoCacheOpt = False,
    chunk_size: ChunkSizeOpt = 256,
    shard: ShardOpt = None,
    merge: MergeOpt = None,
    check_dir: CheckDirOpt = None,
    dry_run: DryRunOpt = False,
    quiet: QuietOpt = False,
    json_progress: JsonProgressOpt = False,
    config: ConfigOpt = None,
    threshold: ThresholdOpt = None,
    glossary: GlossaryOpt = None,
    repair: RepairOpt = False,
    candidates: CandidatesOpt = 4,
) -> None:
    """Round-trip a folder of articles (or check existing translations, --check-dir):
    resumable, cached, with a summary sorted worst first."""
    from xlate.batch.executors import default_workers
    from xlate.batch.layout import DEFAULT_GLOBS, Shard
    from xlate.batch.plan import BatchOptions
    from xlate.languages import check_language, parse_targets
    from xlate.textio import check_output_folder

    if merge is not None:
        merge_shards(merge)
        return
    in_dir = input_folder(in_dir, check_dir, out, engine=engine)
    assert out is not None  # input_folder() said so
    check_output_folder(out)
    refuse_combinations(
        engine, executor, ray_address, repair=repair, checking=check_dir is not None
    )
    source = check_language(src) if src else None
    options = BatchOptions(
        targets=tuple(parse_targets(tgt, source)),
        src=source,
        globs=tuple(globs) if globs else DEFAULT_GLOBS,
        settings=analysis_settings(config, threshold, glossary),
        shard=Shard.parse(shard) if shard else None,
        chunk_sentences=chunk_size,
        check=check_dir is not None,
        analysis_workers=workers or default_workers(),
        repair=repair_options(repair, candidates),
    )
    translating = open_translating(
        engine,
        engine_options(model, device, beams, batch_size),
        workers=workers,
        cache=cache,
        use_cache=not no_cache,
        chunk_sentences=chunk_size,
        ray=(ray_address,) if executor is Executor.ray else None,
    )
    result = run_folder(
        in_dir, out, options, translating, dry_run=dry_run, quiet=quiet, json_progress=json_progress
    )
    if result is not None:
        report_result(result, out, options, quiet=quiet or json_progress)


def refuse_combinations(
    engine: str, executor: Executor, ray_address: str | None, *, repair: bool, checking: bool
) -> None:
    """Exit 2 on options that contradict each other."""
    if ray_address is not None and executor is not Executor.ray:
        fail("--ray-address needs --executor ray", 2)
    if repair and checking:
        fail("--repair works on round trips: a person's translation (--check-dir) is theirs", 2)
    if engine == "none" and executor is Executor.ray:
        fail("--engine none needs no --executor ray", 2)


def open_translating(
    engine: str,
    options: EngineOptions,
    *,
    workers: int | None,
    cache: Path | None,
    use_cache: bool,
    chunk_sentences: int,
    ray: tuple[str | None] | None,
) -> AbstractContextManager[SentenceExecutor | None]:
    """What translates the batch's sentences: here, or on Ray (``ray``: the cluster's
    address, None for this machine's); it yields None for --engine none (check mode, no
    back-translation)."""
    from dataclasses import replace

    from xlate.batch.executors import RaySettings, default_workers, open_executor

    if engine == "none":
        return nullcontext()
    return open_executor(
        engine,
        replace(options, workers=workers or default_workers()),
        cache=cache,
        use_cache=use_cache,
        chunk_sentences=chunk_sentences,
        ray=RaySettings(ray[0], workers) if ray is not None else None,
    )


def input_folder(
    in_dir: Path | None, check_dir: Path | None, out: Path | None, *, engine: str
) -> Path:
    """IN_DIR, or the --check-dir folder; exit 2 unless exactly one and --out are given."""
    if check_dir is not None:
        if in_dir is not None:
            fail("give IN_DIR or --check-dir DIR, not both", 2)
        in_dir = check_dir
    elif engine == "none":
        fail("--engine none works only with --check-dir: there is nothing to translate with", 2)
    if in_dir is None or out is None:
        fail("give IN_DIR and --out OUT_DIR (or --merge OUT_DIR)", 2)
        raise AssertionError("unreachable: fail() exits")
    return in_dir


def merge_shards(folder: Path) -> None:
    from xlate.batch.summary import merge_summaries
    from xlate.views.batch_summary import SUMMARY_VIEWS

    rows = merge_summaries(folder, SUMMARY_VIEWS)
    typer.echo(f"merged {len({r.path for r in rows})} articles into {folder}/summary.md", err=True)


def run_folder(
    in_dir: Path,
    out: Path,
    options: BatchOptions,
    translating: AbstractContextManager[SentenceExecutor | None],
    *,
    dry_run: bool,
    quiet: bool,
    json_progress: bool,
) -> BatchResult | None:
    """The run (None after a dry run, which lists the plan instead)."""
    from xlate.batch.run import run_batch
    from xlate.views.batch_summary import SUMMARY_VIEWS

    with translating as executor:
        if dry_run:
            planned = run_batch(in_dir, out, options, None, executor=executor, dry_run=True)
            for item in planned.plan:
                line = f"{item.status:<10} {item.article.rel}"
                typer.echo(f"{line}  {item.error}" if item.error else line)
            return None
        with progress_display(quiet=quiet, as_json=json_progress) as progress:
            return run_batch(
                in_dir, out, options, None,
                executor=executor, progress=progress, summary_views=SUMMARY_VIEWS,
            )  # fmt: skip


def progress_display(*, quiet: bool, as_json: bool) -> BatchProgress:
    """What shows the run's progress: JSON lines, nothing (--quiet), or bars."""
    from xlate.views.progress import JsonProgress, RichProgress

    if as_json:
        return JsonProgress()
    if quiet:
        return BatchProgress()
    return RichProgress()


def report_result(result: BatchResult, out: Path, options: BatchOptions, *, quiet: bool) -> None:
    """One line on what was done (unless quiet); exit 1 when articles failed."""
    counts = result.counts()
    where = out / (options.shard.part_name if options.shard else "summary.md")
    if not quiet:
        # A round trip translates each sentence there and back, once per target: the
        # engine's count, labelled so, is not mistaken for the articles' sentences.
        typer.echo(
            f"{counts['articles']} articles ({counts['up_to_date']} up to date), "
            f"{counts['sentences_translated']} sentence translations by the engine and "
            f"{counts['sentences_cached']} from cache (each direction and target counted); "
            f"summary: {where}",
            err=True,
        )
    if result.failed:
        fail(f"{len(result.failed)} of {counts['articles']} articles failed; see {where}")
