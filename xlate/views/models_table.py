"""The table ``xlate models list`` prints: each engine's model per pair, here or not.

It draws rows as :func:`xlate.engines.catalog.list_models` returns them; views import no
engine, so the row is described by what the table reads of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Protocol

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

COLUMNS = ("engine", "pair", "model", "here", "size", "where / note")


class ModelRow(Protocol):
    """What the table reads of a ``xlate.engines.base.ModelEntry``."""

    @property
    def engine(self) -> str: ...
    @property
    def pair(self) -> str: ...
    @property
    def model(self) -> str: ...
    @property
    def origin(self) -> str: ...
    @property
    def available(self) -> bool: ...
    @property
    def location(self) -> str | None: ...
    @property
    def size_bytes(self) -> int | None: ...
    @property
    def note(self) -> str: ...


def human_size(size: int | None) -> str:
    if size is None:
        return "-"
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"  # pragma: no cover - the loop always returns


def models_table(rows: Iterable[ModelRow]) -> Table:
    """A rich Table of the rows, a model chosen in xlate.toml marked as such."""
    table = Table(title="Models per engine and pair", title_justify="left")
    for column in COLUMNS:
        table.add_column(column, no_wrap=column != "where / note", overflow="fold")
    for row in rows:
        model = row.model + (" [dim](xlate.toml)[/]" if row.origin == "config" else "")
        here = "[green]yes[/]" if row.available else "[red]no[/]"
        table.add_row(
            row.engine,
            row.pair,
            model,
            here,
            human_size(row.size_bytes),
            PathText(row.location) if row.location else row.note,
        )
    return table


class PathText:
    """A path in a narrow cell: it breaks after a ``/``, never inside a folder's name
    (rich wraps at spaces only, so it cut ``/usr/share/a|pertium``); a name wider than
    the cell alone folds."""

    # The narrowest the cell is asked to be: a long snapshot hash may fold rather than
    # squeeze the other columns.
    MIN_WIDTH = 16

    def __init__(self, path: str) -> None:
        self.path = path
        self.parts = re.findall(r"[^/]*/|[^/]+$", path) or [path]

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max(cell_len(part) for part in self.parts)
        return Measurement(min(widest, self.MIN_WIDTH), cell_len(self.path))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        width = max(options.max_width, 1)
        line = ""
        for part in self.parts:
            if line and cell_len(line) + cell_len(part) > width:
                yield Text(line, overflow="fold")
                line = ""
            line += part
        yield Text(line, overflow="fold")
