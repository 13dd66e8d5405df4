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
    assert any(p.id.startswith("petrarch:") for p in _pats(lex, "take", {"part"}))


def _pats(lex, verb, heads=(), preps=()):
    """The candidate patterns of a verb (candidates() yields (rank, pattern) when it merges lists)."""
    return [p[1] if isinstance(p, tuple) else p for p in lex.candidates(verb, set(heads), set(preps))]


def _codes(lex, verb, heads=(), preps=()):
    return {p.code for p in _pats(lex, verb, heads, preps)}


def test_petrarch_patterns_apply_to_the_verb_they_were_written_for(lex):
    # TAKE's "take part" (030) is not a pattern of its synonyms seize/capture (seizure, 171)
    take = _pats(lex, "take", {"part"})
    assert any(p.object == ("part",) and p.code.startswith("03") for p in take)
    seize = _pats(lex, "seize", {"part"})
    assert not any(p.object == ("part",) for p in seize)
    # a group-wide pattern (no origin verb in PETRARCH's comment) still applies to the group
    assert any(g.startswith("@") for g in lex.verb_groups["wage"]) or "wage" in lex.index


def test_demand_verbs_give_demand_codes(lex):
    # PETRARCH's DEMAND group kept patterns from URGE (02x appeals, no PLOVER type); they are
    # dropped, and a demand verb's own appeal-coded patterns become 10x
    assert not any(c.startswith("02") for c in _codes(lex, "demand", {"talks", "cooperation", "support"}))
    assert not any(c.startswith("02") for c in _codes(lex, "push", {"ceasefire"}, {"for"}))
    assert "1056" in _codes(lex, "push", {"ceasefire"}, {"for"})
    # an appeal verb keeps its appeal code
    assert "020" in _codes(lex, "appeal")


def test_classes_are_loaded_and_expanded(lex):
    assert ("embargo",) in lex.classes["&SANCTIONS"]
    assert ("talks",) in lex.classes["&TALKS"] and ("dialogue",) in lex.classes["&TALKS"]
    assert ("weapon",) in lex.classes["&WEAPON"]  # PETRARCH's own sets keep their names
    # one lexicon row 'impose &SANCTIONS 163' matches every member
    for head in ("sanction", "embargo", "sanctions"):
        pats = _pats(lex, "impose", {head})
        assert any(p.object_class == "&SANCTIONS" and p.code == "163" for p in pats), head
    # but not a word outside the class
    pats = _pats(lex, "impose", {"fine"})
    assert not any(p.object_class == "&SANCTIONS" for p in pats)


def test_nouns_name_classes(lex):
    assert lex.noun(["embargo"]).code == "163"
    assert lex.noun(["dialogue"]).code == "046"
    assert lex.noun(["consultations"]).code == "040"  # a row above the class row wins
    assert lex.noun(["breakfast"]) is None


def test_unknown_class_is_a_named_error(tmp_path):
    f = tmp_path / "mine.tsv"
    f.write_text("snub\t\t&NO_SUCH_CLASS\t\t\t125\t\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown object class"):
        load_lexicon((f,))


def test_user_file_can_name_a_class(tmp_path):
    f = tmp_path / "mine.tsv"
    f.write_text("snub\t\t&TALKS\t\t\t125\t\n", encoding="utf-8")
    lex = load_lexicon((f,))
    (p, *_) = _pats(lex, "snub", {"negotiation"})
    assert p.code == "125" and p.object_class == "&TALKS"
    assert not any(q.object_class for q in _pats(lex, "snub", {"sanction"}))  # not a member: only the bare default


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
