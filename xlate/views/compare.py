"""Views of a comparison (``xlate compare``): the terminal tables and a Markdown document.

Both read :class:`xlate.comparison.Comparison` only: scores, flag counts, tests and the
differences to the baseline come from it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from xlate.comparison import (
    REFERENCE_METRICS,
    Comparison,
    MetricDifference,
    MetricScore,
    SystemSentence,
)
from xlate.report import SEVERITIES

METRIC_NAMES = {"bleu": "BLEU", "chrf": "chrF", "ter": "TER"}
ROUND_TRIP_NOTE = "rt = round trip (back-translation against the source)"


def deliver_comparison(comparison: Comparison, *, markdown: Path | None, as_json: bool) -> None:
    """Write the Markdown file when asked, then print JSON or the tables on stdout."""
    from xlate.textio import atomic_write

    if markdown is not None:
        atomic_write(markdown, render_markdown(comparison))
    if as_json:
        sys.stdout.write(comparison.to_json())
    else:
        render_terminal(comparison, Console(highlight=False))


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _ref_cell(score: MetricScore | None, baseline: bool) -> str:
    if score is None:
        return "-"
    text = f"{score.score:.1f}"
    if score.ci is not None:
        text += f" ±{score.ci:.1f}"
    if not baseline and score.p_value is not None:
        text += f" (p={score.p_value:.3f}{'*' if score.significant else ''})"
    return text


def _difference(item: MetricDifference) -> str:
    if not item.significant:
        verdict = "not significant"
    else:
        verdict = "significantly better" if item.better else "significantly worse"
    return f"{METRIC_NAMES[item.metric]} {item.difference:+.1f} (p={item.p_value:.3f}, {verdict})"


def significance_lines(comparison: Comparison) -> list[str]:
    """One line per system: its difference to the baseline and its p, per metric."""
    return [
        f"{system.label} vs {comparison.baseline}: "
        + "; ".join(_difference(m) for m in system.metrics)
        for system in comparison.baseline_differences()
    ]


def summary_rows(comparison: Comparison) -> tuple[list[str], list[list[str]]]:
    """The per-system summary as header and text rows (terminal and Markdown)."""
    flags = "flags (" + "/".join(s[0] for s in SEVERITIES) + ")"  # flags (h/m/l)
    header = ["system", "model", "rt chrF", "rt BLEU", "rt TER", flags]
    with_ref = comparison.reference is not None
    if with_ref:
        header += [f"ref {METRIC_NAMES[k]}" for k in REFERENCE_METRICS]
    rows = []
    for i, system in enumerate(comparison.systems):
        row = [
            system.label + (" (baseline)" if i == 0 and len(comparison.systems) > 1 else ""),
            system.model,
            _fmt(system.roundtrip["chrf"]),
            _fmt(system.roundtrip["bleu"]),
            _fmt(system.roundtrip["ter"]),
            "/".join(str(system.flags.get(s, 0)) for s in SEVERITIES),
        ]
        if with_ref:
            ref = system.reference or {}
            row += [_ref_cell(ref.get(k), i == 0) for k in REFERENCE_METRICS]
        rows.append(row)
    return header, rows


def _sentence_cell(cell: SystemSentence) -> str:
    scores = f"rt chrF {_fmt(cell.roundtrip_chrf)}"
    if cell.reference_chrf is not None:
        scores += f" · ref chrF {_fmt(cell.reference_chrf)}"
    if cell.flags:
        scores += " · " + ", ".join(cell.flags)
    return f"{cell.translation or '—'}\n{scores}"


# --- terminal ---------------------------------------------------------------------------


def render_terminal(comparison: Comparison, console: Console) -> None:
    """Side-by-side sentences, then the summary, significance and signatures (rich)."""
    console.print(_side_by_side(comparison))
    header, rows = summary_rows(comparison)
    summary = Table(title="Systems", title_justify="left")
    for name in header:
        summary.add_column(name, overflow="fold")
    for values in rows:
        summary.add_row(*(escape(v) for v in values))
    console.print(summary)
    console.print(ROUND_TRIP_NOTE)
    reference = comparison.reference
    if reference is not None:
        console.print(
            f"reference: {reference.segments} aligned segments; "
            f"{len(reference.source_unmatched)} source sentences without a counterpart"
        )
        console.print(escape(reference.test))
        for line in significance_lines(comparison):
            console.print(escape(line))
        for name, signature in reference.signatures.items():
            console.print(f"[dim]{name}: {escape(signature)}[/]")


def _side_by_side(comparison: Comparison) -> Table:
    labels = [s.label for s in comparison.systems]
    side = Table(
        title=f"{comparison.source_lang} → {comparison.target}: "
        f"{len(comparison.sentences)} sentences",
        title_justify="left",
        show_lines=True,
    )
    side.add_column("id", no_wrap=True)
    side.add_column("source" + (" / reference" if comparison.reference else ""))
    for label in labels:
        side.add_column(escape(label), overflow="fold")
    for row in comparison.sentences:
        source = escape(row.source)
        if row.reference is not None:
            source += f"\n[dim]{escape(row.reference)}[/]"
        side.add_row(row.id, source, *(escape(_sentence_cell(row.systems[x])) for x in labels))
    return side


# --- Markdown ---------------------------------------------------------------------------


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(_md_escape(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_md_escape(c) for c in row) + " |" for row in rows]
    return lines


def render_markdown(comparison: Comparison) -> str:
    """The comparison as a Markdown document."""
    title = f"# Comparison: {comparison.source_lang} → {comparison.target}"
    if comparison.source_path:
        title += f" ({comparison.source_path})"
    lines = [title, "", "## Systems", ""]
    header, rows = summary_rows(comparison)
    lines += _md_table(header, rows)
    lines += ["", ROUND_TRIP_NOTE + "."]
    reference = comparison.reference
    if reference is not None:
        lines += [
            "",
            f"Reference: {reference.segments} aligned segments "
            f"({len(reference.source_unmatched)} source sentences without one). "
            f"{reference.test}.",
            "",
        ]
        lines += [f"- {line}" for line in significance_lines(comparison)]
        lines += [f"- `{name}`: `{sig}`" for name, sig in reference.signatures.items()]
    lines += ["", "## Sentences", ""]
    labels = [s.label for s in comparison.systems]
    header = ["id", "source", *(["reference"] if reference else []), *labels]
    table_rows = []
    for row in comparison.sentences:
        cells = [row.id, row.source, *([row.reference or "—"] if reference else [])]
        cells += [_sentence_cell(row.systems[x]) for x in labels]
        table_rows.append(cells)
    lines += _md_table(header, table_rows)
    return "\n".join(lines) + "\n"
