"""Coercion by legal and administrative instruments: warrants against a person (173) and
closing, suspending or banning the press (1721). Classes of objects, with synonym swaps and
cases where they must not fire."""

from __future__ import annotations

import pytest
from conftest import JAPAN_SUDAN, codes

ACTORS = JAPAN_SUDAN



@pytest.mark.parametrize("text", [
    "Japan issued an arrest warrant for Sudan's former minister.",
    "Japan issued a warrant against Sudan's former minister.",
    "Japan issued arrest warrants for Sudan's leaders.",
    "Japan has issued a detention order for Sudan's envoy.",
])
def test_a_warrant_issued_against_someone_is_an_arrest_ordered(code, text):
    assert "173" in codes(code(text, ACTORS))


def test_a_statement_issued_is_no_warrant(code):
    assert "173" not in codes(code("Japan issued a statement on Sudan's former minister.", ACTORS))


@pytest.mark.parametrize("text", [
    "Japan suspended publication of Sudan's largest newspaper.",
    "Japan shut down Sudan's main television station.",
    "Japan banned a daily newspaper in Sudan.",
    "Japan closed a radio station run by Sudan.",
])
def test_closing_the_press_restricts_its_freedom(code, text):
    assert "1721" in codes(code(text, ACTORS))


@pytest.mark.parametrize("text", [
    "Japan closed its embassy in Sudan.",  # not the press
    "Japan read Sudan's largest newspaper.",  # not closing it
])
def test_other_closures_and_other_acts_on_the_press_are_not_censorship(code, text):
    assert "1721" not in codes(code(text, ACTORS))


@pytest.mark.parametrize("verb", ["pressured", "pressurised", "pressed"])
def test_pressing_someone_to_act_is_a_demand_on_them(code, verb):
    evs = code(f"Japan {verb} Sudan to release the prisoners.", ACTORS)
    assert {(e.source.code, e.target.code, e.cameo[:2]) for e in evs} == {("JPN", "SDN", "10")}


def test_pressure_is_not_coercion(code):
    assert not [e for e in code("Japan pressured Sudan.", ACTORS) if e.cameo.startswith("17")]


@pytest.mark.parametrize("text", [
    "Japan violated the ban on missile tests by Sudan.",
    "Japan breached its agreement with Sudan.",
    "Japan violated the sanctions on Sudan.",
])
def test_breaking_a_rule_or_agreement_defies_it(code, text):
    assert "128" in codes(code(text, ACTORS))


def test_violating_a_ceasefire_stays_a_violation_of_it(code):
    assert codes(code("Japan violated the ceasefire with Sudan.", ACTORS)) == {"196"}


@pytest.mark.parametrize("verb", ["end", "stop", "halt"])
def test_refusing_to_end_a_war_is_a_rejection_and_ending_it_de_escalates(code, verb):
    assert {c[:2] for c in codes(code(f"Japan will never {verb} its war on Sudan.", ACTORS))} == {"12"}
    agreed = {c[:3] for c in codes(code(f"Japan agreed to {verb} the fighting with Sudan.", ACTORS))}
    assert agreed and agreed <= {"087", "035", "036"}


@pytest.mark.parametrize("verb", ["ceased", "halted", "stopped", "ended"])
def test_stopping_ones_own_attacks_or_sanctions_eases_them(code, verb):
    assert {c[:2] for c in codes(code(f"Japan {verb} its military operations in Sudan.", ACTORS))} == {"08"}
    assert {c for c in codes(code(f"Japan {verb} the sanctions on Sudan.", ACTORS))} == {"085"}


def test_stopping_aid_is_still_cutting_it(code):
    assert "162" in codes(code("Japan stopped aid to Sudan.", ACTORS))


def test_agreeing_on_the_text_of_a_deal_is_signing_it(code):
    for text in ("Japan agreed on the draft text of a trade deal with Sudan.",
                 "Japan agreed to the terms of the peace agreement with Sudan."):
        assert "057" in codes(code(text, ACTORS)), text
    assert "057" not in codes(code("Japan agreed on the text of a statement on Sudan.", ACTORS))


@pytest.mark.parametrize("verb", ["placed", "put", "kept", "held"])
@pytest.mark.parametrize("where", ["house arrest", "arrest", "police custody"])
def test_held_under_arrest_is_detained(code, verb, where):
    assert "173" in codes(code(f"Japan {verb} Sudan's former minister under {where}.", ACTORS))


@pytest.mark.parametrize("text", ["Japan placed its embassy staff in Sudan under a hiring freeze.",
                                  "Japan kept Sudan's former minister under review as a candidate."])
def test_under_something_else_is_no_detention(code, text):
    assert "173" not in codes(code(text, ACTORS))


@pytest.mark.parametrize("verb", ["suspended", "disrupted", "cut"])
@pytest.mark.parametrize("what", ["mobile internet services", "internet services", "mobile data"])
def test_communications_cut_are_a_restriction(code, verb, what):
    assert "172" in codes(code(f"Japan {verb} {what} in Sudan's border region.", ACTORS))

