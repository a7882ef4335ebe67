"""One word of the translation renders one name: "Жиру" is Giroux's, not also Jágr's.

Cross-script matching is loose by need (Мадуро/Maduro, Ягра/Jágr), so one word may pass for
two different names of the source, and the first word that passes is the one recorded.
Where names of different surnames were found by the same word, each name's surname is
paired again with the words it passes for, the closest pairs first, each word once per
time the translation has it: a name left without a word is absent, so a name replaced
next to another ("После матча министр сказал ..., что он предсказывал Жиру") is no longer
found through its neighbour.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rapidfuzz import fuzz

from xlate.checks.names.crossscript import word_verdict
from xlate.checks.names.extract import Candidate, NameMention, significant_words
from xlate.checks.names.normalise import skeleton, skeleton_forms


def reassigned(
    claims: Sequence[tuple[NameMention, str]], cands: Sequence[Candidate], src: str
) -> dict[int, str | None] | None:
    """For ``claims`` (a source name, the word of the translation found for it), the word
    each claim ends up with (None: none left), or None where no word is shared by names of
    different surnames (most sentences: nothing to pair again)."""
    surnames = [surname_key(s, src) for s, _ in claims]
    owners: dict[str, list[str]] = {}
    for (_, word), surname in zip(claims, surnames, strict=True):
        owners.setdefault(word, []).append(surname)
    if not any(_strangers(names) for names in owners.values()):
        return None
    left = Counter(c.text for c in cands)
    pairs = sorted(
        (-_closeness(s, text), i, text)
        for i, (s, claimed) in enumerate(claims)
        for text in {claimed, *(c.text for c in cands if _passes(s, src, c))}
    )
    out: dict[int, str | None] = {}
    holders: dict[str, list[str]] = {}
    for _, i, text in pairs:
        if i in out:
            continue
        # a word of the same stem shares its holder's rendering (Yugoslavia, Yugoslavian:
        # Югославию), without using up another time of it
        if not left[text] and not any(_kin(surnames[i], h) for h in holders.get(text, [])):
            continue
        out[i] = text
        if left[text]:
            left[text] -= 1
            holders.setdefault(text, []).append(surnames[i])
    return {i: out.get(i) for i in range(len(claims))}


# Skeleton letters two surnames share at their start to be one stem (Yugoslav-ia, -ian).
_STEM = 5


def _kin(a: str, b: str) -> bool:
    return a[:_STEM] == b[:_STEM] or a.startswith(b) or b.startswith(a)


def _strangers(surnames: Sequence[str]) -> bool:
    """Whether two of ``surnames`` are of different stems."""
    return any(not _kin(a, b) for a in surnames for b in surnames)


def _passes(mention: NameMention, src: str, cand: Candidate) -> bool:
    """Whether ``cand`` passes for a word of the name (Zurich of "Zurich's Bahnhofstrasse")."""
    return any(word_verdict(w, src, cand) == "same" for _, _, w in significant_words(mention))


def _closeness(mention: NameMention, text: str) -> float:
    """How like ``text`` the name's likest word is (its skeleton's, 0-100)."""
    return max(fuzz.ratio(skeleton(w), skeleton(text)) for _, _, w in significant_words(mention))


def surname_key(mention: NameMention, lang: str) -> str:
    """The skeleton of a name's last word, in Russian its shortest case-less stem
    ("Пельтой" and "Пельте" are one Pelta): names of one key are one name."""
    word = significant_words(mention)[-1][2]
    if lang != "ru":
        return skeleton(word)
    return min(skeleton_forms(word, lang), key=lambda f: (len(f), f), default=skeleton(word))
