"""`xlate batch --executor ray` on real Ray clusters started here, against local runs.

One cluster at a time per module (Ray allows one per process): a local ``ray.init`` with
two CPUs first, then a two-node ``ray.cluster_utils.Cluster``; the tests are ordered so
each is started once.
"""

from __future__ import annotations

import io
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

# The optional `ray` extra (pip install 'xlate[ray]'): CI installs it; without it, skip the module.
pytest.importorskip(
    "ray", reason="ray is not installed: pip install 'xlate[ray]'", exc_type=ModuleNotFoundError
)
import ray
from ray.cluster_utils import Cluster
from typer.testing import CliRunner

from tests.conftest import corpus_lines
from xlate.batch import run as batch_run
from xlate.batch.events import BatchProgress
from xlate.batch.plan import BatchOptions
from xlate.batch.ray_cluster import EngineSpec, WorkerPlan, plan_workers
from xlate.batch.ray_executor import RayExecutor, RayTranslator, ray_engine
from xlate.cache import CachedTranslator, CacheStore
from xlate.cli import app
from xlate.engines.base import EngineOptions, Translator
from xlate.engines.fake import FakeTranslator
from xlate.errors import EngineError
from xlate.translation import Translation
from xlate.views.batch_summary import SUMMARY_VIEWS
from xlate.views.progress import JsonProgress

runner = CliRunner()


def run_batch(*args: Any, **kwargs: Any) -> batch_run.BatchResult:
    """A batch run that writes the summary views too, as ``xlate batch`` does."""
    return batch_run.run_batch(*args, summary_views=SUMMARY_VIEWS, **kwargs)


CHUNK = 8  # sentences per chunk: several chunks per direction even in small folders


class Clusters:
    """The module's one Ray cluster: local (two CPUs), or two nodes of one CPU each."""

    def __init__(self) -> None:
        self.mode = ""
        self.cluster: Cluster | None = None

    def local(self) -> None:
        if self.mode != "local":
            self.stop()
            ray.init(address="local", num_cpus=2, logging_level="ERROR", log_to_driver=False)
            self.mode = "local"

    def two_nodes(self) -> Cluster:
        if self.mode != "two-nodes":
            self.stop()
            # Quick health checks, so a removed node is declared dead in about a second.
            config = {"health_check_period_ms": 200, "health_check_failure_threshold": 3}
            self.cluster = Cluster(
                initialize_head=True,
                head_node_args={"num_cpus": 1, "_system_config": config},
            )
            self.cluster.add_node(num_cpus=1)
            ray.init(address=self.cluster.address, logging_level="ERROR", log_to_driver=False)
            self.cluster.wait_for_nodes()
            self.mode = "two-nodes"
        assert self.cluster is not None
        return self.cluster

    def stop(self) -> None:
        if ray.is_initialized():
            ray.shutdown()
        if self.cluster is not None:
            self.cluster.shutdown()
            self.cluster = None
        self.mode = ""


@pytest.fixture(scope="module")
def clusters() -> Iterator[Clusters]:
    held = Clusters()
    yield held
    held.stop()


def make_articles(root: Path, lines: Sequence[str], per_article: int) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for number, start in enumerate(range(0, len(lines), per_article)):
        path = root / ("world", "economy")[number % 2] / f"story{number:02d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text("\n".join(lines[start : start + per_article]) + "\n", encoding="utf-8")
    return root


def outputs(folder: Path) -> dict[str, object]:
    """Every output file; reports without their ``created`` time (it differs per run)."""
    found: dict[str, object] = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(folder).as_posix()
        if name.endswith(".report.json"):
            report = json.loads(path.read_bytes())
            report.pop("created")
            found[name] = report
        else:
            found[name] = path.read_bytes()
    return found


def cache_rows(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT key, value FROM translations").fetchall())


def batch_cli(in_dir: Path, out: Path, cache: Path, *args: str) -> None:
    result = runner.invoke(
        app,
        ["batch", str(in_dir), "--out", str(out), "--cache", str(cache), "--from", "en",
         "--chunk-size", str(CHUNK), "--quiet", *args],
    )  # fmt: skip
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def apertium_folder(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """32 newstest2012 lines as 4 articles, and their local Apertium run (en -> es -> en)."""
    root = tmp_path_factory.mktemp("apertium")
    in_dir = make_articles(root / "in", corpus_lines("en")[:32], 8)
    batch_cli(in_dir, root / "local", root / "local.sqlite3", "-e", "apertium", "--to", "es")
    return {"root": root, "in": in_dir, "local": root / "local"}


# --- planning (no cluster) ---------------------------------------------------------------


def node(node_id: str, cpus: float, gpus: int = 0, alive: bool = True) -> dict[str, object]:
    resources = {"CPU": cpus, **({"GPU": float(gpus)} if gpus else {})}
    return {"NodeID": node_id, "Alive": alive, "Resources": resources}


def test_plan_one_worker_per_gpu_and_shared_cores_elsewhere() -> None:
    nodes = [node("gpu", 8, gpus=2), node("cpu", 6), node("gone", 4, alive=False)]
    plans = plan_workers(nodes, EngineSpec("hf", EngineOptions()), per_node=3)
    assert plans == [
        WorkerPlan("gpu", 1.0, 1.0, 1),
        WorkerPlan("gpu", 1.0, 1.0, 1),
        *[WorkerPlan("cpu", 2.0, 0.0, 2)] * 3,
    ]
    # Apertium uses no GPU: CPU workers on every node; fractions declared as they are
    apertium = plan_workers(nodes, EngineSpec("apertium"), per_node=4)
    assert [(p.node_id, p.num_cpus, p.num_gpus) for p in apertium] == [
        *[("gpu", 2.0, 0.0)] * 4, *[("cpu", 1.5, 0.0)] * 4
    ]  # fmt: skip
    assert {p.threads for p in apertium} == {1, 2}
    # --device cpu keeps hf off the GPUs; one worker per node by default
    cpu_only = plan_workers(nodes, EngineSpec("hf", EngineOptions(device="cpu")))
    assert cpu_only == [WorkerPlan("gpu", 8.0, 0.0, 8), WorkerPlan("cpu", 6.0, 0.0, 6)]


def test_plan_refuses_cuda_without_gpus_and_clusters_without_cpus() -> None:
    with pytest.raises(EngineError, match="no node of the Ray cluster has a GPU"):
        plan_workers([node("a", 4)], EngineSpec("hf", EngineOptions(device="cuda")))
    with pytest.raises(EngineError, match="no node with CPUs"):
        plan_workers([node("a", 0), node("b", 4, alive=False)], EngineSpec("apertium"))


# --- without Ray, or without a cluster (subprocesses, before any cluster starts) -------------

WITHOUT_RAY = (
    "import sys; sys.modules['ray'] = None; from xlate.cli import main; "
    "sys.argv = ['xlate', *sys.argv[1:]]; main()"
)


def xlate_without_ray(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_RAY, *args], capture_output=True, text=True, timeout=120
    )


def test_without_ray_one_line_and_the_local_executor_still_works(tmp_path: Path) -> None:
    in_dir = make_articles(tmp_path / "in", corpus_lines("en")[:6], 3)
    common = ["batch", str(in_dir), "--from", "en", "--to", "es", "-e", "fake", "--quiet",
              "--cache", str(tmp_path / "c.sqlite3")]  # fmt: skip
    failed = xlate_without_ray(*common, "--out", str(tmp_path / "r"), "--executor", "ray")
    assert failed.returncode == 1
    assert failed.stderr.strip().splitlines() == [
        "xlate: error: --executor ray needs Ray, which is not installed: pip install 'xlate[ray]'"
    ]
    assert not (tmp_path / "r").exists()
    local = xlate_without_ray(*common, "--out", str(tmp_path / "l"))
    assert local.returncode == 0, local.stderr
    assert (tmp_path / "l/world/story00.es.txt").is_file()


def test_unreachable_cluster_is_one_line_in_seconds(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    in_dir = make_articles(tmp_path / "in", corpus_lines("en")[:3], 3)
    done = subprocess.run(
        [sys.executable, "-m", "xlate", "batch", str(in_dir), "--out", str(tmp_path / "o"),
         "--to", "es", "-e", "fake", "--executor", "ray", "--ray-address", f"127.0.0.1:{port}"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"xlate: error: cannot reach a Ray cluster at 127.0.0.1:{port}")
    assert "ray start --head" in line


def test_ray_address_needs_the_ray_executor(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["batch", str(tmp_path), "--out", str(tmp_path / "o"), "--ray-address", "auto"]
    )
    assert result.exit_code == 2
    assert "--ray-address needs --executor ray" in result.output


# --- a local cluster of two CPUs ----------------------------------------------------------


@pytest.mark.needs_apertium
def test_apertium_on_ray_gives_the_local_bytes(
    clusters: Clusters, apertium_folder: dict[str, Path]
) -> None:
    clusters.local()
    root = apertium_folder["root"]
    batch_cli(apertium_folder["in"], root / "ray", root / "ray.sqlite3",
              "-e", "apertium", "--to", "es", "--executor", "ray", "--workers", "2")  # fmt: skip
    local, remote = outputs(apertium_folder["local"]), outputs(root / "ray")
    assert len(local) == 4 * 3 + 3  # translation, back-translation, report; 3 summaries
    assert remote == local
    translated = local["world/story00.es.txt"]
    assert isinstance(translated, bytes) and b" el " in translated  # real Spanish
    # the driver filled the cache, with what a local run stores
    assert cache_rows(root / "ray.sqlite3") == cache_rows(root / "local.sqlite3")


@pytest.fixture(scope="module")
def tiny_ct2_model(tiny_m2m100_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny M2M100 converted for CTranslate2 once, before any worker needs it."""
    from xlate.engines.model_store import convert_spec

    out = tmp_path_factory.mktemp("ct2") / "tiny-m2m100-ct2"
    return convert_spec(str(tiny_m2m100_model), out, "int8", force=False).path


@pytest.mark.parametrize("engine", ["hf", pytest.param("ct2", marks=pytest.mark.needs_ct2)])
def test_tiny_model_on_ray_gives_the_local_bytes(
    clusters: Clusters, engine: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    model = request.getfixturevalue("tiny_m2m100_model" if engine == "hf" else "tiny_ct2_model")
    clusters.local()
    in_dir = make_articles(tmp_path / "in", corpus_lines("en")[100:116], 8)
    args = ["-e", engine, "--model", str(model), "--device", "cpu", "--beams", "2",
            "--to", "es,ru"]  # fmt: skip
    batch_cli(in_dir, tmp_path / "local", tmp_path / "local.sqlite3", *args)
    # two one-thread workers: a tiny model on two threads of a busy machine crawls
    batch_cli(in_dir, tmp_path / "ray", tmp_path / "ray.sqlite3", *args, "--executor", "ray",
              "--workers", "2")  # fmt: skip
    local = outputs(tmp_path / "local")
    assert len(local) == 2 * 5 + 3
    assert outputs(tmp_path / "ray") == local
    assert cache_rows(tmp_path / "ray.sqlite3") == cache_rows(tmp_path / "local.sqlite3")
    report = json.loads((tmp_path / "ray/world/story00.report.json").read_text("utf-8"))
    assert {lang["engine"]["engine"] for lang in report["languages"]} == {engine}


@pytest.mark.needs_apertium
def test_check_dir_on_ray_gives_the_local_bytes(clusters: Clusters, tmp_path: Path) -> None:
    """--check-dir back-translates people's translations through the same executor."""
    clusters.local()
    in_dir = tmp_path / "in"
    for number, start in enumerate((600, 612, 624)):
        folder = in_dir / ("world", "economy")[number % 2]
        folder.mkdir(parents=True, exist_ok=True)
        for lang in ("en", "es"):
            text = "\n".join(corpus_lines(lang)[start : start + 12]) + "\n"
            (folder / f"art{number}.{lang}.txt").write_text(text, encoding="utf-8")
    args = ["-e", "apertium", "--to", "es"]

    def check(out: str, *more: str) -> None:
        result = runner.invoke(
            app, ["batch", "--check-dir", str(in_dir), "--out", str(tmp_path / out),
                  "--cache", str(tmp_path / f"{out}.sqlite3"), "--chunk-size", str(CHUNK),
                  "--quiet", *args, *more],
        )  # fmt: skip
        assert result.exit_code == 0, result.output

    check("local")
    check("ray", "--executor", "ray", "--workers", "2")
    local = outputs(tmp_path / "local")
    assert sorted(local) == [
        "economy/art1.report.json", "summary.csv", "summary.json", "summary.md",
        "world/art0.report.json", "world/art2.report.json",
    ]  # fmt: skip
    assert outputs(tmp_path / "ray") == local
    report = json.loads((tmp_path / "ray/world/art0.report.json").read_text("utf-8"))
    assert report["mode"] == "check"
    assert report["languages"][0]["back_engine"]["engine"] == "apertium"


def test_an_engine_error_in_a_worker_is_the_local_one_line(
    clusters: Clusters, tmp_path: Path
) -> None:
    clusters.local()
    in_dir = make_articles(tmp_path / "in", corpus_lines("en")[:4], 2)
    args = ["batch", str(in_dir), "--from", "en", "--to", "es", "--quiet", "--no-cache",
            "-e", "hf", "--model", str(tmp_path / "no-such-model")]  # fmt: skip
    local = runner.invoke(app, [*args, "--out", str(tmp_path / "l")])
    remote = runner.invoke(app, [*args, "--out", str(tmp_path / "r"), "--executor", "ray"])
    assert local.exit_code == remote.exit_code == 1
    assert len(remote.stderr.splitlines()) == 1
    assert remote.stderr.replace(str(tmp_path / "r"), str(tmp_path / "l")) == local.stderr
    # the articles are named as failed, with the engine's reason, as in a local run
    assert outputs(tmp_path / "r") == outputs(tmp_path / "l")
    summary = json.loads((tmp_path / "r/summary.json").read_text("utf-8"))
    assert len(summary["failed"]) == 2
    assert all("no-such-model" in row["error"] for row in summary["rows"])


class StopAfter(BatchProgress):
    """Interrupts the run (as Ctrl-C would) once ``chunks`` chunks have landed."""

    def __init__(self, chunks: int) -> None:
        self.left = chunks

    def sentences(self, translated: int, cached: int) -> None:
        if translated:
            self.left -= 1
            if self.left == 0:
                raise KeyboardInterrupt


def ray_run(
    in_dir: Path,
    out: Path,
    cache: Path,
    spec: EngineSpec,
    progress: BatchProgress | None = None,
    *,
    hook: object = None,
) -> tuple[object, RayTranslator]:
    engine = ray_engine(spec, workers_per_node=2, chunk_sentences=CHUNK)
    store = CacheStore(cache)
    try:
        cached = CachedTranslator(engine, store)
        executor = RayExecutor(cached, engine.pool, CHUNK)
        assert engine.pool.wait_for_workers(60) == len(engine.pool.workers)
        if callable(hook):
            hook(engine)
        options = BatchOptions(targets=("es",), src="en", chunk_sentences=CHUNK)
        result = run_batch(in_dir, out, options, cached, executor=executor, progress=progress)
    finally:
        engine.close()
        store.close()
    return result, engine


@pytest.mark.needs_apertium
def test_stopped_half_way_resumes_from_the_cache(
    clusters: Clusters, apertium_folder: dict[str, Path], tmp_path: Path
) -> None:
    clusters.local()
    spec = EngineSpec("apertium")
    with pytest.raises(KeyboardInterrupt):
        ray_run(apertium_folder["in"], tmp_path / "out", tmp_path / "c.sqlite3", spec, StopAfter(3))
    kept = len(cache_rows(tmp_path / "c.sqlite3"))
    assert kept == 3 * CHUNK  # each chunk was cached as it landed
    total = len(cache_rows(apertium_folder["root"] / "local.sqlite3"))
    events = io.StringIO()
    result, _ = ray_run(
        apertium_folder["in"], tmp_path / "out", tmp_path / "c.sqlite3", spec, JsonProgress(events)
    )
    counts = result.counts()  # type: ignore[attr-defined]
    assert counts["sentences_cached"] == kept
    assert counts["sentences_translated"] == total - kept
    assert outputs(tmp_path / "out") == outputs(apertium_folder["local"])
    # the same progress events as a local run: start, progress..., one per article, done
    kinds = [json.loads(line)["event"] for line in events.getvalue().splitlines()]
    assert kinds[0] == "start" and kinds[-1] == "done" and kinds.count("article") == 4


def working(workers: Sequence[Any]) -> list[Any]:
    """The workers with a chunk in flight that has not finished yet (it dies with them)."""
    return [w for w in workers if w.inflight and ray.wait(w.inflight, timeout=0)[1]]


class KillMidRun(BatchProgress):
    """Kills a worker in the middle of a chunk (Ray restarts it) once a chunk has landed."""

    def __init__(self) -> None:
        self.engine: RayTranslator | None = None
        self.killed = False

    def attach(self, engine: object) -> None:
        assert isinstance(engine, RayTranslator)
        self.engine = engine

    def sentences(self, translated: int, cached: int) -> None:
        if translated and not self.killed and self.engine is not None:
            busy = working(self.engine.pool.workers)
            if busy:
                ray.kill(busy[0].handle, no_restart=False)
                self.killed = True


@pytest.mark.needs_apertium
def test_killed_worker_mid_run_loses_nothing(
    clusters: Clusters, apertium_folder: dict[str, Path], tmp_path: Path
) -> None:
    clusters.local()
    killer = KillMidRun()
    result, engine = ray_run(
        apertium_folder["in"], tmp_path / "out", tmp_path / "c.sqlite3",
        EngineSpec("apertium"), killer, hook=killer.attach,
    )  # fmt: skip
    assert killer.killed
    assert engine.pool.resubmitted >= 1  # its chunks went again
    assert result.failed == []  # type: ignore[attr-defined]
    assert outputs(tmp_path / "out") == outputs(apertium_folder["local"])


class SlowOnFirst(FakeTranslator):
    """An echo engine that takes its time over the chunk holding "s0"."""

    def translate_batch(
        self, sentences: Sequence[str], src: str, tgt: str, *, alignments: bool = False
    ) -> list[Translation]:
        if "s0" in sentences:
            time.sleep(1.0)
        return super().translate_batch(sentences, src, tgt, alignments=alignments)


def slow_on_first(name: str, options: EngineOptions) -> Translator:
    return SlowOnFirst(options)


def test_results_come_in_the_local_order_whatever_order_chunks_finish(
    clusters: Clusters, tmp_path: Path
) -> None:
    """The run gathers back-translations in this order and cuts their chunks from it, and a
    model's output can depend on its batch: local order keeps the bytes local."""
    clusters.local()
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    engine = ray_engine(EngineSpec("fake", factory=slow_on_first), workers_per_node=2)
    store = CacheStore(tmp_path / "c.sqlite3")
    try:
        cached = CachedTranslator(engine, store)
        sentences = [f"s{i}" for i in range(12)]
        cached.translate_batch(["s5", "s9"], "en", "es")  # two from the cache
        landed: list[int] = []
        executor = RayExecutor(cached, engine.pool, chunk_sentences=2)
        done, failed = executor.translate_unique(
            sentences, "en", "es", alignments=False, progress=lambda t, c: landed.append(t)
        )
    finally:
        engine.close()
        store.close()
    assert failed == {}
    assert list(done) == ["s5", "s9", "s0", "s1", "s2", "s3", "s4", "s6", "s7", "s8", "s10", "s11"]
    assert landed == [0, 2, 2, 2, 2, 2]  # cached first, then chunk by chunk ("s0" last)


def unbuildable(name: str, options: EngineOptions) -> Translator:
    raise RuntimeError("no libfoo on this node")


def test_workers_that_cannot_start_say_why(clusters: Clusters) -> None:
    clusters.local()
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    with pytest.raises(EngineError) as caught:
        ray_engine(EngineSpec("fake", factory=unbuildable), workers_per_node=2)
    assert str(caught.value) == (
        "every Ray translation worker died (RuntimeError: no libfoo on this node)"
    )


POISON = "This sentence kills every worker that translates it."


class Poisoned:
    """An echo engine whose process dies (as on a segfault) on one sentence."""

    name = "fake"

    def __init__(self, options: EngineOptions) -> None:
        self.echo = FakeTranslator(options)

    def info(self, src: str, tgt: str) -> object:
        return self.echo.info(src, tgt)

    def translate_batch(
        self, sentences: Sequence[str], src: str, tgt: str, *, alignments: bool = False
    ) -> list[Translation]:
        if POISON in sentences:
            os._exit(1)
        return self.echo.translate_batch(sentences, src, tgt, alignments=alignments)

    def close(self) -> None:
        pass


def poisoned(name: str, options: EngineOptions) -> Translator:
    return Poisoned(options)  # type: ignore[return-value]


def test_chunk_that_always_kills_its_worker_is_named_not_retried_forever(
    clusters: Clusters, tmp_path: Path
) -> None:
    clusters.local()
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    lines = corpus_lines("en")[200:232]
    in_dir = make_articles(tmp_path / "in", lines, 8)
    bad = in_dir / "world/story02.txt"
    bad.write_text(bad.read_text(encoding="utf-8") + POISON + "\n", encoding="utf-8")
    result, _ = ray_run(
        in_dir, tmp_path / "out", tmp_path / "c.sqlite3", EngineSpec("fake", factory=poisoned)
    )
    assert result.failed == ["world/story02.txt"]  # type: ignore[attr-defined]
    [row] = [r for r in result.rows if r.status == "failed"]  # type: ignore[attr-defined]
    assert "the Ray worker translating this sentence died 3 times" in row.error
    done = sorted(r.path for r in result.rows if r.status == "ok")  # type: ignore[attr-defined]
    assert done == ["economy/story01.txt", "economy/story03.txt", "world/story00.txt"]
    # the other articles are complete and exact (the engine echoes)
    assert (tmp_path / "out/economy/story03.es.txt").read_text("utf-8") == "\n".join(
        lines[24:32]
    ) + "\n"


# --- two nodes on this machine ----------------------------------------------------------------


@pytest.mark.needs_apertium
def test_two_nodes_and_a_node_that_dies_mid_run(
    clusters: Clusters, apertium_folder: dict[str, Path], tmp_path: Path
) -> None:
    cluster = clusters.two_nodes()
    worker_node = next(n for n in cluster.list_all_nodes() if n is not cluster.head_node)
    pools: list[RayTranslator] = []
    removed: list[bool] = []

    class RemoveNodeWithWorkInFlight(BatchProgress):
        def sentences(self, translated: int, cached: int) -> None:
            there = [w for w in pools[0].pool.workers if w.plan.node_id == worker_node.node_id]
            if translated and not removed and working(there):
                cluster.remove_node(worker_node, allow_graceful=False)
                removed.append(True)

    nodes: list[str] = []

    def attach(engine: RayTranslator) -> None:
        pools.append(engine)
        nodes.extend(w.plan.node_id for w in engine.pool.workers)

    result, engine = ray_run(
        apertium_folder["in"], tmp_path / "out", tmp_path / "c.sqlite3",
        EngineSpec("apertium"), RemoveNodeWithWorkInFlight(), hook=attach,
    )  # fmt: skip
    # two workers of half a CPU on each node (workers_per_node=2)
    head = cluster.head_node.node_id
    assert sorted(nodes) == sorted([head, head, worker_node.node_id, worker_node.node_id])
    assert removed
    assert engine.pool.resubmitted >= 1  # the lost node's chunks went to the head's workers
    assert result.failed == []  # type: ignore[attr-defined]
    assert outputs(tmp_path / "out") == outputs(apertium_folder["local"])
