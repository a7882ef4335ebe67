"""The command line: parse options, call the library, print. Nothing else lives here.

Exit codes: 0 success; 1 an error (one line on stderr); 2 bad usage; 3 ``--fail-on``
found flags at or above the given severity; 130 interrupted.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from .errors import XlateError

app = typer.Typer(
    name="xlate",
    help="Translate news articles across English, Spanish and Russian, back-translate "
    "them, and show where meaning drifted, above all inside quotes.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

F = TypeVar("F", bound=Callable[..., Any])

EXIT_ERROR = 1
EXIT_FLAGGED = 3


def fail(message: str, code: int = EXIT_ERROR) -> None:
    """Print one line on stderr and exit."""
    typer.echo(f"xlate: error: {message}", err=True)
    raise typer.Exit(code)


def handle_errors(func: F) -> F:
    """Turn XlateError (and Ctrl-C) into one stderr line and an exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except XlateError as err:
            fail(str(err), err.exit_code)
        except KeyboardInterrupt:
            typer.echo("xlate: interrupted", err=True)
            raise typer.Exit(130) from None
        except BrokenPipeError:  # `xlate ... | head`
            sys.stderr.close()
            raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]


# --- shared options --------------------------------------------------------------------


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


class Device(str, Enum):
    auto = "auto"
    cpu = "cpu"
    cuda = "cuda"


InputArg = Annotated[str, typer.Argument(help="Input file, or - for standard input.")]
FromOpt = Annotated[
    str | None,
    typer.Option("--from", "-f", help="Source language (en, es, ru); detected when omitted."),
]
EngineOpt = Annotated[
    str, typer.Option("--engine", "-e", help="Translation engine: hf, apertium, ct2, fake.")
]
ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help="Model id or local directory (default: Helsinki-NLP/opus-mt-SRC-TGT).",
    ),
]
DeviceOpt = Annotated[Device, typer.Option("--device", help="Where to run the model.")]
BeamsOpt = Annotated[int, typer.Option("--beams", min=1, help="Beam size.")]
BatchOpt = Annotated[
    int | None,
    typer.Option("--batch-size", min=1, help="Sentences per batch (default: by token budget)."),
]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
]


def engine_options(model: str | None, device: Device, beams: int, batch_size: int | None) -> Any:
    from .engines import EngineOptions

    return EngineOptions(model=model, device=device.value, beams=beams, batch_size=batch_size)


def emit(text: str, output: Path | None) -> None:
    """Write to ``output`` atomically, or to stdout."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        from .textio import atomic_write

        atomic_write(output, text)


# --- commands --------------------------------------------------------------------------


@app.command()
@handle_errors
def translate(
    input: InputArg = "-",
    src: FromOpt = None,
    tgt: Annotated[str, typer.Option("--to", "-t", help="Target language (en, es, ru).")] = "es",
    lines: Annotated[
        bool, typer.Option("--lines", help="One sentence per line in and out; no segmentation.")
    ] = False,
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.text,
    output: OutputOpt = None,
    engine: EngineOpt = "hf",
    model: ModelOpt = None,
    device: DeviceOpt = Device.auto,
    beams: BeamsOpt = 4,
    batch_size: BatchOpt = None,
) -> None:
    """Translate an article (or one sentence per line with --lines)."""
    from .api import translate_doc
    from .languages import check_language
    from .textio import read_text

    text = read_text(input)
    tgt = check_language(tgt)
    result = translate_doc(
        text,
        tgt,
        src,
        engine_name=engine,
        options=engine_options(model, device, beams, batch_size),
        lines=lines,
    )
    if fmt is Format.text:
        emit(result.text, output)
        return
    records = [
        {
            "id": s.id,
            "paragraph": s.paragraph,
            "sentence": s.sentence,
            **({"line": s.line} if s.line is not None else {}),
            "source": s.text,
            "translation": result.translations[s.id].text,
        }
        for s in result.source.sentences
    ]
    if fmt is Format.jsonl:
        emit("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), output)
        return
    info = result.engine
    document = {
        "source_lang": result.source.lang,
        "target_lang": result.tgt,
        "engine": {"engine": info.engine, "model": info.model, "settings": info.settings},
        "sentences": records,
        "text": result.text,
    }
    emit(json.dumps(document, ensure_ascii=False, indent=2) + "\n", output)


@app.command()
@handle_errors
def segment(
    input: InputArg = "-",
    lang: Annotated[
        str | None,
        typer.Option("--lang", "-l", help="Language (en, es, ru); detected when omitted."),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", help="text or jsonl.")] = Format.text,
    output: OutputOpt = None,
) -> None:
    """Show how an article is split into paragraphs and sentences."""
    from .api import segment as segment_doc
    from .textio import read_text

    doc = segment_doc(read_text(input), lang)
    if fmt is Format.text:
        blocks = ["\n".join(s.text for s in p.sentences) for p in doc.paragraphs]
        emit("\n\n".join(blocks) + "\n", output)
        return
    records = [
        {"paragraph": s.paragraph, "sentence": s.sentence, "id": s.id, "text": s.text}
        for s in doc.sentences
    ]
    if fmt is Format.json:
        emit(
            json.dumps({"lang": doc.lang, "sentences": records}, ensure_ascii=False, indent=2)
            + "\n",
            output,
        )
        return
    emit("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), output)


# --- translation cache ----------------------------------------------------------------

cache_app = typer.Typer(help="Inspect or empty the translation cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")

CacheOpt = Annotated[
    Path | None,
    typer.Option("--cache", help="Cache file (default: translations.sqlite3 in the user cache)."),
]


@cache_app.command("stats")
@handle_errors
def cache_stats(
    cache: CacheOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Entries, size on disk, and entries per engine and model."""
    from .cache import CacheStore

    with CacheStore(cache) as store:
        stats = store.stats()
    if as_json:
        typer.echo(json.dumps(stats.to_dict(), ensure_ascii=False, indent=2))
        return
    typer.echo(f"{stats.path}: {stats.entries} entries, {stats.size_bytes / 1e6:.1f} MB")
    for engine_name, model_id, count in stats.by_model:
        typer.echo(f"  {count:>8}  {engine_name}  {model_id}")


@cache_app.command("clear")
@handle_errors
def cache_clear(cache: CacheOpt = None) -> None:
    """Delete every cached translation."""
    from .cache import CacheStore

    with CacheStore(cache) as store:
        removed = store.clear()
    typer.echo(f"removed {removed} entries from {store.path}")


# --- reading a saved report -------------------------------------------------------------


class Layout(str, Enum):
    auto = "auto"
    columns = "columns"
    stacked = "stacked"


ReportArg = Annotated[
    str, typer.Argument(help="A JSON report written by roundtrip/check --report.")
]


@app.command()
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
    pager: Annotated[
        bool, typer.Option("--pager/--no-pager", help="Page long output on a terminal.")
    ] = True,
) -> None:
    """Show a report side by side: original | translation | back-translation, drift marked.

    Piped or redirected, it prints plain text with [-deleted-]{+inserted+} markers.
    """
    from .report import Report
    from .views.terminal import show_report

    show_report(
        Report.load(report_file),
        only_flagged=only_flagged,
        lang=lang,
        layout=layout.value,
        no_color=no_color,
        pager=pager,
    )


@app.command("report")
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
    from .report import Report
    from .textio import atomic_write
    from .views.html import render_html
    from .views.markdown import render_markdown

    report = Report.load(report_file)
    if html is not None:
        atomic_write(html, render_html(report))
        typer.echo(f"xlate: wrote {html}", err=True)
    if (markdown is None and html is None) or str(markdown) == "-":
        sys.stdout.write(render_markdown(report))
    elif markdown is not None:
        atomic_write(markdown, render_markdown(report))
        typer.echo(f"xlate: wrote {markdown}", err=True)


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False,
) -> None:
    if version:
        from . import __version__

        typer.echo(f"xlate {__version__}")
        raise typer.Exit(0)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
