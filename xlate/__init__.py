"""xlate: translate news articles across en/es/ru and show where meaning drifted."""

from __future__ import annotations

from xlate._version import __version__
from xlate.engines import EngineInfo, EngineOptions, Translation, Translator, create_engine
from xlate.errors import (
    ConfigError,
    EngineError,
    InputError,
    LanguageError,
    ModelUnavailableError,
    XlateError,
)
from xlate.report import Flag, LanguageReport, QuoteRecord, Report, SentenceRecord
from xlate.roundtrip import AnalysisSettings, analyze, check, roundtrip
from xlate.text.segment import Document, Sentence, segment_lines, segment_text
from xlate.translate import segment, translate_doc, translate_text

__all__ = [
    "AnalysisSettings",
    "ConfigError",
    "Document",
    "EngineError",
    "EngineInfo",
    "EngineOptions",
    "Flag",
    "InputError",
    "LanguageError",
    "LanguageReport",
    "ModelUnavailableError",
    "QuoteRecord",
    "Report",
    "Sentence",
    "SentenceRecord",
    "Translation",
    "Translator",
    "XlateError",
    "__version__",
    "analyze",
    "check",
    "create_engine",
    "roundtrip",
    "segment",
    "segment_lines",
    "segment_text",
    "translate_doc",
    "translate_text",
]
