"""Language identification: the quick low-accuracy answer and the full one agree where it counts."""

from __future__ import annotations

from xlate.text.langid import language_scores, surely_in

SPANISH = "el parlamento no apoyó la enmienda que habría permitido liberar a la antigua primera"
PORTUGUESE = "o parlamento não apoiou a emenda que teria permitido libertar a antiga primeira"


def test_a_clear_sentence_is_surely_in_its_language() -> None:
    assert surely_in(SPANISH, "es", wide=True)
    assert language_scores(SPANISH, wide=True)["es"] > 0.5


def test_a_sentence_in_a_neighbour_language_is_left_to_the_full_models() -> None:
    assert not surely_in(PORTUGUESE, "es", wide=True)
    scores = language_scores(PORTUGUESE, wide=True)
    assert max(scores, key=lambda k: scores[k]) == "pt"
