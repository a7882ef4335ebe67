"""Glossaries: the terms a translation must render one way, and the names it must keep.

``terms`` holds the data and its file format (``load_glossary``) and the matching that
tolerates case and inflection; ``check`` the ``glossary`` check of the analysis.
"""

from xlate.checks.glossary.terms import Glossary, GlossaryEntry, load_glossary

__all__ = ["Glossary", "GlossaryEntry", "load_glossary"]
