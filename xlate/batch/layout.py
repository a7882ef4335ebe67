"""Where a batch run finds its articles and puts its outputs: discovery, shards, file names.

For each article ``IN_DIR/a/story.txt`` a run writes, mirroring IN_DIR's tree:

    OUT_DIR/a/story.es.txt         the Spanish translation (same layout as the source)
    OUT_DIR/a/story.es.back.txt    its back-translation into the source language
    OUT_DIR/a/story.report.json    the round-trip report (all targets; xlate.report schema)

(``.md`` articles keep ``.md``; when ``story.txt`` and ``story.md`` sit side by side, their
outputs are named ``story.txt.*`` and ``story.md.*``.) Check mode's sources and
translations are named by :mod:`xlate.batch.checkdir`. Every file is written atomically
(:func:`write_output`); :func:`remove_stale_temp_files` cleans up after a killed run.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from xlate.errors import ConfigError, OutputError
from xlate.textio import atomic_write

DEFAULT_GLOBS: tuple[str, ...] = ("*.txt", "*.md")


@dataclass(frozen=True)
class Shard:
    """Shard ``index`` (1-based) of ``count``: a stable partition by relative path."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        index, sep, count = text.partition("/")
        try:
            shard = cls(int(index), int(count))
        except ValueError:
            sep = ""
        if not sep or not 1 <= shard.index <= shard.count:
            raise ConfigError(f"--shard {text!r}: expected I/N with 1 <= I <= N, e.g. 2/4")
        return shard

    def owns(self, rel: str) -> bool:
        digest = hashlib.sha256(rel.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index - 1

    @property
    def part_name(self) -> str:
        return f"summary.part-{self.index}-of-{self.count}.json"


@dataclass(frozen=True)
class Article:
    rel: str  # path relative to IN_DIR, with forward slashes
    path: Path
    stem: str  # output name stem: "story", or "story.txt" when stems clash

    def outputs(self, out_dir: Path, targets: Iterable[str]) -> ArticleOutputs:
        folder = out_dir / PurePosixPath(self.rel).parent
        suffix = PurePosixPath(self.rel).suffix or ".txt"
        return ArticleOutputs(
            report=folder / f"{self.stem}.report.json",
            translations={t: folder / f"{self.stem}.{t}{suffix}" for t in targets},
            backs={t: folder / f"{self.stem}.{t}.back{suffix}" for t in targets},
        )


@dataclass(frozen=True)
class ArticleOutputs:
    report: Path
    translations: dict[str, Path]
    backs: dict[str, Path]

    def paths(self) -> list[Path]:
        return [*self.translations.values(), *self.backs.values(), self.report]


def _hidden(name: str) -> bool:
    return name.startswith(".")


def discover(in_dir: Path, globs: Sequence[str], *, exclude: Path | None = None) -> list[Article]:
    """Articles under ``in_dir`` matching any glob, sorted, hidden files and folders skipped.

    ``exclude`` (the output folder, when it lies inside ``in_dir``) is not searched.
    """
    excluded = exclude.resolve() if exclude is not None else None
    found: list[tuple[str, Path]] = []
    for root, dirs, files in os.walk(in_dir):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not _hidden(d) and (here / d).resolve() != excluded)
        for name in files:
            if _hidden(name):
                continue
            rel = (here / name).relative_to(in_dir).as_posix()
            if any(PurePosixPath(rel).match(g) for g in globs):
                found.append((rel, here / name))
    found.sort()
    stems: dict[tuple[str, str], int] = {}
    for rel, _ in found:
        p = PurePosixPath(rel)
        stems[(str(p.parent), p.stem)] = stems.get((str(p.parent), p.stem), 0) + 1
    articles = []
    for rel, path in found:
        p = PurePosixPath(rel)
        clash = stems[(str(p.parent), p.stem)] > 1
        articles.append(Article(rel=rel, path=path, stem=p.name if clash else p.stem))
    return articles


def remove_stale_temp_files(paths: Iterable[Path]) -> int:
    """Delete temporary files that a killed ``atomic_write`` left for these outputs.

    Only temp files of *our* outputs are touched, so shards sharing OUT_DIR don't delete
    each other's files in flight.
    """
    wanted: dict[Path, set[str]] = {}
    for path in paths:
        wanted.setdefault(path.parent, set()).add(path.name)
    removed = 0
    for folder, names in wanted.items():
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            # atomic_write's temp files are ".{name}.{random}.tmp"
            if not (name.startswith(".") and name.endswith(".tmp")):
                continue
            if name[1:-4].rpartition(".")[0] in names:
                try:
                    os.unlink(entry.path)
                    removed += 1
                except FileNotFoundError:
                    pass
    return removed


def write_output(path: Path, text: str) -> None:
    """Write ``path`` atomically; a failure is one OutputError line."""
    try:
        atomic_write(path, text)
    except OSError as err:
        raise OutputError(f"{path}: cannot write ({err.strerror or err})") from None
