"""Zipf word frequencies for en/es/ru, read from a compact copy of wordfreq's lists.

``zipf(word, lang)`` returns what ``wordfreq.zipf_frequency(word, lang)`` returns, for every
value above :data:`FLOOR` (below it: at most ``FLOOR``, usually 0). wordfreq itself builds a
dictionary of every word of a language on first use (1.1 s and ~200 MiB for en, es and ru);
the packaged copy (``xlate/data/wordfreq``, written by ``scripts/build_word_frequencies.py``)
holds the same centibel buckets as strings grouped by the word's first three letters, so
loading a language is one decompression (~50 ms, ~5 MiB) and a lookup one substring search.

Words of letters only are their own token, as wordfreq's tokenizer would make them; anything
else (apostrophes, hyphens, digits) is tokenized by wordfreq's own tokenizer, imported on
first need (0.2 s, no word list), so the frequencies stay wordfreq's to the last digit.
"""

from __future__ import annotations

import gzip
import math
import unicodedata
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from xlate.text.built import built

__all__ = ["FLOOR", "LANGUAGES", "zipf"]

LANGUAGES = ("en", "es", "ru")
# Words at or below this Zipf value are left out of a language's copy and read as 0. Every
# threshold that asks the lists (checks/names/lexicon.py) compares either a word's own
# frequency with at least 3.0, or another language's with the own one less a gap; a value
# at or below the floor answers those questions as 0 does (tests/test_frequencies.py holds
# the thresholds to it). Russian's copy would triple in size without it.
FLOOR = {"en": 0.0, "es": 0.0, "ru": 2.0}

# The separators of the packaged format: records (one per three-letter prefix) and, in a
# record, the prefix from its body. wordfreq's tokens contain neither, nor tabs or newlines.
RECORD, PREFIX_END = "\x1e", "\x1f"
PREFIX_LENGTH = 3
_BUCKETS = 800  # wordfreq's large lists: centibel buckets 0 (Zipf 9) to 799 (Zipf 1.01)
# wordfreq's zipf_to_freq(0.0): the frequency of a word missing from the list.
_MISSING = 10**0.0 / 1e9


def _frequency(centibels: int) -> float:
    return 10 ** (-centibels / 100)  # wordfreq's cB_to_freq


def _to_zipf(freq: float) -> float:
    """wordfreq's rounding of a combined frequency, then its Zipf value (to 0.01)."""
    unrounded = max(freq, _MISSING)  # never 0: wordfreq's zero branch cannot arise
    rounded = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)
    return round(math.log(rounded, 10) + 9, 2)


_MISSING_ZIPF = round(math.log(_MISSING, 10) + 9, 2)
# One token in bucket b: wordfreq combines 1 / (1 / f) and rounds; the same, once per bucket.
_ONE_TOKEN_ZIPF = tuple(_to_zipf(1.0 / (0.0 + 1.0 / _frequency(b))) for b in range(_BUCKETS))


@lru_cache(maxsize=len(LANGUAGES))
def _table(lang: str) -> dict[str, str]:
    """A language's copy: three-letter prefix -> the rest of each word, in lines, under a
    ``\\t<bucket>`` line for each centibel bucket. Kept on disk once built
    (``xlate.text.built``): ~60-100 ms to decompress and split a language, ~15-25 ms to
    read back, and a one-sentence check with a capitalised word reads all three."""
    packed = files("xlate") / "data" / "wordfreq" / f"{lang}.txt.gz"
    sources = [Path(str(packed)), Path(__file__)]
    return built(f"wordfreq.{lang}", sources, lambda: _build_table(packed.read_bytes()))


def _build_table(packed: bytes) -> dict[str, str]:
    records = gzip.decompress(packed).decode("utf-8").split(RECORD)
    return dict(record.split(PREFIX_END, 1) for record in records)


def _bucket(token: str, lang: str) -> int | None:
    """The centibel bucket of one wordfreq token, or None when the copy lacks it."""
    body = _table(lang).get(token[:PREFIX_LENGTH])
    if body is None:
        return None
    at = body.find("\n" + token[PREFIX_LENGTH:] + "\n")
    if at < 0:
        return None
    tab = body.rfind("\t", 0, at)
    return int(body[tab + 1 : body.index("\n", tab)])


def _single_token(word: str) -> bool:
    """Does wordfreq's tokenizer leave ``word`` as it is, one token? True for lowercase
    (casefolded, NFC) Latin or Cyrillic letters only."""
    return (
        word.isalpha()
        and all(ord(ch) < 0x250 or 0x400 <= ord(ch) < 0x530 for ch in word)
        and unicodedata.normalize("NFC", word).casefold() == word
    )


# wordfreq's INITIAL_VOWEL_EXPR, lowercase: after one or two letters and an apostrophe,
# one of these opens a new token (French l'amour, d'heure).
_INITIAL_VOWELS = frozenset("aehiouyáéíóúàèìòùâêîôûåïöœ")


def _letter_tokens(word: str) -> list[str] | None:
    """wordfreq's tokens of a word made of letter runs joined by hyphens, spaces and
    apostrophes (как-то, go in, libya's, zhal', История), full stops or underscores
    (``_dotted``), or None for anything else (left
    to its tokenizer).

    Its tokenizer breaks words by Unicode's rules (UAX #29): a hyphen or a space breaks,
    an apostrophe between two letters does not (can't, i'm, stat'iu), one with no letter
    after it ends the token (zhal' -> zhal); but one or two letters, an apostrophe and a
    vowel are two tokens (l'amour), which is left to it, as are leading and doubled
    apostrophes."""
    # wordfreq's preprocessing for en/es/ru: NFC, casefold, NFC ("История" -> история,
    # "straße" -> strasse)
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFC", word).casefold())
    tokens = []
    for part in text.replace("-", " ").split(" "):
        part = part.rstrip("'")
        if not part:
            continue
        if "." in part or "_" in part:
            dotted = _dotted(part)
            if dotted is None:
                return None
            tokens.append(dotted)
            continue
        runs = part.split("'")
        if not all(run and _single_token(run) for run in runs):
            return None
        if len(runs) > 1 and len(runs[0]) < 3 and runs[1][0] in _INITIAL_VOWELS:
            return None
        tokens.append(part)
    return tokens or None


def _dotted(part: str) -> str | None:
    """The token of letter runs joined by single full stops or underscores (p.d., ee.uu.,
    pole_person: abbreviations and WordNet's multiword lemmas), or None. UAX #29 joins two
    letters across either (a stop is MidNumLet, an underscore ExtendNumLet); a stop with no
    letter after it ends the token. Mixed with apostrophes, doubled or at the start: left to
    wordfreq's tokenizer."""
    if "'" in part:
        return None
    if part.endswith("."):
        part = part[:-1]
    runs = part.replace("_", ".").split(".")
    return part if all(run and _single_token(run) for run in runs) else None


def _tokens_frequency(word: str, lang: str) -> float:
    """wordfreq's ``_word_frequency`` for a word it must tokenize, on the packaged copy.
    The tokens of words of letters (``_letter_tokens``) are made here: wordfreq's
    tokenizer takes ~0.2 s to import (langcodes, ftfy, regex), in most documents for a
    few such words only."""
    tokens = _letter_tokens(word)
    if tokens is not None:
        return _letters_frequency(tokens, lang)
    from wordfreq.numbers import digit_freq, smash_numbers
    from wordfreq.tokens import lossy_tokenize

    tokens = lossy_tokenize(word, lang)
    if not tokens:
        return _MISSING_ZIPF
    one_over_result = 0.0
    for token in tokens:
        smashed = smash_numbers(token)
        bucket = _bucket(smashed, lang)
        if bucket is None:
            return _MISSING_ZIPF
        freq = _frequency(bucket)
        if smashed != token:
            freq *= digit_freq(token)
        one_over_result += 1.0 / freq
    return _to_zipf(1.0 / one_over_result)


def _letters_frequency(tokens: list[str], lang: str) -> float:
    """``_tokens_frequency``'s sum of tokens of letters only: no digits to smash."""
    one_over_result = 0.0
    for token in tokens:
        bucket = _bucket(token, lang)
        if bucket is None:
            return _MISSING_ZIPF
        one_over_result += 1.0 / _frequency(bucket)
    return _to_zipf(1.0 / one_over_result)


@lru_cache(maxsize=1 << 12)
def zipf(word: str, lang: str) -> float:
    """``wordfreq.zipf_frequency(word, lang)`` for en/es/ru above :data:`FLOOR`."""
    if lang not in FLOOR:
        raise ValueError(f"no word frequencies for {lang!r}")
    if not _single_token(word):
        return _tokens_frequency(word, lang)
    bucket = _bucket(word, lang)
    return _MISSING_ZIPF if bucket is None else _ONE_TOKEN_ZIPF[bucket]
