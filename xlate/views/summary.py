"""The short summary `roundtrip` and `check` print by default: scores, quotes, flags."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from xlate.languages import NAMES
from xlate.report import SEVERITIES, LanguageReport, Report, severity_rank
from xlate.views.model import repaired_lines

SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}
STATUS_STYLE = {"kept": "green", "unverified": "cyan", "changed": "yellow", "lost": "bold red"}


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def render_summary(report: Report, console: Console) -> None:
    """Print one block per target language: document scores, quotes and flags."""
    src = report.source.lang
    for lang in report.languages:
        _language(report, lang, src, console)


def _language(report: Report, lang: LanguageReport, src: str, console: Console) -> None:
    title = f"{NAMES.get(src, src)} → {NAMES.get(lang.target, lang.target)}"
    engine = lang.engine or lang.back_engine
    who = f"{engine.engine}:{engine.model}" if engine else "no engine"
    if report.mode == "check":
        who = f"given translation; back: {who if lang.back_engine else 'none'}"
    counts = lang.flag_counts()
    console.rule(Text(f"{title}  ({who})", style="bold"))
    scores = lang.scores
    console.print(
        f"round trip  chrF {_fmt(scores.chrf)}  BLEU {_fmt(scores.bleu)}  "
        f"TER {_fmt(scores.ter)}   flags: "
        + ", ".join(f"{counts[severity]} {severity}" for severity in SEVERITIES),
        highlight=False,
    )
    if lang.quotes:
        table = Table(show_header=True, header_style="bold", expand=False, box=None)
        table.add_column("quote")
        table.add_column("status")
        table.add_column("chrF", justify="right")
        table.add_column("back-translation")
        table.add_column("missing")
        for quote in lang.quotes:
            table.add_row(
                f"{quote.id} “{quote.text}”",
                Text(quote.status, style=STATUS_STYLE.get(quote.status, "")),
                _fmt(quote.chrf),
                quote.back_translation or "–",
                ", ".join(quote.missing_words),
            )
        console.print(table)
    _repaired(lang, console)
    _flags(lang, console)
    if lang.unaligned_translation:
        console.print(
            f"{len(lang.unaligned_translation)} sentence(s) of the translation match no "
            "source sentence:",
            style="yellow",
        )
        for item in lang.unaligned_translation:
            console.print(f"  {item}", highlight=False)


def _repaired(lang: LanguageReport, console: Console) -> None:
    """The sentences --repair changed: before, after and why."""
    lines = repaired_lines(lang)
    if not lines:
        return
    console.print(Text(f"repaired {len(lines)} sentence(s):", style="green"))
    for sentence_id, before, after, why in lines:
        console.print(f"  {sentence_id}  before: {before}", highlight=False)
        console.print(f"  {' ' * len(sentence_id)}  after:  {after}", highlight=False)
        console.print(f"  {' ' * len(sentence_id)}  why:    {why}", style="dim", highlight=False)


def _flags(lang: LanguageReport, console: Console) -> None:
    """The flags worst first, in sentence order within a severity; a long reason wraps
    under itself, so the first three columns stay readable."""
    flagged = [(s.id, f) for s in lang.sentences for f in s.flags]
    if not flagged:
        return
    flagged.sort(key=lambda item: severity_rank(item[1].severity))  # stable: sentence order
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, min_width=6)
    grid.add_column(no_wrap=True, min_width=8)
    grid.add_column(no_wrap=True, min_width=14)
    grid.add_column(overflow="fold")
    for sentence_id, flag in flagged:
        grid.add_row(
            Text(flag.severity, style=SEVERITY_STYLE.get(flag.severity, "")),
            sentence_id,
            flag.kind,
            flag.reason,
        )
    console.print(grid, highlight=False)
