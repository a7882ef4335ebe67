"""The one protocol every translation engine implements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable


@dataclass(frozen=True)
class Translation:
    """One translated sentence.

    ``alignment`` links words of the source sentence to words of ``text`` as
    ``(source_word, target_word)`` index pairs, where words are ``str.split()`` tokens
    of the source sentence and of ``text``. Engines fill it only when asked and able.
    ``unknown_words`` are source words the engine could not translate (Apertium's ``*``
    marks); ``notes`` say what the engine had to do (split an over-long sentence, ...).
    """

    text: str
    alignment: tuple[tuple[int, int], ...] | None = None
    unknown_words: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class EngineInfo:
    """What produced a translation: stored in reports and cache keys."""

    engine: str
    model: str
    revision: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)

    def key(self) -> str:
        """A stable string for cache keys."""
        items = ",".join(f"{k}={self.settings[k]}" for k in sorted(self.settings))
        return f"{self.engine}|{self.model}|{self.revision or ''}|{items}"


@dataclass(frozen=True)
class EngineOptions:
    """Options common to engines; each engine uses the ones that apply to it."""

    model: str | None = None  # a model id, a local directory, or engine-specific
    device: str = "auto"  # auto | cpu | cuda
    beams: int = 4
    batch_size: int | None = None  # sentences per batch; None: by token budget
    max_batch_tokens: int = 4096
    workers: int | None = None


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

    def close(self) -> None:
        """Release models, processes and memory."""
        ...
