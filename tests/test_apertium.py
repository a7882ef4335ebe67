"""The Apertium engine, against the real apertium + apertium-eng-spa packages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import corpus_lines
from typer.testing import CliRunner

from xlate.cli import app
from xlate.engines import EngineOptions, create_engine
from xlate.engines.apertium import ApertiumTranslator, strip_marks
from xlate.errors import EngineError
from xlate.text.langid import detect_language

SPANISH_WORDS = {"el", "la", "de", "que", "en", "los", "las", "y", "del", "por", "para"}
ENGLISH_WORDS = {"the", "of", "and", "to", "in", "that", "for", "is", "was"}


@pytest.fixture(scope="module")
def engine() -> ApertiumTranslator:
    return ApertiumTranslator(EngineOptions(workers=2))


def words(text: str) -> set[str]:
    return {w.strip('.,;:!?"«»“”()').lower() for w in text.split()}


@pytest.mark.needs_apertium
def test_registered_and_info() -> None:
    engine = create_engine("apertium")
    assert isinstance(engine, ApertiumTranslator)
    info = engine.info("en", "es")
    assert (info.engine, info.model, info.settings) == (
        "apertium",
        "apertium-eng-spa",
        {"mode": "eng-spa"},
    )
    assert info.revision  # the Debian package version


@pytest.mark.needs_apertium
def test_sample_article_comes_back_spanish(engine: ApertiumTranslator, sample_text: str) -> None:
    paragraphs = [p for p in sample_text.split("\n\n") if p.strip()]
    out = engine.translate_batch(paragraphs, "en", "es")
    assert len(out) == len(paragraphs)
    spanish = " ".join(t.text for t in out)
    assert detect_language(spanish) == "es"
    assert len(words(spanish) & SPANISH_WORDS) >= 8
    assert "Maduro" in spanish and "14" in spanish and "Su-30MK2" in spanish


@pytest.mark.needs_apertium
def test_corpus_sentence_count_and_order_kept(engine: ApertiumTranslator) -> None:
    english = corpus_lines("en")  # all 3,003 lines: seven process calls, two at a time
    out = engine.translate_batch(english, "en", "es")
    assert len(out) == len(english)
    assert all(t.text for t in out)
    # Order: numbers of each line come back in the line that had them.
    for source, result in zip(english, out, strict=True):
        for token in source.split():
            if token.isdigit() and len(token) >= 3:
                assert token in result.text, (source, result.text)
    sample = " ".join(t.text for t in out[:50])
    assert detect_language(sample) == "es"


@pytest.mark.needs_apertium
def test_spanish_to_english(engine: ApertiumTranslator) -> None:
    spanish = corpus_lines("es")[:40]
    out = engine.translate_batch(spanish, "es", "en")
    assert len(out) == len(spanish)
    english = " ".join(t.text for t in out)
    assert detect_language(english) == "en"
    assert len(words(english) & ENGLISH_WORDS) >= 6


TRICKY = [
    'He said [sic] "no" to *them* and #MeToo, @POTUS wrote to bob@example.com.',
    "A path C:\\temp\\new and a caret ^x$ /slash/ <tag> {brace} ~ | +.",
    "[",
    "*",
    "#1 @ 10 * 2",
    "'Quoted,' she said.",
    "«Guillemets», “curly” quotes… and (brackets).",
    "Line one\n\nline two after a blank line.",
    "",
]


@pytest.mark.needs_apertium
def test_tricky_characters_keep_sentence_boundaries(engine: ApertiumTranslator) -> None:
    batch = TRICKY * 3 + corpus_lines("en")[:20]
    out = engine.translate_batch(batch, "en", "es")
    assert len(out) == len(batch)
    alone = [engine.translate_batch([s], "en", "es")[0] for s in TRICKY]
    # Each tricky line gives the same result in a batch as alone: nothing leaked across.
    for i, single in enumerate(alone):
        assert out[i].text == single.text, TRICKY[i]
    by_text = dict(zip(TRICKY, alone, strict=True))
    assert by_text[""].text == ""
    assert by_text["*"].text == "*" and by_text["["].text == "["
    first = by_text[TRICKY[0]]
    # Literal *, # and @ of the source survive and are not taken for Apertium's marks.
    assert "*" in first.text and "#MeToo" in first.text and "@POTUS" in first.text
    assert "bob@example.com" in first.text and "[sic]" in first.text
    assert "C:\\temp\\" in by_text[TRICKY[1]].text and "^x$" in by_text[TRICKY[1]].text
    assert by_text["#1 @ 10 * 2"].text == "#1 @ 10 * 2"
    assert "\n" not in by_text[TRICKY[7]].text


@pytest.mark.needs_apertium
def test_unknown_words_are_unmarked_and_reported(engine: ApertiumTranslator) -> None:
    [result] = engine.translate_batch(
        ['The minister called it "glorbquistic" and left.'], "en", "es"
    )
    assert "glorbquistic" in result.text
    assert "*" not in result.text
    assert "glorbquistic" in result.unknown_words
    assert any("glorbquistic" in note for note in result.notes)
    assert detect_language(result.text) == "es"


def test_strip_marks_reads_every_kind() -> None:
    marked = strip_marks('El *Su-30*MK2 y "#ir" @dog \ue0a1MeToo.')
    assert marked.text == 'El Su-30MK2 y "ir" dog #MeToo.'
    assert marked.unknown == ("Su-30MK2",)
    assert marked.untranslated == ("dog",)
    assert marked.uninflected == ("ir",)


def test_unsupported_pair_says_what_to_do(engine: ApertiumTranslator) -> None:
    with pytest.raises(EngineError, match=r"en<->es only.*--engine hf for Russian"):
        engine.translate_batch(["Hello."], "en", "ru")


def test_missing_binary_is_one_clear_error() -> None:
    engine = ApertiumTranslator(command="apertium-not-installed-here")
    with pytest.raises(EngineError, match=r"apertium is not installed.*apt-get install"):
        engine.translate_batch(["Hello."], "en", "es")


@pytest.mark.needs_apertium
def test_missing_mode_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "modes").mkdir()  # an Apertium data directory without eng-spa
    engine = ApertiumTranslator(EngineOptions(model=str(tmp_path)))
    with pytest.raises(EngineError, match="mode 'eng-spa' is not installed"):
        engine.translate_batch(["Hello."], "en", "es")


def test_model_must_be_a_data_directory(tmp_path: Path) -> None:
    with pytest.raises(EngineError, match="not an Apertium language-data directory"):
        ApertiumTranslator(EngineOptions(model=str(tmp_path / "nope")))


def test_cli_without_apertium_on_path(sample_path: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(tmp_path)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "xlate",
            "translate",
            str(sample_path),
            "--engine",
            "apertium",
            "--from",
            "en",
            "--to",
            "es",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "apertium is not installed" in lines[0], done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.needs_apertium
def test_cli_keeps_layout(sample_path: Path, sample_text: str) -> None:
    result = CliRunner().invoke(
        app,
        ["translate", str(sample_path), "--engine", "apertium", "--from", "en", "--to", "es"],
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    src_blocks = sample_text.rstrip("\n").split("\n\n")
    out_blocks = out.rstrip("\n").split("\n\n")
    assert len(out_blocks) == len(src_blocks)
    assert all(block.strip() for block in out_blocks)
    assert out.endswith("\n") == sample_text.endswith("\n")
    assert detect_language(out) == "es"
    assert "*" not in out


def test_cli_unsupported_pair_is_one_line(sample_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["translate", str(sample_path), "--engine", "apertium", "--from", "en", "--to", "ru"],
    )
    assert result.exit_code == 1
    assert "en<->es only" in result.stderr and "Traceback" not in result.output
