"""A third-party engine, registered through the ``xlate.engines`` entry point, works in every
command: translate, roundtrip, batch (cached, and placed on Ray's GPUs) and ``models``."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any, ClassVar

import pytest
from typer.testing import CliRunner

import xlate.engines
from xlate.batch.ray_cluster import EngineSpec, plan_workers
from xlate.cli import app
from xlate.engines import Engine, EngineOptions, create_engine, engine_class, engine_help
from xlate.engines.base import Announce, ModelEntry, Pulled
from xlate.engines.catalog import model_entry, parse_pair
from xlate.translation import EngineInfo, Translation

runner = CliRunner()


class PlugEngine(Engine):
    """An echo engine that says what an engine knows: GPU use and its models."""

    name = "plug"
    calls: ClassVar[list[tuple[str, str, int]]] = []  # (src, tgt, sentences) per batch
    store: ClassVar[Path] = Path("/nowhere")  # where its "models" live; set by the fixture

    def info(self, src: str, tgt: str) -> EngineInfo:
        return EngineInfo(engine=self.name, model="plug-echo", revision="1")

    def translate_batch(
        self, sentences: Sequence[str], src: str, tgt: str, *, alignments: bool = False
    ) -> list[Translation]:
        PlugEngine.calls.append((src, tgt, len(sentences)))
        return [Translation(text=s) for s in sentences]

    @classmethod
    def uses_gpu(cls, options: EngineOptions) -> bool:
        return options.device != "cpu"

    @classmethod
    def model_entries(cls, pairs: Sequence[tuple[str, str]]) -> list[ModelEntry]:
        return [
            model_entry("plug", s, t, f"plug-{s}-{t}", "default", cls.store / f"{s}-{t}")
            for s, t in pairs
            if (cls.store / f"{s}-{t}").is_dir()
        ]

    @classmethod
    def pull_models(cls, items: Sequence[str], announce: Announce | None = None) -> list[Pulled]:
        pulled = []
        for item in items:
            src, tgt = parse_pair(item)
            folder = cls.store / f"{src}-{tgt}"
            already = folder.is_dir()
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "weights.bin").write_bytes(b"\0" * 10)
            pulled.append(Pulled(f"plug-{src}-{tgt}", folder, already))
        return pulled

    @classmethod
    def model_path(cls, item: str) -> Path:
        src, tgt = parse_pair(item)
        return cls.store / f"{src}-{tgt}"


class BareEngine:
    """A plugin written to the bare Translator protocol, before engines had a base class."""

    name = "bare"

    def __init__(self, options: EngineOptions) -> None:
        self.options = options
        self.closed = False

    def info(self, src: str, tgt: str) -> EngineInfo:
        return EngineInfo(engine=self.name, model="bare-echo")

    def translate_batch(
        self, sentences: Sequence[str], src: str, tgt: str, *, alignments: bool = False
    ) -> list[Translation]:
        return [Translation(text=s.upper()) for s in sentences]

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def plugins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """``plug`` and ``bare`` as installed packages would declare them, and one that tries
    to take a built-in's name."""
    found = [
        EntryPoint("plug", f"{__name__}:PlugEngine", "xlate.engines"),
        EntryPoint("bare", f"{__name__}:BareEngine", "xlate.engines"),
        EntryPoint("hf", f"{__name__}:BareEngine", "xlate.engines"),
    ]

    def entry_points(*, group: str) -> list[EntryPoint]:
        return found if group == "xlate.engines" else []

    monkeypatch.setattr(xlate.engines, "entry_points", entry_points)
    monkeypatch.setattr(PlugEngine, "store", tmp_path / "plug-models")
    monkeypatch.setattr(PlugEngine, "calls", [])
    monkeypatch.chdir(tmp_path)  # no stray xlate.toml
    yield


def test_the_registry_lists_plugins_after_the_builtins(plugins: None) -> None:
    names = list(xlate.engines.available_engines())
    assert names == ["hf", "ct2", "apertium", "fake", "plug", "bare"]
    assert engine_class("hf").__name__ == "HFTranslator"  # a built-in name stays built in
    assert "plug, bare" in engine_help()
    bare_class = engine_class("bare")
    assert issubclass(bare_class, BareEngine) and issubclass(bare_class, Engine)
    with create_engine("bare") as bare:
        assert isinstance(bare, BareEngine)
        assert bare.lookup(["Hi."], "en", "es") == {}  # Engine's defaults fill the gaps
    assert bare.closed  # the with block closed it, through the plugin's own close()


def test_translate_and_roundtrip_through_a_plugin(plugins: None, sample_path: Path) -> None:
    translated = runner.invoke(
        app, ["translate", str(sample_path), "--from", "en", "--to", "es", "--engine", "bare"]
    )
    assert translated.exit_code == 0, translated.output
    assert translated.stdout.strip() == sample_path.read_text(encoding="utf-8").upper().strip()
    result = runner.invoke(
        app, ["roundtrip", str(sample_path), "--from", "en", "--to", "es", "--engine", "plug",
              "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    [language] = json.loads(result.stdout)["languages"]
    assert language["engine"]["engine"] == language["back_engine"]["engine"] == "plug"
    assert [(src, tgt) for src, tgt, _ in PlugEngine.calls] == [("en", "es"), ("es", "en")]


def test_batch_through_a_plugin_with_the_cache(plugins: None, tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    (in_dir / "world").mkdir(parents=True)
    text = "The minister spoke. He left at 9 pm.\n"
    (in_dir / "world/story.txt").write_text(text, "utf-8")
    args = ["batch", str(in_dir), "--from", "en", "--to", "es", "--engine", "plug", "--quiet",
            "--workers", "1", "--cache", str(tmp_path / "c.sqlite3")]  # fmt: skip
    first = runner.invoke(app, [*args, "--out", str(tmp_path / "a")])
    assert first.exit_code == 0, first.output
    report = json.loads((tmp_path / "a/world/story.report.json").read_text("utf-8"))
    assert report["languages"][0]["engine"]["model"] == "plug-echo"
    assert (tmp_path / "a/world/story.es.txt").read_text("utf-8") == text  # an echo
    translated = sum(n for _, _, n in PlugEngine.calls)
    assert translated == 4  # two sentences there, two back
    # a new output folder, the same cache: the plugin is not asked again
    second = runner.invoke(app, [*args, "--out", str(tmp_path / "b")])
    assert second.exit_code == 0, second.output
    assert sum(n for _, _, n in PlugEngine.calls) == translated
    assert (tmp_path / "b/summary.csv").read_bytes() == (tmp_path / "a/summary.csv").read_bytes()


def test_a_plugin_says_whether_ray_places_it_on_a_gpu(plugins: None) -> None:
    nodes = [{"NodeID": "n", "Alive": True, "Resources": {"CPU": 4.0, "GPU": 2.0}}]
    assert [p.num_gpus for p in plan_workers(nodes, EngineSpec("plug"))] == [1.0, 1.0]
    on_cpu = plan_workers(nodes, EngineSpec("plug", EngineOptions(device="cpu")))
    assert [p.num_gpus for p in on_cpu] == [0.0]
    assert [p.num_gpus for p in plan_workers(nodes, EngineSpec("bare"))] == [0.0]


def test_models_list_pull_and_path_of_a_plugin(plugins: None) -> None:
    def listed(*args: str) -> list[dict[str, Any]]:
        result = runner.invoke(app, ["models", "list", "--json", *args])
        assert result.exit_code == 0, result.output
        rows: list[dict[str, Any]] = json.loads(result.stdout)
        return rows

    assert listed("--engines", "plug") == []  # nothing pulled yet
    pulled = runner.invoke(app, ["models", "pull", "en-es", "es-en", "--engine", "plug"])
    assert pulled.exit_code == 0, pulled.output
    assert [line.split("\t")[:2] for line in pulled.stdout.splitlines()] == [
        ["plug-en-es", "downloaded"], ["plug-es-en", "downloaded"]
    ]  # fmt: skip
    rows = listed("--engines", "plug,bare")  # the bare plugin has no models to list
    assert [(r["engine"], r["pair"], r["size_bytes"]) for r in rows] == [
        ("plug", "en-es", 10), ("plug", "es-en", 10)
    ]  # fmt: skip
    assert [r["engine"] for r in listed()][-2:] == ["plug", "plug"]  # all engines by default
    table = runner.invoke(app, ["models", "list", "--engines", "plug"])
    assert table.exit_code == 0 and "plug-en-es" in table.stdout
    path = runner.invoke(app, ["models", "path", "en-es", "--engine", "plug"])
    assert path.exit_code == 0 and Path(path.stdout.strip()) == PlugEngine.store / "en-es"
    bare = runner.invoke(app, ["models", "pull", "en-es", "--engine", "bare"])
    assert bare.exit_code == 1 and "engine 'bare' has no models to pull" in bare.output
