"""How often ``--repair`` recovers a clean candidate, and how often it touches a clean sentence.

    python benchmarks/repair.py [--lines 100] [--candidates 4] [--seed 7] [--corpus DIR]

Issue #16. Over newstest2012 en->es (tests/data, or ``--corpus DIR`` holding
newstest2012.en/.es), the fake engine is scripted with n-best lists built from the
people's translation: for a drifted line the first hypothesis (and the other wrong ones)
carries an injected drift, one random later hypothesis is the clean translation, and the
back-translations follow (the clean one back to the source; a drifted one back with the
same drift in English). Drifts: a changed number, a name rendered as a word ("Piedra" /
"Stone"), a word dropped from a quote. Control lines have the clean translation first and
a drifted one after it.

It prints, per drift kind, how many drifted lines the checks flagged, how many repair
recovered (chose the clean candidate), and how many control lines -- sentences whose
original had no flag -- were replaced (must be 0%).
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable
from pathlib import Path

from xlate.engines.fake import FakeTranslator, Scripted
from xlate.repair import RepairOptions
from xlate.roundtrip import roundtrip

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
_NUMBER = re.compile(r"(?<![\w.,])\d+(?![\w.,]\d)")
_NAME = re.compile(r"(?<=\s)[A-Z][a-z]{3,}\b")
_QUOTE = re.compile(r"[\"“«]([^\"”»]{8,})[\"”»]")

# A drift: (english source, spanish translation) -> (drifted spanish, drifted english) or None
Drift = Callable[[str, str, random.Random], "tuple[str, str] | None"]


def drift_number(en: str, es: str, rng: random.Random) -> tuple[str, str] | None:
    shared = [m.group(0) for m in _NUMBER.finditer(en) if m.group(0) in es]
    if not shared:
        return None
    old = rng.choice(shared)
    new = str(int(old) + rng.randint(1, 9))
    return es.replace(old, new, 1), en.replace(old, new, 1)


def drift_name(en: str, es: str, rng: random.Random) -> tuple[str, str] | None:
    shared = [w for w in _NAME.findall(en) if re.search(rf"\b{w}\b", es)]
    if not shared:
        return None
    name = rng.choice(shared)
    return re.sub(rf"\b{name}\b", "Piedra", es, count=1), re.sub(
        rf"\b{name}\b", "Stone", en, count=1
    )


def _drop_last_quoted_word(text: str) -> str | None:
    match = _QUOTE.search(text)
    if match is None or len(match.group(1).split()) < 3:
        return None
    inner = match.group(1).split()
    shorter = " ".join(inner[:-2] + inner[-1:])  # drop the last word but one
    return text[: match.start(1)] + shorter + text[match.end(1) :]


def drift_quote(en: str, es: str, rng: random.Random) -> tuple[str, str] | None:
    es_drift, en_drift = _drop_last_quoted_word(es), _drop_last_quoted_word(en)
    if es_drift is None or en_drift is None:
        return None
    return es_drift, en_drift


DRIFTS: dict[str, Drift] = {"number": drift_number, "name": drift_name, "quote": drift_quote}


def script_for(
    pairs: list[tuple[str, str]], drift: Drift, n: int, rng: random.Random, *, control: bool
) -> tuple[dict[str, dict[str, Scripted]], list[tuple[str, str]]]:
    """The fake engine's script and the (source, clean translation) lines it covers."""
    forward: dict[str, Scripted] = {}
    back: dict[str, Scripted] = {}
    used = []
    for en, es in pairs:
        drifted = [drift(en, es, rng) for _ in range(n - 1)]
        wrong = list(dict.fromkeys(d for d in drifted if d is not None and d[0] != es))
        if not wrong:
            continue
        if control:  # clean first, a drifted one after it
            candidates = [es, wrong[0][0]]
        else:
            candidates = [w[0] for w in wrong[: n - 1]]
            candidates.insert(rng.randint(1, len(candidates)), es)
        forward[en] = candidates
        back[es] = en
        back.update({w_es: w_en for w_es, w_en in wrong})
        used.append((en, es))
    return {"en-es": forward, "es-en": back}, used


def run(
    pairs: list[tuple[str, str]], drift: Drift, n: int, seed: int, control: bool
) -> dict[str, int]:
    script, used = script_for(pairs, drift, n, random.Random(seed), control=control)
    if not used:
        return {"lines": 0, "flagged": 0, "recovered": 0, "replaced_clean": 0, "clean": 0}
    text = "\n".join(en for en, _ in used) + "\n"
    engine = FakeTranslator(script=script)
    report = roundtrip(text, "en", "es", engine=engine, lines=True, repair=RepairOptions(n))
    clean = dict(used)
    counts = {"lines": len(used), "flagged": 0, "recovered": 0, "replaced_clean": 0, "clean": 0}
    for sentence in report.language("es").sentences:
        first = script["en-es"][sentence.source][0]
        if sentence.repair is None:  # its original had no flag
            counts["clean"] += 1
            continue
        counts["flagged"] += 1
        if sentence.translation == clean[sentence.source] and first != clean[sentence.source]:
            counts["recovered"] += 1
        if first == clean[sentence.source] and sentence.repair.repaired:
            counts["replaced_clean"] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--lines", type=int, default=100, help="lines per drift kind")
    parser.add_argument("--candidates", type=int, default=4)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", type=Path, default=DATA)
    args = parser.parse_args(argv)
    en = (args.corpus / "newstest2012.en").read_text(encoding="utf-8").splitlines()
    es = (args.corpus / "newstest2012.es").read_text(encoding="utf-8").splitlines()
    pairs = [(a.strip(), b.strip()) for a, b in zip(en, es, strict=True) if a.strip() and b.strip()]
    print(f"newstest2012 en->es, up to {args.lines} lines per kind, {args.candidates} candidates")
    print(f"{'drift':8} {'lines':>6} {'flagged':>8} {'recovered':>10} {'of flagged':>11}  seconds")
    for name, drift in DRIFTS.items():
        rng = random.Random(args.seed)
        usable = [p for p in pairs if drift(*p, rng) is not None]
        sample = random.Random(args.seed).sample(usable, min(args.lines, len(usable)))
        start = time.perf_counter()
        c = run(sample, drift, args.candidates, args.seed, control=False)
        took = time.perf_counter() - start
        share = 100 * c["recovered"] / max(1, c["lines"])
        of_flagged = 100 * c["recovered"] / max(1, c["flagged"])
        print(
            f"{name:8} {c['lines']:6} {c['flagged']:8} {c['recovered']:6} {share:4.0f}%"
            f" {of_flagged:10.0f}%  {took:6.1f}"
        )
    print()
    print(f"{'control':8} {'lines':>6} {'no flag':>8} {'replaced':>10}  (clean translation first)")
    for name, drift in DRIFTS.items():
        usable = [p for p in pairs if drift(*p, random.Random(args.seed)) is not None]
        sample = random.Random(args.seed + 1).sample(usable, min(args.lines, len(usable)))
        c = run(sample, drift, args.candidates, args.seed, control=True)
        # sentences with no flag are never handed to repair; flagged ones keep a clean first
        replaced = c["replaced_clean"]
        share = 100 * replaced / max(1, c["lines"])
        print(f"{name:8} {c['lines']:6} {c['clean']:8} {replaced:6} {share:4.0f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
