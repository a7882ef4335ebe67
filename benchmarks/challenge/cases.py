"""What an injector is given and what it gives back."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    """One line of a direction: the source, its translation, and their surroundings."""

    line: int  # the line of newstest2012
    source: str
    translation: str
    src: str
    tgt: str
    # The other translations of the line's document (its window of consecutive lines).
    document: tuple[str, ...] = ()
    # Translations of lines of other documents of the same half (for unrelated material).
    elsewhere: tuple[str, ...] = ()


@dataclass(frozen=True)
class Edit:
    """A translation with one injected change: the changed text, what stood, what stands."""

    text: str
    old: str
    new: str


Injector = Callable[[Case, random.Random], "Edit | None"]
