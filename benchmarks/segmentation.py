"""Sentence segmentation on newstest2012 (one sentence per line, mostly).

    python benchmarks/segmentation.py [--corpora ../shared/corpora] [--group 4]

Prints, per language and segmenter:

* one: the share of corpus lines returned as exactly one sentence (over-splitting shows
  here; a few lines truly hold two sentences, so 100 is out of reach);
* joined: the share of line ends found again when every ``--group`` consecutive lines are
  joined with a space into one paragraph (under-splitting shows here; lines without a
  final mark, such as headlines, cannot be found by any splitter);
* seconds for the whole corpus.

xlate and plain sentence-splitter always run; blingfire, pysbd and sentencex run when
installed (``pip install blingfire pysbd sentencex``; they are no xlate dependencies).
"""

from __future__ import annotations

import argparse
import importlib
import time
from collections.abc import Callable
from pathlib import Path

from sentence_splitter import SentenceSplitter

from xlate.text.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("en", "es", "ru")
Splitter = Callable[[str], list[str]]


def splitters(lang: str) -> dict[str, Splitter]:
    """Every segmenter available here, as ``text -> stripped non-empty pieces``."""
    moses = SentenceSplitter(language=lang)
    found: dict[str, Splitter] = {
        "xlate": lambda text: split_sentences(text, lang),
        "sentence-splitter": moses.split,
    }
    try:
        blingfire = importlib.import_module("blingfire")
        found["blingfire"] = lambda text: blingfire.text_to_sentences(text).split("\n")
    except ImportError:
        pass
    try:
        pysbd = importlib.import_module("pysbd")
        segmenter = pysbd.Segmenter(language=lang, clean=False)
        found["pysbd"] = segmenter.segment
    except ImportError:
        pass
    try:
        sentencex = importlib.import_module("sentencex")
        found["sentencex"] = lambda text: list(sentencex.segment(lang, text))
    except ImportError:
        pass
    return {name: _cleaned(split) for name, split in found.items()}


def _cleaned(split: Splitter) -> Splitter:
    return lambda text: [p.strip() for p in split(text) if p.strip()]


def one_sentence_rate(split: Splitter, lines: list[str]) -> float:
    return 100 * sum(len(split(line)) == 1 for line in lines) / len(lines)


def joined_recall(split: Splitter, lines: list[str], group: int) -> float:
    """Share of the line ends inside joined groups of lines that come back as boundaries."""
    found = total = 0
    for first in range(0, len(lines) - group + 1, group):
        chunk = lines[first : first + group]
        text = " ".join(chunk)
        ends: set[int] = set()
        pos = 0
        for line in chunk[:-1]:
            pos += len(line)
            ends.add(pos)
            pos += 1
        got: set[int] = set()
        pos = 0
        for piece in split(text):
            at = text.find(piece, pos)
            if at >= 0:
                pos = at + len(piece)
                got.add(pos)
        total += len(ends)
        found += len(ends & got)
    return 100 * found / total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--group", type=int, default=4, help="lines joined per paragraph")
    args = parser.parse_args()
    print(f"{'lang':<5} {'segmenter':<18} {'one %':>7} {'joined %':>9} {'seconds':>8}")
    for lang in LANGS:
        lines = (args.corpora / f"newstest2012.{lang}").read_text(encoding="utf-8").splitlines()
        for name, split in splitters(lang).items():
            started = time.perf_counter()
            one = one_sentence_rate(split, lines)
            seconds = time.perf_counter() - started
            joined = joined_recall(split, lines, args.group)
            print(f"{lang:<5} {name:<18} {one:>7.2f} {joined:>9.2f} {seconds:>8.2f}")


if __name__ == "__main__":
    main()
