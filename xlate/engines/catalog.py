"""``xlate models list|pull|path``: each engine answers for its own models.

These functions go from an engine name to its class (:func:`xlate.engines.engine_class`)
and call the class's hooks (``model_entries``, ``pull_models``, ``model_path``), so an
engine registered by a plugin is listed, pulled and located like a built-in one. What the
hooks share lives here too: the language pairs, pair parsing, a row of the listing and the
size of a model on disk. Nothing here downloads, and nothing imports torch or transformers.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from xlate.engines import DEFAULT_ENGINE, available_engines, engine_class
from xlate.engines.base import Announce, ModelEntry, Pulled
from xlate.errors import ConfigError
from xlate.languages import check_pair

# Every direction between the supported languages: opus-mt has a model for each of them.
PAIRS: tuple[tuple[str, str], ...] = (
    ("en", "es"),
    ("es", "en"),
    ("en", "ru"),
    ("ru", "en"),
    ("es", "ru"),
    ("ru", "es"),
)


def parse_pair(value: str) -> tuple[str, str]:
    """``en-es`` (or ``en:es``, ``en->es``) -> ("en", "es"), checked."""
    parts = [p for p in re.split(r"\s*(?:->|[-:_/])\s*", value.strip()) if p]
    if len(parts) != 2:
        raise ConfigError(f"{value!r} is not a language pair: write it like en-es")
    return check_pair(parts[0], parts[1])


def looks_like_pair(value: str) -> bool:
    return re.fullmatch(r"[A-Za-z]{2}\s*(?:->|[-:_])\s*[A-Za-z]{2}", value.strip()) is not None


def directory_size(path: Path) -> int:
    """Bytes of the files under ``path``, following the HF cache's symlinks to blobs."""
    if path.is_file():
        return path.stat().st_size
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += (Path(root) / name).stat().st_size
            except OSError:  # a dangling link of an interrupted download
                continue
    return total


def model_entry(
    engine: str,
    src: str,
    tgt: str,
    spec: str,
    origin: str,
    where: Path | None,
    note: str = "",
    size_bytes: int | None = None,
) -> ModelEntry:
    """A row of the listing; the size is that of ``where`` unless given."""
    if size_bytes is None and where is not None:
        size_bytes = directory_size(where)
    return ModelEntry(
        engine=engine,
        pair=f"{src}-{tgt}",
        model=spec,
        origin=origin,
        available=where is not None,
        location=str(where) if where is not None else None,
        size_bytes=size_bytes,
        note=note,
    )


def list_models(
    engines: Iterable[str] | None = None, pairs: Sequence[tuple[str, str]] = PAIRS
) -> list[ModelEntry]:
    """A row per engine and direction, in the order given (default: every engine)."""
    names = list(engines) if engines is not None else list(available_engines())
    classes = [engine_class(name) for name in names]  # an unknown name fails before any work
    return [row for cls in classes for row in cls.model_entries(list(pairs))]


def pull(
    items: Iterable[str], engine: str = DEFAULT_ENGINE, *, announce: Announce | None = None
) -> list[Pulled]:
    """Fetch ``engine``'s models for ``items`` (pairs like ``en-es`` or model ids)."""
    return engine_class(engine).pull_models(list(items), announce)


def model_path(item: str, engine: str = DEFAULT_ENGINE) -> Path:
    """Where ``engine``'s model for a pair (``en-es``) or a model id/directory lives here.

    Raises ModelUnavailableError (one line) when it is not here.
    """
    return engine_class(engine).model_path(item)
