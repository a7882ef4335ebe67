"""Language identification: the quick low-accuracy answer and the full one agree where it counts."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from xlate.text.langid import language_scores, surely_in

DATA = Path(__file__).parent / "data"

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


def test_scores_asked_ahead_are_answered_without_the_models(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from xlate.checks.qa import samples_in_doubt
    from xlate.text import langid

    doubtful = list(samples_in_doubt([SPANISH, PORTUGUESE, "Sí."], "es"))
    assert doubtful == [PORTUGUESE]  # the clear sentence and the short one need no model
    expected = language_scores(PORTUGUESE, wide=True)
    with langid.scores_ahead(doubtful, wide=True):

        def no_detector(*args: object, **kwargs: object) -> None:
            raise AssertionError("the high-accuracy models were asked again")

        monkeypatch.setattr(langid, "_detector", no_detector)
        assert language_scores(PORTUGUESE, wide=True) == pytest.approx(expected)
        monkeypatch.undo()
    assert not langid._answered_ahead  # the answers go with the block


def test_a_streamed_check_asks_the_sentences_in_doubt_before_its_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from xlate import check_stream
    from xlate.text import langid

    source, translation = tmp_path / "a.en", tmp_path / "a.es"
    english = "The parliament did not support the amendment that would have freed her."
    source.write_text(f"{english}\n{english}\n", encoding="utf-8")
    translation.write_text(f"{SPANISH}\n{PORTUGUESE}\n", encoding="utf-8")
    asked: list[list[str]] = []
    real = langid.scores_ahead

    def spy(texts: Iterable[str], wide: bool = False) -> Any:
        texts = list(texts)
        asked.append(texts)
        return real(texts, wide)

    monkeypatch.setattr(check_stream, "scores_ahead", spy)
    streamed = check_stream.check_lines_streamed(
        str(source), str(translation), "en", "es", spool=tmp_path, chunk_lines=1
    )
    digest = streamed.digest()
    streamed.close()
    assert asked == [[PORTUGUESE]]
    wrong = [(sid, f) for sid, f in digest.flags if f.kind == "wrong_language"]
    assert [sid for sid, _ in wrong] == ["p2.s1"]  # the answer asked ahead, used in part 2
    assert "Portuguese" in wrong[0][1].reason


def test_a_latin_text_is_scored_as_by_all_the_candidates() -> None:
    """A text with no Cyrillic letter is asked of the Latin-script candidates alone: the same
    languages in the same order, the four Cyrillic ones at 0 among the zeros, the same
    values but for lingua's last bits (newstest2012 lines 1-40, es and en, as written and
    as the wrong-language check samples them)."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    from xlate.checks.qa import _language_sample
    from xlate.text import langid

    for wide in (True, False):
        languages = [
            Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper()))
            for c in langid._codes(wide)
        ]
        whole = LanguageDetectorBuilder.from_languages(*languages).build()
        for lang in ("es", "en"):
            lines = (DATA / f"newstest2012.{lang}").read_text(encoding="utf-8").splitlines()
            for line in lines[:40]:
                for text in filter(None, (line, _language_sample(line))):
                    assert langid._latin_only(text)
                    values = whole.compute_language_confidence_values(text)
                    expected = {v.language.iso_code_639_1.name.lower(): v.value for v in values}
                    scores = language_scores(text, wide=wide)
                    assert list(scores) == list(expected)
                    assert scores == pytest.approx(expected, rel=1e-9, abs=1e-12)


def test_a_text_with_cyrillic_letters_asks_every_candidate() -> None:
    from xlate.text import langid

    assert not langid._latin_only("Парламент не поддерживает поправку")  # line 1, ru
    assert not langid._latin_only("Tymoshenko (Тимошенко) was jailed")
    scores = language_scores("Парламент не поддерживает поправку, дающую свободу", wide=True)
    assert max(scores, key=lambda k: scores[k]) == "ru" and len(scores) == 11
