"""Tables built from packaged data, kept on disk between processes.

Some tables cost more to build from their sources than to read back: the quote check's
bilingual dictionaries (en-ru: 0.3 s of Mueller's and FreeDict's ~160k entries, ё spelt
е) or the names check's index of CLDR's places (Babel's locale data and ~2,000 aliases
normalised, ~0.15 s). ``built(name, sources, build)`` answers ``build()``, from
``<user cache dir>/xlate/tables/NAME-KEY.marshal`` when a process built it before.

The key is a hash of everything the table is made of: the bytes of every source file
(the data files and the Python modules whose code builds the table), the library versions
named, the Python version (marshal's format) and xlate's version. Any change to a source
is a new key, so a stale table is never read; an old one is removed when its successor is
written. A table must be of marshal's types (dict, tuple, list, str, int, bool...).

Whatever goes wrong on disk (no cache dir, read-only, a half-written or damaged file)
falls back to building: the cache only ever saves time. ``XLATE_TABLE_CACHE=0`` turns it
off; ``XLATE_TABLE_CACHE=DIR`` puts it in DIR.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from xlate._version import __version__

__all__ = ["built", "cache_folder"]

T = TypeVar("T")
_ENV = "XLATE_TABLE_CACHE"


def cache_folder() -> Path | None:
    """Where the tables are kept, or None when the cache is off."""
    setting = os.environ.get(_ENV, "")
    if setting in ("0", "off", "no", "false"):
        return None
    if setting:
        return Path(setting)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("xlate")) / "tables"


def _key(sources: Iterable[Path], libraries: Iterable[str]) -> str:
    digest = hashlib.sha256(f"{__version__}\x1f{sys.version}\x1f{marshal.version}".encode())
    for path in sorted(set(sources)):
        digest.update(f"\x1e{path.name}\x1f".encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"\x00absent")
    libraries = sorted(libraries)
    if libraries:
        from importlib import metadata  # ~20-80 ms to import: only when asked
    for library in libraries:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"\x1e{library}\x1f{version}".encode())
    return digest.hexdigest()[:24]


def built(
    name: str,
    sources: Iterable[Path],
    build: Callable[[], T],
    libraries: Iterable[str] = (),
) -> T:
    """``build()``, read from disk when a build of the same ``sources`` (files whose bytes
    make the table: data files and the modules of the code that builds it) and ``libraries``
    (distribution names whose versions matter) is kept there; else built and kept."""
    folder = cache_folder()
    if folder is None:
        return build()
    path = folder / f"{name}-{_key(sources, libraries)}.marshal"
    try:
        table: T = marshal.loads(path.read_bytes())
        return table
    except (OSError, EOFError, ValueError, TypeError):
        pass
    table = build()
    _keep(folder, name, path, table)
    return table


def _keep(folder: Path, name: str, path: Path, table: object) -> None:
    """Write ``table`` to ``path`` whole or not at all (another process may be reading
    it), then remove the tables of ``name`` with other keys."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        data = marshal.dumps(table)  # type: ignore[arg-type]  # of marshal's types: see above
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        for old in folder.glob(f"{name}-*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, ValueError):
        return
