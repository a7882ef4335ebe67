"""The CTranslate2 engine and `xlate models convert`, on tiny local models."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import corpus_lines
from typer.testing import CliRunner

from xlate.cli import app
from xlate.engines import EngineOptions, create_engine
from xlate.engines.ct2 import CT2Translator, compute_type, import_ctranslate2, resolve_device
from xlate.engines.hf import HFTranslator
from xlate.engines.model_store import METADATA, STORE_ENV, convert_spec, ensure_converted
from xlate.errors import ConfigError, EngineError, ModelUnavailableError

runner = CliRunner()
TinyModel = Callable[[str, str], Path]


@pytest.fixture(autouse=True)
def store(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Automatic conversions go to a test directory, never the user's cache."""
    path = tmp_path_factory.getbasetemp() / "ct2-store"
    monkeypatch.setenv(STORE_ENV, str(path))
    return path


@pytest.fixture(scope="module")
def converted(tiny_model: TinyModel, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny en->es model converted through the CLI (int8, the default)."""
    out = tmp_path_factory.mktemp("converted") / "tiny-en-es-ct2"
    result = runner.invoke(app, ["models", "convert", str(tiny_model("en", "es")), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out.resolve())
    return out


@pytest.fixture(scope="module")
def converted_float32(tiny_model: TinyModel, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("converted32") / "tiny-en-es-f32"
    return convert_spec(str(tiny_model("en", "es")), out, "float32", force=False).path


@pytest.mark.needs_ct2
def test_convert_writes_a_ct2_model_with_its_tokenizer(converted: Path) -> None:
    assert (converted / "model.bin").is_file()
    for name in ("source.spm", "target.spm", "vocab.json", "tokenizer_config.json"):
        assert (converted / name).is_file(), name
    meta = json.loads((converted / METADATA).read_text(encoding="utf-8"))
    assert meta["quantization"] == "int8" and meta["family"] == "marian"
    assert meta["max_positions"] == 64  # the tiny model's limit, for splitting long input


@pytest.mark.needs_ct2
def test_translate_with_converted_dir_keeps_layout(
    converted: Path, sample_path: Path, sample_text: str
) -> None:
    result = runner.invoke(
        app,
        [
            "translate",
            str(sample_path),
            "--engine",
            "ct2",
            "--model",
            str(converted),
            "--from",
            "en",
            "--to",
            "es",
            "--beams",
            "1",
        ],
    )
    assert result.exit_code == 0, result.output
    blocks = result.stdout.rstrip("\n").split("\n\n")
    assert len(blocks) == len(sample_text.rstrip("\n").split("\n\n"))
    assert all(block.strip() for block in blocks)


@pytest.mark.needs_ct2
def test_json_output_matches_hf_in_shape_and_segmentation(
    converted: Path, tiny_model: TinyModel, sample_path: Path
) -> None:
    def run(engine: str, model: Path) -> dict[str, object]:
        result = runner.invoke(
            app,
            [
                "translate",
                str(sample_path),
                "--engine",
                engine,
                "--model",
                str(model),
                "--from",
                "en",
                "--to",
                "es",
                "--format",
                "json",
                "--beams",
                "1",
            ],
        )
        assert result.exit_code == 0, result.output
        data: dict[str, object] = json.loads(result.stdout)
        return data

    ct2, hf = run("ct2", converted), run("hf", tiny_model("en", "es"))
    assert ct2.keys() == hf.keys()
    ct2_sentences, hf_sentences = ct2["sentences"], hf["sentences"]
    assert isinstance(ct2_sentences, list) and isinstance(hf_sentences, list)
    assert [(s["id"], s["source"]) for s in ct2_sentences] == [
        (s["id"], s["source"]) for s in hf_sentences
    ]
    assert all(s.keys() == h.keys() for s, h in zip(ct2_sentences, hf_sentences, strict=True))
    assert all(s["translation"] for s in ct2_sentences)
    engine = ct2["engine"]
    assert isinstance(engine, dict) and engine["engine"] == "ct2"
    assert engine["settings"]["quantization"] == "int8"


@pytest.mark.needs_ct2
def test_float32_conversion_translates_exactly_like_hf(
    converted_float32: Path, tiny_model: TinyModel
) -> None:
    """Same model, same tokens, same search: CTranslate2 must give hf's outputs."""
    sentences = corpus_lines("en")[:12]
    for beams in (1, 4):
        ct2 = CT2Translator(EngineOptions(model=str(converted_float32), beams=beams))
        hf = HFTranslator(EngineOptions(model=str(tiny_model("en", "es")), beams=beams))
        ours = [t.text for t in ct2.translate_batch(sentences, "en", "es")]
        theirs = [t.text for t in hf.translate_batch(sentences, "en", "es")]
        assert ours == theirs


@pytest.mark.needs_ct2
def test_hf_directory_is_converted_once_on_first_use(tiny_model: TinyModel, store: Path) -> None:
    source = tiny_model("en", "es")
    engine = create_engine("ct2", EngineOptions(model=str(source), beams=1))
    [first] = engine.translate_batch(["The president met the minister."], "en", "es")
    assert first.text
    models = list(store.glob("*/model.bin"))
    assert len(models) == 1 and models[0].parent.name.endswith("-int8")
    stamp = models[0].stat().st_mtime_ns
    # A second engine (a new process would do the same) reuses the conversion.
    again = ensure_converted(str(source), "en", "es")
    assert again.path == models[0].parent and models[0].stat().st_mtime_ns == stamp
    info = engine.info("en", "es")
    assert (info.engine, info.model) == ("ct2", str(source))
    assert info.settings["device"] == "cpu" and info.settings["compute_type"] == "int8"


@pytest.mark.needs_ct2
def test_cli_auto_converts_an_hf_directory(tiny_model: TinyModel, store: Path) -> None:
    result = runner.invoke(
        app,
        [
            "translate",
            "--engine",
            "ct2",
            "--model",
            str(tiny_model("en", "es")),
            "--from",
            "en",
            "--to",
            "es",
            "--lines",
            "--beams",
            "1",
        ],
        input="One line.\nAnother line here.\n",
    )
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 2
    assert any(store.glob("*/model.bin"))


@pytest.mark.needs_ct2
def test_alignments_and_long_sentences(converted: Path) -> None:
    engine = CT2Translator(EngineOptions(model=str(converted), beams=2))
    long = " ".join(corpus_lines("en")[:6])  # far past the tiny model's 64 tokens
    short = "The letter called the jets a deterrent."
    results = engine.translate_batch([short, long, "", short], "en", "es", alignments=True)
    assert results[0] == results[3] and results[2].text == ""
    for source, result in ((short, results[0]), (long, results[1])):
        assert result.alignment, source[:40]
        n_src, n_tgt = len(source.split()), len(result.text.split())
        assert all(0 <= s < n_src and 0 <= t < n_tgt for s, t in result.alignment)
    assert any("split into" in note for note in results[1].notes)
    assert not results[0].notes


@pytest.mark.needs_ct2
def test_multilingual_model_gets_language_tokens(tiny_m2m100_model: Path, tmp_path: Path) -> None:
    out = convert_spec(str(tiny_m2m100_model), tmp_path / "m2m", "int8", force=False).path
    engine = CT2Translator(EngineOptions(model=str(out), beams=1))
    for tgt in ("ru", "es"):
        [result] = engine.translate_batch(["Hello world."], "en", tgt, alignments=True)
        assert result.text and "__" + tgt + "__" not in result.text
        assert result.alignment is not None


@pytest.mark.needs_ct2
def test_compute_type_follows_quantization() -> None:
    assert compute_type("int8", "cpu") == "int8"
    assert compute_type("float16", "cpu") == "float32"
    assert compute_type(None, "cpu") == "default"


# --- errors ------------------------------------------------------------------------------


@pytest.mark.needs_ct2
def test_uncached_hub_model_offline_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    engine = CT2Translator(EngineOptions(model="xlate-test/not-a-cached-model"))
    with pytest.raises(ModelUnavailableError, match="not in the Hugging Face cache"):
        engine.translate_batch(["Hello."], "en", "es")
    result = runner.invoke(
        app, ["models", "convert", "xlate-test/not-a-cached-model"], env={"HF_HUB_OFFLINE": "1"}
    )
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "xlate: error:" in result.stderr


def test_missing_ctranslate2_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ctranslate2", None)  # import fails
    with pytest.raises(EngineError, match=r"needs CTranslate2: pip install 'xlate\[ct2\]'"):
        CT2Translator(EngineOptions())
    monkeypatch.setitem(sys.modules, "ctranslate2.converters", None)
    result = runner.invoke(app, ["models", "convert", "some/model", "-o", "unused"])
    assert result.exit_code == 1 and "xlate[ct2]" in result.stderr


@pytest.mark.needs_ct2
def test_convert_refuses_to_overwrite(
    converted: Path, tiny_model: TinyModel, tmp_path: Path
) -> None:
    source = str(tiny_model("en", "es"))
    result = runner.invoke(app, ["models", "convert", source, "-o", str(converted)])
    assert result.exit_code == 1 and "add --force" in result.stderr
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    result = runner.invoke(app, ["models", "convert", source, "-o", str(tmp_path), "--force"])
    assert result.exit_code == 1 and "non-empty directory" in result.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"
    result = runner.invoke(app, ["models", "convert", str(converted)])
    assert result.exit_code == 1 and "already a CTranslate2 model" in result.stderr


@pytest.mark.needs_ct2
def test_bad_options(tiny_model: TinyModel) -> None:
    result = runner.invoke(
        app, ["models", "convert", str(tiny_model("en", "es")), "--quantization", "int4"]
    )
    assert result.exit_code == 2
    with pytest.raises(ConfigError, match="unknown quantization"):
        convert_spec(str(tiny_model("en", "es")), None, "int4", force=False)
    if import_ctranslate2().get_cuda_device_count() == 0:
        with pytest.raises(ConfigError, match="no CUDA GPU"):
            resolve_device("cuda")
    else:
        assert resolve_device("auto") == "cuda"
    with pytest.raises(ConfigError, match="unknown device"):
        CT2Translator(EngineOptions(device="tpu"))


@pytest.mark.needs_ct2
def test_missing_directory_is_model_unavailable(tmp_path: Path) -> None:
    engine = CT2Translator(EngineOptions(model=str(tmp_path / "nowhere")))
    with pytest.raises(ModelUnavailableError, match="does not exist"):
        engine.translate_batch(["Hello."], "en", "es")
