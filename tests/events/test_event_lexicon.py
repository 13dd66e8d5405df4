"""The lexicon data: coverage, tables, user pattern files."""

from __future__ import annotations

import pytest

from whimbrel.errors import DataFileError
from whimbrel.events.lexicon import load_lexicon


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def test_all_twenty_roots_have_patterns(lex):
    roots = {p.code[:2] for pats in lex.patterns.values() for p in pats}
    assert {f"{i:02d}" for i in range(1, 21)} <= roots


def test_petrarch_patterns_are_loaded(lex):
    n = sum(len(p) for p in lex.patterns.values())
    assert n > 20000
    assert any(p.id.startswith("petrarch:") and p.code == "046" for p in lex.candidates("hold", {"talks"}))
    assert "@CONFINE" in lex.verb_groups["hold"]


def test_cameo_table_follows_the_plover_manual(lex):
    assert lex.info("163").plover.event == "SANCTION"
    assert lex.info("0814").plover.event == "CONCEDE"  # 081-083 CONCEDE, 084-087 RETREAT
    assert lex.info("0841").plover.event == "RETREAT"
    assert lex.info("010").plover.event is None  # statements are dropped in PLOVER


def test_missing_goldstein_takes_the_parent(lex):
    assert lex.info("1213").goldstein == lex.info("121").goldstein
    assert lex.info("1952").goldstein == lex.info("195").goldstein


def test_maps(lex):
    assert lex.mapped("intent", "0841") == "0353"
    assert lex.mapped("threaten", "163") == "1312"
    assert lex.mapped("reject", "046") == "125"
    assert lex.mapped("intent", "111") == "111"  # no intent form: unchanged


def test_user_patterns_win(tmp_path):
    f = tmp_path / "mine.tsv"
    f.write_text("# my patterns\nsnub\t\t\t\t\t125\t\n", encoding="utf-8")
    lex = load_lexicon((f,))
    (p, *_) = lex.candidates("snub", set())
    assert p.code == "125" and p.priority == 0


def test_bad_user_file_is_a_named_error(tmp_path):
    f = tmp_path / "bad.tsv"
    f.write_text("snub\t\t\t\t\tnot-a-code\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="numeric CAMEO code"):
        load_lexicon((f,))
    with pytest.raises(DataFileError, match="WHIMBREL_LEXICON"):
        load_lexicon((tmp_path / "missing.tsv",))


def test_user_file_changes_coding(pipeline, tmp_path):
    from conftest import dyads

    from whimbrel.events.coder import EventStage
    from whimbrel.settings import Settings

    f = tmp_path / "mine.tsv"
    f.write_text("snub\t\t\t\t\t125\t\n", encoding="utf-8")
    stage = EventStage(Settings(lexicon_files=(f,)))
    from whimbrel.model import Article, Document, Paragraph
    from whimbrel.nlp import attach

    from conftest import mention

    text = "Brazil snubbed Argentina."
    doc = attach(Document(article=Article(id="u", text=text, paragraphs=(Paragraph(0, len(text), "body"),))), pipeline.nlp(text))
    doc.mentions = [mention(text, "Brazil", "BRA"), mention(text, "Argentina", "ARG")]
    assert ("BRA", "ARG", "125") in dyads(stage(doc).events)
    assert stage.version != EventStage(Settings()).version
