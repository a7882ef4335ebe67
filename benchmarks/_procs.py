"""What the benchmarks share: timing whole processes (wall, CPU, peak memory), interleaved."""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds: what load on a shared machine disturbs least
    peak: float  # MiB, the process's maximum resident set size
    code: int


def run(argv: Sequence[str], cwd: Path | None = None, cpus: set[int] | None = None) -> Run:
    """One process, on ``cpus`` only if given. It runs in the temp folder unless told: a
    checkout as working directory would shadow the xlate of PYTHONPATH (``python -m``)."""
    pin = (lambda: os.sched_setaffinity(0, cpus)) if cpus else None
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(argv),
        cwd=cwd or tempfile.gettempdir(),
        preexec_fn=pin,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=_environment(),
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    return Run(wall, cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))


def _environment() -> dict[str, str]:
    """The caller's environment, offline, but writing bytecode: an installed package has
    it (pip compiles on install), and a shell that sets PYTHONDONTWRITEBYTECODE would
    have every run compile xlate's ~100 modules again (~0.15 s of a one-sentence check).
    The first run of a checkout writes its ``__pycache__``: a median of three rounds or
    more leaves that run out."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "COLUMNS": "100"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@dataclass
class Runs:
    runs: list[Run] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def peak(self) -> float:
        return max(r.peak for r in self.runs)


def interleaved(
    cases: dict[str, Sequence[str]], rounds: int, cpus: set[int] | None = None
) -> dict[str, Runs]:
    """Each case's runs over ``rounds`` rounds, run in turn within each round and in
    reverse order every other round (ABBA), so a change in machine load hits them alike."""
    out = {name: Runs() for name in cases}
    names = list(cases)
    for r in range(rounds):
        for name in names if r % 2 == 0 else reversed(names):
            done = run(cases[name], cpus=cpus)
            if done.code != 0:
                raise SystemExit(f"{name}: exit {done.code}: {' '.join(cases[name])}")
            out[name].runs.append(done)
    return out


def load_note() -> str:
    one, five, _ = os.getloadavg()
    return f"{os.cpu_count()} cores, load average {one:.1f} (1 min) / {five:.1f} (5 min)"
