"""`xlate roundtrip`, `xlate check` and `xlate compare`: translate, then analyse."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from xlate.cli.common import (
    BackEngineOpt,
    BackModelOpt,
    BatchOpt,
    BeamsOpt,
    CandidatesOpt,
    ConfigOpt,
    DetectedToOpt,
    Device,
    DeviceOpt,
    EngineOpt,
    FailOn,
    FailOnOpt,
    FromOpt,
    GlossaryOpt,
    HtmlOpt,
    InputArg,
    JsonOpt,
    LinePairsOpt,
    MarkdownOpt,
    ModelOpt,
    Origin,
    OriginOpt,
    PagerOpt,
    RepairOpt,
    ReportOpt,
    SourceArg,
    TargetOpt,
    ThresholdOpt,
    ToOpt,
    TranslationArg,
    ViewOpt,
    analysis_settings,
    check_outputs,
    deliver_report,
    engine_options,
    exit_if_flagged,
    handle_errors,
    repair_options,
)
from xlate.engines import DEFAULT_ENGINE

if TYPE_CHECKING:
    from xlate.checks.document import AnalysisSettings
    from xlate.engines.base import EngineOptions
    from xlate.report import Report


@handle_errors
def roundtrip(
    input: InputArg,
    src: FromOpt = None,
    tgt: ToOpt = "es,ru",
    lines: Annotated[
        bool, typer.Option("--lines", help="One sentence per line; no segmentation.")
    ] = False,
    engine: EngineOpt = DEFAULT_ENGINE,
    model: ModelOpt = None,
    back_model: BackModelOpt = None,
    device: DeviceOpt = Device.auto,
    beams: BeamsOpt = 4,
    batch_size: BatchOpt = None,
    report_path: ReportOpt = None,
    view: ViewOpt = False,
    pager: PagerOpt = True,
    html: HtmlOpt = None,
    markdown: MarkdownOpt = None,
    as_json: JsonOpt = False,
    fail_on: FailOnOpt = None,
    config: ConfigOpt = None,
    threshold: ThresholdOpt = None,
    glossary: GlossaryOpt = None,
    repair: RepairOpt = False,
    candidates: CandidatesOpt = 4,
) -> None:
    """Translate, back-translate and show where meaning drifted (--repair: and fix it)."""
    from xlate.engines import create_engine
    from xlate.languages import parse_targets
    from xlate.roundtrip import roundtrip as run_roundtrip
    from xlate.textio import read_text
    from xlate.translate import segment as segment_doc
    from xlate.views.progress import StepProgress

    check_outputs(report_path, html, markdown)
    settings = analysis_settings(config, threshold, glossary)
    doc = segment_doc(read_text(input), src, lines=lines)
    targets = parse_targets(tgt, doc.lang)
    forward = create_engine(engine, engine_options(model, device, beams, batch_size))
    backward = forward
    if back_model is not None:
        backward = create_engine(engine, engine_options(back_model, device, beams, batch_size))
    try:
        with StepProgress() as progress:
            report = run_roundtrip(
                doc,
                doc.lang,
                targets,
                engine=forward,
                back_engine=backward,
                settings=settings,
                path=None if input == "-" else input,
                repair=repair_options(repair, candidates),
                progress=progress.callback,
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
        pager=pager,
    )


@handle_errors
def check(
    source: SourceArg,
    translation: TranslationArg,
    src: FromOpt = None,
    tgt: DetectedToOpt = None,
    lines: LinePairsOpt = False,
    engine: BackEngineOpt = DEFAULT_ENGINE,
    origin: OriginOpt = Origin.person,
    model: ModelOpt = None,
    device: DeviceOpt = Device.auto,
    beams: BeamsOpt = 4,
    batch_size: BatchOpt = None,
    report_path: ReportOpt = None,
    view: ViewOpt = False,
    pager: PagerOpt = True,
    html: HtmlOpt = None,
    markdown: MarkdownOpt = None,
    as_json: JsonOpt = False,
    fail_on: FailOnOpt = None,
    config: ConfigOpt = None,
    threshold: ThresholdOpt = None,
    glossary: GlossaryOpt = None,
) -> None:
    """Check an existing translation: align, back-translate and show where it drifted."""
    if source == "-" and translation == "-":
        from xlate.errors import InputError

        raise InputError("only one of SOURCE and TRANSLATION can be - (standard input)")
    check_outputs(report_path, html, markdown)
    settings = analysis_settings(config, threshold, glossary)
    # Line pairs without a back-translation are analysed and written part by part, in
    # flat memory; the drift view, HTML and Markdown draw every sentence, and standard
    # input cannot be read twice: those take the whole report.
    whole = view or html is not None or markdown is not None or "-" in (source, translation)
    if lines and engine == "none" and not whole:
        _check_streamed(
            source, translation, src, tgt, settings, origin, report_path, as_json, fail_on
        )
        return
    back = None
    if engine != "none":
        back = (engine, engine_options(model, device, beams, batch_size))
    report = _check_whole(source, translation, src, tgt, lines, settings, origin, back)
    deliver_report(
        report,
        report_path=report_path,
        view=view,
        html=html,
        markdown=markdown,
        as_json=as_json,
        fail_on=fail_on,
        pager=pager,
    )


def _check_whole(
    source: str,
    translation: str,
    src: str | None,
    tgt: str | None,
    lines: bool,
    settings: AnalysisSettings,
    origin: Origin,
    back_engine: tuple[str, EngineOptions] | None,
) -> Report:
    """The whole report of ``check`` in memory (back-translated when an engine is named)."""
    from xlate.check import check as run_check
    from xlate.engines import create_engine
    from xlate.text.langid import one_document
    from xlate.textio import read_text
    from xlate.translate import segment as segment_doc
    from xlate.views.progress import StepProgress

    source_doc = segment_doc(read_text(source), src, lines=lines)
    translation_doc = segment_doc(read_text(translation), tgt, lines=lines)
    back = create_engine(*back_engine) if back_engine is not None else None
    try:
        # one document: nothing after its wrong-language check needs lingua's large models
        with StepProgress() as progress, one_document():
            return run_check(
                source_doc,
                translation_doc,
                back_engine=back,
                settings=settings,
                lines=lines,
                path=None if source == "-" else source,
                translation_path=translation,
                progress=progress.callback,
                origin=origin.value,
            )
    finally:
        if back is not None:
            back.close()


def _check_streamed(
    source: str,
    translation: str,
    src: str | None,
    tgt: str | None,
    settings: AnalysisSettings,
    origin: Origin,
    report_path: Path | None,
    as_json: bool,
    fail_on: FailOn | None,
) -> None:
    """``check --lines --engine none`` through ``xlate.check_stream``."""
    import tempfile

    from xlate.check_stream import check_lines_streamed
    from xlate.views.outputs import ReportOutputs, deliver_streamed
    from xlate.views.progress import StepProgress

    with tempfile.TemporaryDirectory(prefix="xlate-check-") as spool:
        with StepProgress() as progress:
            streamed = check_lines_streamed(
                source,
                translation,
                src,
                tgt,
                spool=Path(spool),
                settings=settings,
                origin=origin.value,
                progress=progress.callback,
                freeze=True,  # this process checks one document
            )
        try:
            outputs = ReportOutputs(report_path, as_json=as_json)
            digest = deliver_streamed(streamed.write_json, streamed.digest, outputs)
        finally:
            streamed.close()
    if fail_on is not None:
        exit_if_flagged(digest, fail_on)


@handle_errors
def compare(
    input: InputArg,
    src: FromOpt = None,
    tgt: TargetOpt = "es",
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
    from xlate.compare import compare as run_compare
    from xlate.compare import parse_systems
    from xlate.languages import check_pair
    from xlate.textio import read_text
    from xlate.translate import segment as segment_doc
    from xlate.views.compare import deliver_comparison

    check_outputs(markdown)
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
    deliver_comparison(result, markdown=markdown, as_json=as_json)
