"""Model-free checks: ``check --lines --engine none`` beside translate-toolkit's pofilter.

    pip install translate-toolkit      # benchmark-time only: pofilter, the anchor
    python benchmarks/check_speed.py [--pair en-es|en-es,ru-en|all] [--lines 3003] [--rounds 3]
                                     [--all-cores] [--baseline OTHER_CHECKOUT]

The same aligned pairs (newstest2012, the first ``--lines`` lines of the pair) go through

* ``xlate check SRC TGT --lines --from S --to T --engine none --report out.json``: every
  model-free check (numbers and number words, names across scripts, quotes, acronyms,
  brackets, URLs, language, length, repetition, untranslated);
* ``pofilter`` on a PO file of the same pairs (msgid the source, msgstr the translation)
  with its eight comparable tests: numbers, acronyms, doublequoting, brackets, untranslated,
  long, short, unchanged. pofilter runs far fewer and shallower checks (no number words, no
  names), so it is the pace to approach, not a like-for-like race.

Whole processes, pinned to one core (``--all-cores`` lifts that), interleaved (ABBA) and
medians of ``--rounds``; peak memory is the largest ``ru_maxrss`` of the runs. Each
checkout reads its tables from a table cache of its own, filled by an untimed first run.
``--baseline`` adds the same xlate command run from another checkout (``PYTHONPATH``), for
a before/after in the same run. ``--pair all`` times the six directions, a pair at a time.
Without pofilter installed the xlate rows come alone. Prints a Markdown table, with the
machine's load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from _procs import ROOT, interleaved, load_note, run

CORPORA = [ROOT / "tests" / "data", ROOT.parent / "shared" / "corpora"]
POFILTER_TESTS = (
    "numbers",
    "acronyms",
    "doublequoting",
    "brackets",
    "untranslated",
    "long",
    "short",
    "unchanged",
)


def corpus(lang: str) -> Path:
    for folder in CORPORA:
        path = folder / f"newstest2012.{lang}"
        if path.is_file():
            return path
    raise SystemExit(f"newstest2012.{lang} not found in {', '.join(map(str, CORPORA))}")


def write_po(sources: list[str], translations: list[str], path: Path) -> None:
    """The pairs as a PO file, written with translate-toolkit's own PO writer."""
    try:
        from translate.storage import po
    except ImportError:
        raise SystemExit(
            "this benchmark needs translate-toolkit: pip install translate-toolkit"
        ) from None
    store = po.pofile()
    for i, (source, translation) in enumerate(zip(sources, translations, strict=True)):
        unit = store.addsourceunit(source)
        unit.target = translation
        unit.addlocation(f"line:{i + 1}")
    path.write_bytes(bytes(store))


DIRECTIONS = ("en-es", "es-en", "en-ru", "ru-en", "es-ru", "ru-es")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pair", default="en-es", help="S-T, several comma-separated, or all")
    parser.add_argument("--lines", type=int, default=3003)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--all-cores", action="store_true")
    parser.add_argument("--baseline", type=Path, help="another xlate checkout to time too")
    args = parser.parse_args()
    pairs = DIRECTIONS if args.pair == "all" else tuple(args.pair.split(","))
    pofilter = shutil.which("pofilter")
    cpus = None if args.all_cores else {min(os.sched_getaffinity(0))}
    where = "all cores" if cpus is None else "one core"
    print(f"newstest2012, {where}, medians of {args.rounds} interleaved runs")
    if pofilter is None:
        print("(pofilter not found, no anchor: pip install translate-toolkit)")
    print("\n| pair | tool | wall | CPU | lines/s (CPU) | peak memory | CPU vs pofilter |")
    print("|---|---|--:|--:|--:|--:|--:|")
    for pair in pairs:
        _pair(pair, args, pofilter, cpus)
    print(f"\n({load_note()})")


def _pair(pair: str, args: argparse.Namespace, pofilter: str | None, cpus: set[int] | None) -> None:
    """One pair's rows: xlate (and the baseline checkout) beside pofilter, interleaved."""
    src, _, tgt = pair.partition("-")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sources = corpus(src).read_text(encoding="utf-8").splitlines()[: args.lines]
        translations = corpus(tgt).read_text(encoding="utf-8").splitlines()[: args.lines]
        n = len(sources)
        (work / f"in.{src}").write_text("\n".join(sources) + "\n", encoding="utf-8")
        (work / f"in.{tgt}").write_text("\n".join(translations) + "\n", encoding="utf-8")
        xlate = [sys.executable, "-m", "xlate", "check", str(work / f"in.{src}")]
        xlate += [str(work / f"in.{tgt}"), "--lines", "--from", src, "--to", tgt]
        xlate += ["--engine", "none", "--report", str(work / "out.json")]
        # Each checkout keeps its tables (xlate.text.built) in a folder of its own, filled
        # by an untimed run: the cache keeps one table of a name, so two checkouts whose
        # code differs would otherwise rebuild each other's tables at every turn (as would
        # another user's checkout sharing the user cache).
        cases = {"xlate check --lines --engine none": _own_tables(xlate, work / "tables")}
        if args.baseline is not None:
            root = args.baseline.resolve()
            theirs = ["env", f"PYTHONPATH={root}", *xlate]
            cases[f"the same, from {root}"] = _own_tables(theirs, work / "tables-baseline")
        for argv in cases.values():
            run(argv, cpus=cpus)
        if pofilter is not None:
            write_po(sources, translations, work / "in.po")
            filters = [f"--test={t}" for t in POFILTER_TESTS]
            anchor = [pofilter, *filters, "--progress=none", str(work / "in.po")]
            cases["pofilter (8 tests)"] = [*anchor, str(work / "out.po")]
        results = interleaved(cases, args.rounds, cpus=cpus)
    anchor_run = results.get("pofilter (8 tests)")
    for name, r in results.items():
        ratio = f"{r.cpu / anchor_run.cpu:.1f}x" if anchor_run is not None else "–"
        print(
            f"| {pair} ({n}) | {name} | {r.wall:.2f} s | {r.cpu:.2f} s | {n / r.cpu:.0f} | "
            f"{r.peak:.0f} MiB | {ratio} |"
        )


def _own_tables(argv: list[str], folder: Path) -> list[str]:
    """``argv`` run with its table cache in ``folder`` (``XLATE_TABLE_CACHE``)."""
    if argv[0] == "env":
        return ["env", f"XLATE_TABLE_CACHE={folder}", *argv[1:]]
    return ["env", f"XLATE_TABLE_CACHE={folder}", *argv]


if __name__ == "__main__":
    main()
