"""Polarity: a negation the translation added or dropped.

Each side's negations are counted per sentence with the word lists of
``xlate/data/negation.json``: negators ("not", "n't", "never", "no", "nunca", "sin",
"не", "нет", "без"...); a negative-concord word ("nunca", "nadie", "никто", "ни") that
agrees with a negator is not counted again ("no vino nunca", "никто не пришёл": one
negation), while a Spanish one before any negator negates alone ("nadie vino", "tampoco
meto … donde no") and carries over to a later one ("casi nadie …, ni siquiera"); "ni
… ni" / "neither … nor" / "ни … ни" count once, and so does a negator repeated after
"and"/"y"/"и" ("не заметит и не огорчится").

A sentence's count of negations is compared (a negation added to a sentence that has one
already is still added). Fixed phrases ("not only", "no matter", "sin embargo", "не
только"), limits ("no more than", "не более"), "almost" ("едва не") and litotes ("no
faltará", "no para de", "never fails") and a phrase's contrast ("half full, not half
empty", "lleno, no medio vacío", "а не") are removed before counting. A privative
("without", "sin", "без", and "не" before a Russian gerund: "ничего не взяв") is rendered
freely ("empty-handed", "sin cambios" = "на том же уровне"), so a difference must hold
with privatives counted and without them.

The source is compared with the back-translation (same language: strong evidence) and
with the translation (cross-lingual: weaker). With a back-translation a sentence is
flagged only when both differ from the source the same way (a back-translation that
alone lost a "not" is the engine's slip, not the translation's); without one the
translation's count decides. A side with fewer negations that says the negation in
words ("failed to", "lack", "отказался", "unfinished", "ненадежным"), once for each
negation it lacks and more often than the other side does, is a rewording, not a flip; a
word right after a negator is part of that negation ("don't care", "не смог") and says
none of its own ("not for lack of trying" says two). Such a word of the side with more
negations, or a limit ("only", "solo"), pairs off with the nearest one of its kind on the
other side ("had not avoided": "избегал"; "only … not": "только"), which then renders no
negator. A litotes ("not inaccurately") is no negation; "не X, не Y" down a list is one,
as after "и"; a Russian concord word before a verb with no "не" in the sentence lost its
negator and counts none ("никаких арестов проводилось").
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from xlate.checks import lexicon
from xlate.checks.document import AnalysedDocument, AnalysisSettings, Findings, SentencePair
from xlate.checks.polarity_words import antonym_places, negated_words, negative_derivative
from xlate.report import Flag
from xlate.text.morphology import ru_parses
from xlate.text.words import tokens

_LANGS = ("en", "es", "ru")
# A word that says a negation stands for one of the other side's within this share of
# the sentence: word order moves between languages, clauses too, but not end to end
# (tune: 0.4 left a moved clause's "desconocidas" for "not yet known" flagged).
_NEAR = 0.6
# A word of one side that says a negation in words, or a limit ("only", "только"), is the
# rendering of such a word of the other side within this share of the sentence.
_PAIR = 0.6
# pymorphy3's parts of speech of a Russian word whose не- prefix says "not": adjectives,
# participles, adverbs and predicatives ("ненадежным", "неважно", "незачем").
_RU_DESCRIBING = frozenset({"ADJF", "ADJS", "COMP", "PRTF", "PRTS", "ADVB", "PRED"})


@dataclass(frozen=True)
class _Lists:
    negators: frozenset[str]
    concord: frozenset[str]
    paired: frozenset[str]
    lexical: frozenset[str]
    privative: frozenset[str]
    coordinators: frozenset[str]
    prefixes: tuple[str, ...]
    prefix_min: int
    prefix_except: tuple[str, ...]
    idioms: re.Pattern[str]
    phrases: re.Pattern[str] | None
    counterparts: frozenset[str]
    limits: frozenset[str]
    exclusive: frozenset[str]
    litotes: dict[str, list[str]]


@cache
def _lists(lang: str) -> _Lists:
    raw = json.loads(resources.files("xlate.data").joinpath("negation.json").read_text("utf-8"))
    table = raw[lang]
    phrases = sorted(table["idioms"], key=len, reverse=True)
    idioms = re.compile(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)")
    return _Lists(
        negators=frozenset(table["negators"]),
        concord=frozenset(table["concord"]),
        paired=frozenset(table["paired"]),
        lexical=frozenset(table["lexical"]),
        privative=frozenset(table["privative"]),
        coordinators=frozenset(table["coordinators"]),
        prefixes=tuple(table["prefixed"]["prefixes"]),
        prefix_min=table["prefixed"]["min_length"],
        prefix_except=tuple(table["prefixed"]["except"]),
        idioms=idioms,
        phrases=re.compile(r"(?<!\w)(?:" + "|".join(table["lexical_phrases"]) + r")(?!\w)")
        if table["lexical_phrases"]
        else None,
        litotes=table.get("litotes", {}),
        counterparts=frozenset(table["counterparts"]),
        limits=frozenset(table["limits"]),
        exclusive=frozenset(table["exclusive"]),
    )


def softeners(lang: str) -> frozenset[str]:
    """The limits that say a degree of "not" ("little", "poco", "мало": "poco fiable" is
    unreliable), without those that only restrict ("only", "solo")."""
    lists = _lists(lang)
    return lists.limits - lists.exclusive


def negations(text: str, lang: str, *, privative: bool = True) -> list[str]:
    """The negation words of ``text`` that count, in order (see the module doc);
    ``privative=False`` leaves out "without", "sin", "без"."""
    return [word for _, word in _placed_negations(text, lang, privative)]


@lru_cache(maxsize=16)
def _placed_negations(
    text: str, lang: str, privative: bool = True
) -> tuple[tuple[float, str], ...]:
    """``negations`` with where each stands in the sentence (0: first word, 1: last).

    Cached (a few sentences): one pair's check asks of each side up to three times."""
    lists = _lists(lang)
    words = _words_without_idioms(text, lang)
    clause = _clauses(text, lang)
    out: list[str] = []
    said: list[int] = []  # the token index of each negation counted
    places: list[float] = []
    for i, word in enumerate(words):
        if not _is_negator(word, lang, lists):
            continue
        if not privative and (word in lists.privative or _verbal_privative(words, i, lang)):
            continue
        if word in lists.concord and _agrees(words, i, lang, lists, clause):
            continue  # "no vino nunca", "никто не пришёл": one negation
        if word in lists.concord and _lost_its_negator(words, i, lang):
            continue  # "Никаких арестов проводилось": the "не" it needs is gone
        if word in lists.paired and any(w in lists.paired for w in out):
            continue  # "ni … ni", "neither … nor": one negation
        if (
            i
            and words[i - 1] in lists.coordinators
            and any(words[j] == word and clause[j] == clause[i] for j in said)
        ):
            # "не заметит и не огорчится": the repeat carries the first's scope, within
            # its clause ("no sabíamos mucho, pero …, y no creo" says two)
            continue
        if i + 1 < len(words) and _double_negative(words[i + 1], lang, lists):
            continue  # litotes: "not inaccurately" is "accurately"
        out.append(word)
        said.append(i)
        places.append(i / max(len(words) - 1, 1))
    return tuple(zip(places, out, strict=True))


def _is_negator(word: str, lang: str, lists: _Lists) -> bool:
    """A negator of the lists, or an English contracted one ("doesn't", "won't")."""
    return word in lists.negators or (lang == "en" and word.endswith("n't"))


def without_idioms(text: str, lang: str) -> str:
    """``text`` lowered, its negation idioms ("sin embargo", "тем не менее", "not only":
    ``xlate/data/negation.json``) blanked out: what is left of its negators negates."""
    return _lists(lang).idioms.sub(" ", text.lower().replace("’", "'"))


@lru_cache(maxsize=16)
def _words_without_idioms(text: str, lang: str) -> tuple[str, ...]:
    """The tokens of ``text`` with its negation idioms blanked out: read once for both of
    ``negations``' modes (privatives counted or not)."""
    return tuple(tokens(_lowered(text, lang)))


@lru_cache(maxsize=16)
def _lowered(text: str, lang: str) -> str:
    """``text`` as the negations are read from it: lowered, idioms blanked out, a
    negator repeated down a list joined to the first (see ``_words_without_idioms``)."""
    lists = _lists(lang)
    lowered = without_idioms(text, lang)
    # a negator repeated down a list carries the first one's scope, as after "and": "не
    # расследовала, не преследовала или не обеспечила" is "failed to investigate,
    # prosecute or provide"
    coordinator = min(lists.coordinators)
    return _LIST_REPEAT.sub(
        lambda m: (
            f"{m.group(1)} {m.group(2)} {coordinator} "
            if m.group(1) in lists.negators
            else m.group(0)
        ),
        lowered,
    )


# a negator, one word, a comma and the same negator again ("не X, не Y")
_LIST_REPEAT = re.compile(r"(?<!\w)(\w+) (\w+), (?=\1(?!\w))")


def _double_negative(word: str, lang: str, lists: _Lists) -> bool:
    """A describing word with a negative prefix, a negation's own negation when it comes
    right after a negator (litotes: "not inaccurately", "не невозможно", "no
    innecesario"). In English "un-"/"non-" before a real word, and "in-"/"im-"/"il-"/
    "ir-" before one with an adjective's or adverb's ending ("inaccurately"; not
    "informed", "invest"); "dis-" says no opposite ("disclosed")."""
    if lang != "en":
        return _prefixed(word, lang, lists)
    table = lists.litotes
    adjectival = word.endswith(tuple(table["endings"]))
    prefixes = table["prefixes"] + (table["adjectival_prefixes"] if adjectival else [])
    return any(
        word.startswith(prefix)
        and len(word) - len(prefix) >= 4
        and lexicon.is_english_word(word[len(prefix) :])
        for prefix in prefixes
    )


def _verbal_privative(words: Sequence[str], i: int, lang: str) -> bool:
    """Russian "не" before a gerund ("ничего не взяв", "не скрывая") says "without
    doing", as "without taking" and "sin esconder" do: a privative, rendered as freely
    ("fled empty-handed")."""
    if lang != "ru" or words[i] != "не" or i + 1 >= len(words):
        return False
    return any(p.tag.POS == "GRND" for p in ru_parses(words[i + 1])[:1])


def _lost_its_negator(words: Sequence[str], i: int, lang: str) -> bool:
    """A Russian concord word with no negator in the sentence negates alone only without
    a verb ("Никаких проблем", "Никто."): before a finite verb it needs "не" ("никаких
    арестов не проводилось"), so one without it says no negation of its own: the
    sentence lost its negator."""
    if lang != "ru":
        return False
    return any(
        p.tag.POS == "VERB" for w in words[i + 1 : i + 1 + _CONCORD_REACH] for p in ru_parses(w)[:1]
    )


# how far after a Russian concord word its verb stands ("никаких арестов в парке проводилось")
_CONCORD_REACH = 4


def _agrees(words: Sequence[str], i: int, lang: str, lists: _Lists, clause: Sequence[int]) -> bool:
    """Whether a concord word agrees with a negator rather than negating by itself: in
    Spanish one before it in its clause ("no vino nunca"; "nadie vino" and "tampoco
    meto" negate alone, and so does "nadie" after a comma: "Nadie sabe …, nadie
    piensa" says two), in Russian any negator of the sentence ("никто не", "ничего не
    взяв")."""
    primary = lists.negators - lists.concord
    if lang != "es":
        return any(w in primary for w in words)
    # negative concord: after "nadie" negating alone, "ni siquiera" agrees with it ("casi
    # nadie entiende …, ni siquiera por qué": one negation, "almost no one … even why"):
    # "ni" carries a negation on past a comma, the other concord words do not
    own = words[i] in lists.paired
    return any(
        (w in primary or w in lists.concord) and (own or clause[j] == clause[i])
        for j, w in enumerate(words[:i])
    )


# Punctuation that ends a clause (a comma, semicolon or colon before a space, a dash
# between spaces): negative concord does not reach past it.
CLAUSE_END = re.compile(r"[,;:](?=\s)|\s[-–—]\s")


@lru_cache(maxsize=16)
def _clauses(text: str, lang: str) -> tuple[int, ...]:
    """The clause number of each token of ``_words_without_idioms(text, lang)``; all 0
    where the two readings of the text do not line up token for token."""
    words = _words_without_idioms(text, lang)
    parts = CLAUSE_END.split(_lowered(text, lang))
    out = tuple(k for k, part in enumerate(parts) for _ in tokens(part))
    return out if len(out) == len(words) else (0,) * len(words)


# the sorts of limit: one that leaves out all but something ("only", "solo", "только",
# "кроме") and one that says a small amount ("little", "poco", "мало", "вряд ли")
_EXCLUSIVE, _SCALAR = "exclusive", "scalar"


def _word_places(
    text: str, lang: str, *, counterparts: bool = False
) -> list[tuple[float, str | None]]:
    """Where the negations ``text`` says in words stand (0: first word, 1: last), each
    with the sort of limit it says, if any (``_EXCLUSIVE``: "только", "solamente";
    ``_SCALAR``: "poco", "little"; with ``counterparts``: the sort of limit of a word that
    only renders one, "only", "solo", "few").

    ``counterparts``: the words that may render one of the other side's, as well: a word
    right after a negator ("had not avoided": избегал), and one that says a limit or an
    opposite without taking a negator's place ("only", "except", "few": только, кроме,
    мало; "incomprehensible": необъяснимой)."""
    lists = _lists(lang)
    words = tokens(text)
    # a word after a negator is part of a negation said with one ("don't care", "не смог")
    negator = [_is_negator(t, lang, lists) for t in words]
    last = max(len(words) - 1, 1)
    limits = lists.counterparts if counterparts else lists.limits
    places = [
        (i / last, _limit_sort(t, limits, lists))
        for i, t in enumerate(words)
        if (
            _lexical(t, lang, lists)
            or _prefixed(t, lang, lists)
            or (counterparts and (t in lists.counterparts or _double_negative(t, lang, lists)))
        )
        and not negator[i]  # "neither" is counted once, as a negator
        and (counterparts or not any(negator[max(0, i - 1) : i]))
    ]
    if lists.phrases is not None:  # "far from", "decided against", "wish I had"
        lowered = text.lower().replace("’", "'")
        starts = [m.start() for m in lists.phrases.finditer(lowered)]
        places += [(len(tokens(lowered[:start])) / last, None) for start in starts]
    return places


def _limit_sort(word: str, limits: frozenset[str], lists: _Lists) -> str | None:
    """The sort of limit ``word`` says, if it is one of ``limits``."""
    if word not in limits:
        return None
    return _EXCLUSIVE if word in lists.exclusive else _SCALAR


def _lexical(word: str, lang: str, lists: _Lists) -> bool:
    """A word of the lexical list in any of its forms: the list names a Russian word by
    its dictionary form ("неудачу", "предотвратил", "запрещены": неудача, предотвратить,
    запретить); the English and Spanish lists name each form."""
    if word in lists.lexical:
        return True
    # the likeliest reading only: "помешанных" (obsessed) is no form of помешать (prevent)
    return lang == "ru" and any(str(p.normal_form) in lists.lexical for p in ru_parses(word)[:1])


def _absorbed(fewer_text: str, fewer_lang: str, more_text: str, more_lang: str) -> int:
    """How many more negations the side with fewer says in words than the other side,
    counting only its words near a negation of the other side: "evitar" at the end of a
    sentence says nothing of the "no" of "no pressure" at its start.

    A word of the other side that says a negation in words is the counterpart of one of
    the fewer side's near it, and that one renders no negator: "избегал" for "had not
    avoided" renders "avoided" (a word after a negator counts here), and "отсутствие" at
    the start says the "No hubo" there, not the "evitar" at the end."""
    negated = [p for p, _ in _placed_negations(more_text, more_lang)]
    said = _word_places(fewer_text, fewer_lang)
    # "más pobre" for "не такой богатый": an antonym of a negated word says the negation
    # (a word that says the negation already is no second saying of it: "forbidden")
    known = {p for p, _ in said}
    said += [
        (p, None)
        for p in _antonyms_of_negated(more_text, more_lang, fewer_text, fewer_lang)
        if p not in known
    ]
    for p, limit in _word_places(more_text, more_lang, counterparts=True):
        # each word of the other side pairs off with the nearest one here, if near enough;
        # a limit only with a limit of its sort ("only" with "только", not with
        # "unreliable"; "solo" not with "little" nor "вряд ли": line 657 "very little
        # enthusiasm … but" is "No quiere … solo el agua"), while a limit here may render
        # any word ("poco fiable": unreliable)
        kin = [w for w in said if (limit is None or w[1] == limit) and abs(p - w[0]) <= _PAIR]
        if kin:
            said.remove(min(kin, key=lambda w: abs(p - w[0])))
    return sum(any(abs(p - q) <= _NEAR for q in negated) for p, _ in said)


def _antonyms_of_negated(text: str, lang: str, other_text: str, other: str) -> list[float]:
    """Where ``other_text`` has an antonym of a word ``text`` negates (see polarity_words)."""
    lists = _lists(lang)
    words = _words_without_idioms(text, lang)
    at = [i for i, w in enumerate(words) if _is_negator(w, lang, lists)]
    last = max(len(words) - 1, 1)
    negated = [(j / last, words[j]) for j in negated_words(words, at, lang)]
    return antonym_places(negated, lang, tokens(other_text), other, _PAIR)


def _prefixed(word: str, lang: str, lists: _Lists) -> bool:
    """A negative prefix ("unfinished", "неважно"); in Russian only before a real word
    ("надежным" is one, "обходимо" is not)."""
    if not (
        len(word) >= lists.prefix_min
        and word.startswith(lists.prefixes)
        and not word.startswith(lists.prefix_except)
    ):
        # Spanish: any word its English senses show as a word's opposite by its prefix
        # ("desproporcionado"), beside the stems listed
        return lang == "es" and len(word) >= lists.prefix_min and negative_derivative(word, lang)
    if lang != "ru":
        return True
    # a noun with не- is a word of its own ("недостаток" a drawback, "недоверие"
    # mistrust), no negated clause: only a describing word says "not" ("ненадежным")
    reading = ru_parses(word)[:1]
    return (
        bool(reading) and reading[0].tag.POS in _RU_DESCRIBING and lexicon.is_russian_word(word[2:])
    )


def _differs(
    source: list[str], source_text: str, src: str, other: list[str], other_text: str, lang: str
) -> int:
    """+1: the other side lost a negation; -1: it gained one; 0: same polarity (or the side
    with fewer negations says the difference in words, more of them than the other side:
    "не смог" for "failed" is no rewording when both sides say "failed")."""
    if len(source) == len(other):
        return 0
    # each negation one side lacks must be said in words there: "все равно" (равно) says
    # "don't care", not also the "don't" of "we don't sleep together"
    gap = abs(len(source) - len(other))
    if len(source) > len(other):
        return 0 if _absorbed(other_text, lang, source_text, src) >= gap else 1
    return 0 if _absorbed(source_text, src, other_text, lang) >= gap else -1


class PolarityCheck:
    """A negation added or removed between the source and its translation."""

    name = "polarity"

    def run(self, document: AnalysedDocument, settings: AnalysisSettings) -> Findings:
        found = Findings()
        for pair in document.pairs:
            flag = _judge(pair)
            if flag is not None:
                found.add(pair.index, [flag])
        return found


def _judge(pair: SentencePair) -> Flag | None:
    if pair.src not in _LANGS or pair.tgt not in _LANGS or not pair.translation.text.strip():
        return None
    source = negations(pair.source, pair.src)
    target = negations(pair.translation.text, pair.tgt)
    cross = _differs(source, pair.source, pair.src, target, pair.translation.text, pair.tgt)
    strict = _differs(
        negations(pair.source, pair.src, privative=False),
        pair.source,
        pair.src,
        negations(pair.translation.text, pair.tgt, privative=False),
        pair.translation.text,
        pair.tgt,
    )
    if cross == 0 or strict != cross:
        return None  # no difference, or one that only a "without"/"sin"/"без" makes
    back_words: list[str] | None = None
    if pair.back is not None:
        back_words = negations(pair.back.text, pair.src)
        if _differs(source, pair.source, pair.src, back_words, pair.back.text, pair.src) != cross:
            return None  # the back-translation keeps the source's polarity
    verb = "dropped" if cross > 0 else "added"
    evidence = f"; back-translation: {_say(back_words)}" if back_words is not None else ""
    return Flag(
        kind="negation",
        severity="high",
        reason=f"a negation was {verb}: the source has {_say(source)}, the translation "
        f"{_say(target)}{evidence}",
        detail={"source": source, "translation": target, "back_translation": back_words},
    )


def _say(words: list[str] | None) -> str:
    if not words:
        return "none"
    return ", ".join(f"“{w}”" for w in words)
