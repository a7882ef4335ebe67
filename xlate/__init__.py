"""xlate: translate news articles across en/es/ru and show where meaning drifted.

The Python API reads like the command line, text first, then its language and the
target; a ``Document`` from ``segment`` may stand for any text:

    translate_text(text, src, tgt, *, engine=...)                  -> str
    translate_doc(text, src, tgt, *, engine=...)                   -> TranslatedDocument
    roundtrip(text, src, tgt, *, engine=..., back_engine=...)      -> Report
    check(source, translation, src, tgt, *, back_engine=...)       -> Report
    segment(text, lang, *, lines=False)                            -> Document

Languages are detected when ``src``/``tgt`` is None; an engine given is closed by its
owner, one made from ``engine_name`` and ``options`` is closed after use.
"""

from __future__ import annotations

from xlate._version import __version__
from xlate.check import check
from xlate.checks.document import AnalysisSettings
from xlate.config import Thresholds
from xlate.engines import (
    EngineInfo,
    EngineOptions,
    Translation,
    Translator,
    available_engines,
    create_engine,
)
from xlate.errors import (
    ConfigError,
    EngineError,
    InputError,
    LanguageError,
    ModelUnavailableError,
    XlateError,
)
from xlate.report import (
    EntityCheck,
    Flag,
    LanguageReport,
    QuoteRecord,
    Report,
    Scores,
    SentenceRecord,
)
from xlate.roundtrip import roundtrip
from xlate.text.segment import Document, Sentence
from xlate.translate import TranslatedDocument, segment, translate_doc, translate_text

__all__ = [
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
