"""Where a round-trip or check report goes: the files asked for, then one view on stdout."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from xlate.report import Report
from xlate.report_stream import ReportDigest
from xlate.textio import atomic_write, atomic_writer


@dataclass(frozen=True)
class ReportOutputs:
    """The outputs asked for (``--report``, ``--html``, ``--markdown``, ``--json``, ``--view``)."""

    report_path: Path | None = None  # the JSON report
    html: Path | None = None
    markdown: Path | None = None
    as_json: bool = False  # the JSON report on stdout, instead of a view
    drift_view: bool = False  # the side-by-side drift view, instead of the summary
    pager: bool = True  # the drift view through the pager when it is taller than the terminal


def deliver_report(report: Report, outputs: ReportOutputs) -> None:
    """Write the files, then print the JSON, the drift view or the short summary."""
    # Each renderer is imported only when asked for: a plain run needs none of them.
    if outputs.report_path is not None:
        atomic_write(outputs.report_path, report.to_json())
    if outputs.html is not None:
        from xlate.views.html import render_html

        atomic_write(outputs.html, render_html(report))
    if outputs.markdown is not None:
        from xlate.views.markdown import render_markdown

        atomic_write(outputs.markdown, render_markdown(report))
    if outputs.as_json:
        sys.stdout.write(report.to_json())
    elif outputs.drift_view:
        from xlate.views.terminal import show_report

        show_report(report, pager=outputs.pager)
    else:
        from rich.console import Console

        from xlate.views.summary import render_summary

        render_summary(report, Console(highlight=False))


def deliver_streamed(
    write_json: Callable[[TextIO], None], digest: Callable[[], ReportDigest], outputs: ReportOutputs
) -> ReportDigest:
    """``deliver_report`` of a report too long to hold (``check --lines`` of a long file):
    ``write_json`` writes its JSON into a file piece by piece (the ``--report`` file, through
    a temporary file and a rename; stdout for ``--json``), and the summary is drawn from
    its ``digest``. The drift view, HTML and Markdown draw every sentence: they take the
    report whole (``deliver_report``)."""
    if outputs.html is not None or outputs.markdown is not None or outputs.drift_view:
        raise ValueError("the drift view, HTML and Markdown need the whole report")
    if outputs.report_path is not None:
        with atomic_writer(outputs.report_path) as out:
            write_json(out)
    summary = digest()
    if outputs.as_json:
        write_json(sys.stdout)
        sys.stdout.flush()
    else:
        from rich.console import Console

        from xlate.views.summary import render_digest

        render_digest(summary, Console(highlight=False))
    return summary
