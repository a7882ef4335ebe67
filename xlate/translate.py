"""The translate flow: segment an article, translate each distinct sentence once, keep the layout.

``translate_text``/``translate_doc`` are the public API (``from xlate import translate_text``)
and read like the other flows: ``(text, src, tgt, *, engine=..., ...)``, where ``text`` may
also be a ``Document`` segmented before. The pieces below them are shared by the round
trip and the check: ``DistinctTexts`` (the one place sentences are de-duplicated before an
engine sees them) and ``translate_distinct`` (one engine call).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from xlate.checks.document import AnalysisSettings
from xlate.checks.glossary import Glossary
from xlate.checks.glossary.terms import find_term
from xlate.engines import DEFAULT_ENGINE, EngineOptions, Translator, create_engine
from xlate.errors import EngineError, LanguageError
from xlate.languages import check_language, check_pair
from xlate.text.langid import require_language
from xlate.text.segment import Document, segment_lines, segment_text
from xlate.translation import EngineInfo, Translation

T = TypeVar("T")

# What a long run tells a display: (what is being done, how many done, of how many).
# ``None`` where nobody watches; the translate, round-trip and check flows call it.
StepCallback = Callable[[str, int, int], None]

# Sentences per engine call when someone watches: small enough for the bar to move,
# large enough for the engine's own batching.
PROGRESS_CHUNK = 64


@dataclass(frozen=True)
class DistinctTexts:
    """Texts without their repeats, in first-seen order, and where each original went.

    News repeats datelines, bylines and boilerplate: each distinct sentence is translated
    once and its result given back to every place it stood.
    """

    texts: tuple[str, ...]
    positions: tuple[int, ...]  # positions[i]: the index in ``texts`` of original text i

    @classmethod
    def of(cls, texts: Iterable[str]) -> DistinctTexts:
        index: dict[str, int] = {}
        positions = tuple(index.setdefault(text, len(index)) for text in texts)
        return cls(tuple(index), positions)

    def spread(self, results: Sequence[T]) -> list[T]:
        """One result per original text, from one result per distinct text."""
        return [results[p] for p in self.positions]


def translate_distinct(
    engine: Translator,
    texts: Sequence[str],
    src: str,
    tgt: str,
    *,
    alignments: bool = False,
    progress: StepCallback | None = None,
) -> list[Translation]:
    """One engine call for ``texts`` (already distinct, the pair already checked).

    Engines sort and batch internally (they know their token counts). With ``progress``,
    calls of ``PROGRESS_CHUNK`` sentences, each reported as ``"src→tgt"``.
    """
    if not texts:
        return []
    if progress is None:
        results = engine.translate_batch(list(texts), src, tgt, alignments=alignments)
    else:
        results = []
        for start in range(0, len(texts), PROGRESS_CHUNK):
            chunk = list(texts[start : start + PROGRESS_CHUNK])
            results += engine.translate_batch(chunk, src, tgt, alignments=alignments)
            progress(f"{src}→{tgt}", min(start + PROGRESS_CHUNK, len(texts)), len(texts))
    if len(results) != len(texts):
        raise EngineError(
            f"engine {engine.name!r} returned {len(results)} translations "
            f"for {len(texts)} sentences"
        )
    return list(results)


def translate_sentences(
    engine: Translator,
    sentences: Sequence[str],
    src: str,
    tgt: str,
    *,
    alignments: bool = False,
) -> list[Translation]:
    """Translate each distinct sentence once and return one result per input sentence."""
    src, tgt = check_pair(src, tgt)
    distinct = DistinctTexts.of(sentences)
    return distinct.spread(
        translate_distinct(engine, distinct.texts, src, tgt, alignments=alignments)
    )


@dataclass
class TranslatedDocument:
    """A document, its sentence translations by id, and what produced them."""

    source: Document
    tgt: str
    translations: dict[str, Translation]
    engine: EngineInfo

    @property
    def text(self) -> str:
        """The translation with the source's paragraphs and blank lines."""
        return self.source.render({k: v.text for k, v in self.translations.items()})


def keep_terms(
    engine: Translator,
    texts: Sequence[str],
    results: list[Translation],
    src: str,
    tgt: str,
    glossary: Glossary | None,
) -> list[Translation]:
    """``results`` with each sentence that lost a do-not-translate term of ``glossary``
    translated again keeping its terms as written (``Translator.translate_keeping``); a
    sentence the engine rendered with its terms intact stays as it was."""
    if glossary is None:
        return results
    todo: dict[int, list[str]] = {}
    for i, (text, result) in enumerate(zip(texts, results, strict=True)):
        terms = glossary.kept_terms(text, src, tgt)
        if any(find_term(t, result.text, tgt) is None for t in terms):
            todo[i] = terms
    if not todo:
        return results
    kept = engine.translate_keeping([texts[i] for i in todo], src, tgt, list(todo.values()))
    out = list(results)
    for i, translation in zip(todo, kept, strict=True):
        note = "translated again keeping the glossary's do-not-translate terms"
        out[i] = Translation(text=translation.text, notes=(*translation.notes, note))
    return out


def translate_document(
    engine: Translator,
    doc: Document,
    tgt: str,
    *,
    alignments: bool = False,
    glossary: Glossary | None = None,
    progress: StepCallback | None = None,
) -> TranslatedDocument:
    """Translate a segmented document into ``tgt`` (the pair already checked); with a
    ``glossary``, its do-not-translate terms survive (:func:`keep_terms`)."""
    sentences = doc.sentences
    distinct = DistinctTexts.of(s.text for s in sentences)
    done = translate_distinct(
        engine, distinct.texts, doc.lang, tgt, alignments=alignments, progress=progress
    )
    done = keep_terms(engine, distinct.texts, done, doc.lang, tgt, glossary)
    results = distinct.spread(done)
    return TranslatedDocument(
        source=doc,
        tgt=tgt,
        translations={s.id: r for s, r in zip(sentences, results, strict=True)},
        engine=engine.info(doc.lang, tgt),
    )


def glossary_flags(result: TranslatedDocument, settings: AnalysisSettings) -> list[str]:
    """One line per glossary term the translation does not honour (``sentence: reason``)."""
    if settings.glossary is None:
        return []
    from xlate.checks.analyse import analyse
    from xlate.checks.glossary.check import GlossaryCheck

    doc = result.source
    translations = [result.translations[s.id] for s in doc.sentences]
    report = analyse(
        doc,
        result.tgt,
        translations,
        None,
        forward=result.engine,
        back=None,
        settings=settings,
        checks=[GlossaryCheck()],
    )
    return [f"glossary: {s.id}: {f.reason}" for s in report.sentences for f in s.flags]


def segment(text: str, lang: str | None = None, *, lines: bool = False) -> Document:
    """Segment ``text`` (detecting its language when ``lang`` is None); with ``lines``,
    one sentence per line."""
    code = check_language(lang) if lang else require_language(text)
    return segment_lines(text, code) if lines else segment_text(text, code)


def as_document(text: str | Document, lang: str | None, *, lines: bool = False) -> Document:
    """A document as given (in ``lang`` when that is given), or ``text`` segmented."""
    if not isinstance(text, Document):
        return segment(text, lang, lines=lines)
    if lang is not None and check_language(lang) != text.lang:
        raise LanguageError(f"the document is in {text.lang!r}, not {lang!r}")
    return text


@contextmanager
def engine_for(
    engine: Translator | None, engine_name: str, options: EngineOptions | None
) -> Iterator[Translator]:
    """``engine`` as given (its owner closes it), or a new engine ``engine_name``, closed
    after use."""
    if engine is not None:
        yield engine
        return
    created = create_engine(engine_name, options)
    try:
        yield created
    finally:
        created.close()


def translate_doc(
    text: str | Document,
    src: str | None = None,
    tgt: str = "es",
    *,
    engine: Translator | None = None,
    engine_name: str = DEFAULT_ENGINE,
    options: EngineOptions | None = None,
    lines: bool = False,
    glossary: Glossary | None = None,
    progress: StepCallback | None = None,
) -> TranslatedDocument:
    """Segment and translate an article; the result keeps ids, sources and layout.

    ``src`` is detected when None; ``engine`` (closed by its owner) or else a new
    ``engine_name`` engine with ``options`` translates; ``glossary``'s do-not-translate
    terms are kept as written; ``progress`` is told how far.
    """
    doc = as_document(text, src, lines=lines)
    tgt = check_pair(doc.lang, tgt)[1]
    with engine_for(engine, engine_name, options) as translator:
        return translate_document(translator, doc, tgt, glossary=glossary, progress=progress)


def translate_text(
    text: str | Document,
    src: str | None = None,
    tgt: str = "es",
    *,
    engine: Translator | None = None,
    engine_name: str = DEFAULT_ENGINE,
    options: EngineOptions | None = None,
    lines: bool = False,
) -> str:
    """Translate an article and return the text, paragraphs and blank lines kept."""
    return translate_doc(
        text, src, tgt, engine=engine, engine_name=engine_name, options=options, lines=lines
    ).text
