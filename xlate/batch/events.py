"""What a batch run tells whoever watches it.

:class:`BatchProgress` receives the events and ignores them (``--quiet``); the displays
that draw them (bars, JSON lines) are views (:mod:`xlate.views.progress`), handed to the
run by the caller. A progress object is a context manager, so a display is closed however
the run ends.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any

ProgressCallback = Callable[[int, int], None]  # (sentences translated, sentences from cache)


class BatchProgress:
    """Progress events of a run; this base class ignores them."""

    def start(self, *, articles: int, pending: int, skipped: int, failed: int) -> None:
        pass

    def add_sentences(self, count: int) -> None:
        """Add ``count`` (possibly negative, to correct an estimate) to the sentence total."""

    def sentences(self, translated: int, cached: int) -> None:
        pass

    def article(self, rel: str, status: str, error: str = "") -> None:
        pass

    def finish(self, counts: Mapping[str, Any]) -> None:
        """The run is done; ``counts`` is ``BatchResult.counts()``."""

    def close(self) -> None:
        """Stop drawing (after ``finish``, or when the run failed or was interrupted)."""

    def __enter__(self) -> BatchProgress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
