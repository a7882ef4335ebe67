"""`xlate batch --executor ray`: the translation work of a batch run on a Ray cluster.

The driver (the ``xlate batch`` process) still finds, reads and segments the articles,
looks every sentence up in the cache and writes every output; only cache misses travel, to
the workers of :mod:`xlate.batch.ray_pool` (placed by :mod:`xlate.batch.ray_cluster`). The
driver hands each chunk to the cache (its translator's ``remember``) as it lands, so a run
stopped half-way resumes from the cache exactly as a local run does.

Ray is an optional extra (``pip install 'xlate[ray]'``), imported only when a pool starts.
"""

from __future__ import annotations

from collections.abc import Sequence

from xlate.batch.events import ProgressCallback
from xlate.batch.executors import DEFAULT_CHUNK_SENTENCES, chunks
from xlate.batch.ray_cluster import EngineSpec
from xlate.batch.ray_pool import RayPool
from xlate.engines.base import BaseTranslator, Translator
from xlate.errors import EngineError
from xlate.translation import EngineInfo, Translation


class RayTranslator(BaseTranslator):
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
        cached = self.engine.lookup(sentences, src, tgt, alignments=alignments)
        if cached:
            progress(0, len(cached))
        fresh: dict[str, Translation] = {}
        failed: dict[str, str] = {}

        def landed(chunk: list[str], ok: dict[str, Translation], bad: dict[str, str]) -> None:
            fresh.update(ok)
            failed.update(bad)
            # into the cache at once (when there is one), so a stopped run resumes from it
            self.engine.remember(ok, src, tgt, alignments=alignments)
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
