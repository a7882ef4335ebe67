"""Drift logic through an engine whose output the tests control (the fake engine)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from xlate.check import check
from xlate.cli import app
from xlate.engines.fake import FakeTranslator
from xlate.report import Report
from xlate.roundtrip import roundtrip
from xlate.text.segment import segment_lines, segment_text

QUOTE = "The letter called the Su-30 “the most significant deterrent for the Venezuelan National Government.”"
NUMBER = "Maduro asked Moscow for 14 missile units."
NAME = "Putin met Maduro in Moscow on Friday."
LOST = "He called the agreement “a historic day for both nations.”"
CLEAN = "The talks will continue next week in Caracas."

ARTICLE = "\n\n".join([QUOTE, NUMBER, NAME, LOST, CLEAN]) + "\n"

SCRIPT = {
    "en-es": {
        QUOTE: "La carta calificó al Su-30 como «el elemento disuasorio más importante para el Gobierno Nacional venezolano».",
        NUMBER: "Maduro pidió a Moscú 41 unidades de misiles.",
        NAME: "Putin se reunió con él en Moscú el viernes.",
        LOST: "Calificó el acuerdo como un día histórico para ambas naciones.",
        CLEAN: "Las conversaciones continuarán la próxima semana en Caracas.",
    },
    "es-en": {
        "La carta calificó al Su-30 como «el elemento disuasorio más importante para el Gobierno Nacional venezolano».": "The letter described the Su-30 as “the most important dissuasive element for the Venezuelan National Government”.",
        "Maduro pidió a Moscú 41 unidades de misiles.": "Maduro asked Moscow for 41 missile units.",
        "Putin se reunió con él en Moscú el viernes.": "Putin met him in Moscow on Friday.",
        "Calificó el acuerdo como un día histórico para ambas naciones.": "He called the agreement a historic day for both nations.",
        "Las conversaciones continuarán la próxima semana en Caracas.": CLEAN,
    },
}


@pytest.fixture()
def report() -> Report:
    doc = segment_text(ARTICLE, "en")
    return roundtrip(doc, "en", "es", engine=FakeTranslator(script=SCRIPT))


def flags_of(report: Report, sentence_id: str) -> list[tuple[str, str]]:
    sentence = next(s for s in report.languages[0].sentences if s.id == sentence_id)
    return [(f.kind, f.severity) for f in sentence.flags]


def test_a_correct_rendering_of_the_quote_is_not_flagged(report: Report) -> None:
    # "deterrent" -> "elemento disuasorio" -> "dissuasive element": the back-translation
    # reworded it, the translation renders it (lexicon); nothing of the quote is missing
    quote = report.languages[0].quotes[0]
    assert quote.text.startswith("the most significant deterrent")
    assert quote.translation is not None and quote.translation.startswith("el elemento disuasorio")
    assert quote.back_translation is not None and "dissuasive" in quote.back_translation
    assert "deterrent" not in quote.missing_words
    assert quote.status in ("kept", "unverified")
    assert "quote" not in [kind for kind, _ in flags_of(report, "p1.s1")]


def test_changed_number_is_flagged(report: Report) -> None:
    kinds = flags_of(report, "p2.s1")
    assert ("number", "high") in kinds
    reason = next(f.reason for f in report.languages[0].sentences[1].flags if f.kind == "number")
    assert "14" in reason


def test_dropped_name_is_flagged(report: Report) -> None:
    assert any(kind == "name" for kind, _ in flags_of(report, "p3.s1"))
    entity = next(
        e
        for e in report.languages[0].entities
        if e.sentence_id == "p3.s1" and e.kind == "name" and "maduro" in e.value.lower()
    )
    assert entity.status != "ok"


def test_lost_quotation_marks_are_reported_lost(report: Report) -> None:
    quote = report.languages[0].quotes[1]
    assert quote.text.startswith("a historic day")
    assert quote.status == "lost"
    assert ("quote_lost", "high") in flags_of(report, "p4.s1")


def test_unchanged_round_trip_is_not_flagged(report: Report) -> None:
    assert flags_of(report, "p5.s1") == []
    clean = segment_text(CLEAN + "\n" + QUOTE + "\n", "en")
    echo = roundtrip(clean, "en", "es", engine=FakeTranslator(), back_engine=FakeTranslator())
    # An echo engine "translates" into English: that is flagged as untranslated, but the
    # round trip itself (scores, quotes, numbers, names) is perfect.
    lang = echo.languages[0]
    assert all(q.status == "kept" for q in lang.quotes)
    assert all(s.scores.chrf == 100.0 for s in lang.sentences)
    assert not [
        f
        for s in lang.sentences
        for f in s.flags
        if f.kind in ("number", "name", "quote", "quote_lost", "score")
    ]


def test_report_json_round_trips(report: Report, tmp_path: Path) -> None:
    data = json.loads(report.to_json())
    assert data["schema_version"] == "1.1"
    assert data["languages"][0]["origin"] == "machine"  # a round trip is always an engine's
    sentence = data["languages"][0]["sentences"][1]
    assert {"chrf", "bleu", "ter"} <= sentence["scores"].keys()
    assert all({"kind", "severity", "reason"} <= f.keys() for f in sentence["flags"])
    assert Report.from_dict(data) == report
    signatures = data["languages"][0]["scores"]["signatures"]
    assert signatures["chrf"].startswith("nrefs:1|")


def write_script(tmp_path: Path) -> Path:
    path = tmp_path / "script.json"
    path.write_text(json.dumps(SCRIPT, ensure_ascii=False), encoding="utf-8")
    return path


def test_cli_roundtrip_report_and_fail_on(tmp_path: Path) -> None:
    article = tmp_path / "article.en.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "report.json"
    runner = CliRunner()
    args = [
        "roundtrip",
        str(article),
        "--from",
        "en",
        "--to",
        "es",
        "--engine",
        "fake",
        "--model",
        str(write_script(tmp_path)),
        "--report",
        str(out),
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "deterrent" in result.stdout  # the summary names the missing quoted word
    report = Report.load(out)
    assert report.mode == "roundtrip" and report.languages[0].target == "es"
    failed = runner.invoke(app, [*args, "--fail-on", "high"])
    assert failed.exit_code == 3
    assert "--fail-on" in failed.stderr


def test_cli_threshold_override_and_bad_value(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(CLEAN + "\n", encoding="utf-8")
    runner = CliRunner()
    base = [
        "roundtrip",
        str(article),
        "--from",
        "en",
        "--to",
        "es",
        "--engine",
        "fake",
        "--model",
        str(write_script(tmp_path)),
        "--json",
    ]
    ok = runner.invoke(app, [*base, "--threshold", "sentence_chrf_medium=101"])
    assert ok.exit_code == 0, ok.output
    data = json.loads(ok.stdout)
    assert [f["kind"] for f in data["languages"][0]["sentences"][0]["flags"]] == ["score"] or data[
        "languages"
    ][0]["sentences"][0]["scores"]["chrf"] == 100.0
    bad = runner.invoke(app, [*base, "--threshold", "nonsense=1"])
    assert bad.exit_code == 1 and "unknown threshold" in bad.stderr


def test_check_aligns_and_reports_unaligned() -> None:
    source = segment_text(f"{NUMBER} {CLEAN}\n", "en")
    # The translator merged nothing but added a sentence of their own.
    translation = segment_text(
        "Maduro pidió a Moscú 14 unidades de misiles. Las conversaciones continuarán la "
        "próxima semana en Caracas. Fuentes oficiales no comentaron.\n",
        "es",
    )
    report = check(source, translation, back_engine=None)
    lang = report.languages[0]
    assert report.mode == "check"
    assert (lang.sentences[0].translation or "").startswith("Maduro pidió")
    assert lang.unaligned_translation and "Fuentes oficiales" in lang.unaligned_translation[0]
    assert not [f for f in lang.sentences[0].flags if f.kind == "number"]


def test_check_lines_needs_equal_counts(tmp_path: Path) -> None:
    src = tmp_path / "src.en"
    tgt = tmp_path / "tgt.es"
    src.write_text("One.\nTwo.\n", encoding="utf-8")
    tgt.write_text("Uno.\n", encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["check", str(src), str(tgt), "--from", "en", "--to", "es", "--lines", "--engine", "none"],
    )
    assert result.exit_code == 1
    assert "same number of lines" in result.stderr


def test_check_lines_records_line_numbers() -> None:
    source = segment_lines("Maduro asked for 14 units.\n\nPutin agreed.\n", "en")
    translation = segment_lines("Maduro pidió 15 unidades.\n\nPutin aceptó.\n", "es")
    report = check(source, translation, back_engine=None, lines=True)
    sentences = report.languages[0].sentences
    assert [s.line for s in sentences] == [1, 3]
    assert any(f.kind == "number" for f in sentences[0].flags)


def test_check_refuses_stdin_twice() -> None:
    result = CliRunner().invoke(
        app, ["check", "-", "-", "--from", "en", "--to", "es", "--engine", "none"], input="x\n"
    )
    assert result.exit_code == 1
    assert "standard input" in result.stderr


def test_check_with_engine_none_reads_stdin_source(tmp_path: Path) -> None:
    translation = tmp_path / "t.es"
    translation.write_text("Maduro pidió 15 unidades.\n", encoding="utf-8")
    result = CliRunner().invoke(
        app,
        [
            "check",
            "-",
            str(translation),
            "--from",
            "en",
            "--to",
            "es",
            "--engine",
            "none",
            "--json",
        ],
        input="Maduro asked for 14 units.\n",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["languages"][0]["back_engine"] is None
    kinds = [f["kind"] for f in data["languages"][0]["sentences"][0]["flags"]]
    assert "number" in kinds


def test_check_flags_only_round_trips_far_worse_than_the_document() -> None:
    # A person's translation comes back from an engine reworded: every sentence here
    # scores well under the absolute chrF thresholds; only the one whose back-translation
    # says something else entirely stands out from the document and is flagged.
    sources = [
        f"The regional council approved the new budget for {n} schools on Tuesday evening."
        for n in ("twelve", "seven", "nine", "eleven", "four", "five", "six", "eight", "ten")
    ] + ["Officials said the vote on the harbour project would take place in spring."]
    translations = [f"Traducción número {i} de una frase del consejo regional." for i in range(10)]
    backs = {
        t: f"On Tuesday night the council of the region passed a fresh budget covering {n} schools."
        for t, n in zip(
            translations,
            ("twelve", "seven", "nine", "eleven", "four", "five", "six", "eight", "ten"),
            strict=False,
        )
    }
    backs[translations[9]] = "Heavy snow closed mountain roads and ski resorts across the north."
    report = check(
        segment_lines("\n".join(sources) + "\n", "en"),
        segment_lines("\n".join(translations) + "\n", "es"),
        back_engine=FakeTranslator(script={"es-en": backs}),
        lines=True,
    )
    sentences = report.languages[0].sentences
    assert all(s.scores.chrf is not None and s.scores.chrf < 55 for s in sentences)
    scored = [s.line for s in sentences if any(f.kind == "score" for f in s.flags)]
    assert scored == [10]


def test_check_a_dropped_aside_is_style_a_dropped_figure_is_not() -> None:
    source = segment_lines(
        "Así, la tal gabardina (o como dicen en inglés, trench-coat) se puede vestir a lo "
        "clásico.\nEl balón no atravesó la línea de portería (minuto 33).\n",
        "es",
    )
    translation = segment_lines(
        "A trench coat may be worn in the standard way.\nThe ball did not cross the line.\n",
        "en",
    )
    sentences = check(source, translation, back_engine=None, lines=True).languages[0].sentences
    assert not [f for f in sentences[0].flags if f.kind == "bracket"]
    assert [f.kind for f in sentences[1].flags if f.kind == "bracket"] == ["bracket"]


def test_each_text_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Quotes, numbers and names are extracted once per text and shared between checks."""
    from collections import Counter

    from xlate.checks import document

    calls: Counter[tuple[str, str, str]] = Counter()
    for name in ("extract_quotes", "extract_numbers", "extract_names"):
        original = getattr(document, name)

        def counting(text: str, lang: str, _name: str = name, _f=original):  # type: ignore[no-untyped-def]
            calls[(_name, text, lang)] += 1
            return _f(text, lang)

        monkeypatch.setattr(document, name, counting)
    doc = segment_text(ARTICLE, "en")
    roundtrip(doc, "en", "es", engine=FakeTranslator(script=SCRIPT))
    assert calls and max(calls.values()) == 1
    assert {name for name, _, _ in calls} == {"extract_quotes", "extract_numbers", "extract_names"}


def test_the_runner_calls_the_checks_it_is_given() -> None:
    from xlate.checks.analyse import analyse
    from xlate.checks.base import DEFAULT_CHECKS
    from xlate.checks.document import AnalysedDocument, AnalysisSettings, Findings
    from xlate.report import Flag
    from xlate.translation import Translation

    class Shouting:
        name = "shouting"

        def run(self, document: AnalysedDocument, settings: AnalysisSettings) -> Findings:
            found = Findings()
            for pair in document.pairs:
                if pair.translation.text.isupper():
                    found.add(pair.index, [Flag(kind="shouting", severity="low", reason="caps")])
            return found

    assert len({check.name for check in DEFAULT_CHECKS}) == len(DEFAULT_CHECKS)
    doc = segment_lines("Hello there.\nGood bye.\n", "en")
    translations = [Translation("HOLA AHÍ."), Translation("Adiós.")]
    language = analyse(doc, "es", translations, None, forward=None, back=None, checks=[Shouting()])
    assert [[f.kind for f in s.flags] for s in language.sentences] == [["shouting"], []]


def test_each_distinct_sentence_and_each_distinct_translation_is_translated_once() -> None:
    # Two different sentences that translate alike come back once, as repeats go out once.
    engine = FakeTranslator(
        script={"en-es": {"He said yes.": "Dijo que sí.", "He replied yes.": "Dijo que sí."}}
    )
    text = "He said yes.\n\nHe replied yes.\n\nHe said yes.\n"
    report = roundtrip(text, "en", "es", engine=engine)
    assert [(src, tgt, batch) for src, tgt, batch in engine.calls] == [
        ("en", "es", ["He said yes.", "He replied yes."]),
        ("es", "en", ["Dijo que sí."]),
    ]
    sentences = report.language("es").sentences
    assert [s.back_translation for s in sentences] == ["Dijo que sí."] * 3


def test_check_an_aside_kept_as_a_clause_keeps_its_figures_punctuation_aside() -> None:
    # newstest2012: "(33.)" is a Spanish ordinal, "OS/2," a figure before a comma; the
    # translations keep both outside brackets ("in the 33rd minute", "OS/2;").
    source = segment_lines(
        "El antiguo jugador del equipo de Wolfsburg mandó un cabezazo al palo, pero el "
        "balón no atravesó la línea de portería (33.).\nIBM no acertó siempre (IBM no "
        "apostó por su propio sistema operativo, OS/2, servicios en línea Prodigy).\n",
        "es",
    )
    translation = segment_lines(
        "The former Wolfsburg player put a header onto the crossbar in the 33rd minute, "
        "but the ball did not go over the goal line.\nIBM was not always right. For "
        "example, IBM failed with its own operating system OS/2; Prodigy on-line services.\n",
        "en",
    )
    sentences = check(source, translation, back_engine=None, lines=True).languages[0].sentences
    assert not [f for s in sentences for f in s.flags if f.kind == "bracket"]


def test_check_a_person_may_say_a_phrase_again_in_parallel() -> None:
    # newstest2012: the Russian says "впервые в истории" twice (three words for six);
    # the Spanish repeats "al pueblo de Libia por su" in two parallel clauses where the
    # Russian varied its words.
    source = segment_lines(
        "Впервые в истории в 2008 году чехи больше половины своих отпусков провели за "
        "границей; и впервые в истории они потратили более 15 тысяч крон на человека.\n"
        "Резолюция восхищается народом Ливии за его невероятную храбрость и благодарит "
        "мужчин и женщин Вооруженных сил, которые участвовали в военной операции по защите "
        "ливийского народа, за их необыкновенную смелость.\n",
        "ru",
    )
    translation = segment_lines(
        "En 2008 los checos, por primera vez en su historia, han pasado más de la mitad de "
        "sus vacaciones en el extranjero y por primera vez en su historia, se han gastado "
        "más de 15 mil coronas por cabeza.\nLa resolución felicita al pueblo de Libia por su "
        "tremendo coraje y elogia a los hombres y mujeres de las Fuerzas Armadas que "
        "participaron en operaciones militares para proteger al pueblo de Libia por su "
        "extraordinaria valentía.\n",
        "es",
    )
    sentences = check(source, translation, back_engine=None, lines=True).languages[0].sentences
    assert not [f for s in sentences for f in s.flags if f.kind == "repetition"]


# Apertium's round trips of two quotes of newstest2012 (tuning half, lines 279 and 634):
# the back-translation rewords a word the translation renders, so nothing is missing.
REWORDED = {
    "en-es": {
        '"I try to be objective."': '" Intento ser objetivo."',
        '"I did not expect it to be such a tough war."': '"No lo esperé para ser un guerra tan dura."',
    },
    "es-en": {
        '" Intento ser objetivo."': '"Attempt be objective."',
        '"No lo esperé para ser un guerra tan dura."': '"I did not expect it to be a so hard war."',
        # the same with the key word replaced by its opposite
        '" Intento ser subjetivo."': '"Attempt be subjective."',
        '"No lo esperé para ser un guerra tan fácil."': '"I did not expect it to be a so easy war."',
    },
}


@pytest.mark.parametrize("source", list(REWORDED["en-es"]))
def test_a_word_the_translation_renders_is_not_missing_on_the_way_back(source: str) -> None:
    report = roundtrip(
        segment_text(source, "en"), "en", "es", engine=FakeTranslator(script=REWORDED)
    )
    (quote,) = report.languages[0].quotes
    assert quote.missing_words == []
    assert quote.status in ("kept", "unverified")
    assert quote.flags == []


def test_a_word_replaced_by_its_opposite_is_still_flagged() -> None:
    # "subjetivo" looks like "objetivo", the rendering of "objective": a look-alike that
    # means the word's opposite renders nothing, it stands for an antonym
    source, opposite = '"I try to be objective."', '" Intento ser subjetivo."'
    script = {"en-es": {source: opposite}, "es-en": REWORDED["es-en"]}
    report = roundtrip(segment_text(source, "en"), "en", "es", engine=FakeTranslator(script=script))
    (quote,) = report.languages[0].quotes
    assert quote.status == "changed"
    assert [f.severity for f in quote.flags] == ["high"]
    assert "“objective” became “subjetivo”" in quote.flags[0].reason
    assert quote.missing_words == ["objective"]  # a changed quote still lists what was lost


def test_a_word_neither_rendered_nor_back_is_still_missing() -> None:
    source, changed = (
        '"I did not expect it to be such a tough war."',
        '"No lo esperé para ser un guerra tan fácil."',
    )
    script = {"en-es": {source: changed}, "es-en": REWORDED["es-en"]}
    report = roundtrip(segment_text(source, "en"), "en", "es", engine=FakeTranslator(script=script))
    (quote,) = report.languages[0].quotes
    assert quote.missing_words == ["tough"]
    assert quote.status == "changed" and quote.flags
