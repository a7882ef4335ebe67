"""Severities an editor can sort by: chrF alone on a short sentence is never high; empty
and punctuation-only quotes are not quotes."""

from __future__ import annotations

import pytest

from xlate import check
from xlate.engines import create_engine
from xlate.text.segment import segment_lines


@pytest.mark.needs_apertium
def test_chrf_alone_on_a_short_sentence_is_not_high() -> None:
    source = "How come nobody ever told us?\n"
    translation = "¿Cómo es que jamás alguien nos lo comunicó?\n"
    report = check(
        segment_lines(source, "en"),
        segment_lines(translation, "es"),
        back_engine=create_engine("apertium"),
        lines=True,
    )
    scores = [f for f in report.languages[0].flags() if f.kind == "score"]
    assert scores, "the round trip of this pair reads differently: a score flag is expected"
    assert all(f.severity != "high" for f in scores)
    assert "a sentence of 6 words" in scores[0].reason


@pytest.mark.parametrize(
    ("source", "translation"), [("“”", "«»"), ("He said: “...”", "Dijo: «...»")]
)
def test_punctuation_only_quotes_are_not_quotes(source: str, translation: str) -> None:
    report = check(
        segment_lines(source + "\n", "en"),
        segment_lines(translation + "\n", "es"),
        back_engine=None,
        lines=True,
    )
    assert report.languages[0].quotes == []
    assert not [f for f in report.languages[0].flags() if f.kind.startswith("quote")]


@pytest.mark.needs_apertium
def test_a_quote_the_back_translation_reworded_is_not_high() -> None:
    from xlate import roundtrip

    report = roundtrip('"Tough, tough, tough."\n', "en", "es", engine_name="apertium")
    (quote,) = report.languages[0].quotes
    # "Duro" -> "Hard": the translation renders "tough", the way back reworded it
    assert quote.back_translation is not None and "tough" not in quote.back_translation.lower()
    assert quote.missing_words == []
    assert quote.status == "kept"
    assert not [f for f in quote.flags if f.kind == "quote"]
