"""`xlate cache stats|clear`."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from xlate.cli.common import (
    CacheOpt,
    handle_errors,
)
from xlate.cli.helptext import ReadableCommand, ReadableGroup

# --- translation cache ----------------------------------------------------------------

cache_app = typer.Typer(
    help="Inspect or empty the translation cache.", no_args_is_help=True, cls=ReadableGroup
)


@cache_app.command("stats", cls=ReadableCommand)
@handle_errors
def cache_stats(
    cache: CacheOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Entries, size on disk, and entries per engine and model."""
    from xlate.cache import CacheStore

    with CacheStore(cache) as store:
        stats = store.stats()
    if as_json:
        typer.echo(json.dumps(stats.to_dict(), ensure_ascii=False, indent=2))
        return
    typer.echo(f"{stats.path}: {stats.entries} entries, {stats.size_bytes / 1e6:.1f} MB")
    for engine_name, model_id, count in stats.by_model:
        typer.echo(f"  {count:>8}  {engine_name}  {model_id}")


@cache_app.command("clear", cls=ReadableCommand)
@handle_errors
def cache_clear(cache: CacheOpt = None) -> None:
    """Delete every cached translation."""
    from xlate.cache import CacheStore

    with CacheStore(cache) as store:
        removed = store.clear()
    typer.echo(f"removed {removed} entries from {store.path}")
