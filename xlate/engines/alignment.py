"""Word alignments from subword cross-attention, for any engine that has attention weights.

Words are ``str.split()`` tokens of a sentence (the unit :class:`Translation.alignment`
uses); models see subword pieces. :func:`piece_word_ids` maps pieces to words by their
word-start marker (sentencepiece ``▁``, byte-level BPE ``Ġ``), and :func:`align_words`
turns a (target pieces x source pieces) attention matrix into word pairs. Pure functions
on plain lists, so the ``hf`` engine (torch tensors) and the ``ct2`` engine (its own
attention output) share them.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

WORD_START_MARKERS = ("▁", "Ġ")


def piece_word_ids(
    pieces: Sequence[str], n_words: int, special: Collection[str] = ()
) -> list[int | None]:
    """The index of the word each piece belongs to (None for special tokens).

    A piece starting with a word-start marker opens the next word; other pieces continue
    the current one (a first piece without a marker opens word 0). Indices are clamped to
    ``n_words - 1`` because the tokenizer's normalisation can, rarely, see more word
    starts than ``str.split()`` does. With ``n_words == 0`` every piece maps to None.
    """
    out: list[int | None] = []
    current = -1
    for piece in pieces:
        if piece in special or n_words == 0:
            out.append(None)
            continue
        starts_word = piece.startswith(WORD_START_MARKERS)
        if starts_word or current < 0:
            # a lone marker before punctuation ("▁", "«") still opens one word
            current += 1
        out.append(min(current, n_words - 1))
    return out


def align_words(
    attention: Sequence[Sequence[float]],
    source_word_ids: Sequence[int | None],
    target_word_ids: Sequence[int | None],
) -> tuple[tuple[int, int], ...]:
    """``(source_word, target_word)`` pairs: for each target word its most-attended source word.

    ``attention[i][j]`` is how much target piece ``i`` attends to source piece ``j``. A
    word's score against a source word is the attention its pieces give to that word's
    pieces, summed over source pieces and averaged over its own pieces; special tokens
    (id None) take no part. Pairs come sorted by target word.
    """
    n_source = 1 + max((w for w in source_word_ids if w is not None), default=-1)
    if n_source == 0:
        return ()
    totals: dict[int, list[float]] = {}
    counts: dict[int, int] = {}
    for row, tgt_word in zip(attention, target_word_ids, strict=False):
        if tgt_word is None:
            continue
        scores = totals.setdefault(tgt_word, [0.0] * n_source)
        for weight, src_word in zip(row, source_word_ids, strict=False):
            if src_word is not None:
                scores[src_word] += float(weight)
        counts[tgt_word] = counts.get(tgt_word, 0) + 1
    pairs = []
    for tgt_word in sorted(totals):
        scores = totals[tgt_word]
        best = max(range(n_source), key=scores.__getitem__)
        pairs.append((best, tgt_word))
    return tuple(pairs)


def shift_pairs(
    pairs: Sequence[tuple[int, int]], source_offset: int, target_offset: int
) -> list[tuple[int, int]]:
    """Move the pairs of one piece of a split sentence to the whole sentence's word indices."""
    return [(s + source_offset, t + target_offset) for s, t in pairs]
