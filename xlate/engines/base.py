"""The one protocol every translation engine implements, and the base classes behind it.

Facts come in two kinds:

* Per translator (an instance): ``info``, ``translate_batch`` and ``close``, plus two hooks
  that a wrapper such as the translation cache fills in: ``lookup`` (translations already
  known, without translating) and ``remember`` (keep translations made elsewhere, on a Ray
  worker say, where ``lookup`` finds them). An engine knows none and keeps none, so callers
  ask every translator the same way and never need to know which one is the cache.
* Per engine (its class, asked before or without building one): ``uses_gpu(options)``
  (where a Ray run places its workers) and the model hooks behind ``xlate models list``,
  ``pull`` and ``path``. Only the engine knows these, so nothing outside ``xlate.engines``
  keeps a list of engine names.

:class:`BaseTranslator` gives a translator the instance defaults and makes it a context
manager (``with create_engine("hf") as engine: ...`` closes it); :class:`Engine` adds the
class-level defaults. Engines subclass ``Engine``; a third-party class written to the bare
protocol gets ``Engine``'s defaults from the registry (:func:`xlate.engines.engine_class`).
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Protocol, runtime_checkable

from xlate.errors import ConfigError
from xlate.translation import Candidate, EngineInfo, Translation


@dataclass(frozen=True)
class EngineOptions:
    """Options common to engines; each engine uses the ones that apply to it."""

    model: str | None = None  # a model id, a local directory, or engine-specific
    device: str = "auto"  # auto | cpu | cuda
    beams: int = 4
    batch_size: int | None = None  # sentences per batch; None: by token budget
    max_batch_tokens: int = 4096
    workers: int | None = None


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


@dataclass(frozen=True)
class Pulled:
    """A model now on this machine (``already``: it was there before the pull)."""

    spec: str
    path: Path
    already: bool


Announce = Callable[[str], None]  # one line of news for the user (``downloading ...``)


@runtime_checkable
class Translator(Protocol):
    """Translate batches of sentences from one language to another."""

    name: str

    def info(self, src: str, tgt: str) -> EngineInfo:
        """The engine, model id and settings used for this direction."""
        ...

    def translate_batch(
        self,
        sentences: Sequence[str],
        src: str,
        tgt: str,
        *,
        alignments: bool = False,
    ) -> list[Translation]:
        """Translate ``sentences`` (same order, same length). Raises EngineError."""
        ...

    def lookup(
        self, sentences: Sequence[str], src: str, tgt: str, *, alignments: bool = False
    ) -> dict[str, Translation]:
        """The translations of ``sentences`` known without translating, by sentence."""
        ...

    def remember(
        self,
        translations: Mapping[str, Translation],
        src: str,
        tgt: str,
        *,
        alignments: bool = False,
    ) -> None:
        """Keep translations made elsewhere, so that ``lookup`` finds them."""
        ...

    def translate_candidates(
        self, sentences: Sequence[str], src: str, tgt: str, n: int
    ) -> list[list[Candidate]]:
        """Up to ``n`` hypotheses per sentence, best first (at least one each)."""
        ...

    def translate_keeping(
        self, sentences: Sequence[str], src: str, tgt: str, keep: Sequence[Sequence[str]]
    ) -> list[Translation]:
        """Translate ``sentences`` leaving the terms ``keep[i]`` of sentence i as written."""
        ...

    def close(self) -> None:
        """Release models, processes and memory."""
        ...


class BaseTranslator(ABC):
    """What every translator has unless it says otherwise: nothing known beforehand,
    nothing kept, nothing to release; ``with`` closes it. Subclasses supply ``name``,
    ``info`` and ``translate_batch``."""

    name: str

    @abstractmethod
    def info(self, src: str, tgt: str) -> EngineInfo: ...

    @abstractmethod
    def translate_batch(
        self, sentences: Sequence[str], src: str, tgt: str, *, alignments: bool = False
    ) -> list[Translation]: ...

    def lookup(
        self, sentences: Sequence[str], src: str, tgt: str, *, alignments: bool = False
    ) -> dict[str, Translation]:
        return {}

    def remember(  # noqa: B027  (a default that does nothing, not an abstract method)
        self,
        translations: Mapping[str, Translation],
        src: str,
        tgt: str,
        *,
        alignments: bool = False,
    ) -> None:
        pass

    def translate_candidates(
        self, sentences: Sequence[str], src: str, tgt: str, n: int
    ) -> list[list[Candidate]]:
        """One hypothesis, unscored: what an engine without an n-best list has."""
        return [[Candidate(t.text)] for t in self.translate_batch(sentences, src, tgt)]

    def translate_keeping(
        self, sentences: Sequence[str], src: str, tgt: str, keep: Sequence[Sequence[str]]
    ) -> list[Translation]:
        """Translate around the kept terms: the stretches between them are translated and
        the terms put back as written. Works with any engine (no model needs to copy a
        placeholder); an engine with markup for untranslatable text overrides it."""
        splits = [split_on_terms(s, terms) for s, terms in zip(sentences, keep, strict=True)]
        stretches = list(
            dict.fromkeys(p for parts in splits for p, kept in parts if not kept and _wordy(p))
        )
        done = dict(zip(stretches, self.translate_batch(stretches, src, tgt), strict=True))
        out = []
        for parts in splits:
            text = ""
            for part, kept in parts:
                piece = done[part].text if part in done and not kept else part
                # punctuation after a kept term stays attached to it
                text += piece if not text or piece[:1] in _ATTACHED else " " + piece
            out.append(Translation(text=text))
        return out

    def close(self) -> None:  # noqa: B027  (as above)
        pass

    def __enter__(self) -> BaseTranslator:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def term_pattern(terms: Sequence[str]) -> re.Pattern[str] | None:
    """A regex finding any of ``terms`` as whole words, longest first, any case."""
    wanted = sorted({t for t in terms if t.strip()}, key=len, reverse=True)
    if not wanted:
        return None
    alternatives = "|".join(re.escape(t) for t in wanted)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def split_on_terms(sentence: str, terms: Sequence[str]) -> list[tuple[str, bool]]:
    """``sentence`` cut into stretches, each ``(text, kept)``: the occurrences of ``terms``
    (longest first, whole words) are kept, the text between them is not; empty stretches
    and the spaces around terms are dropped."""
    pattern = term_pattern(terms)
    if pattern is None:
        return [(sentence, False)]
    parts: list[tuple[str, bool]] = []
    pos = 0
    for match in pattern.finditer(sentence):
        before = sentence[pos : match.start()].strip()
        if before:
            parts.append((before, False))
        parts.append((match.group(0), True))
        pos = match.end()
    rest = sentence[pos:].strip()
    if rest:
        parts.append((rest, False))
    return parts


# Punctuation that follows a word without a space.
_ATTACHED = frozenset(",.;:!?)]}»”’…")


def _wordy(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


class Engine(BaseTranslator):
    """An engine: a translator plus what its class knows before one is built.

    Subclasses set ``name`` and take an ``EngineOptions`` as their one argument; they
    override the class methods that apply to them.
    """

    def __init__(self, options: EngineOptions | None = None) -> None:
        self.options = options or EngineOptions()

    @classmethod
    def uses_gpu(cls, options: EngineOptions) -> bool:
        """Whether a translator built with ``options`` runs on a GPU when there is one."""
        return False

    @classmethod
    def model_entries(cls, pairs: Sequence[tuple[str, str]]) -> list[ModelEntry]:
        """A row per direction of ``pairs`` the engine can translate (``models list``)."""
        return []

    @classmethod
    def pull_models(cls, items: Sequence[str], announce: Announce | None = None) -> list[Pulled]:
        """Fetch the models for ``items`` (pairs like ``en-es`` or model ids) for offline use."""
        raise ConfigError(f"engine {cls.name!r} has no models to pull")

    @classmethod
    def model_path(cls, item: str) -> Path:
        """Where the model for a pair or model id lives here; ModelUnavailableError if not."""
        raise ConfigError(f"engine {cls.name!r} keeps no model files: nothing to locate")
