"""Quotations in en/es/ru text, and which quote of a translation renders which of the source.

API (pure functions, no models):

``extract_quotes(text, lang) -> list[Quote]``
    Every quotation in ``text`` (a paragraph or a whole document; a line break ends a
    paragraph), in order of their opening marks. Handles “…” and ‘…’ (en), «…» with “…”
    inside (es), «…» with „…“ inside (ru), straight "…" paired by position and context,
    straight '…' only when clearly a quote, nesting, quotes over several sentences, a quote
    closed by the other family's mark when its own never comes ("…either,' said). Apostrophes
    (don't, l'État, O'Brien, rock 'n' roll, the '90s, students' books) are not quotes. A quote
    whose closing mark never comes runs to the end of its paragraph with ``closed=False``
    (the news convention for a quotation over several paragraphs); if an enclosing quote
    closes first, it ends there. Marks that cannot open or close anything are ignored, so a
    stray mark never swallows the rest of the text. Never raises.

``match_quotes(src_text, src_quotes, tgt_text, tgt_quotes, *, alignment=None)``
    ``-> list[QuoteMatch]``, one per source quote, in the same order. ``src_text``/``tgt_text``
    are one sentence group (source sentence(s) and their translation); the quotes come from
    ``extract_quotes`` on those texts (a source quote may also be a mark-less span, with
    ``open == close == ""``). Quotes are paired by their marks first («» “” "" „“ are all
    equivalent): in order, by relative position, relative length, nesting depth and cheap
    content evidence (shared digits, shared capitalised words across scripts via unidecode).
    A source quote left over is projected through ``alignment`` — ``(source_word,
    target_word)`` index pairs over ``str.split()`` words of the two texts, as in
    ``xlate.translation.Translation.alignment`` — to the span from the first to the last
    aligned target word, only when at least half its words are aligned. Otherwise its match is
    ``target_span=None, by=None``: the quote is LOST; it is never paired with a doubtful span.

Modules: ``marks`` (extraction), ``match`` (matching), ``unmarked`` (a quote rendered
without marks: ``is_statement``, ``rendered_without_marks``); ``tracking`` is the quotes
check of the analysis (``xlate.checks.base``), which follows each quote through the round
trip.
"""

from xlate.checks.quotes.marks import QUOTE_MARKS, Quote, extract_quotes
from xlate.checks.quotes.match import QuoteMatch, match_quotes
from xlate.checks.quotes.unmarked import is_statement, rendered_without_marks

__all__ = [
    "QUOTE_MARKS",
    "Quote",
    "QuoteMatch",
    "extract_quotes",
    "is_statement",
    "match_quotes",
    "rendered_without_marks",
]
