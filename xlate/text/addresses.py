"""Web and e-mail addresses in running text: carried over verbatim, never words to check."""

from __future__ import annotations

import re

URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"«»“”]+|"
    r"\b(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|info|io|es|ru|uk|de|fr|mx|ar|co)\b(?:/[^\s<>\"«»“”]*)?",
    re.IGNORECASE,
)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")


def without_addresses(text: str) -> str:
    """``text`` with each web and e-mail address replaced by a space."""
    return EMAIL.sub(" ", URL.sub(" ", text))
