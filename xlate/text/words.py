"""Content words and which of them a back-translation lost, tolerant to inflection.

API (pure functions, no models):

``content_words(text, lang) -> list[str]``
    The lowercased word tokens of ``text`` in order, less the language's stopwords (function
    words: articles, pronouns, auxiliaries...); numbers are kept (``1,500`` stays one token).
``missing_content_words(original, back_translation, lang) -> list[str]``
    The content words of ``original`` (once each, in order) that ``back_translation`` lacks,
    comparing Snowball stems without accents and case: "deterrents" meets "deterrent",
    "gobierno" meets "Gobiernos"; numbers meet across separators (1,500 = 1.500 = 1500).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

__all__ = ["STOPWORDS", "content_words", "missing_content_words", "stem", "tokens"]

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:[-'’][^\W_]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words, after the Snowball project's stopword lists (trimmed: no content words).
STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words(
        """a about above after again against all am an and any are aren't as at be because
        been before being below between both but by can can't cannot could couldn't did
        didn't do does doesn't doing don't down during each few for from further had hadn't
        has hasn't have haven't having he he'd he'll he's her here here's hers herself him
        himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself
        let's me more most mustn't my myself no nor not of off on once only or other ought
        our ours ourselves out over own same shan't she she'd she'll she's should shouldn't
        so some such than that that's the their theirs them themselves then there there's
        these they they'd they'll they're they've this those through to too under until up
        very was wasn't we we'd we'll we're we've were weren't what what's when when's where
        where's which while who who's whom why why's will with won't would wouldn't you
        you'd you'll you're you've your yours yourself yourselves also just may might must
        shall s t"""
    ),
    "es": _words(
        """a al algo algunas algunos ante antes como con contra cual cuando de del desde donde
        durante e el él ella ellas ellos en entre era erais éramos eran eras eres es esa esas
        ese eso esos esta está estaba estaban estado estamos están estar estas este esto estos
        estoy fue fueron fui fuimos ha había habían han has hasta hay la las le les lo los
        más me mi mis mía mías mío míos mucho muchos muy nada ni no nos nosotras nosotros
        nuestra nuestras nuestro nuestros o os otra otras otro otros para pero poco por porque
        que qué quien quienes se sea sean ser será serán si sí sido siendo sin sobre sois
        somos son soy su sus suya suyas suyo suyos también tanto te tenemos tener tengo ti
        tiene tienen todo todos tu tus tú un una uno unos vosotras vosotros vuestra vuestro y
        ya yo les ese cuyo cuya según tras cada"""
    ),
    "ru": _words(
        """а без более бы был была были было быть в вам вас весь во вот все всего всех вы где
        да даже для до его ее её ей ему если есть еще ещё же за здесь и из или им их к как
        ко когда кто ли либо мне может мы на над надо наш не него нее неё нет ни них но ну о
        об однако он она они оно от очень по под после при с со так также такой там те тем
        то того тоже той только том ты у уже хотя чего чей чем что чтобы чье чьё эта эти это
        этого этой этом этот я её их ним нем нём ней ними тот та ту те тех этим этими будет
        будут был бы является были"""
    ),
}

_STEMMER_NAMES = {"en": "english", "es": "spanish", "ru": "russian"}


@lru_cache(maxsize=4)
def _stemmer(lang: str) -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer(_STEMMER_NAMES.get(lang, "english"))


def _plain(word: str) -> str:
    """Lowercase, no accents, ё as е: the form words are compared in."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().replace("ё", "е"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> list[str]:
    """Word and number tokens of ``text``, lowercased, apostrophes as '."""
    return [m.group(0).lower().replace("’", "'") for m in _TOKEN.finditer(text)]


def _drop_possessive(word: str) -> str:
    return word[:-2] if word.endswith("'s") and len(word) > 2 else word


def content_words(text: str, lang: str) -> list[str]:
    """Lowercased content words of ``text`` in order (see the module doc)."""
    stop = STOPWORDS.get(lang, frozenset())
    out = []
    for token in tokens(text):
        if token in stop:
            continue
        word = _drop_possessive(token) if lang == "en" else token
        if word and word not in stop:
            out.append(word)
    return out


def stem(word: str, lang: str) -> str:
    """The comparison key of one word: numbers without separators, else its plain stem."""
    if _NUMBER.fullmatch(word):
        return re.sub(r"[.,]", "", word)
    return _plain(str(_stemmer(lang).stemWord(word.lower())))


def missing_content_words(original: str, back_translation: str, lang: str) -> list[str]:
    """Content words of ``original`` that ``back_translation`` does not have in any form."""
    have = set()
    for token in tokens(back_translation):
        word = _drop_possessive(token) if lang == "en" else token
        have.add(stem(word, lang))
        # hyphenated compounds may come back as two words or one: accept their parts too
        have.update(stem(part, lang) for part in word.split("-") if part)
    missing: list[str] = []
    for word in content_words(original, lang):
        if word in missing:
            continue
        parts = [p for p in word.split("-") if p]
        if _has(stem(word, lang), have) or (
            len(parts) > 1 and all(_has(stem(p, lang), have) for p in parts)
        ):
            continue
        missing.append(word)
    return missing


def _has(key: str, have: set[str]) -> bool:
    """``key`` or a stem it extends or that extends it (Snowball cuts gobiernos to "gobi")."""
    if key in have:
        return True
    if len(key) < 4 or key.isdigit():
        return False
    return any(
        len(other) >= 4 and not other.isdigit() and (key.startswith(other) or other.startswith(key))
        for other in have
    )
