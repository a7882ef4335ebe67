"""A capitalised common word in a name's place: "dijo Paclík" → "dijo Derecho".

Spanish and Russian capitalise little inside a sentence: a capitalised word there is a
name, an institution (el Gobierno, Палата представителей) or a title's first word. Where
a clear source name is gone and a lone capitalised word stands near its place that is a
common word of the translation's language (Derecho, Книга, Флот) and renders no word of
the source, the name gave way to a word that names nothing the source speaks of. An
institution the source names in words is rendered by one of them (Congress/Congreso), so
it passes. English capitalises days, nationalities and titles, so it is left alone.
"""

from __future__ import annotations

import re

from xlate.checks.lexicon import cognate
from xlate.checks.names.evidence import (
    dictionary_phrase,
    dictionary_renders,
    explained,
    in_words,
    position,
    title_cased,
)
from xlate.checks.names.extract import NameMention, extract_names, significant_words
from xlate.checks.names.in_place import _distinct_name as distinct_name
from xlate.checks.names.lexicon import lemmas, ordinary_in, ru_common_word
from xlate.checks.names.tables import sentence_openers
from xlate.text.words import stopwords

# Languages whose running text capitalises names and institutions alone.
_LANGS = ("es", "ru")
# How far (share of the sentence) from the name's place the word may stand.
_NEAR = 0.2
# Shorter capitalised words are initials, particles or acronyms cut short.
_LETTERS = 4
# A cognate (Código/code) renders a source word where the dictionary is silent.
_COGNATE = 5
_WORD = re.compile(r"[^\W\d_]+")
_OPENING = " \"'«“„‘(¿¡-–—"


def capital_in_place(
    s: NameMention, source: str, src: str, translation: str, tgt: str
) -> str | None:
    """The capitalised common word that stands in ``translation`` where absent source
    name ``s`` stood and renders no word of ``source``, or None."""
    if tgt not in _LANGS or title_cased(translation) or title_cased(source):
        return None
    if not distinct_name(s, src) or in_words(s, src, translation, tgt):
        return None
    if _opens_sentence(source, s.start) and dictionary_phrase(s, src, tgt):
        return None  # a word the dictionary knows opening the source (Individual countries)
    here = position(s, source)
    source_words = {f for w in _WORD.findall(source) for f in lemmas(w, src)}
    for t in extract_names(translation, tgt):
        far = abs(position(t, translation) - here) > _NEAR
        if t.type != "name" or " " in t.text.strip() or far:
            continue
        word = t.text
        if len(word) < _LETTERS or _opens_sentence(translation, t.start) or not word[1:].islower():
            continue
        if word.lower() in stopwords(tgt) or word.lower() in sentence_openers(tgt):
            continue
        if not _common(word, tgt) or explained(t, tgt, source, src):
            continue
        if any(word.lower().startswith(w.lower()) for _, _, w in significant_words(s)):
            continue  # Vice → Vicepresidente: the name's own word, compounded
        own = lemmas(word, tgt)
        if any(dictionary_renders(f, tgt, source_words, src) for f in own):
            continue  # Congreso for Congress: the institution, translated
        if any(cognate(f, w) for f in own for w in source_words if len(w) >= _COGNATE):
            continue
        return word
    return None


def _common(word: str, lang: str) -> bool:
    """A common word of ``lang`` (the Russian dictionary knows it only as one)."""
    if lang == "ru":
        return ru_common_word(word)
    return ordinary_in(word, lang)


def _opens_sentence(text: str, start: int) -> bool:
    """Does the word at ``start`` open a sentence, a quotation or a bracket, where
    anything is capitalised (Его лозунг "Думай!")?"""
    before = text[:start].rstrip(" ")
    if before and before[-1] in _OPENING.strip():
        return True
    before = before.rstrip(_OPENING)
    return not before or before[-1] in ".!?:;"
