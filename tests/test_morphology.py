"""Russian morphology: one analyser for every check."""

from __future__ import annotations


def test_the_checks_share_one_russian_analyser() -> None:
    from xlate.checks import lexicon
    from xlate.checks.names import lexicon as names_lexicon
    from xlate.checks.numbers import lexicon as numbers_lexicon

    shared = lexicon._morph()
    assert names_lexicon._morph() is shared and numbers_lexicon._morph() is shared
    assert shared.parse("кораблей")[0].normal_form == "корабль"
