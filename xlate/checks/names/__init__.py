"""Proper names in en/es/ru text, and the check that a translation kept them.

Callers outside this package import from here; the modules inside may move.

``extract_names(text, lang) -> list[NameMention]``
    Proper names (one or several capitalised words, "Nicolás Maduro", "The Washington
    Post", "Владимир Путин"), acronyms ("NATO", "U.S.", "EE. UU.", "США") and designations
    with digits ("Su-30MK2", "Су-30МК2", "F-16", "MH17", "COVID-19"). ``key`` is the
    normalised form: transliterated to Latin, accent-free, lowercased, spelling variants
    folded ("kh"/"j"/"h", "y"/"i", "w"/"v", ...). A capitalised word that opens a sentence
    is kept only when it looks like a name (not a common word of the language, capitalised
    elsewhere in the text, or followed by another capitalised word); such mentions, and
    English capitalised adjectives of nationality ("Russian"), are ``weak``.

``find_name(name, name_lang, text, text_lang) -> str | None``
    How ``name`` is written in ``text`` (another language, maybe another script), or None:
    transliteration (Мадуро ↔ Maduro), accents, Russian case endings (Путина, Путиным,
    Венесуэлы), a surname alone for a full name, designations written with Cyrillic
    look-alike letters (Су-30МК2 ↔ Su-30MK2), and a small table of frequent news
    acronyms and exonyms (U.S./EE. UU./США, NATO/OTAN/НАТО, Spain/España/Испания, ...).

``check_names(source, translation, back_translation, src, tgt, sentence_id)``
    ``-> tuple[list[EntityCheck], list[Flag]]``. Flags of kind ``name``: altered (a similar
    but different form stands in the translation: Maduro→Madura, Su-30MK2→Su-30MK3) or
    replaced (the name is missing and an unexplained name stands in the translation, or
    one word of a multiword name is gone with a word of no source beside the rest) →
    high; replaced by a common noun of no source word, or translated word by word →
    medium; missing from the translation but found in the back-translation → ok (the round
    trip resolved an exonym we do not know). ``back_translation`` may be None. A name an
    engine's translation merely lacks is flagged by the analysis (``NamesCheck``) when
    ``omission_counts`` says it is a clear name (not ``title_cased`` text, not a known
    place rendered through ``known_renderings``).

``inconsistent_renderings(pairs, src, tgt)``: a name spelt otherwise in one sentence of
a document; ``groups_of``, ``groups_in``, ``alias_keys``: the index of known places and
bodies (``aliases``).

Modules, bottom to top: ``tables`` (data files of ``xlate/data/names``), ``normalise``
(keys, skeletons, consonant classes), ``aliases`` (known renderings), ``lexicon`` (word
knowledge), ``extract`` (mentions), ``crossscript`` (a name in another text),
``evidence`` (the check's rules), ``in_place`` (a common noun in a name's place),
``capital_in_place`` (a capitalised common word there), ``worded_stand_in`` (a clear
name where an institution named in words stood),
``check`` (``check_names``), ``consistency``.
"""

from xlate.checks.names.aliases import alias_keys, groups_in, groups_of, known_renderings
from xlate.checks.names.check import check_names
from xlate.checks.names.consistency import NameRenderings, inconsistent_renderings
from xlate.checks.names.crossscript import find_name
from xlate.checks.names.evidence import omission_counts, title_cased, translated_in
from xlate.checks.names.extract import NameMention, extract_names

__all__ = [
    "NameMention",
    "NameRenderings",
    "alias_keys",
    "check_names",
    "extract_names",
    "find_name",
    "groups_in",
    "groups_of",
    "inconsistent_renderings",
    "known_renderings",
    "omission_counts",
    "title_cased",
    "translated_in",
]
