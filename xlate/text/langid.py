"""Language identification that holds up on one short sentence (lingua)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from xlate.errors import LanguageError
from xlate.languages import SUPPORTED

# Languages that news MT output wrongly lands in, besides ours: close neighbours
# (pt/it/ca for Spanish, uk/bg/be for Russian) and the big pivots.
_NEIGHBOURS = ("pt", "it", "ca", "fr", "de", "uk", "bg", "be")
# What a wrong-language flag calls them ("reads as Portuguese", not "reads as pt").
NEIGHBOUR_NAMES = {
    "pt": "Portuguese", "it": "Italian", "ca": "Catalan", "fr": "French",
    "de": "German", "uk": "Ukrainian", "bg": "Bulgarian", "be": "Belarusian",
}  # fmt: skip

_MIN_CONFIDENCE = 0.6


# lingua's low-accuracy mode (trigram models only) loads in a tenth of the time and memory
# of the high-accuracy one (0.2 s and ~30 MiB for the seven Latin-script languages, against
# 2-4 s and ~170 MiB). Where high accuracy gives a language less than 0.1 (the doubt the
# wrong-language check acts on), low accuracy gave it at most 0.13 on newstest2012's en/es/ru
# lines and Apertium's en<->es output (12,367 sentences); at this much, a sentence is taken
# to be in the language without asking the high-accuracy models.
_SURE_LOW_ACCURACY = 0.5

# ``xlate check`` hands the high-accuracy models back once the wrong-language check is
# through its one document (``one_document``); a long-lived process (batch, whose workers
# share models loaded before they fork; a library caller) keeps them.
_release_after_document = False
_high_accuracy: list[Any] = []  # the high-accuracy detectors built so far


@lru_cache(maxsize=8)
def _detector(codes: tuple[str, ...], low_accuracy: bool = False) -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
    builder = LanguageDetectorBuilder.from_languages(*languages)
    if low_accuracy:
        return builder.with_low_accuracy_mode().build()
    detector = builder.build()
    _high_accuracy.append(detector)
    return detector


def _codes(wide: bool) -> tuple[str, ...]:
    return tuple(sorted(SUPPORTED + (_NEIGHBOURS if wide else ())))


def language_scores(text: str, wide: bool = False) -> dict[str, float]:
    """Confidence per language code (summing to 1) among xlate's languages.

    With ``wide``, close neighbours are candidates too, so Portuguese or Ukrainian output
    is recognised as such instead of being forced into es or ru.
    """
    answered = _answered_ahead.get((text, wide))
    if answered is not None:
        return dict(answered)
    codes = _codes(wide)
    if _latin_only(text):
        codes = tuple(c for c in codes if c not in _CYRILLIC)
    values = _detector(codes).compute_language_confidence_values(text)
    scores = [(v.language, float(v.value)) for v in values]
    if len(codes) < len(_codes(wide)):
        scores = _with_cyrillic_zeros(scores, wide)
    return {language.iso_code_639_1.name.lower(): value for language, value in scores}


# The candidates written in Cyrillic. lingua gives them 0 for a text with no Cyrillic letter
# (its rules keep only the languages of a text's alphabet), but the high-accuracy models of
# all of them are loaded to say so: ~0.35 s of the ~1.7 s a check with an English or
# Spanish translation spends loading models for its sentences in doubt.
_CYRILLIC = frozenset({"ru", "uk", "bg", "be"})


def _latin_only(text: str) -> bool:
    """Are all of the letters of ``text`` Latin (Basic Latin to Latin Extended-B, and
    Latin Extended Additional)?"""
    return all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) < 0x1F00 for ch in text if ch.isalpha())


def _with_cyrillic_zeros(scores: list[tuple[Any, float]], wide: bool) -> list[tuple[Any, float]]:
    """A Latin-only detector's answer as the whole detector gives it: the languages with a
    confidence, best first, then every language at 0 in lingua's order (by name). The
    values agree with the whole detector's to within rounding (~1e-15: lingua sums in
    another order), on the 10,736 Latin-script lines and samples of newstest2012 en/es."""
    from lingua import IsoCode639_1, Language

    cyrillic = [
        Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper()))
        for c in _codes(wide)
        if c in _CYRILLIC
    ]
    zeros = sorted([language for language, value in scores if value == 0.0] + cyrillic)
    return [item for item in scores if item[1] != 0.0] + [(language, 0.0) for language in zeros]


# The high-accuracy answers of ``scores_ahead``: (text, wide) -> scores.
_answered_ahead: dict[tuple[str, bool], dict[str, float]] = {}


@contextmanager
def scores_ahead(texts: Iterable[str], wide: bool = False) -> Iterator[None]:
    """Ask the high-accuracy models about ``texts`` now, hand the models back, and answer
    :func:`language_scores` on those texts from what they said, within. For a check read
    part by part: its few sentences in doubt come from anywhere in the input, and keeping
    ~170 MiB of models loaded for them all the way through is most of its peak memory."""
    before = dict(_answered_ahead)
    try:
        for text in texts:
            if (text, wide) not in _answered_ahead:
                _answered_ahead[text, wide] = language_scores(text, wide)
        _unload_high_accuracy()
        yield
    finally:
        _answered_ahead.clear()
        _answered_ahead.update(before)


# Cached: a check read part by part asks of each sentence twice, once looking ahead for the
# sentences in doubt (``scores_ahead``) and once in the wrong-language check; a document
# of up to this many sentences asks lingua once (~0.1 ms and ~0.3 KB a sentence).
@lru_cache(maxsize=4096)
def surely_in(text: str, lang: str, wide: bool = False) -> bool:
    """Is ``text`` clearly in ``lang`` by lingua's low-accuracy models (see
    ``_SURE_LOW_ACCURACY``)? A quick answer before :func:`language_scores` for the few
    sentences in doubt."""
    from lingua import IsoCode639_1, Language

    language = Language.from_iso_code_639_1(getattr(IsoCode639_1, lang.upper()))
    detector = _detector(_codes(wide), low_accuracy=True)
    return bool(detector.compute_language_confidence(text, language) >= _SURE_LOW_ACCURACY)


@contextmanager
def one_document() -> Iterator[None]:
    """Within, :func:`release_models` unloads the high-accuracy models: for a process that
    checks one document, where they are ~170 MiB of a 3,003-line check's peak memory
    that nothing after the wrong-language check needs."""
    global _release_after_document
    before, _release_after_document = _release_after_document, True
    try:
        yield
    finally:
        _release_after_document = before


def release_models() -> None:
    """The wrong-language check is through a document: unload the high-accuracy models
    inside :func:`one_document` (they load again, lazily, should a sentence need them)."""
    if _release_after_document:
        _unload_high_accuracy()


def _unload_high_accuracy() -> None:
    if not _high_accuracy:
        return
    for detector in _high_accuracy:
        detector.unload_language_models()
    _return_freed_memory()


def _return_freed_memory() -> None:
    """glibc keeps what lingua frees in its heap (~85 of the ~170 MiB stay resident);
    ``malloc_trim`` gives it back to the system. Elsewhere there is nothing to do."""
    import ctypes

    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):
        return
    trim(0)


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
