"""Shared fixtures. Tiny local models live in tests/tiny_models.py (built once per session)."""

from __future__ import annotations

import functools
import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "maduro-su30-request.en.txt"
# Test data inside the repository (provenance and licence in tests/data/README.md):
# a fresh clone runs its tests with nothing beside it.
DATA = Path(__file__).resolve().parent / "data"
CORPUS_LANGS = ("en", "es", "ru")


# --- optional extras: skip, with the reason, only where the thing is truly absent ---------
#
# CI installs all of them (.ci/run), so there every marked test runs. A broken install (an
# apertium that fails to list its modes, a ctranslate2 that is there but fails to import) is
# no reason to skip: the tests run and fail. tests/test_ray.py skips itself the same way
# (pytest.importorskip) when the `ray` extra is absent.

APERTIUM_MODES = ("eng-spa", "spa-eng")


@functools.cache
def apertium_missing() -> str | None:
    """Why the Apertium tests cannot run here (no binary, or no eng-spa modes), else None."""
    hint = "apt-get install apertium apertium-eng-spa"
    executable = shutil.which("apertium")
    if executable is None:
        return f"apertium is not installed: {hint}"
    try:
        done = subprocess.run(
            [executable, "-l"], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None  # there but broken: let the tests say how
    if done.returncode != 0:
        return None
    listed = set(done.stdout.split())
    absent = [mode for mode in APERTIUM_MODES if mode not in listed]
    if absent:
        return f"apertium has no {', '.join(absent)} mode (apertium -l): {hint}"
    return None


@functools.cache
def ctranslate2_missing() -> str | None:
    """Why the CTranslate2 tests cannot run here (the ct2 extra is absent), else None."""
    if importlib.util.find_spec("ctranslate2") is None:
        return "ctranslate2 is not installed: pip install 'xlate[ct2]'"
    return None


@functools.cache
def lexicon_missing() -> str | None:
    """Why the dictionary tests cannot run here (FreeDict, WordNet or Mueller's dictionary
    absent: the quotes, negation, opposite-word and omission checks read them), else None."""
    from xlate.checks import lexicon

    absent = lexicon.missing()
    if absent:
        return f"not installed: {', '.join(absent)} (see README's install command)"
    return None


EXTRAS = {
    "needs_apertium": apertium_missing,
    "needs_ct2": ctranslate2_missing,
    "needs_lexicon": lexicon_missing,
}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "needs_apertium: needs apertium and its eng-spa/spa-eng modes; else skipped"
    )
    config.addinivalue_line("markers", "needs_ct2: needs the ct2 extra (ctranslate2); else skipped")
    config.addinivalue_line(
        "markers", "needs_lexicon: needs the bilingual dictionaries and WordNet; else skipped"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip marked tests before any of their fixtures is set up (no model built in vain)."""
    for item in items:
        for name, missing in EXTRAS.items():
            wanted = item.get_closest_marker(name) is not None or name in item.fixturenames
            if wanted and (reason := missing()):
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def needs_apertium() -> None:
    """The same as ``@pytest.mark.needs_apertium``, for a module that does not import pytest:
    a test that asks for this fixture is skipped at collection where Apertium is absent."""


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def corpus_path(lang: str) -> Path:
    """tests/data/newstest2012.LANG: the whole WMT newstest2012 side for ``lang``."""
    return DATA / f"newstest2012.{lang}"


def corpus_lines(lang: str) -> list[str]:
    """newstest2012 lines for ``lang`` (3,003); fails loudly if tests/data lacks the file."""
    path = corpus_path(lang)
    if not path.exists():
        pytest.fail(f"test corpus not found at {path} (it is part of the repository)")
    return path.read_text(encoding="utf-8").splitlines()


def flags_of_kind(
    kind: str, source: str, src: str, translation: str, tgt: str
) -> list[tuple[str, str]]:
    """(severity, reason) of each ``kind`` flag ``check`` raises on one sentence pair."""
    from xlate.check import check
    from xlate.text.segment import segment_lines

    report = check(segment_lines(source + "\n", src), segment_lines(translation + "\n", tgt))
    return [
        (flag.severity, flag.reason)
        for sentence in report.languages[0].sentences
        for flag in sentence.flags
        if flag.kind == kind
    ]


# --- tiny local models (tests/tiny_models.py) --------------------------------------------


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Factory: ``tiny_model("en", "es") -> Path`` of a random-weight MarianMT directory.

    Built once per session and direction, shared by every test module; use it as
    ``--model PATH`` or ``EngineOptions(model=str(path))``.
    """
    from tiny_models import build_marian, use_one_thread

    use_one_thread()
    built: dict[tuple[str, str], Path] = {}

    def get(src: str, tgt: str) -> Path:
        if (src, tgt) not in built:
            out = tmp_path_factory.mktemp(f"tiny-marian-{src}-{tgt}")
            built[(src, tgt)] = build_marian(src, tgt, out)
        return built[(src, tgt)]

    return get


@pytest.fixture(scope="session")
def tiny_m2m100_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random-weight M2M100 directory for en/es/ru (language tokens __en__ ...)."""
    from tiny_models import build_m2m100, use_one_thread

    use_one_thread()
    return build_m2m100(tmp_path_factory.mktemp("tiny-m2m100"))
