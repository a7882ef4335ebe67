"""Number words per language: number-parser's tables, and what they lack.

What number-parser lacks (ordinals outside English, "полтора", a few Russian case forms,
abbreviated scale words such as "млн" and "bn", the vague plurals "thousands of"/"miles
de") is in ``xlate/data/number_words.json``; each language's lexicon is built once, on
first use. Words are looked up folded (``fold``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

from number_parser.data import en as _parser_en
from number_parser.data import es as _parser_es
from number_parser.data import ru as _parser_ru

from xlate.text.datafiles import data_json
from xlate.text.morphology import ru_parses, russian_analyser

_PARSER_INFO: dict[str, dict[str, Any]] = {
    "en": _parser_en.info,
    "es": _parser_es.info,
    "ru": _parser_ru.info,
}
_PARSER_TABLES = ("UNIT_NUMBERS", "DIRECT_NUMBERS", "TENS", "HUNDREDS", "BIG_POWERS_OF_TEN")

# A percent sign or word right after a number.
PERCENT_AFTER: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\s*(?:%|per\s*cent\b|percent\b|percentage points?\b)", re.I),
    "es": re.compile(r"\s*(?:%|por\s+cien(?:to)?\b|puntos? porcentuales\b)", re.I),
    "ru": re.compile(r"\s*(?:%|процент\w*|п\.\s?п\.)", re.I),
}
# The endings of a Russian adjective: ordinals ("третьего") and scale adjectives
# ("18-миллиардный") are a stem and one of these.
RU_ADJECTIVE_ENDING = re.compile(
    r"(ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ыми|ими|"
    r"ья|ье|ьи|ьего|ьей|ьему|ьим|ьем|ью|ьих|ьими|ьей)$"
)


_UNACCENT = str.maketrans("áéíóúü", "aeiouu")


@lru_cache(maxsize=1 << 14)
def fold(word: str) -> str:
    """Lowercase, ё→е and Spanish accents off: the form lexicon lookups use (cached: every
    word of every sentence is folded)."""
    word = word.lower().replace("ё", "е")
    return word.translate(_UNACCENT)


@dataclass(frozen=True)
class Lexicon:
    """The number words of one language, folded."""

    cardinals: dict[str, int]
    powers: dict[str, int]  # the round cardinals from a hundred up (see _is_round)
    vague_plurals: frozenset[str]
    vague_before: frozenset[str]  # "several" before "hundred": no number
    paired_conjunctions: dict[str, str]  # "both" ... "and": no number
    plural_powers: dict[str, int]  # empty: a plural reads as its cardinal (ru)
    soft: frozenset[str]
    article_only: frozenset[str]
    joiners: frozenset[str]
    ordinals: dict[str, int]  # es: words; ru: stems before an adjective ending
    fractions: dict[str, Decimal]
    collective: dict[str, int]
    fraction_nouns: dict[str, int]  # a denominator's noun: "tercio", "треть" (lemmas in ru)
    scale_adjectives: dict[str, int]
    scale_abbreviations: dict[str, int]
    scale_readings: dict[str, int]  # the other power a scale word is used for (billones)
    scale_one: frozenset[str]  # "one" of a scale phrase after digits ("12 one thousand")


@cache
def lexicon(lang: str) -> Lexicon:
    """The number words of ``lang`` (en, es or ru)."""
    data = data_json("number_words.json")
    cardinals: dict[str, int] = {}
    for key in _PARSER_TABLES:
        table = _PARSER_INFO[lang].get(key)
        if isinstance(table, dict):
            for word, value in table.items():
                cardinals[fold(str(word))] = int(value)
    cardinals.update(data["cardinal_extras"].get(lang, {}))

    def words(key: str) -> frozenset[str]:
        return frozenset(data[key].get(lang, ()))

    def values(key: str) -> dict[str, int]:
        return {word: int(value) for word, value in data[key].get(lang, {}).items()}

    return Lexicon(
        cardinals=cardinals,
        powers={w: v for w, v in cardinals.items() if _is_round(v)},
        vague_plurals=words("vague_plurals"),
        vague_before=words("vague_before"),
        paired_conjunctions=dict(data["paired_conjunctions"].get(lang, {})),
        plural_powers=values("plural_powers"),
        soft=words("soft"),
        article_only=words("article_only"),
        joiners=words("joiners"),
        ordinals=values("ordinals"),
        fractions={w: Decimal(v) for w, v in data["fractions"].get(lang, {}).items()},
        collective=values("collective"),
        fraction_nouns=values("fraction_nouns"),
        scale_adjectives=values("scale_adjectives"),
        scale_abbreviations=values("scale_abbreviations"),
        scale_readings=values("scale_readings"),
        scale_one=words("scale_one"),
    )


def _is_round(value: int) -> bool:
    """Round values from a hundred up (100, 200, 1000, 10**6): the cardinals that may
    follow digits as a scale word ("5 mil", "3 millones")."""
    return value >= 100 and value % 10 == 0 and str(value).count("0") >= 2


@cache
def quantity_prefixes() -> frozenset[str]:
    """Words before a hyphen that keep the digits a quantity ("mid-90s", "under-21")."""
    return frozenset(data_json("number_words.json")["quantity_prefixes"])


@cache
def decade_tens() -> dict[str, int]:
    """English decade words by their stem: "sixt" (sixties) → 60."""
    return {stem: int(tens) for stem, tens in data_json("number_words.json")["decade_tens"].items()}


@cache
def month_before() -> re.Pattern[str]:
    """A capitalised English or Spanish month name (or its abbreviation)."""
    prefixes = "|".join(data_json("number_words.json")["month_prefixes"])
    return re.compile(rf"(?:{prefixes})[a-z]*\.?$", re.I)


@cache
def _ru_number_starts() -> frozenset[str]:
    """The first three letters of every Russian cardinal, collective and fraction word."""
    lex = lexicon("ru")
    words = (*lex.cardinals, *lex.collective, *lex.fraction_nouns)
    return frozenset(w[:3] for w in words if len(w) >= 3)


def ru_number_lemma(word: str) -> str | None:
    """The dictionary lemma of a folded Russian numeral ("троих" → "трое", "семьюстами"
    → "семьсот"), group noun ("тройку" → "тройка") or fraction noun ("трети" → "треть"),
    or None. Only words that start like a number word are looked up, so the dictionary is
    asked about few words of a text."""
    if len(word) < 3 or word[:3] not in _ru_number_starts():
        return None  # most words, answered before the cache (which they would crowd out)
    return _ru_number_lemma(word)


@lru_cache(maxsize=4096)
def _ru_number_lemma(word: str) -> str | None:
    parse = ru_parses(word)[0]
    lemma = fold(str(parse.normal_form))
    if parse.tag.POS == "NUMR":
        return lemma
    lex = lexicon("ru")
    if lemma in lex.fraction_nouns or (lemma in lex.collective and "sing" in parse.tag):
        return lemma  # a group noun counts in the singular: "десятках", "сотнями" are vague
    return None


def group_noun(word: str, lang: str) -> int | None:
    """The size of the round group a folded noun names, in either number ("dozen",
    "docenas", "centenares", "сотни", "десятков"), or None. After a cardinal it
    multiplies: "two dozen" is 24, "три сотни" 300 (alone, a plural is vague)."""
    lex = lexicon(lang)
    size = lex.collective.get(word)
    if size is None and lang == "es" and word.endswith("s"):
        size = lex.collective.get(word[:-2] if word.endswith("res") else word[:-1])
    if size is None and lang == "ru" and len(word) >= 3 and word[:3] in _ru_number_starts():
        size = lex.collective.get(fold(str(ru_parses(word)[0].normal_form)))
    return size if size is not None and size >= 10 else None


_RU_HALF_PREFIXES = ("полу", "пол")


def ru_half_scale(word: str) -> Decimal | None:
    """Half the scale word or group noun a folded Russian word is built on: "полмиллиона",
    "полумиллиона", "пол-миллиона" (500,000), "полтысячи", "полсотни", "полдюжины"; else
    None ("полтора" and "полку" are built on none)."""
    prefix = next((p for p in _RU_HALF_PREFIXES if word.startswith(p)), None)
    if prefix is None:
        return None
    rest = word[len(prefix) :].lstrip("-")
    lex = lexicon("ru")
    size = lex.powers.get(rest) or (group_noun(rest, "ru") if rest.isalpha() else None)
    return Decimal(size) / 2 if size else None


@cache
def _ru_compound_prefixes() -> tuple[tuple[str, int], ...]:
    """The number parts of Russian compound adjectives, longest first ("семидесяти" before
    "семи")."""
    table: dict[str, int] = data_json("number_words.json")["ru_compound_prefixes"]
    return tuple(sorted(table.items(), key=lambda item: -len(item[0])))


def _builds_on(value: int, part: int) -> bool:
    """Whether ``part`` can follow the parts summed in ``value``: hundreds, then tens, then
    units ("тридцати" + "девяти", not "девяти" + "тридцати")."""
    if value % 100 == 0:
        return part < 100
    return value % 10 == 0 and value % 100 >= 20 and part < 10


def ru_compound_number(word: str) -> int | None:
    """The number a folded Russian compound adjective starts with ("семилетний" → 7,
    "тридцатидевятилетней" → 39, "двухскоростной" → 2), or None.

    The parts must fall in value (tens, then units) and what follows them must be an
    adjective the dictionary knows ("летний", "скоростной"), so that a word that merely
    starts like a number ("семинарский") is none."""
    if word[:2] not in _ru_compound_starts():
        return None  # no number part can open it (most words): no scan of the parts
    return _ru_compound_number(word)


@cache
def _ru_compound_starts() -> frozenset[str]:
    """The first two letters of every number part (each part has four or more)."""
    return frozenset(part[:2] for part, _ in _ru_compound_prefixes())


@lru_cache(maxsize=4096)
def _ru_compound_number(word: str) -> int | None:
    value, rest = 0, word
    while part := next(((p, v) for p, v in _ru_compound_prefixes() if rest.startswith(p)), None):
        if value and not _builds_on(value, part[1]):
            break
        value, rest = value + part[1], rest[len(part[0]) :]
    if value == 0 or len(rest) < 4:
        return None
    analyser = russian_analyser()
    if not analyser.word_is_known(rest) or ru_parses(rest)[0].tag.POS != "ADJF":
        return None
    return value
