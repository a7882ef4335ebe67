"""Start-up: what a user waits for before xlate does anything, beside its anchors.

    python benchmarks/startup.py [--rounds 7] [--baseline OTHER_CHECKOUT]

Whole processes, interleaved (ABBA) and medians of ``--rounds``, with the same
interpreter for every case:

* ``python -c pass``: the interpreter alone, the floor;
* ``xlate --help`` and ``xlate check --help`` against ``sacrebleu --help`` (another
  command-line tool of the same stack, the anchor: goal within 2x);
* a one-sentence ``check --engine none`` (goal <= 1 s), whose cost is mostly the word lists
  and language models the checks load on first use.

``--baseline`` adds the same cases run from another checkout (``PYTHONPATH``), for a
before/after in the same run. Prints a Markdown table. The figures depend on the
machine's load: the table says it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from _procs import interleaved, load_note

SOURCE = "Maduro asked Russia for 14 Su-30 jets on Monday, the ministry said.\n"
TRANSLATION = "Maduro pidió a Rusia 15 aviones Su-30 el lunes, dijo el ministerio.\n"
ONE = "xlate check --engine none (one sentence)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--baseline", type=Path, help="another xlate checkout to time too")
    args = parser.parse_args()
    py = [sys.executable]
    xlate = [*py, "-m", "xlate"]
    cases = {
        "python -c pass": [*py, "-c", "pass"],
        "sacrebleu --help": [*py, "-m", "sacrebleu", "--help"],
        "xlate --help": [*xlate, "--help"],
        "xlate check --help": [*xlate, "check", "--help"],
    }
    with tempfile.TemporaryDirectory() as tmp:
        src, tgt = Path(tmp) / "one.en", Path(tmp) / "one.es"
        src.write_text(SOURCE, encoding="utf-8")
        tgt.write_text(TRANSLATION, encoding="utf-8")
        one = ["check", str(src), str(tgt), "--from", "en", "--to", "es", "--engine", "none"]
        cases[ONE] = [*xlate, *one]
        if args.baseline is not None:
            other = ["env", f"PYTHONPATH={args.baseline.resolve()}", *xlate]
            cases["xlate --help (baseline)"] = [*other, "--help"]
            cases["xlate check --help (baseline)"] = [*other, "check", "--help"]
            cases[f"{ONE} (baseline)"] = [*other, *one]
        results = interleaved(cases, args.rounds)
    anchor = results["sacrebleu --help"]
    print(f"Start-up, medians of {args.rounds} interleaved runs ({load_note()})\n")
    print("| command | wall | CPU | peak | wall vs sacrebleu --help | CPU vs sacrebleu --help |")
    print("|---|--:|--:|--:|--:|--:|")
    for name, r in results.items():
        print(
            f"| `{name}` | {r.wall * 1000:.0f} ms | {r.cpu * 1000:.0f} ms | {r.peak:.0f} MiB | "
            f"{r.wall / anchor.wall:.2f}x | {r.cpu / anchor.cpu:.2f}x |"
        )
    print("\nGoals: `xlate --help` within 2x of `sacrebleu --help`; one sentence <= 1 s.")


if __name__ == "__main__":
    main()
