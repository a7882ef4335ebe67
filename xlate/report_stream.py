"""A report too long to hold (``check --lines`` of a long file): the sentences, quotes and
entities of its one language spooled to temporary files as they are found, the JSON
written from them piece by piece in exactly the layout of ``Report.to_json`` (same keys,
same order, same bytes), and the digest the terminal summary shows.

The digest keeps what the summary prints and no more: the flag counts, the worst
``SUMMARY_FLAGS`` flags and the worst ``SUMMARY_QUOTES`` quotes (bounded heaps; for quotes lost,
then changed, unverified and kept, listed in document order), with how many there are in
all. Flags the whole document had to be read for (name
consistency) come last (``finish``) and are put in their place among the flags of
sentences already spooled: each spooled flag carries the position of the check that
found it, and a sentence's flags are ordered by severity, then by check.
"""

from __future__ import annotations

import heapq
import json
import re
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TextIO, TypeVar

from xlate.report import (
    SEVERITIES,
    EntityCheck,
    Flag,
    QuoteRecord,
    Report,
    SentenceRecord,
    severity_rank,
    worst_severity,
)

# What the terminal summary lists of a streamed report; the counts cover everything.
SUMMARY_FLAGS = 1000
# A 3,003-line file has ~700 quotes: listed in full they were 3,000 wrapped lines before
# the first flag (and most of the summary's time). The report has them all.
SUMMARY_QUOTES = 50
# Which quotes a long list keeps: what an editor reads it for.
_QUOTE_RANK = {"lost": 0, "changed": 1, "unverified": 2, "kept": 3}
_Item = TypeVar("_Item")
_LATE = 1 << 30  # a late flag's place after the sentence's own flags of its check


@dataclass
class ReportDigest:
    """The summary's view of a streamed one-language report."""

    report: Report  # the header: its language without sentences, quotes or entities
    counts: dict[str, int]  # flags per severity, as ``LanguageReport.flag_counts``
    flags: list[tuple[str, Flag]]  # (sentence id, flag): the worst, in summary order
    flags_total: int
    quotes: list[QuoteRecord]  # the worst ones (lost first), in document order
    quotes_total: int

    def worst_severity(self) -> str | None:
        return worst_severity(s for s, n in self.counts.items() if n)


@dataclass
class _Heap(Generic[_Item]):
    """The ``size`` least keys seen (keys unique), with their items (a max-heap of
    negated keys)."""

    size: int
    items: list[tuple[tuple[int, ...], _Item]] = field(default_factory=list)

    def push(self, key: tuple[int, ...], item: _Item) -> None:
        entry = (tuple(-k for k in key), item)
        if len(self.items) < self.size:
            heapq.heappush(self.items, entry)
        elif entry[0] > self.items[0][0]:
            heapq.heapreplace(self.items, entry)

    def sorted(self) -> list[_Item]:
        return [item for _, item in sorted(self.items, key=lambda e: e[0], reverse=True)]


class ReportSpool:
    """The records of one language, spooled under ``directory`` (which the caller owns
    and removes) as they are added, part by part and in document order."""

    def __init__(self, directory: Path) -> None:
        self._files = {
            name: (directory / f"{name}.jsonl").open("w+", encoding="utf-8")
            for name in ("sentences", "quotes", "entities")
        }
        self.sentences = self.quotes_total = 0
        self.counts = dict.fromkeys(SEVERITIES, 0)
        self._heap: _Heap[tuple[str, Flag]] = _Heap(SUMMARY_FLAGS)
        self._quotes: _Heap[tuple[int, QuoteRecord]] = _Heap(SUMMARY_QUOTES)
        self._late: dict[int, list[tuple[int, Flag]]] = {}

    def add(
        self,
        records: Sequence[SentenceRecord],
        flag_checks: Sequence[Sequence[int]],
        quotes: Iterable[QuoteRecord] = (),
        entities: Iterable[EntityCheck] = (),
    ) -> None:
        """The next sentences; ``flag_checks[i][j]``: the position of the check that found
        ``records[i].flags[j]``."""
        out = self._files["sentences"]
        for record, checks in zip(records, flag_checks, strict=True):
            out.write(_COMPACT([_plain(record), list(checks)]) + "\n")
            for k, (at, flag) in enumerate(zip(checks, record.flags, strict=True)):
                self._count(flag, (self.sentences, at, k), record.id)
            self.sentences += 1
        for quote in quotes:
            self._files["quotes"].write(_COMPACT(_plain(quote)) + "\n")
            rank = _QUOTE_RANK.get(quote.status, len(_QUOTE_RANK))
            self._quotes.push((rank, self.quotes_total), (self.quotes_total, quote))
            self.quotes_total += 1
        for entity in entities:
            self._files["entities"].write(_COMPACT(_plain(entity)) + "\n")

    def _count(self, flag: Flag, place: tuple[int, int, int], sentence_id: str) -> None:
        self.counts[flag.severity] = self.counts.get(flag.severity, 0) + 1
        self._heap.push((severity_rank(flag.severity), *place), (sentence_id, flag))

    def finish(self, late_flags: dict[int, list[tuple[int, Flag]]]) -> None:
        """The flags found once the whole document was in: by sentence (its place in the
        spool), each with its check's position."""
        self._late = late_flags
        if not late_flags:
            return
        for n, (record, _) in enumerate(self._sentences()):
            for k, (at, flag) in enumerate(late_flags.get(n, ())):
                self._count(flag, (n, at, _LATE + k), record["id"])

    def digest(self, report: Report) -> ReportDigest:
        return ReportDigest(
            report=report,
            counts=dict(self.counts),
            flags=self._heap.sorted(),
            flags_total=sum(self.counts.values()),
            quotes=[quote for _, quote in sorted(self._quotes.sorted(), key=lambda q: q[0])],
            quotes_total=self.quotes_total,
        )

    def _lines(self, name: str) -> Iterator[str]:
        handle = self._files[name]
        handle.flush()
        handle.seek(0)
        yield from handle
        handle.seek(0, 2)

    def _sentences(self) -> Iterator[tuple[dict[str, Any], list[int]]]:
        for line in self._lines("sentences"):
            record, checks = json.loads(line)
            yield record, checks

    def _sentence_items(self) -> Iterator[dict[str, Any]]:
        for n, (record, checks) in enumerate(self._sentences()):
            late = self._late.get(n)
            if late:
                own = zip(checks, record["flags"], strict=True)
                ranked = [*own, *((at, asdict(flag)) for at, flag in late)]
                ranked.sort(key=lambda item: (severity_rank(item[1]["severity"]), item[0]))
                record["flags"] = [flag for _, flag in ranked]
            yield record

    def write_json(
        self, out: TextIO, header: Report, translation_text: Callable[[], Iterable[str]] | None
    ) -> None:
        """The report's JSON, as ``header.to_json()`` would write it with this spool's
        sentences, quotes and entities in its one language (and the translation's text
        from ``translation_text``'s pieces)."""
        tokens = {name: f"xlate-spool:{name}:{uuid.uuid4().hex}" for name in _FIELDS}
        data = header.to_dict()
        (language,) = data["languages"]
        for name in ("sentences", "quotes", "entities"):
            language[name] = tokens[name]
        if translation_text is not None:
            language["translation_text"] = tokens["translation_text"]
        skeleton = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        by_token = {json.dumps(token): name for name, token in tokens.items()}
        pattern = re.compile("|".join(re.escape(t) for t in by_token))
        pos = 0
        for match in pattern.finditer(skeleton):
            out.write(skeleton[pos : match.start()])
            name = by_token[match.group()]
            if name == "translation_text":
                _write_string(out, translation_text() if translation_text else ())
            else:
                line = skeleton[skeleton.rfind("\n", 0, match.start()) + 1 : match.start()]
                indent = len(line) - len(line.lstrip(" "))
                items = self._sentence_items() if name == "sentences" else self._items(name)
                _write_list(out, items, " " * indent)
            pos = match.end()
        out.write(skeleton[pos:])

    def _items(self, name: str) -> Iterator[Any]:
        for line in self._lines(name):
            yield json.loads(line)

    def close(self) -> None:
        for handle in self._files.values():
            handle.close()


_FIELDS = ("sentences", "quotes", "entities", "translation_text")

# One encoder for every spooled line (``json.dumps`` with options builds one per call).
_COMPACT = json.JSONEncoder(ensure_ascii=False).encode
_STRING = json.encoder.encode_basestring  # the C escaper ``ensure_ascii=False`` uses
_INFINITIES = {float("inf"): "Infinity", float("-inf"): "-Infinity"}


@lru_cache(maxsize=64)
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` for the report's records, for JSON: their fields hold only
    records, lists, tuples, dicts and JSON scalars, which asdict's deep copy (a third of
    the spooling's time) leaves as they are."""
    if is_dataclass(value) and not isinstance(value, type):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _float(value: float) -> str:
    """A float as json writes one (``allow_nan``: NaN and the infinities by name)."""
    if value != value:
        return "NaN"
    return _INFINITIES.get(value) or float.__repr__(value)


def _indented(value: Any, indent: str, parts: list[str]) -> None:
    """``value`` (as ``json.loads`` gives it) into ``parts`` exactly as ``json.dumps(value,
    ensure_ascii=False, indent=2)`` lays it out at ``indent``: that call takes json's
    pure-Python encoder (the C one has no indentation), the most of the report's writing."""
    if isinstance(value, str):
        parts.append(_STRING(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(int.__repr__(value))
    elif isinstance(value, float):
        parts.append(_float(value))
    elif isinstance(value, list):
        if not value:
            parts.append("[]")
            return
        inner = indent + "  "
        parts.append("[\n" + inner)
        for n, item in enumerate(value):
            if n:
                parts.append(",\n" + inner)
            _indented(item, inner, parts)
        parts.append("\n" + indent + "]")
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = indent + "  "
        parts.append("{\n" + inner)
        for n, (key, item) in enumerate(value.items()):
            parts.append((",\n" + inner if n else "") + _STRING(key) + ": ")
            _indented(item, inner, parts)
        parts.append("\n" + indent + "}")
    else:
        raise TypeError(f"not a JSON value: {value!r}")


def _write_list(out: TextIO, items: Iterable[Any], indent: str) -> None:
    """A JSON list at ``indent`` as ``json.dumps(..., indent=2)`` lays one out."""
    inner = indent + "  "
    first = True
    for item in items:
        parts = ["[\n" if first else ",\n", inner]
        _indented(item, inner, parts)
        out.write("".join(parts))
        first = False
    out.write("[]" if first else "\n" + indent + "]")


def _write_string(out: TextIO, pieces: Iterable[str]) -> None:
    """A JSON string from its pieces: escaping is character by character."""
    out.write('"')
    for piece in pieces:
        out.write(json.dumps(piece, ensure_ascii=False)[1:-1])
    out.write('"')
