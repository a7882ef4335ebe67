"""The check: the round-trip report of a translation someone already made.

Two phases, as in ``xlate.roundtrip``:

1. ``back_translate``: each sentence of the translation translated back into the source
   language (each distinct sentence once), when there is an engine;
2. ``analyse_translation``: the translation aligned to the source (line by line with
   ``lines``; otherwise by the sentence aligner, with the back-translation as evidence),
   then analysed like a round trip. Pure: a caller that made the back-translations
   itself (batch, for many articles at once) calls it with them.

``check_report`` wraps the analysed languages into the report; ``check`` does it all.

    report = check(source_text, translation_text, "en", "es", back_engine=engine)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from xlate.checks.analyse import analyse, make_report, settings_record
from xlate.checks.document import AnalysisSettings
from xlate.engines import Translator
from xlate.errors import InputError
from xlate.languages import check_pair
from xlate.report import ORIGINS, LanguageReport, Report
from xlate.text.segment import Document
from xlate.translate import DistinctTexts, StepCallback, as_document, translate_distinct
from xlate.translation import EngineInfo, Translation

# A bead: source sentence ids and the translation sentence ids that render them.
Bead = tuple[tuple[str, ...], tuple[str, ...]]


def check(
    source: str | Document,
    translation: str | Document,
    src: str | None = None,
    tgt: str | None = None,
    *,
    back_engine: Translator | None = None,
    settings: AnalysisSettings | None = None,
    lines: bool = False,
    path: str | None = None,
    translation_path: str | None = None,
    progress: StepCallback | None = None,
    origin: str = "person",
) -> Report:
    """The round-trip report of ``translation``, a translation of ``source``.

    ``src``/``tgt`` are detected when None. ``back_engine`` (closed by its owner)
    translates back; without one only the model-free checks run. With ``lines`` both
    texts have one sentence per line, aligned line by line. ``path`` and
    ``translation_path`` are the files', for the report; ``progress`` is told how far the
    back-translation and the checks are. ``origin`` says who made the translation
    (``xlate.report.ORIGINS``): with "machine" a number, name or quote of the source that
    the translation lacks is flagged, as in a round trip.
    """
    if origin not in ORIGINS:
        raise InputError(f"origin {origin!r} is not one of {', '.join(ORIGINS)}")
    source_doc = as_document(source, src, lines=lines)
    translation_doc = as_document(translation, tgt, lines=lines)
    # The one place the pair is checked.
    src, tgt = check_pair(source_doc.lang, translation_doc.lang)
    if lines:
        _line_beads(source_doc, translation_doc)  # unequal counts fail before translating
    backs = None
    back_info = None
    if back_engine is not None:
        backs = back_translate(translation_doc, src, back_engine, progress)
        back_info = back_engine.info(tgt, src)
    language = analyse_translation(
        source_doc,
        translation_doc,
        backs,
        back=back_info,
        settings=settings,
        lines=lines,
        progress=progress,
        origin=origin,
    )
    return check_report(
        source_doc,
        [language],
        settings=settings,
        lines=lines,
        path=path,
        translation_path=translation_path,
    )


def back_translate(
    translation: Document,
    src: str,
    back_engine: Translator,
    progress: StepCallback | None = None,
) -> list[Translation]:
    """Phase 1: each sentence of ``translation`` translated back into ``src``, in order.

    The pair is the caller's to check.
    """
    distinct = DistinctTexts.of(s.text for s in translation.sentences)
    results = translate_distinct(
        back_engine, distinct.texts, translation.lang, src, alignments=True, progress=progress
    )
    return distinct.spread(results)


def analyse_translation(
    source: Document,
    translation: Document,
    back_translations: Sequence[Translation] | None,
    *,
    back: EngineInfo | None,
    settings: AnalysisSettings | None = None,
    lines: bool = False,
    progress: StepCallback | None = None,
    origin: str = "person",
) -> LanguageReport:
    """Phase 2: align ``translation`` to ``source`` and analyse it. Pure: no engine calls.

    ``back_translations`` are those of the translation's sentences in order (None: none
    were made); ``back`` is the engine that made them. The pair is the caller's to check.
    """
    back_by_id = {
        s.id: b for s, b in zip(translation.sentences, back_translations or [], strict=False)
    }
    if lines:
        beads = _line_beads(source, translation)
    else:
        beads = _aligned_beads(source, translation, back_by_id)
    spread = _Spread.of(beads, source, translation, back_by_id)
    language = analyse(
        source,
        translation.lang,
        spread.translations,
        spread.backs if back_translations is not None else None,
        forward=None,
        back=back,
        settings=settings,
        notes=spread.notes,
        aligned_to=spread.aligned_to,
        merged_sources=spread.merged_sources,
        progress=progress,
        origin=origin,
    )
    language.translation_text = translation.original_text()
    language.unaligned_translation = spread.unaligned
    return language


def check_report(
    source: Document,
    languages: list[LanguageReport],
    *,
    settings: AnalysisSettings | None = None,
    lines: bool = False,
    path: str | None = None,
    translation_path: str | None = None,
    translation_paths: Mapping[str, str] | None = None,
) -> Report:
    """The report of a check: one translation's path, or (batch's check-dir) the paths of
    several translations by language."""
    report = make_report("check", source, languages, path=path, settings=settings_record(settings))
    if translation_paths is None:
        report.settings["translation_path"] = translation_path
    report.settings["alignment"] = "lines" if lines else "sentence-aligner"
    if translation_paths is not None:
        report.settings["translation_paths"] = dict(translation_paths)
    return report


def _line_beads(source: Document, translation: Document) -> list[Bead]:
    src_sents, tgt_sents = source.sentences, translation.sentences
    if len(src_sents) != len(tgt_sents):
        raise InputError(
            f"--lines needs the same number of lines on both sides: the source has "
            f"{len(src_sents)}, the translation {len(tgt_sents)}"
        )
    return [((s.id,), (t.id,)) for s, t in zip(src_sents, tgt_sents, strict=True)]


def _aligned_beads(
    source: Document, translation: Document, back_by_id: Mapping[str, Translation]
) -> list[Bead]:
    # numpy, which the aligner needs, is loaded only when a document is aligned.
    from xlate.text.align import align_documents

    back_texts = {k: v.text for k, v in back_by_id.items()} or None
    return [
        (tuple(b.src_ids), tuple(b.tgt_ids))
        for b in align_documents(source, translation, tgt_back=back_texts)
    ]


@dataclass
class _Spread:
    """The beads laid out per source sentence, as ``analyse`` takes them: the first
    sentence of a bead carries the translation of all of it (its merged sources), the
    others a note; a sentence with no counterpart carries None."""

    translations: list[Translation | None]
    backs: list[Translation | None]
    notes: list[list[str]]
    aligned_to: list[list[str]]
    merged_sources: list[str | None]
    unaligned: list[str]  # translation sentences no source sentence aligned to

    @classmethod
    def of(
        cls,
        beads: list[Bead],
        source: Document,
        translation: Document,
        back_by_id: Mapping[str, Translation],
    ) -> _Spread:
        n = len(source)
        src_index = {s.id: i for i, s in enumerate(source.sentences)}
        tgt_by_id = {s.id: s for s in translation.sentences}
        out = cls([None] * n, [None] * n, [[] for _ in range(n)], [[] for _ in range(n)],
                  [None] * n, [])  # fmt: skip
        for src_ids, tgt_ids in beads:
            if not src_ids:
                out.unaligned.extend(f"{t}: {tgt_by_id[t].text}" for t in tgt_ids)
                continue
            first = src_index[src_ids[0]]
            for other in src_ids:
                out.aligned_to[src_index[other]] = list(tgt_ids)
            if not tgt_ids:
                continue
            texts = [tgt_by_id[t].text for t in tgt_ids]
            out.translations[first] = Translation(text=" ".join(texts))
            if back_by_id:
                out.backs[first] = _join_backs(texts, [back_by_id[t] for t in tgt_ids])
            if len(src_ids) > 1:
                out.merged_sources[first] = " ".join(source.sentence(s).text for s in src_ids)
                for other in src_ids[1:]:
                    out.notes[src_index[other]].append(f"translated together with {src_ids[0]}")
        return out


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
