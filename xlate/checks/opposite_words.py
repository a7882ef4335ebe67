"""A word of the source whose opposite stands in the translation, anywhere in the sentence
("prices rose" -> "los precios bajaron", "высокая" -> "low").

The quotes check judges a quotation's words one by one (``xlate.checks.quotes.fidelity``);
this check asks the same of the rest of the sentence, with the stricter evidence a whole
sentence of a person's free translation needs:

* the two words are antonyms by their main senses (WordNet, through the lexicon), not by
  a side sense of either ("bastantes": enough, quite, much; "menudo": often, small);
* neither is a function word ("all"/"part", "much"/"bastantes" flagged correct lines:
  quantities are reworded freely), nor stands after a negator ("not successful" says
  "unsuccessful", "poco fiable" "unreliable");
* the source word is not rendered elsewhere in the translation (the judge's verdict);
* with a back-translation, it must have lost the source word too.

A sentence no antonym of any of its words can meet (most) costs a set intersection: the
judge runs only where a source word's antonym shares a stem with a translated word, or the
other way round.
"""

from __future__ import annotations

from functools import cache, lru_cache
from itertools import pairwise

from xlate.checks import lexicon
from xlate.checks.document import AnalysedDocument, AnalysisSettings, Findings, SentencePair
from xlate.checks.function_opposites import function_swap, lost_sense
from xlate.checks.polarity import CLAUSE_END, negations, softeners
from xlate.checks.quotes import extract_quotes
from xlate.checks.quotes.evidence import (
    WordVerdict,
    antonyms,
    english_of,
    find_rendering,
    main_senses,
)
from xlate.checks.quotes.fidelity import judge_words
from xlate.report import Flag
from xlate.text import wordnet
from xlate.text.datafiles import data_json
from xlate.text.words import content_words, stem, stopwords, tokens

_LANGS = frozenset({"en", "es", "ru"})
# How many words before a word a negator still reaches ("no es posible", "no les parece
# aceptable", "no está en el lugar equivocado").
_NEGATOR_REACH = 5

_BY = frozenset({"antonym", "negative prefix"})


@cache
def _words(key: str) -> frozenset[str]:
    """One list of xlate/data/opposite_words.json."""
    return frozenset(data_json("opposite_words.json")[key])


class OppositeWordsCheck:
    """A word of the source whose antonym the translation says instead."""

    name = "opposites"

    def run(self, document: AnalysedDocument, settings: AnalysisSettings) -> Findings:
        found = Findings()
        for pair in document.pairs:
            flag = _judge(pair)
            if flag is not None:
                found.add(pair.index, [flag])
        return found


def _judge(pair: SentencePair) -> Flag | None:
    if pair.src not in _LANGS or pair.tgt not in _LANGS or pair.src == pair.tgt:
        return None
    source, translation = _unquoted(pair.source, pair.src), pair.translation.text
    if not translation.strip():
        return None
    if not _may_oppose(source, pair.src, translation, pair.tgt):
        return _function_flag(pair)
    verdicts = [
        v
        for v in judge_words(source, pair.src, translation, pair.tgt, context=(source, translation))
        if _opposed(v, pair, source, translation)
    ]
    if not verdicts:
        return _function_flag(pair)
    first = verdicts[0]
    senses = sorted(_main(first.stands, pair.tgt)) or [m for m in first.means if m != first.stands]
    senses = senses[:2]
    means = f" (meaning {', '.join(senses)})" if senses else ""
    return Flag(
        kind="opposite",
        # a dictionary's word against a person's free rendering: worth a look; a
        # back-translation that lost the word too makes it a changed fact
        severity="high" if pair.back is not None else "medium",
        reason=f"the source says “{first.word}”, the translation its opposite "
        f"“{first.stands}”{means}",
        detail={"pairs": [[v.word, v.stands] for v in verdicts]},
    )


def _function_flag(pair: SentencePair) -> Flag | None:
    """A function word of quantity or time order said the other way round, quotes
    included (``function_opposites``); with a back-translation, it lost the sense too."""
    swap = function_swap(
        pair.source, pair.src, pair.translation.text, pair.tgt, reworded=_senses_opposed
    )
    if swap is None:
        return None
    if pair.back is not None and not lost_sense(pair.source, pair.back.text, pair.src, swap):
        return None
    return Flag(
        kind="opposite",
        severity="high" if pair.back is not None else "medium",
        reason=f"the source says “{swap.source_word}” ({swap.sense}), the translation "
        f"“{swap.translation_word}” ({swap.opposite}) and says {swap.sense} less often",
        detail={"pairs": [[swap.source_word, swap.translation_word]]},
    )


def _unquoted(text: str, lang: str) -> str:
    """The source without its quotations: the quotes check judges their words."""
    for quote in sorted(extract_quotes(text, lang), key=lambda q: -q.start):
        text = text[: quote.start] + " " * (quote.end - quote.start) + text[quote.end :]
    return text


def _may_oppose(source: str, src: str, translation: str, tgt: str) -> bool:
    """Whether some pair of words could pass ``_opposed``: the cheap test before the
    judge. A pair: neither a function word nor a light verb, a main sense of one the
    antonym of a main sense of the other (or, for a translated form the dictionaries do
    not know, its stem an antonym's rendering's), neither after a negator nor phrasal, and
    the source word rendered by no translated word."""
    # Russian words need morphology to be looked up (~0.3 ms each): only those whose
    # stem renders an antonym of the other side's words are looked up
    sides = [(source, src), (translation, tgt)]
    (cheap_text, cheap), (other_text, other_lang) = sides[::-1] if src == "ru" else sides
    first = _judged_words(cheap_text, cheap)
    opposed = frozenset().union(*(_main_opposites(w, cheap) for w in first))
    if not opposed:
        return False
    # (a pair found the other way round, "equivocado": mistaken, whose antonym is right,
    # is then left to its Spanish or English side)
    wanted = _rendering_stems(opposed, other_lang)
    second = _judged_words(other_text, other_lang, wanted if other_lang == "ru" else None)
    # only the words some first word can pair with: one look each, not one a pair
    senses = frozenset().union(*(_main(w, cheap) for w in first))
    second = [y for y in second if _may_face(y, other_lang, opposed, senses, wanted)]
    for x in first:
        for y in second:
            if not _opposite_pair(x, cheap, y, other_lang, wanted):
                continue
            word, other = (y, x) if src == "ru" else (x, y)
            if _said_plainly(word, source, src, other, translation, tgt) and not _rendered(
                word, src, source, translation, tgt
            ):
                return True
    return False


def _rendered(word: str, src: str, source: str, translation: str, tgt: str) -> bool:
    """Whether the translation renders ``word`` (or, English, the adjective it is a degree
    of: "higher" is "más alto") as often as the source says it: "the new director … the
    new beginning" with one "новым" turned "старым" keeps one rendering of two."""
    target = content_words(translation, tgt)
    needed = max(1, content_words(source, src).count(word))
    found: set[int] = set()
    for form in _forms(word, src):
        while len(found) < needed:
            at = find_rendering(form, src, target, tgt, found)[0]
            if at is None:
                break
            found.add(at)
    return len(found) >= needed


@lru_cache(maxsize=1 << 14)
def _forms(word: str, lang: str) -> tuple[str, ...]:
    """``word``, and in English its base forms and the adjective or adverb a comparative
    or superlative is of ("higher": high, "bigger": big, "easiest": easy)."""
    if lang != "en":
        return (word,)
    forms = [word, *sorted(lexicon.base_forms(word, "en"))]
    for end in ("est", "er"):
        if word.endswith(end) and len(word) > len(end) + 2:
            root = word[: -len(end)]
            bases = [root, root + "e"]
            if root[-1] == root[-2]:  # "bigger"
                bases.append(root[:-1])
            if root.endswith("i"):  # "easiest"
                bases.append(root[:-1] + "y")
            for base in bases:
                if wordnet.word_classes(base) & {"adj", "adv"}:
                    forms.append(base)
                    break
    return tuple(dict.fromkeys(forms))


def _rendering_stems(english: frozenset[str], lang: str) -> frozenset[str]:
    """The stems of the ``lang`` renderings of some English words (English: theirs)."""
    if lang == "en":
        return frozenset(stem(w, "en") for w in english)
    return frozenset(stem(r, lang) for w in english for r in lexicon.renderings(w, "en", lang))


def _opposite_pair(x: str, x_lang: str, y: str, y_lang: str, wanted: frozenset[str]) -> bool:
    """Whether the main senses of two words are antonyms, or ``y`` is a form the
    dictionaries do not know ("bajaron") whose stem renders an antonym of ``x`` (``wanted``:
    the stems of those renderings)."""
    if _main(y, y_lang):
        return _senses_opposed(x, x_lang, y, y_lang)
    return stem(y, y_lang) in wanted


def _may_face(
    y: str, y_lang: str, opposed: frozenset[str], senses: frozenset[str], wanted: frozenset[str]
) -> bool:
    """Whether ``y`` can be ``_opposite_pair``'s second word to any of some words, whose
    main senses are ``senses`` and their antonyms ``opposed``."""
    if _main(y, y_lang):
        return bool(_main(y, y_lang) & opposed or _main_opposites(y, y_lang) & senses)
    return stem(y, y_lang) in wanted


def _senses_opposed(x: str, x_lang: str, y: str, y_lang: str) -> bool:
    """Whether a main sense of one word is an antonym of a main sense of the other."""
    ours, theirs = _main(x, x_lang), _main(y, y_lang)
    return bool(_main_opposites(x, x_lang) & theirs or _main_opposites(y, y_lang) & ours)


def _judged_words(text: str, lang: str, stems: frozenset[str] | None = None) -> list[str]:
    """The content words of ``text`` that may stand opposite another (with ``stems``: only
    those with one of them, or an English base form's)."""
    stop = stopwords(lang)
    words = [w for w in dict.fromkeys(content_words(text, lang)) if w not in stop]
    if stems is not None:
        words = [w for w in words if _stem_in(w, lang, stems)]
    return [w for w in words if not _light(w, lang)]


def _stem_in(word: str, lang: str, stems: frozenset[str]) -> bool:
    if stem(word, lang) in stems:
        return True
    return lang == "en" and any(stem(b, "en") in stems for b in lexicon.base_forms(word, "en"))


@lru_cache(maxsize=1 << 14)
def _main_opposites(word: str, lang: str) -> frozenset[str]:
    """The antonyms of a word's main senses (English)."""
    return frozenset().union(*(antonyms(m) for m in _main(word, lang)))


def _opposed(verdict: WordVerdict, pair: SentencePair, source: str, translation: str) -> bool:
    if verdict.status != "changed" or verdict.by not in _BY or not verdict.stands:
        return False
    word, stands = verdict.word, verdict.stands
    if word in stopwords(pair.src) or stands in stopwords(pair.tgt):
        return False
    if not _said_plainly(word, source, pair.src, stands, translation, pair.tgt):
        return False
    if _light(word, pair.src) or _light(stands, pair.tgt):
        return False
    if not _main_antonyms(word, pair.src, stands, pair.tgt):
        return False
    if pair.back is not None:
        back = {stem(w, pair.src) for w in tokens(pair.back.text)}
        return not any(stem(form, pair.src) in back for form in _forms(word, pair.src))
    return True


def _said_plainly(word: str, source: str, src: str, other: str, translation: str, tgt: str) -> bool:
    """Whether both words mean what they say: neither after a negator nor phrasal."""
    if _negated(word, source, src) or _negated(other, translation, tgt):
        return False
    return not (_phrasal(word, source, src) or _phrasal(other, translation, tgt))


def _negated(word: str, text: str, lang: str) -> bool:
    """Whether ``word`` stands within reach after a negator (or "poco", "мало") of ``text``,
    in its clause: a negation does not reach past a comma or into a clause a conjunction
    opens ("does not mind that his wife closed the gate": the gate is closed), unless the
    negated verb is one that lends its negation to the clause it opens ("no creo que sea
    malo" is "creo que no es malo")."""
    reversing = softeners(lang) | _words("reversing")
    for clause in _clauses(text, lang):
        for i, w in enumerate(clause):
            before = clause[max(0, i - _NEGATOR_REACH) : i]
            if w == word and (reversing & set(before) or negations(" ".join(before), lang)):
                return True
    return False


@lru_cache(maxsize=64)
def _clauses(text: str, lang: str) -> tuple[tuple[str, ...], ...]:
    """The lowercase tokens of ``text`` by clause: split where the polarity check ends a
    clause (``CLAUSE_END``) and before a conjunction that opens one, but not after a verb
    that lends its negation to it."""
    openers = frozenset(data_json("opposite_words.json")["clause_openers"][lang])
    out: list[tuple[str, ...]] = []
    for part in CLAUSE_END.split(text):
        words = [w.lower() for w in tokens(part)]
        start = 0
        for i, w in enumerate(words):
            if i > start and w in openers and not _lends(words[i - 1], lang):
                out.append(tuple(words[start:i]))
                start = i
        out.append(tuple(words[start:]))
    return tuple(out)


def _lends(word: str, lang: str) -> bool:
    """Whether ``word`` is a form of a verb that lends its negation ("creo", "думаю")."""
    lending, stems = _lending(lang)
    return bool(word in lending or lexicon.base_forms(word, lang) & lending) or (
        stem(word, lang) in stems
    )


@cache
def _lending(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The verbs that lend their negation to the clause they open, and their stems."""
    verbs = frozenset(data_json("opposite_words.json")["negation_lending"][lang])
    return verbs, frozenset(stem(v, lang) for v in verbs)


def _phrasal(word: str, text: str, lang: str) -> bool:
    """Whether an English verb ``word`` stands before a particle ("came out", "gave up");
    an adjective or adverb before one is no phrasal verb ("early on", "far off")."""
    if lang != "en" or not _verb(word):
        return False
    words = [w.lower() for w in tokens(text)]
    return any(w == word and nxt in _words("particles") for w, nxt in pairwise(words))


def _verb(word: str) -> bool:
    """Whether WordNet knows an English word, or its base form, as a verb."""
    return any("verb" in wordnet.word_classes(w) for w in {word, *lexicon.base_forms(word, "en")})


def _light(word: str, lang: str) -> bool:
    """Whether a main sense of ``word`` is a light verb ("hacer": do, make; "given")."""
    return bool(_main(word, lang) & _words("light_verbs"))


def _main_antonyms(word: str, src: str, stands: str, tgt: str) -> bool:
    """Whether a main sense of one word is an antonym of a main sense of the other; a
    form the dictionaries do not know ("bajaron") is taken on the judge's word (its stem
    met an antonym's rendering)."""
    if not _main(stands, tgt):
        return bool(_main(word, src))
    return _senses_opposed(word, src, stands, tgt)


@lru_cache(maxsize=1 << 14)
def _main(word: str, lang: str) -> frozenset[str]:
    """A word's main English senses that are content words: "así" is as and like, "mismo"
    same, "otros" other, and their antonyms ("unlike", "different") are everywhere a
    person rewords a comparison."""
    senses = main_senses(word, lang, english_of(word, lang))
    if lang == "en":  # "fell" is fall's
        senses = senses | lexicon.base_forms(word, "en")
    return frozenset(senses - _words("pro_forms") - stopwords("en"))


__all__ = ["OppositeWordsCheck"]
