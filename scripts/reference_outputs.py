#!/usr/bin/env python3
"""Reference outputs of the xlate CLI, to prove a refactor leaves behaviour unchanged.

    generate --root ROOT --corpus DIR --out OUTDIR
        Run a fixed set of ``python -m xlate`` commands (PYTHONPATH=ROOT, cwd a fresh temp
        dir, offline, COLUMNS=100) and keep every output they write, plus each command's
        argv, stdout, stderr and exit code, under OUTDIR.
    compare OUT_A OUT_B
        Compare two such trees file by file after normalising what is run-dependent; print
        a short unified diff per differing file; exit 0 only when all files are identical.

Typical use: ``generate --root OLD --out refs/base``, refactor, ``generate --root NEW --out
refs/new``, ``compare refs/base refs/new``.

Every path handed to the CLI is relative to the temp working dir, so no absolute path (of
ROOT, of the corpus, of the temp dir) reaches an output. What ``compare`` normalises:

* JSON files (``*.json``, including the ``--json`` stdout kept as ``stdout.json``): the
  value of every ``created`` key (the report's creation time) becomes ``<CREATED>``;
  ``elapsed_s`` values, should any appear, become ``<ELAPSED>``. Key order is kept.
* Text files: ISO-8601 timestamps with a time zone (``2026-01-01T12:00:00+00:00``: the
  report's ``created`` time in the Markdown/HTML/diff header) become ``<CREATED>``; in
  batch's progress display on stderr the rate (``100.8 sent/s``) becomes ``<RATE> sent/s``
  and, on the bar lines only, runs of spaces become one (rich pads the columns to the
  widest cell, the rate's).
* Both: temp dirs made by ``generate`` (``.../xlate-ref-XXXX``) become ``<WORKDIR>`` (a
  safety net: none is expected).

Standard library only.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SAMPLE = Path("samples") / "maduro-su30-request.en.txt"
CORPUS_STEM = "newstest2012"
LANGS = ("en", "es", "ru")
DIRECTIONS = (("en", "es"), ("es", "en"), ("en", "ru"), ("ru", "en"), ("es", "ru"), ("ru", "es"))
NONE_LINES = 600  # check --lines --engine none, all six directions
APERTIUM_LINES = 200  # check --lines --engine apertium, en-es and es-en
DOC_LINES = 40  # check (document mode) --engine apertium: these lines joined as one article
BATCH_LINES = 60  # batch: newstest2012.en lines ...
BATCH_ARTICLES = 6  # ... split into this many articles in a nested folder
BATCH_LAYOUT = (
    "news/a01.txt",
    "news/a02.txt",
    "news/world/a03.txt",
    "news/world/a04.txt",
    "news/world/europe/a05.txt",
    "news/world/europe/a06.md",
)
WORKDIR_PREFIX = "xlate-ref-"
COMMAND_TIMEOUT_S = 600

CREATED = "<CREATED>"
ELAPSED = "<ELAPSED>"
WORKDIR = "<WORKDIR>"
JSON_REPLACEMENTS = {"created": CREATED, "elapsed_s": ELAPSED}
TEXT_REPLACEMENTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[+-]\d{2}:\d{2}|Z)"),
        CREATED,
    ),
    (re.compile(r"(?:/private)?/[^\s\"'<>]*?/" + WORKDIR_PREFIX + r"[A-Za-z0-9_]+"), WORKDIR),
    # batch's progress display (stderr): the rate depends on the machine's speed
    (re.compile(r"\b\d+(?:\.\d+)? sent/s\b"), "<RATE> sent/s"),
)
# ... and rich pads the display's columns to the widest cell (the rate's): one space apart
PROGRESS_LINE = re.compile(r"^[^\n]*[\u2501\u2578\u257a][^\n]*$", re.MULTILINE)
# Environment variables that could change what the CLI prints; removed before each run.
SCRUBBED_ENV = (
    "PYTHONPATH",
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "CLICOLOR_FORCE",
    "COLUMNS",
    "LINES",
    "PAGER",
    "XLATE_MODEL_STORE",
)


# --- generate ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One CLI invocation: its outputs go to ``runs/NAME/`` (stdout/stderr/exit code too)."""

    name: str
    args: tuple[str, ...]
    stdout_name: str = "stdout.txt"
    expect_rc: int = 0
    mkdirs: tuple[str, ...] = ()


@dataclass
class StepResult:
    step: Step
    rc: int
    seconds: float


@dataclass
class Inputs:
    sample: str
    lines: dict[tuple[str, int], str] = field(default_factory=dict)  # (lang, n) -> rel path
    docs: dict[str, str] = field(default_factory=dict)  # lang -> rel path
    batch_dir: str = ""


def _head(path: Path, n: int) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    if len(lines) < n:
        raise SystemExit(f"{path}: {len(lines)} lines, need at least {n}")
    return lines[:n]


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def prepare_inputs(work: Path, root: Path, corpus: Path, sample: Path | None) -> Inputs:
    """Copy/slice every input into ``work/inputs`` (they are kept in the output tree too)."""
    sample_src = sample if sample is not None else root / SAMPLE
    sample_rel = f"inputs/sample/{sample_src.name}"
    target = work / sample_rel
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(sample_src, target)
    inputs = Inputs(sample=sample_rel)
    for lang in LANGS:
        corpus_file = corpus / f"{CORPUS_STEM}.{lang}"
        head = _head(corpus_file, max(NONE_LINES, APERTIUM_LINES, DOC_LINES, BATCH_LINES))
        for n in (NONE_LINES, APERTIUM_LINES):
            rel = f"inputs/lines{n}/{CORPUS_STEM}.{lang}.txt"
            _write(work / rel, "\n".join(head[:n]) + "\n")
            inputs.lines[(lang, n)] = rel
        rel = f"inputs/doc{DOC_LINES}/{CORPUS_STEM}.{lang}.txt"
        _write(work / rel, " ".join(line.strip() for line in head[:DOC_LINES]) + "\n")
        inputs.docs[lang] = rel
        if lang == "en":
            per = BATCH_LINES // BATCH_ARTICLES
            for i, name in enumerate(BATCH_LAYOUT):
                chunk = head[i * per : (i + 1) * per]
                # each corpus line one paragraph
                _write(work / "inputs" / "batch" / name, "\n\n".join(chunk) + "\n")
            inputs.batch_dir = "inputs/batch"
    return inputs


def build_steps(inp: Inputs) -> list[Step]:
    steps: list[Step] = []
    rt = "runs/01-roundtrip-apertium-en-es"
    steps.append(
        Step(
            "01-roundtrip-apertium-en-es",
            (
                "roundtrip",
                inp.sample,
                "--from",
                "en",
                "--to",
                "es",
                "--engine",
                "apertium",
                "--report",
                f"{rt}/report.json",
                "--markdown",
                f"{rt}/report.md",
                "--html",
                f"{rt}/report.html",
            ),
        )
    )
    steps.append(
        Step(
            "02-roundtrip-apertium-en-es-json",
            (
                "roundtrip",
                inp.sample,
                "--from",
                "en",
                "--to",
                "es",
                "--engine",
                "apertium",
                "--json",
            ),
            stdout_name="stdout.json",
        )
    )
    steps.append(
        Step("03-diff-roundtrip", ("diff", f"{rt}/report.json", "--no-color", "--no-pager"))
    )
    steps.append(
        Step(
            "04-report-rerender",
            (
                "report",
                f"{rt}/report.json",
                "--html",
                "runs/04-report-rerender/report.html",
                "--markdown",
                "-",
            ),
        )
    )
    for src, tgt in DIRECTIONS:
        name = f"05-check-lines{NONE_LINES}-none-{src}-{tgt}"
        steps.append(
            Step(
                name,
                (
                    "check",
                    "--lines",
                    "--engine",
                    "none",
                    "--from",
                    src,
                    "--to",
                    tgt,
                    inp.lines[(src, NONE_LINES)],
                    inp.lines[(tgt, NONE_LINES)],
                    "--report",
                    f"runs/{name}/report.json",
                ),
            )
        )
    for src, tgt in (("en", "es"), ("es", "en")):
        name = f"06-check-lines{APERTIUM_LINES}-apertium-{src}-{tgt}"
        steps.append(
            Step(
                name,
                (
                    "check",
                    "--lines",
                    "--engine",
                    "apertium",
                    "--from",
                    src,
                    "--to",
                    tgt,
                    inp.lines[(src, APERTIUM_LINES)],
                    inp.lines[(tgt, APERTIUM_LINES)],
                    "--report",
                    f"runs/{name}/report.json",
                ),
            )
        )
    for src, tgt in (("en", "es"), ("es", "en")):
        name = f"07-check-doc{DOC_LINES}-apertium-{src}-{tgt}"
        steps.append(
            Step(
                name,
                (
                    "check",
                    "--engine",
                    "apertium",
                    "--from",
                    src,
                    "--to",
                    tgt,
                    inp.docs[src],
                    inp.docs[tgt],
                    "--report",
                    f"runs/{name}/report.json",
                    "--markdown",
                    f"runs/{name}/report.md",
                ),
            )
        )
    batch_out = "runs/08-batch-apertium-en-es/out"
    batch_common = (
        "--from",
        "en",
        "--to",
        "es",
        "--engine",
        "apertium",
        "--workers",
        "2",
        "--cache",
        "cache/translations.sqlite3",
    )
    # a fresh cache: every sentence translated
    steps.append(
        Step(
            "08-batch-apertium-en-es",
            ("batch", inp.batch_dir, "--out", batch_out, *batch_common),
        )
    )
    # the same again: every article up to date, files untouched
    steps.append(
        Step(
            "09-batch-rerun-up-to-date",
            ("batch", inp.batch_dir, "--out", batch_out, *batch_common),
        )
    )
    # a new output folder, same cache: every sentence from the cache
    steps.append(
        Step(
            "10-batch-from-cache",
            ("batch", inp.batch_dir, "--out", "runs/10-batch-from-cache/out", *batch_common),
        )
    )
    cmp_dir = "runs/11-compare-apertium-fake"
    steps.append(
        Step(
            "11-compare-apertium-fake",
            (
                "compare",
                inp.sample,
                "--from",
                "en",
                "--to",
                "es",
                "--engines",
                "apertium,fake",
                "--json",
                "--markdown",
                f"{cmp_dir}/compare.md",
            ),
            stdout_name="stdout.json",
        )
    )
    steps.append(
        Step(
            "12-compare-apertium-fake-terminal",
            ("compare", inp.sample, "--from", "en", "--to", "es", "--engines", "apertium,fake"),
        )
    )
    # exit codes and messages of the error paths
    steps.append(
        Step(
            "13-roundtrip-fail-on-high",
            (
                "roundtrip",
                inp.sample,
                "--from",
                "en",
                "--to",
                "es",
                "--engine",
                "apertium",
                "--fail-on",
                "high",
            ),
            expect_rc=3,
        )
    )
    steps.append(
        Step(
            "14-check-missing-file",
            (
                "check",
                "--lines",
                "--engine",
                "none",
                "inputs/no-such-file.en.txt",
                inp.lines[("es", APERTIUM_LINES)],
            ),
            expect_rc=-1,  # any non-zero
        )
    )
    steps.append(
        Step("15-batch-no-out", ("batch", inp.batch_dir, "--engine", "apertium"), expect_rc=-1)
    )
    return steps


def child_env(root: Path, work: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
    env.update(
        PYTHONPATH=str(root),
        PYTHONDONTWRITEBYTECODE="1",  # leave ROOT untouched
        PYTHONUTF8="1",
        PYTHONIOENCODING="utf-8",
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        COLUMNS="100",
        LINES="50",
        NO_COLOR="1",
        PAGER="cat",
        # no user config (xlate.toml) or user cache from this machine
        XDG_CONFIG_HOME=str(work / "xdg" / "config"),
        XDG_CACHE_HOME=str(work / "xdg" / "cache"),
        XDG_DATA_HOME=str(work / "xdg" / "data"),
    )
    return env


def run_step(step: Step, work: Path, env: dict[str, str], python: str) -> StepResult:
    run_dir = work / "runs" / step.name
    run_dir.mkdir(parents=True, exist_ok=True)
    (work / "cache").mkdir(exist_ok=True)
    argv = [python, "-m", "xlate", *step.args]
    _write(run_dir / "argv.txt", shlex.join(["python", "-m", "xlate", *step.args]) + "\n")
    started = time.monotonic()
    try:
        done = subprocess.run(
            argv,
            cwd=work,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=COMMAND_TIMEOUT_S,
            check=False,
        )
        rc, out, err = done.returncode, done.stdout, done.stderr
    except subprocess.TimeoutExpired as exc:
        rc = 124
        out = exc.stdout or b""
        err = (exc.stderr or b"") + f"\n[timed out after {COMMAND_TIMEOUT_S} s]\n".encode()
    seconds = time.monotonic() - started
    (run_dir / step.stdout_name).write_bytes(out)
    (run_dir / "stderr.txt").write_bytes(err)
    _write(run_dir / "exit_code.txt", f"{rc}\n")
    return StepResult(step, rc, seconds)


def _rc_ok(result: StepResult) -> bool:
    if result.step.expect_rc == -1:
        return result.rc not in (0, 124)
    return result.rc == result.step.expect_rc


def sanity_report(out: Path) -> list[str]:
    """Problems that would make the reference trivially empty (no sentences, no flags)."""
    problems: list[str] = []
    total_flags = 0
    reports = sorted(out.rglob("*.report.json")) + sorted(out.rglob("report.json"))
    if not reports:
        return ["no report.json written at all"]
    for path in reports:
        rel = path.relative_to(out)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as err:
            problems.append(f"{rel}: not JSON ({err})")
            continue
        langs = data.get("languages") or []
        sentences = sum(len(lang.get("sentences") or []) for lang in langs)
        flags = sum(
            len(s.get("flags") or []) for lang in langs for s in (lang.get("sentences") or [])
        )
        total_flags += flags
        print(f"  {rel}: {len(langs)} language(s), {sentences} sentences, {flags} flags")
        if not sentences:
            problems.append(f"{rel}: no sentences")
    if not total_flags:
        problems.append("no report has any flag")
    return problems


def generate(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    corpus = Path(args.corpus).resolve()
    out = Path(args.out).resolve()
    if not (root / "xlate" / "__init__.py").is_file():
        print(f"{root}: no xlate package here", file=sys.stderr)
        return 2
    if out.exists() and any(out.iterdir()):
        print(f"{out}: exists and is not empty; give a new folder", file=sys.stderr)
        return 2
    begun = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix=WORKDIR_PREFIX))
    try:
        inputs = prepare_inputs(work, root, corpus, Path(args.sample) if args.sample else None)
        env = child_env(root, work)
        results: list[StepResult] = []
        for step in build_steps(inputs):
            if args.only and not any(step.name.startswith(p) for p in args.only):
                continue
            result = run_step(step, work, env, args.python)
            results.append(result)
            mark = "ok " if _rc_ok(result) else "BAD"
            print(f"{mark} rc={result.rc:<3} {result.seconds:6.1f}s  {step.name}", flush=True)
        out.mkdir(parents=True, exist_ok=True)
        for part in ("inputs", "runs"):
            shutil.copytree(work / part, out / part, dirs_exist_ok=True)
    finally:
        if args.keep_workdir:
            print(f"work dir kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    bad = [r for r in results if not _rc_ok(r)]
    print("sanity check of the reports:")
    problems = sanity_report(out / "runs")
    files = [p for p in out.rglob("*") if p.is_file()]
    print(
        f"{len(results)} commands, {len(files)} files under {out}, "
        f"{time.monotonic() - begun:.1f}s in all"
    )
    for r in bad:
        want = "non-zero" if r.step.expect_rc == -1 else str(r.step.expect_rc)
        print(f"unexpected exit code {r.rc} (want {want}): {r.step.name}", file=sys.stderr)
    for problem in problems:
        print(f"sanity: {problem}", file=sys.stderr)
    return 1 if bad or problems else 0


# --- compare -------------------------------------------------------------------------------


def _walk_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: (JSON_REPLACEMENTS[k] if k in JSON_REPLACEMENTS else _walk_json(v))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_walk_json(v) for v in value]
    if isinstance(value, str):
        return normalise_text(value, in_json=True)
    return value


def normalise_text(text: str, *, in_json: bool = False) -> str:
    """``text`` with run-dependent parts replaced; in a JSON string only temp paths."""
    for pattern, replacement in TEXT_REPLACEMENTS:
        if not in_json or replacement == WORKDIR:
            text = pattern.sub(replacement, text)
    if not in_json:
        text = PROGRESS_LINE.sub(lambda m: re.sub(r" {2,}", " ", m.group(0)), text)
    return text


def normalise(path: Path, data: bytes) -> tuple[str, list[str]] | None:
    """(kind, lines) after normalisation; None for a binary (non-UTF-8) file."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if path.suffix == ".json":
        try:
            parsed = json.loads(text)
        except ValueError:
            pass
        else:
            dumped = json.dumps(_walk_json(parsed), ensure_ascii=False, indent=2)
            return "json", dumped.splitlines(keepends=True)
    return "text", normalise_text(text).splitlines(keepends=True)


def _files(top: Path) -> set[str]:
    return {p.relative_to(top).as_posix() for p in top.rglob("*") if p.is_file()}


def compare(args: argparse.Namespace) -> int:
    a, b = Path(args.out_a), Path(args.out_b)
    for top in (a, b):
        if not top.is_dir():
            print(f"{top}: not a folder", file=sys.stderr)
            return 2
    files_a, files_b = _files(a), _files(b)
    only_a, only_b = sorted(files_a - files_b), sorted(files_b - files_a)
    same_bytes = same_normalised = 0
    differing: list[str] = []
    for rel in sorted(files_a & files_b):
        data_a, data_b = (a / rel).read_bytes(), (b / rel).read_bytes()
        norm_a, norm_b = normalise(Path(rel), data_a), normalise(Path(rel), data_b)
        if norm_a is None or norm_b is None:
            if data_a == data_b:
                same_bytes += 1
            else:
                differing.append(rel)
                print(f"DIFFERS {rel} (binary, {len(data_a)} vs {len(data_b)} bytes)")
            continue
        if norm_a[1] == norm_b[1]:
            if data_a == data_b:
                same_bytes += 1
            else:
                same_normalised += 1
                if args.verbose:
                    print(f"same after normalisation: {rel}")
            continue
        differing.append(rel)
        diff = list(
            difflib.unified_diff(
                norm_a[1], norm_b[1], f"A/{rel}", f"B/{rel}", n=args.context, lineterm="\n"
            )
        )
        changed = sum(1 for d in diff if d[:1] in "+-" and not d.startswith(("+++", "---")))
        print(f"DIFFERS {rel} ({norm_a[0]}, {changed} changed lines after normalisation)")
        for line in diff[: args.max_lines]:
            shown = line if line.endswith("\n") else line + "\n"
            sys.stdout.write("    " + (shown if len(shown) <= 300 else shown[:297] + "...\n"))
        if len(diff) > args.max_lines:
            print(f"    ... {len(diff) - args.max_lines} more diff lines")
    for rel in only_a:
        print(f"ONLY IN A: {rel}")
    for rel in only_b:
        print(f"ONLY IN B: {rel}")
    total = len(files_a | files_b)
    print(
        f"{total} files: {same_bytes} byte-identical, {same_normalised} identical after "
        f"normalisation, {len(differing)} differ, {len(only_a)} only in A, "
        f"{len(only_b)} only in B"
    )
    return 0 if not (differing or only_a or only_b) else 1


# --- command line --------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="Run the CLI commands and keep their outputs.")
    gen.add_argument("--root", required=True, help="Repository root to test (PYTHONPATH).")
    gen.add_argument("--corpus", required=True, help=f"Folder with {CORPUS_STEM}.{{en,es,ru}}.")
    gen.add_argument("--out", required=True, help="Output folder (new or empty).")
    gen.add_argument("--sample", help=f"Sample article (default: ROOT/{SAMPLE}).")
    gen.add_argument("--python", default=sys.executable, help="Python to run xlate with.")
    gen.add_argument(
        "--only", action="append", help="Run only steps whose name starts so (repeatable)."
    )
    gen.add_argument("--keep-workdir", action="store_true", help="Keep the temp working dir.")
    cmp = sub.add_parser("compare", help="Compare two output folders.")
    cmp.add_argument("out_a")
    cmp.add_argument("out_b")
    cmp.add_argument("--context", type=int, default=2, help="Diff context lines.")
    cmp.add_argument("--max-lines", type=int, default=30, help="Diff lines shown per file.")
    cmp.add_argument("-v", "--verbose", action="store_true", help="List normalised files.")
    args = parser.parse_args(argv)
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "generate": generate,
        "compare": compare,
    }
    return handlers[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
