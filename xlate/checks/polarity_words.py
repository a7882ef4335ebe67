"""Negations said by a word's opposite, for the polarity check: "not rich" is "poor", "no
es necesario" is "innecesario". Both sides are read through their English senses (the
bilingual lexicon; an English word is itself) and WordNet's antonyms, so the same rule
holds in every pair, es<->ru included.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import lru_cache

from xlate.checks import lexicon
from xlate.checks.numbers.words import ordinal_value
from xlate.text import wordnet
from xlate.text.datafiles import data_json
from xlate.text.morphology import ru_parses
from xlate.text.words import stopwords

# A negated word is the first content word this many words after its negator at most
# ("не такой богатый", "no es muy necesario", "not at all rich").
_NEGATED_REACH = 3
# A content word: longer than this ("so", "es" are glue).
_MIN_CONTENT = 3


@lru_cache(maxsize=1 << 14)
def _senses(word: str, lang: str) -> frozenset[str]:
    """The English senses of ``word``: its commonest renderings (a common word's rarest
    ones oppose almost anything), with their base forms; an English word: itself."""
    if lang == "en":
        return frozenset({word, *lexicon.base_forms(word, "en")})
    english = lexicon.renderings(word, lang, "en")
    main = lexicon.main_senses(word, lang, english) if english else None
    return frozenset(main or english)


# pymorphy3's parts of speech of a Russian describing word (no participles: a verb's).
_RU_DESCRIBING = frozenset({"ADJF", "ADJS", "COMP", "ADVB", "PRED"})
# WordNet's word classes whose antonyms say a negation: a noun's or a verb's opposite is
# another thing or act ("evoke": spontaneous), no "not"
_DESCRIBING = frozenset({"adj", "adv"})


@lru_cache(maxsize=1 << 14)
def _opposites(word: str, lang: str) -> frozenset[str]:
    """The English antonyms of ``word``'s describing senses (WordNet)."""
    describing = [s for s in _senses(word, lang) if wordnet.word_classes(s) & _DESCRIBING]
    return frozenset().union(*(wordnet.antonyms(s) for s in describing))


def negated_words(words: Sequence[str], negators: Collection[int], lang: str) -> list[int]:
    """For each negator index, the index of the describing word it negates, if its first
    content word within reach is one (an adjective or adverb: "не такой богатый")."""
    stop = stopwords(lang)
    out = []
    for i in negators:
        for j in range(i + 1, min(i + 1 + _NEGATED_REACH, len(words))):
            if words[j] not in stop and len(words[j]) >= _MIN_CONTENT:
                if _describing(words[j], lang):
                    out.append(j)
                break
    return out


def _describing(word: str, lang: str) -> bool:
    """Whether ``word`` is an adjective or adverb of its own language, and no ordinal: a
    verb's opposite is another act ("не идет" is no "coming"), "not the first" no "last"."""
    if ordinal_value(word, lang) is not None:
        return False
    if lang == "ru":
        parses = ru_parses(word)[:1]
        return bool(parses) and parses[0].tag.POS in _RU_DESCRIBING
    if lang == "en":
        own: set[str] = set().union(
            *(wordnet.word_classes(w) for w in {word, *lexicon.base_forms(word, lang)})
        )
        return bool(own & _DESCRIBING) and "verb" not in own
    # Spanish: by its English senses, none of them a verb's
    senses = _senses(word, lang)
    classes = [wordnet.word_classes(s) for s in senses]
    return bool(classes) and all(c & _DESCRIBING and "verb" not in c for c in classes)


def antonym_places(
    negated: Sequence[tuple[float, str]],
    lang: str,
    words: Sequence[str],
    other: str,
    reach: float,
) -> list[float]:
    """Where in ``words`` (the other side's tokens, language ``other``) stands an antonym
    of a word of ``negated`` ((place, word) of this side, each right after a negator),
    within ``reach`` of its place: "más pobre" for "не такой богатый". One place per
    negated word at most."""
    if not negated:
        return []
    stop = stopwords(other)
    last = max(len(words) - 1, 1)
    content = [(i / last, w) for i, w in enumerate(words) if w not in stop and len(w) > 2]
    out = []
    for place, word in negated:
        opposed = _opposites(word, lang)
        if not opposed:
            continue
        near = ((p, w) for p, w in content if abs(p - place) <= reach)
        hit = next((p for p, w in near if _senses(w, other) & opposed), None)
        if hit is not None:
            out.append(hit)
    return out


def negative_derivative(word: str, lang: str) -> bool:
    """Whether ``word`` is a word's opposite by a negating prefix (data/negative_prefixes
    .json): one of its English senses is an antonym of one of the unprefixed word's
    ("desproporcionado": disproportionate, proportionate; not "informado", informed)."""
    prefixes = data_json("negative_prefixes.json").get(lang, ())
    for prefix in prefixes:
        rest = word[len(prefix) :]
        if not word.startswith(prefix) or len(rest) < 4:
            continue
        # "irregular": Spanish doubles the r after i-
        for base in {rest, rest[1:]} if rest.startswith("r") and prefix == "i" else {rest}:
            if _senses(word, lang) & _opposites(base, lang):
                return True
    return False
