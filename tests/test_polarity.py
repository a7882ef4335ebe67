"""The polarity check: a negation added or dropped, and the rewordings that are not flips."""

from __future__ import annotations

import pytest

from xlate import check
from xlate.checks.polarity import negations
from xlate.text.segment import segment_lines


def _negation_flags(src: str, tgt: str, source: str, translation: str) -> list[str]:
    report = check(
        segment_lines(source + "\n", src),
        segment_lines(translation + "\n", tgt),
        back_engine=None,
        lines=True,
    )
    flags = [f for f in report.languages[0].flags() if f.kind == "negation"]
    assert all(f.severity == "high" for f in flags)
    return [f.reason for f in flags]


@pytest.mark.parametrize(
    ("src", "tgt", "source", "translation"),
    [
        # newstest2012 line pairs with the negation of the translation removed or added
        (
            "en",
            "es",
            "However, she does not want to wait any longer.",
            "Sin embargo ya va a esperar.",
        ),
        (
            "es",
            "en",
            "No me esperaba que fuera una guerra tan dura.",
            "I expected it to be such a tough war.",
        ),
        ("en", "ru", "The company has grown.", "Компания не выросла."),
        ("ru", "en", "Рихтарж никогда не спит.", "Rychtář sleeps."),
        # a word written with не- that negates nothing ("необходимо") hides no removal, and
        # a "lack" on both sides absorbs nothing
        (
            "en",
            "ru",
            "It was not granted to politically unreliable people.",
            "Его выдавали политически ненадежным людям, и это было необходимо.",
        ),
        (
            "en",
            "es",
            "The team lacks experience and does not win.",
            "Al equipo le falta experiencia y gana.",
        ),
    ],
)
def test_a_flipped_negation_is_flagged_high(
    src: str, tgt: str, source: str, translation: str
) -> None:
    (reason,) = _negation_flags(src, tgt, source, translation)
    assert "negation was" in reason


@pytest.mark.parametrize(
    ("src", "tgt", "source", "translation"),
    [
        ("en", "es", "He failed to arrive on time.", "No llegó a tiempo."),  # "failed to"
        ("en", "es", "I did not expect it.", "No me lo esperaba nunca."),  # concord
        ("es", "en", "No tengo ni tiempo ni dinero.", "I have neither time nor money."),
        ("ru", "en", "Ни Иван, ни Мария не пришли.", "Neither Ivan nor Maria came."),
        ("en", "es", "It is not only about money.", "No solo se trata de dinero."),
        ("en", "ru", "The game feels unfinished.", "Кажется, что игра не закончена."),
        ("en", "es", "The team lacks experience.", "El equipo no tiene experiencia."),
        # "don't care" is said "все равно": the lexical word of one side, after a negator
        # on the other, is the same negation
        (
            "en",
            "ru",
            "We don't sleep together, and I don't care where she goes.",
            "Мы не спим вместе, и мне все равно, куда она ходит.",
        ),
        ("en", "ru", "It was not granted to them.", "Это им не давали недавно."),
    ],
)
def test_rewordings_are_not_flagged(src: str, tgt: str, source: str, translation: str) -> None:
    assert _negation_flags(src, tgt, source, translation) == []


def test_negations_counts_concord_and_pairs_once() -> None:
    assert negations("No vino nunca ni llamó ni escribió", "es") == ["no"]
    assert negations("Ni Juan ni María vinieron", "es") == ["ni"]
    assert negations("Никто не пришёл", "ru") == ["не"]
    assert negations("I don't know and never will", "en") == ["don't", "never"]
    assert negations("Not only that, no matter what", "en") == []


def test_reason_names_the_words_on_each_side() -> None:
    (reason,) = _negation_flags("en", "es", "He did not sign the deal.", "Firmó el acuerdo.")
    assert "“not”" in reason and "the translation none" in reason
