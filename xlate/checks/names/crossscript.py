"""Finding a name in another text, maybe in another language and script.

``locate`` says whether a text renders a mention as it is ("same": transliterated,
inflected, a surname for a full name, a known exonym), renders it altered ("similar":
Maduro→Madura, Су-30МК3 for Su-30MK2) or not at all; ``find_name`` is its public face.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from xlate.checks.names.aliases import alias_groups, groups_in, groups_of
from xlate.checks.names.extract import (
    Candidate,
    NameMention,
    candidates,
    capitalised_candidates,
    extract_names,
    significant_words,
)
from xlate.checks.names.lexicon import (
    en_nationality,
    excluded,
    ordinary_word,
    ru_noun,
    zipf_in,
)
from xlate.checks.names.normalise import (
    RU_PLACE_ADJECTIVE,
    acronym_key,
    consonant_distance,
    consonant_skeletons,
    designation_keys,
    is_acronym,
    is_capitalised,
    plain_latin,
    script_of,
    skeleton,
    skeleton_forms,
)
from xlate.checks.names.tables import connectors, consonant_conventions, sentence_openers

# Where a name stands in a text: "same" (rendered), "similar" (altered) or "absent".
Location = tuple[str, str | None, list[Candidate]]

_DIGIT = re.compile(r"\d")
# Spanish adjectives of a place or people (mexicano, francés, canadiense, argentino).
_ADJECTIVE_ENDING = re.compile(r"(?:an|ano|ana|és|esa|ense|ino|ina)s?$")
_COGNATE_ENDS = ({"e", "a"}, {"e", "o"})
_VOWELISH = set("aeiouyhjx")
# A neighbour this frequent (Zipf) in its language is a word translated with the name
# (Feres Doctrine → Doctrina Feres), not the name altered.
_NEIGHBOUR_WORD = 3.6


def find_name(name: str, name_lang: str, text: str, text_lang: str) -> str | None:
    """The rendering of ``name`` in ``text`` (see the package docstring), or None."""
    mentions = extract_names(name, name_lang) or [
        NameMention(0, len(name), name, plain_latin(name), "name")
    ]
    mention = max(mentions, key=lambda m: m.end - m.start)
    status, rendering, _ = locate(mention, name_lang, text, text_lang)
    return rendering if status == "same" else None


# --- one word against one word -------------------------------------------------------------


def word_verdict(word: str, word_lang: str, cand: Candidate) -> str | None:
    """ "same", "similar" or None for one name word against one word of the other text."""
    if not cand.text[:1].isupper():  # is_capitalised, inline: ~100k asks a document
        return None  # _word_verdict's first answer, before its cache: most words are so
    return _word_verdict(word, word_lang, cand.text, cand.lang, cand.initial)


@lru_cache(maxsize=1 << 14)
def _word_verdict(word: str, word_lang: str, text: str, lang: str, initial: bool) -> str | None:
    # Cached by what the verdict reads (not where the word stands): every name of a source
    # meets every capitalised word of its translation, and names repeat across a document.
    cand = Candidate(0, len(text), text, lang, initial)
    if not is_capitalised(cand.text) or (
        cand.initial and cand.text.lower() in sentence_openers(cand.lang)
    ):
        return None  # "Tras" opening a sentence is no rendering of Турции
    a, b = skeleton_forms(word, word_lang), skeleton_forms(cand.text, cand.lang)
    same_script = script_of(word) == script_of(cand.text)
    if same_script and script_of(word) == "latn":
        # Latin to Latin: no case endings to strip (Maduro ≠ Madura).
        a, b = frozenset({skeleton(word)}), frozenset({skeleton(cand.text)})
    if a & b:
        return "same"
    if same_script:
        return _same_script_verdict(word, word_lang, cand)
    distance = consonant_distance(word, cand.text)
    sounds = min(len(c) for c in consonant_skeletons(word))
    if distance == 0 and _shared_sounds(word, cand.text) >= 2:
        return None if _demonym_and_surname(word, word_lang, cand) else "same"
    if _place_adjective(word, word_lang, cand) and _same_root(word, cand.text):
        return "same"  # Британского/British, Мексиканского/Mexico: the place's adjective
    if cand.lang == "en" and en_nationality(cand.text) and not en_nationality(word):
        # Turks for Турции (the Turkish president): a people, its own word, not the
        # place's name misspelt.
        return None
    sa, sb = skeleton(word), skeleton(cand.text)
    if min(len(sa), len(sb)) < 4:
        return None
    best, x, y = max((fuzz.ratio(x, y), x, y) for x in a for y in b)
    if best < 75:
        return "similar" if distance == 1 and sounds >= 3 and best >= 60 else None
    # Across scripts, conventions differ (Hamburg/Гамбург, Buffett/Баффет): a close
    # form is the rendering unless a consonant stands where no convention puts one.
    return "similar" if _foreign_consonant(x, y) else "same"


def _demonym_and_surname(word: str, lang: str, cand: Candidate) -> bool:
    """Is one side an English people's word (Czech) and the other a capitalised Russian
    common noun, no place we know (Чех, the goalkeeper Čech)? Russian writes a people's
    noun in small letters (чех), so a capital there is a name sounding alike, not the
    people; a place's spelling (Чехословаки, Гермонии misspelt) is still compared."""
    if script_of(word) == script_of(cand.text):
        return False
    english, russian = (word, cand.text) if script_of(word) == "latn" else (cand.text, word)
    return (
        (lang if english == word else cand.lang) == "en"
        and en_nationality(english)
        and ru_noun(russian)
        and not groups_of(russian)
    )


def _shared_sounds(a: str, b: str) -> int:
    """How many consonants the longest skeleton two words share has: a name read two
    ways counts by the reading that meets the other (Spanish Jack, read "hk" or "jk" or
    "k", is Джек by "jk")."""
    return max(map(len, consonant_skeletons(a) & consonant_skeletons(b)), default=0)


def _same_script_verdict(word: str, word_lang: str, cand: Candidate) -> str | None:
    """In one script an altered name differs by a letter or two in place (Maduro/Madura);
    exonyms and cognates differ otherwise (Ireland/Irlanda)."""
    pa, pb = plain_latin(word), plain_latin(cand.text)
    if len(pa) != len(pb) or len(pa) < 4:
        return None
    diffs = [k for k, (p, q) in enumerate(zip(pa, pb, strict=True)) if p != q]
    if len(diffs) == 1 and diffs[0] == len(pa) - 1 and {pa[-1], pb[-1]} in _COGNATE_ENDS:
        return None  # English -e, Spanish -a/-o: Eurozone/Eurozona, Europe/Europa
    if word_lang != cand.lang and any(_cognate_letter(pa, pb, k) for k in diffs):
        return None  # Education/Educación, Federation/Federación
    if word_lang != cand.lang and _spelling_conventions(pa, pb, diffs):
        return None  # Viktorie/Victoria: Czech k and -e, Spanish c and -a
    return "similar" if len(diffs) == 1 or (len(diffs) == 2 and len(pa) >= 6) else None


def _spelt_by_convention(word: str, lang: str, cand: Candidate) -> bool:
    """Is ``cand`` ``word`` as another Latin-script language spells it (Viktorie Plzeň,
    Victoria Plzen)?"""
    pa, pb = plain_latin(word), plain_latin(cand.text)
    if lang == cand.lang or len(pa) != len(pb):
        return False
    diffs = [k for k, (p, q) in enumerate(zip(pa, pb, strict=True)) if p != q]
    return _spelling_conventions(pa, pb, diffs)


def _spelling_conventions(a: str, b: str, diffs: list[int]) -> bool:
    """Do two spellings differ only where languages spell one sound their own way: k for
    hard c before a consonant (Viktorie/Victoria), and a final vowel -e for -a/-o?"""
    return len(diffs) == 2 and all(
        ({a[k], b[k]} == {"k", "c"} and k + 1 < len(a) and a[k + 1] == b[k + 1] not in "eiy")
        or (k == len(a) - 1 and {a[k], b[k]} in _COGNATE_ENDS)
        for k in diffs
    )


def _cognate_letter(a: str, b: str, k: int) -> bool:
    """English t, Spanish c before -ion (Revolution/Revolución)."""
    return {a[k], b[k]} == {"t", "c"} and a[k + 1 : k + 3] == "io"


def _foreign_consonant(a: str, b: str) -> bool:
    """True when skeletons ``a`` and ``b`` differ by a consonant no convention explains."""
    ops = Levenshtein.editops(a, b)
    # An injected alteration substitutes letters; conventions also add or drop some.
    if len(ops) > 2 or any(op.tag != "replace" for op in ops):
        return False
    for op in ops:
        x, y = a[op.src_pos], b[op.dest_pos]
        if x in _VOWELISH and y in _VOWELISH:
            continue
        if frozenset((x, y)) not in consonant_conventions():
            return True
    return False


def _derived_adjective(word: str, cand: Candidate) -> bool:
    """Is either side an adjective made of the place (Британского, British, Mexicano)?"""
    return any(
        bool(RU_PLACE_ADJECTIVE.search(w.lower()))
        or (lang == "en" and en_nationality(w))
        or bool(_ADJECTIVE_ENDING.search(w.lower()))
        for w, lang in ((word, _lang_of_script(word)), (cand.text, cand.lang))
    )


def _place_adjective(word: str, lang: str, cand: Candidate) -> bool:
    """Is one side a Russian adjective made of a place (Британского) or an English
    nationality word (British)? Narrower than ``_derived_adjective``: names in -ina, -ano
    (Cristina, Luciano) must still match letter by letter."""
    return any(
        bool(RU_PLACE_ADJECTIVE.search(w.lower())) if script_of(w) == "cyrl"
        else (wl == "en" and en_nationality(w))
        for w, wl in ((word, lang), (cand.text, cand.lang))
    )  # fmt: skip


def _same_root(a: str, b: str) -> bool:
    """Do two words start with the same three consonant sounds (Brit-, Mex-/Мекс-)?"""
    return any(
        len(x) >= 3 and len(y) >= 3 and x[:3] == y[:3]
        for x in consonant_skeletons(a)
        for y in consonant_skeletons(b)
    )


def _lang_of_script(word: str) -> str:
    return "ru" if script_of(word) == "cyrl" else "en"


def _length_gap(word: str, lang: str, cand: Candidate) -> int:
    """How many letters apart a word and a candidate are, endings aside (Мексики and
    Mexicano are two apart: a derived word, not the name altered)."""
    theirs = skeleton_forms(cand.text, cand.lang)
    return min(abs(len(x) - len(y)) for x in skeleton_forms(word, lang) for y in theirs)


# --- a mention in a text --------------------------------------------------------------------


_TITLE_ACRONYM = re.compile(r"(?<![\w.])[A-Z][a-z]{2,4}(?![\w.])")


def locate(
    mention: NameMention, lang: str, text: str, text_lang: str, strict_groups: bool = True
) -> Location:
    """("same", rendering, []) | ("similar", None, altered forms) | ("absent", None, []).

    ``strict_groups``: a known place must be spelt as we know it (see
    ``_misspelt_known_place``)."""
    cands = candidates(text, text_lang)
    if mention.type == "designation":
        return _locate_designation(mention, cands)
    groups = groups_of(mention.text)
    if groups:
        present = groups_in(text)
        hit = next((present[g] for g in groups if g in present), None)
        if hit is None and mention.type == "acronym" and _TITLE_ACRONYM.search(text):
            # An acronym spoken as a word, in title case (OTAN → Nato, ONU → Onu).
            present = groups_in(_TITLE_ACRONYM.sub(lambda m: m.group().upper(), text))
            hit = next((present[g] for g in groups if g in present), None)
        if hit is not None:
            return "same", hit, []
    if mention.type == "acronym":
        return _locate_acronym(mention, cands)
    words = _find_words(mention, lang, text, text_lang)
    altered = words.altered(text)
    if words.hits and words.unmatched and script_of(mention.text) == script_of(text):
        # Part of a multiword name came through (Petr Jiracek → Петр ...): a first name
        # may be dropped, but a capitalised neighbour of the part found that resembles
        # the missing word is that word altered (Warren Buffett → Уоррев Баффет).
        altered.extend(_altered_neighbours(words.unmatched, lang, words.hits, cands, text))
    if altered:
        return "similar", words.found, altered
    if strict_groups and _misspelt_known_place(mention, lang, groups, words):
        # A place we know the spelling of (Libya/Ливия, Germany/Германия) that is not
        # spelt so, though it sounds alike: altered (Гцрмании, Ливиы).
        return "similar", None, list(words.hits)
    if words.found is not None:
        return "same", words.found, []
    return "absent", None, []


def _locate_designation(mention: NameMention, cands: Sequence[Candidate]) -> Location:
    similar = []
    wanted = designation_keys(mention.text)
    for c in cands:
        keys = designation_keys(c.text)
        if keys & wanted:
            return "same", c.text, []
        if _DIGIT.search(c.text) and max(fuzz.ratio(a, b) for a in keys for b in wanted) >= 60:
            similar.append(c)
    return ("similar", None, similar) if similar else ("absent", None, [])


def _locate_acronym(mention: NameMention, cands: Sequence[Candidate]) -> Location:
    letters = acronym_key(mention.text)
    near = []
    for c in cands:
        if not is_acronym(c.text):
            # An acronym spoken as a word is written so (IHNED.cz → Ihned.cz, NATO → Nato).
            if len(letters) >= 4 and c.text.isalpha() and c.text.upper() == mention.text:
                return "same", c.text, []
            continue
        key = acronym_key(c.text)
        if key == letters:
            return "same", c.text, []
        if _one_letter_off(letters, key) and (
            script_of(c.text) == script_of(mention.text) or len(key) >= 4
        ):
            near.append(c)  # ГСП is no altered GMP: a translated acronym
    # NCUA → NYUA; reordered letters are another language's acronym (NATO/OTAN).
    return ("similar", None, near) if near else ("absent", None, [])


def _one_letter_off(a: str, b: str) -> bool:
    return len(a) == len(b) >= 2 and sum(x != y for x, y in zip(a, b, strict=True)) == 1


@dataclass
class _WordsFound:
    """How the significant words of a multiword name fared in a text, word by word."""

    words: tuple[tuple[int, int, str], ...]
    found: str | None = None  # the rendering of the first word found
    hits: list[Candidate] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    similar_of: dict[str, list[Candidate]] = field(default_factory=dict)

    def altered(self, text: str) -> list[Candidate]:
        """The altered forms that count: across scripts a first or middle name has many
        spellings (Мириас Оспина, Есихико Нода) once the surname is found, so there the
        surname is the test."""
        out: list[Candidate] = []
        for word, word_similar in self.similar_of.items():
            if word == self.words[-1][2] or script_of(word) == script_of(text) or not self.hits:
                out.extend(word_similar)
        return out


# Cached: ``locate`` and ``part_stand_ins`` ask of the same name in the same text (ru-en:
# 9,346 asks of 6,234). What it returns is read, never changed: callers get copies.
@lru_cache(maxsize=2048)
def _find_words(mention: NameMention, lang: str, text: str, text_lang: str) -> _WordsFound:
    cands = candidates(text, text_lang)
    # Only a capitalised word can be the rendering (word_verdict's first answer).
    capitalised = capitalised_candidates(text, text_lang)
    words = significant_words(mention)
    out = _WordsFound(words)
    present_groups: dict[int, str] | None = None
    inside = _place_inside(words, text) if len(words) > 2 else None
    if inside is not None:
        # A known place inside a longer name (United States Armed Forces → Вооруженных
        # сил Соединенных Штатов): its words are found as the place is spelt there; the
        # rest are common words, translated around it.
        (first, last), place = inside
        out.found = place
        out.hits.extend([c for c in cands if c.text in place.split()] or [cands[0]])
        words = words[:first] + words[last:]
    for _, _, word in words:
        word_groups = groups_of(word) if len(out.words) > 1 else frozenset()
        if word_groups:
            # A known place inside a longer run: Turquía y Jordania, Polonia y Ucrania.
            present_groups = present_groups if present_groups is not None else groups_in(text)
            spelt = next((present_groups[g] for g in word_groups if g in present_groups), None)
            if spelt is not None:
                out.found = out.found or spelt
                # Every word of the spelling found is a hit (Estados Unidos), not a
                # shorter word inside one ("en" of Viena).
                spelt_words = spelt.split()
                out.hits.extend([c for c in cands if c.text in spelt_words] or [cands[0]])
                continue
        word_hit = None
        word_similar = []
        for c in capitalised:  # capitalised: word_verdict's own test is passed already
            verdict = _word_verdict(word, lang, c.text, c.lang, c.initial)
            if verdict == "same":
                word_hit = c
                break
            if verdict == "similar":
                word_similar.append(c)
        if word_hit is not None:
            out.found = out.found or word_hit.text
            out.hits.append(word_hit)
        elif word_similar:
            out.similar_of[word] = word_similar
        else:
            out.unmatched.append(word)
    return out


def _place_inside(
    words: tuple[tuple[int, int, str], ...], text: str
) -> tuple[tuple[int, int], str] | None:
    """The longest run of two or more of ``words`` (not all) that spells a known place
    found in ``text``, as (first, end) indices and the spelling found, or None."""
    present: dict[int, str] | None = None
    for n in range(len(words) - 1, 1, -1):
        for first in range(len(words) - n + 1):
            groups = groups_of(" ".join(w for _, _, w in words[first : first + n]))
            if not groups:
                continue
            present = present if present is not None else groups_in(text)
            spelt = next((present[g] for g in sorted(groups) if g in present), None)
            if spelt is not None:
                return (first, first + n), spelt
    return None


def _misspelt_known_place(
    mention: NameMention, lang: str, groups: frozenset[int], words: _WordsFound
) -> bool:
    """Is a one-word known place found only as a close, unknown spelling in the other
    script (Гцрмании for Germany), rather than as one of its known spellings?"""
    if not (groups and len(words.words) == 1 and len(words.hits) == 1):
        return False
    word, hit = words.words[0][2], words.hits[0]
    return (
        script_of(hit.text) != script_of(mention.text)
        and consonant_distance(word, hit.text) <= 1
        and not groups_of(hit.text)  # Мехико/México: another place we know
        and not _derived_adjective(word, hit)  # Британского/British
        and _length_gap(word, lang, hit) <= 1
        and any(script_of(alias) == script_of(hit.text) for g in groups for alias in _group(g))
    )


def _group(gid: int) -> tuple[str, ...]:
    return alias_groups()[gid]


def _altered_neighbours(
    missing: list[str], lang: str, hits: list[Candidate], cands: Sequence[Candidate], text: str
) -> list[Candidate]:
    """Capitalised words next to the found part of a name that resemble a missing word."""
    hit_spans = {(h.start, h.end) for h in hits}
    out = []
    for c in cands:
        if (
            (c.start, c.end) in hit_spans
            or not is_capitalised(c.text)
            or excluded(c.text)
            or zipf_in(c.text.lower(), c.lang) >= _NEIGHBOUR_WORD  # Doctrina, Distrito
            or groups_of(c.text)
        ):
            continue
        beside = any(
            (0 < c.start - h.end <= 1 and text[h.end : c.start] in (" ", "\u00a0", "-"))
            or (0 < h.start - c.end <= 1 and text[c.end : h.start] in (" ", "\u00a0", "-"))
            for h in hits
        )
        if beside and any(
            resembles(word, lang, c)
            and not ordinary_word(word, lang)
            and not _spelt_by_convention(word, lang, c)
            for word in missing
        ):
            out.append(c)
    return out


def part_stand_ins(
    mention: NameMention, lang: str, text: str, text_lang: str
) -> tuple[list[str], list[Candidate]]:
    """A multiword name found in part (Manchester City → Manchester ...): the words of it
    not found, and the capitalised words right beside the part found that are no
    spelling of a missing word (Manchester United, Hugo Morales). Whether such a word
    replaced the missing one or renders it (Reserva Federal) is for the caller to say."""
    if mention.type != "name" or len(significant_words(mention)) < 2:
        return [], []
    cands = candidates(text, text_lang)
    words = _find_words(mention, lang, text, text_lang)
    if not words.hits or not words.unmatched or words.similar_of:
        return [], []
    if script_of(mention.text) != script_of(text) and words.words[-1][2] not in words.unmatched:
        # Across scripts first names have many spellings (Axel/Алекс): the surname decides.
        return [], []
    hit_spans = {(h.start, h.end) for h in words.hits}
    # A word the name itself has (the initial of Raymond W. Kelly) stands in for nothing.
    own = set(re.findall(r"\w+", mention.text))
    out = []
    for c in cands:
        if (
            (c.start, c.end) in hit_spans
            or c.text in own
            or not is_capitalised(c.text)
            or is_acronym(c.text)  # each language its own acronyms: CDU/ХДС
            or excluded(c.text)
            or (c.initial and c.text.lower() in sentence_openers(c.lang))
            or any(resembles(word, lang, c) for word in words.unmatched)
            or _place_adjective(words.unmatched[0], lang, c)  # Швейцарская Конфедерация
        ):
            continue
        if any(_beside(c, h, text) for h in words.hits):
            out.append(c)
    return list(words.unmatched), out


def head_missing(mention: NameMention, lang: str, text: str, text_lang: str) -> Candidate | None:
    """A multiword name found but for its last word (Deutsche Bank → Дойче ...): the
    rendering of the word before it, else None. Where a name of the translation stands
    beside it is for ``part_stand_ins``; a common noun, for the caller."""
    if mention.type != "name" or len(significant_words(mention)) < 2:
        return None
    words = _find_words(mention, lang, text, text_lang)
    if not words.hits or words.similar_of or words.unmatched != [words.words[-1][2]]:
        return None
    return max(words.hits, key=lambda h: h.end)


def _beside(a: Candidate, b: Candidate, text: str) -> bool:
    """Do two words of ``text`` stand next to each other, a space or hyphen apart, or with
    connectors of a name between them (Herman van Rompuy)?"""
    first, second = (a, b) if a.start < b.start else (b, a)
    gap = text[first.end : second.start]
    if gap in ("-", " ", "\u00a0"):
        return True
    inside = gap.split()
    return (
        0 < len(inside) <= 2
        and gap == f" {' '.join(inside)} "
        and all(w in connectors(a.lang) for w in inside)
    )


def resembles(word: str, lang: str, cand: Candidate) -> bool:
    """Loose likeness, for a word already placed inside a name (see _altered_neighbours)."""
    if script_of(word) == script_of(cand.text):
        return fuzz.ratio(plain_latin(word), plain_latin(cand.text)) >= 50
    sounds = min(len(c) for c in consonant_skeletons(word))
    if consonant_distance(word, cand.text) <= max(1, sounds // 2):
        return True
    a, b = skeleton_forms(word, lang), skeleton_forms(cand.text, cand.lang)
    return max(fuzz.ratio(x, y) for x in a for y in b) >= 50
