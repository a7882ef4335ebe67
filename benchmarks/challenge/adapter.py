"""The benchmark's only contact with xlate: run the check, translate with Apertium.

When the library's API moves, this file is the one to update. ``run_check`` is what
``xlate check --lines --engine none|apertium [--origin person|machine]`` does, called in
process; ``translate_lines`` makes the machine output the challenge set starts from.
Both go through xlate's translation cache (a SQLite file under ``--work``), so a rerun
asks Apertium nothing it has already answered.
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

_NOTED: set[str] = set()


def _note_once(message: str) -> None:
    if message not in _NOTED:
        _NOTED.add(message)
        print(f"note: {message}")


@cache
def _engine(name: str, work: str) -> Any:
    from xlate import create_engine
    from xlate.cache import CachedTranslator, CacheStore

    return CachedTranslator(create_engine(name), CacheStore(Path(work) / "translations.sqlite"))


def run_check(
    sources: Sequence[str],
    translations: Sequence[str],
    src: str,
    tgt: str,
    engine: str,
    origin: str,
    work: Path,
) -> list[set[str]]:
    """The kinds of the flags ``xlate check --lines`` raises on each line (one document of
    ``len(sources)`` lines). ``engine`` is "none" or an engine that back-translates;
    ``origin`` ("person" or "machine") is passed on when the library takes it."""
    from xlate import check
    from xlate.text.segment import segment_lines

    options: dict[str, Any] = {}
    if "origin" in inspect.signature(check).parameters:
        options["origin"] = origin
    else:
        _note_once("xlate's check takes no origin yet: person/machine is not passed on")
    back = None if engine == "none" else _engine(engine, str(work))
    report = check(
        segment_lines("\n".join(sources) + "\n", src),
        segment_lines("\n".join(translations) + "\n", tgt),
        back_engine=back,
        lines=True,
        **options,
    )
    sentences = report.languages[0].sentences
    if len(sentences) != len(sources):
        raise RuntimeError(f"check returned {len(sentences)} lines for {len(sources)}")
    return [{flag.kind for flag in sentence.flags} for sentence in sentences]


def translate_lines(lines: Sequence[str], src: str, tgt: str, engine: str, work: Path) -> list[str]:
    """``lines`` translated by ``engine`` (cached under ``work``)."""
    return [t.text for t in _engine(engine, str(work)).translate_batch(list(lines), src, tgt)]
