"""The translation workers of ``xlate batch --executor ray``, and the loop that keeps them busy.

The driver (the ``xlate batch`` process) sends cache misses, in the same chunks a local run
cuts, to a pool of Ray actors (``TranslationWorker``), each of which builds its engine once
from the registry name and ``EngineOptions`` and keeps its model loaded for the whole run.
Results come back as they finish (``ray.wait``).

A worker (or its node) that dies loses nothing: Ray restarts the actor (elsewhere when its
node is gone) and the driver resubmits the chunks it had in flight to whichever worker is
up. A chunk whose worker dies ``MAX_ATTEMPTS`` times is not retried again: its sentences
are reported as failed, so their articles are named in the summary instead of looping.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from xlate.batch.executors import translate_chunk
from xlate.batch.ray_cluster import EngineSpec, WorkerPlan, connect, import_ray, plan_workers
from xlate.engines.base import Translator
from xlate.errors import EngineError, XlateError
from xlate.translation import EngineInfo, Translation

# How often a chunk is sent again after its worker died before its sentences are failed.
MAX_ATTEMPTS = 3
# Chunks queued on each worker: one running, one waiting, so no worker idles on the driver.
IN_FLIGHT_PER_WORKER = 2
# Restarts Ray grants each actor (on another node when its own is gone).
ACTOR_RESTARTS = 4
# How long the driver waits with no worker up (all starting or restarting) before giving up.
STALL_TIMEOUT_S = 300.0

ChunkDone = Callable[[list[str], dict[str, Translation], dict[str, str]], None]


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
