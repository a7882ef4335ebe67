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
