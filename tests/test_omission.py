"""The omission check: a stretch of the source nothing of the translation renders, or a
stretch of the translation nothing of the source says. Sentences from newstest2012
(0-based line numbers, tuning half), some with a clause taken out as the challenge
set's injector takes one."""

from __future__ import annotations

import pytest

from xlate.check import check
from xlate.checks.base import DEFAULT_CHECKS
from xlate.checks.omission import OmissionCheck
from xlate.engines.fake import FakeTranslator
from xlate.report import FLAG_KINDS, Flag
from xlate.text.segment import segment_lines

# line 693: the person's Spanish leaves out who made the survey
FORSA_EN = (
    "The findings were made in a survey conducted by the Forsa Institute for Social Research "
    "and Statistical Analysis on behalf of the consumer organisation Foodwatch."
)
FORSA_ES = (
    "Este es el resultado de una encuesta por encargo de la organización de consumidores Foodwatch."
)
# the same sentence rendered whole
FORSA_ES_WHOLE = (
    "Los resultados se obtuvieron en una encuesta realizada por el Instituto Forsa de "
    "Investigación Social y Análisis Estadístico por encargo de la organización de "
    "consumidores Foodwatch."
)
# line 5, its second clause taken out of the Russian
VERDICT_EN = (
    "Tymoshenko claims the verdict is a political revenge of the regime; in the West, the "
    "trial has also evoked suspicion of being biased."
)
VERDICT_RU = "Тимошенко утверждает, что приговор является политической местью режима."
VERDICT_RU_WHOLE = (
    "Тимошенко утверждает, что приговор является политической местью режима; на Западе "
    "процесс также заподозрили в предвзятости."
)
# line 80: "почти в два раза чаще" reworded "al menos con el doble de frecuencia", no word
# of it found, but the translation is as long as usual: no omission
SAUSAGE_RU = (
    "К примеру, колбаса появляется на столах детей, страдающих от ожирения, почти в два раза "
    "чаще, чем в семьях с детьми, имеющими нормальный вес."
)
SAUSAGE_ES = (
    "En la mesa, los niños obsesos se alimentan, por ejemplo, de embutidos al menos con el "
    "doble de frecuencia que los niños de familias con peso normal."
)


def _flags(source: str, src: str, translation: str, tgt: str, **kwargs: object) -> list[Flag]:
    report = check(
        segment_lines(source + "\n", src), segment_lines(translation + "\n", tgt), **kwargs
    )
    return [
        flag
        for sentence in report.languages[0].sentences
        for flag in sentence.flags
        if flag.kind in ("omission", "addition")
    ]


def test_the_check_runs_by_default_under_its_own_kinds() -> None:
    assert any(isinstance(c, OmissionCheck) for c in DEFAULT_CHECKS)
    assert "omission" in FLAG_KINDS and "addition" in FLAG_KINDS


@pytest.mark.needs_lexicon
def test_a_stretch_the_translation_leaves_out_is_flagged_with_its_words() -> None:
    [flag] = _flags(FORSA_EN, "en", FORSA_ES, "es")
    assert (flag.kind, flag.severity) == ("omission", "medium")
    assert flag.detail["span"].startswith("conducted by the Forsa Institute")
    assert flag.detail["span"].endswith("Statistical Analysis")
    assert {"institute", "research", "statistical"} <= set(flag.detail["words"])
    assert flag.span is not None
    assert FORSA_EN[flag.span[0] : flag.span[1]] == flag.detail["span"]
    assert "Forsa Institute" in flag.reason


@pytest.mark.needs_lexicon
def test_the_same_sentence_rendered_whole_is_not_flagged() -> None:
    assert _flags(FORSA_EN, "en", FORSA_ES_WHOLE, "es") == []


@pytest.mark.needs_lexicon
def test_a_clause_left_out_of_a_russian_translation_is_flagged() -> None:
    [flag] = _flags(VERDICT_EN, "en", VERDICT_RU, "ru")
    assert flag.kind == "omission"
    assert "trial" in flag.detail["words"] and "suspicion" in flag.detail["words"]
    assert _flags(VERDICT_EN, "en", VERDICT_RU_WHOLE, "ru") == []


@pytest.mark.needs_lexicon
def test_a_stretch_reworded_at_its_usual_length_is_not_flagged() -> None:
    # es<->ru through English: none of "почти", "два", "раза", "чаще" is found, yet the
    # Spanish is as long as a Spanish rendering of the whole sentence usually is
    assert _flags(SAUSAGE_RU, "ru", SAUSAGE_ES, "es") == []


@pytest.mark.needs_lexicon
def test_a_stretch_the_source_does_not_say_is_an_addition() -> None:
    # the same pair the other way round: the English says what the Spanish does not
    [flag] = _flags(FORSA_ES, "es", FORSA_EN, "en")
    assert (flag.kind, flag.severity) == ("addition", "medium")
    assert flag.detail["span"].startswith("conducted by the Forsa Institute")
    assert flag.span is None  # the span is the translation's, not the source's


@pytest.mark.needs_lexicon
def test_a_back_translation_that_says_the_stretch_again_keeps_it_unflagged() -> None:
    # the engine's way back has the words the cross-lingual test did not find: the
    # dictionary missed the translation's rendering, the translation did not miss the words
    back = "The findings were made in a survey conducted by the Forsa Institute for Foodwatch."
    script = {"es-en": {FORSA_ES: back}}
    engine = FakeTranslator(script=script)
    assert _flags(FORSA_EN, "en", FORSA_ES, "es", back_engine=engine) == []
    lost = "This is the result of a survey on behalf of the consumer organisation Foodwatch."
    engine = FakeTranslator(script={"es-en": {FORSA_ES: lost}})
    [flag] = _flags(FORSA_EN, "en", FORSA_ES, "es", back_engine=engine)
    assert flag.kind == "omission"


def test_short_sentences_and_missing_translations_raise_nothing() -> None:
    assert _flags("The findings were made.", "en", "Este es el resultado.", "es") == []
    assert _flags(FORSA_EN, "en", "", "es") == []
