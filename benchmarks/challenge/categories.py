"""The challenge categories: what each injects and which flag kinds count as catching it.

A variant is *caught* when its line carries a flag of one of the category's kinds. Kinds
xlate does not raise yet (``negation``, ``meaning``, ``omission``, ``addition``) are
listed so that the table counts them as soon as the checks of issues #12/#13 add them;
``score`` (the round-trip chrF) counts for the meaning categories, where drift is the
error. ``sealed`` categories were never used for tuning anything: they do not run on the
tuning half (keep it that way when the checks are tuned).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from benchmarks.challenge import facts, meaning, reach
from benchmarks.challenge.cases import Case, Edit, Injector
from benchmarks.challenge.text import quotes

NUMBER = frozenset({"number"})
NAME = frozenset({"name", "acronym"})
QUOTE = frozenset({"quote", "quote_lost"})
POLARITY = frozenset({"negation", "meaning", "opposite", "score", "quote"})
WORD = frozenset({"meaning", "opposite", "negation", "score", "quote"})
QUOTE_WORD = frozenset({"quote", "quote_lost", "meaning", "opposite", "score"})
OMISSION = frozenset({"omission", "meaning", "length", "score", "quote_lost"})
ADDITION = frozenset({"addition", "meaning", "length", "score", "repetition"})


@dataclass(frozen=True)
class Category:
    name: str
    issue: int
    inject: Injector
    kinds: frozenset[str]
    origins: tuple[str, ...] = ("person", "machine")
    clean_variant: bool = False  # the variant is still right: a flag on it is a false alarm
    sealed: bool = False  # never tuned on: held-out half only
    # The sample the category draws from (a key of SAMPLES).
    sample: str = "lines"
    # Whether a variant can be caught from the source at all (None: always); the table
    # counts those that cannot apart, and 'caught' of the rest (see reach.py).
    reachable: Callable[[Case, Edit], bool] | None = None


def _quoted(sides: dict[str, str]) -> bool:
    return all(quotes(text) for text in sides.values())


def _number_words(sides: dict[str, str]) -> bool:
    return any(facts.number_word_parts(text, lang) for lang, text in sides.items())


# Which lines a sample may take, given a line's text in each language: any line, or, for
# categories a plain sample holds too few of, lines with a quotation in all three
# languages (one line in ten) or a number word in any of them.
SAMPLES: dict[str, Callable[[dict[str, str]], bool] | None] = {
    "lines": None,
    "quoted": _quoted,
    "number_words": _number_words,
}


CATEGORIES = (
    Category("number_digits", 12, facts.number_digits, NUMBER),
    Category("number_word", 12, facts.number_word, NUMBER, sample="number_words"),
    Category("name_document", 12, facts.name_document, NAME),
    Category("name_known", 12, facts.name_known, NAME),
    Category("name_word", 12, facts.name_word, NAME),
    Category("name_part", 12, facts.name_part, NAME, sealed=True),
    Category("name_removed", 12, facts.name_removed, NAME, origins=("machine",)),
    Category("figure_removed", 12, facts.figure_removed, NUMBER, origins=("machine",), sealed=True),
    Category(
        "quote_removed", 12, facts.quote_removed, QUOTE, origins=("machine",), sample="quoted"
    ),
    Category("negation_added", 13, meaning.negation_added, POLARITY),
    Category("negation_removed", 13, meaning.negation_removed, POLARITY),
    Category("antonym", 13, meaning.antonym, WORD),
    Category(
        "quote_synonym",
        13,
        meaning.quote_synonym,
        QUOTE_WORD,
        clean_variant=True,
        sample="quoted",
    ),
    Category(
        "quote_opposite",
        13,
        meaning.quote_opposite,
        QUOTE_WORD,
        sample="quoted",
        reachable=reach.reachable,
    ),
    Category(
        "quote_unrelated", 13, meaning.quote_unrelated, QUOTE_WORD, sealed=True, sample="quoted"
    ),
    Category("clause_omitted", 13, meaning.clause_omitted, OMISSION),
    Category("clause_added", 13, meaning.clause_added, ADDITION, sealed=True),
)
BY_NAME = {c.name: c for c in CATEGORIES}


def select(names: str | None) -> list[Category]:
    """The categories named (comma-separated, or a prefix such as ``name_``); all if None."""
    if not names:
        return list(CATEGORIES)
    chosen: list[Category] = []
    for name in (n.strip() for n in names.split(",") if n.strip()):
        matches = [c for c in CATEGORIES if c.name == name or c.name.startswith(name)]
        if not matches:
            raise SystemExit(f"unknown category {name!r}: choose from {', '.join(BY_NAME)}")
        chosen += [c for c in matches if c not in chosen]
    return chosen
