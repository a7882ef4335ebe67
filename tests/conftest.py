"""Shared fixtures. Tiny local models live in tests/tiny_models.py (built once per session)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "maduro-su30-request.en.txt"
# Test data inside the repository (provenance and licence in tests/data/README.md):
# a fresh clone runs its tests with nothing beside it.
DATA = Path(__file__).resolve().parent / "data"
CORPUS_LANGS = ("en", "es", "ru")


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
