"""Where PLOVER reads a CAMEO code differently: a pledge of support is CAMEO's intent (032) but,
made now, PLOVER's expression of support (SUPPORT); support said in the future tense stays an
intent (AGREE), as the PLOVER manual's AGREE section asks."""

from __future__ import annotations

import pytest
from conftest import JAPAN_SUDAN

ACTORS = JAPAN_SUDAN


@pytest.mark.parametrize("text", [
    "Japan pledged its full support for Sudan.",
    "Japan promised support for Sudan.",
    "Japan vowed its backing for Sudan.",
])
def test_a_pledge_of_support_is_support_in_plover(code, text):
    evs = code(text, ACTORS)
    assert {(e.cameo, e.plover.event) for e in evs} == {("032", "SUPPORT")}


def test_support_in_the_future_stays_an_intent(code):
    evs = code("Japan will support Sudan.", ACTORS)
    assert evs and all(e.plover.event == "AGREE" for e in evs)


@pytest.mark.parametrize("text, code_", [
    ("Japan called Sudan's president to congratulate him.", "051"),
    ("Japan telephoned Sudan's president to congratulate him.", "051"),
    ("Japan phoned Sudan's president on Monday to apologize for the raid.", "055"),
])
def test_a_call_made_to_say_something_is_what_is_said(code, text, code_):
    evs = code(text, [("Japan", "JPN", "country"), ("Sudan's president", "SDNGOV", "person")])
    assert {(e.source.code, e.target.code, e.cameo) for e in evs} == {("JPN", "SDNGOV", code_)}


def test_a_call_on_someone_to_act_stays_a_request(code):
    evs = code("Japan called on Sudan's president to apologize.", [("Japan", "JPN", "country"),
                                                                  ("Sudan's president", "SDNGOV", "person")])
    assert evs and not any(e.cameo.startswith("05") for e in evs)


def test_a_time_phrase_is_not_the_preposition_of_a_pattern(code):
    # "call on X" is an appeal; "called X on Wednesday" is not
    evs = code("Japan called Sudan's president on Wednesday.", [("Japan", "JPN", "country"),
                                                               ("Sudan's president", "SDNGOV", "person")])
    assert not any(e.cameo.startswith("02") for e in evs)


@pytest.mark.parametrize("text", [
    "Japan filed new charges against Sudan's former minister.",
    "Japan brought a lawsuit against Sudan's former minister.",
    "Japan indicted Sudan's former minister.",
    "Japan charged Sudan's former minister.",
])
def test_charging_is_cameo_173_and_plover_accuse(code, text):
    evs = code(text, [("Japan", "JPN", "country"), ("Sudan's former minister", "SDNGOV", "person")])
    assert {(e.cameo, e.plover.event) for e in evs} == {("173", "ACCUSE")}


def test_an_arrest_stays_coercion(code):
    evs = code("Japan arrested Sudan's former minister.", [("Japan", "JPN", "country"),
                                                         ("Sudan's former minister", "SDNGOV", "person")])
    assert {(e.cameo, e.plover.event) for e in evs} == {("173", "COERCE")}


@pytest.mark.parametrize("text", [
    "Japan reiterated its commitment to supporting Sudan's sovereignty.",
    "Japan reaffirmed its pledge to support Sudan.",
    "Japan renewed its promise to back Sudan.",
])
def test_a_pledge_to_support_restated_is_support(code, text):
    evs = code(text, ACTORS)
    assert evs and all(e.cameo.startswith("05") and e.plover.event == "SUPPORT" for e in evs)


def test_a_pledge_to_do_something_else_is_not_support(code):
    evs = code("Japan reiterated its commitment to hold talks with Sudan.", ACTORS)
    assert not any(e.plover.event == "SUPPORT" and e.cameo.startswith("051") for e in evs)


@pytest.mark.parametrize("text", [
    "Japan reiterated its willingness to support Sudan.",
    "Japan expressed its readiness to support Sudan.",
    "Japan reaffirmed its determination to support Sudan.",
    "Japan reiterated its commitment to support Sudan.",
])
def test_a_stated_willingness_to_support_is_support_of_the_named_side(code, text):
    evs = code(text, ACTORS)
    assert ("JPN", "SDN") in {(e.source.code if e.source else None, e.target.code if e.target else None)
                              for e in evs if e.plover.event == "SUPPORT"}, [(e.cameo, e.source, e.target) for e in evs]


def test_someone_elses_willingness_is_not_the_speakers_support(code):
    # Japan questions it; whatever Germany is willing to do, Japan supports no one
    evs = code("Japan questioned Germany's willingness to support Sudan.",
               ACTORS + [("Germany", "DEU", "country")])
    assert not any(e.source is not None and e.source.code == "JPN" and e.plover.event == "SUPPORT" for e in evs)


def test_a_state_that_protests_complains_officially(code):
    evs = code("Japan's government protested against Sudan's new border rules.",
               [("Japan's government", "JPNGOV", "agent"), ("Sudan", "SDN", "country")])
    assert ("114", "ACCUSE") in {(e.cameo, e.plover.event) for e in evs}, [(e.cameo, e.plover.event) for e in evs]
    # must not fire: people who protest demonstrate
    evs = code("Students protested against Sudan.", [("Students", "JPNEDU", "agent"), ("Sudan", "SDN", "country")])
    assert {e.plover.event for e in evs} == {"PROTEST"}
