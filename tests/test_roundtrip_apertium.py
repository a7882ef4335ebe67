"""The founding article through a real engine (Apertium, offline): end to end via the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from xlate.report import Report


def test_sample_round_trip_with_apertium(
    sample_path: Path, tmp_path: Path, needs_apertium: None
) -> None:
    out = tmp_path / "report.json"
    html = tmp_path / "report.html"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "xlate",
            "roundtrip",
            str(sample_path),
            "--from",
            "en",
            "--to",
            "es",
            "--engine",
            "apertium",
            "--report",
            str(out),
            "--html",
            str(html),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    report = Report.load(out)
    lang = report.language("es")
    assert lang.engine is not None and lang.engine.engine == "apertium"
    # Every quote of the article, with its Spanish and back-translated text.
    texts = [q.text for q in lang.quotes]
    assert len(texts) == 3, texts
    assert any("deterrent" in t for t in texts)
    assert any("logistical support" in t for t in texts)
    assert any("financing plan" in t for t in texts)
    for quote in lang.quotes:
        assert quote.translation, quote
        assert quote.back_translation, quote
    # Real Spanish came back, and the layout of the article survived.
    assert lang.translation_text is not None
    assert "Venezuela" in lang.translation_text and " de " in lang.translation_text
    assert lang.translation_text.count("\n") == sample_path.read_text().count("\n")
    # Drift a reader can see: Apertium does not know "deterrent" and leaves it in English.
    deterrent = next(q for q in lang.quotes if "deterrent" in q.text)
    assert deterrent.status == "changed"
    assert any("deterrent" in f.reason for f in deterrent.flags)
    # ...and the sentence that holds it carries the flag too.
    sentence = next(s for s in lang.sentences if s.id == deterrent.sentence_ids[0])
    assert any(f.kind == "quote" for f in sentence.flags)
    # Scores are there, per sentence and per document, with sacrebleu's signatures.
    assert all(s.scores.chrf is not None for s in lang.sentences)
    assert set(lang.scores.signatures) == {"chrf", "bleu", "ter"}
    assert "deterrent" in html.read_text(encoding="utf-8")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["source"]["sentences"] == len(lang.sentences)


def test_check_spanish_translation_with_apertium_back(tmp_path: Path, needs_apertium: None) -> None:
    source = tmp_path / "story.en.txt"
    translation = tmp_path / "story.es.txt"
    source.write_text(
        "The minister said the army had “fourteen missile units” ready. "
        "The talks ended on Friday.\n",
        encoding="utf-8",
    )
    translation.write_text(
        "El ministro dijo que el ejército tenía «catorce unidades de misiles» listas. "
        "Las conversaciones terminaron el viernes.\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "xlate",
            "check",
            str(source),
            str(translation),
            "--from",
            "en",
            "--to",
            "es",
            "--engine",
            "apertium",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    lang = data["languages"][0]
    assert data["mode"] == "check"
    assert [s["aligned_to"] for s in lang["sentences"]] == [["p1.s1"], ["p1.s2"]]
    quote = lang["quotes"][0]
    assert quote["translation"] == "catorce unidades de misiles"
    # Apertium reorders the phrase ("«fourteen units of ready» missiles"): real output.
    assert quote["back_translation"] and "fourteen" in quote["back_translation"]
    assert not [f for s in lang["sentences"] for f in s["flags"] if f["kind"] == "number"]


def test_check_judges_a_persons_round_trip_against_the_document(needs_apertium: None) -> None:
    """An engine's back-translation of people's wording scores far lower than its own round
    trip: check mode keeps score and quote flags for the few sentences far worse than the
    rest of the document, not for the large share under the absolute thresholds."""
    from tests.conftest import corpus_lines
    from xlate.check import check
    from xlate.engines import create_engine
    from xlate.text.segment import segment_lines

    en, es = corpus_lines("en")[2000:2120], corpus_lines("es")[2000:2120]
    report = check(
        segment_lines("\n".join(en) + "\n", "en"),
        segment_lines("\n".join(es) + "\n", "es"),
        back_engine=create_engine("apertium"),
        lines=True,
    )
    sentences = report.languages[0].sentences
    scored = [s.line for s in sentences if any(f.kind == "score" for f in s.flags)]
    quoted = [s.line for s in sentences if any(f.kind == "quote" for f in s.flags)]
    assert len(scored) <= 3 and len(quoted) <= 3
    # The absolute thresholds alone would have flagged a large share.
    low = [s for s in sentences if s.scores.chrf is not None and s.scores.chrf < 55]
    assert len(low) > 30


def test_relative_floor_needs_a_baseline() -> None:
    from xlate.checks.scoring import relative_floor

    assert relative_floor([50, 60, 40], 35.0) == 35.0  # too few to judge: absolute
    values = [50.0 + (i % 10) for i in range(40)]
    assert relative_floor(values, 35.0) == 35.0  # a tight document: never above absolute
    spread = [20.0 + i for i in range(60)]
    assert relative_floor(spread, 35.0) < 20.0
