"""What the benchmarks share: timing whole processes (wall, peak memory), interleaved."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(
    argv: Sequence[str], cwd: Path | None = None, cpus: set[int] | None = None
) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MiB) and exit code of one process (on ``cpus`` only, if
    given)."""
    pin = (lambda: os.sched_setaffinity(0, cpus)) if cpus else None
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(argv),
        cwd=cwd,
        preexec_fn=pin,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "HF_HUB_OFFLINE": "1", "COLUMNS": "100"},
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def interleaved(
    cases: dict[str, Sequence[str]], rounds: int, cpus: set[int] | None = None
) -> tuple[dict[str, list[float]], dict[str, float]]:
    """Each case's wall times over ``rounds`` rounds, run in turn within each round and in
    reverse order every other round (ABBA), so a change in machine load hits them alike;
    and each case's highest peak RSS (MiB)."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    peaks: dict[str, float] = dict.fromkeys(cases, 0.0)
    names = list(cases)
    for r in range(rounds):
        for name in names if r % 2 == 0 else reversed(names):
            wall, peak, code = run(cases[name], cpus=cpus)
            if code != 0:
                raise SystemExit(f"{name}: exit {code}: {' '.join(cases[name])}")
            times[name].append(wall)
            peaks[name] = max(peaks[name], peak)
    return times, peaks


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def load_note() -> str:
    one, five, _ = os.getloadavg()
    return f"{os.cpu_count()} cores, load average {one:.1f} (1 min) / {five:.1f} (5 min)"
