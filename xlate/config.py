"""Thresholds and per-pair settings, with defaults, overridable by xlate.toml and options.

Looked up in order: ``--config FILE``, ``./xlate.toml``, ``<user config dir>/xlate/xlate.toml``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from xlate.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass(frozen=True)
class Thresholds:
    """When a sentence or quote is flagged, and how severely."""

    # Round-trip chrF of a sentence (0-100) under which it is flagged medium / high.
    sentence_chrf_medium: float = 55.0
    sentence_chrf_high: float = 35.0
    # Round-trip chrF of a quote under which it is flagged as changed (medium) / high.
    quote_chrf_medium: float = 70.0
    quote_chrf_high: float = 45.0
    # Target/source length ratio (characters) outside which a translation is suspect.
    length_ratio_low: float = 0.45
    length_ratio_high: float = 2.2
    # A word n-gram repeated this many times in a row is a repetition loop.
    repetition_min_repeats: int = 3
    # Confidence a translation must have in another language to be called wrong-language.
    wrong_language_confidence: float = 0.8


@dataclass(frozen=True)
class Config:
    thresholds: Thresholds = field(default_factory=Thresholds)
    # "en-es" -> model id or path, per engine: {"hf": {"en-es": "..."}}
    models: dict[str, dict[str, str]] = field(default_factory=dict)
    path: str | None = None
    # [glossary] file = "terms.tsv": a glossary file, relative to the config file
    glossary: str | None = None


def config_paths() -> list[Path]:
    from platformdirs import user_config_dir

    return [Path("xlate.toml"), Path(user_config_dir("xlate")) / "xlate.toml"]


def load_config(path: str | Path | None = None) -> Config:
    """Load the first config file found (or ``path``); defaults when there is none."""
    if path is not None:
        candidates = [Path(path)]
        if not candidates[0].is_file():
            raise ConfigError(f"config file {path} not found")
    else:
        candidates = [p for p in config_paths() if p.is_file()]
    if not candidates:
        return Config()
    file = candidates[0]
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"{file}: cannot read config ({err})") from None
    return Config(
        thresholds=apply_thresholds(Thresholds(), data.get("thresholds", {}), str(file)),
        models={
            str(k): {str(a): str(b) for a, b in dict(v).items()}
            for k, v in dict(data.get("models", {})).items()
        },
        path=str(file),
        glossary=_glossary_path(data.get("glossary"), file),
    )


def _glossary_path(section: Any, file: Path) -> str | None:
    if section is None:
        return None
    value = section.get("file") if isinstance(section, dict) else None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f'{file}: [glossary] needs file = "PATH" (a TSV or CSV glossary)')
    return str(file.parent / Path(value).expanduser())


def apply_thresholds(base: Thresholds, values: dict[str, Any], where: str = "") -> Thresholds:
    known = {f.name: f.type for f in fields(Thresholds)}
    changes: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(
                f"{where}: unknown threshold {key!r}; known: {', '.join(sorted(known))}"
            )
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise ConfigError(f"{where}: threshold {key!r} must be a number")
        changes[key] = value
    return replace(base, **changes)


def parse_threshold_overrides(
    items: Sequence[str], option: str = "--threshold"
) -> dict[str, float]:
    """``["sentence_chrf_high=30"]`` -> ``{"sentence_chrf_high": 30.0}``; names are checked
    later, by :func:`apply_thresholds`."""
    values: dict[str, float] = {}
    for item in items:
        name, sep, value = item.partition("=")
        try:
            values[name.strip()] = float(value)
        except ValueError:
            sep = ""
        if not sep:
            raise ConfigError(f"{option} {item!r}: expected NAME=NUMBER")
    return values


def load_thresholds(
    config_path: str | Path | None,
    overrides: Sequence[str] = (),
    *,
    overrides_from: str = "--threshold",
) -> Thresholds:
    """The thresholds of the config file found (see :func:`load_config`) with ``NAME=VALUE``
    overrides on top; ``overrides_from`` names where they came from in error messages."""
    config = load_config(config_path)
    values = parse_threshold_overrides(overrides, overrides_from)
    return apply_thresholds(config.thresholds, values, overrides_from)
