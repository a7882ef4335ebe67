"""The ``hf`` engine: transformers seq2seq models (opus-mt by default, NLLB-200, M2M100).

torch and transformers are imported when a model is first needed, never at import time
of the CLI. Models load once per process (a cache keyed by directory, device and dtype),
so a round trip or a batch of articles pays the load once per direction.

Throughput: distinct sentences only; sorted by token length and batched by a padded-token
budget (``max_batch_tokens``) unless ``batch_size`` is given; ``torch.inference_mode``;
fp16 on CUDA; CPU threads set to the cores this process may use. Sentences longer than
the model's positions are split (see :mod:`xlate.engines.chunking`), never truncated.

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
from typing import Any

from ..errors import ConfigError, EngineError, ModelUnavailableError
from ..languages import check_pair
from ..models import LanguageCodes, ResolvedModel, detect_family, language_codes, resolve_model
from .alignment import align_words, piece_word_ids, shift_pairs
from .base import EngineInfo, EngineOptions, Translation
from .chunking import plan_batches, split_to_fit

DEVICES = ("auto", "cpu", "cuda")

# Output length bound: translations rarely run past twice the source tokens, and a bound
# stops a degenerate repetition early instead of at the model's 512 positions.
OUTPUT_TOKENS_PER_SOURCE_TOKEN = 2
OUTPUT_TOKENS_SLACK = 10


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
    affinity = getattr(os, "sched_getaffinity", None)
    cores = len(affinity(0)) if affinity else (os.cpu_count() or 1)
    torch.set_num_threads(max(1, cores))
    _THREADS_SET = True


def _quiet_transformers() -> None:
    """Progress bars and advice from transformers would break the one-line stderr rule."""
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()


def resolve_device(requested: str) -> str:
    """``auto`` -> cuda when available, else cpu; ``cuda`` without a GPU is an error."""
    import torch

    if requested not in DEVICES:
        raise ConfigError(f"unknown device {requested!r}: choose one of {', '.join(DEVICES)}")
    if requested == "cpu":
        return "cpu"
    if torch.cuda.is_available():
        return "cuda"
    if requested == "cuda":
        raise ConfigError("--device cuda asked for, but torch sees no CUDA GPU: use --device cpu")
    return "cpu"


def _dtype_name(device: str) -> str:
    # fp16 keeps more mantissa than bf16, and these fp32-trained translation models run
    # in it without overflow; CPUs gain little from half precision, so they keep fp32.
    return "float16" if device == "cuda" else "float32"


def _model_limit(model: Any, tokenizer: Any) -> int:
    limits = [getattr(model.config, "max_position_embeddings", None)]
    tok_max = getattr(tokenizer, "model_max_length", None)
    if isinstance(tok_max, int) and tok_max < 1_000_000:  # "no limit" is a huge sentinel
        limits.append(tok_max)
    known = [n for n in limits if isinstance(n, int) and n > 0]
    return min(known) if known else 512


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
            first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise ModelUnavailableError(
                f"cannot load model {resolved.name!r} from {resolved.path}: {first}"
            ) from None
        model.to(device).eval()
        loaded = LoadedModel(
            model=model,
            tokenizer=tokenizer,
            family=detect_family(resolved.path),
            device=device,
            dtype=dtype,
            max_tokens=_model_limit(model, tokenizer),
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


@dataclass
class _Piece:
    """One piece to translate: a whole sentence, or part of an over-long one."""

    sentence: int  # index into the distinct sentences
    text: str
    tokens: int
    output: str = ""
    alignment: tuple[tuple[int, int], ...] | None = None


class HFTranslator:
    """Translate with a transformers seq2seq model; see the module docstring."""

    name = "hf"

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
        self._resolved: dict[tuple[str, str], ResolvedModel] = {}
        self._device: str | None = None
        self.sentences_generated = 0  # pieces sent to the model, for tests and stats
        self.batches_generated = 0

    # --- protocol ------------------------------------------------------------------------

    def info(self, src: str, tgt: str) -> EngineInfo:
        resolved = self._resolve(src, tgt)
        device = self._get_device()
        batching = (
            f"batch_size={self.options.batch_size}"
            if self.options.batch_size
            else f"max_batch_tokens={self.options.max_batch_tokens}"
        )
        return EngineInfo(
            engine=self.name,
            model=resolved.name,
            revision=resolved.revision,
            settings={
                "beams": self.options.beams,
                "device": device,
                "dtype": _dtype_name(device),
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
            loaded = load_model(self._resolve(src, tgt), self._get_device())
            codes = self._codes(loaded, src, tgt)
            with loaded.lock:
                results.update(
                    self._translate_texts(
                        loaded, codes, [(i, texts[i]) for i in wanted], alignments
                    )
                )
        return [results[distinct[s]] for s in sentences]

    def close(self) -> None:
        # Models stay in the process cache for the next translator (the back-translation
        # of a round trip, the next article of a batch); clear_model_cache() frees them.
        self._resolved.clear()

    # --- internals -----------------------------------------------------------------------

    def _resolve(self, src: str, tgt: str) -> ResolvedModel:
        if (src, tgt) not in self._resolved:
            self._resolved[(src, tgt)] = resolve_model(self.options.model, src, tgt)
        return self._resolved[(src, tgt)]

    def _get_device(self) -> str:
        if self._device is None:
            self._device = resolve_device(self.options.device)
        return self._device

    def _codes(self, loaded: LoadedModel, src: str, tgt: str) -> LanguageCodes:
        vocabulary: set[str] = set()
        if loaded.family == "marian":
            vocabulary = {t for t in loaded.tokenizer.get_vocab() if t.startswith(">>")}
        codes = language_codes(loaded.family, src, tgt, vocabulary)
        tokenizer = loaded.tokenizer
        if codes.src_lang is not None:
            tokenizer.src_lang = codes.src_lang
        if codes.target_token is not None:
            target_id = tokenizer.convert_tokens_to_ids(codes.target_token)
            if target_id is None or target_id == tokenizer.unk_token_id:
                raise EngineError(
                    f"the model has no language token {codes.target_token!r} for {tgt!r}"
                )
        return codes

    def _count(self, loaded: LoadedModel, codes: LanguageCodes, text: str) -> int:
        ids = loaded.tokenizer(codes.source_prefix + text, add_special_tokens=True)["input_ids"]
        return len(ids)

    def _translate_texts(
        self,
        loaded: LoadedModel,
        codes: LanguageCodes,
        items: Sequence[tuple[int, str]],
        alignments: bool,
    ) -> dict[int, Translation]:
        pieces: list[_Piece] = []
        parts: dict[int, list[_Piece]] = {}
        for index, text in items:
            for chunk in split_to_fit(
                text, lambda t: self._count(loaded, codes, t), loaded.max_tokens
            ):
                piece = _Piece(index, chunk, self._count(loaded, codes, chunk))
                pieces.append(piece)
                parts.setdefault(index, []).append(piece)
        batches = plan_batches(
            [p.tokens for p in pieces],
            max_tokens=self.options.max_batch_tokens,
            batch_size=self.options.batch_size,
            beams=self.options.beams,
        )
        for batch in batches:
            self._generate(loaded, codes, [pieces[i] for i in batch], alignments)
        return {
            index: _join(dict(items)[index], group, alignments) for index, group in parts.items()
        }

    def _generate(
        self, loaded: LoadedModel, codes: LanguageCodes, batch: list[_Piece], alignments: bool
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
        source_len = int(encoded["input_ids"].shape[1])
        kwargs: dict[str, Any] = {
            "num_beams": self.options.beams,
            "max_length": min(
                loaded.max_tokens,
                OUTPUT_TOKENS_PER_SOURCE_TOKEN * source_len + OUTPUT_TOKENS_SLACK,
            ),
        }
        if self.options.beams == 1:
            kwargs["do_sample"] = False
        forced: set[int] = set()
        if codes.target_token is not None:
            kwargs["forced_bos_token_id"] = tokenizer.convert_tokens_to_ids(codes.target_token)
            forced.add(kwargs["forced_bos_token_id"])
        try:
            with torch.inference_mode():
                sequences = model.generate(**encoded, **kwargs)
                # the language token is not "special" in every tokenizer: drop it by id
                texts = tokenizer.batch_decode(
                    [[t for t in row if t not in forced] for row in sequences.tolist()],
                    skip_special_tokens=True,
                )
                attention = self._cross_attention(model, encoded, sequences) if alignments else None
        except torch.cuda.OutOfMemoryError:
            if len(batch) == 1:
                raise EngineError(
                    "out of GPU memory on a single sentence: use --device cpu"
                ) from None
            torch.cuda.empty_cache()
            half = len(batch) // 2
            self._generate(loaded, codes, batch[:half], alignments)
            self._generate(loaded, codes, batch[half:], alignments)
            return
        self.sentences_generated += len(batch)
        self.batches_generated += 1
        special = set(tokenizer.all_special_tokens) | {
            t for t in (codes.source_prefix.strip(), codes.src_lang, codes.target_token) if t
        }
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


def _join(source: str, group: list[_Piece], alignments: bool) -> Translation:
    """One sentence's translation from its pieces, with word indices made whole again."""
    text = " ".join(p.output for p in group if p.output)
    if len(group) == 1:
        piece = group[0]
        return Translation(text=text, alignment=piece.alignment if alignments else None)
    alignment: tuple[tuple[int, int], ...] | None = None
    if alignments:
        pairs: list[tuple[int, int]] = []
        source_offset = target_offset = 0
        for piece in group:
            pairs += shift_pairs(piece.alignment or (), source_offset, target_offset)
            source_offset += len(piece.text.split())
            target_offset += len(piece.output.split())
        # a single over-long word cut by characters counts twice; keep pairs in range
        n_source, n_target = len(source.split()), len(text.split())
        alignment = tuple((s, t) for s, t in pairs if s < n_source and t < n_target)
    note = f"split into {len(group)} parts: longer than the model's limit"
    return Translation(text=text, alignment=alignment, notes=(note,))
