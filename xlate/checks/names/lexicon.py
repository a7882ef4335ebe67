"""Word knowledge: is a capitalised word a name or a common word of its language?

Word frequencies (wordfreq's Zipf scale, read by xlate.text.frequencies) and, for Russian,
the pymorphy3 dictionary tell a common word (Cámara, However, Палаты) from a name: a
common word is frequent in its own language and rarer in the others; a name is rare
everywhere or travels (Putin, Washington, Maduro are frequent in all three). Both load on
first use.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

from xlate.checks.lexicon import renderings
from xlate.checks.names.aliases import alias_groups, groups_of
from xlate.checks.names.normalise import ru_stem, without_possessive
from xlate.checks.names.tables import english_demonyms, months_and_days, titles
from xlate.text.frequencies import zipf
from xlate.text.morphology import ru_parses, russian_analyser
from xlate.text.wordnet import word_classes

# A capitalised word that is a frequent common word of its language and rare in the other
# languages (Cámara, House, Палата, Чешской) is weak evidence of a name: translated
# institutions and the first words of Russian multiword names. Names travel between
# languages (Putin, Washington, Maduro) and so are attested in the others too. Thresholds
# (Zipf scale) measured on newstest2012 lines 0-1500; English needs the smaller gap as
# Spanish text borrows English words (house: en 5.7, es 4.2).
_COMMON_MIN = {"en": 4.5, "es": 4.0, "ru": 4.6}
_COMMON_GAP = {"en": 1.5, "es": 2.3, "ru": 2.0}
# Transliterated foreign names are frequent in Russian text and, inflected (Обаму,
# Милане), unattested elsewhere; capitalised Russian adjectives (Чешской Республики,
# Всемирной) open multiword names and are common words at a lower frequency.
# Adjective suffix + ending, but not a noun's instrumental (Гитлером, Сталиным, Обамой) nor
# a masculine nominative (-ский surnames).
_RU_ADJECTIVE = re.compile(
    r"(?:ск|цк|[^аеиоуыэюяё]н|к|в)(?:ой|ая|ое|ые|ых|ым|ыми|ую|ого|ому|ом|ее|ие|их|им|ими|яя|юю)$"
)
_RU_ADJECTIVE_MIN = 3.0
# A word this frequent in its own language (Zipf) is a common word there unless it is as
# frequent elsewhere (names travel).
WORDED_MIN = 3.0
_WORDED_GAP = 1.0
# A frequent word of its language that is much rarer in the other two (even transliterated)
# is an ordinary word; names travel: Putin/Путин, Obama, Washington are frequent everywhere.
# Measured on wordfreq: center 5.19 (gap 1.04), Stadium 1.37, центр 4.04 are ordinary;
# Putin 0.33, Путин 0.96, Obama 0.52, Washington 0.53 are not.
_ORDINARY_MIN = 4.3
_ORDINARY_GAP = {"en": 1.0, "es": 1.0, "ru": 1.5}


def zipf_in(word: str, lang: str) -> float:
    # wordfreq's Zipf value from xlate's compact copy (cached there): loads a language's
    # list in ~50 ms and ~5 MiB where wordfreq's own takes 0.4 s and ~70 MiB.
    return zipf(word, lang)


@lru_cache(maxsize=16384)
def lemmas(word: str, lang: str) -> frozenset[str]:
    """The word, lowercased, and for Russian its dictionary forms (Соединенных →
    соединенный): what a bilingual dictionary lists."""
    low = word.lower().replace("ё", "е")
    if lang != "ru" or not re.fullmatch(r"[а-я\-]+", low):
        return frozenset({low})
    forms = {str(p.normal_form).replace("ё", "е") for p in ru_parses(low)}
    return frozenset({low, *forms})


@lru_cache(maxsize=16384)
def _known_russian(low: str) -> bool:
    """Is a lowercase word Cyrillic (ё and hyphens allowed) and in pymorphy3's dictionary?"""
    return bool(re.fullmatch(r"[а-яё\-]+", low)) and bool(russian_analyser().word_is_known(low))


def ru_noun(word: str) -> bool:
    """Does the dictionary read a Russian word only as a common noun?"""
    low = word.lower()
    if not _known_russian(low):
        return False
    # Every reading a noun: второе (the second, or a main course) is an adjective too.
    return all(
        p.tag.POS == "NOUN" and not any(tag in p.tag for tag in _RU_PROPER) for p in ru_parses(low)
    )


_RU_PROPER = ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad")


def dictionary_acronym(acronym: str, lang: str) -> bool:
    """Is ``acronym`` a word of the dictionaries, which a translator may say in words (TV,
    GPS, NATO: WordNet's nouns; PIB through its English, gdp; ВВП, СМИ: pymorphy3's
    common nouns)? Not one they lack (IBM, UBS, FIFA) or read as an organisation or place
    (ЦСКА, МВФ). A Latin one in Russian text (ICE, UBS) is read as English."""
    low = acronym.lower().replace(".", "")
    if re.search("[а-яё]", low):
        return ru_noun(low)
    english = {low} | (renderings(low, lang, "en") if lang == "es" else set())
    return any(word_classes(word) for word in english)


@lru_cache(maxsize=16384)
def ru_may_be_noun(word: str) -> bool:
    """Can a Russian word be read as a noun (any reading; an unknown word may)? A noun
    stands for a noun: "большую" (big) renders no "city", whatever a dictionary's phrase
    entries ("city: большой город") say."""
    low = word.lower()
    if not _known_russian(low):
        return True
    return any(p.tag.POS == "NOUN" for p in ru_parses(low))


# Parts of speech a name's Russian spelling may take: a noun, or an adjective made from it
# (пражский); a verb or an adverb is a word of its own.
_RU_NAME_POS = ("NOUN", "ADJF", "ADJS", "PRTF")


@lru_cache(maxsize=16384)
def ru_verb_like(word: str) -> bool:
    """Does the dictionary read a lowercase Russian word only as a verb, adverb or other
    word no name becomes (привлек, разбираюсь), never as a noun or adjective?"""
    low = word.lower()
    if not _known_russian(low):
        return False
    return not any(p.tag.POS in _RU_NAME_POS for p in russian_analyser().parse(low))


@lru_cache(maxsize=16384)
def _ru_dictionary_word(word: str) -> bool | None:
    """For a Russian word: True if the dictionary knows it only as a common word
    (Палаты, Яблока, Только), False if it knows it as a name (Медведев, Сирии) or not at
    all (Пацлик), None for a word that is not Cyrillic."""
    low = word.lower().replace("ё", "е")
    if not re.fullmatch(r"[а-я\-]+", low):
        return None
    morph = russian_analyser()
    if not morph.word_is_known(low):
        return False
    return not any(tag in parse.tag for parse in ru_parses(low) for tag in _RU_PROPER)


def _ru_proper_first(low: str) -> bool:
    """Is the likeliest reading of a known Russian word a proper name's (Путина, Москвы;
    not Надежда, a hope first, nor Тем, a conjunction)?"""
    if not _known_russian(low):
        return False
    return any(tag in parse.tag for parse in ru_parses(low)[:1] for tag in _RU_PROPER)


def ru_common_word(word: str) -> bool:
    """Does the Russian dictionary know ``word`` only as a common word (Рядом, Палаты)?"""
    return bool(_ru_dictionary_word(word))


def _rarer_elsewhere(
    low: str, lang: str, own: float, gap: float, among: tuple[str, ...] = ("en", "es", "ru")
) -> bool:
    """Is a lowercased word at least ``gap`` rarer (Zipf) in every other language of
    ``among`` than ``own``, as written and transliterated to Latin (names travel; common
    words don't)? ``own - max(others) >= gap``, asked one list at a time: the first other
    frequency too high answers, so a list (Russian's takes a second to load) is read only
    when the earlier ones leave the answer open."""
    latin = unidecode(low)
    for other in among:
        if other != lang and any(own - zipf_in(form, other) < gap for form in (low, latin)):
            return False
    return True


@lru_cache(maxsize=16384)
def common_word(word: str, lang: str) -> bool:
    """Is ``word`` (capitalised in the text) a frequent common word of ``lang``?"""
    low = word.lower().replace("ё", "е")
    own = zipf_in(low, lang)
    least = _COMMON_MIN.get(lang, 99.0)
    if lang == "ru" and _RU_ADJECTIVE.search(low):
        least = _RU_ADJECTIVE_MIN
    if own < least or groups_of(word):
        return False
    if lang == "ru" and _ru_proper_first(low):
        # The dictionary's likeliest reading a surname, name or place (Путина: of Putin,
        # not путина, the fishing season): word lists count its mentions as the word's.
        return False
    return _rarer_elsewhere(low, lang, own, _COMMON_GAP[lang], ("en", "es"))


# Endings of common words that open sentences but are rare in word lists: Spanish adverbs,
# gerunds, verb forms with clitics; Russian adverbial participles, abstract nouns,
# adjectives and verbs.
_COMMON_SHAPE = {
    "es": re.compile(r"(?:mente|ando|iendo|aban|aba|ían|ía|ieron|aron|amos|emos|imos|ción|"
                     r"ciones|dad|dades|ísimo|ísima|[^\W\d_]{3}ó|"
                     # an imperative with a clitic keeps its stress: Fabrícate, Cómpralo
                     r"[áéíóú][^\W\d_]*(?:te|se|lo|la|los|las|le|les|me|nos)|"
                     r"(?:[aeiáéí]r|[aeiáé]ndo)(?:lo|la|los|las|le|les|se|me|nos))$"),
    "ru": re.compile(r"(?:ость|ости|ние|ния|нию|ием|ция|ции|ировать|ться|тся|вшись|ая|яя|"
                     r"ое|ее|ые|ие|ого|ому|ый|ий|ой|ешь|ет|ют|ут|ит|ат|ят|ал|ала|али|ил|ила|"
                     r"или|ел|ела|ели|ывая|ивая|ая|ьте|йте|ите|"
                     # a woman's agent noun: водительница, обладательницы
                     r"тельниц[аыеуй]?)$"),
    "en": re.compile(r"(?:ly|ing|ness|ment|tion|ed)$"),
}  # fmt: skip


def common_shape(word: str, lang: str) -> bool:
    shape = _COMMON_SHAPE.get(lang)
    return shape is not None and bool(shape.search(word.lower()))


# Spanish verb endings of a sentence's first word (Reprocha, Jugad, Exigen) and the
# infinitive endings they come from.
_ES_VERB_ENDINGS = (
    ("an", ("ar",)), ("en", ("er", "ir")), ("ad", ("ar",)), ("ed", ("er",)), ("id", ("ir",)),
    ("a", ("ar",)), ("e", ("er", "ir")),
)  # fmt: skip


def es_verb_form(word: str) -> bool:
    """Is ``word`` a Spanish verb form whose infinitive the bilingual dictionary lists
    (Reprocha: reprochar, Jugad: jugar)? A name rarely ends so with a verb under it
    (Costa, Marca may: a sentence's first word, they are weak, not dropped)."""
    low = word.lower()
    for ending, infinitives in _ES_VERB_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            stem = low[: -len(ending)]
            if any(renderings(stem + i, "es", "en", by_stem=False) for i in infinitives):
                return True
    return False


@lru_cache(maxsize=16384)
def name_like(word: str, lang: str) -> bool:
    """Does a capitalised word that opens a sentence look like a name (Obama, Paclík,
    Putin, Francia) rather than a common word (However, Nadie, Однако)? Word lists say:
    a common word is frequent in its language and rarer in the others; a name is rare
    everywhere or travels."""
    word = without_possessive(word)
    if groups_of(word):
        return True
    if lang == "ru" and (known := _ru_dictionary_word(word)) is not None:
        # Known to the dictionary: it says; unknown: a name unless shaped like a word.
        return not known and not common_shape(word, lang)
    low = word.lower().replace("ё", "е")
    own = zipf_in(low, lang)
    # The other languages' lists only when they can change the answer.
    if own >= 5.5 or (own >= WORDED_MIN and _rarer_elsewhere(low, lang, own, _WORDED_GAP)):
        return False  # however, ayer; me, he (frequent everywhere, names are not)
    shape = _COMMON_SHAPE.get(lang)
    if shape is not None and shape.search(low):
        return False
    return not (lang == "es" and es_verb_form(word))


@lru_cache(maxsize=16384)
def ordinary_in(word: str, lang: str) -> bool:
    """Is ``word`` a common word of ``lang`` (Palace, Distrito, Палатой), not a name?"""
    word = without_possessive(word)
    low = word.lower().replace("ё", "е")
    if groups_of(word):
        return False
    if lang == "ru" and (known := _ru_dictionary_word(word)) is not None:
        # Russian capitalises little inside a sentence: a rare dictionary word
        # capitalised there is a name (Зеницы, Пальмиру), a frequent one the first
        # word of an institution (Палатой представителей, Советом).
        return known and zipf_in(low, "ru") >= WORDED_MIN
    stem = ru_stem(low) if lang == "ru" else low
    own = max(zipf_in(low, lang), zipf_in(stem, lang))
    return own >= WORDED_MIN and _rarer_elsewhere(low, lang, own, _WORDED_GAP)


@lru_cache(maxsize=16384)
def ordinary_word(word: str, lang: str) -> bool:
    """Is ``word`` frequent in ``lang`` and much rarer elsewhere (Center, Estadio)?
    Stricter than ``ordinary_in``: used where a wrong yes would hide a changed name."""
    low = word.lower().replace("ё", "е")
    own = zipf_in(low, lang)
    if own < _ORDINARY_MIN or groups_of(word):
        return False
    return _rarer_elsewhere(low, lang, own, _ORDINARY_GAP.get(lang, 1.0))


def excluded(word: str) -> bool:
    """A title, institution noun, month or weekday: capitalised, but not a name."""
    low = word.lower().replace("-", "")
    return low in titles() or low in months_and_days()


# English capitalised adjectives of nationality/religion: lowercase in es/ru.
_EN_ADJECTIVE = re.compile(r"(?:ian|ean|an|ese|ish|ic|i)s?$")


@lru_cache(maxsize=4096)
def en_nationality(word: str) -> bool:
    """Russian, Czech, Germans, Muslim: adjectives or nouns made from a place (or a faith,
    a party) that Spanish and Russian write in lowercase. The ending alone is no proof
    (Paris, Iran, Morsi, Jordan, Titanic are names): the word must also be a known
    demonym or grow from the name of a place it is not itself (Russian/Russia,
    Israeli/Israel, Afghan/Afghanistan)."""
    low = word.lower()
    if low in english_demonyms():
        return True
    if not _EN_ADJECTIVE.search(low):
        return False
    places = _en_place_names()
    if low in _en_single_word_places():
        return False  # Iran, Jordan, Sudan
    stem = re.sub(r"s$", "", low)
    # The place is the stem less a demonym ending plus at most three letters:
    # Ital-ian/Ital-y, Chin-ese/Chin-a, Iraq-i/Iraq; not Mont-i/Mont-enegro.
    for cut in range(len(stem) - 1, 3, -1):
        if len(stem) - cut > 4:
            break
        prefix = stem[:cut]
        if any(
            p.startswith(prefix) and len(p) - cut <= 3 and p != low
            for p in places.get(prefix[:4], ())
        ):
            return True
    return False


@lru_cache(maxsize=1)
def _en_place_names() -> dict[str, tuple[str, ...]]:
    """Latin-script place names (CLDR countries and cities, the hand list), lowercase,
    indexed by their first four letters."""
    index: dict[str, list[str]] = {}
    for group in alias_groups():
        for alias in group:
            for word in re.findall(r"[^\W\d_]{4,}", alias):
                if not re.search(r"[а-яё]", word.lower()):
                    index.setdefault(word.lower()[:4], []).append(unidecode(word.lower()))
    return {k: tuple(set(v)) for k, v in index.items()}


@lru_cache(maxsize=1)
def _en_single_word_places() -> frozenset[str]:
    return frozenset(
        unidecode(alias.lower())
        for group in alias_groups()
        for alias in group
        if re.fullmatch(r"[^\W\d_]+", alias) and not re.search(r"[а-яё]", alias.lower())
    )
