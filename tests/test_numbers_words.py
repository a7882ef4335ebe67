"""Number words against their counterparts: how mentions pair up, and words the number
words of the lexicon did not cover (made from newstest2012 sentences, tuning half)."""

from __future__ import annotations

from xlate.checks.numbers import check_numbers


def _changes(source: str, src: str, translation: str, tgt: str) -> list[tuple[str, list[str]]]:
    _, flags = check_numbers(source, translation, None, src, tgt, "s")
    return [(f.detail["expected"], f.detail["found"]) for f in flags if f.severity == "high"]


def test_digits_pair_with_digits_before_words() -> None:
    # newstest2012 line 1075: a score in digits beside the number word that changed.
    es = "Cuatro días después del 0-3 en Estambul, los turcos no pasaron de un 0-0 en Zagreb."
    en = "Four days after losing 0:3 in Istanbul, the Turks could do no better than a 0:0 draw."
    assert _changes(es, "es", en, "en") == []
    assert _changes(es, "es", en.replace("Four", "Three"), "en") == [("4", ["3"])]


def test_a_year_the_translation_adds_hides_no_changed_number_word() -> None:
    # newstest2012 line 729: the English adds "in 1973"; "cuatro" became "five".
    es = "Con su legendaria torre de cuatro cilindros para MBW pasó a ser conocido."
    en = "He finally shot to fame internationally in 1973 with his legendary five-cylinder BMW Tower."
    assert _changes(es, "es", en, "en") == [("4", ["5"])]
    assert _changes(es, "es", en.replace("five", "four"), "en") == []
