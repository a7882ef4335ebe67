"""A glossary file, its entries, and where a term stands in a sentence.

The file is UTF-8, tab-separated (comma-separated when its name ends in ``.csv``), one
entry a row::

    # src  tgt  source term     target term
    en     es   Supreme Court   Tribunal Supremo
    en     ru   Supreme Court   Верховный суд
    *      *    Su-30MK2
    en     *    Roger Stone     =

``src`` and ``tgt`` are language codes or ``*`` (any). A row with no target term, or
``=``, is a do-not-translate entry: the term must appear in the translation as written.
Blank lines and lines starting with ``#`` are skipped, and so is a first row that is a
header (``src``/``src_lang`` in its first cell).

Terms are matched word by word on Snowball stems without case or accents (the stems of
``xlate.text.words``), so "Tribunales Supremos" honours "Tribunal Supremo" and
"Верховного суда" honours "Верховный суд".
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from xlate.errors import ConfigError, LanguageError
from xlate.languages import check_language
from xlate.text.words import stem, tokens

ANY = "*"
_KEEP_MARK = "="
_HEADER_CELLS = ("src", "src_lang", "source_lang")


@dataclass(frozen=True)
class GlossaryEntry:
    """One row: ``source`` (in ``src``) is rendered ``target`` (in ``tgt``); with
    ``keep``, the term itself must stand in the translation unchanged."""

    src: str  # a language code, or "*"
    tgt: str
    source: str
    target: str
    line: int = 0

    @property
    def keep(self) -> bool:
        return self.target == self.source

    def applies(self, src: str, tgt: str) -> bool:
        return self.src in (ANY, src) and self.tgt in (ANY, tgt)


@dataclass(frozen=True)
class Glossary:
    entries: tuple[GlossaryEntry, ...] = ()
    path: str | None = None

    def for_pair(self, src: str, tgt: str) -> list[GlossaryEntry]:
        return [e for e in self.entries if e.applies(src, tgt)]

    def kept_terms(self, sentence: str, src: str, tgt: str) -> list[str]:
        """The do-not-translate terms of the pair that ``sentence`` contains."""
        return [
            e.source
            for e in self.for_pair(src, tgt)
            if e.keep and find_term(e.source, sentence, src) is not None
        ]

    def record(self) -> dict[str, object]:
        """What a report's settings say of it: the file, and a digest of its entries (a
        batch re-analyses an article when the glossary changed)."""
        rows = "\n".join("\t".join((e.src, e.tgt, e.source, e.target)) for e in self.entries)
        digest = hashlib.sha256(rows.encode("utf-8")).hexdigest()[:16]
        return {"path": self.path, "entries": len(self.entries), "sha256": digest}


def _stems(text: str, lang: str) -> list[str]:
    return [stem(t, lang) for t in tokens(text)]


def _same(a: str, b: str) -> bool:
    """Stems of one word: equal, or one extends the other (inflected forms Snowball cut
    to different lengths: "supremo"/"suprem"), when both are long enough to say so."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or a.isdigit() or b.isdigit():
        return False
    return a.startswith(b) or b.startswith(a)


def find_term(term: str, text: str, lang: str) -> int | None:
    """The token index in ``text`` where ``term`` starts, in any inflection; None if absent."""
    wanted = _stems(term, lang)
    have = _stems(text, lang)
    if not wanted:
        return None
    for start in range(len(have) - len(wanted) + 1):
        if all(_same(w, h) for w, h in zip(wanted, have[start:], strict=False)):
            return start
    return None


def load_glossary(path: str | Path) -> Glossary:
    """Read a glossary file (the module doc gives its format); a bad one is a
    ConfigError naming the file and line."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"glossary {path} not found") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"glossary {path}: cannot read it ({err})") from None
    delimiter = "," if file.suffix.lower() == ".csv" else "\t"
    entries: list[GlossaryEntry] = []
    rows = csv.reader(text.splitlines(), delimiter=delimiter)
    for number, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if not entries and cells[0].lower() in _HEADER_CELLS:
            continue
        entries.append(_entry(cells, number, str(path)))
    return Glossary(tuple(entries), str(path))


def _entry(cells: Sequence[str], line: int, where: str) -> GlossaryEntry:
    if len(cells) not in (3, 4):
        sep = "commas" if where.lower().endswith(".csv") else "tabs"
        raise ConfigError(
            f"glossary {where} line {line}: expected src, tgt, source term and target term "
            f"separated by {sep}, found {len(cells)} field(s)"
        )
    src, tgt, source = cells[0], cells[1], cells[2]
    target = cells[3] if len(cells) == 4 else ""
    try:
        src = src if src == ANY else check_language(src)
        tgt = tgt if tgt == ANY else check_language(tgt)
    except LanguageError as err:
        raise ConfigError(f"glossary {where} line {line}: {err}") from None
    if not tokens(source):
        raise ConfigError(f"glossary {where} line {line}: the source term is empty")
    if target in ("", _KEEP_MARK):
        target = source
    return GlossaryEntry(src=src, tgt=tgt, source=source, target=target, line=line)
