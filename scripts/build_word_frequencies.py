"""Write xlate's compact copy of wordfreq's en/es/ru word lists (xlate/data/wordfreq/).

    pip install wordfreq            # build time; the lists are CC-BY-SA 4.0 (see the README)
    python scripts/build_word_frequencies.py

Each language's ``large`` list becomes ``<lang>.txt.gz``: one record per three-letter word
prefix, ``prefix \\x1f body``, records joined by ``\\x1e``; a body lists the rest of each
word on its own line under a ``\\t<bucket>`` line per centibel bucket (wordfreq's own
quantisation, kept exactly). Words at or below ``xlate.text.frequencies.FLOOR`` are left out.
The output is deterministic (sorted, gzip without a timestamp).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xlate.text.frequencies import (  # noqa: E402
    FLOOR,
    LANGUAGES,
    PREFIX_END,
    PREFIX_LENGTH,
    RECORD,
)

OUT = ROOT / "xlate" / "data" / "wordfreq"


def packed(lang: str) -> bytes:
    from wordfreq import get_frequency_list

    by_prefix: dict[str, dict[int, list[str]]] = {}
    for bucket, words in enumerate(get_frequency_list(lang, "large")):
        if (900 - bucket) / 100 <= FLOOR[lang]:  # wordfreq's cB_to_zipf
            break
        for word in words:
            if any(sep in word for sep in (RECORD, PREFIX_END, "\t", "\n")):
                raise SystemExit(f"{lang}: a word holds a separator: {word!r}")
            prefix, rest = word[:PREFIX_LENGTH], word[PREFIX_LENGTH:]
            by_prefix.setdefault(prefix, {}).setdefault(bucket, []).append(rest)
    records = []
    for prefix, buckets in sorted(by_prefix.items()):
        body = "".join(
            f"\n\t{b}" + "".join(f"\n{rest}" for rest in sorted(rests))
            for b, rests in sorted(buckets.items())
        )
        records.append(prefix + PREFIX_END + body + "\n")
    return gzip.compress(RECORD.join(records).encode("utf-8"), 9, mtime=0)


def main() -> None:
    from importlib.metadata import version

    OUT.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        data = packed(lang)
        tmp = OUT / f".{lang}.txt.gz.tmp"
        tmp.write_bytes(data)
        tmp.replace(OUT / f"{lang}.txt.gz")
        print(f"{lang}: {len(data) / 1e6:.2f} MB (wordfreq {version('wordfreq')})")


if __name__ == "__main__":
    main()
