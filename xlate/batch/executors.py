"""How a batch run gets its distinct sentences translated: here, or on a Ray cluster.

:func:`open_executor` builds what ``xlate batch`` translates with from an engine name and
its options: the engine (built here, or on Ray workers: :mod:`xlate.batch.ray_executor`)
behind the translation cache, and the :class:`SentenceExecutor` that feeds it chunks.
Every executor asks its translator's ``lookup`` first (the cache's hits; an engine has
none), so sentences from the cache are counted apart, then cuts the rest into the same
chunks (:func:`chunks`), so an engine sees the same batches and gives the same bytes
whichever executor runs it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from xlate.batch.events import ProgressCallback
from xlate.cache import CachedTranslator, CacheStore
from xlate.engines import EngineOptions, Translator, create_engine
from xlate.errors import EngineError
from xlate.translate import translate_sentences
from xlate.translation import Translation

# Sentences per engine call: small enough for frequent progress and little loss on a kill,
# large enough for the engine to sort and batch by length.
DEFAULT_CHUNK_SENTENCES = 256


def default_workers() -> int:
    """Cores this process may use (respecting CPU affinity, e.g. in containers)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


class SentenceExecutor(Protocol):
    """Translates a set of distinct sentences in one direction.

    The one seam a distributed executor (Ray, ...) replaces. Returns translations by
    sentence text and, for sentences the engine failed on, the error by sentence text.
    ``engine`` is the translator the run asks for ``info`` (and the cache behind it).
    """

    @property
    def engine(self) -> Translator: ...

    def translate_unique(
        self,
        sentences: Sequence[str],
        src: str,
        tgt: str,
        *,
        alignments: bool,
        progress: ProgressCallback,
    ) -> tuple[dict[str, Translation], dict[str, str]]: ...


def chunks(sentences: Sequence[str], size: int) -> list[list[str]]:
    """``sentences`` cut into runs of ``size``: every executor cuts the same way, so an
    engine sees the same batches (and gives the same bytes) whichever executor runs it."""
    size = max(1, size)
    return [list(sentences[i : i + size]) for i in range(0, len(sentences), size)]


def translate_chunk(
    engine: Translator, chunk: Sequence[str], src: str, tgt: str, *, alignments: bool
) -> tuple[dict[str, Translation], dict[str, str]]:
    """One engine call for ``chunk``: translations by sentence, and errors by sentence."""
    done: dict[str, Translation] = {}
    failed: dict[str, str] = {}
    try:
        results = translate_sentences(engine, chunk, src, tgt, alignments=alignments)
        done.update(zip(chunk, results, strict=True))
    except EngineError:
        # One bad sentence must not sink the chunk: find it sentence by sentence.
        for sentence in chunk:
            try:
                done[sentence] = translate_sentences(
                    engine, [sentence], src, tgt, alignments=alignments
                )[0]
            except EngineError as err:
                failed[sentence] = str(err)
    return done, failed


class LocalExecutor:
    """In this process: known sentences first, then the rest in chunks through the engine."""

    def __init__(self, engine: Translator, chunk_sentences: int = DEFAULT_CHUNK_SENTENCES) -> None:
        self.engine = engine
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
        done = self.engine.lookup(sentences, src, tgt, alignments=alignments)
        if done:
            progress(0, len(done))
        todo = [s for s in sentences if s not in done]
        failed: dict[str, str] = {}
        for chunk in chunks(todo, self.chunk_sentences):
            chunk_done, chunk_failed = translate_chunk(
                self.engine, chunk, src, tgt, alignments=alignments
            )
            done.update(chunk_done)
            failed.update(chunk_failed)
            progress(len(chunk), 0)
        return done, failed


@dataclass(frozen=True)
class RaySettings:
    """Where ``--executor ray`` runs: the cluster to join (None: this machine's, or a new
    one) and the translation workers per CPU node (None: one)."""

    address: str | None = None
    workers_per_node: int | None = None


@contextlib.contextmanager
def open_executor(
    engine: str,
    options: EngineOptions,
    *,
    cache: Path | None = None,
    use_cache: bool = True,
    chunk_sentences: int = DEFAULT_CHUNK_SENTENCES,
    ray: RaySettings | None = None,
) -> Iterator[SentenceExecutor]:
    """The executor for engine ``engine``: built here, or on Ray workers with ``ray``;
    behind the cache file ``cache`` (None: the default one) unless ``use_cache`` is off.
    Leaving the block closes the engine (stops the workers) and the cache."""
    with contextlib.ExitStack() as stack:
        pool = None
        translator: Translator
        if ray is not None:
            # imported here: the Ray modules import this one (and need the ray extra)
            from xlate.batch.ray_cluster import EngineSpec
            from xlate.batch.ray_executor import ray_engine

            remote = ray_engine(
                EngineSpec(engine, options),
                address=ray.address,
                workers_per_node=ray.workers_per_node,
                chunk_sentences=chunk_sentences,
            )
            translator, pool = remote, remote.pool
        else:
            translator = create_engine(engine, options)
        stack.callback(translator.close)
        if use_cache:
            store = CacheStore(cache)
            stack.callback(store.close)
            translator = CachedTranslator(translator, store)
        if pool is not None:
            from xlate.batch.ray_executor import RayExecutor

            yield RayExecutor(translator, pool, chunk_sentences)
        else:
            yield LocalExecutor(translator, chunk_sentences)
