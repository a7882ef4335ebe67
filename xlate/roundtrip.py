"""Round trip and check: translate (or take a given translation), back-translate, analyse.

The engine calls and the analysis are separate so that batch jobs can translate the
sentences of many articles together and analyse each article afterwards:

    translations = translate_sentences(engine, texts, src, tgt, alignments=True)
    backs        = translate_sentences(back_engine, [t.text for t in translations], tgt, src)
    lang_report  = analyze(doc, tgt, translations, backs, forward=..., back=...)
    report       = make_report("roundtrip", doc, [lang_report], path=...)
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from .config import Thresholds
from .engines.base import EngineInfo, Translation, Translator
from .languages import check_pair
from .pipeline import translate_sentences
from .report import (
    EngineRecord,
    Flag,
    LanguageReport,
    Report,
    SentenceRecord,
    SourceRecord,
)
from .scoring import corpus_scores, sentence_scores
from .segment import Document


@dataclass(frozen=True)
class AnalysisSettings:
    thresholds: Thresholds = field(default_factory=Thresholds)


def engine_record(info: EngineInfo | None) -> EngineRecord | None:
    if info is None:
        return None
    return EngineRecord(
        engine=info.engine, model=info.model, revision=info.revision, settings=dict(info.settings)
    )


def analyze(
    doc: Document,
    tgt: str,
    translations: Sequence[Translation],
    back_translations: Sequence[Translation] | None,
    *,
    forward: EngineInfo | None,
    back: EngineInfo | None,
    settings: AnalysisSettings | None = None,
) -> LanguageReport:
    """Score and flag one target language of a document. Pure: no engine calls."""
    settings = settings or AnalysisSettings()
    th = settings.thresholds
    sentences = doc.sentences
    records: list[SentenceRecord] = []
    for i, sent in enumerate(sentences):
        fwd = translations[i]
        bwd = back_translations[i] if back_translations is not None else None
        record = SentenceRecord(
            id=sent.id,
            paragraph=sent.paragraph,
            sentence=sent.sentence,
            line=sent.line,
            source=sent.text,
            translation=fwd.text,
            back_translation=bwd.text if bwd else None,
            unknown_words=list(fwd.unknown_words),
            notes=list(fwd.notes),
        )
        if bwd is not None:
            record.scores = sentence_scores(bwd.text, sent.text)
            chrf = record.scores.chrf
            if chrf is not None and chrf < th.sentence_chrf_medium:
                severity = "high" if chrf < th.sentence_chrf_high else "medium"
                record.flags.append(
                    Flag(
                        kind="score",
                        severity=severity,
                        reason=f"the back-translation differs from the original (chrF {chrf:.0f})",
                        detail={"chrf": chrf},
                    )
                )
        records.append(record)
    texts = {s.id: t.text for s, t in zip(sentences, translations, strict=False)}
    report = LanguageReport(
        target=tgt,
        engine=engine_record(forward),
        back_engine=engine_record(back),
        sentences=records,
        translation_text=doc.render(texts),
    )
    if back_translations is not None:
        backs = [b.text for b in back_translations]
        report.back_translation_text = doc.render(
            {s.id: b for s, b in zip(sentences, backs, strict=False)}
        )
        report.scores = corpus_scores(backs, [s.text for s in sentences])
    return report


def make_report(
    mode: str,
    doc: Document,
    languages: list[LanguageReport],
    *,
    path: str | None = None,
    source_text: str | None = None,
    settings: dict[str, Any] | None = None,
) -> Report:
    from . import __version__

    text = source_text if source_text is not None else doc.render()
    return Report(
        mode=mode,
        source=SourceRecord(
            path=path,
            lang=doc.lang,
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            sentences=len(doc),
            paragraphs=len(doc.paragraphs),
        ),
        languages=languages,
        settings=dict(settings or {}),
        xlate_version=__version__,
        created=datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )


def roundtrip(
    doc: Document,
    targets: Sequence[str],
    engine: Translator,
    *,
    back_engine: Translator | None = None,
    settings: AnalysisSettings | None = None,
    path: str | None = None,
) -> Report:
    """Translate ``doc`` into each target, back-translate, and analyse."""
    back_engine = back_engine or engine
    texts = [s.text for s in doc.sentences]
    languages = []
    for tgt in targets:
        check_pair(doc.lang, tgt)
        fwd = translate_sentences(engine, texts, doc.lang, tgt, alignments=True)
        bwd = translate_sentences(back_engine, [t.text for t in fwd], tgt, doc.lang)
        languages.append(
            analyze(
                doc,
                tgt,
                fwd,
                bwd,
                forward=engine.info(doc.lang, tgt),
                back=back_engine.info(tgt, doc.lang),
                settings=settings,
            )
        )
    return make_report("roundtrip", doc, languages, path=path)
