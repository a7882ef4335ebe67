"""A self-contained HTML report: inline CSS, no scripts, nothing fetched, printable.

Every piece of report text goes through ``html.escape``; a Content-Security-Policy meta
tag forbids loading anything, so the file behaves the same offline and on a share.
The "only flagged" switch is a CSS checkbox, so no JavaScript is needed.
"""

from __future__ import annotations

from html import escape

from xlate.config import Thresholds
from xlate.report import QuoteRecord, Report
from xlate.views.model import (
    LanguageView,
    Row,
    Segment,
    build_views,
    chrf_band,
    engine_label,
    entity_note,
    fmt_score,
    good_chrf,
    quote_heading,
    quote_status,
    quoted,
    repaired_lines,
    report_title,
    thresholds_of,
)

CSS = """
:root { --fg: #1d232a; --muted: #5d6670; --line: #d9dde2; --bg: #ffffff; --head: #f3f5f7;
  --del: #b3261e; --del-bg: #fde7e5; --ins: #17692f; --ins-bg: #e2f5e6; --rep: #7a5200;
  --rep-bg: #fff1c7; --kept: #d5f0dc; --changed: #ffe7a3; --lost: #ffc9c4; --entity: #7b2a8c; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: var(--fg); background: var(--bg); margin: 0 auto; padding: 1.5rem; max-width: 1500px; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
.meta, .engines, .sig, .legend { color: var(--muted); font-size: .85rem; margin: .2rem 0; }
.sig { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: .75rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top;
  text-align: left; }
th { background: var(--head); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.rows td.text { width: 30%; }
table.rows td.id { white-space: nowrap; font-family: ui-monospace, Menlo, Consolas, monospace; }
table.rows tr.flagged td.id { border-left: 4px solid var(--changed); }
table.rows tr.sev-high td.id { border-left-color: var(--del); }
.del { color: var(--del); background: var(--del-bg); text-decoration: line-through; }
.ins { color: var(--ins); background: var(--ins-bg); font-weight: 600; }
.rep { color: var(--rep); background: var(--rep-bg); font-weight: 600; }
.q-kept { box-shadow: inset 0 -.45em 0 var(--kept); }
.q-changed { box-shadow: inset 0 -.45em 0 var(--changed); }
.q-lost { box-shadow: inset 0 -.45em 0 var(--lost); }
.entity { outline: 2px solid var(--entity); outline-offset: 1px; border-radius: 2px; }
.note { display: block; font-size: .85rem; margin-top: .3rem; }
.note.entity-note { color: var(--entity); font-weight: 600; }
.badge { display: inline-block; padding: 0 .45em; border-radius: .6em; font-size: .8rem;
  font-weight: 600; }
.badge.kept { background: var(--kept); } .badge.changed { background: var(--changed); }
.badge.lost { background: var(--lost); }
.sev { font-weight: 700; } .sev.high { color: var(--del); } .sev.medium { color: var(--rep); }
.sev.low { color: var(--muted); }
.band-good { color: #17692f; font-weight: 600; } .band-fair { color: #8a6d00; font-weight: 600; }
.band-poor { color: #b35900; font-weight: 700; } .band-bad { color: var(--del); font-weight: 700; }
.band-none { color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: .75rem; }
.card { border: 1px solid var(--line); border-left: 6px solid var(--kept); border-radius: 6px;
  padding: .6rem .8rem; }
.card.changed { border-left-color: #e0b000; } .card.lost { border-left-color: var(--del); }
.card dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .6rem;
  margin: .4rem 0; }
.card dt { color: var(--muted); font-size: .85rem; } .card dd { margin: 0; }
.card .reasons { margin: .3rem 0 0; padding-left: 1.1rem; font-size: .85rem; }
.missing { font-weight: 600; color: var(--del); }
.empty { color: var(--muted); font-style: italic; }
.toggle-label { display: inline-block; margin: .75rem 0; cursor: pointer; user-select: none; }
#only-flagged:checked ~ main tr.clean { display: none; }
a { color: inherit; }
@media print {
  body { font-size: 9.5pt; padding: 0; max-width: none; }
  #only-flagged, .toggle-label { display: none; }
  tr, .card { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

# Segment marks -> CSS classes.
MARK_CLASSES = {
    "del": "del",
    "ins": "ins",
    "rep": "rep",
    "entity": "entity",
    "quote-kept": "q-kept",
    "quote-changed": "q-changed",
    "quote-lost": "q-lost",
}
# Which diff marks show on which side: deletions in the original, insertions in the
# back-translation, replaced runs on both.
SIDE_MARKS = {
    "source": {"del", "rep"},
    "translation": set(),
    "back": {"ins", "rep"},
}


def render_html(report: Report) -> str:
    """The whole report as one HTML document (a str; write it with textio.atomic_write)."""
    thresholds = thresholds_of(report)
    views = build_views(report)
    title = report.source.path or "round-trip report"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(report.source.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>xlate: {_e(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>Round-trip report: {_e(title)}</h1>",
        f'<p class="meta">{_e(report_title(report))}</p>',
        _legend(thresholds),
        "</header>",
        '<input type="checkbox" id="only-flagged">',
        '<label class="toggle-label" for="only-flagged">show only flagged sentences</label>',
        "<main>",
        _summary(views, thresholds),
    ]
    for view in views:
        parts.append(_language(view, thresholds))
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _legend(thresholds: Thresholds) -> str:
    medium, high = thresholds.sentence_chrf_medium, thresholds.sentence_chrf_high
    return (
        '<p class="legend">diff of original and back-translation: '
        '<span class="del">deleted</span> <span class="ins">inserted</span> '
        '<span class="rep">replaced</span> · quotes: <span class="q-kept">kept</span> '
        '<span class="q-changed">changed</span> <span class="q-lost">lost</span> · '
        '<span class="entity">number or name not kept</span> · chrF: '
        f'<span class="band-good">≥{good_chrf(thresholds):g}</span> '
        f'<span class="band-fair">≥{medium:g}</span> '
        f'<span class="band-poor">≥{high:g}</span> '
        f'<span class="band-bad">&lt;{high:g}</span></p>'
    )


def _score(value: float | None, thresholds: Thresholds | None = None) -> str:
    band = f' class="num band-{chrf_band(value, thresholds)}"' if thresholds else ' class="num"'
    return f"<td{band}>{_e(fmt_score(value))}</td>"


def _summary(views: list[LanguageView], thresholds: Thresholds) -> str:
    rows = []
    for view in views:
        lang = view.report
        counts = lang.flag_counts()
        flagged = sum(1 for r in view.rows if r.flagged)
        rows.append(
            "<tr>"
            f'<td><a href="#lang-{_e(lang.target)}">{_e(view.pair)}</a></td>'
            f"<td>{_e(engine_label(lang.engine, 'given translation'))}</td>"
            f"<td>{_e(engine_label(lang.back_engine, 'none'))}</td>"
            + _score(lang.scores.chrf, thresholds)
            + _score(lang.scores.bleu)
            + _score(lang.scores.ter)
            + f'<td class="num">{flagged} / {len(view.rows)}</td>'
            + "".join(f'<td class="num sev {s}">{n}</td>' for s, n in counts.items())
            + "".join(f'<td class="num">{n}</td>' for n in view.quote_counts.values())
            + "</tr>"
        )
    return (
        '<section class="summary"><h2>Summary</h2><table>'
        "<thead><tr><th>languages</th><th>engine</th><th>back engine</th>"
        '<th class="num">chrF</th><th class="num">BLEU</th><th class="num">TER ↓</th>'
        '<th class="num">flagged sentences</th><th class="num">high</th>'
        '<th class="num">medium</th><th class="num">low</th><th class="num">quotes kept</th>'
        '<th class="num">changed</th><th class="num">lost</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _segments(segments: list[Segment] | None, side: str) -> str:
    if segments is None:
        return '<span class="empty">—</span>'
    shown = SIDE_MARKS[side] | {m for m in MARK_CLASSES if m.startswith("quote-")} | {"entity"}
    out = []
    for seg in segments:
        classes = [MARK_CLASSES[m] for m in sorted(seg.marks) if m in shown]
        if classes:
            out.append(f'<span class="{" ".join(classes)}">{_e(seg.text)}</span>')
        else:
            out.append(_e(seg.text))
    return "".join(out)


def _row(view: LanguageView, row: Row, thresholds: Thresholds) -> str:
    record = row.record
    anchor = f"{view.report.target}-{record.id}"
    classes = ["flagged" if row.flagged else "clean"]
    if row.severity:
        classes.append(f"sev-{row.severity}")
    notes = []
    for quote in row.quotes:
        status = quote_status(quote)
        notes.append(
            f'<span class="note"><a href="#{_e(view.report.target)}-{_e(quote.id)}">'
            f'<span class="badge {status}">{_e(quote_heading(quote))}</span></a></span>'
        )
    for entity in row.entities:
        notes.append(f'<span class="note entity-note">{_e(entity_note(entity))}</span>')
    severity = (
        f'<br><span class="sev {_e(row.severity)}">{_e(row.severity)}</span>'
        if row.severity
        else ""
    )
    return (
        f'<tr id="{_e(anchor)}" class="{" ".join(classes)}">'
        f'<td class="id">{_e(record.id)}{severity}</td>'
        + _score(record.scores.chrf, thresholds)
        + f'<td class="text">{_segments(row.source, "source")}{"".join(notes)}</td>'
        f'<td class="text">{_segments(row.translation, "translation")}</td>'
        f'<td class="text">{_segments(row.back_translation, "back")}</td>'
        "</tr>"
    )


def _quote_card(view: LanguageView, quote: QuoteRecord) -> str:
    status = quote_status(quote)
    target = view.report.target

    def value(text: str | None, missing: str) -> str:
        return _e(text) if text else f'<span class="empty">{_e(missing)}</span>'

    sentence_links = ", ".join(
        f'<a href="#{_e(target)}-{_e(sid)}">{_e(sid)}</a>' for sid in quote.sentence_ids
    )
    missing = (
        f'<dt>missing words</dt><dd class="missing">{_e(", ".join(quote.missing_words))}</dd>'
        if quote.missing_words
        else ""
    )
    reasons = "".join(f"<li>{_e(f.severity)}: {_e(f.reason)}</li>" for f in quote.flags)
    return (
        f'<article class="card {status}" id="{_e(target)}-{_e(quote.id)}">'
        f'<div><span class="badge {status}">{_e(status)}</span> '
        f"<strong>{_e(quote.id)}</strong> · {sentence_links}</div>"
        "<dl>"
        f"<dt>original</dt><dd>{_e(quoted(quote))}</dd>"
        f"<dt>translation</dt><dd>{value(quote.translation, 'not found')}</dd>"
        f"<dt>back-translation</dt><dd>{value(quote.back_translation, 'none')}</dd>"
        f"<dt>chrF</dt><dd>{_e(fmt_score(quote.chrf))}</dd>"
        f"{missing}</dl>"
        + (f'<ul class="reasons">{reasons}</ul>' if reasons else "")
        + "</article>"
    )


def _language(view: LanguageView, thresholds: Thresholds) -> str:
    lang = view.report
    src, tgt = view.source_lang, lang.target
    parts = [
        f'<section class="language" id="lang-{_e(tgt)}">',
        f"<h2>{_e(view.pair)}</h2>",
        f'<p class="engines">engine: {_e(engine_label(lang.engine, "given translation"))} · '
        f"back: {_e(engine_label(lang.back_engine, 'none'))} · document chrF "
        f'<span class="band-{chrf_band(lang.scores.chrf, thresholds)}">'
        f"{_e(fmt_score(lang.scores.chrf))}</span> · BLEU {_e(fmt_score(lang.scores.bleu))} · "
        f"TER {_e(fmt_score(lang.scores.ter))}</p>",
    ]
    parts += [
        f'<p class="sig">{_e(name)}: {_e(sig)}</p>' for name, sig in lang.scores.signatures.items()
    ]
    if lang.quotes:
        parts.append("<h3>Quotes</h3>")
        cards = [_quote_card(view, quote) for quote in lang.quotes]
        parts.append(f'<div class="cards">{"".join(cards)}</div>')
    parts.append("<h3>Sentences</h3>")
    parts.append(
        '<table class="rows"><thead><tr><th>id</th><th class="num">chrF</th>'
        f"<th>original ({_e(src)})</th><th>translation ({_e(tgt)})</th>"
        f"<th>back-translation ({_e(src)})</th></tr></thead><tbody>"
        + "".join(_row(view, row, thresholds) for row in view.rows)
        + "</tbody></table>"
    )
    repaired = repaired_lines(lang)
    if repaired:
        rows = "".join(
            f"<tr><td>{_e(i)}</td><td>{_e(before)}</td><td>{_e(after)}</td><td>{_e(why)}</td></tr>"
            for i, before, after, why in repaired
        )
        parts.append(
            '<h3>Repaired</h3><table class="repaired"><thead><tr><th>sentence</th>'
            f"<th>before</th><th>after</th><th>why</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    if lang.unaligned_translation:
        parts.append("<h3>Translation sentences aligned to no original sentence</h3><ul>")
        parts += [f"<li>{_e(t)}</li>" for t in lang.unaligned_translation]
        parts.append("</ul>")
    parts.append("<h3>Flags</h3>")
    if view.flags:
        rows = "".join(
            f'<tr><td class="sev {_e(f.severity)}">{_e(f.severity)}</td>'
            f'<td><a href="#{_e(tgt)}-{_e(f.sentence_id)}">{_e(f.sentence_id)}</a></td>'
            f"<td>{_e(f.kind)}</td><td>{_e(f.reason)}</td></tr>"
            for f in view.flags
        )
        parts.append(
            "<table><thead><tr><th>severity</th><th>sentence</th><th>kind</th>"
            f"<th>reason</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    else:
        parts.append('<p class="empty">no flags</p>')
    parts.append("</section>")
    return "\n".join(parts)
