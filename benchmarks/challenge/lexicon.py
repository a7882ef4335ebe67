"""The lexical resources the injectors draw on: the data files in ``challenge_data/``,
wordfreq's word frequencies and pymorphy3's Russian morphology (OpenCorpora).

Nothing here comes from xlate: the injectors must not share the checks' blind spots.
"""

from __future__ import annotations

import csv
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "challenge_data"

# Grammemes that a replacement word takes over from the word it replaces (pymorphy3 names).
CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "loc2"})
NUMBERS = frozenset({"sing", "plur"})
GENDERS = frozenset({"masc", "femn", "neut"})
VERB_FORMS = frozenset({"past", "pres", "futr", "1per", "2per", "3per", "indc", "impr", "incl"})
# Parts of speech whose gender agrees (the noun's own gender is lexical: never copied).
_AGREEING = frozenset({"ADJF", "ADJS", "PRTF", "PRTS", "NUMR", "VERB"})


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``challenge_data/<name>.tsv`` (``#`` lines are comments)."""
    path = DATA / f"{name}.tsv"
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    return tuple(dict(row) for row in csv.DictReader(lines, delimiter="\t"))


def rows(name: str, lang: str) -> list[dict[str, str]]:
    return [row for row in table(name) if row["lang"] == lang]


def pairs(name: str, lang: str) -> dict[str, str]:
    """A symmetric word -> other-word map from a two-column table (antonyms, synonyms)."""
    out: dict[str, str] = {}
    for row in rows(name, lang):
        a, b = (v for k, v in row.items() if k != "lang")
        out.setdefault(a.lower(), b)
        out.setdefault(b.lower(), a)
    return out


@lru_cache(maxsize=1)
def morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, lang))


@lru_cache(maxsize=262144)
def parse(word: str, pos: frozenset[str] | None = None) -> Any | None:
    """pymorphy3's most likely reading of ``word`` (among those of a POS in ``pos``)."""
    for reading in morph().parse(word):
        if pos is None or reading.tag.POS in pos:
            return reading
    return None


def parse_best(word: str) -> Any | None:
    """pymorphy3's most likely reading of the last word of ``word``."""
    readings = morph().parse(word.split()[-1])
    return readings[0] if readings else None


def match_case(new: str, old: str) -> str:
    if old.isupper() and len(old) > 1:
        return new.upper()
    if old[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def yo_like(new: str, old: str) -> str:
    """Russian texts mostly write е for ё: follow the word replaced."""
    return new if "ё" in old.lower() else new.replace("ё", "е").replace("Ё", "Е")


def inflect_like(lemma: str, model: Any, *, keep_gender: bool = True) -> str | None:
    """``lemma`` (Russian) in the form of the pymorphy3 reading ``model``: the same case,
    number, gender where it agrees, tense and person; None when pymorphy3 cannot."""
    target = parse(lemma, frozenset({model.tag.POS}))
    return None if target is None else inflect_reading(target, model, keep_gender=keep_gender)


def inflect_reading(target: Any, model: Any, *, keep_gender: bool = True) -> str | None:
    """The pymorphy3 reading ``target`` put into the form of the reading ``model``."""
    grammemes = set(model.tag.grammemes)
    wanted = grammemes & (CASES | NUMBERS | VERB_FORMS)
    if keep_gender and model.tag.POS in _AGREEING:
        wanted |= grammemes & GENDERS
    if "accs" in grammemes and model.tag.POS in _AGREEING:
        wanted |= grammemes & {"anim", "inan"}  # the accusative of an adjective agrees
    for need in (wanted, wanted - GENDERS, wanted - {"anim", "inan"}):
        form = target.inflect(need) if need else target
        if form is not None:
            return str(form.word)
    return None


def ru_form(lemma: str, token: str, pos: frozenset[str] | None = None) -> str | None:
    """``lemma`` inflected to stand where the Russian word ``token`` stands (same case,
    number, agreeing gender, tense, person; its capitals; е/ё as ``token`` writes them)."""
    model = parse(token, pos)
    if model is None:
        return None
    form = inflect_like(lemma, model)
    if form is None:
        return None
    return yo_like(match_case(form, token), token)
