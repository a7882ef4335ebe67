"""WordNet's index searched in place (``xlate.text.wordnet``), on index files written here
in WordNet's own line format: a licence header, then sorted lemma lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from xlate.text import wordnet

_HEADER = "  1 This software and database is being provided to you, the LICENSEE,\n"


def _line(lemma: str, *offsets: int) -> str:
    # lemma pos synset_cnt p_cnt [pointers] sense_cnt tagsense_cnt offsets, two spaces at the end
    found = " ".join(f"{o:08d}" for o in offsets)
    return f"{lemma} n {len(offsets)} 1 @ {len(offsets)} 0 {found}  \n"


@pytest.fixture
def index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> wordnet._WordNetIndex:
    (tmp_path / "index.noun").write_text(
        _HEADER
        + _line("deterrence", 1)
        + _line("deterrent", 2, 3)
        + _line("deterrent_example", 4)
        + _line("dog", 5)
        + _line("incentive", 6)
        + _line("incentive_program", 7),
        encoding="utf-8",
    )
    # out of order on purpose: a run found wherever its lines lie
    (tmp_path / "index.verb").write_text(
        _HEADER + _line("incite", 8) + _line("deter", 9) + _line("determine", 10),
        encoding="utf-8",
    )
    monkeypatch.setattr(wordnet, "WORDNET_DIR", tmp_path)
    monkeypatch.setenv("XLATE_TABLE_CACHE", str(tmp_path / "tables"))
    return wordnet._WordNetIndex()


def test_a_lemma_is_found_first_in_its_run_within_it_and_last_in_the_file(
    index: wordnet._WordNetIndex,
) -> None:
    assert list(index.get("deterrence")) == [("noun", 1)]  # the first line of the run "dete"
    assert list(index.get("deterrent")) == [("noun", 2), ("noun", 3)]
    assert list(index.get("incentive program")) == [("noun", 7)]  # the file's last line
    assert list(index.get("dog")) == [("noun", 5)]  # a run of one


def test_a_word_is_no_lemma_because_a_lemma_starts_with_it_or_it_starts_one(
    index: wordnet._WordNetIndex,
) -> None:
    assert not index.get("deterr")  # a prefix of deterrent
    assert not index.get("deterrents")  # deterrent is a prefix of it
    assert not index.get("do")  # shorter than a run's letters
    assert not index.get("deterrent_example")  # the files' underscores are not xlate's spelling
    assert not index.get("")


def test_runs_out_of_order_and_every_part_of_speech_are_searched(
    index: wordnet._WordNetIndex,
) -> None:
    assert list(index.get("deter")) == [("verb", 9)]
    assert list(index.get("determine")) == [("verb", 10)]
    assert list(index.get("incite")) == [("verb", 8)]


def test_the_cognate_search_gets_each_lemma_of_a_run_once_in_file_order(
    index: wordnet._WordNetIndex,
) -> None:
    assert index.starting("dete") == [
        "deterrence", "deterrent", "deterrent example", "deter", "determine",
    ]  # fmt: skip
    assert index.starting("ince") == ["incentive", "incentive program"]
    assert index.starting("inci") == ["incite"]
    assert index.starting("zzzz") == []


def test_iteration_gives_every_lemma_once_without_the_licence(
    index: wordnet._WordNetIndex,
) -> None:
    lemmas = list(index)
    assert lemmas[:3] == ["deterrence", "deterrent", "deterrent example"]
    assert len(lemmas) == len(set(lemmas)) == 9
    assert not any(lemma.startswith(" ") or lemma[0].isdigit() for lemma in lemmas)


def test_the_spans_read_back_from_the_table_cache_answer_the_same(
    index: wordnet._WordNetIndex, tmp_path: Path
) -> None:
    assert list((tmp_path / "tables").glob("wordnet.spans-*"))
    again = wordnet._WordNetIndex()  # spans from the cache the first one wrote
    for lemma in ("deterrent", "incentive program", "deter", "dog", "deterr"):
        assert list(again.get(lemma)) == list(index.get(lemma))


def test_a_word_wordnet_spells_only_with_a_capital_is_a_proper_noun() -> None:
    # the installed WordNet's own data files
    assert wordnet.proper_only("Elizabeth") and wordnet.proper_only("Paris")
    # weber, the unit, is lowercase beside Weber the physicist; china beside China
    assert not wordnet.proper_only("Weber") and not wordnet.proper_only("China")
    assert not wordnet.proper_only("bank") and not wordnet.proper_only("Xyzzyq")
