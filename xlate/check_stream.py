"""``check --lines`` of two files, read, analysed and written part by part: what
``xlate.check.check(..., lines=True)`` does without a back-translation engine (the
model-free checks), in memory that stays flat however long the files are.

    with tempfile.TemporaryDirectory() as spool:
        streamed = check_lines_streamed("news.en", "news.es", "en", "es", spool=Path(spool))
        with atomic_writer("r.json") as out:
            streamed.write_json(out)  # byte for byte the report check() would make
        digest = streamed.digest()  # counts, the worst flags, the first quotes

The files are read twice: once to count their lines (the counts must match before any
work, and the report's head records them with the source's hash) and once to analyse
``CHUNK_LINES`` line pairs at a time (``xlate.checks.partwise``). Each part's records go
to a spool on disk (``xlate.report_stream``), from which the JSON is written; the
translation's text, which the report holds whole, is read a third time as it is written.
Before the parts the translation is also read once for its few sentences in doubt of
their language, so that lingua's large models can answer them and go
(``xlate.text.langid.scores_ahead``).
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TextIO

from xlate.checks.analyse import report_of, settings_record
from xlate.checks.document import AnalysisSettings
from xlate.checks.partwise import PartwiseAnalysis
from xlate.checks.qa import samples_in_doubt
from xlate.errors import InputError
from xlate.languages import check_language, check_pair
from xlate.report import ORIGINS, LanguageReport, Report, SourceRecord
from xlate.report_stream import ReportDigest, ReportSpool
from xlate.text.langid import require_language, scores_ahead
from xlate.text.segment import Document, Paragraph, Sentence, sentence_id
from xlate.textio import read_lines
from xlate.translate import StepCallback
from xlate.translation import Translation

# Line pairs analysed at a time: enough that each check's per-part work is amortised,
# few enough that a part's records weigh nothing.
CHUNK_LINES = 256
# What language detection reads of a text (``xlate.text.langid.detect_language``).
_LANGUAGE_SAMPLE = 5000


@dataclass(frozen=True)
class _Scan:
    lines: int  # non-blank: sentences, and paragraphs
    sha256: str  # of the text, as a report records it
    head: str  # its first characters, for the language


def _scan(path: str) -> _Scan:
    digest = hashlib.sha256()
    lines = 0
    head: list[str] = []
    head_chars = 0
    for line, end in read_lines(path):
        piece = line + end
        digest.update(piece.encode("utf-8"))
        lines += bool(line.strip())
        if head_chars < _LANGUAGE_SAMPLE:
            head.append(piece)
            head_chars += len(piece)
    return _Scan(lines, digest.hexdigest(), "".join(head)[:_LANGUAGE_SAMPLE])


def _language(given: str | None, scan: _Scan) -> str:
    return check_language(given) if given else require_language(scan.head)


def _nonblank(path: str) -> Iterator[tuple[int, str]]:
    """(1-based line number, line) of each non-blank line."""
    for number, (line, _) in enumerate(read_lines(path), start=1):
        if line.strip():
            yield number, line


@dataclass
class StreamedCheck:
    """A check whose records wait in a spool: write its JSON, then show its digest."""

    report: Report  # the head: source, settings, the language without its records
    spool: ReportSpool
    translation_path: str

    def write_json(self, out: TextIO) -> None:
        self.spool.write_json(out, self.report, self._translation_text)

    def _translation_text(self) -> Iterator[str]:
        for line, end in read_lines(self.translation_path):
            yield line + end

    def digest(self) -> ReportDigest:
        return self.spool.digest(self.report)

    def close(self) -> None:
        self.spool.close()


def check_lines_streamed(
    source_path: str,
    translation_path: str,
    src: str | None = None,
    tgt: str | None = None,
    *,
    spool: Path,
    settings: AnalysisSettings | None = None,
    origin: str = "person",
    progress: StepCallback | None = None,
    chunk_lines: int = CHUNK_LINES,
    freeze: bool = False,
) -> StreamedCheck:
    """``check(source, translation, src, tgt, lines=True)`` of two files, without a
    back-translation, its records spooled under the folder ``spool`` (the caller's to
    remove). ``progress`` is told ``("lines", done, total)`` as the parts are analysed.

    ``freeze``, for a process that checks this one document (``xlate check``): what is
    alive between parts (imports, word lists, the checks' caches), there for the rest of
    the process, is moved out of the cyclic collector's sight (``gc.freeze``). Its full
    passes over them grew with them: ~1.1 s of a 3,003-line ru-es check's 8.8 s. The
    analysis makes next to no reference cycles (peak memory the same with the collector
    off), so little is kept that a collection would have freed. The collector is also off
    while a part is analysed, and what the part left alive frozen before it is back on: the
    collections it made inside a part (~1,000 young, ~80 older a document) found no garbage
    (none in ru-en's 12 parts, by ``gc.collect()`` at each part's end) and cost ~0.7 s of
    ru-en's CPU under load; re-enabled without the freeze, the first collections walk all
    that the part allocated and cost as much again."""
    if origin not in ORIGINS:
        raise InputError(f"origin {origin!r} is not one of {', '.join(ORIGINS)}")
    source_scan, translation_scan = _scan(source_path), _scan(translation_path)
    src, tgt = check_pair(_language(src, source_scan), _language(tgt, translation_scan))
    total = source_scan.lines
    if total != translation_scan.lines:
        raise InputError(
            f"--lines needs the same number of lines on both sides: the source has "
            f"{total}, the translation {translation_scan.lines}"
        )
    analysis = PartwiseAnalysis(src, tgt, settings=settings, origin=origin)
    records = ReportSpool(spool)
    # lingua's high-accuracy models answer the few sentences in doubt before the parts,
    # then go: they would otherwise stay loaded through every part (~170 MiB).
    doubtful = samples_in_doubt((t.strip() for _, t in _nonblank(translation_path)), tgt)
    try:
        with scores_ahead(doubtful, wide=True):
            _analyse_parts(
                analysis,
                records,
                source_path,
                translation_path,
                total,
                chunk_lines,
                progress,
                freeze,
            )
        records.finish(analysis.late_flags())
    except BaseException:
        records.close()
        raise
    record = settings_record(settings)
    record["translation_path"] = translation_path
    record["alignment"] = "lines"
    source = SourceRecord(source_path, src, source_scan.sha256, total, total)
    language = LanguageReport(target=tgt, engine=None, back_engine=None, origin=origin)
    report = report_of("check", source, [language], settings=record)
    return StreamedCheck(report, records, translation_path)


def _analyse_parts(
    analysis: PartwiseAnalysis,
    records: ReportSpool,
    source_path: str,
    translation_path: str,
    total: int,
    chunk_lines: int,
    progress: Callable[[str, int, int], None] | None,
    freeze: bool,
) -> None:
    # The scan counted the two sides equal.
    both = zip(_nonblank(source_path), _nonblank(translation_path), strict=False)
    pairs = enumerate(both, start=1)
    done = 0
    if progress is not None:
        progress("lines", 0, total)
    while part := list(islice(pairs, chunk_lines)):
        paragraphs: list[Paragraph | str] = []
        translations: list[Translation | None] = []
        aligned_to: list[list[str]] = []
        for number, ((line_number, line), (_, translated)) in part:
            stripped = line.strip()
            lead, trail = line[: len(line) - len(line.lstrip())], line[len(line.rstrip()) :]
            sentence = Sentence(paragraph=number, sentence=1, text=stripped, line=line_number)
            paragraphs.append(Paragraph(number, [sentence], [lead, trail]))
            translations.append(Translation(text=translated.strip()))
            aligned_to.append([sentence_id(number, 1)])
        doc = Document(lang=analysis.src, blocks=paragraphs)
        if freeze:  # see check_lines_streamed
            gc.freeze()
            gc.disable()
        try:
            found = analysis.add(doc, translations, aligned_to)
        finally:
            if freeze:
                gc.freeze()
                gc.enable()
        records.add(found.records, found.flag_checks, found.quotes, found.entities)
        done += len(part)
        if progress is not None:
            progress("lines", done, total)
