"""Targets beyond the simple object: requests' owners, joint acts, until-clauses, against-phrases.

Each rule has a case where it must fire and one where it must not.
"""

from __future__ import annotations

from conftest import dyads


def pairs(evs, root):
    return {(e.source.code, e.target.code if e.target else None) for e in evs if e.cameo_root == root}


def test_a_request_is_owned_by_whoever_made_it(code):
    evs = code("The president refused a request from the justice minister to dismiss the prosecutor.",
               [("president", "ROUGOV", "agent"), ("justice minister", "ROUGOVJUD", "agent")])
    assert ("ROUGOV", "ROUGOVJUD") in pairs(evs, "12")
    evs = code("The rebels rejected an offer of talks by the government.",
               [("rebels", "AFGREB", "agent"), ("government", "AFGGOV", "agent")])
    assert ("AFGREB", "AFGGOV") in pairs(evs, "12")


def test_another_person_of_the_same_government_is_a_target_but_the_own_country_is_not(code):
    evs = code("The White House defended President Trump's decision to skip the summit.",
               [("White House", "USAGOV", "agent"), ("President Trump", "USAGOV", "person")])
    assert ("USAGOV", "USAGOV") in pairs(evs, "05")
    evs = code("Erdogan reiterated Turkey's support for the rebels.",
               [("Erdogan", "TURGOV", "person"), ("Turkey", "TUR", "country"), ("rebels", "SYRREB", "agent")])
    assert pairs(evs, "05") == {("TURGOV", "SYRREB")}  # not Turkey, his own country


def test_a_joint_act_pairs_its_participants_over_a_topic(code):
    evs = code("Merkel and Macron agreed on a common policy on Iran.",
               [("Merkel", "DEUGOV"), ("Macron", "FRAGOV"), ("Iran", "IRN", "country")])
    got = pairs(evs, "03")
    assert {("DEUGOV", "FRAGOV"), ("FRAGOV", "DEUGOV")} <= got and not any(t == "IRN" for _, t in got)
    # a named partner in the object stays the target: both met him
    evs = code("Merkel and Macron met Putin in Moscow.", [("Merkel", "DEUGOV"), ("Macron", "FRAGOV"), ("Putin", "RUSGOV")])
    assert pairs(evs, "04") == {("DEUGOV", "RUSGOV"), ("FRAGOV", "RUSGOV")}
    # coordinated subjects of a one-sided act are both sources, never each other's target
    evs = code("France and Germany condemned Iran.", [("France", "FRA", "country"), ("Germany", "DEU", "country"), ("Iran", "IRN", "country")])
    assert pairs(evs, "11") == {("FRA", "IRN"), ("DEU", "IRN")}


def test_the_until_clause_of_a_refusal_names_its_target(code):
    evs = code("Washington will not lift the embargo until Havana releases political prisoners.",
               [("Washington", "USAGOV", "agent"), ("Havana", "CUBGOV", "agent")])
    assert ("USAGOV", "CUBGOV") in pairs(evs, "12")
    evs = code("The union will not end the strike until its demands are met by the ministry.",
               [("union", "GBRLAB", "agent"), ("ministry", "GBRGOV", "agent")])
    assert ("GBRLAB", "GBRGOV") in pairs(evs, "12")
    # a time clause of a plain act names nobody
    evs = code("Washington imposed the embargo until the crisis ended.", [("Washington", "USAGOV", "agent")])
    assert all(t is None for _, t, _ in dyads(evs))


def test_an_against_phrase_inside_the_object_is_the_target(code):
    evs = code("Germany mobilized troops for a possible war against Russia.", [("Germany", "DEU", "country"), ("Russia", "RUS", "country")])
    assert ("DEU", "RUS") in pairs(evs, "15")
    # not across an embedded clause: the protest against Russia is someone else's
    evs = code("Germany mobilized troops after protesters marched against Russia.",
               [("Germany", "DEU", "country"), ("protesters", "DEUCVL", "agent"), ("Russia", "RUS", "country")])
    assert ("DEU", "RUS") not in pairs(evs, "15")
