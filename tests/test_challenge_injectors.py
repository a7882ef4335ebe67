"""The challenge set's injectors (benchmarks/challenge/) on real sentences, at fixed seeds.

Sentences from newstest2012 and from samples/maduro-su30-request.en.txt. These pin what
each injector does to a line (one change, of the right kind, grammatical where the
language inflects), not how often the checks catch it: that is the benchmark's table.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.challenge import facts, meaning  # noqa: E402
from benchmarks.challenge.bench import variants  # noqa: E402
from benchmarks.challenge.cases import Case  # noqa: E402
from benchmarks.challenge.categories import CATEGORIES, SAMPLES, select  # noqa: E402
from benchmarks.challenge.lexicon import DATA, parse, table  # noqa: E402
from benchmarks.challenge.text import DIGITS, find_names, linked, quotes  # noqa: E402
from benchmarks.entities import WELL_KNOWN  # noqa: E402


def case(source: str, translation: str, src: str, tgt: str, **context: list[str]) -> Case:
    return Case(
        0,
        source,
        translation,
        src,
        tgt,
        tuple(context.get("document", ())),
        tuple(context.get("elsewhere", ())),
    )


def rng(seed: int = 1) -> random.Random:
    return random.Random(seed)


def one_change(before: str, after: str) -> tuple[str, str]:
    """The stretch that differs between two strings (common prefix and suffix removed)."""
    i = 0
    while i < min(len(before), len(after)) and before[i] == after[i]:
        i += 1
    j = 0
    while j < min(len(before), len(after)) - i and before[-1 - j] == after[-1 - j]:
        j += 1
    return before[i : len(before) - j], after[i : len(after) - j]


# --- sentences --------------------------------------------------------------------------

MADURO_EN = (
    "The report indicates that Maduro sought assistance to bolster Venezuela’s air defense "
    "systems, which includes the acquisition of 14 missile units and the refurbishment of "
    "several Russian-made Sukhoi Su-30MK2 fighters that Caracas had previously bought."
)
BONDS_RU = "Доходность ее 10-летних облигаций составляет 28.45%."
BONDS_EN = "The yield on its 10-year bonds stands at 28.45%."
MADURO_ES = (
    "El informe indica que Maduro buscó ayuda para reforzar la defensa aérea de Venezuela, "
    "incluida la compra de 14 unidades de misiles y la renovación de varios cazas Sukhoi "
    "Su-30MK2 de fabricación rusa que Caracas había comprado."
)
JOBS_EN = (
    "At four different points during the interview, there are major gaps between questions "
    "and answers - 10 to 15-second ruminations, where Jobs is clearly weighing his thoughts, "
    "aiming for precision."
)
JOBS_RU = (
    "В четырех разных моментах во время интервью есть большие интервалы между вопросами и "
    "ответами - размышления по 10-15 секунд, где Джобс явно взвешивает свои мысли, чтобы "
    "сказать точнее."
)
CRINGELY_EN = (
    'There are also moments where Jobs" perfectionism rises to the surface, where he seems '
    "impatient about Cringely's questions, nudging him to move faster towards issues or "
    "subplots of greater import."
)
CRINGELY_RU = (
    "Также есть моменты, где перфекционизм Джобса выходит на поверхность, где он кажется "
    "раздраженным вопросами Крингли, заставляющими его быстрее переходить к вопросам или "
    "явлениям большей важности."
)
PIXAR_RU = (
    "В снятом до эры Пиксара, айподов и айфонов Потерянном интервью есть что-то зловеще "
    "пророческое, когда Джобс оценивает то, что, как он видит, разные компании делают верно и "
    "неверно, и предлагает свое собственное видение будущего информационных технологий."
)
VOTE_EN = "Without it the vote for one of the three candidates will not start."
VOTE_RU = "Без этого голосование за одного из трех кандидатов не начнется."
STATES_ES = (
    '"Es un hombre que sabe escuchar a los miembros de los veintisiete estados, comunicarse '
    'con ellos y que tiene una visión clarísima de hacia dónde debe ir la UE".'
)
STATES_EN = (
    '"He is a person who can listen to all twenty-seven member states, communicate with them '
    'perfectly, and who has a clear vision of where the EU should be headed."'
)
MADURO_PUTIN_EN = (
    "Venezuelan President Nicolás Maduro has reached out to Russian President Vladimir Putin "
    "for military support amid the increasing military presence of the U.S. in the Caribbean."
)
MADURO_PUTIN_ES = (
    "El presidente venezolano Nicolás Maduro ha pedido ayuda militar al presidente ruso "
    "Vladímir Putin ante la creciente presencia militar de EE. UU. en el Caribe."
)
DETERRENT_EN = (
    'The letter reportedly emphasized the Su-30 aircraft as "the most significant deterrent '
    'for the Venezuelan National Government in light of the potential threat of war."'
)
DETERRENT_ES = (
    'La carta destacaba el Su-30 como "el elemento disuasorio más importante para el Gobierno '
    'Nacional venezolano ante la posible amenaza de guerra".'
)


# --- text: what the injectors find --------------------------------------------------------


def test_digits_skip_designations_and_keep_ranges() -> None:
    assert [m.group() for m in DIGITS.finditer(MADURO_EN)] == ["14"]
    assert [m.group() for m in DIGITS.finditer(JOBS_RU)] == ["10", "15"]
    assert [m.group() for m in DIGITS.finditer(BONDS_RU)] == ["10", "28.45"]


def test_a_straight_quote_after_a_letter_is_an_apostrophe_not_a_quotation() -> None:
    assert quotes(CRINGELY_EN) == []
    assert quotes(DETERRENT_ES)[0].text.startswith("el elemento disuasorio")


def test_names_are_linked_across_scripts() -> None:
    names = [n.text for n in find_names(CRINGELY_RU, "ru")]
    assert names == ["Джобса", "Крингли"]
    assert all(linked(n, CRINGELY_EN) for n in names)
    assert not linked("Пиксара", CRINGELY_EN)


# --- facts (#12) --------------------------------------------------------------------------


def test_number_digits_changes_one_figure_within_range_and_format() -> None:
    edit = facts.number_digits(case(BONDS_EN, BONDS_RU, "en", "ru"), rng(3))
    assert edit is not None
    before, after = one_change(BONDS_RU, edit.text)
    assert edit.old in ("10", "28.45") and re.fullmatch(r"\d+(\.\d\d)?", edit.new)
    assert len(edit.new) == len(edit.old) and edit.new != edit.old
    assert 0.5 <= float(edit.new) / float(edit.old) <= 1.5
    assert before and after and after in edit.new


def test_number_digits_leaves_designations_alone() -> None:
    edit = facts.number_digits(case(MADURO_ES, MADURO_EN, "es", "en"), rng(1))
    assert edit is not None and edit.old == "14"
    assert "Su-30MK2" in edit.text and edit.new != "14"


def test_number_digits_changes_only_a_figure_the_source_states() -> None:
    # newstest2012 line 729: the Spanish says no year; the English reference adds "1973".
    source = "Con su legendaria torre para BMW pasó a ser internacionalmente conocido."
    added = "He finally shot to fame internationally in 1973 with his legendary BMW Tower."
    assert facts.number_digits(case(source, added, "es", "en"), rng(1)) is None
    stated = facts.number_digits(case(f"En 1973, {source}", added, "es", "en"), rng(1))
    assert stated is not None and stated.old == "1973"


def test_number_word_keeps_the_russian_case() -> None:
    for seed in range(5):
        edit = facts.number_word(case(VOTE_EN, VOTE_RU, "en", "ru"), rng(seed))
        assert edit is not None and edit.old == "трех"
        reading = parse(edit.new, frozenset({"NUMR"}))
        assert reading is not None and reading.normal_form in ("два", "четыре")
        assert reading.tag.case == "gent"
        assert edit.text == VOTE_RU.replace("трех", edit.new)


def test_number_word_oblique_case_of_a_plural() -> None:
    edit = facts.number_word(case(JOBS_EN, JOBS_RU, "en", "ru"), rng(1))
    assert edit is not None and edit.old == "четырех"
    assert edit.new in ("двух", "трех")


def test_number_word_changes_one_part_of_a_compound() -> None:
    edit = facts.number_word(case(STATES_ES, STATES_EN, "es", "en"), rng(1))
    assert edit is not None
    assert re.search(
        r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-\w+ member", edit.text
    )
    assert edit.text != STATES_EN and "twenty-seven" not in edit.text


def test_number_word_spanish_compound() -> None:
    edit = facts.number_word(case(STATES_EN, STATES_ES, "en", "es"), rng(2))
    assert edit is not None and edit.old == "veintisiete"
    assert edit.new.startswith("veinti") and edit.new != "veintisiete"


def test_number_word_never_puts_in_a_number_the_source_says() -> None:
    # newstest2012 line 1234: floors counted from one in Russian; "fifth" would be right.
    ru = "Квартира на пятом этаже загорелась во второй половине дня в четверг."
    en = "The fourth floor flat was set alight on Thursday afternoon."
    for seed in range(20):
        edit = facts.number_word(case(ru, en, "ru", "en"), rng(seed))
        assert edit is not None and edit.old == "fourth" and edit.new != "fifth"


def test_figure_removed_takes_the_number_and_its_preposition() -> None:
    edit = facts.figure_removed(case("x", MADURO_EN, "es", "en"), rng(1))
    assert edit is not None and edit.old == "14"
    assert "acquisition missile units" in edit.text and "14" not in edit.text


def test_figure_removed_takes_the_percent_sign() -> None:
    edit = facts.figure_removed(
        case("x", "El interés de sus bonos a diez años es del 28,45%.", "en", "es"), rng(1)
    )
    assert edit is not None and edit.old == "28,45%"
    assert edit.text == "El interés de sus bonos a diez años es."


def test_name_document_takes_a_name_of_the_same_document() -> None:
    c = case(CRINGELY_EN, CRINGELY_RU, "en", "ru", document=[PIXAR_RU])
    edit = facts.name_document(c, rng(1))
    assert edit is not None and edit.old in ("Джобса", "Крингли")
    assert edit.new.startswith("Пиксар")  # the only name of the document absent here


def test_name_known_puts_a_well_known_name_in_the_case_of_the_old_one() -> None:
    edit = facts.name_known(case(CRINGELY_EN, CRINGELY_RU, "en", "ru"), rng(1))
    assert edit is not None and edit.old in ("Джобса", "Крингли")
    lemmas = {str(parse(n).normal_form) for n in WELL_KNOWN["ru"]}
    assert str(parse(edit.new).normal_form) in lemmas


def test_name_word_puts_an_ordinary_word_without_a_doubled_article() -> None:
    c = case(MADURO_PUTIN_EN, MADURO_PUTIN_ES, "en", "es")
    for seed in range(6):
        edit = facts.name_word(c, rng(seed))
        assert edit is not None and edit.old in ("Nicolás Maduro", "Vladímir Putin", "Caribe")
        assert edit.new.split()[-1].islower()
        assert not re.search(r"\b(de|a) el\b|\bel (el|la)\b", edit.text)


def test_name_part_replaces_one_word_and_keeps_the_rest() -> None:
    c = case(
        MADURO_PUTIN_EN,
        MADURO_PUTIN_ES,
        "en",
        "es",
        elsewhere=["El técnico del Manchester City, Roberto Mancini, habló después del partido."],
    )
    edit = facts.name_part(c, rng(1))
    assert edit is not None
    assert edit.old in ("Nicolás", "Maduro", "Vladímir", "Putin")
    assert edit.new in ("Manchester", "City", "Roberto", "Mancini")
    assert len(edit.text.split()) == len(MADURO_PUTIN_ES.split())


def test_name_removed_leaves_the_rest() -> None:
    edit = facts.name_removed(case(CRINGELY_EN, CRINGELY_RU, "en", "ru"), rng(1))
    assert edit is not None and edit.new == ""
    assert edit.old not in edit.text and "  " not in edit.text


def test_quote_removed_takes_the_marks_too() -> None:
    edit = facts.quote_removed(case(DETERRENT_EN, DETERRENT_ES, "en", "es"), rng(1))
    assert edit is not None
    assert edit.text == "La carta destacaba el Su-30 como."


# --- meaning (#13) ------------------------------------------------------------------------


def test_negation_added_in_each_language() -> None:
    es = meaning.negation_added(case(MADURO_PUTIN_EN, MADURO_PUTIN_ES, "en", "es"), rng(1))
    assert es is not None and "Maduro no ha pedido" in es.text
    en = meaning.negation_added(case("x", MADURO_PUTIN_EN, "es", "en"), rng(1))
    assert en is not None and "has not reached" in en.text
    ru = meaning.negation_added(case(CRINGELY_EN, CRINGELY_RU, "en", "ru"), rng(1))
    assert ru is not None and one_change(CRINGELY_RU, ru.text)[1].strip() == "не"


def test_negation_added_goes_before_spanish_clitics() -> None:
    text = "Un torbellino estadístico se ha extendido por Europa."
    edit = meaning.negation_added(case("x", text, "en", "es"), rng(1))
    assert (
        edit is not None and edit.text == "Un torbellino estadístico no se ha extendido por Europa."
    )


def test_negation_removed_keeps_fixed_phrases() -> None:
    text = "Чешская сборная не только выиграла, но и понравилась зрителям."
    source = "The Czech team did not just win, it pleased the crowd."
    assert meaning.negation_removed(case(source, text, "en", "ru"), rng(1)) is None
    edit = meaning.negation_removed(case(VOTE_EN, VOTE_RU, "en", "ru"), rng(1))
    assert (
        edit is not None
        and edit.text == "Без этого голосование за одного из трех кандидатов начнется."
    )
    en = meaning.negation_removed(
        case("No suenan como él.", "They don't sound like him.", "es", "en"), rng(1)
    )
    assert en is not None and en.text == "They do sound like him."


def test_negation_removed_only_where_the_source_negates() -> None:
    # newstest2012 line 470: the "не" of "не смог" renders "failed to", a word that says
    # the negation; taking it away is no removed negation of the source's
    source = "Tomáš Plekanec failed to score on one of their raids."
    text = "Томаш Плеканец не смог забить во время одной из их атак."
    assert meaning.negation_removed(case(source, text, "en", "ru"), rng(1)) is None
    negated = "Tomáš Plekanec did not score on one of their raids."
    edit = meaning.negation_removed(case(negated, text, "en", "ru"), rng(1))
    assert edit is not None and "Плеканец смог забить" in edit.text


def test_antonym_agrees_and_stays_out_of_names() -> None:
    ru = "Не было достигнуто согласия по поводу того, кто имеет право голосовать - только законные представители."
    edit = meaning.antonym(case("x", ru, "en", "ru"), rng(1))
    assert edit is not None and edit.old == "законные" and edit.new == "незаконные"
    ny = "La empresa IBM se fundó en Nueva York hace cien años."
    assert meaning.antonym(case("x", ny, "en", "es"), rng(1)) is None


def test_quote_word_categories_change_a_word_inside_the_quote_only() -> None:
    c = case(
        DETERRENT_EN,
        DETERRENT_ES,
        "en",
        "es",
        elsewhere=["Los aficionados celebraron la victoria en la plaza mayor de la ciudad."],
    )
    inside = quotes(DETERRENT_ES)[0]
    outside = DETERRENT_ES[: inside.start]
    synonym = meaning.quote_synonym(c, rng(1))
    assert synonym is not None and (synonym.old, synonym.new) in (
        ("disuasorio", "disuasivo"),
        ("importante", "significativo"),
    )
    opposite = meaning.quote_opposite(c, rng(1))
    assert opposite is not None and opposite.old == "más" and opposite.new == "menos"
    unrelated = meaning.quote_unrelated(c, rng(1))
    assert unrelated is not None and unrelated.old == "disuasorio"  # the rarest word
    for edit in (synonym, opposite, unrelated):
        assert edit.text.startswith(outside)


def test_clause_omitted_and_added() -> None:
    text = "The Czech national team did not play well, and the coach said it was a bad day."
    gone = meaning.clause_omitted(case("x", text, "es", "en"), rng(1))
    assert gone is not None and gone.text == "The Czech national team did not play well."
    other = "The minister, who arrived late on Monday, spoke to the press about the budget."
    added = meaning.clause_added(case("x", text, "es", "en", elsewhere=[other]), rng(1))
    assert added is not None and added.text == text[:-1] + ", who arrived late on Monday."


# --- the registry and the data ------------------------------------------------------------


def test_categories_and_data_files() -> None:
    names = [c.name for c in CATEGORIES]
    assert len(names) == len(set(names))
    assert {c.issue for c in CATEGORIES if c.sealed} == {12, 13}
    assert [c.name for c in CATEGORIES if c.clean_variant] == ["quote_synonym"]
    assert all(c.sample in SAMPLES for c in CATEGORIES)
    assert [c.name for c in select("name_")][:2] == ["name_document", "name_known"]
    for path in DATA.glob("*.tsv"):
        rows = table(path.stem)
        assert rows and all(r["lang"] in ("en", "es", "ru") for r in rows), path.name
        assert all(all(v is not None for v in r.values()) for r in rows), path.name


def test_variants_are_deterministic_per_seed() -> None:
    cases = [case(CRINGELY_EN, CRINGELY_RU, "en", "ru", document=[PIXAR_RU])]
    for category in CATEGORIES:
        first = variants(cases, category, 7, "en-ru")
        assert first == variants(cases, category, 7, "en-ru")


@pytest.mark.parametrize("category", CATEGORIES, ids=lambda c: c.name)
def test_every_injector_returns_none_or_a_changed_line(category: object) -> None:
    from benchmarks.challenge.categories import Category

    assert isinstance(category, Category)
    for src, tgt, s, t in (
        (MADURO_PUTIN_EN, MADURO_PUTIN_ES, "en", "es"),
        (DETERRENT_EN, DETERRENT_ES, "en", "es"),
        (CRINGELY_EN, CRINGELY_RU, "en", "ru"),
        (STATES_ES, STATES_EN, "es", "en"),
    ):
        edit = category.inject(case(src, tgt, s, t, elsewhere=[MADURO_EN, PIXAR_RU]), rng(1))
        assert edit is None or (edit.text != tgt and edit.text.strip())


def test_opposite_with_no_counterpart_in_the_source_is_unreachable() -> None:
    from benchmarks.challenge.cases import Case, Edit
    from benchmarks.challenge.reach import reachable
    from xlate.checks import lexicon

    if lexicon.missing():
        pytest.skip("FreeDict/WordNet not installed")

    # newstest2012 line 459: "happy" has no counterpart in "Estoy muy satisfecho de ello"
    happy = Case(459, '"Estoy muy satisfecho de ello".', '"It makes me happy."', "es", "en")
    assert not reachable(happy, Edit('"It makes me unhappy."', "happy", "unhappy"))
    # line 283: "clear" renders "clarísima"
    clear = Case(283, '"tiene una visión clarísima"', '"has a clear vision"', "es", "en")
    assert reachable(clear, Edit('"has a unclear vision"', "clear", "unclear"))


def test_number_word_changes_only_a_number_the_source_states() -> None:
    # newstest2012 line 834: "the two countries" renders no number of the Spanish.
    es = "La convivencia se puso en escena con alegres colores, como una historia con final feliz."
    en = "Cooperation between the two countries was presented in a positive light - as a success story."
    for seed in range(10):
        assert facts.number_word(case(es, en, "es", "en"), rng(seed)) is None
    # line 287: "hace dos años" for "the year before last" is no number of the source.
    ru = "Она назвала успешным председательство Чехии в позапрошлом году."
    assert (
        facts.number_word(
            case(ru, "La presidencia checa de hace dos años fue un éxito.", "ru", "es"), rng(1)
        )
        is None
    )
    # a part of a number the source states in digits may change ("27" -> "veintisiete")
    assert facts.number_word(
        case("los 27 estados", "all twenty-seven member states", "es", "en"), rng(1)
    )


def test_number_word_reads_russian_yo_and_e_alike() -> None:
    # The table writes "четвёртый"; most texts "четвертый" (newstest2012 line 455).
    assert facts.source_values("в дальнейшем преобразован в четвертый гол", "ru") == {4}
    assert facts.source_values("на четвёртом этаже", "ru") == {4}
    for seed in range(10):
        edit = facts.number_word(case("el gol número 4", "в четвертый гол", "es", "ru"), rng(seed))
        assert edit is not None and edit.new.replace("ё", "е") != "четвертый"
