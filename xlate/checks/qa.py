"""Model-free checks of one translated sentence, in the manner of pofilter and Xbench.

``check_translation(source, translation, src, tgt, thresholds) -> list[Flag]``
    ``source`` is one sentence (or sentence group) in language ``src``, ``translation`` its
    translation in ``tgt``; ``thresholds`` is ``xlate.config.Thresholds``. Returns
    ``xlate.report.Flag`` objects (kind, severity, reason an editor can read, detail), for:

    ========== ======== ==========================================================
    kind       severity when
    ========== ======== ==========================================================
    empty      high     the translation is blank and the source is not
    untranslated high/  the translation repeats the source (high) or mostly its
               medium   words (medium); sentences of only names/numbers/URLs aside
    wrong_language high lingua is confident the translation is in another language
    length     medium   the length ratio, normalised per language pair, is outside
                        ``length_ratio_low``/``length_ratio_high``
    repetition high/    an n-gram repeated ``repetition_min_repeats`` times in a row
               medium   (high), or a phrase said twice that the source says once
    bracket    low      ( ) [ ] { } of the source missing in the translation
    url, email medium   a URL / e-mail address not carried over verbatim
    acronym    low      an acronym neither kept, transliterated nor a known
                        translation (NATO/OTAN/НАТО, UN/ONU/ООН, U.S./EE. UU./США...)
    quote      medium   the source has more quotations than the translation
                        (any style: «…» for “…” is right)
    ========== ======== ==========================================================

``QA_CHECKS`` are the same checks as units of the analysis (``xlate.checks.base``), less
the quote count: the analysis follows each quote through the round trip
(``xlate.checks.quotes.tracking``), which says more. In a person's translation (check
mode) a bracket flag stands only when the aside's figures or acronyms went missing.
Numbers and names are checked elsewhere (``xlate.checks.numbers``, ``xlate.checks.names``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from xlate.checks.acronyms import acronym_flags
from xlate.checks.document import AnalysedDocument, AnalysisSettings, Findings, SentencePair
from xlate.config import Thresholds
from xlate.languages import NAMES
from xlate.report import Flag
from xlate.text.addresses import EMAIL, URL
from xlate.text.langid import NEIGHBOUR_NAMES, language_scores, release_models, surely_in
from xlate.text.segment import Sentence
from xlate.text.words import shorten
from xlate.translation import Translation

__all__ = ["QA_CHECKS", "EmptyCheck", "QaCheck", "check_translation", "samples_in_doubt"]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_TRAILING = ".,;:!?)]}»”\"'’"

# Characters per character of English: Spanish runs about 10% longer (newstest2012 medians:
# es/en 1.10, ru/en 1.01, ru/es 0.92).
_LENGTH_FACTOR = {"en": 1.0, "es": 1.10, "ru": 1.01}
# Below this many characters the length ratio says little.
_MIN_LENGTH_CHARS = 25
# Language identification needs this many letters to be trusted on one sentence.
_MIN_LANGID_LETTERS = 40

_BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"))


def _flag(kind: str, severity: str, reason: str, **detail: object) -> Flag:
    return Flag(kind=kind, severity=severity, reason=reason, detail=dict(detail))


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


# --- the checks ------------------------------------------------------------------------


def _untranslated(source: str, translation: str) -> Flag | None:
    src_words = [w for w in _words(URL.sub(" ", source)) if not w.isdigit()]
    # Only running text can be left untranslated: names, numbers and URLs stay as they are.
    common = [w for w in src_words if w[0].islower() and len(w) > 1]
    if len(common) < 3:
        return None
    if _plain(source) == _plain(translation):
        return _flag("untranslated", "high", "the translation is the source text, untranslated")
    tgt = {w.casefold() for w in _words(translation)}
    kept = sum(w.casefold() in tgt for w in common)
    share = kept / len(common)
    if len(common) >= 4 and share >= 0.75:
        return _flag(
            "untranslated",
            "medium",
            f"most words of the source ({share:.0%}) are left as they were in the translation",
            share=round(share, 2),
        )
    return None


def _language_sample(translation: str) -> str | None:
    """What the wrong-language check reads of a translation, or None when too little."""
    text = EMAIL.sub(" ", URL.sub(" ", translation))
    # Names say nothing of the language (Rychtářová reads as Czech in any sentence).
    text = " ".join(w for w in text.split() if not w[:1].isupper())
    if sum(map(str.isalpha, text)) < _MIN_LANGID_LETTERS or len(_words(text)) < 6:
        return None
    return text


def _sample_in_doubt(translation: str, tgt: str) -> str | None:
    """The sample lingua's high-accuracy models are asked about (10x the load of the quick
    ones), or None: too little text, or surely in ``tgt`` by the quick models."""
    text = _language_sample(translation)
    if text is None or surely_in(text, tgt, wide=True):
        return None
    return text


def samples_in_doubt(translations: Iterable[str], tgt: str) -> Iterator[str]:
    """The samples of ``translations`` the wrong-language check will ask lingua's
    high-accuracy models about (see ``xlate.text.langid.scores_ahead``)."""
    for translation in translations:
        text = _sample_in_doubt(translation, tgt)
        if text is not None:
            yield text


def _wrong_language(translation: str, tgt: str, thresholds: Thresholds) -> Flag | None:
    text = _sample_in_doubt(translation, tgt)
    if text is None:
        return None
    scores = language_scores(text, wide=True)
    best = max(scores, key=lambda k: scores[k])
    if best == tgt or scores[best] < thresholds.wrong_language_confidence:
        return None
    if scores.get(tgt, 0.0) >= 0.1:
        return None
    name = NAMES.get(best) or NEIGHBOUR_NAMES.get(best, best)
    return _flag(
        "wrong_language",
        "high",
        f"the translation reads as {name}, not {NAMES.get(tgt, tgt)}",
        language=best,
        confidence=round(scores[best], 2),
    )


def length_ratio(source: str, translation: str, src: str, tgt: str) -> float:
    """The translation's length against the source's, over the usual ratio of the pair
    (1.0: as long as translations from ``src`` into ``tgt`` usually are)."""
    expected = _LENGTH_FACTOR.get(tgt, 1.0) / _LENGTH_FACTOR.get(src, 1.0)
    return (len(translation) / max(len(source), 1)) / expected


def _length(source: str, translation: str, src: str, tgt: str, th: Thresholds) -> Flag | None:
    if len(source) < _MIN_LENGTH_CHARS:
        return None
    ratio = length_ratio(source, translation, src, tgt)
    if th.length_ratio_low <= ratio <= th.length_ratio_high:
        return None
    shorter = ratio < th.length_ratio_low
    return _flag(
        "length",
        "medium",
        f"the translation is {'much shorter' if shorter else 'much longer'} than expected "
        f"({ratio:.1f}× the usual length for {src}→{tgt}): "
        f"{'something may be missing' if shorter else 'something may have been added'}",
        ratio=round(ratio, 2),
    )


def _longest_run(words: list[str], max_n: int = 6) -> tuple[int, int, int]:
    """(repeats, n, index) of the most-repeated consecutive n-gram."""
    best = (1, 0, 0)
    for n in range(1, max_n + 1):
        for i in range(len(words) - 2 * n + 1):
            if words[i] != words[i + n]:
                continue  # no repeat starts here: skip the slices (most positions)
            gram = words[i : i + n]
            count = 1
            j = i + n
            while words[j : j + n] == gram:
                count += 1
                j += n
            if count > best[0]:
                best = (count, n, i)
    return best


def _repeated_phrases(words: list[str], n: int) -> Counter[tuple[str, ...]]:
    grams = Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
    return Counter({g: c for g, c in grams.items() if c > 1})


# In a person's translation, a phrase said again this many words or more after it was
# first said is a parallel construction ("for the first time in history, ...; and for the
# first time in history, ..."), not a slip that doubled a phrase.
_PARALLEL_GAP = 8


def _said_apart(words: list[str], gram: tuple[str, ...]) -> bool:
    """Do the first two occurrences of ``gram`` in ``words`` stand far apart?"""
    n = len(gram)
    starts = [i for i in range(len(words) - n + 1) if tuple(words[i : i + n]) == gram]
    return len(starts) > 1 and starts[1] - (starts[0] + n) >= _PARALLEL_GAP


def _repetition(source: str, translation: str, th: Thresholds, person: bool = False) -> Flag | None:
    tgt_words = [w.casefold() for w in _words(translation)]
    src_words = [w.casefold() for w in _words(source)]
    repeats, n, i = _longest_run(tgt_words)
    if repeats >= th.repetition_min_repeats and _longest_run(src_words)[0] < repeats:
        phrase = " ".join(tgt_words[i : i + n])
        return _flag(
            "repetition",
            "high",
            f"the translation repeats “{phrase}” {repeats} times in a row",
            phrase=phrase,
            repeats=repeats,
        )
    # A phrase of six words said twice where the source repeats no phrase of three (six
    # words of English may be three of Russian: "впервые в истории").
    twice = _repeated_phrases(tgt_words, 6)
    if person:
        twice = Counter({g: c for g, c in twice.items() if not _said_apart(tgt_words, g)})
    if twice and not _repeated_phrases(src_words, 3):
        phrase = " ".join(next(iter(twice)))
        return _flag(
            "repetition",
            "medium",
            f"the translation says “{phrase}” twice; the source repeats no such phrase",
            phrase=phrase,
            repeats=twice[next(iter(twice))],
        )
    return None


def _brackets(source: str, translation: str) -> list[Flag]:
    flags = []
    for opening, closing in _BRACKETS:
        missing = max(source.count(opening) - translation.count(opening), 0)
        missing = max(missing, source.count(closing) - translation.count(closing))
        if missing > 0:
            flags.append(
                _flag(
                    "bracket",
                    "low",
                    f"the source has {opening}{closing} brackets the translation lacks",
                    bracket=opening + closing,
                    missing=missing,
                )
            )
    return flags


def _verbatim(kind: str, pattern: re.Pattern[str], source: str, translation: str) -> list[Flag]:
    flags = []
    have = translation.casefold()
    for match in pattern.finditer(source):
        item = match.group(0).rstrip(_TRAILING)
        if item and item.casefold() not in have:
            what = "web address" if kind == "url" else "e-mail address"
            flags.append(
                _flag(
                    kind,
                    "medium",
                    f"the {what} {item} is not in the translation as written",
                    expected=item,
                )
            )
    return flags


def _quote_count(pair: SentencePair) -> Flag | None:
    src_quotes = pair.source_facts.quotes
    if not src_quotes:
        return None
    tgt_quotes = pair.translation_facts.quotes
    missing = len(src_quotes) - len(tgt_quotes)
    if missing <= 0:
        return None
    if not tgt_quotes:
        first = shorten(src_quotes[0].text)
        reason = f"the translation has no quotation marks; the source quotes “{first}”"
    else:
        reason = (
            f"the source has {len(src_quotes)} quotations, the translation "
            f"{len(tgt_quotes)}: a quote lost its quotation marks"
        )
    return _flag("quote", "medium", reason, source_quotes=len(src_quotes), found=len(tgt_quotes))


_BRACKETED = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
_FACT = re.compile(r"\w*\d[\w.,]*|\b[A-ZА-ЯЁ]{2,}\b")


def _bracketed_facts_lost(source: str, translation: str) -> bool:
    """Did a person's translation lose what the source's brackets held, not just the
    brackets? People turn an aside into a clause or drop a gloss ("(o como dicen en
    inglés, trench-coat)"): only a figure or an acronym of the aside missing from the
    translation is worth a bracket flag (engines must keep brackets as they are)."""
    have = translation.casefold()
    for match in _BRACKETED.finditer(source):
        inside = match.group(1) or match.group(2) or ""
        # A figure's trailing point or comma is punctuation of the aside: "(33.)", an
        # ordinal in Spanish, is kept as "in the 33rd minute"; "OS/2," as "OS/2;".
        facts = (fact.rstrip(".,").casefold() for fact in _FACT.findall(inside))
        if any(fact not in have for fact in facts):
            return True
    return False


# --- the checks as steps over a sentence pair --------------------------------------------

Step = Callable[[SentencePair, Thresholds], list[Flag]]


def _some(flag: Flag | None) -> list[Flag]:
    return [flag] if flag is not None else []


def _language_step(pair: SentencePair, th: Thresholds) -> list[Flag]:
    """Left untranslated, or else in another language than the target."""
    echo = _untranslated(pair.source, pair.translation.text)
    if echo is not None:
        return [echo]
    return _some(_wrong_language(pair.translation.text, pair.tgt, th))


def _length_step(pair: SentencePair, th: Thresholds) -> list[Flag]:
    return _some(_length(pair.source, pair.translation.text, pair.src, pair.tgt, th))


def _repetition_step(pair: SentencePair, th: Thresholds) -> list[Flag]:
    person = not pair.machine_translation
    return _some(_repetition(pair.source, pair.translation.text, th, person))


def _quote_count_step(pair: SentencePair, th: Thresholds) -> list[Flag]:
    return _some(_quote_count(pair))


def _bracket_step(pair: SentencePair, th: Thresholds) -> list[Flag]:
    flags = _brackets(pair.source, pair.translation.text)
    if pair.machine_translation or _bracketed_facts_lost(pair.source, pair.translation.text):
        return flags
    return []


def _url_step(pair: SentencePair, th: Thresholds) -> list[Flag]:
    return _verbatim("url", URL, EMAIL.sub(" ", pair.source), pair.translation.text)


def _email_step(pair: SentencePair, th: Thresholds) -> list[Flag]:
    return _verbatim("email", EMAIL, pair.source, pair.translation.text)


def _acronym_step(pair: SentencePair, th: Thresholds) -> list[Flag]:
    return acronym_flags(pair.source, pair.translation.text)


def _empty() -> Flag:
    return _flag("empty", "high", "the translation is empty")


def _has_text(pair: SentencePair) -> bool:
    return bool(pair.source.strip()) and bool(pair.translation.text.strip())


@dataclass(frozen=True)
class QaCheck:
    """One model-free check of each sentence pair whose source and translation both have
    text (a blank translation is the empty check's)."""

    name: str
    step: Step

    def run(self, document: AnalysedDocument, settings: AnalysisSettings) -> Findings:
        found = Findings()
        for pair in document.pairs:
            if _has_text(pair):
                found.add(pair.index, self.step(pair, settings.thresholds))
        return found


@dataclass(frozen=True)
class LanguageCheck(QaCheck):
    """The wrong-language check: once through the document, the high-accuracy language
    models it may have loaded are released where the process asked (``release_models``)."""

    def run(self, document: AnalysedDocument, settings: AnalysisSettings) -> Findings:
        found = super().run(document, settings)
        release_models()
        return found


class EmptyCheck:
    """A blank translation of a sentence that has text."""

    name = "empty"

    def run(self, document: AnalysedDocument, settings: AnalysisSettings) -> Findings:
        found = Findings()
        for pair in document.pairs:
            if pair.source.strip() and not pair.translation.text.strip():
                found.add(pair.index, [_empty()])
        return found


_STEPS: tuple[tuple[str, Step], ...] = (
    ("language", _language_step),
    ("length", _length_step),
    ("repetition", _repetition_step),
    ("quote_count", _quote_count_step),
    ("brackets", _bracket_step),
    ("url", _url_step),
    ("email", _email_step),
    ("acronym", _acronym_step),
)
# The checks of the analysis, in the order their flags are reported.
QA_CHECKS: tuple[EmptyCheck | QaCheck, ...] = (
    EmptyCheck(),
    *(
        (LanguageCheck if name == "language" else QaCheck)(name, step)
        for name, step in _STEPS
        if name != "quote_count"
    ),
)


def check_translation(
    source: str, translation: str, src: str, tgt: str, thresholds: Thresholds
) -> list[Flag]:
    """All model-free checks of one translated sentence (see the module doc)."""
    if not source.strip():
        return []
    if not translation.strip():
        return [_empty()]
    pair = SentencePair(
        index=0,
        sentence=Sentence(paragraph=1, sentence=1, text=source),
        source=source,
        translation=Translation(text=translation),
        back=None,
        src=src,
        tgt=tgt,
        machine_translation=True,
    )
    return [flag for _, step in _STEPS for flag in step(pair, thresholds)]
