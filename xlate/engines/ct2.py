"""The ``ct2`` engine: the ``hf`` engine's models, run by CTranslate2 (several times faster
on CPU, int8 weights, no torch at translation time).

``--model`` takes what ``hf`` takes (a Hugging Face id, default opus-mt, or a directory
saved with ``save_pretrained``), converted once on first use into the model store (see
:mod:`xlate.model_store`), or a directory that already is a CTranslate2 model
(``model.bin``, e.g. from ``xlate models convert``), used as it is.

Everything around the model is shared with ``hf`` so both engines segment, split and
report alike: the model's own tokenizer (transformers, from the files copied beside
``model.bin``; no torch needed), language codes from :mod:`xlate.models`, over-long
sentences split by :mod:`xlate.engines.chunking`, batches planned by padded tokens, and
word alignments from CTranslate2's attention mapped by :mod:`xlate.engines.alignment`.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import ConfigError, EngineError, ModelUnavailableError
from ..languages import check_pair
from ..model_store import ConvertedModel, ensure_converted
from ..models import LanguageCodes, language_codes
from .alignment import align_words, piece_word_ids
from .base import EngineInfo, EngineOptions, Translation
from .chunking import plan_batches, split_to_fit

# One sentence's pieces joined back (text, shifted alignments, the split note) exactly as
# the hf engine does it, so both engines report over-long sentences alike.
from .hf import OUTPUT_TOKENS_PER_SOURCE_TOKEN, OUTPUT_TOKENS_SLACK, _join, _Piece

DEVICES = ("auto", "cpu", "cuda")
INSTALL_HINT = "pip install 'xlate[ct2]' (or ctranslate2>=4)"

# compute_type for a model's stored quantization on each device: int8 stays int8 (with
# float16 activations on a GPU); CPUs have no fast float16, so half models run in float32.
_COMPUTE_TYPES: dict[str, dict[str, str]] = {
    "cpu": {"int8": "int8", "int8_float16": "int8", "float16": "float32", "float32": "float32"},
    "cuda": {
        "int8": "int8_float16",
        "int8_float16": "int8_float16",
        "float16": "float16",
        "float32": "float32",
    },
}


def import_ctranslate2() -> Any:
    """The ctranslate2 module, or one line saying how to install it."""
    try:
        import ctranslate2
    except ImportError:
        raise EngineError(f"the ct2 engine needs CTranslate2: {INSTALL_HINT}") from None
    return ctranslate2


def resolve_device(requested: str) -> str:
    """``auto`` -> cuda when CTranslate2 sees a GPU, else cpu; ``cuda`` without one: error."""
    if requested not in DEVICES:
        raise ConfigError(f"unknown device {requested!r}: choose one of {', '.join(DEVICES)}")
    if requested == "cpu":
        return "cpu"
    if import_ctranslate2().get_cuda_device_count() > 0:
        return "cuda"
    if requested == "cuda":
        raise ConfigError(
            "--device cuda asked for, but CTranslate2 sees no CUDA GPU: use --device cpu"
        )
    return "cpu"


def compute_type(quantization: str | None, device: str) -> str:
    """The CTranslate2 compute type for a model stored at ``quantization`` on ``device``."""
    wanted = _COMPUTE_TYPES[device].get(quantization or "", "default")
    if wanted == "default":
        return wanted
    supported = import_ctranslate2().get_supported_compute_types(device)
    return wanted if wanted in supported else "default"


def _cores() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else (os.cpu_count() or 1)


@dataclass
class LoadedCT2:
    """A CTranslate2 translator and its tokenizer, loaded once per process."""

    translator: Any
    tokenizer: Any
    model: ConvertedModel
    device: str
    compute_type: str
    max_tokens: int  # the most source tokens (special ones included) the model takes
    lock: threading.Lock = field(default_factory=threading.Lock)


_LOADED: dict[tuple[str, str, str, int], LoadedCT2] = {}
_LOADED_LOCK = threading.Lock()


def clear_model_cache() -> None:
    """Forget every loaded model (frees memory once no translator holds one)."""
    with _LOADED_LOCK:
        _LOADED.clear()


def load(model: ConvertedModel, device: str, threads: int) -> LoadedCT2:
    """Load (or reuse) the CTranslate2 model and its tokenizer on ``device``."""
    ctranslate2 = import_ctranslate2()
    ctype = compute_type(model.quantization, device)
    key = (str(model.path), device, ctype, threads)
    with _LOADED_LOCK:
        if key in _LOADED:
            return _LOADED[key]
        tokenizer = _load_tokenizer(model)
        try:
            translator = ctranslate2.Translator(
                str(model.path),
                device=device,
                compute_type=ctype,
                intra_threads=threads if device == "cpu" else 0,
            )
        except (RuntimeError, ValueError, OSError) as err:
            first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise ModelUnavailableError(
                f"cannot load CTranslate2 model {model.source!r} from {model.path}: {first}"
            ) from None
        limit = model.max_positions
        tok_max = getattr(tokenizer, "model_max_length", None)
        if isinstance(tok_max, int) and 0 < tok_max < 1_000_000:
            limit = min(limit, tok_max)
        loaded = LoadedCT2(translator, tokenizer, model, device, ctype, limit)
        _LOADED[key] = loaded
        return loaded


def _load_tokenizer(model: ConvertedModel) -> Any:
    """The model's own tokenizer from the files kept beside ``model.bin``."""
    try:
        from transformers import AutoTokenizer
        from transformers.utils import logging as hf_logging
    except ImportError:
        raise EngineError(
            "the ct2 engine tokenizes with transformers: pip install transformers"
        ) from None
    hf_logging.set_verbosity_error()
    try:
        return AutoTokenizer.from_pretrained(model.path)
    except (OSError, ValueError, KeyError, ImportError, TypeError) as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise ModelUnavailableError(
            f"the CTranslate2 model in {model.path} has no usable tokenizer files "
            f"(tokenizer_config.json, *.spm, vocab.json): {first}; convert it with "
            "`xlate models convert`, which copies them"
        ) from None


class CT2Translator:
    """Translate with CTranslate2; see the module docstring."""

    name = "ct2"

    def __init__(self, options: EngineOptions | None = None) -> None:
        self.options = options or EngineOptions()
        if self.options.device not in DEVICES:
            raise ConfigError(
                f"unknown device {self.options.device!r}: choose one of {', '.join(DEVICES)}"
            )
        if self.options.beams < 1:
            raise ConfigError("beams must be at least 1")
        if self.options.batch_size is not None and self.options.batch_size < 1:
            raise ConfigError("batch size must be at least 1")
        import_ctranslate2()  # fail at once, not after segmenting, when it is missing
        self.threads = max(1, self.options.workers or _cores())
        self._models: dict[tuple[str, str], ConvertedModel] = {}
        self._device: str | None = None
        self.sentences_generated = 0  # pieces sent to the model, for tests and stats
        self.batches_generated = 0

    # --- protocol ------------------------------------------------------------------------

    def info(self, src: str, tgt: str) -> EngineInfo:
        model = self._model(src, tgt)
        device = self._get_device()
        batching = (
            f"batch_size={self.options.batch_size}"
            if self.options.batch_size
            else f"max_batch_tokens={self.options.max_batch_tokens}"
        )
        return EngineInfo(
            engine=self.name,
            model=model.source,
            revision=model.revision,
            settings={
                "beams": self.options.beams,
                "device": device,
                "compute_type": compute_type(model.quantization, device),
                "quantization": model.quantization or "unknown",
                "batching": batching,
            },
        )

    def translate_batch(
        self, sentences: Sequence[str], src: str, tgt: str, *, alignments: bool = False
    ) -> list[Translation]:
        src, tgt = check_pair(src, tgt)
        if not sentences:
            return []
        distinct: dict[str, int] = {}
        for sentence in sentences:
            distinct.setdefault(sentence, len(distinct))
        texts = list(distinct)
        wanted = [i for i, t in enumerate(texts) if t.strip()]
        results: dict[int, Translation] = {i: Translation(text="") for i in range(len(texts))}
        if wanted:
            loaded = load(self._model(src, tgt), self._get_device(), self.threads)
            with loaded.lock:
                codes = _codes(loaded, src, tgt)
                results.update(
                    self._translate(loaded, codes, [(i, texts[i]) for i in wanted], alignments)
                )
        return [results[distinct[s]] for s in sentences]

    def close(self) -> None:
        # Loaded models stay in the process cache for the other direction of a round trip;
        # clear_model_cache() frees them.
        self._models.clear()

    # --- internals -----------------------------------------------------------------------

    def _model(self, src: str, tgt: str) -> ConvertedModel:
        if (src, tgt) not in self._models:
            self._models[(src, tgt)] = ensure_converted(self.options.model, src, tgt)
        return self._models[(src, tgt)]

    def _get_device(self) -> str:
        if self._device is None:
            self._device = resolve_device(self.options.device)
        return self._device

    def _translate(
        self,
        loaded: LoadedCT2,
        codes: LanguageCodes,
        items: Sequence[tuple[int, str]],
        alignments: bool,
    ) -> dict[int, Translation]:
        pieces: list[_Piece] = []
        parts: dict[int, list[_Piece]] = {}
        tokens: list[list[str]] = []
        for index, text in items:
            for chunk in split_to_fit(
                text, lambda t: len(_source_tokens(loaded, codes, t)), loaded.max_tokens
            ):
                chunk_tokens = _source_tokens(loaded, codes, chunk)
                piece = _Piece(index, chunk, len(chunk_tokens))
                pieces.append(piece)
                tokens.append(chunk_tokens)
                parts.setdefault(index, []).append(piece)
        batches = plan_batches(
            [p.tokens for p in pieces],
            max_tokens=self.options.max_batch_tokens,
            batch_size=self.options.batch_size,
            beams=self.options.beams,
        )
        for batch in batches:
            self._generate(
                loaded, codes, [pieces[i] for i in batch], [tokens[i] for i in batch], alignments
            )
        by_index = dict(items)
        return {index: _join(by_index[index], group, alignments) for index, group in parts.items()}

    def _generate(
        self,
        loaded: LoadedCT2,
        codes: LanguageCodes,
        batch: list[_Piece],
        source: list[list[str]],
        alignments: bool,
    ) -> None:
        prefix = [codes.target_token] if codes.target_token else None
        longest = max(len(s) for s in source)
        try:
            results = loaded.translator.translate_batch(
                source,
                target_prefix=[prefix] * len(source) if prefix else None,
                beam_size=self.options.beams,
                max_input_length=0,  # inputs are already split to fit; never truncate
                # hf's bound, whose max_length also counts the decoder start token and
                # the end token that opus-mt's forced_eos puts in the last place
                max_decoding_length=min(
                    loaded.max_tokens,
                    OUTPUT_TOKENS_PER_SOURCE_TOKEN * longest + OUTPUT_TOKENS_SLACK,
                )
                - 2,
                return_attention=alignments,
            )
        except RuntimeError as err:
            if "out of memory" in str(err).lower() and len(batch) > 1:
                half = len(batch) // 2
                self._generate(loaded, codes, batch[:half], source[:half], alignments)
                self._generate(loaded, codes, batch[half:], source[half:], alignments)
                return
            first = str(err).strip().splitlines()[0] if str(err).strip() else "RuntimeError"
            raise EngineError(f"CTranslate2 failed: {first}") from None
        self.sentences_generated += len(batch)
        self.batches_generated += 1
        tokenizer = loaded.tokenizer
        special = set(tokenizer.all_special_tokens) | {
            t for t in (codes.source_prefix.strip(), codes.src_lang, codes.target_token) if t
        }
        for piece, src_tokens, result in zip(batch, source, results, strict=True):
            hypothesis = list(result.hypotheses[0])
            # the forced language token is not text (and transformers 5 does not count
            # M2M100's as special, so decode would keep it)
            words = hypothesis[1:] if prefix and hypothesis[:1] == prefix else hypothesis
            ids = tokenizer.convert_tokens_to_ids(words)
            piece.output = tokenizer.decode(ids, skip_special_tokens=True).strip()
            if not alignments or not result.attention:
                continue
            # attention rows follow the hypothesis tokens, the target prefix included
            piece.alignment = align_words(
                result.attention[0][: len(hypothesis)],
                piece_word_ids(src_tokens, len(piece.text.split()), special),
                piece_word_ids(hypothesis, len(piece.output.split()), special),
            )


def _codes(loaded: LoadedCT2, src: str, tgt: str) -> LanguageCodes:
    """The model's language codes for the direction, set on the tokenizer, checked."""
    tokenizer = loaded.tokenizer
    vocabulary: set[str] = set()
    if loaded.model.family == "marian":
        vocabulary = {t for t in tokenizer.get_vocab() if t.startswith(">>")}
    codes = language_codes(loaded.model.family, src, tgt, vocabulary)
    if codes.src_lang is not None:
        tokenizer.src_lang = codes.src_lang
    if codes.target_token is not None:
        target_id = tokenizer.convert_tokens_to_ids(codes.target_token)
        if target_id is None or target_id == tokenizer.unk_token_id:
            raise EngineError(f"the model has no language token {codes.target_token!r} for {tgt!r}")
    return codes


def _source_tokens(loaded: LoadedCT2, codes: LanguageCodes, text: str) -> list[str]:
    """The source pieces CTranslate2 takes: the tokenizer's, special tokens included."""
    tokenizer = loaded.tokenizer
    ids = tokenizer(codes.source_prefix + text, add_special_tokens=True)["input_ids"]
    tokens: list[str] = tokenizer.convert_ids_to_tokens(ids)
    return tokens
