"""A quote's word put out for an unrelated one, on independent evidence of both sides
(``xlate.checks.quotes.substitution``); tuning-half sentences of newstest2012."""

from __future__ import annotations

import pytest

from xlate.checks.quotes.fidelity import judge_words


def _changed(
    quote: str, src: str, translated: str, tgt: str, context: tuple[str, str] | None = None
) -> list[tuple[str, str]]:
    verdicts = judge_words(quote, src, translated, tgt, context=context)
    return [(v.word, v.stands) for v in verdicts if v.status == "changed"]


@pytest.mark.needs_lexicon
@pytest.mark.parametrize(
    ("quote", "src", "right", "wrong", "tgt", "changed"),
    [
        (  # line 793: "sustanciales" replaced by a word of another document
            "substantial losses,",
            "en",
            "las pérdidas sustanciales",
            "las pérdidas astronauta",
            "es",
            ("substantial", "astronauta"),
        ),
        (  # line 817: a one-word change next to a name
            "Oracle from Omaha.",
            "en",
            "Oráculo de Omaha",
            "rectas de Omaha",
            "es",
            ("oracle", "rectas"),
        ),
        (  # line 824, es->ru: no dictionary of the pair, both sides through English
            "ideología sangrienta",
            "es",
            "кровавой идеологии",
            "кровавой инвестиции",
            "ru",
            ("ideología", "инвестиции"),
        ),
    ],
)
def test_unrelated_word_in_place_is_changed(
    quote: str, src: str, right: str, wrong: str, tgt: str, changed: tuple[str, str]
) -> None:
    assert _changed(quote, src, right, tgt) == []
    assert _changed(quote, src, wrong, tgt) == [changed]


@pytest.mark.needs_lexicon
def test_the_sentence_around_the_quote_can_explain_the_stand_in() -> None:
    # line 793 with its sentence: the stand-in is judged against the whole source sentence,
    # and "cifra" (figure) there renders nothing of the quote but "sum" outside it
    source = (
        "The regulator is demanding that the Frankfurt-based bank take responsibility for "
        '"substantial losses," but has not yet specified the exact sum.'
    )
    translated = (
        'La inspección exige que el Instituto de Frankfurt responda de "las pérdidas '
        'cifra", sin nombrar una cifra exacta.'
    )
    assert _changed("substantial losses,", "en", "las pérdidas cifra", "es") == [
        ("substantial", "cifra")
    ]
    assert (
        _changed("substantial losses,", "en", "las pérdidas cifra", "es", (source, translated))
        == []
    )


@pytest.mark.needs_lexicon
def test_a_degree_adverb_is_no_stand_in() -> None:
    # line 537, en->ru with "очень" as "крайне" (extremely): a degree adverb added or
    # swapped says nothing of the word not found ("ambivalent", a dictionary gap)
    quote = "I hope for an agreement, but the situation is very ambivalent."
    translated = "Я надеюсь на соглашение, но ситуация крайне неоднозначная"
    assert _changed(quote, "en", translated, "ru") == []


@pytest.mark.needs_lexicon
def test_a_free_rendering_with_two_words_unfound_is_not_judged() -> None:
    # line 395: "respect" (as "Acepto") and "decision" both unfound: which stands for
    # which is a guess, and a free rendering leaves as much to the dictionaries' gaps
    assert (
        _changed("I respect my wife's decision.", "en", "Acepto la negocio de mi mujer", "es") == []
    )


@pytest.mark.needs_lexicon
def test_a_rendering_taken_by_an_earlier_word_moves_to_its_other() -> None:
    # line 1031: "chain" (mountain chain: sierra) took "sierras" from "saws" though it has
    # "cadena"; "instead" of "instead of" ("en lugar de") is no content word
    verdicts = judge_words(
        "Information boards instead of chain saws",
        "en",
        "Paneles informativos en lugar de sierras de cadena",
        "es",
    )
    status = {v.word: v.status for v in verdicts}
    assert status["saws"] == status["chain"] == "kept"
    assert "instead" not in status


@pytest.mark.needs_lexicon
@pytest.mark.parametrize(
    ("quote", "right", "wrong", "word", "stands"),
    [
        (  # line 278: "paz" has three letters, a content word all the same
            "I did not expect it to be such a tough war.",
            "No me esperaba que se montase una guerra sin cuartel",
            "No me esperaba que se montase una paz sin cuartel",
            "war",
            "paz",
        ),
        (  # line 660: "feas" is fea, feo (ugly) by a root of two letters
            "So I started collecting beautiful baths.",
            "Comencé a coleccionar piscinas bonitas.",
            "Comencé a coleccionar piscinas feas.",
            "beautiful",
            "feas",
        ),
        (  # line 956: "buying" is looked up as buy, whose antonym is sell ("vendió")
            "UBS was buying as late as the summer of 2007 when the US housing market was "
            "in flames,",
            "En verano de 2007, como el mercado inmobiliario americano estaba en llamas, la "
            "UBS compró allí",
            "En verano de 2007, como el mercado inmobiliario americano estaba en llamas, la "
            "UBS vendió allí",
            "buying",
            "vendió",
        ),
    ],
)
def test_antonym_of_a_short_or_inflected_word(
    quote: str, right: str, wrong: str, word: str, stands: str
) -> None:
    assert (word, stands) not in _changed(quote, "en", right, "es")
    assert (word, stands) in _changed(quote, "en", wrong, "es")


@pytest.mark.needs_lexicon
@pytest.mark.parametrize(
    ("quote", "src", "right", "wrong", "tgt", "word", "stands"),
    [
        (  # es->en line 638: a plural in -es drops its singular's stress mark ("jóvenes":
            # joven, young), so "old" is its antonym
            "No se daría la situación actual en la que tenemos solo tres equipos de Moravia, "
            "lo que representa un problema para los jugadores moravos jóvenes",
            "es",
            "This would prevent the current situation, where there are just three Moravian "
            "units in the league, which is a problem concerning young players in Moravia,",
            "This would prevent the current situation, where there are just three Moravian "
            "units in the league, which is a problem concerning old players in Moravia,",
            "en",
            "jóvenes",
            "old",
        ),
        (  # ru->es line 537: "poco" means little, not "a" of its gloss "a little": the
            # commonest senses of a word with no order known leave out articles
            "Я надеюсь на соглашение, но ситуация очень неоднозначная",
            "ru",
            "Espero que se llegue a un acuerdo, pero, por desgracia, la situación es mucho "
            "más complicada.",
            "Espero que se llegue a un acuerdo, pero, por desgracia, la situación es poco "
            "más complicada.",
            "es",
            "очень",
            "poco",
        ),
    ],
)
def test_antonym_through_a_spanish_plural_or_main_sense(
    quote: str, src: str, right: str, wrong: str, tgt: str, word: str, stands: str
) -> None:
    assert (word, stands) not in _changed(quote, src, right, tgt)
    assert (word, stands) in _changed(quote, src, wrong, tgt)


@pytest.mark.needs_lexicon
def test_a_word_that_comes_back_as_a_synonym_by_a_shared_rendering() -> None:
    # es->en/mt line 466, Apertium's "contento" -> "glad" -> "feliz": "contento" and
    # "feliz" share the rendering "happy", so the way back only chose another word
    verdicts = judge_words(
        "Traté de atinarle al disco y estoy contento porque lo conseguí",
        "es",
        "I treated of atinarle to the disk and am glad because I achieved it",
        "en",
        "Traté de atinarle al disco y soy feliz porque lo conseguí",
    )
    assert [(v.status, v.by) for v in verdicts if v.word == "contento"] == [
        ("kept", "back-translation")
    ]
