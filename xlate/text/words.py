"""Content words and which of them a back-translation lost, tolerant to inflection.

API (pure functions, no models):

``content_words(text, lang) -> list[str]``
    The lowercased word tokens of ``text`` in order, less the language's stopwords (function
    words: articles, pronouns, auxiliaries...); numbers are kept (``1,500`` stays one token).
``missing_content_words(original, back_translation, lang) -> list[str]``
    The content words of ``original`` (once each, in order) that ``back_translation`` lacks,
    comparing Snowball stems without accents and case: "deterrents" meets "deterrent",
    "gobierno" meets "Gobiernos"; numbers meet across separators (1,500 = 1.500 = 1500).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import Any

from xlate.text.datafiles import data_json

__all__ = [
    "bare_word",
    "content_words",
    "missing_content_words",
    "shorten",
    "stem",
    "stopwords",
    "token_spans",
    "tokens",
]

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:[-'’][^\W_]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@cache
def stopwords(lang: str) -> frozenset[str]:
    """The function words of ``lang`` (articles, pronouns, auxiliaries...): after the
    Snowball project's stopword lists, trimmed of content words (``xlate/data/stopwords.json``)."""
    return frozenset(data_json("stopwords.json").get(lang, ()))


_STEMMER_NAMES = {"en": "english", "es": "spanish", "ru": "russian"}


@lru_cache(maxsize=4)
def _stemmer(lang: str) -> Any:
    import snowballstemmer

    # snowballstemmer hands out PyStemmer's C stemmers (a dependency) when it is installed,
    # its own pure-Python ones (the same stems) otherwise.
    return snowballstemmer.stemmer(_STEMMER_NAMES.get(lang, "english"))


def _plain(word: str) -> str:
    """Lowercase, no accents, ё as е: the form words are compared in."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().replace("ё", "е"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> list[str]:
    """Word and number tokens of ``text``, lowercased, apostrophes as '."""
    # findall: the pattern has no capturing group, so it gives each whole match (a third
    # faster than a match object per token; ~11k calls a document).
    return [t.lower().replace("’", "'") for t in _TOKEN.findall(text)]


def token_spans(text: str, lang: str) -> list[tuple[str, int, int]]:
    """The tokens of ``text`` as ``content_words`` reads them (lowercased, an English
    possessive dropped), each with where it stands: (word, start, end)."""
    out = []
    for match in _TOKEN.finditer(text):
        word = match.group().lower().replace("’", "'")
        if lang == "en":
            word = _drop_possessive(word)
        out.append((word, match.start(), match.end()))
    return out


def _drop_possessive(word: str) -> str:
    return word[:-2] if word.endswith("'s") and len(word) > 2 else word


def content_words(text: str, lang: str) -> list[str]:
    """Lowercased content words of ``text`` in order (see the module doc)."""
    stop = stopwords(lang)
    out = []
    for token in tokens(text):
        if token in stop:
            continue
        word = _drop_possessive(token) if lang == "en" else token
        if word and word not in stop:
            out.append(word)
    return out


# Pure-Python Snowball is slow, so stems are kept; 16,384 of them keep a 3,003-line check
# under 300 MiB (65,536 held 11 MiB), at ~2% of a Russian check's time in stems redone.
@lru_cache(maxsize=1 << 14)
def stem(word: str, lang: str) -> str:
    """The comparison key of one word: numbers without separators, else its plain stem."""
    if _NUMBER.fullmatch(word):
        return re.sub(r"[.,]", "", word)
    return _plain(str(_stemmer(lang).stemWord(word.lower())))


def missing_content_words(original: str, back_translation: str, lang: str) -> list[str]:
    """Content words of ``original`` that ``back_translation`` does not have in any form."""
    have = set()
    for token in tokens(back_translation):
        word = _drop_possessive(token) if lang == "en" else token
        have.add(stem(word, lang))
        # hyphenated compounds may come back as two words or one: accept their parts too
        have.update(stem(part, lang) for part in word.split("-") if part)
    missing: list[str] = []
    for word in content_words(original, lang):
        if word in missing:
            continue
        parts = [p for p in word.split("-") if p]
        if _has(stem(word, lang), have) or (
            len(parts) > 1 and all(_has(stem(p, lang), have) for p in parts)
        ):
            continue
        missing.append(word)
    return missing


def _has(key: str, have: set[str]) -> bool:
    """``key`` or a stem it extends or that extends it (Snowball cuts gobiernos to "gobi")."""
    if key in have:
        return True
    if len(key) < 4 or key.isdigit():
        return False
    return any(
        len(other) >= 4 and not other.isdigit() and (key.startswith(other) or other.startswith(key))
        for other in have
    )


# Reasons quote the words they are about; this many characters keep them readable.
_REASON_CHARS = 60


def shorten(text: str, limit: int = _REASON_CHARS) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis: for reasons."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def bare_word(word: str) -> str:
    """A word lowercased without the punctuation and quotation marks around it."""
    return word.lower().strip(".,;:!?¡¿()[]\"'«»“”„‘’")
