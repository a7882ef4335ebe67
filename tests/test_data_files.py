"""The tests are self-contained: they read only what the repository holds (issue #14).

A fresh clone into an empty folder must pass ``python -m pytest`` with nothing beside it,
so no test may read a folder next to the repository (the workplace's shared corpus folder
was one), and tests/data must hold, tracked by git, every corpus file the tests read.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import CORPUS_LANGS, DATA, ROOT, corpus_lines, corpus_path

TESTS = Path(__file__).resolve().parent
# A path out of the repository to the shared folder beside it, written with / or \ (kept
# out of the literal text so that this file does not match itself).
OUTSIDE = re.compile(r"\.\.[/\\]shared|shared[/\\]corpora")
# The same path built with pathlib (the old conftest joined ROOT.parent and the quoted word).
SHARED_PART = re.compile(r"""(["'])shared\1""")
SHA256_ROW = re.compile(r"`(newstest2012\.\w+)`.*`([0-9a-f]{64})`")
CORPUS_CALL = re.compile(r"""corpus_lines\(\s*["'](\w+)["']""")


def files_under_tests() -> list[Path]:
    """Every file under tests/, but compiled Python."""
    return [
        path
        for path in sorted(TESTS.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    ]


def test_no_test_reads_beside_the_repository() -> None:
    offenders = []
    for path in files_under_tests():
        text = path.read_bytes().decode("utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            if OUTSIDE.search(line) or (path.suffix == ".py" and SHARED_PART.search(line)):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "tests must read tests/data, not a folder beside the clone:\n" + (
        "\n".join(offenders)
    )


def test_corpus_lines_reads_tests_data_only() -> None:
    assert DATA == TESTS / "data"
    for lang in CORPUS_LANGS:
        path = corpus_path(lang).resolve()
        assert path.parent == DATA and path.is_relative_to(ROOT), path


def test_every_language_the_tests_ask_for_is_in_tests_data() -> None:
    asked = {
        lang
        for path in TESTS.glob("*.py")
        for lang in CORPUS_CALL.findall(path.read_text(encoding="utf-8"))
    }
    assert asked, "no corpus_lines(...) call found: is CORPUS_CALL out of date?"
    assert asked <= set(CORPUS_LANGS), sorted(asked - set(CORPUS_LANGS))
    for lang in CORPUS_LANGS:
        assert corpus_path(lang).is_file(), corpus_path(lang)


def test_corpus_files_are_whole_parallel_and_unmodified() -> None:
    """3,003 lines each (the tests' floors and seeded samples are over all of them), and the
    bytes whose SHA-256 tests/data/README.md records."""
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    recorded = dict(SHA256_ROW.findall(readme))
    for lang in CORPUS_LANGS:
        path = corpus_path(lang)
        assert len(corpus_lines(lang)) == 3003, path
        assert recorded.get(path.name) == hashlib.sha256(path.read_bytes()).hexdigest(), path


def test_data_readme_states_provenance_and_licence() -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for needed in ("newstest2012", "WMT 2012", "Helsinki-NLP/OPUS-MT-testsets", "Licence"):
        assert needed in readme, needed
    for lang in CORPUS_LANGS:
        assert corpus_path(lang).name in readme, lang


def git_tracked(paths: list[Path]) -> set[Path]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: nothing to say about what a clone gets")
    done = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "--", *(str(p.relative_to(ROOT)) for p in paths)],
        capture_output=True,
        text=True,
        check=True,
    )
    return {ROOT / line for line in done.stdout.splitlines()}


def test_data_files_are_tracked_so_a_clone_has_them() -> None:
    wanted = [DATA / "README.md", *(corpus_path(lang) for lang in CORPUS_LANGS)]
    missing = [str(p.relative_to(ROOT)) for p in wanted if p not in git_tracked(wanted)]
    assert not missing, f"not in git, so a fresh clone lacks them: {missing}"
