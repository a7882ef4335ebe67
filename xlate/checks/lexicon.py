"""Bilingual and English lexical knowledge, read from packaged dictionaries where installed.

Packaged sources, read lazily and cached:

- FreeDict's dictd dictionaries (``dict-freedict-eng-spa``, ``-spa-eng``, ``-eng-rus``;
  ``/usr/share/dictd/freedict-*.{index,dict.dz}``): the renderings of a word in the other
  language. ru->en is eng-rus read backwards; en<->es reads both files each way.
- Word lists shipped in ``xlate/data/lexicon/`` (GPL-2+, built by scripts/build_lexicon.py
  from Debian's ``apertium-eng-spa`` and ``mueller7-dict``): Apertium's en<->es bilingual
  dictionary (~22k pairs) and Mueller's English-Russian dictionary (~134k pairs, with the
  perfective partners of its imperfective verbs: "begin" is начинать and начать), read both
  ways like FreeDict. FreeDict alone lacks "deterrent", "incentive", "significant".
- WordNet 3.0 (``wordnet-base``, read by :mod:`xlate.text.wordnet`): the English
  vocabulary that cognates are looked up in, and English base forms.

When a source is absent the functions answer "nothing known" and ``missing()`` names it,
so the quotes check can say so once in the report and degrade rather than fail.
"""

from __future__ import annotations

import bisect
import difflib
import gzip
import json
import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import repeat
from pathlib import Path

from unidecode import unidecode

from xlate.text import frequencies, wordnet
from xlate.text.built import built
from xlate.text.datafiles import data_json
from xlate.text.morphology import ru_parses, russian_analyser
from xlate.text.words import stem, stopwords

DICTD_DIR = Path(os.environ.get("XLATE_DICTD_DIR", "/usr/share/dictd"))
LEXICON_DIR = Path(__file__).resolve().parents[1] / "data" / "lexicon"
# FreeDict file -> (headword language, translation language)
# Closed-class words the dictionaries leave out ("many", "everyone", "whether"), by hand
CLOSED_CLASS = LEXICON_DIR / "closed_class.json"
_FREEDICT = {"eng-spa": ("en", "es"), "spa-eng": ("es", "en"), "eng-rus": ("en", "ru")}
# word list shipped in xlate/data/lexicon -> the language of its renderings (heads: English)
_SHIPPED = {"apertium-eng-spa": "es", "mueller7-eng-rus": "ru"}
_ORDERED = {"mueller7-eng-rus"}  # renderings listed main sense first
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def _b64(text: str) -> int:
    n = 0
    for ch in text:
        n = n * 64 + _B64.index(ch)
    return n


def _entries(name: str) -> dict[str, set[str]]:
    """headword -> the single words of its translations, from one FreeDict dictionary."""
    index = DICTD_DIR / f"freedict-{name}.index"
    data_path = DICTD_DIR / f"freedict-{name}.dict.dz"
    if not index.is_file() or not data_path.is_file():
        return {}
    data = gzip.decompress(data_path.read_bytes())
    out: dict[str, set[str]] = defaultdict(set)
    for line in index.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or parts[0].startswith("00database"):
            continue
        start, length = _b64(parts[1]), _b64(parts[2])
        body = data[start : start + length].decode("utf-8", "replace").splitlines()[1:]
        for row in body:  # the first line is the headword and its pronunciation
            row = re.sub(r"^\s*\d+\.\s*", "", row)
            for chunk in row.split(","):
                words = _WORD.findall(chunk.lower())
                if len(words) <= 2:  # a gloss of more words is a definition, not a rendering
                    out[parts[0].lower()].update(words)
    return dict(out)


def _shipped(name: str) -> Iterator[tuple[str, list[str]]]:
    """English headword -> its renderings (of one or two words), from one shipped list,
    line by line (its ~8 MB of text never held whole)."""
    path = LEXICON_DIR / f"{name}.tsv.gz"
    if not path.is_file():
        return
    with gzip.open(path, "rt", encoding="utf-8", newline="") as lines:
        for line in lines:
            head, _, renderings = line.rstrip("\r\n").partition("\t")
            yield head, renderings.split("|")


# A table's value: the headword's words (repeats allowed) joined by line breaks, which no
# word holds. One string a headword where a set of strings took ~65 MiB for en-ru.
_SEP = "\n"


def _append(table: dict[str, str], head: str, words: str) -> None:
    old = table.get(head)
    table[head] = words if not old else f"{old}{_SEP}{words}" if words else old


def _words(joined: str) -> set[str]:
    # interned: the same rendering is kept once in all the cached sets that hold it
    return set(map(sys.intern, joined.split(_SEP))) if joined else set()


@cache
def _tables(pair: frozenset[str]) -> dict[tuple[str, str], dict[str, str]]:
    """Both directions of one language pair ({en, es}), from every source that has it: a
    check of en-es reads no Russian. Kept on disk once built (``xlate.text.built``: en-ru
    0.3 s to build, ~0.05 s to read back), under a key of this module's code and of every
    dictionary file it reads."""
    sources = [Path(__file__), CLOSED_CLASS, *(LEXICON_DIR / f"{n}.tsv.gz" for n in _SHIPPED)]
    for name in _FREEDICT:
        sources += [DICTD_DIR / f"freedict-{name}.index", DICTD_DIR / f"freedict-{name}.dict.dz"]
    return built(f"lexicon.{'-'.join(sorted(pair))}", sources, lambda: _build_tables(pair))


def _build_tables(pair: frozenset[str]) -> dict[tuple[str, str], dict[str, str]]:
    table: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    # Russian words are looked up with ё as е, as texts spell them
    yo = _yo if "ru" in pair else str

    def add(a: str, b: str, head: str, words: list[str], backwards: bool) -> None:
        head = yo(head)
        _append(table[a, b], head, yo(_SEP.join(words)))
        for word in words if backwards else ():
            _append(table[b, a], yo(word), head)

    for name, (a, b) in _FREEDICT.items():
        for head, words in _entries(name).items() if {a, b} == pair else ():
            add(a, b, head, list(words), True)  # read backwards too: more pairs each way
    for other, entries in json.loads(CLOSED_CLASS.read_text("utf-8")).items():
        for head, words in entries.items() if {"en", other} == pair else ():
            add("en", other, head, words, False)  # forth only: "muchos" keeps mucho's senses
    for name, other in _SHIPPED.items():
        if {"en", other} != pair:
            continue
        forth, back, main = table["en", other], table[other, "en"], table["main", other]
        for head, renderings in _shipped(name):  # ~134k pairs for en-ru: add() inlined
            if name in _ORDERED:  # the main senses: the first two one-word renderings
                main[head] = yo(_SEP.join([r for r in renderings if " " not in r][:2]))
            key = yo(head)
            _append(forth, key, yo(_SEP.join(" ".join(renderings).split())))
            # backwards only a one-word rendering: "средство" in "средство устрашения"
            # (deterrent) does not mean deterrent
            for rendering in renderings:
                if " " not in rendering:
                    _append(back, yo(rendering), key)
    return {direction: words for direction, words in table.items() if words}


def main_senses(word: str, lang: str, english: set[str]) -> set[str] | None:
    """Those of ``english`` (the word's English renderings) that have ``word`` among their
    first renderings: its main senses ("высокий": high, tall; not "лучший" for high);
    None where the dictionary lists no order."""
    first = _tables(frozenset(("en", lang))).get(("main", lang))
    if not first:
        return None
    lemmas = {_yo(word.lower()), *(_ru_lemmas(word.lower()) if lang == "ru" else ())}
    return {e for e in english if _words(first.get(e, "")) & lemmas}


def _table(src: str, tgt: str) -> dict[str, str]:
    return _tables(frozenset((src, tgt))).get((src, tgt), {})


@cache
def _sorted_heads(src: str, tgt: str) -> list[str]:
    return sorted(_table(src, tgt))


def _by_stem(word: str, src: str, tgt: str) -> set[str]:
    """The renderings of the headwords that share ``word``'s Snowball stem: the last resort
    for a form no headword rule reaches ("afirmó" -> afirmar, "заявил" -> заявить)."""
    key = stem(word, src)
    if len(key) < 4:
        return set()
    heads = _sorted_heads(src, tgt)
    out: set[str] = set()
    # headwords are plain (no accents but Spanish's), so those with the stem start with it
    at = bisect.bisect_left(heads, key[:-1])
    while at < len(heads) and heads[at].startswith(key[:-1]):
        if stem(heads[at], src) == key:
            out |= _words(_table(src, tgt)[heads[at]])
        at += 1
    return out


@cache
def _closed_class_senses(lang: str) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for head, words in json.loads(CLOSED_CLASS.read_text("utf-8")).get(lang, {}).items():
        for word in words:
            out[_yo(word)].add(head)
    return {word: frozenset(heads) for word, heads in out.items()}


def closed_class_senses(word: str, lang: str) -> frozenset[str]:
    """The English closed-class words (many, few, everyone) of which a ``lang`` word is a
    rendering written by hand (muchos: many; pocos: few): a sense the dictionaries leave
    out, and as sure as any, where the dictionaries give "muchos" only mucho's (much, a
    lot)."""
    return _closed_class_senses(lang).get(_yo(word.lower()), frozenset())


def renderings(word: str, src: str, tgt: str, by_stem: bool = True) -> set[str]:
    """The known renderings in ``tgt`` of the ``src`` word (lowercase; empty if unknown).

    An inflected word is looked up as its likely headword too (dictionaries list "ojo"
    and "diario", texts say "ojos" and "diarias"; Russian through pymorphy3's lemmas),
    then (unless not ``by_stem``: a guess that widens a match but is no knowledge of what
    the word means) a Russian relational adjective as its noun ("футбольный": football),
    and by its stem."""
    return set(_renderings(word, src, tgt, by_stem))


# Cached: the quote and name checks ask ~4 times per distinct word of a document (48,666
# asks of 12,193 words in ru-es, each a lemma or stem search); callers get their own set.
@lru_cache(maxsize=1 << 14)
def _renderings(word: str, src: str, tgt: str, by_stem: bool) -> frozenset[str]:
    table = _table(src, tgt)
    if not table:
        return frozenset()
    word = _yo(word.lower())
    if src == "ru":  # every reading's lemma: "стали" is сталь or стать
        found = {r for form in (word, *_ru_lemmas(word)) for r in _words(table.get(form, ""))}
        if found:
            return frozenset(found)
        noun = _ru_adjective_noun(word, table) if by_stem else None
        if noun is not None:
            return frozenset(_words(table[noun]))
    for form in _headwords(word, src):
        if form in table:
            found = _words(table[form])
            if src == "es" and tgt == "en":
                found |= _es_masculine_adjective(word, form, table)
            return frozenset(found)
    return frozenset(_by_stem(word, src, tgt)) if by_stem else frozenset()


def _es_masculine_adjective(word: str, head: str, table: dict[str, str]) -> set[str]:
    """A Spanish feminine adjective that is a noun too ("negativa": a refusal; "nueva": a
    piece of news) means what its masculine means as well: the adjective renderings of
    the form in -o ("negativo": negative), where the word was found as the form in -a.
    Through English only, where WordNet can say which renderings are adjectives."""
    if not (head.endswith("a") and word.startswith(head)) or word in stopwords("es"):
        return set()  # an article or pronoun ("una", "otra") is no adjective
    masculine = table.get(head[:-1] + "o")
    if masculine is None:
        return set()
    return {r for r in _words(masculine) if "adj" in wordnet.word_classes(r)}


@cache
def _ru_lemmas(word: str) -> tuple[str, ...]:
    """The dictionary forms of a Russian word, one per reading ("стали": сталь, стать),
    and a plural noun's nominative plural: dictionaries list "деньги" and "выборы"
    (elections), pymorphy3's lemma is деньга and выбор (choice)."""
    out: list[str] = []
    for reading in ru_parses(word):
        out.append(_yo(str(reading.normal_form)))
        if reading.tag.POS == "NOUN" and "plur" in reading.tag:
            plural = reading.inflect({"plur", "nomn"})
            if plural is not None:
                out.append(_yo(str(plural.word)))
    return tuple(dict.fromkeys(out))


@cache
def _adjective_rules() -> list[tuple[str, str]]:
    rules = [(a, n) for a, n in data_json("ru_relational_adjectives.json")["rules"]]
    return sorted(rules, key=lambda rule: -len(rule[0]))  # stable: the table's order within


def _ru_adjective_noun(word: str, table: dict[str, str]) -> str | None:
    """The noun a Russian relational adjective is made of, where the lexicon renders it and
    not the adjective: a guess like a stem's ("футбольного" -> футбол, "инвестиционный" ->
    инвестиция; xlate/data/ru_relational_adjectives.json)."""
    for reading in ru_parses(word):
        if reading.tag.POS != "ADJF":
            continue
        lemma = _yo(str(reading.normal_form))
        for ending, noun_ending in _adjective_rules():
            noun = lemma[: -len(ending)] + noun_ending
            if lemma.endswith(ending) and len(noun) >= 3 and noun in table and _is_noun(noun):
                return noun
    return None


def _is_noun(word: str) -> bool:
    return any(p.tag.POS == "NOUN" and p.normal_form == word for p in ru_parses(word))


def is_russian_word(word: str) -> bool:
    """Whether pymorphy3's dictionary knows ``word`` ("надежным" yes, "обходимо" no)."""
    return bool(russian_analyser().word_is_known(word))


def _yo(word: str) -> str:
    return word.replace("ё", "е")


def _headwords(word: str, lang: str) -> list[str]:
    forms = [word]
    if lang in ("en", "es") and word.endswith("s") and len(word) > 3:
        forms += [word[:-1], word[:-2]] if word.endswith("es") else [word[:-1]]
    if lang == "es":
        for end, base in (("as", "o"), ("os", "o"), ("a", "o"), ("es", "")):
            # a root of two letters is enough for a gender ending: "feas", "fea" (feo)
            if word.endswith(end) and len(word) > len(end) + (1 if base else 2):
                forms.append(word[: -len(end)] + base)
        forms += _es_superlative_bases(word)
        forms += _es_plural_accent(word)
    if lang == "en" and word.endswith("ed") and len(word) > 4:
        forms += [word[:-1], word[:-2]]
        if word[-3] == word[-4]:  # "stopped" (stop)
            forms.append(word[:-3])
    if lang == "en":  # an irregular form: "went" (go), "told" (tell), "made" (make)
        irregular = wordnet.irregular_forms().get(word)
        if irregular is not None:
            forms.append(irregular)
    if lang == "en" and word.endswith("ing") and len(word) > 5:
        # "buying" (buy), "making" (make), "stopping" (stop)
        forms += [word[:-3], word[:-3] + "e"]
        if word[-4] == word[-5]:
            forms.append(word[:-4])
    return forms


# A Spanish plural in -es moves or drops the stress mark of its singular: "jóvenes" (joven),
# "imágenes" (imagen), "naciones" (nación), "franceses" (francés).
_ACUTE = str.maketrans("áéíóú", "aeiou")
_ES_STRESSED = re.compile(r"([aeiou])(n|s)es$")


def _es_plural_accent(word: str) -> list[str]:
    if not word.endswith("es") or len(word) < 6:
        return []
    root = word[:-2]
    if any(c in root for c in "áéíóú"):
        return [root.translate(_ACUTE)]  # "jóvenes": joven
    m = _ES_STRESSED.search(word)
    if m is None:
        return []
    vowel = m.group(1).translate(str.maketrans("aeiou", "áéíóú"))
    return [word[: m.start()] + vowel + m.group(2)]  # "naciones": nación


# Spanish absolute superlatives: "clarísima" (claro), "grandísimo" (grande), "felicísimo"
# (feliz), "amabilísimo" (amable); the ending of each, and what stands for it in the base.
_ES_SUPERLATIVE = re.compile(r"(bil|c)?ísim[oa]s?$")


def _es_superlative_bases(word: str) -> list[str]:
    m = _ES_SUPERLATIVE.search(word)
    if m is None or m.start() < 3:
        return []
    root = word[: m.start()]
    if m.group(1) == "bil":
        return [root + "ble"]
    if m.group(1) == "c":
        return [root + "z", root + "co", root + "ce"]  # feliz; rico (riquísimo aside); dulce
    return [root + "o", root + "e", root]  # claro, grande, fácil (facilísimo)


def base_forms(word: str, lang: str) -> set[str]:
    """The dictionary forms ``word`` may be of, besides itself: "feas" -> fea, feo;
    "worst" -> bad (WordNet's irregular forms); "сильной" -> сильный."""
    return set(_base_forms(word, lang))


# Cached: the quote check asks of each word of a quote, in every quote that has it.
@lru_cache(maxsize=1 << 14)
def _base_forms(word: str, lang: str) -> frozenset[str]:
    word = _yo(word.lower())
    if lang == "ru":
        return frozenset(_ru_lemmas(word)) - {word}
    forms = set(_headwords(word, lang))
    if lang == "en":
        irregular = wordnet.irregular_forms().get(word)
        if irregular is not None:
            forms.add(irregular)
    return frozenset(forms - {word})


def covers(src: str, tgt: str) -> bool:
    """Whether a dictionary for the pair is installed."""
    return bool(_table(src, tgt))


def zipf(word: str, lang: str) -> float:
    """How common a word is (wordfreq's Zipf scale: "the" 7.7, "work" 6.0, "lucubrate" 0),
    from the packaged copy of wordfreq's lists: the quote check only asks English words'
    order and whether a word is under Zipf 5, which the copy's floor (Russian 2.0) keeps."""
    return frequencies.zipf(word, lang)


def is_english_word(word: str) -> bool:
    return word.lower() in wordnet.lemma_index()


# The quote check asks every source word against every free word of its translation, the
# same pairs again and again within a quote: the latest pairs cached, as are the words' Latin
# forms.
@lru_cache(maxsize=1 << 12)
def cognate(a: str, b: str) -> bool:
    """Whether two words (any script) look alike enough to be the same word: "Venezuelan" and
    "venezolano", "significant" and "significativo", "Путин" and "Putin"."""
    x, y = _latin(a), _latin(b)
    if min(len(x), len(y)) < 4:
        return x == y
    # A common prefix of 5 letters, or of 4 where the shorter has at most 5
    if x[:5] == y[:5] or (x[:4] == y[:4] and min(len(x), len(y)) <= 5):
        return True
    return _similar(x, y, 0.8)


def _similar(x: str, y: str, least: float) -> bool:
    """difflib's ratio of ``x`` to ``y`` is at least ``least``; its two cheap upper bounds
    answer most pairs (same counts over the same length, so never a different answer)."""
    length = len(x) + len(y)
    if 2.0 * min(len(x), len(y)) / length < least:
        return False  # real_quick_ratio's bound
    # quick_ratio's bound, the letters shared counted with repeats as difflib counts them,
    # without building a matcher: most pairs of the cognate scans stop here.
    have, counts = _letter_counts(y), _letter_counts(x)
    # map in C, no generator frame per letter: ~300k letters a ru-en document
    shared = sum(map(min, counts.values(), map(have.get, counts, repeat(0))))
    if 2.0 * shared / length < least:
        return False
    return difflib.SequenceMatcher(None, x, y).ratio() >= least


@lru_cache(maxsize=1 << 13)
def _letter_counts(word: str) -> dict[str, int]:
    return dict(Counter(word))


def english_cognates(word: str) -> list[str]:
    """English words that ``word`` (Spanish or Russian) looks like: "incentivo" -> incentive."""
    cache = wordnet.lemma_index().cognates
    if word not in cache:
        cache[word] = _english_cognates(word)
    return list(cache[word])


def _english_cognates(word: str) -> tuple[str, ...]:
    # A scan of WordNet's lemmas sharing the word's first four letters: cached per word.
    x = _latin(word)
    if len(x) < 5:
        return ()
    if is_english_word(x):
        return (x,)
    # Only a ratio of 0.85 is kept below: lemmas whose ratio cannot reach it are not scored.
    scored = [
        (difflib.SequenceMatcher(None, x, w).ratio(), w)
        for w in wordnet.lemma_index().starting(x[:4])
        if w.isalpha() and len(w) >= 5 and _similar(x, w, 0.85) and cognate(x, w)
    ]
    # a loose match ("montase" -> montage) would invent meanings: only close look-alikes
    return tuple([w for score, w in sorted(scored, reverse=True) if score >= 0.85][:3])


@lru_cache(maxsize=1 << 14)
def _latin(word: str) -> str:
    return unidecode(word).lower().replace("'", "")


def latin_form(word: str) -> str:
    """A word's Latin form, lowercase (unidecode): what look-alikes are compared by."""
    return _latin(word)


def missing() -> list[str]:
    """The lexical sources not installed, as their Debian package names (a shipped word list
    missing from the install: its file name)."""
    out = [f"dict-freedict-{name}" for name in _FREEDICT if not _entries_present(name)]
    out += [f"xlate/data/lexicon/{n}.tsv.gz" for n in _SHIPPED if not _shipped_present(n)]
    if not wordnet.lemma_index():
        out.append("wordnet-base")
    return out


def _shipped_present(name: str) -> bool:
    return (LEXICON_DIR / f"{name}.tsv.gz").is_file()


def _entries_present(name: str) -> bool:
    return (DICTD_DIR / f"freedict-{name}.index").is_file()
