"""Benchmark ``xlate batch`` with ``--executor local`` against ``--executor ray`` on this machine.

    python benchmarks/ray_batch.py [--lines 600] [--per-article 50] [--engine apertium]
                                   [--model PATH] [--to es] [--workers 2] [--chunk-size 256]

Splits the first ``--lines`` lines of newstest2012.en into articles and runs the folder
cold (empty cache, empty output folder) twice through the library, no progress display:

* local: the engine in this process (``--workers`` engine threads/processes);
* ray: a private Ray cluster started here (``ray.init(num_cpus=--workers)``), ``--workers``
  actors of one CPU each.

For each it prints articles/s and sentences/s (source sentences, all targets together),
the seconds spent translating (inside the executor: engine calls, and for Ray the
round trips) as against analysing and writing, and for Ray the cost of starting the cluster
and its actors (paid once per run). It checks that both runs wrote the same bytes (reports
compared without their ``created`` time). ``--engine fake`` (an echo) shows Ray's own
overhead per chunk, as there the translation itself costs nothing.
"""

from __future__ import annotations

import argparse
import json
import logging
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from xlate.batch.executors import LocalExecutor
from xlate.batch.plan import BatchOptions
from xlate.batch.run import BatchResult, run_batch
from xlate.cache import CachedTranslator, CacheStore
from xlate.engines import EngineOptions, Translation, create_engine

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


class Timed:
    """A SentenceExecutor wrapper that adds up the time spent translating."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.seconds = 0.0
        self.calls = 0

    def translate_unique(
        self, sentences: Sequence[str], src: str, tgt: str, **kw: Any
    ) -> tuple[dict[str, Translation], dict[str, str]]:
        started = time.perf_counter()
        try:
            return self.inner.translate_unique(sentences, src, tgt, **kw)
        finally:
            self.seconds += time.perf_counter() - started
            self.calls += 1


def make_folder(root: Path, lines: list[str], per_article: int) -> int:
    count = 0
    for number, start in enumerate(range(0, len(lines), per_article)):
        path = root / ("world", "economy", "politics")[number % 3] / f"story{number:03d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines[start : start + per_article]) + "\n", encoding="utf-8")
        count += 1
    return count


def outputs(folder: Path) -> dict[str, object]:
    found: dict[str, object] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        if name.endswith(".report.json"):
            report = json.loads(path.read_bytes())
            report.pop("created")
            found[name] = report
        else:
            found[name] = path.read_bytes()
    return found


def line(label: str, result: BatchResult, elapsed: float, timed: Timed, extra: str = "") -> None:
    sentences = sum(r.sentences or 0 for r in result.rows if r.status == "ok")
    sentences //= max(len({r.target for r in result.rows if r.status == "ok"}), 1)
    articles = len(result.plan)
    print(
        f"{label:<6} {elapsed:7.2f} s  {articles / elapsed:7.2f} articles/s  "
        f"{sentences / elapsed:7.1f} sentences/s  translating {timed.seconds:6.2f} s, "
        f"analysing+writing {elapsed - timed.seconds:6.2f} s  "
        f"(engine: {result.translated} sentences, failed: {len(result.failed)}){extra}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=600)
    parser.add_argument("--per-article", type=int, default=50)
    parser.add_argument("--engine", default="apertium")
    parser.add_argument("--model", default=None)
    parser.add_argument("--to", default="es")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk-size", type=int, default=256)
    args = parser.parse_args()
    import ray

    from xlate.batch.ray_cluster import EngineSpec
    from xlate.batch.ray_executor import RayExecutor, ray_engine

    lines = (CORPORA / "newstest2012.en").read_text(encoding="utf-8").splitlines()[: args.lines]
    options = BatchOptions(
        targets=tuple(args.to.split(",")), src="en", chunk_sentences=args.chunk_size
    )
    engine_options = EngineOptions(model=args.model, workers=args.workers)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        count = make_folder(root / "in", lines, args.per_article)
        print(
            f"{count} articles, {len(lines)} lines, en -> {args.to}, engine {args.engine}, "
            f"{args.workers} workers, chunks of {args.chunk_size}"
        )

        # Warm-up: the analysis modules' imports and tables, paid once, not by the first run.
        warm = create_engine("fake", EngineOptions())
        run_batch(root / "in", root / "warm", replace(options, globs=("*/story000.txt",)), warm)

        store = CacheStore(root / "local.sqlite3")
        cached = CachedTranslator(create_engine(args.engine, engine_options), store)
        timed = Timed(LocalExecutor(cached, args.chunk_size))
        started = time.perf_counter()
        try:
            result = run_batch(root / "in", root / "local", options, cached, executor=timed)
        finally:
            cached.close()
            store.close()
        line("local", result, time.perf_counter() - started, timed)

        started = time.perf_counter()
        ray.init(num_cpus=args.workers, logging_level=logging.ERROR, log_to_driver=False)
        cluster_s = time.perf_counter() - started
        started = time.perf_counter()
        remote = ray_engine(
            EngineSpec(args.engine, engine_options),
            workers_per_node=args.workers,
            chunk_sentences=args.chunk_size,
        )
        remote.pool.wait_for_workers()
        actors_s = time.perf_counter() - started
        store = CacheStore(root / "ray.sqlite3")
        cached = CachedTranslator(remote, store)
        timed = Timed(RayExecutor(cached, remote.pool, args.chunk_size))
        started = time.perf_counter()
        try:
            result = run_batch(root / "in", root / "ray", options, cached, executor=timed)
        finally:
            cached.close()
            store.close()
            ray.shutdown()
        line(
            "ray",
            result,
            time.perf_counter() - started,
            timed,
            f"\n       + {cluster_s:.2f} s starting Ray, {actors_s:.2f} s starting "
            f"{args.workers} actors",
        )
        same = outputs(root / "local") == outputs(root / "ray")
        print(f"outputs identical: {same}")


if __name__ == "__main__":
    main()
