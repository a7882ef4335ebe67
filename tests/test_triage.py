"""The batch summary's triage score: changed facts first, robust to an article's length,
its reason quoting the figures; the worst sentence never a short one on chrF alone."""

from __future__ import annotations

from xlate.batch.summary import rows_from_report, sort_rows, triage
from xlate.report import DocumentScores, Flag, LanguageReport, Report, Scores, SentenceRecord
from xlate.views.batch_summary import render_markdown


def _sentence(i: int, text: str, chrf: float, flags: list[Flag] | None = None) -> SentenceRecord:
    return SentenceRecord(
        id=f"p{i}.s1", paragraph=i, sentence=1, source=text, translation=text,
        back_translation=text, scores=Scores(chrf=chrf), flags=flags or [],
    )  # fmt: skip


LONG = "The minister said the plan would be presented to parliament next week."
NUMBER = Flag(kind="number", severity="high", reason="14 became 41")
SCORE = Flag(kind="score", severity="medium", reason="chrF 30")


def _lang(sentences: list[SentenceRecord]) -> LanguageReport:
    return LanguageReport(
        target="es", engine=None, back_engine=None, sentences=sentences,
        scores=DocumentScores(chrf=60.0),
    )  # fmt: skip


def _report(sentences: list[SentenceRecord]) -> Report:
    report = Report.__new__(Report)
    report.languages = [_lang(sentences)]
    report.mode = "roundtrip"
    return report


def test_a_changed_fact_outranks_many_remarks_and_length_does_not_count() -> None:
    fact = [_sentence(1, LONG, 80.0, [NUMBER])] + [_sentence(i, LONG, 80.0) for i in range(2, 40)]
    remarks = [_sentence(i, LONG, 40.0, [SCORE]) for i in range(1, 4)]
    remarks += [_sentence(i, LONG, 80.0) for i in range(4, 10)]
    fact_score, fact_reason = triage(_lang(fact))
    remark_score, _ = triage(_lang(remarks))
    assert fact_score > remark_score
    assert fact_reason == "1 changed facts (1 number) in 39 sentences; chrF 60.0"
    # the same error in an article four times as long loses half its density, not 3/4
    longer = fact + [_sentence(i, LONG, 80.0) for i in range(40, 157)]
    assert triage(_lang(longer))[0] == round((fact_score - 5.0) / 2 + 5.0, 1)


def test_summary_sorts_by_triage_and_shows_why() -> None:
    worse = rows_from_report(_report([_sentence(1, LONG, 80.0, [NUMBER])]), "a.txt", "a.json")
    milder = rows_from_report(_report([_sentence(1, LONG, 20.0, [SCORE])]), "b.txt", "b.json")
    rows = sort_rows(milder + worse)
    assert [r.path for r in rows] == ["a.txt", "b.txt"]  # despite b's lower chrF
    table = render_markdown(rows)
    assert "| Triage | Why |" in table and "1 changed facts (1 number)" in table


def test_worst_sentence_is_not_a_short_one_on_chrf_alone() -> None:
    sentences = [
        _sentence(1, "Shopping", 2.0, [Flag(kind="score", severity="medium", reason="chrF 2")]),
        _sentence(2, LONG, 55.0),
        _sentence(3, LONG, 70.0, [NUMBER]),
    ]
    (row,) = rows_from_report(_report(sentences), "a.txt", "a.json")
    assert row.worst_sentence == "p3.s1"  # the changed fact, not "Shopping"
    (row,) = rows_from_report(_report(sentences[:2]), "a.txt", "a.json")
    assert row.worst_sentence == "p2.s1"
