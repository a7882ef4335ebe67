"""The typer application: every command and command group, in the order `--help` lists them."""

from __future__ import annotations

from typing import Annotated

import typer

from xlate.cli import analyse, batch, cache, models, reports, translate
from xlate.cli.common import handle_errors
from xlate.cli.helptext import ReadableCommand, ReadableGroup

app = typer.Typer(
    name="xlate",
    help="Translate news articles across English, Spanish and Russian, back-translate "
    "them, and show where meaning drifted, above all inside quotes.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    cls=ReadableGroup,
)

app.command(cls=ReadableCommand)(translate.translate)
app.command(cls=ReadableCommand)(translate.segment)
app.command(cls=ReadableCommand)(analyse.roundtrip)
app.command(cls=ReadableCommand)(analyse.check)
app.command(cls=ReadableCommand)(analyse.compare)
app.command(cls=ReadableCommand)(batch.batch)
app.add_typer(cache.cache_app, name="cache")
app.add_typer(models.models_app, name="models")
app.command(cls=ReadableCommand)(reports.diff)
app.command("report", cls=ReadableCommand)(reports.report_command)


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False,
) -> None:
    if version:
        from xlate._version import __version__

        typer.echo(f"xlate {__version__}")
        raise typer.Exit(0)


def main() -> None:
    app()


__all__ = ["app", "handle_errors", "main"]
