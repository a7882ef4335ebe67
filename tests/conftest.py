"""Shared fixtures. Tiny local models live in tests/tiny_models.py (built once per session)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "maduro-su30-request.en.txt"
# ../shared beside the project root in this workplace; CI lays a copy beside the clone.
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def corpus_lines(lang: str) -> list[str]:
    """newstest2012 lines for ``lang``; fails loudly if the shared corpus is missing."""
    path = CORPORA / f"newstest2012.{lang}"
    if not path.exists():
        pytest.fail(f"shared corpus not found at {path}")
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
