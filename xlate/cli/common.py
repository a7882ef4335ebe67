"""What the commands share: one-line errors and exit codes, option types, output."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from xlate.engines import engine_help
from xlate.errors import XlateError

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


class Executor(str, Enum):
    local = "local"
    ray = "ray"  # needs the ray extra: pip install 'xlate[ray]'


InputArg = Annotated[str, typer.Argument(help="Input file, or - for standard input.")]
FromOpt = Annotated[
    str | None,
    typer.Option("--from", "-f", help="Source language (en, es, ru); detected when omitted."),
]
EngineOpt = Annotated[str, typer.Option("--engine", "-e", help=engine_help())]
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
    from xlate.engines import EngineOptions

    return EngineOptions(model=model, device=device.value, beams=beams, batch_size=batch_size)


def emit(text: str, output: Path | None) -> None:
    """Write to ``output`` atomically, or to stdout."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        from xlate.textio import atomic_write

        atomic_write(output, text)


class FailOn(str, Enum):
    high = "high"
    medium = "medium"
    low = "low"


ToOpt = Annotated[str, typer.Option("--to", "-t", help="Target language(s), e.g. es,ru.")]
ReportOpt = Annotated[
    Path | None, typer.Option("--report", help="Write the JSON report (versioned schema) here.")
]
ViewOpt = Annotated[
    bool, typer.Option("--view", help="Show the side-by-side drift view instead of the summary.")
]
HtmlOpt = Annotated[Path | None, typer.Option("--html", help="Write a self-contained HTML report.")]
MarkdownOpt = Annotated[Path | None, typer.Option("--markdown", help="Write a Markdown report.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the JSON report on stdout.")]
FailOnOpt = Annotated[
    FailOn | None,
    typer.Option("--fail-on", help="Exit 3 when flags of this severity or worse exist."),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", help="An xlate.toml with thresholds and per-pair models."),
]
ThresholdOpt = Annotated[
    list[str] | None,
    typer.Option("--threshold", help="Override a threshold: NAME=VALUE (repeatable)."),
]
BackModelOpt = Annotated[
    str | None,
    typer.Option("--back-model", help="Model for the way back (default: as for --model)."),
]


def analysis_settings(config_path: Path | None, overrides: list[str] | None) -> Any:
    from xlate.config import apply_thresholds, load_config
    from xlate.errors import ConfigError
    from xlate.roundtrip import AnalysisSettings

    config = load_config(config_path)
    values: dict[str, float] = {}
    for item in overrides or []:
        name, sep, value = item.partition("=")
        try:
            values[name.strip()] = float(value)
        except ValueError:
            sep = ""
        if not sep:
            raise ConfigError(f"--threshold {item!r}: expected NAME=NUMBER")
    return AnalysisSettings(thresholds=apply_thresholds(config.thresholds, values, "--threshold"))


def deliver_report(
    report: Any,
    *,
    report_path: Path | None,
    view: bool,
    html: Path | None,
    markdown: Path | None,
    as_json: bool,
    fail_on: FailOn | None,
) -> None:
    """Write and show a round-trip report, then apply --fail-on."""
    from rich.console import Console

    from xlate.textio import atomic_write

    if report_path is not None:
        atomic_write(report_path, report.to_json())
    if html is not None:
        from xlate.views.html import render_html

        atomic_write(html, render_html(report))
    if markdown is not None:
        from xlate.views.markdown import render_markdown

        atomic_write(markdown, render_markdown(report))
    if as_json:
        sys.stdout.write(report.to_json())
    elif view:
        from xlate.views.terminal import show_report

        show_report(report)
    else:
        from xlate.views.summary import render_summary

        render_summary(report, Console(highlight=False))
    if fail_on is not None:
        order = ["high", "medium", "low"]
        worst = report.worst_severity()
        if worst is not None and order.index(worst) <= order.index(fail_on.value):
            typer.echo(
                f"xlate: flags of severity {worst} found (--fail-on {fail_on.value})", err=True
            )
            raise typer.Exit(EXIT_FLAGGED)


CacheOpt = Annotated[
    Path | None,
    typer.Option("--cache", help="Cache file (default: translations.sqlite3 in the user cache)."),
]
