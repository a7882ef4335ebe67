"""What the commands share: one-line errors and exit codes, option types, output."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from xlate.cli.helptext import ENGINE_HELP
from xlate.errors import XlateError

if TYPE_CHECKING:
    from xlate.checks.document import AnalysisSettings
    from xlate.engines import EngineOptions
    from xlate.repair import RepairOptions
    from xlate.report import Report
    from xlate.report_stream import ReportDigest

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
# One alias per option that several commands take; a command's own options stay with it.


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


class Device(str, Enum):
    auto = "auto"
    cpu = "cpu"
    cuda = "cuda"


class Origin(str, Enum):
    """Who made the translation under check (xlate.report.ORIGINS)."""

    person = "person"
    machine = "machine"


class Executor(str, Enum):
    local = "local"
    ray = "ray"  # needs the ray extra: pip install 'xlate[ray]'


class FailOn(str, Enum):
    """The --fail-on choices: :data:`xlate.report.SEVERITIES`, in its order (a test holds
    them equal; typer needs the members spelled out)."""

    high = "high"
    medium = "medium"
    low = "low"


# Input and languages
InputArg = Annotated[str, typer.Argument(help="Input file, or - for standard input.")]
FromOpt = Annotated[
    str | None,
    typer.Option("--from", "-f", help="Source language (en, es, ru); detected when omitted."),
]
ToOpt = Annotated[str, typer.Option("--to", "-t", help="Target language(s), e.g. es,ru.")]
TargetOpt = Annotated[str, typer.Option("--to", "-t", help="Target language (en, es, ru).")]

# The engine: engine_options() turns these into EngineOptions
EngineOpt = Annotated[str, typer.Option("--engine", "-e", help=ENGINE_HELP)]
OriginOpt = Annotated[
    Origin,
    typer.Option(
        "--origin",
        help="Who made the translation: person (a number or name left out is only "
        "recorded) or machine (whatever of the source it lacks is flagged).",
    ),
]
SourceArg = Annotated[str, typer.Argument(help="The original article.")]
TranslationArg = Annotated[str, typer.Argument(help="Its existing translation.")]
DetectedToOpt = Annotated[
    str | None,
    typer.Option("--to", "-t", help="Language of the translation; detected when omitted."),
]
LinePairsOpt = Annotated[
    bool,
    typer.Option("--lines", help="Both files one sentence per line, aligned line by line."),
]
BackEngineOpt = Annotated[
    str,
    typer.Option(
        "--engine", "-e", help="Engine for the back-translation, or none for model-free checks."
    ),
]
ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help="Model id or local directory (default: Helsinki-NLP/opus-mt-SRC-TGT).",
    ),
]
BackModelOpt = Annotated[
    str | None,
    typer.Option("--back-model", help="Model for the way back (default: as for --model)."),
]
DeviceOpt = Annotated[Device, typer.Option("--device", help="Where to run the model.")]
BeamsOpt = Annotated[int, typer.Option("--beams", min=1, help="Beam size.")]
BatchOpt = Annotated[
    int | None,
    typer.Option("--batch-size", min=1, help="Sentences per batch (default: by token budget)."),
]
CacheOpt = Annotated[
    Path | None,
    typer.Option("--cache", help="Cache file (default: translations.sqlite3 in the user cache)."),
]

# The analysis: analysis_settings() turns these into AnalysisSettings
ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", help="An xlate.toml with thresholds and per-pair models."),
]
GlossaryOpt = Annotated[
    Path | None,
    typer.Option(
        "--glossary",
        help="A glossary (TSV/CSV: src, tgt, source term, target term; no target: keep "
        "as written). Overrides the glossary file named in xlate.toml.",
    ),
]
ThresholdOpt = Annotated[
    list[str] | None,
    typer.Option("--threshold", help="Override a threshold: NAME=VALUE (repeatable)."),
]

# Repair: repair_options() turns these into RepairOptions
RepairOpt = Annotated[
    bool,
    typer.Option(
        "--repair",
        help="Give each flagged sentence the best of the engine's n-best candidates "
        "(fewest and mildest flags, then round-trip chrF, then model score).",
    ),
]
CandidatesOpt = Annotated[
    int, typer.Option("--candidates", min=1, max=16, help="n-best candidates per sentence.")
]

# What becomes of a report: deliver_report() takes these
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
]
ReportOpt = Annotated[
    Path | None, typer.Option("--report", help="Write the JSON report (versioned schema) here.")
]
ViewOpt = Annotated[
    bool, typer.Option("--view", help="Show the side-by-side drift view instead of the summary.")
]
PagerOpt = Annotated[
    bool, typer.Option("--pager/--no-pager", help="Page long output on a terminal.")
]
HtmlOpt = Annotated[Path | None, typer.Option("--html", help="Write a self-contained HTML report.")]
MarkdownOpt = Annotated[Path | None, typer.Option("--markdown", help="Write a Markdown report.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the JSON report on stdout.")]
FailOnOpt = Annotated[
    FailOn | None,
    typer.Option("--fail-on", help="Exit 3 when flags of this severity or worse exist."),
]


# --- from options to library values -------------------------------------------------------
# The library is imported inside each function: `xlate --help` must not load it.


def engine_options(
    model: str | None, device: Device, beams: int, batch_size: int | None
) -> EngineOptions:
    from xlate.engines import EngineOptions

    return EngineOptions(model=model, device=device.value, beams=beams, batch_size=batch_size)


def analysis_settings(
    config_path: Path | None, overrides: list[str] | None, glossary: Path | None = None
) -> AnalysisSettings:
    """--config, --threshold and --glossary: the thresholds of the config file, overridden,
    and the glossary given or named by the config file."""
    from xlate.checks.document import AnalysisSettings
    from xlate.checks.glossary import load_glossary
    from xlate.config import load_config, load_thresholds

    thresholds = load_thresholds(config_path, overrides or [])
    path = glossary if glossary is not None else load_config(config_path).glossary
    terms = load_glossary(path) if path is not None else None
    return AnalysisSettings(thresholds=thresholds, glossary=terms)


def repair_options(repair: bool, candidates: int) -> RepairOptions | None:
    """--repair and --candidates: the repair to do, or None."""
    from xlate.repair import RepairOptions

    return RepairOptions(candidates=candidates) if repair else None


def check_outputs(*paths: Path | None) -> None:
    """Refuse, before any work, the output files that cannot be written (one line, exit 1).

    A typo in a folder, a folder given as the file, a read-only file or a place where no
    file can be made (``/proc``) would otherwise fail only after the whole translation.
    ``None`` (not asked for) and ``-`` (stdout) pass.
    """
    from xlate.textio import check_output_path

    for path in paths:
        if path is not None and str(path) != "-":
            check_output_path(path)


def emit(text: str, output: Path | None) -> None:
    """Write to ``output`` atomically, or to stdout."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        from xlate.textio import atomic_write

        atomic_write(output, text)


def deliver_report(
    report: Report,
    *,
    report_path: Path | None,
    view: bool,
    html: Path | None,
    markdown: Path | None,
    as_json: bool,
    fail_on: FailOn | None,
    pager: bool = True,
) -> None:
    """Write and show a round-trip or check report, then apply --fail-on."""
    from xlate.views.outputs import ReportOutputs
    from xlate.views.outputs import deliver_report as deliver

    outputs = ReportOutputs(
        report_path, html, markdown, as_json=as_json, drift_view=view, pager=pager
    )
    deliver(report, outputs)
    if fail_on is not None:
        exit_if_flagged(report, fail_on)


def exit_if_flagged(report: Report | ReportDigest, fail_on: FailOn) -> None:
    """Exit 3 (with one line on stderr) when the report has flags of ``fail_on`` or worse."""
    from xlate.report import is_at_least

    worst = report.worst_severity()
    if worst is not None and is_at_least(worst, fail_on.value):
        typer.echo(f"xlate: flags of severity {worst} found (--fail-on {fail_on.value})", err=True)
        raise typer.Exit(EXIT_FLAGGED)
