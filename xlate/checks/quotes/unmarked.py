"""Short quotes a translator rendered without their marks (titles, scare quotes, reported
speech): style, not drift, when the quote's content is there."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from xlate.checks.names import extract_names, find_name
from xlate.checks.quotes.marks import QUOTE_MARKS, Quote
from xlate.checks.quotes.match import latin
from xlate.text.words import content_words, missing_content_words

_DIGITS = re.compile(r"\d+")
# Longer quotes are a speaker's words: their marks matter.
SHORT_QUOTE_WORDS = 6
# A quote this short with nothing to check it by (no name, no number, no cognate, no
# back-translation) is a scare quote: its marks are the translator's choice.
_SCARE_QUOTE_WORDS = 4
_WORD_PIECE = re.compile(r"[^\W\d_]+")


# A translation this much shorter than its source sentence may have dropped the words.
_REPORTED_MIN_RATIO = 0.6


def _reported_speech(
    quote_text: str, text: str, src: str, translation: str, tgt: str | None
) -> bool:
    """Whether a person rendered someone's quoted words as reported speech.

    Russian and Spanish translators often drop the marks of a statement («Это провал», —
    заявил он → Он заявил, что это провал) or set it off with a dash: style, when the
    translation uses no quotation marks at all there, is about as long as the source
    sentence (the words are there) and keeps the statement's names (its numbers are
    checked by the caller). A translation that keeps other marks, or is much shorter,
    lost the quote."""
    if any(mark in translation for mark in QUOTE_MARKS if mark not in "'’"):
        return False
    if len(translation) < _REPORTED_MIN_RATIO * len(text):
        return False
    if tgt is None:  # names are matched by script: any language of the translation's script
        tgt = "ru" if re.search(r"[а-яё]", translation.lower()) else "en"
    return all(
        find_name(m.text, src, translation, tgt) is not None
        for m in extract_names(quote_text, src)
        if not m.weak
    )


def is_statement(quote: Quote, text: str) -> bool:
    """Whether a quote of ``text`` reads as someone's words rather than a title or scare quote.

    Long quotes; quotes that open a sentence or follow a colon («Это провал», — заявил он;
    he said: "No."); and quotes of four words or more ending a clause inside the marks
    ("Then you can start breaking them,") unless most of their words are capitalised (a
    title: "Great War and Modern Memory,").
    """
    words = quote.text.split()
    if len(words) > SHORT_QUOTE_WORDS:
        return True
    before = text[: quote.start].rstrip()
    if quote.depth:  # words quoted inside a quote ("... decir: "huy qué horror"")
        before = "nested"
    if not before or before[-1] in ":.!?…" or (before[-1] in QUOTE_MARKS and len(words) > 1):
        return True
    if len(words) < 4 or quote.text.rstrip()[-1:] not in ".,!?…;:":
        return False
    long_words = [w for w in words if len(w) > 3] or words
    capitalised = sum(w[0].isupper() for w in long_words)
    return 2 * capitalised < len(long_words)


# How far (share of the text) from the quote's place a title may open in the translation.
_TITLE_NEAR = 0.15
_CAPITALISED = re.compile(r"(?<![\w'’-])[^\W\d_a-zа-яё][^\W\d_]+")


def _capitals_in_place(quote: Quote, text: str, translation: str) -> bool:
    """Does a capitalised word that no capitalised word of the source explains open
    mid-sentence in the translation where the title stood? A title in its conventional
    translation (All Quiet on the Western Front → Sin novedad en el frente, На Западном
    фронте без перемен) shares no word with the source's, but keeps its capital."""
    if not text or not translation:
        return False
    here = quote.start / len(text)
    theirs = {latin(w) for w in _CAPITALISED.findall(text)}
    for m in _CAPITALISED.finditer(translation):
        before = translation[: m.start()].rstrip(" \"'«“„‘(¿¡-–—")
        if not before or before[-1] in ".!?:;…" or latin(m.group()) in theirs:
            continue
        if abs(m.start() / len(translation) - here) <= _TITLE_NEAR:
            return True
    return False


def _has_cognate(word: str, others: set[str]) -> bool:
    """A word of the translation that looks like ``word`` (both in Latin letters, lowercase)."""
    return any(
        (len(word) >= 4 and len(other) >= 4 and word[:4] == other[:4])
        or fuzz.ratio(word, other) >= 70
        for other in others
    )


def rendered_without_marks(
    quote: Quote,
    text: str,
    src: str,
    translation: str,
    back_translation: str | None = None,
    tgt: str | None = None,
) -> bool:
    """Whether a short quote (a title, a scare quote) lives on in a translation without marks.

    Translators often drop the marks of titles and scare quotes (Paul Fussell's "Great War
    and Modern Memory" -> La Gran Guerra y la memoria moderna de Paul Fussell): style, not
    drift, when the quote's content is there. A statement (``is_statement``) passes only
    as reported speech (see ``_reported_speech``).
    The evidence, in order: its numbers must all be in ``translation``; at least half its
    capitalised words, or else one of its longer content words, must have a look-alike
    there (across scripts through unidecode: Смарт/Smart); else the back-translation (of
    the translation's sentence) must bring back one of its content words. With no evidence
    to weigh either way, only a scare quote of a few words passes.
    """
    quote_text = quote.text
    words = quote_text.split()
    if not words:
        return False
    digits = set(_DIGITS.findall(quote_text))
    if digits - set(_DIGITS.findall(translation)):
        return False
    if is_statement(quote, text):
        return _reported_speech(quote_text, text, src, translation, tgt)
    if len(words) > 1 and _capitals_in_place(quote, text, translation):
        return True
    seen = {latin(w) for w in _WORD_PIECE.findall(translation) if len(w) > 2}
    # The first word of a title is capitalised anyway: names are the capitalised others.
    pieces = _WORD_PIECE.findall(quote_text)
    names = [w for w in pieces[1:] if w[0].isupper() and len(w) > 2]
    found = [n for n in names if _has_cognate(latin(n), seen)]
    if names:
        return 2 * len(found) >= len(names)
    if digits:
        return True
    content = [w for w in content_words(quote_text, src) if not _DIGITS.fullmatch(w)]
    if not content:
        return True
    if any(_has_cognate(latin(w), seen) for w in content if len(w) >= 5):
        return True
    if back_translation is not None:
        return len(missing_content_words(quote_text, back_translation, src)) < len(content)
    return len(words) <= _SCARE_QUOTE_WORDS
