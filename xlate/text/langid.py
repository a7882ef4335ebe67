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


# lingua's low-accuracy mode (trigram models only) loads in a tenth of the time and memory
# of the high-accuracy one (0.2 s and ~30 MiB for the seven Latin-script languages, against
# 2-4 s and ~170 MiB). Where high accuracy gives a language less than 0.1 (the doubt the
# wrong-language check acts on), low accuracy gave it at most 0.13 on newstest2012's en/es/ru
# lines and Apertium's en<->es output (12,367 sentences); at this much, a sentence is taken
# to be in the language without asking the high-accuracy models.
_SURE_LOW_ACCURACY = 0.5


@lru_cache(maxsize=4)
def _detector(codes: tuple[str, ...], low_accuracy: bool = False) -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
    builder = LanguageDetectorBuilder.from_languages(*languages)
    return (builder.with_low_accuracy_mode() if low_accuracy else builder).build()


def _codes(wide: bool) -> tuple[str, ...]:
    return tuple(sorted(SUPPORTED + (_NEIGHBOURS if wide else ())))


def language_scores(text: str, wide: bool = False) -> dict[str, float]:
    """Confidence per language code (summing to 1) among xlate's languages.

    With ``wide``, close neighbours are candidates too, so Portuguese or Ukrainian output
    is recognised as such instead of being forced into es or ru.
    """
    values = _detector(_codes(wide)).compute_language_confidence_values(text)
    return {v.language.iso_code_639_1.name.lower(): float(v.value) for v in values}


def surely_in(text: str, lang: str, wide: bool = False) -> bool:
    """Is ``text`` clearly in ``lang`` by lingua's low-accuracy models (see
    ``_SURE_LOW_ACCURACY``)? A quick answer before :func:`language_scores` for the few
    sentences in doubt."""
    from lingua import IsoCode639_1, Language

    language = Language.from_iso_code_639_1(getattr(IsoCode639_1, lang.upper()))
    detector = _detector(_codes(wide), low_accuracy=True)
    return bool(detector.compute_language_confidence(text, language) >= _SURE_LOW_ACCURACY)


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
