"""The SQLite translation cache: keys, round trip of Translations, sharing, migrations, CLI."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from xlate.cache import MIGRATIONS, CachedTranslator, CacheStore, cache_key
from xlate.cli import app
from xlate.engines.base import EngineOptions
from xlate.engines.fake import FakeTranslator
from xlate.errors import ConfigError
from xlate.translation import EngineInfo, Translation

runner = CliRunner()


def test_second_call_is_served_from_cache(tmp_path: Path) -> None:
    engine = FakeTranslator(script={"en-es": {"Hello.": "Hola.", "Bye.": "Adiós."}})
    with CacheStore(tmp_path / "c.sqlite3") as store:
        cached = CachedTranslator(engine, store)
        first = cached.translate_batch(["Hello.", "Bye.", "Hello."], "en", "es")
        assert [t.text for t in first] == ["Hola.", "Adiós.", "Hola."]
        assert engine.calls == [("en", "es", ["Hello.", "Bye."])]  # repeats asked once
        second = cached.translate_batch(["Bye.", "New."], "en", "es")
        assert [t.text for t in second] == ["Adiós.", "New."]
        assert engine.calls[-1] == ("en", "es", ["New."])
        assert (cached.hits, cached.misses) == (1, 3)


def test_cache_survives_reopening_and_keeps_every_field(tmp_path: Path) -> None:
    class Rich(FakeTranslator):
        def translate_batch(self, sentences, src, tgt, *, alignments=False):  # type: ignore[no-untyped-def]
            self.calls.append((src, tgt, list(sentences)))
            return [
                Translation(
                    text=s.upper(),
                    alignment=((0, 0), (1, 2)) if alignments else None,
                    unknown_words=("Su-30MK2",),
                    notes=("split",),
                )
                for s in sentences
            ]

    path = tmp_path / "c.sqlite3"
    with CacheStore(path) as store:
        made = CachedTranslator(Rich(), store).translate_batch(["a b"], "en", "ru", alignments=True)
    engine = Rich()
    with CacheStore(path) as store:
        again = CachedTranslator(engine, store).translate_batch(
            ["a b"], "en", "ru", alignments=True
        )
    assert engine.calls == []
    assert again == made
    assert again[0] == Translation("A B", ((0, 0), (1, 2)), ("Su-30MK2",), ("split",))


def test_key_separates_engine_model_settings_direction_and_alignment() -> None:
    base = EngineInfo("hf", "opus-mt-en-es", None, {"beams": 4})
    key = cache_key(base, "en", "es", "Hello.", False)
    variants = [
        cache_key(
            EngineInfo("ct2", "opus-mt-en-es", None, {"beams": 4}), "en", "es", "Hello.", False
        ),
        cache_key(
            EngineInfo("hf", "opus-mt-en-ru", None, {"beams": 4}), "en", "es", "Hello.", False
        ),
        cache_key(
            EngineInfo("hf", "opus-mt-en-es", "abc", {"beams": 4}), "en", "es", "Hello.", False
        ),
        cache_key(
            EngineInfo("hf", "opus-mt-en-es", None, {"beams": 1}), "en", "es", "Hello.", False
        ),
        cache_key(base, "en", "ru", "Hello.", False),
        cache_key(base, "en", "es", "Hello.", True),
        cache_key(base, "en", "es", "Hello!", False),
    ]
    assert len({key, *variants}) == len(variants) + 1
    assert (
        cache_key(
            EngineInfo("hf", "opus-mt-en-es", None, {"beams": 4}), "en", "es", "Hello.", False
        )
        == key
    )


def test_alignment_request_is_part_of_the_key(tmp_path: Path) -> None:
    engine = FakeTranslator()
    with CacheStore(tmp_path / "c.sqlite3") as store:
        cached = CachedTranslator(engine, store)
        plain = cached.translate_batch(["One two."], "en", "es")
        aligned = cached.translate_batch(["One two."], "en", "es", alignments=True)
    assert plain[0].alignment is None
    assert aligned[0].alignment == ((0, 0), (1, 1))
    assert len(engine.calls) == 2


def test_migrations_are_recorded_and_run_once(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    with CacheStore(path) as store:
        assert store.schema_version == len(MIGRATIONS)
        CachedTranslator(FakeTranslator(), store).translate_batch(["x."], "en", "es")
    with CacheStore(path) as store:  # a second open must not re-create the table
        assert store.schema_version == len(MIGRATIONS)
        assert store.stats().entries == 1
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_unusable_cache_file_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"this is not a database, just some text " * 200)
    with pytest.raises(ConfigError, match="not usable"):
        CacheStore(bad)
    with pytest.raises(ConfigError, match="directory"):
        CacheStore(tmp_path)


_WRITER = """
import sys
from xlate.cache import CacheStore, CachedTranslator
from xlate.engines.fake import FakeTranslator
store = CacheStore(sys.argv[1])
cached = CachedTranslator(FakeTranslator(), store)
worker = sys.argv[2]
for i in range(150):
    # shared sentences collide between the processes; own ones don't
    cached.translate_batch([f"shared {i}.", f"{worker} {i}."], "en", "es")
store.close()
print(cached.misses)
"""


def test_two_processes_share_one_cache_file(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (_, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    with CacheStore(path) as store:
        assert store.stats().entries == 150 * 3  # 150 shared + 150 own of each
        engine = FakeTranslator()
        CachedTranslator(engine, store).translate_batch(["shared 7.", "a 7.", "b 7."], "en", "es")
        assert engine.calls == []


def test_cache_stats_and_clear_commands(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    with CacheStore(path) as store:
        CachedTranslator(FakeTranslator(), store).translate_batch(["a.", "b."], "en", "es")
        other = FakeTranslator(EngineOptions(model="scripted"), script={})
        CachedTranslator(other, store).translate_batch(["c."], "en", "ru")
    result = runner.invoke(app, ["cache", "stats", "--cache", str(path), "--json"])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    assert stats["entries"] == 3 and stats["size_bytes"] > 0
    assert stats["models"] == [
        {"engine": "fake", "model": "echo", "entries": 2},
        {"engine": "fake", "model": "scripted", "entries": 1},
    ]
    text = runner.invoke(app, ["cache", "stats", "--cache", str(path)])
    assert text.exit_code == 0 and "3 entries" in text.stdout and "scripted" in text.stdout
    cleared = runner.invoke(app, ["cache", "clear", "--cache", str(path)])
    assert cleared.exit_code == 0 and "3" in cleared.stdout
    with CacheStore(path) as store:
        assert store.stats().entries == 0


def test_cache_command_bad_file_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"garbage " * 1000)
    result = runner.invoke(app, ["cache", "stats", "--cache", str(bad)])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output
