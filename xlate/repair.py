"""Repair: give a flagged sentence the best of the engine's other translations.

For each distinct sentence the analysis flagged, the engine's n-best candidates (and,
where a glossary names do-not-translate terms in it, a translation that keeps them as
written: ``Translator.translate_keeping``) are translated back and checked one by one,
each alone in a one-sentence document, the original among them under the same
conditions. The candidate with the fewest and mildest flags wins, then the best
round-trip chrF, then the model's score; the original stays unless a candidate is
strictly better, and a sentence without flags is never touched. After the swap the whole
document is analysed again, and a swap that came out worse there is undone.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from xlate.checks.analyse import analyse
from xlate.checks.document import AnalysisSettings
from xlate.checks.glossary import Glossary
from xlate.engines import Translator
from xlate.report import SEVERITIES, CandidateRecord, Flag, LanguageReport, RepairRecord
from xlate.text.segment import segment_lines
from xlate.text.words import shorten
from xlate.translation import EngineInfo, Translation

DEFAULT_CANDIDATES = 4

# analyse(translations, backs) -> the report of the whole document
Analyse = Callable[[Sequence[Translation], Sequence[Translation]], LanguageReport]


@dataclass(frozen=True)
class RepairOptions:
    candidates: int = DEFAULT_CANDIDATES  # n-best hypotheses asked of the engine

    def record(self) -> dict[str, int]:
        """What a report records of the repair (``settings.repair``); batch compares it to
        tell an article repaired with other settings from one that is up to date."""
        return {"candidates": self.candidates}


@dataclass
class _Option:
    """A candidate under consideration: its record and its translation both ways."""

    record: CandidateRecord
    forward: Translation
    back: Translation


def severity_key(flags: Sequence[Flag]) -> tuple[int, ...]:
    """Flags counted per severity, worst first: smaller is better, compared in order."""
    return tuple(sum(1 for f in flags if f.severity == s) for s in SEVERITIES)


def _rank_key(record: CandidateRecord) -> tuple[tuple[int, ...], float, float]:
    chrf = record.chrf if record.chrf is not None else 0.0
    score = record.model_score if record.model_score is not None else -math.inf
    return severity_key(record.flags), -chrf, -score


def repair_language(
    texts: Sequence[str],
    forward: list[Translation],
    backward: list[Translation],
    report: LanguageReport,
    analyse_all: Analyse,
    *,
    src: str,
    tgt: str,
    engine: Translator,
    back_engine: Translator,
    settings: AnalysisSettings,
    options: RepairOptions,
    positions: Sequence[int],
) -> LanguageReport:
    """The report after repair. ``texts`` are the distinct source sentences, ``forward``
    and ``backward`` their translations both ways (replaced in place by the chosen
    candidates); ``positions[i]`` is the distinct index of sentence i of ``report``."""
    flagged = sorted({positions[i] for i, s in enumerate(report.sentences) if s.flags})
    if not flagged:
        return report
    options_of = _candidates(texts, forward, backward, flagged, src, tgt, engine, settings, options)
    _back_translate(options_of, back_engine, src, tgt)
    decisions: dict[int, RepairRecord] = {}
    chosen: dict[int, _Option] = {}
    infos = (engine.info(src, tgt), back_engine.info(tgt, src))
    for index, opts in options_of.items():
        for opt in opts:
            _judge(opt, texts[index], src, tgt, settings, infos)
        decisions[index], best = _choose(opts)
        if best is not opts[0]:
            chosen[index] = best
    original = {i: (forward[i], backward[i]) for i in chosen}
    for index, opt in chosen.items():
        forward[index], backward[index] = opt.forward, opt.back
    final = analyse_all(_spread(forward, positions), _spread(backward, positions))
    before = {positions[i]: s for i, s in enumerate(report.sentences)}
    worse = [
        positions[i]
        for i, s in enumerate(final.sentences)
        if positions[i] in chosen
        and severity_key(s.flags) > severity_key(before[positions[i]].flags)
    ]
    if worse:  # in context the swap did harm (a quote across sentences, say): undo it
        for index in set(worse):
            forward[index], backward[index] = original[index]
            decisions[index] = _kept_in_context(decisions[index])
        final = analyse_all(_spread(forward, positions), _spread(backward, positions))
    for i, sentence in enumerate(final.sentences):
        sentence.repair = decisions.get(positions[i])
    return final


def _spread(items: Sequence[Translation], positions: Sequence[int]) -> list[Translation]:
    return [items[p] for p in positions]


def _candidates(
    texts: Sequence[str],
    forward: Sequence[Translation],
    backward: Sequence[Translation],
    flagged: Sequence[int],
    src: str,
    tgt: str,
    engine: Translator,
    settings: AnalysisSettings,
    options: RepairOptions,
) -> dict[int, list[_Option]]:
    """Per flagged sentence: the original first, then the distinct other candidates."""
    sources = [texts[i] for i in flagged]
    nbest = engine.translate_candidates(sources, src, tgt, options.candidates)
    kept = _kept_translations(sources, src, tgt, engine, settings.glossary)
    out: dict[int, list[_Option]] = {}
    for k, index in enumerate(flagged):
        orig = CandidateRecord(text=forward[index].text, origin="original")
        opts = [_Option(orig, forward[index], backward[index])]
        seen = {forward[index].text}
        for rank, cand in enumerate(nbest[k]):
            if cand.text in seen or not cand.text.strip():
                if cand.text == forward[index].text and orig.model_score is None:
                    orig.rank, orig.model_score = rank, cand.score
                continue
            seen.add(cand.text)
            record = CandidateRecord(
                text=cand.text, origin="nbest", rank=rank, model_score=cand.score
            )
            opts.append(_Option(record, Translation(text=cand.text), Translation(text="")))
        protected = kept.get(k)
        if protected is not None and protected.text not in seen:
            record = CandidateRecord(text=protected.text, origin="kept")
            opts.append(_Option(record, protected, Translation(text="")))
        out[index] = opts
    return out


def _kept_translations(
    sources: Sequence[str], src: str, tgt: str, engine: Translator, glossary: Glossary | None
) -> dict[int, Translation]:
    """Translations keeping the do-not-translate terms of the sentences that have some."""
    if glossary is None:
        return {}
    terms = {k: glossary.kept_terms(s, src, tgt) for k, s in enumerate(sources)}
    todo = [k for k, t in terms.items() if t]
    if not todo:
        return {}
    done = engine.translate_keeping([sources[k] for k in todo], src, tgt, [terms[k] for k in todo])
    return dict(zip(todo, done, strict=True))


def _back_translate(
    options_of: dict[int, list[_Option]], back_engine: Translator, src: str, tgt: str
) -> None:
    """Every new candidate translated back, in one call."""
    new = [opt for opts in options_of.values() for opt in opts[1:]]
    if not new:
        return
    backs = back_engine.translate_batch([o.forward.text for o in new], tgt, src, alignments=True)
    for opt, back in zip(new, backs, strict=True):
        opt.back = back
        opt.record.back_translation = back.text
    for opts in options_of.values():
        opts[0].record.back_translation = opts[0].back.text


def _judge(
    opt: _Option,
    source: str,
    src: str,
    tgt: str,
    settings: AnalysisSettings,
    infos: tuple[EngineInfo, EngineInfo],
) -> None:
    """The checks and round-trip chrF of one candidate, alone in a one-sentence document.

    The forward alignment is left out for every candidate, the original too: n-best
    hypotheses come without one, and all must be judged alike."""
    doc = segment_lines(" ".join(source.split()), src)
    forward = Translation(
        text=opt.forward.text, unknown_words=opt.forward.unknown_words, notes=opt.forward.notes
    )
    result = analyse(
        doc, tgt, [forward], [opt.back], forward=infos[0], back=infos[1], settings=settings
    )
    sentence = result.sentences[0]
    opt.record.flags = sentence.flags
    opt.record.chrf = sentence.scores.chrf


def _choose(opts: list[_Option]) -> tuple[RepairRecord, _Option]:
    original = opts[0]
    best = min(opts, key=lambda o: _rank_key(o.record))
    if _rank_key(best.record) >= _rank_key(original.record):
        best = original
    best.record.chosen = True
    record = RepairRecord(
        original=original.record.text,
        chosen=opts.index(best),
        reason=_reason(original.record, best.record),
        candidates=[o.record for o in opts],
    )
    return record, best


def _kinds(flags: Sequence[Flag]) -> str:
    return ", ".join(f"{f.kind} ({f.severity})" for f in flags) or "none"


def _reason(original: CandidateRecord, best: CandidateRecord) -> str:
    if best is original:
        return "no candidate was better than the original translation: kept"
    which = (
        f"n-best candidate {best.rank + 1}"
        if best.origin == "nbest" and best.rank is not None
        else "the translation with the glossary's terms kept"
        if best.origin == "kept"
        else "a candidate"
    )
    if severity_key(best.flags) != severity_key(original.flags):
        return f"{which}: flags {_kinds(original.flags)} -> {_kinds(best.flags)}"
    if (best.chrf or 0.0) != (original.chrf or 0.0):
        return (
            f"{which}: same flags, round-trip chrF {original.chrf or 0.0:.1f} -> "
            f"{best.chrf or 0.0:.1f}"
        )
    return f"{which}: same flags and chrF, higher model score ({shorten(best.text, 30)!r})"


def _kept_in_context(record: RepairRecord) -> RepairRecord:
    for candidate in record.candidates:
        candidate.chosen = False
    record.candidates[0].chosen = True
    return RepairRecord(
        original=record.original,
        chosen=0,
        reason=f"kept: in the whole document the candidate fared worse ({record.reason})",
        candidates=record.candidates,
    )
