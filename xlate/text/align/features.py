"""Lexical evidence the aligner weighs: language-independent anchors of a sentence, word
stems against a back-translation, and the features of runs of consecutive sentences."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from unidecode import unidecode

# Digit groups: "1,500", "1.500", "3,5", and "1 500" with a (narrow) no-break or plain
# space between thousands. Normalised to the bare digits so the notations compare equal.
_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*")
_WORD = re.compile(r"\w+")
_QUOTES = frozenset('"«»“”„‟')
_MARKS = {"?": "?", "!": "!", "(": "(", "%": "%"}
_NAME_PREFIX = 4  # inflection changes endings: compare "puti(n|na|ne)" by their prefix
_STEM_PREFIX = 5


def anchors(sentence: str) -> Counter[str]:
    """Language-independent features of a sentence, with their counts.

    ``#digits`` for numbers, ``? ! ( %`` and ``"`` for any quote mark, and ``@pref`` for
    capitalised words transliterated to ASCII, lower-cased and cut to a prefix.
    """
    feats: Counter[str] = Counter()
    for match in _NUMBER.finditer(sentence):
        feats["#" + re.sub(r"\D", "", match.group(0))] += 1
    for ch in sentence:
        if ch in _QUOTES:
            feats['"'] += 1
        elif ch in _MARKS:
            feats[_MARKS[ch]] += 1
    for match in _WORD.finditer(sentence):
        word = match.group(0)
        if len(word) < 2 or not word[0].isupper() or word[0].isdigit():
            continue
        latin = _latin_prefix(word)
        if len(latin) >= 3:
            feats["@" + latin] += 1
    return feats


@lru_cache(maxsize=8192)
def _latin_prefix(word: str) -> str:
    return "".join(c for c in unidecode(word).lower() if c.isalpha())[:_NAME_PREFIX]


def word_stems(sentence: str) -> Counter[str]:
    """Lower-cased, accent-free words cut to a prefix (a poor man's stemmer), with counts.

    Used between a source sentence and a back-translation, both in the source language:
    word overlap is Bleualign's evidence, and the prefix keeps "refused"/"refuses" equal.
    """
    words = _WORD.findall(_strip_accents(sentence.lower()))
    return Counter(w[:_STEM_PREFIX] for w in words)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


Multiset = frozenset[tuple[str, int]]


def _as_set(counts: Counter[str]) -> Multiset:
    """A multiset as a plain set of (item, k-th occurrence): & then gives min counts."""
    return frozenset((item, k) for item, n in counts.items() for k in range(1, n + 1))


def spans(per_sentence: Sequence[Counter[str]], longest: int) -> list[list[Multiset]]:
    """spans[d][end]: the features of sentences end-d .. end-1 together (d = 1..longest)."""
    n = len(per_sentence)
    out: list[list[Multiset]] = [[]]
    counts: list[Counter[str]] = [Counter()] * (n + 1)  # the previous d's span counts
    for d in range(1, longest + 1):
        row: list[Multiset] = [frozenset()] * (n + 1)
        grown: list[Counter[str]] = [Counter()] * (n + 1)
        for end in range(d, n + 1):
            total = counts[end - 1] + per_sentence[end - 1] if d > 1 else per_sentence[end - 1]
            grown[end] = total
            row[end] = _as_set(total) if total else frozenset()
        counts = grown
        out.append(row)
    return out
