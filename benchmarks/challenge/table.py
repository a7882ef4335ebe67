"""The benchmark's table (stdout) and its JSON."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from benchmarks.challenge.bench import Result
from benchmarks.challenge.categories import BY_NAME, Category

_HEADER = (
    f"{'category':19} {'direction':9} {'engine':8} {'n':>4}  {'caught':>6} {'new':>6}"
    f" {'any':>6}  {'clean flagged':>13} {'clean any':>9}  {'unreach':>7} {'of rest':>7}"
)


def _share(count: int, n: int) -> str:
    return f"{count / n:6.1%}" if n else f"{'-':>6}"


def _mark(category: Category) -> str:
    return (
        category.name + ("*" if category.clean_variant else "") + ("†" if category.sealed else "")
    )


def row(r: Result) -> str:
    category = BY_NAME[r.category]
    return (
        f"{_mark(category):19} {r.direction:9} {r.engine:8} {r.n:4d}  {_share(r.caught, r.n)}"
        f" {_share(r.new, r.n)} {_share(r.any_flag, r.n)}  {_share(r.clean_flagged, r.n):>13}"
        f" {_share(r.clean_any, r.n):>9}  {_reach(r)}"
    ).rstrip()


def _reach(r: Result) -> str:
    """The unreachable share and 'caught' among the other variants (reach.py)."""
    if r.unreachable is None:
        return ""
    rest = r.n - r.unreachable
    return f"{_share(r.unreachable, r.n):>7} {_share(r.caught_reachable, rest):>7}"


def legend(categories: list[Category]) -> list[str]:
    lines = ["flag kinds that count as caught:"]
    for c in categories:
        origins = "" if len(c.origins) > 1 else f"  (only {', '.join(c.origins)} output)"
        lines.append(f"  {_mark(c):19} #{c.issue}  {', '.join(sorted(c.kinds))}{origins}")
    return lines


def render(results: list[Result], categories: list[Category], title: str) -> str:
    out = [title, "", *legend(categories), "", _HEADER, "-" * len(_HEADER)]
    for c in categories:
        rows = [r for r in results if r.category == c.name]
        out += [row(r) for r in rows]
        if rows:
            out.append("")
    out += [
        "caught: variant line has a flag of a kind that counts; new: and the same line",
        "unmodified has none; any: a flag of any kind; clean flagged / clean any: the same",
        "lines unmodified. n: lines where the category applies.",
        "* clean variant (a correct rendering): 'caught' is a false-alarm rate, lower is better.",
        "† sealed: never used for tuning; not run on the tuning half.",
        "direction /mt: Apertium's translation of the source (machine output), else people's.",
        "unreach: variants whose swapped word (or its replacement) has no counterpart in the",
        "source's quotes that xlate's dictionaries know (dictionary gaps included: an upper",
        "bound); of rest: caught among the others. 'caught' over all stays the figure of record.",
    ]
    return "\n".join(out)


def examples(results: list[Result], count: int) -> str:
    out = []
    for r in results:
        for e in r.missed[:count]:
            out.append(
                f"missed{' (unreachable)' if e.get('unreachable') else ''} "
                f"{r.category} {r.direction} {r.engine} line {e['line']}: "
                f"{e['old']!r} -> {e['new']!r} | {e['variant']}"
            )
    return "\n".join(out)


def write_json(path: Path, results: list[Result], settings: dict[str, object]) -> None:
    legend_data = {c.name: {"issue": c.issue, "kinds": sorted(c.kinds), "origins": c.origins,
                            "clean_variant": c.clean_variant, "sealed": c.sealed}
                   for c in BY_NAME.values()}  # fmt: skip
    data = {
        "settings": settings,
        "categories": legend_data,
        "results": [asdict(r) for r in results],
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
