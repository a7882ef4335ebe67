"""Russian morphology (pymorphy3): one analyser per process, shared by every check.

Each analyser holds its own copy of the dictionary (~20 MiB resident); the names, numbers
and quote checks each built one.
"""

from __future__ import annotations

from functools import cache
from typing import Any

__all__ = ["russian_analyser"]


@cache
def russian_analyser() -> Any:
    # Imported on first use: the dictionary takes a moment to load.
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")
