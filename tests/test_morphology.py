"""Russian morphology: one analyser for every check."""

from __future__ import annotations


def test_the_checks_share_one_russian_analyser() -> None:
    from xlate.checks import lexicon
    from xlate.checks.names import lexicon as names_lexicon
    from xlate.checks.numbers import lexicon as numbers_lexicon
    from xlate.text.morphology import russian_analyser

    shared = russian_analyser()
    # each check reads Russian through the one cached analyser, not a copy of its own
    assert lexicon.russian_analyser is names_lexicon.russian_analyser is russian_analyser
    assert numbers_lexicon.russian_analyser is russian_analyser
    assert russian_analyser() is shared
    assert shared.parse("кораблей")[0].normal_form == "корабль"
