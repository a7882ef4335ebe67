"""Fitting text to a model: over-long sentences split into pieces, sentences into batches.

Pure functions over a token-counting callback, shared by the engines that run neural
models. A model cannot translate more tokens than its positions allow; rather than
truncate (losing the end of a sentence without a word), :func:`split_to_fit` cuts at the
strongest boundary near the middle (clause punctuation, then commas and dashes, then any
space) until every piece fits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

_CLAUSE_END = (".", "!", "?", ";", ":", "…")
_CLAUSE_END_WRAPPED = ('"', "'", "»", "”", "’", ")", "]")
_SOFT_BREAK = (",", "—", "–", "-")


def _break_strength(word: str, next_word: str) -> int:
    """How good a place the space after ``word`` is to cut: 3 best, 1 any space."""
    core = word.rstrip("".join(_CLAUSE_END_WRAPPED))
    if core.endswith(_CLAUSE_END):
        return 3
    if word.endswith(_SOFT_BREAK) or next_word in _SOFT_BREAK:
        return 2
    return 1


def split_to_fit(text: str, count_tokens: Callable[[str], int], limit: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` tokens (by ``count_tokens``).

    Pieces are whole ``str.split()`` words joined by single spaces, so their words, in
    order, are exactly the words of ``text``; only a single word longer than the limit
    is cut inside (by characters). Text that fits comes back as ``[text]``.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    if count_tokens(text) <= limit:
        return [text]
    words = text.split()
    if len(words) <= 1:
        return _split_word(text.strip(), count_tokens, limit)
    cut = _best_cut(words)
    left, right = " ".join(words[:cut]), " ".join(words[cut:])
    return split_to_fit(left, count_tokens, limit) + split_to_fit(right, count_tokens, limit)


def _best_cut(words: Sequence[str]) -> int:
    """The number of words before the best cut: strongest boundary, nearest the middle.

    Only boundaries in the middle half count when there are any there, so a comma near
    the middle beats a full stop after the first word (pieces stay balanced and few).
    """
    positions = [len(w) + 1 for w in words]
    total = sum(positions)
    starts = []
    running = 0
    for width in positions[:-1]:
        running += width
        starts.append(running)  # characters before the cut after word i
    cuts = list(range(1, len(words)))
    central = [c for c in cuts if total / 4 <= starts[c - 1] <= 3 * total / 4] or cuts
    return max(
        central,
        key=lambda c: (_break_strength(words[c - 1], words[c]), -abs(starts[c - 1] - total / 2)),
    )


def _split_word(word: str, count_tokens: Callable[[str], int], limit: int) -> list[str]:
    """Cut one over-long word (a URL, a run of symbols) into the longest fitting pieces."""
    pieces = []
    rest = word
    while rest:
        low, high = 1, len(rest)
        while low < high:  # the longest prefix that fits
            mid = (low + high + 1) // 2
            if count_tokens(rest[:mid]) <= limit:
                low = mid
            else:
                high = mid - 1
        pieces.append(rest[:low])
        rest = rest[low:]
    return pieces


def plan_batches(
    lengths: Sequence[int],
    *,
    max_tokens: int,
    batch_size: int | None = None,
    beams: int = 1,
) -> list[list[int]]:
    """Group item indices into batches, longest items first.

    Sorting by length keeps padding (wasted work) small. With ``batch_size`` every batch
    has that many items; otherwise a batch grows while ``items x longest x beams`` --
    the padded tokens the decoder keeps alive -- stays within ``max_tokens`` (one item
    always fits). Every index appears in exactly one batch.
    """
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    if batch_size is not None:
        size = max(1, batch_size)
        return [order[i : i + size] for i in range(0, len(order), size)]
    batches: list[list[int]] = []
    current: list[int] = []
    longest = 0
    for index in order:
        candidate = max(longest, lengths[index])
        if current and (len(current) + 1) * candidate * max(1, beams) > max_tokens:
            batches.append(current)
            current, candidate = [], lengths[index]
        current.append(index)
        longest = candidate
    if current:
        batches.append(current)
    return batches
