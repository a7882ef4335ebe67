"""The one protocol every translation engine implements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from xlate.translation import EngineInfo, Translation


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
