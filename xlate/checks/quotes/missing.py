"""A source word not found while an accounted-for word stands in its place: ``changed``
(the sample's "deterrent" rendered "incentivo", which means incentive).
"""

from __future__ import annotations

from collections.abc import Sequence

from xlate.checks import lexicon
from xlate.checks.quotes.evidence import (
    Explained,
    WordVerdict,
    is_rare,
    meanings,
)
from xlate.text import wordnet

# A quote that lost more words than this was reworded, not changed word for word.
_MAX_CHANGED = 2
# ...and a quote of which less than this was verified says too little about the rest.
_MIN_KEPT = 3
_MIN_KEPT_SHARE = 0.85


def decide_missing(
    verdicts: list[WordVerdict],
    source: Sequence[str],
    target: Sequence[str],
    src: str,
    tgt: str,
    explained: Explained,
    untranslated: Sequence[str],
    names: set[str],
) -> None:
    """Turn a word not found into ``changed`` where an accounted-for word stands in its place
    (never a name: ``names``)."""
    # a common word not found ("in light of" as "ante") is rewording, not a lost key word
    missing = [v for v in verdicts if v.status == "unverified" and is_rare(v.word, src)]
    kept = sum(v.status == "kept" for v in verdicts)
    if src != "en" or not missing or len(missing) > _MAX_CHANGED or untranslated:
        # Only English source words have synonyms to hand (WordNet): elsewhere a
        # near-synonym cannot be told from a changed word (es->en held-out: 16% of
        # correct quotes flagged when tried).
        return
    if kept < _MIN_KEPT or kept < _MIN_KEPT_SHARE * (kept + len(missing)):
        return  # too little of the quote verified to say which word stands for which
    # Words as common as "people", "known", "нужно" are rewording's glue: the key word a
    # quote turns on, and what stands for it, are rarer.
    free = [i for i in range(len(target)) if i not in explained and is_rare(target[i], tgt)]
    # known meanings only: a stem's guess ("приняты" as prinia) says nothing
    means = {i: meanings(target[i], tgt, src, by_stem=False) for i in free}
    if not free or not all(means.values()):
        return  # a word of unknown meaning is left: it may render the missing word
    if len(free) > len(missing):
        # more rare words left than lost: a rewording ("bear fruit" as "tener efecto"),
        # not one word put for another (tune: correct en-es quotes flagged 6 -> 4 of 150)
        return
    for verdict in missing:
        if not free:
            return
        word = verdict.word
        if word in names or not lexicon.renderings(word, src, tgt):
            continue  # a name, or a word the lexicon cannot say is absent
        if any(_related(word, means[i], src) for i in free):
            continue  # some word left may render it
        rel = source.index(word) / max(len(source) - 1, 1)
        lo, hi = place(source.index(word), verdicts[: len(source)], explained, len(target))
        near = [i for i in free if lo <= i <= hi]
        if not near:
            continue  # nothing unexplained stands in its place: reordered or reworded
        at = min(near, key=lambda i: abs(i / max(len(target) - 1, 1) - rel))
        free.remove(at)
        verdict.status, verdict.by = "changed", "lexicon"
        verdict.stands, verdict.means = target[at], sorted(means[at])[:3]
        verdict.renderings = sorted(lexicon.renderings(word, src, tgt))[:4]


def place(
    k: int, verdicts: Sequence[WordVerdict], explained: Explained, size: int
) -> tuple[int, int]:
    """The stretch of the translation where source word ``k`` (its index among the first
    verdicts, one per content word in order) would stand: between the renderings of the
    nearest found words before and after it, one word wider each way (adjectives move
    round their nouns: "significant deterrent" -> "incentivo más significativo"). Where a
    side has no found word, the quote's end."""
    at = {id(v): i for i, v in explained.items() if v is not None}
    before = [at[id(v)] for v in verdicts[:k] if id(v) in at]
    after = [at[id(v)] for v in verdicts[k + 1 :] if id(v) in at]
    lo = before[-1] if before else 0
    hi = after[0] if after else size - 1
    if lo > hi:  # the neighbours crossed: reordered round the word
        lo, hi = hi, lo
    return lo - 1, hi + 1


def _related(word: str, means: set[str], src: str) -> bool:
    """Whether a meaning of the standing word may render ``word``: a synonym (WordNet), a
    part of it ("largo" = long for "long-term") or the same word."""
    parts = set(word.split("-"))
    if means & parts or any(lexicon.cognate(word, m) or stem_of(word, m) for m in means):
        return True
    if src != "en":  # the word's own English renderings ("diarias": daily) against "day"
        own = {r for t in lexicon.renderings(word, src, "en") for r in (t, *wordnet.synonyms(t))}
        return any(stem_of(r, m) for r in own for m in means)
    near = wordnet.relatives(word)
    if means & near or any(word in wordnet.relatives(m) for m in means):
        return True
    return any(stem_of(n, m) for n in near for m in means if " " not in n)


def stem_of(a: str, b: str) -> bool:
    """Whether one word is the other with an ending ("rule"/"rules", "decide"/"decided";
    British or American: "honour"/"honoring")."""
    short, long = sorted((a.replace("our", "or"), b.replace("our", "or")), key=len)
    return len(short) >= 3 and long.startswith(short[:-1] if len(short) > 3 else short)
