"""Hand-built round-trip reports for the view tests: fixed scores, no engine, no scoring.

``drift_report()`` is an English article translated into Spanish and Russian with a clean
sentence, a number mismatch (14 -> 41), a changed quote, a lost quote with a missing name,
accented (also decomposed) Latin text and Cyrillic. ``check_report()`` is check mode with
no back-translation; ``hostile_report()`` carries markup that views must escape.

Run ``python tests/report_fixtures.py OUT.json`` to write ``drift_report()`` as JSON (the
scripts in scripts/ use it).
"""

from __future__ import annotations

import sys
from pathlib import Path

from xlate.report import (
    DocumentScores,
    EngineRecord,
    EntityCheck,
    Flag,
    LanguageReport,
    QuoteRecord,
    Report,
    Scores,
    SentenceRecord,
    SourceRecord,
)

SIGNATURES = {
    "chrf": "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0",
    "bleu": "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0",
    "ter": "nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0",
}

SOURCE = [
    "Venezuelan President Nicolás Maduro has asked Russia for military aid.",
    "The request includes 14 missile units and the refurbishment of Su-30MK2 fighters.",
    "The letter called the Su-30 “the most significant deterrent for the Venezuelan "
    "National Government.”",
    "Minister Ramón Celestino Velásquez delivered it and asked for a “three-year "
    "medium-term financing plan.”",
    # Decomposed accent (a + U+0301), as text pasted from some editors arrives.
    "Venezuela has been an ally of Russia since the era of Hugo Cha\u0301vez.",
]

QUOTE_DETERRENT = "the most significant deterrent for the Venezuelan National Government."
QUOTE_FINANCING = "three-year medium-term financing plan."

FLAG_NUMBER = Flag(
    kind="number",
    severity="high",
    reason="number 14 became 41 in the translation",
    detail={"expected": "14", "found": ["41"]},
)
FLAG_QUOTE_CHANGED = Flag(
    kind="quote",
    severity="medium",
    reason="quote q1 drifted (chrF 58): “significant”, “deterrent” did not come back",
    detail={"quote": "q1"},
)
FLAG_QUOTE_LOST = Flag(
    kind="quote_lost",
    severity="high",
    reason="quote q2 was not found in the translation",
    detail={"quote": "q2"},
)
FLAG_NAME = Flag(
    kind="name",
    severity="medium",
    reason="name Velásquez is missing from the translation",
    detail={"expected": "velasquez", "found": []},
)
FLAG_SCORE = Flag(
    kind="score",
    severity="medium",
    reason="the back-translation differs from the original (chrF 45)",
    detail={"chrf": 45.1},
)


def _sentence(
    n: int,
    translation: str | None,
    back: str | None,
    chrf: float | None,
    flags: list[Flag] | None = None,
) -> SentenceRecord:
    return SentenceRecord(
        id=f"p{n}.s1",
        paragraph=n,
        sentence=1,
        source=SOURCE[n - 1],
        translation=translation,
        back_translation=back,
        scores=Scores(
            chrf=chrf,
            bleu=None if chrf is None else round(chrf * 0.6, 2),
            ter=None if chrf is None else round(100 - chrf * 0.8, 2),
        ),
        flags=list(flags or []),
    )


def _source() -> SourceRecord:
    return SourceRecord(
        path="samples/maduro-letter.en.txt",
        lang="en",
        sha256="0" * 64,
        sentences=len(SOURCE),
        paragraphs=len(SOURCE),
    )


def spanish() -> LanguageReport:
    sentences = [
        _sentence(
            1,
            "El presidente venezolano Nicolás Maduro ha pedido ayuda militar a Rusia.",
            "Venezuelan President Nicolás Maduro has asked Russia for military aid.",
            100.0,
        ),
        _sentence(
            2,
            "La solicitud incluye 41 unidades de misiles y la renovación de cazas Su-30MK2.",
            "The application includes 41 missile units and the renovation of Su-30MK2 fighters.",
            68.7,
            [FLAG_NUMBER],
        ),
        _sentence(
            3,
            "La carta calificó al Su-30 como «el disuasivo más importante para el Gobierno "
            "Nacional venezolano».",
            "The letter described the Su-30 as “the most important dissuasive for the "
            "Venezuelan National Government”.",
            58.4,
            [FLAG_QUOTE_CHANGED],
        ),
        _sentence(
            4,
            "El ministro la entregó y pidió un plan de financiación.",
            "The minister delivered it and asked for a financing plan.",
            45.1,
            [FLAG_QUOTE_LOST, FLAG_NAME, FLAG_SCORE],
        ),
        _sentence(
            5,
            "Venezuela es aliada de Rusia desde la época de Hugo Cha\u0301vez.",
            "Venezuela has been Russia's ally since the time of Hugo Chávez.",
            61.9,
        ),
    ]
    quotes = [
        QuoteRecord(
            id="q1",
            sentence_ids=["p3.s1"],
            text=QUOTE_DETERRENT,
            marks="“”",
            translation="el disuasivo más importante para el Gobierno Nacional venezolano",
            back_translation="the most important dissuasive for the Venezuelan National Government",
            status="changed",
            matched_by="marks",
            chrf=58.4,
            missing_words=["significant", "deterrent"],
            flags=[FLAG_QUOTE_CHANGED],
        ),
        QuoteRecord(
            id="q2",
            sentence_ids=["p4.s1"],
            text=QUOTE_FINANCING,
            marks="“”",
            translation=None,
            back_translation=None,
            status="lost",
            matched_by=None,
            chrf=None,
            missing_words=["three-year", "medium-term", "financing", "plan"],
            flags=[FLAG_QUOTE_LOST],
        ),
    ]
    entities = [
        EntityCheck("name", "p1.s1", "Maduro", "maduro", True, True, ["Maduro"], "ok"),
        EntityCheck("number", "p2.s1", "14", "14", False, False, ["41"], "changed"),
        EntityCheck("name", "p2.s1", "Su-30MK2", "su-30mk2", True, True, ["Su-30MK2"], "ok"),
        EntityCheck("name", "p4.s1", "Velásquez", "velasquez", False, False, [], "missing"),
    ]
    return LanguageReport(
        target="es",
        engine=EngineRecord("hf", "Helsinki-NLP/opus-mt-en-es", "main", {"beams": 4}),
        back_engine=EngineRecord("hf", "Helsinki-NLP/opus-mt-es-en", "main", {"beams": 4}),
        sentences=sentences,
        quotes=quotes,
        entities=entities,
        scores=DocumentScores(chrf=67.3, bleu=41.2, ter=47.9, signatures=dict(SIGNATURES)),
    )


def russian() -> LanguageReport:
    sentences = [
        _sentence(
            1,
            "Президент Венесуэлы Николас Мадуро попросил Россию о военной помощи.",
            "Venezuelan President Nicolas Maduro asked Russia for military help.",
            74.2,
        ),
        _sentence(
            2,
            "Запрос включает 14 ракетных комплексов и модернизацию истребителей Су-30МК2.",
            "The request includes 14 missile systems and the modernization of Su-30MK2 fighters.",
            71.5,
        ),
        _sentence(
            3,
            "В письме Су-30 назван «самым значительным сдерживающим фактором для "
            "венесуэльского национального правительства».",
            "The letter called the Su-30 “the most significant deterrent for the Venezuelan "
            "national government”.",
            93.0,
        ),
        _sentence(
            4,
            "Министр Рамон Селестино Веласкес передал его и попросил «трёхлетний "
            "среднесрочный план финансирования».",
            "Minister Ramon Celestino Velasquez handed it over and asked for a “three-year "
            "medium-term financing plan”.",
            82.6,
        ),
        _sentence(
            5,
            "Венесуэла — союзник России со времён Уго Чавеса.",
            "Venezuela has been an ally of Russia since the days of Hugo Chavez.",
            79.8,
        ),
    ]
    quotes = [
        QuoteRecord(
            id="q1",
            sentence_ids=["p3.s1"],
            text=QUOTE_DETERRENT,
            marks="“”",
            translation="самым значительным сдерживающим фактором для венесуэльского "
            "национального правительства",
            back_translation="the most significant deterrent for the Venezuelan national "
            "government",
            status="kept",
            matched_by="marks",
            chrf=95.6,
        ),
        QuoteRecord(
            id="q2",
            sentence_ids=["p4.s1"],
            text=QUOTE_FINANCING,
            marks="“”",
            translation="трёхлетний среднесрочный план финансирования",
            back_translation="three-year medium-term financing plan",
            status="kept",
            matched_by="marks",
            chrf=97.1,
        ),
    ]
    entities = [
        EntityCheck("name", "p1.s1", "Maduro", "maduro", True, True, ["Мадуро"], "ok"),
        EntityCheck("number", "p2.s1", "14", "14", True, True, ["14"], "ok"),
        EntityCheck("name", "p4.s1", "Velásquez", "velasquez", True, True, ["Веласкес"], "ok"),
    ]
    return LanguageReport(
        target="ru",
        engine=EngineRecord("hf", "Helsinki-NLP/opus-mt-en-ru", "main", {"beams": 4}),
        back_engine=EngineRecord("hf", "Helsinki-NLP/opus-mt-ru-en", "main", {"beams": 4}),
        sentences=sentences,
        quotes=quotes,
        entities=entities,
        scores=DocumentScores(chrf=80.4, bleu=52.7, ter=33.1, signatures=dict(SIGNATURES)),
    )


def drift_report() -> Report:
    return Report(
        mode="roundtrip",
        source=_source(),
        languages=[spanish(), russian()],
        settings={"thresholds": {"sentence_chrf_medium": 55.0, "sentence_chrf_high": 35.0}},
        xlate_version="0.1.0",
        created="2025-01-01T00:00:00+00:00",
    )


def check_report() -> Report:
    """Check mode: a given Spanish translation, no engine, no back-translation."""
    lang = spanish()
    lang.engine = None
    lang.back_engine = None
    lang.scores = DocumentScores()
    for sent in lang.sentences:
        sent.back_translation = None
        sent.scores = Scores()
    lang.sentences[4].translation = None
    lang.unaligned_translation = ["Una frase que no corresponde a nada."]
    return Report(
        mode="check",
        source=_source(),
        languages=[lang],
        xlate_version="0.1.0",
        created="2025-01-01T00:00:00+00:00",
    )


HOSTILE = 'He wrote <script>alert("x")</script> & <b>bold</b> | a *pipe* `tick` [link](http://x).'


def hostile_report() -> Report:
    """Text that is markup in HTML and Markdown; every view must show it as text."""
    sent = SentenceRecord(
        id="p1.s1",
        paragraph=1,
        sentence=1,
        source=HOSTILE,
        translation="Escribió <script>alert('y')</script> & <i>x</i> | *no*.",
        back_translation="He wrote <script>alert('y')</script> & <i>x</i> | *no*.",
        scores=Scores(chrf=40.0, bleu=20.0, ter=60.0),
        flags=[Flag("quote_lost", "high", "quote q1 <img src=x onerror=alert(1)> was lost")],
    )
    quote = QuoteRecord(
        id="q1",
        sentence_ids=["p1.s1"],
        text='<script>alert("x")</script>',
        marks='""',
        status="lost",
        missing_words=["<script>"],
        flags=list(sent.flags),
    )
    lang = LanguageReport(
        target="es",
        engine=EngineRecord("fake", "<model>", None, {}),
        back_engine=EngineRecord("fake", "<model>", None, {}),
        sentences=[sent],
        quotes=[quote],
        scores=DocumentScores(chrf=40.0, bleu=20.0, ter=60.0, signatures={"chrf": "<sig>"}),
    )
    return Report(
        mode="roundtrip",
        source=SourceRecord("<evil>.txt", "en", "0" * 64, 1, 1),
        languages=[lang],
        xlate_version="0.1.0",
        created="2025-01-01T00:00:00+00:00",
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/report_fixtures.py OUT.json")
    Path(sys.argv[1]).write_text(drift_report().to_json(), encoding="utf-8")
