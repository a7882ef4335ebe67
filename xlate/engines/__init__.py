"""Engine registry: engines are found by name and imported only when asked for.

Importing this package loads no ML library, so ``xlate --help`` stays fast. Third-party
engines register through the ``xlate.engines`` entry-point group
(``name = "package.module:Class"``); the class is called with an ``EngineOptions``.
"""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points

from xlate.engines.base import EngineOptions, Translator
from xlate.errors import EngineError
from xlate.translation import EngineInfo, Translation

BUILTIN_ENGINES: dict[str, str] = {
    "hf": "xlate.engines.hf:HFTranslator",
    "apertium": "xlate.engines.apertium:ApertiumTranslator",
    "ct2": "xlate.engines.ct2:CT2Translator",
    "fake": "xlate.engines.fake:FakeTranslator",
}

__all__ = [
    "BUILTIN_ENGINES",
    "EngineInfo",
    "EngineOptions",
    "Translation",
    "Translator",
    "available_engines",
    "create_engine",
]


def _plugin_engines() -> dict[str, str]:
    return {ep.name: ep.value for ep in entry_points(group="xlate.engines")}


def available_engines() -> dict[str, str]:
    """Engine names mapped to their ``module:Class`` paths (built-ins win)."""
    return {**_plugin_engines(), **BUILTIN_ENGINES}


def create_engine(name: str, options: EngineOptions | None = None) -> Translator:
    """Build the engine called ``name``."""
    engines = available_engines()
    if name not in engines:
        raise EngineError(f"unknown engine {name!r}: choose one of {', '.join(sorted(engines))}")
    module_name, _, class_name = engines[name].partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as err:
        raise EngineError(
            f"engine {name!r} cannot be loaded ({err}); install what it needs"
        ) from None
    cls = getattr(module, class_name)
    engine: Translator = cls(options or EngineOptions())
    return engine
