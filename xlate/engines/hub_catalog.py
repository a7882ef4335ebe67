"""The models of the ``hf`` and ``ct2`` engines: Hugging Face checkpoints, listed, pulled
and located for ``xlate models``.

The model for a direction is the one ``xlate.toml`` names
(:func:`xlate.engines.models.configured_model`), else the opus-mt id; ``ct2`` runs that
same model converted into its store (:mod:`xlate.engines.model_store`). Only
:func:`pull_hub_models` downloads, and nothing here imports torch or transformers.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from xlate.engines.base import Announce, ModelEntry, Pulled
from xlate.engines.catalog import looks_like_pair, model_entry, parse_pair
from xlate.engines.model_store import DEFAULT_QUANTIZATION, is_ct2_model, store_path
from xlate.engines.models import (
    ResolvedModel,
    configured_model,
    default_model,
    hub_offline,
    looks_like_path,
    resolve_model,
)
from xlate.errors import ConfigError, ModelUnavailableError

# The xlate.toml sections each engine reads its model from, first match wins: ct2 converts
# what hf would load unless [models.ct2] names something else.
HF_SECTIONS = ("hf",)
CT2_SECTIONS = ("ct2", "hf")


def cached_snapshot(repo_id: str) -> Path | None:
    """The HF cache directory holding ``repo_id``'s files (main revision), or None."""
    from huggingface_hub import try_to_load_from_cache

    try:
        found = try_to_load_from_cache(repo_id, "config.json")
    except ValueError:  # not a valid repo id
        return None
    return Path(found).parent if isinstance(found, str) else None


def model_spec(src: str, tgt: str, sections: Sequence[str]) -> tuple[str, str]:
    """(model spec, origin) for the direction when no --model is given."""
    for section in sections:
        configured = configured_model(section, src, tgt)
        if configured is not None:
            return configured, "config"
    return default_model(src, tgt), "default"


def locate_hf(spec: str) -> Path | None:
    """Where the Hugging Face model ``spec`` (id or directory) is here, or None."""
    if looks_like_path(spec):
        path = Path(spec).expanduser()
        return path.resolve() if (path / "config.json").is_file() else None
    return cached_snapshot(spec)


def locate_ct2(spec: str) -> Path | None:
    """The CTranslate2 model for ``spec``: the directory itself, or its store conversion."""
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


def hf_entries(pairs: Sequence[tuple[str, str]]) -> list[ModelEntry]:
    rows = []
    for src, tgt in pairs:
        spec, origin = model_spec(src, tgt, HF_SECTIONS)
        where = locate_hf(spec)
        note = "" if where else "not cached: xlate models pull"
        rows.append(model_entry("hf", src, tgt, spec, origin, where, note))
    return rows


def ct2_entries(pairs: Sequence[tuple[str, str]]) -> list[ModelEntry]:
    rows = []
    for src, tgt in pairs:
        spec, origin = model_spec(src, tgt, CT2_SECTIONS)
        where = locate_ct2(spec)
        note = ""
        if where is None:
            note = "converted on first use" if locate_hf(spec) else "source not cached either"
        rows.append(model_entry("ct2", src, tgt, spec, origin, where, note))
    return rows


def _spec_of(item: str, sections: Sequence[str]) -> str:
    """The model spec a pair (``en-es``: its configured/default model) or a model id names."""
    return model_spec(*parse_pair(item), sections)[0] if looks_like_pair(item) else item.strip()


def hf_path(item: str) -> Path:
    spec = _spec_of(item, HF_SECTIONS)
    where = locate_hf(spec)
    if where is None:
        raise ModelUnavailableError(
            f"model {spec!r} (hf) is not here: xlate models pull on a connected machine"
        )
    return where


def ct2_path(item: str) -> Path:
    spec = _spec_of(item, CT2_SECTIONS)
    where = locate_ct2(spec)
    if where is None:
        raise ModelUnavailableError(
            f"model {spec!r} (ct2) is not here: xlate models convert "
            "(or translate once with --engine ct2)"
        )
    return where


def pull_targets(items: Sequence[str]) -> list[str]:
    """Model specs for ``en-es``-style pairs (their configured/default model) or model ids."""
    specs: list[str] = []
    for item in items:
        spec = _spec_of(item, HF_SECTIONS)
        if not spec:
            raise ConfigError("empty model name: give a pair like en-es or a model id")
        if spec not in specs:
            specs.append(spec)
    if not specs:
        raise ConfigError("nothing to pull: give pairs like en-es or model ids")
    return specs


def pull_hub_models(items: Sequence[str], announce: Announce | None = None) -> list[Pulled]:
    """Download the models for ``items`` into the Hugging Face cache for offline use.

    Only the files xlate loads are fetched (config, tokenizer, one weights format), by
    :func:`xlate.engines.models.resolve_model`, which shows huggingface_hub's progress bars.
    A model already cached or given as a local directory is left as it is.
    """
    done: list[Pulled] = []
    for spec in pull_targets(items):
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
