"""Run pure, CPU-bound jobs (the per-article analysis) in worker processes, or inline.

``JobPool(workers)`` is a ``ProcessPoolExecutor`` with the safety a batch run needs:

* workers come from a *forkserver* (spawn where there is none), never a plain fork of the
  caller: the caller may hold engine threads, a rich progress thread or SQLite handles,
  and forking a threaded process can deadlock (Python 3.12+ warns about it);
* workers ignore SIGINT: Ctrl-C in a terminal reaches the whole process group, and only
  the main process should react (it stops the pool and reports one line); workers also
  exit on their own when the process that started them dies (``kill -9`` of a run), and
  the resource tracker then cleans up the pool's semaphores without a warning;
* leaving the ``with`` block on an exception (Ctrl-C included) cancels queued jobs and
  terminates the workers instead of waiting for them; workers never write files, so
  nothing is left half-written.

Like any forkserver or spawn pool, workers import the caller's ``__main__`` module again
(as ``__mp_main__``): a script calling this with several workers needs the usual
``if __name__ == "__main__":`` guard. (The ``xlate`` command has it.)

With one worker the jobs run inline at ``submit`` time and no process is started, so small
runs pay nothing and a serial run is the same code path minus the pickling.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import Any, TypeVar

from xlate.errors import PoolError

T = TypeVar("T")


# The resource tracker's own warnings, by module: it warns of "leaked semaphore objects"
# when the pool's owner died without closing its queues (``kill -9``), and then unlinks
# them itself, so for xlate (no shared memory, nothing else tracked) the line is noise.
_TRACKER_QUIET = "ignore::UserWarning:multiprocessing.resource_tracker"


def _start_quiet_tracker() -> None:
    """Start multiprocessing's resource tracker (the forkserver and every pool queue
    register their semaphores with it) with its leak warning filtered out. A tracker
    already running is left as it is."""
    from multiprocessing import resource_tracker

    before = os.environ.get("PYTHONWARNINGS")
    # The tracker is a fresh interpreter: the environment is what reaches its filters.
    os.environ["PYTHONWARNINGS"] = ",".join(filter(None, [before, _TRACKER_QUIET]))
    try:
        resource_tracker.ensure_running()
    finally:
        if before is None:
            del os.environ["PYTHONWARNINGS"]
        else:
            os.environ["PYTHONWARNINGS"] = before


def _context(preload: Sequence[str]) -> Any:
    _start_quiet_tracker()
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        # Without "__main__": the forkserver must not import the caller's script (a script
        # with no ``if __name__ == "__main__"`` guard would run again). The preload only
        # counts when the forkserver starts, i.e. once per process.
        context.set_forkserver_preload(list(preload))
        return context
    return multiprocessing.get_context("spawn")


def _exit_with_parent() -> None:
    parent = multiprocessing.parent_process()  # the process that made the pool
    if parent is not None:
        # Not the OS parent (the forkserver): that one outlives a killed pool owner for as
        # long as its workers live, and they hold its lifeline open.
        parent.join()
        os._exit(1)


def _init_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, daemon=True).start()


class JobPool:
    """``submit(fn, *args)`` returns a Future; see the module doc. ``preload``: modules
    the forkserver imports before forking workers, so each starts with them loaded."""

    def __init__(self, workers: int, preload: Sequence[str] = ()) -> None:
        self.workers = max(1, workers)
        self._executor: ProcessPoolExecutor | None = None
        if self.workers > 1:
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=_context(preload), initializer=_init_worker
            )

    @property
    def parallel(self) -> bool:
        return self._executor is not None

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        if self._executor is not None:
            return self._executor.submit(fn, *args)
        future: Future[T] = Future()
        future.set_result(fn(*args))  # an exception propagates here, as in a plain call
        return future

    @staticmethod
    def result(future: Future[T]) -> T:
        try:
            return future.result()
        except BrokenProcessPool:
            raise PoolError(
                "an analysis worker process died (out of memory?); rerun, with --workers 1 "
                "to analyse in one process"
            ) from None

    def __enter__(self) -> JobPool:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._executor is None:
            return
        if exc_type is None:
            self._executor.shutdown(wait=True)
            return
        terminate = getattr(self._executor, "terminate_workers", None)  # Python 3.14+
        if terminate is not None:
            terminate()
            return
        # Older Pythons: the executor keeps its processes in a private mapping, which
        # shutdown() drops, so take them first.
        processes = list((getattr(self._executor, "_processes", None) or {}).values())
        self._executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
