"""`xlate diff` and `xlate report`: views of a saved report."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from xlate.cli.common import (
    PagerOpt,
    check_outputs,
    handle_errors,
)

# --- reading a saved report -------------------------------------------------------------


class Layout(str, Enum):
    auto = "auto"
    columns = "columns"
    stacked = "stacked"


ReportArg = Annotated[
    str, typer.Argument(help="A JSON report written by roundtrip/check --report.")
]


@handle_errors
def diff(
    report_file: ReportArg,
    only_flagged: Annotated[
        bool, typer.Option("--only-flagged", help="Show only sentences with flags.")
    ] = False,
    lang: Annotated[
        str | None, typer.Option("--lang", "-l", help="Show only this target language.")
    ] = None,
    layout: Annotated[
        Layout,
        typer.Option("--layout", help="columns, stacked, or auto (stacked under 100 columns)."),
    ] = Layout.auto,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colours.")] = False,
    pager: PagerOpt = True,
) -> None:
    """Show a report side by side: original | translation | back-translation, drift marked.

    Piped or redirected, it prints plain text with [-deleted-]{+inserted+} markers.
    """
    from xlate.report import Report
    from xlate.views.terminal import show_report

    show_report(
        Report.load(report_file),
        only_flagged=only_flagged,
        lang=lang,
        layout=layout.value,
        no_color=no_color,
        pager=pager,
    )


@handle_errors
def report_command(
    report_file: ReportArg,
    html: Annotated[
        Path | None, typer.Option("--html", help="Write a self-contained HTML page here.")
    ] = None,
    markdown: Annotated[
        Path | None,
        typer.Option("--markdown", help="Write Markdown here (- for stdout)."),
    ] = None,
) -> None:
    """Write a saved report as HTML and/or Markdown (Markdown on stdout when neither is given)."""
    from xlate.report import Report
    from xlate.textio import atomic_write
    from xlate.views.html import render_html
    from xlate.views.markdown import render_markdown

    check_outputs(html, markdown)
    report = Report.load(report_file)
    if html is not None:
        atomic_write(html, render_html(report))
        typer.echo(f"xlate: wrote {html}", err=True)
    if (markdown is None and html is None) or str(markdown) == "-":
        sys.stdout.write(render_markdown(report))
    elif markdown is not None:
        atomic_write(markdown, render_markdown(report))
        typer.echo(f"xlate: wrote {markdown}", err=True)
