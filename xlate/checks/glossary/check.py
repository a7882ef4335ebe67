"""The ``glossary`` check: each glossary term of a source sentence must be rendered as the
glossary says, and each do-not-translate term must stand in the translation as written."""

from __future__ import annotations

from xlate.checks.document import AnalysedDocument, AnalysisSettings, Findings, SentencePair
from xlate.checks.glossary.terms import GlossaryEntry, find_term
from xlate.report import Flag
from xlate.text.words import bare_word, shorten, stem


class GlossaryCheck:
    """Flags a term the translation does not honour (nothing without a glossary).

    A translated do-not-translate entry (a name rendered as a word, a designation
    spelt otherwise) is high: it changes who or what the sentence is about; another
    term rendered otherwise is house style, medium."""

    name = "glossary"

    def run(self, document: AnalysedDocument, settings: AnalysisSettings) -> Findings:
        found = Findings()
        glossary = settings.glossary
        if glossary is None:
            return found
        entries = glossary.for_pair(document.src, document.tgt)
        if not entries:
            return found
        for pair in document.pairs:
            found.add(pair.index, [f for e in entries if (f := _check(pair, e)) is not None])
        return found


def _check(pair: SentencePair, entry: GlossaryEntry) -> Flag | None:
    if find_term(entry.source, pair.source, pair.src) is None:
        return None
    if find_term(entry.target, pair.translation.text, pair.tgt) is not None:
        return None
    instead = _aligned_words(pair, entry)
    has = f"has {shorten(' '.join(instead))!r}" if instead else "lacks it"
    if entry.keep:
        reason = f"{entry.source!r} must stay as written (do not translate); the translation {has}"
    else:
        reason = f"the glossary renders {entry.source!r} as {entry.target!r}; the translation {has}"
    start = pair.source.lower().find(entry.source.lower())
    return Flag(
        kind="glossary",
        severity="high" if entry.keep else "medium",
        reason=reason,
        span=[start, start + len(entry.source)] if start >= 0 else None,
        detail={
            "term": entry.source,
            "expected": entry.target,
            "found": instead,
            "keep": entry.keep,
            "line": entry.line,
        },
    )


def _aligned_words(pair: SentencePair, entry: GlossaryEntry) -> list[str]:
    """The translation's words aligned to the term's words, when the engine aligned."""
    alignment = pair.translation.alignment
    if not alignment:
        return []
    words = [stem(bare_word(w), pair.src) for w in pair.source.split()]
    term = [stem(bare_word(w), pair.src) for w in entry.source.split()]
    for start in range(len(words) - len(term) + 1):
        if words[start : start + len(term)] == term:
            span = range(start, start + len(term))
            targets = sorted({t for s, t in alignment if s in span})
            out = pair.translation.text.split()
            return [out[t] for t in targets if t < len(out)]
    return []
