"""The evidence that a translated quote renders a source word, and the verdict on a word.

Shared by ``fidelity`` (the verdicts of a quote), ``opposites`` (an antonym standing in a
word's place) and ``missing`` (what else stands there): a word's known renderings
(the bilingual lexicon either way, cognates, WordNet synonyms, English as a pivot) and
its English senses.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from xlate.checks import lexicon
from xlate.checks.polarity import without_idioms
from xlate.checks.quotes.prefixes import negation_apart
from xlate.text import wordnet
from xlate.text.datafiles import data_json
from xlate.text.words import stem, stopwords, tokens

# A quote's key word, and a word standing for it, are rarer than this (Zipf: "people" 6.2,
# "known" 5.3, "deterrent" 3.2, "incentivo" 3.6).
_KEY_ZIPF = 5.0
# The senses of a word (its English renderings) whose antonyms count alone: the commonest.
_MAIN_SENSES = 2
# The languages whose negation idioms are known (xlate/data/negation.json).
_NEGATION_LANGS = frozenset(k for k in data_json("negation.json") if not k.startswith("_"))


@dataclass(eq=False)
class WordVerdict:
    word: str
    status: str  # kept | changed | unverified
    by: str = ""  # the evidence that found it (kept) or decided it (changed)
    stands: str = ""  # changed: the translated word standing in its place
    means: list[str] = field(default_factory=list)  # changed: what that word means
    renderings: list[str] = field(default_factory=list)  # known renderings, all absent


# translated word index -> the verdict of the source word it renders (None: taken, no owner)
Explained = dict[int, "WordVerdict | None"]


@lru_cache(maxsize=1)
def _function_antonyms() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for a, b in data_json("function_antonyms.json")["pairs"]:
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return {word: frozenset(others) for word, others in out.items()}


def antonyms(word: str) -> set[str]:
    """English antonyms of ``word``: WordNet's, and the function words' WordNet lacks
    ("before" -> "after", "over" -> "under": data/function_antonyms.json)."""
    return wordnet.antonyms(word) | _function_antonyms().get(word, frozenset())


def after_negator(quote: str, lang: str) -> set[str]:
    """Words of ``quote`` right after a negator: "not decent" may come out "indecent". A
    negation idiom negates nothing ("Тем не менее, многие" is no "not many")."""
    negators = set(data_json("negation.json").get(lang, {}).get("negators", ()))
    words = tokens(without_idioms(quote, lang)) if lang in _NEGATION_LANGS else tokens(quote)
    return {w for i, w in enumerate(words) if negators & set(words[max(0, i - 3) : i])}


@lru_cache(maxsize=4)
def _phrases(lang: str) -> re.Pattern[str] | None:
    phrases = sorted(data_json("function_phrases.json").get(lang, ()), key=len, reverse=True)
    if not phrases:
        return None
    alternatives = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def without_phrases(text: str, lang: str) -> str:
    """``text`` with its multiword function phrases ("instead of", "en lugar de", "в
    течение": data/function_phrases.json) blanked: their words are no content words
    ("lugar" of "en lugar de" says no place, "instead" has no rendering of its own)."""
    pattern = _phrases(lang)
    return pattern.sub(" ", text) if pattern is not None else text


def function_words(text: str, lang: str) -> list[str]:
    stop = stopwords(lang)
    return [w for w in tokens(text) if w in stop and len(w) >= 3]


def main_senses(word: str, src: str, english: set[str]) -> set[str]:
    """The English senses of a word whose antonyms count alone. Through a dictionary a
    common word has many senses and some sense has an antonym among almost anything
    ("знать": have, know, see ...): those the dictionary gives the word first for ("know"
    is знать first, "have" is иметь), else the two commonest."""
    if src == "en":
        return english
    # a closed-class word's hand-written sense is a main one too ("muchos": many)
    return _main_senses(word, src, english) | lexicon.closed_class_senses(word, src)


def _main_senses(word: str, src: str, english: set[str]) -> set[str]:
    main = lexicon.main_senses(word, src, english)
    if main:
        return main
    # no order known: the two commonest; the word first for none of its senses ("хотел":
    # want lists хотеть second): the commonest alone, not none at all
    count = _MAIN_SENSES if main is None else 1
    # a gloss's article or preposition ("a" of "a lot", "in" of "in front of") is the
    # commonest of any word's senses and the main one of none ("antes": before, first)
    words = [e for e in english if len(e) >= 3] or list(english)
    return set(sorted(words, key=lambda e: (-lexicon.zipf(e, "en"), e))[:count])


def english_of(word: str, lang: str) -> set[str]:
    """What a word means in English as far as the lexicon knows (an English word: itself)."""
    return {word} if lang == "en" else lexicon.renderings(word, lang, "en")


def find_rendering(
    word: str,
    src: str,
    target: Sequence[str],
    tgt: str,
    explained: Collection[int],
    negated: Collection[str] = (),
) -> tuple[int | None, str]:
    """The index of a free translated word that renders ``word``, and the evidence (a
    look-alike with a negating prefix only one of them has is none, unless ``negated``)."""
    forward = rendering_stems(word, src, tgt)
    free = [(i, t) for i, t in enumerate(target) if i not in explained]
    for i, t in free:
        if lexicon.cognate(word, t) and (
            t in negated
            or not (negation_apart(word, src, t, tgt) or _opposite_look_alike(word, src, t, tgt))
        ):
            return i, "cognate"
    # an English irregular form is looked up as its base too: "found" (find) is "найденный"
    own = {stem(w, src) for w in (word, *(lexicon.base_forms(word, src) if src == "en" else ()))}
    for i, t in free:
        if stem(t, tgt) in forward or own & rendering_stems(t, tgt, src):
            return i, "lexicon"
    long = {r for r in lexicon.renderings(word, src, tgt) if len(r) >= 6}
    for i, t in free:  # another form of a rendering: "окружен" (окружить) for "окружать"
        if (
            len(t) >= 6
            and any(
                lexicon.cognate(t, r) and (t in negated or not negation_apart(r, tgt, t, tgt))
                for r in long
            )
            and (t in negated or not _opposite_look_alike(word, src, t, tgt))
        ):
            return i, "lexicon"
    for i, t in free if tgt == "en" else ():  # an irregular form: "lost" (lose), "worse"
        if any(stem(b, tgt) in forward for b in lexicon.base_forms(t, tgt)):
            return i, "lexicon"
    # asked only now: most words are found by the loops above
    synonyms = wordnet.synonyms(word) if src == "en" else set()
    if synonyms:
        for i, t in free:
            if meanings(t, tgt, src) & synonyms:
                return i, "lexicon+synonym"
    if "en" not in (src, tgt) and not lexicon.covers(src, tgt):
        own = english_of(word, src)  # es<->ru: no dictionary of the pair, both of English
        for i, t in free:
            if own & english_of(t, tgt):
                return i, "lexicon via English"
    return None, ""


# Cached: asked of every cognate match, each word of a quote again in every quote with it.
@lru_cache(maxsize=1 << 15)
def _opposite_look_alike(word: str, src: str, translated: str, tgt: str) -> bool:
    """Whether a look-alike of ``word`` means its opposite ("subjetivo" for "objective",
    "ilegal" for "legal"): no rendering of it, but an antonym standing in its place (after
    a negator it says the word: "not decent" for "неприличными")."""
    opposed = set().union(*(antonyms(m) for m in main_senses(word, src, english_of(word, src))))
    if not opposed:
        return False
    return bool(main_senses(translated, tgt, english_of(translated, tgt)) & opposed)


@lru_cache(maxsize=1 << 15)
def rendering_stems(word: str, src: str, tgt: str) -> frozenset[str]:
    """The stems of the known renderings of ``word``: asked of each free translated word
    for each source word of a quote, and the same words again across a document."""
    return frozenset(stem(r, tgt) for r in lexicon.renderings(word, src, tgt))


def meanings(word: str, lang: str, src: str, by_stem: bool = True) -> set[str]:
    """What a translated word means in the source language, as far as it is known."""
    if lang == "en":
        return {word} if lexicon.is_english_word(word) else set()
    known = set(lexicon.renderings(word, lang, src, by_stem))
    if src == "en":
        known.update(lexicon.english_cognates(word))
    return known


def is_rare(word: str, lang: str) -> bool:
    return lexicon.zipf(word, lang) < _KEY_ZIPF


def pivot_synonym(word: str, lang: str, other: str, words: Collection[str]) -> bool:
    """Whether one of ``words`` (content words of ``word``'s language: a back-translation)
    is a synonym of ``word`` by a shared rendering in ``other``: the round trip's way back
    chose another word of the same sense ("quiero" -> "wish" -> "deseo"; es<->ru through
    English)."""
    pivot = other if lexicon.covers(lang, other) else "en"
    if pivot == lang:
        return False
    mine = rendering_stems(word, lang, pivot)
    if not mine:
        return False
    stop, own = stopwords(lang), stem(word, lang)
    return any(
        mine & rendering_stems(w, lang, pivot)
        for w in words
        if w not in stop and len(w) >= 4 and stem(w, lang) != own
    )
