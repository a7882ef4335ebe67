"""Build the compact bilingual word lists of xlate/data/lexicon/ from packaged dictionaries.

    python scripts/build_lexicon.py [--out xlate/data/lexicon]

Two Debian packages, both GPL-2+, read where apt installs them:

- ``apertium-eng-spa``: the en<->es bilingual dictionary of Apertium, compiled
  (``/usr/share/apertium/apertium-eng-spa/{eng-spa,spa-eng}.autobil.bin``). ``lt-print``
  (lttoolbox, a dependency of apertium) dumps each transducer as text; its paths are the
  dictionary's entries ("incentive<n>" -> "incentivo<n><m>"). Content words only (nouns,
  adjectives, adverbs, verbs): ~25k pairs, four times FreeDict's en-es entries.
- ``mueller7-dict``: V. K. Mueller's English-Russian dictionary, 7th edition, in dictd format
  (``/usr/share/dictd/mueller7.{index,dict.dz}``): ~39k English headwords, twenty times
  FreeDict's eng-rus. Each numbered sense gives its renderings up to the first example
  phrase; what follows (idioms and their translations) is left out. Mueller lists a verb
  by its imperfective ("begin": начинать(ся)), so each such rendering brings its perfective
  partner, made by suffix (xlate/data/ru_aspect_suffixes.json: начать) and known to
  pymorphy3, and the reflexive the dictionary writes as "(ся)" (начинаться, начаться).

Each output is a gzipped TSV, ``english<TAB>rendering|rendering...`` a line (lowercase,
lemmas, a rendering of at most two words; Mueller's in its order, the first sense first),
read by :mod:`xlate.checks.lexicon`; the renderings derived from a verb (aspect partners,
reflexives) come after all of Mueller's own, so that its first ones stay its main senses.
Reading the packages at run time instead would cost seconds per process (lt-print, 15 MB
of dictd text). Licence: xlate/data/lexicon/README.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

from xlate.text.frequencies import zipf

APERTIUM_DIR = Path("/usr/share/apertium/apertium-eng-spa")
MUELLER = Path("/usr/share/dictd/mueller7")
_CONTENT_TAGS = re.compile(r"<(n|adj|adv|vblex)>")
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_CYRILLIC = re.compile(r"[а-яё]+(?:-[а-яё]+)*")
ASPECT_RULES = Path(__file__).resolve().parents[1] / "xlate" / "data" / "ru_aspect_suffixes.json"
# Mueller's "начинать(ся)", "кончать (ся)": the verb and its reflexive, kept through the
# removal of glosses in parentheses as this mark after the verb
_REFLEXIVE = re.compile(r"(?<=[а-яё])\s?\((?:ся|сь)\)")
_REFLEXIVE_MARK = "ʳ"


def _att_paths(att: str) -> list[tuple[str, str]]:
    """Every (input, output) path of the largest transducer in lt-print's ATT dump, cycles
    cut (the dictionary's entries; the small transducers are number and money patterns)."""
    sections = att.split("\n--\n")
    rows = [line.split("\t") for line in max(sections, key=len).splitlines() if line]
    arcs: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    finals = set()
    for row in rows:
        if len(row) >= 4:
            arcs[int(row[0])].append((int(row[1]), row[2], row[3]))
        else:
            finals.add(int(row[0]))
    out = []
    stack: list[tuple[int, str, str, frozenset[int]]] = [(0, "", "", frozenset({0}))]
    while stack:
        state, left, right, seen = stack.pop()
        if state in finals:
            out.append((left, right))
        for target, a, b in arcs[state]:
            if target not in seen:
                a, b = ("" if a == "ε" else a), ("" if b == "ε" else b)
                stack.append((target, left + a, right + b, seen | {target}))
    return out


def _lemma(analysis: str) -> str:
    return re.sub(r"<[^>]*>", "", analysis).replace("#", "").strip().lower()


def apertium_pairs() -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for name, english_first in (("eng-spa", True), ("spa-eng", False)):
        att = subprocess.run(
            ["lt-print", str(APERTIUM_DIR / f"{name}.autobil.bin")],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for left, right in _att_paths(att):
            if not _CONTENT_TAGS.search(left):
                continue
            en, es = (left, right) if english_first else (right, left)
            en, es = _lemma(en), _lemma(es)
            if en and es and len(en.split()) <= 2 and len(es.split()) <= 2:
                pairs.add((en, es))
    return pairs


def _b64(text: str) -> int:
    n = 0
    for ch in text:
        n = n * 64 + _B64.index(ch)
    return n


def _sense_renderings(sense: str) -> list[str]:
    """The renderings of one sense: its chunks up to the first with Latin letters (an
    example or an idiom: "high official высший чиновник"). A verb marked reflexive too
    ("начинать(ся)") ends in the mark."""
    out = []
    for chunk in re.split(r"[;,]", sense):
        chunk = chunk.strip().lower()
        if re.search(r"[a-z]", chunk):
            break
        words = _CYRILLIC.findall(chunk)
        if 1 <= len(words) <= 2 and len(chunk) <= 40:
            reflexive = len(words) == 1 and chunk.endswith(_REFLEXIVE_MARK)
            out.append(" ".join(words) + (_REFLEXIVE_MARK if reflexive else ""))
    return out


@cache
def _analyser() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def _aspects(verb: str) -> set[str]:
    """The aspects pymorphy3 knows ``verb`` (an infinitive) in: none for a word it guesses."""
    morph = _analyser()
    if not morph.word_is_known(verb):
        return set()
    return {str(p.tag.aspect) for p in morph.parse(verb) if p.tag.POS == "INFN" and p.tag.aspect}


@cache
def _aspect_rules() -> list[tuple[str, str, str]]:
    return [tuple(rule) for rule in json.loads(ASPECT_RULES.read_text("utf-8"))["rules"]]


def _rewrite(verb: str, ending: str, new: str, vowel: str, old_vowel: str) -> str | None:
    """``verb`` (reflexive or not) with ``ending`` made ``new``, and the last ``old_vowel``
    before it made ``vowel`` where a rule asks: None where it does not end so."""
    base, reflexive = (verb[:-2], "ся") if verb.endswith(("ся", "сь")) else (verb, "")
    if not base.endswith(ending):
        return None
    root = base[: -len(ending)]
    if vowel:  # заканчивать: законч-ить
        at = root.rfind(old_vowel)
        if at < 0:
            return None
        root = root[:at] + vowel + root[at + 1 :]
    out = root + new
    return out + ("сь" if reflexive and out.endswith("и") else reflexive)  # -ться, -тись


def _made(verb: str, from_perfective: bool) -> set[str]:
    """Every verb of the other aspect the rules make of ``verb``, known to pymorphy3 so."""
    out = set()
    for imperfective, perfective, vowel in _aspect_rules():
        if from_perfective:
            other = _rewrite(verb, perfective, imperfective, "а" if vowel else "", "о")
        else:
            other = _rewrite(verb, imperfective, perfective, vowel, "а")
        if other and ("impf" if from_perfective else "perf") in _aspects(other):
            out.add(other)
    return out


def perfective(verb: str) -> str | None:
    """The perfective partner of an imperfective infinitive, made by suffix ("начинать":
    начать; "останавливаться": остановиться). Where the rules make several ("начинать":
    начать, начинить; "передавать": передать, передавить), the one that the rules make
    back into ``verb`` alone (начинить is made into начинять too), then the commonest."""
    if "impf" not in _aspects(verb):
        return None
    made = _made(verb, from_perfective=False)
    if not made:
        return None
    return max(sorted(made), key=lambda p: (_made(p, True) == {verb}, zipf(p, "ru")))


def _with_derived(renderings: list[str]) -> list[str]:
    """A headword's renderings in Mueller's order, then what its verbs bring: the reflexive
    of one marked so, and the perfective partners of both."""
    own = [r.removesuffix(_REFLEXIVE_MARK) for r in renderings]
    derived: list[str] = []
    for rendering in renderings:
        if " " in rendering:
            continue
        verb = rendering.removesuffix(_REFLEXIVE_MARK)
        forms = [verb]
        if rendering.endswith(_REFLEXIVE_MARK):
            forms.append(verb + ("сь" if verb.endswith("и") else "ся"))
        derived += forms[1:] + [p for p in map(perfective, forms) if p]
    return list(dict.fromkeys(own + derived))


def mueller_pairs() -> list[tuple[str, str]]:
    """(headword, rendering) in the dictionary's order: its first sense first, then the
    renderings derived from its verbs."""
    data = gzip.decompress(MUELLER.with_suffix(".dict.dz").read_bytes())
    pairs: dict[tuple[str, str], None] = {}
    for line in MUELLER.with_suffix(".index").read_text(encoding="utf-8").splitlines():
        head, start, length = line.split("\t")[:3]
        head = head.lower()
        if head.startswith("00database") or not re.fullmatch(r"[a-z]+(?:-[a-z]+)?", head):
            continue
        body = data[_b64(start) : _b64(start) + _b64(length)].decode("utf-8", "replace")
        body = _REFLEXIVE.sub(_REFLEXIVE_MARK, body.partition("\n")[2])
        body = re.sub(r"\[[^\]]*\]|\([^)]*\)|\{[^}]*\}", "", body)  # sounds, glosses, cross-refs
        body = re.sub(r"_[^\s.]+\.", "", body).replace("\n", " ")  # labels: _n. _разг.
        renderings: dict[str, None] = {}
        for sense in re.split(r"\d+[.)]", body):  # numbered senses: "1." / "1)"
            # lettered "а)" sub-senses after an example are an idiom's ("high and dry
            # а) выброшенный на берег"): only those of a sense that starts with them
            first, *lettered = re.split(r"(?<!\w)[а-я]\)", sense)
            for part in [first] + ([] if re.search(r"[a-z]", first) else lettered):
                renderings.update(dict.fromkeys(_sense_renderings(part)))
        pairs.update(dict.fromkeys((head, r) for r in _with_derived(list(renderings))))
    return list(pairs)


def _write(path: Path, pairs: list[tuple[str, str]]) -> None:
    """One headword a line, its renderings in the order given (a dictionary's: main first)."""
    by_head: dict[str, list[str]] = defaultdict(list)
    for head, rendering in pairs:
        by_head[head].append(rendering)
    text = "".join(f"{head}\t{'|'.join(by_head[head])}\n" for head in sorted(by_head))
    tmp = path.with_suffix(".tmp")
    with gzip.GzipFile(tmp, "wb", mtime=0) as f:  # mtime 0: rebuilding changes nothing
        f.write(text.encode("utf-8"))
    tmp.replace(path)
    print(f"{path}: {len(pairs)} pairs", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("xlate/data/lexicon"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    _write(args.out / "apertium-eng-spa.tsv.gz", sorted(apertium_pairs()))
    _write(args.out / "mueller7-eng-rus.tsv.gz", mueller_pairs())
    return 0


if __name__ == "__main__":
    sys.exit(main())
