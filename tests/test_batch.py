"""Batch jobs over a folder made from newstest2012: summaries, resuming, caching, kills."""

from __future__ import annotations

import csv
import json
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import corpus_lines
from xlate.batch import run as batch_run
from xlate.batch.layout import Shard, discover
from xlate.batch.plan import BatchOptions
from xlate.cache import CachedTranslator, CacheStore
from xlate.cli import app
from xlate.engines.fake import FakeTranslator
from xlate.errors import ConfigError, EngineError
from xlate.views.batch_summary import SUMMARY_VIEWS
from xlate.views.progress import JsonProgress

runner = CliRunner()


def run_batch(*args: Any, **kwargs: Any) -> batch_run.BatchResult:
    """A batch run that writes the summary views too, as ``xlate batch`` does."""
    return batch_run.run_batch(*args, summary_views=SUMMARY_VIEWS, **kwargs)


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
import signal, sys, time
from pathlib import Path
# A process inherits an ignored SIGINT from its parent (and Python then installs no
# handler): the test's pytest process may have it ignored, where a terminal's Ctrl-C
# reaches a run with the default. The run under test gets the default.
signal.signal(signal.SIGINT, signal.default_int_handler)
import xlate.batch.run
from xlate.engines import BUILTIN_ENGINES
from xlate.engines.fake import FakeTranslator

def reports_written():
    out = Path(sys.argv[sys.argv.index("--out") + 1])
    return len(list(out.rglob("*.report.json")))

class SlowFake(FakeTranslator):  # same name and model as "fake", so the same cache keys
    def translate_batch(self, sentences, src, tgt, *, alignments=False):
        time.sleep(0.03)
        # Once two articles are out, wait for the test's signal: on a loaded machine the
        # run could otherwise finish before the signal lands (then it exits 1, not 130).
        while reports_written() >= 2:
            time.sleep(0.05)
        return super().translate_batch(sentences, src, tgt, alignments=alignments)

BUILTIN_ENGINES["slowfake"] = "__main__:SlowFake"
xlate.batch.run.DEFAULT_WAVE_SENTENCES = 40  # write articles out one by one
from xlate.cli import main
if __name__ == "__main__":  # analysis workers import this script again
    sys.argv = ["xlate", "batch", *sys.argv[1:]]
    main()
"""


def _still_running(proc: subprocess.Popen[str], sig: signal.Signals) -> str:
    """What a run that outlived its signal left: its process tree, the run's Python stack
    where py-spy is installed, and its stderr (read after a kill). A failure that says
    where it hung, where a bare TimeoutExpired says only that it did."""
    tree = ""
    if shutil.which("ps"):
        tree = subprocess.run(["ps", "-ef", "--forest"], capture_output=True, text=True).stdout
    stack = ""
    if shutil.which("py-spy"):
        dumped = subprocess.run(
            ["py-spy", "dump", "--pid", str(proc.pid)], capture_output=True, text=True
        )
        stack = dumped.stdout + dumped.stderr
    proc.kill()
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        err = "(not read: a process the run started still holds its stderr open)"
    return (
        f"the run had not ended 60 s after {sig.name} (returncode {proc.returncode})\n"
        f"stderr:\n{err}\nstack:\n{stack}\nprocesses:\n{tree}"
    )


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
            "--chunk-size", "8", "--workers", "2", "--quiet"]  # fmt: skip
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while len(list(out_dir.rglob("*.report.json"))) < 2:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the run never wrote a report"
        time.sleep(0.02)
    proc.send_signal(sig)
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail(_still_running(proc, sig))
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


def apertium_engine() -> object:
    """The real Apertium engine. CI installs it (.ci/run); elsewhere, tests that use it are
    marked ``needs_apertium`` and skipped where it is absent (tests/conftest.py)."""
    import shutil

    from xlate.engines import create_engine

    assert shutil.which("apertium"), (
        "apertium is missing: apt-get install apertium apertium-eng-spa"
    )
    return create_engine("apertium")


@pytest.mark.needs_apertium
def test_real_engine_apertium(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    make_folder(in_dir, corpus_lines("en")[:40], 20)
    engine: Any = apertium_engine()
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


# --- parallel analysis ---------------------------------------------------------------------


def test_parallel_analysis_writes_what_a_serial_run_writes(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    make_folder(in_dir, corpus_lines("en")[400:460], 15)
    run_fake(in_dir, tmp_path / "serial", tmp_path / "a.sqlite3")
    engine, result = run_fake(in_dir, tmp_path / "parallel", tmp_path / "b.sqlite3",
                              analysis_workers=2, wave_sentences=60)  # fmt: skip
    assert engine.sentences_translated > 0 and not result.failed[:0]  # type: ignore[attr-defined]
    serial, parallel = snapshot(tmp_path / "serial"), snapshot(tmp_path / "parallel")
    assert len(parallel) == 4 * 5 + 3  # per article 2 translations, 2 backs, the report
    assert comparable(parallel) == comparable(serial)


# --- --check-dir: existing translations beside their sources ---------------------------------

CHECK_LANGS = ("en", "es", "ru")
INJECTED = {("politics/art1.en.txt", "es"), ("world/art2.en.txt", "ru")}


def numbered_lines() -> list[int]:
    """Corpus lines with a digit in all three languages (so a digit can be changed)."""
    en, es, ru = (corpus_lines(lang) for lang in CHECK_LANGS)
    return [i for i in range(len(en)) if all(any(c.isdigit() for c in t[i]) for t in (en, es, ru))]


def change_a_digit(text: str) -> str:
    """The first digit of the text, changed (9 becomes 0)."""
    i = next(i for i, c in enumerate(text) if c.isdigit())
    return text[:i] + str((int(text[i]) + 1) % 10) + text[i + 1 :]


def make_check_folder(root: Path, articles: int = 5, per_article: int = 4) -> list[str]:
    """Articles laid out as NAME.en.txt + NAME.es.txt + NAME.ru.txt, plus broken groups."""
    lines = numbered_lines()
    rels = []
    for number in range(articles):
        chosen = lines[number * per_article : (number + 1) * per_article]
        folder = root / ("world", "politics")[number % 2]
        folder.mkdir(parents=True, exist_ok=True)
        for lang in CHECK_LANGS:
            text = "\n".join(corpus_lines(lang)[i] for i in chosen) + "\n"
            (folder / f"art{number}.{lang}.txt").write_text(text, encoding="utf-8")
        rels.append(f"{folder.name}/art{number}.en.txt")
    misc = root / "misc"
    misc.mkdir()
    (misc / "latin.en.txt").write_text("The year 2012 was long.\n", encoding="utf-8")
    (misc / "latin.es.txt").write_bytes("El año 2012 fue largo.\n".encode("latin-1"))
    (misc / "orphan.es.txt").write_text("Sin original.\n", encoding="utf-8")
    (misc / "alone.en.txt").write_text("No translation beside me.\n", encoding="utf-8")
    return rels


CHECK_FAILED = {
    "misc/latin.en.txt": "misc/latin.es.txt",  # the bad translation is named
    "misc/orphan.es.txt": "no source",
    "misc/alone.en.txt": "no translation",
}


def run_check(in_dir: Path, out_dir: Path, engine: object = None, **kw: object) -> object:
    options = BatchOptions(targets=("es", "ru"), check=True, **kw)  # type: ignore[arg-type]
    return run_batch(in_dir, out_dir, options, engine)  # type: ignore[arg-type]


def test_check_dir_without_engine_finds_exactly_the_changed_numbers(tmp_path: Path) -> None:
    in_dir, out_dir = tmp_path / "in", tmp_path / "out"
    rels = make_check_folder(in_dir)
    clean = run_check(in_dir, out_dir)
    before = {(r.path, r.target): r for r in clean.rows}  # type: ignore[attr-defined]
    assert {k for k, r in before.items() if r.status == "ok"} == {
        (rel, t) for rel in rels for t in ("es", "ru")
    }
    assert all(r.mode == "check" for r in before.values())
    assert all(r.chrf is None for r in before.values())  # no back-translation, no score
    errors = {path: r.error for (path, _), r in before.items() if r.status == "failed"}
    assert errors.keys() == CHECK_FAILED.keys()
    assert all(words in errors[path] for path, words in CHECK_FAILED.items())
    # reports and summaries only: the translations exist already
    written = set(snapshot(out_dir))
    assert written == {f"{rel[: -len('.en.txt')]}.report.json" for rel in rels} | {
        "summary.csv", "summary.md", "summary.json"
    }  # fmt: skip
    report = json.loads((out_dir / "politics/art1.report.json").read_text(encoding="utf-8"))
    assert report["mode"] == "check" and [lg["target"] for lg in report["languages"]] == [
        "es", "ru"
    ]  # fmt: skip
    assert report["settings"]["translation_paths"] == {
        "es": "politics/art1.es.txt", "ru": "politics/art1.ru.txt"
    }  # fmt: skip
    with (out_dir / "summary.csv").open(encoding="utf-8") as handle:
        assert {row["mode"] for row in csv.DictReader(handle)} == {"check"}

    for path, lang in INJECTED:
        translation = in_dir / path.replace(".en.", f".{lang}.")
        translation.write_text(change_a_digit(translation.read_text("utf-8")), "utf-8")
    again = run_check(in_dir, out_dir)
    assert again.counts()["up_to_date"] == len(rels) - len(INJECTED)  # type: ignore[attr-defined]
    after = {(r.path, r.target): r for r in again.rows}  # type: ignore[attr-defined]
    worse = {
        key
        for key, row in after.items()
        if row.status == "ok" and row.number_mismatches > before[key].number_mismatches
    }
    assert worse == INJECTED
    assert all(after[key].worst_severity == "high" for key in INJECTED)


def test_check_dir_back_translates_a_whole_wave_together_through_the_cache(
    tmp_path: Path,
) -> None:
    in_dir = tmp_path / "in"
    rels = make_check_folder(in_dir)
    engine, cached, store = cached_fake(tmp_path / "c.sqlite3")
    try:
        result = run_check(in_dir, tmp_path / "out", cached)
        # one engine call per direction for all articles; only back-translations
        assert sorted((s, t) for s, t, _ in engine.calls) == [("es", "en"), ("ru", "en")]
        rows = [r for r in result.rows if r.status == "ok"]  # type: ignore[attr-defined]
        assert len(rows) == 2 * len(rels) and all(r.chrf is not None for r in rows)
        report = json.loads((tmp_path / "out/politics/art3.report.json").read_text("utf-8"))
        assert {lg["back_engine"]["engine"] for lg in report["languages"]} == {"fake"}
        spanish = corpus_lines("es")[numbered_lines()[12]]
        backs = [s["back_translation"] for s in report["languages"][0]["sentences"]]
        assert spanish in backs  # the echo engine's back-translation of the Spanish
        # the same folder checked again, into a new folder: all from the cache
        engine.calls.clear()
        warm = run_check(in_dir, tmp_path / "out2", cached, analysis_workers=2)
        assert engine.calls == [] and warm.cached > 0  # type: ignore[attr-defined]
        assert comparable(snapshot(tmp_path / "out2")) == comparable(snapshot(tmp_path / "out"))
    finally:
        store.close()


def test_cli_check_dir(tmp_path: Path) -> None:
    in_dir, out_dir = tmp_path / "in", tmp_path / "out"
    make_check_folder(in_dir, articles=2)
    base = ["batch", "--check-dir", str(in_dir), "--out", str(out_dir), "--to", "es,ru"]
    result = runner.invoke(app, [*base, "--engine", "none", "--quiet"])
    assert result.exit_code == 1, result.output  # the broken groups
    assert result.stderr.strip() == (
        f"xlate: error: 3 of 5 articles failed; see {out_dir / 'summary.md'}"
    )
    summary = (out_dir / "summary.md").read_text(encoding="utf-8")
    assert "existing translations checked" in summary and "world/art0.en.txt" in summary
    both = runner.invoke(app, ["batch", str(in_dir), *base[1:], "--engine", "none"])
    assert both.exit_code == 2 and "not both" in both.stderr
    none = runner.invoke(app, ["batch", str(in_dir), "--out", str(out_dir), "--engine", "none"])
    assert none.exit_code == 2 and "--check-dir" in none.stderr
    assert len(none.stderr.strip().splitlines()) == 1


def test_check_dir_naming_rule() -> None:
    from xlate.batch.checkdir import NamedFile, group_files

    def groups(names: list[str], src: str | None = None, targets: tuple[str, ...] = ("es", "ru")):  # type: ignore[no-untyped-def]
        found = group_files([NamedFile(n, Path(n)) for n in names], targets, src)
        return {
            g.key: (g.source.rel, g.source_lang, sorted(g.translations), g.error) for g in found
        }

    plain = groups(["a/story.txt", "a/story.ES.txt", "a/story.ru.txt", "a/x.2012.txt"])
    assert plain["a/story.txt"] == ("a/story.txt", None, ["es", "ru"], "")
    assert "no translation" in plain["a/x.2012.txt"][3]  # 2012 is no language code
    coded = groups(["b/s.en.md", "b/s.es.md", "b/s.en.txt", "b/s.ru.txt"])
    assert coded["b/s.md"] == ("b/s.en.md", "en", ["es"], "")
    assert coded["b/s.txt"] == ("b/s.en.txt", "en", ["ru"], "")
    assert {g.stem for g in group_files([NamedFile("b/s.en.md", Path()),
                                         NamedFile("b/s.en.txt", Path())], ("es",), None)} == {
        "s.md", "s.txt"
    }  # fmt: skip
    given = groups(["c/s.en.txt", "c/s.es.txt", "c/s.ru.txt"], src="es", targets=("ru",))
    assert given["c/s.txt"] == ("c/s.es.txt", "es", ["ru"], "")
    unclear = groups(["c/s.en.txt", "c/s.es.txt", "c/s.ru.txt"], targets=("ru",))
    assert "give --from" in unclear["c/s.txt"][3]
    two = groups(["d/s.txt", "d/s.en.txt", "d/s.es.txt"])
    assert "two possible sources" in two["d/s.txt"][3]
    twice = groups(["e/s.en.txt", "e/s.es.txt", "e/s.ES.txt"])
    assert "twice" in twice["e/s.txt"][3]
    orphan = groups(["f/s.es.txt", "f/s.ru.txt"])
    assert "no source" in orphan["f/s.txt"][3]


@pytest.mark.needs_apertium
def test_check_dir_with_apertium(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    for number, start in enumerate((600, 620)):
        for lang in ("en", "es"):
            text = "\n".join(corpus_lines(lang)[start : start + 10]) + "\n"
            (in_dir / f"art{number}.{lang}.txt").parent.mkdir(parents=True, exist_ok=True)
            (in_dir / f"art{number}.{lang}.txt").write_text(text, encoding="utf-8")
    engine: Any = apertium_engine()
    try:
        result = run_batch(in_dir, tmp_path / "out",
                           BatchOptions(targets=("es",), check=True), engine)  # fmt: skip
    finally:
        engine.close()
    assert sorted((r.path, r.target, r.status) for r in result.rows) == [
        ("art0.en.txt", "es", "ok"), ("art1.en.txt", "es", "ok")
    ]  # fmt: skip
    # a human translation, back-translated by Apertium: close to the English source
    assert all(r.chrf is not None and r.chrf > 35 for r in result.rows), result.rows
    report = json.loads((tmp_path / "out/art0.report.json").read_text(encoding="utf-8"))
    assert report["languages"][0]["back_engine"]["engine"] == "apertium"
    backs = [s["back_translation"] for s in report["languages"][0]["sentences"]]
    assert sum(b is not None for b in backs) >= 8  # the aligner may merge a pair or two
    assert backs[0] != corpus_lines("es")[600]
