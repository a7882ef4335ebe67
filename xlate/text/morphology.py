"""Russian morphology (pymorphy3): one analyser per process, shared by every check.

Each analyser holds its own copy of the dictionary (~20 MiB resident); the names, numbers
and quote checks each built one.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

__all__ = ["ru_parses", "russian_analyser"]


@cache
def russian_analyser() -> Any:
    # Imported on first use: the dictionary takes a moment to load.
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=4096)
def ru_parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's readings of ``word``, best first. Cached here, once for every check: the
    names, numbers, quote and negation checks each ask of the same words (ru-en: 6,853
    asks of 4,896 words, mostly of one sentence), and each parse walks the dictionary's DAWG
    in Python. Small: the readings hold the dictionary's method stacks."""
    return tuple(russian_analyser().parse(word))
