"""Start-up: what a user waits for before xlate does anything, beside its anchors.

    python benchmarks/startup.py [--rounds 7]

Whole processes, interleaved (ABBA) and medians of ``--rounds``, with the same
interpreter for every case:

* ``python -c pass``: the interpreter alone, the floor;
* ``xlate --help`` and ``xlate check --help`` against ``sacrebleu --help`` (another
  command-line tool of the same stack, the anchor: goal within 2x);
* a one-sentence ``check --engine none`` (goal <= 1 s), whose cost is mostly the word lists
  and language models the checks load on first use.

Prints a Markdown table. The figures depend on the machine's load: the table says it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from _procs import ROOT, interleaved, load_note, median_ms, run

SOURCE = "Maduro asked Russia for 14 Su-30 jets on Monday, the ministry said.\n"
TRANSLATION = "Maduro pidió a Rusia 15 aviones Su-30 el lunes, dijo el ministerio.\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    py = [sys.executable]
    xlate = [*py, "-m", "xlate"]
    cases = {
        "python -c pass": [*py, "-c", "pass"],
        "sacrebleu --help": [*py, "-m", "sacrebleu", "--help"],
        "xlate --help": [*xlate, "--help"],
        "xlate check --help": [*xlate, "check", "--help"],
    }
    times, _ = interleaved(cases, args.rounds)
    anchor = median_ms(times["sacrebleu --help"])
    print(f"Start-up, medians of {args.rounds} interleaved runs ({load_note()})\n")
    print("| command | median | vs sacrebleu --help |")
    print("|---|--:|--:|")
    for name, values in times.items():
        ms = median_ms(values)
        print(f"| `{name}` | {ms:.0f} ms | {ms / anchor:.2f}x |")
    with tempfile.TemporaryDirectory() as tmp:
        src, tgt = Path(tmp) / "one.en", Path(tmp) / "one.es"
        src.write_text(SOURCE, encoding="utf-8")
        tgt.write_text(TRANSLATION, encoding="utf-8")
        argv = [*xlate, "check", str(src), str(tgt), "--from", "en", "--to", "es"]
        runs = [run([*argv, "--engine", "none"], cwd=ROOT) for _ in range(3)]
    walls = sorted(r[0] for r in runs)
    peak = max(r[1] for r in runs)
    print(
        f"| one-sentence `check --engine none` (goal <= 1 s) | {walls[1]:.2f} s, "
        f"{peak:.0f} MiB peak | |"
    )


if __name__ == "__main__":
    main()
