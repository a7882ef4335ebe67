"""Views of a round-trip report: terminal (rich or plain), HTML and Markdown.

Views render from the report only; they never recompute scores. The word diff of an
original and its back-translation is display, not measurement.
"""

from __future__ import annotations

from xlate.views.html import render_html
from xlate.views.markdown import render_markdown
from xlate.views.terminal import render_plain, render_terminal, show_report

__all__ = ["render_html", "render_markdown", "render_plain", "render_terminal", "show_report"]
