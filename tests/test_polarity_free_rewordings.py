"""The polarity check on free rewordings of a negation in people's translations (issues
12/13): each case is a newstest2012 tuning line (0-1500) whose versions say the same
polarity in different words, beside a flip made from it that must still be flagged."""

from __future__ import annotations

import pytest
from test_polarity import _negation_flags

from xlate.checks.polarity import negations


@pytest.mark.parametrize(
    ("src", "tgt", "source", "translation"),
    [
        (  # line 34: "no longer … only" is "not only" ("ya no … solo …, sino", "не только")
            "en",
            "ru",
            "Investors are no longer looking at only Italy; they now focus on Spain, France, "
            "Austria, and others.",
            "Инвесторы уже смотрят не только в сторону Италии; теперь они сфокусировались на "
            "Испании, Франции, Австрии и других странах.",
        ),
        (
            "en",
            "es",
            "Investors are no longer looking at only Italy; they now focus on Spain, France, "
            "Austria, and others.",
            "Los inversores ya no se fijan solo en Italia, sino también en España, Francia, "
            "Austria y otros.",
        ),
        (  # line 116: "no cabe un alfiler" (not a pin fits) is "packed"
            "en",
            "es",
            "The training takes place every Saturday and Sunday, but it is really packed with "
            "information.",
            "Y aunque el curso se desarrolla cada sábado y domingo, ya no cabe un alfiler.",
        ),
        (  # line 683: "no tiene mucha importancia" is "of secondary importance"
            "en",
            "es",
            "A dip in the thermal pool in such a palace is clearly of secondary importance.",
            "En un palacio así la inmersión en la piscina termal aparentemente no tiene mucha "
            "importancia.",
        ),
        (  # line 158: "no tiene tanta importancia" is "вторично" (comes second)
            "ru",
            "es",
            "Даже известные люди часто считают это лишним (и верят, что достаточно быть "
            "специалистом в чем-то, а то, как они выглядят - вторично).",
            "Hasta los personajes famosos también lo encuentran inútil (me bastan mis "
            "habilidades, mi aspecto físico no tiene tanta importancia).",
        ),
        (  # line 72: "не оставил попытки" (kept trying) is "has not stopped striving"
            "en",
            "ru",
            "In its recent report, the International Atomic Energy Agency (IAEA) stated that "
            "everything leads to the conclusion that Iran has not stopped striving for a nuclear "
            "weapon.",
            "В своем последнем отчете Международное агентство по ядерной энергии (МАГАТЭ) "
            "указало, что все свидетельствует о том, что Иран не оставил попытки получить ядерное "
            "оружие.",
        ),
        (  # line 657: "solo" renders no "little": that says the "No quiere … nada"
            "en",
            "es",
            "She has very little enthusiasm for sport, says Meder - but in the water, it's a "
            "different matter.",
            "No quiere tener nada que ver con el deporte, dice Meder, solo el agua es diferente.",
        ),
        (  # line 255: "solo" renders no "вряд ли" either: that says the "nadie"
            "ru",
            "es",
            "Чтобы угодить как можно более широкой молодежной аудитории, в саундтрек 'вошли "
            "композиции из разных стилей'; но вряд ли много людей купят игру из-за ее музыки.",
            "A fin de que sea del agrado a la mayor parte del grupo juvenil, la banda sonora "
            'pertenece a la categoría "cada uno de su padre y de su madre", pero se puede suponer '
            "que nadie compraría el juego solo por su música.",
        ),
        (  # line 1462: "outside"/"aparte de" (apart from) the military is "не из армии"
            "en",
            "ru",
            "After his two sons returned from combat tours with the Marines, retired Col. Mark "
            "Cancian warned them that people outside the military would view their service from "
            "two perspectives.",
            "После того, как двое его сыновей вернулись с боевых действий в составе морской "
            "пехоты, полковник в отставке Марк Кэншн предупредил их, что люди не из армии будут "
            "смотреть на их службу с двух точек зрения.",
        ),
        (
            "es",
            "ru",
            "Después de que sus dos hijos regresaron de combatir con la Infantería de Marina, el "
            "coronel retirado Mark Cancian les advirtió de que la gente aparte de los militares "
            "consideraría su servicio desde dos perspectivas.",
            "После того, как двое его сыновей вернулись с боевых действий в составе морской "
            "пехоты, полковник в отставке Марк Кэншн предупредил их, что люди не из армии будут "
            "смотреть на их службу с двух точек зрения.",
        ),
        (  # line 181: a bare "does not matter" negates, as "no sirve de nada" does
            "en",
            "es",
            "The ambitions were met to a certain point, but it does not matter since nobody "
            "obviously wanted to do any extra work.",
            "En cierta medida se consiguió cubrir las expectativas, pero ello no sirve de nada, "
            "si, en realidad, no se pretendía hacer nada extraordinario.",
        ),
        (  # line 181: "неважно" says it in a word
            "en",
            "ru",
            "The ambitions were met to a certain point, but it does not matter since nobody "
            "obviously wanted to do any extra work.",
            "Амбиции до определенной степени были удовлетворены, но это неважно, поскольку никто "
            "явно не хотел делать лишнюю работу.",
        ),
        (  # line 872: "годами не вылезает из скандалов" (is never out of) is "struggling
            # from one scandal to the next"
            "en",
            "ru",
            "UBS is both huge - it was the biggest asset manager in the world until recently - "
            "and has been struggling from one scandal to the next for years.",
            "UBS, с одной стороны, очень большой - до недавнего времени он управлял самыми "
            "крупными активами в мире, - а с другой - годами не вылезает из скандалов.",
        ),
    ],
)
def test_free_rewording_is_no_flip(src: str, tgt: str, source: str, translation: str) -> None:
    assert _negation_flags(src, tgt, source, translation) == []


@pytest.mark.parametrize(
    ("src", "tgt", "source", "translation"),
    [
        (  # line 34 with "longer" gone: "no … only" is no "not only"
            "en",
            "ru",
            "Investors are no looking at only Italy; they now focus on Spain, France, Austria.",
            "Инвесторы уже смотрят в сторону Италии; теперь они сфокусировались на Испании.",
        ),
        (  # line 683 with "no" before another verb than "tener … importancia"
            "en",
            "es",
            "A dip in the thermal pool in such a palace is clearly of secondary importance.",
            "En un palacio así la inmersión en la piscina termal aparentemente no es de "
            "importancia secundaria.",
        ),
        (  # line 72 with "не" before another verb than "оставить попытки"
            "en",
            "ru",
            "Everything leads to the conclusion that Iran has been striving for a nuclear weapon.",
            "Все свидетельствует о том, что Иран не предпринимал попытки получить ядерное оружие.",
        ),
        (  # line 657 with "little" as "only": "solo" renders it, not the "No quiere"
            "en",
            "es",
            "She has only enthusiasm for sport, says Meder - but in the water, it's a different "
            "matter.",
            "No quiere tener nada que ver con el deporte, dice Meder, solo el agua es diferente.",
        ),
        (  # line 423 with "Not" gone: "прекратить" renders "stop", not the "Не"
            "ru",
            "en",
            "Не то чтобы вам нужно прекратить следить за собой, но у многих мужчин в буквальном "
            "смысле возникает аллергия на постоянные жалобы партнерш на свой внешний вид.",
            "That you should stop looking after yourself, but many men are literary allergic to "
            'their partners" constant complaints about their looks.',
        ),
        (  # line 1498 with "no" added: "rara vez" renders "rarely", not the "no"
            "en",
            "es",
            "While women are still officially prohibited from serving in combat, that "
            "distinction is in name only: modern wars rarely have clear front lines.",
            "Mientras que a las mujeres todavía les está oficialmente prohibido servir en "
            "combate, esta distinción es sólo nominal: Las guerras modernas rara vez no tienen "
            "claras las líneas del frente.",
        ),
    ],
)
def test_flip_beside_a_free_rewording_is_flagged(
    src: str, tgt: str, source: str, translation: str
) -> None:
    assert len(_negation_flags(src, tgt, source, translation)) == 1


def test_idioms_of_a_negation_that_negates_nothing() -> None:
    assert negations("Ya no cabe un alfiler.", "es") == []
    assert negations("Aparentemente no tiene mucha importancia.", "es") == []
    assert negations("Иран не оставил попытки.", "ru") == []
    assert negations("Годами не вылезает из скандалов.", "ru") == []
    assert negations("Он не вылез из машины.", "ru") == ["не"]  # perfective: literal
    assert negations("Iran has not stopped.", "en") == []
    # "not much importance" is an understatement in each language; "no es importante",
    # "no tiene importancia" negate
    assert negations("It is not very important.", "en") == []
    assert negations("Это не имеет большого значения.", "ru") == []
    assert negations("No es importante.", "es") == ["no"]
    assert negations("No tiene importancia.", "es") == ["no"]


def test_does_not_matter_is_indifference_only_before_a_question_word() -> None:
    assert negations("It does not matter whether this is about starving people.", "en") == []
    assert negations("It does not matter since nobody wanted to.", "en") == ["not", "nobody"]
    assert negations("Не имеет значения, кто победит.", "ru") == []
    assert negations("Это не имеет значения.", "ru") == ["не"]


def test_spanish_negative_concord_stays_within_its_clause() -> None:
    # newstest2012 line 297: "no se inventan …, o que nadie nos va a prohibir": the
    # "nadie" of the later clause negates it, agreeing with no "no" of another clause
    # (the English says "or that someone wants to ban": the versions differ).
    line = (
        "¿Cómo puede un ciudadano entender que en Bruselas no se inventan de verdad los "
        "pepinos curvos o redondos, plátanos de diversos tamaños o que nadie nos va a "
        "prohibir el queso de Olomouc?"
    )
    assert negations(line, "es") == ["no", "nadie"]
    assert negations("Nadie lo sabe, nadie lo piensa.", "es") == ["nadie", "nadie"]
    # within one clause concord and coordination still say one negation; "ni" carries
    # one on past a comma (line 1278)
    assert negations("No vino nunca.", "es") == ["no"]
    assert negations("No quiere, no puede y no debe.", "es") == ["no"]
    assert negations("Casi nadie entiende lo que pasa, ni siquiera por qué.", "es") == ["nadie"]
    # a repeat after "y" in a clause of its own is a negation of its own
    assert negations("No sabíamos mucho, pero aprendimos, y no creo que jamás.", "es") == [
        "no",
        "no",
    ]


def test_spanish_or_not_is_an_idiom_only_where_it_ends_the_alternative() -> None:
    # "les guste o no", "sea o no derechohabiente", "Realidad o no, …": whether or not;
    # "o no tienen papeles" negates its verb
    assert negations("Los usuarios saben que el sitio les vigila, les guste o no.", "es") == []
    assert negations("Se invita a la población sea o no derechohabiente.", "es") == []
    assert negations("Decidirá si se aprueba o no la reforma.", "es") == []
    assert negations("Muchos presentan cédulas falsas o no tienen papeles.", "es") == ["no"]


def test_a_superlatives_jamas_is_ever_and_no_fallo_a_litotes() -> None:
    # "the first desktop computer ever made" is "el primer ordenador de mesa jamás
    # hecho"; "His eye did not fail him" is "Su ojo no le falló" (the English litotes
    # "not fail" is an idiom already): neither says a negation
    assert negations("Donde vio el primer ordenador de mesa jamás hecho.", "es") == []
    assert negations("Es el mejor gol que jamás se haya visto.", "es") == []
    assert negations("Su ojo no le falló: era Alfonso Cano.", "es") == []
    assert negations("El sistema no falla nunca.", "es") == []
    # a "jamás" of no superlative, and "no falleció" (did not die), still negate
    assert negations("No he visto jamás nada igual.", "es") == ["no"]
    assert negations("El paciente no falleció.", "es") == ["no"]
