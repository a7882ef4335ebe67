"""Numbers written with digits, in any local format: "1,5", "1.500", "1 500" (plain,
no-break or thin space), with scale words ("1.5 million", "$3bn", "3.000 millones"),
percent signs and words, ordinal suffixes ("3rd", "3.º", "3-й"), clock times and fractions.
Digits inside designations ("Su-30MK2", "F-16", "COVID-19", "MH17") are left to the name
check.
"""

from __future__ import annotations

import re
from decimal import Decimal

from xlate.checks.numbers.lexicon import (
    PERCENT_AFTER,
    RU_ADJECTIVE_ENDING,
    Lexicon,
    fold,
    lexicon,
    quantity_prefixes,
)
from xlate.checks.numbers.mention import NumberMention, canonical

_SPACES = " \u00a0\u202f\u2009"
_DIGITS = re.compile(
    r"(?<![\w.,])"  # not glued to a word or another number
    r"(?P<num>\d{1,3}(?:(?P<sep>[,.\u00a0\u202f\u2009 ])\d{3})(?:(?P=sep)\d{3})*"
    r"(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![.,]?\d)"
)
_YEAR = re.compile(r"1\d{3}|20\d{2}")
# "9 mil 200" (Mexican press): thousands written as a word between digit groups.
# "5 millones 143 mil 312" likewise.
_ES_MIL_GROUP = re.compile(
    r"[ \u00a0]+(mil|mill[oó]n|millones)[ \u00a0]+(\d{1,3})(?![\d]|[.,]\d)", re.I
)
# "5 1/2", "1/2", "5½": halves and quarters only (other slashes are dates and scores).
_FRACTION_GLYPHS = {"½": Decimal("0.5"), "¼": Decimal("0.25"), "¾": Decimal("0.75")}
_FRACTION = re.compile(
    r"(?<![\w/.,])(?:(?P<whole>\d{1,3})(?:[ \u00a0]|(?=[½¼¾])))?"
    r"(?:(?P<num>[13])/(?P<den>[24])(?![\d/])|(?P<glyph>[½¼¾]))"
)
_TIME = re.compile(r"(?<![\w.:])(?P<h>[01]?\d|2[0-3])[:.h](?P<m>[0-5]\d)(?![\d:])")
# "15.30 horas", "20.45 hrs", "20.45 ч.": a word for hours makes "." a clock separator.
_HOURS_AFTER = re.compile(r"\s*(?:h|hrs?|hours|horas?|hs|ч|час\w*)(?![^\W\d_])", re.I)
_PM = re.compile(r"\s*(?:p\.\s?m\.|pm\b)", re.I)
_AM = re.compile(r"\s*(?:a\.\s?m\.|am\b)", re.I)
ORDINAL_SUFFIX: dict[str, re.Pattern[str]] = {
    # "4º" in English is an engine's copy of a Spanish ordinal: still the 4th.
    "en": re.compile(r"(?:st|nd|rd|th)\b|[ºª]", re.I),
    "es": re.compile(r"\.?[ºª°]|\.?(?:er|ra|ro|do|da|to|ta|vo|va|no|na|mo|ma)\b"),
    "ru": re.compile(r"-?(?:й|я|е|го|му|м|х|ми|ый|ий|ой|ая|ое|ые|ого|ому|ым|ом|ых)\b"),
}
# Letters right after digits: units and scale suffixes keep the number a quantity.
_UNIT_SUFFIX = re.compile(
    r"(?:bn|mn|tn|b|m|k|km|kg|mm|cm|mg|ml|kw|mw|gw|kwh|mph|kmh|ha|gb|mb|tb|s|x|h)\b", re.I
)
_CURRENCY = "$€£¥₽"
# The word before a scale word of a scale phrase after digits ("12 one thousand").
_SCALE_ONE = re.compile(r"[ \u00a0]+([^\W\d_]+)(?=[ \u00a0]+[^\W\d_])")


_ANY_DIGIT = re.compile(r"\d")


def digit_mentions(text: str, lang: str) -> list[NumberMention]:
    """Clock times and fractions, then the other digit groups of ``text``."""
    if _ANY_DIGIT.search(text) is None:
        # Most sentences: every pattern here but a fraction glyph's ("½") needs a digit.
        return _fraction_mentions(text)
    out = [*_time_mentions(text), *_fraction_mentions(text)]
    taken = [(m.start, m.end) for m in out]
    for match in _DIGITS.finditer(text):
        mention = _digits_mention(text, match, lang, taken)
        if mention is not None:
            out.append(mention)
    return out


def _time_mentions(text: str) -> list[NumberMention]:
    out: list[NumberMention] = []
    for m in _TIME.finditer(text):
        # "10.30" is a decimal in running text; only ":" and "h" make a clock time,
        # and "." only when a.m./p.m. or "horas"/"часов" follows.
        sep = text[m.end("h")]
        tail = text[m.end() : m.end() + 12]
        if sep == "." and not (_PM.match(tail) or _AM.match(tail) or _HOURS_AFTER.match(tail)):
            continue
        hour, minute = int(m.group("h")), int(m.group("m"))
        end = m.end()
        pm = _PM.match(text, end)
        if pm and hour < 12:
            hour += 12
            end = pm.end()
        clock = f"{hour}:{minute:02d}" if minute else str(hour)
        # "2.30 hours" may still be a duration: keep the decimal reading too.
        as_decimal = (canonical(Decimal(m.group().replace("h", "."))),) if sep == "." else ()
        out.append(NumberMention(m.start(), end, text[m.start() : end], clock, "time", as_decimal))
    return out


def _fraction_mentions(text: str) -> list[NumberMention]:
    out: list[NumberMention] = []
    if "/" not in text and not any(glyph in text for glyph in _FRACTION_GLYPHS):
        return out  # a fraction is written with one or the other
    for m in _FRACTION.finditer(text):
        whole = Decimal(m.group("whole") or 0)
        if m.group("glyph"):
            part = _FRACTION_GLYPHS[m.group("glyph")]
        else:
            part = Decimal(m.group("num")) / Decimal(m.group("den"))
        out.append(NumberMention(m.start(), m.end(), m.group(), canonical(whole + part), "decimal"))
    return out


def _digits_mention(
    text: str, match: re.Match[str], lang: str, taken: list[tuple[int, int]]
) -> NumberMention | None:
    """The number a digit group starts, with any scale or suffix after it; None for digits
    already read (a time, a fraction, a Mexican-style group) or of a designation.
    A Mexican-style group ("582 mil 835") is added to ``taken``."""
    start, end = match.span("num")
    if any(a <= start < b for a, b in taken):
        return None
    if _designation_context(text, start, end, lang):
        return None
    body = match.group("num").rstrip(_SPACES)
    end = start + len(body)
    value, alts = _parse_digits(body, lang)
    kind = "decimal" if value != value.to_integral_value() else "cardinal"
    if kind == "cardinal" and not alts and _YEAR.fullmatch(body):
        kind = "year"
    if lang == "es" and not alts and value == value.to_integral_value() and value < 1000:
        grouped = _es_word_grouped(text, end, int(value))
        if grouped is not None:
            # Mexican style "582 mil 835" = 582835: one number, its "835" included.
            value, end = Decimal(grouped[0]), grouped[1]
            taken.append((start, end))
            kind = "cardinal"
    scale = _scale_after(text, end, lang)
    if scale is not None:
        alts = (*(a * scale[0] for a in alts), *(value * other for other in scale[2]))
        value *= scale[0]
        end = scale[1]
        kind = "cardinal"
    else:
        value, kind, end = _suffix_reading(text, body, value, kind, end, lang)
    # "$3bn": the currency sign is part of the mention's text.
    if start > 0 and text[start - 1] in _CURRENCY:
        start -= 1
    others = tuple(canonical(a) for a in alts if a != value)
    return NumberMention(start, end, text[start:end], canonical(value), kind, others)


def _suffix_reading(
    text: str, body: str, value: Decimal, kind: str, end: int, lang: str
) -> tuple[Decimal, str, int]:
    """(value, kind, end) once a percent, an ordinal suffix or a.m./p.m. after the digits
    is read; as given when none follows."""
    pct = PERCENT_AFTER[lang].match(text, end)
    suffix = ORDINAL_SUFFIX[lang].match(text, end)
    if pct:
        return value, "percent", pct.end()
    if suffix and "." not in body and "," not in body:
        return value, "ordinal", suffix.end()
    if lang == "en" and (_PM.match(text, end) or _AM.match(text, end)):
        meridian = _PM.match(text, end) or _AM.match(text, end)
        assert meridian is not None
        hour = int(value)
        if _PM.match(text, end) and hour < 12:
            hour += 12
        return Decimal(hour), "time", meridian.end()
    return value, kind, end


def _parse_digits(body: str, lang: str) -> tuple[Decimal, tuple[Decimal, ...]]:
    """Value of a digit string in ``lang``'s conventions, plus other plausible readings."""
    compact = body
    for space in _SPACES:
        compact = compact.replace(space, "")
    seps = [c for c in compact if c in ",."]
    if not seps:
        return Decimal(compact), ()
    if len(seps) > 1:
        if len(set(seps)) == 1:  # 1,234,567
            return Decimal(compact.replace(seps[0], "")), ()
        decimal_sep = seps[-1]
        thousands = seps[0]
        return Decimal(compact.replace(thousands, "").replace(decimal_sep, ".")), ()
    sep = seps[0]
    whole, frac = compact.split(sep)
    as_decimal = Decimal(f"{whole}.{frac}")
    if len(frac) != 3 or len(whole) > 3 or whole == "0":
        return as_decimal, ()
    as_thousands = Decimal(whole + frac)
    thousands_sep = "," if lang == "en" else "."
    if sep == thousands_sep:
        return as_thousands, (as_decimal,)
    return as_decimal, (as_thousands,)


def _scale_after(text: str, pos: int, lang: str) -> tuple[int, int, tuple[int, ...]] | None:
    """Scale words or an abbreviation right after ``pos``: (multiplier, end, the other
    multipliers the words are used for: "1,6 billones" is 1.6 * 10**12, or 10**9).

    Scale words chain and multiply: "7 thousand million", "3 mil millones", "68 miles de
    millones", "7 тысяч миллионов" (10**9 each) and "5 hundred thousand". A hyphen may join
    the scale to the digits ("$18-billion", "18-миллиардный"), and a scale phrase of "one"
    and a scale word follow them as that scale ("12 one thousand", an engine's "12 mil").
    """
    first = _scale_word(text, pos, lang, first=True)
    if first is None:
        one = _SCALE_ONE.match(text, pos)
        if one is None or fold(one.group(1)) not in lexicon(lang).scale_one:
            return None
        first = _scale_word(text, one.end(), lang, first=False)
        if first is None or first[0] < 1000:
            return None
    multiplier, end, other = first
    last = multiplier
    while True:
        nxt = _scale_word(text, end, lang, first=False)
        if nxt is None or nxt[0] <= last:
            break
        multiplier, last, end, other = multiplier * nxt[0], nxt[0], nxt[1], other * nxt[2]
    if multiplier < 1000:  # "5 hundred" alone is rare; "100" reads it anyway
        return None
    return multiplier, end, (other,) if other != multiplier else ()


def _scale_word(text: str, pos: int, lang: str, *, first: bool) -> tuple[int, int, int] | None:
    """One scale word or abbreviation at ``pos``: (power, end, the other power it is used
    for, else the power again)."""
    pattern = r"[\s\u00a0]*-?([^\W\d_]+)\.?" if first else r"[\s\u00a0]+(?:de\s+)?([^\W\d_]+)"
    m = re.match(pattern, text[pos:])
    if not m:
        return None
    if not first and m.group().strip().lower().startswith("de") and lang != "es":
        return None
    lex = lexicon(lang)
    hyphen = "-" in text[pos : pos + m.start(1)]
    word = fold(m.group(1))
    end = pos + m.end(1)
    if first and not hyphen and word in lex.scale_abbreviations:
        # "m"/"b" alone are scale words only when glued to the digits ("$3bn", "10m").
        if len(word) == 1 and m.start(1) != 0:
            return None
        if text[end : end + 1] == ".":
            end += 1
        short = lex.scale_abbreviations[word]
        return short, end, short
    power = lex.powers.get(word)
    if power is None and word in lex.vague_plurals:
        power = lex.powers.get(word.rstrip("s"), None) or _plural_power(word, lex)
    if power is None and hyphen and lex.scale_adjectives:  # "18-миллиардный"
        power = lex.scale_adjectives.get(RU_ADJECTIVE_ENDING.sub("", word))
    if power is None or power < 100:
        return None
    return power, end, lex.scale_readings.get(word, power)


def _plural_power(word: str, lex: Lexicon) -> int | None:
    if lex.plural_powers:
        return lex.plural_powers.get(word)
    return lex.powers.get(word)


def _designation_context(text: str, start: int, end: int, lang: str) -> bool:
    """Digits that belong to a designation such as F-16, MH17, COVID-19, Su-30MK2, G20."""
    before = text[max(0, start - 2) : start]
    if before[-1:].isalpha():
        return True
    if before[-1:] in "-–" and before[:1].isalpha():
        # F-16, Su-30, Ту-154 are designations; "mid-90s", "under-21", "top-10" are not.
        word = re.search(r"[^\W\d_]+$", text[: start - 1])
        if word is not None and len(word.group()) >= 3 and _event_year(text, start, end):
            return False  # Евро-2012, Expo-2010, Сочи-2014: an event and its year
        return word is None or word.group() not in quantity_prefixes()
    after = text[end : end + 1]
    if not after.isalpha():
        return False
    return not (_UNIT_SUFFIX.match(text, end) or ORDINAL_SUFFIX[lang].match(text, end))


def _event_year(text: str, start: int, end: int) -> bool:
    """Four digits of a year closing a hyphenated word (Евро-2012, not Су-30МК2): the
    year of an event, which other languages write apart (Euro 2012, la Eurocopa 2012)."""
    return bool(_YEAR.fullmatch(text, start, end)) and not text[end : end + 1].isalpha()


def _es_word_grouped(text: str, pos: int, head: int) -> tuple[int, int] | None:
    """ "5 millones 143 mil 312" from ``pos`` after the "5": (5143312, end), or None."""
    total, group, last_power, end = 0, head, 10**12, pos
    while m := _ES_MIL_GROUP.match(text, end):
        power = 1000 if m.group(1).lower() == "mil" else 10**6
        if power >= last_power:
            break
        total += group * power
        group, last_power, end = int(m.group(2)), power, m.end()
    return (total + group, end) if end > pos else None
