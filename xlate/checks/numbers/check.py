"""The numbers check of the analysis: each pair's numbers, extracted once, compared."""

from __future__ import annotations

from xlate.checks.document import AnalysedDocument, AnalysisSettings, Findings
from xlate.checks.numbers.compare import compare_numbers


class NumbersCheck:
    """Every number of the source must come through the translation with its value."""

    name = "numbers"

    def run(self, document: AnalysedDocument, settings: AnalysisSettings) -> Findings:
        found = Findings()
        for pair in document.pairs:
            back = pair.back_facts.numbers if pair.back_facts is not None else None
            entities, flags = compare_numbers(
                pair.source_facts.numbers,
                pair.translation_facts.numbers,
                back,
                source=pair.source,
                translation=pair.translation.text,
                src=pair.src,
                sentence_id=pair.id,
                machine=pair.machine_translation,
            )
            found.add(pair.index, flags, entities)
        return found
