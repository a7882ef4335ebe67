"""Articles as paragraphs of sentences, with the layout kept for reassembly.

A line break ends a paragraph; blank (or whitespace-only) lines are layout and come back
exactly as they were. Each sentence has a stable id ``p{paragraph}.s{sentence}`` (both
1-based, paragraphs counted over non-blank lines) that every later stage shares.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from xlate.languages import check_language


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document and where it sits."""

    paragraph: int
    sentence: int
    text: str
    line: int | None = None  # 1-based input line, set in --lines mode

    @property
    def id(self) -> str:
        return sentence_id(self.paragraph, self.sentence)


def sentence_id(paragraph: int, sentence: int) -> str:
    return f"p{paragraph}.s{sentence}"


@dataclass
class Paragraph:
    """A non-blank line of the input: its sentences and the whitespace around them.

    ``separators`` has one more item than ``sentences``: the text before the first
    sentence, between each pair, and after the last.
    """

    number: int
    sentences: list[Sentence]
    separators: list[str]

    @property
    def ids(self) -> list[str]:
        return [s.id for s in self.sentences]

    def render(self, texts: Mapping[str, str]) -> str:
        parts = [self.separators[0]]
        for i, sent in enumerate(self.sentences):
            parts.append(texts.get(sent.id, sent.text))
            parts.append(self.separators[i + 1])
        return "".join(parts)


@dataclass
class Document:
    """A segmented text that can be put back together with other sentence texts."""

    lang: str
    blocks: list[Paragraph | str]  # str: a blank layout line, kept verbatim
    # The line break after each block, as it was ("\n", "\r\n", "\r", or "" at the end).
    line_ends: list[str] = field(default_factory=list)
    _by_id: dict[str, Sentence] = field(default_factory=dict, repr=False)
    # The text it was segmented from: what a report's hash is of.
    text: str | None = field(default=None, repr=False, compare=False)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]

    def __iter__(self) -> Iterator[Sentence]:
        return iter(self.sentences)

    def __len__(self) -> int:
        return sum(len(p.sentences) for p in self.paragraphs)

    def sentence(self, sentence_id: str) -> Sentence:
        if not self._by_id:
            self._by_id = {s.id: s for s in self.sentences}
        return self._by_id[sentence_id]

    def original_text(self) -> str:
        """The text this document was segmented from (put back together when it was
        built otherwise)."""
        return self.text if self.text is not None else self.render()

    def render(self, texts: Mapping[str, str] | None = None) -> str:
        """Reassemble the document, replacing each sentence by ``texts[id]`` when given."""
        texts = texts or {}
        ends = self.line_ends or ["\n"] * len(self.blocks)
        return "".join(
            (b if isinstance(b, str) else b.render(texts)) + end
            for b, end in zip(self.blocks, ends, strict=True)
        )


_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")


def _split_lines(text: str) -> tuple[list[str], list[str]]:
    """Lines and the exact line break after each (mixed styles kept; "" at the very end)."""
    lines: list[str] = []
    ends: list[str] = []
    for match in _LINE.finditer(text):
        line, end = match.group(1), match.group(2)
        if not line and not end and match.start() == len(text):
            break  # the empty match at the very end of the text
        lines.append(line)
        ends.append(end)
    return lines, ends


def segment_text(text: str, lang: str) -> Document:
    """Split an article into paragraphs (lines) and sentences, keeping its layout."""
    from xlate.text.sentences import split_sentences

    lang = check_language(lang)
    lines, ends = _split_lines(text)
    blocks: list[Paragraph | str] = []
    number = 0
    for line in lines:
        if not line.strip():
            blocks.append(line)
            continue
        number += 1
        pieces = split_sentences(line, lang)
        blocks.append(_paragraph_from_pieces(number, line, pieces))
    return Document(lang=lang, blocks=blocks, line_ends=ends, text=text)


def segment_lines(text: str, lang: str) -> Document:
    """One sentence per non-blank line, no splitting (test sets, subtitles, pipes)."""
    lang = check_language(lang)
    lines, ends = _split_lines(text)
    blocks: list[Paragraph | str] = []
    number = 0
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            blocks.append(line)
            continue
        number += 1
        stripped = line.strip()
        lead = line[: len(line) - len(line.lstrip())]
        trail = line[len(line.rstrip()) :]
        sent = Sentence(paragraph=number, sentence=1, text=stripped, line=lineno)
        blocks.append(Paragraph(number=number, sentences=[sent], separators=[lead, trail]))
    return Document(lang=lang, blocks=blocks, line_ends=ends, text=text)


def _paragraph_from_pieces(number: int, line: str, pieces: list[str]) -> Paragraph:
    """Locate each sentence in ``line`` so the whitespace between them is kept."""
    sentences: list[Sentence] = []
    separators: list[str] = []
    pos = 0
    for piece in pieces:
        start = line.find(piece, pos)
        if start < 0:  # the splitter changed the text; fall back to a single space
            separators.append(" " if sentences else "")
            sentences.append(Sentence(number, len(sentences) + 1, piece))
            continue
        separators.append(line[pos:start])
        sentences.append(Sentence(number, len(sentences) + 1, piece))
        pos = start + len(piece)
    separators.append(line[pos:])
    if not sentences:  # cannot happen for a non-blank line, but never lose text
        return Paragraph(number, [Sentence(number, 1, line.strip())], ["", ""])
    return Paragraph(number=number, sentences=sentences, separators=separators)
