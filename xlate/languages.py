"""The languages xlate handles and the checks on user-given codes."""

from __future__ import annotations

from xlate.errors import LanguageError

SUPPORTED: tuple[str, ...] = ("en", "es", "ru")

NAMES: dict[str, str] = {"en": "English", "es": "Spanish", "ru": "Russian"}


def check_language(code: str) -> str:
    """Return the normalised code, or raise LanguageError naming the supported ones."""
    norm = code.strip().lower()
    if norm not in SUPPORTED:
        raise LanguageError(f"unsupported language {code!r}: xlate handles {', '.join(SUPPORTED)}")
    return norm


def check_pair(src: str, tgt: str) -> tuple[str, str]:
    """Validate a translation direction between two supported, different languages."""
    s, t = check_language(src), check_language(tgt)
    if s == t:
        raise LanguageError(f"source and target are both {s!r}: pick two different languages")
    return s, t


def parse_targets(value: str, src: str | None = None) -> list[str]:
    """Parse ``es,ru`` into checked codes, keeping order and dropping repeats."""
    out: list[str] = []
    for part in value.split(","):
        if not part.strip():
            continue
        code = check_language(part)
        if src is not None and code == src:
            raise LanguageError(f"target {code!r} is the source language: pick another target")
        if code not in out:
            out.append(code)
    if not out:
        raise LanguageError("no target language given: use --to es,ru for example")
    return out
