"""Sentence splitting inside one paragraph, per language.

Pure function: ``split_sentences(paragraph, lang) -> list[str]``; every returned piece is
a stripped, non-empty substring of the paragraph, in order.
"""

from __future__ import annotations

from functools import lru_cache

from sentence_splitter import SentenceSplitter


@lru_cache(maxsize=8)
def _splitter(lang: str) -> SentenceSplitter:
    return SentenceSplitter(language=lang)


def split_sentences(paragraph: str, lang: str) -> list[str]:
    """Split one paragraph (no line breaks) into sentences."""
    text = paragraph.strip()
    if not text:
        return []
    pieces = [p.strip() for p in _splitter(lang).split(text)]
    return [p for p in pieces if p]
