"""Word by word: does the translated quote render each content word of the source quote?

A source word is ``kept`` when some evidence finds it in the translated quote: a known
rendering from the bilingual lexicon (either direction), a cognate or transliteration
(unidecode), an English synonym (WordNet) of what a translated word means, or the word
itself in the back-translation. A word not found is ``changed`` only when what stands in
its place is accounted for as something else: every content word of the translation left
unexplained has a known meaning, none of them a synonym of the word (the sample's
"deterrent" rendered "incentivo", which means incentive). When an unexplained word of
unknown meaning is left (the engine or the lexicon does not know "disuasorio"), the word
may be rendered by it: ``unverified``, shown but never flagged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from xlate.checks import lexicon
from xlate.checks.quotes.prefixes import negation_apart, unprefixed
from xlate.text import wordnet
from xlate.text.datafiles import data_json
from xlate.text.words import content_words, stem, stopwords, tokens

# A quote that lost more words than this was reworded, not changed word for word.
_MAX_CHANGED = 2
# ...and a quote of which less than this was verified says too little about the rest.
_MIN_KEPT = 3
_MIN_KEPT_SHARE = 0.85
# A quote's key word, and a word standing for it, are rarer than this (Zipf: "people" 6.2,
# "known" 5.3, "deterrent" 3.2, "incentivo" 3.6).
_KEY_ZIPF = 5.0
# The senses of a word (its English renderings) whose antonyms count alone: the commonest.
_MAIN_SENSES = 2


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


def judge_words(
    quote: str,
    src: str,
    translated: str,
    tgt: str,
    back: str | None = None,
    untranslated: Sequence[str] = (),
) -> list[WordVerdict]:
    """One verdict per distinct content word of ``quote`` (see the module doc)."""
    source = list(dict.fromkeys(w for w in content_words(quote, src) if not w.isdigit()))
    target = [w for w in content_words(translated, tgt) if not w.isdigit()]
    back_words = set(tokens(back)) if back else set()
    back_stems = {stem(w, src) for w in back_words}
    explained: Explained = {}
    verdicts: list[WordVerdict] = []
    # a translated word after a negator may say a negative derivative ("not decent" for
    # "неприличными"): its look-alike counts as the same word there
    negated_target = _negated(translated, tgt)
    for word in source:
        at, by = _find(word, src, target, tgt, explained, negated_target)
        if at is not None:
            kept = WordVerdict(word, "kept", by)
            explained[at] = kept
            verdicts.append(kept)
        elif back is not None and (
            stem(word, src) in back_stems or (src == "en" and wordnet.synonyms(word) & back_words)
        ):
            verdicts.append(WordVerdict(word, "kept", "back-translation"))
        else:
            verdicts.append(WordVerdict(word, "unverified"))
    # a word of the stopword list may have an antonym ("many" -> "few"): those of 3
    # letters or more ("a", "de", "no" render half the dictionary) ...
    negated = _negated(quote, src)
    opposable = [*target, *_function_words(translated, tgt)]
    # ... and a content word's among them: an English one, or of 4 letters or more (some
    # sense of almost any word has "con" among the renderings of its antonym); blanked,
    # not dropped, so that each word keeps its index in ``explained``
    content_opposable = [t if tgt == "en" or len(t) >= 4 else "" for t in opposable]
    repeated = _repeated(content_words(quote, src), verdicts, src, target, tgt, explained)
    _antonyms_in_place(verdicts, src, content_opposable, tgt, explained, negated)
    verdicts += _opposed_uses(repeated, src, content_opposable, tgt, explained, negated)
    verdicts += _function_word_opposites(quote, src, opposable, tgt, negated)
    # a name ("Charles" as "Carolina") is the names check's business, not a changed word
    names = {w.lower() for w in re.findall(r"(?<=\w )[^\W\d_]+", quote) if w[0].isupper()}
    _decide_missing(verdicts, source, target, src, tgt, explained, untranslated, names)
    return verdicts


def _repeated(
    words: Sequence[str],
    verdicts: Sequence[WordVerdict],
    src: str,
    target: Sequence[str],
    tgt: str,
    explained: Explained,
) -> list[WordVerdict]:
    """Kept words the quote says more often than the translation renders them ("the best
    league player ... among the best three" with one "mejores"): their other renderings
    are taken; a use left unrendered comes back, unverified."""
    counts = Counter(words)
    out = []
    for verdict in verdicts:
        uses = counts[verdict.word]
        if verdict.status != "kept" or verdict.by == "back-translation" or uses < 2:
            continue
        for _ in range(uses - 1):
            at, _by = _find(verdict.word, src, target, tgt, explained)
            if at is None:
                out.append(WordVerdict(verdict.word, "unverified"))
                break
            explained[at] = verdict
    return out


def _opposed_uses(
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


def _negated(quote: str, lang: str) -> set[str]:
    """Words of ``quote`` right after a negator: "not decent" may come out "indecent"."""
    negators = set(data_json("negation.json").get(lang, {}).get("negators", ()))
    words = tokens(quote)
    return {w for i, w in enumerate(words) if negators & set(words[max(0, i - 3) : i])}


def _antonyms_in_place(
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
    forward = _rendering_stems(word, src, tgt)
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
            verdict.means = sorted(_meanings(t, tgt, src) or {t})[:3]
            verdict.renderings = sorted(lexicon.renderings(word, src, tgt))[:4]
            return True
    return False


def _opposite_in(
    verdict: WordVerdict, src: str, target: Sequence[str], tgt: str, explained: Explained
) -> bool:
    """Mark ``verdict`` changed if an antonym of its word stands free in ``target``."""
    opposite = _opposites(verdict.word, src, tgt)
    if not opposite:
        return False  # most words: no antonym known, nothing can stand opposite
    own = _english(verdict.word, src)
    main = _main_senses(verdict.word, src, own)
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
        meant = _english(t, tgt)
        if meant & own:
            continue  # it also means the word: a sense of it ("trabajo" for "работаю")
        standing = _main_senses(t, tgt, meant)
        if tgt == "en":  # "worst" says bad: its base form's antonyms are its own
            standing |= lexicon.base_forms(t, tgt)
        strong = any(wordnet.antonyms(m) & senses for m in standing)
        if ("en" not in (src, tgt) or by_form) and not strong:
            # es<->ru goes through English twice: the antonym must be one of the main
            # senses of the word standing too (tune: correct quotes flagged 10 -> 2 of 150);
            # so must a form's ("буду" as быть, not "stay" for "move")
            continue
        # a word another source word explains is taken back only by an antonym of its
        # main sense ("старым": old; not "буду", be, for "move" through "stay")
        if i in explained and not (strong and _yield(i, src, target, tgt, explained)):
            continue
        explained[i] = verdict
        verdict.status, verdict.by, verdict.stands = "changed", "antonym", t
        verdict.means = sorted(_meanings(t, tgt, src) or _english(t, tgt) or {t})[:3]
        verdict.renderings = sorted(lexicon.renderings(verdict.word, src, tgt))[:4]
        return True
    return False


def _standing_opposes(word: str, lang: str, main: set[str]) -> set[str]:
    """Those of ``main`` (the quote word's main senses, or their base forms: "smallest",
    small) that an antonym of a main sense of the translated ``word`` names ("mayor" is
    great, whose antonym is small): the antonym known from the standing side only."""
    meant = _english(word, lang)
    standing = _main_senses(word, lang, meant) if meant else set()
    # adjectives and adverbs alone: a noun's or verb's antonyms from this side flagged
    # clean quotes ("hombres" by "women" in "men and women", "move" by "палки": staff)
    standing = {m for m in standing if wordnet.word_classes(m) & {"adj", "adv"}}
    if not standing:
        return set()
    opposed = set().union(*(wordnet.antonyms(m) for m in standing))
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
_YIELDING = frozenset({"lexicon", "lexicon via English"})


def _yield(i: int, src: str, target: Sequence[str], tgt: str, explained: Explained) -> bool:
    """Whether translated word ``i`` is free for an antonym: unexplained, or explained by a
    source word's dictionary rendering that finds another free rendering or is common
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
    at, by = _find(holder.word, src, target, tgt, others)
    if at is not None:
        explained[at] = holder
        holder.by = by
    elif _rare(holder.word, src) and not through_english:
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
    meant = _english(target[i], tgt)
    return not (_english(holder.word, src) & _main_senses(target[i], tgt, meant))


def _function_words(text: str, lang: str) -> list[str]:
    stop = stopwords(lang)
    return [w for w in tokens(text) if w in stop and len(w) >= 3]


def _function_word_opposites(
    quote: str, src: str, target: Sequence[str], tgt: str, negated: set[str]
) -> list[WordVerdict]:
    """Words of the stopword lists with antonyms ("many" -> "few", "before" -> "after",
    "больше" -> "less") that the translated quote does not render while it has their
    antonym: changed. Content words alone would never see them."""
    words = [w for w in dict.fromkeys(_function_words(quote, src)) if w not in negated]
    source_stems = {stem(w, tgt) for w in tokens(quote)} if src == tgt else set()
    taken: Explained = {i: None for i, t in enumerate(target) if stem(t, tgt) in source_stems}
    out = []
    for word in words:
        if not _opposites(word, src, tgt):
            continue  # no antonym known ("the", "para"): not worth looking for its rendering
        if _find(word, src, target, tgt, ())[0] is not None:
            continue  # rendered
        verdict = WordVerdict(word, "unverified")
        if _opposite_in(verdict, src, target, tgt, taken):
            out.append(verdict)
    return out


def _main_senses(word: str, src: str, english: set[str]) -> set[str]:
    """The English senses of a word whose antonyms count alone. Through a dictionary a
    common word has many senses and some sense has an antonym among almost anything
    ("знать": have, know, see ...): those the dictionary gives the word first for ("know"
    is знать first, "have" is иметь), else the two commonest."""
    if src == "en":
        return english
    main = lexicon.main_senses(word, src, english)
    if main:
        return main
    # no order known: the two commonest; the word first for none of its senses ("хотел":
    # want lists хотеть second): the commonest alone, not none at all
    count = _MAIN_SENSES if main is None else 1
    return set(sorted(english, key=lambda e: -lexicon.zipf(e, "en"))[:count])


@lru_cache(maxsize=1 << 14)  # asked again for each quote with the word; callers only read it
def _opposites(word: str, src: str, tgt: str) -> dict[str, set[str]]:
    """Stems, in ``tgt``, of the antonyms of ``word`` -> the English senses of the word they
    are antonyms of: English antonyms of the word or of its English renderings, rendered
    into ``tgt`` when that is not English."""
    english = _english(word, src)
    out: dict[str, set[str]] = {}
    for sense in english:
        # an inflected form's own senses may lack its base's: "losses" (winnings), "loss"
        # (gain); "rose" (the flower), "rise" (fall). Not a participle's: "headed",
        # "used" are adjectives of their own, far from "head" (tail) and "use"
        participle = sense.endswith("ed")
        bases = lexicon.base_forms(sense, "en") if src == "en" and not participle else set()
        found = wordnet.antonyms(sense).union(*(wordnet.antonyms(b) for b in bases))
        for antonym in found - english:
            if " " in antonym:
                continue
            words = {antonym} if tgt == "en" else lexicon.renderings(antonym, "en", tgt)
            for w in words:
                out.setdefault(stem(w, tgt), set()).add(sense)
    return out


def _english(word: str, lang: str) -> set[str]:
    """What a word means in English as far as the lexicon knows (an English word: itself)."""
    return {word} if lang == "en" else lexicon.renderings(word, lang, "en")


def _find(
    word: str,
    src: str,
    target: Sequence[str],
    tgt: str,
    explained: Collection[int],
    negated: Collection[str] = (),
) -> tuple[int | None, str]:
    """The index of a free translated word that renders ``word``, and the evidence (a
    look-alike with a negating prefix only one of them has is none, unless ``negated``)."""
    forward = _rendering_stems(word, src, tgt)
    free = [(i, t) for i, t in enumerate(target) if i not in explained]
    for i, t in free:
        if lexicon.cognate(word, t) and (t in negated or not negation_apart(word, src, t, tgt)):
            return i, "cognate"
    # an English irregular form is looked up as its base too: "found" (find) is "найденный"
    own = {stem(w, src) for w in (word, *(lexicon.base_forms(word, src) if src == "en" else ()))}
    for i, t in free:
        if stem(t, tgt) in forward or own & _rendering_stems(t, tgt, src):
            return i, "lexicon"
    long = {r for r in lexicon.renderings(word, src, tgt) if len(r) >= 6}
    for i, t in free:  # another form of a rendering: "окружен" (окружить) for "окружать"
        if len(t) >= 6 and any(
            lexicon.cognate(t, r) and (t in negated or not negation_apart(r, tgt, t, tgt))
            for r in long
        ):
            return i, "lexicon"
    for i, t in free if tgt == "en" else ():  # an irregular form: "lost" (lose), "worse"
        if any(stem(b, tgt) in forward for b in lexicon.base_forms(t, tgt)):
            return i, "lexicon"
    # asked only now: most words are found by the loops above
    synonyms = wordnet.synonyms(word) if src == "en" else set()
    if synonyms:
        for i, t in free:
            if _meanings(t, tgt, src) & synonyms:
                return i, "lexicon+synonym"
    if "en" not in (src, tgt) and not lexicon.covers(src, tgt):
        own = _english(word, src)  # es<->ru: no dictionary of the pair, both of English
        for i, t in free:
            if own & _english(t, tgt):
                return i, "lexicon via English"
    return None, ""


@lru_cache(maxsize=1 << 15)
def _rendering_stems(word: str, src: str, tgt: str) -> frozenset[str]:
    """The stems of the known renderings of ``word``: asked of each free translated word
    for each source word of a quote, and the same words again across a document."""
    return frozenset(stem(r, tgt) for r in lexicon.renderings(word, src, tgt))


def _meanings(word: str, lang: str, src: str, by_stem: bool = True) -> set[str]:
    """What a translated word means in the source language, as far as it is known."""
    if lang == "en":
        return {word} if lexicon.is_english_word(word) else set()
    known = set(lexicon.renderings(word, lang, src, by_stem))
    if src == "en":
        known.update(lexicon.english_cognates(word))
    return known


def _decide_missing(
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
    missing = [v for v in verdicts if v.status == "unverified" and _rare(v.word, src)]
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
    free = [i for i in range(len(target)) if i not in explained and _rare(target[i], tgt)]
    # known meanings only: a stem's guess ("приняты" as prinia) says nothing
    means = {i: _meanings(target[i], tgt, src, by_stem=False) for i in free}
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
        lo, hi = _place(source.index(word), verdicts[: len(source)], explained, len(target))
        near = [i for i in free if lo <= i <= hi]
        if not near:
            continue  # nothing unexplained stands in its place: reordered or reworded
        at = min(near, key=lambda i: abs(i / max(len(target) - 1, 1) - rel))
        free.remove(at)
        verdict.status, verdict.by = "changed", "lexicon"
        verdict.stands, verdict.means = target[at], sorted(means[at])[:3]
        verdict.renderings = sorted(lexicon.renderings(word, src, tgt))[:4]


def _place(
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


def _rare(word: str, lang: str) -> bool:
    return lexicon.zipf(word, lang) < _KEY_ZIPF


def _related(word: str, means: set[str], src: str) -> bool:
    """Whether a meaning of the standing word may render ``word``: a synonym (WordNet), a
    part of it ("largo" = long for "long-term") or the same word."""
    parts = set(word.split("-"))
    if means & parts or any(lexicon.cognate(word, m) or _stem_of(word, m) for m in means):
        return True
    if src != "en":  # the word's own English renderings ("diarias": daily) against "day"
        own = {r for t in lexicon.renderings(word, src, "en") for r in (t, *wordnet.synonyms(t))}
        return any(_stem_of(r, m) for r in own for m in means)
    near = wordnet.relatives(word)
    if means & near or any(word in wordnet.relatives(m) for m in means):
        return True
    return any(_stem_of(n, m) for n in near for m in means if " " not in n)


def _stem_of(a: str, b: str) -> bool:
    """Whether one word is the other with an ending ("rule"/"rules", "decide"/"decided";
    British or American: "honour"/"honoring")."""
    short, long = sorted((a.replace("our", "or"), b.replace("our", "or")), key=len)
    return len(short) >= 3 and long.startswith(short[:-1] if len(short) > 3 else short)
