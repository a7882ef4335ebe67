"""The plain data engines return: a translated sentence and what produced it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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
class Candidate:
    """One of an engine's n-best hypotheses for a sentence, best first.

    ``score`` is the model's own (a length-normalised log-probability for the neural
    engines, higher is better); None where the engine has no score (Apertium, a script).
    """

    text: str
    score: float | None = None
