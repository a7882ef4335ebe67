"""The language data of the ``apertium`` engine, listed and located for ``xlate models``.

Apertium's "models" are the modes of its installed language pairs (``eng-spa.mode`` and
the dictionaries and rules its pipeline reads); they come with the system package, so
there is nothing to pull.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Sequence
from pathlib import Path

from xlate.engines.apertium import INSTALL_HINT, MODES, PACKAGE, ApertiumTranslator
from xlate.engines.base import EngineOptions, ModelEntry
from xlate.engines.catalog import model_entry, parse_pair
from xlate.engines.models import configured_model
from xlate.errors import ConfigError, EngineError, ModelUnavailableError

# Where Debian/Ubuntu and `make install` put Apertium's mode files.
APERTIUM_MODE_DIRS = ("/usr/share/apertium/modes", "/usr/local/share/apertium/modes")


def mode_file(mode: str, data_dir: str | None = None) -> Path | None:
    """The ``.mode`` file of an Apertium mode (its pipeline), where installed."""
    dirs = [os.path.join(data_dir, "modes"), data_dir] if data_dir else list(APERTIUM_MODE_DIRS)
    for folder in dirs:
        candidate = Path(folder) / f"{mode}.mode"
        if candidate.is_file():
            return candidate
    return None


def data_size(mode_path: Path) -> int:
    """Bytes of the dictionaries and rules the mode's pipeline reads (quoted paths in it)."""
    try:
        words = shlex.split(mode_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    files = {Path(w) for w in words if w.startswith("/") and Path(w).is_file()}
    return sum(f.stat().st_size for f in files) + mode_path.stat().st_size


def entries(pairs: Sequence[tuple[str, str]]) -> list[ModelEntry]:
    """A row per direction Apertium translates (none for Russian: no row rather than a
    row of "no"); the installed modes are asked once per data directory."""
    rows: list[ModelEntry] = []
    modes: frozenset[str] | None = None
    problem = ""
    for src, tgt in pairs:
        mode = MODES.get((src, tgt))
        if mode is None:
            continue
        data_dir = configured_model("apertium", src, tgt)
        if modes is None or data_dir:
            try:
                modes = ApertiumTranslator(EngineOptions(model=data_dir)).installed_modes
            except EngineError as err:
                modes, problem = frozenset(), str(err)
        where = mode_file(mode, data_dir) if mode in modes else None
        note = problem if where is None else ""
        if where is None and not note:
            note = f"mode {mode} not installed"
        rows.append(
            model_entry(
                "apertium",
                src,
                tgt,
                data_dir or f"{PACKAGE} ({mode})",
                "config" if data_dir else "default",
                where,
                note,
                size_bytes=data_size(where) if where is not None else None,
            )
        )
    return rows


def path(item: str) -> Path:
    """The mode file of a pair (``en-es``)."""
    src, tgt = parse_pair(item)
    found = entries([(src, tgt)])
    if not found:
        raise ModelUnavailableError(f"apertium has no {src}-{tgt} mode")
    if found[0].location is None:
        raise ModelUnavailableError(f"apertium {src}-{tgt}: {found[0].note}")
    return Path(found[0].location)


def nothing_to_pull() -> ConfigError:
    return ConfigError(
        f"apertium's language data comes with its system package, not from xlate: {INSTALL_HINT}"
    )
