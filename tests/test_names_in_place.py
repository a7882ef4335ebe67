"""A common noun standing in a name's place ("said Buffett" → "said the city")."""

from __future__ import annotations

from tests.conftest import corpus_lines
from xlate.checks.names import check_names, extract_names


def _reasons(source: str, translation: str, src: str, tgt: str) -> list[str]:
    return [f.reason for f in check_names(source, translation, None, src, tgt, "s1")[1]]


def test_a_russian_adjective_renders_no_noun_in_a_names_place() -> None:
    # newstest2012 line 808: Mueller's "city: большой|старинный город" makes "большую"
    # (big) a rendering of "city"; an adjective renders no noun a name gave way to.
    ru, en = corpus_lines("ru")[807], corpus_lines("en")[807]
    assert _reasons(ru, en, "ru", "en") == []
    city = _reasons(ru, en.replace("Buffett", "the city"), "ru", "en")
    assert city and "'the city'" in city[0]


def test_a_noun_made_of_a_source_adjective_renders_it() -> None:
    # newstest2012 line 1023: "газетные заголовки" (newspaper headlines) rendered as a
    # noun, the place (Лере) left out: the noun is the adjective's, not a stand-in.
    ru = corpus_lines("ru")[1022]
    en = "A controversial project to cull crows drew the newspapers' disapproval in 2005."
    assert _reasons(ru, en, "ru", "en") == []


def test_a_short_common_word_of_another_script_is_not_the_name_spelt_otherwise() -> None:
    # newstest2012 line 403: "with" and "love" share Ивету's two consonants; they are no
    # rendering of it, so the bank standing where Iveta stood replaced her.
    ru, en = corpus_lines("ru")[402], corpus_lines("en")[402]
    assert _reasons(ru, en, "ru", "en") == []
    bank = _reasons(ru, en.replace("Iveta", "the bank"), "ru", "en")
    assert bank and "'the bank'" in bank[0]


def test_a_noun_followed_by_a_verb_or_adjective_heads_its_phrase() -> None:
    # newstest2012 line 566: "whom the bank supported", "apoyado por el periódico antes":
    # the noun heads what follows (a verb, an adverb); "el famoso vuelo" puts an
    # adjective first, and "the city council" a noun that qualifies another.
    en, es, ru = (corpus_lines(lang)[565] for lang in ("en", "es", "ru"))
    bank = _reasons(ru, en.replace("Paclík", "the bank"), "ru", "en")
    assert bank and "'the bank'" in bank[0]
    paper = _reasons(en, es.replace("Paclík", "el periódico"), "en", "es")
    assert paper and "'el periódico'" in paper[0]
    famous = _reasons(en, es.replace("Paclík", "el famoso abogado"), "en", "es")
    assert not any("'el famoso'" in r for r in famous)


def test_a_russian_adjective_a_common_word_or_a_cut_short_name_has_no_stand_in() -> None:
    # newstest2012 lines 40, 920, 1397 (people's translations, clean): "Чешскому
    # статистическому бюро" (an adjective) became "la ČSÚ"; "Рядом" (beside, read as
    # Riyadh's case form) opens a sentence; "Lugar (Ind.)" cuts a state short.
    ru, es = corpus_lines("ru"), corpus_lines("es")
    assert _reasons(ru[39], es[39], "ru", "es") == []
    assert _reasons(ru[919], es[919], "ru", "es") == []
    assert _reasons(corpus_lines("en")[1396], ru[1396], "en", "ru") == []


def test_common_words_or_an_acronym_the_source_does_not_account_for_replace_a_name() -> None:
    # newstest2012 lines 565 and 808: "Czech Olympic Committee" where the source speaks
    # of Пацлик, and IBM where it names Баффет: no source word renders them, and an
    # acronym abbreviates words, not a one-word name.
    ru, en = corpus_lines("ru"), corpus_lines("en")
    committee = _reasons(ru[564], en[564].replace("Paclík", "Czech Olympic Committee"), "ru", "en")
    assert committee and "'Czech Olympic" in committee[0]
    ibm = _reasons(ru[807], en[807].replace("Buffett", "IBM"), "ru", "en")
    assert ibm and "'IBM'" in ibm[0]


def test_an_acronym_written_out_or_a_local_acronym_replaces_nothing() -> None:
    # newstest2012 lines 40, 378, 281 (clean): ČSÚ written out as "Czech Statistical
    # Office"; "la Europa Central y Oriental" (a word) where the translation names IBM; "Universidad
    # Carolina" as КУ, a Russian acronym of its own.
    en, es, ru = corpus_lines("en"), corpus_lines("es"), corpus_lines("ru")
    assert _reasons(es[39], en[39], "es", "en") == []
    assert _reasons(ru[39], es[39], "ru", "es") == []
    assert _reasons(es[377], en[377], "es", "en") == []
    assert _reasons(es[280], ru[280], "es", "ru") == []


def test_a_known_place_ending_in_an_institution_noun_is_one_name() -> None:
    # newstest2012 line 149: "Czech Republic" is a known place, not the weak adjective
    # "Czech" with a title after it, so it may stand where Jakub stood.
    es, en = corpus_lines("es")[148], corpus_lines("en")[148]
    found = {m.text for m in extract_names("I visited the Czech Republic and Poland.", "en")}
    assert "Czech Republic" in found
    republic = _reasons(es, en.replace("Jakub", "Czech Republic"), "es", "en")
    assert republic and "'Czech Republic'" in republic[0]


def test_an_acronym_for_an_english_one_word_name_wordnet_lists() -> None:
    # newstest2012 line 851: WordNet lists Solingen (a city); it is no common word, so
    # UBS standing where it stood replaced it.
    en, es = corpus_lines("en")[850], corpus_lines("es")[850]
    assert _reasons(en, es, "en", "es") == []
    ubs = _reasons(en, es.replace("Solingen", "UBS"), "en", "es")
    assert ubs and "'UBS'" in ubs[0]


def test_a_word_rendering_another_source_word_is_no_spelling_of_the_name() -> None:
    # newstest2012 line 1312: "parque" looks a little like Zuccotti (same-script likeness), but it
    # renders "Park"; "la región" standing where Zuccotti stood replaced it.
    en, es = corpus_lines("en")[1311], corpus_lines("es")[1311]
    assert _reasons(en, es, "en", "es") == []
    region = _reasons(en, es.replace("Zuccotti", "la región"), "en", "es")
    assert region and "'la región'" in region[0]


def test_half_of_a_double_surname_is_no_common_word() -> None:
    # newstest2012 line 737: "Husslein-Arco" is a surname, though "arco" is a Spanish
    # word: a common noun in its place replaced it.
    es, en = corpus_lines("es")[736], corpus_lines("en")[736]
    assert _reasons(es, en, "es", "en") == []
    government = en.replace("Agnes Husslein-Arco", "The government")
    assert any("'The government'" in r for r in _reasons(es, government, "es", "en"))


def test_a_capitalised_rendering_of_a_source_word_is_no_spelling_of_the_name() -> None:
    # newstest2012 line 1400: Палаты (Cámara, named later in the source) is no spelling of
    # Bob Goodlatte, so the noun standing where he stood replaced him.
    es, ru = corpus_lines("es")[1399], corpus_lines("ru")[1399]
    assert _reasons(es, ru, "es", "ru") == []
    company = ru.replace("Бобом Гудлатом", "компанией")
    assert _reasons(es, company, "es", "ru")


def test_a_capitalised_common_word_in_a_names_place() -> None:
    # newstest2012 line 1262: Englund's place taken by "Книга" (Book), capitalised
    # inside the sentence as Russian capitalises only names: a word, not a name.
    es, ru = corpus_lines("es")[1261], corpus_lines("ru")[1261]
    assert _reasons(es, ru, "es", "ru") == []
    book = _reasons(es, ru.replace("Энглунд", "Книга"), "es", "ru")
    assert book and "'Книга' stands in its place" in book[0]


def test_a_capitalised_word_opening_a_quotation_stands_in_for_nothing() -> None:
    # newstest2012 line 318: the slogan "Think!" rendered "Думай!", capitalised because
    # it opens the quotation: a rendering, not a word in a name's place.
    es, ru = corpus_lines("es")[317], corpus_lines("ru")[317]
    assert _reasons(es, ru, "es", "ru") == []


def test_a_persons_name_opening_the_source_is_no_dictionary_phrase() -> None:
    # newstest2012 line 861: "Алекс Вебер" opens the source; word lists count the phrase
    # as frequent, but neither word is a common one, so "The government" in its place
    # stands in for the name.
    ru, en = corpus_lines("ru")[860], corpus_lines("en")[860]
    assert _reasons(ru, en, "ru", "en") == []
    government = _reasons(ru, en.replace("Axel Weber", "The government"), "ru", "en")
    assert government and "'The government'" in government[0]


def test_a_clear_name_in_the_place_of_an_institution_named_in_words() -> None:
    # newstest2012 line 1369: the Department of Education, all common words, gave way to
    # Manhattan, which no source word renders: a name replaced, though it is worded.
    en, es = corpus_lines("en")[1368], corpus_lines("es")[1368]
    assert _reasons(en, es, "en", "es") == []
    manhattan = _reasons(en, es.replace("Departamento de Educación", "Manhattan"), "en", "es")
    assert manhattan and "'Manhattan'" in manhattan[0]


def test_a_clear_name_in_the_place_of_a_russian_body_named_by_its_noun() -> None:
    # newstest2012 line 1390: "нерешительность Конгресса", Congress named by its noun
    # alone in the genitive, gave way to Sarkozy: replaced, as an English "Congress" is.
    ru, es = corpus_lines("ru")[1389], corpus_lines("es")[1389]
    assert _reasons(ru, es, "ru", "es") == []
    sarkozy = _reasons(ru, es.replace("Congreso", "Sarkozy"), "ru", "es")
    assert sarkozy and "'Sarkozy'" in sarkozy[0]


def test_no_clear_name_replaces_the_first_word_of_a_longer_russian_body() -> None:
    # newstest2012 line 1418: "член Палаты представителей" (a member of the House of
    # Representatives) is "la representante"; the capitalised noun opens a longer name,
    # and Broadway, further on, replaced nothing. Line 1397: "в Комитете" is "del comité",
    # rendered in a lowercase word; "(Indiana)" is the translator's addition.
    for line in (1417, 1396):
        ru, es = corpus_lines("ru")[line], corpus_lines("es")[line]
        assert _reasons(ru, es, "ru", "es") == []


def test_a_russian_surname_that_spells_a_common_word_is_a_name() -> None:
    # newstest2012 line 802: "Путина" reads first as Putin's genitive (путина, the fishing
    # season, second), so word lists' count of it is no sign of a common word: Putin in
    # Warren Buffett's place replaced him. Line 641: "Тем не менее" opens with "Тем", a
    # conjunction first, which stays a common word, no name.
    en, ru = corpus_lines("en")[801], corpus_lines("ru")[801]
    assert _reasons(en, ru, "en", "ru") == []
    putin = _reasons(en, ru.replace("Уоррена Баффета", "Путина"), "en", "ru")
    assert putin and "'Путина'" in putin[0]
    en, ru = corpus_lines("en")[640], corpus_lines("ru")[640]
    assert _reasons(en, ru, "en", "ru") == [] and _reasons(ru, en, "ru", "en") == []


def test_words_kept_in_their_own_language_replace_no_worded_institution() -> None:
    # newstest2012 lines 86 and 667: the insurer kept in Czech (Všeobecná zdravotní
    # pojišťovna) and a book's German title in quotation marks ("Badefreuden") where
    # the source translates them: renderings, not other names.
    es, en = corpus_lines("es")[85], corpus_lines("en")[85]
    assert _reasons(es, en, "es", "en") == []
    en, es = corpus_lines("en")[666], corpus_lines("es")[666]
    assert _reasons(en, es, "en", "es") == []


def test_an_acronym_in_the_place_of_a_persons_name_and_surname() -> None:
    # newstest2012 line 885: Петер Вуффли, a name and surname no dictionary knows, gave
    # way to UBS: no acronym abbreviates a person's name, so it replaced him.
    ru, en = corpus_lines("ru")[884], corpus_lines("en")[884]
    assert _reasons(ru, en, "ru", "en") == []
    ubs = _reasons(ru, en.replace("CEO Peter Wuffli", "UBS"), "ru", "en")
    assert ubs and "'UBS'" in ubs[0]


def test_a_russian_verb_is_no_spelling_of_the_name() -> None:
    # newstest2012 line 571: "привлек" (drew) sounds a little like Paclík, but a verb is
    # no spelling of a name; "газета" standing where Пацлик stood replaced him.
    en, ru = corpus_lines("en")[570], corpus_lines("ru")[570]
    assert _reasons(en, ru, "en", "ru") == []
    paper = _reasons(en, ru.replace("Пацлик", "газета"), "en", "ru")
    assert paper and "'газета'" in paper[0]


def test_a_noun_followed_by_a_verbs_past_form_heads_its_phrase() -> None:
    # newstest2012 line 149: "'Then you can start breaking them,' Jakub told us." WordNet
    # reads "told" through its base, tell, a noun too; a past form is a verb, so "the
    # city told us" puts a noun where Jakub stood. A noun lemma (thought) stays a noun.
    es, en = corpus_lines("es")[148], corpus_lines("en")[148]
    assert _reasons(es, en, "es", "en") == []
    city = _reasons(es, en.replace("Jakub", "the city"), "es", "en")
    assert city and "'the city'" in city[0]
    assert not _reasons(es, en.replace("Jakub told", "the city council told"), "es", "en")


def test_a_common_word_of_another_first_sound_is_not_the_name_spelt_otherwise() -> None:
    # newstest2012 line 532: "... en contra de Pelta" with Pelta put as "la empresa":
    # "empresa" shares Pelta's consonants loosely but not its first sound, so it is no
    # spelling of the name and the company stands where Pelta stood.
    en, es = corpus_lines("en")[531], corpus_lines("es")[531]
    assert _reasons(en, es, "en", "es") == []
    company = _reasons(en, es.replace("de Pelta", "de la empresa"), "en", "es")
    assert company and "'la empresa'" in company[0]


def test_a_name_word_of_a_third_language_translated_is_no_stand_in() -> None:
    # newstest2012 lines 755-756: "The 21er Haus" → "Дом 21-го века", "La casa 21":
    # German Haus sounds as English house, which дом and casa render; translated, so
    # neither "Дом" nor a noun beside it ("века") replaced the name.
    en, es, ru = (corpus_lines(lang) for lang in ("en", "es", "ru"))
    assert _reasons(en[754], ru[754], "en", "ru") == []
    assert _reasons(en[755], ru[755], "en", "ru") == []
    assert _reasons(en[755], es[755], "en", "es") == []


def test_a_name_with_common_words_beside_a_name_word_is_a_clear_name() -> None:
    # newstest2012 line 580: "Rajchl to Prague Dukla" → "Rajchl con Dukla de Praga".
    # Dukla is no Spanish or English word, so the name is one a translator keeps,
    # though Prague is a known place: a party standing in its place replaced it.
    en, es = corpus_lines("en")[579], corpus_lines("es")[579]
    assert _reasons(en, es, "en", "es") == []
    assert _reasons(es, en, "es", "en") == []
    party = _reasons(es, en.replace("Prague Dukla", "the president"), "es", "en")
    assert party and "'the president'" in party[0]


def test_another_names_spelling_across_scripts_is_no_spelling_of_this_one() -> None:
    # newstest2012 line 742: "Венском" is Vienna's adjective, not Schwanzer spelt
    # otherwise, so the noun standing where Schwanzer stood replaced him.
    en, ru = corpus_lines("en")[741], corpus_lines("ru")[741]
    assert _reasons(en, ru, "en", "ru") == []
    president = _reasons(en, ru.replace("Шванцера", "президента"), "en", "ru")
    assert president and "'президента' stands in its place" in president[0]


def test_a_russian_case_form_is_as_generic_as_its_word() -> None:
    # newstest2012 line 532: "президенте" (prepositional) is rarer than "президент"; as
    # generic a noun in the place of Pelta
    es, ru = corpus_lines("es")[531], corpus_lines("ru")[531]
    assert _reasons(es, ru, "es", "ru") == []
    president = _reasons(es, ru.replace("Пельте", "президенте"), "es", "ru")
    assert president and "'президенте' stands in its place" in president[0]


def test_a_common_word_of_the_names_first_sound_alone_is_not_the_name_spelt_otherwise() -> None:
    # newstest2012 lines 565, 30 and 1052: "plantearse" (P-l-t) is no spelling of Pelta,
    # "trick" none of Турции, nor "Страна" opening the sentence one of Francia: common
    # words sharing the name's first sounds, not its form. The noun standing where the
    # name stood replaced it.
    en, es, ru = corpus_lines("en"), corpus_lines("es"), corpus_lines("ru")
    for source, translation, name, src, tgt in (
        (en[564], es[564], "Pelta", "en", "es"),
        (es[29], ru[29], "Франция", "es", "ru"),
        (ru[1051], en[1051], "Turkey", "ru", "en"),
    ):
        assert _reasons(source, translation, src, tgt) == []
        stand_in = {"es": "el ministro", "ru": "Страна", "en": "the party"}[tgt]
        replaced = _reasons(source, translation.replace(name, stand_in), src, tgt)
        assert replaced and f"{stand_in!r} stands in its place" in replaced[0], replaced


def test_an_acronym_of_a_body_replaced_by_a_common_noun() -> None:
    # newstest2012 line 899: UBS, an acronym no dictionary knows, is a body's name like
    # any other: a noun of no source word in its place replaced it, from English or from
    # Russian (where the acronym stays Latin).
    en, es, ru = (corpus_lines(lang)[898] for lang in ("en", "es", "ru"))
    assert _reasons(en, es, "en", "es") == []
    assert _reasons(ru, en, "ru", "en") == []
    region = _reasons(en, es.replace("la UBS", "la región"), "en", "es")
    assert region and "'UBS'" in region[0] and "'la región'" in region[0]
    region = _reasons(ru, en.replace("UBS", "the region"), "ru", "en")
    assert region and "'the region'" in region[0]


def test_an_acronym_the_dictionaries_know_may_be_said_in_words() -> None:
    # newstest2012 line 37: GDP (a WordNet noun) and ВВП (a common noun to pymorphy3)
    # are things a translator may call "the economy"; no name of a body gave way.
    en, ru = corpus_lines("en")[36], corpus_lines("ru")[36]
    economy_es = "La economía de Alemania creció el 0,5% previsto, la de Francia el 0,4%"
    economy_en = "The economy of Germany has grown by the expected 0.5%; and France's by 0.4%."
    assert _reasons(en, economy_es, "en", "es") == []
    assert _reasons(ru, economy_en, "ru", "en") == []


def test_a_names_place_is_read_beside_the_names_found_when_the_sentence_moves() -> None:
    # newstest2012 line 444: "Jágr y Voráček ayudaron" opens the Spanish; the Russian
    # puts the pair after "Результативные передачи". The place of Jágr is beside
    # Voráček's rendering, wherever the sentence put it.
    es, ru = corpus_lines("es")[443], corpus_lines("ru")[443]
    assert _reasons(es, ru, "es", "ru") == []
    party = _reasons(es, ru.replace("Ягра", "партия"), "es", "ru")
    assert party and "'партия'" in party[0]
    # line 845: "los atentados de Mölln y Solingen" ends the Spanish sentence
    es, en = corpus_lines("es")[844], corpus_lines("en")[844]
    assert _reasons(es, en, "es", "en") == []
    team = _reasons(es, en.replace("Solingen", "the team"), "es", "en")
    assert team and "'the team'" in team[0]


def test_a_names_place_is_read_beside_the_rendering_of_its_neighbour() -> None:
    # newstest2012 line 989: "El índice Nasdaq de la bolsa tecnológica" opens the
    # Spanish, "Технологический индекс Nasdaq" the Russian, further in by share of the
    # sentence than the window reaches; "индекс" renders the name's neighbour "índice".
    es, ru = corpus_lines("es")[988], corpus_lines("ru")[988]
    assert _reasons(es, ru, "es", "ru") == []
    company = _reasons(es, ru.replace("Nasdaq", "компания"), "es", "ru")
    assert company and "'компания'" in company[0]
    # line 802: "una inversión de Warren Buffett" ends the Spanish, "Investment by
    # Warren Buffett" opens the English
    es, en = corpus_lines("es")[801], corpus_lines("en")[801]
    assert _reasons(es, en, "es", "en") == []
    minister = _reasons(es, en.replace("Warren Buffett", "the minister"), "es", "en")
    assert minister and "'the minister'" in minister[0]


def test_a_common_noun_in_place_of_a_names_last_word() -> None:
    # newstest2012 lines 711 and 1445: "Дойче Банк", "Кид Рок"; the head of the name
    # replaced by a thing while its first word stays ("Дойче команда") is a change, the
    # head translated as the dictionary gives it ("Дойче банк") is none.
    es, ru = corpus_lines("es")[710], corpus_lines("ru")[710]
    assert _reasons(es, ru, "es", "ru") == []
    assert _reasons(es, ru.replace("Банк", "банк"), "es", "ru") == []
    team = _reasons(es, ru.replace("Банк", "команда"), "es", "ru")
    assert team == ["name 'Deutsche Bank' is missing 'Bank'; 'команда' stands in its place"]
    es, ru = corpus_lines("es")[1444], corpus_lines("ru")[1444]
    team = _reasons(es, ru.replace("Рок", "команда"), "es", "ru")
    assert team == ["name 'Kid Rock' is missing 'Rock'; 'команда' stands in its place"]


def test_a_names_foreign_head_translated_through_its_english_kin_is_rendered() -> None:
    # line 731: the Schweizer Garten of Vienna is "Швейцарский сад" (Garten: garden)
    en, ru = corpus_lines("en")[730], corpus_lines("ru")[730]
    assert _reasons(en, ru, "en", "ru") == []


def test_a_noun_before_the_rendering_of_the_names_neighbour_stood_as_the_name() -> None:
    # newstest2012 line 1078: "на стадионе Максимир" is "at the Maksimir stadium"; the
    # name qualifies "stadium", the rendering of its neighbour, and so does a noun put
    # in its place, though it heads no phrase of its own.
    ru, en = corpus_lines("ru")[1077], corpus_lines("en")[1077]
    assert _reasons(ru, en, "ru", "en") == []
    group = _reasons(ru, en.replace("Maksimir", "group"), "ru", "en")
    assert group == ["name 'Максимир' is missing; 'the group' stands in its place"]


def test_an_adjective_before_a_neighbours_rendering_stands_in_for_no_name() -> None:
    # line 470: "Вместе с опытным защитником Канадиенс": with the Canadiens (spelt
    # Candiens in the English) replaced by "the group", "the experienced back" is no
    # stand-in ("experienced": an adjective before "back", the rendering of защитником)
    ru, en = corpus_lines("ru")[469], corpus_lines("en")[469]
    group = _reasons(ru, en.replace("the Candiens", "the group"), "ru", "en")
    assert group == ["name 'Канадиенс' is missing; 'the group' stands in its place"]


def test_a_lowercase_word_common_in_its_language_is_no_spelling_of_the_name() -> None:
    # newstest2012 line 475: "dijo Jacques Martin" with the coach replaced by "la
    # región". "región" (region in English as well) shares Мартин's r and n; a word
    # written lowercase is a common word, so no Мартин spelt otherwise.
    ru, es = corpus_lines("ru")[474], corpus_lines("es")[474]
    assert _reasons(ru, es, "ru", "es") == []
    region = _reasons(ru, es.replace("Jacques Martin", "la región"), "ru", "es")
    assert region == ["name 'Жак Мартин' is missing; 'la región' stands in its place"]


def test_only_a_russian_adjective_is_made_from_the_noun_in_a_names_place() -> None:
    # newstest2012 line 564: "сказал Пацлик" with Paclík replaced by "el banco". Of
    # bank's and bench's Russian renderings, "станок" (a bench) starts as the verb
    # "станет" does; a verb is made from no noun, so the bank renders nothing here.
    ru, es = corpus_lines("ru")[563], corpus_lines("es")[563]
    assert _reasons(ru, es, "ru", "es") == []
    bank = _reasons(ru, es.replace("Paclík", "el banco"), "ru", "es")
    assert bank == ["name 'Пацлик' is missing; 'el banco' stands in its place"]


def test_a_name_opening_the_source_that_dictionaries_know_only_as_a_name_is_a_name() -> None:
    # newstest2012 lines 1370 and 348 open with "Elizabeth Thomas" and "IBM's": WordNet
    # lists Elizabeth and Thomas only as proper nouns, FreeDict gives IBM as IBM. Neither
    # is a common word opening the sentence (Menú diario), so a noun in its place counts.
    en, es = corpus_lines("en")[1369], corpus_lines("es")[1369]
    assert _reasons(en, es, "en", "es") == []
    country = _reasons(en, es.replace("Elizabeth Thomas", "El país"), "en", "es")
    assert country == ["name 'Elizabeth Thomas' is missing; 'El país' stands in its place"]
    en, es = corpus_lines("en")[347], corpus_lines("es")[347]
    city = _reasons(en, es.replace("IBM", "la ciudad"), "en", "es")
    assert city == ["name 'IBM' is missing; 'la ciudad' stands in its place"]


def test_an_irregular_past_after_the_noun_is_its_verb() -> None:
    # newstest2012 line 989: "The Nasdaq Technology Index lost 0.8 percent". WordNet
    # has "lost" as a noun too, so "the president lost" read as a noun phrase, not a
    # noun heading its verb; verb.exc's irregular forms are verbs there.
    es, en = corpus_lines("es")[988], corpus_lines("en")[988]
    assert _reasons(es, en, "es", "en") == []
    president = _reasons(es, en.replace("Nasdaq Technology Index", "president"), "es", "en")
    assert president == ["name 'Nasdaq' is missing; 'The president' stands in its place"]


def test_a_names_head_rendered_elsewhere_in_the_sentence_is_translated() -> None:
    # newstest2012 line 2403 (held-out half; found there by the held-out check_clean
    # run): "the CTV Christmas special show" is "el especial navideño de CTV cuenta
    # con ...": Christmas is navidad, and navideño is made from it, so "cuenta" (a verb
    # here, a noun too) after CTV stands in for nothing.
    en, es = corpus_lines("en")[2402], corpus_lines("es")[2402]
    assert _reasons(en, es, "en", "es") == []
