"""The progress displays of a batch run: bars on a terminal, or JSON lines for logs; and
the bars of one long translate, round-trip or check (``StepProgress``).

The batch displays draw the events of :class:`xlate.batch.events.BatchProgress`;
``xlate batch`` picks one (``--json-progress``, ``--quiet`` takes the silent base class)
and hands it to the run.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Mapping
from typing import IO, Any

from xlate.batch.events import BatchProgress


class JsonProgress(BatchProgress):
    """One JSON object per line (on stderr by default), for logs and schedulers."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.total = self.done = self.translated = 0
        self.articles = self.articles_done = 0

    def _emit(self, event: str, **data: Any) -> None:
        self.stream.write(json.dumps({"event": event, **data}, ensure_ascii=False) + "\n")
        self.stream.flush()

    def start(self, *, articles: int, pending: int, skipped: int, failed: int) -> None:
        self.articles = articles  # each one is counted by its article() event
        self._emit("start", articles=articles, pending=pending, skipped=skipped, failed=failed)

    def add_sentences(self, count: int) -> None:
        self.total += count

    def sentences(self, translated: int, cached: int) -> None:
        self.done += translated + cached
        self.translated += translated
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.translated / elapsed
        left = max(self.total - self.done, 0)
        self._emit(
            "progress",
            sentences_done=self.done,
            sentences_total=max(self.total, self.done),
            translated=self.translated,
            articles_done=self.articles_done,
            articles_total=self.articles,
            rate=round(rate, 2),
            eta_s=round(left / rate, 1) if rate > 0 else None,
        )

    def article(self, rel: str, status: str, error: str = "") -> None:
        self.articles_done += 1
        self._emit("article", path=rel, status=status, **({"error": error} if error else {}))

    def finish(self, counts: Mapping[str, Any]) -> None:
        self._emit("done", **counts)


class RichProgress(BatchProgress):
    """Bars for articles and sentences, with rate and ETA, on stderr."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(
            TextColumn("{task.description:<12}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self.articles_task = self.progress.add_task("articles", total=0, rate="")
        # Sentence translations: each direction (there, back) and target counts one.
        self.sentences_task = self.progress.add_task("translations", total=0, rate="")
        self.started = time.monotonic()
        self.translated = 0
        self.progress.start()

    def start(self, *, articles: int, pending: int, skipped: int, failed: int) -> None:
        self.progress.update(self.articles_task, total=articles)  # article() advances it

    def add_sentences(self, count: int) -> None:
        task = self.progress.tasks[self.sentences_task]
        self.progress.update(self.sentences_task, total=max((task.total or 0) + count, 0))

    def sentences(self, translated: int, cached: int) -> None:
        self.translated += translated
        rate = self.translated / max(time.monotonic() - self.started, 1e-9)
        self.progress.update(
            self.sentences_task, advance=translated + cached, rate=f"{rate:.1f} sent/s"
        )

    def article(self, rel: str, status: str, error: str = "") -> None:
        self.progress.advance(self.articles_task)
        if status == "failed":
            from rich.markup import escape  # rich is imported lazily here, as above

            self.progress.console.print(f"[red]failed[/red] {escape(error)}", markup=True)

    def finish(self, counts: Mapping[str, Any]) -> None:
        self.progress.stop()

    def close(self) -> None:
        self.progress.stop()  # again after finish() does nothing


class StepProgress:
    """A bar per step of one command's run (``en→es``, ``es→en``, ``checks``), on stderr,
    drawn only when stderr is a terminal: piped or logged, a run prints as before.

    Call it as the flows' ``StepCallback``: ``progress("en→es", done, total)``. A context
    manager: the bars stop however the run ends.
    """

    def __init__(self, stream: IO[str] | None = None, *, force: bool = False) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        stream = stream or sys.stderr
        self.enabled = force or stream.isatty()
        self.progress = Progress(
            TextColumn("{task.description:<8}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(file=stream, force_terminal=force or None),
            transient=True,  # the summary that follows is what stays on screen
        )
        self.tasks: dict[str, Any] = {}

    @property
    def callback(self) -> Callable[[str, int, int], None] | None:
        """What the flows take: this display, or None where it draws nothing (then the
        engine gets its sentences in one call, as without a display)."""
        return self if self.enabled else None

    def __call__(self, step: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if not self.tasks:
            self.progress.start()
        if step not in self.tasks:
            self.tasks[step] = self.progress.add_task(step, total=total)
        self.progress.update(self.tasks[step], completed=done, total=total)

    def __enter__(self) -> StepProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.tasks:
            self.progress.stop()
