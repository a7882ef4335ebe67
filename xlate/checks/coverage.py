"""What a translation leaves out: source sentences nothing of it corresponds to, and words
the engine left untranslated."""

from __future__ import annotations

from xlate.checks.document import AnalysedDocument, AnalysisSettings, Findings
from xlate.report import Flag
from xlate.text.words import bare_word
from xlate.translation import Translation


class UnalignedCheck:
    """A source sentence no sentence of a person's translation corresponds to (check mode).

    Sentences a translator merged into a neighbour's bead carry a note instead.
    """

    name = "unaligned"

    def run(self, document: AnalysedDocument, settings: AnalysisSettings) -> Findings:
        found = Findings()
        for i, translation in enumerate(document.translations):
            if translation is None and not document.notes_of(i):
                found.add(i, [_unaligned()])
        return found


def _unaligned() -> Flag:
    return Flag(
        kind="unaligned",
        severity="high",
        reason="no sentence of the translation corresponds to this one",
    )


class UnknownWordsCheck:
    """Words the engine could not translate and left as they were (Apertium's ``*``).

    Inside a quote the quote's own flag says it, with the quote around it; names and
    designations are left untranslated by design.
    """

    name = "unknown_words"

    def run(self, document: AnalysedDocument, settings: AnalysisSettings) -> Findings:
        found = Findings()
        if not any(pair.translation.unknown_words for pair in document.pairs):
            return found
        quoted = {
            w.lower().strip(".,;:!?")
            for paragraph in document.paragraphs
            for quote in paragraph.source_facts.quotes
            for w in quote.text.split()
        }
        for pair in document.pairs:
            found.add(pair.index, unknown_word_flags(pair.translation, quoted))
        return found


def _looks_like_name(word: str) -> bool:
    """Engines leave names and designations untranslated by design: not worth a flag."""
    return word[:1].isupper() or any(ch.isdigit() for ch in word)


def unknown_word_flags(translation: Translation, quoted_words: set[str]) -> list[Flag]:
    """Low flags for the words the engine could not translate, outside quotes and names."""
    flags = []
    for word in translation.unknown_words:
        if bare_word(word) in quoted_words or _looks_like_name(word):
            continue
        flags.append(
            Flag(
                kind="unknown_word",
                severity="low",
                reason=f"the engine did not know the word “{word}” and left it untranslated",
                detail={"word": word, "in_quote": False},
            )
        )
    return flags
