"""One sentence a side: the numpy-free answer is the banded DP's, beads and costs."""

from __future__ import annotations

import random
import subprocess
import sys

from conftest import corpus_lines

from xlate.text.align import AlignParams, Bead
from xlate.text.align.dp import Problem
from xlate.text.align.single import align_pair, answers

PAIRS = (("en", "es"), ("es", "en"), ("en", "ru"), ("ru", "en"), ("es", "ru"), ("ru", "es"))


def _dp(src: str, tgt: str, s: str, t: str, back: str | None, params: AlignParams) -> list[Bead]:
    problem = Problem.build([src], [tgt], s, t, None if back is None else [back], params)
    return problem.solve(max(1, params.band))[0]


def test_one_sentence_a_side_is_the_dps_answer_on_newstest2012() -> None:
    """Translations (1-1 beads) and unrelated lines shuffled together (left out, on both
    sides), with and without a back-translation, at the default and at pulled priors that
    put the two answers close together (where a tie would show)."""
    rng = random.Random(7)
    params = [AlignParams(), AlignParams(priors={(1, 1): 0.0, (1, 0): 40.0, (0, 1): 40.0})]
    gaps = 0
    for s, t in PAIRS:
        sources, targets = corpus_lines(s)[:300], corpus_lines(t)[:300]
        for i, (src, tgt) in enumerate(zip(sources, targets, strict=True)):
            other = targets[rng.randrange(len(targets))]
            back = sources[rng.randrange(len(sources))] if i % 3 == 0 else None
            for target in (tgt, other):
                for p in params:
                    got = align_pair(src, target, s, t, back=back, params=p)
                    assert got == _dp(src, target, s, t, back, p), (s, t, i)
                    gaps += len(got) == 2
    assert gaps > 100  # the gap answer was put to the test too


def test_shapes_that_leave_a_side_empty_go_to_the_dp() -> None:
    assert answers(AlignParams())
    assert not answers(AlignParams(priors={(1, 1): 0.0, (1, 0): 1.0, (0, 1): 1.0, (0, 2): 9.0}))


def test_a_one_sentence_check_imports_no_numpy() -> None:
    code = (
        "import sys\n"
        "from xlate.text.segment import segment_text\n"
        "from xlate.text.align import align_documents\n"
        "a = segment_text('The president said on Monday that 15 people had died.', 'en')\n"
        "b = segment_text('El presidente dijo el lunes que 15 personas habían muerto.', 'es')\n"
        "assert len(align_documents(a, b)) == 1\n"
        "print('numpy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
