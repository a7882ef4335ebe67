"""Which model translates a direction, where its files are, and its language codes.

Shared by the engines that run Hugging Face checkpoints (``hf``, ``ct2``). Nothing here
imports torch or transformers; ``huggingface_hub`` is imported only when a hub id has to
be looked up.

- :func:`default_model` -- the opus-mt id for a direction.
- :func:`resolve_model` -- a model id or a local directory -> :class:`ResolvedModel`
  (a local directory with the files, and the commit when it came from the hub cache).
  Offline-aware: the cache first, the hub only when allowed and reachable, and otherwise
  :class:`~xlate.errors.ModelUnavailableError` with one line saying what to do.
- :func:`detect_family` and :func:`language_codes` -- the tokens multilingual models
  (NLLB-200, M2M100, mBART-50, multi-target Marian) need to know which languages to use.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from xlate.errors import ModelUnavailableError

DEFAULT_MODEL = "Helsinki-NLP/opus-mt-{src}-{tgt}"

# How long to wait for the hub before calling a model unavailable: without a bound,
# huggingface_hub retries for ~25 s on a machine that cannot reach it.
HUB_PROBE_TIMEOUT_S = 5.0

# Files a transformers seq2seq model needs; the weights are picked separately so that an
# opus-mt repo does not also bring its TensorFlow and Rust copies.
MODEL_FILE_PATTERNS: tuple[str, ...] = (
    "*.json",
    "*.spm",
    "*.model",
    "*.txt",
)

FAMILIES = ("marian", "m2m100", "nllb", "mbart50")

_NLLB_CODES = {"en": "eng_Latn", "es": "spa_Latn", "ru": "rus_Cyrl"}
_MBART50_CODES = {"en": "en_XX", "es": "es_XX", "ru": "ru_RU"}
_ISO3 = {"en": "eng", "es": "spa", "ru": "rus"}

UNAVAILABLE_HINT = (
    "run xlate once on a connected machine to fill the Hugging Face cache "
    "(~/.cache/huggingface) and copy it here, or pass --model PATH to a local copy"
)


def unavailable_hint(src: str, tgt: str) -> str:
    """What to do without the model; Apertium is named only for a pair it translates
    (it has no Russian)."""
    from xlate.engines.apertium import MODES

    if (src, tgt) in MODES:
        return f"{UNAVAILABLE_HINT} (--engine apertium works offline for {src}->{tgt})"
    return UNAVAILABLE_HINT


def default_model(src: str, tgt: str) -> str:
    """The Hugging Face id of the default model for ``src`` -> ``tgt`` (opus-mt)."""
    return DEFAULT_MODEL.format(src=src, tgt=tgt)


def configured_model(engine: str, src: str, tgt: str) -> str | None:
    """The model ``xlate.toml`` names for ``engine`` and ``src``-``tgt``, or None.

    ``[models.hf] en-es = "..."`` (see :mod:`xlate.config`). A relative path is taken
    relative to the config file, so a user-wide config can name ``models/en-es``.
    """
    from xlate.config import load_config

    config = load_config()
    value = config.models.get(engine, {}).get(f"{src}-{tgt}", "").strip()
    if not value:
        return None
    expanded = os.path.expanduser(value)
    if config.path and not os.path.isabs(expanded):
        beside = Path(config.path).parent / expanded
        if beside.exists():
            return str(beside)
    return value


@dataclass(frozen=True)
class ResolvedModel:
    """A model ready to load: ``path`` is a local directory holding its files.

    ``name`` is what reports show (the hub id, or the directory as given); ``revision``
    is the hub commit when the files came from the Hugging Face cache.
    """

    name: str
    path: Path
    revision: str | None = None
    local: bool = False


def looks_like_path(spec: str) -> bool:
    """Whether ``spec`` names a directory rather than a hub id like ``org/name``."""
    if os.path.exists(spec):
        return True
    if spec.startswith((".", "/", "~", "\\")) or spec.endswith(("/", "\\")):
        return True
    return spec.count("/") > 1 or "\\" in spec or (len(spec) > 1 and spec[1] == ":")


def hub_offline() -> bool:
    """``HF_HUB_OFFLINE`` (or ``TRANSFORMERS_OFFLINE``) is set to a true value now."""
    for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        if os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}:
            return True
    return False


def resolve_model(
    spec: str | None,
    src: str,
    tgt: str,
    *,
    weight_patterns: Sequence[str] = ("*.safetensors", "pytorch_model*.bin"),
) -> ResolvedModel:
    """Find the files of ``spec`` (default: the model ``xlate.toml`` names for the ``hf``
    engine and the direction, else the opus-mt model).

    A local directory is used as it is. A hub id is looked up in the Hugging Face cache
    first (no network at all when it is there); otherwise it is downloaded unless
    ``HF_HUB_OFFLINE`` is set or the hub does not answer within
    :data:`HUB_PROBE_TIMEOUT_S`. ``weight_patterns`` are tried in order and the first
    present in the repository is downloaded (the ``ct2`` engine passes its own).
    Raises ModelUnavailableError with one line when the model cannot be had.
    """
    name = (
        spec.strip()
        if spec and spec.strip()
        else configured_model("hf", src, tgt) or default_model(src, tgt)
    )
    if looks_like_path(name):
        return _local_model(name)
    cached = _cached_snapshot(name)
    if cached is not None:
        return cached
    if hub_offline():
        raise ModelUnavailableError(
            f"model {name!r} is not in the Hugging Face cache and HF_HUB_OFFLINE is set: "
            + unavailable_hint(src, tgt)
        )
    return _download(name, weight_patterns, unavailable_hint(src, tgt))


def _local_model(spec: str) -> ResolvedModel:
    path = Path(spec).expanduser()
    if not path.exists():
        raise ModelUnavailableError(
            f"model directory {spec!r} does not exist: pass --model a directory saved with "
            "save_pretrained (config.json, tokenizer files, weights) or a Hugging Face id"
        )
    if not path.is_dir() or not (path / "config.json").is_file():
        raise ModelUnavailableError(
            f"{spec!r} is not a model directory (no config.json in it): pass --model a "
            "directory saved with save_pretrained or a Hugging Face id"
        )
    return ResolvedModel(name=spec, path=path.resolve(), revision=None, local=True)


def _hub_errors() -> tuple[type[BaseException], ...]:
    """What huggingface_hub raises for a missing, gated or unreachable repository.

    Its HTTP errors derive from the HTTP library it uses (requests or httpx), whose
    transport errors are not all OSErrors, so the base classes are taken from it.
    """
    from huggingface_hub.errors import HfHubHTTPError

    return (OSError, ValueError, *HfHubHTTPError.__bases__)


def _cached_snapshot(repo_id: str) -> ResolvedModel | None:
    """The cached snapshot of ``repo_id`` (with its commit), or None when not cached."""
    from huggingface_hub import snapshot_download

    try:
        folder = Path(snapshot_download(repo_id, local_files_only=True))
    except _hub_errors():
        return None
    if not (folder / "config.json").is_file():
        return None
    return ResolvedModel(name=repo_id, path=folder, revision=folder.name, local=False)


def _download(repo_id: str, weight_patterns: Sequence[str], hint: str) -> ResolvedModel:
    import fnmatch

    from huggingface_hub import model_info, snapshot_download
    from huggingface_hub.errors import GatedRepoError, RepositoryNotFoundError

    try:
        info = model_info(repo_id, timeout=HUB_PROBE_TIMEOUT_S)
    except GatedRepoError:
        raise ModelUnavailableError(
            f"model {repo_id!r} is gated on the Hugging Face hub: accept its terms and log "
            "in with `hf auth login`, or pass --model PATH to a local copy"
        ) from None
    except RepositoryNotFoundError:
        raise ModelUnavailableError(
            f"model {repo_id!r} was not found on the Hugging Face hub: check the id, or "
            "pass --model PATH to a local copy"
        ) from None
    except _hub_errors() as err:
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise ModelUnavailableError(
            f"model {repo_id!r} is not cached and the Hugging Face hub cannot be reached "
            f"({reason}): {hint}"
        ) from None
    files = [s.rfilename for s in info.siblings or []]
    weights = next((p for p in weight_patterns if any(fnmatch.fnmatch(f, p) for f in files)), None)
    if weights is None:
        raise ModelUnavailableError(
            f"model {repo_id!r} has no weights xlate can load ({', '.join(weight_patterns)})"
        )
    try:
        folder = Path(
            snapshot_download(
                repo_id,
                revision=info.sha,
                allow_patterns=[*MODEL_FILE_PATTERNS, weights],
            )
        )
    except _hub_errors() as err:
        raise ModelUnavailableError(
            f"model {repo_id!r} could not be downloaded ({str(err).splitlines()[0]}): " + hint
        ) from None
    return ResolvedModel(name=repo_id, path=folder, revision=info.sha, local=False)


# --- language codes of multilingual models ---------------------------------------------


def _read_json(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def detect_family(path: Path) -> str:
    """The model family of a model directory: one of :data:`FAMILIES`.

    NLLB checkpoints say ``model_type: m2m_100`` like M2M100 itself, so the tokenizer
    class decides; vocabulary files settle what neither names (converted models).
    """
    tokenizer_class = str(_read_json(path / "tokenizer_config.json").get("tokenizer_class", ""))
    model_type = str(_read_json(path / "config.json").get("model_type", ""))
    lowered = tokenizer_class.lower()
    if lowered.startswith("nllb"):
        return "nllb"
    if lowered.startswith("m2m100"):
        return "m2m100"
    if lowered.startswith("mbart50"):
        return "mbart50"
    if model_type == "marian" or lowered.startswith("marian"):
        return "marian"
    vocabulary = _vocabulary_sample(path)
    if "eng_Latn" in vocabulary:
        return "nllb"
    if "__en__" in vocabulary:
        return "m2m100"
    if "en_XX" in vocabulary:
        return "mbart50"
    return "marian"


def _vocabulary_sample(path: Path) -> str:
    """The text of the vocabulary files, enough to look for language tokens."""
    chunks = []
    for name in (
        "special_tokens_map.json",
        "tokenizer_config.json",
        "shared_vocabulary.json",
        "shared_vocabulary.txt",
        "vocab.json",
        "tokenizer.json",
    ):
        file = path / name
        if file.is_file():
            with file.open(encoding="utf-8", errors="replace") as handle:
                chunks.append(handle.read(4_000_000))
    return "\n".join(chunks)


@dataclass(frozen=True)
class LanguageCodes:
    """How to tell a model which languages to translate between.

    ``src_lang``: the value for the tokenizer's ``src_lang`` (None: the model has none).
    ``target_token``: the token forced as the first generated token (the forced BOS of
    NLLB/M2M100/mBART-50), or None. ``source_prefix``: text put before each source
    sentence (``>>spa<<`` for multi-target Marian models), or "".
    """

    src_lang: str | None = None
    target_token: str | None = None
    source_prefix: str = ""


def language_codes(
    family: str, src: str, tgt: str, vocabulary: Collection[str] = ()
) -> LanguageCodes:
    """The codes ``family`` uses for ``src`` -> ``tgt`` (xlate codes en/es/ru).

    ``vocabulary`` (token strings) lets a Marian model with several target languages
    pick its ``>>xx<<`` token; single-pair Marian models need nothing.
    """
    if family == "nllb":
        return LanguageCodes(src_lang=_NLLB_CODES[src], target_token=_NLLB_CODES[tgt])
    if family == "m2m100":
        return LanguageCodes(src_lang=src, target_token=f"__{tgt}__")
    if family == "mbart50":
        return LanguageCodes(src_lang=_MBART50_CODES[src], target_token=_MBART50_CODES[tgt])
    for token in (f">>{tgt}<<", f">>{_ISO3[tgt]}<<"):
        if token in vocabulary:
            return LanguageCodes(source_prefix=token + " ")
    return LanguageCodes()
