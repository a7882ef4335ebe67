"""The Python API the CLI calls: ``from xlate import translate_text``."""

from __future__ import annotations

from .engines import EngineOptions, Translator, create_engine
from .langid import require_language
from .languages import check_language, check_pair
from .pipeline import TranslatedDocument, translate_document
from .segment import Document, segment_lines, segment_text


def segment(text: str, lang: str | None = None, *, lines: bool = False) -> Document:
    """Segment ``text`` (detecting its language when ``lang`` is None)."""
    code = check_language(lang) if lang else require_language(text)
    return segment_lines(text, code) if lines else segment_text(text, code)


def translate_doc(
    text: str,
    tgt: str,
    src: str | None = None,
    *,
    engine: Translator | None = None,
    engine_name: str = "hf",
    options: EngineOptions | None = None,
    lines: bool = False,
) -> TranslatedDocument:
    """Segment and translate an article; the result keeps ids, sources and layout."""
    doc = segment(text, src, lines=lines)
    check_pair(doc.lang, tgt)
    owned = engine is None
    eng = engine or create_engine(engine_name, options)
    try:
        return translate_document(eng, doc, tgt)
    finally:
        if owned:
            eng.close()


def translate_text(
    text: str,
    src: str | None = None,
    tgt: str = "es",
    *,
    engine: Translator | None = None,
    engine_name: str = "hf",
    options: EngineOptions | None = None,
    lines: bool = False,
) -> str:
    """Translate an article and return the text, paragraphs and blank lines kept."""
    return translate_doc(
        text, tgt, src, engine=engine, engine_name=engine_name, options=options, lines=lines
    ).text
