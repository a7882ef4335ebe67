"""Sentence alignment of a translation to its source: sentences and whole documents."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from xlate.languages import check_language
from xlate.text.align import single
from xlate.text.align.params import DEFAULT_PARAMS, AlignParams, Bead, IdBead, char_length
from xlate.text.segment import Document, Sentence


def align_sentences(
    src_sents: Sequence[str],
    tgt_sents: Sequence[str],
    src_lang: str,
    tgt_lang: str,
    *,
    tgt_back: Sequence[str] | None = None,
    params: AlignParams | None = None,
) -> list[Bead]:
    """Align target sentences to source sentences; every index appears in exactly one bead.

    ``tgt_back``: optional back-translations of ``tgt_sents`` into ``src_lang`` (same length),
    used as extra lexical evidence. Beads come in order on both sides.
    """
    src_lang, tgt_lang = check_language(src_lang), check_language(tgt_lang)
    if tgt_back is not None and len(tgt_back) != len(tgt_sents):
        raise ValueError(
            f"tgt_back has {len(tgt_back)} items for {len(tgt_sents)} target sentences"
        )
    params = params or DEFAULT_PARAMS
    n, m = len(src_sents), len(tgt_sents)
    if n == 0 or m == 0:
        return [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]
    if n == 1 and m == 1 and single.answers(params):
        back = None if tgt_back is None else tgt_back[0]
        return single.align_pair(
            src_sents[0], tgt_sents[0], src_lang, tgt_lang, back=back, params=params
        )
    # numpy, which the DP is written in, is imported only for more than one sentence a side.
    from xlate.text.align.dp import Problem

    problem = Problem.build(src_sents, tgt_sents, src_lang, tgt_lang, tgt_back, params)
    width = max(1, params.band)
    while True:
        beads, touched = problem.solve(width)
        if not touched or width >= max(n, m):
            return beads
        width *= 2


def align_documents(
    src_doc: Document,
    tgt_doc: Document,
    *,
    tgt_back: Mapping[str, str] | None = None,
    params: AlignParams | None = None,
) -> list[IdBead]:
    """Align two segmented documents, paragraph by paragraph when their paragraphs match.

    Paragraphs are aligned one by one when both documents have the same number of them
    and every paragraph keeps roughly the document's length ratio (a translator who split
    one paragraph and merged two others elsewhere fails that test). Otherwise the sentences
    of the whole documents are aligned in one pass: the banded DP is cheap enough, and a
    separate paragraph aligner would add a second place to go wrong.
    ``tgt_back`` maps target sentence ids to their back-translations.
    """
    src_paras = [p.sentences for p in src_doc.paragraphs]
    tgt_paras = [p.sentences for p in tgt_doc.paragraphs]
    if _paragraphs_correspond(src_paras, tgt_paras):
        pairs = list(zip(src_paras, tgt_paras, strict=True))
    else:
        pairs = [(src_doc.sentences, tgt_doc.sentences)]
    out: list[IdBead] = []
    for src_sents, tgt_sents in pairs:
        back = None
        if tgt_back is not None:
            back = [tgt_back.get(s.id, "") for s in tgt_sents]
        beads = align_sentences(
            [s.text for s in src_sents],
            [s.text for s in tgt_sents],
            src_doc.lang,
            tgt_doc.lang,
            tgt_back=back,
            params=params,
        )
        for bead in beads:
            out.append(
                IdBead(
                    tuple(src_sents[i].id for i in bead.src),
                    tuple(tgt_sents[j].id for j in bead.tgt),
                    bead.score,
                )
            )
    return out


def _paragraphs_correspond(
    src: Sequence[Sequence[Sentence]], tgt: Sequence[Sequence[Sentence]]
) -> bool:
    if len(src) != len(tgt) or not src:
        return False
    src_len = [sum(char_length(s.text) for s in p) for p in src]
    tgt_len = [sum(char_length(s.text) for s in p) for p in tgt]
    ratio = sum(tgt_len) / max(1, sum(src_len))
    for ls, lt in zip(src_len, tgt_len, strict=True):
        if ls + lt < 80:  # short paragraphs (headlines, bylines) vary too much to judge
            continue
        r = lt / max(1, ls) / ratio
        if not 0.5 <= r <= 2.0:
            return False
    return True
