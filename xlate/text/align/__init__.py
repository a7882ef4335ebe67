"""Sentence alignment of a translation to its source, for ``xlate check``.

An editor's translation rarely keeps the source's sentence boundaries: translators merge
two sentences, split one, drop one or add one. ``align_sentences`` finds the beads (groups
of source and target sentences that translate each other: 1-1, 1-2, 2-1, 1-0, 0-1, 2-2,
1-3, 3-1) by dynamic programming over the cost of each bead, which adds up:

* a prior per bead shape (merges and drops are rarer than 1-1);
* the Gale-Church length cost: target characters are about ``mean`` times the source
  characters, with a variance that grows with length (calibrated per language pair on
  newstest2012);
* language-independent anchors, usable without any engine: numbers, ``? ! " ( %`` and
  capitalised words compared after transliteration (``Путина`` and ``Putin`` share ``puti``).
  Every anchor the bead's two sides share lowers its cost;
* when the caller has back-translations of the target sentences (the Bleualign idea), the
  word-overlap F-score (Dice) between the source side and the back-translated target side.

The DP runs inside a band around the diagonal and widens the band when the best path
touches its edge, so 1,000 x 1,000 sentences align in well under a second.

``Bead.score`` is the bead's **cost**: lower is better, about 0 for a clean 1-1 pair,
a few hundred for a drop or a doubtful merge, negative when many anchors agree.
"""

from xlate.text.align.aligner import align_documents, align_sentences
from xlate.text.align.features import anchors, word_stems
from xlate.text.align.params import (
    DEFAULT_LENGTH_MODEL,
    DEFAULT_PARAMS,
    PAIR_LENGTH_MODELS,
    AlignParams,
    Bead,
    IdBead,
    LengthModel,
    char_length,
)

__all__ = [
    "DEFAULT_LENGTH_MODEL",
    "DEFAULT_PARAMS",
    "PAIR_LENGTH_MODELS",
    "AlignParams",
    "Bead",
    "IdBead",
    "LengthModel",
    "align_documents",
    "align_sentences",
    "anchors",
    "char_length",
    "word_stems",
]
