"""`xlate compare`: several systems side by side, round-trip and reference scores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from xlate.cli import app
from xlate.compare import (
    parse_systems,
    reference_scores,
    reference_segments,
)
from xlate.errors import ConfigError
from xlate.translate import segment, translate_text

runner = CliRunner()
WIDE = {"COLUMNS": "220"}


def edit_words(text: str, every: int = 20) -> str:
    """A human-ish reference: every ``every``-th word of each line replaced."""
    lines = []
    for line in text.splitlines():
        words = line.split(" ")
        for i in range(every - 1, len(words), every):
            words[i] = "palabra"
        lines.append(" ".join(words))
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def reference_path(tmp_path_factory: pytest.TempPathFactory, sample_text: str) -> Path:
    """A Spanish reference for the sample: Apertium's translation with words edited."""
    spanish = translate_text(sample_text, "en", "es", engine_name="apertium")
    path = tmp_path_factory.mktemp("ref") / "sample.es.txt"
    path.write_text(edit_words(spanish), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def fake_script(
    tmp_path_factory: pytest.TempPathFactory, sample_text: str, reference_path: Path
) -> Path:
    """A fake engine whose en->es output is the reference itself, sentence by sentence."""
    source = segment(sample_text, "en")
    reference = segment(reference_path.read_text(encoding="utf-8"), "es")
    table = {}
    for src_ids, text in reference_segments(source, reference).aligned:
        table[source.sentence(src_ids[0]).text] = text
        for other in src_ids[1:]:
            table[source.sentence(other).text] = ""
    path = tmp_path_factory.mktemp("fake") / "script.json"
    path.write_text(json.dumps({"en-es": table}, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.needs_apertium
def test_table_has_both_engines_rows_and_scores(tiny_model: Any, sample_path: Path) -> None:
    systems = f"apertium,hf:{tiny_model('en', 'es')}+{tiny_model('es', 'en')}"
    result = runner.invoke(
        app,
        [
            "compare",
            str(sample_path),
            "--from",
            "en",
            "--to",
            "es",
            "--engines",
            systems,
            "--beams",
            "1",
            "--device",
            "cpu",
        ],
        env=WIDE,
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "apertium (baseline)" in out and f"hf:{tiny_model('en', 'es')}" in out
    assert "rt chrF" in out and "p1.s1" in out
    # the summary rows carry a round-trip chrF for each system
    rows = [ln for ln in out.splitlines() if "apertium-eng-spa" in ln or "tiny-marian" in ln]
    assert len(rows) >= 2
    assert "ref BLEU" not in out  # no reference, no reference scores


@pytest.mark.needs_apertium
def test_reference_gives_scores_and_significance(
    sample_path: Path, reference_path: Path, fake_script: Path
) -> None:
    result = runner.invoke(
        app,
        [
            "compare",
            str(sample_path),
            "--from",
            "en",
            "--to",
            "es",
            "--engines",
            f"apertium,fake:{fake_script}",
            "--ref",
            str(reference_path),
        ],
        env=WIDE,
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "ref BLEU" in out and "paired bootstrap resampling" in out
    assert f"fake:{fake_script} vs apertium: BLEU +" in out
    assert "nrefs:1|bs:1000|seed:12345" in out  # sacrebleu's signature of the test


@pytest.mark.needs_apertium
def test_json_and_markdown(
    sample_path: Path, reference_path: Path, fake_script: Path, tmp_path: Path
) -> None:
    markdown = tmp_path / "compare.md"
    fake = f"fake:{fake_script}"
    result = runner.invoke(
        app,
        [
            "compare",
            str(sample_path),
            "--to",
            "es",
            "--engines",
            f"apertium,{fake}",
            "--ref",
            str(reference_path),
            "--json",
            "--markdown",
            str(markdown),
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "xlate.compare/1"
    assert (data["source_lang"], data["target"], data["baseline"]) == ("en", "es", "apertium")
    assert [s["label"] for s in data["systems"]] == ["apertium", fake]
    apertium, scripted = data["systems"]
    assert apertium["engine"] == "apertium" and scripted["engine"] == "fake"
    assert set(apertium["roundtrip"]) == {"chrf", "bleu", "ter"}
    # the scripted system is the reference: perfect, and better than the baseline
    assert scripted["reference"]["bleu"]["score"] == 100.0
    assert scripted["reference"]["ter"]["score"] == 0.0
    assert apertium["reference"]["bleu"]["score"] < 100.0
    assert apertium["reference"]["bleu"]["p_value"] is None  # the baseline is not tested
    assert 0.0 <= scripted["reference"]["chrf"]["p_value"] <= 1.0
    assert isinstance(scripted["reference"]["chrf"]["significant"], bool)
    reference = data["reference"]
    assert reference["segments"] >= 10 and set(reference["signatures"]) == {"bleu", "chrf", "ter"}
    first = data["sentences"][0]
    assert first["id"] == "p1.s1" and first["reference"]
    assert set(first["systems"]) == {"apertium", fake}
    cell = first["systems"]["apertium"]
    assert cell["translation"] and cell["back_translation"]
    assert cell["roundtrip_chrf"] is not None and cell["reference_chrf"] is not None
    text = markdown.read_text(encoding="utf-8")
    assert text.startswith("# Comparison: en → es")
    assert "| apertium (baseline) |" in text and "## Sentences" in text
    assert f"{fake} vs apertium" in text


@pytest.mark.parametrize(
    ("engines", "message"),
    [
        ("google", "unknown engine 'google'"),
        ("hf:", "names no model"),
        ("apertium,apertium", "listed twice"),
        (",", "at least one engine"),
    ],
)
def test_bad_engine_spec_is_one_line(sample_path: Path, engines: str, message: str) -> None:
    result = runner.invoke(app, ["compare", str(sample_path), "--engines", engines])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and message in result.output


def test_russian_with_apertium_is_one_line(sample_path: Path) -> None:
    result = runner.invoke(
        app, ["compare", str(sample_path), "--to", "ru", "--engines", "fake,apertium"]
    )
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "en<->es only" in result.output


def test_parse_systems_models_and_back_models() -> None:
    specs = parse_systems(
        "hf:Helsinki-NLP/opus-mt-en-es, ct2:./models/en-es-int8,apertium,hf:./en-es+./es-en"
    )
    assert [(s.engine, s.model, s.back_model) for s in specs] == [
        ("hf", "Helsinki-NLP/opus-mt-en-es", None),
        ("ct2", "./models/en-es-int8", None),
        ("apertium", None, None),
        ("hf", "./en-es", "./es-en"),
    ]
    with pytest.raises(ConfigError):
        parse_systems("hf:./en-es+")


def test_reference_alignment_joins_merged_sentences() -> None:
    source = segment("The army moved. It was late. Maduro wrote to Putin on Friday.", "en")
    reference = segment(
        "El ejército se movió, era tarde. Maduro escribió a Putin el viernes.", "es"
    )
    segments = reference_segments(source, reference)
    assert segments.aligned == [
        (("p1.s1", "p1.s2"), "El ejército se movió, era tarde."),
        (("p1.s3",), "Maduro escribió a Putin el viernes."),
    ]
    assert segments.source_unmatched == [] and segments.reference_unmatched == 0


def test_identical_systems_are_not_significantly_different() -> None:
    refs = ["el gato come pescado", "la casa es grande", "hoy llueve mucho", "me gusta leer"]
    hyps = ["el gato come carne", "la casa es enorme", "hoy llueve", "me gusta leer libros"]
    scores, signatures, test = reference_scores([("a", hyps), ("b", list(hyps))], refs)
    assert scores["a"]["bleu"].score == scores["b"]["bleu"].score
    assert scores["b"]["bleu"].significant is False and scores["b"]["chrf"].significant is False
    assert "paired bootstrap" in test and signatures["bleu"].startswith("nrefs:1|bs:1000")
    single, _, line = reference_scores([("a", hyps)], refs)
    assert single["a"]["chrf"].p_value is None and "one system" in line
