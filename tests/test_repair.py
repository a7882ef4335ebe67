"""--repair: scripted n-best lists (fake engine) where the first hypothesis drifts and a
later one does not; the cache; the report, views and CLI."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from xlate.cache import CachedTranslator, CacheStore
from xlate.checks.document import AnalysisSettings
from xlate.checks.glossary import load_glossary
from xlate.cli import app
from xlate.engines.fake import FakeTranslator, Script
from xlate.repair import RepairOptions
from xlate.report import Report
from xlate.roundtrip import roundtrip
from xlate.views.html import render_html
from xlate.views.markdown import render_markdown
from xlate.views.terminal import render_plain, render_terminal

runner = CliRunner()

NUMBER = "The minister said 14 people died in Caracas on Monday."
NUMBER_BAD = "El ministro dijo que 41 personas murieron en Caracas el lunes."
NUMBER_GOOD = "El ministro dijo que 14 personas murieron en Caracas el lunes."
NAME = "Roger Stone spoke to reporters in Washington."
NAME_BAD = "Roger Piedra habló con los periodistas en Washington."
NAME_GOOD = "Roger Stone habló con los periodistas en Washington."
QUOTE = 'Maduro said: "We will buy twelve Russian fighter jets."'
QUOTE_BAD = 'Maduro dijo: "Compraremos aviones de combate."'
QUOTE_GOOD = 'Maduro dijo: "Compraremos doce aviones de combate rusos."'
CLEAN = "The weather in Caracas was fine on Tuesday."
CLEAN_ES = "El tiempo en Caracas fue bueno el martes."
CLEAN_OTHER = "El clima en Caracas estuvo bien el martes."

SCRIPT: Script = {
    "en-es": {
        NUMBER: [NUMBER_BAD, {"text": NUMBER_GOOD, "score": -0.4}],
        NAME: [NAME_BAD, NAME_GOOD],
        QUOTE: [QUOTE_BAD, QUOTE_GOOD],
        # a clean sentence with another candidate: it must never be swapped
        CLEAN: [CLEAN_ES, CLEAN_OTHER],
    },
    "es-en": {
        NUMBER_BAD: "The minister said 41 people died in Caracas on Monday.",
        NUMBER_GOOD: NUMBER,
        NAME_BAD: "Roger Stone spoke with the journalists in Washington.",
        NAME_GOOD: "Roger Stone spoke with the journalists in Washington.",
        QUOTE_BAD: 'Maduro said: "We will buy fighter jets."',
        QUOTE_GOOD: 'Maduro said: "We will buy twelve Russian fighter jets."',
        CLEAN_ES: CLEAN,
        CLEAN_OTHER: CLEAN,
    },
}

ARTICLE = "\n\n".join([NUMBER, NAME, QUOTE, CLEAN]) + "\n"


def _glossary(tmp_path: Path) -> AnalysisSettings:
    path = tmp_path / "terms.tsv"
    path.write_text("src\ttgt\tsource\ttarget\nen\t*\tRoger Stone\n", encoding="utf-8")
    return AnalysisSettings(glossary=load_glossary(path))


def _run(engine: FakeTranslator, settings: AnalysisSettings | None = None) -> Report:
    return roundtrip(
        ARTICLE, "en", "es", engine=engine, settings=settings, repair=RepairOptions(candidates=4)
    )


def test_repair_picks_the_candidate_that_does_not_drift(tmp_path: Path) -> None:
    report = _run(FakeTranslator(script=SCRIPT), _glossary(tmp_path))
    lang = report.language("es")
    by_source = {s.source: s for s in lang.sentences}
    number, name, quote = by_source[NUMBER], by_source[NAME], by_source[QUOTE]
    assert number.translation == NUMBER_GOOD
    assert name.translation == NAME_GOOD
    assert quote.translation == QUOTE_GOOD
    for sentence in (number, name, quote):
        assert sentence.flags == []
        assert sentence.repair is not None and sentence.repair.repaired
        assert sentence.repair.candidates[sentence.repair.chosen].chosen
    assert number.repair is not None
    assert "number (high) -> none" in number.repair.reason
    assert number.repair.candidates[1].model_score == -0.4
    assert number.repair.candidates[0].text == NUMBER_BAD
    assert [f.kind for f in number.repair.candidates[0].flags] == ["number"]
    assert name.repair is not None and "glossary (high)" in name.repair.reason
    assert quote.repair is not None and "quote" in quote.repair.reason
    # the article text is the repaired one
    assert lang.translation_text is not None and NUMBER_GOOD in lang.translation_text


def test_a_clean_sentence_is_never_replaced() -> None:
    report = _run(FakeTranslator(script=SCRIPT))
    clean = next(s for s in report.language("es").sentences if s.source == CLEAN)
    assert clean.translation == CLEAN_ES
    assert clean.repair is None


def test_a_candidate_no_better_keeps_the_original() -> None:
    # every candidate drifts the same way: nothing is swapped, and the record says so
    script: Script = {
        "en-es": {NUMBER: [NUMBER_BAD, NUMBER_BAD.replace("lunes", "martes")]},
        "es-en": SCRIPT["es-en"],
    }
    report = roundtrip(
        NUMBER, "en", "es", engine=FakeTranslator(script=script), repair=RepairOptions()
    )
    sentence = report.language("es").sentences[0]
    assert sentence.translation == NUMBER_BAD
    assert sentence.repair is not None and not sentence.repair.repaired
    assert "kept" in sentence.repair.reason
    assert report.language("es").repaired() == []


def test_report_round_trips_and_views_show_before_after(tmp_path: Path) -> None:
    report = _run(FakeTranslator(script=SCRIPT))
    again = Report.from_dict(json.loads(report.to_json()))
    assert again.schema_version == "1.1"
    assert again.languages[0].sentences[0].repair == report.languages[0].sentences[0].repair
    plain = render_plain(report)
    assert "repaired (en → es):" in plain
    assert f"before: {NUMBER_BAD}" in plain and f"after:  {NUMBER_GOOD}" in plain
    markdown = render_markdown(report)
    assert "### Repaired" in markdown and "41 personas" in markdown
    html = render_html(report)
    assert "<h3>Repaired</h3>" in html and "41 personas" in html
    console = Console(file=io.StringIO(), force_terminal=True, width=200, no_color=True)
    render_terminal(report, console)
    drawn = console.file.getvalue()  # type: ignore[attr-defined]
    assert "repaired (en → es)" in drawn and "41 personas" in drawn


def test_rerunning_a_repair_translates_nothing(tmp_path: Path) -> None:
    engine = FakeTranslator(script=SCRIPT)
    with CacheStore(tmp_path / "cache.sqlite3") as store:
        first = _run(CachedTranslator(engine, store))  # type: ignore[arg-type]
        calls = len(engine.calls)
        assert calls > 0
        second = _run(CachedTranslator(engine, store))  # type: ignore[arg-type]
    assert len(engine.calls) == calls
    assert [s.translation for s in second.languages[0].sentences] == [
        s.translation for s in first.languages[0].sentences
    ]


def test_cli_roundtrip_and_translate_repair(tmp_path: Path) -> None:
    script = tmp_path / "script.json"
    script.write_text(json.dumps(SCRIPT), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "r.json"
    terms = tmp_path / "terms.csv"
    terms.write_text("en,es,Roger Stone,=\n", encoding="utf-8")
    args = ["--from", "en", "--to", "es", "--engine", "fake", "--model", str(script)]
    args += ["--glossary", str(terms)]
    result = runner.invoke(
        app, ["roundtrip", str(article), *args, "--repair", "--report", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "repaired 3 sentence(s)" in result.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["settings"]["repair"] == {"candidates": 4}
    assert data["settings"]["glossary"]["path"] == str(terms)
    assert data["settings"]["glossary"]["entries"] == 1
    result = runner.invoke(app, ["translate", str(article), *args, "--repair", "--candidates", "2"])
    assert result.exit_code == 0, result.output
    assert NUMBER_GOOD in result.stdout and NUMBER_BAD not in result.stdout
    assert "repaired p1.s1: n-best candidate 2: flags number (high) -> none" in result.stderr
    plain = runner.invoke(app, ["translate", str(article), *args])
    assert NUMBER_BAD in plain.stdout
    # without --repair the glossary still keeps the name: the sentence that lost it is
    # translated again around it
    assert NAME_BAD not in plain.stdout and "Roger Stone" in plain.stdout


def test_batch_repair_and_its_rerun_translate_nothing(tmp_path: Path) -> None:
    in_dir, out_dir = tmp_path / "in", tmp_path / "out"
    in_dir.mkdir()
    (in_dir / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (in_dir / "b.txt").write_text(CLEAN + "\n", encoding="utf-8")
    script = tmp_path / "script.json"
    script.write_text(json.dumps(SCRIPT), encoding="utf-8")
    base = ["batch", str(in_dir), "--from", "en", "--to", "es", "--out", str(out_dir),
            "--engine", "fake", "--model", str(script), "--cache", str(tmp_path / "c.sqlite3"),
            "--workers", "1"]  # fmt: skip
    plain = runner.invoke(app, base)
    assert plain.exit_code == 0, plain.output
    assert NUMBER_BAD in (out_dir / "a.es.txt").read_text(encoding="utf-8")
    terms = tmp_path / "terms.tsv"
    terms.write_text("en\tes\tRoger Stone\n", encoding="utf-8")
    base += ["--glossary", str(terms)]
    first = runner.invoke(app, [*base, "--repair"])
    assert first.exit_code == 0, first.output
    # the reports made without --repair are not up to date for a repaired run
    assert "2 articles (0 up to date)" in first.stderr
    translation = (out_dir / "a.es.txt").read_text(encoding="utf-8")
    assert NUMBER_GOOD in translation and QUOTE_GOOD in translation
    report = Report.load(out_dir / "a.report.json")
    assert report.settings["glossary"]["entries"] == 1
    assert len(report.language("es").repaired()) == 3  # the name too, through the glossary
    assert Report.load(out_dir / "b.report.json").language("es").repaired() == []
    (out_dir / "a.report.json").unlink()  # redo the article: everything from the cache
    again = runner.invoke(app, [*base, "--repair"])
    assert again.exit_code == 0, again.output
    assert "0 sentence translations by the engine" in again.stderr
    assert (out_dir / "a.es.txt").read_text(encoding="utf-8") == translation
    bad = runner.invoke(app, ["batch", "--check-dir", str(in_dir), "--out", str(out_dir), "-e",
                              "none", "--repair"])  # fmt: skip
    assert bad.exit_code == 2 and "--repair works on round trips" in bad.stderr


def test_repair_on_a_real_engine(tiny_model: Callable[[str, str], Path]) -> None:
    from xlate.engines import EngineOptions, create_engine

    engine = create_engine("hf", EngineOptions(model=str(tiny_model("en", "es")), device="cpu"))
    text = "The minister said 14 people died. Caracas is the capital of Venezuela."
    report = roundtrip(text, "en", "es", engine=engine, repair=RepairOptions(candidates=3))
    # random weights: every sentence is flagged, and each gets the beam's other hypotheses
    for sentence in report.language("es").sentences:
        assert sentence.flags and sentence.repair is not None
        assert len(sentence.repair.candidates) >= 2
        assert all(c.origin == "nbest" for c in sentence.repair.candidates[1:])
        assert all(isinstance(c.model_score, float) for c in sentence.repair.candidates[1:])
        assert sentence.repair.candidates[0].model_score is not None  # found in the list
