"""A number found in a text, with its value in one canonical form."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

KINDS: tuple[str, ...] = ("cardinal", "ordinal", "year", "percent", "decimal", "time")


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    text: str
    value: str  # canonical decimal string: "14", "1500000", "1.5"
    kind: str  # one of KINDS
    # Other readings of an ambiguous form ("1,500" in Spanish may be 1500); matching
    # accepts any of them.
    alternatives: tuple[str, ...] = ()
    # Words like "one"/"first"/"un"/"одна" double as articles and pronouns: they count
    # when matched but are never flagged as missing or extra.
    soft: bool = False

    @property
    def values(self) -> tuple[str, ...]:
        return (self.value, *self.alternatives)


def canonical(value: Decimal) -> str:
    """The value as a plain decimal string without trailing zeros: "1500000", "1.5"."""
    value = value.normalize()
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"
