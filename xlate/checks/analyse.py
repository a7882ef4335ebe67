"""What drifted: per-sentence checks and per-quote tracking over a round trip.

Pure functions over texts and engine results; ``roundtrip.analyze`` assembles them into
the report. Quotes are found per paragraph (a quote may span sentences) on the sentences
joined by single spaces, so word-alignment indices of consecutive sentences simply add up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from xlate.checks.quotes import (
    Quote,
    QuoteMatch,
    extract_quotes,
    match_quotes,
    rendered_without_marks,
)
from xlate.checks.scoring import chrf
from xlate.config import Thresholds
from xlate.report import EntityCheck, Flag, QuoteRecord
from xlate.text.words import missing_content_words
from xlate.translation import Translation

# Marks shown in reasons: keep reasons readable however long the quote is.
_REASON_CHARS = 60


def shorten(text: str, limit: int = _REASON_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Joined:
    """Sentences joined with single spaces, with where each one starts."""

    text: str
    char_starts: tuple[int, ...]
    word_starts: tuple[int, ...]

    def sentence_at(self, start: int, end: int) -> list[int]:
        """Indices of the sentences overlapping the character span ``[start, end)``."""
        out = []
        bounds = [*self.char_starts[1:], len(self.text) + 1]
        for i, (lo, hi) in enumerate(zip(self.char_starts, bounds, strict=True)):
            if start < hi - 1 and end > lo:
                out.append(i)
        return out or [max(0, len(self.char_starts) - 1)]


def join_sentences(texts: Sequence[str]) -> Joined:
    char_starts: list[int] = []
    word_starts: list[int] = []
    pos = 0
    words = 0
    for text in texts:
        char_starts.append(pos)
        word_starts.append(words)
        pos += len(text) + 1
        words += len(text.split())
    return Joined(" ".join(texts), tuple(char_starts), tuple(word_starts))


def join_alignments(
    alignments: Sequence[Sequence[tuple[int, int]] | None],
    src: Joined,
    tgt: Joined,
) -> list[tuple[int, int]] | None:
    """Shift per-sentence word alignments into the joined texts' word indices."""
    if all(a is None for a in alignments):
        return None
    out: list[tuple[int, int]] = []
    for i, links in enumerate(alignments):
        for s, t in links or ():
            out.append((s + src.word_starts[i], t + tgt.word_starts[i]))
    return out


# --- per sentence ----------------------------------------------------------------------


def sentence_flags(
    sentence_id: str,
    source: str,
    translation: Translation,
    back: Translation | None,
    src: str,
    tgt: str,
    thresholds: Thresholds,
    *,
    machine_translation: bool = False,
) -> tuple[list[Flag], list[EntityCheck]]:
    """Model-free QA, numbers and names for one sentence; the back-translation is evidence.

    ``machine_translation``: the translation came from an engine (round trip). A name the
    engine dropped on the way out and that stays missing on the way back is then a defect
    worth a flag; in a person's translation (check) it is usually a pronoun, so the
    absence is only recorded.
    """
    from xlate.checks.names import check_names
    from xlate.checks.numbers import check_numbers
    from xlate.checks.qa import check_translation

    back_text = back.text if back is not None else None
    # Quotes are followed one by one per paragraph (track_quotes), which says more than
    # the per-sentence count of qa's "quote" check: keep one flag per lost quote.
    flags = [
        f
        for f in check_translation(source, translation.text, src, tgt, thresholds)
        if f.kind != "quote"
        and (
            f.kind != "bracket"
            or machine_translation
            or _bracketed_facts_lost(source, translation.text)
        )
    ]
    entities: list[EntityCheck] = []
    for check in (check_numbers, check_names):
        found, more = check(source, translation.text, back_text, src, tgt, sentence_id)
        entities.extend(found)
        flags.extend(more)
    if machine_translation and back_text is not None:
        flags.extend(_dropped_names(source, translation.text, back_text, src, entities, flags))
    return flags, entities


def _dropped_names(
    source: str,
    translation: str,
    back: str,
    src: str,
    entities: list[EntityCheck],
    flags: list[Flag],
) -> list[Flag]:
    """Names missing both ways in a round trip, unless already flagged or merely inflected.

    Only clear names count (not a capitalised sentence opener), and a word of the
    translation or back-translation sharing the name's first five letters (Russian ->
    Rusia, Venezuela's -> venezolano) is taken as its rendering.
    """
    from unidecode import unidecode

    from xlate.checks.names import extract_names

    if any(f.kind == "name" for f in flags):
        return []
    clear = {m.text for m in extract_names(source, src) if not m.weak}
    stems = {
        unidecode(w).lower()[:5] for w in re.findall(r"\w+", f"{translation} {back}") if len(w) >= 4
    }
    out = []
    for e in entities:
        if e.kind != "name" or e.status != "missing" or e.in_translation:
            continue
        if e.in_back_translation or e.text not in clear:
            continue
        words = [unidecode(w).lower()[:5] for w in re.findall(r"\w+", e.text) if len(w) >= 4]
        if any(w in stems for w in words):
            continue
        out.append(
            Flag(
                kind="name",
                severity="medium",
                reason=f"the name “{e.text}” is missing from the translation and did not "
                "come back in the back-translation",
                detail={"expected": e.text, "found": list(e.found)},
            )
        )
    return out


_BRACKETED = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
_FACT = re.compile(r"\w*\d[\w.,]*|\b[A-ZА-ЯЁ]{2,}\b")


def _bracketed_facts_lost(source: str, translation: str) -> bool:
    """Did a person's translation lose what the source's brackets held, not just the
    brackets? People turn an aside into a clause or drop a gloss ("(o como dicen en
    inglés, trench-coat)"): only a figure or an acronym of the aside missing from the
    translation is worth a bracket flag (engines must keep brackets as they are)."""
    have = translation.casefold()
    for match in _BRACKETED.finditer(source):
        inside = match.group(1) or match.group(2) or ""
        if any(fact.casefold() not in have for fact in _FACT.findall(inside)):
            return True
    return False


def score_flag(chrf_value: float | None, thresholds: Thresholds) -> Flag | None:
    if chrf_value is None or chrf_value >= thresholds.sentence_chrf_medium:
        return None
    severity = "high" if chrf_value < thresholds.sentence_chrf_high else "medium"
    return Flag(
        kind="score",
        severity=severity,
        reason=f"the back-translation reads differently from the original "
        f"(chrF {chrf_value:.0f} of 100)",
        detail={"chrf": chrf_value},
    )


def _looks_like_name(word: str) -> bool:
    """Engines leave names and designations untranslated by design: not worth a flag."""
    return word[:1].isupper() or any(ch.isdigit() for ch in word)


def unknown_word_flags(translation: Translation, quoted_words: set[str]) -> list[Flag]:
    """Words the engine could not translate; inside a quote they matter more."""
    flags = []
    for word in translation.unknown_words:
        inside = _normal_word(word) in quoted_words
        if inside:
            continue  # the quote's own flag says it, with the quote around it
        if _looks_like_name(word):
            continue
        flags.append(
            Flag(
                kind="unknown_word",
                severity="low",
                reason=f"the engine did not know the word “{word}” and left it untranslated",
                detail={"word": word, "in_quote": False},
            )
        )
    return flags


def _normal_word(word: str) -> str:
    return word.lower().strip(".,;:!?¡¿()[]\"'«»“”„‘’")


# --- quotes ----------------------------------------------------------------------------


@dataclass
class QuoteResult:
    record: QuoteRecord
    sentence_index: int  # first sentence of the paragraph the quote lies in
    sentence_indices: list[int]


def track_quotes(
    source: Sequence[str],
    translations: Sequence[Translation | None],
    backs: Sequence[Translation | None] | None,
    src: str,
    tgt: str,
    sentence_ids: Sequence[str],
    thresholds: Thresholds,
    first_number: int = 1,
    *,
    machine_translation: bool = True,
) -> list[QuoteResult]:
    """Find the quotes of one paragraph and follow each through the round trip.

    ``source``/``translations``/``backs`` are the paragraph's sentences in order.
    ``machine_translation``: the translation came from an engine, which must keep every
    quotation mark; a person (check) may drop the marks of a title or scare quote, so a
    short quote rendered without marks is then reported lost but not flagged.
    """
    src_joined = join_sentences(source)
    quotes = extract_quotes(src_joined.text, src)
    if not quotes:
        return []
    tgt_texts = [t.text if t is not None else "" for t in translations]
    tgt_joined = join_sentences(tgt_texts)
    forward_alignment = join_alignments(
        [t.alignment if t is not None else None for t in translations], src_joined, tgt_joined
    )
    tgt_quotes = extract_quotes(tgt_joined.text, tgt)
    matches = match_quotes(
        src_joined.text, quotes, tgt_joined.text, tgt_quotes, alignment=forward_alignment
    )

    back_of: _BackTracer | None = None
    if backs is not None:
        back_joined = join_sentences([b.text if b is not None else "" for b in backs])
        back_alignment = join_alignments(
            [b.alignment if b is not None else None for b in backs], tgt_joined, back_joined
        )
        back_of = _BackTracer(
            tgt_joined.text,
            tgt_quotes,
            back_joined.text,
            extract_quotes(back_joined.text, src),
            back_alignment,
        )

    results = []
    for n, match in enumerate(matches):
        indices = src_joined.sentence_at(match.source.start, match.source.end)
        record = QuoteRecord(
            id=f"q{first_number + n}",
            sentence_ids=[sentence_ids[i] for i in indices],
            text=match.source.text,
            marks=match.source.open + match.source.close,
        )
        _trace_quote(
            record, match, src_joined.text, tgt_joined.text, back_of,
            [translations[i] for i in indices], src, thresholds,
            None if backs is None else [backs[i] for i in indices],
            machine_translation=machine_translation, tgt=tgt,
        )  # fmt: skip
        results.append(QuoteResult(record, indices[0], indices))
    return results


def _trace_quote(
    record: QuoteRecord,
    match: QuoteMatch,
    src_text: str,
    tgt_text: str,
    back_of: _BackTracer | None,
    translations: Sequence[Translation | None],
    src: str,
    thresholds: Thresholds,
    backs: Sequence[Translation | None] | None = None,
    *,
    machine_translation: bool = True,
    tgt: str | None = None,
) -> None:
    """Fill ``record`` with what became of one quote: lost, kept, or changed (and why).

    ``src_text``/``tgt_text``: the paragraph's joined source and translation;
    ``translations``/``backs``: those of the sentences the quote lies in.
    """
    quote = match.source
    if match.target_span is None:
        record.status = "lost"
        if not machine_translation and _unmarked_rendering(
            quote, src_text, translations, backs, src, tgt
        ):
            return  # a person dropped a title's or scare quote's marks: style, not drift
        record.flags.append(
            Flag(
                kind="quote_lost",
                severity="high",
                reason=f"the quote “{shorten(quote.text)}” cannot be found in the "
                "translation: its quotation marks were lost",
                detail={"quote": record.id},
            )
        )
        return
    t_start, t_end = match.target_span
    record.matched_by = match.by
    target = match.target
    record.translation = (target.text if target is not None else tgt_text[t_start:t_end]).strip()
    if back_of is None:
        record.status = "kept"  # nothing to compare the meaning with: marks only
        return
    back_span = back_of.back_of(target, (t_start, t_end))
    if back_span is None:
        record.status = "changed"
        record.flags.append(
            Flag(
                kind="quote",
                severity="medium",
                reason=f"the quote “{shorten(quote.text)}” could not be traced in the "
                "back-translation",
                detail={"quote": record.id},
            )
        )
        return
    record.back_translation = back_span.strip()
    record.chrf = chrf(record.back_translation, quote.text)
    record.missing_words = missing_content_words(quote.text, record.back_translation, src)
    untranslated = _unknown_in(quote.text, translations)
    record.status, flag = _judge_quote(record, thresholds, untranslated)
    if flag is not None:
        record.flags.append(flag)


class _BackTracer:
    """Finds the back-translation of a translated quote: by marks, else by alignment.

    The translation's marked quotes are matched to the back-translation's once per
    paragraph (order-based pairing needs the whole paragraph); a span that was matched
    by alignment (no marks in the translation) is traced on its own.
    """

    def __init__(
        self,
        tgt_text: str,
        tgt_quotes: list[Quote],
        back_text: str,
        back_quotes: list[Quote],
        alignment: list[tuple[int, int]] | None,
    ) -> None:
        self.tgt_text = tgt_text
        self.back_text = back_text
        self.back_quotes = back_quotes
        self.alignment = alignment
        self.by_quote = {
            m.source: self._text(m)
            for m in match_quotes(tgt_text, tgt_quotes, back_text, back_quotes, alignment=alignment)
        }

    def back_of(self, target: Quote | None, span: tuple[int, int]) -> str | None:
        if target is not None and target in self.by_quote:
            return self.by_quote[target]
        start, end = span
        bare = Quote(
            start=start, end=end, open="", close="", depth=0,
            inner_start=start, inner_end=end, text=self.tgt_text[start:end], closed=True,
        )  # fmt: skip
        (match,) = match_quotes(
            self.tgt_text, [bare], self.back_text, self.back_quotes, alignment=self.alignment
        )
        return self._text(match)

    def _text(self, match: QuoteMatch) -> str | None:
        if match.target_span is None:
            return None
        if match.target is not None:
            return match.target.text
        return self.back_text[match.target_span[0] : match.target_span[1]]


def _unmarked_rendering(
    quote: Quote,
    src_text: str,
    translations: Sequence[Translation | None],
    backs: Sequence[Translation | None] | None,
    src: str,
    tgt: str | None = None,
) -> bool:
    """Whether the sentences' translation renders a quote without its marks (see
    ``rendered_without_marks``)."""
    translation = " ".join(t.text for t in translations if t is not None)
    back = None if backs is None else " ".join(b.text for b in backs if b is not None)
    return rendered_without_marks(quote, src_text, src, translation, back, tgt)


def _unknown_in(quote_text: str, translations: Sequence[Translation | None]) -> list[str]:
    """Words of a quote that the engine marked as unknown (left untranslated)."""
    words = {_normal_word(w) for w in quote_text.split()}
    out: list[str] = []
    for translation in translations:
        for word in translation.unknown_words if translation is not None else ():
            if _normal_word(word) in words and word not in out:
                out.append(word)
    return out


def _judge_quote(
    record: QuoteRecord, th: Thresholds, untranslated: Sequence[str] = ()
) -> tuple[str, Flag | None]:
    score = record.chrf if record.chrf is not None else 0.0
    missing = record.missing_words
    if untranslated:
        # The round trip looks perfect because the word never left English: say so.
        return "changed", Flag(
            kind="quote",
            severity="medium",
            reason=f"the quote “{shorten(record.text)}” was not fully translated: the engine "
            f"left {', '.join(f'“{w}”' for w in untranslated)} as it was",
            detail={"quote": record.id, "untranslated": list(untranslated), "chrf": record.chrf},
        )
    if score >= th.quote_chrf_medium and not missing:
        return "kept", None
    severity = "high" if score < th.quote_chrf_high or len(missing) >= 2 else "medium"
    if score >= th.quote_chrf_medium and len(missing) == 1:
        severity = "medium"
    detail = f"; missing: {', '.join(missing)}" if missing else ""
    reason = (
        f"the quote “{shorten(record.text)}” came back as "
        f"“{shorten(record.back_translation or '')}” (chrF {score:.0f}){detail}"
    )
    return "changed", Flag(
        kind="quote",
        severity=severity,
        reason=reason,
        detail={"quote": record.id, "chrf": record.chrf, "missing_words": missing},
    )
