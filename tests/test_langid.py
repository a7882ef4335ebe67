"""Language identification: the quick low-accuracy answer and the full one agree where it counts."""

from __future__ import annotations

import pytest

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


def _resident_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(row for row in status if row.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def test_a_one_shot_check_hands_the_large_models_back_and_they_load_again() -> None:
    from xlate.checks.qa import QA_CHECKS, LanguageCheck
    from xlate.text import langid

    assert any(isinstance(check, LanguageCheck) for check in QA_CHECKS)
    before = language_scores(PORTUGUESE, wide=True)
    loaded = _resident_mib()
    langid.release_models()  # not asked for: a batch worker keeps its models
    assert _resident_mib() > loaded - 20
    with langid.one_document():
        langid.release_models()
        assert _resident_mib() < loaded - 60  # the seven Latin-script models: ~170 MiB
        # the same scores (lingua sums in no fixed order: they vary in the last bits anyway)
        assert language_scores(PORTUGUESE, wide=True) == pytest.approx(before, rel=1e-9)
    assert not langid._release_after_document
