"""Function words of quantity and time order said the other way round ("more patents" ->
"menos patentes", "before the match" -> "после матча"), for the opposite-words check.

The dictionaries give such words no main sense to compare ("más", "después", "после"
have none, or dozens), and people reword quantities freely, so the evidence is a swap
counted over the whole sentence, by the hand-written senses of
``xlate/data/function_opposites.json``: the source says a sense more often than the
translation does, and the translation says its opposite more often than the source does,
near the same place; the translated word renders no source word through the dictionaries
("меньше" for "smaller"); neither word stands in an idiom ("al menos", "тем более"),
right after a negator ("no más de" says "at most") or beside a multiplier ("menos de la
mitad" is "более чем вдвое" less); and the words after the two are no antonyms ("less
wealthy" is "más pobre": the caller's ``reworded``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from xlate.checks import lexicon
from xlate.checks.polarity import negations
from xlate.text.datafiles import data_json
from xlate.text.words import stopwords, tokens

# The translated word stands within this share of the sentence of the source word's place:
# word order moves between languages, but a flipped "more" stays near its noun.
_NEAR = 0.5
# A word this many tokens after a negator is part of that negation ("no más de", "не
# более": at most), and says neither sense; as far from a multiplier, it is part of a
# proportion.
_NEGATOR_REACH = 2
# The word a sense word qualifies: the first content word this many tokens after it.
_QUALIFIED_REACH = 2


@dataclass(frozen=True)
class Swap:
    """A sense the source says that the translation says the opposite of."""

    source_word: str
    translation_word: str
    sense: str
    opposite: str


@dataclass(frozen=True)
class _Table:
    sense_of: dict[str, dict[str, str]]  # lang -> word -> sense
    opposites: tuple[tuple[str, str], ...]  # both ways round
    idioms: dict[str, re.Pattern[str]]
    multipliers: dict[str, frozenset[str]]


@cache
def _table() -> _Table:
    data = data_json("function_opposites.json")
    sense_of: dict[str, dict[str, str]] = {}
    for sense, by_lang in data["senses"].items():
        for lang, words in by_lang.items():
            sense_of.setdefault(lang, {}).update({w: sense for w in words})
    pairs = [tuple(p) for p in data["opposites"]]
    idioms = {
        lang: re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, phrases)) + r")(?!\w)")
        for lang, phrases in data["idioms"].items()
    }
    return _Table(
        sense_of=sense_of,
        opposites=tuple(pairs + [(b, a) for a, b in pairs]),
        idioms=idioms,
        multipliers={lang: frozenset(words) for lang, words in data["multipliers"].items()},
    )


# (place in the sentence, word, sense, the content word it qualifies or "")
_Said = tuple[float, str, str, str]


def _said(text: str, lang: str) -> list[_Said]:
    """Each function word of ``text`` that says a sense of the table, outside idioms, not
    right after a negator nor beside a multiplier."""
    table = _table()
    senses = table.sense_of.get(lang)
    if not senses:
        return []
    words = tokens(table.idioms[lang].sub(" ", text.lower()))
    multipliers, stop = table.multipliers[lang], stopwords(lang)
    last = max(len(words) - 1, 1)
    out = []
    for i, word in enumerate(words):
        sense = senses.get(word)
        if sense is None:
            continue
        before = words[max(0, i - _NEGATOR_REACH) : i]
        if before and negations(" ".join(before), lang, privative=False):
            continue
        if multipliers & set(words[max(0, i - _NEGATOR_REACH) : i + 1 + _NEGATOR_REACH]):
            continue
        after = words[i + 1 : i + 1 + _QUALIFIED_REACH]
        qualified = next((w for w in after if w not in stop and w not in senses), "")
        out.append((i / last, word, sense, qualified))
    return out


def function_swap(
    source: str,
    src: str,
    translation: str,
    tgt: str,
    reworded: Callable[[str, str, str, str], bool] | None = None,
) -> Swap | None:
    """The first sense of ``source`` whose opposite ``translation`` says instead, if any.
    ``reworded(word, src, other, tgt)``: whether the words two sense words qualify are
    antonyms, so that the pair says one thing ("less wealthy", "más pobre")."""
    ours, theirs = _said(source, src), _said(translation, tgt)
    if not ours or not theirs:
        return None
    if reworded is not None:
        ours, theirs = _without_reworded(ours, src, theirs, tgt, reworded)
    count_ours, count_theirs = _counts(ours), _counts(theirs)
    for sense, opposite in _table().opposites:
        if count_ours.get(sense, 0) <= count_theirs.get(sense, 0):
            continue  # the translation says the sense as often
        if count_theirs.get(opposite, 0) <= count_ours.get(opposite, 0):
            continue  # nor does it say the opposite more often
        for place, word, s, _ in ours:
            for other_place, other, o, _ in theirs:
                if (s, o) != (sense, opposite) or abs(place - other_place) > _NEAR:
                    continue
                if not _renders_source_word(other, tgt, source, src):
                    return Swap(word, other, sense, opposite)
    return None


def _without_reworded(
    ours: list[_Said],
    src: str,
    theirs: list[_Said],
    tgt: str,
    reworded: Callable[[str, str, str, str], bool],
) -> tuple[list[_Said], list[_Said]]:
    """Both sides without the pairs of opposite sense words that qualify antonyms ("less
    wealthy": "más pobre"), each word in one pair at most."""
    opposite_of = dict(_table().opposites)
    ours, theirs = list(ours), list(theirs)
    for said in list(ours):
        _, _, sense, qualified = said
        match = next(
            (
                t
                for t in theirs
                if t[2] == opposite_of.get(sense)
                and qualified
                and t[3]
                and reworded(qualified, src, t[3], tgt)
            ),
            None,
        )
        if match is not None:
            ours.remove(said)
            theirs.remove(match)
    return ours, theirs


def lost_sense(source: str, back: str, lang: str, swap: Swap) -> bool:
    """Whether the back-translation (``lang``, the source's language) says the swapped
    sense less often than the source: the engine's slip, not a rewording, if it does not."""
    ours = _counts(_said(source, lang)).get(swap.sense, 0)
    return _counts(_said(back, lang)).get(swap.sense, 0) < ours


def _counts(said: list[_Said]) -> dict[str, int]:
    out: dict[str, int] = {}
    for _, _, sense, _ in said:
        out[sense] = out.get(sense, 0) + 1
    return out


def _renders_source_word(word: str, lang: str, source: str, src: str) -> bool:
    """Whether a content word of the source has ``word`` among its renderings
    ("smaller": меньше), which then says that word, not the opposite sense (a function
    word's renderings are too many: a dictionary gives "de" as "before")."""
    table, stop = _table().sense_of.get(src, {}), stopwords(src)
    words = {w for w in tokens(source) if w not in table and w not in stop}
    return any(word in lexicon.renderings(w, src, lang) for w in words)
