"""Numbers in en/es/ru text, and the check that a translation kept them.

Public API (pure functions):

``extract_numbers(text, lang) -> list[NumberMention]``
    Every quantity in ``text``: digits in any local format ("1,5", "1.500", "1 500" with a
    plain, no-break or thin space), number words in any inflected form ("ocho", "восьми",
    "twenty-five", "двадцать пять"), scale words ("1.5 million", "1,5 млн", "$3bn",
    "3.000 millones", "полтора миллиона"), ordinals ("third", "tercera", "третьего", "3rd",
    "3.º", "3-й"), years and percentages ("5 per cent", "cinco por ciento", "5 процентов"),
    Russian compound adjectives ("семилетний" 7, "тридцатидевятилетней" 39), "both"/"ambos"/
    "оба", counting nouns ("trío", "тройка", "a dozen", "un centenar") and fractions, read
    as their denominator ("two-thirds", "dos tercios", "две трети": 3). A Russian floor
    ordinal also reads one lower ("на пятом этаже" is the British and Spanish fourth floor).
    ``NumberMention.value`` is a canonical decimal string ("14", "1500000", "1.5");
    ``kind`` is "cardinal", "ordinal", "year", "percent", "decimal" or "time" (a clock
    time, value "15:30"; its hour also matches the same hour on a 12-hour clock).
    Digits inside designations ("Su-30MK2", "F-16", "COVID-19", "MH17") are left to
    :mod:`xlate.checks.names`.

``check_numbers(source, translation, back_translation, src, tgt, sentence_id, *, machine)``
    ``-> tuple[list[EntityCheck], list[Flag]]``. Every source number must reappear with the
    same value in the translation (word or digits alike). A different number in its place
    (digits, or a number word the source does not explain) is flagged ``number``/high
    ("changed"). A number that is simply missing is recorded ("missing"); with ``machine``
    (an engine translated) it is flagged high, unless the back-translation still has it
    (the translation then carries it in a form we do not read) or it is a "soft" mention
    ("one", "first", "un", "одна" often serve as articles or pronouns), or an engine glued
    its digits into a word ("personade46años"). Digits pair with digits and words with
    words before forms cross ("dos goles, 2:3" → "three-goal lead, 2:3": "dos" became
    "three"); a year changes into a year. A figure of the
    translation that the source lacks is low; a number word a person added is not
    flagged. ``back_translation`` may be None (check mode without an engine).

``compare_numbers`` is ``check_numbers`` on mentions already extracted (the runner
extracts each text's numbers once and shares them).

The number-word lexicons come from number-parser; ``lexicon`` adds what it lacks
(ordinals outside English, "полтора", decimals before scale words, abbreviations such as
"млн" and "bn", a few missing Russian case forms, "ё") from ``xlate/data/number_words.json``.
Modules, bottom to top: ``mention``, ``lexicon``, ``digits``, ``words``, ``extract``,
``compare``; ``check`` is the numbers check of the analysis (``xlate.checks.base``).
"""

from xlate.checks.numbers.compare import check_numbers, compare_numbers
from xlate.checks.numbers.extract import extract_numbers
from xlate.checks.numbers.mention import KINDS, NumberMention

__all__ = ["KINDS", "NumberMention", "check_numbers", "compare_numbers", "extract_numbers"]
