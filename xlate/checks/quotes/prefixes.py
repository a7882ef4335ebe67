"""Words that are another word's opposite by a negating prefix (possible/impossible,
capaz/incapaz, ясный/неясный): the prefixes of each language are in
data/negative_prefixes.json."""

from __future__ import annotations

from xlate.checks import lexicon
from xlate.text.datafiles import data_json
from xlate.text.words import stopwords


def negation_apart(a: str, la: str, b: str, lb: str) -> bool:
    """Whether two look-alikes differ by a negating prefix that only one of them has:
    "incapable" is like "capable", "imposible" like "possible", and their opposite."""
    rest_a, rest_b = unprefixed(a, la), unprefixed(b, lb)
    if bool(rest_a) == bool(rest_b):
        return False  # both prefixed ("información", "information") or neither
    return any(lexicon.cognate(r, b) for r in rest_a) or any(lexicon.cognate(a, r) for r in rest_b)


# The shortest rest of a word after a negating prefix: "ir" + "real", never "in" + "n".
MIN_UNPREFIXED = 4


def unprefixed(word: str, lang: str) -> list[str]:
    """``word`` without each negating prefix it opens with ("incapaz": capaz); never a
    function word's rest ("несколько" is no не + сколько, "некоторые" no не + которые)."""
    prefixes = data_json("negative_prefixes.json").get(lang, ())
    stop = stopwords(lang)
    return [
        word[len(p) :]
        for p in prefixes
        if word.startswith(p)
        and len(word) - len(p) >= MIN_UNPREFIXED
        and word[len(p) :] not in stop
    ]
