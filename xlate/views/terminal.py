"""The terminal view: original | translation | back-translation, with the drift marked.

``render_terminal`` draws rich tables on a terminal and falls back to plain text with
wdiff markers (``[-old-]{+new+}``) when the console is not a terminal, so that
``xlate diff r.json | less`` and CI logs stay readable. Widths are rich cell widths, so
Cyrillic and accented (also decomposed) text line up.
"""

from __future__ import annotations

from typing import IO

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.style import Style
from rich.table import Table
from rich.text import Text

from xlate.config import Thresholds
from xlate.errors import ConfigError
from xlate.report import Report
from xlate.views.model import (
    LanguageView,
    Row,
    Segment,
    build_views,
    chrf_band,
    engine_label,
    entity_note,
    flag_counts,
    fmt_score,
    good_chrf,
    quote_counts,
    quote_heading,
    quote_status,
    quoted,
    repaired_lines,
    report_title,
    thresholds_of,
)
from xlate.views.pager import page
from xlate.views.worddiff import DELETE_CLOSE, DELETE_OPEN, INSERT_CLOSE, INSERT_OPEN

LAYOUTS = ("auto", "columns", "stacked")
# Under this many columns three text columns get too narrow to read: stack them.
COLUMNS_MIN_WIDTH = 100

MARK_STYLES: dict[str, Style] = {
    "del": Style(color="red", strike=True),
    "ins": Style(color="green", bold=True),
    "rep": Style(color="yellow", bold=True),
    "entity": Style(bold=True, underline=True),
    "quote-kept": Style(bgcolor="#1c3f26"),
    "quote-changed": Style(bgcolor="#4d3c00"),
    "quote-lost": Style(bgcolor="#5e1c1c"),
}
# Marks are applied in this order; later ones win where they clash.
MARK_ORDER = ("quote-kept", "quote-changed", "quote-lost", "del", "ins", "rep", "entity")
BAND_STYLES = {
    "good": "bold green",
    "fair": "bold yellow",
    "poor": "bold dark_orange",
    "bad": "bold red",
    "none": "dim",
}
SEVERITY_STYLES = {"high": "bold red", "medium": "bold yellow", "low": "cyan"}
STATUS_STYLES = {
    "kept": "green",
    "unverified": "cyan",
    "changed": "bold yellow",
    "lost": "bold red",
}


def resolve_layout(layout: str, width: int) -> str:
    if layout not in LAYOUTS:
        raise ConfigError(f"unknown layout {layout!r}; use one of: {', '.join(LAYOUTS)}")
    if layout == "auto":
        return "columns" if width >= COLUMNS_MIN_WIDTH else "stacked"
    return layout


def render_terminal(
    report: Report,
    console: Console,
    *,
    only_flagged: bool = False,
    lang: str | None = None,
    layout: str = "auto",
) -> None:
    """Print the report's drift view on ``console``.

    A console that is not a terminal gets the plain form (see ``render_plain``); a
    terminal without colour gets the rich layout with the plain diff markers added.
    """
    chosen = resolve_layout(layout, console.width)
    if not console.is_terminal:
        console.out(
            render_plain(report, only_flagged=only_flagged, lang=lang), highlight=False, end=""
        )
        return
    markers = console.no_color or console.color_system is None
    thresholds = thresholds_of(report)
    console.print(Text(report_title(report), style="dim"))
    for view in build_views(report, only_flagged=only_flagged, lang=lang):
        console.print()
        console.print(_header(view, thresholds))
        if not view.rows:
            console.print(Text("no flagged sentences", style="green"))
        elif chosen == "columns":
            console.print(_columns(view, thresholds, markers))
        else:
            console.print(_stacked(view, thresholds, markers))
        if view.report.unaligned_translation:
            console.print(_unaligned(view))
        if view.report.repaired():
            console.print(_repaired(view))
        console.print(_flags(view))


def show_report(
    report: Report,
    *,
    only_flagged: bool = False,
    lang: str | None = None,
    layout: str = "auto",
    no_color: bool = False,
    pager: bool = True,
    file: IO[str] | None = None,
) -> None:
    """Print the view on stdout (or ``file``), through the pager when it is a terminal
    and the view is taller than the screen. ``NO_COLOR`` in the environment is honoured."""
    console = Console(file=file, no_color=True if no_color else None, highlight=False)

    def draw() -> None:
        render_terminal(report, console, only_flagged=only_flagged, lang=lang, layout=layout)

    if not (pager and console.is_terminal):
        draw()
        return
    with console.capture() as captured:
        draw()
    text = captured.get()
    if text.count("\n") > console.height:
        page(text)
    else:
        console.file.write(text)
        console.file.flush()


# --- rich pieces ------------------------------------------------------------------------


def _styled(segments: list[Segment] | None, side: str, markers: bool) -> Text:
    """Segments as rich Text; ``side`` (source/back) says which diff marks show there."""
    if segments is None:
        return Text("—", style="dim")
    text = Text()
    diff_marks = {"source": ("del", "rep"), "back": ("ins", "rep")}.get(side, ())
    opened = closing = ""
    for seg in segments:
        style = Style.combine([Style(), *(MARK_STYLES[m] for m in MARK_ORDER if m in seg.marks)])
        diff = next((m for m in diff_marks if m in seg.marks), "")
        if markers and diff != opened:
            text.append(closing)
            opened, closing = diff, ""
            if diff:
                text.append(DELETE_OPEN if side == "source" else INSERT_OPEN)
                closing = DELETE_CLOSE if side == "source" else INSERT_CLOSE
        text.append(seg.text, style=style)
    text.append(closing)
    return text


def _chrf(value: float | None, thresholds: Thresholds) -> Text:
    return Text(fmt_score(value), style=BAND_STYLES[chrf_band(value, thresholds)])


def _notes(row: Row) -> list[tuple[str, Text]]:
    """(label, text) for each quote and each number/name that did not survive."""
    notes: list[tuple[str, Text]] = []
    for quote in row.quotes:
        status = quote_status(quote)
        line = Text.assemble(
            (quote_heading(quote), STATUS_STYLES[status]),
            (" " + quoted(quote), MARK_STYLES[f"quote-{status}"]),
        )
        if quote.missing_words:
            line.append("  missing: ", style="dim")
            line.append(", ".join(quote.missing_words), style="bold")
        notes.append(("quote", line))
    for entity in row.entities:
        # The note starts with its kind ("number 14 changed → 41"): no label needed.
        notes.append(("", Text(entity_note(entity), style="bold magenta")))
    return notes


def _id_cell(row: Row) -> Text:
    cell = Text(row.record.id, style="bold")
    if row.severity:
        cell.append("\n" + row.severity, style=SEVERITY_STYLES.get(row.severity, ""))
    return cell


def _columns(view: LanguageView, thresholds: Thresholds, markers: bool) -> Table:
    src, tgt = view.source_lang, view.report.target
    table = Table(box=box.SIMPLE_HEAD, show_lines=True, expand=True, pad_edge=False)
    table.add_column("id", no_wrap=True)
    table.add_column("chrF", justify="right", no_wrap=True)
    table.add_column(f"original ({src})", ratio=1)
    table.add_column(f"translation ({tgt})", ratio=1)
    table.add_column(f"back-translation ({src})", ratio=1)
    for row in view.rows:
        original = _styled(row.source, "source", markers)
        for label, note in _notes(row):
            original.append("\n")
            if label:
                original.append(f"{label}: ", style="dim")
            original.append_text(note)
        table.add_row(
            _id_cell(row),
            _chrf(row.record.scores.chrf, thresholds),
            original,
            _styled(row.translation, "translation", markers),
            _styled(row.back_translation, "back", markers),
        )
    return table


def _stacked(view: LanguageView, thresholds: Thresholds, markers: bool) -> Group:
    parts: list[RenderableType] = []
    for row in view.rows:
        head = Text.assemble((row.record.id, "bold"), "  chrF ")
        head.append_text(_chrf(row.record.scores.chrf, thresholds))
        if row.severity:
            head.append("  " + row.severity, style=SEVERITY_STYLES.get(row.severity, ""))
            head.append(": " + ", ".join(row.kinds), style="dim")
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row("original", _styled(row.source, "source", markers))
        grid.add_row("translation", _styled(row.translation, "translation", markers))
        grid.add_row("back", _styled(row.back_translation, "back", markers))
        for label, note in _notes(row):
            grid.add_row(label, note)
        parts += [head, Padding(grid, (0, 0, 1, 2))]
    return Group(*parts)


def _header(view: LanguageView, thresholds: Thresholds) -> Group:
    lang = view.report
    scores = lang.scores
    engines = Text.assemble(
        ("engine ", "dim"),
        engine_label(lang.engine, "given translation"),
        ("   back ", "dim"),
        engine_label(lang.back_engine, "none"),
    )
    document = Text.assemble(("document ", "dim"), "chrF ")
    document.append_text(_chrf(scores.chrf, thresholds))
    document.append(f"  BLEU {fmt_score(scores.bleu)}  TER {fmt_score(scores.ter)}")
    document.append(f"   flags {flag_counts(view)}   quotes {quote_counts(view)}", style="")
    signatures = Text(
        "\n".join(f"{name}: {sig}" for name, sig in lang.scores.signatures.items()),
        style="dim italic",
    )
    legend = Text.assemble(
        ("diff ", "dim"),
        ("deleted", MARK_STYLES["del"]),
        " ",
        ("inserted", MARK_STYLES["ins"]),
        " ",
        ("replaced", MARK_STYLES["rep"]),
        ("   quote ", "dim"),
        ("kept", MARK_STYLES["quote-kept"]),
        " ",
        ("changed", MARK_STYLES["quote-changed"]),
        " ",
        ("lost", MARK_STYLES["quote-lost"]),
        ("   chrF ", "dim"),
        (f"≥{good_chrf(thresholds):g}", BAND_STYLES["good"]),
        " ",
        (f"≥{thresholds.sentence_chrf_medium:g}", BAND_STYLES["fair"]),
        " ",
        (f"≥{thresholds.sentence_chrf_high:g}", BAND_STYLES["poor"]),
        " ",
        (f"<{thresholds.sentence_chrf_high:g}", BAND_STYLES["bad"]),
    )
    items: list[RenderableType] = [Rule(Text(f" {view.pair} ", style="bold"), align="left")]
    items += [engines, document]
    if lang.scores.signatures:
        items.append(signatures)
    items.append(legend)
    return Group(*items)


def _unaligned(view: LanguageView) -> Group:
    lines = [Text("translation sentences aligned to no original sentence:", style="bold")]
    lines += [Text(f"  {t}") for t in view.report.unaligned_translation]
    return Group(*lines)


def _repaired(view: LanguageView) -> Table:
    """--repair's swaps: the translation before and after, side by side, and why."""
    table = Table(
        title=f"repaired ({view.pair})",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        expand=True,
        pad_edge=False,
    )
    table.add_column("sentence", no_wrap=True)
    table.add_column("before", ratio=1)
    table.add_column("after", ratio=1)
    table.add_column("why", ratio=1, style="dim")
    for sentence_id, before, after, why in repaired_lines(view.report):
        table.add_row(sentence_id, Text(before, style="red"), Text(after, style="green"), why)
    return table


def _flags(view: LanguageView) -> RenderableType:
    if not view.flags:
        return Text(f"no flags ({view.pair})", style="green")
    table = Table(
        title=f"flags ({view.pair})",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        expand=True,
        pad_edge=False,
    )
    table.add_column("severity", no_wrap=True)
    table.add_column("sentence", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("reason", ratio=1)
    for entry in view.flags:
        table.add_row(
            Text(entry.severity, style=SEVERITY_STYLES.get(entry.severity, "")),
            entry.sentence_id,
            entry.kind,
            entry.reason,
        )
    return table


# --- plain text ---------------------------------------------------------------------------


def render_plain(report: Report, *, only_flagged: bool = False, lang: str | None = None) -> str:
    """The view as plain text with wdiff markers: for pipes, pagers and CI logs."""
    out = [report_title(report)]
    for view in build_views(report, only_flagged=only_flagged, lang=lang):
        out += ["", *_plain_language(view)]
    return "\n".join(out) + "\n"


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_len(text))


def _plain_language(view: LanguageView) -> list[str]:
    lang = view.report
    scores = lang.scores
    out = [
        f"== {view.pair} ==",
        f"engine: {engine_label(lang.engine, 'given translation')}"
        f" · back: {engine_label(lang.back_engine, 'none')}",
        f"document: chrF {fmt_score(scores.chrf)} · BLEU {fmt_score(scores.bleu)}"
        f" · TER {fmt_score(scores.ter)} · flags {flag_counts(view)}"
        f" · quotes {quote_counts(view)}",
    ]
    out += [f"  {name}: {sig}" for name, sig in scores.signatures.items()]
    out.append(f"diff: {DELETE_OPEN}deleted{DELETE_CLOSE} {INSERT_OPEN}inserted{INSERT_CLOSE}")
    if not view.rows:
        out += ["", "no flagged sentences"]
    for row in view.rows:
        record = row.record
        head = f"{record.id}  chrF {fmt_score(record.scores.chrf)}"
        if row.severity:
            head += f"  [{row.severity}: {', '.join(row.kinds)}]"
        out += ["", head]
        out.append(f"  original:    {record.source}")
        for label, text in (
            ("translation:", record.translation),
            ("back:       ", record.back_translation),
        ):
            out.append(f"  {label} {text if text is not None else '—'}")
        if row.diff is not None and row.diff != " ".join(record.source.split()):
            out.append(f"  diff:        {row.diff}")
        for quote in row.quotes:
            path = " → ".join(
                [quoted(quote), quote.translation or "(not found)"]
                + ([quote.back_translation] if quote.back_translation else [])
            )
            line = f"  quote {quote_heading(quote)}: {path}"
            if quote.missing_words:
                line += f"; missing: {', '.join(quote.missing_words)}"
            out.append(line)
        out += [f"  ! {entity_note(e)}" for e in row.entities]
    repaired = repaired_lines(lang)
    if repaired:
        out += ["", f"repaired ({view.pair}):"]
        for sentence_id, before, after, why in repaired:
            out += [f"  {sentence_id}  before: {before}", f"  {sentence_id}  after:  {after}"]
            out.append(f"  {sentence_id}  why:    {why}")
    if lang.unaligned_translation:
        out += ["", "translation sentences aligned to no original sentence:"]
        out += [f"  {t}" for t in lang.unaligned_translation]
    out.append("")
    if not view.flags:
        out.append(f"no flags ({view.pair})")
        return out
    out.append(f"flags ({view.pair}):")
    id_width = max(cell_len(e.sentence_id) for e in view.flags)
    kind_width = max(cell_len(e.kind) for e in view.flags)
    for entry in view.flags:
        out.append(
            f"  {_pad(entry.severity, 6)}  {_pad(entry.sentence_id, id_width)}"
            f"  {_pad(entry.kind, kind_width)}  {entry.reason}"
        )
    return out
