"""What counts as evidence in the name check: a name or a common word, a rendering or a
replacement.

Predicates over mentions and candidates, each a rule of ``check_names``: a capitalised
common noun translated (Center/Centro) is no name altered; a name of the translation
explained by the source (an exonym, a word) replaces nothing; a stand-in must sit near
the place of the name it replaced.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz
from unidecode import unidecode

from xlate.checks.lexicon import cognate, covers, is_english_word, renderings
from xlate.checks.names.aliases import groups_of, known_renderings
from xlate.checks.names.crossscript import locate, word_verdict
from xlate.checks.names.extract import Candidate, NameMention, candidates, significant_words
from xlate.checks.names.lexicon import (
    common_word,
    en_nationality,
    excluded,
    lemmas,
    ordinary_in,
    ordinary_word,
    ru_may_be_noun,
    zipf_in,
)
from xlate.checks.names.normalise import (
    acronym_key,
    plain_latin,
    script_of,
    script_of_lang,
    skeleton,
    skeleton_forms,
)
from xlate.text.wordnet import proper_only, word_classes
from xlate.text.words import stopwords

_LATIN = re.compile(r"[A-Z0-9&.\-]+")
# Translators keep the order of a sentence's parts by and large (en/es/ru news): a name
# that stands in for another sits near the place of the one it replaced.
MAX_SHIFT = 0.5
_WORD = re.compile(r"[^\W\d_]{3,}")
# Missing words this frequent (Zipf) are common words of their language (No, City): one
# common word put for them is a translation, not another name.
_COMMON_ZIPF = 4.0
_BORROWED_GAP = 1.0
# A word of a name this frequent (Zipf) is also a word an engine may translate (Stark,
# Van, Rice, Post).
_WORD_ZIPF = 3.5


def position(mention: NameMention, text: str) -> float:
    """Where a mention sits in its sentence, from 0 (start) to 1 (end)."""
    return (mention.start + mention.end) / 2 / max(1, len(text))


@lru_cache(maxsize=512)
def _word_forms(text: str, lang: str) -> frozenset[str]:
    """The skeleton forms of every word of ``text``. Cached: asked once per name."""
    return frozenset(f for m in _WORD.finditer(text) for f in skeleton_forms(m.group(), lang))


def in_words(mention: NameMention, lang: str, text: str, text_lang: str) -> bool:
    """Does a word of ``text``, capitalised or not, render a word of the name ("the
    euro", "интернет")?"""
    words = _word_forms(text, text_lang)
    return any(skeleton_forms(w, lang) & words for _, _, w in significant_words(mention))


def explained(mention: NameMention, lang: str, text: str, text_lang: str) -> bool:
    """Does ``text`` account for ``mention`` (as a name, an altered name or any word)?"""
    if locate(mention, lang, text, text_lang)[0] != "absent":
        return True
    if mention.type != "name":
        return False
    return in_words(mention, lang, text, text_lang)


def looks_like_rendering(a: NameMention, b: NameMention) -> bool:
    """An exonym or cognate rather than another name: Brandenburg/Brandenburgo,
    Thailand/Tailandia, Eurozone/Eurozona, Euro/Eurocopa; for acronyms, the same letters
    in another order (NATO/OTAN, IMF/FMI)."""
    if a.type == "acronym" and b.type == "acronym":
        return sorted(acronym_key(a.text)) == sorted(acronym_key(b.text))
    for short, long in ((a, b), (b, a)):
        # ADB / Banco Asiático de Desarrollo: an acronym spelt out in the other language.
        if short.type == "acronym" and long.type == "name":
            initials = [w[0].lower() for _, _, w in significant_words(long)]
            if len(initials) >= 2 and sorted(initials) == sorted(acronym_key(short.text)):
                return True
    for _, _, wa in significant_words(a):
        for _, _, wb in significant_words(b):
            ka, kb = skeleton(wa), skeleton(wb)
            prefix = len(_common_prefix(ka, kb))
            if prefix >= 4 or (prefix >= 3 and min(len(ka), len(kb)) <= 4):
                return True
            if min(len(ka), len(kb)) >= 4 and fuzz.ratio(ka, kb) >= 75:
                return True
    return False


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def cognate_nouns(s: NameMention, src: str, cand: Candidate) -> bool:
    """Is ``cand`` like a word of ``s`` only as two common words of their languages are
    (Center/Centro, Princess/Princesa)? A name is rare in its language or as frequent in
    the others (Maduro/Madura, Sergei/Serguei stay altered)."""
    return ordinary_in(cand.text, cand.lang) and any(
        ordinary_in(w, src) and word_verdict(w, src, cand) == "similar"
        for _, _, w in significant_words(s)
    )


def surname_missing(mention: NameMention, lang: str, text: str, text_lang: str) -> bool:
    """Is the last word of a multiword name (a surname, mostly) nowhere in ``text``
    while an earlier one is? First names get dropped; surnames are kept."""
    words = significant_words(mention)
    if len(words) < 2 or mention.type != "name":
        return False
    last = words[-1][2]
    if ordinary_word(last, lang) or common_word(last, lang):
        return False  # Foreign Relations Committee: words, translated
    cands = candidates(text, text_lang)
    return all(word_verdict(last, lang, c) is None for c in cands)


def could_replace(
    s: NameMention, source: str, src: str, t: NameMention, translation: str, tgt: str
) -> bool:
    """Could translation name ``t`` be what became of absent source name ``s``, rather than
    a rendering we cannot read (an institution translated in words, a local acronym)?"""
    if abs(position(s, source) - position(t, translation)) > MAX_SHIFT:
        return False
    if worded(t, tgt) and not _words_for_a_name(s, src, t, tgt, source):
        return False  # Casa de Arraigo, Палаты, Большого Яблока: words, not a name
    if abbreviated(t, translation):
        return False  # Virginia → Va.: the same name cut short
    if t.type == "acronym" and s.type != "acronym":
        # A name gives way to another name, not to a local acronym (Asia/АБР); a body
        # we know (NATO, the EU, PIB) the source does not speak of may stand in, though,
        # and so may any acronym for a one-word name no place shares (Buffett → IBM):
        # an acronym abbreviates words.
        local_ok = tgt != "ru" or bool(_LATIN.fullmatch(t.text))  # Russian localises: КУ, ЕЦБ
        return bool(groups_of(t.text)) or (
            local_ok and (_lone_name(s, src, tgt) or _persons_name(s, src, tgt))
        )
    if s.type == "acronym" and t.type == "acronym":
        # Each language spells its own acronyms (ADB/BAsD/АБР, CDU/ХДС); only a known
        # body standing for another known one is a replacement (FBI → CIA), and so is
        # another Latin acronym where Russian writes the source's in Latin letters: such
        # an acronym is not localised (IBM stays IBM), so NASA in its place is no rendering.
        latin = _LATIN.fullmatch(s.text) and _LATIN.fullmatch(t.text)
        return (
            bool(groups_of(s.text)) or bool(groups_of(t.text)) or bool(latin and "ru" in (src, tgt))
        )
    return True


def renders_a_word_of(t: NameMention, lang: str, text: str, text_lang: str) -> bool:
    """Does a word of ``text`` account for a word of ``t`` (spelt alike, a cognate, or
    its dictionary rendering)? An institution translated in words does; "Czech Olympic
    Committee" where the source speaks of Paclík does not."""
    if in_words(t, lang, text, text_lang):
        return True
    words = {f for w in _WORD.findall(text) for f in lemmas(w, text_lang)}
    return any(
        dictionary_renders(w, lang, words, text_lang)
        or any(cognate(w.lower(), x) for x in words if len(x) >= _COGNATE_LETTERS)
        for _, _, w in significant_words(t)
    )


# Shorter words look alike by chance (ministro/minister is a cognate, the/де is not).
_COGNATE_LETTERS = 5


def _lone_name(s: NameMention, lang: str, other: str) -> bool:
    """A one-word name of no known place and no word a dictionary knows: a person's,
    mostly (Buffett; not Oriental, nor the adjective Чешскому)."""
    words = significant_words(s)
    if len(words) != 1 or s.weak or groups_of(s.text):
        return False
    word = words[0][2]
    if lang == "ru" and not ru_may_be_noun(word):
        return False
    # WordNet, English's dictionary here, lists places and people too (Solingen).
    in_dictionary = lang != "en" and dictionary_word(word, lang, other)
    return not (ordinary_in(word, lang) or common_word(word, lang) or in_dictionary)


def _persons_name(s: NameMention, lang: str, other: str) -> bool:
    """A name and surname, neither a word a dictionary knows nor a known place (Петер
    Вуффли, Warren Buffett): no acronym abbreviates them, so one in their place (UBS)
    replaced them."""
    words = significant_words(s)
    if len(words) < 2 or s.weak or s.type != "name" or groups_of(s.text):
        return False
    return all(
        _lone_name(NameMention(start, end, word, s.key), lang, other) for start, end, word in words
    )


def _words_for_a_name(s: NameMention, src: str, t: NameMention, tgt: str, source: str) -> bool:
    """May capitalised common words ``t`` stand for name ``s`` (Paclík → Czech Olympic
    Committee)? Only for a clear name (not an acronym, whose words the translation may
    write out: ČSÚ/Czech Statistical Office; not a sentence's first word; not words of
    any language: The Run/Побег), in a language that capitalises every word of a name (not
    Russian), and with no word the source accounts for (Casa de Arraigo)."""
    if s.weak or s.type != "name":
        return False
    if all(any(ordinary_in(w, lang) for lang in _LANGS) for _, _, w in significant_words(s)):
        return False
    if tgt == "ru":
        # Russian capitalises an institution's first word alone: an adjective
        # (Временный выставочный зал) or a body's noun (Палаты представителей).
        return False
    return not renders_a_word_of(t, tgt, source, src)


_LANGS = ("en", "es", "ru")


def replaces_part(cand: Candidate, missing: list[str], source: str, src: str, tgt: str) -> bool:
    """Does capitalised word ``cand``, beside the part found of a source name whose
    ``missing`` words are gone, stand in for them (Manchester City → Manchester United)?
    Not when the source accounts for it: a name or word of the source, a dictionary
    rendering of a source word (Reserve → Reserva, Соединенных → United), common words
    translated (No Accident → Ningún Accidente)."""
    t = NameMention(cand.start, cand.end, cand.text, plain_latin(cand.text))
    if explained(t, tgt, source, src) or (tgt == "en" and en_nationality(cand.text)):
        return False
    common = all(_common_at_home(w.lower(), src, tgt) for w in missing)
    if common and ordinary_in(cand.text, tgt):
        return False
    source_words = {f for w in _WORD.findall(source) for f in lemmas(w, src)}
    return not dictionary_renders(cand.text, tgt, source_words, src)


def translated_word_by_word(
    s: NameMention, missing: list[str], cand: Candidate, source: str, src: str, tgt: str
) -> bool:
    """Is capitalised ``cand``, beside the part found of ``s``, a missing word of it
    translated as a word (Wolfgang Stark → Wolfgang Duro, Herman Van Rompuy → Herman
    Furgoneta Rompuy, Condoleezza Rice → Condoleezza Arroz)? The part found must be a
    name no language has as a word (a person, a brand: not a place, whose institutions
    are translated, Bank of Spain → Banco de España), the missing words words of the
    source language, and ``cand`` a common word of the translation's, or their rendering
    in the dictionary."""
    kept = [w for _, _, w in significant_words(s) if w not in missing]
    if not any(zipf_in(w.lower(), src) < _WORD_ZIPF for w in kept) or any(
        ordinary_in(w, src) or common_word(w, src) or groups_of(w) for w in kept
    ):
        return False  # Social Research → Búsqueda Social: words, translated
    if cand.text.lower() in stopwords(tgt):
        return False
    if not all(zipf_in(w.lower(), src) >= _WORD_ZIPF for w in missing):
        return False
    t = NameMention(cand.start, cand.end, cand.text, plain_latin(cand.text))
    if locate(t, tgt, source, src)[0] != "absent":
        return False  # a name of the source
    words = {w.lower() for w in missing}
    return ordinary_in(cand.text, tgt) or dictionary_renders(cand.text, tgt, words, src)


def translated_in(name: str, lang: str, text: str, text_lang: str) -> bool:
    """Does ``text`` have the dictionary's rendering of every capitalised word of
    ``name`` (Revolución de Terciopelo → Velvet Revolution)?"""
    found = {w for m in _WORD.finditer(text) for w in lemmas(m.group(), text_lang)}
    words = [w for w in _WORD.findall(name) if w[:1].isupper()]
    return bool(words) and all(
        any(dictionary_renders(t, text_lang, set(lemmas(w, lang)), lang) for t in found)
        for w in words
    )


# An abbreviation's letters at most (Va., Rep., Nov., Gen.).
_ABBREVIATION = 4


def abbreviated(mention: NameMention, text: str) -> bool:
    """A word cut short with a full stop inside a sentence (Va., Nov. 18, R-Va.):
    translators write it out (Virginia, noviembre), so its absence says nothing. The
    sentence must go on in lowercase, digits or punctuation ("dijo Jakub." ends it)."""
    return cut_short(mention, text) and not groups_of(mention.text)


def cut_short(mention: NameMention, text: str) -> bool:
    """A name word cut short with a full stop that the sentence goes on after, known
    place or not (Lugar (Ind.), the committee's...), or a party and state (D-N.Y.))."""
    parts = mention.text.split("-")
    return (
        (mention.type == "name" or (mention.type == "acronym" and len(parts) > 1))
        and bool(_GOES_ON.match(text, mention.end))
        and all(len(p) <= _ABBREVIATION and p[:1].isupper() and not p[1:].isupper() for p in parts)
    )


# The sentence goes on after the full stop, maybe through more letters cut short
# (D-N.Y.), R-Va.).
_GOES_ON = re.compile(r"\.(?:[A-Z][a-z]?\.)*\s*[a-z0-9,;:)]")


def dictionary_word(word: str, lang: str, other: str) -> bool:
    """Is ``word`` a common word (Hungry, Ávidos opening a sentence)? WordNet knows
    English (FreeDict's English is small), word lists and pymorphy3 the others, and the
    bilingual dictionary any word it translates (through English for es/ru)."""
    if groups_of(word):
        return False  # dictionaries list countries too (France, Мексика)
    if lang == "en" and is_english_word(word.lower()) and not proper_only(word):
        return True  # WordNet's proper nouns (Elizabeth, Thomas) are names
    if ordinary_in(word, lang):
        return True
    pivot = "en" if "en" not in (lang, other) else other
    # a dictionary that gives a word as itself carries a name over (IBM: IBM)
    return any(
        (renderings(f, lang, other) | renderings(f, lang, pivot)) - {f} for f in lemmas(word, lang)
    )


def dictionary_phrase(mention: NameMention, lang: str, other: str) -> bool:
    """Is each word of ``mention`` a common word (Menú diario), not a name (Алекс Вебер,
    which word lists, asked of the whole phrase, may count as frequent)?"""
    words = [w for _, _, w in significant_words(mention)] or [mention.text]
    return all(dictionary_word(w, lang, other) for w in words)


def _common_at_home(word: str, lang: str, other: str) -> bool:
    """A frequent word of ``lang``, not one borrowed from ``other`` (Spanish writes "City"
    in club names, English far more)."""
    own = zipf_in(word, lang)
    return own >= _COMMON_ZIPF and own >= zipf_in(word, other) - _BORROWED_GAP


def dictionary_renders(word: str, lang: str, words: set[str], words_lang: str) -> bool:
    """Does the bilingual dictionary give ``word`` as a rendering of one of ``words``
    (lowercase dictionary forms), either way round, through English where the pair has
    no dictionary of its own (Unidos → united → соединенный)? Plural and gender endings
    aside (Referees/Árbitros)."""
    own = lemmas(word, lang)
    if covers(lang, words_lang):
        back = {r for f in own for r in renderings(f, lang, words_lang)}
        return bool(_stems(back) & _stems(words)) or bool(
            _rendered_stems(frozenset(words), words_lang, lang) & _stems(own)
        )
    if "en" in (lang, words_lang):
        return False
    english = {r for f in own for r in renderings(f, lang, "en")}
    pivot = {r for e in english for r in renderings(e, "en", words_lang)}
    return bool(_stems(pivot) & _stems(words))


@lru_cache(maxsize=64)
def _rendered_stems(words: frozenset[str], words_lang: str, lang: str) -> frozenset[str]:
    """The stems of every rendering of ``words`` in ``lang``. Cached: a sentence's source
    words are the same for each word of its translation asked about (~2 ms a time)."""
    return frozenset(_stems({r for w in words for r in renderings(w, words_lang, lang)}))


def _stems(words: Iterable[str]) -> set[str]:
    """Words without a plural and a final gender vowel (árbitros, árbitro, referee →
    árbitr, árbitr, refere), for comparing dictionary forms with inflected ones."""
    return {_stem(w) for w in words if len(w) >= 3}


def _stem(word: str) -> str:
    """``word`` less a final -es or -s, then less a final a, e or o: string tests, not
    the two regex substitutions they replace (a dictionary's renderings through English
    run to thousands of words a sentence; no word has a line break, where $ would differ)."""
    if word.endswith("es"):
        word = word[:-2]
    elif word.endswith("s"):
        word = word[:-1]
    return word[:-1] if word.endswith(("a", "e", "o")) else word


def worded(mention: NameMention, lang: str) -> bool:
    """A capitalised phrase made of common words of its language."""
    if mention.type != "name" or groups_of(mention.text):
        return False
    words = [w for _, _, w in significant_words(mention)]
    if not words or (len(words) == 1 and lang != "ru"):
        # Word frequencies cannot tell one Latin word from a name (maduro, capriles,
        # princesa are all frequent in Spanish alone); Russian has its dictionary.
        return False
    return all(ordinary_in(w, lang) for w in words)


def translated_common_words(source: str, src: str, renderings: list[str], tgt: str) -> bool:
    """Are both a source "name" and what stands in its place ordinary words of their own
    languages (Center/Centro, Stadium/Estadio, Blue Box/Caja Azul)? Then the translator
    translated a capitalised common noun; a real name (Putin, Maduro, Obama) is rare as a
    word or as frequent in the other languages, and fails this test."""
    words = [w for w in re.findall(r"[^\W\d_]{2,}", source) if w[:1].isupper()]
    found = [w for r in renderings for w in re.findall(r"[^\W\d_]{2,}", r) if w[:1].isupper()]
    return (
        bool(words)
        and bool(found)
        and all(ordinary_word(w, src) for w in words)
        and all(ordinary_word(w, tgt) for w in found)
    )


def common_name(mention: NameMention, lang: str) -> bool:
    """A name made only of common words (House, Cámara, Чешской Республики): a translated
    institution or a capitalised adjective, weak evidence of a name."""
    if mention.type != "name" or groups_of(mention.text):
        return False
    words = significant_words(mention)
    return bool(words) and all(common_word(w, lang) for _, _, w in words)


def adjectival(mention: NameMention, lang: str) -> bool:
    """English nationality words ("Czech", "Russian"): translated as lowercase adjectives."""
    word = mention.text.lower()
    return lang == "en" and " " not in word and en_nationality(word)


_CAPITALISED = re.compile(r"(?<![\w'’])[^\W\d_]{4,}")


def title_cased(text: str) -> bool:
    """A headline in title case ("A Stylist Must Also Be a Good Psychologist"): most of
    its longer words are capitalised, so capitals say nothing of names. A sentence
    with a full stop is running text, however many capitals it lists."""
    if text.rstrip().endswith("."):
        return False
    words = _CAPITALISED.findall(text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) > 0.6 * len(words)


# Capitalised words in a row, maybe joined by a connector: an institution spelt out.
_SPELT_OUT = re.compile(
    r"(?<!\w)[A-ZÁÉÍÓÚÑА-ЯЁ][^\W\d_]+(?:\s+(?:of|for|and|de|del|la|y|и)?\s*"
    r"[A-ZÁÉÍÓÚÑА-ЯЁ][^\W\d_]+)+"
)


def omission_counts(mention: NameMention, lang: str, translation: str, tgt: str) -> bool:
    """Is a source name an engine left out a clear name whose loss is an error? Not a
    sentence opener, a nationality word, a phrase of common words an engine renders
    word by word (Velvet Revolution → Revolución de Terciopelo, Need for Speed), or an
    acronym of another script than the translation's where the translation spells out
    an institution (ЕЦБ → the European Central Bank)."""
    if (
        mention.type == "acronym"
        and script_of(mention.text) != script_of_lang(tgt)
        and _SPELT_OUT.search(translation)
    ):
        return False
    words = [w for _, _, w in significant_words(mention)]
    return not (
        mention.weak
        or (mention.type == "name" and bool(words) and all(excluded(w) for w in words))
        # One ordinary word (Sales, Sports, Manager): an engine translates it as a word.
        or (mention.type == "name" and len(words) == 1 and ordinary_word(words[0], lang))
        or adjectival(mention, lang)
        or common_name(mention, lang)
        or worded(mention, lang)
    )


def renders_opener(s: NameMention, src: str, found: list[Candidate], tgt: str) -> bool:
    """Does the dictionary give each look-alike of a sentence opener as its rendering
    (Especulación agraria → Спекуляция, through speculation)? A common word translated,
    not a name altered."""
    words = set(lemmas(s.text, src))
    return bool(found) and all(dictionary_renders(c.text, tgt, words, src) for c in found)


def english_modifier(t: NameMention, text: str, lang: str) -> bool:
    """Is ``t`` one English word opening ``text`` that WordNet knows, and never as a noun
    (Boyish figures ...)? An adjective, verb or adverb capitalised as the sentence's
    first word; a name is a noun."""
    if lang != "en" or " " in t.text or text[: t.start].strip(" \"'«“„‘(¿¡-–—"):
        return False
    classes = word_classes(t.text)
    return bool(classes) and "noun" not in classes


# Letters a place's spelling may lose at its end in its adjective (Praga: praguense,
# Alemania: alemán), and the fewest it keeps.
_PLACE_END = 2
_PLACE_KEPT = 4


def place_adjective_in(mention: NameMention, text: str) -> str | None:
    """A lowercase word of ``text`` made of a known spelling of place ``mention`` (its
    adjective or people: praguense for Prague, alemán for Germany), or None."""
    spellings = [unidecode(a).lower() for a in known_renderings(mention.text) if " " not in a]
    for word in _WORD.findall(text):
        if not word.islower():
            continue
        plain = unidecode(word)
        for spelt in spellings:
            keep = max(_PLACE_KEPT, len(spelt) - _PLACE_END)
            if len(spelt) >= _PLACE_KEPT and plain.startswith(spelt[:keep]) and plain != spelt:
                return word
    return None
