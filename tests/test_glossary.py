"""Glossaries: the file format, the ``glossary`` check (in check mode on a person's
translation), and do-not-translate terms kept through Apertium and the tiny models."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from xlate.check import check
from xlate.checks.document import AnalysisSettings
from xlate.checks.glossary import load_glossary
from xlate.checks.glossary.terms import find_term
from xlate.cli import app
from xlate.engines import EngineOptions, create_engine
from xlate.engines.fake import FakeTranslator
from xlate.errors import ConfigError
from xlate.translate import translate_doc

runner = CliRunner()
TinyModel = Callable[[str, str], Path]

GLOSSARY = """# house style
src\ttgt\tsource\ttarget
en\tes\tSupreme Court\tTribunal Supremo
en\tru\tSupreme Court\tВерховный суд
*\t*\tSu-30MK2
en\t*\tRoger Stone\t=
"""

SOURCE = (
    "The Supreme Court heard the case on Monday.\n\n"
    "Venezuela wants twelve Su-30MK2 fighters.\n\n"
    "Roger Stone was not in court.\n"
)
# A vendor's translation: the court as "Corte Suprema", the designation and name kept.
VENDOR_ES = (
    "La Corte Suprema escuchó el caso el lunes.\n\n"
    "Venezuela quiere doce cazas Su-30MK2.\n\n"
    "Roger Piedra no estaba en el tribunal.\n"
)


@pytest.fixture
def glossary_file(tmp_path: Path) -> Path:
    path = tmp_path / "terms.tsv"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path


def test_file_format(glossary_file: Path) -> None:
    glossary = load_glossary(glossary_file)
    assert [(e.src, e.tgt, e.source, e.target, e.keep) for e in glossary.entries] == [
        ("en", "es", "Supreme Court", "Tribunal Supremo", False),
        ("en", "ru", "Supreme Court", "Верховный суд", False),
        ("*", "*", "Su-30MK2", "Su-30MK2", True),
        ("en", "*", "Roger Stone", "Roger Stone", True),
    ]
    assert [e.source for e in glossary.for_pair("es", "en")] == ["Su-30MK2"]
    assert glossary.kept_terms("Roger Stone met the Su-30MK2 pilots", "en", "es") == [
        "Su-30MK2",
        "Roger Stone",
    ]


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        ("en\tes\n", "g.tsv", "g.tsv line 1: expected src, tgt, source term and target term"),
        ("en,xx,court,corte\n", "g.csv", "g.csv line 1: unsupported language 'xx'"),
        ("# c\nen\tes\t \tcorte\n", "g.tsv", "g.tsv line 2: the source term is empty"),
    ],
)
def test_a_bad_glossary_is_one_line_and_exit_1(
    tmp_path: Path, content: str, name: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.split(": ", 1)[1][:20]):
        load_glossary(path)
    article = tmp_path / "a.txt"
    article.write_text("The court met.\n", encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "roundtrip",
            str(article),
            "--from",
            "en",
            "--to",
            "es",
            "-e",
            "fake",
            "--glossary",
            str(path),
        ],
    )
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and message in result.stderr
    missing = runner.invoke(app, ["translate", str(article), "-f", "en", "--glossary", "nope.tsv"])
    assert missing.exit_code == 1 and "glossary nope.tsv not found" in missing.stderr


def test_terms_match_in_any_inflection() -> None:
    assert find_term("Tribunal Supremo", "los Tribunales Supremos del país", "es") == 1
    assert find_term("Верховный суд", "решение Верховного суда России", "ru") == 1
    assert find_term("Supreme Court", "the supreme court's ruling", "en") == 1
    assert find_term("Su-30MK2", "cazas Su-30MK2,", "es") == 1
    assert find_term("Tribunal Supremo", "la Corte Suprema", "es") is None


def test_check_mode_flags_a_vendor_translation(glossary_file: Path, tmp_path: Path) -> None:
    settings = AnalysisSettings(glossary=load_glossary(glossary_file))
    report = check(SOURCE, VENDOR_ES, "en", "es", back_engine=None, settings=settings)
    flags = {
        s.id: [f for f in s.flags if f.kind == "glossary"] for s in report.languages[0].sentences
    }
    court, fighters, name = flags["p1.s1"], flags["p2.s1"], flags["p3.s1"]
    assert fighters == []
    assert [(f.severity, f.detail["expected"]) for f in court] == [("medium", "Tribunal Supremo")]
    assert "renders 'Supreme Court' as 'Tribunal Supremo'" in court[0].reason
    assert [(f.severity, f.detail["keep"]) for f in name] == [("high", True)]
    assert "'Roger Stone' must stay as written" in name[0].reason
    # the CLI: --glossary on check, and [glossary] in xlate.toml
    src, tgt = tmp_path / "a.en.txt", tmp_path / "a.es.txt"
    src.write_text(SOURCE, encoding="utf-8")
    tgt.write_text(VENDOR_ES, encoding="utf-8")
    config = tmp_path / "xlate.toml"
    config.write_text(f'[glossary]\nfile = "{glossary_file.name}"\n', encoding="utf-8")
    for option in (["--glossary", str(glossary_file)], ["--config", str(config)]):
        result = runner.invoke(app, ["check", str(src), str(tgt), "-e", "none", "--json", *option])
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        kinds = [[f["kind"] for f in s["flags"]] for s in data["languages"][0]["sentences"]]
        assert [k.count("glossary") for k in kinds] == [1, 0, 1]


def test_translate_lists_terms_rendered_otherwise(glossary_file: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(SOURCE, encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "translate",
            str(article),
            "-f",
            "en",
            "-t",
            "es",
            "-e",
            "fake",
            "--glossary",
            str(glossary_file),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "xlate: glossary: p1.s1: the glossary renders 'Supreme Court'" in result.stderr


@pytest.mark.needs_apertium
def test_a_kept_name_survives_apertium(glossary_file: Path) -> None:
    sentence = "The singer Sting met the second Bush & friends."
    engine = create_engine("apertium")
    plain = engine.translate_batch([sentence], "en", "es")[0].text
    assert "Sting" not in plain  # Apertium translates the name as a word
    kept = engine.translate_keeping([sentence], "en", "es", [["Sting", "Bush"]])[0].text
    assert "Sting" in kept and "Bush" in kept and "&" in kept
    assert kept.startswith("El cantante Sting")  # the words around it, translated in context
    path = glossary_file.parent / "names.tsv"
    path.write_text("en\tes\tSting\n", encoding="utf-8")
    result = translate_doc(sentence, "en", "es", engine=engine, glossary=load_glossary(path))
    assert "Sting" in result.text


def test_a_kept_name_survives_the_tiny_models(tiny_model: TinyModel) -> None:
    sentence = "Roger Stone said the Su-30MK2 deal was signed in Moscow."
    engine = create_engine("hf", EngineOptions(model=str(tiny_model("en", "es")), device="cpu"))
    kept = engine.translate_keeping([sentence], "en", "es", [["Roger Stone", "Su-30MK2"]])[0]
    assert kept.text.startswith("Roger Stone ") and " Su-30MK2 " in kept.text
    glossary_path = Path(str(tiny_model("en", "es"))).parent / "terms.tsv"
    glossary_path.write_text("*\t*\tRoger Stone\n*\t*\tSu-30MK2\n", encoding="utf-8")
    result = translate_doc(
        sentence, "en", "es", engine=engine, glossary=load_glossary(glossary_path)
    )
    assert "Roger Stone" in result.text and "Su-30MK2" in result.text


def test_the_fallback_keeps_punctuation_attached() -> None:
    kept = FakeTranslator().translate_keeping(["He met Sting, then left."], "en", "es", [["Sting"]])
    assert kept[0].text == "He met Sting, then left."


def test_a_bad_glossary_section_in_the_config_is_one_line(tmp_path: Path) -> None:
    config = tmp_path / "xlate.toml"
    config.write_text("[glossary]\nfile = 3\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("The court met.\n", encoding="utf-8")
    result = runner.invoke(app, ["translate", str(article), "-f", "en", "--config", str(config)])
    assert result.exit_code == 1
    assert (
        result.stderr
        == f'xlate: error: {config}: [glossary] needs file = "PATH" (a TSV or CSV glossary)\n'
    )
