"""`xlate batch`: folders of articles, cached and resumable."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from xlate.cli.common import (
    BatchOpt,
    BeamsOpt,
    CacheOpt,
    ConfigOpt,
    Device,
    DeviceOpt,
    EngineOpt,
    Executor,
    FromOpt,
    ModelOpt,
    ThresholdOpt,
    ToOpt,
    analysis_settings,
    engine_options,
    fail,
    handle_errors,
)


@handle_errors
def batch(
    in_dir: Annotated[
        Path | None, typer.Argument(help="Folder of articles (searched recursively).")
    ] = None,
    src: FromOpt = None,
    tgt: ToOpt = "es,ru",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output folder (mirrors IN_DIR).")
    ] = None,
    globs: Annotated[
        list[str] | None,
        typer.Option("--glob", help="Which files are articles (repeatable; default *.txt, *.md)."),
    ] = None,
    engine: EngineOpt = "hf",
    model: ModelOpt = None,
    device: DeviceOpt = Device.auto,
    beams: BeamsOpt = 4,
    batch_size: BatchOpt = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Engine threads/processes and analysis processes (default: all cores); "
            "with --executor ray, workers per CPU node (default 1).",
        ),
    ] = None,
    executor: Annotated[
        Executor,
        typer.Option("--executor", help="Where the engine runs: here, or on a Ray cluster."),
    ] = Executor.local,
    ray_address: Annotated[
        str | None,
        typer.Option(
            "--ray-address",
            help="Ray cluster to join: auto or HOST:PORT (default: this machine's, or a new one).",
        ),
    ] = None,
    cache: CacheOpt = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor fill the cache.")
    ] = False,
    chunk_size: Annotated[
        int, typer.Option("--chunk-size", min=1, help="Sentences per engine call.")
    ] = 256,
    shard: Annotated[
        str | None,
        typer.Option("--shard", help="Do only shard I of N (I/N); join them with --merge."),
    ] = None,
    merge: Annotated[
        Path | None,
        typer.Option("--merge", help="Join the summary parts of a sharded run in this folder."),
    ] = None,
    check_dir: Annotated[
        Path | None,
        typer.Option(
            "--check-dir",
            help="Instead of IN_DIR: check the translations already beside their sources in "
            "this folder (story.en.txt + story.es.txt, or story.txt + story.es.txt); "
            "--engine back-translates them, --engine none: model-free checks only.",
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="List the work; do nothing.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
    json_progress: Annotated[
        bool, typer.Option("--json-progress", help="Progress as JSON lines on stderr.")
    ] = False,
    config: ConfigOpt = None,
    threshold: ThresholdOpt = None,
) -> None:
    """Round-trip a folder of articles (or check existing translations, --check-dir):
    resumable, cached, with a summary sorted worst first."""
    from dataclasses import replace

    from xlate.batch import run as batch_jobs
    from xlate.languages import check_language, parse_targets

    if merge is not None:
        rows = batch_jobs.merge_summaries(merge)
        typer.echo(
            f"merged {len({r.path for r in rows})} articles into {merge}/summary.md", err=True
        )
        return
    if check_dir is not None:
        if in_dir is not None:
            fail("give IN_DIR or --check-dir DIR, not both", 2)
        in_dir = check_dir
    elif engine == "none":
        fail("--engine none works only with --check-dir: there is nothing to translate with", 2)
    if in_dir is None or out is None:
        fail("give IN_DIR and --out OUT_DIR (or --merge OUT_DIR)", 2)
        return
    if ray_address is not None and executor is not Executor.ray:
        fail("--ray-address needs --executor ray", 2)
    source = check_language(src) if src else None
    options = batch_jobs.BatchOptions(
        targets=tuple(parse_targets(tgt, source)),
        src=source,
        globs=tuple(globs) if globs else batch_jobs.DEFAULT_GLOBS,
        settings=analysis_settings(config, threshold),
        shard=batch_jobs.Shard.parse(shard) if shard else None,
        chunk_sentences=chunk_size,
        check=check_dir is not None,
        analysis_workers=workers or batch_jobs.default_workers(),
    )
    from xlate.engines import Translator, create_engine

    opts = replace(
        engine_options(model, device, beams, batch_size),
        workers=workers or batch_jobs.default_workers(),
    )
    ray_pool = None
    translator: Translator | None = None  # None: --engine none (check mode, no back-translation)
    if engine == "none":
        if executor is Executor.ray:
            fail("--engine none needs no --executor ray", 2)
    elif executor is Executor.ray:
        from xlate.batch.ray_executor import EngineSpec, RayExecutor, ray_engine

        remote = ray_engine(
            EngineSpec(engine, opts),
            address=ray_address,
            workers_per_node=workers,
            chunk_sentences=chunk_size,
        )
        translator, ray_pool = remote, remote.pool
    else:
        translator = create_engine(engine, opts)
    store = None
    try:
        if not no_cache and translator is not None:
            from xlate.cache import CachedTranslator, CacheStore

            store = CacheStore(cache)
            translator = CachedTranslator(translator, store)
        sentence_executor = (
            RayExecutor(translator, ray_pool, chunk_size)
            if ray_pool is not None and translator is not None
            else None
        )
        if dry_run:
            result = batch_jobs.run_batch(
                in_dir, out, options, translator, dry_run=True, executor=sentence_executor
            )
            for item in result.plan:
                line = f"{item.status:<10} {item.article.rel}"
                typer.echo(f"{line}  {item.error}" if item.error else line)
            return
        progress: batch_jobs.BatchProgress
        if json_progress:
            progress = batch_jobs.JsonProgress()
        elif quiet:
            progress = batch_jobs.BatchProgress()
        else:
            progress = batch_jobs.RichProgress()
        try:
            result = batch_jobs.run_batch(
                in_dir, out, options, translator, progress=progress, executor=sentence_executor
            )
        finally:
            if isinstance(progress, batch_jobs.RichProgress):
                progress.progress.stop()
    finally:
        if translator is not None:
            translator.close()
        if store is not None:
            store.close()
    counts = result.counts()
    where = out / (options.shard.part_name if options.shard else "summary.md")
    if not quiet and not json_progress:
        typer.echo(
            f"{counts['articles']} articles ({counts['up_to_date']} up to date), "
            f"{counts['sentences_translated']} sentences translated, "
            f"{counts['sentences_cached']} from cache; summary: {where}",
            err=True,
        )
    if result.failed:
        fail(f"{len(result.failed)} of {counts['articles']} articles failed; see {where}")
