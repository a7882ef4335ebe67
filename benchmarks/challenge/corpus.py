"""newstest2012 as the challenge set reads it: halves, samples, documents, directions."""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.challenge.adapter import translate_lines
from benchmarks.challenge.cases import Case

ENV = "XLATE_CORPORA"
NAME = "newstest2012"
LANGS = ("en", "es", "ru")
# Tune on the first half only; the benchmark reports the second by default.
HALVES = {"tune": (0, 1500), "held-out": (1500, 3003)}
# Consecutive lines standing in for one article (newstest2012 runs article by article).
WINDOW = 20
# Lines of other documents an injector may borrow from (unrelated words, clauses, names).
ELSEWHERE = 30
MACHINE_ENGINE = "apertium"


@dataclass(frozen=True)
class Direction:
    src: str
    tgt: str
    origin: str  # "person": newstest2012's own translation; "machine": Apertium's

    @property
    def label(self) -> str:
        return f"{self.src}-{self.tgt}" + ("/mt" if self.origin == "machine" else "")

    @property
    def engines(self) -> tuple[str, ...]:
        """The engines that can back-translate this direction's translations."""
        return ("none", "apertium") if {self.src, self.tgt} == {"en", "es"} else ("none",)


DIRECTIONS = (
    *(Direction(s, t, "person") for s, t in (
        ("en", "es"), ("es", "en"), ("en", "ru"), ("ru", "en"), ("es", "ru"), ("ru", "es"),
    )),
    Direction("en", "es", "machine"),
    Direction("es", "en", "machine"),
)  # fmt: skip


def corpus_dir(arg: str | None) -> Path:
    """``--corpus`` or $XLATE_CORPORA: a folder holding newstest2012.{en,es,ru}."""
    value = arg or os.environ.get(ENV)
    if not value:
        raise SystemExit(f"give --corpus DIR or set ${ENV} (a folder with {NAME}.en/.es/.ru)")
    path = Path(value)
    missing = [lang for lang in LANGS if not (path / f"{NAME}.{lang}").is_file()]
    if missing:
        raise SystemExit(f"{path} lacks {', '.join(f'{NAME}.{m}' for m in missing)}")
    return path


def load(corpus: Path) -> dict[str, list[str]]:
    return {
        lang: (corpus / f"{NAME}.{lang}").read_text(encoding="utf-8").splitlines() for lang in LANGS
    }


def sample(
    span: tuple[int, int],
    n: int,
    seed: int,
    texts: dict[str, list[str]],
    kind: str = "lines",
    keep: Callable[[dict[str, str]], bool] | None = None,
) -> list[int]:
    """``n`` lines of ``span`` (the same for every direction), none blank on any side and,
    with ``keep``, only those it keeps (given the line in each language)."""
    start, end = span
    usable = [i for i in range(start, end) if all(texts[lang][i].strip() for lang in LANGS)]
    if keep is not None:
        usable = [i for i in usable if keep({lang: texts[lang][i] for lang in LANGS})]
    return sorted(random.Random(f"{seed}:{kind}").sample(usable, min(n, len(usable))))


def machine(texts: dict[str, list[str]], src: str, tgt: str, work: Path) -> list[str]:
    """Apertium's translation of every line of the corpus (kept in a file under ``work``)."""
    path = work / f"{MACHINE_ENGINE}.{NAME}.{src}-{tgt}.txt"
    if path.is_file():
        lines = path.read_text(encoding="utf-8").split("\n")
        if len(lines) == len(texts[src]):
            return lines
    lines = translate_lines(texts[src], src, tgt, MACHINE_ENGINE, work)
    lines = [line.replace("\n", " ") for line in lines]
    path.write_text("\n".join(lines), encoding="utf-8")
    return lines


def cases(
    direction: Direction,
    texts: dict[str, list[str]],
    targets: list[str],
    idx: list[int],
    span: tuple[int, int],
    seed: int,
) -> list[Case]:
    """The sampled lines of a direction, each with its document and lines from elsewhere
    in the same half. ``targets`` is the translation side (people's or Apertium's)."""
    out = []
    for i in idx:
        first = i - i % WINDOW
        document = tuple(targets[j] for j in range(first, min(first + WINDOW, span[1])) if j != i)
        rng = random.Random(f"{seed}:elsewhere:{i}")
        others = [j for j in range(*span) if not first <= j < first + WINDOW]
        elsewhere = tuple(targets[j] for j in rng.sample(others, min(ELSEWHERE, len(others))))
        out.append(
            Case(
                i,
                texts[direction.src][i],
                targets[i],
                direction.src,
                direction.tgt,
                document,
                elsewhere,
            )
        )
    return out
