"""What ``xlate translate`` and ``xlate segment`` print: text, JSON or JSON lines."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Protocol

from xlate.text.segment import Document
from xlate.translation import EngineInfo, Translation


class TranslatedArticle(Protocol):
    """A translated document (:class:`xlate.translate.TranslatedDocument`, which views may
    not import: they draw data and know no flow)."""

    @property
    def source(self) -> Document: ...
    @property
    def tgt(self) -> str: ...
    @property
    def translations(self) -> Mapping[str, Translation]: ...
    @property
    def engine(self) -> EngineInfo: ...
    @property
    def text(self) -> str: ...


def _json_lines(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def _json_document(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_translation(result: TranslatedArticle, fmt: str = "text") -> str:
    """The translation with the source's layout, or one record per sentence (json/jsonl)."""
    if fmt == "text":
        return result.text
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
    if fmt == "jsonl":
        return _json_lines(records)
    info = result.engine
    return _json_document(
        {
            "source_lang": result.source.lang,
            "target_lang": result.tgt,
            "engine": {"engine": info.engine, "model": info.model, "settings": info.settings},
            "sentences": records,
            "text": result.text,
        }
    )


def render_segments(doc: Document, fmt: str = "text") -> str:
    """A document's sentences: one a line with a blank line between paragraphs, or records."""
    if fmt == "text":
        blocks = ["\n".join(s.text for s in p.sentences) for p in doc.paragraphs]
        # Blank lines after the last paragraph are the input's own ending: kept, so that
        # segmented files concatenate with their paragraph breaks (between paragraphs,
        # one blank line stands for any number).
        trailing = 0
        while trailing < len(doc.blocks) and isinstance(doc.blocks[-1 - trailing], str):
            trailing += 1
        return "\n\n".join(blocks) + "\n" + "\n" * trailing
    records = [
        {"paragraph": s.paragraph, "sentence": s.sentence, "id": s.id, "text": s.text}
        for s in doc.sentences
    ]
    if fmt == "json":
        return _json_document({"lang": doc.lang, "sentences": records})
    return _json_lines(records)
