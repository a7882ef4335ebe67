"""Whether anything stands in a translation where a source name, gone, stood.

The acronym check asks it of an acronym the text made its topic: a person may leave the
topic unsaid (a pronoun, Spanish's unspoken subject), but a word put in its place (the
group, el ministro, another name) replaced it.
"""

from __future__ import annotations

from xlate.checks.names.capital_in_place import capital_in_place
from xlate.checks.names.evidence import common_name, explained, position
from xlate.checks.names.extract import NameMention, extract_names
from xlate.checks.names.in_place import noun_in_place

# How far (share of the sentence) from the name's place another name may stand in.
_NEAR = 0.25


def something_in_place(
    name: NameMention, source: str, src: str, translation: str, tgt: str
) -> bool:
    """Does a name the source does not account for, a generic common noun or a
    capitalised common word stand in ``translation`` near where ``name`` stood?"""
    here = position(name, source)
    for t in extract_names(translation, tgt):
        if t.weak or common_name(t, tgt) or abs(position(t, translation) - here) > _NEAR:
            continue
        if not explained(t, tgt, source, src):
            return True
    args = (name, source, src, translation, tgt)
    return noun_in_place(*args, distinct=False) is not None or (
        capital_in_place(*args, distinct=False) is not None
    )
