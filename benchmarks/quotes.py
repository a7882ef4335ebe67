"""Quote extraction and matching on newstest2012 (people's translations, line-aligned).

    python benchmarks/quotes.py [--corpora ../shared/corpora]

Prints, per language, how many quotes were found (and how many left unclosed), and per
direction the share of source quotes matched to a quote of the translation by their marks;
then the same with the translation's quotation marks stripped (every quote must be LOST).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from xlate.checks.quotes import QUOTE_MARKS, extract_quotes, match_quotes

ROOT = Path(__file__).resolve().parent.parent
PAIRS = [("en", "es"), ("en", "ru"), ("es", "en"), ("ru", "en"), ("es", "ru"), ("ru", "es")]


def match_rate(src_lines: list[str], tgt_lines: list[str], src: str, tgt: str) -> tuple[int, int]:
    total = matched = 0
    for s, t in zip(src_lines, tgt_lines, strict=True):
        sq = extract_quotes(s, src)
        if not sq:
            continue
        tq = extract_quotes(t, tgt)
        matches = match_quotes(s, sq, t, tq)
        total += len(sq)
        matched += sum(m.by == "marks" for m in matches)
    return matched, total


def stripped_pairs(src_lines: list[str], tgt_lines: list[str], src: str, tgt: str) -> int:
    """Source quotes still paired when the translation has no quotation marks at all."""
    strip = re.compile(f"[{re.escape(QUOTE_MARKS)}]")
    paired = 0
    for s, t in zip(src_lines, tgt_lines, strict=True):
        sq = extract_quotes(s, src)
        if sq:
            bare = strip.sub("", t)
            paired += sum(m.target_span is not None for m in match_quotes(s, sq, bare, []))
    return paired


def one_stripped(
    src_lines: list[str], tgt_lines: list[str], src: str, tgt: str
) -> tuple[int, int, int]:
    """Lines where all quotes pair up: strip one translation quote's marks and match again.

    Returns (pairs checked, pairs now wrong, stripped quotes still paired by marks).
    """
    checked = wrong = stripped_paired = 0
    for s, t in zip(src_lines, tgt_lines, strict=True):
        sq, tq = extract_quotes(s, src), extract_quotes(t, tgt)
        if len(sq) < 2 or len(sq) != len(tq) or not all(q.closed for q in sq + tq):
            continue
        ref = match_quotes(s, sq, t, tq)
        if any(m.target is None for m in ref):
            continue
        for k, gone in enumerate(tq):
            if gone.depth:
                continue
            t2 = t[: gone.start] + gone.text + t[gone.end :]
            moved = {  # where each kept quote's text starts in t2
                m.source: m.target.inner_start - (2 if m.target.start > gone.start else 0)
                for m in ref
                if m.target is not None
            }
            for m in match_quotes(s, sq, t2, extract_quotes(t2, tgt)):
                checked += 1
                if m.source == ref[k].source:
                    stripped_paired += m.by == "marks"
                elif m.target is not None and m.target.inner_start != moved[m.source]:
                    wrong += 1
    return checked, wrong, stripped_paired


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()
    lines = {
        lang: (args.corpora / f"newstest2012.{lang}").read_text(encoding="utf-8").splitlines()
        for lang in ("en", "es", "ru")
    }
    for lang, text in lines.items():
        t0 = time.perf_counter()
        quotes = [q for line in text for q in extract_quotes(line, lang)]
        took = time.perf_counter() - t0
        unclosed = sum(not q.closed for q in quotes)
        with_q = sum(bool(extract_quotes(line, lang)) for line in text)
        print(f"{lang}: {len(quotes)} quotes in {with_q} lines, {unclosed} unclosed ({took:.2f} s)")
    for src, tgt in PAIRS:
        matched, total = match_rate(lines[src], lines[tgt], src, tgt)
        paired = stripped_pairs(lines[src], lines[tgt], src, tgt)
        print(
            f"{src}->{tgt}: {matched}/{total} = {matched / total:.1%} matched by marks; "
            f"marks stripped: {paired} paired"
        )
        checked, wrong, kept = one_stripped(lines[src], lines[tgt], src, tgt)
        print(
            f"  one quote's marks stripped: {wrong}/{checked} pairs wrong, "
            f"{kept} stripped quotes still paired by marks"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
