"""Build the variants of each category and count what the check flags on them."""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.challenge.adapter import run_check
from benchmarks.challenge.cases import Case, Edit
from benchmarks.challenge.categories import Category
from benchmarks.challenge.corpus import Direction

# A document of variant lines is padded with clean lines (not counted) to at least this
# many, so that the check's document-level baselines are not those of a tiny document.
MIN_DOCUMENT = 40
_SNIPPET = 160


@dataclass
class Result:
    category: str
    direction: str
    engine: str
    n: int = 0  # lines with a variant
    caught: int = 0  # the variant line has a flag of a counted kind
    new: int = 0  # ... and the same line unmodified has none
    any_flag: int = 0  # the variant line has a flag of any kind
    clean_flagged: int = 0  # the same lines unmodified: a flag of a counted kind
    clean_any: int = 0
    # categories with a reachability test: variants with no counterpart in the source
    unreachable: int | None = None
    caught_reachable: int = 0  # caught among the rest
    missed: list[dict[str, object]] = field(default_factory=list)
    caught_examples: list[dict[str, object]] = field(default_factory=list)


def variants(cases: list[Case], category: Category, seed: int, label: str) -> dict[int, Edit]:
    """One variant per line where the category applies, by position in ``cases``. Each
    line's random stream depends on the seed, category, direction and line alone."""
    out: dict[int, Edit] = {}
    for k, case in enumerate(cases):
        rng = random.Random(f"{seed}:{category.name}:{label}:{case.line}")
        edit = category.inject(case, rng)
        if edit is not None and edit.text.strip() and edit.text != case.translation:
            out[k] = edit
    return out


def _padded(size: int, chosen: set[int]) -> list[int]:
    extra = [k for k in range(size) if k not in chosen][: max(0, MIN_DOCUMENT - len(chosen))]
    return sorted(chosen | set(extra))


def _example(case: Case, edit: Edit, kinds: set[str]) -> dict[str, object]:
    return {
        "line": case.line,
        "old": edit.old,
        "new": edit.new,
        "variant": edit.text[:_SNIPPET],
        "flags": sorted(kinds),
    }


def _check(
    cases: list[Case], texts: list[str], d: Direction, engine: str, work: Path
) -> list[set[str]]:
    return run_check([c.source for c in cases], texts, d.src, d.tgt, engine, d.origin, work)


def score(
    category: Category,
    edits: dict[int, Edit],
    cases: list[Case],
    clean: list[set[str]],
    run: tuple[Direction, str, Path],
    examples: int,
) -> Result:
    """Check the variant lines of one category (one document) and tally them."""
    direction, engine, _ = run
    result = Result(category.name, direction.label, engine)
    if not edits:
        return result
    order = _padded(len(cases), set(edits))
    texts = [edits[k].text if k in edits else cases[k].translation for k in order]
    flags = dict(zip(order, _check([cases[k] for k in order], texts, *run), strict=True))
    if category.reachable is not None:
        result.unreachable = 0
    for k, edit in edits.items():
        kinds = flags[k]
        hit = bool(kinds & category.kinds)
        was = bool(clean[k] & category.kinds)
        result.n += 1
        result.caught += hit
        result.new += hit and not was
        result.any_flag += bool(kinds)
        result.clean_flagged += was
        result.clean_any += bool(clean[k])
        reachable = category.reachable is None or category.reachable(cases[k], edit)
        if result.unreachable is not None:
            result.caught_reachable += hit and reachable
            result.unreachable += not reachable
        bucket = result.caught_examples if hit else result.missed
        if len(bucket) < examples:
            bucket.append({**_example(cases[k], edit, kinds), "unreachable": not reachable})
    return result


def run_direction(
    direction: Direction,
    engines: list[str],
    cases: list[Case],
    categories: list[Category],
    seed: int,
    work: Path,
    examples: int = 3,
) -> list[Result]:
    """Every category × engine of one direction; the variants are built once."""
    edits = {c.name: variants(cases, c, seed, direction.label) for c in categories}
    results = []
    for engine in engines:
        started = time.perf_counter()
        clean = _check(cases, [c.translation for c in cases], direction, engine, work)
        for category in categories:
            run = (direction, engine, work)
            results.append(score(category, edits[category.name], cases, clean, run, examples))
        seconds = time.perf_counter() - started
        names = ", ".join(c.name for c in categories)
        print(f"  {direction.label} {engine} ({names}): {seconds:.1f}s", file=sys.stderr)
    return results
