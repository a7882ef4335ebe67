"""A challenge set for xlate's checks, in the manner of published MT challenge sets: one
controlled error per line (issues #12 and #13).

    PYTHONPATH=. python benchmarks/challenge.py --corpus DIR [--work DIR] [--half tune]
        [--lines 200] [--seed 1] [--engine none,apertium] [--categories number_,name_part]
        [--directions en-es,ru-en,en-es/mt] [--origin person,machine] [--json OUT]
        [--examples 3]

From newstest2012 (``--corpus`` or $XLATE_CORPORA; 3,003 parallel lines en/es/ru) it takes
the same sample of lines for every direction: the six directions of people's translations
and, as machine output, Apertium's en->es and es->en translations of the source (made once,
kept under ``--work``). Each category's injector makes one variant of a line's translation
with one controlled error (:mod:`facts` for issue #12, :mod:`meaning` for #13); the variant
lines of a category are checked together as one document, as ``xlate check --lines`` does,
with ``--engine none`` and, where the pair has it, ``--engine apertium``. The table gives
per category × direction × engine the share of variants caught (a flag of a kind that
counts for the category; the legend lists them) and the share of the same lines, unmodified,
flagged. Lines 0-1500 are the tuning half, 1500-3003 the held-out half (the default).

Modules: ``cases`` (what an injector gets and returns), ``lexicon`` (data files in
``benchmarks/challenge_data/``, wordfreq, pymorphy3), ``text`` (names, digits, quotes,
clauses found independently of xlate), ``facts`` and ``meaning`` (the injectors),
``categories`` (the registry), ``corpus``, ``adapter`` (the only code that calls xlate),
``bench`` (variants and tallies), ``table`` and ``cli``.
"""
