"""Consistency across a document: a name spelt one way in most sentences and another way
in one (the translation-QA check of "inconsistency in target", for names)."""

from __future__ import annotations

from array import array
from collections.abc import Sequence

from rapidfuzz import fuzz

from xlate.checks.names.aliases import groups_of, word_keys
from xlate.checks.names.check import name_flag
from xlate.checks.names.crossscript import word_verdict
from xlate.checks.names.evidence import adjectival
from xlate.checks.names.extract import (
    NameMention,
    capitalised_candidates,
    extract_names,
    significant_words,
)
from xlate.checks.names.normalise import (
    RU_PLACE_ADJECTIVE,
    script_of_lang,
    skeleton,
)
from xlate.report import Flag
from xlate.text.morphology import ru_parses

# A rendering this close to the document's usual one (rapidfuzz ratio of the stems) is the
# same name misspelt, not another name.
_INCONSISTENT_MIN = 70

# A lowercase word after a name's hyphen is a common noun joined to it (Зукотти-парке,
# Уотсон-младший): three letters or more, as Эй-би-си spells letters.
_COMMON_PART_MIN = 3

# One sentence's rendering of a source name: (sentence index, readings, as written, mention).
_Use = tuple[int, frozenset[str], str, NameMention]


def inconsistent_renderings(
    pairs: list[tuple[str, str]], src: str, tgt: str
) -> list[tuple[int, Flag]]:
    """Names a translation spells one way in most sentences and another way in one.

    ``pairs`` are (source, translation) sentences of one document. Across scripts a
    name's rendering follows conventions we cannot predict (Watson/Уотсон, Fillon/Фийон),
    so a single sentence cannot tell Путин from Путен; the document can: when a source
    name comes through as the same stem (case endings aside) in two or more sentences,
    a sentence where it comes through as a close but different stem is flagged, the
    translation-QA check of "inconsistency in target" for names. Returns (index into
    ``pairs``, flag) for each such sentence.
    """
    renderings = NameRenderings(src, tgt)
    renderings.add(pairs)
    return renderings.outliers()


class NameRenderings:
    """Every rendering found of each source name word, gathered over a document that may
    come part by part (``check --lines`` reads a long file so): what
    ``inconsistent_renderings`` judges once the whole document is in.

    Kept compact, as the one thing a long file keeps of every part: each distinct
    rendering once, and per use only its sentence index and the rendering's number.
    """

    def __init__(self, src: str, tgt: str) -> None:
        self.src, self.tgt = src, tgt
        # one script: an altered letter is already flagged sentence by sentence
        self.wanted = script_of_lang(src) != script_of_lang(tgt)
        self._numbers: dict[tuple[frozenset[str], str, NameMention], int] = {}
        self._kinds: list[tuple[frozenset[str], str, NameMention]] = []
        # by the name word's skeleton, in first-seen order: sentence indices, rendering numbers
        self._uses: dict[str, tuple[array[int], array[int]]] = {}

    def add(self, pairs: Sequence[tuple[str, str]], start: int = 0) -> None:
        """The (source, translation) sentences of the next part; ``start`` is the index of
        its first sentence in the document."""
        if not self.wanted:
            return
        for i, (source, translation) in enumerate(pairs, start):
            if translation:
                self._add_sentence(i, source, translation)

    def _add_sentence(self, i: int, source: str, translation: str) -> None:
        src, tgt = self.src, self.tgt
        cands = capitalised_candidates(translation, tgt)
        for mention in extract_names(source, src):
            if mention.type != "name" or adjectival(mention, src):
                continue
            words = [w for _, _, w in significant_words(mention)]
            for word in words:
                if groups_of(word) or RU_PLACE_ADJECTIVE.search(word.lower()):
                    continue  # a known place: its spellings are known (Канады, Канадцам)
                hit = next((c for c in cands if word_verdict(word, src, c) == "same"), None)
                if hit is not None and not _place_adjective(hit.text, tgt):
                    name = _name_part(hit.text)
                    kind = (frozenset(word_keys(name)), hit.text, mention)
                    number = self._numbers.setdefault(kind, len(self._kinds))
                    if number == len(self._kinds):
                        self._kinds.append(kind)
                    indices, numbers = self._uses.setdefault(
                        self._key(word, words, name), (array("l"), array("l"))
                    )
                    indices.append(i)
                    numbers.append(number)

    def _key(self, word: str, words: Sequence[str], rendering: str) -> str:
        """The name a word's uses are gathered under: a given name (pymorphy3 reads its
        Russian side as one first) with its surname, the name's last word, for different
        people share a first name (Tomáš Paclík is Томаш, Thomas J. Watson Томас); any
        other word alone (Goldman, of Goldman Sachs or alone, is one name)."""
        russian = rendering if self.tgt == "ru" else word
        parses = ru_parses(russian)[:1] if "ru" in (self.src, self.tgt) else ()
        given = bool(parses) and "Name" in parses[0].tag
        if given and len(words) > 1 and word != words[-1]:
            return f"{skeleton(word)} {skeleton(words[-1])}"
        return skeleton(word)

    def outliers(self) -> list[tuple[int, Flag]]:
        """(sentence index, flag) for each use that differs slightly from its name's usual
        rendering, name by name in first-seen order."""
        out: list[tuple[int, Flag]] = []
        for indices, numbers in self._uses.values():
            uses = [(i, *self._kinds[n]) for i, n in zip(indices, numbers, strict=True)]
            out += _outliers(uses)
        return out


def _outliers(uses: list[_Use]) -> list[tuple[int, Flag]]:
    """Flags for the uses of one name that differ slightly from its usual rendering."""
    # Each rendering has several readings (Колом, Коломом: case endings); the usual
    # reading is the one most sentences share.
    counts: dict[str, int] = {}
    for _, readings, _, _ in uses:
        for reading in readings:
            counts[reading] = counts.get(reading, 0) + 1
    usual, times = max(counts.items(), key=lambda kv: (kv[1], len(kv[0])))
    if times < 2:
        return []
    shown = next(text for _, readings, text, _ in uses if usual in readings)
    out: list[tuple[int, Flag]] = []
    for i, readings, text, mention in uses:
        if usual not in readings and any(
            fuzz.ratio(r, usual) >= _INCONSISTENT_MIN for r in readings
        ):
            reason = (
                f"name {mention.text!r} appears altered: {text!r} here, "
                f"{shown!r} in {times} other sentences"
            )
            out.append((i, name_flag(mention, [text], reason)))
    return out


def _name_part(text: str) -> str:
    """``text`` without the common nouns hyphened after it: "Зукотти-парке" reads as
    "Зукотти" (newstest2012.ru 1312 beside 1318), for the noun's case ending is no other
    spelling of the name; a name that ends capitalised (Ростов-на-Дону, Санкт-Петербург,
    Уолл-Стрит) stays whole."""
    parts = text.split("-")
    while len(parts) > 1 and parts[-1][:1].islower() and len(parts[-1]) >= _COMMON_PART_MIN:
        parts.pop()
    return "-".join(parts)


def _place_adjective(rendering: str, lang: str) -> bool:
    """A Russian dictionary adjective made of a place (Германскую, Балтийского): a word
    derived from the name, beside the place's own renderings (Германии, Балтики), not a
    spelling of it (newstest2012 lines 484, 2862). A surname (Достоевского) and an
    adjective pymorphy3 only guesses at (Яворского) are spellings and stay."""
    if lang != "ru" or not RU_PLACE_ADJECTIVE.search(rendering.lower()):
        return False
    parses = ru_parses(rendering)
    if not parses:
        return False
    best = parses[0]
    return bool(best.is_known) and best.tag.POS == "ADJF" and "Surn" not in best.tag
