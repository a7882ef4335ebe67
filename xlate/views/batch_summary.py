"""The summary files of a batch run an editor opens: ``summary.csv`` and ``summary.md``.

They draw the rows of :mod:`xlate.batch.summary` (already sorted worst first); the run
writes them beside its ``summary.json`` when handed :data:`SUMMARY_VIEWS`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from xlate.batch.summary import COLUMNS, SummaryRow, SummaryViews


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def render_csv(rows: Sequence[SummaryRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(getattr(row, c)) for c in COLUMNS])
    return buffer.getvalue()


def _md(value: Any) -> str:
    return _cell(value).replace("|", "\\|")


def render_markdown(rows: Sequence[SummaryRow]) -> str:
    ok = [r for r in rows if r.status == "ok"]
    failed = [r for r in rows if r.status == "failed"]
    articles = len({r.path for r in rows})
    modes = sorted({r.mode for r in rows})
    checked = " (existing translations checked)" if modes == ["check"] else ""
    lines = [
        "# Batch summary",
        "",
        f"{articles} articles{checked}, {len(failed)} failed; worst first by triage score "
        "(flags weighted by severity, a changed fact most, over the square root of the "
        "sentence count).",
        "",
    ]
    if ok:
        lines += [
            "| Article | Lang | Triage | Why | chrF | BLEU | TER | Worst flag | Flagged "
            "| Quotes changed | Quotes lost | Numbers | Names | Worst sentence |",
            "|---|---|--:|---|--:|--:|--:|---|--:|--:|--:|--:|--:|---|",
        ]
        for r in ok:
            worst = f"{r.worst_sentence} ({r.worst_sentence_chrf})" if r.worst_sentence else ""
            cells = [
                r.path, r.target, r.triage, r.triage_reason, r.chrf, r.bleu, r.ter,
                r.worst_severity or "none",
                f"{r.flagged}/{r.sentences}", r.quotes_changed, r.quotes_lost,
                r.number_mismatches, r.name_mismatches, worst,
            ]  # fmt: skip
            lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
        lines.append("")
    if failed:
        lines += ["## Failed", ""]
        lines += [f"- `{r.path}`: {r.error}" for r in failed]
        lines.append("")
    return "\n".join(lines)


# In the order a run writes them (summary.json comes last).
SUMMARY_VIEWS: SummaryViews = {"summary.csv": render_csv, "summary.md": render_markdown}
