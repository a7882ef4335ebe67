"""Long inputs: very long sentences keep their scores bounded (TER only where affordable,
the rule in the signature, the other scores all there), and long runs show how far they are."""

from __future__ import annotations

import io
import random
from pathlib import Path

from conftest import corpus_lines
from typer.testing import CliRunner

from xlate.check import check
from xlate.checks.scoring import MAX_TER_TOKENS, corpus_scores, sentence_scores
from xlate.cli import app
from xlate.compare import reference_scores
from xlate.engines.fake import FakeTranslator
from xlate.roundtrip import roundtrip
from xlate.text.segment import segment_lines
from xlate.views.progress import StepProgress


def long_sentence(chars: int = 5000) -> str:
    """newstest2012 lines joined with commas into one sentence (as benchmarks/long_input.py)."""
    parts: list[str] = []
    for line in corpus_lines("en"):
        parts.append(line.rstrip(".!?"))
        if sum(len(p) + 2 for p in parts) >= chars:
            break
    return ", ".join(parts)[:chars].rstrip(", ") + "."


def shuffled(text: str) -> str:
    """The same words in another order: the dissimilar back-translation TER stalls on."""
    words = text.split()
    random.Random(14).shuffle(words)
    return " ".join(words)


def test_a_5000_character_sentence_gets_no_ter_but_every_other_score() -> None:
    sentence = long_sentence()
    assert len(sentence) >= 4900 and len(sentence.split()) > MAX_TER_TOKENS
    back = shuffled(sentence)
    engine = FakeTranslator(script={"en-es": {sentence: "TRADUCIDO"}, "es-en": {"TRADUCIDO": back}})
    report = roundtrip(segment_lines(sentence + "\n", "en"), "en", "es", engine=engine)
    lang = report.languages[0]
    (record,) = lang.sentences
    assert record.scores.ter is None  # skipped: sacrebleu's shift search would take minutes
    assert record.scores.chrf is not None and record.scores.bleu is not None
    assert lang.scores.ter is None and lang.scores.chrf is not None
    assert f"max-tokens:{MAX_TER_TOKENS}|skipped:1/1" in lang.scores.signatures["ter"]


def test_ordinary_sentences_keep_ter_and_the_rule_is_in_the_signature() -> None:
    en = corpus_lines("en")[:3]
    scores = sentence_scores(en[0], en[0])
    assert scores.ter == 0.0
    document = corpus_scores(
        [en[0], en[1], long_sentence()], [en[0], en[1], shuffled(long_sentence())]
    )
    assert document.ter == 0.0  # over the two that fit, both identical
    assert document.signatures["ter"].endswith(f"max-tokens:{MAX_TER_TOKENS}|skipped:1/3")
    whole = corpus_scores(en, en)
    assert whole.signatures["ter"].endswith(f"max-tokens:{MAX_TER_TOKENS}")


def test_reference_scores_leave_long_segments_out_of_ter_only() -> None:
    en = corpus_lines("en")[:4]
    long = long_sentence()
    refs = [*en, long]
    scores, signatures, _ = reference_scores(
        [("a", [*en, shuffled(long)]), ("b", [*en, long])], refs, samples=20
    )
    assert scores["a"]["ter"].score == 0.0  # the four short segments, identical
    assert scores["a"]["bleu"].score < 100  # BLEU still sees the shuffled long one
    assert signatures["ter"].endswith("skipped:1/5")


def test_roundtrip_and_check_report_their_steps() -> None:
    steps: list[tuple[str, int, int]] = []
    lines = "\n".join(corpus_lines("en")[:130]) + "\n"
    doc = segment_lines(lines, "en")
    roundtrip(doc, "en", "es", engine=FakeTranslator(), progress=lambda *s: steps.append(s))
    forward = [s for s in steps if s[0] == "en→es"]
    assert [done for _, done, _ in forward] == [64, 128, 130]  # engine calls of 64 sentences
    assert {s[0] for s in steps} == {"en→es", "es→en", "checks"}
    assert steps[-1][0] == "checks" and steps[-1][1] == steps[-1][2]
    steps.clear()
    check(doc, segment_lines(lines, "es"), lines=True, progress=lambda *s: steps.append(s))
    assert steps and {s[0] for s in steps} == {"checks"}  # no engine: only the checks


def test_step_progress_draws_on_a_terminal_only(sample_path: Path) -> None:
    screen = io.StringIO()
    with StepProgress(screen, force=True) as progress:
        assert progress.callback is progress
        progress("en→es", 3, 10)
    assert "en→es" in screen.getvalue() and "3/10" in screen.getvalue()
    piped = io.StringIO()
    assert StepProgress(piped).callback is None  # not a terminal: nothing drawn, one call
    result = CliRunner().invoke(
        app, ["roundtrip", str(sample_path), "--to", "es", "--engine", "fake", "--json"]
    )
    assert result.exit_code == 0 and "en→es" not in result.stderr
