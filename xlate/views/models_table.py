"""The table ``xlate models list`` prints: each engine's model per pair, here or not.

It draws rows as :func:`xlate.engines.catalog.list_models` returns them; views import no
engine, so the row is described by what the table reads of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from rich.table import Table

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
            row.engine, row.pair, model, here, human_size(row.size_bytes), row.location or row.note
        )
    return table
