"""Opposites the quote check finds beyond WordNet's antonym pairs: a negating prefix, a
Spanish absolute superlative read as its base. Quotes from newstest2012."""

from __future__ import annotations

import pytest

from xlate.checks import lexicon
from xlate.checks.quotes.evidence import antonyms
from xlate.checks.quotes.fidelity import judge_words
from xlate.text import wordnet

# newstest2012: the Spanish quote and its English translation (one word changed below)
CLEAR_ES = (
    "Es un hombre que sabe escuchar a los miembros de los veintisiete estados, comunicarse "
    "con ellos y que tiene una visión clarísima de hacia dónde debe ir la UE"
)
CLEAR_EN = (
    "He is a person who can listen to all twenty-seven member states, communicate with them "
    "perfectly, and who has a {} vision of where the EU should be headed."
)
CAPAZ_ES = "un funcionario gris, capaz de asumir cualquier rol"
LIKE_RU = "Я бы хотел изменить это мнение"


def _status(verdicts: list, word: str) -> list[tuple[str, str]]:
    return [(v.status, v.stands) for v in verdicts if v.word == word]


def test_spanish_superlative_is_looked_up_as_its_base() -> None:
    assert {"claro"} <= lexicon.base_forms("clarísima", "es")
    assert "amable" in lexicon.base_forms("amabilísimos", "es")
    assert "feliz" in lexicon.base_forms("felicísimo", "es")
    assert "clear" in lexicon.renderings("clarísima", "es", "en", by_stem=False)


@pytest.mark.needs_lexicon
def test_superlative_rendered_by_its_antonym_is_changed() -> None:
    wrong = judge_words(CLEAR_ES, "es", CLEAR_EN.format("unclear"), "en")
    assert _status(wrong, "clarísima") == [("changed", "unclear")]
    right = judge_words(CLEAR_ES, "es", CLEAR_EN.format("clear"), "en")
    assert not [v for v in right if v.status == "changed"]


@pytest.mark.needs_lexicon
@pytest.mark.parametrize(
    ("quote", "src", "translated", "tgt", "word", "stands"),
    [
        # a rendering of the word with a negating prefix: capaz = capable, so incapable
        (CAPAZ_ES, "es", "a grey official, incapable of taking on any role", "en", "capaz",
         "incapable"),
        # хотеть = like, so dislike (WordNet pairs like with dislike only as a verb's sense)
        (LIKE_RU, "ru", "I'd dislike to change this opinion", "en", "хотел", "dislike"),
    ],
)  # fmt: skip
def test_negative_derivative_of_a_rendering_is_changed(
    quote: str, src: str, translated: str, tgt: str, word: str, stands: str
) -> None:
    assert _status(judge_words(quote, src, translated, tgt), word) == [("changed", stands)]


@pytest.mark.needs_lexicon
def test_right_rendering_is_no_negative_derivative() -> None:
    verdicts = judge_words(CAPAZ_ES, "es", "a grey official, capable of taking on any role", "en")
    assert not [v for v in verdicts if v.status == "changed"]


@pytest.mark.needs_lexicon
def test_function_word_is_no_negative_derivative() -> None:
    # "несколько" (some) is no не + сколько (how many), "некоторые" no не + которые
    verdicts = judge_words(
        "добавить несколько красивых вещей ... сказав ей о том, что ее одежда ужасна",
        "ru",
        "add some nice pieces ... telling her how awful the clothes are",
        "en",
    )
    assert not [v for v in verdicts if v.by == "negative prefix"]


@pytest.mark.needs_lexicon
def test_negated_look_alike_is_the_negative_derivative() -> None:
    # "неприличными" (indecent) said "not decent": the same, not an opposite
    verdicts = judge_words(
        "его нападки были неприличными, и многих людей удивили методы его кампании",
        "ru",
        "his attacks were not decent, and many people were caught by surprise by his campaign",
        "en",
    )
    assert not [v for v in verdicts if v.status == "changed"]


@pytest.mark.needs_lexicon
def test_look_alike_with_a_negating_prefix_is_no_rendering() -> None:
    # "incapable" looks like "capable" (capaz), and says its opposite
    verdicts = judge_words(CAPAZ_ES, "es", "a grey official, incapable of taking on any role", "en")
    # (found then by WordNet's capable/incapable; before, the look-alike kept it)
    assert _status(verdicts, "capaz") == [("changed", "incapable")]


# newstest2012 line 640: the Spanish quote and the Russian translation's
FUERTE_ES = (
    "Todavía siento tener un fuerte apoyo de la Federación Checa, la cual me eligió como su "
    "vicepresidente y que sabe que detrás de mí hay éxitos claros"
)
FUERTE_RU = (
    "Тем не менее, я по-прежнему чувствую {} поддержку в Чешской палате, которая избрала "
    "меня своим вице-президентом, и вижу, что я достиг каких-то очевидных успехов"
)


@pytest.mark.needs_lexicon
def test_word_met_through_english_by_a_side_sense_yields_to_an_antonym() -> None:
    # "claros" met "слабую" through light, a side sense of слабый (weak): "fuerte" (strong)
    # finds its antonym there
    wrong = judge_words(FUERTE_ES, "es", FUERTE_RU.format("слабую"), "ru")
    assert _status(wrong, "fuerte") == [("changed", "слабую")]
    right = judge_words(FUERTE_ES, "es", FUERTE_RU.format("сильную"), "ru")
    assert not [v for v in right if v.status == "changed"]


def test_adjective_satellite_takes_its_heads_antonyms() -> None:
    if lexicon.missing():
        pytest.skip("WordNet not installed")
    # WordNet's indirect antonyms: "huge" and "great" are similar to large, so small
    assert "small" in wordnet.antonyms("huge")
    assert "small" in wordnet.antonyms("great")
    # never a function word's, nor a noun first of all's
    assert not wordnet.antonyms("both")
    assert not wordnet.antonyms("meaning")


NOVELES_ES = "Jugamos el partido solo con un jugador veterano, el resto eran noveles"
NOVELES_EN = "We finished the match with just one experienced player, the rest were {} men."


@pytest.mark.needs_lexicon
def test_satellite_antonym_in_place_is_changed() -> None:
    # newstest2012 line 473: "noveles" (novel: similar to new) said "old"
    wrong = judge_words(NOVELES_ES, "es", NOVELES_EN.format("old"), "en")
    assert _status(wrong, "noveles") == [("changed", "old")]
    right = judge_words(NOVELES_ES, "es", NOVELES_EN.format("young"), "en")
    assert not [v for v in right if v.status == "changed"]


# newstest2012 line 928
SMALL_EN = (
    "That Wednesday, the government coalition of a small country with a population of seven "
    "million undertook the largest rescue operation in the history of the nation"
)
SMALL_ES = (
    "Ese miércoles la coalición gubernamental del {} país de siete millones decidió la mayor "
    "operación de rescate en la historia de su nación"
)


@pytest.mark.needs_lexicon
def test_antonym_known_from_the_standing_word() -> None:
    # "grande" and "mayor" are great, whose antonyms (a satellite's: large's) name small;
    # the dictionaries render no antonym of small as either. ("largest" takes "grande",
    # a form of large, and "small" the "mayor" left: the quote is flagged all the same.)
    wrong = judge_words(SMALL_EN, "en", SMALL_ES.format("grande"), "es")
    assert [v.status for v in wrong if v.word == "small"] == ["changed"]
    right = judge_words(SMALL_EN, "en", SMALL_ES.format("pequeño"), "es")
    assert not [v for v in right if v.status == "changed"]


@pytest.mark.needs_lexicon
def test_negation_idiom_negates_no_word_of_the_quote() -> None:
    # newstest2012 line 626: "Тем не менее" (nevertheless) holds a "не" that negates
    # nothing, so "few" for "многие" is an antonym, not a rewording of "not many"
    quote = "Тем не менее, многие люди сказали мне, что я не должен сдаваться, иначе придут другие"
    wrong = "However, few people told me I mustn't give up, otherwise others would follow."
    assert _status(judge_words(quote, "ru", wrong, "en"), "многие") == [("changed", "few")]
    right = wrong.replace("few", "many")
    assert _status(judge_words(quote, "ru", right, "en"), "многие") == [("kept", "")]


@pytest.mark.needs_lexicon
@pytest.mark.parametrize(
    ("quote", "src", "right", "wrong", "tgt", "word", "stands"),
    [
        # newstest2012 line 449: WordNet has no antonym of a preposition
        ("I told him before the match he would score a hat-trick", "en",
         "Ya antes del partido le había dicho que haría triplete",
         "Ya después del partido le había dicho que haría triplete", "es", "before", "después"),
        # line 1074, the other way: "antes" is before, whose antonym is after
        ("el gol antes del final sentenció el partido", "es",
         "the goal just before full-time decided the match",
         "the goal just after full-time decided the match", "en", "antes", "after"),
    ],
)  # fmt: skip
def test_function_word_antonym_wordnet_lacks_is_changed(
    quote: str, src: str, right: str, wrong: str, tgt: str, word: str, stands: str
) -> None:
    assert ("changed", stands) in _status(judge_words(quote, src, wrong, tgt), word)
    assert not [v for v in judge_words(quote, src, right, tgt) if v.status == "changed"]


def test_function_antonyms_read_both_ways() -> None:
    assert "after" in antonyms("before") and "before" in antonyms("after")
    assert "under" in antonyms("over") and "few" in antonyms("many")  # WordNet's stay


@pytest.mark.needs_lexicon
def test_a_function_word_opposes_a_word_only_by_its_main_sense() -> None:
    # newstest2012 line 909: "poco" is little, of "demasiado poco" (too little), not an
    # antonym of "clearly"; "mucho" for "little" still is
    quote = "The Adoboli incident clearly showed that risk control had changed too little,"
    right = (
        "Con el caso Adoboli se manifiesta que los controles de riesgo han cambiado demasiado poco"
    )
    assert not [v for v in judge_words(quote, "en", right, "es") if v.status == "changed"]
    wrong = right.replace("poco", "mucho")
    assert ("changed", "mucho") in _status(judge_words(quote, "en", wrong, "es"), "little")


@pytest.mark.needs_lexicon
def test_a_pair_the_quote_says_is_no_antonym_in_place() -> None:
    # newstest2012 line 1394: "hombres y mujeres" is "men and women"; "men" renders
    # "hombres", not the opposite of "mujeres"
    quote = (
        "elogia a los hombres y mujeres de las Fuerzas Armadas de Estados Unidos y a sus socios "
        "de la coalición que participaron en operaciones militares"
    )
    right = (
        "commends the men and women of the United States Armed Forces and their coalition "
        "partners who engaged in military operations"
    )
    assert _status(judge_words(quote, "es", right, "en"), "mujeres") != [("changed", "men")]
    assert not [v for v in judge_words(quote, "es", right, "en") if v.by == "antonym"]


@pytest.mark.needs_lexicon
def test_a_synset_keeps_only_the_pointers_that_are_read() -> None:
    """Antonyms and near words come through the pointers kept (a noun's hyponyms, most of
    its pointers, are not): "clear" (CLEAR_ES's clarísima) opposes unclear and opaque,
    "vision" is near "sight" and "imagination"."""
    senses = wordnet._senses("vision")
    kept = {symbol for pos, offset in senses for symbol, *_ in wordnet._pointers(pos, offset)}
    assert kept and kept <= set(wordnet._READ_POINTERS)
    assert {"unclear", "opaque"} <= wordnet.antonyms("clear")
    assert {"sight", "imagination"} <= wordnet.relatives("vision")


@pytest.mark.needs_lexicon
def test_a_synset_is_read_up_to_its_gloss() -> None:
    """The fields read of a synset line are all of its fields before the gloss's bar (the
    senses of CLEAR_ES's and CLEAR_EN's words)."""
    words = ("clear", "vision", "listen", "communicate", "perfectly", "person", "head")
    for pos, offset in {sense for word in words for sense in wordnet._senses(word)}:
        with open(wordnet.WORDNET_DIR / f"data.{pos}", "rb") as data:
            data.seek(offset)
            whole = data.readline().decode("utf-8").split()
        fields = wordnet._data_fields(pos, offset)
        assert whole[: len(fields) + 1] == [*fields, "|"]


@pytest.mark.needs_lexicon
def test_a_quantifier_stands_opposite_by_its_hand_written_sense() -> None:
    # newstest2012 line 1322: the dictionaries give "muchos" only mucho's senses (much,
    # a lot); closed_class.json's "many" is the sense whose antonym "few" is
    few = (
        "The few cops that I know that were called into this thing, they were not told it "
        "was for going into Zuccotti Park,"
    )
    spanish = (
        "A los {} polis que conozco que fueron llamados para esto, no les dijeron que era "
        "para entrar en el parque Zuccotti"
    )
    assert "many" in lexicon.closed_class_senses("muchos", "es")
    changed = judge_words(few, "en", spanish.format("muchos"), "es")
    assert _status(changed, "few") == [("changed", "muchos")]
    assert "many" in next(v.means for v in changed if v.word == "few")
    kept = judge_words(few, "en", spanish.format("pocos"), "es")
    assert all(v.status != "changed" for v in kept)


@pytest.mark.needs_lexicon
def test_a_spanish_feminine_adjective_that_is_a_noun_too_means_its_masculine() -> None:
    # "negativa" is a refusal in the dictionaries, "nueva" a piece of news (New York, in
    # fact); as adjectives they mean what "negativo" and "nuevo" mean. Articles and
    # pronouns in -a ("una", "otra") take no senses of the masculine (uno: all, each).
    assert {"negative", "refusal"} <= lexicon.renderings("negativas", "es", "en")
    assert "new" in lexicon.renderings("nueva", "es", "en")
    assert "all" not in lexicon.renderings("una", "es", "en")
    assert "other" not in lexicon.renderings("otra", "es", "en")
    # newstest2012 line 1467: the quote's "impresiones negativas" said positive
    quote = (
        "Cuando hablas acerca de tu servicio, necesitas hacer frente a las impresiones negativas"
    )
    said = "When you talk about your service, you need to counter the {} impressions,"
    changed = judge_words(quote, "es", said.format("positive"), "en")
    assert _status(changed, "negativas") == [("changed", "positive")]
    kept = judge_words(quote, "es", said.format("negative"), "en")
    assert all(v.status != "changed" for v in kept)


@pytest.mark.needs_lexicon
def test_much_and_few_are_one_quantitys_two_ends() -> None:
    # newstest2012 line 601: "mucha gente" is many people, and the dictionaries give
    # "mucha" only much, whose WordNet antonym is little
    quote = (
        "Sus ataques pero fueron vergonzosos y mucha gente quedó sorprendida por la campaña "
        "electoral."
    )
    said = "However, his attacks were not decent, and {} people were caught by surprise."
    assert _status(judge_words(quote, "es", said.format("few"), "en"), "mucha") == [
        ("changed", "few")
    ]
    assert _status(judge_words(quote, "es", said.format("many"), "en"), "mucha") != [
        ("changed", "many")
    ]


@pytest.mark.needs_lexicon
def test_more_and_less_are_main_senses_of_their_comparatives() -> None:
    # newstest2012 line 601 (ru): the dictionary's first rendering of "more" is больший, so
    # "больше" meant only big and large; "menos" (less) in its place said the opposite
    quote = "Он в футболе больше года и добился определенного успеха"
    said = "Lleva {} de un año en el mundo de fútbol, y ya ha logrado algunos éxitos."
    assert {"more"} <= lexicon.closed_class_senses("больше", "ru")
    changed = judge_words(quote, "ru", said.format("menos"), "es")
    assert _status(changed, "больше") == [("changed", "menos")]
    assert next(v.means for v in changed if v.word == "больше") == ["less"]
    assert all(v.status != "changed" for v in judge_words(quote, "ru", said.format("más"), "es"))


@pytest.mark.needs_lexicon
def test_a_word_kept_through_a_synonym_yields_to_an_antonym() -> None:
    # newstest2012 line 567: "go" met "последним" through its WordNet synonym "last"
    # (the food won't last); the antonym of "first" standing there is the better reading
    quote = "He (Pelta) would be the first one I'd go to."
    said = "Он (Пельта) был бы {}, к кому я бы обратился"
    changed = judge_words(quote, "en", said.format("последним"), "ru")
    assert _status(changed, "first") == [("changed", "последним")]
    assert all(v.status != "changed" for v in judge_words(quote, "en", said.format("первым"), "ru"))
