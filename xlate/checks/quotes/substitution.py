"""A source word put out for another: independent evidence on both sides.

``missing`` decides by what is left unexplained in the quote alone, which says little in a
free translation (most of a person's rendering is unexplained to a dictionary). Here each
side is asked of the whole sentence instead: the source word is one the lexicon knows and
no word of the translated sentence renders it, the word standing in its place is one the
lexicon knows too and renders no word of the source sentence, the two mean nothing alike
(WordNet, through English), and it stands where the source word would, between the
renderings of the found words round it. A word the dictionaries do not know, on either
side, may be a rendering they lack: nothing is decided.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from xlate.checks import lexicon
from xlate.checks.quotes.evidence import (
    Explained,
    WordVerdict,
    english_of,
    find_rendering,
    is_rare,
    meanings,
)
from xlate.checks.quotes.missing import stem_of as _stem_of
from xlate.text import wordnet
from xlate.text.morphology import ru_parses
from xlate.text.words import stopwords, tokens

# A source word and its stand-in are both rarer than this (Zipf): common words ("make",
# "hacer", "sigue") are rewording's glue, rendered by anything or nothing.
_KEY_ZIPF = 5.0
# Only a quote whose every other content word was found, and whose translation leaves at
# most this many words unexplained, says which word stands for which: a free rendering
# leaves a word or two of each side to the dictionaries' gaps (tune, a probe replacing a
# word of a quote by one of another document: with no such gate a pair was found on half
# as many correct lines as changed ones; with these, on a fifth as many).
_MAX_UNVERIFIED = 1
_MAX_FREE = 2


def substituted(
    verdicts: list[WordVerdict],
    source: Sequence[str],
    target: Sequence[str],
    translated: str,
    src: str,
    tgt: str,
    explained: Explained,
    context: tuple[str, str],
    names: set[str],
) -> None:
    """Turn an ``unverified`` word into ``changed`` where the evidence above holds.

    ``source``: the quote's distinct content words in order (``verdicts`` starts with
    theirs); ``target``: the translated quote's content words; ``context``: the source
    and translated sentences the quote lies in."""
    own = verdicts[: len(source)]
    if sum(v.status == "unverified" for v in own) > _MAX_UNVERIFIED:
        return  # more was not found: a free rendering, not one word put for another
    if sum(i not in explained for i in range(len(target))) > _MAX_FREE:
        return
    missing = [v for v in own if _candidate(v, src, tgt, names)]
    if not missing:
        return
    src_sentence, tgt_sentence = context
    sentence_target = tokens(tgt_sentence)
    missing = [v for v in missing if _absent(v.word, src, sentence_target, tgt)]
    if not missing:
        return
    sentence_source = tokens(src_sentence)
    capitals = _capitalised(translated)
    free = [
        i
        for i, t in enumerate(target)
        if i not in explained
        and t not in capitals
        and _known(t, tgt, src)
        and not _adverb(t, tgt)
        and _absent(t, tgt, sentence_source, src)
    ]
    pairs = []  # (how far apart their relative places are, source word, translated word)
    anchors = _anchors(verdicts[: len(source)], explained)
    for verdict in missing:
        k = source.index(verdict.word)
        rel = k / max(len(source) - 1, 1)
        for i in free:
            if _in_place(k, i, anchors, len(source), len(target)) and not _alike(
                verdict.word, src, target[i], tgt
            ):
                pairs.append((abs(i / max(len(target) - 1, 1) - rel), k, i, verdict))
    # the nearest pairs first, each word of either side in one pair at most
    taken: set[int] = set()
    for _, _k, i, verdict in sorted(pairs, key=lambda p: p[:3]):
        if i in taken or verdict.status != "unverified":
            continue
        taken.add(i)
        explained[i] = verdict
        verdict.status, verdict.by = "changed", "lexicon"
        verdict.stands = target[i]
        # es<->ru: what the word means in English, no dictionary of the pair saying more
        means = meanings(target[i], tgt, src, by_stem=False) or english_of(target[i], tgt)
        verdict.means = sorted(means)[:3]
        verdict.renderings = sorted(lexicon.renderings(verdict.word, src, tgt))[:4]


def _candidate(verdict: WordVerdict, src: str, tgt: str, names: set[str]) -> bool:
    word = verdict.word
    return (
        verdict.status == "unverified"
        and word not in names
        and "-" not in word
        and len(word) >= 4
        and lexicon.zipf(word, src) < _KEY_ZIPF
        and _known(word, src, tgt)
        and not _adverb(word, src)
    )


def _adverb(word: str, lang: str) -> bool:
    """Whether every English sense of ``word`` is an adverb: degree and manner ("very" as
    "крайне", "clearly" as "con claridad") are added and dropped in a free rendering."""
    if lang == "ru":
        readings = ru_parses(word)
        return bool(readings) and readings[0].tag.POS == "ADVB"
    if lang == "es":
        return word.endswith("mente")
    return wordnet.word_classes(word) == {"adv"}


def _known(word: str, lang: str, other: str) -> bool:
    """Whether the dictionaries have ``word`` itself (or a headword form of it, not a stem's
    guess) and it is rarer than rewording's glue; es<->ru: through English."""
    if not is_rare(word, lang):
        return False
    if not lexicon.covers(lang, other):
        other = "en"
        if lang == "en":
            return lexicon.is_english_word(word)
    return bool(lexicon.renderings(word, lang, other, by_stem=False))


def _absent(word: str, lang: str, sentence: Sequence[str], other: str) -> bool:
    """Whether no word of the other side's sentence renders ``word`` by any evidence, nor
    means anything near it."""
    if find_rendering(word, lang, sentence, other, ())[0] is not None:
        return False
    stop = stopwords(other)
    return not any(_alike(word, lang, t, other) for t in sentence if t not in stop)


def _capitalised(text: str) -> set[str]:
    """Capitalised words not opening a sentence: names, which the names check judges."""
    return {w.lower() for w in re.findall(r"(?<=[\w,;:] )[^\W\d_]+", text) if w[0].isupper()}


def _alike(word: str, lang: str, other: str, other_lang: str) -> bool:
    """Whether two words of either side may mean the same: they look alike, or their
    English senses (base forms too: "boards" is board) share a word, a stem or a WordNet
    link (synonym, derivation, similar, hypernym: "paneles" panel for "boards")."""
    if lexicon.cognate(word, other):
        return True
    mine, theirs = _english(word, lang), _english(other, other_lang)
    if mine & theirs or _near_any(mine, theirs) or _near_any(theirs, mine):
        return True
    return any(_stem_of(a, b) for a in mine for b in theirs if " " not in a + b)


@lru_cache(maxsize=1 << 15)
def _english(word: str, lang: str) -> frozenset[str]:
    """A word's English senses and their base forms."""
    senses = (
        {word} if lang == "en" else english_of(word, lang) | set(lexicon.english_cognates(word))
    )
    return frozenset(senses.union(*(lexicon.base_forms(e, "en") for e in senses)))


def _near_any(english: frozenset[str], others: frozenset[str]) -> bool:
    """Whether a word WordNet links to one of ``english`` is one of ``others``. Asked of
    each sense's own links (cached by ``wordnet.relatives``): a union of them kept per
    word repeated those sets for every word of a document."""
    return any(not wordnet.relatives(e).isdisjoint(others) for e in english)


def _anchors(verdicts: Sequence[WordVerdict], explained: Explained) -> dict[int, int]:
    """Source word index -> the index of the translated word that renders it."""
    at = {id(v): i for i, v in explained.items() if v is not None}
    return {k: at[id(v)] for k, v in enumerate(verdicts) if id(v) in at}


def _in_place(k: int, i: int, anchors: dict[int, int], size: int, tsize: int) -> bool:
    """Whether translated word ``i`` stands where source word ``k`` would: next to the
    rendering of a found word next to it (either order: adjectives move round their
    nouns, "significant deterrent" -> "incentivo más significativo"), or between the
    renderings of found words on both sides one word away; a quote's edge counts as found.
    Never across a found word's rendering on the other side."""
    before = [(j, anchors[j]) for j in range(k) if j in anchors]
    after = [(j, anchors[j]) for j in range(k + 1, size) if j in anchors]
    left = before[-1] if before else (-1, -1)
    right = after[0] if after else (size, tsize)
    lo, hi = sorted((left[1], right[1]))
    if not lo - 1 <= i <= hi + 1:
        return False
    near_left, near_right = k - left[0] == 1, right[0] - k == 1
    if near_left and near_right and lo < i < hi:
        return True
    return (near_left and abs(i - left[1]) == 1 and left[0] >= 0) or (
        near_right and abs(i - right[1]) == 1 and right[0] < size
    )
