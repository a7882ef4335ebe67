"""The translated document as the checks see it, and what they find in it.

The runner (``xlate.checks.analyse``) builds one ``AnalysedDocument`` per target language
from the segmented source, its translations and back-translations. Every check reads the
same object: its ``pairs`` (one per source sentence that has a translation) and its
``paragraphs`` (the sentences of a paragraph joined, for quotes that span sentences).
What several checks read is computed once, on first use, and shared: the quotes,
numbers and names of each distinct text (``TextFacts``, kept in the document's
``FactsCache``) and each pair's name check. A check returns ``Findings``: flags and
entity checks by sentence, quote records, scores.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from xlate.checks.glossary.terms import Glossary
from xlate.checks.names import NameMention, check_names, extract_names
from xlate.checks.numbers import NumberMention, extract_numbers
from xlate.checks.quotes import Quote, extract_quotes
from xlate.config import Thresholds
from xlate.report import EntityCheck, Flag, QuoteRecord, Scores
from xlate.text.segment import Document, Sentence
from xlate.translation import Translation


@dataclass(frozen=True)
class AnalysisSettings:
    """What the analysis is tuned with."""

    thresholds: Thresholds = field(default_factory=Thresholds)
    glossary: Glossary | None = None  # the ``glossary`` check's terms


@dataclass(frozen=True, eq=False)
class TextFacts:
    """The quotes, numbers and names of one text, each extracted once, on first use."""

    text: str
    lang: str

    @cached_property
    def quotes(self) -> tuple[Quote, ...]:
        # punctuation-only or empty quotes (“”, «...») are marks, not quotations
        return tuple(
            q for q in extract_quotes(self.text, self.lang) if any(c.isalnum() for c in q.text)
        )

    @cached_property
    def numbers(self) -> tuple[NumberMention, ...]:
        return tuple(extract_numbers(self.text, self.lang))

    @cached_property
    def names(self) -> tuple[NameMention, ...]:
        return tuple(extract_names(self.text, self.lang))


class FactsCache:
    """One ``TextFacts`` per distinct text and language of a document: a sentence said
    twice, or a back-translation that is its source word for word, is read once."""

    def __init__(self) -> None:
        self._facts: dict[tuple[str, str], TextFacts] = {}

    def __call__(self, text: str, lang: str) -> TextFacts:
        facts = self._facts.get((text, lang))
        if facts is None:
            facts = self._facts[(text, lang)] = TextFacts(text, lang)
        return facts


@dataclass(frozen=True, eq=False)
class SentencePair:
    """A source sentence with its translation and back-translation.

    ``source`` is the text the translation renders: the sentence's own, or in check mode
    the source sentences a translator merged into one (the first carries the bead).
    ``machine_translation``: an engine translated (round trip), not a person (check).
    """

    index: int  # the sentence's position in the document
    sentence: Sentence
    source: str
    translation: Translation
    back: Translation | None
    src: str
    tgt: str
    machine_translation: bool
    facts: FactsCache = field(default_factory=FactsCache, repr=False)

    @property
    def id(self) -> str:
        return self.sentence.id

    @property
    def source_facts(self) -> TextFacts:
        return self.facts(self.source, self.src)

    @property
    def translation_facts(self) -> TextFacts:
        return self.facts(self.translation.text, self.tgt)

    @property
    def back_facts(self) -> TextFacts | None:
        return self.facts(self.back.text, self.src) if self.back is not None else None

    @cached_property
    def name_check(self) -> tuple[list[EntityCheck], list[Flag]]:
        """``check_names`` of this pair, run once: the names check reports it, and the
        document's consistency check leaves alone a name it already flagged."""
        back = self.back.text if self.back is not None else None
        return check_names(self.source, self.translation.text, back, self.src, self.tgt, self.id)


@dataclass(frozen=True)
class Joined:
    """Sentences joined with single spaces, with where each one starts."""

    text: str
    char_starts: tuple[int, ...]
    word_starts: tuple[int, ...]

    def sentence_at(self, start: int, end: int) -> list[int]:
        """Indices of the sentences overlapping the character span ``[start, end)``."""
        out = []
        bounds = [*self.char_starts[1:], len(self.text) + 1]
        for i, (lo, hi) in enumerate(zip(self.char_starts, bounds, strict=True)):
            if start < hi - 1 and end > lo:
                out.append(i)
        return out or [max(0, len(self.char_starts) - 1)]


def join_sentences(texts: Sequence[str]) -> Joined:
    char_starts: list[int] = []
    word_starts: list[int] = []
    pos = 0
    words = 0
    for text in texts:
        char_starts.append(pos)
        word_starts.append(words)
        pos += len(text) + 1
        words += len(text.split())
    return Joined(" ".join(texts), tuple(char_starts), tuple(word_starts))


def join_alignments(
    alignments: Sequence[Sequence[tuple[int, int]] | None],
    src: Joined,
    tgt: Joined,
) -> list[tuple[int, int]] | None:
    """Shift per-sentence word alignments into the joined texts' word indices."""
    if all(a is None for a in alignments):
        return None
    out: list[tuple[int, int]] = []
    for i, links in enumerate(alignments):
        for s, t in links or ():
            out.append((s + src.word_starts[i], t + tgt.word_starts[i]))
    return out


def _texts(translations: Sequence[Translation | None]) -> list[str]:
    return [t.text if t is not None else "" for t in translations]


def _alignments(
    translations: Sequence[Translation | None],
) -> list[tuple[tuple[int, int], ...] | None]:
    return [t.alignment if t is not None else None for t in translations]


@dataclass(frozen=True, eq=False)
class ParagraphPair:
    """The sentences of one source paragraph joined by single spaces, their translations
    and back-translations joined alike (a missing one as ""), so that a quote may span
    sentences and the word alignments of consecutive sentences simply add up."""

    indices: tuple[int, ...]  # the sentences' positions in the document
    sentence_ids: tuple[str, ...]
    translations: tuple[Translation | None, ...]
    backs: tuple[Translation | None, ...] | None
    source: Joined
    src: str
    tgt: str
    facts: FactsCache = field(default_factory=FactsCache, repr=False)

    @property
    def source_facts(self) -> TextFacts:
        return self.facts(self.source.text, self.src)

    @cached_property
    def target(self) -> Joined:
        return join_sentences(_texts(self.translations))

    @property
    def target_facts(self) -> TextFacts:
        return self.facts(self.target.text, self.tgt)

    @cached_property
    def forward_alignment(self) -> list[tuple[int, int]] | None:
        return join_alignments(_alignments(self.translations), self.source, self.target)

    @cached_property
    def back(self) -> Joined | None:
        return join_sentences(_texts(self.backs)) if self.backs is not None else None

    @property
    def back_facts(self) -> TextFacts | None:
        return self.facts(self.back.text, self.src) if self.back is not None else None

    @cached_property
    def back_alignment(self) -> list[tuple[int, int]] | None:
        if self.backs is None or self.back is None:
            return None
        return join_alignments(_alignments(self.backs), self.target, self.back)


@dataclass(frozen=True, eq=False)
class AnalysedDocument:
    """A segmented source and, per sentence, its translation and back-translation into one
    target language.

    ``translations[i]`` is None for a source sentence nothing of a person's translation
    corresponds to (check mode); ``backs`` is None when nothing translated back. In check
    mode several source sentences can share one translation: the first carries it and
    ``merged_sources[i]`` (their joined text) is what it renders; the others carry a note.
    """

    doc: Document
    tgt: str
    translations: Sequence[Translation | None]
    backs: Sequence[Translation | None] | None
    machine_translation: bool
    notes: Sequence[Sequence[str]] | None = None
    merged_sources: Sequence[str | None] | None = None
    facts: FactsCache = field(default_factory=FactsCache, repr=False)

    @property
    def src(self) -> str:
        return self.doc.lang

    @property
    def judged_by_document(self) -> bool:
        """A person's translation with a back-translation (check mode): its round trip is
        judged against the rest of the document rather than by absolute thresholds alone."""
        return not self.machine_translation and self.backs is not None

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(self.doc.sentences)

    @cached_property
    def pairs(self) -> tuple[SentencePair, ...]:
        """The source sentences that have a translation, in order."""
        out = []
        for i, sentence in enumerate(self.sentences):
            translation = self.translations[i]
            if translation is None:
                continue
            merged = self.merged_sources[i] if self.merged_sources else None
            out.append(
                SentencePair(
                    index=i,
                    sentence=sentence,
                    source=merged or sentence.text,
                    translation=translation,
                    back=self.backs[i] if self.backs is not None else None,
                    src=self.src,
                    tgt=self.tgt,
                    machine_translation=self.machine_translation,
                    facts=self.facts,
                )
            )
        return tuple(out)

    @cached_property
    def paragraphs(self) -> tuple[ParagraphPair, ...]:
        index = {s.id: i for i, s in enumerate(self.sentences)}
        out = []
        for paragraph in self.doc.paragraphs:
            indices = tuple(index[s.id] for s in paragraph.sentences)
            backs = self.backs
            out.append(
                ParagraphPair(
                    indices=indices,
                    sentence_ids=tuple(self.sentences[i].id for i in indices),
                    translations=tuple(self.translations[i] for i in indices),
                    backs=tuple(backs[i] for i in indices) if backs is not None else None,
                    source=join_sentences([self.sentences[i].text for i in indices]),
                    src=self.src,
                    tgt=self.tgt,
                    facts=self.facts,
                )
            )
        return tuple(out)

    def notes_of(self, index: int) -> Sequence[str]:
        return self.notes[index] if self.notes else ()


@dataclass
class Findings:
    """What one check found: flags and entity checks by sentence index, quote records,
    and round-trip scores by sentence index."""

    flags: list[tuple[int, Flag]] = field(default_factory=list)
    entities: list[tuple[int, EntityCheck]] = field(default_factory=list)
    quotes: list[QuoteRecord] = field(default_factory=list)
    scores: dict[int, Scores] = field(default_factory=dict)

    def add(
        self, index: int, flags: Iterable[Flag] = (), entities: Iterable[EntityCheck] = ()
    ) -> None:
        self.flags.extend((index, flag) for flag in flags)
        self.entities.extend((index, entity) for entity in entities)
