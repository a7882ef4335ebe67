"""Model-free checks of one translated sentence, in the manner of pofilter and Xbench.

API (pure function, no models except lingua's language identification):

``check_translation(source, translation, src, tgt, thresholds) -> list[Flag]``
    ``source`` is one sentence (or sentence group) in language ``src``, ``translation`` its
    translation in ``tgt``; ``thresholds`` is ``xlate.config.Thresholds``. Returns
    ``xlate.report.Flag`` objects (kind, severity, reason an editor can read, detail), for:

    ========== ======== ==========================================================
    kind       severity when
    ========== ======== ==========================================================
    empty      high     the translation is blank and the source is not
    untranslated high/  the translation repeats the source (high) or mostly its
               medium   words (medium); sentences of only names/numbers/URLs aside
    wrong_language high lingua is confident the translation is in another language
    length     medium   the length ratio, normalised per language pair, is outside
                        ``length_ratio_low``/``length_ratio_high``
    repetition high/    an n-gram repeated ``repetition_min_repeats`` times in a row
               medium   (high), or a phrase said twice that the source says once
    bracket    low      ( ) [ ] { } of the source missing in the translation
    url, email medium   a URL / e-mail address not carried over verbatim
    acronym    low      an acronym neither kept, transliterated nor a known
                        translation (NATO/OTAN/НАТО, UN/ONU/ООН, U.S./EE. UU./США...)
    quote      medium   the source has more quotations than the translation
                        (any style: «…» for “…” is right)
    ========== ======== ==========================================================

Numbers and names are checked elsewhere (numbers.py, names.py).
"""

from __future__ import annotations

import re
from collections import Counter

from xlate.config import Thresholds
from xlate.report import Flag

__all__ = ["check_translation"]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"«»“”]+|"
    r"\b(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|info|io|es|ru|uk|de|fr|mx|ar|co)\b(?:/[^\s<>\"«»“”]*)?",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_TRAILING = ".,;:!?)]}»”\"'’"

# Characters per character of English: Spanish runs about 10% longer (newstest2012 medians:
# es/en 1.10, ru/en 1.01, ru/es 0.92).
_LENGTH_FACTOR = {"en": 1.0, "es": 1.10, "ru": 1.01}
# Below this many characters the length ratio says little.
_MIN_LENGTH_CHARS = 25
# Language identification needs this many letters to be trusted on one sentence.
_MIN_LANGID_LETTERS = 40

_BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"))

# Acronyms that news translations render differently, as groups of equivalent forms; an
# acronym is kept when any form of its group (case-insensitive, dots and spaces ignored)
# appears in the translation.
_ACRONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("NATO", "OTAN", "НАТО"),
    ("UN", "ONU", "ООН", "Naciones Unidas", "Объединенных Наций"),
    ("EU", "UE", "ЕС", "Евросоюз", "Unión Europea"),
    ("US", "USA", "EEUU", "EUA", "США", "Estados Unidos", "Штат", "Америк", "estadounidense"),
    ("UK", "GB", "Reino Unido", "Великобритан", "Британ", "Gran Bretaña"),
    ("IMF", "FMI", "МВФ"),
    ("WHO", "OMS", "ВОЗ"),
    ("WTO", "OMC", "ВТО"),
    ("FBI", "ФБР"),
    ("CIA", "ЦРУ"),
    ("KGB", "КГБ"),
    ("FSB", "ФСБ"),
    ("OPEC", "OPEP", "ОПЕК"),
    ("ECB", "BCE", "ЕЦБ"),
    ("GDP", "PIB", "ВВП"),
    ("AIDS", "SIDA", "СПИД"),
    ("HIV", "VIH", "ВИЧ"),
    ("DNA", "ADN", "ДНК"),
    ("USSR", "URSS", "СССР"),
    ("UAE", "EAU", "ОАЭ"),
    ("OSCE", "OSCE", "ОБСЕ"),
    ("NGO", "ONG", "НКО", "НПО"),
    ("CEO", "director", "директор", "consejero delegado", "presidente"),
    ("EC", "CE", "ЕК", "Comisión Europea", "Еврокомисс"),
    ("PM", "primer ministro", "премьер"),
    ("TV", "televisión", "телевид", "ТВ"),
    ("UFO", "OVNI", "НЛО"),
    ("IT", "TI", "ИТ", "informática"),
    ("AFP", "АФП", "Франс Пресс"),
    ("AP", "Associated Press", "Ассошиэйтед"),
    ("BBC", "Би-би-си"),
    ("CNN", "Си-эн-эн"),
    ("PP", "ПП", "Partido Popular", "Народн"),
    ("PSOE", "ИСРП", "социалист"),
    ("P.S.", "P.D.", "P.S", "Постскриптум"),
    ("NY", "N.Y.", "Nueva York", "Нью-Йорк"),
)
# U.S., EE. UU., NATO, НАТО, G20; two capitals alone (PC, ФК) are too often a translated word.
_ACRONYM = re.compile(
    r"\b[A-ZА-ЯЁ]{1,2}\.\s?[A-ZА-ЯЁ]{1,2}\.|\b(?:[A-ZА-ЯЁ]\.){2,}|\b[A-ZА-ЯЁ]{2}[A-ZА-ЯЁ0-9]*[A-ZА-ЯЁ]\b"
)
_ROMAN = re.compile(r"^(?=[MDCLXVI])M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$")


def _flag(kind: str, severity: str, reason: str, **detail: object) -> Flag:
    return Flag(kind=kind, severity=severity, reason=reason, detail=dict(detail))


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


# --- the checks ------------------------------------------------------------------------


def _untranslated(source: str, translation: str) -> Flag | None:
    src_words = [w for w in _words(_URL.sub(" ", source)) if not w.isdigit()]
    # Only running text can be left untranslated: names, numbers and URLs stay as they are.
    common = [w for w in src_words if w[0].islower() and len(w) > 1]
    if len(common) < 3:
        return None
    if _plain(source) == _plain(translation):
        return _flag("untranslated", "high", "the translation is the source text, untranslated")
    tgt = {w.casefold() for w in _words(translation)}
    kept = sum(w.casefold() in tgt for w in common)
    share = kept / len(common)
    if len(common) >= 4 and share >= 0.75:
        return _flag(
            "untranslated",
            "medium",
            f"most words of the source ({share:.0%}) are left as they were in the translation",
            share=round(share, 2),
        )
    return None


def _wrong_language(translation: str, tgt: str, thresholds: Thresholds) -> Flag | None:
    text = _EMAIL.sub(" ", _URL.sub(" ", translation))
    # Names say nothing of the language (Rychtářová reads as Czech in any sentence).
    text = " ".join(w for w in text.split() if not w[:1].isupper())
    if sum(ch.isalpha() for ch in text) < _MIN_LANGID_LETTERS or len(_words(text)) < 6:
        return None
    from xlate.languages import NAMES
    from xlate.text.langid import language_scores

    scores = language_scores(text, wide=True)
    best = max(scores, key=lambda k: scores[k])
    if best == tgt or scores[best] < thresholds.wrong_language_confidence:
        return None
    if scores.get(tgt, 0.0) >= 0.1:
        return None
    name = NAMES.get(best, best)
    return _flag(
        "wrong_language",
        "high",
        f"the translation reads as {name}, not {NAMES.get(tgt, tgt)}",
        language=best,
        confidence=round(scores[best], 2),
    )


def _length(source: str, translation: str, src: str, tgt: str, th: Thresholds) -> Flag | None:
    if len(source) < _MIN_LENGTH_CHARS:
        return None
    expected = _LENGTH_FACTOR.get(tgt, 1.0) / _LENGTH_FACTOR.get(src, 1.0)
    ratio = (len(translation) / len(source)) / expected
    if th.length_ratio_low <= ratio <= th.length_ratio_high:
        return None
    shorter = ratio < th.length_ratio_low
    return _flag(
        "length",
        "medium",
        f"the translation is {'much shorter' if shorter else 'much longer'} than expected "
        f"({ratio:.1f}× the usual length for {src}→{tgt}): "
        f"{'something may be missing' if shorter else 'something may have been added'}",
        ratio=round(ratio, 2),
    )


def _longest_run(words: list[str], max_n: int = 6) -> tuple[int, int, int]:
    """(repeats, n, index) of the most-repeated consecutive n-gram."""
    best = (1, 0, 0)
    for n in range(1, max_n + 1):
        for i in range(len(words) - 2 * n + 1):
            gram = words[i : i + n]
            count = 1
            j = i + n
            while words[j : j + n] == gram:
                count += 1
                j += n
            if count > best[0]:
                best = (count, n, i)
    return best


def _repeated_phrases(words: list[str], n: int) -> Counter[tuple[str, ...]]:
    grams = Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
    return Counter({g: c for g, c in grams.items() if c > 1})


def _repetition(source: str, translation: str, th: Thresholds) -> Flag | None:
    tgt_words = [w.casefold() for w in _words(translation)]
    src_words = [w.casefold() for w in _words(source)]
    repeats, n, i = _longest_run(tgt_words)
    if repeats >= th.repetition_min_repeats and _longest_run(src_words)[0] < repeats:
        phrase = " ".join(tgt_words[i : i + n])
        return _flag(
            "repetition",
            "high",
            f"the translation repeats “{phrase}” {repeats} times in a row",
            phrase=phrase,
            repeats=repeats,
        )
    # A phrase of six words said twice where the source repeats no phrase of four.
    twice = _repeated_phrases(tgt_words, 6)
    if twice and not _repeated_phrases(src_words, 4):
        phrase = " ".join(next(iter(twice)))
        return _flag(
            "repetition",
            "medium",
            f"the translation says “{phrase}” twice; the source repeats no such phrase",
            phrase=phrase,
            repeats=twice[next(iter(twice))],
        )
    return None


def _brackets(source: str, translation: str) -> list[Flag]:
    flags = []
    for opening, closing in _BRACKETS:
        missing = max(source.count(opening) - translation.count(opening), 0)
        missing = max(missing, source.count(closing) - translation.count(closing))
        if missing > 0:
            flags.append(
                _flag(
                    "bracket",
                    "low",
                    f"the source has {opening}{closing} brackets the translation lacks",
                    bracket=opening + closing,
                    missing=missing,
                )
            )
    return flags


def _verbatim(kind: str, pattern: re.Pattern[str], source: str, translation: str) -> list[Flag]:
    flags = []
    have = translation.casefold()
    for match in pattern.finditer(source):
        item = match.group(0).rstrip(_TRAILING)
        if item and item.casefold() not in have:
            what = "web address" if kind == "url" else "e-mail address"
            flags.append(
                _flag(
                    kind,
                    "medium",
                    f"the {what} {item} is not in the translation as written",
                    expected=item,
                )
            )
    return flags


def _shorten(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _squash(text: str) -> str:
    return re.sub(r"[\s.\-]", "", text).casefold()


def _acronym_kept(acronym: str, translation: str, tgt_squashed: str) -> bool:
    from unidecode import unidecode

    key = _squash(acronym)
    if key in tgt_squashed:
        return True
    from xlate.checks.names import groups_in, groups_of

    if groups_of(acronym) & set(groups_in(translation)):
        return True  # МАГАТЭ / OIEA, США / EE. UU.
    for group in _ACRONYM_GROUPS:
        if any(_squash(form) == key for form in group) and any(
            _squash(form) in tgt_squashed for form in group
        ):
            return True
    latin = _squash(unidecode(acronym))
    letters = sorted(latin)
    for word in re.findall(r"[^\W\d_]{2,}", translation):
        if not (word.isupper() or len(word) <= 6):
            continue
        other = _squash(unidecode(word))
        # transliterated (ФСБ/FSB) or the letters reordered (NATO/OTAN, EU/UE)
        if other == latin or (word.isupper() and sorted(other) == letters):
            return True
    return False


def _acronyms(source: str, translation: str) -> list[Flag]:
    letters = [ch for ch in source if ch.isalpha()]
    if not letters or sum(ch.isupper() for ch in letters) > 0.5 * len(letters):
        return []  # a headline in capitals: every word would look like an acronym
    bare = _EMAIL.sub(" ", _URL.sub(" ", source))
    tgt_squashed = _squash(translation)
    # Acronyms of the translation the source lacks: a local acronym (IED -> FDI, ADB -> АБР)
    src_keys = {_squash(m.group(0)) for m in _ACRONYM.finditer(bare)}
    local = [
        key for m in _ACRONYM.finditer(translation) if (key := _squash(m.group(0))) not in src_keys
    ]
    flags = []
    seen: set[str] = set()
    for match in _ACRONYM.finditer(bare):
        acronym = match.group(0)
        if acronym in seen or _ROMAN.match(acronym.replace(".", "")):
            continue
        if re.search(r"[А-ЯЁ]", acronym) and not re.search(r"[а-яё]", translation.lower()):
            # A Russian acronym abbreviates Russian words (СМИ, АБР): another language
            # spells the thing out or uses its own letters; nothing to carry over.
            continue
        seen.add(acronym)
        if not _acronym_kept(acronym, translation, tgt_squashed):
            size = len(_squash(acronym))
            stand_in = next((k for k in local if abs(len(k) - size) <= 1), None)
            if stand_in is not None:
                local.remove(stand_in)
                continue
            flags.append(
                _flag(
                    "acronym",
                    "low",
                    f"the acronym {acronym} is neither kept nor rendered by a known equivalent",
                    acronym=acronym,
                )
            )
    return flags


def _quotes(source: str, translation: str, src: str, tgt: str) -> Flag | None:
    from xlate.checks.quotes import extract_quotes

    src_quotes = extract_quotes(source, src)
    if not src_quotes:
        return None
    tgt_quotes = extract_quotes(translation, tgt)
    missing = len(src_quotes) - len(tgt_quotes)
    if missing <= 0:
        return None
    if not tgt_quotes:
        first = _shorten(src_quotes[0].text)
        reason = f"the translation has no quotation marks; the source quotes “{first}”"
    else:
        reason = (
            f"the source has {len(src_quotes)} quotations, the translation "
            f"{len(tgt_quotes)}: a quote lost its quotation marks"
        )
    return _flag("quote", "medium", reason, source_quotes=len(src_quotes), found=len(tgt_quotes))


def check_translation(
    source: str, translation: str, src: str, tgt: str, thresholds: Thresholds
) -> list[Flag]:
    """All model-free checks of one translated sentence (see the module doc)."""
    if not source.strip():
        return []
    if not translation.strip():
        return [_flag("empty", "high", "the translation is empty")]
    flags: list[Flag] = []
    echo = _untranslated(source, translation)
    if echo is not None:
        flags.append(echo)
    else:
        wrong = _wrong_language(translation, tgt, thresholds)
        if wrong is not None:
            flags.append(wrong)
    for flag in (
        _length(source, translation, src, tgt, thresholds),
        _repetition(source, translation, thresholds),
        _quotes(source, translation, src, tgt),
    ):
        if flag is not None:
            flags.append(flag)
    flags.extend(_brackets(source, translation))
    flags.extend(_verbatim("url", _URL, _EMAIL.sub(" ", source), translation))
    flags.extend(_verbatim("email", _EMAIL, source, translation))
    flags.extend(_acronyms(source, translation))
    return flags
