"""Which model each engine uses per language pair, whether it is here, and fetching it.

The logic behind ``xlate models list``, ``xlate models pull`` and ``xlate models path``.
The model for an engine and direction is the one ``xlate.toml`` names
(:func:`xlate.engines.models.configured_model`), else the engine's default: the opus-mt id for
``hf``; for ``ct2`` that same model converted into the store (:mod:`xlate.engines.model_store`);
the installed mode for ``apertium``. Nothing here downloads except :func:`pull`, and
nothing imports torch or transformers.
"""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from xlate.errors import ConfigError, EngineError, ModelUnavailableError
from xlate.languages import check_pair

ENGINES: tuple[str, ...] = ("hf", "ct2", "apertium")
# Every direction between the supported languages: opus-mt has a model for each of them.
PAIRS: tuple[tuple[str, str], ...] = (
    ("en", "es"),
    ("es", "en"),
    ("en", "ru"),
    ("ru", "en"),
    ("es", "ru"),
    ("ru", "es"),
)
# Where Debian/Ubuntu and `make install` put Apertium's mode files.
APERTIUM_MODE_DIRS = ("/usr/share/apertium/modes", "/usr/local/share/apertium/modes")


@dataclass(frozen=True)
class ModelEntry:
    """One engine and direction: the model it would use and where that lives here.

    ``origin`` is ``config`` when xlate.toml chose the model, else ``default``;
    ``location`` is the local directory (or Apertium mode file) when ``available``.
    """

    engine: str
    pair: str
    model: str
    origin: str
    available: bool
    location: str | None = None
    size_bytes: int | None = None
    note: str = ""


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


def cached_snapshot(repo_id: str) -> Path | None:
    """The HF cache directory holding ``repo_id``'s files (main revision), or None."""
    from huggingface_hub import try_to_load_from_cache

    try:
        found = try_to_load_from_cache(repo_id, "config.json")
    except ValueError:  # not a valid repo id
        return None
    return Path(found).parent if isinstance(found, str) else None


def hf_model_spec(engine: str, src: str, tgt: str) -> tuple[str, str]:
    """(model spec, origin) the ``hf`` or ``ct2`` engine uses when no --model is given."""
    from xlate.engines.models import configured_model, default_model

    configured = configured_model(engine, src, tgt)
    if configured is None and engine == "ct2":
        configured = configured_model("hf", src, tgt)  # what ct2 would convert
    if configured is not None:
        return configured, "config"
    return default_model(src, tgt), "default"


def locate_hf(spec: str) -> Path | None:
    """Where the Hugging Face model ``spec`` (id or directory) is here, or None."""
    from xlate.engines.models import looks_like_path

    if looks_like_path(spec):
        path = Path(spec).expanduser()
        return path.resolve() if (path / "config.json").is_file() else None
    return cached_snapshot(spec)


def locate_ct2(spec: str) -> Path | None:
    """The CTranslate2 model for ``spec``: the directory itself, or its store conversion."""
    from xlate.engines.model_store import DEFAULT_QUANTIZATION, is_ct2_model, store_path
    from xlate.engines.models import ResolvedModel, looks_like_path

    path = Path(spec).expanduser()
    if looks_like_path(spec):
        if is_ct2_model(path):
            return path.resolve()
        if not (path / "config.json").is_file():
            return None
        source = ResolvedModel(name=spec, path=path.resolve(), local=True)
    else:
        source = ResolvedModel(name=spec, path=Path(spec), local=False)
    converted = store_path(source, DEFAULT_QUANTIZATION)
    return converted if is_ct2_model(converted) else None


def _entry(
    engine: str, src: str, tgt: str, spec: str, origin: str, where: Path | None, note: str = ""
) -> ModelEntry:
    return ModelEntry(
        engine=engine,
        pair=f"{src}-{tgt}",
        model=spec,
        origin=origin,
        available=where is not None,
        location=str(where) if where is not None else None,
        size_bytes=directory_size(where) if where is not None else None,
        note=note,
    )


def hf_entry(src: str, tgt: str) -> ModelEntry:
    spec, origin = hf_model_spec("hf", src, tgt)
    where = locate_hf(spec)
    note = "" if where else "not cached: xlate models pull"
    return _entry("hf", src, tgt, spec, origin, where, note)


def ct2_entry(src: str, tgt: str) -> ModelEntry:
    spec, origin = hf_model_spec("ct2", src, tgt)
    where = locate_ct2(spec)
    note = ""
    if where is None:
        note = "converted on first use" if locate_hf(spec) else "source not cached either"
    return _entry("ct2", src, tgt, spec, origin, where, note)


def apertium_mode_file(mode: str, data_dir: str | None = None) -> Path | None:
    """The ``.mode`` file of an Apertium mode (its pipeline), where installed."""
    dirs = [os.path.join(data_dir, "modes"), data_dir] if data_dir else list(APERTIUM_MODE_DIRS)
    for folder in dirs:
        candidate = Path(folder) / f"{mode}.mode"
        if candidate.is_file():
            return candidate
    return None


def apertium_data_size(mode_file: Path) -> int:
    """Bytes of the dictionaries and rules the mode's pipeline reads (quoted paths in it)."""
    try:
        words = shlex.split(mode_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    files = {Path(w) for w in words if w.startswith("/") and Path(w).is_file()}
    return sum(f.stat().st_size for f in files) + mode_file.stat().st_size


def apertium_entries(pairs: Iterable[tuple[str, str]]) -> list[ModelEntry]:
    from xlate.engines.apertium import MODES, PACKAGE, ApertiumTranslator
    from xlate.engines.models import configured_model

    entries: list[ModelEntry] = []
    modes: frozenset[str] | None = None
    problem = ""
    for src, tgt in pairs:
        mode = MODES.get((src, tgt))
        if mode is None:
            continue  # Apertium has no Russian: no row rather than a row of "no"
        data_dir = configured_model("apertium", src, tgt)
        if modes is None or data_dir:
            try:
                from xlate.engines import EngineOptions

                engine = ApertiumTranslator(EngineOptions(model=data_dir))
                modes = engine.installed_modes
            except EngineError as err:
                modes, problem = frozenset(), str(err)
        where = apertium_mode_file(mode, data_dir) if mode in modes else None
        note = problem if where is None else ""
        if where is None and not note:
            note = f"mode {mode} not installed"
        entry = _entry(
            "apertium",
            src,
            tgt,
            data_dir or f"{PACKAGE} ({mode})",
            "config" if data_dir else "default",
            where,
            note,
        )
        if where is not None:
            entry = replace(entry, size_bytes=apertium_data_size(where))
        entries.append(entry)
    return entries


def list_models(
    engines: Iterable[str] = ENGINES, pairs: Iterable[tuple[str, str]] = PAIRS
) -> list[ModelEntry]:
    """A row per engine and direction, in the order given."""
    pairs = list(pairs)
    rows: list[ModelEntry] = []
    for engine in engines:
        if engine == "hf":
            rows += [hf_entry(s, t) for s, t in pairs]
        elif engine == "ct2":
            rows += [ct2_entry(s, t) for s, t in pairs]
        elif engine == "apertium":
            rows += apertium_entries(pairs)
        else:
            raise ConfigError(f"unknown engine {engine!r}: choose from {', '.join(ENGINES)}")
    return rows


# --- pull ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pulled:
    """A model now in the local cache (``already``: it was there before the pull)."""

    spec: str
    path: Path
    already: bool


def pull_targets(items: Iterable[str]) -> list[str]:
    """Model specs for ``en-es``-style pairs (their configured/default model) or model ids."""
    specs: list[str] = []
    for item in items:
        pair = looks_like_pair(item)
        spec = hf_model_spec("hf", *parse_pair(item))[0] if pair else item.strip()
        if not spec:
            raise ConfigError("empty model name: give a pair like en-es or a model id")
        if spec not in specs:
            specs.append(spec)
    if not specs:
        raise ConfigError("nothing to pull: give pairs like en-es or model ids")
    return specs


def pull(items: Iterable[str], *, announce: Callable[[str], None] | None = None) -> list[Pulled]:
    """Download the models for ``items`` into the Hugging Face cache for offline use.

    Only the files xlate loads are fetched (config, tokenizer, one weights format), by
    :func:`xlate.engines.models.resolve_model`, which shows huggingface_hub's progress bars.
    A model already cached or given as a local directory is left as it is.
    """
    from xlate.engines.models import hub_offline, looks_like_path, resolve_model

    specs = pull_targets(items)
    done: list[Pulled] = []
    for spec in specs:
        if looks_like_path(spec):
            where = locate_hf(spec) or locate_ct2(spec)
            if where is None:
                raise ModelUnavailableError(f"{spec!r} is a path but holds no model")
            done.append(Pulled(spec, where, already=True))
            continue
        cached = cached_snapshot(spec)
        if cached is not None:
            done.append(Pulled(spec, cached, already=True))
            continue
        if hub_offline():
            raise ModelUnavailableError(
                f"cannot download {spec!r}: HF_HUB_OFFLINE is set; pull on a machine that "
                "reaches huggingface.co (unset HF_HUB_OFFLINE) and copy ~/.cache/huggingface"
            )
        if announce is not None:
            announce(f"downloading {spec}")
        # src/tgt only matter when no model is named; here one always is
        resolved = resolve_model(spec, "en", "es")
        done.append(Pulled(spec, resolved.path, already=False))
    return done


# --- path ------------------------------------------------------------------------------


def model_path(item: str, engine: str = "hf") -> Path:
    """Where the model for a pair (``en-es``) or a model id/directory lives locally.

    Raises ModelUnavailableError (one line) when it is not here.
    """
    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r}: choose from {', '.join(ENGINES)}")
    if looks_like_pair(item):
        src, tgt = parse_pair(item)
        if engine == "apertium":
            entry = apertium_entries([(src, tgt)])
            if not entry:
                raise ModelUnavailableError(f"apertium has no {src}-{tgt} mode")
            if entry[0].location is None:
                raise ModelUnavailableError(f"apertium {src}-{tgt}: {entry[0].note}")
            return Path(entry[0].location)
        spec = hf_model_spec(engine, src, tgt)[0]
    else:
        spec = item.strip()
    where = locate_ct2(spec) if engine == "ct2" else locate_hf(spec)
    if where is None:
        hint = (
            "xlate models convert (or translate once with --engine ct2)"
            if engine == "ct2"
            else "xlate models pull on a connected machine"
        )
        raise ModelUnavailableError(f"model {spec!r} ({engine}) is not here: {hint}")
    return where


# --- showing ---------------------------------------------------------------------------


def human_size(size: int | None) -> str:
    if size is None:
        return "-"
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"  # pragma: no cover - the loop always returns


def models_table(rows: Iterable[ModelEntry]) -> object:
    """A rich Table of :func:`list_models` rows."""
    from rich.table import Table

    table = Table(title="Models per engine and pair", title_justify="left")
    for column in ("engine", "pair", "model", "here", "size", "where / note"):
        table.add_column(column, no_wrap=column != "where / note", overflow="fold")
    for row in rows:
        model = row.model + (" [dim](xlate.toml)[/]" if row.origin == "config" else "")
        here = "[green]yes[/]" if row.available else "[red]no[/]"
        table.add_row(
            row.engine, row.pair, model, here, human_size(row.size_bytes), row.location or row.note
        )
    return table
