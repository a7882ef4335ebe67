"""What the neural engines (``hf``, ``ct2``) share, so that both segment, split, batch and
report alike and differ only in how a model is loaded and run.

:class:`NeuralTranslator` holds the translation pipeline: options checked, distinct
sentences only, empty ones skipped, over-long ones split to fit the model (see
:mod:`xlate.engines.chunking`), pieces batched by padded tokens, each batch handed to the
engine's ``_generate``, pieces joined back into one :class:`Translation` per sentence (with
a note when split) and the caller's order restored. An engine supplies the hooks:
``_find_model`` (where a direction's model is), ``_load`` (that model with its tokenizer,
see :class:`LoadedNeural`), ``_generate``, ``_describe`` (its part of ``info``) and
``_resolve_device``. Both run on a GPU when there is one (unless ``--device cpu``) and
start from the same Hugging Face models, which ``xlate models pull`` fetches for either.

Nothing here imports torch or ctranslate2: the CLI imports the engines lazily, and this
module stays cheap.
"""

from __future__ import annotations

import os
import threading
from abc import abstractmethod
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from xlate.engines.alignment import shift_pairs
from xlate.engines.base import Announce, Engine, EngineOptions, Pulled
from xlate.engines.chunking import plan_batches, split_to_fit
from xlate.engines.hub_catalog import pull_hub_models
from xlate.engines.models import LanguageCodes, language_codes
from xlate.errors import ConfigError, EngineError
from xlate.languages import check_pair
from xlate.translation import Candidate, EngineInfo, Translation

DEVICES = ("auto", "cpu", "cuda")

# Output length bound: translations rarely run past twice the source tokens, and a bound
# stops a degenerate repetition early instead of at the model's 512 positions.
OUTPUT_TOKENS_PER_SOURCE_TOKEN = 2
OUTPUT_TOKENS_SLACK = 10

DEFAULT_MAX_TOKENS = 512  # when neither the model nor its tokenizer states a limit


def first_line(err: BaseException) -> str:
    """The first line of an exception's message (its type name when it has none)."""
    message = str(err).strip()
    return message.splitlines()[0] if message else type(err).__name__


def usable_cores() -> int:
    """The CPU cores this process may run on."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else (os.cpu_count() or 1)


def check_options(options: EngineOptions) -> None:
    """Reject option values no neural engine can use (one clear line each)."""
    if options.device not in DEVICES:
        raise ConfigError(f"unknown device {options.device!r}: choose one of {', '.join(DEVICES)}")
    if options.beams < 1:
        raise ConfigError("beams must be at least 1")
    if options.batch_size is not None and options.batch_size < 1:
        raise ConfigError("batch size must be at least 1")


def pick_device(requested: str, cuda_available: Callable[[], bool], runtime: str) -> str:
    """``auto`` -> cuda when ``runtime`` sees a GPU, else cpu; ``cuda`` without one: error."""
    if requested not in DEVICES:
        raise ConfigError(f"unknown device {requested!r}: choose one of {', '.join(DEVICES)}")
    if requested == "cpu":
        return "cpu"
    if cuda_available():
        return "cuda"
    if requested == "cuda":
        raise ConfigError(
            f"--device cuda asked for, but {runtime} sees no CUDA GPU: use --device cpu"
        )
    return "cpu"


def batching_label(options: EngineOptions) -> str:
    """How sentences are batched, as ``info`` reports it."""
    if options.batch_size:
        return f"batch_size={options.batch_size}"
    return f"max_batch_tokens={options.max_batch_tokens}"


def token_limit(tokenizer: Any, model_positions: int | None) -> int:
    """The most source tokens (special ones included) the model and its tokenizer take."""
    limits = [model_positions]
    tok_max = getattr(tokenizer, "model_max_length", None)
    if isinstance(tok_max, int) and tok_max < 1_000_000:  # "no limit" is a huge sentinel
        limits.append(tok_max)
    known = [n for n in limits if isinstance(n, int) and n > 0]
    return min(known) if known else DEFAULT_MAX_TOKENS


def tokenizer_language_codes(tokenizer: Any, family: str, src: str, tgt: str) -> LanguageCodes:
    """The model's language codes for the direction, set on the tokenizer, checked."""
    vocabulary: set[str] = set()
    if family == "marian":
        vocabulary = {t for t in tokenizer.get_vocab() if t.startswith(">>")}
    codes = language_codes(family, src, tgt, vocabulary)
    if codes.src_lang is not None:
        tokenizer.src_lang = codes.src_lang
    if codes.target_token is not None:
        target_id = tokenizer.convert_tokens_to_ids(codes.target_token)
        if target_id is None or target_id == tokenizer.unk_token_id:
            raise EngineError(f"the model has no language token {codes.target_token!r} for {tgt!r}")
    return codes


def source_ids(tokenizer: Any, codes: LanguageCodes, text: str) -> list[int]:
    """The token ids the model reads for ``text``: language prefix and special tokens in."""
    ids: list[int] = tokenizer(codes.source_prefix + text, add_special_tokens=True)["input_ids"]
    return ids


def special_tokens(tokenizer: Any, codes: LanguageCodes) -> Collection[str]:
    """Tokens that are no word of a sentence: the tokenizer's own and the language codes."""
    return set(tokenizer.all_special_tokens) | {
        t for t in (codes.source_prefix.strip(), codes.src_lang, codes.target_token) if t
    }


@dataclass
class Piece:
    """One piece to translate: a whole sentence, or part of an over-long one."""

    sentence: int  # index into the distinct sentences
    text: str
    ids: list[int]  # the source token ids (see source_ids)
    output: str = ""
    alignment: tuple[tuple[int, int], ...] | None = None
    # with n-best generation: (text, model score) per hypothesis, best first
    hypotheses: list[tuple[str, float | None]] = field(default_factory=list)

    @property
    def tokens(self) -> int:
        return len(self.ids)


def join_pieces(source: str, group: Sequence[Piece], alignments: bool) -> Translation:
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


class LoadedNeural(Protocol):
    """What the pipeline needs of a loaded model: its tokenizer, family, limit and lock."""

    @property
    def tokenizer(self) -> Any: ...

    @property
    def family(self) -> str: ...

    @property
    def max_tokens(self) -> int: ...

    @property
    def lock(self) -> threading.Lock: ...


LoadedT = TypeVar("LoadedT", bound=LoadedNeural)
ModelT = TypeVar("ModelT")  # where an engine finds a direction's model (before loading)


class NeuralTranslator(Engine, Generic[ModelT, LoadedT]):
    """The pipeline both neural engines run; see the module docstring for the hooks."""

    def __init__(self, options: EngineOptions | None = None) -> None:
        super().__init__(options)
        check_options(self.options)
        self._device: str | None = None
        self._models: dict[tuple[str, str], ModelT] = {}
        self.sentences_generated = 0  # pieces sent to the model, for tests and stats
        self.batches_generated = 0

    # --- what the class knows -------------------------------------------------------------

    @classmethod
    def uses_gpu(cls, options: EngineOptions) -> bool:
        return options.device != "cpu"

    @classmethod
    def pull_models(cls, items: Sequence[str], announce: Announce | None = None) -> list[Pulled]:
        return pull_hub_models(items, announce)

    # --- protocol ------------------------------------------------------------------------

    def info(self, src: str, tgt: str) -> EngineInfo:
        model, revision, settings = self._describe(src, tgt)
        return EngineInfo(
            engine=self.name,
            model=model,
            revision=revision,
            settings={
                "beams": self.options.beams,
                **settings,
                "batching": batching_label(self.options),
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
            loaded = self._load(src, tgt)
            # the lock also covers the codes: they are set on the shared tokenizer
            with loaded.lock:
                codes = tokenizer_language_codes(loaded.tokenizer, loaded.family, src, tgt)
                results.update(
                    self._translate_texts(
                        loaded, codes, [(i, texts[i]) for i in wanted], alignments
                    )
                )
        return [results[distinct[s]] for s in sentences]

    def translate_candidates(
        self, sentences: Sequence[str], src: str, tgt: str, n: int
    ) -> list[list[Candidate]]:
        """The beam's ``n`` best hypotheses with their scores (the beam widened to ``n``
        when narrower). A sentence split to fit the model has one candidate: the pieces'
        best hypotheses joined."""
        src, tgt = check_pair(src, tgt)
        texts = list(dict.fromkeys(sentences))
        wanted = [(i, t) for i, t in enumerate(texts) if t.strip()]
        out: dict[str, list[Candidate]] = {t: [Candidate("")] for t in texts}
        if wanted:
            loaded = self._load(src, tgt)
            groups: dict[int, list[Piece]] = {}
            with loaded.lock:
                codes = tokenizer_language_codes(loaded.tokenizer, loaded.family, src, tgt)
                joined = self._translate_texts(loaded, codes, wanted, False, max(1, n), groups)
            for i, text in wanted:
                group = groups[i]
                if len(group) == 1 and group[0].hypotheses:
                    out[text] = [Candidate(t, score) for t, score in group[0].hypotheses]
                else:
                    out[text] = [Candidate(joined[i].text)]
        return [out[s] for s in sentences]

    def close(self) -> None:
        # Loaded models stay in the engine's process cache for the next translator (the
        # back-translation of a round trip, the next article of a batch); the engine's
        # clear_model_cache() frees them.
        self._models.clear()

    # --- hooks ---------------------------------------------------------------------------

    @abstractmethod
    def _resolve_device(self, requested: str) -> str:
        """The device to run on for the ``--device`` asked for (see :func:`pick_device`)."""

    @abstractmethod
    def _find_model(self, src: str, tgt: str) -> ModelT:
        """Where the model for the direction is (resolved, converted); asked once each."""

    @abstractmethod
    def _describe(self, src: str, tgt: str) -> tuple[str, str | None, dict[str, Any]]:
        """The model's name, its revision and the ``info`` settings from ``device`` on."""

    @abstractmethod
    def _load(self, src: str, tgt: str) -> LoadedT:
        """The model for the direction, loaded on this translator's device."""

    @abstractmethod
    def _generate(
        self,
        loaded: LoadedT,
        codes: LanguageCodes,
        batch: list[Piece],
        alignments: bool,
        n_best: int = 1,
    ) -> None:
        """Translate one batch: set each piece's ``output`` (and ``alignment`` if asked;
        with ``n_best`` > 1, its ``hypotheses`` too)."""

    # --- internals -----------------------------------------------------------------------

    def _resolve(self, src: str, tgt: str) -> ModelT:
        if (src, tgt) not in self._models:
            self._models[(src, tgt)] = self._find_model(src, tgt)
        return self._models[(src, tgt)]

    def _get_device(self) -> str:
        if self._device is None:
            self._device = self._resolve_device(self.options.device)
        return self._device

    def _translate_texts(
        self,
        loaded: LoadedT,
        codes: LanguageCodes,
        items: Sequence[tuple[int, str]],
        alignments: bool,
        n_best: int = 1,
        groups: dict[int, list[Piece]] | None = None,
    ) -> dict[int, Translation]:
        tokenizer = loaded.tokenizer
        pieces: list[Piece] = []
        parts: dict[int, list[Piece]] = {}
        for index, text in items:
            for chunk in split_to_fit(
                text, lambda t: len(source_ids(tokenizer, codes, t)), loaded.max_tokens
            ):
                piece = Piece(index, chunk, source_ids(tokenizer, codes, chunk))
                pieces.append(piece)
                parts.setdefault(index, []).append(piece)
        batches = plan_batches(
            [p.tokens for p in pieces],
            max_tokens=self.options.max_batch_tokens,
            batch_size=self.options.batch_size,
            beams=self.options.beams,
        )
        for batch in batches:
            self._generate(loaded, codes, [pieces[i] for i in batch], alignments, n_best)
        if groups is not None:
            groups.update(parts)
        by_index = dict(items)
        return {
            index: join_pieces(by_index[index], group, alignments) for index, group in parts.items()
        }
