"""Imported once by the forkserver of the analysis pool (``xlate.batch.pool``, ``xlate.batch.run``).

The analysis loads its heaviest piece lazily: lingua's language models for the
wrong-language check (~1.5 s, some hundred MB). Loading them here, before any worker is
forked, means every worker starts warm and shares the models copy-on-write, instead of
each paying the load again. (numpy, which starts BLAS threads, is left to the workers:
the forkserver forks and must stay single-threaded.)
"""

from __future__ import annotations

import xlate.batch.jobs  # noqa: F401  (the analysis code itself)
from xlate.text.langid import language_scores, surely_in

# Both sets: the check asks the low-accuracy models of every sentence first.
surely_in("a sentence to load the language models", "en", wide=True)
language_scores("a sentence to load the language models", wide=True)
