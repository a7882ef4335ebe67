"""Content words and inflection-tolerant missing-word detection in en/es/ru."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from xlate.text.words import content_words, missing_content_words, token_spans


def test_founding_example_reports_the_lost_words() -> None:
    original = "the most significant deterrent for the Venezuelan National Government"
    back = "the most important dissuasion for the Venezuelan national government"
    assert missing_content_words(original, back, "en") == ["significant", "deterrent"]


def test_inflection_case_and_possessives_are_tolerated() -> None:
    assert missing_content_words("the deterrents", "a Deterrent", "en") == []
    assert missing_content_words("Venezuela’s troops", "the troop of Venezuela", "en") == []
    assert missing_content_words("los Gobiernos nacionales", "el gobierno nacional", "es") == []
    assert missing_content_words("сдерживающим фактором", "сдерживающий фактор", "ru") == []


def test_content_words_drop_stopwords_and_keep_numbers() -> None:
    words = content_words("Maduro’s request to Putin was for 14 missile units and 1,500 men", "en")
    assert words == ["maduro", "request", "putin", "14", "missile", "units", "1,500", "men"]
    assert content_words("el plan de financiación a tres años", "es") == [
        "plan",
        "financiación",
        "tres",
        "años",
    ]
    assert content_words("он попросил модернизировать восемь двигателей", "ru") == [
        "попросил",
        "модернизировать",
        "восемь",
        "двигателей",
    ]


def test_numbers_meet_across_separators_and_missing_ones_are_reported() -> None:
    assert missing_content_words("1,500 troops", "1.500 tropas troops", "en") == []
    assert missing_content_words("14 missile units", "41 missile units", "en") == ["14"]


def test_each_missing_word_once_in_order() -> None:
    assert missing_content_words("Su-30 jets and more Su-30 jets", "aircraft", "en") == [
        "su-30",
        "jets",
    ]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80), st.sampled_from(["en", "es", "ru"]))
def test_a_text_misses_nothing_of_itself(text: str, lang: str) -> None:
    assert missing_content_words(text, text, lang) == []
    assert set(missing_content_words(text, "", lang)) == set(content_words(text, lang))


def test_token_spans_read_as_content_words_do_and_say_where_each_stands() -> None:
    text = "Maduro’s letter named 14 Su-30MK2 units."
    spans = token_spans(text, "en")
    assert [w for w, _, _ in spans] == ["maduro", "letter", "named", "14", "su-30mk2", "units"]
    assert [text[a:b] for _, a, b in spans] == [
        "Maduro’s", "letter", "named", "14", "Su-30MK2", "units",
    ]  # fmt: skip
    assert token_spans("El país de Maduro", "es")[1] == ("país", 3, 7)
