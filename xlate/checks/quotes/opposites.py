"""A source word not found whose opposite stands in the translated quote: an antonym
(WordNet, through the lexicon), a negative derivative by prefix, the antonym of a
function word ("many" -> "few"). Such a word is ``changed`` whatever else the quote says.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from xlate.checks import lexicon
from xlate.checks.quotes.evidence import (
    Explained,
    WordVerdict,
    antonyms,
    english_of,
    find_rendering,
    function_words,
    is_rare,
    main_senses,
    meanings,
    rendering_stems,
)
from xlate.checks.quotes.prefixes import unprefixed
from xlate.text import wordnet
from xlate.text.words import stem, stopwords, tokens


def opposed_uses(
    uses: Sequence[WordVerdict],
    src: str,
    target: Sequence[str],
    tgt: str,
    explained: Explained,
    negated: set[str],
) -> list[WordVerdict]:
    """The unrendered uses of a repeated word that an antonym stands for ("peor" for the
    first "best"): changed, as a word of a single use would be."""
    out = []
    for use in uses:
        if use.word not in negated and _opposite_in(use, src, target, tgt, explained):
            out.append(use)
    return out


def antonyms_in_place(
    verdicts: list[WordVerdict],
    src: str,
    target: Sequence[str],
    tgt: str,
    explained: Explained,
    negated: set[str],
) -> None:
    """A word not found whose antonym (WordNet, through the lexicon) the translated quote
    has: ``changed`` whatever else the quote says ("alta" -> "low", "first" -> "último")."""
    for verdict in verdicts:
        if verdict.status != "unverified" or verdict.word in negated:
            continue
        if not _opposite_in(verdict, src, target, tgt, explained):
            _negative_derivative_in(verdict, src, target, tgt, explained)


def _negative_derivative_in(
    verdict: WordVerdict, src: str, target: Sequence[str], tgt: str, explained: Explained
) -> bool:
    """Mark ``verdict`` changed if a free translated word is its opposite by a negating
    prefix (data/negative_prefixes.json): a rendering of the word with the prefix
    ("capable" as "incapaz", "claro" as "unclear"), or a rendering of the word without
    its own ("imposible" as "possible"). WordNet pairs few such words, the dictionaries
    list fewer of their renderings."""
    word, stop = verdict.word, stopwords(tgt)
    forward = rendering_stems(word, src, tgt)
    # the word without its prefix, where that is a word the dictionaries know (not by a
    # stem's guess: "desarrollo" is no "des" + "arrollo")
    without = {
        stem(r, tgt)
        for rest in unprefixed(word, src)
        for r in lexicon.renderings(rest, src, tgt, by_stem=False)
    }
    for i, t in enumerate(target):
        if not t or i in explained or t in stop or stem(t, tgt) in forward:
            continue
        opposed = any(stem(rest, tgt) in forward for rest in unprefixed(t, tgt))
        if opposed or stem(t, tgt) in without - forward:
            explained[i] = verdict
            verdict.status, verdict.by, verdict.stands = "changed", "negative prefix", t
            verdict.means = sorted(meanings(t, tgt, src) or {t})[:3]
            verdict.renderings = sorted(lexicon.renderings(word, src, tgt))[:4]
            return True
    return False


def _opposite_in(
    verdict: WordVerdict, src: str, target: Sequence[str], tgt: str, explained: Explained
) -> bool:
    """Mark ``verdict`` changed if an antonym of its word stands free in ``target``."""
    opposite = opposites_of(verdict.word, src, tgt)
    if not opposite:
        return False  # most words: no antonym known, nothing can stand opposite
    own = english_of(verdict.word, src)
    main = main_senses(verdict.word, src, own)
    if src == "en":  # "мужчины" means man, and so does "men"
        own = own | lexicon.base_forms(verdict.word, src)
    for i, t in enumerate(target):
        senses = opposite.get(stem(t, tgt), set()) if t else set()
        by_form = not senses  # only a dictionary form of the word is an antonym
        senses = senses or _opposite_senses(opposite, t, tgt)
        if not senses and t:  # the standing word's antonyms name the word ("mayor": great)
            senses = main_of = _standing_opposes(t, tgt, main)
            by_form = False
        else:
            main_of = senses & main
        if not (main_of or len(senses) >= 2):
            continue
        meant = english_of(t, tgt)
        if meant & own:
            continue  # it also means the word: a sense of it ("trabajo" for "работаю")
        standing = main_senses(t, tgt, meant)
        if tgt == "en":  # "worst" says bad: its base form's antonyms are its own
            standing |= lexicon.base_forms(t, tgt)
        strong = any(antonyms(m) & senses for m in standing)
        # a function word has many senses, and some sense an antonym among almost anything
        # ("para": for, and "stops" of parar, so "go"): its main one must be the antonym
        if ("en" not in (src, tgt) or by_form or t in stopwords(tgt)) and not strong:
            # es<->ru goes through English twice: the antonym must be one of the main
            # senses of the word standing too (tune: correct quotes flagged 10 -> 2 of 150);
            # so must a form's ("буду" as быть, not "stay" for "move")
            continue
        if _says_the_pair(explained.get(i), verdict.word, src):
            continue  # the source says both ("hombres y mujeres"): "men" renders the other
        # a word another source word explains is taken back only by an antonym of its
        # main sense ("старым": old; not "буду", be, for "move" through "stay")
        if i in explained and not (strong and _yield(i, src, target, tgt, explained)):
            continue
        explained[i] = verdict
        verdict.status, verdict.by, verdict.stands = "changed", "antonym", t
        # what the standing word means: in the source's language; an English source
        # reads a closed-class word's hand-written sense first ("muchos": many), any
        # other source that sense where its own language has no rendering ("menos": less)
        closed = lexicon.closed_class_senses(t, tgt)
        own = set() if closed and src == "en" else meanings(t, tgt, src)
        verdict.means = sorted(own or closed or english_of(t, tgt) or {t})[:3]
        verdict.renderings = sorted(lexicon.renderings(verdict.word, src, tgt))[:4]
        return True
    return False


def _says_the_pair(holder: WordVerdict | None, word: str, src: str) -> bool:
    """Whether ``holder``, a source word found rendered, is an antonym of ``word`` itself:
    the quote says the pair ("hombres y mujeres"), and the rendering of the one ("men")
    stands for it, not for the other's opposite."""
    if holder is None or holder.status != "kept":
        return False
    opposed = set().union(*(antonyms(e) for e in english_of(word, src)))
    return bool(english_of(holder.word, src) & opposed)


def _standing_opposes(word: str, lang: str, main: set[str]) -> set[str]:
    """Those of ``main`` (the quote word's main senses, or their base forms: "smallest",
    small) that an antonym of a main sense of the translated ``word`` names ("mayor" is
    great, whose antonym is small): the antonym known from the standing side only."""
    meant = english_of(word, lang)
    standing = main_senses(word, lang, meant) if meant else set()
    # adjectives and adverbs alone: a noun's or verb's antonyms from this side flagged
    # clean quotes ("hombres" by "women" in "men and women", "move" by "палки": staff)
    standing = {m for m in standing if wordnet.word_classes(m) & {"adj", "adv"}}
    if not standing:
        return set()
    opposed = set().union(*(antonyms(m) for m in standing))
    return {b for m in main for b in (m, *lexicon.base_forms(m, "en")) if b in opposed}


def _opposite_senses(opposite: dict[str, set[str]], word: str, lang: str) -> set[str]:
    """The senses ``word`` is an antonym of, by its stem or a dictionary form's ("feas"
    is feo, "worst" is bad: stems that differ from the form's)."""
    if not word:
        return set()
    forms = {word, *lexicon.base_forms(word, lang)}
    return {s for form in forms if len(form) >= 3 for s in opposite.get(stem(form, lang), ())}


# The evidence a kept word's rendering yields to an antonym on: a dictionary's, and the
# weaker one through English of es<->ru where only a side sense joins them ("claros" took
# "слабую" by light, and "fuerte", strong, so weak, stayed unverified).
# The evidence a rendering yields to an antonym by: the dictionary's, directly, through
# English, or through a WordNet synonym ("go" met "последним" by "last": the food won't
# last).
_YIELDING = frozenset({"lexicon", "lexicon via English", "lexicon+synonym"})


def _yield(i: int, src: str, target: Sequence[str], tgt: str, explained: Explained) -> bool:
    """Whether translated word ``i`` is free for an antonym: unexplained, or explained by a
    source word's dictionary rendering (or a synonym's) that finds another free rendering
    or is common
    ("used" took "старым", the antonym of the quote's "new": "get used" is glue). An
    antonym is the stronger evidence: a word of the quote rendered by nothing else."""
    if i not in explained:
        return True
    holder = explained[i]
    if holder is None or holder.status != "kept" or holder.by not in _YIELDING:
        return False
    through_english = holder.by == "lexicon via English"
    if through_english and not _by_a_side_sense(holder, i, src, target, tgt):
        return False  # met through English by a main sense: as good as a rendering
    others = {*explained, i}
    at, by = find_rendering(holder.word, src, target, tgt, others)
    if at is not None:
        explained[at] = holder
        holder.by = by
    elif is_rare(holder.word, src) and not through_english:
        return False
    else:
        holder.status, holder.by = "unverified", ""
    del explained[i]
    return True


def _by_a_side_sense(
    holder: WordVerdict, i: int, src: str, target: Sequence[str], tgt: str
) -> bool:
    """Whether ``holder`` met translated word ``i`` through English only by a sense that is
    none of the word's main ones ("claros" and "слабую" share light; слабый is weak)."""
    meant = english_of(target[i], tgt)
    return not (english_of(holder.word, src) & main_senses(target[i], tgt, meant))


def function_word_opposites(
    quote: str, src: str, target: Sequence[str], tgt: str, negated: set[str]
) -> list[WordVerdict]:
    """Words of the stopword lists with antonyms ("many" -> "few", "before" -> "after",
    "больше" -> "less") that the translated quote does not render while it has their
    antonym: changed. Content words alone would never see them."""
    words = [w for w in dict.fromkeys(function_words(quote, src)) if w not in negated]
    source_stems = {stem(w, tgt) for w in tokens(quote)} if src == tgt else set()
    taken: Explained = {i: None for i, t in enumerate(target) if stem(t, tgt) in source_stems}
    out = []
    for word in words:
        if not opposites_of(word, src, tgt):
            continue  # no antonym known ("the", "para"): not worth looking for its rendering
        if find_rendering(word, src, target, tgt, ())[0] is not None:
            continue  # rendered
        verdict = WordVerdict(word, "unverified")
        if _opposite_in(verdict, src, target, tgt, taken):
            out.append(verdict)
    return out


@lru_cache(maxsize=1 << 14)  # asked again for each quote with the word; callers only read it
def opposites_of(word: str, src: str, tgt: str) -> dict[str, set[str]]:
    """Stems, in ``tgt``, of the antonyms of ``word`` -> the English senses of the word they
    are antonyms of: English antonyms of the word or of its English renderings, rendered
    into ``tgt`` when that is not English."""
    english = english_of(word, src)
    out: dict[str, set[str]] = {}
    for sense in english:
        # an inflected form's own senses may lack its base's: "losses" (winnings), "loss"
        # (gain); "rose" (the flower), "rise" (fall). Not a participle's: "headed",
        # "used" are adjectives of their own, far from "head" (tail) and "use"
        participle = sense.endswith("ed")
        bases = lexicon.base_forms(sense, "en") if src == "en" and not participle else set()
        found = antonyms(sense).union(*(antonyms(b) for b in bases))
        for antonym in found - english:
            if " " in antonym:
                continue
            words = {antonym} if tgt == "en" else lexicon.renderings(antonym, "en", tgt)
            for w in words:
                out.setdefault(stem(w, tgt), set()).add(sense)
    return out
