"""The summary of a batch run as data: one row per article and target language, worst first.

A run writes ``summary.json`` (this module's :func:`summary_json`: the machine-readable
record, also what ``--shard I/N`` writes as ``summary.part-I-of-N.json`` and
:func:`merge_summaries` reads back) and whatever views it is handed
(:data:`xlate.views.batch_summary.SUMMARY_VIEWS` draws ``summary.csv`` and ``summary.md``);
the views live above batch, so the caller passes them in.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from xlate.batch.layout import write_output
from xlate.errors import InputError
from xlate.report import SEVERITIES, LanguageReport, Report, SentenceRecord

SUMMARY_VERSION = 1
SUMMARY_JSON = "summary.json"


@dataclass
class SummaryRow:
    """One article and target language (or one failed article, with ``target`` empty)."""

    path: str
    target: str
    status: str  # ok | failed
    mode: str = "roundtrip"  # roundtrip | check (--check-dir)
    error: str = ""
    sentences: int | None = None
    chrf: float | None = None
    bleu: float | None = None
    ter: float | None = None
    worst_severity: str = ""  # high | medium | low | "" (no flags)
    flagged: int | None = None  # sentences with at least one flag
    high: int | None = None
    medium: int | None = None
    quotes_changed: int | None = None
    quotes_lost: int | None = None
    number_mismatches: int | None = None
    name_mismatches: int | None = None
    worst_sentence: str = ""
    worst_sentence_chrf: float | None = None
    report: str = ""  # the report, relative to OUT_DIR
    triage: float | None = None  # the article's triage score (``triage``): higher is worse
    triage_reason: str = ""  # the figures that decided it

    def sort_key(self) -> tuple[Any, ...]:
        """Worst first: failures, then by triage score, then by document chrF."""
        return (
            self.status != "failed",
            -(self.triage or 0.0),
            self.chrf if self.chrf is not None else 101.0,
            self.path,
            self.target,
        )


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(SummaryRow))
SummaryView = Callable[[Sequence[SummaryRow]], str]  # rows, worst first -> file text
SummaryViews = Mapping[str, SummaryView]  # file name in OUT_DIR -> its view


def rows_from_report(report: Report, rel: str, report_rel: str) -> list[SummaryRow]:
    rows = []
    for lang in report.languages:
        flags = [f for s in lang.sentences for f in s.flags] + [
            f for q in lang.quotes for f in q.flags
        ]
        severities = {f.severity for f in flags}
        worst = _worst_sentence(lang.sentences)
        score, reason = triage(lang)
        rows.append(
            SummaryRow(
                path=rel,
                target=lang.target,
                status="ok",
                mode=report.mode,
                sentences=len(lang.sentences),
                chrf=lang.scores.chrf,
                bleu=lang.scores.bleu,
                ter=lang.scores.ter,
                worst_severity=next((s for s in SEVERITIES if s in severities), ""),
                flagged=sum(1 for s in lang.sentences if s.flags),
                high=sum(1 for f in flags if f.severity == "high"),
                medium=sum(1 for f in flags if f.severity == "medium"),
                quotes_changed=sum(1 for q in lang.quotes if q.status == "changed"),
                quotes_lost=sum(1 for q in lang.quotes if q.status == "lost"),
                # Flags, not entities: a name merely absent from a person's translation
                # is a "missing" entity of the report, not a mismatch worth a column.
                number_mismatches=sum(1 for f in lang.flags() if f.kind == "number"),
                name_mismatches=sum(1 for f in lang.flags() if f.kind == "name"),
                worst_sentence=worst.id if worst else "",
                worst_sentence_chrf=worst.scores.chrf if worst else None,
                report=report_rel,
                triage=score,
                triage_reason=reason,
            )
        )
    return rows


# Flag kinds that say a fact changed (a number, a name, a negation, a quote's key word).
_FACT_KINDS = frozenset({"number", "name", "acronym", "negation", "quote", "quote_lost"})
# Points per flag: a changed fact outweighs any number of remarks.
_WEIGHTS = {"high": 10.0, "medium": 2.0, "low": 0.25}
# Added once for an article with a changed fact: one changed number in a long article still
# ranks above a few medium remarks in a short one.
_FACT_BONUS = 5.0
# A sentence whose chrF alone says little ("Shopping" -> "Purchase"): never the worst one.
_MIN_WORST_WORDS = 5


def triage(lang: LanguageReport) -> tuple[float, str]:
    """One score per article and language, and the figures that decided it.

    Points per flag (high 10, medium 2, low 0.25; a high flag of a fact kind counts in
    full, any other high as medium), divided by the square root of the sentence count:
    a long article is not worse for being long, nor a short one for having few sentences
    to share one error; plus ``_FACT_BONUS`` once when a fact changed."""
    flags = [f for s in lang.sentences for f in s.flags]
    points = 0.0
    facts: dict[str, int] = {}
    for flag in flags:
        severity = flag.severity
        if severity == "high" and flag.kind not in _FACT_KINDS:
            severity = "medium"
        points += _WEIGHTS.get(severity, 0.0)
        if severity == "high":
            facts[flag.kind] = facts.get(flag.kind, 0) + 1
    n = max(len(lang.sentences), 1)
    score = round(points / math.sqrt(max(n, 4)) + (_FACT_BONUS if facts else 0.0), 1)
    high = ", ".join(f"{c} {k}" for k, c in sorted(facts.items(), key=lambda kv: -kv[1]))
    medium = sum(1 for f in flags if f.severity == "medium" or (
        f.severity == "high" and f.kind not in _FACT_KINDS))  # fmt: skip
    parts = [f"{sum(facts.values())} changed facts ({high})" if facts else "no changed fact"]
    if medium:
        parts.append(f"{medium} medium")
    reason = f"{'; '.join(parts)} in {n} sentences"
    if lang.scores.chrf is not None:
        reason += f"; chrF {lang.scores.chrf:.1f}"
    return score, reason


def _worst_sentence(sentences: Sequence[SentenceRecord]) -> SentenceRecord | None:
    """The sentence an editor should read first: its worst flag (a fact first), then its
    chrF; a sentence of a few words is never worst on its chrF alone."""

    def key(s: SentenceRecord) -> tuple[Any, ...]:
        ranks = [SEVERITIES.index(f.severity) for f in s.flags if f.severity in SEVERITIES]
        fact = any(f.kind in _FACT_KINDS and f.severity == "high" for f in s.flags)
        chrf = s.scores.chrf if s.scores.chrf is not None else 101.0
        return (not fact, min(ranks, default=len(SEVERITIES)), chrf, s.id)

    candidates = [
        s
        for s in sentences
        if any(f.kind in _FACT_KINDS for f in s.flags)
        or (s.scores.chrf is not None and len(s.source.split()) >= _MIN_WORST_WORDS)
    ]
    return min(candidates, key=key, default=None)


def failed_row(rel: str, error: str, mode: str = "roundtrip") -> SummaryRow:
    return SummaryRow(
        path=rel, target="", status="failed", mode=mode, error=error.replace("\n", " ")
    )


def sort_rows(rows: Iterable[SummaryRow]) -> list[SummaryRow]:
    return sorted(rows, key=SummaryRow.sort_key)


def summary_json(rows: Sequence[SummaryRow], meta: Mapping[str, Any]) -> str:
    data = {
        "summary_version": SUMMARY_VERSION,
        **meta,
        "articles": len({r.path for r in rows}),
        "failed": sorted({r.path for r in rows if r.status == "failed"}),
        "rows": [asdict(r) for r in rows],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def summary_names(views: SummaryViews) -> list[str]:
    """The files :func:`write_summaries` writes, in the order it writes them."""
    return [*views, SUMMARY_JSON]


def write_summaries(
    out_dir: Path, rows: Sequence[SummaryRow], meta: Mapping[str, Any], views: SummaryViews
) -> None:
    """Each view's file, then ``summary.json``, of the rows sorted worst first."""
    ordered = sort_rows(rows)
    for name, view in views.items():
        write_output(out_dir / name, view(ordered))
    write_output(out_dir / SUMMARY_JSON, summary_json(ordered, meta))


def _find_parts(out_dir: Path) -> dict[int, Path]:
    """The ``summary.part-I-of-N.json`` files by ``I``, checked to be one complete run."""
    parts = sorted(out_dir.glob("summary.part-*-of-*.json"))
    if not parts:
        raise InputError(f"{out_dir}: no summary.part-I-of-N.json files; run with --shard first")
    by_count: dict[int, dict[int, Path]] = {}
    for part in parts:
        pieces = part.name[len("summary.part-") : -len(".json")].split("-of-")
        if len(pieces) == 2 and all(p.isdigit() for p in pieces):
            by_count.setdefault(int(pieces[1]), {})[int(pieces[0])] = part
    if len(by_count) != 1:
        raise InputError(
            f"{out_dir}: summary parts of different shard counts ({sorted(by_count)}); "
            "remove the stale ones"
        )
    count, found = next(iter(by_count.items()))
    missing = [str(i) for i in range(1, count + 1) if i not in found]
    if missing:
        raise InputError(
            f"{out_dir}: shard part(s) {', '.join(missing)} of {count} missing; run them first"
        )
    return found


def merge_summaries(out_dir: Path, views: SummaryViews) -> list[SummaryRow]:
    """Join the ``summary.part-I-of-N.json`` files of a sharded run into the summaries."""
    found = _find_parts(out_dir)
    rows: list[SummaryRow] = []
    meta: dict[str, Any] = {}
    for index in sorted(found):
        try:
            data = json.loads(found[index].read_text(encoding="utf-8"))
            rows += [SummaryRow(**r) for r in data["rows"]]
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise InputError(f"{found[index]}: not a batch summary part ({err})") from None
        meta = {k: data[k] for k in ("mode", "source_lang", "targets") if k in data}
    write_summaries(out_dir, rows, meta, views)
    return sort_rows(rows)
