"""Whether a quote_opposite variant could be caught from the source at all: the word the
injector swapped, or the opposite it put in, has a counterpart in the source's quotes.

The two sides of newstest2012 are independent translations (of Czech, often), so the word
swapped in the translation's quote often has none: "It makes me happy" -> "unhappy" for
"Estoy muy satisfecho". Such variants are counted apart ('unreachable'); what counts as
caught does not change.

Unlike the injectors, this asks xlate's own dictionaries (there is no other bilingual
source here), so a dictionary gap counts as unreachable too: the share is an upper bound,
and 'caught' over all variants stays the figure of record.
"""

from __future__ import annotations

from functools import lru_cache

from benchmarks.challenge.cases import Case, Edit
from benchmarks.challenge.text import quotes, words


def reachable(case: Case, edit: Edit) -> bool:
    """Whether a word of the source's quotes is a known rendering, a base form's, or a
    look-alike of the swapped word or of its replacement."""
    inside = {w.text.lower() for q in quotes(case.source) for w in words(q.text)}
    swapped = {edit.old.lower(), edit.new.lower()}
    return any(_counterpart(s, case.src, w, case.tgt) for s in inside for w in swapped)


@lru_cache(maxsize=1 << 16)
def _counterpart(source: str, src: str, word: str, tgt: str) -> bool:
    from xlate.checks import lexicon
    from xlate.text.words import stem

    if lexicon.cognate(source, word):
        return True
    forms = {source, *lexicon.base_forms(source, src)}
    targets = {word, *lexicon.base_forms(word, tgt)}
    wanted = {stem(t, tgt) for t in targets}
    for form in forms:
        # es<->ru: no dictionary of the pair; through English, as the check goes
        found = (
            lexicon.renderings(form, src, tgt)
            if "en" in (src, tgt)
            else {
                r
                for e in lexicon.renderings(form, src, "en")
                for r in lexicon.renderings(e, "en", tgt)
            }
        )
        if wanted & {stem(r, tgt) for r in found}:
            return True
    back = {stem(r, src) for t in targets for r in _back(t, tgt, src)}
    return bool(back & {stem(f, src) for f in forms})


def _back(word: str, tgt: str, src: str) -> set[str]:
    from xlate.checks import lexicon

    if "en" in (src, tgt):
        return lexicon.renderings(word, tgt, src)
    return {
        r for e in lexicon.renderings(word, tgt, "en") for r in lexicon.renderings(e, "en", src)
    }
