"""`xlate models list/pull/path` and per-pair models from xlate.toml (no hub access)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any, ClassVar

import pytest
from typer.testing import CliRunner

from xlate.cli import app
from xlate.engines import EngineOptions

runner = CliRunner()
COMMIT = "0123456789abcdef0123456789abcdef01234567"


@pytest.fixture
def hub_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty Hugging Face cache that huggingface_hub (read at call time) uses."""
    import huggingface_hub.constants

    cache = tmp_path / "hub"
    cache.mkdir()
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(cache))
    monkeypatch.setenv("XLATE_CT2_DIR", str(tmp_path / "ct2-store"))
    monkeypatch.chdir(tmp_path)  # no stray xlate.toml from the working directory
    return cache


def put_in_cache(cache: Path, repo_id: str, model: Path) -> Path:
    """Lay ``model`` out as the HF cache does (snapshots/<commit>, refs/main)."""
    repo = cache / ("models--" + repo_id.replace("/", "--"))
    snapshot = repo / "snapshots" / COMMIT
    shutil.copytree(model, snapshot)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(COMMIT, encoding="utf-8")
    return snapshot


def listed(*args: str) -> dict[tuple[str, str], dict[str, Any]]:
    result = runner.invoke(app, ["models", "list", "--json", *args])
    assert result.exit_code == 0, result.output
    return {(r["engine"], r["pair"]): r for r in json.loads(result.stdout)}


def test_list_shows_cached_configured_and_missing_models(
    hub_cache: Path, tiny_model: Any, tmp_path: Path
) -> None:
    snapshot = put_in_cache(hub_cache, "Helsinki-NLP/opus-mt-en-es", tiny_model("en", "es"))
    shutil.copytree(tiny_model("es", "en"), tmp_path / "tiny-es-en")
    (tmp_path / "xlate.toml").write_text('[models.hf]\nes-en = "tiny-es-en"\n', encoding="utf-8")

    rows = listed("--engines", "hf")
    cached = rows[("hf", "en-es")]
    assert cached["available"] and cached["origin"] == "default"
    assert Path(cached["location"]) == snapshot
    expected = sum(f.stat().st_size for f in snapshot.iterdir())
    assert cached["size_bytes"] == expected
    configured = rows[("hf", "es-en")]
    assert configured["origin"] == "config" and configured["available"]
    assert Path(configured["location"]) == (tmp_path / "tiny-es-en").resolve()
    missing = rows[("hf", "en-ru")]
    assert not missing["available"] and missing["size_bytes"] is None
    assert missing["model"] == "Helsinki-NLP/opus-mt-en-ru"
    assert len(rows) == 6  # every direction between en, es and ru


def test_list_finds_ct2_conversion_in_the_store(hub_cache: Path, tmp_path: Path) -> None:
    from xlate.engines.model_store import store_path
    from xlate.engines.models import ResolvedModel

    source = ResolvedModel(name="Helsinki-NLP/opus-mt-en-ru", path=Path("unused"))
    converted = store_path(source, "int8")
    converted.mkdir(parents=True)
    (converted / "model.bin").write_bytes(b"\0" * 1000)
    rows = listed("--engines", "ct2")
    assert rows[("ct2", "en-ru")]["available"]
    assert rows[("ct2", "en-ru")]["size_bytes"] == 1000
    assert not rows[("ct2", "en-es")]["available"]


@pytest.mark.needs_apertium
def test_list_apertium_rows_are_the_installed_modes(hub_cache: Path) -> None:
    rows = listed("--engines", "apertium")
    assert set(rows) == {("apertium", "en-es"), ("apertium", "es-en")}  # no Russian
    row = rows[("apertium", "en-es")]
    assert row["available"] and row["location"].endswith("eng-spa.mode")
    assert row["size_bytes"] > 100_000  # the dictionaries the pipeline reads


def test_list_table_and_unknown_engine(hub_cache: Path) -> None:
    result = runner.invoke(app, ["models", "list", "--engines", "hf,apertium"])
    assert result.exit_code == 0, result.output
    assert "Helsinki-NLP/opus-mt-ru-es" in result.stdout and "apertium" in result.stdout
    bad = runner.invoke(app, ["models", "list", "--engines", "google"])
    assert bad.exit_code == 1
    assert bad.output.count("\n") == 1 and "unknown engine 'google'" in bad.output


def test_path_of_pair_and_of_missing_model(hub_cache: Path, tiny_model: Any) -> None:
    snapshot = put_in_cache(hub_cache, "Helsinki-NLP/opus-mt-en-es", tiny_model("en", "es"))
    found = runner.invoke(app, ["models", "path", "en-es"])
    assert found.exit_code == 0, found.output
    assert Path(found.stdout.strip()) == snapshot
    by_id = runner.invoke(app, ["models", "path", "Helsinki-NLP/opus-mt-en-es"])
    assert Path(by_id.stdout.strip()) == snapshot
    missing = runner.invoke(app, ["models", "path", "ru-en"])
    assert missing.exit_code == 1
    assert missing.output.count("\n") == 1
    assert "'Helsinki-NLP/opus-mt-ru-en' (hf) is not here" in missing.output
    ct2 = runner.invoke(app, ["models", "path", "en-es", "--engine", "ct2"])
    assert ct2.exit_code == 1 and "xlate models convert" in ct2.output
    bad = runner.invoke(app, ["models", "path", "en-en"])
    assert bad.exit_code == 1 and "both 'en'" in bad.output


def test_pull_offline_fails_with_one_line(hub_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    result = runner.invoke(app, ["models", "pull", "en-es", "es-en"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert "cannot download 'Helsinki-NLP/opus-mt-en-es': HF_HUB_OFFLINE is set" in result.output


def test_pull_asks_the_hub_for_the_pairs_models(
    hub_cache: Path, monkeypatch: pytest.MonkeyPatch, tiny_model: Any, tmp_path: Path
) -> None:
    """Each pair's repo is downloaded once with xlate's file patterns; cached ones are not."""
    import huggingface_hub

    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    put_in_cache(hub_cache, "Helsinki-NLP/opus-mt-ru-en", tiny_model("en", "es"))
    downloads: list[tuple[str, list[str]]] = []

    class Info:
        sha = COMMIT
        siblings: ClassVar = [
            type("S", (), {"rfilename": n})()
            for n in ("config.json", "model.safetensors", "tf_model.h5", "source.spm")
        ]

    def fake_info(repo_id: str, **kwargs: Any) -> Info:
        return Info()

    def fake_download(repo_id: str, **kwargs: Any) -> str:
        if kwargs.get("local_files_only"):
            raise huggingface_hub.errors.LocalEntryNotFoundError("not cached")
        downloads.append((repo_id, list(kwargs.get("allow_patterns") or [])))
        folder = tmp_path / "downloaded" / repo_id.replace("/", "--")
        shutil.copytree(tiny_model("en", "es"), folder)
        return str(folder)

    monkeypatch.setattr(huggingface_hub, "model_info", fake_info)
    monkeypatch.setattr(huggingface_hub, "snapshot_download", fake_download)
    result = runner.invoke(app, ["models", "pull", "en-es", "es-ru", "en-es", "ru-en"])
    assert result.exit_code == 0, result.output
    assert [d[0] for d in downloads] == ["Helsinki-NLP/opus-mt-en-es", "Helsinki-NLP/opus-mt-es-ru"]
    assert "*.safetensors" in downloads[0][1]  # one weights format, not the TF/Rust copies
    assert not any(p.endswith(".h5") for p in downloads[0][1])
    lines = [ln.split("\t") for ln in result.stdout.splitlines()]
    assert [(ln[0], ln[1]) for ln in lines] == [
        ("Helsinki-NLP/opus-mt-en-es", "downloaded"),
        ("Helsinki-NLP/opus-mt-es-ru", "downloaded"),
        ("Helsinki-NLP/opus-mt-ru-en", "already here"),
    ]


def test_xlate_toml_sets_the_hf_model_per_pair(
    hub_cache: Path, tiny_model: Any, tmp_path: Path, sample_path: Path
) -> None:
    from xlate.engines.hf import HFTranslator

    shutil.copytree(tiny_model("en", "es"), tmp_path / "tiny-en-es")
    (tmp_path / "xlate.toml").write_text('[models.hf]\nen-es = "tiny-en-es"\n', encoding="utf-8")
    engine = HFTranslator(EngineOptions(device="cpu", beams=1))
    assert engine.info("en", "es").model == "tiny-en-es"
    # other pairs keep the default; the CLI translates through the configured model
    assert runner.invoke(app, ["models", "path", "es-en"]).exit_code == 1
    result = runner.invoke(
        app,
        [
            "translate",
            str(sample_path),
            "--from",
            "en",
            "--to",
            "es",
            "--beams",
            "1",
            "--device",
            "cpu",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() and result.stdout != sample_path.read_text(encoding="utf-8")


def test_user_config_paths_are_relative_to_the_file(
    hub_cache: Path, tiny_model: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from xlate import config
    from xlate.engines.models import configured_model, resolve_model

    user_dir = tmp_path / "user-config"
    shutil.copytree(tiny_model("es", "en"), user_dir / "models" / "es-en")
    (user_dir / "xlate.toml").write_text('[models.hf]\nes-en = "models/es-en"\n', encoding="utf-8")
    monkeypatch.setattr(
        config, "config_paths", lambda: [Path("xlate.toml"), user_dir / "xlate.toml"]
    )
    assert configured_model("hf", "es", "en") == str(user_dir / "models" / "es-en")
    assert configured_model("hf", "en", "es") is None
    assert resolve_model(None, "es", "en").path == (user_dir / "models" / "es-en").resolve()
    # an explicit model still wins over the config
    explicit = resolve_model(str(tiny_model("en", "es")), "es", "en")
    assert explicit.path == tiny_model("en", "es").resolve()


@pytest.mark.needs_ct2
def test_xlate_toml_sets_the_ct2_model(hub_cache: Path, tiny_model: Any, tmp_path: Path) -> None:
    from xlate.engines.ct2 import CT2Translator
    from xlate.engines.model_store import convert
    from xlate.engines.models import resolve_model

    convert(
        resolve_model(str(tiny_model("en", "es")), "en", "es"),
        tmp_path / "ct2-en-es",
        "int8",
        replace=True,
    )
    (tmp_path / "xlate.toml").write_text('[models.ct2]\nen-es = "ct2-en-es"\n', encoding="utf-8")
    engine = CT2Translator(EngineOptions(device="cpu", beams=1))
    # the converted directory is used as it is: it reports the model it was made from
    # (without the config, ct2 would look for opus-mt, which is not here)
    assert engine.info("en", "es").model == str(tiny_model("en", "es"))
    out = engine.translate_batch(["The letter asked for fighters."], "en", "es")
    assert out[0].text
    rows = listed("--engines", "ct2")
    assert rows[("ct2", "en-es")]["available"] and rows[("ct2", "en-es")]["origin"] == "config"
