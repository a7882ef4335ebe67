"""A deterministic, scriptable engine for tests and demos.

Without a script it returns each sentence unchanged (a perfect round trip). A script maps
a direction (``"en-es"``) to ``{source sentence: translation}``; sentences not in the
script come back unchanged. A translation may be a list, the engine's n-best list best first
(each a string, or ``{"text": ..., "score": ...}``): ``translate_batch`` answers the first,
``translate_candidates`` the list. ``--engine fake --model script.json`` loads one from a file,
so the CLI can be driven to a known drift. ``calls`` records every batch it was asked for.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from xlate.engines.base import Engine, EngineOptions
from xlate.errors import EngineError
from xlate.translation import Candidate, EngineInfo, Translation

# A scripted translation: one text, or an n-best list of texts or {"text", "score"} items.
Scripted = str | list[Any]
Script = Mapping[str, Mapping[str, Scripted]]


class FakeTranslator(Engine):
    name = "fake"

    def __init__(
        self,
        options: EngineOptions | None = None,
        script: Script | None = None,
        alignments: Mapping[str, Mapping[str, list[tuple[int, int]]]] | None = None,
    ) -> None:
        super().__init__(options)
        self.model = self.options.model or "echo"
        if script is None and self.options.model:
            script = _load_script(self.options.model)
        self.script: dict[str, dict[str, Scripted]] = {
            k: dict(v) for k, v in (script or {}).items()
        }
        self.alignments = alignments or {}
        self.calls: list[tuple[str, str, list[str]]] = []

    def info(self, src: str, tgt: str) -> EngineInfo:
        # The script's content is the model: a cache must not serve an edited script's
        # old answers under the same file name.
        digest = hashlib.sha256(
            json.dumps(self.script, sort_keys=True, ensure_ascii=False).encode("utf-8")
        ).hexdigest()[:12]
        return EngineInfo(engine=self.name, model=self.model, revision=digest, settings={})

    def translate_batch(
        self, sentences: Sequence[str], src: str, tgt: str, *, alignments: bool = False
    ) -> list[Translation]:
        self.calls.append((src, tgt, list(sentences)))
        table = self.script.get(f"{src}-{tgt}", {})
        links = self.alignments.get(f"{src}-{tgt}", {})
        out = []
        for sentence in sentences:
            text = _candidates(table.get(sentence, sentence))[0].text
            alignment = None
            if alignments:
                given = links.get(sentence)
                if given is not None:
                    alignment = tuple((int(a), int(b)) for a, b in given)
                elif text == sentence:  # an echo aligns word for word
                    alignment = tuple((i, i) for i in range(len(sentence.split())))
            out.append(Translation(text=text, alignment=alignment))
        return out

    def translate_candidates(
        self, sentences: Sequence[str], src: str, tgt: str, n: int
    ) -> list[list[Candidate]]:
        self.calls.append((src, tgt, list(sentences)))
        table = self.script.get(f"{src}-{tgt}", {})
        return [_candidates(table.get(s, s))[: max(1, n)] for s in sentences]

    @property
    def sentences_translated(self) -> int:
        return sum(len(batch) for _, _, batch in self.calls)


def _candidates(value: Scripted) -> list[Candidate]:
    if isinstance(value, str):
        return [Candidate(value)]
    out = []
    for item in value:
        if isinstance(item, Mapping):
            score = item.get("score")
            out.append(Candidate(str(item["text"]), None if score is None else float(score)))
        else:
            out.append(Candidate(str(item)))
    return out or [Candidate("")]


def _load_script(path: str) -> dict[str, dict[str, Scripted]]:
    file = Path(path)
    if not file.is_file():
        raise EngineError(f"fake engine: script {path!r} not found (a JSON file)")
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise EngineError(f"fake engine: cannot read script {path!r}: {err}") from None
    if not isinstance(data, dict):
        raise EngineError(f"fake engine: script {path!r} must map 'en-es' to a table")
    try:
        return {
            str(k): {str(a): b if isinstance(b, list) else str(b) for a, b in dict(v).items()}
            for k, v in data.items()
        }
    except (TypeError, ValueError):
        raise EngineError(f"fake engine: script {path!r} must map 'en-es' to a table") from None
