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


class Executor(str, Enum):
    local = "local"
    ray = "ray"  # needs the ray extra: pip install 'xlate[ray]'


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
    from .config import apply_thresholds, load_config
    from .errors import ConfigError
    from .roundtrip import AnalysisSettings

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

    from .textio import atomic_write

    if report_path is not None:
        atomic_write(report_path, report.to_json())
    if html is not None:
        from .views.html import render_html

        atomic_write(html, render_html(report))
    if markdown is not None:
        from .views.markdown import render_markdown

        atomic_write(markdown, render_markdown(report))
    if as_json:
        sys.stdout.write(report.to_json())
    elif view:
        from .views.terminal import show_report

        show_report(report)
    else:
        from .views.summary import render_summary

        render_summary(report, Console(highlight=False))
    if fail_on is not None:
        order = ["high", "medium", "low"]
        worst = report.worst_severity()
        if worst is not None and order.index(worst) <= order.index(fail_on.value):
            typer.echo(
                f"xlate: flags of severity {worst} found (--fail-on {fail_on.value})", err=True
            )
            raise typer.Exit(EXIT_FLAGGED)


@app.command()
@handle_errors
def roundtrip(
    input: InputArg,
    src: FromOpt = None,
    tgt: ToOpt = "es,ru",
    lines: Annotated[
        bool, typer.Option("--lines", help="One sentence per line; no segmentation.")
    ] = False,
    engine: EngineOpt = "hf",
    model: ModelOpt = None,
    back_model: BackModelOpt = None,
    device: DeviceOpt = Device.auto,
    beams: BeamsOpt = 4,
    batch_size: BatchOpt = None,
    report_path: ReportOpt = None,
    view: ViewOpt = False,
    html: HtmlOpt = None,
    markdown: MarkdownOpt = None,
    as_json: JsonOpt = False,
    fail_on: FailOnOpt = None,
    config: ConfigOpt = None,
    threshold: ThresholdOpt = None,
) -> None:
    """Translate, back-translate and show where meaning drifted."""
    from .api import segment as segment_doc
    from .engines import create_engine
    from .languages import parse_targets
    from .roundtrip import roundtrip as run_roundtrip
    from .textio import read_text

    settings = analysis_settings(config, threshold)
    text = read_text(input)
    doc = segment_doc(text, src, lines=lines)
    targets = parse_targets(tgt, doc.lang)
    forward = create_engine(engine, engine_options(model, device, beams, batch_size))
    backward = forward
    if back_model is not None:
        backward = create_engine(engine, engine_options(back_model, device, beams, batch_size))
    try:
        report = run_roundtrip(
            doc,
            targets,
            forward,
            back_engine=backward,
            settings=settings,
            path=None if input == "-" else input,
            source_text=text,
        )
    finally:
        forward.close()
        backward.close()
    deliver_report(
        report,
        report_path=report_path,
        view=view,
        html=html,
        markdown=markdown,
        as_json=as_json,
        fail_on=fail_on,
    )


@app.command()
@handle_errors
def check(
    source: Annotated[str, typer.Argument(help="The original article.")],
    translation: Annotated[str, typer.Argument(help="Its existing translation.")],
    src: FromOpt = None,
    tgt: Annotated[
        str | None,
        typer.Option("--to", "-t", help="Language of the translation; detected when omitted."),
    ] = None,
    lines: Annotated[
        bool,
        typer.Option("--lines", help="Both files one sentence per line, aligned line by line."),
    ] = False,
    engine: Annotated[
        str,
        typer.Option(
            "--engine", "-e", help="Engine for the back-translation, or none for model-free checks."
        ),
    ] = "hf",
    model: ModelOpt = None,
    device: DeviceOpt = Device.auto,
    beams: BeamsOpt = 4,
    batch_size: BatchOpt = None,
    report_path: ReportOpt = None,
    view: ViewOpt = False,
    html: HtmlOpt = None,
    markdown: MarkdownOpt = None,
    as_json: JsonOpt = False,
    fail_on: FailOnOpt = None,
    config: ConfigOpt = None,
    threshold: ThresholdOpt = None,
) -> None:
    """Check an existing translation: align, back-translate and show where it drifted."""
    from .api import segment as segment_doc
    from .engines import create_engine
    from .roundtrip import check as run_check
    from .textio import read_text

    if source == "-" and translation == "-":
        from .errors import InputError

        raise InputError("only one of SOURCE and TRANSLATION can be - (standard input)")
    settings = analysis_settings(config, threshold)
    source_text = read_text(source)
    translation_text = read_text(translation)
    source_doc = segment_doc(source_text, src, lines=lines)
    translation_doc = segment_doc(translation_text, tgt, lines=lines)
    back = None
    if engine != "none":
        back = create_engine(engine, engine_options(model, device, beams, batch_size))
    try:
        report = run_check(
            source_doc,
            translation_doc,
            back_engine=back,
            settings=settings,
            lines=lines,
            path=None if source == "-" else source,
            translation_path=translation,
            source_text=source_text,
            translation_text=translation_text,
        )
    finally:
        if back is not None:
            back.close()
    deliver_report(
        report,
        report_path=report_path,
        view=view,
        html=html,
        markdown=markdown,
        as_json=as_json,
        fail_on=fail_on,
    )


@app.command()
@handle_errors
def compare(
    input: InputArg,
    src: FromOpt = None,
    tgt: Annotated[str, typer.Option("--to", "-t", help="Target language (en, es, ru).")] = "es",
    engines: Annotated[
        str,
        typer.Option(
            "--engines",
            help="Systems, comma-separated: ENGINE, ENGINE:MODEL or ENGINE:MODEL+BACK_MODEL "
            "(apertium, ct2:./models/en-es-int8, hf:./en-es+./es-en). The first is the "
            "baseline.",
        ),
    ] = "hf,apertium",
    ref: Annotated[
        str | None,
        typer.Option("--ref", help="A reference translation: BLEU/chrF/TER and significance."),
    ] = None,
    device: DeviceOpt = Device.auto,
    beams: BeamsOpt = 4,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
    markdown: MarkdownOpt = None,
    config: ConfigOpt = None,
    threshold: ThresholdOpt = None,
) -> None:
    """The same article through several engines/models, side by side, with scores."""
    from rich.console import Console

    from .api import segment as segment_doc
    from .compare import compare as run_compare
    from .compare import parse_systems, render_markdown, render_terminal
    from .languages import check_pair
    from .textio import atomic_write, read_text

    specs = parse_systems(engines)
    settings = analysis_settings(config, threshold)
    doc = segment_doc(read_text(input), src)
    tgt = check_pair(doc.lang, tgt)[1]
    reference = segment_doc(read_text(ref), tgt) if ref is not None else None
    result = run_compare(
        doc,
        tgt,
        specs,
        reference=reference,
        reference_path=ref,
        source_path=None if input == "-" else input,
        device=device.value,
        beams=beams,
        settings=settings,
    )
    if markdown is not None:
        atomic_write(markdown, render_markdown(result))
    if as_json:
        sys.stdout.write(result.to_json())
    else:
        render_terminal(result, Console(highlight=False))


# --- batch jobs -------------------------------------------------------------------------

CacheOpt = Annotated[
    Path | None,
    typer.Option("--cache", help="Cache file (default: translations.sqlite3 in the user cache)."),
]


@app.command()
@handle_errors
def batch(
    in_dir: Annotated[
        Path | None, typer.Argument(help="Folder of articles (searched recursively).")
    ] = None,
    src: FromOpt = None,
    tgt: ToOpt = "es,ru",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output folder (mirrors IN_DIR).")
    ] = None,
    globs: Annotated[
        list[str] | None,
        typer.Option("--glob", help="Which files are articles (repeatable; default *.txt, *.md)."),
    ] = None,
    engine: EngineOpt = "hf",
    model: ModelOpt = None,
    device: DeviceOpt = Device.auto,
    beams: BeamsOpt = 4,
    batch_size: BatchOpt = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Engine threads/processes and analysis processes (default: all cores); "
            "with --executor ray, workers per CPU node (default 1).",
        ),
    ] = None,
    executor: Annotated[
        Executor,
        typer.Option("--executor", help="Where the engine runs: here, or on a Ray cluster."),
    ] = Executor.local,
    ray_address: Annotated[
        str | None,
        typer.Option(
            "--ray-address",
            help="Ray cluster to join: auto or HOST:PORT (default: this machine's, or a new one).",
        ),
    ] = None,
    cache: CacheOpt = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor fill the cache.")
    ] = False,
    chunk_size: Annotated[
        int, typer.Option("--chunk-size", min=1, help="Sentences per engine call.")
    ] = 256,
    shard: Annotated[
        str | None,
        typer.Option("--shard", help="Do only shard I of N (I/N); join them with --merge."),
    ] = None,
    merge: Annotated[
        Path | None,
        typer.Option("--merge", help="Join the summary parts of a sharded run in this folder."),
    ] = None,
    check_dir: Annotated[
        Path | None,
        typer.Option(
            "--check-dir",
            help="Instead of IN_DIR: check the translations already beside their sources in "
            "this folder (story.en.txt + story.es.txt, or story.txt + story.es.txt); "
            "--engine back-translates them, --engine none: model-free checks only.",
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="List the work; do nothing.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
    json_progress: Annotated[
        bool, typer.Option("--json-progress", help="Progress as JSON lines on stderr.")
    ] = False,
    config: ConfigOpt = None,
    threshold: ThresholdOpt = None,
) -> None:
    """Round-trip a folder of articles (or check existing translations, --check-dir):
    resumable, cached, with a summary sorted worst first."""
    from dataclasses import replace

    from . import batch as batch_jobs
    from .languages import check_language, parse_targets

    if merge is not None:
        rows = batch_jobs.merge_summaries(merge)
        typer.echo(
            f"merged {len({r.path for r in rows})} articles into {merge}/summary.md", err=True
        )
        return
    if check_dir is not None:
        if in_dir is not None:
            fail("give IN_DIR or --check-dir DIR, not both", 2)
        in_dir = check_dir
    elif engine == "none":
        fail("--engine none works only with --check-dir: there is nothing to translate with", 2)
    if in_dir is None or out is None:
        fail("give IN_DIR and --out OUT_DIR (or --merge OUT_DIR)", 2)
        return
    if ray_address is not None and executor is not Executor.ray:
        fail("--ray-address needs --executor ray", 2)
    source = check_language(src) if src else None
    options = batch_jobs.BatchOptions(
        targets=tuple(parse_targets(tgt, source)),
        src=source,
        globs=tuple(globs) if globs else batch_jobs.DEFAULT_GLOBS,
        settings=analysis_settings(config, threshold),
        shard=batch_jobs.Shard.parse(shard) if shard else None,
        chunk_sentences=chunk_size,
        check=check_dir is not None,
        analysis_workers=workers or batch_jobs.default_workers(),
    )
    from .engines import Translator, create_engine

    opts = replace(
        engine_options(model, device, beams, batch_size),
        workers=workers or batch_jobs.default_workers(),
    )
    ray_pool = None
    translator: Translator | None = None  # None: --engine none (check mode, no back-translation)
    if engine == "none":
        if executor is Executor.ray:
            fail("--engine none needs no --executor ray", 2)
    elif executor is Executor.ray:
        from .executors_ray import EngineSpec, RayExecutor, ray_engine

        remote = ray_engine(
            EngineSpec(engine, opts),
            address=ray_address,
            workers_per_node=workers,
            chunk_sentences=chunk_size,
        )
        translator, ray_pool = remote, remote.pool
    else:
        translator = create_engine(engine, opts)
    store = None
    try:
        if not no_cache and translator is not None:
            from .cache import CachedTranslator, CacheStore

            store = CacheStore(cache)
            translator = CachedTranslator(translator, store)
        sentence_executor = (
            RayExecutor(translator, ray_pool, chunk_size)
            if ray_pool is not None and translator is not None
            else None
        )
        if dry_run:
            result = batch_jobs.run_batch(
                in_dir, out, options, translator, dry_run=True, executor=sentence_executor
            )
            for item in result.plan:
                line = f"{item.status:<10} {item.article.rel}"
                typer.echo(f"{line}  {item.error}" if item.error else line)
            return
        progress: batch_jobs.BatchProgress
        if json_progress:
            progress = batch_jobs.JsonProgress()
        elif quiet:
            progress = batch_jobs.BatchProgress()
        else:
            progress = batch_jobs.RichProgress()
        try:
            result = batch_jobs.run_batch(
                in_dir, out, options, translator, progress=progress, executor=sentence_executor
            )
        finally:
            if isinstance(progress, batch_jobs.RichProgress):
                progress.progress.stop()
    finally:
        if translator is not None:
            translator.close()
        if store is not None:
            store.close()
    counts = result.counts()
    where = out / (options.shard.part_name if options.shard else "summary.md")
    if not quiet and not json_progress:
        typer.echo(
            f"{counts['articles']} articles ({counts['up_to_date']} up to date), "
            f"{counts['sentences_translated']} sentences translated, "
            f"{counts['sentences_cached']} from cache; summary: {where}",
            err=True,
        )
    if result.failed:
        fail(f"{len(result.failed)} of {counts['articles']} articles failed; see {where}")


# --- translation cache ----------------------------------------------------------------

cache_app = typer.Typer(help="Inspect or empty the translation cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


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


# --- models ----------------------------------------------------------------------------

models_app = typer.Typer(help="Prepare translation models.", no_args_is_help=True)
app.add_typer(models_app, name="models")


class Quantization(str, Enum):
    int8 = "int8"
    int8_float16 = "int8_float16"
    float16 = "float16"
    float32 = "float32"


@models_app.command("convert")
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
    from .model_store import convert_spec

    converted = convert_spec(model, output, quantization.value, force=force)
    typer.echo(f"converted {converted.source} ({converted.quantization}) to:", err=True)
    typer.echo(str(converted.path))


@models_app.command("list")
@handle_errors
def models_list(
    engines: Annotated[
        str, typer.Option("--engines", help="Engines to list, comma-separated.")
    ] = "hf,ct2,apertium",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Each engine's model per language pair, whether it is here, and its size on disk."""
    from dataclasses import asdict

    from rich.console import Console

    from .model_catalog import list_models, models_table

    rows = list_models([e.strip() for e in engines.split(",") if e.strip()])
    if as_json:
        typer.echo(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2))
        return
    Console(highlight=False).print(models_table(rows))


@models_app.command("pull")
@handle_errors
def models_pull(
    items: Annotated[
        list[str], typer.Argument(help="Language pairs (en-es) or Hugging Face model ids.")
    ],
) -> None:
    """Download models into the Hugging Face cache for later offline use."""
    from .model_catalog import pull

    for pulled in pull(items, announce=lambda line: typer.echo(line, err=True)):
        state = "already here" if pulled.already else "downloaded"
        typer.echo(f"{pulled.spec}\t{state}\t{pulled.path}")


@models_app.command("path")
@handle_errors
def models_path(
    item: Annotated[str, typer.Argument(help="A language pair (en-es) or a model id/path.")],
    engine: Annotated[str, typer.Option("--engine", "-e", help="hf, ct2 or apertium.")] = "hf",
) -> None:
    """Print where a model lives locally (exit 1 with one line when it is not here)."""
    from .model_catalog import model_path

    typer.echo(str(model_path(item, engine)))


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
