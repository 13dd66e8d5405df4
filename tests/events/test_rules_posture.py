"""Forces and war machines moved toward a border, a sea or a front show force (154, PLOVER MOBILIZE).

- A moving verb (send, dispatch, rush, move, deploy, shift, pour) with troops or war machines
  (``&TROOPS``, ``&MILITARY_ASSETS``) and a destination that is a border, a sea or a front
  (``&FORWARD_AREAS``) is a deployment, not aid to a country nor a visit.
- Stationing or positioning them is one with no destination needed.
- The lexicon's verb and prep columns take choices (``send|dispatch``, ``to|into``).

Each rule has synonym swaps and a case where it must not fire.
"""

from __future__ import annotations

import pytest
from conftest import JAPAN_SUDAN, codes

from whimbrel.errors import DataFileError
from whimbrel.events.lexicon import Lexicon, _add_patterns

ACTORS = JAPAN_SUDAN


def _actors(text: str):
    return [a for a in ACTORS if a[0] in text]


@pytest.mark.parametrize("verb", ["sent", "dispatched", "rushed", "moved", "deployed"])
@pytest.mark.parametrize("force", ["warships", "troops", "fighter jets", "tanks", "reinforcements", "missile batteries"])
@pytest.mark.parametrize("where", ["to the border", "to waters near Sudan", "along the frontier", "to the coast"])
def test_forces_moved_toward_a_front_are_a_show_of_force(code, verb, force, where):
    text = f"Japan {verb} {force} {where} on Monday."
    evs = code(text, _actors(text))
    hit = [e for e in evs if e.cameo == "154"]
    assert hit and hit[0].plover.event == "MOBILIZE" and hit[0].source.code == "JPN"
    assert not {c for c in codes(evs) if c.startswith(("042", "07"))}


@pytest.mark.parametrize("verb", ["stationed", "positioned"])
@pytest.mark.parametrize("force", ["a brigade", "cruise missiles", "troops", "warplanes"])
def test_stationing_forces_is_a_show_of_force(code, verb, force):
    assert "154" in codes(code(f"Japan {verb} {force} in the south last year.", _actors("Japan")))


@pytest.mark.parametrize("verb", ["sent", "dispatched"])
def test_troops_sent_to_a_country_stay_military_aid(code, verb):
    assert "074" in codes(code(f"Japan {verb} 200 troops to Sudan.", ACTORS))


@pytest.mark.parametrize("text", [
    "Japan moved its embassy to the coast.",
    "Japan sent aid workers to the border.",
    "Japan sent doctors to the frontier.",
    "Japan sent a trade delegation to Sudan.",
])
def test_no_show_of_force_without_forces(code, text):
    assert "154" not in codes(code(text, _actors(text)))


def _lex(text: str) -> Lexicon:
    lex = Lexicon()
    _add_patterns(lex, text, "test.tsv", 0)
    return lex


def test_a_row_with_choices_is_one_pattern_per_choice():
    lex = _lex("send|dispatch\t\ttroops\tto|into\t\t154\t\n")
    assert {(p.verb, p.prep) for v in ("send", "dispatch") for p in lex.patterns[v]} == {
        ("send", "to"), ("send", "into"), ("dispatch", "to"), ("dispatch", "into")}


def test_an_empty_choice_is_refused_with_its_line():
    with pytest.raises(DataFileError, match="test.tsv:1"):
        _lex("send\t\ttroops\tto|\t\t154\t\n")


@pytest.mark.parametrize("text", [
    "Japan massed troops near the border with Sudan.",
    "Japan deployed warships to waters near Sudan.",
    "Japan raised its alert level along the frontier with Sudan.",
    "Japan sent tanks to the coast near Sudan.",
])
def test_a_show_of_force_is_aimed_where_it_goes(code, text):
    hit = [e for e in code(text, _actors(text)) if e.cameo.startswith("15")]
    assert hit and hit[0].target is not None and hit[0].target.code == "SDN"


def test_a_show_of_force_at_home_has_no_foreign_target(code):
    hit = [e for e in code("Japan massed troops near its own coast.", _actors("Japan")) if e.cameo.startswith("15")]
    assert hit and (hit[0].target is None or hit[0].target.code[:3] != "SDN")


# -- aid: teams sent to help, goods given as aid, a thing given in the passive -------------

@pytest.mark.parametrize("verb", ["sent", "dispatched", "deployed"])
@pytest.mark.parametrize("team", ["rescue teams", "a field hospital", "medical teams", "paramedics"])
def test_rescue_and_medical_teams_sent_are_humanitarian_aid(code, verb, team):
    text = f"Japan {verb} {team} to Sudan after the floods."
    hit = [e for e in code(text, _actors(text)) if e.cameo == "073"]
    assert hit and hit[0].target is not None and hit[0].target.code == "SDN"


@pytest.mark.parametrize("verb", ["shipped", "delivered", "donated", "gave"])
@pytest.mark.parametrize("goods", ["40,000 tonnes of wheat", "30 patrol vehicles", "generators"])
def test_goods_given_as_aid_are_aid(code, verb, goods):
    for aid in ("humanitarian assistance", "humanitarian aid", "humanitarian relief"):
        text = f"Japan {verb} {goods} to Sudan as {aid}."
        assert "073" in codes(code(text, _actors(text)))
    text = f"Japan {verb} {goods} to Sudan as aid."
    assert codes(code(text, _actors(text))) & {"070", "073"}


def test_goods_sold_are_no_aid(code):
    text = "Japan sold 30 patrol vehicles to Sudan."
    assert not {c for c in codes(code(text, _actors(text))) if c.startswith("07")}


def test_what_was_sent_in_a_passive_is_not_who_got_it(code):
    text = "Rescue teams were dispatched to Sudan by Japan."
    hit = [e for e in code(text, _actors(text)) if e.cameo == "073"]
    assert hit and hit[0].source.code == "JPN" and hit[0].target.code == "SDN"


@pytest.mark.parametrize("verb", ["imposed", "slapped"])
def test_a_passive_sanction_hits_whom_it_was_laid_on(code, verb):
    text = f"Sanctions were {verb} on Sudan by Japan."
    hit = [e for e in code(text, _actors(text)) if e.cameo.startswith("16")]
    assert hit and hit[0].source.code == "JPN" and hit[0].target.code == "SDN"


@pytest.mark.parametrize("verb", ["blocked", "restricted", "suspended"])
def test_blocking_access_to_something_restricts(code, verb):
    assert "172" in codes(code(f"Japan {verb} access to the website on Monday.", _actors("Japan")))


def test_sheltering_someone_grants_refuge_and_sheltering_oneself_does_not(code):
    text = "Japan sheltered the Sudanese opposition leader after she fled Khartoum."
    assert "075" in codes(code(text, [("Japan", "JPN", "country"), ("Sudanese opposition leader", "SDNOPP", "person")]))
    assert "075" not in codes(code("Residents of Japan sheltered in basements.", _actors("Japan")))


# -- leaving an international organisation ----------------------------------------------

@pytest.mark.parametrize("text", [
    "Japan withdrew from the World Health Organization.",
    "Japan announced its withdrawal from the World Health Organization.",
    "Japan withdrew from the International Criminal Court.",
])
def test_a_state_leaving_an_international_body_reduces_relations(pipeline, text):
    from whimbrel.api import code_text

    evs = code_text(text, published="2025-03-01", pipeline=pipeline)
    assert evs and all(e.cameo == "160" and e.plover.event == "SANCTION" for e in evs)
    assert evs[0].target.code.startswith("IGO")


def test_troops_leaving_still_withdraw_and_an_envoy_recalled_is_still_161(pipeline):
    from whimbrel.api import code_text

    evs = code_text("Japanese troops withdrew from the United Nations mission in Sudan.", published="2025-03-01",
                    pipeline=pipeline)
    assert "160" not in codes(evs)
    evs = code_text("Japan withdrew its ambassador from the United Nations.", published="2025-03-01", pipeline=pipeline)
    assert "160" not in codes(evs)


@pytest.mark.parametrize("verb", ["violated", "breached"])
@pytest.mark.parametrize("thing", ["the ceasefire agreement", "the truce deal", "the ceasefire"])
def test_breaking_a_ceasefire_agreement_is_a_ceasefire_violation(code, verb, thing):
    text = f"Japan {verb} {thing} with Sudan."
    assert "196" in codes(code(text, _actors(text)))


def test_breaching_another_agreement_defies_it(code):
    text = "Japan breached the trade agreement with Sudan."
    assert "196" not in codes(code(text, _actors(text)))


@pytest.mark.parametrize("verb", ["gave", "donated", "handed over", "provided", "supplied", "gifted"])
@pytest.mark.parametrize("thing", ["30 patrol vehicles", "ten ambulances", "medical equipment", "generators"])
def test_equipment_given_to_a_country_is_aid(code, verb, thing):
    text = f"Japan {verb} {thing} to Sudan."
    hit = [e for e in code(text, _actors(text)) if e.cameo in ("070", "073")]  # medical equipment: 073
    assert hit and hit[0].target.code == "SDN"


def test_a_person_handed_over_is_still_judicial_cooperation(code):
    text = "Japan handed over the suspect to Sudan."
    assert "070" not in codes(code(text, _actors(text)))


# -- "up to N" is a quantity; human shields ------------------------------------------------

@pytest.mark.parametrize("verb,code_", [("kidnapped", "181"), ("abducted", "181"), ("arrested", "173"),
                                        ("detained", "173")])
@pytest.mark.parametrize("how_many", ["up to 16", "16"])
def test_up_to_n_people_is_the_object_not_a_phrasal_verb(code, verb, code_, how_many):
    text = f"Japan {verb} {how_many} Sudanese advisers on Monday."
    evs = code(text, [("Japan", "JPN", "country"), ("Sudanese advisers", "SDN", "group")])
    assert any(e.cameo[:2] == code_[:2] and e.target is not None and e.target.code == "SDN" for e in evs)


def test_a_phrasal_verb_with_up_keeps_its_particle(code):
    assert "0873" in codes(code("Sudan gave up its weapons to Japan.", ACTORS))


@pytest.mark.parametrize("verb", ["held", "used", "kept"])
@pytest.mark.parametrize("shields", ["human shields", "a human shield"])
def test_people_used_as_human_shields_are_taken_hostage(code, verb, shields):
    text = f"Japan {verb} Sudanese villagers as {shields}."
    evs = code(text, [("Japan", "JPN", "country"), ("Sudanese villagers", "SDNCVL", "group")])
    assert "184" in codes(evs)


def test_holding_talks_is_no_hostage_taking(code):
    assert "184" not in codes(code("Japan held talks with Sudan as partners.", ACTORS))
