"""What a batch run has to do: each article read and classed as to do, up to date or failed.

An article is up to date when its outputs are all there and its report matches the
source's sha256, the targets, the engine (``info`` of each direction) and the thresholds;
a rerun skips it and leaves its files untouched, so reruns are byte-identical, the
report's ``created`` time included. In check mode (``--check-dir``) the report must also
hold the very text of each translation beside the source (:mod:`xlate.batch.checkdir`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from xlate.batch.checkdir import CheckGroup, NamedFile, group_files
from xlate.batch.executors import DEFAULT_CHUNK_SENTENCES
from xlate.batch.layout import DEFAULT_GLOBS, Article, ArticleOutputs, Shard, discover
from xlate.batch.summary import SummaryRow, rows_from_report
from xlate.checks.analyse import engine_record, settings_record
from xlate.checks.document import AnalysisSettings
from xlate.engines.base import Translator
from xlate.errors import ConfigError, InputError, XlateError
from xlate.repair import RepairOptions
from xlate.report import EngineRecord, Report
from xlate.text.segment import Document
from xlate.textio import read_text
from xlate.translation import EngineInfo


@dataclass(frozen=True)
class BatchOptions:
    targets: tuple[str, ...]
    src: str | None = None  # None: detect each article's language
    globs: tuple[str, ...] = DEFAULT_GLOBS
    settings: AnalysisSettings = field(default_factory=AnalysisSettings)
    shard: Shard | None = None
    chunk_sentences: int = DEFAULT_CHUNK_SENTENCES
    wave_sentences: int | None = None  # None: the run's DEFAULT_WAVE_SENTENCES
    check: bool = False  # check the translations beside each source (xlate.batch.checkdir)
    repair: RepairOptions | None = None  # --repair: flagged sentences get the best candidate
    analysis_workers: int = 1  # processes for the per-article analysis; 1: in this one

    @property
    def mode(self) -> str:
        return "check" if self.check else "roundtrip"


@dataclass
class PlannedArticle:
    article: Article
    status: str  # todo | up-to-date | failed
    error: str = ""
    text: str = ""
    lang: str = ""
    doc: Document | None = None
    targets: tuple[str, ...] = ()
    rows: list[SummaryRow] = field(default_factory=list)
    # check mode: the existing translations by language (file, text, segmented)
    translation_files: dict[str, NamedFile] = field(default_factory=dict)
    translation_texts: dict[str, str] = field(default_factory=dict)
    translation_docs: dict[str, Document] = field(default_factory=dict)


def _normal(value: Any) -> Any:
    """Value as it reads back from JSON, so a loaded report compares equal to a fresh one."""
    return json.loads(json.dumps(value, ensure_ascii=False))


def _same_engine(recorded: EngineRecord | None, info: EngineInfo | None) -> bool:
    """Whether a report's engine record is what ``info`` would record now."""
    want = engine_record(info)
    return _normal(asdict(recorded) if recorded else None) == _normal(
        asdict(want) if want else None
    )


def _one_line(err: XlateError, article: Article) -> str:
    # Paths relative to IN_DIR, so summaries read the same wherever the folder lives.
    message = str(err).replace("\n", " ").replace(str(article.path), article.rel)
    return message if article.rel in message else f"{article.rel}: {message}"


def _language(text: str, given: str | None) -> str:
    if given is not None:
        return given
    from xlate.text.langid import require_language  # lingua's models load on first use

    return require_language(text)


class Planner:
    """Finds the articles under ``in_dir`` and plans each one (see the module doc).

    ``engine`` answers ``info`` for the up-to-date test; None only in check mode without
    back-translation.
    """

    def __init__(
        self, in_dir: Path, out_dir: Path, options: BatchOptions, engine: Translator | None
    ) -> None:
        self.in_dir = in_dir
        self.out_dir = out_dir
        self.options = options
        self.engine = engine

    def plan(self) -> list[PlannedArticle]:
        if self.options.check:
            return [self.plan_check(g) for g in self.check_groups()]
        return [self.plan_article(a) for a in self.articles()]

    def articles(self) -> list[Article]:
        if not self.in_dir.is_dir():
            raise InputError(f"{self.in_dir}: not a folder")
        if self.out_dir.resolve() == self.in_dir.resolve():
            raise ConfigError("--out must differ from the input folder")
        found = discover(self.in_dir, self.options.globs, exclude=self.out_dir)
        if self.options.shard is not None and not self.options.check:
            found = [a for a in found if self.options.shard.owns(a.rel)]
        return found

    def check_groups(self) -> list[CheckGroup]:
        """Check mode: the sources and the translations beside them (xlate.batch.checkdir)."""
        files = [NamedFile(a.rel, a.path) for a in self.articles()]
        groups = group_files(files, self.options.targets, self.options.src)
        if self.options.shard is not None:
            # by the name without language code, so a group is never split between shards
            groups = [g for g in groups if self.options.shard.owns(g.key)]
        return groups

    def targets_for(self, lang: str) -> tuple[str, ...]:
        return tuple(t for t in self.options.targets if t != lang)

    def rel(self, path: Path) -> str:
        return path.relative_to(self.out_dir).as_posix()

    # --- a round trip ------------------------------------------------------------------

    def plan_article(self, article: Article) -> PlannedArticle:
        try:
            text = read_text(article.path)
            lang = _language(text, self.options.src)
        except XlateError as err:
            return PlannedArticle(article, "failed", _one_line(err, article))
        targets = self.targets_for(lang)
        if not targets:
            error = f"{article.rel}: already in {lang}; nothing to translate it into"
            return PlannedArticle(article, "failed", error)
        outputs = article.outputs(self.out_dir, targets)
        rows = self.up_to_date_rows(article, text, lang, targets, outputs)
        if rows is not None:
            return PlannedArticle(article, "up-to-date", rows=rows, targets=targets)
        return PlannedArticle(article, "todo", text=text, lang=lang, targets=targets)

    def up_to_date_rows(
        self,
        article: Article,
        text: str,
        lang: str,
        targets: tuple[str, ...],
        outputs: ArticleOutputs,
    ) -> list[SummaryRow] | None:
        """The summary rows of an article whose outputs are complete and current, else None."""
        if not all(p.is_file() for p in outputs.paths()):
            return None
        try:
            report = Report.load(outputs.report)
        except XlateError:
            return None
        if report.mode != "roundtrip" or not self.same_source_and_thresholds(report, text):
            return None
        if [lg.target for lg in report.languages] != list(targets):
            return None
        assert self.engine is not None
        for language in report.languages:
            if not _same_engine(
                language.engine, self.engine.info(lang, language.target)
            ) or not _same_engine(language.back_engine, self.engine.info(language.target, lang)):
                return None
        return rows_from_report(report, article.rel, self.rel(outputs.report))

    def same_source_and_thresholds(self, report: Report, text: str) -> bool:
        """Same source, thresholds, glossary and repair as this run's."""
        record = _normal(settings_record(self.options.settings))
        repair = self.options.repair
        return (
            report.source.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
            and report.settings.get("thresholds") == record["thresholds"]
            and report.settings.get("glossary") == record.get("glossary")
            and report.settings.get("repair")
            == (repair.record() if repair and not self.options.check else None)
        )

    # --- check mode --------------------------------------------------------------------

    def plan_check(self, group: CheckGroup) -> PlannedArticle:
        article = Article(rel=group.source.rel, path=group.source.path, stem=group.stem)
        if group.error:
            return PlannedArticle(article, "failed", group.error)
        try:
            text = read_text(article.path)
            lang = _language(text, group.source_lang)
        except XlateError as err:
            return PlannedArticle(article, "failed", _one_line(err, article))
        same = [f.rel for t, f in group.translations.items() if t == lang]
        if same:
            error = f"{article.rel} and {same[0]} are both in {lang}: which is the source?"
            return PlannedArticle(article, "failed", error)
        files = {t: f for t, f in group.translations.items() if t in self.targets_for(lang)}
        texts: dict[str, str] = {}
        for tgt, file in files.items():
            try:
                texts[tgt] = read_text(file.path)
            except XlateError as err:
                error = _one_line(err, Article(file.rel, file.path, ""))
                return PlannedArticle(article, "failed", error)
        targets = tuple(files)
        rows = self.up_to_date_check_rows(article, text, lang, targets, texts)
        if rows is not None:
            return PlannedArticle(article, "up-to-date", rows=rows, targets=targets)
        return PlannedArticle(
            article, "todo", text=text, lang=lang, targets=targets,
            translation_files=files, translation_texts=texts,
        )  # fmt: skip

    def up_to_date_check_rows(
        self,
        article: Article,
        text: str,
        lang: str,
        targets: tuple[str, ...],
        translations: dict[str, str],
    ) -> list[SummaryRow] | None:
        """Check mode: the rows of an article whose report matches its source, its
        translations (their full text is in the report), the back engine and thresholds."""
        path = article.outputs(self.out_dir, ()).report
        if not path.is_file():
            return None
        try:
            report = Report.load(path)
        except XlateError:
            return None
        if report.mode != "check" or not self.same_source_and_thresholds(report, text):
            return None
        if [lg.target for lg in report.languages] != list(targets):
            return None
        for language in report.languages:
            if language.translation_text != translations[language.target]:
                return None
            back = self.engine.info(language.target, lang) if self.engine else None
            if not _same_engine(language.back_engine, back):
                return None
        return rows_from_report(report, article.rel, self.rel(path))
