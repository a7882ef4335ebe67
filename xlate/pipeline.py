"""Translate documents through any engine: distinct sentences once, order restored."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .engines.base import EngineInfo, Translation, Translator
from .errors import EngineError
from .languages import check_pair
from .segment import Document


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
