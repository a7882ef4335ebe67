"""The polarity check on people's rewordings of a negation (issue 13): each case is a
newstest2012 tuning line (0-1500) whose two versions say the same polarity in different
words, and a flip that must still be flagged."""

from __future__ import annotations

import pytest
from test_polarity import _negation_flags

from xlate.checks.polarity import negations


@pytest.mark.parametrize(
    ("src", "tgt", "source", "translation"),
    [
        (  # line 924: "нечего" (nothing to) negates alone, as "nothing" does
            "en",
            "ru",
            "In his opinion, the Swiss have nothing to add.",
            "По его мнению, швейцарцам нечего здесь добавить.",
        ),
        (  # line 1253: "когда бы то ни было" is "ever", a concessive "ни", no negation
            "en",
            "ru",
            "Business for the software provider is looking better than ever, with 55,000 "
            "employees worldwide.",
            "Бизнес поставщика программного обеспечения, имеющего 55 000 сотрудников по всему "
            "миру, выглядит лучше, чем когда бы то ни было.",
        ),
        (  # line 955: imperfective "не останавливался" (kept on) is "carried on"
            "en",
            "ru",
            "Even when other banks had long been looking for a way out, UBS carried on.",
            "Даже когда другие банки давно уже искали способ выйти из этого процесса, UBS не "
            "останавливался.",
        ),
        (  # line 841: "no option but" and "не … другого выбора, кроме" say "only"
            "en",
            "es",
            'Some writers even go as far as some strong rhetoric. "If things continue to be done '
            'so cack-handedly, migrants have no option but armed self-defence."',
            'Alguno se muestra cuanto menos retórico en cuanto a los drásticos medios: "A partir '
            "de ahora aquí se pierde, a los inmigrantes no les queda más que la autodefensa y el "
            'armamento".',
        ),
        (
            "es",
            "ru",
            'Alguno se muestra cuanto menos retórico en cuanto a los drásticos medios: "A partir '
            "de ahora aquí se pierde, a los inmigrantes no les queda más que la autodefensa y el "
            'armamento".',
            'Некоторые авторы дошли до довольно резкой риторики. "Если они будут продолжать '
            "действовать так же неуклюже, у мигрантов не будет другого выбора, кроме вооруженной "
            'самообороны".',
        ),
        (  # line 708: "does not matter" is "da igual", "не важно": indifference, no flip
            "en",
            "es",
            '"It does not matter whether this is about starving people or the reputation of '
            'Deutsche Bank."',
            '"Da igual si Ackermann trata el tema de la gente que pasa hambre o la fama del '
            'Deutsche Bank."',
        ),
        (
            "en",
            "ru",
            '"It does not matter whether this is about starving people or the reputation of '
            'Deutsche Bank."',
            '"Не важно, идет ли речь о голодающих людях или репутации Дойче Банка".',
        ),
        (  # line 230: "makes no difference" is "es igual"
            "en",
            "es",
            "It makes no difference when you get to them; everything is set so that the situation "
            "always occurs just in front of your nose.",
            'Es igual cuándo lleguéis, porque está programado por que la "sorpresa" siempre '
            "sucederá delante de vuestras narices.",
        ),
        (  # line 868: ", and not in 2013" is a phrase's contrast, as ", no a principios"
            "en",
            "es",
            "And he will take on the role of Chairman of the Board in May, and not in 2013, the "
            "bank announced on Tuesday.",
            "Y se hará cargo de la presidencia del consejo administrativo en mayo, no a principios "
            "de 2013, como el banco comunicó el martes.",
        ),
        (  # line 870: "No es X, más bien Y" is "Y, not X" ("а не")
            "es",
            "ru",
            "No es banquero, más bien, profesor de economía y consejero y ha tenido un periodo de "
            "adaptación seguramente necesario.",
            "Он профессор экономики и специалист Центробанка, а не традиционный банкир, и ему "
            "несомненно понадобится время на адаптацию.",
        ),
        (  # line 1290: "y no para sentarse" is "а не чтобы сидеть": a contrast
            "es",
            "ru",
            "Sientes que esto es para lo que los hombres están concebidos y no para sentarse en "
            "sillones con un cigarro y un whisky.",
            "Вы чувствуете, что это то, для чего были созданы мужчины, а не чтобы сидеть в "
            "удобных креслах с сигаретой и виски.",
        ),
        (  # line 468: "no jugó hasta el final" is "did not finish", no "not until"
            "en",
            "es",
            "Czech Montreal defenseman, Jaroslav Špaček, did not finish the match with Buffalo; he "
            "left in the second period due to an upper body injury.",
            "El defensor checo del Montreal, Jaroslav Špaček, no jugó hasta el final del partido "
            "contra Buffalo, en el segundo tercio se retiró por una lesión en la parte superior del "
            "cuerpo.",
        ),
        (  # line 168: "forbidden" / "запрещены" say "no están permitidos" in one word
            "en",
            "es",
            "Special clip-ons for holding the clothes in the back in case it is too large (pins "
            "and similar things are forbidden as they damage the clothes), or a sewing set.",
            "Pinzas especiales de enganche de prendas por delante, si esta fuera mayor (los "
            "alfileres y otro tipo de enganches no están permitidos, pues podrían dañar el "
            "tejido), o un juego de costura.",
        ),
        (
            "es",
            "ru",
            "Pinzas especiales de enganche de prendas por delante, si esta fuera mayor (los "
            "alfileres y otro tipo de enganches no están permitidos, pues podrían dañar el "
            "tejido), o un juego de costura.",
            "Специальные клипсы для скрепления ткани на спине в случае, если одежда слишком "
            "велика (булавки и похожие предметы запрещены, поскольку они портят одежду) или набор "
            "для шитья.",
        ),
        (  # line 592: "excluimos" (exclude) says "were not accepted"
            "en",
            "es",
            '"If various representations were not accepted, we would have had a President since '
            'September," Pelta said.',
            '"Si excluimos ciertas interpretaciones, tenemos un presidente ya desde septiembre", '
            "advirtió Pelta.",
        ),
        (  # line 463: a Russian word of the list in another form ("предотвратил")
            "es",
            "ru",
            "Matt Read no permitió más complicaciones, aunque acabaron superados en número de dos "
            "contra uno.",
            "Дальнейшие осложнения предотвратил Мэтт Рид, который увеличил разрыв до двух очков.",
        ),
        (  # line 64: "отсутствие" at the start says the "No hubo" there, whatever "evitar"
            # at the end stands for
            "es",
            "ru",
            "No hubo presión de los jugadores locales en la primera mitad, patadones al otro campo "
            "en defensa, justamente lo que la defensa checa supo evitar.",
            "Это также объясняет отсутствие давления со стороны команды хозяев в первом тайме. "
            "Дальние удары за линию обороны аккуратно перехватывались чешскими защитниками.",
        ),
        (  # line 772: "disputes" far from the "not" pairs with nothing: "мало" renders it
            "en",
            "ru",
            "As if the problems at home were not already enough for Deutsche Bank, the industry "
            "giant's past in the USA is now also catching up with it. Deutsche Bank will pay 145 "
            "million dollars to settle disputes arising from the bankruptcy of five major credit "
            "unions during the financial crisis.",
            "Словно Дойче Банку мало было проблем на родине, прошлое индустриального гиганта в США "
            "теперь нагнало его. Дойче Банк заплатит 145 миллионов долларов, чтобы успокоить "
            "споры, возникшие после банкротства во время финансового кризиса пяти крупнейших "
            "кредитных союзов.",
        ),
        (  # line 1263: "not inaccurately" is a litotes, "acertadamente" / "довольно точно"
            "en",
            "es",
            'What he has written here is an unusual book, one he describes, not inaccurately, as "a '
            'work of anti-history."',
            'Lo que ha escrito aquí es un libro poco corriente, que describe, acertadamente, como "un '
            'trabajo de anti-historia".',
        ),
        (
            "en",
            "ru",
            'What he has written here is an unusual book, one he describes, not inaccurately, as "a '
            'work of anti-history."',
            "Книга, которую он написал сейчас, - необычная, он описывает ее, довольно точно, как "
            '"работу по анти-истории".',
        ),
        (  # line 1486: "не X, не Y или не Z" down a list is one "failed to X, Y or Z"
            "en",
            "ru",
            "All of them allege that they were raped or sexually assaulted by fellow soldiers, and "
            "that the military failed to investigate, prosecute, or provide adequate justice after "
            "the alleged attacks.",
            "Все утверждают, что они подверглись изнасилованию или угрозе сексуального насилия со "
            "стороны сослуживцев и что армия должным образом не расследовала, не преследовала в "
            "судебном порядке или не обеспечила надлежащего правосудия после предполагаемых "
            "нападений.",
        ),
        (  # line 23: "decided against" says "no ocupamos"
            "en",
            "es",
            "Given the recent bad experience from Afghanistan and Iraq, we decided against military "
            "occupation of Libya.",
            "Tras las recientes malas experiencias de Afganistán e Irak, no ocupamos Libia "
            "militarmente.",
        ),
        (  # line 1482: "I wish I had" / "Ojalá hubiera" say "жаль, что … не"
            "en",
            "ru",
            '"I wish I had listened to my instincts."',
            '"Жаль, что я тогда не послушалась своего инстинкта".',
        ),
        (
            "es",
            "ru",
            '"Ojalá hubiera escuchado a mis instintos."',
            '"Жаль, что я тогда не послушалась своего инстинкта".',
        ),
    ],
)
def test_rewording_is_no_flip(src: str, tgt: str, source: str, translation: str) -> None:
    assert _negation_flags(src, tgt, source, translation) == []


@pytest.mark.parametrize(
    ("src", "tgt", "source", "translation"),
    [
        (  # line 810 with "not" added: "избегал" renders "avoided", not the "not"
            "ru",
            "en",
            "До сих пор Баффет избегал технологических компаний.",
            "Buffett had not avoided technology firms to date.",
        ),
        (  # line 1119 with "не" added before a perfective: "did not stop" is a flip
            "en",
            "ru",
            "The car came to a halt and the man fled on foot.",
            "Машина не остановилась, и мужчина сбежал пешком.",
        ),
        (  # line 888 with the "not" gone: "dis-" says no opposite, so "not disclosed" is
            # no litotes
            "en",
            "es",
            "An Arabic sovereign wealth fund that was so secretive, even its name was not "
            "disclosed.",
            "Un fondo estatal árabe, tan discreto, que se había oído su nombre.",
        ),
        (  # line 399 with "не" gone: "только" renders "only", not the "not"
            "en",
            "ru",
            '"Darina and I communicate in a completely normal way, only we do not share our bed '
            'anymore," Rychtář said for Blesk.',
            '"Дарина и я общаемся совершенно нормально, только мы больше делим постель", сказал '
            "Рихтарж журналу Blesk.",
        ),
        (  # line 489 with the first "not" gone: "poco" (fiable) renders "unreliable"
            "es",
            "en",
            'La llamada "promesa de cambio" que fue la condición para los viajes al Oeste, no se '
            'concedía a la "gente políticamente poco fiable", que así no podía viajar en absoluto.',
            "A foreign currency assurance was essential for travels to the West. It was granted to "
            "politically unreliable people, who were not allowed to travel at all.",
        ),
        (  # line 1344 with "не" gone: "Никаких" before a verb needs it
            "en",
            "ru",
            "No arrests were made in the park until about 3:30 a.m., Mr. Kelly said.",
            "Никаких арестов в парке проводилось примерно до 3:30 утра, сказал г-н Келли.",
        ),
    ],
)
def test_flip_beside_a_rewording_word_is_flagged(
    src: str, tgt: str, source: str, translation: str
) -> None:
    assert len(_negation_flags(src, tgt, source, translation)) == 1


def test_russian_negative_pronouns_and_concessives() -> None:
    assert negations("Швейцарцам нечего добавить.", "ru") == ["нечего"]
    assert negations("Лучше, чем когда бы то ни было.", "ru") == []
    assert negations("Какой бы ни была цена, он заплатит.", "ru") == []


def test_litotes_needs_an_opposite_of_a_real_word() -> None:
    assert negations("He describes it, not inaccurately, as anti-history.", "en") == []
    assert negations("It is not unusual.", "en") == []
    # "informed" is no opposite of "formed", nor "disclosed" of "closed"
    assert negations("He was not informed.", "en") == ["not"]
    assert negations("Its name was not disclosed.", "en") == ["not"]


def test_russian_concord_word_before_a_verb_needs_its_negator() -> None:
    assert negations("Никаких арестов в парке не проводилось.", "ru") == ["не"]
    assert negations("Никаких арестов в парке проводилось.", "ru") == []
    assert negations("Никаких проблем.", "ru") == ["никаких"]
