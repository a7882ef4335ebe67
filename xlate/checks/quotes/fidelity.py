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

Modules: ``evidence`` (the renderings and senses of a word, the verdict), ``opposites``
(an antonym standing in a word's place), ``missing`` (what else stands there).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence

from xlate.checks.quotes.evidence import (
    Explained,
    WordVerdict,
    after_negator,
    find_rendering,
    function_words,
    pivot_synonym,
    without_phrases,
)
from xlate.checks.quotes.missing import decide_missing
from xlate.checks.quotes.opposites import antonyms_in_place, function_word_opposites, opposed_uses
from xlate.checks.quotes.substitution import substituted
from xlate.text import wordnet
from xlate.text.words import content_words, stem, tokens

__all__ = ["Explained", "WordVerdict", "judge_words"]


# The evidence that a function word of a translated quote renders a source word.
_DIRECT = frozenset({"lexicon", "cognate"})


def judge_words(
    quote: str,
    src: str,
    translated: str,
    tgt: str,
    back: str | None = None,
    untranslated: Sequence[str] = (),
    context: tuple[str, str] | None = None,
) -> list[WordVerdict]:
    """One verdict per distinct content word of ``quote`` (see the module doc);
    ``context``: the source and translated sentences it lies in (else the quotes alone)."""
    # a function phrase's words are no content words ("instead of", "en lugar de")
    quote_words = content_words(without_phrases(quote, src), src)
    source = list(dict.fromkeys(w for w in quote_words if not w.isdigit()))
    target = [w for w in content_words(without_phrases(translated, tgt), tgt) if not w.isdigit()]
    back_words = set(tokens(back)) if back else set()
    back_stems = {stem(w, src) for w in back_words}
    explained: Explained = {}
    verdicts: list[WordVerdict] = []
    # a translated word after a negator may say a negative derivative ("not decent" for
    # "неприличными"): its look-alike counts as the same word there
    negated_target = after_negator(translated, tgt)
    for word in source:
        at, by = find_rendering(word, src, target, tgt, explained, negated_target)
        if at is not None:
            kept = WordVerdict(word, "kept", by)
            explained[at] = kept
            verdicts.append(kept)
        elif back is not None and (
            stem(word, src) in back_stems
            or (src == "en" and wordnet.synonyms(word) & back_words)
            or pivot_synonym(word, src, tgt, back_words)
        ):
            verdicts.append(WordVerdict(word, "kept", "back-translation"))
        else:
            verdicts.append(WordVerdict(word, "unverified"))
    for verdict in verdicts:
        if verdict.status == "unverified":
            _take_over(verdict, src, target, tgt, explained, negated_target)
    # a quantifier or pronoun ("many", "everyone") is rendered by a word of the stopword
    # lists ("muchos", "все"), which the content words leave out: looked for there last,
    # each such word at the index it has in ``opposable`` below
    extended = [*target, *function_words(translated, tgt)]
    for verdict in verdicts:
        if verdict.status == "unverified":
            taken = {*explained, *range(len(target))}
            at, by = find_rendering(verdict.word, src, extended, tgt, taken, negated_target)
            # a dictionary's rendering only: a function word meets almost anything through
            # a synonym or English ("good" is just, and "только" just)
            if at is not None and by in _DIRECT:
                explained[at] = verdict
                verdict.status, verdict.by = "kept", by
    # a word of the stopword list may have an antonym ("many" -> "few"): those of 3
    # letters or more ("a", "de", "no" render half the dictionary) ...
    negated = after_negator(quote, src)
    opposable = extended
    # ... and a content word's among them: a content word of any length ("paz" for
    # "war"), a function word when English or of 4 letters or more (some sense of almost
    # any word has "con" among the renderings of its antonym); blanked, not dropped, so
    # that each word keeps its index in ``explained``
    content_opposable = [
        t if tgt == "en" or len(t) >= 4 or i < len(target) else "" for i, t in enumerate(opposable)
    ]
    repeated = _repeated(quote_words, verdicts, src, target, tgt, explained)
    antonyms_in_place(verdicts, src, content_opposable, tgt, explained, negated)
    verdicts += opposed_uses(repeated, src, content_opposable, tgt, explained, negated)
    verdicts += function_word_opposites(quote, src, opposable, tgt, negated)
    # a name ("Charles" as "Carolina") is the names check's business, not a changed word
    names = {w.lower() for w in re.findall(r"(?<=\w )[^\W\d_]+", quote) if w[0].isupper()}
    decide_missing(verdicts, source, target, src, tgt, explained, untranslated, names)
    if not untranslated:
        sentences = context or (quote, translated)
        substituted(verdicts, source, target, translated, src, tgt, explained, sentences, names)
    return verdicts


def _take_over(
    verdict: WordVerdict,
    src: str,
    target: Sequence[str],
    tgt: str,
    explained: Explained,
    negated: Collection[str],
) -> None:
    """A word not found whose rendering an earlier word took though that word has another
    ("chain" took "sierras", a mountain chain, from "saws" and has "cadena"): the earlier
    word moves to its other rendering, the word takes its own."""
    for j, holder in list(explained.items()):
        if holder is None or holder.by not in ("lexicon", "cognate"):
            continue
        others = [k for k in explained if k != j]
        at, by = find_rendering(verdict.word, src, target, tgt, others, negated)
        if at != j:
            continue
        moved, moved_by = find_rendering(holder.word, src, target, tgt, {*explained, j}, negated)
        if moved is None:
            continue
        explained[moved], holder.by = holder, moved_by
        explained[j] = verdict
        verdict.status, verdict.by = "kept", by
        return


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
            at, _by = find_rendering(verdict.word, src, target, tgt, explained)
            if at is None:
                out.append(WordVerdict(verdict.word, "unverified"))
                break
            explained[at] = verdict
    return out
