"""Everything that draws: reports, comparisons and translations, on a terminal or in files.

A round-trip or check report: the drift view (``terminal``, rich or plain), ``html``,
``markdown``, the short ``summary``, and ``outputs`` (which files and which view a command
asked for). A comparison: ``compare``. ``translate``/``segment`` output: ``documents``.

Views render from the data they are given only (:mod:`xlate.report`,
:mod:`xlate.comparison`); they import no engine or flow and never recompute scores or
flags. The word diff of an original and its back-translation is display, not measurement.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from xlate.views.html import render_html
    from xlate.views.markdown import render_markdown
    from xlate.views.terminal import render_plain, render_terminal, show_report

__all__ = ["render_html", "render_markdown", "render_plain", "render_terminal", "show_report"]

# Imported when first asked for (PEP 562): a command that prints the short summary would
# otherwise load the HTML and terminal renderers (and rich's console), ~0.1-0.3 s.
_HOMES = {
    "render_html": "xlate.views.html",
    "render_markdown": "xlate.views.markdown",
    "render_plain": "xlate.views.terminal",
    "render_terminal": "xlate.views.terminal",
    "show_report": "xlate.views.terminal",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
