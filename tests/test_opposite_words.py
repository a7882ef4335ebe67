"""The opposite-words check: a source word whose antonym the translation says, anywhere in
the sentence. Sentences from newstest2012 (0-based line numbers), some with one word
changed."""

from __future__ import annotations

import pytest

from tests.conftest import flags_of_kind
from xlate.checks.base import DEFAULT_CHECKS
from xlate.checks.opposite_words import OppositeWordsCheck
from xlate.report import FLAG_KINDS

# line 754
RIGHT_EN = (
    "The 21er Haus is very much in the right place, as there has been a stroke of luck in "
    "town planning."
)
RIGHT_ES = (
    "En este caso la casa 21 no está en el lugar equivocado, ha sucedido un golpe de suerte "
    "urbanístico."
)
# line 561
CAME_OUT_EN = "Pelta came out without a sentence."
CAME_OUT_ES = "Pelta salió impune."
# line 60
LUCKY_EN = (
    "Damjanovic and Vucinic became the match's least lucky couple after losing two great "
    "opportunities."
)
LUCKY_RU = (
    "Дамьянович и Вучинич стали самой неудачной парой матча после того, как упустили две "
    "великолепные возможности."
)


def _opposites(source: str, src: str, translation: str, tgt: str) -> list[tuple[str, str]]:
    return flags_of_kind("opposite", source, src, translation, tgt)


def test_the_check_runs_by_default_under_its_own_kind() -> None:
    assert any(isinstance(c, OppositeWordsCheck) for c in DEFAULT_CHECKS)
    assert "opposite" in FLAG_KINDS and "negation" in FLAG_KINDS


@pytest.mark.needs_lexicon
def test_an_antonym_in_place_of_a_word_is_flagged_with_both_words() -> None:
    # the person's "no está en el lugar equivocado" said "the right place"; without the
    # "no" it says the opposite
    found = _opposites(RIGHT_EN, "en", RIGHT_ES.replace("no está", "está"), "es")
    assert len(found) == 1
    severity, reason = found[0]
    assert severity == "medium"  # a dictionary's word against a person's free rendering
    assert "“right”" in reason and "“equivocado”" in reason


@pytest.mark.needs_lexicon
def test_a_negated_antonym_says_the_word_itself() -> None:
    assert _opposites(RIGHT_EN, "en", RIGHT_ES, "es") == []


@pytest.mark.needs_lexicon
def test_a_word_after_a_degree_that_reverses_it_is_not_judged() -> None:
    # "least lucky" is неудачный
    assert _opposites(LUCKY_EN, "en", LUCKY_RU, "ru") == []


@pytest.mark.needs_lexicon
def test_a_phrasal_verb_is_not_its_verb() -> None:
    # "came out" is "salió", no opposite of "come"
    assert _opposites(CAME_OUT_EN, "en", CAME_OUT_ES, "es") == []


@pytest.mark.needs_lexicon
def test_a_verb_replaced_by_its_antonym_is_flagged() -> None:
    found = _opposites(
        "Prices rose sharply last year.", "en", "Los precios bajaron mucho el año pasado.", "es"
    )
    assert len(found) == 1 and "“rose”" in found[0][1] and "“bajaron”" in found[0][1]
    assert (
        _opposites(
            "Prices rose sharply last year.",
            "en",
            "Los precios subieron mucho el año pasado.",
            "es",
        )
        == []
    )


@pytest.mark.needs_lexicon
def test_words_inside_quotes_are_left_to_the_quotes_check() -> None:
    source = 'He said: "Prices rose sharply last year."'
    translation = 'Dijo: "Los precios bajaron mucho el año pasado".'
    assert _opposites(source, "en", translation, "es") == []


# line 2624, and Apertium's translation of it
DEBT_EN = (
    "It was the social-democratic Chancellor his elf, Werner Faymann, who announced this "
    "decision at the end of a meeting of the council of ministers, with the Austrian public "
    "debt at 74,6%, much higher than the norm of a maximum of 60% set by the treaty of "
    "Maastricht, but below the public debt of countries like Italy, Greece or Spain."
)
DEBT_ES = (
    "Era el social-Canciller democrático su elfo, Werner Faymann, quién anunció esta decisión "
    "al final de una reunión del consejo de ministros, con la deuda pública austriaca en 74,6%, "
    "mucho más alto que la norma de un máximo de 60% conjunto por el tratado de Maastricht, "
    "pero bajo la deuda pública de países gusta Italia, Grecia o España."
)


# line 736
NEW_EN = (
    "Agnes Husslein-Arco who became the new director of the Austrian Galerie Belvedere in "
    "2007 was instrumental in the new beginning."
)
NEW_RU = (
    "Агнес Хуссляйн-Арко, которая стала новым директором Австрийской галереи Бельведер в "
    "2007 году, способствовала новому начинанию."
)


# line 1102
EARLY_EN = (
    "A 21-year-old drunk driver was seriously injured early on Tuesday morning on Märkische "
    "Allee in Berlin-Marzahn."
)
EARLY_RU = (
    "21-летний пьяный водитель серьезно пострадал рано утром во вторник на Меркише-Аллее в "
    "берлинском районе Марцан."
)


@pytest.mark.needs_lexicon
@pytest.mark.parametrize(
    ("source", "src", "translation", "tgt", "old", "new", "named"),
    [
        # "higher" is "más alto"; the "bajo" of "below" is no opposite of it
        (DEBT_EN, "en", DEBT_ES, "es", "más alto", "más bajo", "“higher”"),
        # one "новым" of two turned "старым": the other "новому" renders one "new", not both
        (NEW_EN, "en", NEW_RU, "ru", "новым", "старым", "“старым”"),
        # "early on" is no "came out": "поздно" for "early" is an opposite
        (EARLY_EN, "en", EARLY_RU, "ru", "рано", "поздно", "“поздно”"),
    ],
    ids=["comparative-by-its-adjective", "word-said-twice", "adverb-before-a-particle"],
)
def test_the_persons_wording_passes_and_one_word_turned_round_is_flagged(
    source: str, src: str, translation: str, tgt: str, old: str, new: str, named: str
) -> None:
    assert _opposites(source, src, translation, tgt) == []
    found = _opposites(source, src, translation.replace(old, new), tgt)
    assert len(found) == 1 and named in found[0][1]
