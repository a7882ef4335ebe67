"""The engine protocol's n-best lists (``translate_candidates``) and kept terms
(``translate_keeping``): the fake engine's scripts, hf and CTranslate2 on the tiny models,
and the cache around them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from xlate.cache import CachedTranslator, CacheStore
from xlate.engines.fake import FakeTranslator
from xlate.translation import Candidate

SENTENCE = "The minister said 14 people died."


def test_fake_scripts_n_best_lists() -> None:
    script = {"en-es": {SENTENCE: ["uno", {"text": "dos", "score": -0.5}, "tres"]}}
    engine = FakeTranslator(script=script)
    assert engine.translate_batch([SENTENCE], "en", "es")[0].text == "uno"
    assert engine.translate_candidates([SENTENCE, "Other."], "en", "es", 2) == [
        [Candidate("uno"), Candidate("dos", -0.5)],
        [Candidate("Other.")],
    ]


def test_an_engine_without_n_best_gives_one_candidate() -> None:
    from xlate.engines.apertium import ApertiumTranslator

    # the default of the protocol (Apertium has no n-best list)
    assert "translate_candidates" not in ApertiumTranslator.__dict__
    engine = FakeTranslator(script={"en-es": {SENTENCE: "uno"}})
    assert super(FakeTranslator, engine).translate_candidates([SENTENCE], "en", "es", 4) == [
        [Candidate("uno")]
    ]


def test_candidates_are_cached_per_n(tmp_path: Path) -> None:
    engine = FakeTranslator(script={"en-es": {SENTENCE: ["uno", {"text": "dos", "score": -1.5}]}})
    with CacheStore(tmp_path / "c.sqlite3") as store:
        cached = CachedTranslator(engine, store)
        first = cached.translate_candidates([SENTENCE], "en", "es", 2)
        assert cached.translate_candidates([SENTENCE], "en", "es", 2) == first
        assert len(engine.calls) == 1
        assert cached.translate_candidates([SENTENCE], "en", "es", 1) == [[Candidate("uno")]]
        assert len(engine.calls) == 2  # another n, another key
        kept = cached.translate_keeping(["He met Sting, then left."], "en", "es", [["Sting"]])
        again = cached.translate_keeping(["He met Sting, then left."], "en", "es", [["Sting"]])
        assert kept == again and len(engine.calls) == 3


def test_hf_gives_scored_n_best_lists(tiny_model: Callable[[str, str], Path]) -> None:
    from xlate.engines import EngineOptions, create_engine

    sentences = ["The minister said 14 people died.", "Caracas is the capital of Venezuela."]
    engine = create_engine("hf", EngineOptions(model=str(tiny_model("en", "es")), device="cpu"))
    lists = engine.translate_candidates(sentences, "en", "es", 3)
    plain = engine.translate_batch(sentences, "en", "es")
    assert [len(c) for c in lists] == [3, 3]
    for candidates, best in zip(lists, plain, strict=True):
        scores = [c.score for c in candidates]
        assert all(isinstance(s, float) for s in scores)
        assert scores == sorted(scores, reverse=True)  # type: ignore[type-var]
        assert candidates[0].text == best.text  # the beam's best is the translation


@pytest.mark.needs_ct2
def test_ct2_gives_scored_n_best_lists(
    tiny_model: Callable[[str, str], Path], tmp_path: Path
) -> None:
    from xlate.engines import EngineOptions, create_engine
    from xlate.engines.model_store import convert_spec

    out = convert_spec(str(tiny_model("en", "es")), tmp_path / "ct2", "float32", force=False)
    engine = create_engine("ct2", EngineOptions(model=str(out.path), device="cpu"))
    sentence = "The minister said 14 people died."
    candidates = engine.translate_candidates([sentence], "en", "es", 3)[0]
    assert len(candidates) == 3 and all(isinstance(c.score, float) for c in candidates)
    assert candidates[0].text == engine.translate_batch([sentence], "en", "es")[0].text
