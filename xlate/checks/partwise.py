"""The analysis of one long ``--lines`` document, part by part, with what it finds by
sentence: the runner ``check --lines`` uses on a file too long to hold.

``xlate.checks.analyse.analyse`` takes the whole document at once and returns a
``LanguageReport`` holding every sentence's record. Here each part (a few hundred lines)
is analysed as it comes and its records are handed back, to be written out and dropped.
Every check but two reads one sentence pair, or one paragraph (one line, in ``--lines``
mode), at a time and so finds in a part what it would find in the whole. The two that read
the document:

* the quotes check numbers quotes across the document and puts its dictionary note on
  the first quote: each part goes on from where the last one stopped
  (``QuotesCheck.run_part``);
* the name-consistency check compares every sentence's rendering of a name: it gathers
  them compactly (``NameConsistencyTally``) and its flags come at the end, by document
  index (``late_flags``), to be merged into records already written.

Checks that judge a person's translation against the rest of the document (the score and
quote floors of check mode) need its back-translations: this runner takes none, so they do
not arise; a check with a back-translation analyses the whole document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from xlate.checks.analyse import sentence_records
from xlate.checks.base import DEFAULT_CHECKS, Check
from xlate.checks.document import AnalysedDocument, AnalysisSettings, Findings
from xlate.checks.name_checks import NameConsistencyCheck, NameConsistencyTally
from xlate.checks.quotes.tracking import QuotesCheck
from xlate.report import ORIGINS, EntityCheck, Flag, QuoteRecord, SentenceRecord, severity_rank
from xlate.text.segment import Document
from xlate.translation import Translation

# A flag with the position in the check list of the check that found it: a sentence's flags
# are ordered by severity, then by check, so a late flag can be put in its place.
RankedFlag = tuple[int, Flag]


@dataclass
class Part:
    """What the analysis found in one part: its sentences' records (flags ordered as
    ``analyse`` orders them), the check that found each flag, its quotes and entities."""

    records: list[SentenceRecord]
    flag_checks: list[list[int]]  # per record, per flag: its check's position
    quotes: list[QuoteRecord] = field(default_factory=list)
    entities: list[EntityCheck] = field(default_factory=list)


class PartwiseAnalysis:
    """One target language of a document analysed part by part, without back-translations
    (the model-free checks): ``add`` each part in order, then take ``late_flags``."""

    def __init__(
        self,
        src: str,
        tgt: str,
        *,
        settings: AnalysisSettings | None = None,
        origin: str = "person",
        checks: Sequence[Check] = DEFAULT_CHECKS,
    ) -> None:
        if origin not in ORIGINS:
            raise ValueError(f"origin {origin!r} is not one of {', '.join(ORIGINS)}")
        self.src, self.tgt = src, tgt
        self.settings = settings or AnalysisSettings()
        self.origin = origin
        self.checks = tuple(checks)
        self.sentences = 0  # in the parts so far
        self.quotes = 0
        self._consistency = NameConsistencyTally(src, tgt)
        self._consistency_at = next(
            (n for n, c in enumerate(self.checks) if isinstance(c, NameConsistencyCheck)), None
        )

    def add(
        self,
        doc: Document,
        translations: Sequence[Translation | None],
        aligned_to: Sequence[Sequence[str]] | None = None,
    ) -> Part:
        """The next part: ``doc`` holds its source sentences (ids and line numbers as in
        the whole document), ``translations`` theirs."""
        if doc.lang != self.src:
            raise ValueError(f"a part in {doc.lang!r}, not {self.src!r}")
        document = AnalysedDocument(
            doc=doc,
            tgt=self.tgt,
            translations=translations,
            backs=None,
            machine_translation=self.origin == "machine",
        )
        records = sentence_records(document, aligned_to)
        found_flags: list[list[RankedFlag]] = [[] for _ in records]
        part = Part(records, [])
        entities: list[tuple[int, EntityCheck]] = []
        for at, check in enumerate(self.checks):
            found = self._run(check, document)
            for i, flag in found.flags:
                found_flags[i].append((at, flag))
            for i, scores in found.scores.items():
                records[i].scores = scores
            entities += found.entities
            part.quotes += found.quotes
        for record, ranked in zip(records, found_flags, strict=True):
            ranked.sort(key=lambda item: severity_rank(item[1].severity))  # stable: by check
            record.flags = [flag for _, flag in ranked]
            part.flag_checks.append([at for at, _ in ranked])
        part.entities = [entity for _, entity in sorted(entities, key=lambda item: item[0])]
        self.sentences += len(records)
        self.quotes += len(part.quotes)
        return part

    def _run(self, check: Check, document: AnalysedDocument) -> Findings:
        if isinstance(check, NameConsistencyCheck):
            self._consistency.add(document, self.sentences)
            return Findings()  # its flags come at the end: late_flags
        if isinstance(check, QuotesCheck):
            return check.run_part(document, self.settings, self.quotes)
        return check.run(document, self.settings)

    def late_flags(self) -> dict[int, list[RankedFlag]]:
        """The flags only the whole document could tell (name consistency), by document
        index of the sentence, each with its check's position."""
        out: dict[int, list[RankedFlag]] = {}
        if self._consistency_at is None:
            return out
        for i, flag in self._consistency.findings().flags:
            out.setdefault(i, []).append((self._consistency_at, flag))
        return out
