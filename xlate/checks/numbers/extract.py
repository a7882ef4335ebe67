"""Every number of a text: digits, number words, and fixed phrases ("half a century")."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from xlate.checks.numbers.digits import digit_mentions
from xlate.checks.numbers.lexicon import decade_tens, fold, group_noun, lexicon
from xlate.checks.numbers.mention import NumberMention, canonical
from xlate.checks.numbers.words import word_mentions

# "five and a half", "пять с половиной": the half belongs to the number.
_HALF_AFTER: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\s+and\s+a\s+half\b", re.I),
    "es": re.compile(r"\s+y\s+medi[oa]\b", re.I),
    "ru": re.compile(r"\s+с\s+половиной\b", re.I),
}
# "half a million", "a half million", "medio millón", "media docena": half the scale word
# or group noun after it (Russian glues it on: "полмиллиона", see the number words).
_HALF_BEFORE: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:half[\s-]+an?|an?\s+half)[\s-]+$", re.I),
    "es": re.compile(r"\bmedi[oa]\s+$", re.I),
    "ru": re.compile(r"(?!)"),
}
# The scale word after "two and a half" ("two and a half million", "два с половиной
# миллиона"): the half belongs to the number, the number to the scale.
_SCALE_WORD_AFTER = re.compile(r"[ \u00a0]+([^\W\d_]+)")
# "5 horas y media", "two hours and a half": a half after the counted noun.
_NOUN_THEN_HALF: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\s+[^\W\d_]+\s+and\s+a\s+half\b", re.I),
    "es": re.compile(r"\s+[^\W\d_]+\s+y\s+medi[oa]\b", re.I),
    "ru": re.compile(r"(?!)"),
}
# "2 часа дня", "a las 2 de la tarde", "2 in the afternoon": a 12-hour clock.
_AFTERNOON_AFTER: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\s+(?:o'clock\s+)?in\s+the\s+(?:afternoon|evening)\b", re.I),
    "es": re.compile(r"\s+(?:horas?\s+)?de\s+la\s+(?:tarde|noche)\b", re.I),
    "ru": re.compile(r"\s+час\w*\s+(?:дня|вечера)\b", re.I),
}
# "three decades" is also "30 years".
_DECADES_AFTER: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"[\s-]+decades?\b", re.I),
    "es": re.compile(r"\s+(?:d[eé]cadas?|decenios?)\b", re.I),
    "ru": re.compile(r"\s+десятилети\w*", re.I),
}
# "на пятом этаже" is the "fourth floor" of London or Madrid: Russian counts the ground
# floor as the first, British English and Spanish count from the one above it.
_FLOOR_AFTER: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"(?!)"),
    "es": re.compile(r"(?!)"),
    "ru": re.compile(r"\s+этаж\w*", re.I),
}
# Numbers written as fixed phrases: counted when they match, never flagged alone.
_PHRASES: dict[str, dict[str, str]] = {
    "en": {
        r"half\s+a\s+century": "50",
        r"(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies": "decade",
    },
    "es": {r"medio\s+siglo": "50"},
    "ru": {r"пол(?:у)?века|пол\s+века": "50"},
}
# Roman numerals of two letters or more, I/V/X only ("XV Semana", "XXI век", "Juan Pablo
# II"): C, L, D and M make too many acronyms.
_ROMAN = re.compile(r"\b(?=[IVX]{2,}\b)(X{0,3})(IX|IV|V?I{0,3})\b")
_ROMAN_UNITS = {"IX": 9, "IV": 4}


def extract_numbers(text: str, lang: str) -> list[NumberMention]:
    """All numbers of ``text`` in document order (see ``xlate.checks.numbers``)."""
    digits = digit_mentions(text, lang)
    # A word run right before a scale digit mention cannot overlap; a scale word after a
    # number word run was parsed inside the run ("dos millones"). Word mentions a digit
    # mention already consumed ("1.5 million") are dropped.
    spans = [(m.start, m.end) for m in digits]
    words = [w for w in word_mentions(text, lang) if not any(a <= w.start < b for a, b in spans)]
    found = [_with_half_or_decades(m, text, lang) for m in digits + words]
    found = [_halved(m, text, lang) for m in found]
    found = [m for m in found if not _inside_another(m, found)]
    spans = [(m.start, m.end) for m in found]
    found += [m for m in _phrase_mentions(text, lang) if not _overlaps(m, spans)]
    return sorted(found, key=lambda m: m.start)


def _inside_another(mention: NumberMention, found: list[NumberMention]) -> bool:
    """Whether a longer mention holds this one: "million" of "two and a half million"."""
    size = mention.end - mention.start
    return any(
        o.start <= mention.start and mention.end <= o.end and o.end - o.start > size for o in found
    )


def _halved(mention: NumberMention, text: str, lang: str) -> NumberMention:
    """A lone scale word or group noun after "half a" or "medio" is half its value."""
    if mention.kind != "cardinal" or not mention.text.isalpha():
        return mention  # digits, and runs of words ("two million"): no half before them
    word = fold(mention.text)
    if word not in lexicon(lang).powers and group_noun(word, lang) is None:
        return mention
    half = _HALF_BEFORE[lang].search(text, 0, mention.start)
    if half is None:
        return mention
    value = canonical(Decimal(mention.value) / 2)
    return replace(
        mention,
        start=half.start(),
        text=text[half.start() : mention.end],
        value=value,
        alternatives=(),
        soft=False,
    )


def _overlaps(mention: NumberMention, spans: list[tuple[int, int]]) -> bool:
    return any(a < mention.end and mention.start < b for a, b in spans)


def _with_half_or_decades(mention: NumberMention, text: str, lang: str) -> NumberMention:
    if mention.kind == "ordinal" and _FLOOR_AFTER[lang].match(text, mention.end):
        below = canonical(Decimal(mention.value) - 1)
        return replace(mention, alternatives=(*mention.alternatives, below))
    if mention.kind != "cardinal" or not mention.value.isdigit():
        return mention
    value = Decimal(mention.value)
    half = _HALF_AFTER[lang].match(text, mention.end)
    if half:
        end = half.end()
        scale = _SCALE_WORD_AFTER.match(text, end)
        power = lexicon(lang).powers.get(fold(scale.group(1))) if scale else None
        if scale and power and power >= 1000:  # "two and a half million"
            value, end = value * power, scale.end()
            return replace(
                mention,
                end=end,
                text=text[mention.start : end],
                value=canonical(value + Decimal(power) / 2),
            )
        return replace(
            mention,
            end=end,
            text=text[mention.start : end],
            value=canonical(value + Decimal("0.5")),
        )
    extra: list[str] = []
    if _NOUN_THEN_HALF[lang].match(text, mention.end):
        extra.append(canonical(value + Decimal("0.5")))
    if _DECADES_AFTER[lang].match(text, mention.end):
        extra.append(canonical(value * 10))
    if value < 12 and _AFTERNOON_AFTER[lang].match(text, mention.end):
        extra.append(canonical(value + 12))  # "2 часа дня" is 14:00
    if not extra:
        return mention
    return replace(mention, alternatives=(*mention.alternatives, *extra), soft=False)


# Compiled once: every sentence of a document is searched for each.
_PHRASE_PATTERNS = {
    lang: [(re.compile(rf"\b(?:{pattern})\b", re.I), value) for pattern, value in phrases.items()]
    for lang, phrases in _PHRASES.items()
}


def _phrase_mentions(text: str, lang: str) -> list[NumberMention]:
    out: list[NumberMention] = []
    for pattern, value in _PHRASE_PATTERNS[lang]:
        for m in pattern.finditer(text):
            decade = decade_tens().get(m.group().lower()[:-3])  # "sixties" → 60
            value_here = str(decade) if value == "decade" and decade else value
            out.append(
                NumberMention(m.start(), m.end(), m.group(), value_here, "cardinal", (), True)
            )
    for m in _ROMAN.finditer(text):
        if not m.group():
            continue
        tens, units = m.group(1), m.group(2)
        roman = 10 * len(tens) + _ROMAN_UNITS.get(units, ("V" in units) * 5 + units.count("I"))
        out.append(NumberMention(m.start(), m.end(), m.group(), str(roman), "cardinal", (), True))
    return out
