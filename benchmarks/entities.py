"""Benchmark the number and name checks on newstest2012 (human translations).

    python benchmarks/entities.py [--lines 600] [--seed 1]

For each direction of en/es/ru it measures, with back_translation=None and with
back_translation = the source (a perfect round trip):

* the false-positive rate: share of clean lines with any number/name flag (and with a
  medium or high one);
* recall: share of lines with one injected change (a digit of a number in the
  translation; a name replaced by another, a letter of a name altered, or a designation's
  digits changed) that get a flag of the right kind.

The injector lives here so that tests can use it at fixed seeds.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

from xlate.names import check_names, extract_names
from xlate.numbers import check_numbers, extract_numbers
from xlate.report import Flag

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
PAIRS = (("en", "es"), ("es", "en"), ("en", "ru"), ("ru", "en"), ("es", "ru"), ("ru", "es"))
Checker = Callable[[str, str, str | None, str, str, str], tuple[list, list[Flag]]]
LATIN = "abcdefghijklmnopqrstuvwxyz"
CYRILLIC = "абвгдежзиклмнопрстуфхцчшщыэюя"


def load(lang: str) -> list[str]:
    return (CORPORA / f"newstest2012.{lang}").read_text(encoding="utf-8").splitlines()


def inject_number(translation: str, lang: str, rng: random.Random) -> str | None:
    """Change one digit of one number written in digits; None when there is none."""
    mentions = [m for m in extract_numbers(translation, lang) if re.search(r"\d", m.text)]
    if not mentions:
        return None
    m = rng.choice(mentions)
    positions = [m.start + i for i, c in enumerate(m.text) if c.isdigit()]
    pos = rng.choice(positions)
    digit = rng.choice([d for d in "0123456789" if d != translation[pos]])
    return translation[:pos] + digit + translation[pos + 1 :]


def inject_name(
    translation: str, lang: str, rng: random.Random, pool: list[str]
) -> tuple[str, str] | None:
    """Replace, alter a letter of, or change a designation's digits in one name."""
    mentions = [m for m in extract_names(translation, lang) if len(m.text) >= 3]
    if not mentions:
        return None
    m = rng.choice(mentions)
    if m.type == "designation":
        positions = [m.start + i for i, c in enumerate(m.text) if c.isdigit()]
        pos = rng.choice(positions)
        digit = rng.choice([d for d in "0123456789" if d != translation[pos]])
        return translation[:pos] + digit + translation[pos + 1 :], "designation"
    if rng.random() < 0.5 and pool:
        other = rng.choice([p for p in pool if p.lower() != m.text.lower()])
        return translation[: m.start] + other + translation[m.end :], "replace"
    letters = [m.start + i for i, c in enumerate(m.text) if c.isalpha() and i > 0]
    if not letters:
        return None
    pos = rng.choice(letters)
    alphabet = CYRILLIC if re.match(r"[а-яё]", translation[pos].lower()) else LATIN
    new = rng.choice([c for c in alphabet if c != translation[pos].lower()])
    return translation[:pos] + new + translation[pos + 1 :], "letter"


def name_pool(lines: list[str], lang: str, size: int = 300) -> list[str]:
    names: list[str] = []
    for line in lines[:3000]:
        names += [m.text for m in extract_names(line, lang) if m.type == "name" and not m.weak]
        if len(names) >= size:
            break
    return names


def flagged(flags: list[Flag], kind: str, severities: tuple[str, ...]) -> bool:
    return any(f.kind == kind and f.severity in severities for f in flags)


def run_pair(src: str, tgt: str, n: int, seed: int, back_mode: str) -> dict[str, float]:
    src_lines, tgt_lines = load(src), load(tgt)
    rng = random.Random(seed)
    idx = rng.sample(range(len(src_lines)), min(n, len(src_lines)))
    pool = name_pool(tgt_lines, tgt)
    stats = {"lines": 0, "fp_any": 0, "fp_med": 0, "num_inj": 0, "num_hit": 0,
             "name_inj": 0, "name_hit": 0}  # fmt: skip
    for i in idx:
        s, t = src_lines[i], tgt_lines[i]
        back = s if back_mode == "source" else None
        sid = f"l{i}"
        flags = (
            check_numbers(s, t, back, src, tgt, sid)[1] + check_names(s, t, back, src, tgt, sid)[1]
        )
        stats["lines"] += 1
        stats["fp_any"] += bool(flags)
        stats["fp_med"] += any(f.severity in ("medium", "high") for f in flags)
        changed = inject_number(t, tgt, rng)
        if changed is not None:
            stats["num_inj"] += 1
            stats["num_hit"] += flagged(check_numbers(s, changed, back, src, tgt, sid)[1],
                                        "number", ("high", "medium", "low"))  # fmt: skip
        named = inject_name(t, tgt, rng, pool)
        if named is not None:
            stats["name_inj"] += 1
            stats["name_hit"] += flagged(check_names(s, named[0], back, src, tgt, sid)[1],
                                         "name", ("high", "medium", "low"))  # fmt: skip
    return {
        "fp_any": stats["fp_any"] / stats["lines"],
        "fp_medium_high": stats["fp_med"] / stats["lines"],
        "number_recall": stats["num_hit"] / max(1, stats["num_inj"]),
        "name_recall": stats["name_hit"] / max(1, stats["name_inj"]),
        "number_injected": stats["num_inj"],
        "name_injected": stats["name_inj"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=600)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print("pair   back    fp_any  fp_med+  num_recall (n)   name_recall (n)")
    for back_mode in ("none", "source"):
        for src, tgt in PAIRS:
            r = run_pair(src, tgt, args.lines, args.seed, back_mode)
            print(
                f"{src}>{tgt}  {back_mode:6}  {r['fp_any']:6.1%}  {r['fp_medium_high']:6.1%}"
                f"  {r['number_recall']:6.1%} ({r['number_injected']:.0f})"
                f"  {r['name_recall']:6.1%} ({r['name_injected']:.0f})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
