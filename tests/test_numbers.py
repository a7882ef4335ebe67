"""Number extraction in en/es/ru and the translation check."""

from __future__ import annotations

import random

import pytest

from tests.conftest import corpus_lines
from xlate.checks.numbers import check_numbers, extract_numbers


@pytest.mark.parametrize(
    ("lang", "text", "value", "kind"),
    [
        ("en", "14 missile units", "14", "cardinal"),
        ("en", "eight engines", "8", "cardinal"),
        ("en", "twenty-five jets", "25", "cardinal"),
        ("en", "1.5 million people", "1500000", "cardinal"),
        ("en", "a $3bn deal", "3000000000", "cardinal"),
        ("en", "1,500 people", "1500", "cardinal"),
        ("en", "the third time", "3", "ordinal"),
        ("en", "the 3rd time", "3", "ordinal"),
        ("en", "5 per cent", "5", "percent"),
        ("en", "in 2012", "2012", "year"),
        ("en", "at 3:30 p.m.", "15:30", "time"),
        ("es", "1,5 millones", "1500000", "cardinal"),
        ("es", "3.000 millones", "3000000000", "cardinal"),
        ("es", "3 mil millones", "3000000000", "cardinal"),
        ("es", "68 miles de millones", "68000000000", "cardinal"),
        ("es", "1.500 personas", "1500", "cardinal"),
        ("es", "15\u00a0000 personas", "15000", "cardinal"),
        ("es", "catorce", "14", "cardinal"),
        ("es", "veinticinco", "25", "cardinal"),
        ("es", "la tercera vez", "3", "ordinal"),
        ("es", "el 3.º puesto", "3", "ordinal"),
        ("es", "cinco por ciento", "5", "percent"),
        ("es", "dos millones y medio", "2500000", "cardinal"),
        ("ru", "восьми", "8", "cardinal"),
        ("ru", "восемью", "8", "cardinal"),
        ("ru", "двадцать пять", "25", "cardinal"),
        ("ru", "полтора миллиона", "1500000", "cardinal"),
        ("ru", "1,5 млн", "1500000", "cardinal"),
        ("ru", "3 млрд", "3000000000", "cardinal"),
        ("ru", "15 000 рублей", "15000", "cardinal"),
        ("ru", "третьего", "3", "ordinal"),
        ("ru", "3-й", "3", "ordinal"),
        ("ru", "двадцать пятого", "25", "ordinal"),
        ("ru", "5 процентов", "5", "percent"),
        ("ru", "трём", "3", "cardinal"),
    ],
)
def test_extracts_value_and_kind(lang: str, text: str, value: str, kind: str) -> None:
    found = extract_numbers(text, lang)
    assert [(m.value, m.kind) for m in found] == [(value, kind)]


@pytest.mark.parametrize(
    "text", ["the Su-30MK2 fighters", "an F-16", "COVID-19 cases", "flight MH17", "the G20"]
)
def test_designations_are_not_quantities(text: str) -> None:
    assert extract_numbers(text, "en") == []


def test_the_year_of_an_event_in_a_hyphenated_word_is_a_number() -> None:
    # newstest2012 line 1045: "Евро-2012" is "Euro 2012", "la Eurocopa 2012".
    assert [(m.value, m.kind) for m in extract_numbers("на Евро-2012", "ru")] == [("2012", "year")]
    assert extract_numbers("самолёты Ту-154 и Су-30МК2", "ru") == []
    _, flags = check_numbers(
        "Роналду выводит Португалию на Евро-2012",
        "Ronaldo rockets Portugal to Euro 2013",
        None,
        "ru",
        "en",
        "p1.s1",
    )
    assert [f.reason for f in flags] == ["number '2012' became '2013' in the translation"]


def test_vague_plurals_and_articles_are_not_numbers() -> None:
    assert extract_numbers("thousands of people", "en") == []
    assert extract_numbers("miles de personas en un año", "es") == []
    assert extract_numbers("тысячи людей", "ru") == []


def test_ambiguous_grouping_keeps_the_other_reading() -> None:
    (m,) = extract_numbers("1,500", "es")
    assert m.value == "1.5" and "1500" in m.alternatives


def test_changed_number_is_high() -> None:
    checks, flags = check_numbers(
        "He bought 14 units.", "Compró 41 unidades.", None, "en", "es", "p1.s1"
    )
    assert [(f.kind, f.severity) for f in flags] == [("number", "high")]
    assert checks[0].status == "changed" and checks[0].found == ["41"]


def test_words_and_digits_are_equal() -> None:
    checks, flags = check_numbers("eight engines", "8 двигателей", None, "en", "ru", "p1.s1")
    assert flags == [] and checks[0].status == "ok" and checks[0].in_translation


def test_missing_number_is_recorded_not_flagged() -> None:
    checks, flags = check_numbers("He bought 14 units.", "Compró unidades.", None, "en", "es", "s")
    assert flags == [] and checks[0].status == "missing"
    checks, flags = check_numbers(
        "He bought 14 units.", "Compró unidades.", "He bought 14 units.", "en", "es", "s"
    )
    assert flags == [] and not checks[0].in_translation and checks[0].in_back_translation


def test_decades_and_short_years_match() -> None:
    for src, tgt, lang in [
        ("In the 1990s it grew.", "En los años 90 creció.", "es"),
        ("В 1960-е годы", "In the '60s", "en"),
    ]:
        slang = "en" if lang == "es" else "ru"
        assert check_numbers(src, tgt, None, slang, lang, "s")[1] == []


def test_spelled_numbers_in_the_translation_are_not_flagged() -> None:
    _, flags = check_numbers("his 4-year-old son", "su hijo de cuatro años", None, "en", "es", "s")
    assert flags == []
    _, flags = check_numbers("twice a week", "dos veces por semana", None, "en", "es", "s")
    assert flags == []


def test_lost_on_the_way_back_is_recorded_not_flagged() -> None:
    checks, flags = check_numbers("14 units", "14 unidades", "some units", "en", "es", "s")
    assert flags == [] and checks[0].in_translation and not checks[0].in_back_translation


def test_article_like_one_is_not_flagged() -> None:
    _, flags = check_numbers("one of the best", "uno de los mejores", None, "en", "es", "s")
    assert flags == []
    _, flags = check_numbers("one of the best", "de los mejores", None, "en", "es", "s")
    assert flags == []


def test_extra_number_in_translation_is_low() -> None:
    _, flags = check_numbers("Many units.", "Compró 41 unidades.", None, "en", "es", "s")
    assert [(f.kind, f.severity) for f in flags] == [("number", "low")]


def _change_digit(text: str, lang: str, rng: random.Random) -> str | None:
    mentions = [m for m in extract_numbers(text, lang) if any(c.isdigit() for c in m.text)]
    if not mentions:
        return None
    m = rng.choice(mentions)
    pos = rng.choice([m.start + i for i, c in enumerate(m.text) if c.isdigit()])
    digit = rng.choice([d for d in "0123456789" if d != text[pos]])
    return text[:pos] + digit + text[pos + 1 :]


@pytest.mark.parametrize(("src", "tgt"), [("en", "es"), ("ru", "en"), ("es", "ru")])
@pytest.mark.parametrize("with_back", [False, True])
def test_corpus_false_positives_and_recall(src: str, tgt: str, with_back: bool) -> None:
    """Human translations: almost no flags on clean lines, nearly every changed digit caught."""
    sources, targets = corpus_lines(src), corpus_lines(tgt)
    rng = random.Random(7)
    lines = rng.sample(range(len(sources)), 250)
    clean_flagged = injected = caught = 0
    for i in lines:
        s, t = sources[i], targets[i]
        back = s if with_back else None
        clean_flagged += bool(check_numbers(s, t, back, src, tgt, "s")[1])
        changed = _change_digit(t, tgt, rng)
        if changed is not None:
            injected += 1
            caught += any(
                f.kind == "number" for f in check_numbers(s, changed, back, src, tgt, "s")[1]
            )
    # Measured at this seed: 2.0-2.4% clean lines flagged (real discrepancies included).
    assert clean_flagged / len(lines) <= 0.03
    assert injected >= 30 and caught / injected >= 0.93


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "Now that we are 7 thousand million human beings", "7000000000"),
        ("en", "raising the ceiling to 55.000 thousand million yen", "55000000000000"),
        ("ru", "Сейчас нас 7 тысяч миллионов людей", "7000000000"),
        ("ru", "составит 7,4 тысячи миллионов евро", "7400000000"),
        ("es", "Ahora que somos 7.000 millones de personas", "7000000000"),
        ("es", "un crédito por 3 mil millones de pesos", "3000000000"),
        ("en", "Boeing gets record $18-billion jetliner order", "18000000000"),
        ("ru", "Boeing получает рекордный 18-миллиардный заказ", "18000000000"),
        ("en", "5 hundred thousand", "500000"),
    ],
)
def test_compound_scale_words_are_one_value(lang: str, text: str, value: str) -> None:
    assert value in [v for m in extract_numbers(text, lang) for v in m.values]
    assert len([m for m in extract_numbers(text, lang) if m.kind != "year"]) == 1


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("una elevación de 9 mil 200 pies sobre el nivel medio del mar", "9200"),
        ("se tuvieron daños en 582 mil 835 hectáreas cultivadas", "582835"),
        ("a 879 de las 6 mil 74 actas totales", "6074"),
        ("una inversión total de 17 mil 280 millones de pesos", "17280000000"),
    ],
)
def test_mexican_thousands_with_mil_between_digits(text: str, value: str) -> None:
    found = [m for m in extract_numbers(text, "es") if m.value != "879"]
    assert [m.value for m in found] == [value]


@pytest.mark.parametrize(
    ("src", "tgt", "source", "translation"),
    [
        (
            "en",
            "es",
            "Italy must place State debentures worth 200 thousand million Euros.",
            "Italia tiene que colocar unos 200.000 millones de euros en obligaciones.",
        ),
        (
            "es",
            "ru",
            "Ahora que somos 7.000 millones de personas en el planeta",
            "Сейчас нас 7 тысяч миллионов людей на планете",
        ),
        (
            "en",
            "es",
            "there have been found pieces of the aircraft at an altitude of 9.200 feet",
            "se han encontrado piezas de la aeronave a una elevación de 9 mil 200 pies",
        ),
        (
            "es",
            "en",
            "A las 15.30 horas la policía se dirigió hasta el 35 de la calle de Mont-ral",
            "At 15:30 the police went to 35 Montral Street",
        ),
        (
            "es",
            "ru",
            "el martes por la noche (20h45), Eden Hazard y Georges Leekens",
            "вечером во вторник (20.45 ч.) Эден Азар и Жорж Леекенс",
        ),
    ],
)
def test_clean_human_translations_of_amounts_and_times(
    src: str, tgt: str, source: str, translation: str
) -> None:
    checks, flags = check_numbers(source, translation, None, src, tgt, "s")
    assert flags == [] and all(c.in_translation for c in checks)


def test_changed_digit_in_compound_amount_is_high() -> None:
    _, flags = check_numbers(
        "the loan of 8 thousand million Euros",
        "el préstamo de 8.000 millones",
        None,
        "en",
        "es",
        "s",
    )
    assert flags == []
    _, flags = check_numbers(
        "the loan of 8 thousand million Euros",
        "el préstamo de 9.000 millones",
        None,
        "en",
        "es",
        "s",
    )
    assert [(f.kind, f.severity) for f in flags] == [("number", "high")]
    _, flags = check_numbers("a 9.200 feet", "a 9 mil 800 pies", None, "en", "es", "s")
    assert [(f.kind, f.severity) for f in flags] == [("number", "high")]


def test_ordinals_and_articles_split_number_word_runs() -> None:
    assert [(m.value, m.soft) for m in extract_numbers("los tres primeros trimestres", "es")] == [
        ("3", False),
        ("1", True),
    ]
    assert [(m.value, m.soft) for m in extract_numbers("the first three quarters", "en")] == [
        ("1", True),
        ("3", False),
    ]
    assert [(m.value, m.soft) for m in extract_numbers("Un segundo tubo", "es")] == [("2", True)]


def test_soft_source_words_do_not_claim_a_figure_as_changed() -> None:
    # "first" is not the number the translator "changed" into 6 mil 74.
    _, flags = check_numbers(
        "the difference between the first and second place, 879 of the total of 6.074 minutes",
        "la diferencia entre primero y segundo lugar, 879 de las 6 mil 74 actas",
        None,
        "en",
        "es",
        "s",
    )
    assert flags == []
    # A percentage is never the "first" of the source.
    _, flags = check_numbers(
        "el primer retroceso, un 1,1%", "the first decline, by 1.0%", None, "es", "en", "s"
    )
    assert [(f.kind, f.severity) for f in flags] == [("number", "high")]


def test_extra_numbers_that_add_no_fact_are_not_flagged() -> None:
    _, flags = check_numbers(
        "After four hours before the Agent of the Public Ministry for Heritage Crimes, he was "
        "transferred to the Temporary Jail.",
        "Luego de cuatro horas ante el Agente del Ministerio Público 3 en Delitos Patrimoniales, "
        "fue trasladado a la Casa de Arraigo 1, ubicada en el Barrio Antiguo.",
        None,
        "en",
        "es",
        "s",
    )
    assert flags == []
    _, flags = check_numbers(
        "se introduce en el interior del tubo, que posee un diámetro de un metro",
        "it is introduced inside the 1-metre wide pipeline",
        None,
        "es",
        "en",
        "s",
    )
    assert flags == []


def test_extra_facts_stay_flagged_low() -> None:
    # An added age, date or amount is a fact the source lacks.
    for translation in (
        "dijo el candidato de 46 años.",
        "dijo el candidato el 5 de marzo.",
        "dijo el candidato Pérez, con 300 millones de euros.",
    ):
        _, flags = check_numbers("said the candidate.", translation, None, "en", "es", "s")
        assert [(f.kind, f.severity) for f in flags] == [("number", "low")], translation


def test_a_repeated_figure_can_stand_in_for_a_changed_one() -> None:
    source = "Carlos Hernandez with 32 and Jose Luis Lopez with 35."
    _, flags = check_numbers(
        source, "Carlos Hernández con 32 y José Luis López con 35.", None, "en", "es", "s"
    )
    assert flags == []
    _, flags = check_numbers(
        source, "Carlos Hernández con 32 y José Luis López con 32.", None, "en", "es", "s"
    )
    assert [(f.kind, f.severity) for f in flags] == [("number", "high")]


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("en", "a landmark 5 1/2-hour argument", "5.5"),
        ("ru", "прения продолжительностью в 5 1/2 часа", "5.5"),
        ("en", "a 5½-hour argument", "5.5"),
        ("en", "five and a half years", "5.5"),
        ("ru", "пять с половиной лет", "5.5"),
        ("es", "un alegato histórico de 5 horas y media", "5.5"),
        ("es", "habría trabajado durante tres decenios", "30"),
        ("en", "worked for 30 years from the 'sixties onward", "60"),
        ("es", "En medio siglo, el sector nuclear", "50"),
        ("ru", "В течение полувека", "50"),
        ("es", "La XV Semana para el empleo", "15"),
        ("ru", "XXI век", "21"),
        ("en", "back to where it was in the mid-90s", "90"),
        ("es", "la selección sub-21", "21"),
    ],
)
def test_halves_decades_and_roman_numerals(lang: str, text: str, value: str) -> None:
    assert value in [v for m in extract_numbers(text, lang) for v in m.values]


@pytest.mark.parametrize(
    ("src", "tgt", "source", "translation"),
    [
        (
            "es",
            "en",
            "se espera un alegato histórico de 5 horas y media para marzo",
            "a landmark 5 1/2-hour argument is expected in March",
        ),
        (
            "es",
            "en",
            "Danilenko, nacido en 1934, habría trabajado durante tres decenios, desde los años 1960",
            "M. Danilenko, born in 1934, worked for 30 years from the 'sixties onward",
        ),
        (
            "es",
            "ru",
            "En medio siglo, el sector nuclear ha sufrido tres accidentes graves.",
            "В течение 50 лет атомная промышленность пережила три серьезных инцидента.",
        ),
        (
            "es",
            "en",
            "La XV Semana para el empleo de los discapacitados empieza hoy.",
            "The 15th week for the employment of the handicapped starts today.",
        ),
        (
            "en",
            "ru",
            "Ermotti plans to take the investment bank back to where it was in the mid-90s.",
            "Эрнотти планирует вернуть инвестиционный банк к тому, каким он был в середине 90-х.",
        ),
    ],
)
def test_clean_human_translations_of_halves_decades_and_roman(
    src: str, tgt: str, source: str, translation: str
) -> None:
    assert check_numbers(source, translation, None, src, tgt, "s")[1] == []


def test_roman_numerals_never_explain_a_changed_figure() -> None:
    _, flags = check_numbers(
        "Juan Pablo II visitó 3 ciudades.", "John Paul II visited 2 cities.", None, "es", "en", "s"
    )
    assert [(f.kind, f.severity) for f in flags] == [("number", "high")]
    _, flags = check_numbers("durante 5 horas y media", "for 5 1/4 hours", None, "es", "en", "s")
    assert [(f.kind, f.severity) for f in flags] == [("number", "high")]


def test_a_number_word_under_ten_is_no_short_year() -> None:
    # newstest2012 line 933 with its year changed: "одну" (one group) took "2001" for
    # the '01 of a year, so 1998 went missing without a flag
    source = "Два из трех крупнейших швейцарских банков объединились в одну большую группу в июне 1998 года."
    changed = (
        "Two of the three major Swiss banks consolidated into a single, vast group in June 2001."
    )
    checks, flags = check_numbers(source, changed, None, "ru", "en", "s")
    assert [f.detail["expected"] for f in flags if f.kind == "number"] == ["1998"]
    assert {c.text: c.status for c in checks}["одну"] == "missing"
    checks, flags = check_numbers(source, changed.replace("2001", "1998"), None, "ru", "en", "s")
    assert flags == []
    # a decade in words is still one, even where an engine's missing numbers are flagged
    checks, flags = check_numbers(
        "creció en los años noventa", "it grew in the 1990s", None, "es", "en", "s", machine=True
    )
    assert flags == [] and [c.status for c in checks] == ["ok"]


def test_fraction_glyphs_are_not_words() -> None:
    assert [m.value for m in extract_numbers("x² and ½", "en")] == ["0.5"]


def test_twelve_hour_clock_words_and_hyphenated_counts() -> None:
    _, flags = check_numbers(
        "концерт, который состоится в 2 часа дня 17 ноября",
        "el concierto, que se celebrará el 17 de noviembre a las 14 horas",
        None,
        "ru",
        "es",
        "s",
    )
    assert flags == []
    # "four-cylinder" keeps its four; the year the translator added is no changed "cuatro".
    _, flags = check_numbers(
        "Con su legendaria torre de cuatro cilindros pasó a ser conocido.",
        "He shot to fame in 1973 with his legendary four-cylinder BMW Tower.",
        None,
        "es",
        "en",
        "s",
    )
    assert flags == []


# newstest2012 lines 4, 513 and 929: the reference translations with one number word changed.
@pytest.mark.parametrize(
    ("source", "src", "translation", "tgt", "expected", "found"),
    [
        (  # a Russian oblique case against an English word
            "В октябре Тимошенко была приговорена к семи годам тюрьмы за подписание газовой "
            "сделки с Россией, которая была признана невыгодной.",
            "ru",
            "In October, Tymoshenko was sentenced to six years in prison for entering into "
            "what was reported to be a disadvantageous gas deal with Russia.",
            "en",
            "7",
            "6",
        ),
        (
            "Без этого голосование за одного из трех кандидатов не начнется.",
            "ru",
            "Sin esto, la votación por uno de los dos candidatos no empezará.",
            "es",
            "3",
            "2",
        ),
        (  # a Spanish scale word against an English one
            '"Ese miércoles la coalición gubernamental del pequeño país de siete millones '
            'decidió la mayor operación de rescate en la historia de su nación"',
            "es",
            '"That Wednesday, the government coalition of a small country with a population '
            'of twelve million undertook the largest rescue operation in the history of the nation"',
            "en",
            "7000000",
            "12000000",
        ),
    ],
)
def test_a_changed_number_word_is_a_change(
    source: str, src: str, translation: str, tgt: str, expected: str, found: str
) -> None:
    _, flags = check_numbers(source, translation, None, src, tgt, "s")
    assert [(f.severity, f.detail) for f in flags] == [
        ("high", {"expected": expected, "found": [found]})
    ]


def test_a_number_word_a_person_added_or_dropped_stays_unflagged() -> None:
    source = "Without it, voting for the three candidates will not start."
    _, flags = check_numbers(source, "Sin esto, la votación no empezará.", None, "en", "es", "s")
    assert flags == []
    _, flags = check_numbers(
        "Without it, voting will not start.",
        "Sin esto, la votación por los tres candidatos no empezará.",
        None,
        "en",
        "es",
        "s",
    )
    assert flags == []


def test_a_machine_translation_missing_a_number_is_flagged_unless_it_came_back() -> None:
    source, translation = "He bought 14 units.", "Compró unidades."
    _, flags = check_numbers(source, translation, None, "en", "es", "s", machine=True)
    assert [(f.kind, f.severity) for f in flags] == [("number", "high")]
    _, flags = check_numbers(source, translation, source, "en", "es", "s", machine=True)
    assert flags == []


def test_russian_collective_numbers_in_any_case_and_fractions() -> None:
    # newstest2012 line 1044 (ru) and an oblique case of the same word.
    found = extract_numbers("Трое из четырех грачей справились с этим уже с первой попытки.", "ru")
    assert [(m.text, m.value) for m in found][:2] == [("Трое", "3"), ("четырех", "4")]
    assert [m.value for m in extract_numbers("У троих детей", "ru")] == ["3"]
    # "одной пятой" is a fifth, not the sixth.
    (fifth,) = extract_numbers("около одной пятой в каждом случае", "ru")
    assert fifth.value == "5"
    (billions,) = extract_numbers("dio seis miles de millones de francos", "es")
    assert billions.value == "6000000000"


def test_an_engines_english_number_forms() -> None:
    # Apertium's English of newstest2012 lines 86 and 366 (es): a copied "4º", "four first".
    found = extract_numbers("from the 4º until the 8º course", "en")
    assert [(m.value, m.kind) for m in found] == [("4", "ordinal"), ("8", "ordinal")]
    assert [m.value for m in extract_numbers("During the four first years", "en")] == ["4", "1"]
    assert [m.value for m in extract_numbers("twenty first", "en")] == ["21"]
    # "dos veces por semana" → "twice by week": twice is two.
    _, flags = check_numbers(
        "por lo menos dos veces por semana.",
        "at least twice by week.",
        None,
        "es",
        "en",
        "s",
        machine=True,
    )
    assert flags == []


def test_a_number_word_said_more_often_than_the_source_says_it_stands_in() -> None:
    # newstest2012 line 1115: "two other cars and three bikes"; a translation with "три"
    # twice changed the two (a person may drop a number word, not double another).
    en, ru = corpus_lines("en")[1114], corpus_lines("ru")[1114]
    assert check_numbers(en, ru, None, "en", "ru", "s")[1] == []
    flags = check_numbers(en, ru.replace("две", "три"), None, "en", "ru", "s")[1]
    assert [f.reason for f in flags] == ["number 'two' became 'три' in the translation"]


@pytest.mark.parametrize("lang", ["en", "es", "ru"])
def test_a_sentence_without_digits_has_no_time_digits_or_written_fraction(lang: str) -> None:
    """What ``digit_mentions`` skips: a sentence with no digit matches none of the clock,
    digit-group and n/m patterns, one with neither "/" nor ½¼¾ no fraction pattern
    (newstest2012 lines 1-600); a glyph alone is still a fraction."""
    from xlate.checks.numbers import digits

    for line in corpus_lines(lang)[:600]:
        if not any(ch.isdigit() for ch in line):
            assert not digits._TIME.search(line) and not digits._DIGITS.search(line)
            assert digits.digit_mentions(line, lang) == digits._fraction_mentions(line)
        if "/" not in line and not any(g in line for g in "½¼¾"):
            assert not digits._FRACTION.search(line)
    assert [m.value for m in extract_numbers("medio kilo y ½ más", "es")] == ["0.5"]
