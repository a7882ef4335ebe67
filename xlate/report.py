"""The round-trip report: plain dataclasses and one versioned JSON schema.

Everything a view, a batch summary or another tool needs is here; views never recompute.
The contract (see docs/report-schema.md): every sentence has ``flags`` (objects with
``kind``, ``severity``, ``reason``), ``scores`` (``chrf``, ``bleu``, ``ter``) and, with
``--lines``, ``line``. Bump SCHEMA_VERSION's major number on any breaking change.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

from xlate.errors import InputError

# 1.1: sentences may carry ``repair`` (--repair); languages record ``origin``
SCHEMA_VERSION = "1.1"

Severity = Literal["high", "medium", "low"]
# Who made a translation: a person (check's default) or an engine (every round trip, or
# check --origin machine). An engine that leaves out a figure or a name has made an
# error; a person who does usually rephrased, so only the machine's omissions are flagged.
Origin = Literal["person", "machine"]
ORIGINS: tuple[str, ...] = get_args(Origin)
# The one severity order, worst first: flag sorting, a sentence's worst flag, counts and
# --fail-on all rank by it.
SEVERITIES: tuple[str, ...] = get_args(Severity)


def severity_rank(severity: str) -> int:
    """0 for the worst severity; a severity xlate does not know ranks after all it knows."""
    try:
        return SEVERITIES.index(severity)
    except ValueError:
        return len(SEVERITIES)


def worst_severity(severities: Iterable[str]) -> str | None:
    """The worst known severity among ``severities``; None when there is none."""
    present = set(severities)
    return next((s for s in SEVERITIES if s in present), None)


def is_at_least(severity: str, threshold: str) -> bool:
    """Whether ``severity`` is ``threshold`` or worse (``--fail-on``)."""
    return severity_rank(severity) <= severity_rank(threshold)


def severity_counts(severities: Iterable[str]) -> dict[str, int]:
    """How many of each severity, every known one present (worst first), unknown ones after."""
    counts = dict.fromkeys(SEVERITIES, 0)
    for severity in severities:
        counts[severity] = counts.get(severity, 0) + 1
    return counts


# Flag kinds; the first six are a contract with other tools.
FLAG_KINDS: tuple[str, ...] = (
    "number",
    "name",
    "quote",
    "quote_lost",
    "score",
    "untranslated",
    "wrong_language",
    "empty",
    "length",
    "repetition",
    "bracket",
    "url",
    "email",
    "acronym",
    "unknown_word",
    "unaligned",
    "too_long",
    "glossary",
    "negation",
    "opposite",
    "omission",
    "addition",
)


@dataclass
class Flag:
    kind: str
    severity: str
    reason: str
    # Where it applies in the source sentence (character offsets), when it is local.
    span: list[int] | None = None
    # Kind-specific detail: {"expected": "14", "found": ["41"]}, {"quote": "q3"}, ...
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class Scores:
    chrf: float | None = None
    bleu: float | None = None
    ter: float | None = None  # None past the TER length bound (xlate.checks.scoring)


@dataclass
class DocumentScores:
    chrf: float | None = None
    bleu: float | None = None
    ter: float | None = None  # over the sentences within the bound; None when none is
    # sacrebleu's signature strings; TER's ends "|max-tokens:100" and, when it left
    # sentences out, "|skipped:K/N"
    signatures: dict[str, str] = field(default_factory=dict)


@dataclass
class QuoteRecord:
    """A quoted phrase of the source and what became of it."""

    id: str  # "q1", "q2", ... in document order
    sentence_ids: list[str]  # the sentence(s) it lies in
    text: str  # inside the marks
    marks: str  # the opening and closing marks, e.g. "“”" or "«»"
    translation: str | None = None
    back_translation: str | None = None
    # kept: every content word found rendered; unverified: a word not found, nothing
    # standing against it; changed: a word or the meaning drifted; lost: not found.
    status: str = "lost"
    matched_by: str | None = None  # "marks" | "alignment" | None
    chrf: float | None = None
    missing_words: list[str] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


@dataclass
class EntityCheck:
    """A number or name of the source and whether translation/back-translation kept it."""

    kind: str  # "number" | "name"
    sentence_id: str
    text: str  # as written in the source
    value: str  # normalised: "14", "1500000", "maduro"
    in_translation: bool
    in_back_translation: bool
    found: list[str] = field(default_factory=list)  # what stood in its place, if anything
    status: str = "ok"  # ok | changed | missing


@dataclass
class CandidateRecord:
    """One translation a repair considered for a sentence, and how it fared."""

    text: str
    origin: str  # "original" | "nbest" (the engine's n-best list) | "kept" (terms protected)
    rank: int | None = None  # its place in the n-best list (0: the engine's best)
    model_score: float | None = None  # the engine's score, higher is better
    back_translation: str | None = None
    chrf: float | None = None  # round-trip chrF of this candidate alone
    flags: list[Flag] = field(default_factory=list)  # the checks on this candidate alone
    chosen: bool = False


@dataclass
class RepairRecord:
    """What ``--repair`` did with a flagged sentence: every candidate, and why one won."""

    original: str  # the translation before repair
    chosen: int  # index into ``candidates`` (0: the original, kept)
    reason: str
    candidates: list[CandidateRecord] = field(default_factory=list)

    @property
    def repaired(self) -> bool:
        return self.chosen != 0


@dataclass
class SentenceRecord:
    id: str
    paragraph: int
    sentence: int
    source: str
    translation: str | None
    back_translation: str | None
    scores: Scores = field(default_factory=Scores)
    flags: list[Flag] = field(default_factory=list)
    line: int | None = None
    # check mode: the translation sentence(s) aligned to this one (ids on the target side)
    aligned_to: list[str] = field(default_factory=list)
    unknown_words: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    repair: RepairRecord | None = None  # with --repair, for a sentence that had flags


@dataclass
class EngineRecord:
    engine: str
    model: str
    revision: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass
class LanguageReport:
    """One target language: forward and back translation, scores, quotes, checks."""

    target: str
    engine: EngineRecord | None  # forward engine (None in check mode: a given translation)
    back_engine: EngineRecord | None  # None with --engine none
    sentences: list[SentenceRecord] = field(default_factory=list)
    quotes: list[QuoteRecord] = field(default_factory=list)
    entities: list[EntityCheck] = field(default_factory=list)
    scores: DocumentScores = field(default_factory=DocumentScores)
    translation_text: str | None = None  # the whole translated article, layout kept
    back_translation_text: str | None = None
    # check mode: translation sentences no source sentence aligned to
    unaligned_translation: list[str] = field(default_factory=list)
    origin: str = "machine"  # one of ORIGINS: who made the translation

    def flags(self) -> list[Flag]:
        """Every sentence's flags (a quote's flags are also on the sentence it starts in)."""
        return [f for s in self.sentences for f in s.flags]

    def flag_counts(self) -> dict[str, int]:
        return severity_counts(f.severity for f in self.flags())

    def repaired(self) -> list[SentenceRecord]:
        """The sentences ``--repair`` gave another translation."""
        return [s for s in self.sentences if s.repair is not None and s.repair.repaired]


@dataclass
class SourceRecord:
    path: str | None
    lang: str
    sha256: str
    sentences: int
    paragraphs: int


@dataclass
class Report:
    mode: str  # "roundtrip" | "check"
    source: SourceRecord
    languages: list[LanguageReport]
    settings: dict[str, Any] = field(default_factory=dict)
    xlate_version: str = ""
    created: str = ""
    schema_version: str = SCHEMA_VERSION

    def language(self, code: str) -> LanguageReport:
        for lang in self.languages:
            if lang.target == code:
                return lang
        raise KeyError(code)

    def worst_severity(self) -> str | None:
        return worst_severity(f.severity for lang in self.languages for f in lang.flags())

    # --- JSON ---------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        # schema_version first, for humans opening the file
        return {"schema_version": data.pop("schema_version"), **data}

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent) + "\n"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        version = str(data.get("schema_version", ""))
        if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            raise InputError(
                f"report schema {version or '?'} is not supported "
                f"(this xlate reads {SCHEMA_VERSION}); re-run xlate to make a new report"
            )
        try:
            return cls(
                schema_version=version,
                mode=data["mode"],
                source=SourceRecord(**data["source"]),
                languages=[_language_from_dict(x) for x in data["languages"]],
                settings=dict(data.get("settings", {})),
                xlate_version=str(data.get("xlate_version", "")),
                created=str(data.get("created", "")),
            )
        except (KeyError, TypeError) as err:
            raise InputError(f"not an xlate report: missing or bad field {err}") from None

    @classmethod
    def load(cls, path: str | Path) -> Report:
        from xlate.textio import read_text

        text = read_text(path)
        try:
            data = json.loads(text)
        except ValueError as err:
            raise InputError(f"{path}: not JSON ({err})") from None
        if not isinstance(data, dict):
            raise InputError(f"{path}: not an xlate report")
        return cls.from_dict(data)


def _flags(items: list[dict[str, Any]]) -> list[Flag]:
    return [Flag(**f) for f in items]


def _repair(data: dict[str, Any] | None) -> RepairRecord | None:
    if not data:
        return None
    candidates = [
        CandidateRecord(
            **{k: v for k, v in c.items() if k != "flags"}, flags=_flags(c.get("flags", []))
        )
        for c in data.get("candidates", [])
    ]
    return RepairRecord(
        original=data["original"],
        chosen=int(data["chosen"]),
        reason=data["reason"],
        candidates=candidates,
    )


def _engine(data: dict[str, Any] | None) -> EngineRecord | None:
    return EngineRecord(**data) if data else None


def _language_from_dict(data: dict[str, Any]) -> LanguageReport:
    sentences = [
        SentenceRecord(
            **{k: v for k, v in s.items() if k not in ("scores", "flags", "repair")},
            scores=Scores(**s.get("scores", {})),
            flags=_flags(s.get("flags", [])),
            repair=_repair(s.get("repair")),
        )
        for s in data.get("sentences", [])
    ]
    quotes = [
        QuoteRecord(
            **{k: v for k, v in q.items() if k != "flags"}, flags=_flags(q.get("flags", []))
        )
        for q in data.get("quotes", [])
    ]
    return LanguageReport(
        target=data["target"],
        engine=_engine(data.get("engine")),
        back_engine=_engine(data.get("back_engine")),
        sentences=sentences,
        quotes=quotes,
        entities=[EntityCheck(**e) for e in data.get("entities", [])],
        scores=DocumentScores(**data.get("scores", {})),
        translation_text=data.get("translation_text"),
        back_translation_text=data.get("back_translation_text"),
        unaligned_translation=list(data.get("unaligned_translation", [])),
        # Reports before 1.1: a given translation (no forward engine) was a person's.
        origin=str(data.get("origin") or ("machine" if data.get("engine") else "person")),
    )
