"""The polarity check: a negation added or dropped, and the rewordings that are not flips."""

from __future__ import annotations

import pytest

from xlate import check
from xlate.checks.polarity import negations
from xlate.checks.polarity_words import negative_derivative
from xlate.text.segment import segment_lines


def _negation_flags(src: str, tgt: str, source: str, translation: str) -> list[str]:
    report = check(
        segment_lines(source + "\n", src),
        segment_lines(translation + "\n", tgt),
        back_engine=None,
        lines=True,
    )
    flags = [f for f in report.languages[0].flags() if f.kind == "negation"]
    assert all(f.severity == "high" for f in flags)
    return [f.reason for f in flags]


@pytest.mark.parametrize(
    ("src", "tgt", "source", "translation"),
    [
        # newstest2012 line pairs with the negation of the translation removed or added
        (
            "en",
            "es",
            "However, she does not want to wait any longer.",
            "Sin embargo ya va a esperar.",
        ),
        (
            "es",
            "en",
            "No me esperaba que fuera una guerra tan dura.",
            "I expected it to be such a tough war.",
        ),
        ("en", "ru", "The company has grown.", "Компания не выросла."),
        ("ru", "en", "Рихтарж никогда не спит.", "Rychtář sleeps."),
        # a word written with не- that negates nothing ("необходимо") hides no removal, and
        # a "lack" on both sides absorbs nothing
        (
            "en",
            "ru",
            "It was not granted to politically unreliable people.",
            "Его выдавали политически ненадежным людям, и это было необходимо.",
        ),
        (
            "en",
            "es",
            "The team lacks experience and does not win.",
            "Al equipo le falta experiencia y gana.",
        ),
        # "against"/"contra" and "only"/"solo" say no negation of their own
        ("es", "en", "El equipo no jugó contra Italia.", "The team played against Italy."),
        ("en", "es", "He did not see the game, only the goals.", "Vio el partido, solo los goles."),
        # a privative beside the dropped negation does not hide it
        ("es", "en", "Se fue sin decir nada y no volvió.", "He left without a word and came back."),
        # newstest2012 lines 211 and 497 with the "не" taken away: a noun written with не-
        # ("недостаток", a drawback) says no "not", nor does "хватало" (was enough) alone
        (
            "en",
            "ru",
            "This means that it is nothing special anymore, but it cannot be considered a negative.",
            "Это означает, что она больше представляет собой что-то особенное, но это нельзя "
            "считать недостатком.",
        ),
        (
            "en",
            "ru",
            "Czech tours slept in parks in tents, because their income at the time was not "
            "enough to pay for a hotel or a pension.",
            "Чешские туристы спали в парках в палатках, так как их доходов в то время хватало на "
            "гостиницу или пансион.",
        ),
    ],
)
def test_a_flipped_negation_is_flagged_high(
    src: str, tgt: str, source: str, translation: str
) -> None:
    (reason,) = _negation_flags(src, tgt, source, translation)
    assert "negation was" in reason


@pytest.mark.parametrize(
    ("src", "tgt", "source", "translation"),
    [
        ("en", "es", "He failed to arrive on time.", "No llegó a tiempo."),  # "failed to"
        ("en", "es", "I did not expect it.", "No me lo esperaba nunca."),  # concord
        ("es", "en", "No tengo ni tiempo ni dinero.", "I have neither time nor money."),
        ("ru", "en", "Ни Иван, ни Мария не пришли.", "Neither Ivan nor Maria came."),
        ("en", "es", "It is not only about money.", "No solo se trata de dinero."),
        ("en", "ru", "The game feels unfinished.", "Кажется, что игра не закончена."),
        ("en", "es", "The team lacks experience.", "El equipo no tiene experiencia."),
        # "don't care" is said "все равно": the lexical word of one side, after a negator
        # on the other, is the same negation
        (
            "en",
            "ru",
            "We don't sleep together, and I don't care where she goes.",
            "Мы не спим вместе, и мне все равно, куда она ходит.",
        ),
        ("en", "ru", "It was not granted to them.", "Это им не давали недавно."),
        # newstest2012 people's translations (tuning half) that said the negation otherwise
        (  # a preverbal concord word negates alone: "tampoco meto" + "no me siento"
            "en",
            "es",
            "\"I don't poke my nose in what I don't understand either,' said Paclík.",
            '"Yo tampoco meto las narices allí donde no me siento capaz", añadió Paclík.',
        ),
        (  # "nadie" negates alone; "не … и не" repeats one negation over two verbs
            "es",
            "ru",
            "Se da cuenta de que probablemente morirá, y de que nadie se enterará o le importará.",
            "Замечает, что он, скорее всего, умрет и никто этого не заметит и не огорчится.",
        ),
        (  # a limit, not a negation
            "en",
            "ru",
            "No more than eleven percent think it is legitimate.",
            "Не более одиннадцати процентов считают, что это приемлемо.",
        ),
        (  # "едва не" = "almost"
            "en",
            "ru",
            "UBS almost went bankrupt during the financial crisis.",
            "UBS едва не обанкротился во время финансового кризиса.",
        ),
        (  # "вряд ли" says "not likely" in a word
            "ru",
            "en",
            "Он также заявил, что Европа вряд ли быстро стряхнет рецессию.",
            "He also claimed that Europe is not likely to shake off a recession quickly.",
        ),
        (  # litotes: "no para de" = "keeps", "no faltará" = "will feature"
            "en",
            "es",
            "You will feel much better than in one that keeps shifting.",
            "Se sentirá mucho mejor que con una que no para de moverse.",
        ),
        (
            "ru",
            "es",
            "Она снова примет участие в Европейском чемпионате.",
            "De modo que no faltará a la cita del campeonato europeo.",
        ),
        (  # "not just" is "not only"
            "en",
            "es",
            '"I want to make football for everyone, not just the chosen few," Rajchl said.',
            '"Quiero hacer un fútbol para todos y no solo los elegidos", dijo Rajchl.',
        ),
        (  # "X, а не Y" = "X rather than Y"
            "es",
            "ru",
            '"Desde el principio, IBM mantuvo un concepto de institución más que de empresa".',
            '"С самого начала IBM скорее была организацией, а не технологической компанией".',
        ),
        (  # "не хватало" = "faltaron": a lack said with a negator
            "es",
            "ru",
            "Deutsche Bahn sufrió considerables problemas, ya que le faltaron reservas.",
            "Deutsche Bahn испытывала значительные трудности, поскольку ей не хватало резервов.",
        ),
        (  # "más fuerte que nunca" = "сильнее, чем когда-либо"
            "es",
            "ru",
            "Y vas a volver con más fuerza que nunca.",
            "И ты вернешься сильнее, чем когда-либо.",
        ),
        (
            "en",
            "ru",
            "The 40-year-old van driver was unhurt.",
            "40-летний водитель фургона не пострадал.",
        ),
        ("en", "ru", "Not to mention fashion shows.", "Не говоря о модных показах."),
        # "sin", "без": a privative people render freely
        ("en", "es", "He then fled empty-handed.", "Finalmente huyó sin el botín."),
        (
            "ru",
            "es",
            "Акции 719 компаний выросли, 2281 упали и 79 остались на том же уровне.",
            "719 valores aumentaron, 2281 bajaron y 79 permanecieron sin cambios.",
        ),
        (
            "es",
            "ru",
            "Los cambios de gobierno en Atenas y Roma siguen sin vigor.",
            "Смена правительств в Афинах и Риме не имела большого эффекта.",
        ),
        # "not until" / "no … hasta" say when, not whether: "only then"
        (
            "en",
            "es",
            "Perfect Czech team defence only allowed the Montenegro team to threaten in the "
            "second half.",
            "A causa de la correctísima defensa checa, los montenegrinos no presionaron hasta "
            "la segunda mitad.",
        ),
        ("en", "es", "But that was not until Sunday.", "Pero todo esto ya queda para el domingo."),
        (  # "ни о чем не подозревающий" is one word: "unsuspecting"
            "es",
            "ru",
            "A continuación los hombres siguieron a su víctima y la golpearon de repente.",
            "Потом они пошли за ним и избили ни о чем не подозревающую жертву.",
        ),
    ],
)
def test_rewordings_are_not_flagged(src: str, tgt: str, source: str, translation: str) -> None:
    assert _negation_flags(src, tgt, source, translation) == []


def test_negations_counts_concord_and_pairs_once() -> None:
    assert negations("No vino nunca ni llamó ni escribió", "es") == ["no"]
    assert negations("Ni Juan ni María vinieron", "es") == ["ni"]
    assert negations("Никто не пришёл", "ru") == ["не"]
    assert negations("I don't know and never will", "en") == ["don't", "never"]
    assert negations("Not only that, no matter what", "en") == []
    assert negations("Yo tampoco meto las narices donde no me siento capaz", "es") == [
        "tampoco",
        "no",
    ]
    assert negations("никто этого не заметит и не огорчится", "ru") == ["не"]
    assert negations("Huyó sin el botín", "es") == ["sin"]
    assert negations("Huyó sin el botín", "es", privative=False) == []


def test_reason_names_the_words_on_each_side() -> None:
    (reason,) = _negation_flags("en", "es", "He did not sign the deal.", "Firmó el acuerdo.")
    assert "“not”" in reason and "the translation none" in reason


@pytest.mark.parametrize(
    ("src", "tgt", "source", "translation"),
    [
        # newstest2012 line 401 with the first "не" removed: "все равно" says the "don't
        # care", not also the "don't" of "we don't sleep together" (one word, two lost)
        (
            "en",
            "ru",
            "\"We don't sleep together, and I don't care where she goes, with whom, and if "
            'she has a boyfriend."',
            '"Мы спим вместе, и мне все равно, куда она ходит, с кем и есть ли у нее приятель."',
        ),
        # line 64 with its "No" removed: "evitar" at the far end of the line says nothing
        # of the "no pressure" at its start
        (
            "en",
            "es",
            "That was also why there was no pressure from the home team in the first half. "
            "Long kicks behind the defence were neatly averted by the Czech defence.",
            "Hubo presión de los jugadores locales en la primera mitad, patadones al otro "
            "campo en defensa, justamente lo que la defensa checa supo evitar.",
        ),
        # line 555 with its "не" removed: "ni siquiera" alone negates ("not even")
        (
            "es",
            "ru",
            "Para mí fue una locura oír a algunos decir que en este momento ni siquiera desean "
            "identificarse con el fútbol checo.",
            "Для меня было ужасным услышать, как некоторые из них говорили, что в данный момент "
            "они даже хотят иметь отношение к чешскому футболу.",
        ),
    ],
)
def test_more_negations_lost_than_words_say(
    src: str, tgt: str, source: str, translation: str
) -> None:
    assert _negation_flags(src, tgt, source, translation)


@pytest.mark.parametrize(
    ("src", "tgt", "source", "translation"),
    [
        # newstest2012 line 1142: "не" before a gerund says "without doing", a privative
        ("en", "ru", "He then fled empty-handed.", "После этого он сбежал, ничего не взяв."),
        # line 1400: "not for lack of trying" is two negations, as "не потому, что они не
        # пытались" is: a lexical word two words after a negator is its own
        (
            "en",
            "ru",
            "Other lawmakers have been unsuccessful so far in bringing their amendments to the "
            "floor, but not for lack of trying.",
            "Другим законодателям пока не удавалось вынести свои поправки на пленарное "
            "заседание, но не потому, что они не пытались.",
        ),
        # line 983: "X, not Y" negates a phrase, as "а не" does (contrast, not a clause)
        (
            "en",
            "ru",
            "The Italian and Greek glass was still considered half full last week, not half "
            "empty - now the problems are coming to the fore once again.",
            "На прошлой неделе итальянский и греческий стаканы еще считались наполовину "
            "полными, а не наполовину пустыми - но теперь проблемы снова выходят на первый план.",
        ),
        (
            "es",
            "ru",
            "La semana pasada, el vaso italiano y griego se ha visto medio lleno, no medio "
            "vacío, pero ahora los problemas vuelven a pasar a un primer plano.",
            "На прошлой неделе итальянский и греческий стаканы еще считались наполовину "
            "полными, а не наполовину пустыми - но теперь проблемы снова выходят на первый план.",
        ),
        # and "ni siquiera" after a negator agrees with it (line 555 as translated)
        (
            "es",
            "ru",
            "No quieren ni siquiera identificarse con el fútbol checo.",
            "Они даже не хотят иметь отношение к чешскому футболу.",
        ),
    ],
)
def test_scope_rewordings_are_not_flagged(
    src: str, tgt: str, source: str, translation: str
) -> None:
    assert not _negation_flags(src, tgt, source, translation)


def test_a_negator_in_the_lexical_list_is_counted_once() -> None:
    # newstest2012 line 570 with a "no" removed, back-translated by Apertium: "neither" is
    # one negation (a negator), not also one said in words that absorbs the lost "don't"
    from xlate.checks import polarity

    source = "\"I don't poke my nose in what I don't understand either,' said Paclík."
    back = '"I neither dip the noses there where seat me able", added Paclík.'
    found = polarity.negations(source, "en"), polarity.negations(back, "en")
    assert polarity._differs(found[0], source, "en", found[1], back, "en") == 1


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        # newstest2012 line 163: ", not to pander" is a negated infinitive, no contrast
        (
            "To be able to estimate people, not to pander, and stick to one's opinion.",
            "Чтобы уметь оценивать людей, не потворствовать им и придерживаться своего мнения.",
        ),
        # line 553: ", not excessively connected" negates the adverb, as "не слишком" does
        (
            "In the future, he would like to see the position given to an experienced top "
            "manager, not excessively connected to football life.",
            "В будущем он бы хотел, чтобы этот пост занял опытный топ-менеджер, не слишком "
            "связанный с футбольной жизнью.",
        ),
        # line 497: "не хватало" (was not enough) negates; it is no litotes
        (
            "For example, in Paris, Czech tours slept in parks in tents, because their income "
            "at the time was not enough to pay for a hotel or a pension.",
            "Например, в Париже, чешские туристы спали в парках в палатках, так как их доходов "
            "в то время не хватало на гостиницу или пансион.",
        ),
        # line 732: ", пока … не" after a main clause is "until": its "не" negates nothing
        (
            "Nonetheless, it continued to be used until contemporary art in Vienna was given "
            "a new home.",
            "Однако оно продолжало использоваться, пока современное искусство в Вене не "
            "получило новый дом.",
        ),
        # line 394: a sentence opening with "Пока" (so far) keeps its "не"
        (
            "So far, Josef does not mind that his wife closed the hind gate on him.",
            "Пока Йозеф ничего не имеет против того, что его жена его отвергла.",
        ),
    ],
)
def test_scope_of_english_and_russian_negations(source: str, translation: str) -> None:
    assert not _negation_flags("en", "ru", source, translation)


@pytest.mark.parametrize(
    ("src", "tgt", "source", "translation"),
    [
        # newstest2012 people's translations (tuning half) flagged before these rules
        (  # line 1278: negative concord, "nadie … ni siquiera" is one negation
            "es",
            "en",
            "Casi nadie entiende lo que está pasando, ni siquiera por qué se tiene que luchar esta guerra.",
            "Almost no one understands what's happening, even why this war is to be fought.",
        ),
        (  # line 34: "no … solo …, sino también" is "not only … but also"
            "es",
            "ru",
            "Los inversores ya no se fijan solo en Italia, sino también en España, Francia, Austria y otros.",
            "Инвесторы уже смотрят не только в сторону Италии; теперь они сфокусировались на Испании, "
            "Франции, Австрии и других странах.",
        ),
        (  # line 1406: "non-binding" says the "no" of "no vinculante" in a word
            "en",
            "es",
            "In March, 58 senators voted in favor of a non-binding resolution supporting the idea of "
            "such an amendment.",
            "En marzo, 58 senadores votaron a favor de una resolución no vinculante que apoya la idea "
            "de esa enmienda.",
        ),
        (  # line 909: "has no doubts" is "está seguro"
            "en",
            "es",
            'The CFO of one major German bank also has no doubts: "The problem facing UBS is that it '
            'does not having a handle on risk control."',
            'El director financiero de un gran banco alemán también está seguro: "El problema de la '
            'UBS es que no domina los controles de riesgo".',
        ),
        (  # line 25: "for next to nothing" is "for very little"
            "en",
            "es",
            "Without the occupation, will the oil companies get Libya's black gold for next to "
            "nothing, though?",
            "Pero, sin ocupación ¿conseguirán las petroleras hacerse con el oro negro libio solo con "
            "buenas palabras?",
        ),
        (  # line 924: "no … nada más que decir" says "nothing to say", not "only"
            "en",
            "es",
            "In his opinion, the Swiss have nothing to add.",
            "Ahí los suizos no tuvieron nada más que decir.",
        ),
        (  # line 868: ", no a principios de 2013" is a phrase's contrast ("а не в 2013 году")
            "es",
            "ru",
            "Y se hará cargo de la presidencia del consejo administrativo en mayo, no a principios de "
            "2013, como el banco comunicó el martes.",
            "И, как заявил банк во вторник, пост председателя совета он займет уже в мае, а не в "
            "2013 году.",
        ),
        (  # line 23: "отказаться" (give up) says the "no" of "no ocupamos"
            "es",
            "ru",
            "Tras las recientes malas experiencias de Afganistán e Irak, no ocupamos Libia militarmente.",
            "Учитывая недавний печальный опыт с Афганистаном и Ираком, мы решили отказаться от "
            "военной оккупации Ливии.",
        ),
    ],
)
def test_concord_contrasts_and_words_that_say_it(
    src: str, tgt: str, source: str, translation: str
) -> None:
    assert _negation_flags(src, tgt, source, translation) == []


# newstest2012 line 935: "más pobre" (poorer) is "не такой богатый" (not so rich)
POORER_ES = (
    "Por lo que sirvió para que los dos distintos bancos precursores de la UBS se "
    "complementaran: un banco rico pero dormido con el centro de la administración de bienes "
    "en Zurich y una internacionalización más pobre pero más fuerte."
)
POORER_RU = (
    "Этому помогло и то, что два банка, которые образовали UBS, дополняли друг друга. Один "
    "был богатым, но степенным банком, специализировавшимся в Цюрихе на управлении активами; "
    "другой был не такой богатый, но гораздо более интернационализированный."
)
# line 1362: "innecesarios" is "не были необходимы", while "desproporcionado" and
# "непропорционального" render each other
NEEDLESS_ES = (
    "El sindicato que representa a cientos de trabajadores de apoyo escolar que perdieron sus "
    "empleos el mes pasado planea demandar a la ciudad el miércoles, alegando que los despidos "
    "eran innecesarios y discriminatorios debido a su impacto desproporcionado sobre las "
    "escuelas que atienden a estudiantes pobres."
)
NEEDLESS_RU = (
    "Профсоюз, представляющий сотни сотрудников обслуживающего персонала школ, которые "
    "потеряли места в прошлом месяце, планирует подать в суд на город в среду, утверждая, что "
    "увольнения не были необходимы и были дискриминационными из-за непропорционального влияния "
    "на школы, где учатся бедные ученики."
)


@pytest.mark.needs_lexicon
@pytest.mark.parametrize(("es", "ru"), [(POORER_ES, POORER_RU), (NEEDLESS_ES, NEEDLESS_RU)])
def test_a_negation_said_by_an_opposite_word_is_a_rewording(es: str, ru: str) -> None:
    assert _negation_flags("es", "ru", es, ru) == []
    assert _negation_flags("ru", "es", ru, es) == []


@pytest.mark.needs_lexicon
def test_a_negated_word_beside_its_own_rendering_is_still_a_negation() -> None:
    # "más rica" says what "не такой богатый" denies: the negation was added
    assert _negation_flags("es", "ru", POORER_ES.replace("más pobre", "más rica"), POORER_RU)


@pytest.mark.needs_lexicon
def test_spanish_negative_derivatives_are_read_by_their_senses() -> None:
    assert negative_derivative("desproporcionado", "es")
    assert negative_derivative("innecesarios", "es")
    assert not negative_derivative("informado", "es")  # informed is no opposite of formed
    assert not negative_derivative("impuesto", "es")
