"""Relevance: events need a political actor, and in non-political news a strongly political one.

Each rule has a case where it must fire (the old coder emitted an event there) and one
where it must not (the same shape of sentence in political news keeps its event).
"""

from __future__ import annotations

import pytest

from whimbrel.api import code_text
from whimbrel.errors import DataFileError
from whimbrel.events.relevance import NONE, POLITICAL, STRONG, WEAK, Context, Relevance, load_domains
from whimbrel.model import Actor


def keys(events):
    return {(e.source.code if e.source else None, e.target.code if e.target else None, e.cameo_root) for e in events}


@pytest.fixture(scope="module")
def rel():
    return Relevance()


def actor(code, kind="country", rule="kb:country", text="X"):
    return Actor(code=code, text=text, start=0, end=len(text), country=code[:3], sector=code[3:6] or None, kind=kind, rule=rule)


# ---- the actor rule


def test_civilians_and_unknowns_are_not_political(rel):
    assert rel.level(actor("---CVL", "agent", "agent:bare", "residents"), POLITICAL) == NONE
    assert rel.level(actor("AUSCVL", "agent", "agent:nationality", "customers"), POLITICAL) == NONE
    assert rel.level(actor("---", "person", "ner:person", "Roger Federer"), POLITICAL) == NONE
    assert rel.level(None, POLITICAL) == NONE


def test_role_nouns_that_are_never_political_override_their_sector(rel):
    # Phoenix codes firefighters GOV; the domains file says they are not political actors
    assert rel.level(actor("AUSGOV", "agent", "agent:nationality", "Australian firefighters"), POLITICAL) == NONE
    assert rel.level(actor("---GOV", "organisation", "kb:organisation", "the Rural Fire Service"), POLITICAL) == NONE
    # must not fire: other government agents stay political
    assert rel.level(actor("AUSGOV", "agent", "agent:nationality", "Australian officials"), POLITICAL) == STRONG


def test_states_are_strong_except_as_teams(rel):
    assert rel.level(actor("AUS"), POLITICAL) == STRONG
    assert rel.level(actor("AUS"), Context(domain="sport", teams=True)) == WEAK
    assert rel.level(actor("AUS"), Context(domain="weather")) == STRONG


def test_a_capital_named_for_its_government_is_a_team_in_sport(rel):
    madrid = actor("ESPGOV", "country", "kb:capital", "Madrid")
    assert rel.level(madrid, POLITICAL) == STRONG
    assert rel.level(madrid, Context(domain="sport", teams=True)) == WEAK
    # must not fire: a named government body stays strong in sport text
    assert rel.level(actor("ESPGOV", "organisation", "kb:organisation", "the Spanish government"),
                     Context(domain="sport", teams=True)) == STRONG


@pytest.mark.parametrize("text", [
    "Real Madrid beat Barcelona 3-1 in the Spanish Super Cup final.",
    "The Kenyan runner broke the world record in the Berlin marathon.",
])
def test_sport_with_capitals_and_records_is_no_event(pipeline, text):
    assert code_text(text, published="2024-05-01", pipeline=pipeline) == []


def test_a_capital_acting_in_political_text_still_codes(pipeline):
    evs = code_text("Madrid recalled its ambassador from Caracas.", published="2024-05-01", pipeline=pipeline)
    assert keys(evs) == {("ESPGOV", "VENGOV", "16")}


def test_places_and_people_known_only_by_nationality_are_weak(rel):
    assert rel.level(actor("AUS", "place", "place:in"), POLITICAL) == WEAK
    assert rel.level(actor("AUS", "country", "kb:city", "New South Wales"), POLITICAL) == WEAK
    assert rel.level(actor("CHE", "person", "title:nationality", "Swiss pair Martina Hingis"), POLITICAL) == WEAK
    assert rel.level(actor("CHEGOV", "person", "kb:person", "Ignazio Cassis"), POLITICAL) == STRONG


def test_an_event_with_nobody_political_is_dropped(pipeline):
    # the coder finds ---CVL 112 (and ---CVL 040) here; nobody on either side is a political actor
    assert code_text("Local residents blamed vendors of illegal fireworks.", pipeline=pipeline) == []
    assert code_text("Residents met in the town square.", pipeline=pipeline) == []
    # must not fire: the same act by officials
    assert [e.cameo for e in code_text("Syrian officials blamed vendors of illegal fireworks.", pipeline=pipeline)] == ["112"]


def test_acts_political_by_themselves_need_only_a_known_side(pipeline):
    evs = code_text("Three Iraqi civilians were killed in a car bombing in Baghdad.", pipeline=pipeline)
    assert any(e.target is not None and e.target.code.startswith("IRQ") for e in evs)
    # must not fire: nobody known on either side
    assert code_text("Three people were killed in a car bombing.", pipeline=pipeline) == []


# ---- the context rule


def test_sport_countries_are_teams(pipeline):
    assert code_text("The Swiss pair beat the Americans in the final of the tennis tournament.", pipeline=pipeline) == []
    assert code_text("Spain began its Davis Cup tennis campaign with a 3-0 victory over Argentina.", pipeline=pipeline) == []
    # must not fire: the same countries in political news
    assert ("ESP", "ARG", "11") in keys(code_text("Spain condemned Argentina for the expulsion of its diplomats.", pipeline=pipeline))


def test_weather_and_fire_fighting_are_not_events(pipeline):
    assert code_text("Wild storms struck the coast of Queensland last night, cutting power to thousands of homes.",
                     pipeline=pipeline) == []
    assert code_text("Thousands of firefighters are battling the blazes west of Sydney.", pipeline=pipeline) == []
    assert code_text("Police arrested two boys over the bushfires near the town of Kiama, in New South Wales.",
                     pipeline=pipeline) == []


def test_a_strongly_political_actor_keeps_its_event_in_non_political_news(pipeline):
    # must not fire: a head of government acts in a story about bushfires
    evs = code_text("Australian Prime Minister Scott Morrison praised the firefighters battling the bushfires.",
                    published="2020-01-05", pipeline=pipeline)
    assert any(e.source is not None and e.source.code.startswith("AUSGOV") for e in evs)


def test_context_reads_neighbours_and_the_article(rel, pipeline):
    from whimbrel.model import Article, Paragraph

    text = ("The tennis tournament opened in Perth. The Hopman Cup match went to three sets. "
            "Seles won the singles. "
            "Separately, the Indian army said its troops had killed three militants in Kashmir.")
    art = Article(id="mix", text=text, paragraphs=(Paragraph(0, len(text), "body"),))
    (doc,) = list(pipeline.pipe([art]))
    ctx = rel.contexts(doc)
    assert [ctx[i].domain for i in range(3)] == ["sport", "sport", "sport"]
    assert ctx[3].domain is None  # its own political cues outweigh the sport around it


def test_domains_file_is_checked(tmp_path):
    bad = tmp_path / "d.tsv"
    bad.write_text("wicket\tsport\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        load_domains(str(bad))
    good = tmp_path / "g.tsv"
    good.write_text("# c\nwicket\tsport\tcue\numpire\tsport\tagent\n*\tsport\tteams\n", encoding="utf-8")
    d = load_domains(str(good))
    assert d.cues[("wicket",)] == "sport" and "umpire" in d.agents and "sport" in d.teams
