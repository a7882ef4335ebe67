"""Known renderings of names across en/es/ru: countries, territories and cities.

Knowledge instead of guessing for exonyms: Черногория is Montenegro, Países Bajos the
Netherlands, Нью-Йорк Nueva York. Country and territory names come from CLDR (Babel's
``Locale.territories``), cities from CLDR's exemplar cities of time zones; a short hand
list adds what CLDR lacks (news acronyms, alternative names, institutions):
``xlate/data/names/aliases.json``.

``alias_index()`` maps an alias key (a tuple of normalised word stems, see ``alias_key``)
to the ids of the groups that spell it; ``groups_in(text)`` says which groups a text
mentions and how.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from unidecode import unidecode

from xlate.checks.names.normalise import RU_PLACE_ADJECTIVE, is_acronym
from xlate.checks.names.tables import hand_aliases, russian_case_endings
from xlate.text.built import built

LANGS = ("en", "es", "ru")
_MAX_WORDS = 4

_CYRILLIC = re.compile(r"[а-яё]")
_WORDS = re.compile(r"[^\W_]+")
_NOT_KEY = re.compile(r"[^a-z0-9]+")
_SKIP = frozenset(("the", "of", "and", "de", "del", "la", "las", "los", "el", "y", "и"))


# Nouns in -ия keep the и in every case (Ливия, Ливии, Ливию, Ливией): the one-letter
# endings already bring each case to Ливи-. Dropping the whole -ия would let a word of
# the bare stem meet the country (Чеху, the goalkeeper Čech, is no case of Чехия).
_NOUN_AND_ADJECTIVE_ENDINGS = {"ие", "ое", "ая", "ые", "о"}


_FLEETING = re.compile(r"(?<=..[бвгджзклмнпрстфхцчшщ])[ео][бвгджзклмнпрстфхцчшщ]$")


@cache
def _key_endings() -> tuple[str, ...]:
    endings = set(russian_case_endings()) | _NOUN_AND_ADJECTIVE_ENDINGS
    return tuple(sorted(endings, key=len, reverse=True))


@lru_cache(maxsize=1 << 14)
def word_keys(word: str) -> tuple[str, ...]:
    """Keys one word may stand for: lowercased, Latin and accent-free, as written and, in
    Russian, with each case ending it may carry removed. Both an alias and a word of the
    text get every reading, as a stem alone cannot tell Цюрих (nominative, not the
    ending -их) from Цюрихе (Цюрих + -е)."""
    low = word.lower().replace("ё", "е")
    stems = [low]
    if _CYRILLIC.search(low):
        stems += [low[: -len(e)] for e in _key_endings()
                  if low.endswith(e) and len(low) - len(e) >= 3]  # fmt: skip
        adjective = RU_PLACE_ADJECTIVE.search(low)
        if adjective is not None and adjective.start() >= 3:
            stems.append(low[: adjective.start()])
        # A fleeting vowel between the last two consonants leaves the other cases:
        # Египет, в Египте (Egypt).
        stems += [low[:-2] + low[-1] for _ in _FLEETING.finditer(low)]
    letters = _russian_letter_keys()
    if all(ch in letters for ch in low):
        # unidecode reads letter by letter: a stem's key is its letters' keys joined
        keys = ("".join([letters[ch] for ch in s]) for s in stems)
    else:
        keys = (_NOT_KEY.sub("", unidecode(unicodedata.normalize("NFC", s))) for s in stems)
    return tuple(dict.fromkeys(k for k in keys if k))


@cache
def _russian_letter_keys() -> dict[str, str]:
    """The key of each lowercase Russian letter (ж → zh, ь → nothing): most words of a
    Russian text are made of these alone, so their stems' keys need no unidecode call."""
    return {ch: _NOT_KEY.sub("", unidecode(ch)) for ch in "абвгдежзийклмнопрстуфхцчшщъыьэюя"}


def word_key(word: str) -> str:
    """The first reading of ``word`` (see ``word_keys``)."""
    keys = word_keys(word)
    return keys[0] if keys else ""


def alias_keys(text: str) -> list[tuple[str, ...]]:
    """Every reading of a name's words, without connectors: "Países Bajos" →
    [("paises", "bajos")]; "Ливии" → [("livii",), ("livi",), ("liv",)]."""
    words = [word_keys(w) for w in _WORDS.findall(text) if w.lower() not in _SKIP]
    words = [w for w in words if w]
    if not words or len(words) > _MAX_WORDS:
        # No alias is longer (and the readings of a long run would multiply out of hand:
        # an engine's garbled output can hold a run of dozens of capitalised words).
        return []
    return [tuple(c) for c in itertools.product(*words)]


def alias_key(text: str) -> tuple[str, ...]:
    """Word keys of a name, without connectors: "Países Bajos" → ("paises", "bajos")."""
    return tuple(k for w in _WORDS.findall(text) if w.lower() not in _SKIP and (k := word_key(w)))


def _cldr_groups() -> list[tuple[str, ...]]:
    from babel import Locale
    from babel.dates import get_timezone_location

    locales = [Locale(lang) for lang in LANGS]
    groups: list[tuple[str, ...]] = []
    for code in map(str, locales[0].territories):
        if code == "001":
            continue  # "world" is no name in running text; continents and regions are
        names: list[str] = []
        for loc in locales:
            name = loc.territories.get(code)
            if name:
                # "Myanmar (Burma)", "Congo - Kinshasa": each part on its own too.
                names += [name] + [p.strip() for p in re.split(r"[()]| - ", name) if p.strip()]
        groups.append(tuple(dict.fromkeys(names)))
    zones = {str(z) for loc in locales[1:] for z in loc.time_zones if str(z).count("/") == 1}
    for zone in sorted(zones):
        if zone.startswith("Etc/"):
            continue
        cities = [get_timezone_location(zone, locale=loc, return_city=True) for loc in locales]
        groups.append(tuple(dict.fromkeys(cities)))
    return groups


_Index = dict[tuple[str, ...], tuple[tuple[int, bool], ...]]


@lru_cache(maxsize=1)
def _alias_tables() -> tuple[tuple[tuple[str, ...], ...], _Index]:
    """The groups and their index, kept on disk once built (``xlate.text.built``: Babel's
    locale data and ~2,000 aliases normalised, ~0.15 s of a one-sentence check), under a
    key of the names check's code, its data files and the libraries they are read with."""
    here = Path(__file__).parent
    sources = [*here.glob("*.py"), *(here.parents[1] / "data" / "names").iterdir()]
    return built("names.aliases", sources, _build_alias_tables, ("babel", "Unidecode"))


def _build_alias_tables() -> tuple[tuple[tuple[str, ...], ...], _Index]:
    groups = hand_aliases() + tuple(_cldr_groups())
    return groups, _build_index(groups)


def alias_groups() -> tuple[tuple[str, ...], ...]:
    return _alias_tables()[0]


def alias_index() -> _Index:
    """Alias key → (group id, acronym only) for every alias of every group."""
    return _alias_tables()[1]


def _build_index(groups: tuple[tuple[str, ...], ...]) -> _Index:
    index: dict[tuple[str, ...], list[tuple[int, bool]]] = {}
    for gid, group in enumerate(groups):
        for alias in group:
            for key in alias_keys(alias):
                if 0 < len(key) <= _MAX_WORDS:
                    index.setdefault(key, []).append((gid, is_acronym(alias)))
    return {k: tuple(dict.fromkeys(v)) for k, v in index.items()}


@lru_cache(maxsize=16384)
def groups_of(name: str) -> frozenset[int]:
    """Groups that spell ``name`` (an acronym alias only matches an acronym).

    Cached: the check asks it of the same words again and again (is this a known place?)."""
    index = alias_index()
    upper = is_acronym(name)
    return frozenset(
        gid
        for key in alias_keys(name)
        for gid, acronym in index.get(key, ())
        if upper or not acronym
    )


@cache
def _key_prefixes() -> frozenset[tuple[str, ...]]:
    """The readings that open a longer alias key ("united" of "united states")."""
    return frozenset(key[:k] for key in alias_index() for k in range(1, len(key)))


@cache
def _lowercase_openers() -> frozenset[str]:
    """First words of the hand aliases written lowercase on purpose: a name Russian
    writes in small letters around its capital (чемпионат Европы)."""
    return frozenset(
        key
        for group in hand_aliases()
        for alias in group
        if alias[:1].islower() and " " in alias
        for key in word_keys(alias.split()[0])
    )


@lru_cache(maxsize=4096)
def groups_in(text: str) -> dict[int, str]:
    """Group id → the words of ``text`` that spell it."""
    index = alias_index()
    openers = _lowercase_openers()
    tokens = [(m.group(), word_keys(m.group()), m.start(), m.end()) for m in _WORDS.finditer(text)]
    tokens = [t for t in tokens if t[0].lower() not in _SKIP and t[1]]
    prefixes = _key_prefixes()
    found: dict[int, str] = {}
    for i in range(len(tokens)):
        lowercase = not tokens[i][0][:1].isupper()
        if lowercase and not openers.intersection(tokens[i][1]):
            continue  # "paz" is not La Paz, "turkey" not Turkey
        # The readings of the run's words so far that some longer key starts with: in the
        # order of their product, which alone could be read on (a key of n words is one of
        # these and a reading of the nth word), and none once there are none.
        heads: list[tuple[str, ...]] = [()]
        for n in range(1, min(_MAX_WORDS, len(tokens) - i) + 1):
            readings = [(*head, r) for head in heads for r in tokens[i + n - 1][1]]
            # a lowercase opener (чемпионат of чемпионат Европы) is a name only with its words
            entries = (
                ()
                if lowercase and n == 1
                else tuple(e for key in readings for e in index.get(key, ()))
            )
            heads = [r for r in readings if r in prefixes]
            if not entries:
                if not heads:
                    break
                continue
            end = tokens[i + n - 1][3]
            if "." in text[tokens[i][2] : end] and text[end : end + 1] == ".":
                end += 1  # "EE. UU."
            span = text[tokens[i][2] : end]
            upper = is_acronym(span)
            for gid, acronym in entries:
                if upper or not acronym:
                    found.setdefault(gid, span)
    return found


def known_renderings(name: str) -> tuple[str, ...]:
    """Every spelling we know of the places and bodies ``name`` spells (Россия → Russia,
    Rusia, ...): a word growing from one of them (Russian, ruso) renders the name."""
    groups = alias_groups()
    return tuple(alias for gid in sorted(groups_of(name)) for alias in groups[gid])


# Letters each part of a compound place word has at least (Centro-europa).
_COMPOUND_PART = 4


@lru_cache(maxsize=16384)
def place_compounds(word: str) -> tuple[tuple[str, frozenset[int]], ...]:
    """The ways ``word`` is one word made of a word and a known place written on
    (Centroeuropa: Centro + Europa): (the first part, capitalised; the place's groups).
    Whether the first part is a word is for the caller to show (by its rendering)."""
    if " " in word or "-" in word or not word.isalpha():
        return ()
    out = []
    for cut in range(_COMPOUND_PART, len(word) - _COMPOUND_PART + 1):
        gids = groups_of(word[cut:].capitalize())
        if gids:
            out.append((word[:cut].capitalize(), gids))
    return tuple(out)
