"""The quotes check of the analysis: each quote of the source followed through the round trip.

Quotes are found per paragraph (a quote may span sentences) on the sentences joined by
single spaces (``ParagraphPair``), so word-alignment indices of consecutive sentences
simply add up. Each quote is LOST (its marks are gone from the translation), kept, or
changed: its back-translation reads differently (chrF and the content words it lost).
"""

from __future__ import annotations

from collections.abc import Sequence

from xlate.checks import lexicon
from xlate.checks.document import AnalysedDocument, AnalysisSettings, Findings, ParagraphPair
from xlate.checks.quotes.fidelity import WordVerdict, judge_words
from xlate.checks.quotes.marks import Quote
from xlate.checks.quotes.match import QuoteMatch, match_quotes
from xlate.checks.quotes.unmarked import rendered_without_marks
from xlate.checks.scoring import chrf, relative_floor
from xlate.config import Thresholds
from xlate.report import Flag, QuoteRecord
from xlate.text.words import bare_word, missing_content_words, shorten
from xlate.translation import Translation


class QuotesCheck:
    """Every quote of the source, followed through the translation and back.

    An engine must keep every quotation mark; a person (check mode) may drop the marks of
    a title or scare quote, so a short quote rendered without marks is then reported lost
    but not flagged. In check mode with a back-translation a quote's ``quote`` flag stays
    only when its chrF stands out from the document's other quotes (see ``ScoreCheck``).
    """

    name = "quotes"

    def run(self, document: AnalysedDocument, settings: AnalysisSettings) -> Findings:
        return self.run_part(document, settings)

    def run_part(
        self, document: AnalysedDocument, settings: AnalysisSettings, quotes_before: int = 0
    ) -> Findings:
        """``run`` on one part of a document read part by part (``check --lines`` of a long
        file), after parts that held ``quotes_before`` quotes: the ids go on from there
        and the dictionary note stays on the document's first quote. Quotes judged
        against the rest of the document (``judged_by_document``) need the whole of it:
        the part-by-part runner takes no back-translations."""
        th = settings.thresholds
        placed: list[tuple[int, QuoteRecord]] = []  # (index of its first sentence, record)
        for paragraph in document.paragraphs:
            placed += _follow(
                paragraph, th, quotes_before + len(placed) + 1, document.machine_translation
            )
        if document.judged_by_document:
            _keep_outliers_only([record for _, record in placed], th)
        found = Findings()
        absent = lexicon.missing() if placed and not quotes_before else []
        if absent:  # said once per document, on its first quote: not per sentence
            placed[0][1].flags.append(
                Flag(
                    kind="lexicon",
                    severity="low",
                    reason="quotes judged without a dictionary: install "
                    f"{' '.join(absent)} for word-by-word checks",
                    detail={"missing": absent},
                )
            )
        for index, record in placed:
            found.add(index, record.flags)
            found.quotes.append(record)
        return found


def _follow(
    paragraph: ParagraphPair, th: Thresholds, first_number: int, machine_translation: bool
) -> list[tuple[int, QuoteRecord]]:
    """The quotes of one paragraph, each with the index of the sentence it starts in."""
    quotes = paragraph.source_facts.quotes
    if not quotes:
        return []
    target = paragraph.target
    tgt_quotes = paragraph.target_facts.quotes
    matches = match_quotes(
        paragraph.source.text,
        quotes,
        target.text,
        tgt_quotes,
        alignment=paragraph.forward_alignment,
    )
    back_of: _BackTracer | None = None
    if paragraph.back is not None and paragraph.back_facts is not None:
        back_of = _BackTracer(
            target.text,
            tgt_quotes,
            paragraph.back.text,
            paragraph.back_facts.quotes,
            paragraph.back_alignment,
        )
    out = []
    for n, match in enumerate(matches):
        indices = paragraph.source.sentence_at(match.source.start, match.source.end)
        record = QuoteRecord(
            id=f"q{first_number + n}",
            sentence_ids=[paragraph.sentence_ids[i] for i in indices],
            text=match.source.text,
            marks=match.source.open + match.source.close,
        )
        _trace(record, match, paragraph, indices, back_of, th, machine_translation)
        out.append((paragraph.indices[indices[0]], record))
    return out


def _keep_outliers_only(quotes: list[QuoteRecord], th: Thresholds) -> None:
    """Check mode: a chrF-based ``quote`` flag only for a quote whose chrF is under the
    document's floor (a changed word is flagged whatever the chrF)."""
    floor = relative_floor([q.chrf for q in quotes if q.chrf is not None], th.quote_chrf_high)
    for q in quotes:
        if q.chrf is not None and q.chrf >= floor:
            if any("changed_word" in f.detail for f in q.flags):
                continue
            q.flags = [f for f in q.flags if f.kind != "quote"]
            if q.status == "changed":
                q.status = "unverified" if q.missing_words else "kept"


def _trace(
    record: QuoteRecord,
    match: QuoteMatch,
    paragraph: ParagraphPair,
    indices: list[int],
    back_of: _BackTracer | None,
    th: Thresholds,
    machine_translation: bool,
) -> None:
    """Fill ``record`` with what became of one quote: lost, kept, or changed (and why).

    ``indices``: the paragraph's sentences the quote lies in.
    """
    quote = match.source
    translations = [paragraph.translations[i] for i in indices]
    backs = None if paragraph.backs is None else [paragraph.backs[i] for i in indices]
    if match.target_span is None:
        record.status = "lost"
        if not machine_translation and _unmarked_rendering(quote, paragraph, translations, backs):
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
    record.translation = (
        target.text if target is not None else paragraph.target.text[t_start:t_end]
    ).strip()
    untranslated = _unknown_in(quote.text, translations)
    context = _sentences(paragraph, indices)
    if back_of is None:
        _judge_by_lexicon(record, paragraph, untranslated, context)
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
    lost = missing_content_words(quote.text, record.back_translation, paragraph.src)
    verdicts = judge_words(
        record.text, paragraph.src, record.translation, paragraph.tgt,
        record.back_translation, untranslated, context,
    )  # fmt: skip
    # A word the back-translation lost but the translation renders (lexicon, cognate) or
    # the back-translation words as a synonym (firm -> empresa -> company) was reworded on
    # the way back, not lost: only the words left unexplained count as missing.
    rendered = {v.word for v in verdicts if v.status == "kept"}
    record.missing_words = [w for w in lost if w not in rendered]
    if _flag_changed(record, verdicts):
        return  # a changed word says more than the chrF of the whole quote
    record.status, flag = _judge(record, th, untranslated)
    if record.status == "kept" and any(v.status == "unverified" for v in verdicts):
        record.status = "unverified"
    if flag is not None:
        record.flags.append(_explained(flag, record, lost, verdicts))


class _BackTracer:
    """Finds the back-translation of a translated quote: by marks, else by alignment.

    The translation's marked quotes are matched to the back-translation's once per
    paragraph (order-based pairing needs the whole paragraph); a span that was matched
    by alignment (no marks in the translation) is traced on its own.
    """

    def __init__(
        self,
        tgt_text: str,
        tgt_quotes: Sequence[Quote],
        back_text: str,
        back_quotes: Sequence[Quote],
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
    paragraph: ParagraphPair,
    translations: Sequence[Translation | None],
    backs: Sequence[Translation | None] | None,
) -> bool:
    """Whether the sentences' translation renders a quote without its marks (see
    ``rendered_without_marks``)."""
    translation = " ".join(t.text for t in translations if t is not None)
    back = None if backs is None else " ".join(b.text for b in backs if b is not None)
    return rendered_without_marks(
        quote, paragraph.source.text, paragraph.src, translation, back, paragraph.tgt
    )


def _unknown_in(quote_text: str, translations: Sequence[Translation | None]) -> list[str]:
    """Words of a quote that the engine marked as unknown (left untranslated)."""
    words = {bare_word(w) for w in quote_text.split()}
    out: list[str] = []
    for translation in translations:
        for word in translation.unknown_words if translation is not None else ():
            if bare_word(word) in words and word not in out:
                out.append(word)
    return out


# chrF of a few words swings wildly ("principal task" -> "tarea principal" -> "main task",
# chrF 21): a quote shorter than this whose every content word is accounted for is kept.
_CHRF_QUOTE_WORDS = 8


def _judge(
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
    if not missing and (
        score >= th.quote_chrf_high or len(record.text.split()) < _CHRF_QUOTE_WORDS
    ):
        # Every content word came back or is rendered: a reworded round trip, not drift.
        return "kept", None
    severity = "high" if score < th.quote_chrf_high or len(missing) >= 2 else "medium"
    if score >= th.quote_chrf_medium and len(missing) == 1:
        severity = "medium"
    detail = f"; missing: {', '.join(missing)}" if missing else ""
    if severity == "high" and score >= th.quote_chrf_high:
        detail += f"; high because {len(missing)} content words did not come back"
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


def _explained(
    flag: Flag, record: QuoteRecord, lost: Sequence[str], verdicts: Sequence[WordVerdict]
) -> Flag:
    """A chrF-based high flag whose lost words the translation itself renders (lexicon,
    cognate) or whose back-translation has a synonym of ("Tough" -> "Duro" -> "Hard")
    says the back-translation reworded, not that a fact changed: medium, saying so."""
    if flag.severity != "high" or "untranslated" in flag.detail or record.missing_words:
        return flag
    by = {v.word: v.by for v in verdicts if v.status == "kept"}
    found = ", ".join(f"“{w}” ({by[w]})" for w in lost)
    flag.severity = "medium"
    flag.reason += (
        f"; medium, not high: the translation renders {found}" if found
        else "; medium, not high: no content word was lost"
    )  # fmt: skip
    return flag


def _sentences(paragraph: ParagraphPair, indices: Sequence[int]) -> tuple[str, str]:
    """The source sentences a quote lies in, and their translations."""
    joined = paragraph.source
    bounds = [*joined.char_starts[1:], len(joined.text) + 1]
    source = " ".join(joined.text[joined.char_starts[i] : bounds[i] - 1] for i in indices)
    translated = " ".join(
        t.text for t in (paragraph.translations[i] for i in indices) if t is not None
    )
    return source, translated


def _judge_by_lexicon(
    record: QuoteRecord,
    paragraph: ParagraphPair,
    untranslated: Sequence[str],
    context: tuple[str, str],
) -> None:
    """With no back-translation, word by word (``fidelity``): a changed word flags the
    quote high; a word not found with nothing against it leaves it ``unverified``."""
    verdicts = judge_words(
        record.text, paragraph.src, record.translation or "", paragraph.tgt, None,
        untranslated, context,
    )  # fmt: skip
    unverified = [v.word for v in verdicts if v.status == "unverified"]
    record.missing_words = unverified
    record.status = "unverified" if unverified else "kept"
    _flag_changed(record, verdicts)


def _flag_changed(record: QuoteRecord, verdicts: Sequence[WordVerdict]) -> bool:
    """Flags the quote high when a word of it changed (``fidelity``); whether one did."""
    changed = [v for v in verdicts if v.status == "changed"]
    if not changed:
        return False
    record.status = "changed"
    first = changed[0]
    means = f" (“{first.stands}” means {', '.join(first.means)})" if first.means else ""
    if first.by == "antonym":
        means += f", an antonym of “{first.word}” (WordNet)"
    known = (
        f"; its known renderings ({', '.join(first.renderings)}) are absent"
        if first.renderings
        else "; no rendering of it found"
    )
    chrf_note = (
        f"; chrF {record.chrf:.0f} is high only because the other words survived"
        if record.chrf is not None and record.chrf >= 50
        else ""
    )
    others = "".join(f"; “{v.word}” became “{v.stands}”" for v in changed[1:])
    record.flags.append(
        Flag(
            kind="quote",
            severity="high",
            reason=f"the quote “{shorten(record.text)}” changed a key word: “{first.word}” "
            f"became “{first.stands}”{means}{known}{others}{chrf_note}",
            detail={
                "quote": record.id,
                "changed_word": first.word,
                "stands": first.stands,
                "means": first.means,
                "chrf": record.chrf,
                "changed": [v.word for v in changed],
            },
        )
    )
    return True
