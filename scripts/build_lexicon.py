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
  phrase; what follows (idioms and their translations) is left out.

Each output is a gzipped TSV, ``english<TAB>rendering|rendering...`` a line (lowercase,
lemmas, a rendering of at most two words; Mueller's in its order, the first sense first),
read by :mod:`xlate.checks.lexicon`. Reading the packages at run time instead would cost
seconds per process (lt-print, 15 MB of dictd text). Licence: xlate/data/lexicon/README.md.
"""

from __future__ import annotations

import argparse
import gzip
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

APERTIUM_DIR = Path("/usr/share/apertium/apertium-eng-spa")
MUELLER = Path("/usr/share/dictd/mueller7")
_CONTENT_TAGS = re.compile(r"<(n|adj|adv|vblex)>")
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_CYRILLIC = re.compile(r"[а-яё]+(?:-[а-яё]+)*")


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
    example or an idiom: "high official высший чиновник")."""
    out = []
    for chunk in re.split(r"[;,]", sense):
        chunk = chunk.strip().lower()
        if re.search(r"[a-z]", chunk):
            break
        words = _CYRILLIC.findall(chunk)
        if 1 <= len(words) <= 2 and len(chunk) <= 40:
            out.append(" ".join(words))
    return out


def mueller_pairs() -> list[tuple[str, str]]:
    """(headword, rendering) in the dictionary's order: its first sense first."""
    data = gzip.decompress(MUELLER.with_suffix(".dict.dz").read_bytes())
    pairs: dict[tuple[str, str], None] = {}
    for line in MUELLER.with_suffix(".index").read_text(encoding="utf-8").splitlines():
        head, start, length = line.split("\t")[:3]
        head = head.lower()
        if head.startswith("00database") or not re.fullmatch(r"[a-z]+(?:-[a-z]+)?", head):
            continue
        body = data[_b64(start) : _b64(start) + _b64(length)].decode("utf-8", "replace")
        body = body.partition("\n")[2]
        body = re.sub(r"\[[^\]]*\]|\([^)]*\)|\{[^}]*\}", "", body)  # sounds, glosses, cross-refs
        body = re.sub(r"_[^\s.]+\.", "", body).replace("\n", " ")  # labels: _n. _разг.
        for sense in re.split(r"\d+[.)]", body):  # numbered senses: "1." / "1)"
            # lettered "а)" sub-senses after an example are an idiom's ("high and dry
            # а) выброшенный на берег"): only those of a sense that starts with them
            first, *lettered = re.split(r"(?<!\w)[а-я]\)", sense)
            for part in [first] + ([] if re.search(r"[a-z]", first) else lettered):
                pairs.update(dict.fromkeys((head, r) for r in _sense_renderings(part)))
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
