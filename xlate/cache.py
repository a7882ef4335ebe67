"""A persistent translation cache: SQLite, safe to share between runs and processes.

``CachedTranslator(engine, store)`` wraps any Translator (the shape of argos-translate's
CachedTranslation): each sentence is looked up by a key made of the engine's
``EngineInfo.key()`` (engine, model id, revision, settings), the direction, whether word
alignments were asked for, and the sentence text; only the misses reach the engine, and
their Translations are stored as JSON. Its ``lookup`` and ``remember`` (the hooks every
translator has, empty for an engine) let an executor count cached sentences apart and store
translations made elsewhere (on Ray workers) without knowing that it holds a cache.

The database uses WAL journaling and a busy timeout, and retries a write that still finds
the database locked, so two runs sharing one cache file (two shards, two terminals) never
corrupt it. Its schema changes through ``MIGRATIONS``, applied in order and recorded in
``PRAGMA user_version`` (the approach of simonw/llm's migrations).
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

from xlate.engines.base import BaseTranslator, Translator
from xlate.errors import ConfigError, EngineError
from xlate.translation import Candidate, EngineInfo, Translation

CACHE_FILENAME = "translations.sqlite3"

# Each item moves the schema one version up; never edit a released one, append instead.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE translations (
        key TEXT PRIMARY KEY,      -- sha256 of engine key, direction, alignment flag, text
        engine TEXT NOT NULL,
        model TEXT NOT NULL,
        src TEXT NOT NULL,
        tgt TEXT NOT NULL,
        value TEXT NOT NULL,       -- the Translation as JSON
        created TEXT NOT NULL
    );
    CREATE INDEX translations_engine_model ON translations (engine, model);
    """,
)

# How long one statement waits for another process's lock, then how often we retry.
BUSY_TIMEOUT_MS = 10_000
LOCK_RETRIES = 8
# SQLite allows at most 999 (old builds) host parameters per statement.
_LOOKUP_CHUNK = 500

T = TypeVar("T")


def default_cache_path() -> Path:
    """``<user cache dir>/xlate/translations.sqlite3`` (platformdirs)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("xlate")) / CACHE_FILENAME


def cache_key(info: EngineInfo, src: str, tgt: str, text: str, alignments: bool | str) -> str:
    """The cache key of one sentence; the unit separator keeps fields from running together.

    ``alignments`` is the kind of answer: a translation with or without word alignments,
    or a string naming another (``nbest4``: four candidates; ``keep:...``: terms kept)."""
    kind = alignments if isinstance(alignments, str) else "align" if alignments else "plain"
    raw = "\x1f".join((info.key(), src, tgt, kind, text))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def translation_to_json(tr: Translation) -> str:
    data: dict[str, Any] = {"text": tr.text}
    if tr.alignment is not None:
        data["alignment"] = [list(pair) for pair in tr.alignment]
    if tr.unknown_words:
        data["unknown_words"] = list(tr.unknown_words)
    if tr.notes:
        data["notes"] = list(tr.notes)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def translation_from_json(value: str) -> Translation:
    data = json.loads(value)
    alignment = data.get("alignment")
    return Translation(
        text=str(data["text"]),
        alignment=None if alignment is None else tuple((int(a), int(b)) for a, b in alignment),
        unknown_words=tuple(str(w) for w in data.get("unknown_words", ())),
        notes=tuple(str(n) for n in data.get("notes", ())),
    )


@dataclass(frozen=True)
class CacheStats:
    path: str
    entries: int
    size_bytes: int  # the database file with its WAL and shared-memory files
    by_model: list[tuple[str, str, int]]  # (engine, model, entries), most entries first

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "entries": self.entries,
            "size_bytes": self.size_bytes,
            "models": [{"engine": e, "model": m, "entries": n} for e, m, n in self.by_model],
        }


def _is_locked(err: sqlite3.OperationalError) -> bool:
    text = str(err).lower()
    return "locked" in text or "busy" in text


class CacheStore:
    """The SQLite file behind the cache. One connection per store; not for sharing threads."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_cache_path()
        if self.path.is_dir():
            raise ConfigError(f"cache {self.path} is a directory; give a file path to --cache")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: we open transactions ourselves (BEGIN IMMEDIATE).
            self._db = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
            )
        except (OSError, sqlite3.Error) as err:
            raise ConfigError(f"cannot open cache {self.path}: {err}") from None
        try:
            self._retry(self._setup)
        except sqlite3.DatabaseError as err:
            self._db.close()
            raise ConfigError(
                f"cache {self.path} is not usable ({err}); delete it or choose another --cache"
            ) from None

    # --- plumbing ---------------------------------------------------------------------

    def _retry(self, action: Callable[[], T]) -> T:
        """Run ``action``; if another process still holds the lock after the busy timeout,
        wait a little (with jitter, so two waiters don't collide again) and try again."""
        for attempt in range(LOCK_RETRIES):
            try:
                return action()
            except sqlite3.OperationalError as err:
                if not _is_locked(err) or attempt == LOCK_RETRIES - 1:
                    raise
                time.sleep(0.05 * (2**attempt) * (1 + random.random()))
        raise AssertionError("unreachable")

    def _setup(self) -> None:
        self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = self._db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":  # e.g. a network file system; still correct, slower
            self._db.execute("PRAGMA journal_mode = DELETE")
        self._db.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; fsync at checkpoints
        self._migrate()

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version >= len(MIGRATIONS):
            return
        # BEGIN IMMEDIATE takes the write lock, so two processes never migrate at once;
        # re-read the version inside it, as the other one may have just finished.
        self._db.execute("BEGIN IMMEDIATE")
        try:
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            for number in range(version, len(MIGRATIONS)):
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number + 1}")
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # --- reading and writing ------------------------------------------------------------

    def get_many(self, keys: Sequence[str]) -> dict[str, Translation]:
        return {k: translation_from_json(v) for k, v in self.get_values(keys).items()}

    def get_values(self, keys: Sequence[str]) -> dict[str, str]:
        """The stored JSON values of ``keys`` that are in the cache."""
        found: dict[str, str] = {}
        for start in range(0, len(keys), _LOOKUP_CHUNK):
            part = list(keys[start : start + _LOOKUP_CHUNK])
            marks = ",".join("?" * len(part))

            def query(part: list[str] = part, marks: str = marks) -> list[Any]:
                return self._db.execute(
                    f"SELECT key, value FROM translations WHERE key IN ({marks})", part
                ).fetchall()

            for key, value in self._retry(query):
                found[key] = str(value)
        return found

    def put_many(
        self, info: EngineInfo, src: str, tgt: str, items: Iterable[tuple[str, Translation]]
    ) -> None:
        """Store ``(key, translation)`` pairs in one transaction (all or nothing)."""
        self.put_values(info, src, tgt, ((key, translation_to_json(tr)) for key, tr in items))

    def put_values(
        self, info: EngineInfo, src: str, tgt: str, items: Iterable[tuple[str, str]]
    ) -> None:
        """Store ``(key, JSON value)`` pairs in one transaction (all or nothing)."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        rows = [(key, info.engine, info.model, src, tgt, value, now) for key, value in items]
        if not rows:
            return

        def write() -> None:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany(
                    "INSERT OR REPLACE INTO translations "
                    "(key, engine, model, src, tgt, value, created) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

        self._retry(write)

    def stats(self) -> CacheStats:
        entries = self._db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]
        by_model = self._db.execute(
            "SELECT engine, model, COUNT(*) AS n FROM translations "
            "GROUP BY engine, model ORDER BY n DESC, engine, model"
        ).fetchall()
        size = sum(
            p.stat().st_size
            for p in (self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm"))
            if p.exists()
        )
        return CacheStats(
            path=str(self.path),
            entries=int(entries),
            size_bytes=size,
            by_model=[(str(e), str(m), int(n)) for e, m, n in by_model],
        )

    def clear(self) -> int:
        """Delete every entry and give the space back; return how many were deleted."""

        def delete() -> int:
            return int(self._db.execute("DELETE FROM translations").rowcount)

        removed = self._retry(delete)
        self._retry(lambda: self._db.execute("VACUUM"))
        return removed

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> CacheStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class CachedTranslator(BaseTranslator):
    """A Translator that answers from ``store`` and asks ``engine`` only for the misses."""

    def __init__(self, engine: Translator, store: CacheStore) -> None:
        self.engine = engine
        self.store = store
        self.name = engine.name
        self.hits = 0
        self.misses = 0

    def info(self, src: str, tgt: str) -> EngineInfo:
        return self.engine.info(src, tgt)

    def lookup(
        self, sentences: Sequence[str], src: str, tgt: str, *, alignments: bool = False
    ) -> dict[str, Translation]:
        """The cached translations among ``sentences``, by sentence text (no engine call)."""
        info = self.engine.info(src, tgt)
        keys = {s: cache_key(info, src, tgt, s, alignments) for s in sentences}
        found = self.store.get_many(list(dict.fromkeys(keys.values())))
        return {s: found[k] for s, k in keys.items() if k in found}

    def remember(
        self,
        translations: Mapping[str, Translation],
        src: str,
        tgt: str,
        *,
        alignments: bool = False,
    ) -> None:
        """Store translations the engine made elsewhere (a Ray worker), in one transaction."""
        if not translations:
            return
        info = self.engine.info(src, tgt)
        rows = [(cache_key(info, src, tgt, s, alignments), t) for s, t in translations.items()]
        self.store.put_many(info, src, tgt, rows)

    def translate_batch(
        self, sentences: Sequence[str], src: str, tgt: str, *, alignments: bool = False
    ) -> list[Translation]:
        info = self.engine.info(src, tgt)
        keys = [cache_key(info, src, tgt, s, alignments) for s in sentences]
        found = self.store.get_many(list(dict.fromkeys(keys)))
        missing: dict[str, str] = {}  # key -> sentence, each once
        for key, sentence in zip(keys, sentences, strict=True):
            if key not in found:
                missing.setdefault(key, sentence)
        self.hits += len(sentences) - sum(1 for k in keys if k not in found)
        if missing:
            results = self.engine.translate_batch(
                list(missing.values()), src, tgt, alignments=alignments
            )
            if len(results) != len(missing):
                raise EngineError(
                    f"engine {self.name!r} returned {len(results)} translations "
                    f"for {len(missing)} sentences"
                )
            fresh = dict(zip(missing, results, strict=True))
            self.store.put_many(info, src, tgt, fresh.items())
            found.update(fresh)
            self.misses += len(missing)
        return [found[k] for k in keys]

    def translate_candidates(
        self, sentences: Sequence[str], src: str, tgt: str, n: int
    ) -> list[list[Candidate]]:
        """The n-best lists, cached under a key that includes ``n``."""

        def compute(texts: list[str]) -> list[str]:
            lists = self.engine.translate_candidates(texts, src, tgt, n)
            return [json.dumps([[c.text, c.score] for c in cands]) for cands in lists]

        values = self._cached(sentences, src, tgt, f"nbest{n}", compute)
        return [[Candidate(str(t), s) for t, s in json.loads(v)] for v in values]

    def translate_keeping(
        self, sentences: Sequence[str], src: str, tgt: str, keep: Sequence[Sequence[str]]
    ) -> list[Translation]:
        """Translations with terms kept, cached per sentence and terms."""
        out: list[Translation] = []
        for sentence, terms in zip(sentences, keep, strict=True):
            kind = "keep:" + json.dumps(sorted(terms), ensure_ascii=False)

            def compute(texts: list[str], terms: Sequence[str] = terms) -> list[str]:
                done = self.engine.translate_keeping(texts, src, tgt, [terms] * len(texts))
                return [translation_to_json(t) for t in done]

            out += [
                translation_from_json(v) for v in self._cached([sentence], src, tgt, kind, compute)
            ]
        return out

    def _cached(
        self,
        sentences: Sequence[str],
        src: str,
        tgt: str,
        kind: str,
        compute: Callable[[list[str]], list[str]],
    ) -> list[str]:
        """JSON values for ``sentences`` of one ``kind``: the stored ones, the rest computed
        (each distinct sentence once) and stored."""
        info = self.engine.info(src, tgt)
        keys = [cache_key(info, src, tgt, s, kind) for s in sentences]
        found = self.store.get_values(list(dict.fromkeys(keys)))
        missing = {k: s for k, s in zip(keys, sentences, strict=True) if k not in found}
        self.hits += sum(1 for k in keys if k in found)
        if missing:
            fresh = dict(zip(missing, compute(list(missing.values())), strict=True))
            self.store.put_values(info, src, tgt, fresh.items())
            found.update(fresh)
            self.misses += len(missing)
        return [found[k] for k in keys]

    def close(self) -> None:
        self.engine.close()
