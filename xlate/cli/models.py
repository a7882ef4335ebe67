"""`xlate models list|pull|path|convert`."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from xlate.cli.common import handle_errors
from xlate.cli.helptext import ReadableCommand, ReadableGroup
from xlate.engines import DEFAULT_ENGINE

# --- models ----------------------------------------------------------------------------

models_app = typer.Typer(
    help="Prepare translation models.", no_args_is_help=True, cls=ReadableGroup
)


class Quantization(str, Enum):
    int8 = "int8"
    int8_float16 = "int8_float16"
    float16 = "float16"
    float32 = "float32"


@models_app.command("convert", cls=ReadableCommand)
@handle_errors
def models_convert(
    model: Annotated[str, typer.Argument(help="Hugging Face model id or local model directory.")],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Directory to write (default: the store --engine ct2 uses)."
        ),
    ] = None,
    quantization: Annotated[
        Quantization, typer.Option("--quantization", "-q", help="Weight type.")
    ] = Quantization.int8,
    force: Annotated[
        bool, typer.Option("--force", help="Replace a CTranslate2 model already in --output.")
    ] = False,
) -> None:
    """Convert a model to CTranslate2 for --engine ct2 (needs torch and transformers once)."""
    from xlate.engines.model_store import convert_spec
    from xlate.textio import check_output_folder

    if output is not None:
        check_output_folder(output)
    converted = convert_spec(model, output, quantization.value, force=force)
    typer.echo(f"converted {converted.source} ({converted.quantization}) to:", err=True)
    typer.echo(str(converted.path))


@models_app.command("list", cls=ReadableCommand)
@handle_errors
def models_list(
    engines: Annotated[
        str | None,
        typer.Option("--engines", help="Engines to list, comma-separated (default: all)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Each engine's model per language pair, whether it is here, and its size on disk."""
    from dataclasses import asdict

    from rich.console import Console

    from xlate.engines.catalog import list_models
    from xlate.views.models_table import models_table

    names = None if engines is None else [e.strip() for e in engines.split(",") if e.strip()]
    rows = list_models(names)
    if as_json:
        typer.echo(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2))
        return
    Console(highlight=False).print(models_table(rows))


@models_app.command("pull", cls=ReadableCommand)
@handle_errors
def models_pull(
    items: Annotated[list[str], typer.Argument(help="Language pairs (en-es) or model ids.")],
    engine: Annotated[
        str, typer.Option("--engine", "-e", help="Whose models to fetch (hf and ct2 share them).")
    ] = DEFAULT_ENGINE,
) -> None:
    """Download an engine's models for later offline use (hf, ct2: the Hugging Face cache)."""
    from xlate.engines.catalog import pull

    for pulled in pull(items, engine, announce=lambda line: typer.echo(line, err=True)):
        state = "already here" if pulled.already else "downloaded"
        typer.echo(f"{pulled.spec}\t{state}\t{pulled.path}")


@models_app.command("path", cls=ReadableCommand)
@handle_errors
def models_path(
    item: Annotated[str, typer.Argument(help="A language pair (en-es) or a model id/path.")],
    engine: Annotated[
        str, typer.Option("--engine", "-e", help="Whose model to find (models list names them).")
    ] = DEFAULT_ENGINE,
) -> None:
    """Print where a model lives locally (exit 1 with one line when it is not here)."""
    from xlate.engines.catalog import model_path

    typer.echo(str(model_path(item, engine)))
