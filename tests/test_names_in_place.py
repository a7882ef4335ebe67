"""A common noun standing in a name's place ("said Buffett" → "said the city")."""

from __future__ import annotations

from tests.conftest import corpus_lines
from xlate.checks.names import check_names


def _reasons(source: str, translation: str, src: str, tgt: str) -> list[str]:
    return [f.reason for f in check_names(source, translation, None, src, tgt, "s1")[1]]


def test_a_russian_adjective_renders_no_noun_in_a_names_place() -> None:
    # newstest2012 line 808: Mueller's "city: большой|старинный город" makes "большую"
    # (big) a rendering of "city"; an adjective renders no noun a name gave way to.
    ru, en = corpus_lines("ru")[807], corpus_lines("en")[807]
    assert _reasons(ru, en, "ru", "en") == []
    city = _reasons(ru, en.replace("Buffett", "the city"), "ru", "en")
    assert city and "'the city'" in city[0]


def test_a_noun_made_of_a_source_adjective_renders_it() -> None:
    # newstest2012 line 1023: "газетные заголовки" (newspaper headlines) rendered as a
    # noun, the place (Лере) left out: the noun is the adjective's, not a stand-in.
    ru = corpus_lines("ru")[1022]
    en = "A controversial project to cull crows drew the newspapers' disapproval in 2005."
    assert _reasons(ru, en, "ru", "en") == []


def test_a_short_common_word_of_another_script_is_not_the_name_spelt_otherwise() -> None:
    # newstest2012 line 403: "with" and "love" share Ивету's two consonants; they are no
    # rendering of it, so the bank standing where Iveta stood replaced her.
    ru, en = corpus_lines("ru")[402], corpus_lines("en")[402]
    assert _reasons(ru, en, "ru", "en") == []
    bank = _reasons(ru, en.replace("Iveta", "the bank"), "ru", "en")
    assert bank and "'the bank'" in bank[0]
