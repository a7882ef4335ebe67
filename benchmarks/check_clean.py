"""How many clean lines of people's translations `xlate check --lines` flags, and why.

    python benchmarks/check_clean.py [--lines 400] [--start 1500] [--end 3003]
                                     [--engine none|apertium] [--seed 7]

The aim of issue #3: at most 5% of clean lines flagged (any flag of any kind), while the
changed numbers and names are caught (see benchmarks/entities.py). For each direction of
en/es/ru it runs the library's ``check`` in --lines mode on a random sample of newstest2012
lines (people's translations; tune on 0-1500, report on 1500-3003) and prints the share
of lines with any flag and the count of flags per kind. ``--engine apertium`` back-
translates the en<->es directions with Apertium (the other directions are skipped).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

from xlate.check import check
from xlate.text.segment import segment_lines

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
PAIRS = (("en", "es"), ("es", "en"), ("en", "ru"), ("ru", "en"), ("es", "ru"), ("ru", "es"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--lines", type=int, default=400)
    parser.add_argument("--start", type=int, default=1500)
    parser.add_argument("--end", type=int, default=3003)
    parser.add_argument("--engine", choices=("none", "apertium"), default="none")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    texts = {
        lang: (CORPORA / f"newstest2012.{lang}").read_text(encoding="utf-8").splitlines()
        for lang in ("en", "es", "ru")
    }
    rng = random.Random(args.seed)
    idx = sorted(rng.sample(range(args.start, args.end), min(args.lines, args.end - args.start)))
    engine = None
    if args.engine == "apertium":
        from xlate.engines import create_engine

        engine = create_engine("apertium")
    print(f"lines {args.start}-{args.end}, {len(idx)} per direction, engine {args.engine}")
    print(f"{'pair':6} {'flagged':>8} {'seconds':>8}  flags by kind")
    for src, tgt in PAIRS:
        if engine is not None and "ru" in (src, tgt):
            continue
        source = "\n".join(texts[src][i] for i in idx) + "\n"
        translation = "\n".join(texts[tgt][i] for i in idx) + "\n"
        start = time.perf_counter()
        report = check(
            segment_lines(source, src),
            segment_lines(translation, tgt),
            back_engine=engine,
            lines=True,
        )
        seconds = time.perf_counter() - start
        sentences = report.languages[0].sentences
        flagged = sum(bool(s.flags) for s in sentences)
        kinds = Counter(f.kind for s in sentences for f in s.flags)
        shown = ", ".join(f"{k} {n}" for k, n in kinds.most_common())
        print(f"{src}>{tgt}  {flagged / len(sentences):8.1%} {seconds:8.1f}  {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
