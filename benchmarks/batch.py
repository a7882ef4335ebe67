"""Benchmark ``xlate batch`` on a folder made from newstest2012.en.

    python benchmarks/batch.py [--lines 3003] [--per-article 100] [--engine apertium]
                               [--to es] [--model PATH] [--workers N]

Splits the first ``--lines`` lines of newstest2012.en into articles in nested folders and
times three runs through the library (no progress display):

* cold: empty cache, empty output folder: every sentence goes through the engine;
* warm: same cache, a new output folder: translations come from the cache, the analysis
  and the writing are done again;
* rerun: same cache, same output folder: every article is up to date and skipped.

It prints articles/s and sentences/s (source sentences per second, all targets together)
for each. The default engine is Apertium (en->es, rule-based, no model needed); with
``--engine hf --model DIR`` it runs a local MarianMT directory, and ``--tiny`` builds the
tests' tiny random-weight MarianMT model (tests/tiny_models.py) and runs it with ``hf``
both ways (gibberish out, but the real pipeline and model calls). ``--workers`` is the
number of analysis processes (default: all cores; 1 analyses in the main process).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from xlate.batch.executors import default_workers
from xlate.batch.plan import BatchOptions
from xlate.batch.run import run_batch
from xlate.cache import CachedTranslator, CacheStore
from xlate.engines import EngineOptions, create_engine

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def make_folder(root: Path, lines: list[str], per_article: int) -> int:
    count = 0
    for number, start in enumerate(range(0, len(lines), per_article)):
        section = ("world", "politics/europe", "economy")[number % 3]
        path = root / section / f"story{number:03d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines[start : start + per_article]) + "\n", encoding="utf-8")
        count += 1
    return count


def timed_run(
    label: str,
    in_dir: Path,
    out_dir: Path,
    cache: Path,
    engine_name: str,
    options: BatchOptions,
    model: str | None,
) -> None:
    engine = create_engine(engine_name, EngineOptions(model=model))
    store = CacheStore(cache)
    cached = CachedTranslator(engine, store)
    started = time.perf_counter()
    try:
        result = run_batch(in_dir, out_dir, options, cached)
    finally:
        cached.close()
        store.close()
    elapsed = time.perf_counter() - started
    sentences = sum(r.sentences or 0 for r in result.rows) // max(len(options.targets), 1)
    articles = len(result.plan)
    print(
        f"{label:<6} {elapsed:7.2f} s  {articles / elapsed:8.2f} articles/s  "
        f"{sentences / elapsed:9.1f} sentences/s  "
        f"(engine: {cached.misses} sentences, cache: {result.cached}, "
        f"up to date: {result.counts()['up_to_date']}, failed: {len(result.failed)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=3003)
    parser.add_argument("--per-article", type=int, default=100)
    parser.add_argument("--engine", default="apertium")
    parser.add_argument("--model", default=None)
    parser.add_argument("--to", default="es")
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--tiny", action="store_true", help="the tests' tiny MarianMT model")
    args = parser.parse_args()
    lines = (CORPORA / "newstest2012.en").read_text(encoding="utf-8").splitlines()[: args.lines]
    options = BatchOptions(
        targets=tuple(args.to.split(",")), src="en", analysis_workers=args.workers
    )
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if args.tiny:
            sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
            from tiny_models import build_marian

            args.engine, args.model = "hf", str(build_marian("en", "es", root / "tiny"))
        count = make_folder(root / "in", lines, args.per_article)
        print(
            f"{count} articles, {len(lines)} lines, en -> {args.to}, engine {args.engine}, "
            f"{args.workers} analysis processes"
        )
        cache = root / "cache.sqlite3"
        run = (root / "in", cache, args.engine, options, args.model)
        timed_run("cold", run[0], root / "out1", *run[1:])
        timed_run("warm", run[0], root / "out2", *run[1:])
        timed_run("rerun", run[0], root / "out2", *run[1:])


if __name__ == "__main__":
    main()
