"""Apertium, the rule-based engine: en<->es offline, no model download, no GPU.

One ``apertium`` process call translates a whole chunk of sentences. Sentences travel
as paragraphs separated by a blank line: Apertium's text deformatter turns the blank
line into a hard sentence boundary (the tagger and transfer rules never reach across it)
and hands it back unchanged, so the output splits into exactly as many parts. Should a
chunk ever come back with another count, it is halved until every part agrees.

Apertium marks words it could not handle: ``*word`` unknown to the analyser, ``@word``
missing from the bilingual dictionary, ``#word`` not generated in the target form. The
marks are stripped from the text and reported in ``Translation.unknown_words`` / ``notes``.
So that a literal ``*``, ``#`` or ``@`` in the source (hashtags, e-mail addresses,
footnote stars) is never taken for a mark, those characters are swapped for private-use
stand-ins on the way in and restored on the way out.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from xlate.engines.base import Announce, Engine, EngineOptions, ModelEntry, Pulled, term_pattern
from xlate.errors import EngineError
from xlate.translation import EngineInfo, Translation

MODES: dict[tuple[str, str], str] = {("en", "es"): "eng-spa", ("es", "en"): "spa-eng"}
PACKAGE = "apertium-eng-spa"
INSTALL_HINT = "sudo apt-get install apertium apertium-eng-spa"

# Source characters that Apertium also uses as marks, and their private-use stand-ins.
_STAND_INS = {"*": "\ue0a0", "#": "\ue0a1", "@": "\ue0a2"}
_RESTORE = {ord(v): k for k, v in _STAND_INS.items()}
_PROTECT = {ord(k): v for k, v in _STAND_INS.items()}

_SEPARATOR = "\n\n"
_SPLIT = re.compile(r"\n[ \t]*\n")
# A whitespace token holding a mark: text before it, then the marked stretch.
_MARKED_TOKEN = re.compile(r"(?P<lead>[^\s*#@]*)(?P<marked>[*#@]\S*)")
# The word a mark stands for: letters, digits, inner hyphens/apostrophes/dots, and the
# stand-ins (``bob@example.com``); it ends at a slash, backslash, quote, bracket, ...
_WORD = re.compile(r"[\w\-'’.\ue0a0-\ue0a2]*")
_EDGE_PUNCT = "\"'“”‘’«»()[]{}<>.,;:!?¿¡…"

# Sentences per process call. Fixed, not "batch / workers", because Apertium's tagger
# carries state from one sentence to the next within a stream (about one sentence in
# seven differs by a word from its stand-alone translation): with fixed chunks the output
# depends on the input alone, never on how many cores the machine has. Each call costs
# ~0.2 s of start-up (it loads ~10 binaries), small against 500 sentences (~1 s).
_CHUNK = 500
_TIMEOUT_S = 600


@dataclass(frozen=True)
class Marked:
    """What Apertium flagged in one translated sentence."""

    text: str
    unknown: tuple[str, ...]  # ``*``: the analyser does not know the source word
    untranslated: tuple[str, ...]  # ``@``: no bilingual dictionary entry (source lemma)
    uninflected: tuple[str, ...]  # ``#``: the target form could not be generated


def strip_marks(text: str) -> Marked:
    """Remove Apertium's ``*``/``@``/``#`` marks from ``text`` and list the marked words.

    Every mark character left in ``text`` must be Apertium's own (the source ones were
    swapped for stand-ins); a word like ``*Su-30*MK2`` counts once, as ``Su-30MK2``.
    """
    found: dict[str, list[str]] = {"*": [], "@": [], "#": []}

    def clean(match: re.Match[str]) -> str:
        marked = match.group("marked")
        stretch = _WORD.match(re.sub(r"[*#@]", "", marked))
        word = stretch.group().strip(_EDGE_PUNCT) if stretch else ""
        if word:
            bucket = found[marked[0]]
            if word not in bucket:
                bucket.append(word)
        return match.group("lead") + marked.replace("*", "").replace("@", "").replace("#", "")

    cleaned = _MARKED_TOKEN.sub(clean, text)
    return Marked(
        text=cleaned.translate(_RESTORE),
        unknown=tuple(w.translate(_RESTORE) for w in found["*"]),
        untranslated=tuple(w.translate(_RESTORE) for w in found["@"]),
        uninflected=tuple(w.translate(_RESTORE) for w in found["#"]),
    )


def to_translation(raw: str) -> Translation:
    """An Apertium output sentence as a Translation with its marks reported."""
    marked = strip_marks(" ".join(raw.split()))
    notes = []
    if marked.unknown:
        notes.append(f"apertium did not know and left as is: {', '.join(marked.unknown)}")
    if marked.untranslated:
        notes.append(f"apertium has no translation for: {', '.join(marked.untranslated)}")
    if marked.uninflected:
        notes.append(f"apertium could not inflect: {', '.join(marked.uninflected)}")
    return Translation(
        text=marked.text,
        unknown_words=marked.unknown + marked.untranslated,
        notes=tuple(notes),
    )


_NOTRANS_TAG = re.compile(r"</?apertium-notrans>")


def _mark_kept(line: str, terms: Sequence[str]) -> str:
    """``line`` as HTML with each kept term inside ``<apertium-notrans>``."""
    pattern = term_pattern(terms)
    if pattern is None:
        return html.escape(line)
    out, pos = [], 0
    for match in pattern.finditer(line):
        out.append(html.escape(line[pos : match.start()]))
        out.append(f"<apertium-notrans>{html.escape(match.group(0))}</apertium-notrans>")
        pos = match.end()
    out.append(html.escape(line[pos:]))
    return "".join(out)


def prepare(sentence: str) -> str:
    """One line with no blank line inside and no literal mark characters."""
    return " ".join(sentence.split()).translate(_PROTECT)


class ApertiumTranslator(Engine):
    """The ``apertium`` engine. ``options.model`` may name an Apertium data directory."""

    name = "apertium"

    def __init__(self, options: EngineOptions | None = None, command: str = "apertium") -> None:
        super().__init__(options)
        self.command = command
        self.data_dir = self.options.model
        if self.data_dir is not None and not os.path.isdir(self.data_dir):
            raise EngineError(
                f"apertium: --model {self.data_dir!r} is not an Apertium language-data "
                "directory; leave --model out to use the installed apertium-eng-spa"
            )
        self.workers = max(1, self.options.workers or os.cpu_count() or 1)
        self._checked_modes: set[str] = set()

    # --- setup checks -----------------------------------------------------------------

    @cached_property
    def executable(self) -> str:
        found = shutil.which(self.command)
        if found is None:
            raise EngineError(
                f"apertium is not installed ({self.command!r} not found): {INSTALL_HINT}"
            )
        return found

    def _base_command(self) -> list[str]:
        return [self.executable, *(["-d", self.data_dir] if self.data_dir else [])]

    @cached_property
    def installed_modes(self) -> frozenset[str]:
        """Translation directions ``apertium -l`` lists."""
        out = self._run([*self._base_command(), "-l"], "")
        # An empty data directory lists a bare "*" (an unexpanded glob): not a mode.
        return frozenset(m for m in out.split() if re.fullmatch(r"[\w.-]+", m))

    def mode(self, src: str, tgt: str) -> str:
        """The Apertium mode for a direction, checked to be installed."""
        mode = MODES.get((src, tgt))
        if mode is None:
            raise EngineError(
                f"apertium translates en<->es only, not {src}->{tgt}; use --engine hf for Russian"
            )
        if mode not in self._checked_modes:
            if mode not in self.installed_modes:
                raise EngineError(
                    f"apertium mode {mode!r} is not installed (apertium -l lists "
                    f"{', '.join(sorted(self.installed_modes)) or 'none'}): {INSTALL_HINT}"
                )
            self._checked_modes.add(mode)
        return mode

    @cached_property
    def package_version(self) -> str | None:
        """The installed apertium-eng-spa package version, when dpkg can say cheaply."""
        if self.data_dir or shutil.which("dpkg-query") is None:
            return None
        try:
            done = subprocess.run(
                ["dpkg-query", "-W", "-f", "${Version}", PACKAGE],
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return (done.stdout.strip() or None) if done.returncode == 0 else None

    # --- the protocol -----------------------------------------------------------------

    def info(self, src: str, tgt: str) -> EngineInfo:
        mode = MODES.get((src, tgt), f"{src}-{tgt}")
        return EngineInfo(
            engine=self.name,
            model=self.data_dir or PACKAGE,
            revision=self.package_version,
            settings={"mode": mode},
        )

    def translate_batch(
        self, sentences: Sequence[str], src: str, tgt: str, *, alignments: bool = False
    ) -> list[Translation]:
        """Translate in order; Apertium gives no alignments, so ``alignment`` stays None."""
        mode = self.mode(src, tgt)
        lines = [prepare(s) for s in sentences]
        todo = [i for i, line in enumerate(lines) if line]
        raw = self._translate_lines(mode, [lines[i] for i in todo])
        results = [Translation(text="") for _ in sentences]
        for i, text in zip(todo, raw, strict=True):
            results[i] = to_translation(text)
        return results

    def translate_keeping(
        self, sentences: Sequence[str], src: str, tgt: str, keep: Sequence[Sequence[str]]
    ) -> list[Translation]:
        """Apertium's own markup for untranslatable text: in its HTML format, what stands
        inside ``<apertium-notrans>`` passes through as written (a "superblank"), and the
        words around it are translated in context."""
        mode = self.mode(src, tgt)
        lines = [_mark_kept(prepare(s), terms) for s, terms in zip(sentences, keep, strict=True)]
        todo = [i for i, line in enumerate(lines) if line]
        raw = self._translate_lines(mode, [lines[i] for i in todo], fmt="html")
        results = [Translation(text="") for _ in sentences]
        for i, text in zip(todo, raw, strict=True):
            results[i] = to_translation(html.unescape(_NOTRANS_TAG.sub("", text)))
        return results

    # --- its language data (xlate models) ----------------------------------------------

    @classmethod
    def model_entries(cls, pairs: Sequence[tuple[str, str]]) -> list[ModelEntry]:
        from xlate.engines import apertium_catalog  # here: it imports this module

        return apertium_catalog.entries(pairs)

    @classmethod
    def pull_models(cls, items: Sequence[str], announce: Announce | None = None) -> list[Pulled]:
        from xlate.engines import apertium_catalog

        raise apertium_catalog.nothing_to_pull()

    @classmethod
    def model_path(cls, item: str) -> Path:
        from xlate.engines import apertium_catalog

        return apertium_catalog.path(item)

    # --- running apertium -------------------------------------------------------------

    def _translate_lines(self, mode: str, lines: list[str], fmt: str = "txt") -> list[str]:
        if not lines:
            return []
        chunks = [lines[i : i + _CHUNK] for i in range(0, len(lines), _CHUNK)]
        if len(chunks) == 1 or self.workers == 1:
            return [text for chunk in chunks for text in self._translate_chunk(mode, chunk, fmt)]
        # Threads suffice: the work happens in the apertium processes.
        with ThreadPoolExecutor(max_workers=min(self.workers, len(chunks))) as pool:
            done = pool.map(lambda chunk: self._translate_chunk(mode, chunk, fmt), chunks)
            return [text for chunk in done for text in chunk]

    def _translate_chunk(self, mode: str, lines: list[str], fmt: str = "txt") -> list[str]:
        args = [*self._base_command(), *(["-f", fmt] if fmt != "txt" else []), mode]
        out = self._run(args, _SEPARATOR.join(lines) + _SEPARATOR)
        if len(lines) == 1:
            return [out.strip()]
        parts = [p.strip() for p in _SPLIT.split(out.strip())]
        if len(parts) == len(lines):
            return parts
        half = len(lines) // 2  # a boundary got lost: narrow it down
        return self._translate_chunk(mode, lines[:half], fmt) + self._translate_chunk(
            mode, lines[half:], fmt
        )

    def _run(self, args: list[str], text: str) -> str:
        try:
            done = subprocess.run(
                args,
                input=text,
                capture_output=True,
                text=True,
                encoding="utf-8",
                timeout=_TIMEOUT_S,
                check=False,
            )
        except OSError as err:
            raise EngineError(f"apertium could not be started ({err}): {INSTALL_HINT}") from None
        except subprocess.TimeoutExpired:
            raise EngineError(f"apertium took over {_TIMEOUT_S} s and was stopped") from None
        if done.returncode != 0:
            detail = " ".join(done.stderr.split())[:200] or f"exit status {done.returncode}"
            raise EngineError(f"apertium failed: {detail}")
        return done.stdout
