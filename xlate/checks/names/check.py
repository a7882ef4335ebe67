"""The name check of one sentence: did each name of the source survive the translation?

``check_names`` runs its steps in order (``_SentenceCheck``); each step may use up names
of the translation that the steps before left unexplained, so the order is part of the
rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from xlate.checks.names.aliases import groups_in, groups_of, place_compounds
from xlate.checks.names.capital_in_place import capital_in_place
from xlate.checks.names.contested import reassigned, surname_key
from xlate.checks.names.crossscript import head_missing, locate, part_stand_ins, word_verdict
from xlate.checks.names.evidence import (
    MAX_SHIFT,
    abbreviated,
    adjectival,
    cognate_nouns,
    common_name,
    could_replace,
    cut_short,
    dictionary_renders,
    dictionary_word,
    english_modifier,
    explained,
    in_words,
    looks_like_rendering,
    omission_counts,
    place_adjective_in,
    position,
    renders_opener,
    replaces_part,
    surname_missing,
    title_cased,
    translated_common_words,
    translated_in,
    translated_word_by_word,
    worded,
)
from xlate.checks.names.extract import (
    NameMention,
    candidates,
    extract_names,
    significant_words,
)
from xlate.checks.names.in_place import noun_for_head, noun_in_place
from xlate.checks.names.lexicon import common_shape, lemmas, ordinary_in
from xlate.checks.names.normalise import plain_latin
from xlate.checks.names.tables import articles
from xlate.checks.names.worded_stand_in import worded_stand_in
from xlate.report import EntityCheck, Flag

# A source name, its check, and whether the back-translation has it as it is.
_Entry = tuple[NameMention, EntityCheck, bool]


def name_flag(s: NameMention, found: list[str], reason: str) -> Flag:
    return Flag(
        kind="name",
        severity="high",
        reason=reason,
        span=[s.start, s.end],
        detail={"expected": s.text, "found": found},
    )


def check_names(
    source: str,
    translation: str,
    back_translation: str | None,
    src: str,
    tgt: str,
    sentence_id: str,
) -> tuple[list[EntityCheck], list[Flag]]:
    """Check that each name of ``source`` survived in ``translation`` (see package doc).

    Only evidence of a change is flagged: an altered form, or a source name gone while
    the translation names something the source does not explain (and, with a round trip,
    the back-translation confirms it). A name that is merely absent (a pronoun, an
    adjective, a rephrasing) is recorded as "missing" without a flag.
    """
    run = _SentenceCheck(source, translation, back_translation, src, tgt, sentence_id)
    for s in run.src_names:
        run.judge(s)
    run.release_contested()
    partial = run.found_in_part()
    run.flag_resembling_target_names()
    run.pair_absent_with_renderings()
    pending = [(*entry, False) for entry in run.absent] + [(*entry, True) for entry in partial]
    for s, check, in_back, found_in_part in pending:
        run.settle(s, check, in_back, found_in_part)
    run.flag_worded_stand_ins()
    run.flag_nouns_in_place()
    run.record_dropped_repeats()
    return run.checks, run.flags


@dataclass
class _SentenceCheck:
    """One sentence under check and what the steps have found so far."""

    source: str
    translation: str
    back: str | None
    src: str
    tgt: str
    sentence_id: str
    src_names: list[NameMention] = field(init=False)
    tgt_names: list[NameMention] = field(init=False)
    # Names of the translation the source does not account for: possible stand-ins.
    unexplained: list[NameMention] = field(init=False)
    # Names the way back brought that the source does not have.
    newcomers: list[NameMention] = field(init=False)
    checks: list[EntityCheck] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    absent: list[_Entry] = field(default_factory=list)
    # Names found as they are, by the skeleton of their last word (Miroslav Pelta, Pelta).
    renderings: dict[str, list[_Entry]] = field(default_factory=dict)
    seen_as: dict[tuple[int, int], str] = field(default_factory=dict)
    # Mentions beyond the times the translation has the name (Kinkel ... Kinkel → Kinkel).
    repeats: list[_Entry] = field(default_factory=list)
    # Spans of names found as a word of a longer known name rendered whole (Eurocopa).
    whole: set[tuple[int, int]] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.src_names = extract_names(self.source, self.src)
        self.tgt_names = extract_names(self.translation, self.tgt)
        # Common words (House/Cámara) are weak evidence of a name, round trip or not.
        # A title-cased headline's capitals name nothing ("UK's Choirs Will Sing").
        headline = title_cased(self.translation)
        self.unexplained = [
            t for t in self.tgt_names
            if not t.weak and not common_name(t, self.tgt)
            and not explained(t, self.tgt, self.source, self.src)
            and not (headline and any(ordinary_in(w, self.tgt) for _, _, w in significant_words(t)))
        ]  # fmt: skip
        self.newcomers = self._newcomers()

    def _newcomers(self) -> list[NameMention]:
        """The way back brought a name the source does not have: the replacement travelled."""
        if self.back is None:
            return []
        src = self.src
        return [
            b for b in extract_names(self.back, src)
            if not b.weak and not common_name(b, src) and not worded(b, src)
            and locate(b, src, self.source, src)[0] != "same"
            and not in_words(b, src, self.source, src)
        ]  # fmt: skip

    def judge(self, s: NameMention) -> None:
        """Record how source name ``s`` came through: found, altered (flagged) or absent."""
        src, tgt = self.src, self.tgt
        status, rendering, altered = locate(s, src, self.translation, tgt)
        in_back = self.back is not None and locate(s, src, self.back, src)[0] == "same"
        check = EntityCheck(
            kind="name",
            sentence_id=self.sentence_id,
            text=s.text,
            value=s.key,
            in_translation=status == "same",
            in_back_translation=in_back,
        )
        self.checks.append(check)
        entry = (s, check, in_back)
        if status != "same" and (self._rendered_whole(s) or self._compounded(s)):
            # Europe of "European championship" → Eurocopa, República of "República
            # checa" → Чехия: a word of a longer known name, rendered as a whole; or a
            # place compounded (Centroeuropa → Центральной Европе).
            status, altered = "same", []
            check.in_translation = True
            self.whole.add((s.start, s.end))
        if status == "similar":
            # Center/Centro, District/Distrito inside an institution's name: common nouns
            # that look alike are a translation, not a name altered.
            altered = [c for c in altered if not cognate_nouns(s, src, c)]
            status = "similar" if altered else ("same" if rendering else "absent")
            if status == "absent":
                # Recorded here and once more below: such a name stands twice among the
                # absent ones, and the steps after this one see it twice.
                check.status = "missing"
                self.absent.append(entry)
        if status == "similar" and (
            adjectival(s, src)
            or translated_common_words(s.text, src, [c.text for c in altered], tgt)
            or (s.weak and src == "ru" and all(ordinary_in(w, src) for w in s.text.split()))
            or (s.weak and renders_opener(s, src, altered, tgt))
            # Mar Negro → Черном море, beside Венгрию: common words translated, whatever
            # capitalised word of the translation resembles one of them
            or _words_translated(s, src, self.translation, tgt)
        ):
            # The last: a Russian sentence opener the dictionary knows only as a common
            # word (Центральный банк → Central Bank) is translated, not a name altered.
            status = "same"  # Center -> Centro: a common word translated, not a name altered
            check.in_translation = True
        if status == "similar":
            check.status = "changed"
            check.found = [c.text for c in altered]
            shown = ", ".join(repr(c.text) for c in altered)
            reason = f"name {s.text!r} appears altered: {shown}"
            self.flags.append(name_flag(s, check.found, reason))
        elif status == "absent":
            check.status = "missing"
            self.absent.append(entry)
        elif status == "same" and self._part_replaced(s, check):
            return
        elif status == "same" and s.type == "name" and significant_words(s):
            self.renderings.setdefault(surname_key(s, self.src), []).append(entry)
            self.seen_as[(s.start, s.end)] = rendering or ""

    def _rendered_whole(self, s: NameMention) -> bool:
        """Is ``s`` a word of a longer known name of the source (a place, a body, an
        event: ``aliases``) that the translation renders by one of its spellings?"""
        around = groups_in(self.source)
        if not around:
            return False
        present = groups_in(self.translation)
        for gid, spelt in around.items():
            start = self.source.find(spelt)
            if (
                gid in present
                and len(spelt) > len(s.text)
                and start <= s.start
                and s.end <= start + len(spelt)
                and start >= 0
            ):
                return True
        return False

    def _compounded(self, s: NameMention) -> bool:
        """Is ``s`` one word made of a common word and a known place (Centroeuropa),
        rendered as the two (Центральной Европе), or is such a word of the translation
        the rendering of place ``s`` with a source word beside it?"""
        src, tgt = self.src, self.tgt
        present = set(groups_in(self.translation))
        if any(
            gids & present and translated_in(head, src, self.translation, tgt)
            for head, gids in place_compounds(s.text)
        ):
            return True
        mine = groups_of(s.text)
        return bool(mine) and any(
            gids & mine and translated_in(head, tgt, self.source, src)
            for c in candidates(self.translation, tgt)
            if c.text[:1].isupper()
            for head, gids in place_compounds(c.text)
        )

    def _part_replaced(self, s: NameMention, check: EntityCheck) -> bool:
        """Flag a multiword name found only in part, with a word of no source beside the
        part in place of the rest (Manchester City → Manchester United, Hugo Chávez →
        Hugo Morales), or the rest translated as words (Wolfgang Stark → Wolfgang Duro)."""
        if title_cased(self.source):
            return False  # a headline's capitals name nothing
        source, src, tgt = self.source, self.src, self.tgt
        missing, beside = part_stand_ins(s, src, self.translation, tgt)
        if missing and all(w.lower() in articles(src) for w in missing):
            return False  # The UBS Crash → Der UBS-Crash: only the article differs
        gone = " ".join(missing)
        for c in beside:
            if replaces_part(c, missing, source, src, tgt):
                reason = (
                    f"name {s.text!r} is missing {gone!r}; "
                    f"beside the rest the translation has {c.text!r}"
                )
                severity = "high"
            elif translated_word_by_word(s, missing, c, source, src, tgt):
                reason = f"name {s.text!r} seems translated word by word: {gone!r} as {c.text!r}"
                severity = "medium"
            else:
                continue
            check.status = "changed"
            check.in_translation = False
            check.found = [c.text]
            flag = name_flag(s, check.found, reason)
            flag.severity = severity
            self.flags.append(flag)
            return True
        return self._head_replaced(s, check)

    def _head_replaced(self, s: NameMention, check: EntityCheck) -> bool:
        """Flag a multiword name found but for its last word, with a common noun of no
        source word in its place (Deutsche Bank → Дойче команда): medium, as a noun in a
        whole name's place is."""
        found = head_missing(s, self.src, self.translation, self.tgt)
        if found is None:
            return False
        noun = noun_for_head(s, found, self.source, self.src, self.translation, self.tgt)
        if noun is None:
            return False
        head = significant_words(s)[-1][2]
        check.status, check.in_translation, check.found = "changed", False, [noun]
        reason = f"name {s.text!r} is missing {head!r}; {noun!r} stands in its place"
        flag = name_flag(s, [noun], reason)
        flag.severity = "medium"
        self.flags.append(flag)
        return True

    def release_contested(self) -> None:
        """Names of different surnames found by the same word are paired again with the
        words they pass for, the closest first (``contested``): a name left without one is
        absent."""
        entries = [
            e for found in self.renderings.values() for e in found
            if self.seen_as.get((e[0].start, e[0].end))
        ]  # fmt: skip
        claims = [(e[0], self.seen_as[(e[0].start, e[0].end)]) for e in entries]
        words = reassigned(claims, candidates(self.translation, self.tgt), self.src)
        for i, word in (words or {}).items():
            s, check, _ = entries[i]
            if word is not None:
                self.seen_as[(s.start, s.end)] = word
                continue
            self.renderings[surname_key(s, self.src)].remove(entries[i])
            del self.seen_as[(s.start, s.end)]
            check.status, check.in_translation = "missing", False
            self.absent.append(entries[i])

    def found_in_part(self) -> list[_Entry]:
        """Names found only in part, or fewer times than the source says.

        They may have lost the rest to another name: Келли Сойер → Kelly ... Mario Monti;
        Pelta ... Pelta → Pelta ... Iran. Such mentions may pair with a stand-in later;
        alone they are fine (a dropped repeat or first name)."""
        partial: list[_Entry] = []
        src, translation, tgt = self.src, self.translation, self.tgt
        cands = candidates(translation, tgt)
        for found in self.renderings.values():
            # A name rendered within a longer one or a compound (Eurocopa, Centroeuropa)
            # was found whole: no count of its words to compare.
            found = [e for e in found if (e[0].start, e[0].end) not in self.whole]
            if not found:
                continue
            # Only names with significant words are recorded: the last one is the surname.
            surname = significant_words(found[0][0])[-1][2]
            times = sum(word_verdict(surname, src, c) == "same" for c in cands)
            # A known place is found through its group (China/Китай), not letter by letter.
            spelt = {self.seen_as.get((e[0].start, e[0].end), "") for e in found} - {""}
            if not times:
                times = sum(len(re.findall(rf"(?<!\w){re.escape(r)}(?!\w)", translation))
                            for r in spelt)  # fmt: skip
            extra = found[times:]
            self.repeats.extend(extra)
            for entry in found:
                if entry in extra or (
                    surname_missing(entry[0], src, translation, tgt)
                    # a known name spelt as a whole (Чемпионат Европы, European Championship)
                    and not groups_of(entry[0].text) & set(groups_in(translation))
                ):
                    partial.append(entry)
        return partial

    def flag_resembling_target_names(self) -> None:
        """Flag a name of the translation that only resembles a source name whose other
        mention came through (Pelta ... Pelta → Pelta ... Pclta, IBM ... IBM → IBM ... IWR)."""
        src, tgt = self.src, self.tgt
        flagged_spans = {tuple(f.span) for f in self.flags if f.span}
        shared = self._shared_known_spans()
        for t in self.tgt_names:
            if t.weak and t.type == "name":
                continue
            if any(a <= t.start and t.end <= b for a, b in shared):
                continue  # Карлова of "Карлова университета": Universidad Carolina, known
            status, _, near = locate(t, tgt, self.source, src, strict_groups=False)
            if status != "similar" or _words_translated(t, tgt, self.source, src):
                continue  # Infantería de Marina for морской пехоты, beside Марк
            owner = next(
                (x for x in self.src_names for c in near if x.start <= c.start and c.end <= x.end),
                None,
            )
            if (
                owner is None
                or (owner.start, owner.end) in self.whole
                or owner.weak
                or adjectival(owner, src)
                or (owner.start, owner.end) in flagged_spans
            ):
                continue
            if translated_common_words(owner.text, src, [t.text], tgt) or any(
                cognate_nouns(t, tgt, c) for c in near
            ):
                continue  # Federación/Федерация: common nouns alike, translated

            flagged_spans.add((owner.start, owner.end))
            reason = f"name {owner.text!r} appears altered: {t.text!r}"
            self.flags.append(name_flag(owner, [t.text], reason))

    def _shared_known_spans(self) -> list[tuple[int, int]]:
        """Where the translation spells a known name (a place, a body) that the source
        names too: the words there render that name, whatever source word they resemble."""
        theirs = groups_in(self.source)
        spans = []
        for gid, spelt in groups_in(self.translation).items():
            start = self.translation.find(spelt)
            if gid in theirs and start >= 0:
                spans.append((start, start + len(spelt)))
        return spans

    def pair_absent_with_renderings(self) -> None:
        """An unexplained translation name that resembles an absent source name is its
        rendering (an exonym we do not list), not a replacement."""
        for s, check, _ in self.absent:
            twin = next((t for t in self.unexplained if looks_like_rendering(s, t)), None)
            if twin is None:
                continue
            self.unexplained.remove(twin)
            check.found = [twin.text]
            if groups_of(s.text) and not _written_out(s, self.source, [twin]):
                # We know how this place is spelt, and this is not it: Vienna → Vcena.
                check.status = "changed"
                reason = f"name {s.text!r} appears altered: {twin.text!r}"
                self.flags.append(name_flag(s, [twin.text], reason))
            else:
                check.status = "ok"

    def settle(self, s: NameMention, check: EntityCheck, in_back: bool, in_part: bool) -> None:
        """Flag an absent (or partly found, ``in_part``) source name as replaced when the
        evidence says so."""
        src = self.src
        # Sentence-initial words are mostly not names (weak); adjectives are lowercase.
        if (
            (check.status == "ok" and not in_part)
            or (s.weak and in_part)
            or adjectival(s, src)
            or common_name(s, src)
            or worded(s, src)
            or abbreviated(s, self.source)
            or self._rendered_alike(s)
            or self._translated_as_words(s)
            # "barrio praguense" for "in Prague": the place's adjective renders it
            or (not in_part and place_adjective_in(s, self.translation) is not None)
        ):
            return
        if in_part:
            if self.unexplained and (self.back is None or not in_back):
                self._pair_stand_in(s, check)
            return
        if not self.unexplained:
            if self._gone_both_ways(s, in_back):
                # Gone both ways while the way back names something new: a replacement
                # whose translated form we could not single out.
                check.status = "changed"
                reason = (
                    f"name {s.text!r} is missing both ways; "
                    "the back-translation names something else"
                )
                self.flags.append(name_flag(s, [], reason))
            return
        if self.back is not None and in_back and not self.newcomers:
            return  # the round trip resolved it: an exonym or paraphrase we do not read
        self._pair_stand_in(s, check)

    def record_dropped_repeats(self) -> None:
        """A mention the translation has no more of (the source says Kinkel twice, the
        translation once) and nothing replaced is missing, not found: an engine that
        drops it dropped a name (``NamesCheck``); a person's pronoun stays unflagged."""
        for _, check, _ in self.repeats:
            if check.status == "ok" and check.in_translation:
                check.status = "missing"
                check.in_translation = False

    def flag_worded_stand_ins(self) -> None:
        """An institution named in words still only missing, with a clear name of no
        source word near its place (Department of Education → Manhattan): replaced."""
        flagged = {tuple(f.span) for f in self.flags if f.span}
        for s, check, _ in self.absent:
            if check.status != "missing" or (s.start, s.end) in flagged:
                continue
            args = (self.source, self.src, self.unexplained, self.translation, self.tgt)
            other = worded_stand_in(s, *args)
            if other is None:
                continue
            flagged.add((s.start, s.end))
            self.unexplained.remove(other)
            check.status = "changed"
            check.found = [other.text]
            reason = f"name {s.text!r} is missing; the translation names {other.text!r}"
            self.flags.append(name_flag(s, [other.text], reason))

    def flag_nouns_in_place(self) -> None:
        """A clear name still only missing, with a common noun of no source word in its
        place (said Maduro → dijo el ministro): replaced by a word (medium: a translator
        may name a role the sentence leaves implicit)."""
        if title_cased(self.source):
            return
        flagged = {tuple(f.span) for f in self.flags if f.span}
        anchors = self._anchors()  # the names found: the same for every absent one
        for s, check, _ in self.absent:
            if check.status != "missing" or (s.start, s.end) in flagged:
                continue
            if not omission_counts(s, self.src, self.translation, self.tgt):
                continue
            if cut_short(s, self.source):
                continue  # Lugar (Ind.): a state cut short, written out or left out
            if _words_translated(s, self.src, self.translation, self.tgt):
                continue  # Marines → морской пехоты: translated, whatever noun is near
            noun = noun_in_place(s, self.source, self.src, self.translation, self.tgt, anchors)
            # Or a capitalised common word (dijo Derecho, Г-н Книга): a word all the same.
            noun = noun or capital_in_place(s, self.source, self.src, self.translation, self.tgt)
            if noun is None:
                continue
            flagged.add((s.start, s.end))
            check.status = "changed"
            check.found = [noun]
            reason = f"name {s.text!r} is missing; {noun!r} stands in its place"
            flag = name_flag(s, [noun], reason)
            flag.severity = "medium"
            self.flags.append(flag)

    def _anchors(self) -> list[tuple[float, int, int]]:
        """The names found as they are: each its place in the source (a share of the
        sentence) and the span of its rendering in the translation."""
        out = []
        for (start, end), rendering in self.seen_as.items():
            at = self.translation.find(rendering) if rendering else -1
            if at >= 0:
                out.append(((start + end) / 2 / max(1, len(self.source)), at, at + len(rendering)))
        return out

    def _translated_as_words(self, s: NameMention) -> bool:
        """Is ``s`` made of common words that the translation has as the dictionary
        renders them ("Students for Velvet" → "Студенты в бархате")? Translated, then;
        no other name stands in for it."""
        words = [w for _, _, w in significant_words(s)]
        return all(ordinary_in(w, self.src) for w in words) and _words_translated(
            s, self.src, self.translation, self.tgt
        )

    def _rendered_alike(self, s: NameMention) -> bool:
        """Does a name of the translation that renders no other source name look like a
        rendering of one-word ``s`` (Mercury/Mercurio), though the source accounts for it
        otherwise? Then no other name replaced ``s``."""
        if len(significant_words(s)) != 1:
            return False
        taken = {r for key, r in self.seen_as.items() if key != (s.start, s.end) and r}
        return any(
            looks_like_rendering(s, t)
            for t in self.tgt_names
            if t.type == s.type
            and not t.weak
            and not any(t.text in r or r in t.text for r in taken)
        )

    def _gone_both_ways(self, s: NameMention, in_back: bool) -> bool:
        """Is ``s`` missing from the back-translation too, with a new name near its place?"""
        if self.back is None or in_back or s.weak or s.type != "name":
            return False
        if any(ordinary_in(w, self.src) for _, _, w in significant_words(s)):
            return False
        back, here = self.back, position(s, self.source)
        return any(abs(position(b, back) - here) <= MAX_SHIFT for b in self.newcomers)

    def _pair_stand_in(self, s: NameMention, check: EntityCheck) -> None:
        """Flag ``s`` as replaced by the nearest unexplained translation name that could
        stand in for it, if any (and use that name up)."""
        source, src, translation, tgt = self.source, self.src, self.translation, self.tgt
        stand_ins = [
            t for t in self.unexplained if could_replace(s, source, src, t, translation, tgt)
        ]
        if s.weak and common_shape(s.text, src):
            return  # Simbólicamente, Однако: a common word, whatever stands beside it
        if title_cased(source) and any(ordinary_in(w, src) for _, _, w in significant_words(s)):
            return  # a headline's capitals ("No One Wants To Ban Our Cheese") name nothing
        if s.weak:
            # A capitalised word that opens the source sentence may be a common word: only
            # a name opening the translation too stands in for it (Fujimori, ... →
            # Саркози, ...).
            here = position(s, source)
            stand_ins = [
                t for t in stand_ins
                if position(t, translation) - here < 0.1
                and not english_modifier(t, translation, tgt)
            ]  # fmt: skip

        if " " not in s.text and _opens(source, s.start) and dictionary_word(s.text, src, tgt):
            # A word the dictionary knows opening the source, and one opening the
            # translation: a common word translated (Hungry, ... → Ávidos, ...).
            stand_ins = [
                t for t in stand_ins
                if not (_opens(translation, t.start) and dictionary_word(t.text, tgt, src))
            ]  # fmt: skip
        if not stand_ins:
            return
        same_type = [t for t in stand_ins if t.type == s.type]
        other = min(
            same_type or stand_ins,
            key=lambda t: abs(position(s, source) - position(t, translation)),
        )
        if translated_common_words(s.text, src, [other.text], tgt):
            return  # Stadium -> Estadio, Blue Box -> Caja Azul: translated, not replaced
        words = {f for _, _, w in significant_words(s) for f in lemmas(w, src)}
        if all(dictionary_renders(w, tgt, words, src) for _, _, w in significant_words(other)):
            return  # Hungry -> Famélico: the dictionary's rendering, not another name
        self.unexplained.remove(other)
        check.status = "changed"
        check.found = [other.text]
        reason = f"name {s.text!r} is missing; the translation names {other.text!r}"
        self.flags.append(name_flag(s, [other.text], reason))


def _words_translated(s: NameMention, lang: str, text: str, text_lang: str) -> bool:
    """Is name ``s`` made of words that ``text`` has as the dictionary renders them (Mar
    Negro → Черном море, Infantería de Marina → морской пехоты, Marines → морской
    пехоты)? Each of its words, rendered, is a translation, not a name altered."""
    return (
        s.type == "name"
        and bool(significant_words(s))
        and translated_in(s.text, lang, text, text_lang)
    )


def _written_out(s: NameMention, source: str, found: list[NameMention]) -> bool:
    """Is a name cut short (Ind.) found written out (Indiana), not altered?"""
    short = plain_latin(s.text)
    return cut_short(s, source) and all(plain_latin(c.text).startswith(short) for c in found)


def _opens(text: str, start: int) -> bool:
    """Does the word at ``start`` open ``text`` (after quotes and brackets)?"""
    return not text[:start].strip(" \"'«“„‘(¿¡-–—")
