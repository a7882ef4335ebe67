"""Acronyms of a source that a translation neither kept nor rendered by a known equivalent.

Translations render acronyms in many ways: kept (BBC), transliterated (ФСБ/FSB), the
letters reordered (NATO/OTAN, EU/UE), a known equivalent (UN/ONU/ООН, U.S./EE. UU./США:
``xlate/data/acronym_groups.json`` and the name check's index of places and bodies), or a
local acronym of about the same length (IED -> FDI, ADB -> АБР), or, in Russian, spelt
out by its letters' names (ABC -> Эй-би-си) or typed in Cyrillic capitals that look like
the Latin ones (CEO -> СЕО): ``xlate/data/letter_names.json``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from unidecode import unidecode

from xlate.checks.names import groups_in, groups_of
from xlate.report import Flag
from xlate.text.addresses import without_addresses
from xlate.text.datafiles import data_json

# U.S., EE. UU., NATO, НАТО, G20; two capitals alone (PC, ФК) are too often a translated word.
_ACRONYM = re.compile(
    r"\b[A-ZА-ЯЁ]{1,2}\.\s?[A-ZА-ЯЁ]{1,2}\.|\b(?:[A-ZА-ЯЁ]\.){2,}|\b[A-ZА-ЯЁ]{2}[A-ZА-ЯЁ0-9]*[A-ZА-ЯЁ]\b"
)
_ROMAN = re.compile(r"^(?=[MDCLXVI])M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$")


@cache
def _groups() -> tuple[tuple[str, ...], ...]:
    """The groups of equivalent forms, each form squashed (see ``_squash``)."""
    return tuple(
        tuple(_squash(form) for form in group)
        for group in data_json("acronym_groups.json")["groups"]
    )


@cache
def _letter_names() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """Russian names of the Latin letters (name -> letters it may be), and the Cyrillic
    capitals that look like Latin ones."""
    data = data_json("letter_names.json")
    names: dict[str, list[str]] = {}
    for letter, spellings in data["ru"].items():
        for spelling in spellings:
            names.setdefault(spelling, []).append(letter)
    return {k: tuple(v) for k, v in names.items()}, dict(data["lookalikes"])


# A word of letter names joined by hyphens: Эй-би-си, Би-би-си, Си-эн-эн, Би-эм-дабл-ю.
_SPELT_OUT = re.compile(r"(?<![\w-])[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)+(?![\w-])")


def _spelt_letters(word: str) -> set[str]:
    """The Latin acronyms a run of Russian letter names may spell (Эй-би-си: ABC)."""
    names, _ = _letter_names()
    text = word.replace("-", "").lower()
    # ways[i]: the acronyms the first i characters spell, name by name.
    ways: list[set[str]] = [{""}] + [set() for _ in text]
    for i in range(len(text)):
        if not ways[i]:
            continue
        for name, letters in names.items():
            if text.startswith(name, i):
                ways[i + len(name)] |= {w + x for w in ways[i] for x in letters}
    return ways[len(text)]


def _spelt_out(key: str, translation: str) -> bool:
    """Does ``translation`` spell Latin acronym ``key`` (squashed) by its letters' Russian
    names (ABC → Эй-би-си), or type it in Cyrillic capitals alike (CEO → СЕО)?"""
    if not key.isascii():
        return False
    _, lookalikes = _letter_names()
    wanted = key.upper()
    if any(
        len(word) == len(wanted) and "".join(lookalikes.get(ch, ch) for ch in word) == wanted
        for word in re.findall(r"\b[А-ЯЁ]{2,}\b", translation)
    ):
        return True
    return any(wanted in _spelt_letters(m.group()) for m in _SPELT_OUT.finditer(translation))


def _squash(text: str) -> str:
    return re.sub(r"[\s.\-]", "", text).casefold()


def acronym_flags(source: str, translation: str) -> list[Flag]:
    """A low ``acronym`` flag for each acronym of ``source`` the translation lost."""
    letters = [ch for ch in source if ch.isalpha()]
    if not letters or sum(map(str.isupper, letters)) > 0.5 * len(letters):
        return []  # a headline in capitals: every word would look like an acronym
    bare = without_addresses(source)
    tgt_squashed = _squash(translation)
    # Acronyms of the translation the source lacks: a local acronym (IED -> FDI, ADB -> АБР)
    src_keys = {_squash(m.group(0)) for m in _ACRONYM.finditer(bare)}
    local = [
        key for m in _ACRONYM.finditer(translation) if (key := _squash(m.group(0))) not in src_keys
    ]
    flags = []
    seen: set[str] = set()
    for match in _ACRONYM.finditer(bare):
        acronym = match.group(0)
        if acronym in seen or _ROMAN.match(acronym.replace(".", "")):
            continue
        if re.search(r"[А-ЯЁ]", acronym) and not re.search(r"[а-яё]", translation.lower()):
            # A Russian acronym abbreviates Russian words (СМИ, АБР): another language
            # spells the thing out or uses its own letters; nothing to carry over.
            continue
        seen.add(acronym)
        if _kept(acronym, translation, tgt_squashed):
            continue
        size = len(_squash(acronym))
        stand_in = next((k for k in local if abs(len(k) - size) <= 1), None)
        if stand_in is not None:
            local.remove(stand_in)
            continue
        flags.append(
            Flag(
                kind="acronym",
                severity="low",
                reason=f"the acronym {acronym} is neither kept nor rendered by a known equivalent",
                detail={"acronym": acronym},
            )
        )
    return flags


def rendered(acronym: str, translation: str) -> bool:
    """Whether ``translation`` keeps ``acronym`` or renders it by a known equivalent (TV:
    televisión, телевидение; США: EE. UU.; ABC: Эй-би-си)."""
    return _kept(acronym, translation, _squash(translation))


# A form this short is looked for as a word of its own: "ti" (IT) stands inside
# "invirtiendo", "it" inside "sitio"; longer ones inside the squashed text ("EE. UU.").
_SHORT_FORM = 3


_TOKENS = re.compile(r"[\w.\-]+")


@lru_cache(maxsize=64)
def _squashed_words(translation: str) -> frozenset[str]:
    """The words of ``translation`` squashed, and its acronyms ("P. K." is two words)."""
    return frozenset(
        [_squash(word) for word in _TOKENS.findall(translation)]
        + [_squash(m.group(0)) for m in _ACRONYM.finditer(translation)]
    )


def _contains(form: str, translation: str, tgt_squashed: str) -> bool:
    if len(form) > _SHORT_FORM:
        return form in tgt_squashed
    return form in _squashed_words(translation)


def _kept(acronym: str, translation: str, tgt_squashed: str) -> bool:
    key = _squash(acronym)
    if _contains(key, translation, tgt_squashed):
        return True
    if groups_of(acronym) & set(groups_in(translation)):
        return True  # МАГАТЭ / OIEA, США / EE. UU.
    if _spelt_out(key, translation):
        return True
    for group in _groups():
        if key in group and any(_contains(form, translation, tgt_squashed) for form in group):
            return True
    latin = _squash(unidecode(acronym))
    letters = sorted(latin)
    for word in re.findall(r"[^\W\d_]{2,}", translation):
        if not (word.isupper() or len(word) <= 6):
            continue
        other = _squash(unidecode(word))
        # transliterated (ФСБ/FSB) or the letters reordered (NATO/OTAN, EU/UE)
        if other == latin or (word.isupper() and sorted(other) == letters):
            return True
    return False
