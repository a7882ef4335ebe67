"""Language identification that holds up on one short sentence (lingua)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from xlate.errors import LanguageError
from xlate.languages import SUPPORTED

# Languages that news MT output wrongly lands in, besides ours: close neighbours
# (pt/it/ca for Spanish, uk/bg/be for Russian) and the big pivots.
_NEIGHBOURS = ("pt", "it", "ca", "fr", "de", "uk", "bg", "be")

_MIN_CONFIDENCE = 0.6


@lru_cache(maxsize=2)
def _detector(codes: tuple[str, ...]) -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def language_scores(text: str, wide: bool = False) -> dict[str, float]:
    """Confidence per language code (summing to 1) among xlate's languages.

    With ``wide``, close neighbours are candidates too, so Portuguese or Ukrainian output
    is recognised as such instead of being forced into es or ru.
    """
    codes = tuple(sorted(SUPPORTED + (_NEIGHBOURS if wide else ())))
    values = _detector(codes).compute_language_confidence_values(text)
    return {v.language.iso_code_639_1.name.lower(): float(v.value) for v in values}


def detect_language(text: str, min_confidence: float = _MIN_CONFIDENCE) -> str | None:
    """The most likely of en/es/ru, or None when the text does not say clearly."""
    sample = text[:5000]
    if not any(ch.isalpha() for ch in sample):
        return None
    scores = language_scores(sample)
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= min_confidence else None


def require_language(text: str) -> str:
    """Detect the language of an input or raise a LanguageError telling the user to say it."""
    code = detect_language(text)
    if code is None:
        raise LanguageError(
            "cannot tell the source language with confidence: give it with --from en|es|ru"
        )
    return code
