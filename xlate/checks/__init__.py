"""The checks that read a source and its translation (and back-translation) and raise flags.

``base`` names the ``Check`` protocol and the default list; ``analyse`` runs the list over
one target language of a document (``document``: sentence pairs and paragraphs whose
quotes, numbers and names are extracted once and shared). One module or package per
check: ``scoring`` (round-trip chrF/BLEU/TER, the score check), ``qa`` (model-free QA:
empty, language, length, repetition, brackets, addresses, ``acronyms``), ``numbers``,
``names`` with ``name_checks``, ``quotes`` (extraction, matching; ``quotes.tracking``
follows each quote through the round trip), ``coverage`` (unaligned sentences, words
left untranslated).
"""
