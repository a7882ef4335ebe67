"""``xlate batch --check-dir``: which files of a folder are sources and which translations.

The naming rule (per folder; ``EXT`` is whatever ``--glob`` matched, ``.txt`` or ``.md``):

* ``NAME.LL.EXT``, where ``LL`` is a language code xlate handles (en, es, ru, any case),
  is the article ``NAME`` in language ``LL``; ``NAME.EXT`` with no code is the article
  ``NAME`` in a language given by ``--from`` or detected from its text.
* The files of one ``NAME`` and ``EXT`` form a group. Its *source* is:

  1. ``NAME.EXT`` when there is one (every coded file of the group is then a translation,
     so ``story.txt`` + ``story.es.txt`` + ``story.ru.txt`` is an article and two
     translations);
  2. otherwise ``NAME.F.EXT`` where ``F`` is ``--from``;
  3. otherwise the one coded file whose language is not among ``--to`` (with the default
     ``--to es,ru``: ``story.en.txt``).

* Its *translations* are the coded files whose language is in ``--to`` and is not the
  source's; coded files in other languages are left alone.

A group that breaks the rule is reported in the summary, never guessed at: two candidate
sources (``story.txt`` beside ``story.en.txt``, or ``--to ru`` with ``story.en.txt`` and
``story.es.txt``: give ``--from``), no source at all (only translations), or a source
with no translation beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from xlate.languages import SUPPORTED


@dataclass(frozen=True)
class NamedFile:
    rel: str  # relative to the input folder, forward slashes
    path: Path


@dataclass(frozen=True)
class CheckGroup:
    """One article of a check folder: its source and its translations, or why not."""

    key: str  # "folder/NAME" + EXT: the article's name without a language code
    stem: str  # output name stem ("story", or "story.txt" when story.txt/.md groups clash)
    source: NamedFile  # for a group in error: the file the summary names it by
    source_lang: str | None  # from the file name or --from; None: detect from the text
    translations: dict[str, NamedFile] = field(default_factory=dict)  # by language
    error: str = ""


def split_code(rel: str) -> tuple[str, str | None, str]:
    """``a/story.es.txt`` -> (``a/story``, ``es``, ``.txt``); ``a/story.txt`` -> (.., None, ..)."""
    suffix = PurePosixPath(rel).suffix
    base = rel[: len(rel) - len(suffix)]
    head, dot, code = base.rpartition(".")
    if dot and code.lower() in SUPPORTED and PurePosixPath(head).name and "/" not in code:
        return head, code.lower(), suffix
    return base, None, suffix


def group_files(
    files: Sequence[NamedFile], targets: Sequence[str], src: str | None
) -> list[CheckGroup]:
    """Sources and their translations by the rule of the module doc, sorted by name."""
    groups: dict[tuple[str, str], dict[str | None, NamedFile]] = {}
    twice: dict[tuple[str, str], str] = {}  # story.es.txt beside story.ES.txt
    for file in sorted(files, key=lambda f: f.rel):
        head, code, suffix = split_code(file.rel)
        members = groups.setdefault((head, suffix), {})
        if code in members:
            twice.setdefault((head, suffix), f"{members[code].rel} and {file.rel}")
        else:
            members[code] = file
    suffixes: dict[str, int] = {}
    for head, _ in groups:
        suffixes[head] = suffixes.get(head, 0) + 1
    out = []
    for (head, suffix), members in sorted(groups.items()):
        name = PurePosixPath(head).name
        stem = name + suffix if suffixes[head] > 1 else name
        group = _resolve(head + suffix, stem, suffix, members, targets, src)
        if (head, suffix) in twice:
            error = f"{twice[(head, suffix)]}: the same article and language twice; keep one"
            group = CheckGroup(group.key, stem, group.source, None, {}, error)
        out.append(group)
    return out


def _resolve(
    key: str,
    stem: str,
    suffix: str,
    members: dict[str | None, NamedFile],
    targets: Sequence[str],
    src: str | None,
) -> CheckGroup:
    coded = {k: f for k, f in members.items() if k is not None}
    plain = members.get(None)
    first = plain or min(coded.values(), key=lambda f: f.rel)

    def failed(error: str) -> CheckGroup:
        return CheckGroup(key, stem, first, None, {}, error)

    if plain is not None:
        extra = [f.rel for k, f in sorted(coded.items()) if k not in targets or k == src]
        if extra:
            return failed(
                f"{plain.rel} and {extra[0]}: two possible sources; name the source NAME{suffix} "
                "or NAME.LL" + suffix + ", not both"
            )
        source, lang = plain, src
    elif src is not None:
        if src not in coded:
            return failed(f"{first.rel}: no source beside it (expected {_name(key, src)})")
        source, lang = coded[src], src
    else:
        candidates = [k for k in sorted(coded) if k not in targets]
        if not candidates:
            return failed(
                f"{first.rel}: no source beside it (every file is a --to language); "
                "give --from, or name the source NAME" + suffix
            )
        if len(candidates) > 1:
            names = " and ".join(coded[k].rel for k in candidates)
            return failed(f"{names}: which is the source? give --from")
        lang = candidates[0]
        source = coded[lang]
    translations = {t: coded[t] for t in targets if t in coded and t != lang}
    if not translations:
        wanted = ", ".join(_name(key, t) for t in targets if t != lang)
        return CheckGroup(
            key, stem, source, lang, {}, f"{source.rel}: no translation beside it ({wanted})"
        )
    return CheckGroup(key, stem, source, lang, translations)


def _name(key: str, lang: str) -> str:
    path = PurePosixPath(key)
    return f"{path.stem}.{lang}{path.suffix}"
