"""Command line of the challenge-set benchmark (see the package docstring)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.challenge import corpus
from benchmarks.challenge.bench import Result, run_direction
from benchmarks.challenge.categories import SAMPLES, select
from benchmarks.challenge.table import examples, render, write_json

WORK_ENV = "XLATE_CHALLENGE_WORK"
ENGINES = ("none", "apertium")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="benchmarks/challenge.py",
        description="One-error-per-line challenge set over newstest2012: share of variants "
        "caught and of clean lines flagged, per category, direction and engine.",
    )
    p.add_argument("--corpus", help=f"folder with newstest2012.{{en,es,ru}} (or ${corpus.ENV})")
    p.add_argument("--work", help=f"cache folder (or ${WORK_ENV}; default: a temp folder)")
    p.add_argument("--half", choices=("held-out", "tune"), default="held-out")
    p.add_argument("--lines", type=int, default=150, help="lines sampled per direction")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument(
        "--engine", default="none,apertium", help="comma-separated: none, apertium (default: both)"
    )
    p.add_argument("--categories", help="comma-separated names or prefixes (default: all)")
    p.add_argument("--directions", help="e.g. en-es,ru-en,en-es/mt (default: all eight)")
    p.add_argument(
        "--origin",
        default="person,machine",
        help="comma-separated: person, machine (default: both)",
    )
    p.add_argument("--json", type=Path, help="write the results here")
    p.add_argument("--examples", type=int, default=0, help="print N missed variants per row")
    return p


def _directions(args: argparse.Namespace) -> list[corpus.Direction]:
    origins = {o.strip() for o in args.origin.split(",")}
    labels = {d.strip() for d in args.directions.split(",")} if args.directions else None
    chosen = [
        d
        for d in corpus.DIRECTIONS
        if d.origin in origins and (labels is None or d.label in labels)
    ]
    if not chosen:
        known = ", ".join(d.label for d in corpus.DIRECTIONS)
        raise SystemExit(f"no direction left: see --directions ({known}) and --origin")
    return chosen


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    texts = corpus.load(corpus.corpus_dir(args.corpus))
    work = Path(
        args.work or os.environ.get(WORK_ENV) or Path(tempfile.gettempdir()) / "xlate-challenge"
    )
    work.mkdir(parents=True, exist_ok=True)
    engines = [e.strip() for e in args.engine.split(",") if e.strip()]
    if not engines or set(engines) - set(ENGINES):
        raise SystemExit(f"--engine takes {' and/or '.join(ENGINES)}, not {args.engine!r}")
    categories = select(args.categories)
    if args.half == "tune":
        sealed = [c.name for c in categories if c.sealed]
        categories = [c for c in categories if not c.sealed]
        if sealed:
            print(f"note: sealed categories not run on the tuning half: {', '.join(sealed)}")
    span = corpus.HALVES[args.half]
    samples = {
        kind: corpus.sample(span, args.lines, args.seed, texts, kind, SAMPLES[kind])
        for kind in dict.fromkeys(c.sample for c in categories)
    }
    started = time.perf_counter()
    results: list[Result] = []
    for d in _directions(args):
        targets = (
            texts[d.tgt] if d.origin == "person" else corpus.machine(texts, d.src, d.tgt, work)
        )
        usable = [e for e in engines if e in d.engines]
        for kind, idx in samples.items():
            group = [c for c in categories if d.origin in c.origins and c.sample == kind]
            if group:
                cases = corpus.cases(d, texts, targets, idx, span, args.seed)
                kept = max(3, args.examples)  # examples kept for --json
                results += run_direction(d, usable, cases, group, args.seed, work, kept)
    sizes = ", ".join(f"{len(idx)} {kind}" for kind, idx in samples.items())
    title = (
        f"challenge set: newstest2012 lines {span[0]}-{span[1]} ({args.half}), sampled per "
        f"direction: {sizes} (seed {args.seed}); {time.perf_counter() - started:.0f}s"
    )
    print(render(results, categories, title))
    if args.examples:
        print("\n" + examples(results, args.examples))
    if args.json:
        settings = {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()}
        write_json(args.json, results, settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
