"""The data files under ``xlate/data`` (word lists and tables), each read once on first use.

Keys starting with ``_`` say what a file holds and where its entries come from; readers
skip them.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def data_json(name: str) -> dict[str, Any]:
    """The JSON object of ``xlate/data/NAME``, without its ``_`` (about) keys."""
    text = (files("xlate") / "data" / name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return {key: value for key, value in data.items() if not key.startswith("_")}
