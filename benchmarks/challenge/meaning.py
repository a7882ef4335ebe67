"""Injectors for issue #13: polarity, antonyms, a quote's key word, clauses.

Same contract as :mod:`benchmarks.challenge.facts`. ``quote_synonym`` is the one whose
variant is still a correct translation: a flag on it is a false alarm.
"""

from __future__ import annotations

import random
from functools import cache

from benchmarks.challenge.cases import Case, Edit
from benchmarks.challenge.lexicon import match_case, pairs, parse, rows, ru_form, zipf
from benchmarks.challenge.text import (
    Span,
    clauses,
    contract,
    find_names,
    quotes,
    replace,
    sentence_initial,
    words,
)

# A content word of a quote: at least this long, and rarer than this (Zipf scale).
_CONTENT_LEN = 4
_CONTENT_ZIPF = 5.0
# An unrelated word is drawn from the words of other documents nearest in frequency.
_NEAREST = 5


@cache
def _negation(lang: str, role: str) -> dict[str, str]:
    return {
        r["form"].lower(): r["replacement"] for r in rows("negation", lang) if r["role"] == role
    }


def _insert(text: str, at: int, word: str) -> str:
    """``word`` and a space inserted before ``text[at]``, taking over a sentence capital."""
    if sentence_initial(text, at) and text[at : at + 1].isupper():
        rest = text[at:]
        if not (len(rest) > 1 and rest[1].isupper()):  # an acronym keeps its capitals
            rest = rest[:1].lower() + rest[1:]
        return text[:at] + word[:1].upper() + word[1:] + " " + rest
    return text[:at] + word + " " + text[at:]


def _negatable(tokens: list[Span], lang: str) -> list[int]:
    """Where a negation can go: English auxiliaries, Spanish finite verbs, Russian
    indicative verbs, not already negated."""
    negators = set(_negation(lang, "negator")) | set(_negation(lang, "concord"))
    out = []
    for i, t in enumerate(tokens):
        word = t.text.lower()
        before = tokens[i - 1].text.lower() if i else ""
        after = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
        if before in negators or after in negators or after.endswith("n't"):
            continue
        if (lang == "en" and word in _negation("en", "aux") and after != "to") or (
            lang == "es" and word in _negation("es", "finite")
        ):
            out.append(i)
        elif lang == "ru":
            reading = parse(t.text)
            if reading is not None and reading.tag.POS == "VERB" and "indc" in reading.tag:
                out.append(i)
    return out


def negation_added(case: Case, rng: random.Random) -> Edit | None:
    """A negation added to a verb: "is" -> "is not", "ha dicho" -> "no ha dicho", "сказал"
    -> "не сказал" (before Spanish clitics: "se ha" -> "no se ha")."""
    text, lang = case.translation, case.tgt
    tokens = words(text)
    places = _negatable(tokens, lang)
    if not places:
        return None
    i = rng.choice(places)
    t = tokens[i]
    if lang == "en":
        fused = _negation("en", "aux")[t.text.lower()]
        new = match_case(fused, t.text) if fused else f"{t.text} not"
        return Edit(replace(text, t, new), t.text, new)
    clitics = _negation("es", "clitic")
    while lang == "es" and i > 0 and tokens[i - 1].text.lower() in clitics:
        i -= 1
    word = "no" if lang == "es" else "не"
    new_text = _insert(text, tokens[i].start, word)
    return Edit(new_text, t.text, f"{word} {t.text}")


def _removable(tokens: list[Span], lang: str) -> list[int]:
    negators = _negation(lang, "negator")
    contracted = _negation(lang, "contracted")
    idioms = set(_negation(lang, "idiom"))
    concord = set(_negation(lang, "concord"))
    out = []
    for i, t in enumerate(tokens):
        word = t.text.lower()
        if word in contracted:
            out.append(i)
            continue
        if word not in negators or i + 1 == len(tokens) or tokens[i + 1].start != t.end + 1:
            continue  # "que no, pero": no verb follows
        pair = f"{word} {tokens[i + 1].text.lower()}"
        near = {x.text.lower() for x in tokens[max(0, i - 3) : i + 6]}
        if pair not in idioms and not (near & concord):
            out.append(i)
    return out


def _source_negated(case: Case) -> bool:
    """Whether the source says a negation at all. People's translations of one original
    (newstest2012's en, es and ru all render a Czech or German one) often put a "не" where
    the other side has none ("failed to", "little", a sentence recast): taking that one
    away may bring the translation closer to its source, and is no error to count."""
    marks = set().union(
        *(_negation(case.src, role) for role in ("negator", "concord", "contracted", "marker"))
    )
    said = {t.text.lower() for t in words(case.source)}
    return bool(said & marks) or (case.src == "en" and any(w.endswith("n't") for w in said))


def negation_removed(case: Case, rng: random.Random) -> Edit | None:
    """A negation taken away: "did not say" -> "did say", "don't" -> "do", "no ha" -> "ha",
    "не было" -> "было" (not in fixed phrases such as "not only", "не менее"), in a line
    whose source says a negation (see ``_source_negated``)."""
    if not _source_negated(case):
        return None
    text, lang = case.translation, case.tgt
    tokens = words(text)
    places = _removable(tokens, lang)
    if not places:
        return None
    t = tokens[rng.choice(places)]
    positive = _negation(lang, "contracted").get(t.text.lower())
    if positive:
        return Edit(replace(text, t, match_case(positive, t.text)), t.text, positive)
    end = t.end + 1 if text[t.end : t.end + 1] == " " else t.end
    new_text = text[: t.start] + text[end:]
    if t.text[:1].isupper():
        at = t.start
        new_text = new_text[:at] + new_text[at : at + 1].upper() + new_text[at + 1 :]
    return Edit(new_text, t.text, "")


def _swap_word(t: Span, table: dict[str, str], lang: str) -> str | None:
    """``t`` replaced from a word table (Russian by lemma, inflected like ``t``)."""
    if lang != "ru":
        other = table.get(t.text.lower())
        return match_case(other, t.text) if other else None
    reading = parse(t.text)
    if reading is None:
        return None
    other = table.get(str(reading.normal_form)) or table.get(
        str(reading.normal_form).replace("е", "ё")
    )
    if other is None:
        return None
    return ru_form(other, t.text, frozenset({reading.tag.POS}))


def _swap_in(case: Case, rng: random.Random, table: str, spans: list[Span]) -> Edit | None:
    """A word inside ``spans`` (never inside a name: New York) replaced from ``table``."""
    lookup = pairs(table, case.tgt)
    names = find_names(case.translation, case.tgt)
    candidates = []
    for t in words(case.translation):
        if any(n.start <= t.start < n.end for n in names):
            continue
        if any(s.start <= t.start and t.end <= s.end for s in spans):
            new = _swap_word(t, lookup, case.tgt)
            if new and new.lower() != t.text.lower():
                candidates.append((t, new))
    if not candidates:
        return None
    t, new = rng.choice(candidates)
    return Edit(contract(replace(case.translation, t, new), case.tgt), t.text, new)


def antonym(case: Case, rng: random.Random) -> Edit | None:
    """A word replaced by its antonym anywhere in the line ("rose" -> "fell")."""
    whole = [Span(0, len(case.translation), case.translation)]
    return _swap_in(case, rng, "antonyms", whole)


def _source_quoted(case: Case) -> list[Span]:
    return quotes(case.translation) if quotes(case.source) else []


def quote_opposite(case: Case, rng: random.Random) -> Edit | None:
    """A word of a quotation replaced by its opposite (the "incentivo" for "disuasorio")."""
    return _swap_in(case, rng, "antonyms", _source_quoted(case))


def quote_synonym(case: Case, rng: random.Random) -> Edit | None:
    """A word of a quotation replaced by a near-synonym: still correct (a clean variant)."""
    return _swap_in(case, rng, "synonyms", _source_quoted(case))


def _content(t: Span, lang: str) -> bool:
    return (
        len(t.text) >= _CONTENT_LEN
        and t.text.islower()
        and zipf(t.text, lang) < _CONTENT_ZIPF
        and "-" not in t.text
    )


def _unrelated(key: Span, case: Case, rng: random.Random) -> str | None:
    """A content word from other documents, among those nearest the key word in frequency
    (Russian: of its part of speech, inflected into its form)."""
    present = {w.text.lower() for w in words(case.translation)}
    pool = {
        w.text
        for line in case.elsewhere
        for w in words(line)
        if _content(w, case.tgt) and w.text.lower() not in present
    }
    model = parse(key.text) if case.tgt == "ru" else None
    forms: list[str] = []
    for word in sorted(pool):
        if model is None:
            forms.append(word)
            continue
        reading = parse(word)
        if reading is not None and reading.tag.POS == model.tag.POS:
            form = ru_form(str(reading.normal_form), key.text, frozenset({model.tag.POS}))
            if form and form.lower() != key.text.lower():
                forms.append(form)
    target = zipf(key.text, case.tgt)
    nearest = sorted(forms, key=lambda w: (abs(zipf(w, case.tgt) - target), w))[:_NEAREST]
    return rng.choice(nearest) if nearest else None


def quote_unrelated(case: Case, rng: random.Random) -> Edit | None:
    """A quotation's key word (its rarest content word) replaced by an unrelated word of
    like frequency from another document (Russian: the same part of speech and form)."""
    spans = _source_quoted(case)
    inside = [
        t
        for t in words(case.translation)
        if any(s.start <= t.start and t.end <= s.end for s in spans) and _content(t, case.tgt)
    ]
    if not inside:
        return None
    key = min(inside, key=lambda t: (zipf(t.text, case.tgt), t.start))
    new = _unrelated(key, case, rng)
    if new is None:
        return None
    return Edit(replace(case.translation, key, new), key.text, new)


def clause_omitted(case: Case, rng: random.Random) -> Edit | None:
    """A clause (a stretch between commas, semicolons or dashes, not the first, three
    words or more) left out; at least four words remain."""
    text = case.translation
    parts = clauses(text)
    candidates = [
        i
        for i in range(1, len(parts))
        if len(parts[i].text.split()) >= 3 and '"' not in parts[i].text
    ]
    if not candidates:
        return None
    i = rng.choice(candidates)
    new_text = text[: parts[i - 1].end] + text[parts[i].end :]
    if len(new_text.split()) < 4:
        return None
    return Edit(new_text, text[parts[i - 1].end : parts[i].end], "")


def clause_added(case: Case, rng: random.Random) -> Edit | None:
    """A clause of a line of another document added before the final punctuation."""
    found = [
        (line, c)
        for line in case.elsewhere
        for c in clauses(line)[1:]
        if 4 <= len(c.text.split()) <= 14 and not any(ch in c.text for ch in '"«»“”()')
    ]
    if not found:
        return None
    line, clause = rng.choice(found)
    names = find_names(line, case.tgt)
    added = clause.text.lstrip("-–— ")
    if not any(n.start == clause.start for n in names):
        added = added[:1].lower() + added[1:]
    text = case.translation.rstrip()
    end = len(text.rstrip('.!?"»”'))
    return Edit(text[:end] + ", " + added + text[end:], "", added)
