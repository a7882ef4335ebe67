"""Proper names in en/es/ru text, and the check that a translation kept them.

Public API (pure functions):

``extract_names(text, lang) -> list[NameMention]``
    Proper names (one or several capitalised words, "Nicolás Maduro", "The Washington
    Post", "Владимир Путин"), acronyms ("NATO", "U.S.", "EE. UU.", "США") and designations
    with digits ("Su-30MK2", "Су-30МК2", "F-16", "MH17", "COVID-19"). ``key`` is the
    normalised form: transliterated to Latin, accent-free, lowercased, spelling variants
    folded ("kh"/"j"/"h", "y"/"i", "w"/"v", ...). A capitalised word that opens a sentence
    is kept only when it looks like a name (not a common word of the language, capitalised
    elsewhere in the text, or followed by another capitalised word); such mentions, and
    English capitalised adjectives of nationality ("Russian"), are ``weak``.

``find_name(name, name_lang, text, text_lang) -> str | None``
    How ``name`` is written in ``text`` (another language, maybe another script), or None:
    transliteration (Мадуро ↔ Maduro), accents, Russian case endings (Путина, Путиным,
    Венесуэлы), a surname alone for a full name, designations written with Cyrillic
    look-alike letters (Су-30МК2 ↔ Su-30MK2), and a small table of frequent news
    acronyms and exonyms (U.S./EE. UU./США, NATO/OTAN/НАТО, Spain/España/Испания, ...).

``check_names(source, translation, back_translation, src, tgt, sentence_id)``
    ``-> tuple[list[EntityCheck], list[Flag]]``. Flags of kind ``name``: altered (a similar
    but different form stands in the translation: Maduro→Madura, Su-30MK2→Su-30MK3) or
    replaced (the name is missing and an unexplained name stands in the translation) →
    high; missing from translation and back-translation → medium (high for designations);
    missing from the translation but found in the back-translation → ok (the round trip
    resolved an exonym we do not know). ``back_translation`` may be None.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein
from unidecode import unidecode

from xlate.checks.names.aliases import (
    RU_ENDINGS,
    RU_PLACE_ADJECTIVE,
    groups_in,
    groups_of,
    word_keys,
)
from xlate.report import EntityCheck, Flag

# --- word knowledge -----------------------------------------------------------------------

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


@lru_cache(maxsize=1)
def _zipf() -> Callable[[str, str], float]:
    # Imported on first use: loading the word lists takes a second and ~100 MB.
    from wordfreq import zipf_frequency

    return zipf_frequency


@lru_cache(maxsize=16384)
def _zipf_in(word: str, lang: str) -> float:
    return float(_zipf()(word, lang))


@lru_cache(maxsize=1)
def _morph() -> Any:
    # Imported on first use: the dictionary takes a moment and ~15 MB.
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


_RU_PROPER = ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad")


@lru_cache(maxsize=16384)
def _ru_dictionary_word(word: str) -> bool | None:
    """For a Russian word: True if the dictionary knows it only as a common word
    (Палаты, Яблока, Только), False if it knows it as a name (Медведев, Сирии) or not at
    all (Пацлик), None for a word that is not Cyrillic."""
    low = word.lower().replace("ё", "е")
    if not re.fullmatch(r"[а-я\-]+", low):
        return None
    morph = _morph()
    if not morph.word_is_known(low):
        return False
    return not any(tag in parse.tag for parse in morph.parse(low) for tag in _RU_PROPER)


@lru_cache(maxsize=16384)
def _zipf_elsewhere(low: str, lang: str, among: tuple[str, ...] = ("en", "es", "ru")) -> float:
    """The highest Zipf frequency of a lowercased word in the other languages of
    ``among``, as written or transliterated to Latin (names travel; common words don't)."""
    latin = unidecode(low)
    return max(max(_zipf_in(low, o), _zipf_in(latin, o)) for o in among if o != lang)


def _without_possessive(word: str) -> str:
    return re.sub(r"['’]s?$", "", word) or word  # Washington's, Fussell's


@lru_cache(maxsize=16384)
def _common_word(word: str, lang: str) -> bool:
    """Is ``word`` (capitalised in the text) a frequent common word of ``lang``?"""
    low = word.lower().replace("ё", "е")
    own = _zipf_in(low, lang)
    least = _COMMON_MIN.get(lang, 99.0)
    if lang == "ru" and _RU_ADJECTIVE.search(low):
        least = _RU_ADJECTIVE_MIN
    if own < least or groups_of(word):
        return False
    return own - _zipf_elsewhere(low, lang, ("en", "es")) >= _COMMON_GAP[lang]


@dataclass(frozen=True)
class NameMention:
    start: int
    end: int
    text: str
    key: str  # normalised, transliterated, accent-free, lowercased
    # "name" | "acronym" | "designation"
    type: str = "name"
    # Sentence-initial or adjectival: not flagged as missing, only as altered.
    weak: bool = False


# --- normalisation ------------------------------------------------------------------------

# Cyrillic letters that look like Latin ones, for designations (Су-30МК2 = Su-30MK2).
_LOOKALIKE = str.maketrans("АВЕКМНОРСТХаеорсухукмтнв", "ABEKMHOPCTXaeopcyxykmtHB")


def _plain(text: str) -> str:
    """Latin, accent-free, lowercase, letters and digits only."""
    text = text.replace("ё", "е").replace("Ё", "Е")
    text = unidecode(unicodedata.normalize("NFC", text))
    return re.sub(r"[^a-z0-9 ]+", "", text.lower().replace("-", " ")).strip()


_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    ("shch", "š"), ("sch", "š"), ("tch", "č"), ("dzh", "ǰ"), ("zh", "ž"), ("sh", "š"),
    ("ch", "č"), ("kh", "x"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("tz", "ts"),
    ("j", "x"), ("ǰ", "x"), ("h", ""), ("x", "h"), ("w", "v"), ("q", "k"), ("c", "k"),
    ("z", "s"), ("y", "i"), ("ii", "i"), ("ie", "e"), ("ei", "i"),
)  # fmt: skip


@lru_cache(maxsize=16384)
def _skeleton(word: str) -> str:
    """Fold transliteration variants so that Тимошенко and Tymoshenko meet."""
    s = _plain(word).replace(" ", "")
    for old, new in _SKELETON_RULES:
        s = s.replace(old, new)
    s = re.sub(r"(.)\1+", r"\1", s)  # doubled letters: Hollande/Олланд
    if len(s) > 4 and s.endswith("e") and s[-2] not in "aeiou":
        s = s[:-1]
    return s


def _designation_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", unidecode(text).lower())


def _designation_keys(text: str) -> set[str]:
    """Transliterated (Су → su) and look-alike (СВ → CB) readings of a designation."""
    return {_designation_key(text), _designation_key(text.translate(_LOOKALIKE))}


# --- lexicons -----------------------------------------------------------------------------

# Function and very common words that start sentences; never names on their own.
_COMMON: dict[str, set[str]] = {
    "en": set(
        [
            "a",
            "an",
            "the",
            "this",
            "that",
            "these",
            "those",
            "it",
            "its",
            "he",
            "she",
            "they",
            "we",
            "i",
            "you",
            "his",
            "her",
            "their",
            "our",
            "my",
            "your",
            "in",
            "on",
            "at",
            "of",
            "for",
            "to",
            "from",
            "by",
            "with",
            "without",
            "about",
            "after",
            "before",
            "during",
            "since",
            "but",
            "and",
            "or",
            "if",
            "when",
            "while",
            "as",
            "so",
            "because",
            "although",
            "though",
            "yet",
            "also",
            "however",
            "there",
            "here",
            "what",
            "which",
            "who",
            "whom",
            "whose",
            "where",
            "why",
            "how",
            "all",
            "some",
            "many",
            "most",
            "more",
            "no",
            "not",
            "one",
            "two",
            "three",
            "both",
            "each",
            "every",
            "other",
            "such",
            "only",
            "even",
            "still",
            "just",
            "then",
            "now",
            "today",
            "yesterday",
            "tomorrow",
            "last",
            "next",
            "first",
            "second",
            "according",
            "despite",
            "under",
            "over",
            "between",
            "among",
            "against",
            "meanwhile",
            "instead",
            "thus",
            "therefore",
            "moreover",
            "nevertheless",
            "nonetheless",
            "indeed",
            "perhaps",
            "maybe",
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "has",
            "have",
            "had",
            "do",
            "does",
            "did",
            "will",
            "would",
            "can",
            "could",
            "should",
            "may",
            "might",
            "must",
            "let",
            "mr",
            "mrs",
            "ms",
            "dr",
            "sir",
            "st",
            "new",
        ]
    ),
    "es": set(
        [
            "el",
            "la",
            "los",
            "las",
            "un",
            "una",
            "unos",
            "unas",
            "lo",
            "este",
            "esta",
            "estos",
            "estas",
            "ese",
            "esa",
            "esos",
            "esas",
            "aquel",
            "aquella",
            "su",
            "sus",
            "mi",
            "mis",
            "nuestro",
            "nuestra",
            "en",
            "de",
            "del",
            "al",
            "a",
            "con",
            "sin",
            "por",
            "para",
            "sobre",
            "tras",
            "desde",
            "hasta",
            "entre",
            "durante",
            "según",
            "pero",
            "y",
            "o",
            "e",
            "u",
            "ni",
            "si",
            "cuando",
            "mientras",
            "como",
            "porque",
            "aunque",
            "también",
            "además",
            "sin",
            "embargo",
            "hay",
            "aquí",
            "allí",
            "qué",
            "cuál",
            "quién",
            "dónde",
            "cómo",
            "todo",
            "todos",
            "todas",
            "algunos",
            "algunas",
            "muchos",
            "otro",
            "otra",
            "otros",
            "otras",
            "cada",
            "ningún",
            "ninguna",
            "no",
            "ya",
            "aún",
            "solo",
            "sólo",
            "hoy",
            "ayer",
            "mañana",
            "ahora",
            "entonces",
            "así",
            "es",
            "son",
            "fue",
            "era",
            "ha",
            "han",
            "había",
            "será",
            "se",
            "le",
            "les",
            "nos",
            "yo",
            "tú",
            "él",
            "ella",
            "ellos",
            "ellas",
            "usted",
            "primero",
            "segundo",
            "sr",
            "sra",
            "don",
            "doña",
        ]
    ),
    "ru": set(
        [
            "в",
            "во",
            "на",
            "с",
            "со",
            "к",
            "ко",
            "о",
            "об",
            "от",
            "до",
            "по",
            "за",
            "из",
            "у",
            "для",
            "при",
            "про",
            "через",
            "без",
            "над",
            "под",
            "между",
            "и",
            "а",
            "но",
            "или",
            "да",
            "не",
            "ни",
            "же",
            "ли",
            "бы",
            "это",
            "этот",
            "эта",
            "эти",
            "тот",
            "та",
            "те",
            "то",
            "что",
            "как",
            "так",
            "где",
            "когда",
            "если",
            "чтобы",
            "потому",
            "поэтому",
            "однако",
            "также",
            "тоже",
            "уже",
            "еще",
            "ещё",
            "все",
            "всё",
            "весь",
            "вся",
            "он",
            "она",
            "оно",
            "они",
            "мы",
            "вы",
            "я",
            "его",
            "ее",
            "её",
            "их",
            "наш",
            "ваш",
            "свой",
            "кто",
            "который",
            "которая",
            "которые",
            "сегодня",
            "вчера",
            "завтра",
            "сейчас",
            "теперь",
            "тогда",
            "здесь",
            "там",
            "после",
            "перед",
            "во",
            "время",
            "кроме",
            "среди",
            "около",
            "вместе",
            "был",
            "была",
            "было",
            "были",
            "есть",
            "будет",
            "может",
            "можно",
            "нужно",
            "надо",
            "один",
            "одна",
            "первый",
            "второй",
            "господин",
            "г",
        ]
    ),
}
# Titles and capitalised common nouns that precede or stand in for names.
_TITLES: set[str] = set(
    [
        "president",
        "presidente",
        "президент",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sr",
        "sra",
        "srta",
        "don",
        "dona",
        "doña",
        "minister",
        "ministro",
        "министр",
        "prime",
        "primer",
        "премьер",
        "премьерминистр",
        "general",
        "gen",
        "senator",
        "senador",
        "сенатор",
        "king",
        "rey",
        "король",
        "queen",
        "reina",
        "королева",
        "pope",
        "papa",
        "папа",
        "prince",
        "principe",
        "príncipe",
        "принц",
        "governor",
        "gobernador",
        "губернатор",
        "mayor",
        "alcalde",
        "мэр",
        "chancellor",
        "canciller",
        "канцлер",
        "secretary",
        "secretario",
        "секретарь",
        "judge",
        "juez",
        "судья",
        "director",
        "директор",
        "ceo",
        "chairman",
        "chairwoman",
        "presidenta",
        "sir",
        "lord",
        "lady",
        "saint",
        "san",
        "santa",
        "st",
        "government",
        "gobierno",
        "правительство",
        "parliament",
        "parlamento",
        "парламент",
        "congress",
        "congreso",
        "конгресс",
        "senate",
        "senado",
        "сенат",
        "court",
        "tribunal",
        "суд",
        "state",
        "estado",
        "государство",
        "republic",
        "república",
        "республика",
        "ministry",
        "ministerio",
        "министерство",
        "party",
        "partido",
        "партия",
        "army",
        "ejército",
        "армия",
        "police",
        "policía",
        "полиция",
        "council",
        "consejo",
        "совет",
        "committee",
        "comité",
        "комитет",
        "union",
        "unión",
        "союз",
        "national",
        "nacional",
        "federal",
        "internet",
        "web",
        "north",
        "south",
        "east",
        "west",
        "norte",
        "sur",
        "este",
        "oeste",
    ]
)
_MONTHS_DAYS: set[str] = set(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "setiembre",
        "octubre",
        "noviembre",
        "diciembre",
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
    ]
)
# English capitalised adjectives of nationality/religion: lowercase in es/ru.
_EN_ADJECTIVE = re.compile(r"(?:ian|ean|an|ese|ish|ic|i)s?$")
_EN_DEMONYMS = {"czech", "czechs", "dutch", "french", "greek", "greeks", "swiss", "thai",
                "welsh", "scots", "irish", "english", "british", "basque", "catalan", "slovak",
                "slovaks", "serb", "serbs", "croat", "croats", "arab", "arabs", "jew", "jews",
                "turk", "turks", "pole", "poles", "dane", "danes", "swede", "swedes", "finn",
                "finns", "euro", "euros", "spanish", "polish", "danish", "finnish",
                "norwegian", "portuguese", "filipino", "latino", "latinos", "hispanic",
                "muslim", "muslims", "christian", "christians", "catholic", "catholics",
                "protestant", "orthodox", "jewish", "islamic", "islamist", "islamists",
                "buddhist", "hindu", "shiite", "shiites", "sunni", "sunnis", "kurd", "kurds",
                "kurdish", "republican", "republicans", "democrat", "democrats",
                "democratic", "socialist", "socialists", "communist", "communists",
                "conservative", "conservatives", "liberal", "liberals", "soviet", "nazi",
                "nazis", "bolshevik", "marxist", "asian", "african", "european", "western",
                "eastern", "northern", "southern", "arabic", "latin", "saudi", "saudis",
                "icelandic", "maltese", "balkan", "caucasian", "slavic", "nordic",
                "scandinavian", "baltic", "anglo", "gaelic", "afghan", "afghans"}  # fmt: skip
_TAIL = re.compile(r"['’]s?$|-(?=[a-zа-яё])")
_CONNECTORS: dict[str, set[str]] = {
    "en": {"of", "the", "de", "van", "von", "bin", "al", "da", "del", "la", "le"},
    "es": {"de", "del", "la", "las", "los", "van", "von", "al", "bin"},
    "ru": {"де", "фон", "ван", "бен", "аль"},
}

_RU_ENDINGS = RU_ENDINGS

_TOKEN = re.compile(
    r"(?P<dotted>(?:\b[A-ZА-Я](?:[a-zа-я]|[A-Z](?=[A-Z]?\.))?\.\s?){2,})"  # U.S., EE.UU., U.N.
    r"|(?P<designation>\b[A-ZА-Я][A-Za-zА-Яа-яЁё]{0,7}-?\d+(?:[-/]?[A-Za-zА-Яа-я0-9]+)*\b)"
    r"|(?P<word>[^\W\d_]+(?:['’\-][^\W\d_]+)*)"
)
# An opening quote sticks to its word (“Hoy...”); after a closing one ('," Paclík said')
# a capitalised word is no sentence start.
_SENTENCE_END = re.compile(
    r"(?:^|[.!?…:;]\s*[\"'“”«»„()\-–—‘’]*\s*|(?:^|\s)[\"'“«„‘(¿¡]+|[-–—]\s+|\n\s*)$"
)


# A full stop after a title or an initial ends no sentence: "Mr. Kelly", "Paul J. Browne",
# "Sr. Maduro", "г. Путин", "Dr. Smith".
_ABBREVIATION_BEFORE = re.compile(
    r"(?:^|[\s(])(?:[A-ZА-ЯЁ]|Mr|Mrs|Ms|Dr|Prof|Sr|Sra|Srta|Dra|St|Sen|Rep|Gov|Gen|Col|Lt|"
    r"Capt|Sgt|Adm|Gral|Lic|Ing|Mme|Mlle|Messrs|Hon|Rev|Fr|Gob|Dip|Pres|г|гг|тов|им|ген|"
    r"проф|акад)\.\s*$"
)


def _is_initial(text: str, start: int) -> bool:
    before = text[:start]
    if _ABBREVIATION_BEFORE.search(before):
        return False
    return bool(_SENTENCE_END.search(before))


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# --- extraction ---------------------------------------------------------------------------


def extract_names(text: str, lang: str) -> list[NameMention]:
    """Names, acronyms and designations of ``text`` in document order."""
    tokens = list(_TOKEN.finditer(text))
    caps_inside = {
        _plain(m.group()) for m in tokens if m.group("word") and not _is_initial(text, m.start())
        and _is_capitalised(m.group())
    }  # fmt: skip
    out: list[NameMention] = []
    i = 0
    while i < len(tokens):
        m = tokens[i]
        if m.group("dotted"):
            raw = m.group().rstrip()
            out.append(NameMention(m.start(), m.start() + len(raw), raw, _plain(raw), "acronym"))
            i += 1
            continue
        if m.group("designation"):
            raw = m.group()
            out.append(NameMention(m.start(), m.end(), raw, _designation_key(raw), "designation"))
            i += 1
            continue
        word = m.group()
        if _is_initial(text, m.start()) and word.lower() in _COMMON.get(lang, set()):
            i += 1
            continue
        if (
            not _is_capitalised(word)
            or _ROMAN.match(word)
            or (_excluded(word) and not _opens_place(tokens, i, text))
        ):
            i += 1
            continue
        # Grow a multiword name: capitalised words, with connectors between them.
        j = i + 1
        last = i
        while j < len(tokens):
            gap = text[tokens[j - 1].end() : tokens[j].start()]
            if gap not in (" ", "\u00a0") or not tokens[j].group("word"):
                break
            nxt = tokens[j].group()
            if _is_capitalised(nxt) and not _excluded(nxt):
                last = j
            elif nxt.lower() not in _CONNECTORS.get(lang, set()):
                break
            j += 1
        if (
            last > i
            and _is_initial(text, m.start())
            and not _name_like(word, lang)
            and not groups_of(text[m.start() : tokens[last].end()])
        ):
            i += 1  # "Только Сальвидар": a common word opens it (not Nueva York)
            continue
        if last > i and lang == "ru":
            # Russian puts a genitive beside a name: "соседи Сирии Турция", "канцлер
            # Германии Ангела Меркель", "Советом Мексики". A known place at either edge
            # of the run is a name of its own.
            if _lone_place(word) and not groups_of(text[m.start() : tokens[last].end()]):
                last = i
            elif _lone_place(tokens[last].group()) and not groups_of(
                text[m.start() : tokens[last].end()]
            ):
                last -= 1
                while last > i and not _is_capitalised(tokens[last].group()):
                    last -= 1
        start, end = m.start(), tokens[last].end()
        # "IBM's" → "IBM", "Zurich-based" → "Zurich": the name without its English tail.
        tail = _TAIL.search(text, start, end)
        if tail is not None and tail.start() > start:
            end = tail.start()
        raw = text[start:end]
        if len(raw) < 2 or raw.lower() in ("г-н", "г-жа"):
            i = last + 1  # a single letter ("an A road", "T-shirt"), "Г-н" (Mr)
            continue
        if _is_acronym(raw) and last == i:
            out.append(NameMention(start, end, raw, _plain(raw), "acronym"))
            i = last + 1
            continue
        weak = False
        if _is_initial(text, start) and last == i:
            folded = word.lower()
            if folded in _COMMON.get(lang, set()):
                i += 1
                continue
            weak = _plain(word) not in caps_inside and not _name_like(word, lang)
        if lang == "en" and last == i and _en_nationality(word):
            weak = True
        out.append(NameMention(start, end, raw, _plain(raw), "name", weak))
        i = last + 1
    return out


# Endings of common words that open sentences but are rare in word lists: Spanish adverbs,
# gerunds, verb forms with clitics; Russian adverbial participles, abstract nouns,
# adjectives and verbs.
_COMMON_SHAPE = {
    "es": re.compile(r"(?:mente|ando|iendo|aban|aba|ían|ía|ieron|aron|amos|emos|imos|ción|"
                     r"ciones|dad|dades|ísimo|ísima|"
                     r"(?:[aeiáéí]r|[aeiáé]ndo)(?:lo|la|los|las|le|les|se|me|nos))$"),
    "ru": re.compile(r"(?:ость|ости|ние|ния|нию|ием|ция|ции|ировать|ться|тся|вшись|ая|яя|"
                     r"ое|ее|ые|ие|ого|ому|ый|ий|ой|ешь|ет|ют|ут|ит|ат|ят|ал|ала|али|ил|ила|"
                     r"или|ел|ела|ели|ывая|ивая|ая|ьте|йте|ите)$"),
    "en": re.compile(r"(?:ly|ing|ness|ment|tion|ed)$"),
}  # fmt: skip


def _common_shape(word: str, lang: str) -> bool:
    shape = _COMMON_SHAPE.get(lang)
    return shape is not None and bool(shape.search(word.lower()))


@lru_cache(maxsize=16384)
def _name_like(word: str, lang: str) -> bool:
    """Does a capitalised word that opens a sentence look like a name (Obama, Paclík,
    Putin, Francia) rather than a common word (However, Nadie, Однако)? Word lists say:
    a common word is frequent in its language and rarer in the others; a name is rare
    everywhere or travels."""
    word = _without_possessive(word)
    if groups_of(word):
        return True
    if lang == "ru" and (known := _ru_dictionary_word(word)) is not None:
        # Known to the dictionary: it says; unknown: a name unless shaped like a word.
        return not known and not _common_shape(word, lang)
    low = word.lower().replace("ё", "е")
    own = _zipf_in(low, lang)
    other = _zipf_elsewhere(low, lang)
    if (own >= _WORDED_MIN and own - other >= _WORDED_GAP) or own >= 5.5:
        return False  # however, ayer; me, he (frequent everywhere, names are not)
    shape = _COMMON_SHAPE.get(lang)
    return not (shape is not None and shape.search(low))


_ROMAN = re.compile(r"^[IVXLC]{2,}(?:th|st|nd|rd|e|о|го|й)?$|^[IVX]+$")


def _opens_place(tokens: list[re.Match[str]], i: int, text: str) -> bool:
    """Does a title-like word open a known place with the next word (South Africa, North
    Korea, New York)?"""
    if i + 1 >= len(tokens) or text[tokens[i].end() : tokens[i + 1].start()] != " ":
        return False
    return bool(groups_of(f"{tokens[i].group()} {tokens[i + 1].group()}"))


def _lone_place(word: str) -> bool:
    return bool(groups_of(word)) and not _is_acronym(word)


def _excluded(word: str) -> bool:
    low = word.lower().replace("-", "")
    return low in _TITLES or low in _MONTHS_DAYS


# --- finding a name in another text -------------------------------------------------------


def _forms(word: str, lang: str) -> set[str]:
    """Skeletons a word may stand for: itself and, in Russian, its case-less stems."""
    base = _skeleton(word)
    forms = {base}
    low = word.lower().replace("ё", "е")
    if lang == "ru" or re.search(r"[а-я]", low):
        for ending in _RU_ENDINGS:
            if low.endswith(ending) and len(low) - len(ending) >= 3:
                forms.add(_skeleton(low[: -len(ending)]))
        adjective = RU_PLACE_ADJECTIVE.search(low)
        if adjective is not None and adjective.start() >= 3:
            forms.add(_skeleton(low[: adjective.start()]))  # Нобелевской → Нобел
    elif len(base) > 4 and base[-1] in "aeiou":
        forms.add(base[:-1])  # Venezuela ↔ Венесуэл-ы, Mexico ↔ Мексик-е
    return forms


def _significant(mention: NameMention) -> list[tuple[int, int, str]]:
    """The words of a name worth finding: not connectors, titles or initials."""
    words = []
    # Hyphenated names count word by word: Berlin-Mitte is found as Mitte, Нью-Йоркской
    # as York.
    for m in re.finditer(r"[^\W\d_]+(?:['’][^\W\d_]+)*", mention.text):
        w = m.group()
        if len(w) < 2 or not _is_capitalised(w) or _excluded(w):
            continue
        words.append((mention.start + m.start(), mention.start + m.end(), w))
    return words


def _ru_stem(word: str) -> str:
    word = word.replace("ё", "е")
    for ending in _RU_ENDINGS:
        if word.lower().endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    text: str
    lang: str
    initial: bool = False  # opens a sentence: capitalised for that reason alone


@lru_cache(maxsize=512)
def _candidates(text: str, lang: str) -> tuple[_Candidate, ...]:
    """Every word and designation of ``text`` (names may be lowercase adjectives there).

    Cached: one translation is searched once per name of its source, by several checks."""
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group().rstrip()
        if m.group("word") and lang == "en":
            raw = _without_possessive(raw)
        out.append(_Candidate(m.start(), m.start() + len(raw), raw, lang,
                              _is_initial(text, m.start())))  # fmt: skip
        if m.group("word") and "-" in raw:
            for part in re.finditer(r"[^\W\d_]{2,}", raw):
                out.append(_Candidate(m.start() + part.start(), m.start() + part.end(),
                                      part.group(), lang))  # fmt: skip
    return tuple(out)


def _word_verdict(word: str, word_lang: str, cand: _Candidate) -> str | None:
    """ "same", "similar" or None for one name word against one word of the other text."""
    if not _is_capitalised(cand.text) or (
        cand.initial and cand.text.lower() in _COMMON.get(cand.lang, ())
    ):
        return None  # "Tras" opening a sentence is no rendering of Турции
    a, b = _forms(word, word_lang), _forms(cand.text, cand.lang)
    same_script = _script(word) == _script(cand.text)
    if same_script and _script(word) == "latn":
        # Latin to Latin: no case endings to strip (Maduro ≠ Madura).
        a, b = {_skeleton(word)}, {_skeleton(cand.text)}
    if a & b:
        return "same"
    if same_script:
        # In one script an altered name differs by a letter or two in place
        # (Maduro/Madura); exonyms and cognates differ otherwise (Ireland/Irlanda).
        pa, pb = _plain(word), _plain(cand.text)
        if len(pa) != len(pb) or len(pa) < 4:
            return None
        diffs = [k for k, (p, q) in enumerate(zip(pa, pb, strict=True)) if p != q]
        if len(diffs) == 1 and diffs[0] == len(pa) - 1 and {pa[-1], pb[-1]} in _COGNATE_ENDS:
            return None  # English -e, Spanish -a/-o: Eurozone/Eurozona, Europe/Europa
        if word_lang != cand.lang and any(_cognate_letter(pa, pb, k) for k in diffs):
            return None  # Education/Educación, Federation/Federación
        return "similar" if len(diffs) == 1 or (len(diffs) == 2 and len(pa) >= 6) else None
    distance = _consonant_distance(word, cand.text)
    sounds = min(len(c) for c in _consonants(word))
    if distance == 0 and sounds >= 2:
        return "same"
    if _place_adjective(word, word_lang, cand) and _same_root(word, cand.text):
        return "same"  # Британского/British, Мексиканского/Mexico: the place's adjective
    sa, sb = _skeleton(word), _skeleton(cand.text)
    if min(len(sa), len(sb)) < 4:
        return None
    best, x, y = max((fuzz.ratio(x, y), x, y) for x in a for y in b)
    if best < 75:
        return "similar" if distance == 1 and sounds >= 3 and best >= 60 else None
    # Across scripts, conventions differ (Hamburg/Гамбург, Buffett/Баффет): a close
    # form is the rendering unless a consonant stands where no convention puts one.
    return "similar" if _foreign_consonant(x, y) else "same"


def _cognate_letter(a: str, b: str, k: int) -> bool:
    """English t, Spanish c before -ion (Revolution/Revolución)."""
    return {a[k], b[k]} == {"t", "c"} and a[k + 1 : k + 3] == "io"


_COGNATE_ENDS = ({"e", "a"}, {"e", "o"})
_VOWELISH = set("aeiouyhjx")
# Consonant pairs that transliteration conventions swap (measured on newstest2012 names:
# Hamburg/Гамбург, Charles/Чарлз, Brussels/Брюссель, Bohemia/Богемия, ...).
_CONVENTIONS = {
    frozenset(p)
    for p in ("ks", "sš", "kč", "čh", "bv", "gh", "kh", "dt", "sž", "vu", "čš", "čt", "sc",
              "zs", "žš", "kg", "lr")
}  # fmt: skip


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
        if frozenset((x, y)) not in _CONVENTIONS:
            return True
    return False


def _script(word: str) -> str:
    return "cyrl" if re.search(r"[А-Яа-яЁё]", word) else "latn"


def _locate(
    mention: NameMention, lang: str, text: str, text_lang: str, strict_groups: bool = True
) -> tuple[str, str | None, list[_Candidate]]:
    """("same", rendering, []) | ("similar", None, altered forms) | ("absent", None, []).

    ``strict_groups``: a known place must be spelt as we know it (see below)."""
    cands = _candidates(text, text_lang)
    if mention.type == "designation":
        similar = []
        wanted = _designation_keys(mention.text)
        for c in cands:
            keys = _designation_keys(c.text)
            if keys & wanted:
                return "same", c.text, []
            if (
                re.search(r"\d", c.text)
                and max(fuzz.ratio(a, b) for a in keys for b in wanted) >= 60
            ):
                similar.append(c)
        return ("similar", None, similar) if similar else ("absent", None, [])
    groups = groups_of(mention.text)
    if groups:
        present = groups_in(text)
        hit = next((present[g] for g in groups if g in present), None)
        if hit is not None:
            return "same", hit, []
    if mention.type == "acronym":
        letters = _acronym_key(mention.text)
        near = []
        for c in cands:
            if not _is_acronym(c.text):
                continue
            key = _acronym_key(c.text)
            if key == letters:
                return "same", c.text, []
            if _one_letter_off(letters, key) and (
                _script(c.text) == _script(mention.text) or len(key) >= 4
            ):
                near.append(c)  # ГСП is no altered GMP: a translated acronym
        # NCUA → NYUA; reordered letters are another language's acronym (NATO/OTAN).
        return ("similar", None, near) if near else ("absent", None, [])
    words = _significant(mention)
    found: str | None = None
    altered: list[_Candidate] = []
    hits: list[_Candidate] = []
    unmatched: list[str] = []
    similar_of: dict[str, list[_Candidate]] = {}
    present_groups: dict[int, str] | None = None
    for _, _, word in words:
        word_hit = None
        word_similar = []
        word_groups = groups_of(word) if len(words) > 1 else frozenset()
        if word_groups:
            # A known place inside a longer run: Turquía y Jordania, Polonia y Ucrania.
            present_groups = present_groups if present_groups is not None else groups_in(text)
            spelt = next((present_groups[g] for g in word_groups if g in present_groups), None)
            if spelt is not None:
                found = found or spelt
                hits.append(next((c for c in cands if c.text in spelt), cands[0]))
                continue
        for c in cands:
            verdict = _word_verdict(word, lang, c)
            if verdict == "same":
                word_hit = c
                break
            if verdict == "similar":
                word_similar.append(c)
        if word_hit is not None:
            found = found or word_hit.text
            hits.append(word_hit)
        elif word_similar:
            similar_of[word] = word_similar
        else:
            unmatched.append(word)
    for word, word_similar in similar_of.items():
        # Across scripts a first or middle name has many spellings (Мириас Оспина,
        # Есихико Нода) once the surname is found: the surname is the test.
        if word == words[-1][2] or _script(word) == _script(text) or not hits:
            altered.extend(word_similar)
    if hits and unmatched and _script(mention.text) == _script(text):
        # Part of a multiword name came through (Petr Jiracek → Петр ...): a first name
        # may be dropped, but a capitalised neighbour of the part found that resembles
        # the missing word is that word altered (Warren Buffett → Уоррев Баффет).
        altered.extend(_altered_neighbours(unmatched, lang, hits, cands, text))
    if altered:
        return "similar", found, altered
    if (
        strict_groups
        and groups
        and len(words) == 1
        and len(hits) == 1
        and _script(hits[0].text) != _script(mention.text)
        and _consonant_distance(words[0][2], hits[0].text) <= 1
        and not groups_of(hits[0].text)  # Мехико/México: another place we know
        and not _derived_adjective(words[0][2], hits[0])  # Британского/British
        and _length_gap(words[0][2], lang, hits[0]) <= 1
        and any(_script(alias) == _script(hits[0].text) for g in groups for alias in _group(g))
    ):
        # A place we know the spelling of (Libya/Ливия, Germany/Германия) that is not
        # spelt so, though it sounds alike: altered (Гцрмании, Ливиы).
        return "similar", None, hits
    if found is not None:
        return "same", found, []
    return "absent", None, []


def _derived_adjective(word: str, cand: _Candidate) -> bool:
    """Is either side an adjective made of the place (Британского, British, Mexicano)?"""
    return any(
        bool(RU_PLACE_ADJECTIVE.search(w.lower()))
        or (lang == "en" and _en_nationality(w))
        or bool(re.search(r"(?:an|ano|ana|és|esa|ense|ino|ina)s?$", w.lower()))
        for w, lang in ((word, _lang_of(word)), (cand.text, cand.lang))
    )


def _place_adjective(word: str, lang: str, cand: _Candidate) -> bool:
    """Is one side a Russian adjective made of a place (Британского) or an English
    nationality word (British)? Narrower than ``_derived_adjective``: names in -ina, -ano
    (Cristina, Luciano) must still match letter by letter."""
    return any(
        bool(RU_PLACE_ADJECTIVE.search(w.lower())) if _script(w) == "cyrl"
        else (wl == "en" and _en_nationality(w))
        for w, wl in ((word, lang), (cand.text, cand.lang))
    )  # fmt: skip


def _same_root(a: str, b: str) -> bool:
    """Do two words start with the same three consonant sounds (Brit-, Mex-/Мекс-)?"""
    return any(
        len(x) >= 3 and len(y) >= 3 and x[:3] == y[:3]
        for x in _consonants(a)
        for y in _consonants(b)
    )


def _lang_of(word: str) -> str:
    return "ru" if _script(word) == "cyrl" else "en"


def _length_gap(word: str, lang: str, cand: _Candidate) -> int:
    """How many letters apart a word and a candidate are, endings aside (Мексики and
    Mexicano are two apart: a derived word, not the name altered)."""
    theirs = _forms(cand.text, cand.lang)
    return min(abs(len(x) - len(y)) for x in _forms(word, lang) for y in theirs)


def _group(gid: int) -> tuple[str, ...]:
    from xlate.checks.names.aliases import alias_groups

    return alias_groups()[gid]


def _altered_neighbours(
    missing: list[str], lang: str, hits: list[_Candidate], cands: Sequence[_Candidate], text: str
) -> list[_Candidate]:
    """Capitalised words next to the found part of a name that resemble a missing word."""
    hit_spans = {(h.start, h.end) for h in hits}
    out = []
    for c in cands:
        if (
            (c.start, c.end) in hit_spans
            or not _is_capitalised(c.text)
            or _excluded(c.text)
            or _zipf_in(c.text.lower(), c.lang) >= _NEIGHBOUR_WORD  # Doctrina, Distrito
            or groups_of(c.text)
        ):
            continue
        beside = any(
            (0 < c.start - h.end <= 1 and text[h.end : c.start] in (" ", "\u00a0", "-"))
            or (0 < h.start - c.end <= 1 and text[c.end : h.start] in (" ", "\u00a0", "-"))
            for h in hits
        )
        if beside and any(
            _resembles(word, lang, c) and not _ordinary_word(word, lang) for word in missing
        ):
            out.append(c)
    return out


# A neighbour this frequent (Zipf) in its language is a word translated with the name
# (Feres Doctrine → Doctrina Feres), not the name altered.
_NEIGHBOUR_WORD = 3.6


def _resembles(word: str, lang: str, cand: _Candidate) -> bool:
    """Loose likeness, for a word already placed inside a name (see _altered_neighbours)."""
    if _script(word) == _script(cand.text):
        return fuzz.ratio(_plain(word), _plain(cand.text)) >= 50
    sounds = min(len(c) for c in _consonants(word))
    if _consonant_distance(word, cand.text) <= max(1, sounds // 2):
        return True
    a, b = _forms(word, lang), _forms(cand.text, cand.lang)
    return max(fuzz.ratio(x, y) for x in a for y in b) >= 50


# Acronyms are transliterated letter by letter (NHL/НХЛ, P. K./П.К.).
_ACRONYM_LETTERS = str.maketrans(
    {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "j", "з": "z",
     "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
     "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c",
     "ш": "s", "щ": "s", "э": "e", "ю": "u", "я": "a", "ы": "y"}
)  # fmt: skip


def _one_letter_off(a: str, b: str) -> bool:
    return len(a) == len(b) >= 2 and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _acronym_key(text: str) -> str:
    low = text.lower().translate(_ACRONYM_LETTERS)
    return re.sub(r"[^a-z0-9]", "", unidecode(low))


def find_name(name: str, name_lang: str, text: str, text_lang: str) -> str | None:
    """The rendering of ``name`` in ``text`` (see the module docstring), or None."""
    mentions = extract_names(name, name_lang) or [
        NameMention(0, len(name), name, _plain(name), "name")
    ]
    mention = max(mentions, key=lambda m: m.end - m.start)
    status, rendering, _ = _locate(mention, name_lang, text, text_lang)
    return rendering if status == "same" else None


# --- check --------------------------------------------------------------------------------


def _explained(mention: NameMention, lang: str, text: str, text_lang: str) -> bool:
    """Does ``text`` account for ``mention`` (as a name, an altered name or any word)?"""
    if _locate(mention, lang, text, text_lang)[0] != "absent":
        return True
    if mention.type != "name":
        return False
    # A lowercase word of the other text may render it ("the euro", "интернет").
    words = {f for m in _WORD.finditer(text) for f in _forms(m.group(), text_lang)}
    return any(_forms(w, lang) & words for _, _, w in _significant(mention))


_WORD = re.compile(r"[^\W\d_]{3,}")


def _looks_like_rendering(a: NameMention, b: NameMention) -> bool:
    """An exonym or cognate rather than another name: Brandenburg/Brandenburgo,
    Thailand/Tailandia, Eurozone/Eurozona, Euro/Eurocopa; for acronyms, the same letters
    in another order (NATO/OTAN, IMF/FMI)."""
    if a.type == "acronym" and b.type == "acronym":
        return sorted(_acronym_key(a.text)) == sorted(_acronym_key(b.text))
    for short, long in ((a, b), (b, a)):
        # ADB / Banco Asiático de Desarrollo: an acronym spelt out in the other language.
        if short.type == "acronym" and long.type == "name":
            initials = [w[0].lower() for _, _, w in _significant(long)]
            if len(initials) >= 2 and sorted(initials) == sorted(_acronym_key(short.text)):
                return True
    for _, _, wa in _significant(a):
        for _, _, wb in _significant(b):
            ka, kb = _skeleton(wa), _skeleton(wb)
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


def _name_flag(s: NameMention, found: list[str], reason: str) -> Flag:
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
    """Check that each name of ``source`` survived in ``translation`` (see module doc).

    Only evidence of a change is flagged: an altered form, or a source name gone while
    the translation names something the source does not explain (and, with a round trip,
    the back-translation confirms it). A name that is merely absent (a pronoun, an
    adjective, a rephrasing) is recorded as "missing" without a flag.
    """
    src_names = extract_names(source, src)
    tgt_names = extract_names(translation, tgt)
    # Without a round trip, word knowledge stands in for it: common words (House/Cámara)
    # are weak evidence of a name. A round trip settles those by itself (House comes back).
    weigh_words = True
    unexplained = [
        t for t in tgt_names
        if not t.weak and not (weigh_words and _common_name(t, tgt))
        and not _explained(t, tgt, source, src)
    ]  # fmt: skip
    back_confirms = False
    newcomers: list[NameMention] = []
    if back_translation is not None:
        # The way back brought a name the source does not have: the replacement travelled.
        newcomers = [
            b for b in extract_names(back_translation, src)
            if not b.weak and not _common_name(b, src) and not _worded(b, src)
            and _locate(b, src, source, src)[0] != "same"
            and not _explained_same_language(b, src, source)
        ]  # fmt: skip
        back_confirms = bool(newcomers)
    checks: list[EntityCheck] = []
    flags: list[Flag] = []
    absent: list[tuple[NameMention, EntityCheck, bool]] = []
    renderings: dict[str, list[tuple[NameMention, EntityCheck, bool]]] = {}
    seen_as: dict[tuple[int, int], str] = {}
    for s in src_names:
        status, _rendering, altered = _locate(s, src, translation, tgt)
        in_back = False
        if back_translation is not None:
            in_back = _locate(s, src, back_translation, src)[0] == "same"
        check = EntityCheck(
            kind="name",
            sentence_id=sentence_id,
            text=s.text,
            value=s.key,
            in_translation=status == "same",
            in_back_translation=in_back,
        )
        checks.append(check)
        if status == "similar":
            # Center/Centro, District/Distrito inside an institution's name: common nouns
            # that look alike are a translation, not a name altered.
            altered = [c for c in altered if not _cognate_nouns(s, src, c)]
            status = "similar" if altered else ("same" if _rendering else "absent")
            if status == "absent":
                check.status = "missing"
                absent.append((s, check, in_back))
        if status == "similar" and (
            _adjectival(s, src)
            or _translated_common_words(s.text, src, [c.text for c in altered], tgt)
        ):
            status = "same"  # Center -> Centro: a common word translated, not a name altered
            check.in_translation = True
        if status == "similar":
            check.status = "changed"
            check.found = [c.text for c in altered]
            shown = ", ".join(repr(c.text) for c in altered)
            flags.append(_name_flag(s, check.found, f"name {s.text!r} appears altered: {shown}"))
        elif status == "absent":
            check.status = "missing"
            absent.append((s, check, in_back))
        elif status == "same" and s.type == "name" and _significant(s):
            # Mentions of one person or place share the last word (Miroslav Pelta, Pelta).
            renderings.setdefault(_skeleton(_significant(s)[-1][2]), []).append((s, check, in_back))
            seen_as[(s.start, s.end)] = _rendering or ""
    # A name found only in part or fewer times than the source says may have lost the
    # rest to another name: Келли Сойер → Kelly ... Mario Monti; Pelta ... Pelta →
    # Pelta ... Iran. Such mentions may pair with a stand-in below; alone they are fine
    # (a dropped repeat or first name).
    partial: list[tuple[NameMention, EntityCheck, bool]] = []
    cands = _candidates(translation, tgt)
    for found in renderings.values():
        surname = _significant(found[0][0])[-1][2] if _significant(found[0][0]) else ""
        times = sum(_word_verdict(surname, src, c) == "same" for c in cands) if surname else 0
        # A known place is found through its group (China/Китай), not letter by letter.
        spelt = {seen_as.get((e[0].start, e[0].end), "") for e in found} - {""}
        if not times:
            times = sum(len(re.findall(rf"(?<!\w){re.escape(r)}(?!\w)", translation))
                        for r in spelt)  # fmt: skip
        extra = found[times:] if surname and len(found) > times else []
        for entry in found:
            if entry in extra or _surname_missing(entry[0], src, translation, tgt):
                partial.append(entry)
    # A name of the translation that only resembles a source name whose other mention
    # came through (Pelta ... Pelta → Pelta ... Pclta, IBM ... IBM → IBM ... IWR).
    flagged_spans = {tuple(f.span) for f in flags if f.span}
    for t in tgt_names:
        if t.weak and t.type == "name":
            continue
        status, _, near = _locate(t, tgt, source, src, strict_groups=False)
        if status != "similar":
            continue
        owner = next(
            (x for x in src_names for c in near if x.start <= c.start and c.end <= x.end), None
        )
        if (
            owner is None
            or owner.weak
            or _adjectival(owner, src)
            or (owner.start, owner.end) in flagged_spans
        ):
            continue
        if _translated_common_words(owner.text, src, [t.text], tgt) or any(
            _cognate_nouns(t, tgt, c) for c in near
        ):
            continue  # Federación/Федерация: common nouns alike, translated
        flagged_spans.add((owner.start, owner.end))
        flags.append(
            _name_flag(owner, [t.text], f"name {owner.text!r} appears altered: {t.text!r}")
        )
    # An unexplained translation name that resembles an absent source name is its
    # rendering (an exonym we do not list), not a replacement.
    for s, check, _ in absent:
        twin = next((t for t in unexplained if _looks_like_rendering(s, t)), None)
        if twin is None:
            continue
        unexplained.remove(twin)
        check.found = [twin.text]
        if groups_of(s.text):
            # We know how this place is spelt, and this is not it: Vienna → Vcena.
            check.status = "changed"
            flags.append(
                _name_flag(s, [twin.text], f"name {s.text!r} appears altered: {twin.text!r}")
            )
        else:
            check.status = "ok"
    pending = [(s, check, in_back, False) for s, check, in_back in absent]
    pending += [(s, check, in_back, True) for s, check, in_back in partial]
    for s, check, in_back, found_in_part in pending:
        # Sentence-initial words are mostly not names (weak); adjectives are lowercase.
        if (
            (check.status == "ok" and not found_in_part)
            or (s.weak and found_in_part)
            or _adjectival(s, src)
            or (weigh_words and (_common_name(s, src) or _worded(s, src)))
        ):
            continue
        if found_in_part:
            if unexplained and (back_translation is None or not in_back):
                _pair_stand_in(s, check, source, src, unexplained, translation, tgt, flags)
            continue
        if not unexplained:
            if (
                back_translation is not None
                and not in_back
                and not s.weak
                and s.type == "name"
                and not any(_ordinary_in(w, src) for _, _, w in _significant(s))
                and any(
                    abs(_position(b, back_translation) - _position(s, source)) <= _MAX_SHIFT
                    for b in newcomers
                )
            ):
                # Gone both ways while the way back names something new: a replacement
                # whose translated form we could not single out.
                check.status = "changed"
                flags.append(
                    _name_flag(
                        s,
                        [],
                        f"name {s.text!r} is missing both ways; "
                        "the back-translation names something else",
                    )
                )
            continue
        if back_translation is not None and in_back and not back_confirms:
            continue  # the round trip resolved it: an exonym or paraphrase we do not read
        _pair_stand_in(s, check, source, src, unexplained, translation, tgt, flags)
    return checks, flags


def _pair_stand_in(
    s: NameMention,
    check: EntityCheck,
    source: str,
    src: str,
    unexplained: list[NameMention],
    translation: str,
    tgt: str,
    flags: list[Flag],
) -> None:
    """Flag ``s`` as replaced by the nearest unexplained translation name that could
    stand in for it, if any (and use that name up)."""
    stand_ins = [t for t in unexplained if _could_replace(s, source, src, t, translation, tgt)]
    if s.weak and _common_shape(s.text, src):
        return  # Simbólicamente, Однако: a common word, whatever stands beside it
    if s.weak:
        # A capitalised word that opens the source sentence may be a common word: only a
        # name opening the translation too stands in for it (Fujimori, ... → Саркози, ...).
        stand_ins = [t for t in stand_ins if _position(t, translation) - _position(s, source) < 0.1]
    if not stand_ins:
        return
    same_type = [t for t in stand_ins if t.type == s.type]
    other = min(
        same_type or stand_ins,
        key=lambda t: abs(_position(s, source) - _position(t, translation)),
    )
    if _translated_common_words(s.text, src, [other.text], tgt):
        return  # Stadium -> Estadio, Blue Box -> Caja Azul: translated, not replaced
    unexplained.remove(other)
    check.status = "changed"
    check.found = [other.text]
    flags.append(
        _name_flag(
            s, [other.text], f"name {s.text!r} is missing; the translation names {other.text!r}"
        )
    )


def _cognate_nouns(s: NameMention, src: str, cand: _Candidate) -> bool:
    """Is ``cand`` like a word of ``s`` only as two common words of their languages are
    (Center/Centro, Princess/Princesa)? A name is rare in its language or as frequent in
    the others (Maduro/Madura, Sergei/Serguei stay altered)."""
    return _ordinary_in(cand.text, cand.lang) and any(
        _ordinary_in(w, src) and _word_verdict(w, src, cand) == "similar"
        for _, _, w in _significant(s)
    )


@lru_cache(maxsize=16384)
def _ordinary_in(word: str, lang: str) -> bool:
    """Is ``word`` a common word of ``lang`` (Palace, Distrito, Палатой), not a name?"""
    word = _without_possessive(word)
    low = word.lower().replace("ё", "е")
    if groups_of(word):
        return False
    if lang == "ru" and (known := _ru_dictionary_word(word)) is not None:
        # Russian capitalises little inside a sentence: a rare dictionary word
        # capitalised there is a name (Зеницы, Пальмиру), a frequent one the first
        # word of an institution (Палатой представителей, Советом).
        return known and _zipf_in(low, "ru") >= _WORDED_MIN
    stem = _ru_stem(low) if lang == "ru" else low
    own = max(_zipf_in(low, lang), _zipf_in(stem, lang))
    return own >= _WORDED_MIN and own - _zipf_elsewhere(low, lang) >= _WORDED_GAP


def _surname_missing(mention: NameMention, lang: str, text: str, text_lang: str) -> bool:
    """Is the last word of a multiword name (a surname, mostly) nowhere in ``text``
    while an earlier one is? First names get dropped; surnames are kept."""
    words = _significant(mention)
    if len(words) < 2 or mention.type != "name":
        return False
    last = words[-1][2]
    if _ordinary_word(last, lang) or _common_word(last, lang):
        return False  # Foreign Relations Committee: words, translated
    cands = _candidates(text, text_lang)
    return all(_word_verdict(last, lang, c) is None for c in cands)


def _position(mention: NameMention, text: str) -> float:
    """Where a mention sits in its sentence, from 0 (start) to 1 (end)."""
    return (mention.start + mention.end) / 2 / max(1, len(text))


# Translators keep the order of a sentence's parts by and large (en/es/ru news): a name
# that stands in for another sits near the place of the one it replaced.
_MAX_SHIFT = 0.5


def _could_replace(
    s: NameMention, source: str, src: str, t: NameMention, translation: str, tgt: str
) -> bool:
    """Could translation name ``t`` be what became of absent source name ``s``, rather than
    a rendering we cannot read (an institution translated in words, a local acronym)?"""
    if abs(_position(s, source) - _position(t, translation)) > _MAX_SHIFT:
        return False
    if _worded(t, tgt):
        return False  # Casa de Arraigo, Палаты, Большого Яблока: words, not a name
    if t.type == "acronym" and s.type != "acronym":
        return False  # a name gives way to another name, not to a local acronym (Asia/АБР)
    if s.type == "acronym" and t.type == "acronym":
        # Each language spells its own acronyms (ADB/BAsD/АБР, CDU/ХДС); only a known
        # body standing for another known one is a replacement (FBI → CIA).
        return bool(groups_of(s.text)) or bool(groups_of(t.text))
    return True


# A word this frequent in its own language (Zipf) is a common word there unless it is as
# frequent elsewhere (names travel).
_WORDED_MIN = 3.0
_WORDED_GAP = 1.0


def _worded(mention: NameMention, lang: str) -> bool:
    """A capitalised phrase made of common words of its language."""
    if mention.type != "name" or groups_of(mention.text):
        return False
    words = [w for _, _, w in _significant(mention)]
    if not words or (len(words) == 1 and lang != "ru"):
        # Word frequencies cannot tell one Latin word from a name (maduro, capriles,
        # princesa are all frequent in Spanish alone); Russian has its dictionary.
        return False
    return all(_ordinary_in(w, lang) for w in words)


def _translated_common_words(source: str, src: str, renderings: list[str], tgt: str) -> bool:
    """Are both a source "name" and what stands in its place ordinary words of their own
    languages (Center/Centro, Stadium/Estadio, Blue Box/Caja Azul)? Then the translator
    translated a capitalised common noun; a real name (Putin, Maduro, Obama) is rare as a
    word or as frequent in the other languages, and fails this test."""
    words = [w for w in re.findall(r"[^\W\d_]{2,}", source) if w[:1].isupper()]
    found = [w for r in renderings for w in re.findall(r"[^\W\d_]{2,}", r) if w[:1].isupper()]
    return (
        bool(words)
        and bool(found)
        and all(_ordinary_word(w, src) for w in words)
        and all(_ordinary_word(w, tgt) for w in found)
    )


# A frequent word of its language that is much rarer in the other two (even transliterated)
# is an ordinary word; names travel: Putin/Путин, Obama, Washington are frequent everywhere.
# Measured on wordfreq: center 5.19 (gap 1.04), Stadium 1.37, центр 4.04 are ordinary;
# Putin 0.33, Путин 0.96, Obama 0.52, Washington 0.53 are not.
_ORDINARY_MIN = 4.3
_ORDINARY_GAP = {"en": 1.0, "es": 1.0, "ru": 1.5}


@lru_cache(maxsize=16384)
def _ordinary_word(word: str, lang: str) -> bool:
    low = word.lower().replace("ё", "е")
    own = _zipf_in(low, lang)
    if own < _ORDINARY_MIN or groups_of(word):
        return False
    return own - _zipf_elsewhere(low, lang) >= _ORDINARY_GAP.get(lang, 1.0)


def _common_name(mention: NameMention, lang: str) -> bool:
    """A name made only of common words (House, Cámara, Чешской Республики): a translated
    institution or a capitalised adjective, weak evidence of a name."""
    if mention.type != "name" or groups_of(mention.text):
        return False
    words = _significant(mention)
    return bool(words) and all(_common_word(w, lang) for _, _, w in words)


def _adjectival(mention: NameMention, lang: str) -> bool:
    """English nationality words ("Czech", "Russian"): translated as lowercase adjectives."""
    word = mention.text.lower()
    return lang == "en" and " " not in word and _en_nationality(word)


@lru_cache(maxsize=4096)
def _en_nationality(word: str) -> bool:
    """Russian, Czech, Germans, Muslim: adjectives or nouns made from a place (or a faith,
    a party) that Spanish and Russian write in lowercase. The ending alone is no proof
    (Paris, Iran, Morsi, Jordan, Titanic are names): the word must also be a known
    demonym or grow from the name of a place it is not itself (Russian/Russia,
    Israeli/Israel, Afghan/Afghanistan)."""
    low = word.lower()
    if low in _EN_DEMONYMS:
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
    from xlate.checks.names.aliases import alias_groups

    index: dict[str, list[str]] = {}
    for group in alias_groups():
        for alias in group:
            for word in re.findall(r"[^\W\d_]{4,}", alias):
                if not re.search(r"[а-яё]", word.lower()):
                    index.setdefault(word.lower()[:4], []).append(unidecode(word.lower()))
    return {k: tuple(set(v)) for k, v in index.items()}


@lru_cache(maxsize=1)
def _en_single_word_places() -> frozenset[str]:
    from xlate.checks.names.aliases import alias_groups

    return frozenset(
        unidecode(alias.lower())
        for group in alias_groups()
        for alias in group
        if re.fullmatch(r"[^\W\d_]+", alias) and not re.search(r"[а-яё]", alias.lower())
    )


def _explained_same_language(mention: NameMention, lang: str, text: str) -> bool:
    words = {f for m in _WORD.finditer(text) for f in _forms(m.group(), lang)}
    return any(_forms(w, lang) & words for _, _, w in _significant(mention))


# --- consonant skeletons across scripts ----------------------------------------------------

# Russian letters as the consonant classes Latin spellings of the same name fall into:
# vowels, й and signs drop; г/х meet h (Hamburg/Гамбург), ц/з meet s (Paclík/Пацлик).
_RU_CONSONANT = str.maketrans(
    {"б": "b", "в": "v", "г": "h", "д": "d", "ж": "j", "з": "s", "к": "k", "л": "l",
     "м": "m", "н": "n", "п": "p", "р": "r", "с": "s", "т": "t", "ф": "f", "х": "h",
     "ц": "s", "ч": "č", "ш": "š", "щ": "š", **dict.fromkeys("аеёиоуыэюяйьъ", "")}
)  # fmt: skip
# Latin spellings, in order; a list offers the readings of an ambiguous spelling
# (German/Czech ch is х, English ch is ч; Spanish j is х, English j is дж, German j is й).
_LATIN_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("tsch", ("č",)), ("sch", ("š",)), ("dzh", ("j",)), ("dž", ("j",)), ("tch", ("č",)),
    ("ch", ("č", "h", "k")), ("sh", ("š",)), ("zh", ("j",)), ("kh", ("h",)), ("ph", ("f",)),
    ("th", ("t",)), ("gh", ("", "h")), ("ck", ("k",)), ("qu", ("k", "kv")), ("ř", ("rj",)),
    ("ž", ("j",)), ("š", ("š",)), ("č", ("č",)), ("x", ("ks", "h")), ("w", ("v", "")),
    ("j", ("j", "h", "")), ("tz", ("s",)), ("ts", ("ts", "s")), ("z", ("s",)),
    ("c", ("k", "s", "č")),
    ("g", ("h", "j")), ("q", ("k",)), ("h", ("h", "")),
    ("b", ("b",)), ("d", ("d",)), ("f", ("f",)), ("k", ("k",)), ("l", ("l",)),
    ("m", ("m",)), ("n", ("n",)), ("p", ("p",)), ("r", ("r",)), ("s", ("s",)), ("t", ("t",)),
    ("v", ("v", "f")),
)  # fmt: skip
_LATIN_KEEP = str.maketrans({"ř": "ř", "ž": "ž", "š": "š", "č": "č"})


def _collapse(s: str) -> str:
    return re.sub(r"(.)\1+", r"\1", s)


@lru_cache(maxsize=16384)
def _consonants(word: str) -> frozenset[str]:
    """Consonant skeletons ``word`` may stand for, in one space for both scripts:
    Watson/Уотсон → "vtsn"/"tsn", Hašek/Гашеком → "hšk", Ötztal/Эцтальских → "stl"."""
    low = word.lower().replace("ё", "е")
    if _script(low) == "cyrl":
        low = low.replace("дж", "ж").replace("кс", "кс")
        stems = {low} | {low[: -len(e)] for e in _RU_ENDINGS if low.endswith(e)
                         and len(low) - len(e) >= 3}  # fmt: skip
        # Adjectives made of names: Кембриджском, Эцтальских.
        stems |= {s[:-2] for s in stems if s.endswith("ск") and len(s) >= 6}
        return frozenset(_collapse(re.sub(r"[^a-zčšj]", "", s.translate(_RU_CONSONANT)))
                         for s in stems)  # fmt: skip
    kept = "".join(c if c in "řžšč" else unidecode(c) for c in low)
    kept = re.sub(r"[^a-zřžšč]", "", kept)
    out = {""}
    i = 0
    while i < len(kept):
        for spelling, readings in _LATIN_RULES:
            if kept.startswith(spelling, i):
                out = {o + r for o in out for r in readings}
                i += len(spelling)
                break
        else:
            i += 1  # a vowel
        if len(out) > 64:
            break
    return frozenset(_collapse(o) for o in out)


def _consonant_distance(a: str, b: str) -> int:
    """Fewest edits between any consonant skeletons of two words (0 = same sounds)."""
    return min(Levenshtein.distance(x, y) for x in _consonants(a) for y in _consonants(b))


# --- consistency across a document ----------------------------------------------------------

# A rendering this close to the document's usual one (rapidfuzz ratio of the stems) is the
# same name misspelt, not another name.
_INCONSISTENT_MIN = 70


def inconsistent_renderings(
    pairs: list[tuple[str, str]], src: str, tgt: str
) -> list[tuple[int, Flag]]:
    """Names a translation spells one way in most sentences and another way in one.

    ``pairs`` are (source, translation) sentences of one document. Across scripts a
    name's rendering follows conventions we cannot predict (Watson/Уотсон, Fillon/Фийон),
    so a single sentence cannot tell Путин from Путен; the document can: when a source
    name comes through as the same stem (case endings aside) in two or more sentences,
    a sentence where it comes through as a close but different stem is flagged, the
    translation-QA check of "inconsistency in target" for names. Returns (index into
    ``pairs``, flag) for each such sentence.
    """
    if _script_of_lang(src) == _script_of_lang(tgt):
        return []  # one script: an altered letter is already flagged sentence by sentence
    seen: dict[str, list[tuple[int, frozenset[str], str, NameMention]]] = {}
    for i, (source, translation) in enumerate(pairs):
        if not translation:
            continue
        cands = [c for c in _candidates(translation, tgt) if _is_capitalised(c.text)]
        for mention in extract_names(source, src):
            if mention.type != "name" or _adjectival(mention, src):
                continue
            for _, _, word in _significant(mention):
                if groups_of(word) or RU_PLACE_ADJECTIVE.search(word.lower()):
                    continue  # a known place: its spellings are known (Канады, Канадцам)
                hit = next((c for c in cands if _word_verdict(word, src, c) == "same"), None)
                if hit is not None:
                    seen.setdefault(_skeleton(word), []).append(
                        (i, frozenset(word_keys(hit.text)), hit.text, mention)
                    )
    out: list[tuple[int, Flag]] = []
    for uses in seen.values():
        # Each rendering has several readings (Колом, Коломом: case endings); the usual
        # reading is the one most sentences share.
        counts: dict[str, int] = {}
        for _, readings, _, _ in uses:
            for reading in readings:
                counts[reading] = counts.get(reading, 0) + 1
        usual, times = max(counts.items(), key=lambda kv: (kv[1], len(kv[0])))
        if times < 2:
            continue
        shown = next(text for _, readings, text, _ in uses if usual in readings)
        for i, readings, text, mention in uses:
            if usual not in readings and any(
                fuzz.ratio(r, usual) >= _INCONSISTENT_MIN for r in readings
            ):
                reason = (
                    f"name {mention.text!r} appears altered: {text!r} here, "
                    f"{shown!r} in {times} other sentences"
                )
                out.append((i, _name_flag(mention, [text], reason)))
    return out


def _script_of_lang(lang: str) -> str:
    return "cyrl" if lang == "ru" else "latn"
