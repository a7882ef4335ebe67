"""The public Python API: exactly the curated names, one argument order for the flows."""

from __future__ import annotations

import importlib
import inspect
import types

import pytest

import xlate
from xlate.engines.fake import FakeTranslator

PUBLIC = [
    "AnalysisSettings",
    "ConfigError",
    "Document",
    "EngineError",
    "EngineInfo",
    "EngineOptions",
    "EntityCheck",
    "Flag",
    "InputError",
    "LanguageError",
    "LanguageReport",
    "ModelUnavailableError",
    "QuoteRecord",
    "Report",
    "Scores",
    "Sentence",
    "SentenceRecord",
    "Thresholds",
    "TranslatedDocument",
    "Translation",
    "Translator",
    "XlateError",
    "__version__",
    "available_engines",
    "check",
    "create_engine",
    "roundtrip",
    "segment",
    "translate_doc",
    "translate_text",
]


def test_all_is_exactly_the_curated_api() -> None:
    assert xlate.__all__ == PUBLIC


@pytest.mark.parametrize("name", PUBLIC)
def test_each_public_name_imports(name: str) -> None:
    value = getattr(importlib.import_module("xlate"), name)
    # ``xlate.check`` and ``xlate.roundtrip`` are also modules: the package keeps the functions.
    assert not isinstance(value, types.ModuleType), name
    namespace: dict[str, object] = {}
    exec(f"from xlate import {name}", namespace)
    assert namespace[name] is value


def test_the_functions_survive_importing_their_modules() -> None:
    importlib.import_module("xlate.check")
    importlib.import_module("xlate.roundtrip")
    assert callable(xlate.check) and callable(xlate.roundtrip)


def _positional(function: object) -> list[str]:
    parameters = inspect.signature(function).parameters.values()  # type: ignore[arg-type]
    return [p.name for p in parameters if p.kind is p.POSITIONAL_OR_KEYWORD]


def test_the_flows_take_text_then_languages() -> None:
    for function in (xlate.translate_text, xlate.translate_doc, xlate.roundtrip):
        assert _positional(function) == ["text", "src", "tgt"], function
    assert _positional(xlate.check) == ["source", "translation", "src", "tgt"]
    assert _positional(xlate.segment) == ["text", "lang"]


SCRIPT = {
    "en-es": {"Maduro asked for 14 units.": "Maduro pidió 15 unidades."},
    "es-en": {"Maduro pidió 15 unidades.": "Maduro asked for 15 units."},
}


def test_roundtrip_takes_a_text_or_its_document() -> None:
    text = "Maduro asked for 14 units.\n"
    from_text = xlate.roundtrip(text, "en", "es", engine=FakeTranslator(script=SCRIPT))
    doc = xlate.segment(text, "en")
    from_doc = xlate.roundtrip(doc, None, ["es"], engine=FakeTranslator(script=SCRIPT))
    for report in (from_text, from_doc):
        report.created = ""
    assert from_text.to_json() == from_doc.to_json()
    assert [f.kind for f in from_text.languages[0].sentences[0].flags] == ["number"]


def test_roundtrip_refuses_a_document_in_another_language() -> None:
    with pytest.raises(xlate.LanguageError):
        xlate.roundtrip(xlate.segment("Hola.\n", "es"), "en", "ru", engine=FakeTranslator())


def test_check_takes_texts_in_the_same_order() -> None:
    report = xlate.check(
        "Maduro asked for 14 units.\n",
        "Maduro pidió 15 unidades.\n",
        "en",
        "es",
        back_engine=FakeTranslator(script=SCRIPT),
        lines=True,
    )
    assert report.mode == "check"
    assert report.settings["alignment"] == "lines"
    sentence = report.languages[0].sentences[0]
    assert sentence.back_translation == "Maduro asked for 15 units."
    assert [f.kind for f in sentence.flags] == ["number"]


def test_check_without_an_engine_runs_the_model_free_checks() -> None:
    report = xlate.check("Maduro asked for 14 units.\n", "Maduro pidió 15 unidades.\n", "en", "es")
    language = report.languages[0]
    assert language.back_engine is None and language.sentences[0].back_translation is None
    assert [f.kind for f in language.sentences[0].flags] == ["number"]
