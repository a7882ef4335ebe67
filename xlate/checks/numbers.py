"""Numbers in en/es/ru text, and the check that a translation kept them.

Public API (pure functions):

``extract_numbers(text, lang) -> list[NumberMention]``
    Every quantity in ``text``: digits in any local format ("1,5", "1.500", "1 500" with a
    plain, no-break or thin space), number words in any inflected form ("ocho", "восьми",
    "twenty-five", "двадцать пять"), scale words ("1.5 million", "1,5 млн", "$3bn",
    "3.000 millones", "полтора миллиона"), ordinals ("third", "tercera", "третьего", "3rd",
    "3.º", "3-й"), years and percentages ("5 per cent", "cinco por ciento", "5 процентов").
    ``NumberMention.value`` is a canonical decimal string ("14", "1500000", "1.5");
    ``kind`` is "cardinal", "ordinal", "year", "percent", "decimal" or "time" (a clock
    time, value "15:30"; its hour also matches the same hour on a 12-hour clock).
    Digits inside designations ("Su-30MK2", "F-16", "COVID-19", "MH17") are left to
    :mod:`xlate.checks.names.core`.

``check_numbers(source, translation, back_translation, src, tgt, sentence_id)``
    ``-> tuple[list[EntityCheck], list[Flag]]``. Every source number must reappear with the
    same value in the translation (word or digits alike). A different number in its place
    is flagged ``number``/high ("changed"); a number that is simply missing is medium,
    unless the back-translation still has it (the translation then carries it in a form we
    do not read) or it is a "soft" mention ("one", "first", "un", "одна" often serve as
    articles or pronouns). A number of the translation that the source lacks is low.
    ``back_translation`` may be None (check mode without an engine).

The number-word lexicons come from number-parser; this module adds what it lacks
(ordinals outside English, "полтора", decimals before scale words, abbreviations such as
"млн" and "bn", a few missing Russian case forms, "ё").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from number_parser import parse_number, parse_ordinal
from number_parser.data import en as _np_en
from number_parser.data import es as _np_es
from number_parser.data import ru as _np_ru

from xlate.report import EntityCheck, Flag

KINDS: tuple[str, ...] = ("cardinal", "ordinal", "year", "percent", "decimal", "time")


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    text: str
    value: str  # canonical decimal string: "14", "1500000", "1.5"
    kind: str  # one of KINDS
    # Other readings of an ambiguous form ("1,500" in Spanish may be 1500); matching
    # accepts any of them.
    alternatives: tuple[str, ...] = ()
    # Words like "one"/"first"/"un"/"одна" double as articles and pronouns: they count
    # when matched but are never flagged as missing or extra.
    soft: bool = False

    @property
    def values(self) -> tuple[str, ...]:
        return (self.value, *self.alternatives)


# --- lexicons -----------------------------------------------------------------------------


def _fold(word: str) -> str:
    """Lowercase, ё→е and Spanish accents off: the form lexicon lookups use."""
    word = word.lower().replace("ё", "е")
    return word.translate(str.maketrans("áéíóúü", "aeiouu"))


def _lexicon(info: dict[str, object]) -> dict[str, int]:
    words: dict[str, int] = {}
    for key in ("UNIT_NUMBERS", "DIRECT_NUMBERS", "TENS", "HUNDREDS", "BIG_POWERS_OF_TEN"):
        table = info.get(key)
        if isinstance(table, dict):
            for word, value in table.items():
                words[_fold(str(word))] = int(value)
    return words


_CARDINALS: dict[str, dict[str, int]] = {
    "en": _lexicon(_np_en.info),
    "es": _lexicon(_np_es.info),
    "ru": _lexicon(_np_ru.info),
}
# Forms number-parser lacks.
_CARDINALS["ru"].update(
    {"трем": 3, "четырем": 4, "тремстах": 300, "нулю": 0, "сорокам": 40, "стам": 100}
)
_CARDINALS["es"].update({"millon": 1000000, "millardos": 10**9, "veintiun": 21})
# The long scale number-parser gives Spanish "billón" is right (10**12) and English "billion"
# is 10**9: both come from its tables.

_POWERS: dict[str, dict[str, int]] = {
    lang: {w: v for w, v in table.items() if v >= 100 and v % 10 == 0 and str(v).count("0") >= 2}
    for lang, table in _CARDINALS.items()
}
# Bare plural scale words ("thousands of", "миллионы", "miles de") are vague, not numbers.
_VAGUE_PLURALS: dict[str, set[str]] = {
    "en": {"hundreds", "thousands", "millions", "billions", "trillions", "dozens", "tens"},
    "es": {"cientos", "miles", "millones", "billones", "millardos", "decenas", "centenares"},
    "ru": {
        "тысячи", "тысяч", "тысячами", "тысячах", "тысячам",
        "миллионы", "миллионов", "миллионами", "миллионах", "миллионам",
        "миллиарды", "миллиардов", "миллиардами", "миллиардах", "сотни", "сотен", "десятки",
        "десятков",
    },
}  # fmt: skip
# Words that are numbers only sometimes: counted when they match, never flagged alone.
_SOFT: dict[str, set[str]] = {
    "en": {"one", "first", "second", "zero"},
    "es": {"un", "una", "uno", "unos", "unas", "primer", "primero", "primera", "primeros",
           "primeras", "segundo", "segunda", "segundos", "segundas", "cuarto", "cero"},
    "ru": {"один", "одна", "одно", "одни", "одного", "одной", "одному", "одним", "одном",
           "одну", "одних", "одними", "ноль", "нуля", "нулю", "нулем"},
}  # fmt: skip
# Spanish "un/una/uno" are articles first: numbers only inside a larger number word run.
_ARTICLE_ONLY: dict[str, set[str]] = {"es": {"un", "una", "unos", "unas"}, "en": set(), "ru": set()}

_ES_ORDINALS: dict[str, int] = {
    "primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4,
    "quinto": 5, "sexto": 6, "septimo": 7, "setimo": 7, "octavo": 8, "noveno": 9,
    "decimo": 10, "undecimo": 11, "duodecimo": 12, "vigesimo": 20, "trigesimo": 30,
    "cuadragesimo": 40, "quincuagesimo": 50, "centesimo": 100, "milesimo": 1000,
}  # fmt: skip
_RU_ORDINAL_STEMS: dict[str, int] = {
    "перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7,
    "восьм": 8, "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12,
    "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15, "шестнадцат": 16,
    "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20, "тридцат": 30,
    "сороков": 40, "пятидесят": 50, "шестидесят": 60, "семидесят": 70, "восьмидесят": 80,
    "девяност": 90, "сот": 100, "тысячн": 1000, "миллионн": 10**6,
}  # fmt: skip
_RU_ADJ_ENDING = re.compile(
    r"(ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ыми|ими|"
    r"ья|ье|ьи|ьего|ьей|ьему|ьим|ьем|ью|ьих|ьими|ьей)$"
)
_RU_ORDINAL_SOFT = {1}
_RU_FRACTIONS = {"полтора": Decimal("1.5"), "полторы": Decimal("1.5"), "полутора": Decimal("1.5")}
_RU_SCALE_ADJECTIVES = {"тысячн": 1000, "миллионн": 10**6, "миллиардн": 10**9, "триллионн": 10**12}
_RU_COLLECTIVE = {"двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7}

# Scale words and abbreviations that may follow digits.
_SCALE_ABBREV: dict[str, dict[str, int]] = {
    "en": {"bn": 10**9, "b": 10**9, "mn": 10**6, "m": 10**6, "k": 1000, "tn": 10**12},
    "es": {"mill": 10**6, "mll": 10**6, "m": 10**6, "mm": 10**9, "bn": 10**9},
    "ru": {"тыс": 1000, "млн": 10**6, "млрд": 10**9, "трлн": 10**12},
}
_PERCENT_AFTER: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\s*(?:%|per\s*cent\b|percent\b|percentage points?\b)", re.I),
    "es": re.compile(r"\s*(?:%|por\s+cien(?:to)?\b|puntos? porcentuales\b)", re.I),
    "ru": re.compile(r"\s*(?:%|процент\w*|п\.\s?п\.)", re.I),
}
# "15.30 horas", "20.45 hrs", "20.45 ч.": a word for hours makes "." a clock separator.
_HOURS_AFTER = re.compile(r"\s*(?:h|hrs?|hours|horas?|hs|ч|час\w*)(?![^\W\d_])", re.I)
_PM = re.compile(r"\s*(?:p\.\s?m\.|pm\b)", re.I)
_AM = re.compile(r"\s*(?:a\.\s?m\.|am\b)", re.I)

# --- digits -------------------------------------------------------------------------------

_SPACES = " \u00a0\u202f\u2009"
_DIGITS = re.compile(
    r"(?<![\w.,])"  # not glued to a word or another number
    r"(?P<num>\d{1,3}(?:(?P<sep>[,.\u00a0\u202f\u2009 ])\d{3})(?:(?P=sep)\d{3})*"
    r"(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![.,]?\d)"
)
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
_ORDINAL_SUFFIX: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"(?:st|nd|rd|th)\b", re.I),
    "es": re.compile(r"\.?[ºª°]|\.?(?:er|ra|ro|do|da|to|ta|vo|va|no|na|mo|ma)\b"),
    "ru": re.compile(r"-?(?:й|я|е|го|му|м|х|ми|ый|ий|ой|ая|ое|ые|ого|ому|ым|ом|ых)\b"),
}
# Letters right after digits: units and scale suffixes keep the number a quantity.
_UNIT_SUFFIX = re.compile(
    r"(?:bn|mn|tn|b|m|k|km|kg|mm|cm|mg|ml|kw|mw|gw|kwh|mph|kmh|ha|gb|mb|tb|s|x|h)\b", re.I
)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


def _canonical(value: Decimal) -> str:
    value = value.normalize()
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


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


def _scale_after(text: str, pos: int, lang: str) -> tuple[int, int] | None:
    """Scale words or an abbreviation right after ``pos``: (multiplier, end).

    Scale words chain and multiply: "7 thousand million", "3 mil millones", "68 miles de
    millones", "7 тысяч миллионов" (10**9 each) and "5 hundred thousand". A hyphen may join
    the scale to the digits ("$18-billion", "18-миллиардный").
    """
    first = _scale_word(text, pos, lang, first=True)
    if first is None:
        return None
    multiplier, end = first
    last = multiplier
    while True:
        nxt = _scale_word(text, end, lang, first=False)
        if nxt is None or nxt[0] <= last:
            break
        multiplier, last, end = multiplier * nxt[0], nxt[0], nxt[1]
    if multiplier < 1000:  # "5 hundred" alone is rare; "100" reads it anyway
        return None
    return multiplier, end


def _scale_word(text: str, pos: int, lang: str, *, first: bool) -> tuple[int, int] | None:
    """One scale word or abbreviation at ``pos``: (power, end)."""
    pattern = r"[\s\u00a0]*-?([^\W\d_]+)\.?" if first else r"[\s\u00a0]+(?:de\s+)?([^\W\d_]+)"
    m = re.match(pattern, text[pos:])
    if not m:
        return None
    if not first and m.group().strip().lower().startswith("de") and lang != "es":
        return None
    hyphen = "-" in text[pos : pos + m.start(1)]
    word = _fold(m.group(1))
    end = pos + m.end(1)
    if first and not hyphen and word in _SCALE_ABBREV[lang]:
        # "m"/"b" alone are scale words only when glued to the digits ("$3bn", "10m").
        if len(word) == 1 and m.start(1) != 0:
            return None
        if text[end : end + 1] == ".":
            end += 1
        return _SCALE_ABBREV[lang][word], end
    power = _POWERS[lang].get(word)
    if power is None and word in _VAGUE_PLURALS[lang]:
        power = _POWERS[lang].get(word.rstrip("s"), None) or _plural_power(word, lang)
    if power is None and lang == "ru" and hyphen:  # "18-миллиардный"
        stem = _RU_ADJ_ENDING.sub("", word)
        power = _RU_SCALE_ADJECTIVES.get(stem)
    if power is None or power < 100:
        return None
    return power, end


def _plural_power(word: str, lang: str) -> int | None:
    if lang == "es":
        return {"miles": 1000, "millones": 10**6, "billones": 10**12}.get(word)
    if lang == "en":
        return {"thousands": 1000, "millions": 10**6, "billions": 10**9}.get(word)
    return _POWERS["ru"].get(word)


# Words before a hyphen that keep the digits a quantity ("mid-90s", "sub-21", "top-10").
_QUANTITY_PREFIXES = {"mid", "early", "late", "pre", "post", "under", "over", "top", "sub"}


def _designation_context(text: str, start: int, end: int, lang: str) -> bool:
    """Digits that belong to a designation such as F-16, MH17, COVID-19, Su-30MK2, G20."""
    before = text[max(0, start - 2) : start]
    if before[-1:].isalpha():
        return True
    if before[-1:] in "-–" and before[:1].isalpha():
        # F-16, Su-30, Ту-154 are designations; "mid-90s", "under-21", "top-10" are not.
        word = re.search(r"[^\W\d_]+$", text[: start - 1])
        return word is None or word.group() not in _QUANTITY_PREFIXES
    after = text[end : end + 1]
    if not after.isalpha():
        return False
    return not (_UNIT_SUFFIX.match(text, end) or _ORDINAL_SUFFIX[lang].match(text, end))


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


def _digit_mentions(text: str, lang: str) -> list[NumberMention]:
    out: list[NumberMention] = []
    taken: list[tuple[int, int]] = []
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
        as_decimal = (_canonical(Decimal(m.group().replace("h", "."))),) if sep == "." else ()
        out.append(NumberMention(m.start(), end, text[m.start() : end], clock, "time", as_decimal))
        taken.append((m.start(), end))
    for m in _FRACTION.finditer(text):
        whole = Decimal(m.group("whole") or 0)
        if m.group("glyph"):
            part = _FRACTION_GLYPHS[m.group("glyph")]
        else:
            part = Decimal(m.group("num")) / Decimal(m.group("den"))
        fraction = _canonical(whole + part)
        out.append(NumberMention(m.start(), m.end(), m.group(), fraction, "decimal"))
        taken.append((m.start(), m.end()))
    for m in _DIGITS.finditer(text):
        start, end = m.span("num")
        if any(a <= start < b for a, b in taken):
            continue
        if _designation_context(text, start, end, lang):
            continue
        body = m.group("num").rstrip(_SPACES)
        end = start + len(body)
        number, alts = _parse_digits(body, lang)
        value: Decimal = number
        kind = "decimal" if value != value.to_integral_value() else "cardinal"
        if kind == "cardinal" and not alts and re.fullmatch(r"1\d{3}|20\d{2}", body):
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
            value *= scale[0]
            alts = tuple(a * scale[0] for a in alts)
            end = scale[1]
            kind = "cardinal"
        else:
            pct = _PERCENT_AFTER[lang].match(text, end)
            suffix = _ORDINAL_SUFFIX[lang].match(text, end)
            if pct:
                kind = "percent"
                end = pct.end()
            elif suffix and "." not in body and "," not in body:
                kind = "ordinal"
                end = suffix.end()
            elif lang == "en" and (_PM.match(text, end) or _AM.match(text, end)):
                meridian = _PM.match(text, end) or _AM.match(text, end)
                assert meridian is not None
                hour = int(value)
                if _PM.match(text, end) and hour < 12:
                    hour += 12
                value, kind, end = Decimal(hour), "time", meridian.end()
        # "$3bn": the currency sign is part of the mention's text.
        if start > 0 and text[start - 1] in "$€£¥₽":
            start -= 1
        out.append(
            NumberMention(
                start,
                end,
                text[start:end],
                _canonical(value),
                kind,
                tuple(_canonical(a) for a in alts if a != value),
            )
        )
    return out


# --- words --------------------------------------------------------------------------------


def _ordinal_word(word: str, lang: str) -> int | None:
    if lang == "en":
        if word in _CARDINALS["en"]:
            return None
        value = parse_ordinal(word, "en")
        return (
            int(value) if isinstance(value, int) and word[-2:] in ("st", "nd", "rd", "th") else None
        )
    if lang == "es":
        stem = re.sub(r"(a|os|as)$", "o", word) if word not in _ES_ORDINALS else word
        return _ES_ORDINALS.get(stem)
    m = _RU_ADJ_ENDING.search(word)
    if not m:
        return None
    stem = word[: m.start()]
    # "третий/третьего": the soft sign belongs to the ending.
    return _RU_ORDINAL_STEMS.get(stem)


@lru_cache(maxsize=4096)
def _classify(word: str, lang: str) -> tuple[str, int | Decimal] | None:
    """("card", n), ("ord", n), ("frac", 1.5), ("skip", 0) or None for a folded word."""
    if not word.isalpha():  # "½", "²" are word characters to the regex, not letters
        return None
    if word in _CARDINALS[lang]:
        return "card", _CARDINALS[lang][word]
    if lang == "ru" and word in _RU_FRACTIONS:
        return "frac", _RU_FRACTIONS[word]
    if lang == "ru" and word in _RU_COLLECTIVE:
        return "card", _RU_COLLECTIVE[word]
    ordinal = _ordinal_word(word, lang)
    if ordinal is not None:
        return "ord", ordinal
    return None


_JOINERS: dict[str, set[str]] = {"en": {"and", "-"}, "es": {"y"}, "ru": set()}


def _word_mentions(text: str, lang: str) -> list[NumberMention]:
    tokens: list[tuple[int, int, str]] = []
    for m in _WORD.finditer(text):
        word = _fold(m.group())
        parts = word.split("-")
        if len(parts) > 1 and _classify(parts[0], lang) and not _classify(parts[-1], lang):
            # "four-cylinder", "twenty-year-old": the number is the first part.
            tokens.append((m.start(), m.start() + len(parts[0]), parts[0]))
        elif len(parts) > 1 and all(_classify(p, lang) for p in parts):
            # "twenty-five", "twenty-first": one token per part.
            pos = m.start()
            for part in parts:
                tokens.append((pos, pos + len(part), part))
                pos += len(part) + 1
        else:
            tokens.append((m.start(), m.end(), word))
    out: list[NumberMention] = []
    i = 0
    while i < len(tokens):
        _start, _end, word = tokens[i]
        cls = _classify(word, lang)
        if cls is None:
            i += 1
            continue
        # Collect a run of number words ("twenty-five", "dos mil quinientos", "двадцать пять").
        run = [i]
        j = i + 1
        while j < len(tokens):
            between = text[tokens[j - 1][1] : tokens[j][0]]
            if between.strip() not in ("", "-"):
                break
            nxt = tokens[j][2]
            if _ends_run(tokens[j - 1][2], nxt, lang):
                break
            if nxt in _JOINERS[lang] and j + 1 < len(tokens) and _classify(tokens[j + 1][2], lang):
                j += 1
                continue
            if _classify(nxt, lang) is None:
                break
            run.append(j)
            j += 1
        article = len(run) > 1 and tokens[run[0]][2] in _ARTICLE_ONLY[lang]
        if article and tokens[run[1]][2] not in _POWERS[lang]:  # "un segundo", not "un millón"
            run = run[1:]
        words = [tokens[k][2] for k in run]
        mention = _mention_from_words(text, lang, tokens, run, words)
        if mention is not None:
            out.append(mention)
        i = run[-1] + 1
    return out


def _ends_run(previous: str, word: str, lang: str) -> bool:
    """Whether ``word`` starts a new number after ``previous`` within a run of number words.

    An ordinal ends a number ("the first three" is 1st and 3); Spanish never builds an
    ordinal on a cardinal ("los tres primeros" is 3 and 1st, unlike "twenty-first").
    """
    before = _classify(previous, lang)
    if before is not None and before[0] == "ord":
        return True
    after = _classify(word, lang)
    return lang == "es" and after is not None and after[0] == "ord"


def _mention_from_words(
    text: str,
    lang: str,
    tokens: list[tuple[int, int, str]],
    run: list[int],
    words: list[str],
) -> NumberMention | None:
    start, end = tokens[run[0]][0], tokens[run[-1]][1]
    classes = [_classify(w, lang) for w in words]
    if len(words) == 1:
        word = words[0]
        if word in _ARTICLE_ONLY[lang]:
            return None
        if word in _VAGUE_PLURALS[lang] and not _a_before(text, start, lang):
            return None
        if lang == "es" and word in ("ciento", "cien") and re.search(r"por\s*$", text[:start]):
            return None
    kind = "cardinal"
    value: Decimal
    first = classes[0]
    assert first is not None
    if first[0] == "frac":  # "полтора миллиона"
        rest = [c for c in classes[1:] if c is not None]
        mult = Decimal(int(rest[0][1])) if rest else Decimal(1)
        value = Decimal(first[1]) * mult
    elif classes[-1] is not None and classes[-1][0] == "ord":
        kind = "ordinal"
        value = Decimal(int(classes[-1][1]))
        if len(words) > 1:
            head = _parse_words(words[:-1], lang)
            if head is not None:
                value += head
    else:
        parsed = _parse_words(words, lang)
        if parsed is None:
            return None
        value = parsed
        # "millón y medio", "two and a half million" are rare; "y medio" after a scale word:
        if lang == "es" and re.match(r"\s+y\s+medio\b", text[end:]):
            value += _last_power(words, lang) / 2
            end += re.match(r"\s+y\s+medio\b", text[end:]).end()  # type: ignore[union-attr]
    pct = _PERCENT_AFTER[lang].match(text, end)
    if pct and kind == "cardinal":
        kind = "percent"
        end = pct.end()
    soft = len(words) == 1 and (words[0] in _SOFT[lang] or (kind == "ordinal" and value == 1))
    return NumberMention(start, end, text[start:end], _canonical(value), kind, (), soft)


def _a_before(text: str, start: int, lang: str) -> bool:
    return lang == "en" and bool(re.search(r"\ba\s+$", text[:start], re.I))


def _last_power(words: list[str], lang: str) -> Decimal:
    for word in reversed(words):
        if word in _POWERS[lang]:
            return Decimal(_POWERS[lang][word])
    return Decimal(1)


def _parse_words(words: list[str], lang: str) -> Decimal | None:
    phrase = " ".join(words)
    value = parse_number(phrase, lang)
    if value is None and len(words) == 1 and words[0] in _CARDINALS[lang]:
        value = _CARDINALS[lang][words[0]]
    if value is None:
        # number-parser rejects some valid runs ("тремстам"); sum by groups as a fallback.
        total, group = 0, 0
        for word in words:
            n = _CARDINALS[lang].get(word)
            if n is None:
                return None
            if n >= 1000:
                total += max(group, 1) * n
                group = 0
            elif n == 100 and 0 < group < 10:
                group *= 100
            else:
                group += n
        value = total + group
    return Decimal(int(value))


def _digits_then_scale_words(mentions: list[NumberMention], words: list[NumberMention]) -> None:
    """Drop word mentions already consumed by a digit mention ("1.5 million")."""
    spans = [(m.start, m.end) for m in mentions]
    words[:] = [w for w in words if not any(a <= w.start < b for a, b in spans)]


def extract_numbers(text: str, lang: str) -> list[NumberMention]:
    """All numbers of ``text`` in document order (see the module docstring)."""
    digits = _digit_mentions(text, lang)
    words = _word_mentions(text, lang)
    _digits_then_scale_words(digits, words)
    # A word run right before a scale digit mention cannot overlap; a scale word after a
    # number word run was parsed inside the run ("dos millones").
    found = [_with_half_or_decades(m, text, lang) for m in digits + words]
    spans = [(m.start, m.end) for m in found]
    found += [m for m in _phrase_mentions(text, lang) if not _overlaps(m, spans)]
    return sorted(found, key=lambda m: m.start)


def _overlaps(mention: NumberMention, spans: list[tuple[int, int]]) -> bool:
    return any(a < mention.end and mention.start < b for a, b in spans)


# "five and a half", "пять с половиной": the half belongs to the number.
_HALF_AFTER: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\s+and\s+a\s+half\b", re.I),
    "es": re.compile(r"\s+y\s+medi[oa]\b", re.I),
    "ru": re.compile(r"\s+с\s+половиной\b", re.I),
}
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


def _with_half_or_decades(mention: NumberMention, text: str, lang: str) -> NumberMention:
    if mention.kind != "cardinal" or not mention.value.isdigit():
        return mention
    value = Decimal(mention.value)
    half = _HALF_AFTER[lang].match(text, mention.end)
    if half:
        end = half.end()
        return replace(
            mention,
            end=end,
            text=text[mention.start : end],
            value=_canonical(value + Decimal("0.5")),
        )
    extra: list[str] = []
    if _NOUN_THEN_HALF[lang].match(text, mention.end):
        extra.append(_canonical(value + Decimal("0.5")))
    if _DECADES_AFTER[lang].match(text, mention.end):
        extra.append(_canonical(value * 10))
    if value < 12 and _AFTERNOON_AFTER[lang].match(text, mention.end):
        extra.append(_canonical(value + 12))  # "2 часа дня" is 14:00
    if not extra:
        return mention
    return replace(mention, alternatives=(*mention.alternatives, *extra), soft=False)


# Numbers written as fixed phrases: counted when they match, never flagged alone.
_PHRASES: dict[str, dict[str, str]] = {
    "en": {
        r"half\s+a\s+century": "50",
        r"(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies": "decade",
    },
    "es": {r"medio\s+siglo": "50"},
    "ru": {r"пол(?:у)?века|пол\s+века": "50"},
}
_DECADE_TENS = {
    "twent": 20, "thirt": 30, "fort": 40, "fift": 50, "sixt": 60, "sevent": 70, "eight": 80,
    "ninet": 90,
}  # fmt: skip
# Roman numerals of two letters or more, I/V/X only ("XV Semana", "XXI век", "Juan Pablo
# II"): C, L, D and M make too many acronyms.
_ROMAN = re.compile(r"\b(?=[IVX]{2,}\b)(X{0,3})(IX|IV|V?I{0,3})\b")


def _phrase_mentions(text: str, lang: str) -> list[NumberMention]:
    out: list[NumberMention] = []
    for pattern, value in _PHRASES[lang].items():
        for m in re.finditer(rf"\b(?:{pattern})\b", text, re.I):
            decade = _DECADE_TENS.get(m.group().lower()[:-3])  # "sixties" → 60
            value_here = str(decade) if value == "decade" and decade else value
            out.append(
                NumberMention(m.start(), m.end(), m.group(), value_here, "cardinal", (), True)
            )
    for m in _ROMAN.finditer(text):
        if not m.group():
            continue
        tens, units = m.group(1), m.group(2)
        unit_values = {"IX": 9, "IV": 4}
        roman = 10 * len(tens) + unit_values.get(units, ("V" in units) * 5 + units.count("I"))
        out.append(NumberMention(m.start(), m.end(), m.group(), str(roman), "cardinal", (), True))
    return out


# --- check --------------------------------------------------------------------------------


def _short_year(a: NumberMention, b: NumberMention) -> bool:
    """Decades and years written short: "1990s"/"los 90"/"90-х", "the crisis of '29"."""
    return (
        a.value.isdigit()
        and b.value.isdigit()
        and 1900 <= int(a.value) <= 2099
        and len(b.value) <= 2
        and int(a.value) % 100 == int(b.value)
        and len(re.sub(r"\D", "", b.text)) <= 2  # "'29", "90s", not "0007"
    )


def _hours(value: str) -> int | None:
    head = value.split(":")[0]
    return int(head) if head.isdigit() and int(head) <= 24 else None


_EXACT_KINDS = {"percent", "decimal", "time"}


def _same(a: NumberMention, b: NumberMention) -> bool:
    if (a.soft and b.kind in _EXACT_KINDS) or (b.soft and a.kind in _EXACT_KINDS):
        return False  # "first" is no "1.0%"
    if set(a.values) & set(b.values):
        return True
    if _short_year(a, b) or _short_year(b, a):
        return True
    if "time" in (a.kind, b.kind):
        ha, hb = _hours(a.value), _hours(b.value)
        a_min = a.value.split(":")[1] if ":" in a.value else "00"
        b_min = b.value.split(":")[1] if ":" in b.value else "00"
        return ha is not None and hb is not None and ha % 12 == hb % 12 and a_min == b_min
    return False


def _match(source: list[NumberMention], other: list[NumberMention]) -> list[int | None]:
    """For each source mention, the index of an equal mention of ``other`` (each used once)."""
    used: set[int] = set()
    out: list[int | None] = []
    for s in source:
        hit = next((i for i, o in enumerate(other) if i not in used and _same(s, o)), None)
        if hit is None:  # a repeated number may be written once in the translation
            # (not a soft one: "II" of "Juan Pablo II" explains no second "2")
            hit = next((i for i, o in enumerate(other) if not o.soft and _same(s, o)), None)
        else:
            used.add(hit)
        out.append(hit)
    return out


def _closeness(a: str, b: str) -> float:
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.normalized_similarity(a, b)


def check_numbers(
    source: str,
    translation: str,
    back_translation: str | None,
    src: str,
    tgt: str,
    sentence_id: str,
) -> tuple[list[EntityCheck], list[Flag]]:
    """Check that each number of ``source`` survived in ``translation`` (see module doc)."""
    src_nums = extract_numbers(source, src)
    tgt_nums = extract_numbers(translation, tgt)
    back_nums = extract_numbers(back_translation, src) if back_translation is not None else []
    in_tgt = _match(src_nums, tgt_nums)
    in_back = (
        _match(src_nums, back_nums) if back_translation is not None else [None] * len(src_nums)
    )
    matched_tgt = {i for i in in_tgt if i is not None}
    # Translation numbers nothing in the source explains (soft words never count).
    src_as_other = _match(tgt_nums, src_nums)
    spare = [
        i
        for i, t in enumerate(tgt_nums)
        if i not in matched_tgt and src_as_other[i] is None and not t.soft
    ]
    # Only digits are evidence of a change: translators spell, drop and add number words
    # ("four-year-old" → "четырехлетний", "twice", "a couple") far more often than they
    # change a figure, and a number that is merely missing is recorded, not flagged.
    spare = [i for i in spare if re.search(r"\d", tgt_nums[i].text)]
    # A figure the translation has more often than the source ("with 32 ... with 32" for
    # "with 32 ... with 35") may stand in for a source number that went missing.
    repeated = [
        i
        for i, t in enumerate(tgt_nums)
        if i not in matched_tgt
        and i not in spare
        and re.search(r"\d", t.text)
        and sum(_same(t, o) for o in tgt_nums) > sum(_same(t, o) for o in src_nums)
    ]
    checks: list[EntityCheck] = []
    flags: list[Flag] = []
    for k, s in enumerate(src_nums):
        back_ok = in_back[k] is not None
        check = EntityCheck(
            kind="number",
            sentence_id=sentence_id,
            text=s.text,
            value=s.value,
            in_translation=in_tgt[k] is not None,
            in_back_translation=back_ok,
        )
        checks.append(check)
        if in_tgt[k] is not None:
            continue
        stand_ins = spare or (repeated if re.search(r"\d", s.text) else [])
        if not re.search(r"\d", s.text):  # "cuatro" did not become the added "in 1973"
            stand_ins = [i for i in stand_ins if tgt_nums[i].kind != "year"]
        if stand_ins and not s.soft:
            # The closest unexplained figure of the translation stands in its place (a soft
            # word such as "one" or "first" is too weak a source to call a figure a change).
            best = max(stand_ins, key=lambda i: _closeness(s.value, tgt_nums[i].value))
            stand_ins.remove(best)
            check.status = "changed"
            check.found = [tgt_nums[best].text]
            flags.append(
                Flag(
                    kind="number",
                    severity="high",
                    reason=f"number {s.text!r} became {tgt_nums[best].text!r} in the translation",
                    span=[s.start, s.end],
                    detail={"expected": s.value, "found": [tgt_nums[best].value]},
                )
            )
            continue
        check.status = "ok" if back_ok else "missing"
    for i in spare:
        t = tgt_nums[i]
        if t.kind == "year" and not any(n.kind == "year" for n in src_nums):
            continue  # translators add the year the source implies ("in 1958")
        if _explained_extra(t, translation, source, src):
            continue
        flags.append(
            Flag(
                kind="number",
                severity="low",
                reason=f"the translation has a number the source lacks: {t.text!r}",
                detail={"expected": None, "found": [t.value], "translation_span": [t.start, t.end]},
            )
        )
    return checks, flags


# An indefinite article or "one" in the source explains a "1" of the translation
# ("un metro" → "1-metre wide"; "a year" → "1 год").
_ONE_WORDS: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:a|an|one)\b", re.I),
    "es": re.compile(r"\b(?:un|una|uno)\b", re.I),
    "ru": re.compile(r"\b(?:од(?:ин|на|но|ни|ного|ной|ному|ним|ном|ну|них|ними))\b", re.I),
}
_MONTHS = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$|"
    r"(?:ene|abr|ago|dic|set)[a-z]*\.?$",
    re.I,
)
# A capitalised word (not the first of a sentence) right before a small integer: the
# number belongs to a name ("Casa de Arraigo 1", "Ministerio Público 3", "Part 1").
_NAME_BEFORE = re.compile(r"(?<=[^\W\d_]|[,;])\s+[„«\"']?([^\W\d_][^\W\d_.'-]*)\s+$")


def _explained_extra(mention: NumberMention, translation: str, source: str, src: str) -> bool:
    """A number of the translation that the source lacks, yet that adds no fact."""
    if mention.kind != "cardinal" or not mention.text.isdigit():
        return False
    if mention.value == "1" and _ONE_WORDS[src].search(source):
        return True
    head = _NAME_BEFORE.search(translation[: mention.start])
    if head is None or len(mention.text) > 3:
        return False
    word = head.group(1)
    return word[0].isupper() and not _MONTHS.match(word)
