"""Function words of quantity and time order said the other way round ("more" as "menos",
"after" as "antes", "больше" as "меньше"), flagged by the opposite-words check, and the
rewordings that say the same thing with them. Sentences from newstest2012's tuning half
(0-based line numbers), some with one word changed."""

from __future__ import annotations

import pytest

from tests.conftest import flags_of_kind
from xlate.checks.function_opposites import function_swap, lost_sense
from xlate.checks.opposite_words import _negated

# line 95
FRIES_EN = (
    "A survey has shown that fries are consumed more often in the families of obese children."
)
FRIES_ES = (
    "El estudio muestra que en las familias de niños obesos se consumen con mucha más "
    "frecuencia las insanas patatas fritas."
)
# line 215
AFTER_EN = "However, after some time, problems come."
AFTER_ES = "Pero los problemas surgen después de un cierto tiempo."
# line 115
CLOSER_ES = (
    "Cuanto más cerca están los exámenes finales, más información y tareas prácticas nos aguardan"
)
CLOSER_RU = (
    "Чем ближе мы к заключительному экзамену, тем больше информации и практических заданий "
    "нас ожидает."
)
# line 934 (its second sentence)
WEALTHY_EN = (
    "One was a wealthy but sedate bank specialising in asset management in Zurich and the "
    "other was less wealthy, but much more internationalised."
)
WEALTHY_ES = (
    "Un banco rico pero dormido con el centro de la administración de bienes en Zurich y "
    "una internacionalización más pobre pero más fuerte."
)
# line 97
HALF_ES = (
    "Por norma general hacen deporte más del 40% de los niños encuestados, sin embargo, "
    "entres sus padres este resultado se reduce a menos de la mitad, solo el 15%."
)
HALF_RU = (
    "Хотя более 40% детей регулярно занимаются спортом, эта цифра снижается более чем "
    "вдвое - до 15% - когда речь заходит об их родителях."
)
# line 394
GATE_EN = "So far, Josef does not mind that his wife closed the hind gate on him."
GATE_ES = "A Josef hasta ahora no le importa que se mujer le haya cerrado la puerta de atrás."


def _opposites(source: str, src: str, translation: str, tgt: str) -> list[tuple[str, str]]:
    return flags_of_kind("opposite", source, src, translation, tgt)


@pytest.mark.parametrize(
    ("source", "src", "translation", "tgt", "old", "new"),
    [
        (FRIES_EN, "en", FRIES_ES, "es", "más", "menos"),
        (AFTER_EN, "en", AFTER_ES, "es", "después", "antes"),
        (CLOSER_ES, "es", CLOSER_RU, "ru", "больше", "меньше"),
        (AFTER_ES, "es", AFTER_EN, "en", "after", "before"),
    ],
)
def test_a_function_word_turned_round_is_flagged_and_the_persons_wording_is_not(
    source: str, src: str, translation: str, tgt: str, old: str, new: str
) -> None:
    assert _opposites(source, src, translation, tgt) == []
    changed = translation.replace(old, new, 1)
    found = _opposites(source, src, changed, tgt)
    assert len(found) == 1
    severity, reason = found[0]
    assert severity == "medium"  # a person's translation, no back-translation
    assert f"“{new}”" in reason


def test_a_back_translation_that_keeps_the_sense_clears_the_flag() -> None:
    changed = FRIES_ES.replace("más", "menos", 1)
    swap = function_swap(FRIES_EN, "en", changed, "es")
    assert swap is not None and (swap.sense, swap.opposite) == ("more", "less")
    assert lost_sense(FRIES_EN, "Fries are consumed less often.", "en", swap)
    assert not lost_sense(FRIES_EN, "Fries are consumed much more often.", "en", swap)


def test_idioms_and_negated_words_say_neither_sense() -> None:
    # "al menos" is "at least", "no más de" "at most": no "less" and no "more"
    assert function_swap("More than ten came.", "en", "Vinieron al menos diez.", "es") is None
    assert function_swap("Ten came at most.", "en", "No vinieron más de diez.", "es") is None
    # the same sentences with the word said plainly are a swap
    assert function_swap("More than ten came.", "en", "Vinieron menos de diez.", "es")


@pytest.mark.needs_lexicon
def test_less_of_a_word_is_more_of_its_antonym() -> None:
    # "less wealthy" said "más pobre" (poorer): the same thing, no flag
    assert _opposites(WEALTHY_EN, "en", WEALTHY_ES, "es") == []


def test_a_proportion_is_turned_round_freely() -> None:
    # "menos de la mitad" said "снижается более чем вдвое" (falls by more than half)
    assert function_swap(HALF_ES, "es", HALF_RU, "ru") is None


@pytest.mark.needs_lexicon
def test_a_negation_does_not_reach_into_the_clause_a_conjunction_opens() -> None:
    # "does not mind that his wife closed the gate": "closed" is said plainly, so "abierto"
    # for it is an opposite
    assert _opposites(GATE_EN, "en", GATE_ES, "es") == []
    found = _opposites(GATE_EN, "en", GATE_ES.replace("cerrado", "abierto"), "es")
    assert len(found) == 1 and "“abierto”" in found[0][1]
    # a negation a verb lends to its clause still reaches it: "no creo que sea malo"
    assert _negated("malo", "No creo que sea malo para nadie.", "es")
    assert not _negated("closed", GATE_EN, "en")
