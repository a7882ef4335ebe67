"""A stretch of the source that nothing of the translation renders (left out), and a
stretch of the translation that nothing of the source says (added).

A person's translation rewords freely, so a word not found proves nothing; a run of the
source's words none of which is found, in a translation shorter than usual by about that
run's length, while the rest of the sentence is found as usual, is what an omission looks
like ("…, страдающие от ожирения, …" gone). Only *known* words count: content words the
bilingual lexicon has renderings for, and figures; a run is a stretch whose known words
are all unfound (unknown words and function words between them do not break it). A word
is found by a shared stem with a known rendering either way, a look-alike (the first
letters of its Latin form: names, cognates, figures) or, es<->ru, a shared English sense.

The length test keeps a reworded stretch (its words changed, its length not) from reading
as a lost one, and so does what the translation says instead: a reworded stretch leaves
about as many known words of the translation unfound in the source, a lost one none. An
addition is the same test the other way round: a run of the translation's words the
source does not say, in a translation longer than usual by about its length. With a
back-translation a lost run must be missing from it too (its words' stems), or the
engine's slip on the way back would read as the translation's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from xlate.checks import lexicon
from xlate.checks.document import AnalysedDocument, AnalysisSettings, Findings, SentencePair
from xlate.checks.qa import length_ratio
from xlate.checks.quotes.evidence import english_of
from xlate.report import Flag
from xlate.text.words import content_words, shorten, stem, stopwords, token_spans, tokens

_LANGS = frozenset({"en", "es", "ru"})
# A run is judged with at least this many known words ...
_MIN_RUN = 4
# ... and the rest of the sentence with at least this many, of which this share found.
_MIN_REST = 4
_REST_FOUND = 0.4
# The translation must be shorter than usual by at least this share of the run's length.
_SHORTER = 0.75


@dataclass(frozen=True)
class _Known:
    word: str
    start: int
    end: int
    found: bool


class OmissionCheck:
    """A stretch of the source the translation leaves out, or one of the translation that
    says nothing of the source."""

    name = "omission"

    def run(self, document: AnalysedDocument, settings: AnalysisSettings) -> Findings:
        found = Findings()
        for pair in document.pairs:
            flags = _judge(pair)
            if flags:
                found.add(pair.index, flags)
        return found


def _judge(pair: SentencePair) -> list[Flag]:
    if pair.src not in _LANGS or pair.tgt not in _LANGS or pair.src == pair.tgt:
        return []
    source, translation = pair.source, pair.translation.text
    if not translation.strip():
        return []
    flags = []
    lost = _unmatched(source, pair.src, translation, pair.tgt)
    if lost is not None and pair.back is not None and _in_back(lost, pair.back.text, pair.src):
        lost = None  # the back-translation says it again: the translation has it
    if lost is not None:
        flag = _flag("omission", source, lost, "in the translation renders", "it is shorter")
        flag.span = [lost[0].start, lost[-1].end]
        flags.append(flag)
    added = _unmatched(translation, pair.tgt, source, pair.src)
    if added is not None:
        flags.append(
            _flag("addition", translation, added, "in the source says", "the translation is longer")
        )
    return flags


def _flag(kind: str, text: str, run: list[_Known], unsaid: str, length: str) -> Flag:
    span, words = text[run[0].start : run[-1].end], [k.word for k in run]
    return Flag(
        kind=kind,
        severity="medium",
        reason=f"nothing {unsaid} “{shorten(span)}” (looked for {len(words)} of its "
        f"words: {', '.join(words[:4])}), and {length} by about that",
        detail={"span": span, "words": words},
    )


def _unmatched(text: str, lang: str, other: str, other_lang: str) -> list[_Known] | None:
    """The run of ``text``'s known words that ``other`` (its translation, or the source it
    translates) leaves unsaid, if the tests of the module doc hold."""
    ratio = length_ratio(text, other, lang, other_lang)
    # the length test first, with the shortest run there can be (its words of one letter,
    # one between each two): most sentences are not short enough for any run, and the
    # lexicon's lookups, the cost of the rest, are left undone
    if ratio > 1 - _SHORTER * (2 * _MIN_RUN - 1) / max(len(text.strip()), 1):
        return None
    # first every content word, by the cheap evidence (look-alikes): a run of the known
    # words unfound lies within a run of these and spans at least _MIN_RUN consecutive
    # words of it, so where no such stretch is short enough for the length test none of
    # the lexicon's lookups can find one
    cheap = _Seen.of(other, other_lang, lang, deep=False)
    least = _least_share(_known_words(text, lang, cheap, lookups=False), text)
    if least is None or ratio > 1 - _SHORTER * least:
        return None
    # then this side's words by their renderings alone (the other side's, a lookup per
    # word, are asked only where that leaves a run that can pass): the same bound
    least = _least_share(_known_words(text, lang, cheap, lookups=True), text)
    if least is None or ratio > 1 - _SHORTER * least:
        return None
    seen = _Seen.of(other, other_lang, lang, deep=True)
    known = _known_words(text, lang, seen, lookups=True)
    run = _longest_unfound(known)
    if len(run) < _MIN_RUN:
        return None
    rest = [k for k in known if k not in run]
    if len(rest) < _MIN_REST or sum(k.found for k in rest) < _REST_FOUND * len(rest):
        return None
    # a stretch left out takes its length with it; a stretch reworded keeps it
    if ratio > 1 - _SHORTER * _share(run, text):
        return None
    # what a reworded stretch says instead: known words of the other side found nowhere
    # here, as many as the run's at least; a stretch left out leaves none behind
    back = _Seen.of(text, lang, other_lang, deep=True)
    unexplained = [k for k in _known_words(other, other_lang, back, lookups=True) if not k.found]
    if len(unexplained) > len(run):
        return None
    return run


def _share(run: list[_Known], text: str) -> float:
    """How much of ``text`` the run spans."""
    return (run[-1].end - run[0].start) / max(len(text.strip()), 1)


def _least_share(words: list[_Known], text: str) -> float | None:
    """The smallest share of ``text`` that _MIN_RUN consecutive unfound words span (None:
    no such words)."""
    least: float | None = None
    current: list[_Known] = []
    for k in words:
        current = [] if k.found else [*current, k][-_MIN_RUN:]
        if len(current) == _MIN_RUN:
            share = _share(current, text)
            least = share if least is None else min(least, share)
    return least


def _longest_unfound(known: list[_Known]) -> list[_Known]:
    """The longest run of consecutive known words none of which is found (the first)."""
    best: list[_Known] = []
    current: list[_Known] = []
    for k in known:
        if k.found:
            current = []
            continue
        current.append(k)
        if len(current) > len(best):
            best = list(current)
    return best


def _known_words(source: str, src: str, seen: _Seen, *, lookups: bool) -> list[_Known]:
    """The source's known words (the first use of each), in order, each found in what
    ``seen`` says of the other side or not. A word that looks like one there is found (a
    name, a figure, a cognate); without ``lookups`` every other content word counts as
    known and unfound, with them only those the lexicon knows, found by their renderings."""
    tgt = seen.lang
    stop = stopwords(src)
    out: list[_Known] = []
    uses: set[str] = set()
    for word, start, end in token_spans(source, src):
        if not word or word in stop or word in uses:
            continue
        uses.add(word)
        if _looks_alike(word, seen):
            out.append(_Known(word, start, end, True))
            continue
        if not lookups:
            out.append(_Known(word, start, end, False))
            continue
        forward = _rendering_stems(word, src, tgt)
        english = english_of(word, src) if seen.via_english else set()
        if not (forward or english or word[0].isdigit()):
            continue  # unknown: no evidence either way
        found = bool(forward & seen.stems or stem(word, src) in seen.back or english & seen.english)
        out.append(_Known(word, start, end, found))
    return out


@dataclass(frozen=True)
class _Seen:
    """What a translation says, as the source's words are looked for in it."""

    lang: str
    via_english: bool  # es<->ru: words are found by their English senses
    stems: frozenset[str]  # its content words' stems
    back: frozenset[str]  # the source-language stems of their renderings (deep only)
    looks: frozenset[str]  # the first five letters of their Latin forms
    fours: frozenset[str]  # the first four
    short: frozenset[str]  # the first four of those of five letters at most
    english: frozenset[str]  # es<->ru: their English senses (deep only)

    @classmethod
    def of(cls, text: str, lang: str, src: str, *, deep: bool) -> _Seen:
        """What ``text`` (language ``lang``) says for words of ``src``; ``deep``: with what
        costs a lookup per word (their renderings, their English senses)."""
        words = content_words(text, lang)
        via_english = "en" not in (src, lang) and not lexicon.covers(src, lang)
        latin = [lexicon.latin_form(w) for w in words]
        return cls(
            lang=lang,
            via_english=via_english,
            stems=frozenset(stem(w, lang) for w in words),
            back=frozenset().union(*(_rendering_stems(w, lang, src) for w in words))
            if deep
            else frozenset(),
            looks=frozenset(w[:5] for w in latin),
            fours=frozenset(w[:4] for w in latin),
            short=frozenset(w[:4] for w in latin if len(w) <= 5),
            english=frozenset().union(*(english_of(w, lang) for w in words))
            if via_english and deep
            else frozenset(),
        )


# Its own bounded cache, not the quote check's: every word of every sentence is asked here,
# both ways, and a cache that large kept ~16 MiB more alive through a 3,003-line check.
# (Latin forms are cached where they are made, in the lexicon.)
@lru_cache(maxsize=1 << 11)
def _rendering_stems(word: str, src: str, tgt: str) -> frozenset[str]:
    """The stems of the known renderings of ``word`` (see ``quotes.evidence``)."""
    return frozenset(stem(r, tgt) for r in lexicon.renderings(word, src, tgt))


def _looks_alike(word: str, seen: _Seen) -> bool:
    """Whether a translated word looks like ``word`` as ``lexicon.cognate`` first asks: the
    same first five letters of the Latin form, or four where one has at most five
    ("Ираком", Irak)."""
    latin = lexicon.latin_form(word)
    if latin[:5] in seen.looks or latin[:4] in seen.short:
        return True
    return len(latin) <= 5 and latin[:4] in seen.fours


def _in_back(run: list[_Known], back: str, src: str) -> bool:
    """Whether the back-translation says some word of the run again."""
    back_stems = {stem(w, src) for w in tokens(back)}
    return any(stem(k.word, src) in back_stems for k in run)
