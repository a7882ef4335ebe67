"""Round trip and check: translate (or take a given translation), back-translate, analyse.

The engine calls and the analysis are separate so that batch jobs can translate the
sentences of many articles together and analyse each article afterwards:

    translations = translate_sentences(engine, texts, src, tgt, alignments=True)
    backs        = translate_sentences(back_engine, [t.text for t in translations], tgt, src,
                                       alignments=True)
    lang_report  = analyze(doc, tgt, translations, backs, forward=..., back=...)
    report       = make_report("roundtrip", doc, [lang_report], path=...)
"""

from __future__ import annotations

import hashlib
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from xlate.checks.analyse import score_flag, sentence_flags, track_quotes, unknown_word_flags
from xlate.checks.names import inconsistent_renderings
from xlate.checks.scoring import corpus_scores, sentence_scores
from xlate.config import Thresholds
from xlate.engines.base import Translator
from xlate.languages import check_pair
from xlate.report import (
    EngineRecord,
    Flag,
    LanguageReport,
    QuoteRecord,
    Report,
    SentenceRecord,
    SourceRecord,
)
from xlate.text.segment import Document
from xlate.translate import translate_sentences
from xlate.translation import EngineInfo, Translation

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


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
    translations: Sequence[Translation | None],
    back_translations: Sequence[Translation | None] | None,
    *,
    forward: EngineInfo | None,
    back: EngineInfo | None,
    settings: AnalysisSettings | None = None,
    notes: Sequence[Sequence[str]] | None = None,
    aligned_to: Sequence[Sequence[str]] | None = None,
    merged_sources: Sequence[str | None] | None = None,
) -> LanguageReport:
    """Score and flag one target language of a document. Pure: no engine calls.

    ``translations[i]`` is None for a source sentence with no counterpart (check mode);
    ``back_translations`` is None when there is no engine to translate back. In check mode
    several source sentences can share one translation: the first carries it and
    ``merged_sources[i]`` (their joined text) is what it is checked and scored against.
    """
    settings = settings or AnalysisSettings()
    th = settings.thresholds
    src = doc.lang
    sentences = doc.sentences
    index = {s.id: i for i, s in enumerate(sentences)}
    records: list[SentenceRecord] = []
    all_entities = []
    for i, sent in enumerate(sentences):
        fwd = translations[i]
        bwd = back_translations[i] if back_translations is not None else None
        record = SentenceRecord(
            id=sent.id,
            paragraph=sent.paragraph,
            sentence=sent.sentence,
            line=sent.line,
            source=sent.text,
            translation=fwd.text if fwd is not None else None,
            back_translation=bwd.text if bwd is not None else None,
            unknown_words=list(fwd.unknown_words) if fwd is not None else [],
            notes=[*(fwd.notes if fwd is not None else ()), *(notes[i] if notes else ())],
            aligned_to=list(aligned_to[i]) if aligned_to else [],
        )
        records.append(record)
        if fwd is None:
            if not record.notes:  # sentences merged into a neighbour's bead carry a note
                record.flags.append(
                    Flag(
                        kind="unaligned",
                        severity="high",
                        reason="no sentence of the translation corresponds to this one",
                    )
                )
            continue
        source_text = (merged_sources[i] if merged_sources else None) or sent.text
        if bwd is not None:
            record.scores = sentence_scores(bwd.text, source_text)
            flag = score_flag(record.scores.chrf, th)
            if flag is not None:
                record.flags.append(flag)
        flags, entities = sentence_flags(
            sent.id, source_text, fwd, bwd, src, tgt, th, machine_translation=forward is not None
        )
        record.flags.extend(flags)
        all_entities.extend(entities)

    quotes: list[QuoteRecord] = []
    for paragraph in doc.paragraphs:
        idx = [index[s.id] for s in paragraph.sentences]
        results = track_quotes(
            [sentences[i].text for i in idx],
            [translations[i] for i in idx],
            [back_translations[i] for i in idx] if back_translations is not None else None,
            src,
            tgt,
            [sentences[i].id for i in idx],
            th,
            first_number=len(quotes) + 1,
            machine_translation=forward is not None,
        )
        for result in results:
            quotes.append(result.record)
            records[idx[result.sentence_index]].flags.extend(result.record.flags)

    if forward is None and back_translations is not None:
        _keep_outliers_only(records, quotes, th)

    pairs = [
        (sent.text, t.text if t is not None else "")
        for sent, t in zip(sentences, translations, strict=True)
    ]
    for i, flag in inconsistent_renderings(pairs, src, tgt):
        if not any(f.kind == "name" and f.span == flag.span for f in records[i].flags):
            records[i].flags.append(flag)

    quoted_words = {w.lower().strip(".,;:!?") for q in quotes for w in q.text.split()}
    for i, record in enumerate(records):
        fwd = translations[i]
        if fwd is not None:
            record.flags.extend(unknown_word_flags(fwd, quoted_words))
        record.flags.sort(key=lambda f: SEVERITY_ORDER.get(f.severity, 3))

    texts = {s.id: t.text for s, t in zip(sentences, translations, strict=True) if t is not None}
    report = LanguageReport(
        target=tgt,
        engine=engine_record(forward),
        back_engine=engine_record(back),
        sentences=records,
        quotes=quotes,
        entities=all_entities,
        translation_text=doc.render(texts) if forward is not None else None,
    )
    if back_translations is not None:
        pairs = [
            (b.text, s.text)
            for s, b in zip(sentences, back_translations, strict=True)
            if b is not None
        ]
        backs = {s.id: b.text for s, b in zip(sentences, back_translations, strict=True) if b}
        report.back_translation_text = doc.render(backs)
        report.scores = corpus_scores([p[0] for p in pairs], [p[1] for p in pairs])
    return report


# Robust z-score under which a person's sentence or quote is flagged for its round trip:
# only the few far worse than the rest of the document.
_OUTLIER_Z = 3.0
# Fewer scores than this say nothing about a document's baseline.
_MIN_BASELINE = 8
_MIN_SCORED_WORDS = 5


def relative_floor(values: Sequence[float], absolute: float) -> float:
    """The chrF under which a score stands out from the rest of the document: the
    median less ``_OUTLIER_Z`` robust deviations (1.4826 × MAD), never above
    ``absolute``; ``absolute`` alone for a document too short to have a baseline."""
    if len(values) < _MIN_BASELINE:
        return absolute
    ordered = sorted(values)
    median = statistics.median(ordered)
    mad = statistics.median(abs(v - median) for v in ordered)
    return min(absolute, median - _OUTLIER_Z * 1.4826 * mad)


def _keep_outliers_only(
    records: list[SentenceRecord], quotes: list[QuoteRecord], th: Thresholds
) -> None:
    """Round-trip flags for a person's translation, judged against the document itself.

    An engine's back-translation of a person's wording differs from the original far
    more than an engine's round trip of its own output does (synonyms, reordering,
    idiom): on newstest2012 en->es through Apertium, 59% of people's sentences fall under
    the absolute chrF thresholds. What an editor needs is the sentence or quote whose
    round trip is far worse than the rest of the same document, so in check mode a
    ``score`` or ``quote`` flag stays only below the document's robust floor (and the
    high threshold); an absolute threshold alone rules for a document of a few
    sentences.
    """
    sentence_floor = relative_floor(
        [r.scores.chrf for r in records if r.scores.chrf is not None], th.sentence_chrf_high
    )
    quote_floor = relative_floor([q.chrf for q in quotes if q.chrf is not None], th.quote_chrf_high)
    # chrF of a few words swings wildly ("How come?" / "¿A qué se debe esto?" comes back
    # at 9): too short a sentence gets no score flag of its own in check mode.
    short = {r.id for r in records if len(r.source.split()) < _MIN_SCORED_WORDS}
    dropped: list[Flag] = []
    for q in quotes:
        if q.chrf is not None and q.chrf >= quote_floor:
            dropped += [f for f in q.flags if f.kind == "quote"]
            q.flags = [f for f in q.flags if f.kind != "quote"]
            if q.status == "changed":
                q.status = "kept"
    gone = {id(f) for f in dropped}
    for record in records:
        chrf = record.scores.chrf
        record.flags = [
            f
            for f in record.flags
            if id(f) not in gone
            and not (
                f.kind == "score"
                and ((chrf is not None and chrf >= sentence_floor) or record.id in short)
            )
        ]


def make_report(
    mode: str,
    doc: Document,
    languages: list[LanguageReport],
    *,
    path: str | None = None,
    source_text: str | None = None,
    settings: dict[str, Any] | None = None,
) -> Report:
    from xlate._version import __version__

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


def roundtrip_language(
    doc: Document,
    tgt: str,
    engine: Translator,
    back_engine: Translator,
    settings: AnalysisSettings | None = None,
) -> LanguageReport:
    """Translate ``doc`` into ``tgt``, translate that back, and analyse."""
    check_pair(doc.lang, tgt)
    texts = [s.text for s in doc.sentences]
    fwd = translate_sentences(engine, texts, doc.lang, tgt, alignments=True)
    bwd = translate_sentences(back_engine, [t.text for t in fwd], tgt, doc.lang, alignments=True)
    return analyze(
        doc,
        tgt,
        fwd,
        bwd,
        forward=engine.info(doc.lang, tgt),
        back=back_engine.info(tgt, doc.lang),
        settings=settings,
    )


def roundtrip(
    doc: Document,
    targets: Sequence[str],
    engine: Translator,
    *,
    back_engine: Translator | None = None,
    settings: AnalysisSettings | None = None,
    path: str | None = None,
    source_text: str | None = None,
) -> Report:
    """Translate ``doc`` into each target, back-translate, and analyse."""
    back_engine = back_engine or engine
    languages = [roundtrip_language(doc, tgt, engine, back_engine, settings) for tgt in targets]
    return make_report(
        "roundtrip",
        doc,
        languages,
        path=path,
        source_text=source_text,
        settings=settings_record(settings),
    )


def settings_record(settings: AnalysisSettings | None) -> dict[str, Any]:
    from dataclasses import asdict

    return {"thresholds": asdict((settings or AnalysisSettings()).thresholds)}


def check(
    source: Document,
    translation: Document,
    *,
    back_engine: Translator | None,
    settings: AnalysisSettings | None = None,
    lines: bool = False,
    path: str | None = None,
    translation_path: str | None = None,
    source_text: str | None = None,
    translation_text: str | None = None,
) -> Report:
    """The round-trip report for a translation the editor already has.

    The translation is back-translated sentence by sentence (when there is an engine),
    aligned to the source (line by line with ``lines``; otherwise by the sentence aligner,
    with the back-translation as evidence), then analysed like a round trip.
    """
    src, tgt = check_pair(source.lang, translation.lang)
    tgt_sents = translation.sentences
    backs: list[Translation] | None = None
    back_info = None
    if back_engine is not None:
        backs = translate_sentences(
            back_engine, [s.text for s in tgt_sents], tgt, src, alignments=True
        )
        back_info = back_engine.info(tgt, src)
    back_by_id = {s.id: b for s, b in zip(tgt_sents, backs or [], strict=False)}
    beads = _beads(source, translation, back_by_id, lines)

    src_index = {s.id: i for i, s in enumerate(source.sentences)}
    tgt_by_id = {s.id: s for s in tgt_sents}
    n = len(source)
    forwards: list[Translation | None] = [None] * n
    back_list: list[Translation | None] = [None] * n
    notes: list[list[str]] = [[] for _ in range(n)]
    aligned: list[list[str]] = [[] for _ in range(n)]
    merged: list[str | None] = [None] * n
    unaligned: list[str] = []
    for src_ids, tgt_ids in beads:
        if not src_ids:
            unaligned.extend(f"{t}: {tgt_by_id[t].text}" for t in tgt_ids)
            continue
        first = src_index[src_ids[0]]
        for other in src_ids:
            aligned[src_index[other]] = list(tgt_ids)
        if not tgt_ids:
            continue
        forwards[first] = Translation(text=" ".join(tgt_by_id[t].text for t in tgt_ids))
        if backs is not None:
            back_list[first] = _join_backs(
                [tgt_by_id[t].text for t in tgt_ids], [back_by_id[t] for t in tgt_ids]
            )
        if len(src_ids) > 1:
            merged[first] = " ".join(source.sentence(s).text for s in src_ids)
            for other in src_ids[1:]:
                notes[src_index[other]].append(f"translated together with {src_ids[0]}")
    language = analyze(
        source,
        tgt,
        forwards,
        back_list if backs is not None else None,
        forward=None,
        back=back_info,
        settings=settings,
        notes=notes,
        aligned_to=aligned,
        merged_sources=merged,
    )
    language.translation_text = (
        translation_text if translation_text is not None else translation.render()
    )
    language.unaligned_translation = unaligned
    record = make_report(
        "check",
        source,
        [language],
        path=path,
        source_text=source_text,
        settings=settings_record(settings),
    )
    record.settings["translation_path"] = translation_path
    record.settings["alignment"] = "lines" if lines else "sentence-aligner"
    return record


def _beads(
    source: Document,
    translation: Document,
    back_by_id: dict[str, Translation],
    lines: bool,
) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    src_sents, tgt_sents = source.sentences, translation.sentences
    if lines:
        if len(src_sents) != len(tgt_sents):
            from xlate.errors import InputError

            raise InputError(
                f"--lines needs the same number of lines on both sides: the source has "
                f"{len(src_sents)}, the translation {len(tgt_sents)}"
            )
        return [((s.id,), (t.id,)) for s, t in zip(src_sents, tgt_sents, strict=True)]
    from xlate.text.align import align_documents

    back_texts = {k: v.text for k, v in back_by_id.items()} or None
    return [
        (tuple(b.src_ids), tuple(b.tgt_ids))
        for b in align_documents(source, translation, tgt_back=back_texts)
    ]


def _join_backs(tgt_texts: list[str], backs: list[Translation]) -> Translation:
    """Join the back-translations of several target sentences, shifting alignments."""
    if len(backs) == 1:
        return backs[0]
    links: list[tuple[int, int]] = []
    t_off = b_off = 0
    has_links = False
    for text, back in zip(tgt_texts, backs, strict=True):
        if back.alignment is not None:
            has_links = True
            links.extend((s + t_off, t + b_off) for s, t in back.alignment)
        t_off += len(text.split())
        b_off += len(back.text.split())
    return Translation(
        text=" ".join(b.text for b in backs),
        alignment=tuple(links) if has_links else None,
        unknown_words=tuple(w for b in backs for w in b.unknown_words),
    )
