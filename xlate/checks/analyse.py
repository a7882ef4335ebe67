"""The analysis runner: one target language of a document, translated and back-translated,
through the list of checks into a ``LanguageReport``; and the report around such analyses.

Pure: no engine calls. The flows (``xlate.roundtrip``, ``xlate.check``) translate first and
call ``analyse`` with the results, so batch jobs can translate the sentences of many
articles together and analyse each article afterwards.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import datetime, timezone
from typing import Any

from xlate._version import __version__
from xlate.checks.base import DEFAULT_CHECKS, Check
from xlate.checks.document import AnalysedDocument, AnalysisSettings
from xlate.checks.scoring import corpus_scores
from xlate.report import (
    ORIGINS,
    SEVERITIES,
    EngineRecord,
    LanguageReport,
    Report,
    SentenceRecord,
    SourceRecord,
)
from xlate.text.segment import Document
from xlate.translation import EngineInfo, Translation

# Flags of a sentence are shown most severe first; an unknown severity goes last.
_SEVERITY_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}


def analyse(
    doc: Document,
    tgt: str,
    translations: Sequence[Translation | None],
    back_translations: Sequence[Translation | None] | None,
    *,
    forward: EngineInfo | None,
    back: EngineInfo | None,
    settings: AnalysisSettings | None = None,
    notes: Sequence[Sequence[str]] | None = None,
    aligned_to: Sequence[Sequence[str]] | None = None,
    merged_sources: Sequence[str | None] | None = None,
    checks: Sequence[Check] = DEFAULT_CHECKS,
    progress: Callable[[str, int, int], None] | None = None,
    origin: str | None = None,
) -> LanguageReport:
    """Score and flag one target language of a document. Pure: no engine calls.

    ``translations[i]`` is None for a source sentence with no counterpart (check mode);
    ``back_translations`` is None when there is no engine to translate back; ``forward``
    is None for a person's translation (check mode). In check mode several source
    sentences can share one translation: the first carries it and ``merged_sources[i]``
    (their joined text) is what it is checked and scored against; ``notes`` and
    ``aligned_to`` say per source sentence how the translation lines up with it.
    ``progress`` is told ``("checks", done, total)`` after each check.
    ``origin`` says who made the translations (``xlate.report.ORIGINS``): by default an
    engine when there is a ``forward`` one, else a person.
    """
    settings = settings or AnalysisSettings()
    origin = origin or ("machine" if forward is not None else "person")
    if origin not in ORIGINS:
        raise ValueError(f"origin {origin!r} is not one of {', '.join(ORIGINS)}")
    document = AnalysedDocument(
        doc=doc,
        tgt=tgt,
        translations=translations,
        backs=back_translations,
        machine_translation=origin == "machine",
        notes=notes,
        merged_sources=merged_sources,
    )
    records = sentence_records(document, aligned_to)
    report = LanguageReport(
        target=tgt,
        engine=engine_record(forward),
        back_engine=engine_record(back),
        sentences=records,
        origin=origin,
    )
    entities = []
    for done, check in enumerate(checks, 1):
        found = check.run(document, settings)
        if progress is not None:
            progress("checks", done, len(checks))
        for i, flag in found.flags:
            records[i].flags.append(flag)
        for i, scores in found.scores.items():
            records[i].scores = scores
        entities += found.entities
        report.quotes += found.quotes
    for record in records:
        record.flags.sort(key=lambda f: _SEVERITY_RANK.get(f.severity, len(SEVERITIES)))
    # By sentence; within one, in the order of the checks.
    report.entities = [entity for _, entity in sorted(entities, key=lambda found: found[0])]
    _add_texts(report, document, machine_translation=forward is not None)
    return report


def sentence_records(
    document: AnalysedDocument, aligned_to: Sequence[Sequence[str]] | None
) -> list[SentenceRecord]:
    records = []
    backs = document.backs
    for i, sent in enumerate(document.sentences):
        fwd = document.translations[i]
        bwd = backs[i] if backs is not None else None
        records.append(
            SentenceRecord(
                id=sent.id,
                paragraph=sent.paragraph,
                sentence=sent.sentence,
                line=sent.line,
                source=sent.text,
                translation=fwd.text if fwd is not None else None,
                back_translation=bwd.text if bwd is not None else None,
                unknown_words=list(fwd.unknown_words) if fwd is not None else [],
                notes=[*(fwd.notes if fwd is not None else ()), *document.notes_of(i)],
                aligned_to=list(aligned_to[i]) if aligned_to else [],
            )
        )
    return records


def _add_texts(
    report: LanguageReport, document: AnalysedDocument, *, machine_translation: bool
) -> None:
    """The whole translated and back-translated article, and the document scores."""
    doc, sentences = document.doc, document.sentences
    translations = zip(sentences, document.translations, strict=True)
    if machine_translation:
        report.translation_text = doc.render(
            {s.id: t.text for s, t in translations if t is not None}
        )
    if document.backs is None:
        return
    backs = [(s, b) for s, b in zip(sentences, document.backs, strict=True) if b is not None]
    report.back_translation_text = doc.render({s.id: b.text for s, b in backs})
    report.scores = corpus_scores([b.text for _, b in backs], [s.text for s, _ in backs])


def engine_record(info: EngineInfo | None) -> EngineRecord | None:
    if info is None:
        return None
    return EngineRecord(
        engine=info.engine, model=info.model, revision=info.revision, settings=dict(info.settings)
    )


def settings_record(settings: AnalysisSettings | None) -> dict[str, Any]:
    """The settings a report records: the thresholds it was flagged with, and the glossary."""
    settings = settings or AnalysisSettings()
    record: dict[str, Any] = {"thresholds": asdict(settings.thresholds)}
    if settings.glossary is not None:
        record["glossary"] = settings.glossary.record()
    return record


def make_report(
    mode: str,
    doc: Document,
    languages: list[LanguageReport],
    *,
    path: str | None = None,
    source_text: str | None = None,
    settings: dict[str, Any] | None = None,
) -> Report:
    """The report of ``languages`` analysed from ``doc`` (``mode`` roundtrip or check).

    The source's hash is of the text it was segmented from (``source_text`` overrides
    ``doc.original_text()``).
    """
    text = source_text if source_text is not None else doc.original_text()
    source = SourceRecord(
        path=path,
        lang=doc.lang,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        sentences=len(doc),
        paragraphs=len(doc.paragraphs),
    )
    return report_of(mode, source, languages, settings=settings)


def report_of(
    mode: str,
    source: SourceRecord,
    languages: list[LanguageReport],
    *,
    settings: dict[str, Any] | None = None,
) -> Report:
    """The report of ``languages`` analysed from the source ``source`` records, made now."""
    return Report(
        mode=mode,
        source=source,
        languages=languages,
        settings=dict(settings or {}),
        xlate_version=__version__,
        created=datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )
