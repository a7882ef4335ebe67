"""Show long output through the user's pager, keeping colours.

pydoc's pager runs ``less`` without ``-R``, which prints colour codes as garbage; this one
sets ``LESS=FRX`` (as git does) unless the user set ``LESS`` already.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import sys


def pager_command() -> list[str]:
    """``$PAGER`` split into words; ``less`` when it is unset or empty."""
    try:
        words = shlex.split(os.environ.get("PAGER", ""))
    except ValueError:
        words = []
    return words or ["less"]


def page(text: str) -> None:
    """Pipe ``text`` to the pager; write it straight to stdout if there is none."""
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    try:
        proc = subprocess.Popen(pager_command(), stdin=subprocess.PIPE, env=env)
    except OSError:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    assert proc.stdin is not None
    with contextlib.suppress(BrokenPipeError):  # the user quit before the end
        proc.stdin.write(text.encode("utf-8", errors="replace"))
    with contextlib.suppress(BrokenPipeError):
        proc.stdin.close()
    while True:
        try:
            proc.wait()
            return
        except KeyboardInterrupt:  # the pager handles Ctrl-C itself; wait for it
            continue
