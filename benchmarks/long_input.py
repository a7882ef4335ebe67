"""Long inputs: time and peak memory of whole `xlate` processes on inputs users do send.

    python benchmarks/long_input.py --corpus DIR [--megabytes 20] [--engine apertium]

Cases, each a fresh process (the figure a user meets):

* ``roundtrip`` of one 5,000-character sentence (newstest2012 lines joined with commas)
  through ``--engine`` (Apertium by default: offline and fast, so what is measured is
  xlate's own work: segmentation, scores, checks);
* the same sentence through ``--engine fake`` scripted to return a dissimilar
  back-translation (its words shuffled): the case whose TER shift search took 77 s
  before TER was bounded (``xlate.checks.scoring.MAX_TER_TOKENS``); the engine's own
  time is nil, so all of it is xlate's;
* ``check --lines --engine none`` on a file of about ``--megabytes`` MB made by repeating
  newstest2012 en/es pairs (the model-free checks stream line by line, so peak memory
  should stay flat as the file grows: the smaller sizes are printed beside it).

Peak memory is the child's maximum resident set size (``ru_maxrss`` of the finished
process), in MiB. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(argv: list[str], cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MiB) and exit code of one ``python -m xlate`` process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "xlate", *argv],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode:
        print(f"  {' '.join(argv[:2])}: exit {proc.returncode}: {stderr.strip()[-300:]}")
    return elapsed, usage.ru_maxrss / 1024, proc.returncode


def long_sentence(lines: list[str], chars: int) -> str:
    parts: list[str] = []
    for line in lines:
        parts.append(line.rstrip(".!?"))
        if sum(len(p) + 2 for p in parts) >= chars:
            break
    return ", ".join(parts)[:chars].rstrip(", ") + ".\n"


def repeated_pairs(en: list[str], es: list[str], megabytes: float, work: Path) -> tuple[Path, Path]:
    target = int(megabytes * 1_000_000)
    src, tgt = work / f"long-{megabytes:g}.en", work / f"long-{megabytes:g}.es"
    written = 0
    with src.open("w", encoding="utf-8") as s, tgt.open("w", encoding="utf-8") as t:
        while written < target:
            for a, b in zip(en, es, strict=True):
                s.write(a + "\n")
                t.write(b + "\n")
                written += len(a.encode()) + len(b.encode()) + 2
                if written >= target:
                    break
    return src, tgt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="folder of newstest2012.*")
    parser.add_argument("--megabytes", type=float, default=20.0)
    parser.add_argument("--engine", default="apertium")
    parser.add_argument("--chars", type=int, default=5000)
    parser.add_argument("--skip-check", action="store_true", help="only the long sentence")
    args = parser.parse_args(argv)
    en = (args.corpus / "newstest2012.en").read_text(encoding="utf-8").splitlines()
    es = (args.corpus / "newstest2012.es").read_text(encoding="utf-8").splitlines()
    rows: list[tuple[str, float, float, int]] = []
    with tempfile.TemporaryDirectory(prefix="xlate-long-") as tmp:
        work = Path(tmp)
        sentence = work / "one-sentence.en.txt"
        sentence.write_text(long_sentence(en, args.chars), encoding="utf-8")
        rows.append(
            (
                f"roundtrip, one {args.chars:,}-character sentence, --engine {args.engine}",
                *run(
                    ["roundtrip", str(sentence), "--from", "en", "--to", "es",
                     "--engine", args.engine, "--report", str(work / "r.json")],
                    work,
                ),
            )
        )  # fmt: skip
        script = work / "dissimilar.json"
        text = sentence.read_text(encoding="utf-8").strip()
        words = text.split()
        random.Random(14).shuffle(words)
        script.write_text(
            json.dumps({"en-es": {text: "TRADUCIDO"}, "es-en": {"TRADUCIDO": " ".join(words)}}),
            encoding="utf-8",
        )
        rows.append(
            (
                f"roundtrip, one {args.chars:,}-character sentence, --engine fake, "
                "dissimilar back-translation",
                *run(
                    ["roundtrip", str(sentence), "--lines", "--from", "en", "--to", "es",
                     "--engine", "fake", "--model", str(script), "--report", str(work / "f.json")],
                    work,
                ),
            )
        )  # fmt: skip
        sizes = (
            []
            if args.skip_check
            else sorted({args.megabytes / 10, args.megabytes / 2, args.megabytes})
        )
        for megabytes in sizes:
            src, tgt = repeated_pairs(en, es, megabytes, work)
            report = work / f"check-{megabytes:g}.json"
            rows.append(
                (
                    f"check --lines --engine none, {megabytes:g} MB en-es",
                    *run(
                        ["check", str(src), str(tgt), "--lines", "--from", "en", "--to", "es",
                         "--engine", "none", "--report", str(report)],
                        work,
                    ),
                )
            )  # fmt: skip
    print("| case | wall s | peak MiB | exit |")
    print("|---|---:|---:|---:|")
    for name, seconds, peak, code in rows:
        print(f"| {name} | {seconds:.1f} | {peak:.0f} | {code} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
