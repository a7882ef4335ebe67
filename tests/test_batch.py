"""Batch jobs over a folder made from newstest2012: summaries, resuming, caching, kills."""

from __future__ import annotations

import csv
import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import corpus_lines
from xlate.batch import (
    BatchOptions,
    JsonProgress,
    Shard,
    discover,
    run_batch,
)
from xlate.cache import CachedTranslator, CacheStore
from xlate.cli import app
from xlate.engines.fake import FakeTranslator
from xlate.errors import ConfigError, EngineError

runner = CliRunner()
TARGETS = ("es", "ru")
BAD_FILES = ("misc/blob.txt", "misc/empty.md", "misc/latin1.txt")


def make_folder(root: Path, lines: list[str], per_article: int) -> list[str]:
    """Articles of ``per_article`` lines in nested folders, plus bad and ignored files."""
    rels = []
    for number, start in enumerate(range(0, len(lines), per_article)):
        section = ("world", "politics/europe", "economy")[number % 3]
        suffix = ".md" if number % 4 == 1 else ".txt"
        rel = f"{section}/story{number:02d}{suffix}"
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines[start : start + per_article]) + "\n", encoding="utf-8")
        rels.append(rel)
    (root / "misc").mkdir()
    (root / "misc/blob.txt").write_bytes(bytes(range(256)) * 8)
    (root / "misc/empty.md").write_text("", encoding="utf-8")
    (root / "misc/latin1.txt").write_bytes("Año nuevo en España, dijo él.".encode("latin-1"))
    # never articles: hidden files and folders, other extensions
    (root / ".drafts").mkdir()
    (root / ".drafts/secret.txt").write_text("Hidden draft.\n", encoding="utf-8")
    (root / "world/.notes.txt").write_text("Hidden note.\n", encoding="utf-8")
    (root / "world/data.csv").write_text("a,b\n", encoding="utf-8")
    return rels


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def comparable(files: dict[str, bytes]) -> dict[str, object]:
    """Outputs with each report's ``created`` time left out (it differs between runs)."""
    out: dict[str, object] = {}
    for name, data in files.items():
        if name.endswith(".report.json"):
            report = json.loads(data)
            report.pop("created")
            out[name] = report
        else:
            out[name] = data
    return out


def cached_fake(cache: Path) -> tuple[FakeTranslator, CachedTranslator, CacheStore]:
    engine = FakeTranslator()
    store = CacheStore(cache)
    return engine, CachedTranslator(engine, store), store


def run_fake(
    in_dir: Path, out_dir: Path, cache: Path, **kw: object
) -> tuple[FakeTranslator, object]:
    engine, cached, store = cached_fake(cache)
    try:
        result = run_batch(in_dir, out_dir, BatchOptions(targets=TARGETS, src="en", **kw), cached)  # type: ignore[arg-type]
    finally:
        store.close()
    return engine, result


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    """300 lines of newstest2012.en as articles of 100 lines, run once through the fake engine.

    (The analysis costs ~10 ms per sentence and language, so the whole corpus would take a
    minute; the benchmark runs all of it.)
    """
    root = tmp_path_factory.mktemp("corpus")
    in_dir, out_dir, cache = root / "in", root / "out", root / "cache.sqlite3"
    in_dir.mkdir()
    rels = make_folder(in_dir, corpus_lines("en")[:300], 100)
    engine, result = run_fake(in_dir, out_dir, cache)
    yield {
        "in": in_dir,
        "out": out_dir,
        "cache": cache,
        "rels": rels,
        "engine": engine,
        "result": result,
    }


def test_summaries_list_every_article_and_report_bad_files(corpus_run: dict) -> None:
    out: Path = corpus_run["out"]
    rels: list[str] = corpus_run["rels"]
    assert len(rels) == 3
    data = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    ok_rows = [r for r in data["rows"] if r["status"] == "ok"]
    assert sorted({(r["path"], r["target"]) for r in ok_rows}) == sorted(
        (rel, t) for rel in rels for t in TARGETS
    )
    assert data["failed"] == sorted(BAD_FILES)
    errors = {r["path"]: r["error"] for r in data["rows"] if r["status"] == "failed"}
    assert "binary" in errors["misc/blob.txt"]
    assert "empty" in errors["misc/empty.md"]
    assert "UTF-8" in errors["misc/latin1.txt"]
    assert all("\n" not in e and str(corpus_run["in"]) not in e for e in errors.values())
    # failures first, then worst first
    assert [r["status"] for r in data["rows"][:3]] == ["failed"] * 3
    assert data["articles"] == 6
    with (out / "summary.csv").open(encoding="utf-8") as handle:
        csv_rows = list(csv.DictReader(handle))
    assert [(r["path"], r["target"]) for r in csv_rows] == [
        (r["path"], r["target"]) for r in data["rows"]
    ]
    assert {"chrf", "bleu", "ter", "flagged", "quotes_changed", "quotes_lost",
            "number_mismatches", "name_mismatches", "worst_sentence",
            "worst_sentence_chrf"} <= set(csv_rows[0])  # fmt: skip
    markdown = (out / "summary.md").read_text(encoding="utf-8")
    assert all(rel in markdown for rel in rels + list(BAD_FILES))
    # hidden files and other extensions are not articles
    assert not any(".drafts" in r["path"] or "notes" in r["path"] for r in data["rows"])


def test_outputs_mirror_the_tree(corpus_run: dict) -> None:
    out: Path = corpus_run["out"]
    in_dir: Path = corpus_run["in"]
    source = (in_dir / "world/story00.txt").read_text(encoding="utf-8")
    # the echo engine gives the source back: layout must survive byte for byte
    assert (out / "world/story00.es.txt").read_text(encoding="utf-8") == source
    assert (out / "world/story00.ru.back.txt").read_text(encoding="utf-8") == source
    assert not (out / "world/story00.es.md").exists()  # .txt stays .txt
    report = json.loads((out / "politics/europe/story01.report.json").read_text("utf-8"))
    assert report["source"]["path"] == "politics/europe/story01.md"
    assert (out / "politics/europe/story01.es.back.md").is_file()  # Markdown keeps .md
    assert [lang["target"] for lang in report["languages"]] == ["es", "ru"]
    assert not (out / "misc").exists()  # failed articles write nothing
    engine: FakeTranslator = corpus_run["engine"]
    # sentences of many articles travel together: far fewer calls than articles x directions
    assert engine.sentences_translated > 0
    assert not list(out.rglob("*.tmp"))


def test_rerun_translates_nothing_and_is_byte_identical(corpus_run: dict) -> None:
    before = snapshot(corpus_run["out"])
    engine, result = run_fake(corpus_run["in"], corpus_run["out"], corpus_run["cache"])
    assert engine.calls == []
    assert snapshot(corpus_run["out"]) == before
    assert result.counts()["up_to_date"] == 3  # type: ignore[attr-defined]


def test_editing_one_sentence_retranslates_exactly_it(tmp_path: Path) -> None:
    in_dir, out_dir, cache = tmp_path / "in", tmp_path / "out", tmp_path / "c.sqlite3"
    in_dir.mkdir()
    make_folder(in_dir, corpus_lines("en")[:120], 30)
    run_fake(in_dir, out_dir, cache)
    before = snapshot(out_dir)
    article = in_dir / "economy/story02.txt"
    lines = article.read_text(encoding="utf-8").splitlines(keepends=True)
    edited = "The minister said the deficit had grown to 14 percent, not four."
    lines[5] = edited + "\n"
    article.write_text("".join(lines), encoding="utf-8")
    engine, _ = run_fake(in_dir, out_dir, cache)
    asked = {s for _, _, batch in engine.calls for s in batch}
    assert asked == {edited}
    assert sorted((s, t) for s, t, _ in engine.calls) == [
        ("en", "es"), ("en", "ru"), ("es", "en"), ("ru", "en")
    ]  # fmt: skip
    after = snapshot(out_dir)
    changed = {k for k in after if after[k] != before.get(k)}
    assert changed - {"summary.csv", "summary.md", "summary.json"} == {
        "economy/story02.es.txt", "economy/story02.ru.txt", "economy/story02.es.back.txt",
        "economy/story02.ru.back.txt", "economy/story02.report.json",
    }  # fmt: skip
    assert edited in after["economy/story02.es.txt"].decode()


_SLOW_RUNNER = """
import sys, time
import xlate.batch
from xlate.engines import BUILTIN_ENGINES
from xlate.engines.fake import FakeTranslator

class SlowFake(FakeTranslator):  # same name and model as "fake", so the same cache keys
    def translate_batch(self, sentences, src, tgt, *, alignments=False):
        time.sleep(0.03)
        return super().translate_batch(sentences, src, tgt, alignments=alignments)

BUILTIN_ENGINES["slowfake"] = "__main__:SlowFake"
xlate.batch.DEFAULT_WAVE_SENTENCES = 40  # write articles out one by one
from xlate.cli import main
sys.argv = ["xlate", "batch", *sys.argv[1:]]
main()
"""


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_killed_run_resumes_to_the_same_outputs(tmp_path: Path, sig: signal.Signals) -> None:
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    make_folder(in_dir, corpus_lines("en")[300:390], 15)
    reference = tmp_path / "reference"
    reference_engine, _ = run_fake(in_dir, reference, tmp_path / "ref.sqlite3")

    out_dir, cache = tmp_path / "out", tmp_path / "c.sqlite3"
    script = tmp_path / "slow_runner.py"
    script.write_text(_SLOW_RUNNER, encoding="utf-8")
    args = [sys.executable, str(script), str(in_dir), "--from", "en", "--to", "es,ru",
            "--out", str(out_dir), "--engine", "slowfake", "--cache", str(cache),
            "--chunk-size", "8", "--quiet"]  # fmt: skip
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while len(list(out_dir.rglob("*.report.json"))) < 2:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the run never wrote a report"
        time.sleep(0.02)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    if sig == signal.SIGINT:
        assert proc.returncode == 130, err
        assert err.strip().splitlines()[-1] == "xlate: interrupted"
        assert not list(out_dir.rglob("*.tmp"))  # Ctrl-C cleans up after itself
    else:
        assert proc.returncode == -signal.SIGKILL
    assert not (out_dir / "summary.csv").exists()  # it really stopped mid-way
    done = len(list(out_dir.rglob("*.report.json")))
    assert 2 <= done < 6
    # what a SIGKILL inside atomic_write leaves behind
    report = next(out_dir.rglob("*.report.json"))
    (report.parent / f".{report.name}.k1ll3d_x.tmp").write_text("half", encoding="utf-8")

    engine, _ = run_fake(in_dir, out_dir, cache)
    translated = engine.sentences_translated
    assert not list(out_dir.rglob("*.tmp"))
    assert comparable(snapshot(out_dir)) == comparable(snapshot(reference))
    # the cache kept the killed run's work
    assert translated < reference_engine.sentences_translated


def test_shards_partition_and_merge_to_the_single_run(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    rels = make_folder(in_dir, corpus_lines("en")[:60], 6)
    single = tmp_path / "single"
    run_fake(in_dir, single, tmp_path / "c.sqlite3")
    sharded = tmp_path / "sharded"
    owners = {rel: [i for i in (1, 2, 3) if Shard(i, 3).owns(rel)] for rel in rels}
    assert all(len(v) == 1 for v in owners.values())  # a partition
    assert len({v[0] for v in owners.values()}) == 3  # every shard gets work here
    for index in (1, 2):
        run_fake(in_dir, sharded, tmp_path / "c.sqlite3", shard=Shard(index, 3))
    result = runner.invoke(app, ["batch", "--merge", str(sharded)])
    assert result.exit_code == 1 and "3 of 3 missing" in result.stderr
    run_fake(in_dir, sharded, tmp_path / "c.sqlite3", shard=Shard(3, 3))
    assert (sharded / "summary.part-2-of-3.json").is_file()
    assert not (sharded / "summary.csv").exists()
    result = runner.invoke(app, ["batch", "--merge", str(sharded)])
    assert result.exit_code == 0, result.output
    for name in ("summary.csv", "summary.md", "summary.json"):
        assert (sharded / name).read_bytes() == (single / name).read_bytes(), name


def test_one_failing_sentence_fails_only_its_article(tmp_path: Path) -> None:
    class Picky(FakeTranslator):
        def translate_batch(self, sentences, src, tgt, *, alignments=False):  # type: ignore[no-untyped-def]
            if any("BOOM" in s for s in sentences):
                raise EngineError("engine 'picky' crashed on a sentence")
            return super().translate_batch(sentences, src, tgt, alignments=alignments)

    in_dir = tmp_path / "in"
    (in_dir / "a").mkdir(parents=True)
    (in_dir / "a/good.txt").write_text("All is well. The sun is out.\n", encoding="utf-8")
    (in_dir / "a/bad.txt").write_text("Fine words. BOOM goes the engine.\n", encoding="utf-8")
    result = run_batch(in_dir, tmp_path / "out", BatchOptions(targets=("es",), src="en"), Picky())
    assert result.failed == ["a/bad.txt"]
    assert (tmp_path / "out/a/good.report.json").is_file()
    row = next(r for r in result.rows if r.path == "a/bad.txt")
    assert "crashed" in row.error


def test_cli_batch_end_to_end(tmp_path: Path) -> None:
    in_dir, out_dir = tmp_path / "in", tmp_path / "out"
    in_dir.mkdir()
    make_folder(in_dir, corpus_lines("en")[:60], 20)
    base = ["batch", str(in_dir), "--from", "en", "--to", "es,ru", "--out", str(out_dir),
            "--engine", "fake", "--cache", str(tmp_path / "c.sqlite3")]  # fmt: skip
    dry = runner.invoke(app, [*base, "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "todo" in dry.stdout and "world/story00.txt" in dry.stdout
    assert "failed" in dry.stdout and "misc/blob.txt" in dry.stdout
    assert not out_dir.exists()
    result = runner.invoke(app, [*base, "--json-progress"])
    assert result.exit_code == 1  # bad files failed
    assert result.stderr.strip().splitlines()[-1].startswith("xlate: error: 3 of 6 articles")
    events = [json.loads(line) for line in result.stderr.splitlines()[:-1]]
    kinds = [e["event"] for e in events]
    assert kinds[0] == "start" and kinds[-1] == "done" and "progress" in kinds
    progress = [e for e in events if e["event"] == "progress"]
    assert progress[-1]["sentences_done"] == progress[-1]["sentences_total"] > 0
    assert {"rate", "eta_s", "articles_done"} <= progress[-1].keys()
    assert max(e.get("articles_done", 0) for e in progress) <= 6
    assert sorted(e["path"] for e in events if e["event"] == "article") == sorted(
        ["world/story00.txt", "politics/europe/story01.md", "economy/story02.txt",
         *BAD_FILES]
    )  # fmt: skip
    for bad in BAD_FILES:
        (in_dir / bad).unlink()
    again = runner.invoke(app, [*base, "--quiet"])
    assert again.exit_code == 0, again.output
    assert again.stderr == ""
    assert "misc" not in (out_dir / "summary.md").read_text(encoding="utf-8")


def test_cli_rejects_bad_options(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for args, words in (
        (["--shard", "4/3"], "--shard"),
        (["--to", "de"], "unsupported language"),
    ):
        result = runner.invoke(app, ["batch", str(tmp_path / "in"), "--out", str(tmp_path / "o"),
                                     "--engine", "fake", "--no-cache", *args])  # fmt: skip
        assert result.exit_code == 1, result.output
        assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    same = runner.invoke(app, ["batch", str(tmp_path / "in"), "--out", str(tmp_path / "in"),
                               "--engine", "fake", "--no-cache"])  # fmt: skip
    assert same.exit_code == 1 and "differ" in same.stderr
    missing = runner.invoke(app, ["batch", str(tmp_path / "nope"), "--out", str(tmp_path / "o"),
                                  "--engine", "fake", "--no-cache"])  # fmt: skip
    assert missing.exit_code == 1 and "not a folder" in missing.stderr
    with pytest.raises(ConfigError):
        Shard.parse("x")


def test_discover_names_clashing_stems_and_skips_the_output_folder(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    for name in ("story.txt", "story.md", "other.txt", "out/story.es.txt", ".hidden.txt"):
        (tmp_path / name).write_text("Text.\n", encoding="utf-8")
    found = discover(tmp_path, ("*.txt", "*.md"), exclude=tmp_path / "out")
    assert [(a.rel, a.stem) for a in found] == [
        ("other.txt", "other"), ("story.md", "story.md"), ("story.txt", "story.txt")
    ]  # fmt: skip
    outputs = found[1].outputs(tmp_path / "o", ["es"])
    assert outputs.translations["es"].name == "story.md.es.md"
    assert outputs.report.name == "story.md.report.json"
    only_md = discover(tmp_path, ("*.md",))
    assert [a.rel for a in only_md] == ["story.md"]


def test_detects_each_articles_language_and_skips_its_own(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    (in_dir / "en.txt").write_text(corpus_lines("en")[10] + "\n", encoding="utf-8")
    (in_dir / "es.txt").write_text(corpus_lines("es")[10] + "\n", encoding="utf-8")
    engine = FakeTranslator()
    result = run_batch(in_dir, tmp_path / "out", BatchOptions(targets=("es", "ru")), engine)
    targets = sorted((r.path, r.target) for r in result.rows)
    assert targets == [("en.txt", "es"), ("en.txt", "ru"), ("es.txt", "ru")]
    assert {(s, t) for s, t, _ in engine.calls} >= {("en", "es"), ("es", "ru")}


def test_json_progress_stream_is_one_object_per_line(tmp_path: Path) -> None:
    import io

    in_dir = tmp_path / "in"
    in_dir.mkdir()
    (in_dir / "a.txt").write_text("One. Two.\n\nThree.\n", encoding="utf-8")
    stream = io.StringIO()
    run_batch(in_dir, tmp_path / "out", BatchOptions(targets=("es",), src="en"),
              FakeTranslator(), progress=JsonProgress(stream))  # fmt: skip
    events = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert events[-1]["event"] == "done" and events[-1]["sentences_translated"] == 6


def test_real_engine_apertium(tmp_path: Path) -> None:
    from xlate.engines import create_engine

    in_dir = tmp_path / "in"
    in_dir.mkdir()
    make_folder(in_dir, corpus_lines("en")[:40], 20)
    engine = create_engine("apertium")
    try:
        result = run_batch(
            in_dir, tmp_path / "out", BatchOptions(targets=("es",), src="en"), engine
        )
    finally:
        engine.close()
    ok = [r for r in result.rows if r.status == "ok"]
    assert len(ok) == 2 and all(r.chrf is not None and r.chrf > 20 for r in ok)
    translation = (tmp_path / "out/world/story00.es.txt").read_text(encoding="utf-8")
    assert translation != (in_dir / "world/story00.txt").read_text(encoding="utf-8")
    assert len(translation.splitlines()) == 20
