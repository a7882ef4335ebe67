"""Long inputs: time and peak memory of whole `xlate` processes on inputs users do send.

    python benchmarks/long_input.py [--corpus DIR] [--sizes 1,5,20] [--engine apertium]

Cases, each a fresh process (the figure a user meets):

* ``roundtrip`` of one 5,000-character sentence (newstest2012 lines joined with commas)
  through ``--engine`` (Apertium by default: offline and fast, so what is measured is
  xlate's own work: segmentation, scores, checks);
* the same sentence through ``--engine fake`` scripted to return a dissimilar
  back-translation (its words shuffled): the case whose TER shift search took 77 s
  before TER was bounded (``xlate.checks.scoring.MAX_TER_TOKENS``); the engine's own
  time is nil, so all of it is xlate's;
* ``check --lines --engine none --report`` on files of ``--sizes`` MB (source and
  translation together) made by repeating newstest2012 en/es pairs, each pair numbered
  ("[12345] ...", on both sides) so that no two lines are alike: the model-free checks
  are read, analysed and written part by part (``xlate.check_stream``), so peak memory
  should stay flat as the file grows.

Peak memory is the child's maximum resident set size (``ru_maxrss`` of the finished
process), in MiB. Prints a Markdown table. The corpus defaults to the repository's
``tests/data``.
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
    """Files of about ``megabytes`` MB (both together) of numbered newstest2012 pairs."""
    target = int(megabytes * 1_000_000)
    src, tgt = work / f"long-{megabytes:g}.en", work / f"long-{megabytes:g}.es"
    written = number = 0
    with src.open("w", encoding="utf-8") as s, tgt.open("w", encoding="utf-8") as t:
        while written < target:
            for a, b in zip(en, es, strict=True):
                number += 1
                a, b = f"[{number}] {a}", f"[{number}] {b}"
                s.write(a + "\n")
                t.write(b + "\n")
                written += len(a.encode()) + len(b.encode()) + 2
                if written >= target:
                    break
    return src, tgt


def line_count(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle)


Row = tuple[str, int, float, float, int]  # case, lines, wall s, peak MiB, exit


def sentence_cases(en: list[str], chars: int, engine: str, work: Path) -> list[Row]:
    """The 5,000-character sentence through ``engine`` and through a dissimilar fake."""
    sentence = work / "one-sentence.en.txt"
    sentence.write_text(long_sentence(en, chars), encoding="utf-8")
    rows: list[Row] = []
    rows.append(
        (
            f"roundtrip, one {chars:,}-character sentence, --engine {engine}", 1,
            *run(
                ["roundtrip", str(sentence), "--from", "en", "--to", "es",
                 "--engine", engine, "--report", str(work / "r.json")],
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
            f"roundtrip, one {chars:,}-character sentence, --engine fake, "
            "dissimilar back-translation", 1,
            *run(
                ["roundtrip", str(sentence), "--lines", "--from", "en", "--to", "es",
                 "--engine", "fake", "--model", str(script), "--report", str(work / "f.json")],
                work,
            ),
        )
    )  # fmt: skip
    return rows


def check_cases(en: list[str], es: list[str], sizes: list[float], work: Path) -> list[Row]:
    """``check --lines --engine none --report`` of numbered pairs, one size at a time."""
    rows: list[Row] = []
    for megabytes in sizes:
        src, tgt = repeated_pairs(en, es, megabytes, work)
        report = work / f"check-{megabytes:g}.json"
        rows.append(
            (
                f"check --lines --engine none --report, {megabytes:g} MB en-es", line_count(src),
                *run(
                    ["check", str(src), str(tgt), "--lines", "--from", "en", "--to", "es",
                     "--engine", "none", "--report", str(report)],
                    work,
                ),
            )
        )  # fmt: skip
        for path in (src, tgt, report):
            path.unlink(missing_ok=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=Path(__file__).resolve().parents[1] / "tests" / "data",
        help="folder of newstest2012.* (default: tests/data)",
    )
    parser.add_argument(
        "--sizes", default="1,5,20", help="MB of the check --lines inputs, comma-separated"
    )
    parser.add_argument("--engine", default="apertium")
    parser.add_argument("--chars", type=int, default=5000)
    parser.add_argument("--skip-check", action="store_true", help="only the long sentence")
    parser.add_argument("--skip-sentence", action="store_true", help="only the check cases")
    args = parser.parse_args(argv)
    en = (args.corpus / "newstest2012.en").read_text(encoding="utf-8").splitlines()
    es = (args.corpus / "newstest2012.es").read_text(encoding="utf-8").splitlines()
    sizes = [float(x) for x in args.sizes.split(",") if x.strip()]
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="xlate-long-") as tmp:
        work = Path(tmp)
        if not args.skip_sentence:
            rows += sentence_cases(en, args.chars, args.engine, work)
        if not args.skip_check:
            rows += check_cases(en, es, sizes, work)
    print("| case | lines | wall s | peak MiB | exit |")
    print("|---|---:|---:|---:|---:|")
    for name, lines, seconds, peak, code in rows:
        print(f"| {name} | {lines:,} | {seconds:.1f} | {peak:.0f} | {code} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
