"""The name checks of the analysis: each pair's names (``xlate.checks.names``), the names a
round trip lost both ways, and a name a document spells otherwise in one sentence."""

from __future__ import annotations

import re
from collections import Counter

from unidecode import unidecode

from xlate.checks.acronyms import rendered as acronym_rendered
from xlate.checks.document import AnalysedDocument, AnalysisSettings, Findings, SentencePair
from xlate.checks.lexicon import renderings
from xlate.checks.names import (
    NameRenderings,
    groups_in,
    known_renderings,
    omission_counts,
    title_cased,
    translated_in,
)
from xlate.checks.names.crossscript import find_name, plain_latin
from xlate.checks.names.evidence import adjectival, dictionary_word
from xlate.checks.names.extract import NameMention, significant_words
from xlate.checks.names.lexicon import lemmas, name_like, ordinary_in
from xlate.checks.names.normalise import without_possessive
from xlate.checks.names.tables import titles
from xlate.report import EntityCheck, Flag
from xlate.text.wordnet import noun_lead, word_classes

_WORD = re.compile(r"\w+")
_BACK_EVIDENCE = " and did not come back in the back-translation"
# A capitalised word of a headline, long enough to be told from a word by dictionaries.
_HEADLINE_WORD = re.compile(r"\b[A-ZÁÉÍÓÚÑА-ЯЁ][^\W\d_]{3,}\b")
# Letters of a word that say it renders a name whatever its ending (Russian -> Rusia,
# Venezuela's -> venezolano); shorter words say nothing.
_STEM = 5
_MIN_WORD = 4


class NamesCheck:
    """Each name of the source must come through the translation (see ``check_names``).

    In an engine's translation (a round trip, or check --origin machine) a name dropped
    on the way out is a defect worth a flag too, unless the way back brings it back; in
    a person's translation it is usually a pronoun, so the absence is only recorded.
    """

    name = "names"

    def run(self, document: AnalysedDocument, settings: AnalysisSettings) -> Findings:
        found = Findings()
        for pair in document.pairs:
            entities, flags = pair.name_check
            found.add(pair.index, flags, entities)
            if pair.machine_translation:
                found.add(pair.index, _dropped_names(pair, entities, flags))
        return found


def _dropped_names(
    pair: SentencePair, entities: list[EntityCheck], flags: list[Flag]
) -> list[Flag]:
    """Names an engine's translation lacks (and its back-translation, when there is one),
    unless already flagged or merely inflected.

    Only clear names count (``omission_counts``; in a title-cased headline, a word no
    dictionary knows: ``_dropped_headline_names``), and a word of the
    translation or back-translation sharing the name's first five letters (Russian ->
    Rusia, Venezuela's -> venezolano) is taken as its rendering.
    """
    if any(f.kind == "name" for f in flags):
        return []
    if title_cased(pair.source):
        return _dropped_headline_names(pair)
    clear = {
        m.text
        for m in pair.source_facts.names
        if omission_counts(m, pair.src, pair.translation.text, pair.tgt)
    }
    back = pair.back.text if pair.back is not None else ""
    both = f"{pair.translation.text} {back}"  # either side may render a word
    # Each side counts on its own (the larger count stands): a name said twice (Kinkel ...
    # Kinkel) that the translation says once is not made whole by the way back saying it.
    back_stems = Counter(_stems(back))
    stems = Counter(_stems(pair.translation.text)) | back_stems
    # A word of a multi-word name comes back lowercase as the common word it also is
    # (Zuccotti Park → el parque → the park): only a capitalised word renders that name.
    capital_stems = Counter(_stems(pair.translation.text, capitalised=True)) | Counter(
        _stems(back, capitalised=True)
    )
    # How many of the source's names have each stem: a name said twice (Klaus Kinkel ...
    # Kinkel) needs two words of it in the translation.
    # The source's own words count too: Moravia ... moravos needs two words of "morav".
    wanted = Counter(
        w for e in entities if e.kind == "name" for w in set(_stems(e.text))
    ) | Counter(_stems(pair.source))
    evidence = _BACK_EVIDENCE if pair.back is not None else ""
    out = []
    for e in entities:
        if e.kind != "name" or e.status != "missing" or e.in_translation:
            continue
        if e.text not in clear or (
            e.in_back_translation and _back_has_every_mention(e.text, back_stems, wanted)
        ):
            continue
        # The name or a known spelling of it (России → Russia) as the stem of a word of
        # the translation: rendered, maybe as an adjective (the Russian Central Bank).
        own = _stems(e.text)
        # A multi-word name whose every word comes through may come through lowercase
        # (Libya's Victory → la victoria de Libia); else one capitalised word must.
        words = e.text.split()
        found = (
            stems
            if len(words) < 2 or all(_comes_through(w, stems) for w in words)
            else capital_stems
        )
        if any(
            found[w] >= (wanted[w] if w in own else 1)
            for text in (e.text, *known_renderings(e.text))
            for w in _stems(text)
        ):
            continue
        if translated_in(e.text, pair.src, pair.translation.text, pair.tgt):
            continue  # Terciopelo → Velvet: a name made of a word, translated
        if e.text.isupper() and acronym_rendered(e.text, pair.translation.text):
            continue  # TV → televisión: an acronym said by its known equivalent
        if _compounded(e.text, both):
            continue
        out.append(_missing_flag(e.text, evidence, list(e.found)))
    both_stems = Counter(_stems(both))
    out += _dropped_worded_names(
        pair, entities, clear | {f.detail["expected"] for f in out}, both, both_stems
    )
    out += _dropped_name_parts(pair, entities, {f.detail["expected"] for f in out}, both)
    out += _dropped_repeats(pair, entities, clear, {f.detail["expected"] for f in out})
    out += _dropped_institutions(pair, both, both_stems)
    return out


def _dropped_repeats(
    pair: SentencePair, entities: list[EntityCheck], clear: set[str], flagged: set[str]
) -> list[Flag]:
    """A one-word name the source says in more of its names than an engine's translation
    (or its way back) says it, by any spelling: "In Isfahan ... around Isfahan Uranium
    Conversion Facility" → one Isfahan. Each mention finds the one left, so none is
    missing; the count says one went."""
    # By the whole word: Eslovaquia and Eslovenia share a stem, not a name.
    wanted = Counter(
        w for e in entities if e.kind == "name" for w in {x.lower() for x in _WORD.findall(e.text)}
    )
    sides = [Counter(_stems(pair.translation.text))]
    if pair.back is not None:
        sides.append(Counter(_stems(pair.back.text)))
    out = []
    for e in entities:
        own = _stems(e.text)
        if (
            e.kind != "name"
            or e.status != "ok"
            or e.text not in clear
            or len(own) != 1
            or " " in e.text
            or wanted[e.text.lower()] < 2
            or any(set(own) & set(_stems(f)) for f in flagged)
        ):
            continue
        spelt = {w for t in (e.text, *known_renderings(e.text)) for w in _stems(t)}
        if max(side[w] for side in sides for w in spelt) < wanted[e.text.lower()]:
            flagged.add(e.text)
            evidence = _BACK_EVIDENCE if pair.back is not None else ""
            out.append(_missing_flag(e.text, evidence, list(e.found)))
    return out


# A capitalised word; it counts inside a sentence, after a word or comma (``_inner``).
_CAPITAL_WORD = re.compile(r"\b[A-ZÁÉÍÓÚÑА-ЯЁ][^\W\d_]{3,}\b")


def _inner(text: str, start: int) -> bool:
    """Does a word at ``start`` follow a lowercase word or a comma (not a full stop, a
    quote, nor a capitalised word: Vice President → Vicepresidente, City Council →
    Ayuntamiento render the two as one)?"""
    before = text[:start].rstrip()
    last = before.split()[-1] if before.split() else ""
    return (last[-1:].isalpha() and last.islower()) or last[-1:] in (",", ";")


def _dropped_institutions(pair: SentencePair, text: str, stems: Counter[str]) -> list[Flag]:
    """A body or office named by its capitalised noun alone (the Senate, Congress, a new
    President), which no name mention covers, that an engine's translation renders
    nowhere: dropped. A person may say "the chamber"; an engine says "el Senado"."""
    source = pair.source
    spans = [(m.start, m.end) for m in pair.source_facts.names]
    evidence = _BACK_EVIDENCE if pair.back is not None else ""
    out = []
    for found in _CAPITAL_WORD.finditer(source):
        word = found.group()
        if (
            word.lower() not in titles()
            or not _inner(source, found.start())
            or any(a <= found.start() < b for a, b in spans)
            or not _noun(word, pair.src)
            or _word_rendered(word, pair, text, stems)
        ):
            continue
        out.append(_missing_flag(word, evidence, []))
    return out


def _dropped_name_parts(
    pair: SentencePair, entities: list[EntityCheck], flagged: set[str], text: str
) -> list[Flag]:
    """A name found only in part whose other words an engine's translation renders
    nowhere (Francesca von Habsburg → von Habsburg, Joseph Olbrich's Secession → Joseph):
    a person drops a first name at will, an engine copies or translates every word."""
    mentions = {m.text: m for m in pair.source_facts.names}
    # Hyphens joined too: ONLINE → ON-LINE.
    stems = Counter(_stems(f"{text} {text.replace('-', '')}"))
    # Words of a known place or body that the translation names too (United States →
    # Estados Unidos): rendered as a whole, not word by word.
    theirs = groups_in(text)
    known = {
        w for gid, spelt in groups_in(pair.source).items() if gid in theirs for w in spelt.split()
    }
    out = []
    for e in entities:
        mention = mentions.get(e.text)
        if (
            mention is None
            or mention.weak
            or mention.type != "name"
            # Klaus Kinkel ... Kinkel with one Kinkel gone is flagged once, as the repeat.
            or any(set(_stems(e.text)) & set(_stems(f)) for f in flagged)
            or e.status != "ok"
            or not e.in_translation
            or len(significant_words(mention)) < 2
            or not omission_counts(mention, pair.src, pair.translation.text, pair.tgt)
        ):
            continue
        gone = [
            w
            for _, _, w in significant_words(mention)
            # A word of the language (Attorney → Abogado, Dawn of Breaking Dawn Part) may
            # be translated in ways a dictionary lacks: only a name's own word counts.
            if len(w) >= _MIN_WORD
            and w not in known
            and not ordinary_in(w, pair.src)
            and not dictionary_word(w, pair.src, pair.tgt)
            and not _word_rendered(w, pair, text, stems)
        ]
        if gone:
            flagged.add(e.text)
            out.append(_part_missing_flag(e.text, gone, pair.back is not None))
    return out


def _part_missing_flag(name: str, gone: list[str], round_trip: bool) -> Flag:
    evidence = _BACK_EVIDENCE if round_trip else ""
    words = " ".join(gone)
    return Flag(
        kind="name",
        severity="high",
        reason=f"the name “{name}” is missing “{words}” in the translation{evidence}",
        detail={"expected": name, "found": [], "missing": gone},
    )


def _back_has_every_mention(name: str, back_stems: Counter[str], wanted: Counter[str]) -> bool:
    """Does the back-translation say ``name`` as often as the source (Klaus Kinkel ...
    Kinkel: twice)? A name it spells otherwise (no stem of it there) it has all the same."""
    return all(back_stems[w] >= wanted[w] for w in _stems(name) if back_stems[w])


def _dropped_worded_names(
    pair: SentencePair,
    entities: list[EntityCheck],
    judged: set[str],
    text: str,
    stems: Counter[str],
) -> list[Flag]:
    """Names of common words (Comisión de Árbitros, Soviet Union) or nationality words
    (The Croatians) that an engine's translation lacks every noun of.

    ``omission_counts`` leaves them out: a person renders them freely. An engine renders
    them word by word, so a name none of whose nouns has any rendering in the translation
    or back-translation (not its stem, a known spelling, the dictionary's rendering, a
    compound) was dropped. One noun rendered is enough: the engine may fold the rest
    into an idiom (Board of Directors → Consejo de administración).
    """
    mentions = {m.text: m for m in pair.source_facts.names}
    evidence = _BACK_EVIDENCE if pair.back is not None else ""
    out = []
    for e in entities:
        mention = mentions.get(e.text)
        if (
            mention is None
            or (mention.weak and not adjectival(mention, pair.src))
            or mention.type != "name"
            or e.text in judged
            or e.status != "missing"
            or e.in_translation
        ):
            continue
        words = [w for w in _WORD.findall(e.text) if w[:1].isupper() and len(w) >= _MIN_WORD]
        # A nationality word (The Turks → El Turks) is no adjective of an idiom.
        nouns = [w for w in words if adjectival(mention, pair.src) or _noun(w, pair.src)]
        if nouns and all(not _word_rendered(w, pair, text, stems) for w in nouns):
            judged.add(e.text)
            out.append(_missing_flag(e.text, evidence, list(e.found)))
    return out


def _noun(word: str, lang: str) -> bool:
    """Is a word of a name mostly a noun (Department, Asociación), through its English
    renderings for Spanish and Russian? An engine may fold an adjective into an idiom
    (Western Front → Frente del oeste, Tribunal Supremo → High court, Smarter Planet →
    Planeta más Listo); a noun it renders as a noun. A word WordNet lacks counts."""
    if lang == "en":
        return noun_lead(word) > 0 or not word_classes(word)
    english = {r for f in lemmas(word, lang) for r in renderings(f, lang, "en")}
    return not english or sum(noun_lead(r) for r in english) > 0


def _word_rendered(word: str, pair: SentencePair, text: str, stems: Counter[str]) -> bool:
    """Does ``text`` render one word of a name: its stem or a known spelling's, the
    dictionary's rendering, or a longer word it opens (Euro zone → Eurozona)?"""
    return (
        _comes_through(word, stems)
        or translated_in(word, pair.src, text, pair.tgt)
        or _compounded(word, text)
    )


def _missing_flag(name: str, evidence: str, found: list[str]) -> Flag:
    return Flag(
        kind="name",
        severity="high",
        reason=f"the name “{name}” is missing from the translation{evidence}",
        detail={"expected": name, "found": found},
    )


def _dropped_headline_names(pair: SentencePair) -> list[Flag]:
    """A headline in title case capitalises every word, so its name spans say nothing;
    a word no dictionary knows (Tymoshenko) is a name there all the same, and an engine
    that drops it ("... Amendment Freeing Tymoshenko" → "... la enmienda que Libera")
    made an error."""
    back = pair.back.text if pair.back is not None else None
    out = []
    seen: set[str] = set()
    for found in _HEADLINE_WORD.finditer(pair.source):
        word = found.group()
        mention = NameMention(found.start(), found.end(), word, plain_latin(word))
        if (
            word in seen
            or dictionary_word(word, pair.src, pair.tgt)
            or not name_like(word, pair.src)
        ):
            continue
        seen.add(word)
        if not omission_counts(mention, pair.src, pair.translation.text, pair.tgt):
            continue  # European → europeo: a nationality word, not a name lost
        if find_name(word, pair.src, pair.translation.text, pair.tgt) is not None:
            continue
        if back is not None and find_name(word, pair.src, back, pair.src) is not None:
            continue
        out.append(_missing_flag(word, _BACK_EVIDENCE if back is not None else "", []))
    return out


def _compounded(name: str, text: str) -> bool:
    """A one-word name that opens a longer word of ``text``: the other language wrote
    the phrase as one word (Vice President → Vicepresidente, Euro zone → Eurozona)."""
    low = unidecode(name).lower()
    return (
        " " not in name
        and len(low) >= _MIN_WORD
        and any(
            len(w) > len(low) and unidecode(w).lower().startswith(low) for w in _WORD.findall(text)
        )
    )


def _comes_through(word: str, stems: Counter[str]) -> bool:
    """Is a word of a name, or a known spelling of it (Libya → Libia), a stem of ``stems``?
    A word too short to have a stem says nothing against it."""
    own = _stems(word)
    return not own or any(
        stems[w] for t in (word, *known_renderings(without_possessive(word))) for w in _stems(t)
    )


def _stems(text: str, *, capitalised: bool = False) -> list[str]:
    return [
        unidecode(w).lower()[:_STEM]
        for w in _WORD.findall(text)
        if len(w) >= _MIN_WORD and (not capitalised or w[:1].isupper())
    ]


class NameConsistencyCheck:
    """A name the translation spells one way in most sentences and another way in one
    (``inconsistent_renderings``), unless the names check flagged it there already."""

    name = "name_consistency"

    def run(self, document: AnalysedDocument, settings: AnalysisSettings) -> Findings:
        tally = NameConsistencyTally(document.src, document.tgt)
        tally.add(document)
        return tally.findings()


class NameConsistencyTally:
    """What the consistency check needs of a document that comes part by part (a long
    ``check --lines`` file): the renderings of its names (``NameRenderings``, compact)
    and the spans the names check flagged; its findings once every part is in."""

    def __init__(self, src: str, tgt: str) -> None:
        self.renderings = NameRenderings(src, tgt)
        self.flagged_spans: dict[int, list[list[int] | None]] = {}

    def add(self, document: AnalysedDocument, start: int = 0) -> None:
        """The next part; ``start`` is the document index of its first sentence."""
        if not self.renderings.wanted:
            return
        texts = [
            (sentence.text, translation.text if translation is not None else "")
            for sentence, translation in zip(document.sentences, document.translations, strict=True)
        ]
        self.renderings.add(texts, start)
        for pair in document.pairs:
            spans = [f.span for f in pair.name_check[1] if f.kind == "name"]
            if spans:
                self.flagged_spans[start + pair.index] = spans

    def findings(self) -> Findings:
        """The flags, by document index."""
        found = Findings()
        for i, flag in self.renderings.outliers():
            flagged = self.flagged_spans.setdefault(i, [])
            if flag.span in flagged:
                continue
            flagged.append(flag.span)
            found.add(i, [flag])
        return found
