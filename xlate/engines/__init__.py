"""Engine registry: engines are found by name and imported only when asked for.

This is the one place that lists engine names; everything else asks it. Importing this
package loads no ML library, so ``xlate --help`` stays fast. Third-party engines register
through the ``xlate.engines`` entry-point group (``name = "package.module:Class"``); the
class is called with an ``EngineOptions``. A class that subclasses
:class:`~xlate.engines.base.Engine` says what it knows (GPU use, its models); one written
to the bare :class:`~xlate.engines.base.Translator` protocol gets ``Engine``'s defaults.
"""

from __future__ import annotations

import importlib
from typing import Any

from xlate.engines.base import Engine, EngineOptions, Translator
from xlate.errors import EngineError
from xlate.translation import EngineInfo, Translation

# In the order ``xlate models list`` shows them.
BUILTIN_ENGINES: dict[str, str] = {
    "hf": "xlate.engines.hf:HFTranslator",
    "ct2": "xlate.engines.ct2:CT2Translator",
    "apertium": "xlate.engines.apertium:ApertiumTranslator",
    "fake": "xlate.engines.fake:FakeTranslator",
}
DEFAULT_ENGINE = "hf"  # what the commands translate with unless --engine says otherwise

__all__ = [
    "BUILTIN_ENGINES",
    "DEFAULT_ENGINE",
    "Engine",
    "EngineInfo",
    "EngineOptions",
    "Translation",
    "Translator",
    "available_engines",
    "create_engine",
    "engine_class",
    "engine_help",
]

# Protocol-only plugin classes with Engine's defaults added, made once per class.
_ADAPTED: dict[type, type[Engine]] = {}


def entry_points(*, group: str) -> Any:
    """``importlib.metadata.entry_points``, imported when first asked: the import alone
    costs ``xlate --help`` some 20-35 ms, and only a command that builds an engine (or
    help naming the engines) needs it."""
    from importlib.metadata import entry_points as installed

    return installed(group=group)


def _plugin_engines() -> dict[str, str]:
    return {ep.name: ep.value for ep in entry_points(group="xlate.engines")}


def available_engines() -> dict[str, str]:
    """Engine names mapped to their ``module:Class`` paths: built-ins first (and they win
    over a plugin of the same name), then plugins."""
    plugins = {k: v for k, v in _plugin_engines().items() if k not in BUILTIN_ENGINES}
    return {**BUILTIN_ENGINES, **plugins}


def engine_help() -> str:
    """The ``--engine`` help line. Names only: importing every engine (and plugin) to
    describe it would slow every start of the CLI."""
    return f"Translation engine: {', '.join(available_engines())}."


def engine_class(name: str) -> type[Engine]:
    """The class of the engine called ``name``, imported now."""
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
    cls = getattr(module, class_name, None)
    if not isinstance(cls, type):
        raise EngineError(f"engine {name!r}: {engines[name]!r} names no class")
    if issubclass(cls, Engine):
        return cls
    if cls not in _ADAPTED:
        # The plugin's own methods come first; Engine fills in what it leaves out.
        namespace = {"__module__": cls.__module__, "__qualname__": cls.__qualname__}
        if not hasattr(cls, "name"):
            namespace["name"] = name
        _ADAPTED[cls] = type(cls.__name__, (cls, Engine), namespace)
    return _ADAPTED[cls]


def create_engine(name: str, options: EngineOptions | None = None) -> Translator:
    """Build the engine called ``name``."""
    engine: Translator = engine_class(name)(options or EngineOptions())
    return engine
