"""xlate: translate news articles across en/es/ru and show where meaning drifted."""

from __future__ import annotations

from .api import segment, translate_doc, translate_text
from .engines import EngineInfo, EngineOptions, Translation, Translator, create_engine
from .errors import (
    ConfigError,
    EngineError,
    InputError,
    LanguageError,
    ModelUnavailableError,
    XlateError,
)
from .report import Flag, LanguageReport, QuoteRecord, Report, SentenceRecord
from .roundtrip import AnalysisSettings, analyze, check, roundtrip
from .segment import Document, Sentence, segment_lines, segment_text

__version__ = "0.1.0"

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
