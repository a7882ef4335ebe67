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

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from xlate._version import __version__

if TYPE_CHECKING:
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

# Where each public name lives. The package imports nothing of it up front (PEP 562):
# `xlate --help` and `import xlate.errors` would otherwise load the whole analysis stack
# (sacrebleu, the name and number tables), about 200 ms before anything runs.
_HOMES: dict[str, str] = {
    "check": "xlate.check",
    "AnalysisSettings": "xlate.checks.document",
    "Thresholds": "xlate.config",
    "EngineInfo": "xlate.engines",
    "EngineOptions": "xlate.engines",
    "Translation": "xlate.engines",
    "Translator": "xlate.engines",
    "available_engines": "xlate.engines",
    "create_engine": "xlate.engines",
    "ConfigError": "xlate.errors",
    "EngineError": "xlate.errors",
    "InputError": "xlate.errors",
    "LanguageError": "xlate.errors",
    "ModelUnavailableError": "xlate.errors",
    "XlateError": "xlate.errors",
    "EntityCheck": "xlate.report",
    "Flag": "xlate.report",
    "LanguageReport": "xlate.report",
    "QuoteRecord": "xlate.report",
    "Report": "xlate.report",
    "Scores": "xlate.report",
    "SentenceRecord": "xlate.report",
    "roundtrip": "xlate.roundtrip",
    "Document": "xlate.text.segment",
    "Sentence": "xlate.text.segment",
    "TranslatedDocument": "xlate.translate",
    "segment": "xlate.translate",
    "translate_doc": "xlate.translate",
    "translate_text": "xlate.translate",
}
# Public functions that share their name with a submodule: the package keeps the function.
_SHADOWED = frozenset({"check", "roundtrip"})


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(types.ModuleType):
    """Importing ``xlate.check`` (or ``xlate.roundtrip``) binds the submodule on the
    package; drop that binding so ``xlate.check`` stays the function ``__getattr__`` gives."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in _SHADOWED and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
