"""Everything that draws: reports, comparisons and translations, on a terminal or in files.

A round-trip or check report: the drift view (``terminal``, rich or plain), ``html``,
``markdown``, the short ``summary``, and ``outputs`` (which files and which view a command
asked for). A comparison: ``compare``. ``translate``/``segment`` output: ``documents``.

Views render from the data they are given only (:mod:`xlate.report`,
:mod:`xlate.comparison`); they import no engine or flow and never recompute scores or
flags. The word diff of an original and its back-translation is display, not measurement.
"""

from __future__ import annotations

from xlate.views.html import render_html
from xlate.views.markdown import render_markdown
from xlate.views.terminal import render_plain, render_terminal, show_report

__all__ = ["render_html", "render_markdown", "render_plain", "render_terminal", "show_report"]
