"""CTranslate2 copies of Hugging Face models: converting them and where they live.

A converted model is a directory with ``model.bin`` (CTranslate2's weights), its
``config.json`` and vocabulary, the tokenizer files copied from the source model (so
translating needs neither torch nor transformers) and :data:`METADATA`, which records
what it was made from. Automatic conversions live in :func:`store_dir`
(``<user cache dir>/xlate/ct2``, or ``$XLATE_CT2_DIR``), one directory per source model
and quantization, and are redone when the source changes (another hub commit, or new
weights in a local directory).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xlate.engines.models import ResolvedModel, configured_model, detect_family, resolve_model
from xlate.errors import ConfigError, EngineError

QUANTIZATIONS: tuple[str, ...] = ("int8", "int8_float16", "float16", "float32")
# int8 weights are a quarter of float32 on disk and in memory, run fastest on CPUs, and
# CTranslate2 still runs them as int8_float16 on a GPU.
DEFAULT_QUANTIZATION = "int8"
METADATA = "xlate-ct2.json"
MODEL_FILE = "model.bin"
STORE_ENV = "XLATE_CT2_DIR"

# What a tokenizer may need, across Marian, M2M100, NLLB and mBART-50 checkpoints. The
# source config.json is not among them: CTranslate2 writes its own under that name.
TOKENIZER_FILES: tuple[str, ...] = (
    "source.spm",
    "target.spm",
    "vocab.json",
    "sentencepiece.bpe.model",
    "sentencepiece.model",
    "spm.model",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "added_tokens.json",
)
# A fallback when the source says nothing about its length limit (opus-mt's value).
DEFAULT_MAX_POSITIONS = 512


@dataclass(frozen=True)
class ConvertedModel:
    """A CTranslate2 model directory and what :data:`METADATA` says about it."""

    path: Path
    source: str
    revision: str | None
    quantization: str | None
    family: str
    max_positions: int


def store_dir() -> Path:
    """Where automatic conversions are kept: ``$XLATE_CT2_DIR`` or the user cache."""
    override = os.environ.get(STORE_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("xlate")) / "ct2"


def is_ct2_model(path: Path) -> bool:
    """Whether ``path`` is a CTranslate2 model directory."""
    return (path / MODEL_FILE).is_file()


def check_quantization(value: str) -> str:
    norm = value.strip().lower()
    if norm not in QUANTIZATIONS:
        raise ConfigError(
            f"unknown quantization {value!r}: choose one of {', '.join(QUANTIZATIONS)}"
        )
    return norm


def fingerprint(model: ResolvedModel) -> str:
    """What identifies this version of a source model: its hub commit, or its files."""
    if model.revision:
        return model.revision
    digest = hashlib.sha256(str(model.path).encode("utf-8"))
    for file in sorted(model.path.iterdir()):
        if file.is_file():
            stat = file.stat()
            digest.update(f"\0{file.name}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def store_path(model: ResolvedModel, quantization: str) -> Path:
    """The store directory for ``model`` at ``quantization``.

    Hub ids keep their name (``Helsinki-NLP--opus-mt-en-es-int8``); a local directory is
    named after its last part plus a hash of its full path, so two ``model/`` folders in
    different places do not collide.
    """
    if model.local:
        tag = hashlib.sha256(str(model.path).encode("utf-8")).hexdigest()[:8]
        base = f"{model.path.name}-{tag}"
    else:
        base = model.name.replace("/", "--")
    safe = re.sub(r"[^\w.-]+", "_", base).strip("._") or "model"
    return store_dir() / f"{safe}-{quantization}"


def read_converted(path: Path) -> ConvertedModel:
    """A CTranslate2 directory as a ConvertedModel (converted by xlate or by anyone)."""
    meta = _read_metadata(path)
    limit = meta.get("max_positions")
    revision = meta.get("revision")
    quantization = meta.get("quantization")
    return ConvertedModel(
        path=path,
        source=str(meta.get("source") or path),
        revision=str(revision) if revision else None,
        quantization=str(quantization) if quantization else None,
        family=str(meta.get("family") or detect_family(path)),
        max_positions=int(limit) if isinstance(limit, int) and limit > 0 else _max_positions(path),
    )


def _read_metadata(path: Path) -> dict[str, object]:
    try:
        data = json.loads((path / METADATA).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _max_positions(path: Path) -> int:
    """The longest input the model was trained for, from the files that may say it."""
    for name, key in (
        ("config.json", "max_position_embeddings"),
        ("tokenizer_config.json", "model_max_length"),
    ):
        try:
            value = json.loads((path / name).read_text(encoding="utf-8")).get(key)
        except (OSError, ValueError, AttributeError):
            continue
        # transformers writes a huge sentinel when a tokenizer has no limit
        if isinstance(value, int) and 0 < value < 100_000:
            return value
    return DEFAULT_MAX_POSITIONS


def ensure_converted(
    spec: str | None, src: str, tgt: str, quantization: str = DEFAULT_QUANTIZATION
) -> ConvertedModel:
    """The CTranslate2 model for ``spec`` (an id, an HF directory or a CT2 directory).

    A CTranslate2 directory is used as it is. Anything else is resolved like the ``hf``
    engine does (cache first; ModelUnavailableError when offline and absent) and
    converted once into the store; later calls find the conversion there. With no
    ``spec``, ``xlate.toml``'s ``[models.ct2]`` entry for the direction, then ``[models.hf]``.
    """
    spec = spec or configured_model("ct2", src, tgt)
    if spec and is_ct2_model(Path(spec).expanduser()):
        return read_converted(Path(spec).expanduser().resolve())
    source = resolve_model(spec, src, tgt)
    target = store_path(source, quantization)
    if is_ct2_model(target) and _read_metadata(target).get("fingerprint") == fingerprint(source):
        return read_converted(target)
    return convert(source, target, quantization, replace=True)


def convert_spec(
    spec: str, output: Path | None, quantization: str = DEFAULT_QUANTIZATION, *, force: bool
) -> ConvertedModel:
    """``xlate models convert``: convert ``spec`` into ``output`` (default: the store)."""
    quantization = check_quantization(quantization)
    _converter_class()  # say what is missing before looking for the model
    if is_ct2_model(Path(spec).expanduser()):
        raise ConfigError(f"{spec!r} is already a CTranslate2 model (it has {MODEL_FILE})")
    # the direction only matters when no model is named, which cannot happen here
    source = resolve_model(spec, "en", "es")
    if output is None:
        return convert(source, store_path(source, quantization), quantization, replace=True)
    if output.exists() and not output.is_dir():
        raise ConfigError(f"--output {str(output)!r} is a file: give a directory")
    if output.exists() and any(output.iterdir()):
        # Only ever replace a converted model: --force must not wipe an arbitrary folder.
        if not is_ct2_model(output):
            raise ConfigError(
                f"--output {str(output)!r} is a non-empty directory: choose a new one"
            )
        if not force:
            raise ConfigError(
                f"--output {str(output)!r} already holds a CTranslate2 model: add --force "
                "to replace it"
            )
    return convert(source, output, quantization, replace=True)


def convert(
    source: ResolvedModel, output: Path, quantization: str, *, replace: bool
) -> ConvertedModel:
    """Convert ``source`` into ``output``, which appears complete or not at all.

    The conversion is written to a temporary directory beside ``output`` and renamed
    into place, so a crash leaves no half model and two processes converting the same
    model at once both end with a whole one.
    """
    converter_cls = _converter_class()
    output = output.expanduser()
    output.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent))
    try:
        staging = work / "model"
        try:
            converter_cls(str(source.path)).convert(
                str(staging), quantization=quantization, force=True
            )
        except (ValueError, OSError, RuntimeError, KeyError, NotImplementedError) as err:
            first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise EngineError(f"cannot convert {source.name!r} to CTranslate2: {first}") from None
        for name in TOKENIZER_FILES:
            if (source.path / name).is_file():
                shutil.copy2(source.path / name, staging / name)
        meta = {
            "source": source.name,
            "revision": source.revision,
            "fingerprint": fingerprint(source),
            "quantization": quantization,
            "family": detect_family(source.path),
            "max_positions": _max_positions(source.path),
        }
        (staging / METADATA).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        if output.exists() and replace:
            old = work / "old"
            output.rename(old)  # out of the way first: a directory cannot be replaced
        try:
            staging.rename(output)
        except OSError:
            if not is_ct2_model(output):  # not another process having won the race
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return read_converted(output.resolve())


def _converter_class() -> type:
    try:
        from ctranslate2.converters import TransformersConverter
    except ImportError:
        raise EngineError(
            "the ct2 engine needs CTranslate2: pip install 'xlate[ct2]' (or ctranslate2>=4)"
        ) from None
    try:
        import torch  # noqa: F401
        from transformers.utils import logging as hf_logging
    except ImportError:
        raise EngineError(
            "converting a model to CTranslate2 needs torch and transformers: "
            "pip install torch transformers, or pass --model a converted directory"
        ) from None
    # progress bars and advice on stderr would break the CLI's one-line rule
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()

    class Converter(TransformersConverter):
        """TransformersConverter, given a tokenizer that lists every id of the model.

        Under transformers 5 ``get_vocab()`` of M2M100/NLLB tokenizers leaves out the
        language tokens and "additional_special_tokens" moved, so CTranslate2 4.x builds
        a vocabulary shorter than the embeddings and refuses the model.
        """

        def load_tokenizer(self, tokenizer_class: Any, path: str, **kwargs: Any) -> Any:
            tokenizer = super().load_tokenizer(tokenizer_class, path, **kwargs)
            return FullVocabularyTokenizer(tokenizer, _vocab_size(Path(path)))

    return Converter


class FullVocabularyTokenizer:
    """A tokenizer whose ``get_vocab`` maps every model id ``0..size-1`` to a token.

    Ids the tokenizer has no token for (M2M100's "madeup" padding rows) get unique
    placeholders, so the vocabulary and the embedding matrix line up one to one.
    """

    num_madeup_words = 0  # already in the vocabulary; CTranslate2 must not add more

    def __init__(self, tokenizer: Any, size: int | None) -> None:
        self._tokenizer = tokenizer
        size = max(size or 0, len(tokenizer))
        tokens = tokenizer.convert_ids_to_tokens(list(range(size)))
        vocab: dict[str, int] = {}
        for index, token in enumerate(tokens):
            if token is None or token in vocab:
                token = f"madeupword{index}"
            vocab[token] = index
        self._vocab = vocab

    def get_vocab(self) -> dict[str, int]:
        return dict(self._vocab)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tokenizer, name)


def _vocab_size(path: Path) -> int | None:
    try:
        value = json.loads((path / "config.json").read_text(encoding="utf-8")).get("vocab_size")
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, int) and value > 0 else None
