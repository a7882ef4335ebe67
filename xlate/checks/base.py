"""The Check protocol, and the checks the analysis runs by default, in their order.

A check is any object with a ``name`` and ``run(document, settings) -> Findings``: it reads
the translated document (``xlate.checks.document.AnalysedDocument``: its sentence pairs
and paragraphs, whose quotes, numbers and names are extracted once and shared by every
check) and returns what it found. The runner (``xlate.checks.analyse``) runs the list in
order and files each finding under its sentence; a sentence's flags are then ordered by
severity, keeping the order of the checks among equals. To add a check, write such an
object and put it in the list (or pass your own list to ``analyse``).
"""

from __future__ import annotations

from typing import Protocol

from xlate.checks.coverage import UnalignedCheck, UnknownWordsCheck
from xlate.checks.document import AnalysedDocument, AnalysisSettings, Findings
from xlate.checks.glossary.check import GlossaryCheck
from xlate.checks.name_checks import NameConsistencyCheck, NamesCheck
from xlate.checks.numbers.check import NumbersCheck
from xlate.checks.omission import OmissionCheck
from xlate.checks.opposite_words import OppositeWordsCheck
from xlate.checks.polarity import PolarityCheck
from xlate.checks.qa import QA_CHECKS
from xlate.checks.quotes.tracking import QuotesCheck
from xlate.checks.scoring import ScoreCheck


class Check(Protocol):
    """One check of a translated document."""

    @property
    def name(self) -> str:
        """A short name: what the check is known by (``numbers``, ``quotes``)."""
        ...

    def run(self, document: AnalysedDocument, settings: AnalysisSettings) -> Findings:
        """What the check finds in ``document``; it never changes the document."""
        ...


DEFAULT_CHECKS: tuple[Check, ...] = (
    UnalignedCheck(),
    ScoreCheck(),
    *QA_CHECKS,
    NumbersCheck(),
    NamesCheck(),
    PolarityCheck(),
    OppositeWordsCheck(),
    OmissionCheck(),
    QuotesCheck(),
    NameConsistencyCheck(),
    GlossaryCheck(),
    UnknownWordsCheck(),
)
