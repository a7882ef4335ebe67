"""The ``ct2`` engine: the ``hf`` engine's models, run by CTranslate2 (several times faster
on CPU, int8 weights, no torch at translation time).

``--model`` takes what ``hf`` takes (a Hugging Face id, default opus-mt, or a directory
saved with ``save_pretrained``), converted once on first use into the model store (see
:mod:`xlate.engines.model_store`), or a directory that already is a CTranslate2 model
(``model.bin``, e.g. from ``xlate models convert``), used as it is.

Everything around the model is shared with ``hf`` (:mod:`xlate.engines.neural`) so both
engines segment, split and report alike: the model's own tokenizer (transformers, from
the files copied beside ``model.bin``; no torch needed), language codes from
:mod:`xlate.engines.models`, over-long sentences split by :mod:`xlate.engines.chunking`, batches
planned by padded tokens, and word alignments from CTranslate2's attention mapped by
:mod:`xlate.engines.alignment`.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xlate.engines import hub_catalog
from xlate.engines.alignment import align_words, piece_word_ids
from xlate.engines.base import EngineOptions, ModelEntry
from xlate.engines.model_store import ConvertedModel, ensure_converted
from xlate.engines.models import LanguageCodes
from xlate.engines.neural import (
    OUTPUT_TOKENS_PER_SOURCE_TOKEN,
    OUTPUT_TOKENS_SLACK,
    NeuralTranslator,
    Piece,
    first_line,
    pick_device,
    special_tokens,
    token_limit,
    usable_cores,
)
from xlate.errors import EngineError, ModelUnavailableError

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


def _decode(tokenizer: Any, hypothesis: list[str], prefix: list[str] | None) -> str:
    # the forced language token is not text (and transformers 5 does not count
    # M2M100's as special, so decode would keep it)
    words = hypothesis[1:] if prefix and hypothesis[:1] == prefix else hypothesis
    ids = tokenizer.convert_tokens_to_ids(words)
    return str(tokenizer.decode(ids, skip_special_tokens=True)).strip()


def resolve_device(requested: str) -> str:
    """``auto`` -> cuda when CTranslate2 sees a GPU, else cpu; ``cuda`` without one: error."""
    return pick_device(
        requested, lambda: import_ctranslate2().get_cuda_device_count() > 0, "CTranslate2"
    )


def compute_type(quantization: str | None, device: str) -> str:
    """The CTranslate2 compute type for a model stored at ``quantization`` on ``device``."""
    wanted = _COMPUTE_TYPES[device].get(quantization or "", "default")
    if wanted == "default":
        return wanted
    supported = import_ctranslate2().get_supported_compute_types(device)
    return wanted if wanted in supported else "default"


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

    @property
    def family(self) -> str:
        return self.model.family


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
            raise ModelUnavailableError(
                f"cannot load CTranslate2 model {model.source!r} from {model.path}: "
                f"{first_line(err)}"
            ) from None
        limit = token_limit(tokenizer, model.max_positions)
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
        raise ModelUnavailableError(
            f"the CTranslate2 model in {model.path} has no usable tokenizer files "
            f"(tokenizer_config.json, *.spm, vocab.json): {first_line(err)}; convert it with "
            "`xlate models convert`, which copies them"
        ) from None


class CT2Translator(NeuralTranslator[ConvertedModel, LoadedCT2]):
    """Translate with CTranslate2; see the module docstring."""

    name = "ct2"

    @classmethod
    def model_entries(cls, pairs: Sequence[tuple[str, str]]) -> list[ModelEntry]:
        return hub_catalog.ct2_entries(pairs)

    @classmethod
    def model_path(cls, item: str) -> Path:
        return hub_catalog.ct2_path(item)

    def __init__(self, options: EngineOptions | None = None) -> None:
        super().__init__(options)
        import_ctranslate2()  # fail at once, not after segmenting, when it is missing
        self.threads = max(1, self.options.workers or usable_cores())

    # --- hooks of NeuralTranslator -------------------------------------------------------

    def _resolve_device(self, requested: str) -> str:
        return resolve_device(requested)

    def _describe(self, src: str, tgt: str) -> tuple[str, str | None, dict[str, Any]]:
        model = self._resolve(src, tgt)
        device = self._get_device()
        return (
            model.source,
            model.revision,
            {
                "device": device,
                "compute_type": compute_type(model.quantization, device),
                "quantization": model.quantization or "unknown",
            },
        )

    def _load(self, src: str, tgt: str) -> LoadedCT2:
        return load(self._resolve(src, tgt), self._get_device(), self.threads)

    def _find_model(self, src: str, tgt: str) -> ConvertedModel:
        return ensure_converted(self.options.model, src, tgt)

    def _generate(
        self,
        loaded: LoadedCT2,
        codes: LanguageCodes,
        batch: list[Piece],
        alignments: bool,
        n_best: int = 1,
    ) -> None:
        tokenizer = loaded.tokenizer
        # the source pieces CTranslate2 takes: the tokenizer's, special tokens included
        source = [tokenizer.convert_ids_to_tokens(p.ids) for p in batch]
        prefix = [codes.target_token] if codes.target_token else None
        longest = max(len(s) for s in source)
        try:
            results = loaded.translator.translate_batch(
                source,
                target_prefix=[prefix] * len(source) if prefix else None,
                beam_size=max(self.options.beams, n_best),
                num_hypotheses=n_best,
                return_scores=n_best > 1,
                max_input_length=0,  # inputs are already split to fit; never truncate
                # hf's bound, whose max_length also counts the decoder start token and
                # the end token that opus-mt's forced_eos puts in the last place
                max_decoding_length=min(
                    loaded.max_tokens,
                    OUTPUT_TOKENS_PER_SOURCE_TOKEN * longest + OUTPUT_TOKENS_SLACK,
                )
                - 2,
                return_attention=alignments and n_best == 1,
            )
        except RuntimeError as err:
            if "out of memory" in str(err).lower() and len(batch) > 1:
                half = len(batch) // 2
                self._generate(loaded, codes, batch[:half], alignments, n_best)
                self._generate(loaded, codes, batch[half:], alignments, n_best)
                return
            raise EngineError(f"CTranslate2 failed: {first_line(err)}") from None
        self.sentences_generated += len(batch)
        self.batches_generated += 1
        special = special_tokens(tokenizer, codes)
        for piece, src_tokens, result in zip(batch, source, results, strict=True):
            hypothesis = list(result.hypotheses[0])
            piece.output = _decode(tokenizer, hypothesis, prefix)
            if n_best > 1:  # scores: length-normalised log-probabilities, as hf's
                piece.hypotheses = [
                    (_decode(tokenizer, list(h), prefix), float(score))
                    for h, score in zip(result.hypotheses, result.scores, strict=True)
                ]
            if not alignments or not result.attention:
                continue
            # attention rows follow the hypothesis tokens, the target prefix included
            piece.alignment = align_words(
                result.attention[0][: len(hypothesis)],
                piece_word_ids(src_tokens, len(piece.text.split()), special),
                piece_word_ids(hypothesis, len(piece.output.split()), special),
            )
