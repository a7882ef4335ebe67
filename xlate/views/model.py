"""What every view shows, computed once from a report: marked-up sentence rows and flag lists.

A row's texts are split into segments, each carrying a set of marks:

    del / ins / rep             word diff of original vs back-translation (display only)
    quote-kept / -changed / -lost   the span of a quoted phrase and what became of it
    entity                      a number or name that did not survive (EntityCheck != ok)

The terminal, HTML and Markdown views only decide how a mark looks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from xlate.config import Thresholds
from xlate.errors import LanguageError
from xlate.report import (
    EngineRecord,
    EntityCheck,
    LanguageReport,
    QuoteRecord,
    Report,
    SentenceRecord,
    severity_rank,
    worst_severity,
)
from xlate.views.worddiff import inline_diff, word_diff

QUOTE_STATUSES = ("kept", "changed", "lost")
# A partial quote match (a quote across sentences) must be at least this long to count.
_MIN_PARTIAL = 8


@dataclass(frozen=True)
class Segment:
    text: str
    marks: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    mark: str


@dataclass(frozen=True)
class FlagEntry:
    severity: str
    sentence_id: str
    kind: str
    reason: str


@dataclass
class Row:
    record: SentenceRecord
    source: list[Segment]
    translation: list[Segment] | None
    back_translation: list[Segment] | None
    diff: str | None  # wdiff-style original vs back-translation
    quotes: list[QuoteRecord]
    entities: list[EntityCheck]  # only those that did not survive
    severity: str | None  # worst flag of the sentence and its quotes
    kinds: list[str] = field(default_factory=list)  # their kinds, first seen first

    @property
    def flagged(self) -> bool:
        return (
            self.severity is not None
            or bool(self.entities)
            or any(quote_status(q) != "kept" for q in self.quotes)
        )


@dataclass
class LanguageView:
    report: LanguageReport
    source_lang: str
    rows: list[Row]
    flags: list[FlagEntry]
    quote_counts: dict[str, int] = field(default_factory=dict)

    @property
    def pair(self) -> str:
        return f"{self.source_lang} → {self.report.target}"


def quote_status(quote: QuoteRecord) -> str:
    """The status a view colours and counts: an ``unverified`` quote (a word not found,
    nothing standing against it) is not flagged, so it is drawn and counted as kept."""
    if quote.status == "unverified":
        return "kept"
    return quote.status if quote.status in QUOTE_STATUSES else "changed"


def thresholds_of(report: Report) -> Thresholds:
    """The thresholds the report was made with, when it recorded them; else the defaults."""
    values = report.settings.get("thresholds")
    base = Thresholds()
    if not isinstance(values, dict):
        return base
    medium = values.get("sentence_chrf_medium", base.sentence_chrf_medium)
    high = values.get("sentence_chrf_high", base.sentence_chrf_high)
    if isinstance(medium, (int, float)) and isinstance(high, (int, float)):
        return Thresholds(sentence_chrf_medium=float(medium), sentence_chrf_high=float(high))
    return base


# A sentence chrF above the flag line (medium) by less than this is "fair": worth a glance.
FAIR_MARGIN = 15


def good_chrf(thresholds: Thresholds) -> float:
    """The sentence chrF from which a round trip counts as good (the legends show it)."""
    return thresholds.sentence_chrf_medium + FAIR_MARGIN


def chrf_band(chrf: float | None, thresholds: Thresholds) -> str:
    """good / fair / poor / bad, on the report's sentence thresholds; none without a score."""
    if chrf is None:
        return "none"
    if chrf < thresholds.sentence_chrf_high:
        return "bad"
    if chrf < thresholds.sentence_chrf_medium:
        return "poor"
    if chrf < good_chrf(thresholds):
        return "fair"
    return "good"


def select_languages(report: Report, lang: str | None) -> list[LanguageReport]:
    if lang is None:
        return list(report.languages)
    for item in report.languages:
        if item.target == lang:
            return [item]
    have = ", ".join(x.target for x in report.languages) or "none"
    raise LanguageError(f"the report has no {lang!r} translation (it has: {have})")


def build_views(
    report: Report, *, only_flagged: bool = False, lang: str | None = None
) -> list[LanguageView]:
    return [
        build_language_view(item, report.source.lang, only_flagged=only_flagged)
        for item in select_languages(report, lang)
    ]


def build_language_view(
    lang: LanguageReport, source_lang: str, *, only_flagged: bool = False
) -> LanguageView:
    quotes_by_sentence: dict[str, list[QuoteRecord]] = {}
    for quote in lang.quotes:
        for sid in quote.sentence_ids:
            quotes_by_sentence.setdefault(sid, []).append(quote)
    entities_by_sentence: dict[str, list[EntityCheck]] = {}
    for entity in lang.entities:
        if entity.status != "ok":
            entities_by_sentence.setdefault(entity.sentence_id, []).append(entity)
    rows = [
        build_row(s, quotes_by_sentence.get(s.id, []), entities_by_sentence.get(s.id, []))
        for s in lang.sentences
    ]
    counts = dict.fromkeys(QUOTE_STATUSES, 0)
    for quote in lang.quotes:
        counts[quote_status(quote)] += 1
    return LanguageView(
        report=lang,
        source_lang=source_lang,
        rows=[r for r in rows if r.flagged] if only_flagged else rows,
        flags=flag_entries(lang),
        quote_counts=counts,
    )


def flag_entries(lang: LanguageReport) -> list[FlagEntry]:
    """Sentence flags and quote flags (those not already on the sentence), worst first."""
    order = {s.id: i for i, s in enumerate(lang.sentences)}
    entries: list[FlagEntry] = []
    seen: set[tuple[str, str, str]] = set()
    for sent in lang.sentences:
        for flag in sent.flags:
            entries.append(FlagEntry(flag.severity, sent.id, flag.kind, flag.reason))
            seen.add((sent.id, flag.kind, flag.reason))
    for quote in lang.quotes:
        sid = quote.sentence_ids[0] if quote.sentence_ids else "?"
        for flag in quote.flags:
            if (sid, flag.kind, flag.reason) not in seen:
                entries.append(FlagEntry(flag.severity, sid, flag.kind, flag.reason))
                seen.add((sid, flag.kind, flag.reason))
    entries.sort(key=lambda e: (severity_rank(e.severity), order.get(e.sentence_id, 1 << 30)))
    return entries


def build_row(
    record: SentenceRecord, quotes: list[QuoteRecord], entities: list[EntityCheck]
) -> Row:
    src_spans: list[Span] = []
    tgt_spans: list[Span] = []
    back_spans: list[Span] = []
    diff = None
    if record.back_translation is not None:
        for op in word_diff(record.source, record.back_translation):
            if op.tag == "equal":
                continue
            mark = {"delete": "del", "insert": "ins", "replace": "rep"}[op.tag]
            if op.old_end > op.old_start:
                src_spans.append(Span(op.old_start, op.old_end, mark))
            if op.new_end > op.new_start:
                back_spans.append(Span(op.new_start, op.new_end, mark))
        diff = inline_diff(record.source, record.back_translation)
    for quote in quotes:
        mark = f"quote-{quote_status(quote)}"
        src_spans += _spans(find_fragment(record.source, quote.text), mark)
        if record.translation and quote.translation:
            tgt_spans += _spans(find_fragment(record.translation, quote.translation), mark)
        if record.back_translation and quote.back_translation:
            where = find_fragment(record.back_translation, quote.back_translation)
            back_spans += _spans(where, mark)
    for entity in entities:
        src_spans += _spans(find_words(record.source, entity.text), "entity")
        for found in entity.found:
            if record.translation:
                tgt_spans += _spans(find_words(record.translation, found), "entity")
    flags = [*record.flags, *(f for q in quotes for f in q.flags)]
    return Row(
        record=record,
        source=segments(record.source, src_spans),
        translation=segments(record.translation, tgt_spans)
        if record.translation is not None
        else None,
        back_translation=segments(record.back_translation, back_spans)
        if record.back_translation is not None
        else None,
        diff=diff,
        quotes=quotes,
        entities=entities,
        severity=worst_severity(f.severity for f in flags),
        kinds=list(dict.fromkeys(f.kind for f in flags)),
    )


def _spans(ranges: Iterable[tuple[int, int]], mark: str) -> list[Span]:
    return [Span(a, b, mark) for a, b in ranges]


def segments(text: str, spans: Iterable[Span]) -> list[Segment]:
    """Cut ``text`` at every span boundary; each piece carries the marks covering it."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[Segment] = []
    for a, b in pairwise(cuts):
        marks = frozenset(s.mark for s in spans if s.start <= a and b <= s.end)
        if out and out[-1].marks == marks:
            out[-1] = Segment(out[-1].text + text[a:b], marks)
        else:
            out.append(Segment(text[a:b], marks))
    return out


def find_fragment(text: str, fragment: str) -> list[tuple[int, int]]:
    """Where a quoted fragment lies in a sentence: whole, or the part of a quote that
    runs over a sentence boundary (the sentence's end starts it, or its start ends it)."""
    fragment = fragment.strip()
    if not fragment or not text:
        return []
    hay, needle = _comparable(text, fragment)
    at = hay.find(needle)
    if at >= 0:
        return [(at, at + len(needle))]
    stripped = hay.strip()
    if len(stripped) >= _MIN_PARTIAL and stripped in needle:
        start = hay.index(stripped)
        return [(start, start + len(stripped))]
    for size in range(min(len(needle), len(hay)) - 1, _MIN_PARTIAL - 1, -1):
        if hay.endswith(needle[:size]):
            return [(len(hay) - size, len(hay))]
        if hay.startswith(needle[-size:]):
            return [(0, size)]
    return []


def _comparable(text: str, fragment: str) -> tuple[str, str]:
    # Lower-case only when it keeps offsets (a few letters change length when lowered).
    low_text, low_fragment = text.lower(), fragment.lower()
    if len(low_text) == len(text) and len(low_fragment) == len(fragment):
        return low_text, low_fragment
    return text, fragment


def find_words(text: str, words: str) -> list[tuple[int, int]]:
    """Every whole-word occurrence of ``words`` (case-insensitive)."""
    words = words.strip()
    if not words:
        return []
    pattern = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)", re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def fmt_score(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def quote_heading(quote: QuoteRecord) -> str:
    """``q1 changed (chrF 58.4)``."""
    score = f" (chrF {fmt_score(quote.chrf)})" if quote.chrf is not None else ""
    return f"{quote.id} {quote_status(quote)}{score}"


def quoted(quote: QuoteRecord) -> str:
    """The quote's text between its own marks."""
    marks = quote.marks if len(quote.marks) == 2 else "“”"
    return f"{marks[0]}{quote.text}{marks[1]}"


def entity_note(entity: EntityCheck) -> str:
    """``number 14 changed → 41 (not in translation, not in back-translation)``."""
    note = f"{entity.kind} {entity.text} {entity.status}"
    found = [f for f in entity.found if f != entity.text]
    if found:
        note += " → " + ", ".join(found)
    where = [
        name
        for name, present in (
            ("translation", entity.in_translation),
            ("back-translation", entity.in_back_translation),
        )
        if not present
    ]
    if where:
        note += " (not in " + ", not in ".join(where) + ")"
    return note


def engine_label(engine: EngineRecord | None, fallback: str) -> str:
    if engine is None:
        return fallback
    return f"{engine.engine} {engine.model}".strip()


def report_title(report: Report) -> str:
    src = report.source
    where = src.path or "<stdin>"
    return (
        f"xlate {report.mode} report · {where} ({src.lang}, {src.sentences} sentences)"
        f" · xlate {report.xlate_version or '?'} · {report.created or 'undated'}"
    )


def flag_counts(view: LanguageView) -> str:
    """``2 high, 1 medium, 0 low``: the report's own counts."""
    return ", ".join(f"{n} {severity}" for severity, n in view.report.flag_counts().items())


def quote_counts(view: LanguageView) -> str:
    return ", ".join(f"{n} {status}" for status, n in view.quote_counts.items())


def repaired_lines(lang: LanguageReport) -> list[tuple[str, str, str, str]]:
    """Each repaired sentence as ``(id, before, after, why)``, in document order."""
    return [
        (s.id, s.repair.original, s.translation or "", s.repair.reason)
        for s in lang.repaired()
        if s.repair is not None
    ]
