"""A common noun in a name's place: "said Maduro" → "dijo el ministro".

A person's translation may drop a name for a pronoun or a title the source has, so a
name merely absent is only recorded. A definite common noun (a Russian noun) standing
where the name stood, that renders no word of the source, is another matter: the name
became a thing or a role the source does not speak of.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz
from unidecode import unidecode

from xlate.checks.lexicon import cognate, renderings
from xlate.checks.names.aliases import groups_of, known_renderings
from xlate.checks.names.crossscript import resembles, word_verdict
from xlate.checks.names.evidence import (
    dictionary_phrase,
    dictionary_renders,
    in_words,
    position,
)
from xlate.checks.names.extract import Candidate, NameMention, significant_words
from xlate.checks.names.lexicon import (
    WORDED_MIN,
    common_word,
    dictionary_acronym,
    lemmas,
    ordinary_in,
    ru_common_word,
    ru_may_be_noun,
    ru_noun,
    ru_verb_like,
    zipf_in,
)
from xlate.checks.names.normalise import (
    acronym_key,
    consonant_distance,
    consonant_skeletons,
    plain_latin,
    script_of_lang,
    skeleton,
    skeleton_forms,
)
from xlate.checks.names.tables import articles, sentence_openers
from xlate.text.morphology import ru_parses
from xlate.text.wordnet import irregular_verb_form, past_form, word_classes
from xlate.text.words import stopwords

# How far (share of the sentence) from the name's place the noun may stand: translators
# reorder a little. Russian, without articles, has a noun every other word: nearer there.
_NEAR = {"ru": 0.15}
_NEAR_DEFAULT = 0.25
# A noun this frequent (Zipf) is a generic word (company, gobierno, министр), the kind
# that stands for a name; rarer words are content of their own.
_GENERIC = {"ru": 4.5}
_GENERIC_DEFAULT = 4.0
# A cognate (ministro/minister, presidente/президентом) renders a source word even where
# the dictionary is silent; shorter words look alike by chance.
_COGNATE = 5
_WORD = re.compile(r"[^\W\d_]+")
_OPENING = " \"'«“„‘(¿¡-–—"


def noun_in_place(
    s: NameMention,
    source: str,
    src: str,
    translation: str,
    tgt: str,
    anchors: Sequence[tuple[float, int, int]] = (),
) -> str | None:
    """The common noun (with its article) that stands in ``translation`` where absent
    source name ``s`` stood and renders no word of ``source``, or None. ``anchors``: the
    names found as they are, each its place in the source (a share of the sentence) and
    its span in the translation: they say where the name's place lies when the
    translation reorders."""
    if not _distinct_name(s, src) or in_words(s, src, translation, tgt):
        return None
    if not source[: s.start].strip(_OPENING) and dictionary_phrase(s, src, tgt):
        return None  # a word the dictionary knows opening the source (Menú diario: ...)
    if groups_of(s.text) and _place_word(s.text, translation):
        return None
    here = position(s, source)
    near = _NEAR.get(tgt, _NEAR_DEFAULT)
    # A noun renders a noun: a Russian adjective's dictionary phrases (city: большой
    # город) do not account for the noun a name gave way to, unless the adjective is made
    # from that noun's rendering (городской, газетный: see _relational).
    nouns = [w for w in _WORD.findall(source) if src != "ru" or ru_may_be_noun(w)]
    adjectives = [
        w
        for w in _WORD.findall(source)
        if src == "ru" and not ru_may_be_noun(w) and _ru_adjective(w)
    ]
    source_words = {f for w in nouns for f in lemmas(w, src)}
    source_lemmas = {f for w in _WORD.findall(source) if len(w) >= _COGNATE for f in lemmas(w, src)}
    words = list(_WORD.finditer(translation))
    window = _near(words, translation, here, near)
    # a name found as it is renders its own source name, not this one spelt otherwise
    found = {k for k, m in enumerate(words) if any(a <= m.start() < b for _, a, b in anchors)}
    if any(
        k not in found
        and _like_the_name(s, src, words[k], tgt)
        and not _accounted(words[k], s, source, src, tgt, source_words)  # the dearer test
        for k in window
    ):
        return None  # spelt otherwise, or its adjective (Bohemians/богемцев, Cech/Чеху)
    translated = {w for k in window for w in _translated_name_words(words[k].group(), tgt, s)}
    if translated and translated >= {w.lower() for _, _, w in significant_words(s)}:
        return None  # "21er Haus" → "casa 21": translated, whatever noun stands beside
    # where the names found put the name's place, when the translation moved it: more
    # candidates, the nearest first ("передачи партия и Ворачека"), not more look-alikes
    # (a wider window finds a look-alike by chance)
    moved = (
        _nearest(words, translation, anchored(here, anchors, len(translation)), near)
        if anchors
        else []
    )

    neighbours: list[set[int]] = []  # the renderings of the name's neighbours, once read

    def rendered_neighbours() -> set[int]:
        if not neighbours:
            neighbours.append(_neighbour_renderings(s, source, src, words, tgt))
        return neighbours[0]

    def stands_in(k: int) -> bool:
        # a noun qualifying the rendering of the name's neighbour stood as the name did
        # ("the UBS reception" → "the city reception"): English puts it before its head
        qualifies = tgt == "en" and k + 1 in rendered_neighbours()
        return _stands_in(
            words, k, translation, tgt, source_lemmas, source_words, src, adjectives, qualifies
        )

    nearby = [*window, *(k for k in moved if k not in window)]
    chosen = next((k for k in nearby if stands_in(k)), None)
    if chosen is None:
        # Far from the name's place by share of the sentence, a translation that reorders
        # keeps the name's neighbours: a noun beside the rendering of a word next to the
        # name in the source ("índice Nasdaq" → "индекс компания") stands in its place.
        beside = {
            i
            for j in rendered_neighbours()
            for i in range(max(0, j - _BESIDE), min(len(words), j + _BESIDE + 1))
            if i != j
        }
        chosen = next((k for k in sorted(beside) if k not in nearby and stands_in(k)), None)
    if chosen is None:
        return None
    before = words[chosen - 1].group() if chosen and tgt != "ru" else ""
    return f"{before} {words[chosen].group()}".strip()


# The words either side of a name read as its neighbours (stopwords counted, then left
# out), and how near a neighbour's rendering the stand-in stands (word order moves a
# little between languages: "Nasdaq index", "índice Nasdaq").
_NEIGHBOURS = 2
_BESIDE = 2


def _neighbour_renderings(
    s: NameMention, source: str, src: str, words: Sequence[re.Match[str]], tgt: str
) -> set[int]:
    """The indices of the translation's words that render a source neighbour of name
    ``s`` (the ``_NEIGHBOURS`` words either side, stopwords, the name's own words and
    other names aside)."""
    stop = stopwords(src)
    tokens = list(_WORD.finditer(source))
    before = [m for m in tokens if m.end() <= s.start][-_NEIGHBOURS:]
    after = [m for m in tokens if m.start() >= s.end][:_NEIGHBOURS]
    # a capital opening the sentence is no name's (Авиакомпания Emirates)
    lowered = [
        m.group() if m.group().islower() else m.group().lower()
        for m in (*before, *after)
        if m.group().islower() or _opens_sentence(source, m)
    ]
    neighbours = [w for w in lowered if w not in stop and len(w) >= 3]
    if not neighbours:
        return set()
    out: set[int] = set()
    for j, m in enumerate(words):
        word = m.group()
        if word in stopwords(tgt) or len(word) < 3:
            continue
        if any(
            dictionary_renders(word, tgt, set(lemmas(n, src)), src)
            or (len(n) >= _COGNATE and cognate(word, n))
            for n in neighbours
        ):
            out.add(j)
    return out


def _stands_in(
    words: list[re.Match[str]],
    k: int,
    translation: str,
    tgt: str,
    source_lemmas: set[str],
    source_words: set[str],
    src: str,
    adjectives: list[str],
    qualifies: bool = False,
) -> bool:
    """Is word ``k`` of the translation a definite generic common noun that renders no
    word of the source (so may stand in for a name)? ``qualifies``: it stands before a
    noun where the name did, so need not head its phrase."""
    word = words[k].group()
    if len(word) < 3 or not (word.islower() or _opens_sentence(translation, words[k])):
        return False
    if word in stopwords(tgt) or word in sentence_openers(tgt):
        return False  # el que, the same: no noun
    if not _definite_noun(words, k, translation, tgt, qualifies) or _frequency(
        word, tgt
    ) < _GENERIC.get(tgt, _GENERIC_DEFAULT):
        return False
    if any(cognate(word, w) for w in source_lemmas):
        return False
    if dictionary_renders(word, tgt, source_words, src) or _relational(word, tgt, adjectives):
        return False
    return not _borrowed(word, tgt, source_lemmas, src)


def noun_for_head(
    s: NameMention, found: Candidate, source: str, src: str, translation: str, tgt: str
) -> str | None:
    """The common noun right after ``found``, the rendering of a multiword name but for
    its last word, where that noun renders no word of the source: the name's head gave
    way to a thing ("Deutsche Bank" → "Дойче команда", "Kid Rock" → "Кид команда");
    "Дойче банк" renders it."""
    after = re.match(r"[ \u00a0-]([^\W\d_]+)", translation[found.end :])
    if after is None:
        return None
    word = after.group(1)
    if not word.islower() or len(word) < 3 or word in stopwords(tgt):
        return None
    if _frequency(word, tgt) < _GENERIC.get(tgt, _GENERIC_DEFAULT) or not _a_noun(word, tgt):
        return None
    source_words = {f for w in _WORD.findall(source) for f in lemmas(w, src)}
    if any(cognate(word, w) for w in source_words if len(w) >= _COGNATE):
        return None
    if dictionary_renders(word, tgt, source_words, src):
        return None
    head = significant_words(s)[-1][2]
    if _kin_of(word, tgt, head):
        return None  # Schweizer Garten → Швейцарский сад: the head translated (garden)
    if _head_rendered(head, src, translation, tgt):
        return None  # CTV Christmas → el especial navideño de CTV: translated elsewhere
    cand = Candidate(0, len(word), word.capitalize(), tgt)
    return None if resembles(head, src, cand) else word


def _head_rendered(head: str, src: str, translation: str, tgt: str) -> bool:
    """Does the translation render a name's head word elsewhere, as the dictionary gives
    it or by a word made from that (Christmas: navidad, navideño)?"""
    low = head.lower()
    given = renderings(low, src, tgt)
    return any(
        dictionary_renders(w, tgt, {low}, src) or any(cognate(w, r) for r in given)
        for w in _WORD.findall(translation)
        if len(w) >= _COGNATE - 1 and w not in stopwords(tgt)
    )


def _kin_of(word: str, lang: str, head: str) -> bool:
    """Does ``word`` translate a name word of a third language through its English kin,
    first letter kept and the consonants but one (Garten: garden, сад; Strasse: street)?"""
    head = head.lower()
    if len(head) < _COGNATE - 1 or not head.isascii():
        return False
    english = {word.lower()} if lang == "en" else renderings(word.lower(), lang, "en")
    return any(
        len(e) >= _COGNATE - 1 and e[0] == head[0] and consonant_distance(e, head) <= 1
        for e in english
    )


def _a_noun(word: str, lang: str) -> bool:
    """Is ``word`` a noun of its language: pymorphy3's for Russian, WordNet's for
    English (no adjective), more of its English renderings nouns for Spanish?"""
    if lang == "ru":
        return ru_noun(word)
    if lang == "en":
        own = word_classes(word)
        return "noun" in own and "adj" not in own
    classes = [word_classes(e) for e in renderings(word, lang, "en", by_stem=False)]
    return sum("noun" in c and "adj" not in c for c in classes) > sum("adj" in c for c in classes)


def _near(words: Sequence[re.Match[str]], text: str, place: float, near: float) -> list[int]:
    """The indices of ``words`` within ``near`` of ``place`` (shares of ``text``), in the
    order of the sentence."""
    return [k for k, m in enumerate(words) if abs(_place(m, text) - place) <= near]


def _nearest(words: Sequence[re.Match[str]], text: str, place: float, near: float) -> list[int]:
    """The same, the nearest first."""
    found = _near(words, text, place, near)
    return sorted(found, key=lambda k: abs(_place(words[k], text) - place))


def _place(word: re.Match[str], text: str) -> float:
    return position(NameMention(word.start(), word.end(), word.group(), ""), text)


def anchored(here: float, anchors: Sequence[tuple[float, int, int]], length: int) -> float:
    """Where the translation has the place ``here`` of the source: as far from the
    nearest anchor as in the source ("Jágr y Voráček ayudaron" → "передачи Ягра и
    Ворачека": two words before Voráček's rendering, wherever the sentence put it)."""
    source_place, start, end = min(anchors, key=lambda a: abs(a[0] - here))
    return (start + end) / 2 / max(1, length) + (here - source_place)


def _frequency(word: str, lang: str) -> float:
    """How common a word is (Zipf), a Russian one by its dictionary form too: a case form
    is rarer than its word ("президенте" 3.9, президент 5.3), not less generic."""
    parses = ru_parses(word.lower())[:1] if lang == "ru" else ()
    lemma = str(parses[0].normal_form) if parses else ""
    return max(zipf_in(word, lang), zipf_in(lemma, lang) if lemma else 0.0)


# Consonant sounds a loanword keeps of its English word to be read as it (голкипер).
_LOAN_SOUNDS = 3


def _borrowed(word: str, lang: str, source_words: set[str], src: str) -> bool:
    """Does a Russian source word borrow the English that ``word`` renders (голкипер,
    from goalkeeper, for portero), where the dictionary lacks the loanword? Only Cyrillic
    against English: Latin words alike are cognates, read as such (see noun_in_place)."""
    if script_of_lang(src) != "cyrl" or script_of_lang(lang) == "cyrl":
        return False
    english = {word.lower()} if lang == "en" else renderings(word.lower(), lang, "en")
    return any(
        consonant_distance(e, w) == 0 and min(map(len, consonant_skeletons(e))) >= _LOAN_SOUNDS
        for e in english
        for w in source_words
    )


def _translated_name_words(word: str, lang: str, s: NameMention) -> set[str]:
    """The words of name ``s`` that ``word`` translates, each a word of a third language
    sounding as its English kin, first letter and consonants (German Haus, house: la
    casa, дом). Latin names only: a Cyrillic one is read as Russian."""
    names = [w.lower() for _, _, w in significant_words(s)]
    names = [w for w in names if len(w) >= _COGNATE - 1 and w.isascii()]
    if not names:
        return set()
    english = {word.lower()} if lang == "en" else renderings(word.lower(), lang, "en")
    english = {e for e in english if len(e) >= _COGNATE - 1 and e not in stopwords("en")}
    return {
        w
        for e in english
        for w in names
        if e[0] == w[0]
        and any(len(k) >= 2 for k in consonant_skeletons(e) & consonant_skeletons(w))
    }


# Letters a Russian adjective shares with the noun it is made from (газетный/газета).
_ADJECTIVE_ROOT = 4


def _ru_adjective(word: str) -> bool:
    """Can a Russian word be read as an adjective (городской)? A verb or an adverb is
    made from no noun a name gave way to, though its first letters spell one (станет:
    станок, a bench: banco)."""
    return any(p.tag.POS in ("ADJF", "ADJS") for p in ru_parses(word.lower()))


def _relational(word: str, lang: str, adjectives: list[str]) -> bool:
    """Is ``word`` the noun a Russian adjective of the source is made from (городской →
    city, газетные заголовки → newspaper headlines), by the noun's Russian renderings?"""
    if not adjectives:
        return False
    own = lemmas(word, lang)
    english = own if lang == "en" else {e for f in own for e in renderings(f, lang, "en")}
    russian = {r for e in english for r in renderings(e, "en", "ru")}
    roots = {r[:_ADJECTIVE_ROOT] for r in russian if ru_noun(r)}
    return any(a.lower()[:_ADJECTIVE_ROOT] in roots for a in adjectives)


def _accounted(
    m: re.Match[str], s: NameMention, source: str, src: str, tgt: str, source_words: set[str]
) -> bool:
    """Is this word of the translation another source word's rendering, so no spelling of
    name ``s``: another name as it is there (Rajchl beside Paclík), or a common word the
    dictionary gives for a source word (incendio for arson, beside Solingen)?"""
    word = m.group()
    if word[:1].isupper():
        own = {w for _, _, w in significant_words(s)}
        others = [w for w in _WORD.findall(source) if w[:1].isupper() and w not in own]
        if plain_latin(word) in {plain_latin(w) for w in others}:
            return True
        # or another name's spelling across scripts (Венском is Vienna's, not Schwanzer's)
        cand = Candidate(m.start(), m.end(), word, tgt)
        if any(word_verdict(w, src, cand) == "same" for w in others):
            return True
        # or a capitalised rendering of a common source word (Австрийской for austriaca)
        return dictionary_renders(word, tgt, source_words, src)
    return dictionary_renders(word, tgt, source_words, src)


def _like_the_name(s: NameMention, lang: str, m: re.Match[str], tgt: str) -> bool:
    word = m.group()
    if len(word) < 4 or word.lower() in stopwords(tgt):
        return False  # "la", "with" are like anything
    lowered = word if word.islower() else word.lower() if _opens_sentence(m.string, m) else ""
    # a word written lowercase is common if its language uses it, however common it is
    # elsewhere too (región, presidente: names travel, but are not written so)
    common = word.islower() and zipf_in(word, tgt) >= WORDED_MIN
    if lowered and (common or ordinary_in(lowered, tgt)):
        # A common word (or one opening the sentence: Страна, Компания) is a name's
        # adjective or case form only if it keeps the name's first sound and most of its
        # sounds (Bohemians/богемцев): "love" is no Ивету, "plantearse" no Pelta, "ciudad"
        # no Canada, "visits" no Вену.
        return any(
            skeleton(w)[:1] == skeleton(word)[:1] and _close_throughout(w, lang, word, tgt)
            for _, _, w in significant_words(s)
        )
    if tgt == "ru" and word.islower() and ru_verb_like(word):
        return False  # a verb (привлек) is no spelling of Paclík, however alike
    cand = Candidate(m.start(), m.end(), m.group().capitalize(), tgt)
    return any(resembles(w, lang, cand) for _, _, w in significant_words(s))


# How alike (rapidfuzz ratio of the sound skeletons) a common word and a name word must be
# for the word to be that name's own form: a case form or adjective keeps the stem
# (Bohemians/богемцев 67); a word of a like first sound alone does not (Pelta/plantearse
# 57, Canada/ciudad 55, Турции/trick 60).
_OWN_FORM = 65


def _close_throughout(name_word: str, lang: str, word: str, tgt: str) -> bool:
    """Is common ``word`` as alike as a form of ``name_word`` is (see ``_OWN_FORM``)?"""
    if consonant_distance(name_word, word) == 0:
        return True  # the same sounds in another script (Vice/вице)
    a, b = skeleton_forms(name_word, lang), skeleton_forms(word, tgt)
    return max(fuzz.ratio(x, y) for x in a for y in b) >= _OWN_FORM


def _distinct_name(s: NameMention, lang: str) -> bool:
    """A name no translator renders as a common noun: a known place (its adjective is
    looked for apart), or an acronym of a body (IBM, UBS, ЦСКА); not a word of the language
    (Rector, Obesity, Haus), nor an acronym the dictionaries know as a word (TV, ВВП) or
    of two letters (FC)."""
    if s.type == "acronym":
        return len(acronym_key(s.text)) >= _ACRONYM_LETTERS and not dictionary_acronym(s.text, lang)
    if s.type != "name" or s.weak:
        return False
    words = [w for _, _, w in significant_words(s)]
    if lang == "ru" and not any(ru_may_be_noun(w) for w in words):
        # Russian adjectives (Чешскому статистическому бюро): a place's adjective opening
        # an institution, which the translation names its own way (la ČSÚ).
        return False
    if groups_of(s.text):
        # Рядом (beside) reads as Riyadh's case form: a word the Russian dictionary knows
        # only as a common one is that word.
        return not (lang == "ru" and all(ru_common_word(w) for w in words))
    # The half of a double surname (Husslein-Arco) is that surname's, though it be a word
    # of the language (arco): a word joined by a hyphen to a name word is no common word.
    joined = set(re.findall(r"(?<=\w-)\w+|\w+(?=-\w)", s.text))
    plain = [w for w in words if w not in joined] or words
    # One word of a name no word of the language (Hathaway, Dukla, Cambridge) makes the
    # name a name, whatever common words it has besides (Berkshire Hathaway, University
    # of Cambridge): a noun that renders those words is accounted for all the same.
    return any(
        len(w) >= _NAME_LETTERS
        and not (ordinary_in(w, lang) or common_word(w, lang) or groups_of(w))
        for w in plain
    )


# A name with no word this long (Ben, Li) may be a word of some language.
_NAME_LETTERS = 4
# An acronym of two letters (FC, AP) stands for too many things to be a body's alone.
_ACRONYM_LETTERS = 3
# Letters a word shares with a place's spelling to be made from it (alemán/Alemania,
# российский/Россия, turco/Turquía).
_PLACE_ROOT = 3


def _place_word(place: str, text: str) -> bool:
    """Does a word of ``text`` grow from a known spelling of ``place`` (its adjective, a
    demonym)?"""
    roots = {unidecode(a).lower()[:_PLACE_ROOT] for a in known_renderings(place)}
    return any(unidecode(w).lower()[:_PLACE_ROOT] in roots for w in _WORD.findall(text))


def _opens_sentence(text: str, m: re.Match[str]) -> bool:
    """Is this capitalised word the first of a sentence ("Газеты утверждает")?"""
    before = text[: m.start()].rstrip(" \"'«“„(")
    return m.group()[1:].islower() and (not before or before[-1] in ".!?:;")


def _definite_noun(
    words: list[re.Match[str]], k: int, text: str, lang: str, qualifies: bool = False
) -> bool:
    """Is word ``k`` a Russian noun, or a word right after a definite article, the head
    of its phrase unless it ``qualifies`` the next word as a name did?"""
    if lang == "ru":
        return ru_noun(words[k].group())
    if not k or words[k - 1].group().lower() not in articles(lang):
        return False
    if text[words[k - 1].end() : words[k].start()] != " ":
        return False
    if qualifies:  # a noun all the same, no adjective (the small textile company)
        return _a_noun(words[k].group(), "en")
    # The head of its phrase: "el famoso vuelo" puts an adjective after the article.
    after = words[k + 1] if k + 1 < len(words) else None
    return (
        after is None
        or text[words[k].end() : after.start()] != " "
        or not after.group().islower()
        or after.group() in stopwords(lang)
        or _heads_before(words[k].group(), after.group(), lang)
    )


def _heads_before(word: str, after: str, lang: str) -> bool:
    """Is ``word``, followed by lowercase ``after``, the head noun of its phrase? In
    Spanish a noun heads what follows it (el periódico antes, el banco envió) unless it
    is an adjective put first (el famoso vuelo): read by its English renderings, more of
    them nouns than adjectives. In English a noun heads a verb (the bank supported), not
    a noun it qualifies (the city council); a verb's past form is a verb, though WordNet
    reads it through its base (told: tell, a noun too)."""
    if lang == "es":
        return _a_noun(word, lang)
    if lang == "en":
        return _a_noun(word, lang) and (
            # "the city lost", "the region fell": an irregular past is a verb there,
            # though it spells a noun too (a lost, a fell)
            "noun" not in word_classes(after) or past_form(after) or irregular_verb_form(after)
        )
    return False
