"""The word lists and transliteration tables of the name check, from ``xlate/data/names``.

Each file is read once, on first use: importing the check costs no file access, and a run
that never meets a name reads none of them. Plain-text lists hold one entry a line
(``#`` starts a comment line); JSON holds what has structure (per-language lists, rules).
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


def _read(name: str) -> str:
    return (files("xlate") / "data" / "names" / name).read_text(encoding="utf-8")


@cache
def _word_list(name: str) -> tuple[str, ...]:
    lines = (line.strip() for line in _read(name).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def _json(name: str) -> Any:
    return json.loads(_read(name))


@cache
def _per_language(name: str) -> dict[str, frozenset[str]]:
    return {lang: frozenset(words) for lang, words in _json(name).items()}


def sentence_openers(lang: str) -> frozenset[str]:
    """Function and very common words that start sentences; never names on their own."""
    return _per_language("sentence_openers.json").get(lang, frozenset())


def connectors(lang: str) -> frozenset[str]:
    """Lowercase words that may stand inside a multiword name (Bank of America, Simón de
    Bolívar, Ван дер Сар)."""
    return _per_language("connectors.json").get(lang, frozenset())


def articles(lang: str) -> frozenset[str]:
    """Definite articles (with their contractions: del, al): what stands before a common
    noun put in a name's place ("dijo el ministro"). Russian has none."""
    return _per_language("articles.json").get(lang, frozenset())


@cache
def titles() -> frozenset[str]:
    return frozenset(_word_list("titles.txt"))


@cache
def title_abbreviations() -> frozenset[str]:
    """Titles cut short (sen, gral, ген), lowercase: before a name, never a name."""
    return frozenset(_json("abbreviations.json")["titles"])


@cache
def courtesy_abbreviations() -> tuple[str, ...]:
    """Courtesy titles cut short, as written (Mr, Sr, St, г): they may open a name."""
    return tuple(_json("abbreviations.json")["courtesy"])


@cache
def months_and_days() -> frozenset[str]:
    return frozenset(_word_list("months_and_days.txt"))


@cache
def english_demonyms() -> frozenset[str]:
    return frozenset(_word_list("english_demonyms.txt"))


def russian_case_endings() -> tuple[str, ...]:
    """Longest first; the order decides which ending a stem loses."""
    return _word_list("russian_case_endings.txt")


@cache
def hand_aliases() -> tuple[tuple[str, ...], ...]:
    """Frequent news acronyms and names CLDR does not carry: any spelling in a group
    renders the others. Their order fixes the group ids (the hand list comes first)."""
    return tuple(tuple(group) for group in _json("aliases.json"))


def _transliteration(table: str) -> Any:
    return _json("transliteration.json")[table]


@cache
def skeleton_rules() -> tuple[tuple[str, str], ...]:
    """Spelling variants folded, in order, so that Тимошенко and Tymoshenko meet."""
    return tuple((old, new) for old, new in _transliteration("skeleton_rules"))


@cache
def latin_consonant_rules() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Latin spellings, tried in order, and the consonant classes each may read as (a
    list offers the readings of an ambiguous spelling: German/Czech ch is х, English ch
    is ч; Spanish j is х, English j is дж, German j is й)."""
    rules = _transliteration("latin_consonant_rules")
    return tuple((spelling, tuple(readings)) for spelling, readings in rules)


@cache
def russian_consonants() -> dict[int, str]:
    """A ``str.translate`` table: Russian letters as the consonant classes Latin spellings
    of the same name fall into (vowels, й and signs drop; г/х meet h as in Hamburg/Гамбург,
    ц/з meet s as in Paclík/Пацлик)."""
    return str.maketrans(_transliteration("russian_consonants"))


@cache
def acronym_letters() -> dict[int, str]:
    """A ``str.translate`` table: acronyms are transliterated letter by letter (NHL/НХЛ,
    P. K./П.К.)."""
    return str.maketrans(_transliteration("acronym_letters"))


@cache
def cyrillic_lookalikes() -> dict[int, str]:
    """A ``str.translate`` table: Cyrillic letters that look like Latin ones, for
    designations (Су-30МК2 = Su-30MK2)."""
    return str.maketrans(_transliteration("cyrillic_lookalikes"))


@cache
def consonant_conventions() -> frozenset[frozenset[str]]:
    """Consonant pairs that transliteration conventions swap (measured on newstest2012
    names: Hamburg/Гамбург, Charles/Чарлз, Brussels/Брюссель, Bohemia/Богемия, ...)."""
    return frozenset(frozenset(pair) for pair in _transliteration("consonant_conventions"))
