"""The short summary `roundtrip` and `check` print by default: scores, quotes, flags."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from xlate.languages import NAMES
from xlate.report import SEVERITIES, Flag, LanguageReport, QuoteRecord, Report, severity_rank
from xlate.report_stream import ReportDigest
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


def render_digest(digest: ReportDigest, console: Console) -> None:
    """The summary of a streamed report (``check --lines`` of a long file): as
    ``render_summary``'s, with the first quotes and the worst flags the digest kept and
    how many more the report has."""
    report = digest.report
    for lang in report.languages:
        _heading(report, lang, digest.counts, report.source.lang, console)
        _quotes(digest.quotes, console)
        _more(digest.quotes_total - len(digest.quotes), "quote", console)
        _flag_grid(digest.flags, console)
        _more(digest.flags_total - len(digest.flags), "flag", console)


def _language(report: Report, lang: LanguageReport, src: str, console: Console) -> None:
    _heading(report, lang, lang.flag_counts(), src, console)
    _quotes(lang.quotes, console)
    _repaired(lang, console)
    _flags(lang, console)
    if lang.unaligned_translation:
        console.print(
            f"{len(lang.unaligned_translation)} sentence(s) of the translation match no "
            "source sentence:",
            style="yellow",
        )
        for item in lang.unaligned_translation:
            console.print(Text(f"  {item}"), highlight=False)


def _heading(
    report: Report, lang: LanguageReport, counts: dict[str, int], src: str, console: Console
) -> None:
    title = f"{NAMES.get(src, src)} → {NAMES.get(lang.target, lang.target)}"
    engine = lang.engine or lang.back_engine
    who = f"{engine.engine}:{engine.model}" if engine else "no engine"
    if report.mode == "check":
        who = f"given translation; back: {who if lang.back_engine else 'none'}"
    console.rule(Text(f"{title}  ({who})", style="bold"))
    scores = lang.scores
    console.print(
        f"round trip  chrF {_fmt(scores.chrf)}  BLEU {_fmt(scores.bleu)}  "
        f"TER {_fmt(scores.ter)}   flags: "
        + ", ".join(f"{counts[severity]} {severity}" for severity in SEVERITIES),
        highlight=False,
    )


def _quotes(quotes: list[QuoteRecord], console: Console) -> None:
    if not quotes:
        return
    table = Table(show_header=True, header_style="bold", expand=False, box=None)
    table.add_column("quote")
    table.add_column("status")
    table.add_column("chrF", justify="right")
    table.add_column("back-translation")
    table.add_column("missing")
    for quote in quotes:
        # Report text goes in as Text, never as markup: a quote's "[sic]" is no style tag.
        table.add_row(
            Text(f"{quote.id} “{quote.text}”"),
            Text(quote.status, style=STATUS_STYLE.get(quote.status, "")),
            _fmt(quote.chrf),
            Text(quote.back_translation or "–"),
            Text(", ".join(quote.missing_words)),
        )
    console.print(table)


def _more(count: int, what: str, console: Console) -> None:
    if count > 0:
        console.print(f"… and {count:,} more {what}s: the report has them all", style="dim")


def _repaired(lang: LanguageReport, console: Console) -> None:
    """The sentences --repair changed: before, after and why."""
    lines = repaired_lines(lang)
    if not lines:
        return
    console.print(Text(f"repaired {len(lines)} sentence(s):", style="green"))
    for sentence_id, before, after, why in lines:
        pad = " " * len(sentence_id)
        console.print(Text(f"  {sentence_id}  before: {before}"), highlight=False)
        console.print(Text(f"  {pad}  after:  {after}"), highlight=False)
        console.print(Text(f"  {pad}  why:    {why}", style="dim"), highlight=False)


def _flags(lang: LanguageReport, console: Console) -> None:
    """The flags worst first, in sentence order within a severity."""
    flagged = [(s.id, f) for s in lang.sentences for f in s.flags]
    flagged.sort(key=lambda item: severity_rank(item[1].severity))  # stable: sentence order
    _flag_grid(flagged, console)


def _flag_grid(flagged: list[tuple[str, Flag]], console: Console) -> None:
    """(sentence id, flag) rows as given; a long reason wraps under itself, so the first
    three columns stay readable."""
    if not flagged:
        return
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
            Text(flag.reason),
        )
    console.print(grid, highlight=False)
