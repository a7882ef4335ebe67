"""Sentence segmentation: per-language cases, hand-labelled paragraphs, layout properties,
newstest2012 floors and the ``xlate segment`` command."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from conftest import corpus_lines
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from xlate.cli import app
from xlate.text.segment import segment_text
from xlate.text.sentences import split_sentences

# --- what must stay one sentence -------------------------------------------------------

ONE_SENTENCE = {
    "en": [
        '"We are ready," he said.',
        "“Is it war?” she asked.",
        "The U.S. Navy sent two destroyers to the Black Sea.",
        "Mr. Smith and Mrs. Jones met Dr. Brown at 10 a.m. Eastern time.",
        "V. Putin and George W. Bush met in 2001.",
        "Exports rose by 1.5 million tonnes, or 2.3%, to 14.2 million.",
        "The Su-30MK2 and the MiG-29SMT are both on the list.",
        "They seized ballot boxes, set up roadblocks ... and ordered people to vote.",
        "He said the deal was... unusual.",
        "The budget fell to... 1987 levels.",
        "Article No. 5 of the treaty was cited by Sen. Kerry.",
        'He asked: "Who is the European Union? Which phone number should I call?"',
        '"We are not an island. We are dependent," said the fund manager.',
        "Lt. Gen. J. R. Smith spoke first.",
        "The omission (...) was deliberate, the editor said.",
    ],
    "es": [
        "«¿Vamos?», preguntó.",
        "—Vamos —dijo Juan—.",
        "El Sr. García y la Dra. Pérez viajaron ayer a EE. UU. con la delegación.",
        "Las FF. AA. desfilaron por la Av. de Mayo.",
        "La producción creció un 1,5 % hasta los 2,3 millones de toneladas.",
        "Venezuela pidió 12 cazas Su-30MK2 a Rusia.",
        "«No lo sé... quizá mañana», respondió la Sra. López.",
        "Se fijó en una ley de... 1987.",
        "¡Qué sorpresa!, exclamó el Dr. Ruiz.",
        "El artículo está en la pág. 12 del informe de J. M. Rodríguez.",
        "Juega en un club alemán (1. FC Núremberg) desde 2010.",
        '"¿Quién es esta UE? ¿A qué número puedo llamarla?", preguntó.',
    ],
    "ru": [
        "«Мы готовы», — сказал он.",
        "«Мы готовы!» — сказал он.",
        "В. В. Путин прибыл в г. Сочи.",
        "Он работал на заводе им. Ленина на ул. Мира, т. е. в центре города.",
        "Томас Дж. Уотсон основал компанию.",
        "Экспорт вырос на 1,5 млн тонн, т. е. на 2,3%.",
        "Венесуэла попросила 12 истребителей Су-30МК2.",
        "Он сказал, что это конец войны... и замолчал.",
        "«Мы не на острове. Мы зависим от них», — сказал Голдман.",
        "Министр ответил: „Нет“, и ушёл.",
        "Матч начнётся в 20.45 ч. по московскому времени.",
        "В 1990-х гг. компания выросла в 10 раз.",
    ],
}


@pytest.mark.parametrize(
    ("lang", "text"), [(lang, text) for lang, texts in ONE_SENTENCE.items() for text in texts]
)
def test_stays_one_sentence(lang: str, text: str) -> None:
    assert split_sentences(text, lang) == [text]


# --- hand-labelled multi-sentence news paragraphs --------------------------------------
# Written for these tests (not taken from any corpus); " || " marks each boundary.

LABELLED = {
    "en": [
        "The government asked Moscow for 12 fighter jets in 2011. || The request, signed by "
        "Mr. Lopez, called them “the most significant deterrent.” || Officials in "
        "Washington declined to comment.",
        "“We are not going to negotiate,” the minister said on Tuesday. || “The offer is "
        "final.” || Talks broke down an hour later.",
        "The U.S. Navy sent two destroyers to the region. || Lt. Gen. J. R. Smith, who leads "
        'the operation, said the ships would stay "as long as needed." || He moved to the '
        "U.S. in 1998.",
        "He moved to the U.S. || He never came back.",
        "Inflation rose to 3.5% in March, up from 2.9% a month earlier. || Economists at "
        "Goldman Sachs Group Inc. had expected 3.1%. || The central bank meets on May 4.",
        "Is it war? || Not yet, analysts say. || But the mood in the capital has changed... "
        "|| Few expect a deal before winter.",
        "The company moved its headquarters to the U.S. || It now employs 4,000 people "
        "(about 1,200 of them in Texas). || Its chief executive, Dr. Anna K. Lee, owns 12 "
        "percent.",
        "She asked: “Is it war?” || Nobody answered. || Then the lights went out.",
        "Police said the suspect, 34, was arrested at 3 a.m. || The family has asked for privacy.",
        "Prices fell 4 percent in 2009. || 15 companies went bankrupt that year.",
        "The talks collapsed (neither side would say why). || A new round is planned.",
        "“Are you leaving?” || “No,” he said.",
    ],
    "es": [
        "El Sr. Maduro pidió a Moscú 12 cazas Su-30MK2. || La carta, firmada el 5 de oct. de "
        "2011, los llamó «el elemento disuasivo más importante». || El Kremlin no respondió.",
        "«¿Vamos a negociar?», preguntó la Dra. Pérez. || «No», respondió el ministro. || La "
        "reunión terminó sin acuerdo.",
        "EE. UU. envió dos buques a la zona. || Según el Gobierno, la operación costará 1,5 "
        "millones de dólares. || La oposición pidió explicaciones a EE. UU. || El debate "
        "sigue abierto.",
        "—No pienso dimitir —dijo el alcalde—. || Tengo el apoyo de los vecinos. || —¿Y si "
        "pierde la votación? —le preguntó un periodista.",
        "La inflación subió al 3,5 % en marzo. || ¡Es la cifra más alta desde 2008! || Los "
        "analistas esperan que baje en verano.",
        "El presidente dijo que la guerra «había terminado.» || Nadie le creyó. || Los "
        "combates siguieron en el norte del país...",
        "El acuerdo, firmado por J. M. Rodríguez y el Sr. Smith, entra en vigor hoy. || "
        "Afecta a unas 20.000 empresas. || Más información en la pág. 12.",
        "Le preguntaron si dimitiría y dijo que no. || Rajoy se negó a comentar.",
        "¿Cuánto costará? || Nadie lo sabe todavía. || “Es pronto para decirlo”, admitió "
        "la portavoz.",
    ],
    "ru": [
        "«Мы готовы к переговорам», — сказал министр во вторник. || Переговоры начнутся в "
        "пятницу. || Место встречи пока не объявлено.",
        "В. В. Путин прибыл в г. Сочи в понедельник. || Там он встретился с главой МИД. || "
        "Встреча продлилась около 2,5 часов.",
        "Завод им. Ленина на ул. Мира закрыли в 2011 г. || Он простаивает уже три года. || "
        "Рабочие требуют выплатить долги, т. е. около 1,5 млн рублей.",
        "Министр назвал решение «ошибкой». || Его заместитель не согласился: „Это был "
        "единственный выход“. || Спор продолжится в парламенте.",
        "— Вы уходите в отставку? — спросил журналист. || — Нет, — ответил мэр. || — Я "
        "останусь до конца срока.",
        "Цены выросли на 3,5%. || Почему? || Аналитики объясняют это ростом курса "
        "доллара... || Ожидается, что в мае рост замедлится.",
        "Контракт подписал Дж. Смит, представитель компании. || Сумма сделки не "
        "раскрывается. || «Это коммерческая тайна», — пояснили в пресс-службе.",
        "Это конец войны». || Так считают в Москве.",
        "Компания продала 12 самолётов Су-30МК2 и т. д. || В следующем году поставки продолжатся.",
    ],
}


@pytest.mark.parametrize(
    ("lang", "labelled"),
    [(lang, text) for lang, texts in LABELLED.items() for text in texts],
)
def test_labelled_paragraphs_split_exactly(lang: str, labelled: str) -> None:
    expected = labelled.split(" || ")
    assert split_sentences(" ".join(expected), lang) == expected


def test_pieces_keep_the_original_characters() -> None:
    text = "He left.\u00a0 She stayed!\t“Why?” he asked.   Done."
    pieces = split_sentences(text, "en")
    assert pieces == ["He left.", "She stayed!", "“Why?” he asked.", "Done."]
    assert _in_order(text, pieces)


def test_blank_and_unknown_language() -> None:
    assert split_sentences("   \t ", "en") == []
    # Languages without own lists still get the universal rules.
    assert split_sentences("Hola. Adéu.", "ca") == ["Hola.", "Adéu."]


def test_stray_quote_does_not_glue_the_paragraph() -> None:
    text = 'He said "no. Then he left. Nobody followed.'
    assert split_sentences(text, "en") == ['He said "no.', "Then he left.", "Nobody followed."]


def test_closing_quote_after_a_space_stays_with_its_sentence() -> None:
    text = 'Dijo: "Vamos al evento. " Sin embargo, no fue.'
    assert split_sentences(text, "es") == ['Dijo: "Vamos al evento. "', "Sin embargo, no fue."]


def test_list_numbers_are_no_sentences() -> None:
    text = "1. The first point. 2. The second point."
    assert split_sentences(text, "en") == ["1. The first point.", "2. The second point."]


# --- properties ------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    [
        *"aZ ьЖñ9. .,!?…\"'«»“”„‘’()¿¡—-:\t\u00a0\u2009",
        *["Mr.", "U.S.", "EE. UU.", "т. е.", "В.", " ", "...", "1.5", "\x0b", "\x85"],
    ]
)
_LINE = st.lists(_ALPHABET, max_size=30).map("".join)


@st.composite
def _texts(draw: st.DrawFn) -> str:
    lines = draw(st.lists(_LINE, min_size=0, max_size=6))
    # Mixed line-break styles in one text come back exactly as they were.
    ends = draw(
        st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=len(lines), max_size=len(lines))
    )
    text = "".join(line + end for line, end in zip(lines, ends, strict=True))
    if text and draw(st.booleans()):
        text = text.rstrip("\r\n")
    return text


@settings(max_examples=300, deadline=None)
@given(_texts(), st.sampled_from(["en", "es", "ru"]))
def test_render_gives_back_the_text(text: str, lang: str) -> None:
    doc = segment_text(text, lang)
    assert doc.render() == text
    # Replacing every sentence by itself through the mapping changes nothing either.
    assert doc.render({s.id: s.text for s in doc.sentences}) == text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.sampled_from(["en", "es", "ru"]))
def test_pieces_are_stripped_substrings_in_order(paragraph: str, lang: str) -> None:
    pieces = split_sentences(paragraph, lang)
    assert all(p and p == p.strip() for p in pieces)
    assert _in_order(paragraph, pieces)
    if paragraph.strip():
        assert pieces  # no text lost


@settings(max_examples=200, deadline=None)
@given(_texts(), _LINE, st.sampled_from(["en", "es", "ru"]))
def test_ids_are_stable(text: str, extra: str, lang: str) -> None:
    doc = segment_text(text, lang)
    again = segment_text(text, lang)
    assert [(s.id, s.text) for s in doc.sentences] == [(s.id, s.text) for s in again.sentences]
    for number, paragraph in enumerate(doc.paragraphs, start=1):
        assert [s.id for s in paragraph.sentences] == [
            f"p{number}.s{i}" for i in range(1, len(paragraph.sentences) + 1)
        ]
    # A paragraph added at the end leaves every earlier id and text where it was.
    longer = segment_text(text.rstrip("\r\n") + "\n" + extra + " Añadido.", lang)
    before = {s.id: s.text for s in doc.sentences}
    assert {s.id: s.text for s in longer.sentences if s.id in before} == before


def _in_order(text: str, pieces: list[str]) -> bool:
    pos = 0
    for piece in pieces:
        found = text.find(piece, pos)
        if found < 0 or text[pos:found].strip():
            return False
        pos = found + len(piece)
    return not text[pos:].strip()


# --- newstest2012 ----------------------------------------------------------------------
# Share of corpus lines returned as exactly one sentence. Measured: en 97.00, es 99.27,
# ru 97.04 (sentence-splitter alone: 96.80, 99.10, 96.54); the floors sit just under.
FLOORS = {"en": 96.9, "es": 99.2, "ru": 96.9}


@pytest.mark.parametrize("lang", ["en", "es", "ru"])
def test_newstest_one_sentence_rate(lang: str) -> None:
    lines = corpus_lines(lang)
    started = time.perf_counter()
    results = [split_sentences(line, lang) for line in lines]
    elapsed = time.perf_counter() - started
    rate = 100 * sum(len(r) == 1 for r in results) / len(lines)
    assert rate >= FLOORS[lang], f"{lang}: {rate:.2f}% of lines are one sentence"
    assert elapsed < 5, f"{lang}: {elapsed:.1f}s for {len(lines)} lines"
    assert all(_in_order(line, r) for line, r in zip(lines, results, strict=True))


# --- xlate segment ---------------------------------------------------------------------

runner = CliRunner()
ARTICLE = "«Мы готовы», — сказал он. Встреча прошла в г. Сочи.\n\nВ. В. Путин не приехал.\n"


def test_cli_segment_text_form() -> None:
    result = runner.invoke(app, ["segment", "-", "--lang", "ru"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "«Мы готовы», — сказал он.\nВстреча прошла в г. Сочи.\n\nВ. В. Путин не приехал.\n"
    )


def test_cli_segment_jsonl_form(tmp_path: Path) -> None:
    out = tmp_path / "seg.jsonl"
    result = runner.invoke(
        app,
        ["segment", "-", "--lang", "ru", "--format", "jsonl", "--output", str(out)],
        input=ARTICLE,
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["paragraph"], r["sentence"]) for r in records] == [
        ("p1.s1", 1, 1),
        ("p1.s2", 1, 2),
        ("p2.s1", 2, 1),
    ]
    assert records[1]["text"] == "Встреча прошла в г. Сочи."


def test_cli_segment_rejects_unknown_language() -> None:
    result = runner.invoke(app, ["segment", "-", "--lang", "fr"], input="Bonjour.\n")
    assert result.exit_code == 1
    assert "unsupported language" in result.output
