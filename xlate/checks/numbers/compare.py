"""Whether the numbers of a source survived in its translation (and back-translation)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from xlate.checks.numbers.extract import extract_numbers
from xlate.checks.numbers.lexicon import month_before
from xlate.checks.numbers.mention import NumberMention
from xlate.report import EntityCheck, Flag

_EXACT_KINDS = {"percent", "decimal", "time"}
_DIGIT = re.compile(r"\d")
# An indefinite article or "one" in the source explains a "1" of the translation
# ("un metro" → "1-metre wide"; "a year" → "1 год").
_ONE_WORDS: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:a|an|one)\b", re.I),
    "es": re.compile(r"\b(?:un|una|uno)\b", re.I),
    "ru": re.compile(r"\b(?:од(?:ин|на|но|ни|ного|ной|ному|ним|ном|ну|них|ними))\b", re.I),
}
# A capitalised word (not the first of a sentence) right before a small integer: the
# number belongs to a name ("Casa de Arraigo 1", "Ministerio Público 3", "Part 1").
_NAME_BEFORE = re.compile(r"(?<=[^\W\d_]|[,;])\s+[„«\"']?([^\W\d_][^\W\d_.'-]*)\s+$")


def check_numbers(
    source: str,
    translation: str,
    back_translation: str | None,
    src: str,
    tgt: str,
    sentence_id: str,
    *,
    machine: bool = False,
) -> tuple[list[EntityCheck], list[Flag]]:
    """Check that each number of ``source`` survived in ``translation`` (see the package doc)."""
    back = extract_numbers(back_translation, src) if back_translation is not None else None
    return compare_numbers(
        extract_numbers(source, src),
        extract_numbers(translation, tgt),
        back,
        source=source,
        translation=translation,
        src=src,
        sentence_id=sentence_id,
        machine=machine,
    )


def compare_numbers(
    src_nums: Sequence[NumberMention],
    tgt_nums: Sequence[NumberMention],
    back_nums: Sequence[NumberMention] | None,
    *,
    source: str,
    translation: str,
    src: str,
    sentence_id: str,
    machine: bool = False,
) -> tuple[list[EntityCheck], list[Flag]]:
    """``check_numbers`` on numbers already extracted from the source, the translation and
    the back-translation (None: there is none). With ``machine`` (an engine translated) a
    source number the translation lacks is flagged too, unless the back-translation has it."""
    in_tgt, reused = _match_reusing(src_nums, tgt_nums)
    in_back = _match(src_nums, back_nums) if back_nums is not None else [None] * len(src_nums)
    matched_tgt = {i for i in in_tgt if i is not None}
    spare = [
        i
        for i in _unexplained(src_nums, tgt_nums, matched_tgt)
        if not _in_a_word(tgt_nums[i], source)
    ]
    spare_words = _unexplained_words(src_nums, tgt_nums, matched_tgt)
    repeated = [
        i
        for i, t in enumerate(tgt_nums)
        if i not in matched_tgt
        and i not in spare
        and not t.soft
        and (_DIGIT.search(t.text) or t.kind in ("cardinal", "ordinal"))
        and sum(_same(t, o) for o in tgt_nums) > sum(_same(t, o) for o in src_nums)
    ]
    checks: list[EntityCheck] = []
    flags: list[Flag] = []
    for k, s in enumerate(src_nums):
        check = EntityCheck(
            kind="number",
            sentence_id=sentence_id,
            text=s.text,
            value=s.value,
            in_translation=in_tgt[k] is not None,
            in_back_translation=in_back[k] is not None,
        )
        checks.append(check)
        # A number word stands in only for a number that could be one (not "1973").
        words = spare_words if s.kind != "year" else []
        pool = _pool(s, spare, words, tgt_nums)
        if in_tgt[k] is not None:
            changed = _changed(s, check, tgt_nums, pool, repeated) if k in reused else None
            if changed is not None:
                check.in_translation = False
                flags.append(changed)
            continue
        changed = _changed(s, check, tgt_nums, pool, repeated)
        if changed is not None:
            flags.append(changed)
            continue
        check.status = "ok" if in_back[k] is not None else "missing"
        if machine and check.status == "missing" and not s.soft and not _in_a_word(s, translation):
            # (an engine that glued the figure to its words, "personade46años", kept it)
            flags.append(_missing_flag(s, back_nums is not None))
    flags += _extra_flags(spare, tgt_nums, src_nums, source, translation, src)
    return checks, flags


def _pool(
    s: NumberMention, spare: list[int], words: list[int], tgt_nums: Sequence[NumberMention]
) -> list[int]:
    """The list of stand-ins a changed ``s`` is looked for in (the list itself: a stand-in
    used is removed from it): the unexplained figures, else the unexplained number words.
    A number word never became a year, so for one the figures count only when one of them
    is no year ("cuatro cilindros" → "five-cylinder ... in 1973": the "five")."""
    if not _form(s) and all(tgt_nums[i].kind == "year" for i in spare):
        return words
    return spare or words


def _unexplained(
    src_nums: Sequence[NumberMention], tgt_nums: Sequence[NumberMention], matched: set[int]
) -> list[int]:
    """Figures of the translation that nothing in the source explains.

    Only digits are evidence of a change: translators spell, drop and add number words
    ("four-year-old" → "четырехлетний", "twice", "a couple") far more often than they
    change a figure, and a number that is merely missing is recorded, not flagged. Soft
    words never count.
    """
    src_as_other = _match(tgt_nums, src_nums)
    spare = [
        i
        for i, t in enumerate(tgt_nums)
        if i not in matched and src_as_other[i] is None and not t.soft
    ]
    return [i for i in spare if _DIGIT.search(tgt_nums[i].text)]


def _in_a_word(mention: NumberMention, source: str) -> bool:
    """Whether the digits of a figure stand in the other text inside a word or designation
    that is read as no number ("21er Haus" → "casa 21", "3Q" or "Q3" → "в 3 квартале",
    "46-year-old" → "personade46años"): that text says the figure."""
    digits = re.sub(r"\D", "", mention.text)
    found = re.finditer(rf"(?<![\d.,]){digits}(?![\d]|[.,]\d)", source) if digits else ()
    return any(
        source[m.start() - 1 : m.start()].isalpha() or source[m.end() : m.end() + 1].isalpha()
        for m in found
    )


def _unexplained_words(
    src_nums: Sequence[NumberMention], tgt_nums: Sequence[NumberMention], matched: set[int]
) -> list[int]:
    """Number words of the translation that nothing in the source explains ("six ships"
    for "семь кораблей"): evidence of a change only where a source number is unmatched
    beside them, so a word a person merely added stays unflagged."""
    src_as_other = _match(tgt_nums, src_nums)
    return [
        i
        for i, t in enumerate(tgt_nums)
        if i not in matched
        and src_as_other[i] is None
        and not t.soft
        and not _DIGIT.search(t.text)
        and t.kind in ("cardinal", "ordinal", "percent")
    ]


def _missing_flag(s: NumberMention, with_back: bool) -> Flag:
    """An engine's translation lacks a source number (and so does its way back)."""
    evidence = " and the back-translation lacks it too" if with_back else ""
    return Flag(
        kind="number",
        severity="high",
        reason=f"number {s.text!r} is missing from the translation{evidence}",
        span=[s.start, s.end],
        detail={"expected": s.value, "found": []},
    )


def _changed(
    s: NumberMention,
    check: EntityCheck,
    tgt_nums: Sequence[NumberMention],
    spare: list[int],
    repeated: list[int],
) -> Flag | None:
    """The flag of a source number that an unexplained figure of the translation stands in
    for, marking ``check`` changed and using that figure up; None when none does.

    A figure the translation has more often than the source ("with 32 ... with 32" for
    "with 32 ... with 35") may stand in for a source number that went missing, and a
    number word so repeated for a number word.
    """
    has_digit = _DIGIT.search(s.text) is not None
    # A figure said more often than the source says it stands in for a figure; a number
    # word so repeated ("two ... three" → "три ... три") for a number word.
    said_more = [i for i in repeated if (_DIGIT.search(tgt_nums[i].text) is not None) == has_digit]
    stand_ins = spare or said_more
    if not has_digit:  # "cuatro" did not become the added "in 1973"
        stand_ins = [i for i in stand_ins if tgt_nums[i].kind != "year"]
    elif s.kind == "year":  # "in 2007" did not become "1,6 billones": a year, if any, did
        stand_ins = [i for i in stand_ins if tgt_nums[i].kind == "year"]
    if not stand_ins or s.soft:
        # A soft word such as "one" or "first" is too weak a source to call a figure a change.
        return None
    best = max(
        stand_ins, key=lambda i: Levenshtein.normalized_similarity(s.value, tgt_nums[i].value)
    )
    for used in (spare, repeated):  # the callers' lists: the stand-in is used up there
        if best in used:
            used.remove(best)
    check.status = "changed"
    check.found = [tgt_nums[best].text]
    return Flag(
        kind="number",
        severity="high",
        reason=f"number {s.text!r} became {tgt_nums[best].text!r} in the translation",
        span=[s.start, s.end],
        detail={"expected": s.value, "found": [tgt_nums[best].value]},
    )


def _extra_flags(
    spare: list[int],
    tgt_nums: Sequence[NumberMention],
    src_nums: Sequence[NumberMention],
    source: str,
    translation: str,
    src: str,
) -> list[Flag]:
    """Low flags for the figures of the translation the source lacks."""
    flags: list[Flag] = []
    for i in spare:
        t = tgt_nums[i]
        if t.kind == "year" and not any(n.kind == "year" for n in src_nums):
            continue  # translators add the year the source implies ("in 1958")
        if _explained_extra(t, translation, source, src):
            continue
        flags.append(
            Flag(
                kind="number",
                severity="low",
                reason=f"the translation has a number the source lacks: {t.text!r}",
                detail={"expected": None, "found": [t.value], "translation_span": [t.start, t.end]},
            )
        )
    return flags


def _short_year(a: NumberMention, b: NumberMention) -> bool:
    """Decades and years written short: "1990s"/"los 90"/"90-х", "the crisis of '29", "the
    nineties". A word under ten is no year ("одну" is not the 2001 of "June 2001")."""
    digits = len(re.sub(r"\D", "", b.text))
    return (
        a.value.isdigit()
        and b.value.isdigit()
        and 1900 <= int(a.value) <= 2099
        and len(b.value) <= 2
        and int(a.value) % 100 == int(b.value)
        and digits <= 2  # "'29", "90s", not "0007"
        and (digits > 0 or int(b.value) >= 10)
    )


def _hours(value: str) -> int | None:
    head = value.split(":")[0]
    return int(head) if head.isdigit() and int(head) <= 24 else None


def _same(a: NumberMention, b: NumberMention) -> bool:
    if (a.soft and b.kind in _EXACT_KINDS) or (b.soft and a.kind in _EXACT_KINDS):
        return False  # "first" is no "1.0%"
    if set(a.values) & set(b.values):
        return True
    if _short_year(a, b) or _short_year(b, a):
        return True
    if "time" in (a.kind, b.kind):
        ha, hb = _hours(a.value), _hours(b.value)
        a_min = a.value.split(":")[1] if ":" in a.value else "00"
        b_min = b.value.split(":")[1] if ":" in b.value else "00"
        return ha is not None and hb is not None and ha % 12 == hb % 12 and a_min == b_min
    return False


def _match(source: Sequence[NumberMention], other: Sequence[NumberMention]) -> list[int | None]:
    """For each source mention, the index of an equal mention of ``other``."""
    return _match_reusing(source, other)[0]


def _match_reusing(
    source: Sequence[NumberMention], other: Sequence[NumberMention]
) -> tuple[list[int | None], set[int]]:
    """For each source mention, the index of an equal mention of ``other`` (each used once
    where it can be), and the source mentions matched only to one already used.

    A mention written the same way (digits for digits, words for words) is matched first,
    so that "dos goles, 2:3" → "three-goal lead, 2:3" pairs the digits with the digits and
    leaves "dos" beside the "three" that replaced it; then any equal mention; then, for a
    number the translation says once for twice, one already used: a repeat the translation
    may say once ("two ... two" → "two ..."), or one of them changed ("two ... eight"),
    which an unexplained number of the translation then says.
    """
    used: set[int] = set()
    out: list[int | None] = [None] * len(source)
    for same_form in (True, False):
        for k, s in enumerate(source):
            if out[k] is not None:
                continue
            hit = next(
                (
                    i
                    for i, o in enumerate(other)
                    if i not in used and _same(s, o) and (not same_form or _form(s) == _form(o))
                ),
                None,
            )
            if hit is not None:
                used.add(hit)
                out[k] = hit
    reused: set[int] = set()
    for k, s in enumerate(source):
        if out[k] is None:
            # (not a soft one: "II" of "Juan Pablo II" explains no second "2")
            out[k] = next((i for i, o in enumerate(other) if not o.soft and _same(s, o)), None)
            if out[k] is not None:
                reused.add(k)
    return out, reused


def _form(mention: NumberMention) -> bool:
    """Whether the mention is written with digits."""
    return _DIGIT.search(mention.text) is not None


def _explained_extra(mention: NumberMention, translation: str, source: str, src: str) -> bool:
    """A number of the translation that the source lacks, yet that adds no fact."""
    if mention.kind != "cardinal" or not mention.text.isdigit():
        return False
    if mention.value == "1" and _ONE_WORDS[src].search(source):
        return True
    head = _NAME_BEFORE.search(translation[: mention.start])
    if head is None or len(mention.text) > 3:
        return False
    word = head.group(1)
    return word[0].isupper() and not month_before().match(word)
