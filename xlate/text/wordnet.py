"""WordNet 3.0 (Debian's ``wordnet-base``: ``/usr/share/wordnet/{index,data}.*``), read lazily.

English lemmas' senses, synonyms (lemmas sharing a synset), near relations (derivations,
hypernyms, similar-to), antonyms (direct, and a satellite adjective's through its head)
and parts of speech; the irregular forms of the exception lists. The quote check asks
these of the words of a quotation, and the lexicon's cognate search reads the lemmas.

When WordNet is absent every function answers "nothing known" and ``lemma_index()`` is empty,
so ``xlate.checks.lexicon.missing()`` can name the package once.
"""

from __future__ import annotations

import mmap
import os
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

from xlate.text.built import built
from xlate.text.words import stopwords

WORDNET_DIR = Path(os.environ.get("XLATE_WORDNET_DIR", "/usr/share/wordnet"))
_POS = ("noun", "verb", "adj", "adv")


class _IndexFile:
    """One ``index.<pos>`` file, mapped into memory and searched where it is: a lemma's line
    is found among the lines sharing its first ``_BUCKET`` letters. The four files' ~155k
    lines held in dicts took ~27 MiB of every check with a quotation, most never asked."""

    def __init__(self, path: Path, spans: dict[str, tuple[int, int]]) -> None:
        self._spans = spans
        self._map: mmap.mmap | bytes = b""
        if spans:
            with path.open("rb") as file:
                self._map = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)

    def __bool__(self) -> bool:
        return bool(self._spans)

    def line_of(self, key: str) -> str | None:
        """The line of lemma ``key`` (underscores for spaces), or None."""
        span = self._spans.get(key[:_BUCKET])
        if span is None:
            return None
        start, end = span
        needle = key.encode("utf-8") + b" "
        if self._map[start : start + len(needle)] == needle:
            at = start
        else:
            at = self._map.find(b"\n" + needle, start, end)
            if at < 0:
                return None
            at += 1
        stop = self._map.find(b"\n", at)
        return self._map[at : stop if stop >= 0 else len(self._map)].decode("utf-8", "replace")

    def starting(self, prefix: str) -> Iterator[str]:
        """The lemmas (as the file writes them) whose first ``_BUCKET`` letters are
        ``prefix``, in the file's order."""
        span = self._spans.get(prefix)
        if span is not None:
            for line in self._map[span[0] : span[1]].split(b"\n"):
                key = line[: line.find(b" ")].decode("utf-8", "replace")
                if key[:_BUCKET] == prefix:
                    yield key

    def __iter__(self) -> Iterator[str]:
        """Every lemma, in the file's order."""
        if self._spans:
            start = min(span[0] for span in self._spans.values())
            for line in self._map[start:].split(b"\n"):
                if line and not line.startswith(b" "):
                    yield line[: line.find(b" ")].decode("utf-8", "replace")


# How many first letters of a lemma name the run of lines it is looked for in: the
# lemmas of one run are what the cognate search scans (``starting``).
_BUCKET = 4


class _WordNetIndex:
    """WordNet's index files: English lemma -> its synsets as (part of speech, offset in
    data.<pos>). A line is parsed when its lemma is first asked for: reading 150k lemmas
    into tuples took a second and ~40 MiB, most of it never asked."""

    def __init__(self) -> None:
        # Where each run of lines starts and ends, kept on disk once read
        # (``xlate.text.built``): finding them reads the four files' ~150k lines.
        sources = [Path(__file__), *(WORDNET_DIR / f"index.{pos}" for pos in _POS)]
        spans: dict[str, dict[str, tuple[int, int]]] = built("wordnet.spans", sources, _index_spans)
        self._files = {pos: _IndexFile(WORDNET_DIR / f"index.{pos}", spans[pos]) for pos in spans}
        self._parsed: dict[str, list[tuple[str, int]]] = {}
        # What the quote check derives from the index, per word, asked again and again
        # across a document; kept here so that it goes with the index it was read from.
        self.synonyms: dict[str, frozenset[str]] = {}
        self.cognates: dict[str, tuple[str, ...]] = {}

    def __bool__(self) -> bool:
        return any(self._files.values())

    def get(
        self, lemma: str, default: tuple[tuple[str, int], ...] = ()
    ) -> list[tuple[str, int]] | tuple[tuple[str, int], ...]:
        if lemma in self._parsed:
            return self._parsed[lemma] or default
        senses: list[tuple[str, int]] = []
        # The files write a multiword lemma with underscores, xlate with spaces.
        if "_" not in lemma:
            key = lemma.replace(" ", "_")
            for pos, file in self._files.items():
                line = file.line_of(key)
                if line is not None:
                    fields = line.split()
                    senses += [(pos, int(o)) for o in fields[-int(fields[2]) :]]
        self._parsed[lemma] = senses
        return senses or default

    def __contains__(self, lemma: str) -> bool:
        return bool(self.get(lemma))

    def starting(self, prefix: str) -> list[str]:
        """The lemmas, spaces for underscores, whose first ``_BUCKET`` letters are
        ``prefix``, each once, in the order the files first give them."""
        out = {key: None for file in self._files.values() for key in file.starting(prefix)}
        return [key.replace("_", " ") for key in out]

    def __iter__(self) -> Iterator[str]:
        """The lemmas, spaces for underscores, in the order the files first give them."""
        seen: set[str] = set()
        for file in self._files.values():
            for key in file:
                if key not in seen:
                    seen.add(key)
                    yield key.replace("_", " ")


def _index_spans() -> dict[str, dict[str, tuple[int, int]]]:
    """Per part of speech: the first ``_BUCKET`` letters of lemmas -> the byte span of
    ``index.<pos>`` holding their lines (from the first one's start to the last one's end:
    the files are sorted, so a run is one stretch; were one not, the span covers it all)."""
    out: dict[str, dict[str, tuple[int, int]]] = {}
    for pos in _POS:
        path = WORDNET_DIR / f"index.{pos}"
        if not path.is_file():
            continue
        spans: dict[str, tuple[int, int]] = {}
        at = 0
        for line in path.read_bytes().split(b"\n"):
            # lines opening with a space are the licence header
            if line and not line.startswith(b" "):
                prefix = line[: line.find(b" ")].decode("utf-8", "replace")[:_BUCKET]
                old = spans.get(prefix)
                spans[prefix] = (old[0] if old else at, at + len(line))
            at += len(line) + 1
        out[pos] = spans
    return out


# A word's syntactic marker in a synset ("big(a)"): not part of the word.
_SENSE_TAG = re.compile(r"\(\w+\)$")


@cache
def lemma_index() -> _WordNetIndex:
    return _WordNetIndex()


# WordNet's "morphy" detachment rules: an inflected form -> its base (noun, verb, adj)
_DETACH = (
    ("ies", "y"), ("ses", "s"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
    ("es", "e"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
    ("er", ""), ("er", "e"), ("est", ""), ("est", "e"),
)  # fmt: skip


@cache
def irregular_forms() -> dict[str, str]:
    """WordNet's irregular forms (``*.exc``): "children" -> child, "went" -> go."""
    out: dict[str, str] = {}
    for pos in _POS:
        path = WORDNET_DIR / f"{pos}.exc"
        if path.is_file():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                form, *bases = line.split()
                if bases:
                    out.setdefault(form, bases[0].replace("_", " "))
    return out


@cache
def _senses(word: str) -> tuple[tuple[str, int], ...]:
    """The synsets of ``word``, or of its base form when WordNet lists only that
    ("caused" -> cause, "honoring" -> honor, "people" stays people)."""
    index = lemma_index()
    word = word.lower()
    if word in index:
        return tuple(index.get(word))
    irregular = irregular_forms().get(word)
    if irregular is not None and irregular in index:
        return tuple(index.get(irregular))
    for end, base in _DETACH:
        form = word[: -len(end)] + base
        if word.endswith(end) and len(form) >= 3 and form in index:
            return tuple(index.get(form))
    return ()


@cache
def _verb_exceptions() -> frozenset[str]:
    """The irregular verb forms of ``verb.exc`` (told, threw, lost)."""
    path = WORDNET_DIR / "verb.exc"
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return frozenset(line.split()[0] for line in lines if line.strip())


def irregular_verb_form(word: str) -> bool:
    """Is ``word`` an irregular form of a verb (verb.exc: lost, fell, rose), whatever
    nouns it also spells?"""
    return word.lower() in _verb_exceptions()


@cache
def past_form(word: str) -> bool:
    """Is ``word`` a verb's past form (told, threw, supported) and no noun of its own?
    WordNet's index has no forms: read through the base, "told" would be a noun (tell).
    A noun lemma spelt so (thought, need) stays a noun."""
    low = word.lower()
    index = lemma_index()
    if low in index and any(pos == "noun" for pos, _ in index.get(low)):
        return False
    if low in _verb_exceptions():
        return True
    return low.endswith("ed") and any(
        any(pos == "verb" for pos, _ in index.get(base))
        for base in (low[:-2], low[:-1])
        if len(base) >= 3 and base in index
    )


@lru_cache(maxsize=1 << 12)
def proper_only(word: str) -> bool:
    """Does WordNet know ``word`` (as written, no base form) only as a proper noun, each
    of its synsets spelling it with a capital (IBM, Elizabeth, Thomas; not weber, the
    unit, beside Weber)? False where WordNet lacks it."""
    low = word.lower()
    index = lemma_index()
    if low not in index:
        return False
    for pos, offset in index.get(low):
        fields = _data_fields(pos, offset)
        spelt = [fields[4 + 2 * i] for i in range(int(fields[3], 16))]
        forms = [_SENSE_TAG.sub("", w).replace("_", " ") for w in spelt]
        if any(f.lower() == low and f == f.lower() for f in forms):
            return False
    return True


def noun_lead(word: str) -> int:
    """How many more noun senses than adjective senses WordNet gives an English word
    (Union: 11 - 2; Western: 2 - 4; 0 when WordNet lacks it)."""
    senses = _senses(word)
    return sum(pos == "noun" for pos, _ in senses) - sum(pos == "adj" for pos, _ in senses)


def word_classes(word: str) -> frozenset[str]:
    """WordNet's parts of speech of an English word or its base form ("noun", "verb",
    "adj", "adv"; empty when WordNet lacks it)."""
    return frozenset(pos for pos, _ in _senses(word))


@cache
def _data_file(pos: str) -> int:
    """WordNet's data file of a part of speech, opened once: the quote check reads some
    15,000 synsets of a 3,003-line document (~0.4 s when each read opened the file)."""
    return os.open(WORDNET_DIR / f"data.{pos}", os.O_RDONLY)


def _data_fields(pos: str, offset: int) -> list[str]:
    """The fields of the synset line at ``offset`` before its gloss (`` | `` opens it:
    no word or pointer has a bar; nothing reads the gloss, about half of a line's words).
    ``pread`` keeps no file position, so processes forked with the file open cannot move
    each other's reads."""
    fd, line = _data_file(pos), b""
    while b"\n" not in line:
        more = os.pread(fd, 4096, offset + len(line))
        if not more:
            break
        line += more
    return line.split(b"\n", 1)[0].split(b" | ", 1)[0].decode("utf-8", "replace").split()


@lru_cache(maxsize=1 << 14)
def _synset_words(pos: str, offset: int) -> tuple[str, ...]:
    """The words of one synset in WordNet's order (lowercase, spaces for underscores;
    adjective markers such as "(a)" kept)."""
    fields = _data_fields(pos, offset)
    count = int(fields[3], 16)
    return tuple(fields[4 + 2 * i].lower().replace("_", " ") for i in range(count))


def synonyms(word: str) -> set[str]:
    """English words sharing a WordNet synset with ``word`` (itself included when known)."""
    index, lemma = lemma_index(), word.lower()
    if lemma not in index.synonyms:
        out: set[str] = set()
        for pos, offset in _senses(lemma):
            out |= {_SENSE_TAG.sub("", w) for w in _synset_words(pos, offset)}
        index.synonyms[lemma] = frozenset(out)
    return set(index.synonyms[lemma])


_POS_OF = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}


def _antonym_pointers(pos: str, offset: int) -> tuple[tuple[str, int, int], ...]:
    """The antonym pointers ("!") of one synset: (pos, offset, target word number)."""
    return tuple((p, o, n) for symbol, p, o, n in _pointers(pos, offset) if symbol == "!")


@lru_cache(maxsize=1 << 13)
def _pointers(pos: str, offset: int) -> tuple[tuple[str, str, int, int], ...]:
    """The pointers of one synset that are read (``_READ_POINTERS``): (symbol, pos,
    offset, target word number)."""
    fields = _data_fields(pos, offset)
    at = 4 + 2 * int(fields[3], 16)
    out = []
    for i in range(int(fields[at])):
        symbol, target, kind, words = fields[at + 1 + 4 * i : at + 5 + 4 * i]
        kept = _READ_POINTERS.get(symbol)
        if kept is not None:
            out.append((kept, _POS_OF[kind], int(target), int(words[2:], 16)))
    return tuple(out)


# WordNet pointers to words near in meaning: derivation ("+": honor/honoring), pertainym
# ("\\": daily/day), similar ("&"), see also ("^"), hypernym ("@": car/vehicle).
_NEAR = frozenset({"+", "\\", "&", "^", "@"})
# The pointers any caller reads (antonyms and the near ones), each symbol one string: kept
# for every synset asked, the others (a noun's hyponyms "~", its meronyms, domains: most
# of its pointers) took ~10 MiB of a ru-es check's peak.
_READ_POINTERS = {symbol: symbol for symbol in ("!", *sorted(_NEAR))}


@lru_cache(maxsize=1 << 11)
def relatives(word: str) -> frozenset[str]:
    """English words near ``word`` in meaning: its synonyms and the words of the synsets
    WordNet links to it by derivation, pertainym, similarity, see-also or hypernym."""
    out = set(synonyms(word))
    for pos, offset in _senses(word):
        for symbol, target_pos, target, _ in _pointers(pos, offset):
            if symbol in _NEAR:
                out |= {_SENSE_TAG.sub("", w) for w in _synset_words(target_pos, target)}
    return frozenset(out)


def antonyms(word: str) -> set[str]:
    """English antonyms of ``word`` (WordNet's "!" pointers): high -> low, first -> last.
    A word with none of its own takes a satellite's: those of the head its commonest
    adjective senses are similar to ("great": large, so small), WordNet's indirect
    antonyms; not every sense's ("clear" would oppose "guilty", "bright" "unhappy")."""
    return set(_antonyms(word))


# Cached: the quote check asks each word of a quote and its base forms, again in every
# quote that has it (ru-en: 11,807 asks, each a walk of the word's synsets' pointers).
@cache
def _antonyms(word: str) -> frozenset[str]:
    senses = _senses(word)
    out = _direct_antonyms(senses)
    adjectives = [offset for pos, offset in senses if pos == "adj"]
    # an adjective first of all ("huge", "great"; not "meaning"), and no function word
    # ("both", "each" are satellites of all: it would oppose "todo", "cada" to them)
    if not out and 2 * len(adjectives) >= len(senses) and word not in stopwords("en"):
        # nor a function word's cluster: "several" is similar to some, which opposes all
        stop = stopwords("en")
        heads = [
            h
            for o in adjectives[:_SATELLITE_SENSES]
            for h in _heads(o)
            if not {_SENSE_TAG.sub("", w) for w in _synset_words(*h)} & stop
        ]
        out = _direct_antonyms(tuple(heads))
    return frozenset(out)


# The adjective senses of a word whose satellite heads lend it antonyms: the commonest.
_SATELLITE_SENSES = 2


def _direct_antonyms(senses: tuple[tuple[str, int], ...]) -> set[str]:
    out: set[str] = set()
    for pos, offset in senses:
        for target_pos, target, number in _antonym_pointers(pos, offset):
            words = _synset_words(target_pos, target)
            if number and number <= len(words):  # the one word the pointer names
                out.add(_SENSE_TAG.sub("", words[number - 1]))
            else:
                out.update(words)
    return out


def _heads(offset: int) -> list[tuple[str, int]]:
    """The head synsets an adjective satellite (type "s") is similar to ("&")."""
    if _data_fields("adj", offset)[2] != "s":
        return []
    return [(p, o) for symbol, p, o, _ in _pointers("adj", offset) if symbol == "&"]
