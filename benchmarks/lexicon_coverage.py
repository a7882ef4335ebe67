"""How many of the commonest Russian content words the lexicon renders as the aligned
English line does.

    python benchmarks/lexicon_coverage.py [--corpus DIR] [--start 0] [--end 1500] [--top 500]

Over newstest2012 lines START..END (tune on 0-1500, report on 1500-3003), the TOP commonest
Russian content lemmas (pymorphy3's first reading; no stopwords, names or places) and, for
each, the lines where the English line has a content word whose stem (or base form's: "began"
is begin) is that of one of its ru->en renderings (``xlate.checks.lexicon.renderings`` of
the lemma and of the word as written). Prints how many lemmas are rendered in some line and
the share of their occurrences, then the lemmas rendered in none: the quote check's gaps.
An English function word does not count ("мочь": can), so some are never reached.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from benchmarks.challenge.corpus import corpus_dir
from xlate.checks import lexicon
from xlate.text.morphology import ru_parses
from xlate.text.words import stem, stopwords, tokens

_CONTENT = frozenset({"NOUN", "VERB", "INFN", "ADJF", "ADJS", "ADVB", "PRTF", "PRTS", "GRND"})
_NAMES = frozenset({"Name", "Surn", "Geox", "Patr"})


def _lemma(word: str) -> str | None:
    """The content lemma of a Russian word, or None (a function word, name or number)."""
    if len(word) < 3 or not word.isalpha() or word in stopwords("ru"):
        return None
    readings = ru_parses(word)
    if not readings or readings[0].tag.POS not in _CONTENT:
        return None
    if any(g in readings[0].tag for g in _NAMES):
        return None
    lemma = str(readings[0].normal_form).replace("ё", "е")
    return None if lemma in stopwords("ru") else lemma


def _english_stems(line: str) -> set[str]:
    stop = stopwords("en")
    words = [t for t in tokens(line) if t not in stop]
    return {stem(f, "en") for w in words for f in (w, *lexicon.base_forms(w, "en"))}


def coverage(ru: list[str], en: list[str], top: int) -> dict[str, tuple[int, int]]:
    """lemma -> (the lines it is in, the lines whose English renders it), for the ``top``."""
    seen: dict[str, list[tuple[int, str]]] = defaultdict(list)
    count: Counter[str] = Counter()
    for n, line in enumerate(ru):
        for word in set(tokens(line)):
            lemma = _lemma(word)
            if lemma is not None:
                count[lemma] += 1
                seen[lemma].append((n, word))
    out = {}
    for lemma, lines in count.most_common(top):
        own = lexicon.renderings(lemma, "ru", "en")
        hits = 0
        for n, word in seen[lemma]:
            stems = {stem(r, "en") for r in own | lexicon.renderings(word, "ru", "en")}
            hits += bool(stems & _english_stems(en[n]))
        out[lemma] = (lines, hits)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--end", type=int, default=1500)
    parser.add_argument("--top", type=int, default=500)
    parser.add_argument("--json", type=Path, default=None, help="lemma -> [lines, rendered]")
    args = parser.parse_args(argv)
    folder = corpus_dir(args.corpus)
    ru, en = (
        (folder / f"newstest2012.{lang}").read_text(encoding="utf-8").splitlines()
        for lang in ("ru", "en")
    )
    result = coverage(ru[args.start : args.end], en[args.start : args.end], args.top)
    rendered = sum(hits > 0 for _, hits in result.values())
    lines = sum(n for n, _ in result.values())
    hits = sum(h for _, h in result.values())
    print(
        f"lines {args.start}-{args.end}: {rendered} of the {len(result)} commonest Russian "
        f"content lemmas rendered in some aligned English line; occurrences "
        f"{hits}/{lines} = {hits / max(lines, 1):.1%}"
    )
    print("never:", " ".join(lemma for lemma, (_, h) in result.items() if h == 0))
    if args.json is not None:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=0), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
