"""The ``hf`` engine: transformers seq2seq models (opus-mt by default, NLLB-200, M2M100).

torch and transformers are imported when a model is first needed, never at import time
of the CLI. Models load once per process (a cache keyed by directory, device and dtype),
so a round trip or a batch of articles pays the load once per direction.

Throughput: distinct sentences only; sorted by token length and batched by a padded-token
budget (``max_batch_tokens``) unless ``batch_size`` is given; ``torch.inference_mode``;
fp16 on CUDA; CPU threads set to the cores this process may use. Sentences longer than
the model's positions are split (see :mod:`xlate.engines.chunking`), never truncated.
That pipeline is shared with the ``ct2`` engine (:mod:`xlate.engines.neural`); this module
holds only what is torch's: loading, ``generate`` and the cross-attention alignments.

Alignments (asked for) come from one extra teacher-forced pass over the chosen output
with eager attention, whatever the beam size: cross-attention of the penultimate decoder
layer, heads averaged, pieces mapped to words (:mod:`xlate.engines.alignment`). Without
alignments the model stays on its fast attention (SDPA) and computes no weights.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xlate.engines import hub_catalog
from xlate.engines.alignment import align_words, piece_word_ids
from xlate.engines.base import ModelEntry
from xlate.engines.models import LanguageCodes, ResolvedModel, detect_family, resolve_model
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


@dataclass
class LoadedModel:
    """A model and tokenizer on a device, with what the engine needs to know about them."""

    model: Any
    tokenizer: Any
    family: str
    device: str
    dtype: str
    max_tokens: int  # the most source tokens (special ones included) the model takes
    lock: threading.Lock = field(default_factory=threading.Lock)


_MODELS: dict[tuple[str, str, str], LoadedModel] = {}
_MODELS_LOCK = threading.Lock()
_THREADS_SET = False


def clear_model_cache() -> None:
    """Forget every loaded model (frees memory once no translator holds one)."""
    with _MODELS_LOCK:
        _MODELS.clear()


def _configure_torch_threads(torch: Any) -> None:
    """Use the cores this process may run on, unless the user chose (OMP_NUM_THREADS)."""
    global _THREADS_SET
    if _THREADS_SET or os.environ.get("OMP_NUM_THREADS"):
        return
    torch.set_num_threads(max(1, usable_cores()))
    _THREADS_SET = True


def _quiet_transformers() -> None:
    """Progress bars and advice from transformers would break the one-line stderr rule."""
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()


def resolve_device(requested: str) -> str:
    """``auto`` -> cuda when available, else cpu; ``cuda`` without a GPU is an error."""

    def cuda_available() -> bool:
        import torch

        return bool(torch.cuda.is_available())

    return pick_device(requested, cuda_available, "torch")


def _dtype_name(device: str) -> str:
    # fp16 keeps more mantissa than bf16, and these fp32-trained translation models run
    # in it without overflow; CPUs gain little from half precision, so they keep fp32.
    return "float16" if device == "cuda" else "float32"


def load_model(resolved: ResolvedModel, device: str) -> LoadedModel:
    """Load (or reuse) the model in ``resolved.path`` on ``device``."""
    dtype = _dtype_name(device)
    key = (str(resolved.path), device, dtype)
    with _MODELS_LOCK:
        if key in _MODELS:
            return _MODELS[key]
        import torch
        import transformers
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

        _quiet_transformers()
        _configure_torch_threads(torch)
        major, minor = (int(p) for p in transformers.__version__.split(".")[:2])
        dtype_arg = "dtype" if (major, minor) >= (4, 56) else "torch_dtype"
        try:
            tokenizer = AutoTokenizer.from_pretrained(resolved.path)
            model = AutoModelForSeq2SeqLM.from_pretrained(
                resolved.path, **{dtype_arg: getattr(torch, dtype)}
            )
        except (OSError, ValueError, KeyError, ImportError) as err:
            raise ModelUnavailableError(
                f"cannot load model {resolved.name!r} from {resolved.path}: {first_line(err)}"
            ) from None
        model.to(device).eval()
        loaded = LoadedModel(
            model=model,
            tokenizer=tokenizer,
            family=detect_family(resolved.path),
            device=device,
            dtype=dtype,
            max_tokens=token_limit(
                tokenizer, getattr(model.config, "max_position_embeddings", None)
            ),
        )
        _MODELS[key] = loaded
        return loaded


@contextlib.contextmanager
def _eager_attention(model: Any) -> Iterator[None]:
    """Switch to eager attention (the one that returns weights) for the block."""
    before = getattr(model.config, "_attn_implementation", None)
    if before in (None, "eager"):
        yield
        return
    model.set_attn_implementation("eager")
    try:
        yield
    finally:
        model.set_attn_implementation(before)


class HFTranslator(NeuralTranslator[ResolvedModel, LoadedModel]):
    """Translate with a transformers seq2seq model; see the module docstring."""

    name = "hf"

    @classmethod
    def model_entries(cls, pairs: Sequence[tuple[str, str]]) -> list[ModelEntry]:
        return hub_catalog.hf_entries(pairs)

    @classmethod
    def model_path(cls, item: str) -> Path:
        return hub_catalog.hf_path(item)

    # --- hooks of NeuralTranslator -------------------------------------------------------

    def _resolve_device(self, requested: str) -> str:
        return resolve_device(requested)

    def _describe(self, src: str, tgt: str) -> tuple[str, str | None, dict[str, Any]]:
        resolved = self._resolve(src, tgt)
        device = self._get_device()
        return resolved.name, resolved.revision, {"device": device, "dtype": _dtype_name(device)}

    def _load(self, src: str, tgt: str) -> LoadedModel:
        return load_model(self._resolve(src, tgt), self._get_device())

    def _find_model(self, src: str, tgt: str) -> ResolvedModel:
        return resolve_model(self.options.model, src, tgt)

    def _generate_options(
        self, loaded: LoadedModel, source_len: int, n_best: int
    ) -> dict[str, Any]:
        """``generate``'s arguments: the beam, the output bound, and for ``n_best`` > 1
        the beam's best n with their scores (length-normalised log-probabilities)."""
        kwargs: dict[str, Any] = {
            "num_beams": self.options.beams,
            "max_length": min(
                loaded.max_tokens,
                OUTPUT_TOKENS_PER_SOURCE_TOKEN * source_len + OUTPUT_TOKENS_SLACK,
            ),
        }
        if self.options.beams == 1 and n_best == 1:
            kwargs["do_sample"] = False
        if n_best > 1:
            kwargs.update(
                num_beams=max(self.options.beams, n_best),
                num_return_sequences=n_best,
                output_scores=True,
                return_dict_in_generate=True,
                do_sample=False,
            )
        return kwargs

    def _generate(
        self,
        loaded: LoadedModel,
        codes: LanguageCodes,
        batch: list[Piece],
        alignments: bool,
        n_best: int = 1,
    ) -> None:
        import torch

        tokenizer, model = loaded.tokenizer, loaded.model
        encoded = tokenizer(
            [codes.source_prefix + p.text for p in batch],
            return_tensors="pt",
            padding=True,
            truncation=True,
            max_length=loaded.max_tokens,
        ).to(loaded.device)
        kwargs = self._generate_options(loaded, int(encoded["input_ids"].shape[1]), n_best)
        forced: set[int] = set()
        if codes.target_token is not None:
            kwargs["forced_bos_token_id"] = tokenizer.convert_tokens_to_ids(codes.target_token)
            forced.add(kwargs["forced_bos_token_id"])
        try:
            with torch.inference_mode():
                generated = model.generate(**encoded, **kwargs)
                scores: list[float] | None = None
                sequences = generated
                if n_best > 1:
                    sequences = generated.sequences
                    scores = generated.sequences_scores.float().cpu().tolist()
                # the language token is not "special" in every tokenizer: drop it by id
                texts = tokenizer.batch_decode(
                    [[t for t in row if t not in forced] for row in sequences.tolist()],
                    skip_special_tokens=True,
                )
                attention = (
                    self._cross_attention(model, encoded, sequences)
                    if alignments and n_best == 1
                    else None
                )
        except torch.cuda.OutOfMemoryError:
            if len(batch) == 1:
                raise EngineError(
                    "out of GPU memory on a single sentence: use --device cpu"
                ) from None
            torch.cuda.empty_cache()
            half = len(batch) // 2
            self._generate(loaded, codes, batch[:half], alignments, n_best)
            self._generate(loaded, codes, batch[half:], alignments, n_best)
            return
        self.sentences_generated += len(batch)
        self.batches_generated += 1
        if scores is not None:  # n rows per piece, best first
            for row, piece in enumerate(batch):
                rows = range(row * n_best, (row + 1) * n_best)
                piece.hypotheses = [(texts[r].strip(), scores[r]) for r in rows]
                piece.output = piece.hypotheses[0][0]
            return
        special = special_tokens(tokenizer, codes)
        for row, piece in enumerate(batch):
            piece.output = texts[row].strip()
            if attention is None:
                continue
            source_tokens = tokenizer.convert_ids_to_tokens(encoded["input_ids"][row].tolist())
            # sequences[:, 0] is the decoder start; attention row i produced token i + 1
            target_tokens = tokenizer.convert_ids_to_tokens(sequences[row, 1:].tolist())
            piece.alignment = align_words(
                attention[row][: len(target_tokens)],
                piece_word_ids(source_tokens, len(piece.text.split()), special),
                piece_word_ids(target_tokens, len(piece.output.split()), special),
            )

    @staticmethod
    def _cross_attention(model: Any, encoded: Any, sequences: Any) -> list[list[list[float]]]:
        """(batch, target, source) cross-attention of the chosen outputs, heads averaged."""
        with _eager_attention(model):
            outputs = model(
                input_ids=encoded["input_ids"],
                attention_mask=encoded["attention_mask"],
                decoder_input_ids=sequences[:, :-1],
                output_attentions=True,
            )
        layers = outputs.cross_attentions
        # the penultimate layer aligns best in encoder-decoder transformers; 1 layer: it
        layer = layers[max(0, len(layers) - 2)]
        averaged: list[list[list[float]]] = layer.float().mean(dim=1).cpu().tolist()
        return averaged
