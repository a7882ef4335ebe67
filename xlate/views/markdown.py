"""The report as Markdown (GitHub-flavoured tables), for tickets, wikis and pull requests.

All report text is escaped: Markdown punctuation gets a backslash, so a sentence holding
``|``, ``*`` or ``<script>`` stays text and cannot break a table. The diff column uses
``~~deleted~~`` and ``**inserted**``.
"""

from __future__ import annotations

import re

from xlate.report import QuoteRecord, Report
from xlate.views.model import (
    LanguageView,
    build_views,
    engine_label,
    entity_note,
    flag_counts,
    fmt_score,
    quote_counts,
    quote_status,
    quoted,
    repaired_lines,
    report_title,
)
from xlate.views.worddiff import inline_diff

# Punctuation that means something inline (CommonMark + GFM tables and strikethrough);
# all of it is backslash-escapable. Parentheses only matter after "]", escaped already.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")

QUOTE_COLUMNS = [
    "quote",
    "status",
    "chrF",
    "original",
    "translation",
    "back-translation",
    "missing words",
]


def md(text: str | None, empty: str = "—") -> str:
    """Report text as inline Markdown: escaped, on one line."""
    if text is None or not text.strip():
        return empty
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _table(header: list[str], rows: list[list[str]], numeric: set[int] | None = None) -> str:
    numeric = numeric or set()
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---:" if i in numeric else "---" for i in range(len(header))) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def render_markdown(report: Report) -> str:
    views = build_views(report)
    out = [f"# {md(report.source.path or 'Round-trip report')}", "", md(report_title(report)), ""]
    out += ["## Summary", ""]
    out.append(
        _table(
            ["languages", "engine", "back engine", "chrF", "BLEU", "TER", "flags", "quotes"],
            [
                [
                    md(v.pair),
                    md(engine_label(v.report.engine, "given translation")),
                    md(engine_label(v.report.back_engine, "none")),
                    fmt_score(v.report.scores.chrf),
                    fmt_score(v.report.scores.bleu),
                    fmt_score(v.report.scores.ter),
                    md(flag_counts(v)),
                    md(quote_counts(v)),
                ]
                for v in views
            ],
            numeric={3, 4, 5},
        )
    )
    for view in views:
        out += ["", *_language(view)]
    return "\n".join(out) + "\n"


def _language(view: LanguageView) -> list[str]:
    lang = view.report
    out = [f"## {md(view.pair)}", ""]
    out.append(
        f"engine: {md(engine_label(lang.engine, 'given translation'))} · "
        f"back: {md(engine_label(lang.back_engine, 'none'))} · "
        f"document chrF {fmt_score(lang.scores.chrf)} · BLEU {fmt_score(lang.scores.bleu)} · "
        f"TER {fmt_score(lang.scores.ter)}"
    )
    if lang.scores.signatures:
        out.append("")
        out += [f"- {md(name)}: {md(sig)}" for name, sig in lang.scores.signatures.items()]
    if lang.quotes:
        out += ["", "### Quotes", "", _quotes_table(lang.quotes)]
    out += ["", "### Sentences", "", _sentences_table(view)]
    repaired = repaired_lines(lang)
    if repaired:
        out += ["", "### Repaired", ""]
        out.append(
            _table(
                ["sentence", "before", "after", "why"],
                [[md(i), md(before), md(after), md(why)] for i, before, after, why in repaired],
            )
        )
    if lang.unaligned_translation:
        out += ["", "### Translation sentences aligned to no original sentence", ""]
        out += [f"- {md(t)}" for t in lang.unaligned_translation]
    out += ["", "### Flags", ""]
    if view.flags:
        out.append(
            _table(
                ["severity", "sentence", "kind", "reason"],
                [[md(f.severity), md(f.sentence_id), md(f.kind), md(f.reason)] for f in view.flags],
            )
        )
    else:
        out.append("no flags")
    return out


def _quotes_table(quotes: list[QuoteRecord]) -> str:
    rows = [
        [
            md(q.id),
            f"**{quote_status(q)}**" if quote_status(q) != "kept" else "kept",
            fmt_score(q.chrf),
            md(quoted(q)),
            md(q.translation, "*not found*"),
            md(q.back_translation),
            md(", ".join(q.missing_words)),
        ]
        for q in quotes
    ]
    return _table(QUOTE_COLUMNS, rows, numeric={2})


def _sentences_table(view: LanguageView) -> str:
    src, tgt = view.source_lang, view.report.target
    rows = []
    for row in view.rows:
        record = row.record
        diff = "—"
        if record.back_translation is not None:
            diff = inline_diff(
                record.source,
                record.back_translation,
                deleted=("~~", "~~"),
                inserted=("**", "**"),
                escape=md,
            )
        notes = [entity_note(e) for e in row.entities]
        rows.append(
            [
                md(record.id),
                fmt_score(record.scores.chrf),
                md(row.severity, ""),
                md(record.source),
                md(record.translation),
                diff,
                md("; ".join(notes), ""),
            ]
        )
    header = [
        "id",
        "chrF",
        "flag",
        f"original ({src})",
        f"translation ({tgt})",
        f"back-translation diff ({src})",
        "numbers and names",
    ]
    return _table(header, rows, numeric={1})
