"""`xlate translate` and `xlate segment`."""

from __future__ import annotations

from typing import Annotated

import typer

from xlate.cli.common import (
    BatchOpt,
    BeamsOpt,
    CandidatesOpt,
    ConfigOpt,
    Device,
    DeviceOpt,
    EngineOpt,
    Format,
    FromOpt,
    GlossaryOpt,
    InputArg,
    ModelOpt,
    OutputOpt,
    RepairOpt,
    TargetOpt,
    analysis_settings,
    check_outputs,
    emit,
    engine_options,
    handle_errors,
    repair_options,
)
from xlate.engines import DEFAULT_ENGINE


@handle_errors
def translate(
    input: InputArg = "-",
    src: FromOpt = None,
    tgt: TargetOpt = "es",
    lines: Annotated[
        bool, typer.Option("--lines", help="One sentence per line in and out; no segmentation.")
    ] = False,
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.text,
    output: OutputOpt = None,
    engine: EngineOpt = DEFAULT_ENGINE,
    model: ModelOpt = None,
    device: DeviceOpt = Device.auto,
    beams: BeamsOpt = 4,
    batch_size: BatchOpt = None,
    glossary: GlossaryOpt = None,
    config: ConfigOpt = None,
    repair: RepairOpt = False,
    candidates: CandidatesOpt = 4,
) -> None:
    """Translate an article (or one sentence per line with --lines).

    With --glossary, do-not-translate terms are kept as written and other terms the
    translation renders otherwise are listed on stderr; --repair back-translates, checks
    and gives each flagged sentence the best of the engine's candidates."""
    from xlate.languages import check_language
    from xlate.roundtrip import repaired_translation
    from xlate.textio import read_text
    from xlate.translate import glossary_flags, translate_doc
    from xlate.views.documents import render_translation
    from xlate.views.progress import StepProgress

    check_outputs(output)
    text = read_text(input)
    tgt = check_language(tgt)
    settings = analysis_settings(config, None, glossary)
    options = engine_options(model, device, beams, batch_size)
    plan = repair_options(repair, candidates)
    if plan is not None:
        result, notes = repaired_translation(
            text,
            src,
            tgt,
            engine_name=engine,
            options=options,
            lines=lines,
            settings=settings,
            repair=plan,
        )
    else:
        with StepProgress() as progress:
            result = translate_doc(
                text,
                src,
                tgt,
                engine_name=engine,
                options=options,
                lines=lines,
                glossary=settings.glossary,
                progress=progress.callback,
            )
        notes = glossary_flags(result, settings)
    for note in notes:
        typer.echo(f"xlate: {note}", err=True)
    emit(render_translation(result, fmt.value), output)


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
    from xlate.textio import read_text
    from xlate.translate import segment as segment_doc
    from xlate.views.documents import render_segments

    check_outputs(output)
    emit(render_segments(segment_doc(read_text(input), lang), fmt.value), output)
