"""xlate's packaged word frequencies answer as wordfreq does, above the floor the checks need."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from unidecode import unidecode
from wordfreq import zipf_frequency

from xlate.checks.names import crossscript, lexicon
from xlate.text.frequencies import FLOOR, zipf
from xlate.text.wordnet import lemma_index

DATA = Path(__file__).parent / "data"


def _corpus_words(lang: str, limit: int = 400) -> list[str]:
    text = (DATA / f"newstest2012.{lang}").read_text(encoding="utf-8")
    words = sorted(set(re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text[:200_000])))
    return words[:: max(1, len(words) // limit)]


@pytest.mark.parametrize("lang", ["en", "es", "ru"])
def test_zipf_is_wordfreqs_value_for_real_words(lang: str) -> None:
    """Words as the name check asks them: lowercased, capitalised, transliterated to Latin
    (with apostrophes for ь: bol'shoi), hyphenated (Asia-Pacific); in every language."""
    words = _corpus_words(lang)
    forms = {f for w in words for f in (w, w.lower(), unidecode(w.lower()))}
    forms |= {"asia-pacific", "don't", "alexanderstraße", "g20", "ee.uu.", "", "—"}
    for form in sorted(forms):
        for other in ("en", "es", "ru"):
            expected = zipf_frequency(form, other)
            got = zipf(form, other)
            if expected > FLOOR[other]:
                assert got == expected, (form, other)
            else:
                assert got <= FLOOR[other], (form, other)


def test_known_values() -> None:
    assert zipf("the", "en") == zipf_frequency("the", "en") > 7
    assert zipf("путин", "ru") == zipf_frequency("путин", "ru") > 4
    assert zipf("xqzzyv", "es") == 0.0


def test_floor_is_below_every_threshold_that_reads_the_lists() -> None:
    """A value at or below FLOOR must answer every question as 0 would: each own-frequency
    threshold lies above the floor, and each 'rarer elsewhere' test (own - other < gap, own
    at least its threshold) cannot be met by another language's value at or below its
    floor. Lowering a threshold below what the packaged lists hold fails here: rebuild them
    (scripts/build_word_frequencies.py) with a lower FLOOR."""
    langs = ("en", "es", "ru")
    own_thresholds = [lexicon.WORDED_MIN, lexicon._ORDINARY_MIN, crossscript._NEIGHBOUR_WORD]
    own_thresholds += [*lexicon._COMMON_MIN.values(), lexicon._RU_ADJECTIVE_MIN]
    assert all(t > max(FLOOR.values()) for t in own_thresholds)
    # (lang, least own frequency, gap, languages compared with)
    uses = [(lang, lexicon.WORDED_MIN, lexicon._WORDED_GAP, langs) for lang in langs]
    uses += [(lang, lexicon._ORDINARY_MIN, lexicon._ORDINARY_GAP[lang], langs) for lang in langs]
    uses += [
        (lang, lexicon._COMMON_MIN[lang], lexicon._COMMON_GAP[lang], ("en", "es")) for lang in langs
    ]
    uses.append(("ru", lexicon._RU_ADJECTIVE_MIN, lexicon._COMMON_GAP["ru"], ("en", "es")))
    for lang, least, gap, among in uses:
        for other in among:
            if other != lang:
                assert least - FLOOR[other] >= gap, (lang, other, least, gap)


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="no word frequencies"):
        zipf("word", "xx")


def test_packaged_copy_is_what_the_build_script_writes() -> None:
    """The data file is reproducible from wordfreq (compared decompressed: zlib versions may
    pack the same text differently)."""
    import gzip
    import importlib.util
    from importlib.resources import files

    root = Path(__file__).parent.parent
    spec = importlib.util.spec_from_file_location(
        "build_word_frequencies", root / "scripts" / "build_word_frequencies.py"
    )
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    packaged = (files("xlate") / "data" / "wordfreq" / "es.txt.gz").read_bytes()
    assert gzip.decompress(build.packed("es")) == gzip.decompress(packaged)


def _letter_forms() -> set[str]:
    """Every word of the three corpora that wordfreq must tokenize, as the checks ask them
    (as written, lowercased, transliterated: Путин, stat'iu, natsional'naia, Straße), and
    pairs of words."""
    from xlate.text.frequencies import _single_token

    forms = {"l'amour", "o'neill", "d'un", "qu'il", "rock'n'roll", "a--b", "'s", "x'", "d'", "i'm"}
    forms |= {"we've", "uk's", "zhal'", "zhal''", "l'a'", "h'h", "a'b'c", "ab'é", "œu'vre"}
    forms |= {"İstanbul", "ẞtraße", "Ǆemal", "ﬁle", "L'Amour", "D'Un"}
    # full stops and underscores (_dotted): abbreviations, WordNet's multiword lemmas
    forms |= {"p.d.", "a..b", ".a", "a.", "a__b", "_a", "a_", "a._b", "a.'b", "l'a.b", "a_'b"}
    forms |= {"d'a.b", "a.b'c", "a.b'", "a'.b", "a_b_", "straße.de", "a.b..", "a.\u0301b", "ﬁ.le"}
    forms |= {"a. b", "a.-b", "a-b.c", ".", "_", "..", "İ.s", "ǅ.a", "x_y_z", "a_b.c"}
    forms |= {w for w in lemma_index() if "_" in w or "." in w}
    forms |= {w.replace(" ", "_") for w in list(lemma_index())[::50] if " " in w}
    for lang in ("en", "es", "ru"):
        text = (DATA / f"newstest2012.{lang}").read_text(encoding="utf-8")
        words = re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text)
        words += re.findall(r"[^\W\d_]+(?:\.[^\W\d_]+)+\.?", text)  # EE.UU., p.d.
        pairs = [f"{a} {b}" for a, b in zip(words[::17], words[1::17], strict=False)]
        for word in (*words, *pairs):
            low = word.lower()
            forms |= {word, low, unidecode(word), unidecode(low)}
    return {f for f in forms if not _single_token(f)}


def test_words_of_letters_are_tokenized_as_wordfreq_does() -> None:
    """The tokens made without wordfreq's tokenizer (``_letter_tokens``) are its own, on
    every such word of newstest2012 (en, es, ru) and its transliteration, and WordNet's
    lemmas written with full stops or underscores."""
    from wordfreq.tokens import lossy_tokenize

    from xlate.text.frequencies import _letter_tokens

    made = 0
    for form in sorted(_letter_forms()):
        tokens = _letter_tokens(form)
        if tokens is None:
            continue
        made += 1
        for lang in ("en", "es", "ru"):
            assert tokens == lossy_tokenize(form, lang), (form, lang)
    assert made > 1000
