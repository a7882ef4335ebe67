"""Numbers written as words, in any inflected form: "ocho", "восьми", "twenty-five",
"двадцать пять", "dos mil quinientos", "полтора миллиона", ordinals ("third", "tercera",
"третьего") and percentages in words ("cinco por ciento", "5 процентов")."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from number_parser import parse_number, parse_ordinal

from xlate.checks.numbers.lexicon import (
    PERCENT_AFTER,
    RU_ADJECTIVE_ENDING,
    fold,
    group_noun,
    lexicon,
    ru_compound_number,
    ru_half_scale,
    ru_number_lemma,
)
from xlate.checks.numbers.mention import NumberMention, canonical
from xlate.text.words import stopwords

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_Y_MEDIO = re.compile(r"\s+y\s+medio\b")
# A fraction's value: "dos tercios" and "two thirds" are both 0.6667.
_FRACTION_PLACES = Decimal("0.0001")
_MILES_DE_MILLONES = re.compile(r"\s+miles\s+de\s+millones\b", re.I)
# One word of a text: (start, end, folded word).
Token = tuple[int, int, str]


def word_mentions(text: str, lang: str) -> list[NumberMention]:
    """The runs of number words in ``text``, each one mention."""
    tokens = _tokens(text, lang)
    lex = lexicon(lang)
    out: list[NumberMention] = []
    i = 0
    while i < len(tokens):
        if _classify(tokens[i][2], lang) is None:
            i += 1
            continue
        run = _run_from(text, tokens, i, lang)
        article = len(run) > 1 and tokens[run[0]][2] in lex.article_only
        if article and tokens[run[1]][2] not in lex.powers:  # "un segundo", not "un millón"
            run = run[1:]
        words = [tokens[k][2] for k in run]
        mention = _mention_from_words(text, lang, tokens, run, words)
        if mention is not None:
            out.append(mention)
        i = run[-1] + 1
    return out


def _tokens(text: str, lang: str) -> list[Token]:
    """The folded words of ``text``; a hyphenated number ("twenty-five") is one per part, a
    number before a hyphenated noun ("four-cylinder") just its number."""
    tokens: list[Token] = []
    for m in _WORD.finditer(text):
        word = fold(m.group())
        if "-" not in word:  # most words: one token as it is
            tokens.append((m.start(), m.end(), word))
            continue
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
    return tokens


def _run_from(text: str, tokens: list[Token], i: int, lang: str) -> list[int]:
    """The token indices of the run of number words that starts at ``tokens[i]``
    ("twenty-five", "dos mil quinientos", "двадцать пять")."""
    joiners = lexicon(lang).joiners
    run = [i]
    j = i + 1
    while j < len(tokens):
        between = text[tokens[j - 1][1] : tokens[j][0]]
        if between.strip() not in ("", "-"):
            break
        nxt = tokens[j][2]
        if _ends_run(tokens[j - 1][2], nxt, lang, hyphen=between.strip() == "-"):
            break
        if nxt in joiners and j + 1 < len(tokens) and _classify(tokens[j + 1][2], lang):
            j += 1
            continue
        if _classify(nxt, lang) is None:
            previous = _classify(tokens[j - 1][2], lang)
            if previous is not None and previous[0] == "card" and group_noun(nxt, lang):
                run.append(j)  # "dos docenas", "двух десятков": the group multiplies
            elif lang == "en" and nxt in lexicon(lang).plural_powers:
                # "seven millions", "six billions" (an engine's English): the plural ends
                # the run. Spanish "seis miles de millones" is read whole after the run.
                run.append(j)
            break
        run.append(j)
        j += 1
    return run


@lru_cache(maxsize=65536)
def _english_ordinal(word: str) -> int | None:
    """number-parser's reading of a word ending like an ordinal (the caller tests that):
    it rebuilds its language tables on every call, so each word is parsed once."""
    value = parse_ordinal(word, "en")
    return int(value) if isinstance(value, int) else None


def _ordinal_word(word: str, lang: str) -> int | None:
    lex = lexicon(lang)
    if lang == "en":
        # The suffix first: most words are no ordinal, and need no number-parser call.
        if word[-3:] in ("rds", "ths"):  # "two thirds", "three fifths": denominators
            plural = _english_ordinal(word[:-1])
            return plural if plural is not None and plural > 2 else None
        if word in lex.cardinals or word[-2:] not in ("st", "nd", "rd", "th"):
            return None
        return _english_ordinal(word)
    if lang == "es":
        stem = re.sub(r"(a|os|as)$", "o", word) if word not in lex.ordinals else word
        return lex.ordinals.get(stem)
    m = RU_ADJECTIVE_ENDING.search(word)
    if not m:
        return None
    # "третий/третьего": the soft sign belongs to the ending.
    return lex.ordinals.get(word[: m.start()])


@lru_cache(maxsize=4096)
def _classify(word: str, lang: str) -> tuple[str, int | Decimal] | None:
    """("card", n), ("ord", n), ("frac", 1.5), ("comp", n) (a Russian compound adjective,
    "семилетний") or None for a folded word. A fraction's noun ("tercio", "треть") is its
    denominator's ordinal, as "a third" is; "полмиллиона" is a fraction (half) of its
    scale word."""
    if lang == "ru" and word.startswith("пол"):
        half = ru_half_scale(word)
        if half is not None:
            return "frac", half
    if not word.isalpha():  # "½", "²" are word characters to the regex, not letters
        return None
    lex = lexicon(lang)
    if word in lex.cardinals:
        return "card", lex.cardinals[word]
    if word in lex.fractions:
        return "frac", lex.fractions[word]
    if word in lex.collective:
        return "card", lex.collective[word]
    if word in lex.fraction_nouns:
        return "ord", lex.fraction_nouns[word]
    ordinal = _ordinal_word(word, lang)
    if ordinal is not None:
        return "ord", ordinal
    if lang == "ru":
        # A case form the tables lack ("троих", "семерых", "обоих"): its dictionary lemma.
        lemma = ru_number_lemma(word)
        if lemma is not None and lemma != word:
            return _classify(lemma, lang)
        compound = ru_compound_number(word)
        if compound is not None:
            return "comp", compound
    return None


def _ends_run(previous: str, word: str, lang: str, *, hyphen: bool = False) -> bool:
    """Whether ``word`` starts a new number after ``previous`` within a run of number words.

    An ordinal ends a number ("the first three" is 1st and 3); Spanish never builds an
    ordinal on a cardinal ("los tres primeros" is 3 and 1st, unlike "twenty-first"). A
    hyphen joins an English cardinal to the ordinal after it: "twenty-first", and the
    fraction "two-third" (a numerator before a denominator, read as one).
    """
    before = _classify(previous, lang)
    after = _classify(word, lang)
    if (before is not None and before[0] in ("ord", "comp")) or (after and after[0] == "comp"):
        return True  # a compound adjective ("два пятиэтажных дома") is a number of its own
    if after is None or after[0] != "ord" or _denominator(word, lang) or hyphen:
        return False  # "dos tercios", "two thirds": a numerator before its denominator
    # "twenty first" builds on a round ten; "four first" is 4 and 1st.
    return lang == "es" or (lang == "en" and before is not None and int(before[1]) % 10 != 0)


def _denominator(word: str, lang: str) -> bool:
    """A fraction's noun ("tercios"), an English plural ordinal ("thirds") or a Spanish
    feminine plural one from the thirds up ("las tres cuartas partes", not "las dos
    primeras")."""
    if word in lexicon(lang).fraction_nouns:
        return True
    if lang == "es" and word[-2:] == "as":
        reading = _classify(word, lang)
        return reading is not None and reading[1] >= 3
    return lang == "en" and word[-3:] in ("rds", "ths")


def _mention_from_words(
    text: str,
    lang: str,
    tokens: list[Token],
    run: list[int],
    words: list[str],
) -> NumberMention | None:
    start, end = tokens[run[0]][0], tokens[run[-1]][1]
    lex = lexicon(lang)
    if len(words) == 1 and _not_a_number(text, start, words[0], lang):
        return None
    classes = [_classify(w, lang) for w in words]
    kind = "cardinal"
    value: Decimal
    first = classes[0]
    assert first is not None
    if first[0] == "comp":  # "семилетний": the run is this one word
        value = Decimal(int(first[1]))
    elif first[0] == "frac":  # "полтора миллиона"
        rest = [c for c in classes[1:] if c is not None]
        mult = Decimal(int(rest[0][1])) if rest else Decimal(1)
        value = Decimal(first[1]) * mult
    elif classes[-1] is not None and classes[-1][0] == "ord":
        kind = "ordinal"
        value = Decimal(int(classes[-1][1]))
        if len(words) > 1:
            head = _parse_words(words[:-1], lang)
            if head is not None and head < value:
                # A numerator before a denominator: "одной пятой" is a fifth, not the
                # sixth, and reads as the fifths (as "a fifth", "una quinta parte" do);
                # "dos tercios", "две трети", "two-thirds" keep their numerator (2/3), so
                # that "three-thirds" for "две трети" is a change.
                if head != 1:
                    value = (head / value).quantize(_FRACTION_PLACES)
                return NumberMention(start, end, text[start:end], canonical(value), kind)
            if head is not None:
                value += head
    else:
        parsed = _parse_words(words, lang)
        if parsed is None:
            return None
        value = parsed
        billions = _MILES_DE_MILLONES.match(text, end) if lang == "es" else None
        if billions is not None:  # "seis miles de millones": six billion
            value *= 10**9
            end = billions.end()
        # "millón y medio", "two and a half million" are rare; "y medio" after a scale word:
        half = _Y_MEDIO.match(text[end:]) if lang == "es" else None
        if half is not None:
            value += _last_power(words, lang) / 2
            end += half.end()
    pct = PERCENT_AFTER[lang].match(text, end)
    if pct and kind == "cardinal":
        kind = "percent"
        end = pct.end()
    soft = len(words) == 1 and (words[0] in lex.soft or (kind == "ordinal" and value == 1))
    if soft and kind == "ordinal" and value != 1 and _ordinal_before_noun(text, start, end, lang):
        soft = False  # "cuarto piso", "the second half": an ordinal, not a room or a moment
    others = _other_readings(words, value, lang) if kind != "ordinal" else ()
    return NumberMention(start, end, text[start:end], canonical(value), kind, others, soft)


def _other_readings(words: list[str], value: Decimal, lang: str) -> tuple[str, ...]:
    """The value again with a scale word read as the other power it is used for: "cinco
    billones" is 5 * 10**12, or 5 * 10**9."""
    lex = lexicon(lang)
    for word in words:
        other = lex.scale_readings.get(word)
        power = lex.powers.get(word)
        if other is not None and power:
            return (canonical(value / power * other),)
    return ()


def _not_a_number(text: str, start: int, word: str, lang: str) -> bool:
    """A lone word that reads as a number but is none here: an article ("un"), a vague
    plural ("thousands of"), the "cien" of "por ciento", the "both" of "both ... and"."""
    lex = lexicon(lang)
    if word in lex.article_only:
        return True
    pair = lex.paired_conjunctions.get(word)
    if pair is not None and _paired_with(text, start + len(word), pair):
        return True  # a conjunction, rendered "tanto ... como", "как ..., так и"
    if word in lex.vague_plurals and not _a_before(text, start, lang):
        return True
    if word in lex.powers and _vague_before(text, start, lang):
        return True  # "several hundred", "a few thousand": hundreds, thousands
    return lang == "es" and word in ("ciento", "cien") and bool(re.search(r"por\s*$", text[:start]))


def _paired_with(text: str, end: int, second: str) -> bool:
    """Whether the conjunction's second word follows within one to three words: "both
    professional and regional levels"."""
    pattern = rf"(?:\s+(?!{second}\b)[^\W\d_]+(?:[-'][^\W\d_]+)*){{1,3}},?\s+{second}\b"
    return re.match(pattern, text[end:], re.I) is not None


_INDEFINITE_BEFORE = {
    "en": re.compile(r"\b(?:a|an)\s+$", re.I),
    "es": re.compile(r"\b(?:un|una|unos|unas|otro|otra)\s+$", re.I),
    "ru": re.compile(r"(?!)"),
}


def _ordinal_before_noun(text: str, start: int, end: int, lang: str) -> bool:
    """Whether a content word (lowercase, no function word) follows the ordinal right away
    and no indefinite article stands before it ("a second tube" is another tube)."""
    m = re.match(r"[ \u00a0]+([^\W\d_]+)", text[end:])
    if not m or not m.group(1).islower() or m.group(1) in stopwords(lang):
        return False
    return not _INDEFINITE_BEFORE[lang].search(text[:start])


def _vague_before(text: str, start: int, lang: str) -> bool:
    m = re.search(r"([^\W\d_]+)\s+$", text[:start])
    return m is not None and fold(m.group(1)) in lexicon(lang).vague_before


def _a_before(text: str, start: int, lang: str) -> bool:
    return lang == "en" and bool(re.search(r"\ba\s+$", text[:start], re.I))


def _last_power(words: list[str], lang: str) -> Decimal:
    powers = lexicon(lang).powers
    for word in reversed(words):
        if word in powers:
            return Decimal(powers[word])
    return Decimal(1)


@lru_cache(maxsize=4096)
def _parse_number(text: str, lang: str) -> int | float | None:
    """number-parser's reading, kept: each call rebuilds its language tables."""
    value: int | float | None = parse_number(text, lang)
    return value


def _parse_words(words: list[str], lang: str) -> Decimal | None:
    lex = lexicon(lang)
    cardinals = lex.cardinals
    value = _parse_number(" ".join(words), lang)
    if value is None and len(words) == 1:
        value = cardinals.get(words[0], lex.collective.get(words[0]))
        if value is None and lang == "ru":
            lemma = ru_number_lemma(words[0])  # "троих" is "трое"
            value = lex.collective.get(lemma or "", cardinals.get(lemma or ""))
    if value is None:
        # number-parser rejects some valid runs ("тремстам"); sum by groups as a fallback.
        total, group = 0, 0
        for word in words:
            n = cardinals.get(word, lex.plural_powers.get(word))
            if n is None:
                size = group_noun(word, lang)
                if size is None or not group:
                    return None
                group *= size  # "two dozen", "три сотни": a group counted
                continue
            if n >= 1000:
                total += max(group, 1) * n
                group = 0
            elif n == 100 and 0 < group < 10:
                group *= 100
            else:
                group += n
        value = total + group
    return Decimal(int(value))


def ordinal_value(word: str, lang: str) -> int | None:
    """The value of an ordinal number word ("first", "tercera", "пятого"), else None."""
    return _ordinal_word(word.lower(), lang)
