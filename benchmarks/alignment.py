"""Sentence-alignment benchmark: xlate.text.align against the Gale-Church aligner on PyPI.

Windows of newstest2012 (en->es, en->ru; default 20 lines, lines 1501-3003 because the
length model was calibrated on lines 1-1500) are perturbed by merging random adjacent
lines on one side or the other (gold 1-2 / 2-1 links) and dropping a few lines (1-0 /
0-1). A link is a (source unit, target unit) pair that shares an original line; the table
gives link precision, recall and F1 per language, perturbation rate and method:

* ``galechurch``: the PyPI package (``pip install galechurch``; benchmark only);
* ``xlate``: lengths plus cheap anchors (numbers, punctuation, transliterated names);
* ``xlate+bt``: plus back-translations of the target lines. For es these come from
  Apertium (spa-eng, rule-based, offline); for ru no engine is reachable here, so the
  English line itself stands in: an oracle upper bound, labelled ``xlate+bt(oracle)``.

    python benchmarks/alignment.py [--window 20] [--repeats 4] [--lines 1501-3003]
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from xlate.text.align import AlignParams, Bead, align_sentences

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"

Link = tuple[int, int]


@dataclass(frozen=True)
class Case:
    """One perturbed window: the two sides, the gold links, and optional back-translations."""

    src: list[str]
    tgt: list[str]
    gold: frozenset[Link]
    back: list[str] | None


@dataclass(frozen=True)
class Perturbation:
    merge_rate: float  # chance that a line boundary is merged (on one side, at random)
    drop_rate: float  # chance that a line is missing from one side

    @property
    def label(self) -> str:
        return f"{self.merge_rate:.0%}m/{self.drop_rate:.0%}d"


def read_corpus(lang: str) -> list[str]:
    return (CORPORA / f"newstest2012.{lang}").read_text(encoding="utf-8").splitlines()


def perturb(
    lines: int, rng: random.Random, how: Perturbation
) -> tuple[list[list[int]], list[list[int]]]:
    """Group original line numbers 0..lines-1 into source and target units."""
    dropped_src: set[int] = set()
    dropped_tgt: set[int] = set()
    for k in range(lines):
        if rng.random() < how.drop_rate:
            (dropped_src if rng.random() < 0.5 else dropped_tgt).add(k)
    busy = dropped_src | dropped_tgt
    merged_src: set[int] = set()  # k: line k is merged with line k+1
    merged_tgt: set[int] = set()
    for k in range(lines - 1):
        if k in busy or k + 1 in busy or rng.random() >= how.merge_rate:
            continue
        (merged_src if rng.random() < 0.5 else merged_tgt).add(k)
        busy |= {k, k + 1}

    def units(dropped: set[int], merged: set[int]) -> list[list[int]]:
        out: list[list[int]] = []
        k = 0
        while k < lines:
            if k in dropped:
                k += 1
                continue
            if k in merged:
                out.append([k, k + 1])
                k += 2
            else:
                out.append([k])
                k += 1
        return out

    return units(dropped_src, merged_src), units(dropped_tgt, merged_tgt)


def make_cases(
    src_lines: Sequence[str],
    tgt_lines: Sequence[str],
    back_lines: Sequence[str] | None,
    *,
    window: int,
    repeats: int,
    how: Perturbation,
    seed: int,
) -> list[Case]:
    rng = random.Random(seed)
    cases: list[Case] = []
    for _ in range(repeats):
        for start in range(0, len(src_lines) - window + 1, window):
            src_units, tgt_units = perturb(window, rng, how)
            src_of = {k: u for u, unit in enumerate(src_units) for k in unit}
            tgt_of = {k: u for u, unit in enumerate(tgt_units) for k in unit}
            gold = frozenset((src_of[k], tgt_of[k]) for k in src_of if k in tgt_of)

            def join(lines: Sequence[str], unit: list[int], at: int = start) -> str:
                return " ".join(lines[at + k] for k in unit)

            back = None
            if back_lines is not None:
                back = [join(back_lines, u) for u in tgt_units]
            cases.append(
                Case(
                    src=[join(src_lines, u) for u in src_units],
                    tgt=[join(tgt_lines, u) for u in tgt_units],
                    gold=gold,
                    back=back,
                )
            )
    return cases


def links(beads: Sequence[Bead]) -> set[Link]:
    return {(i, j) for b in beads for i in b.src for j in b.tgt}


def score(cases: Sequence[Case], predict: Callable[[Case], set[Link]]) -> tuple[float, ...]:
    """Micro-averaged link precision, recall and F1 (percent) and the time in seconds."""
    tp = fp = fn = 0
    start = time.perf_counter()
    for case in cases:
        found = predict(case)
        tp += len(found & case.gold)
        fp += len(found - case.gold)
        fn += len(case.gold - found)
    elapsed = time.perf_counter() - start
    precision = 100 * tp / max(1, tp + fp)
    recall = 100 * tp / max(1, tp + fn)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return precision, recall, f1, elapsed


def galechurch_links(case: Case) -> set[Link]:
    import galechurch

    result = galechurch.align(case.src, case.tgt)
    return {
        (i, j)
        for b in result.beads
        for i in range(b.source_start, b.source_end)
        for j in range(b.target_start, b.target_end)
    }


def xlate_links(
    src_lang: str, tgt_lang: str, *, back: bool, params: AlignParams | None = None
) -> Callable[[Case], set[Link]]:
    def predict(case: Case) -> set[Link]:
        beads = align_sentences(
            case.src,
            case.tgt,
            src_lang,
            tgt_lang,
            tgt_back=case.back if back else None,
            params=params,
        )
        return links(beads)

    return predict


def apertium_back(lines: Sequence[str]) -> list[str] | None:
    """Spanish lines into English with Apertium: the engine module if it exists, else the
    binary (one line per sentence, no unknown-word marks). None when Apertium is missing."""
    try:
        from xlate.engines.apertium import ApertiumTranslator
    except ImportError:
        ApertiumTranslator = None
    if ApertiumTranslator is not None:
        try:
            return [t.text for t in ApertiumTranslator().translate_batch(lines, "es", "en")]
        except Exception as err:  # a half-landed engine: fall back to the binary
            print(f"# apertium engine failed ({err}); calling the binary", file=sys.stderr)
    if shutil.which("apertium") is None:
        return None
    text = "\n".join(" ".join(line.split()) for line in lines) + "\n"
    done = subprocess.run(
        ["apertium", "-u", "spa-eng"], input=text, capture_output=True, text=True, check=True
    )
    out = done.stdout.splitlines()
    return out if len(out) == len(lines) else None


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--window", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=4, help="perturbed copies per window")
    parser.add_argument("--lines", default="1501-3003", help="1-based inclusive range")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--langs", default="es,ru")
    parser.add_argument("--no-galechurch", action="store_true")
    args = parser.parse_args(argv)
    first, last = (int(x) for x in args.lines.split("-"))
    en = read_corpus("en")[first - 1 : last]
    rates = [Perturbation(0.1, 0.0), Perturbation(0.1, 0.02), Perturbation(0.25, 0.05)]
    header = f"{'lang':<5} {'perturb':<9} {'method':<18} {'P':>6} {'R':>6} {'F1':>6} {'time s':>7}"
    print(
        f"# newstest2012 lines {first}-{last}, {args.window}-line windows, "
        f"{args.repeats} perturbed copies each, seed {args.seed}"
    )
    print(header)
    print("-" * len(header))
    for lang in args.langs.split(","):
        tgt = read_corpus(lang)[first - 1 : last]
        if lang == "es":
            back, back_label = apertium_back(tgt), "xlate+bt(apertium)"
        else:
            back, back_label = en, "xlate+bt(oracle)"
        for how in rates:
            cases = make_cases(
                en, tgt, back, window=args.window, repeats=args.repeats, how=how, seed=args.seed
            )
            methods: list[tuple[str, Callable[[Case], set[Link]]]] = []
            if not args.no_galechurch:
                methods.append(("galechurch", galechurch_links))
            methods.append(("xlate", xlate_links("en", lang, back=False)))
            if back is not None:
                methods.append((back_label, xlate_links("en", lang, back=True)))
            for name, predict in methods:
                p, r, f, secs = score(cases, predict)
                print(f"{lang:<5} {how.label:<9} {name:<18} {p:6.2f} {r:6.2f} {f:6.2f} {secs:7.2f}")


if __name__ == "__main__":
    main()
