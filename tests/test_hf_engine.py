"""The hf engine on tiny local models: batching, splitting, alignments, CLI, offline errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import corpus_lines
from tiny_models import TINY_MAX_POSITIONS
from typer.testing import CliRunner

from xlate.cli import app
from xlate.engines import create_engine
from xlate.engines.alignment import align_words, piece_word_ids
from xlate.engines.base import EngineOptions, Translator
from xlate.engines.chunking import plan_batches, split_to_fit
from xlate.engines.hf import HFTranslator, load_model
from xlate.engines.models import (
    default_model,
    detect_family,
    language_codes,
    looks_like_path,
    resolve_model,
)
from xlate.errors import ModelUnavailableError
from xlate.translate import translate_sentences

TinyModel = Callable[[str, str], Path]
runner = CliRunner()


def engine(path: Path, **options: object) -> HFTranslator:
    return HFTranslator(EngineOptions(model=str(path), device="cpu", **options))  # type: ignore[arg-type]


def long_sentence() -> str:
    """Several newstest sentences glued with commas: far over the tiny model's 64 tokens."""
    return ", ".join(line.rstrip(".") for line in corpus_lines("en")[10:16]) + "."


# --- pure helpers --------------------------------------------------------------------------


def test_default_models_are_opus_mt() -> None:
    assert default_model("en", "es") == "Helsinki-NLP/opus-mt-en-es"
    assert default_model("ru", "es") == "Helsinki-NLP/opus-mt-ru-es"


def test_paths_and_hub_ids_told_apart(tmp_path: Path) -> None:
    assert not looks_like_path("Helsinki-NLP/opus-mt-en-es")
    assert not looks_like_path("facebook/nllb-200-distilled-600M")
    assert looks_like_path(str(tmp_path))
    assert looks_like_path("./models/opus")
    assert looks_like_path("models/opus/en-es")


def test_split_to_fit_keeps_every_word_and_fits() -> None:
    text = long_sentence()

    def count(t: str) -> int:
        return len(t.split())

    pieces = split_to_fit(text, count, 12)
    assert len(pieces) > 1
    assert all(count(p) <= 12 for p in pieces)
    assert " ".join(pieces).split() == text.split()
    # the cut prefers the clause boundaries (commas) over arbitrary spaces
    assert sum(p.endswith(",") for p in pieces[:-1]) >= len(pieces) // 2
    assert split_to_fit("Short one.", count, 12) == ["Short one."]


def test_split_to_fit_cuts_a_single_huge_word() -> None:
    word = "x" * 50
    pieces = split_to_fit(word, len, 8)
    assert "".join(pieces) == word and all(len(p) <= 8 for p in pieces)


def test_plan_batches_covers_each_item_once_within_budget() -> None:
    lengths = [5, 40, 7, 40, 12, 3, 30, 8]
    batches = plan_batches(lengths, max_tokens=100, beams=2)
    flat = [i for b in batches for i in b]
    assert sorted(flat) == list(range(len(lengths)))
    assert [lengths[i] for i in flat] == sorted(lengths, reverse=True)
    for batch in batches:
        assert len(batch) == 1 or len(batch) * max(lengths[i] for i in batch) * 2 <= 100
    assert [len(b) for b in plan_batches(lengths, max_tokens=1, batch_size=3)] == [3, 3, 2]


def test_pieces_map_to_words_and_attention_to_pairs() -> None:
    pieces = ["▁Mad", "uro", "▁", "«", "help", "»", "</s>"]
    ids = piece_word_ids(pieces, n_words=2, special={"</s>"})
    assert ids == [0, 0, 1, 1, 1, 1, None]
    target_ids = piece_word_ids(["▁ayuda", "▁de", "▁Mad", "uro", "</s>"], 3, {"</s>"})
    attention = [
        [0.0, 0.1, 0.1, 0.1, 0.6, 0.1, 0.0],  # ayuda -> «help»
        [0.4, 0.0, 0.3, 0.1, 0.1, 0.1, 0.0],  # de -> Maduro (0.4) vs help (0.5) -> help
        [0.8, 0.1, 0.0, 0.0, 0.1, 0.0, 0.0],  # Mad
        [0.1, 0.7, 0.0, 0.0, 0.1, 0.1, 0.0],  # uro
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0],  # </s> takes no part
    ]
    assert align_words(attention, ids, target_ids) == ((1, 0), (1, 1), (0, 2))


def test_language_codes_of_multilingual_families(tmp_path: Path) -> None:
    nllb = language_codes("nllb", "en", "ru")
    assert (nllb.src_lang, nllb.target_token) == ("eng_Latn", "rus_Cyrl")
    m2m = language_codes("m2m100", "es", "en")
    assert (m2m.src_lang, m2m.target_token) == ("es", "__en__")
    assert language_codes("marian", "en", "es", {">>spa<<", ">>fra<<"}).source_prefix == ">>spa<< "
    assert language_codes("marian", "en", "es") == language_codes("marian", "en", "ru")
    (tmp_path / "config.json").write_text('{"model_type": "m2m_100"}', encoding="utf-8")
    (tmp_path / "tokenizer_config.json").write_text(
        '{"tokenizer_class": "NllbTokenizerFast"}', encoding="utf-8"
    )
    assert detect_family(tmp_path) == "nllb"  # NLLB says m2m_100; the tokenizer decides


# --- the engine on tiny models -----------------------------------------------------------


def test_engine_is_a_translator_and_reports_its_settings(tiny_model: TinyModel) -> None:
    path = tiny_model("en", "es")
    eng = create_engine("hf", EngineOptions(model=str(path), device="cpu", beams=2))
    assert isinstance(eng, Translator) and eng.name == "hf"
    info = eng.info("en", "es")
    assert (info.engine, info.model, info.revision) == ("hf", str(path), None)
    assert info.settings == {
        "beams": 2,
        "device": "cpu",
        "dtype": "float32",
        "batching": "max_batch_tokens=4096",
    }
    assert detect_family(path) == "marian"


def test_batched_translation_restores_order(tiny_model: TinyModel) -> None:
    path = tiny_model("en", "es")
    lines = corpus_lines("en")[:12]  # lengths vary, so sorting reorders them
    eng = engine(path, beams=1, max_batch_tokens=300)
    batched = eng.translate_batch(lines, "en", "es")
    assert eng.batches_generated > 1 and len(batched) == len(lines)
    one_by_one = engine(path, beams=1, batch_size=1)
    for line, translation in zip(lines, batched, strict=True):
        alone = one_by_one.translate_batch([line], "en", "es")[0].text
        # greedy search: the same tokens, though a batch's longest member may allow a
        # longer output than the sentence alone would get
        assert alone and translation.text.startswith(alone)
    assert len({t.text for t in batched}) > len(lines) // 2  # outputs depend on the input


def test_duplicates_translated_once(tiny_model: TinyModel) -> None:
    eng = engine(tiny_model("en", "es"), beams=1)
    lines = corpus_lines("en")[30:34]
    sentences = [lines[0], lines[1], lines[0], "", lines[2], lines[1], lines[3]]
    out = eng.translate_batch(sentences, "en", "es")
    assert len(out) == len(sentences)
    assert eng.sentences_generated == 4  # four distinct non-empty sentences
    assert out[0] == out[2] and out[1] == out[5] and out[3].text == ""
    via_pipeline = translate_sentences(eng, sentences, "en", "es")
    assert [t.text for t in via_pipeline] == [t.text for t in out]


def test_over_long_sentence_split_translated_and_noted(tiny_model: TinyModel) -> None:
    eng = engine(tiny_model("en", "es"), beams=1)
    text = long_sentence()
    loaded = load_model(eng._resolve("en", "es"), "cpu")
    assert len(loaded.tokenizer(text)["input_ids"]) > TINY_MAX_POSITIONS
    short = corpus_lines("en")[40]
    result, plain = eng.translate_batch([text, short], "en", "es", alignments=True)
    assert result.text
    assert len(result.notes) == 1 and result.notes[0].startswith("split into ")
    assert result.notes[0].endswith("parts: longer than the model's limit")
    assert plain.notes == ()
    assert eng.sentences_generated >= 3
    assert result.alignment is not None
    n_src, n_tgt = len(text.split()), len(result.text.split())
    assert all(0 <= s < n_src and 0 <= t < n_tgt for s, t in result.alignment)


def test_alignment_pairs_inside_word_ranges(tiny_model: TinyModel) -> None:
    eng = engine(tiny_model("en", "ru"), beams=2)
    lines = [*corpus_lines("en")[50:56], "Maduro asked for «logistical support.»"]
    out = eng.translate_batch(lines, "en", "ru", alignments=True)
    for source, translation in zip(lines, out, strict=True):
        assert translation.alignment is not None
        n_src, n_tgt = len(source.split()), len(translation.text.split())
        assert all(0 <= s < n_src and 0 <= t < n_tgt for s, t in translation.alignment)
        targets = [t for _, t in translation.alignment]
        assert targets == sorted(set(targets))  # one source word per target word
        assert len(targets) >= min(n_tgt, 1)
    # without alignments the fast path stays: no weights, and SDPA kept
    plain = eng.translate_batch(lines, "en", "ru")
    assert all(t.alignment is None for t in plain)
    assert [t.text for t in plain] == [t.text for t in out]
    model = load_model(eng._resolve("en", "ru"), "cpu").model
    assert model.config._attn_implementation == "sdpa"


def test_m2m100_language_tokens_handled(tiny_m2m100_model: Path) -> None:
    eng = engine(tiny_m2m100_model, beams=1)
    loaded = load_model(eng._resolve("en", "es"), "cpu")
    assert loaded.family == "m2m100"
    seen: list[dict[str, object]] = []
    generate = loaded.model.generate

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(kwargs)
        return generate(*args, **kwargs)

    loaded.model.generate = spy
    try:
        lines = corpus_lines("en")[60:62]
        to_es = eng.translate_batch(lines, "en", "es")
        assert loaded.tokenizer.src_lang == "en"
        to_ru = eng.translate_batch(lines, "en", "ru", alignments=True)
        from_ru = eng.translate_batch(corpus_lines("ru")[60:61], "ru", "en")
        assert loaded.tokenizer.src_lang == "ru"
    finally:
        del loaded.model.generate
    ids = [kw["forced_bos_token_id"] for kw in seen]
    assert ids == [loaded.tokenizer.get_lang_id(x) for x in ("es", "ru", "en")]
    for translation in [*to_es, *to_ru, *from_ru]:
        assert "__es__" not in translation.text and "__ru__" not in translation.text
    assert [t.text for t in to_es] != [t.text for t in to_ru]


# --- model resolution and unavailable models -----------------------------------------------


def test_missing_local_path_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailableError, match="does not exist"):
        resolve_model(str(tmp_path / "nowhere"), "en", "es")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelUnavailableError, match=r"no config\.json"):
        resolve_model(str(tmp_path / "empty"), "en", "es")


def test_offline_unknown_id_fails_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    start = time.monotonic()
    with pytest.raises(ModelUnavailableError, match="HF_HUB_OFFLINE") as err:
        resolve_model("xlate-tests/no-such-model", "en", "es")
    assert time.monotonic() - start < 5
    assert "\n" not in str(err.value) and "--model PATH" in str(err.value)


def test_unreachable_hub_fails_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without HF_HUB_OFFLINE an uncached model must not hang in retries."""
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    start = time.monotonic()
    with pytest.raises(ModelUnavailableError) as err:
        resolve_model("xlate-tests/no-such-model-7f3a", "en", "es")
    assert time.monotonic() - start < 15
    assert "xlate-tests/no-such-model-7f3a" in str(err.value) and "\n" not in str(err.value)


def test_cached_hub_model_used_offline_with_its_commit(
    tiny_model: TinyModel, tmp_path: Path
) -> None:
    """A model in the HF cache layout loads with HF_HUB_OFFLINE=1 and reports its commit."""
    commit = "0123456789abcdef0123456789abcdef01234567"
    repo = tmp_path / "hub" / "models--xlate-tests--tiny-en-es"
    shutil.copytree(tiny_model("en", "es"), repo / "snapshots" / commit)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit, encoding="utf-8")
    code = (
        "from xlate.engines.models import resolve_model\n"
        "r = resolve_model('xlate-tests/tiny-en-es', 'en', 'es')\n"
        "print(r.revision, r.path.name, r.local)\n"
    )
    env = {**os.environ, "HF_HUB_CACHE": str(tmp_path / "hub"), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [commit, commit, "False"]


# --- the CLI ---------------------------------------------------------------------------------


def layout(text: str) -> list[bool]:
    """Which lines are blank: the paragraph layout a translation must keep."""
    return [not line.strip() for line in text.splitlines()]


@pytest.mark.parametrize("beams", ["1", "2"])
def test_cli_translates_sample_keeping_layout(
    tiny_model: TinyModel, sample_path: Path, sample_text: str, beams: str
) -> None:
    args = ["translate", str(sample_path), "--model", str(tiny_model("en", "es"))]
    args += ["--from", "en", "--to", "es", "--device", "cpu", "--beams", beams]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert layout(result.stdout) == layout(sample_text)
    assert result.stdout != sample_text


def test_cli_json_and_jsonl_have_ids(tiny_model: TinyModel, sample_path: Path) -> None:
    base = ["translate", str(sample_path), "--model", str(tiny_model("en", "es"))]
    base += ["--from", "en", "--to", "es", "--beams", "1"]
    lines = runner.invoke(app, [*base, "--format", "jsonl"])
    assert lines.exit_code == 0, lines.output
    records = [json.loads(line) for line in lines.stdout.splitlines()]
    assert records[0]["id"] == "p1.s1" and all(r["translation"] for r in records)
    whole = runner.invoke(app, [*base, "--format", "json"])
    assert whole.exit_code == 0, whole.output
    document = json.loads(whole.stdout)
    assert [s["id"] for s in document["sentences"]] == [r["id"] for r in records]
    assert document["engine"]["engine"] == "hf"
    assert document["engine"]["settings"]["beams"] == 1


def test_cli_unknown_model_offline_one_line_exit_1(
    monkeypatch: pytest.MonkeyPatch, sample_path: Path
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    args = ["translate", str(sample_path), "--from", "en", "--to", "es"]
    result = runner.invoke(app, [*args, "--model", "xlate-tests/no-such-model"])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "xlate-tests/no-such-model" in result.stderr and "Traceback" not in result.output


def test_cli_missing_local_model_one_line_exit_1(tmp_path: Path, sample_path: Path) -> None:
    args = ["translate", str(sample_path), "--from", "en", "--to", "es"]
    result = runner.invoke(app, [*args, "--model", str(tmp_path / "no" / "model")])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "does not exist" in result.stderr


def test_installed_command_keeps_layout_and_fails_cleanly(
    tiny_model: TinyModel, sample_path: Path, sample_text: str, tmp_path: Path
) -> None:
    xlate = shutil.which("xlate")
    assert xlate, "the xlate command is not installed (pip install -e .)"
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HUB_CACHE": str(tmp_path / "empty-cache")}
    done = subprocess.run(
        [xlate, "translate", str(sample_path), "--model", str(tiny_model("en", "es")),
         "--from", "en", "--to", "es", "--device", "cpu", "--beams", "1"],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert layout(done.stdout) == layout(sample_text)
    assert done.stderr == ""  # no progress bars or advice from transformers
    failed = subprocess.run(
        [xlate, "translate", str(sample_path), "--from", "en", "--to", "es"],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert failed.returncode == 1
    assert len(failed.stderr.strip().splitlines()) == 1
    assert "Helsinki-NLP/opus-mt-en-es" in failed.stderr


def test_help_imports_no_ml_library() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from xlate.cli import app\n"
        "import xlate.engines.hf, xlate.engines.models\n"
        "assert CliRunner().invoke(app, ['--help']).exit_code == 0\n"
        "heavy = [m for m in ('torch', 'transformers', 'huggingface_hub') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
