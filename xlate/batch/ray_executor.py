"""`xlate batch --executor ray`: the translation work of a batch run on a Ray cluster.

The driver (the ``xlate batch`` process) still finds, reads and segments the articles,
looks every sentence up in the cache and writes every output; only cache misses travel.
They go, in the same chunks a local run cuts, to a pool of Ray actors
(``TranslationWorker``), each of which builds its engine once from the registry name and
``EngineOptions`` and keeps its model loaded for the whole run. Results come back as they
finish (``ray.wait``); the driver writes each chunk to the cache as it lands, so a run
stopped half-way resumes from the cache exactly as a local run does.

A worker (or its node) that dies loses nothing: Ray restarts the actor (elsewhere when its
node is gone) and the driver resubmits the chunks it had in flight to whichever worker is
up. A chunk whose worker dies ``MAX_ATTEMPTS`` times is not retried again: its sentences
are reported as failed, so their articles are named in the summary instead of looping.

Ray is an optional extra (``pip install 'xlate[ray]'``), imported only here.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import socket
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import Any

from xlate.batch.run import DEFAULT_CHUNK_SENTENCES, ProgressCallback, chunks, translate_chunk
from xlate.cache import CachedTranslator, cache_key
from xlate.engines import create_engine
from xlate.engines.base import EngineOptions, Translator
from xlate.errors import ConfigError, EngineError, XlateError
from xlate.translation import EngineInfo, Translation

INSTALL_HINT = "pip install 'xlate[ray]'"
# Engines that run on a GPU when there is one; the others get CPU workers everywhere.
GPU_ENGINES = frozenset({"hf", "ct2"})
# How often a chunk is sent again after its worker died before its sentences are failed.
MAX_ATTEMPTS = 3
# Chunks queued on each worker: one running, one waiting, so no worker idles on the driver.
IN_FLIGHT_PER_WORKER = 2
# Restarts Ray grants each actor (on another node when its own is gone).
ACTOR_RESTARTS = 4
# How long the driver waits with no worker up (all starting or restarting) before giving up.
STALL_TIMEOUT_S = 300.0

ChunkDone = Callable[[list[str], dict[str, Translation], dict[str, str]], None]


class RayUnavailableError(ConfigError):
    """Ray is not installed, or the cluster cannot be reached."""


def import_ray() -> ModuleType:
    """The ``ray`` module, or one clear line saying how to get it."""
    try:
        import ray
    except ImportError:
        raise RayUnavailableError(
            f"--executor ray needs Ray, which is not installed: {INSTALL_HINT}"
        ) from None
    return ray


def connect(address: str | None) -> bool:
    """Join the Ray cluster at ``address`` (``auto``, ``HOST:PORT``, ``ray://...``).

    ``None`` joins the cluster this machine runs (``RAY_ADDRESS``, ``ray start``) or starts
    a private one. A process already connected (a test's cluster, a notebook) stays on its
    cluster. Returns True when this call connected (and so should disconnect).
    """
    ray = import_ray()
    if ray.is_initialized():
        return False
    if address and _host_port(address):
        _check_reachable(address)
    try:
        # Worker logs stay in the cluster's log files: they would break the progress display.
        ray.init(address=address, logging_level=logging.ERROR, log_to_driver=False)
    except Exception as err:  # Ray raises ConnectionError, RuntimeError, ValueError, ...
        reason = (str(err).strip().splitlines() or [type(err).__name__])[0]
        where = f"at {address}" if address else "on this machine"
        raise RayUnavailableError(
            f"cannot reach a Ray cluster {where} ({reason}); start one with `ray start --head` "
            "or check --ray-address"
        ) from None
    return True


def _host_port(address: str) -> tuple[str, int] | None:
    host, sep, port = address.rpartition(":")
    return (host, int(port)) if sep and host and port.isdigit() else None


def _check_reachable(address: str, timeout_s: float = 5.0) -> None:
    """Fail in seconds, not minutes: Ray retries an address that does not answer for long."""
    host_port = _host_port(address)
    assert host_port is not None
    try:
        socket.create_connection(host_port, timeout=timeout_s).close()
    except OSError as err:
        raise RayUnavailableError(
            f"cannot reach a Ray cluster at {address} ({err.strerror or err}); start one there "
            "with `ray start --head` or check --ray-address"
        ) from None


# --- what runs where ----------------------------------------------------------------------


@dataclass(frozen=True)
class EngineSpec:
    """What every worker builds its engine from; it travels to the workers, so it pickles.

    ``factory`` is the engine registry unless a caller plugs in its own (tests do).
    """

    name: str
    options: EngineOptions = field(default_factory=EngineOptions)
    factory: Callable[[str, EngineOptions], Translator] = create_engine

    @property
    def uses_gpu(self) -> bool:
        return self.name in GPU_ENGINES and self.options.device != "cpu"

    def build(self, threads: int) -> Translator:
        return self.factory(self.name, replace(self.options, workers=threads))


@dataclass(frozen=True)
class WorkerPlan:
    """One actor: its node and the resources it declares (and uses)."""

    node_id: str
    num_cpus: float
    num_gpus: float
    threads: int


def plan_workers(
    nodes: Sequence[dict[str, Any]], spec: EngineSpec, per_node: int | None = None
) -> list[WorkerPlan]:
    """One worker per GPU where a GPU engine finds GPUs, else ``per_node`` per node.

    CPU workers on a node share its cores evenly and say so: each declares
    ``cores / per_node`` CPUs and runs that many engine threads (at least one). GPU workers
    declare one GPU and one core (less when the node has fewer cores than GPUs).
    ``nodes`` is ``ray.nodes()``.
    """
    count = max(1, per_node or 1)
    plans: list[WorkerPlan] = []
    for node in nodes:
        if not node.get("Alive", False):
            continue
        resources = node.get("Resources", {})
        cpus = float(resources.get("CPU", 0.0))
        gpus = int(resources.get("GPU", 0))
        node_id = str(node["NodeID"])
        if spec.uses_gpu and gpus:
            share = min(1.0, cpus / gpus)
            plans += [WorkerPlan(node_id, share, 1.0, 1) for _ in range(gpus)]
        elif cpus > 0:
            share = cpus / count
            plans += [WorkerPlan(node_id, share, 0.0, max(1, int(share))) for _ in range(count)]
    if spec.options.device == "cuda" and spec.uses_gpu and not any(p.num_gpus for p in plans):
        raise EngineError("--device cuda, but no node of the Ray cluster has a GPU")
    if not plans:
        raise EngineError("the Ray cluster has no node with CPUs for translation workers")
    return plans


class TranslationWorker:
    """A Ray actor: builds its engine once, then translates chunk after chunk with it."""

    def __init__(self, spec: EngineSpec, threads: int) -> None:
        # Before torch or ctranslate2 load: use the cores this actor declared, no more.
        os.environ["OMP_NUM_THREADS"] = str(threads)
        self.error = ""
        self.engine: Translator | None = None
        try:
            self.engine = spec.build(threads)
        except XlateError as err:
            self.error = str(err)

    def ready(self) -> str:
        """Empty when the engine was built, else why not (one line)."""
        return self.error

    def info(self, src: str, tgt: str) -> EngineInfo:
        assert self.engine is not None
        return self.engine.info(src, tgt)

    def translate(
        self, chunk: list[str], src: str, tgt: str, alignments: bool
    ) -> tuple[dict[str, Translation], dict[str, str]]:
        assert self.engine is not None
        return translate_chunk(self.engine, chunk, src, tgt, alignments=alignments)

    def pid(self) -> int:
        return os.getpid()


@dataclass
class _Worker:
    handle: Any  # a ray.actor.ActorHandle
    plan: WorkerPlan
    up: bool = False
    dead: bool = False
    probes: int = 0
    # Chunks sent and not yet back, oldest first: an actor runs its calls in order, so when
    # it dies the oldest was running (and may have killed it); the rest were only waiting.
    inflight: list[Any] = field(default_factory=list)
    blamed: Any = None


@dataclass
class _Job:
    chunk: list[str]
    attempts: int = 0
    last_error: str = ""


class RayPool:
    """Translation workers on a Ray cluster, and the loop that keeps them busy."""

    def __init__(
        self,
        spec: EngineSpec,
        *,
        address: str | None = None,
        workers_per_node: int | None = None,
        max_attempts: int = MAX_ATTEMPTS,
        stall_timeout_s: float = STALL_TIMEOUT_S,
    ) -> None:
        self.ray = import_ray()
        self.spec = spec
        self.max_attempts = max(1, max_attempts)
        self.stall_timeout_s = stall_timeout_s
        self.workers: list[_Worker] = []
        self._probes: dict[Any, _Worker] = {}
        self.resubmitted = 0  # chunks sent again because their worker died
        self.last_death = ""  # why the last worker that died for good died
        self._connected = connect(address)
        try:
            from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

            actor_class = self.ray.remote(TranslationWorker)
            for plan in plan_workers(self.ray.nodes(), spec, workers_per_node):
                handle = actor_class.options(
                    num_cpus=plan.num_cpus,
                    num_gpus=plan.num_gpus,
                    max_restarts=ACTOR_RESTARTS,
                    max_task_retries=0,  # the driver resubmits: it counts attempts per chunk
                    # soft: a restart may go to another node when this one is gone
                    scheduling_strategy=NodeAffinitySchedulingStrategy(plan.node_id, soft=True),
                ).remote(spec, plan.threads)
                self.workers.append(_Worker(handle, plan))
            for worker in self.workers:
                self._probe(worker)
            self._await_a_worker()
        except BaseException:
            self.close()
            raise

    # --- worker health ---------------------------------------------------------------------

    def _probe(self, worker: _Worker) -> None:
        """Ask a starting or restarting worker whether it is up (answered in the loop)."""
        worker.up = False
        worker.probes += 1
        self._probes[worker.handle.ready.remote()] = worker

    def _on_probe(self, ref: Any) -> None:
        worker = self._probes.pop(ref)
        try:
            error = self.ray.get(ref)
        except self.ray.exceptions.ActorDiedError as err:
            worker.dead = True  # out of restarts, or it could not even start
            self.last_death = _first_line(err)
            return
        except self.ray.exceptions.RayActorError:
            if worker.probes <= 10 * ACTOR_RESTARTS:
                self._probe(worker)  # restarting right now: ask again
            else:
                worker.dead = True
            return
        if error:
            raise EngineError(f"a Ray worker cannot build the {self.spec.name} engine: {error}")
        worker.up, worker.probes = True, 0

    def _await_a_worker(self) -> None:
        started = time.monotonic()
        while not any(w.up for w in self.workers):
            if not self._probes:
                raise EngineError(f"every Ray translation worker died ({self.last_death})")
            if time.monotonic() - started > self.stall_timeout_s:
                raise EngineError(
                    f"no Ray translation worker came up within {self.stall_timeout_s:.0f} s "
                    "(are the cluster's CPUs/GPUs taken by other jobs?)"
                )
            ready, _ = self.ray.wait(list(self._probes), num_returns=1, timeout=1.0)
            for ref in ready:
                self._on_probe(ref)

    def wait_for_workers(self, timeout_s: float = STALL_TIMEOUT_S) -> int:
        """Wait until every worker is up (or dead), at most ``timeout_s``; how many are up.

        A run need not wait (late workers join as they come up); benchmarks and tests do.
        """
        deadline = time.monotonic() + timeout_s
        while self._probes and time.monotonic() < deadline:
            ready, _ = self.ray.wait(list(self._probes), num_returns=1, timeout=1.0)
            for ref in ready:
                self._on_probe(ref)
        return sum(1 for w in self.workers if w.up)

    # --- the work ------------------------------------------------------------------------

    def info(self, src: str, tgt: str) -> EngineInfo:
        """The engine's record for this direction, as a worker builds it."""
        while True:
            self._await_a_worker()
            worker = next(w for w in self.workers if w.up)
            try:
                info: EngineInfo = self.ray.get(worker.handle.info.remote(src, tgt))
                return info
            except self.ray.exceptions.RayActorError:
                self._probe(worker)
            except self.ray.exceptions.RayTaskError as err:
                raise _unwrap(err) from None

    def run(
        self,
        batches: Sequence[list[str]],
        src: str,
        tgt: str,
        *,
        alignments: bool,
        on_done: ChunkDone,
    ) -> None:
        """Translate every chunk on the workers; ``on_done`` gets each as it finishes."""
        queue = deque(_Job(list(chunk)) for chunk in batches if chunk)
        running: dict[Any, tuple[_Worker, _Job]] = {}
        for worker in self.workers:
            worker.inflight.clear()  # calls of an interrupted earlier run are not waited for
        idle_since = time.monotonic()
        while queue or running:
            while queue:  # one chunk at a time to the least busy worker
                free = [w for w in self.workers if w.up and len(w.inflight) < IN_FLIGHT_PER_WORKER]
                if not free:
                    break
                worker = min(free, key=lambda w: len(w.inflight))
                job = queue.popleft()
                ref = worker.handle.translate.remote(job.chunk, src, tgt, alignments)
                running[ref] = (worker, job)
                worker.inflight.append(ref)
            if running:
                idle_since = time.monotonic()
            elif not self._probes:
                raise EngineError(
                    f"every Ray translation worker died ({self.last_death}); {len(queue)} "
                    "chunks left (rerun to resume from the cache)"
                )
            elif time.monotonic() - idle_since > self.stall_timeout_s:
                raise EngineError(
                    f"no Ray translation worker up for {self.stall_timeout_s:.0f} s; "
                    "rerun to resume from the cache"
                )
            ready, _ = self.ray.wait([*running, *self._probes], num_returns=1, timeout=1.0)
            for ref in ready:
                if ref in self._probes:
                    self._on_probe(ref)
                    continue
                worker, job = running.pop(ref)
                try:
                    done, failed = self.ray.get(ref)
                except self.ray.exceptions.RayActorError as err:
                    self._lost(worker, ref, job, err, queue, on_done)
                    continue
                except self.ray.exceptions.RayTaskError as err:
                    raise _unwrap(err) from None
                finally:
                    worker.inflight.remove(ref)
                on_done(job.chunk, done, failed)

    def _lost(
        self,
        worker: _Worker,
        ref: Any,
        job: _Job,
        err: Exception,
        queue: deque[_Job],
        on_done: ChunkDone,
    ) -> None:
        """A chunk whose worker died: send it again, or, after too many deaths, fail it."""
        if worker.up:  # the first of its lost calls: the oldest one was running
            worker.blamed = worker.inflight[0]
            self._probe(worker)
        self.resubmitted += 1
        if ref == worker.blamed:
            job.attempts += 1
            job.last_error = _first_line(err)
        if job.attempts < self.max_attempts:
            queue.appendleft(job)  # to the next free worker, ahead of new work
            return
        self.resubmitted -= 1
        message = (
            f"the Ray worker translating this sentence died {job.attempts} times ({job.last_error})"
        )
        on_done(job.chunk, {}, dict.fromkeys(job.chunk, message))

    def pids(self) -> list[int]:
        """The process id of every live worker (for tests and diagnostics)."""
        handles = [w.handle for w in self.workers if w.up]
        return list(self.ray.get([h.pid.remote() for h in handles]))

    def close(self) -> None:
        """Stop the workers, and disconnect when this pool connected."""
        for worker in self.workers:
            with contextlib.suppress(Exception):  # already gone: nothing to stop
                self.ray.kill(worker.handle, no_restart=True)
        self.workers = []
        self._probes = {}
        if self._connected and self.ray.is_initialized():
            self.ray.shutdown()
            self._connected = False


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _first_line(err: Exception) -> str:
    """One line saying why: for an actor whose ``__init__`` raised, the exception's own
    line (the last of Ray's traceback), else Ray's first line; without terminal colours."""
    lines = [ln.strip() for ln in _ANSI.sub("", str(err)).splitlines() if ln.strip()]
    if not lines:
        return type(err).__name__
    return lines[-1] if getattr(err, "actor_init_failed", False) else lines[0]


def _unwrap(err: Exception) -> Exception:
    """An engine's XlateError raised inside a worker, as itself (one line for the CLI)."""
    cause = getattr(err, "cause", None)
    return cause if isinstance(cause, XlateError) else err


# --- the two faces the batch run sees --------------------------------------------------------


class RayTranslator:
    """The Translator protocol on the driver: info from a worker, work on the pool.

    No model is loaded in the driver; ``info`` is asked once per direction and kept.
    """

    def __init__(self, pool: RayPool, chunk_sentences: int = DEFAULT_CHUNK_SENTENCES) -> None:
        self.pool = pool
        self.name = pool.spec.name
        self.chunk_sentences = chunk_sentences
        self._info: dict[tuple[str, str], EngineInfo] = {}

    def info(self, src: str, tgt: str) -> EngineInfo:
        if (src, tgt) not in self._info:
            self._info[(src, tgt)] = self.pool.info(src, tgt)
        return self._info[(src, tgt)]

    def translate_batch(
        self, sentences: Sequence[str], src: str, tgt: str, *, alignments: bool = False
    ) -> list[Translation]:
        done: dict[str, Translation] = {}
        failed: dict[str, str] = {}

        def landed(_: list[str], ok: dict[str, Translation], bad: dict[str, str]) -> None:
            done.update(ok)
            failed.update(bad)

        distinct = list(dict.fromkeys(sentences))
        self.pool.run(
            chunks(distinct, self.chunk_sentences), src, tgt, alignments=alignments, on_done=landed
        )
        if failed:
            raise EngineError(next(iter(failed.values())))
        return [done[s] for s in sentences]

    def close(self) -> None:
        self.pool.close()


class RayExecutor:
    """``SentenceExecutor`` for ``BatchRun``: cache here, misses on the pool, cached as they land.

    ``engine`` is what the run uses (a ``RayTranslator``, usually inside a
    ``CachedTranslator``); chunks are cut as ``LocalExecutor`` cuts them, so every engine
    sees the same batches and gives the same bytes.
    """

    def __init__(
        self, engine: Translator, pool: RayPool, chunk_sentences: int = DEFAULT_CHUNK_SENTENCES
    ) -> None:
        self.engine = engine
        self.pool = pool
        self.chunk_sentences = max(1, chunk_sentences)

    def translate_unique(
        self,
        sentences: Sequence[str],
        src: str,
        tgt: str,
        *,
        alignments: bool,
        progress: ProgressCallback,
    ) -> tuple[dict[str, Translation], dict[str, str]]:
        cache = self.engine if isinstance(self.engine, CachedTranslator) else None
        cached: dict[str, Translation] = {}
        if cache is not None:
            cached = cache.lookup(sentences, src, tgt, alignments=alignments)
            if cached:
                progress(0, len(cached))
        fresh: dict[str, Translation] = {}
        failed: dict[str, str] = {}

        def landed(chunk: list[str], ok: dict[str, Translation], bad: dict[str, str]) -> None:
            fresh.update(ok)
            failed.update(bad)
            if cache is not None and ok:
                info = cache.info(src, tgt)  # asked by the lookup already: no round trip
                rows = [(cache_key(info, src, tgt, s, alignments), t) for s, t in ok.items()]
                cache.store.put_many(info, src, tgt, rows)
            progress(len(chunk), 0)

        todo = [s for s in sentences if s not in cached]
        self.pool.run(
            chunks(todo, self.chunk_sentences), src, tgt, alignments=alignments, on_done=landed
        )
        # In a local run's order, not the order chunks finished in: the run gathers the
        # back-translation's sentences in this order, and cuts their chunks from it.
        done = {**cached, **{s: fresh[s] for s in todo if s in fresh}}
        return done, {s: failed[s] for s in todo if s in failed}


def ray_engine(
    spec: EngineSpec,
    *,
    address: str | None = None,
    workers_per_node: int | None = None,
    chunk_sentences: int = DEFAULT_CHUNK_SENTENCES,
) -> RayTranslator:
    """Start the workers and return the driver's engine (close it to stop them)."""
    pool = RayPool(spec, address=address, workers_per_node=workers_per_node)
    return RayTranslator(pool, chunk_sentences)
