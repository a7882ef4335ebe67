"""Normal forms of a name's words: Latin keys, spelling skeletons and consonant classes.

Pure string functions (no word lists beyond the transliteration tables): a name written
in another language or script reaches the same key, skeleton or consonant class as the
original when only its spelling conventions differ (Тимошенко/Tymoshenko, Гамбург/
Hamburg, Су-30МК2/Su-30MK2).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from unidecode import unidecode

from xlate.checks.names.tables import (
    acronym_letters,
    cyrillic_lookalikes,
    latin_consonant_rules,
    russian_case_endings,
    russian_consonants,
    skeleton_rules,
)

# Adjectives made of a place name: Испанской, Европейского, Лиссабонском (Испания,
# Европа, Лиссабон); one more reading without the adjective suffix.
RU_PLACE_ADJECTIVE = re.compile(
    r"(?:ей|ий|ев|ов)?ск(?:ий|ая|ое|ие|ого|ой|ому|ом|им|их|ими|ую|ые|ых)$"
)
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def script_of(word: str) -> str:
    """ "cyrl" for a word with any Cyrillic letter, else "latn"."""
    return "cyrl" if _CYRILLIC.search(word) else "latn"


def script_of_lang(lang: str) -> str:
    return "cyrl" if lang == "ru" else "latn"


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# Patterns of the keys and skeletons, compiled once: every word of a text goes through them.
_DOUBLED = re.compile(r"(.)\1+")
_NOT_KEY = re.compile(r"[^a-z0-9]")
_NOT_RU_CONSONANT = re.compile(r"[^a-zčšj]")
_NOT_LATIN_LETTER = re.compile(r"[^a-zřžšč]")
_POSSESSIVE = re.compile(r"['’]s?$")
_NOT_PLAIN = re.compile(r"[^a-z0-9 ]+")


def without_possessive(word: str) -> str:
    return _POSSESSIVE.sub("", word) or word  # Washington's, Fussell's


@lru_cache(maxsize=1 << 12)
def plain_latin(text: str) -> str:
    """Latin, accent-free, lowercase, letters and digits only.

    Cached: every capitalised word of a text is asked for, by several checks."""
    text = text.replace("ё", "е").replace("Ё", "Е")
    text = unidecode(unicodedata.normalize("NFC", text))
    return _NOT_PLAIN.sub("", text.lower().replace("-", " ")).strip()


@lru_cache(maxsize=16384)
def skeleton(word: str) -> str:
    """Fold transliteration variants so that Тимошенко and Tymoshenko meet."""
    s = plain_latin(word).replace(" ", "")
    for old, new in skeleton_rules():
        s = s.replace(old, new)
    s = _DOUBLED.sub(r"\1", s)  # doubled letters: Hollande/Олланд
    if len(s) > 4 and s.endswith("e") and s[-2] not in "aeiou":
        s = s[:-1]
    return s


@lru_cache(maxsize=16384)
def skeleton_forms(word: str, lang: str) -> frozenset[str]:
    """Skeletons a word may stand for: itself and, in Russian, its case-less stems.

    Cached: each word of a translation is compared with every name of its source."""
    base = skeleton(word)
    forms = {base}
    low = word.lower().replace("ё", "е")
    if lang == "ru" or re.search(r"[а-я]", low):
        for ending in russian_case_endings():
            if low.endswith(ending) and len(low) - len(ending) >= 3:
                forms.add(skeleton(low[: -len(ending)]))
        adjective = RU_PLACE_ADJECTIVE.search(low)
        if adjective is not None and adjective.start() >= 3:
            forms.add(skeleton(low[: adjective.start()]))  # Нобелевской → Нобел
    elif len(base) > 4 and base[-1] in "aeiou":
        forms.add(base[:-1])  # Venezuela ↔ Венесуэл-ы, Mexico ↔ Мексик-е
    return frozenset(forms)


def ru_stem(word: str) -> str:
    """A Russian word less its first fitting case ending (the stem keeps three letters)."""
    word = word.replace("ё", "е")
    for ending in russian_case_endings():
        if word.lower().endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def designation_key(text: str) -> str:
    return _NOT_KEY.sub("", unidecode(text).lower())


def designation_keys(text: str) -> set[str]:
    """Transliterated (Су → su) and look-alike (СВ → CB) readings of a designation."""
    return {designation_key(text), designation_key(text.translate(cyrillic_lookalikes()))}


def acronym_key(text: str) -> str:
    low = text.lower().translate(acronym_letters())
    return _NOT_KEY.sub("", unidecode(low))


# --- consonant skeletons across scripts ----------------------------------------------------


def _collapse(s: str) -> str:
    return _DOUBLED.sub(r"\1", s)


def _cyrillic_consonants(low: str) -> frozenset[str]:
    low = low.replace("дж", "ж")
    endings = russian_case_endings()
    stems = {low} | {low[: -len(e)] for e in endings if low.endswith(e) and len(low) - len(e) >= 3}
    # Adjectives made of names: Кембриджском, Эцтальских.
    stems |= {s[:-2] for s in stems if s.endswith("ск") and len(s) >= 6}
    table = russian_consonants()
    return frozenset(_collapse(_NOT_RU_CONSONANT.sub("", s.translate(table))) for s in stems)


# French final x after a vowel pair is silent (Giroux/Жиру, Desroux/Деру).
_SILENT_X = re.compile(r"(?<=[aeo]u)x$")


def _latin_consonants(low: str) -> frozenset[str]:
    kept = "".join(c if c in "řžšč" else unidecode(c) for c in low)
    kept = _NOT_LATIN_LETTER.sub("", kept)
    if _SILENT_X.search(kept):
        return _latin_readings(kept) | _latin_readings(kept[:-1])
    return _latin_readings(kept)


def _latin_readings(kept: str) -> frozenset[str]:
    out = {""}
    i = 0
    while i < len(kept):
        for spelling, readings in latin_consonant_rules():
            if kept.startswith(spelling, i):
                out = {o + r for o in out for r in readings}
                i += len(spelling)
                break
        else:
            i += 1  # a vowel
        if len(out) > 64:
            break
    return frozenset(_collapse(o) for o in out)


@lru_cache(maxsize=16384)
def consonant_skeletons(word: str) -> frozenset[str]:
    """Consonant skeletons ``word`` may stand for, in one space for both scripts:
    Watson/Уотсон → "vtsn"/"tsn", Hašek/Гашеком → "hšk", Ötztal/Эцтальских → "stl"."""
    low = word.lower().replace("ё", "е")
    if script_of(low) == "cyrl":
        return _cyrillic_consonants(low)
    return _latin_consonants(low)


def consonant_distance(a: str, b: str) -> int:
    """Fewest edits between any consonant skeletons of two words (0 = same sounds)."""
    return min(
        Levenshtein.distance(x, y) for x in consonant_skeletons(a) for y in consonant_skeletons(b)
    )
