"""A clear name in the place of an institution named in words: "el Departamento de
Educación de la ciudad" → "el Manhattan de la ciudad", "este Congreso" → "este ABC News".

The name check leaves an absent source name made of common words alone (Congress,
Department of Education): a translator renders such a name in words of its own, which
the check cannot read as that name. Words, though: a name of the translation that no
word of the source accounts for, of no common words itself, is no such rendering. A
known place or body the source does not speak of (Manhattan, Libia), or a name that is
neither a word of its language nor a rendering of a source word (ABC News), standing
near the institution's place, replaced it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from xlate.checks.names.aliases import groups_of
from xlate.checks.names.evidence import (
    MAX_SHIFT,
    abbreviated,
    common_name,
    dictionary_word,
    position,
    renders_a_word_of,
    title_cased,
    worded,
)
from xlate.checks.names.extract import NameMention, significant_words
from xlate.checks.names.in_place import _place_word
from xlate.checks.names.lexicon import ordinary_in, ru_noun
from xlate.checks.names.normalise import script_of
from xlate.text.words import stopwords

_QUOTES = "\"'«“„‘"
# The letters of a Latin target's own words.
_LETTERS = {"en": re.compile(r"[A-Za-z'’-]+"), "es": re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ'’-]+")}
# A person's name and surname at least (Муамар Каддафи).
_PERSON_WORDS = 2


def worded_stand_in(
    s: NameMention,
    source: str,
    src: str,
    unexplained: Sequence[NameMention],
    translation: str,
    tgt: str,
) -> NameMention | None:
    """The name of ``unexplained`` (names of the translation the source does not account
    for) that stands where absent institution ``s``, a name of common words, stood; or
    None."""
    if s.weak or s.type != "name" or not (common_name(s, src) or worded(s, src)):
        return None
    if src == "ru" and not _russian_body(s, source, translation, tgt):
        return None
    if title_cased(source) or title_cased(translation):
        return None  # a headline's capitals name nothing
    here = position(s, source)
    near = [
        t
        for t in unexplained
        if t.type == "name"
        and not t.weak
        and abs(position(t, translation) - here) <= MAX_SHIFT
        and _clear(t, source, src, translation, tgt)
        and not renders_a_word_of(t, tgt, source, src)
    ]
    return min(near, key=lambda t: abs(position(t, translation) - here), default=None)


def _russian_body(s: NameMention, source: str, translation: str, tgt: str) -> bool:
    """Does a Russian name in words name the body by itself (Конгресса, Сената, in any
    case), so that a clear name in its place replaced it? Russian capitalises a longer
    name's first word alone: an adjective (Чешской, Верховного) or a noun that lowercase
    words go on ("Палаты представителей", which "la representante" renders), no name to
    replace; nor is one whose word the translation renders lowercase ("del comité")."""
    if not all(ru_noun(w) for _, _, w in significant_words(s)):
        return False
    after = _NEXT_WORD.match(source, s.end)
    if after is not None and after.group(1).islower() and after.group(1) not in stopwords("ru"):
        return False
    return not renders_a_word_of(s, "ru", translation, tgt)


# The word right after a name, if only a space stands between.
_NEXT_WORD = re.compile(r" (\w+)")


def _clear(t: NameMention, source: str, src: str, translation: str, tgt: str) -> bool:
    """A name no translation of words gives: a known place or body the source does not
    speak of, not even by its adjective (presidente turco/Турции); or, in Russian,
    a person's name and surname transliterated (Муамар Каддафи), where words kept in
    another language (Všeobecná zdravotní, The Run) stay Latin; in Spanish or English,
    a name of no dictionary word in the language's own letters (Manhattan, ABC News)."""
    if abbreviated(t, translation):
        return False
    if groups_of(t.text):
        return not _place_word(t.text, source)
    words = [w for _, _, w in significant_words(t)]
    before = translation[: t.start].rstrip()
    if not words or (before and before[-1] in _QUOTES):
        return False  # a title in quotation marks ("Badefreuden") is kept as it is
    if tgt == "ru":
        return len(t.text.split()) >= _PERSON_WORDS and all(
            script_of(w) == "cyrl" and not ordinary_in(w, tgt) for w in words
        )
    # Latin: no word a dictionary knows (Menú, Choirs), none of another alphabet's
    # letters (Všeobecná: kept in its own language).
    return all(_LETTERS[tgt].fullmatch(w) and not dictionary_word(w, tgt, src) for w in words)
