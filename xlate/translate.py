"""The translate flow: segment an article, translate each distinct sentence once, keep the layout.

``translate_text``/``translate_doc`` are the public API (``from xlate import translate_text``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from xlate.engines import EngineOptions, Translator, create_engine
from xlate.errors import EngineError
from xlate.languages import check_language, check_pair
from xlate.text.langid import require_language
from xlate.text.segment import Document, segment_lines, segment_text
from xlate.translation import EngineInfo, Translation


def translate_sentences(
    engine: Translator,
    sentences: Sequence[str],
    src: str,
    tgt: str,
    *,
    alignments: bool = False,
) -> list[Translation]:
    """Translate each distinct sentence once and return one result per input sentence.

    Engines sort and batch internally (they know their token counts); this layer only
    removes repeats, which are common in news (datelines, bylines, boilerplate).
    """
    src, tgt = check_pair(src, tgt)
    unique: dict[str, int] = {}
    for sentence in sentences:
        unique.setdefault(sentence, len(unique))
    if not unique:
        return []
    results = engine.translate_batch(list(unique), src, tgt, alignments=alignments)
    if len(results) != len(unique):
        raise EngineError(
            f"engine {engine.name!r} returned {len(results)} translations "
            f"for {len(unique)} sentences"
        )
    return [results[unique[s]] for s in sentences]


@dataclass
class TranslatedDocument:
    """A document, its sentence translations by id, and what produced them."""

    source: Document
    tgt: str
    translations: dict[str, Translation]
    engine: EngineInfo

    @property
    def text(self) -> str:
        """The translation with the source's paragraphs and blank lines."""
        return self.source.render({k: v.text for k, v in self.translations.items()})


def translate_document(
    engine: Translator, doc: Document, tgt: str, *, alignments: bool = False
) -> TranslatedDocument:
    sentences = doc.sentences
    results = translate_sentences(
        engine, [s.text for s in sentences], doc.lang, tgt, alignments=alignments
    )
    return TranslatedDocument(
        source=doc,
        tgt=tgt,
        translations={s.id: r for s, r in zip(sentences, results, strict=False)},
        engine=engine.info(doc.lang, tgt),
    )


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
