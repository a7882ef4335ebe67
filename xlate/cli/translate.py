"""`xlate translate` and `xlate segment`."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from xlate.cli.common import (
    BatchOpt,
    BeamsOpt,
    Device,
    DeviceOpt,
    EngineOpt,
    Format,
    FromOpt,
    InputArg,
    ModelOpt,
    OutputOpt,
    emit,
    engine_options,
    handle_errors,
)


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
    from xlate.languages import check_language
    from xlate.textio import read_text
    from xlate.translate import translate_doc

    text = read_text(input)
    tgt = check_language(tgt)
    result = translate_doc(
        text,
        src,
        tgt,
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
