"""Where ``xlate batch --executor ray`` runs: joining the Ray cluster, and which worker
goes on which node with what resources.

Whether an engine wants a GPU is the engine's to say (``Engine.uses_gpu``); this module
asks the registry, so a third-party engine is placed like a built-in one. Ray is an
optional extra (``pip install 'xlate[ray]'``), imported only when a cluster is joined.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import Any

from xlate.engines import create_engine, engine_class
from xlate.engines.base import EngineOptions, Translator
from xlate.errors import EngineError, RayUnavailableError

INSTALL_HINT = "pip install 'xlate[ray]'"


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
        """Whether the engine runs on a GPU when a node has one (the engine says)."""
        return engine_class(self.name).uses_gpu(self.options)

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
