"""Coding with object classes, light-verb pass-through, particles and PETRARCH senses."""

from __future__ import annotations

from conftest import dyads


def test_a_class_row_codes_every_member(code):
    assert ("CAN", "IRN", "163") in dyads(code("Canada imposed an embargo on Iran.", [("Canada", "CAN"), ("Iran", "IRN")]))
    assert ("CAN", "IRN", "163") in dyads(code("Canada imposed sanctions on Iran.", [("Canada", "CAN"), ("Iran", "IRN")]))
    # a word outside the class is no sanction
    assert not any(c.startswith("16") for *_, c in dyads(code("Canada imposed a fine on Iran.", [("Canada", "CAN"), ("Iran", "IRN")])))


def test_aspectual_verbs_pass_through_to_the_event_noun(code):
    assert ("RUS", "IRN", "163") in dyads(code("Russia renewed sanctions on Iran.", [("Russia", "RUS"), ("Iran", "IRN")]))
    got = dyads(code("Israel stepped up attacks on Gaza.", [("Israel", "ISR"), ("Gaza", "PSE")]))
    assert ("ISR", "PSE", "190") in got and not any(c.startswith("13") for *_, c in got)  # PETRARCH's BOOST gave a threat
    # no event noun: nothing to pass through
    assert not dyads(code("Russia renewed its passport rules for Iran.", [("Russia", "RUS"), ("Iran", "IRN")]))


def test_a_phrasal_verb_is_not_its_bare_verb(code):
    assert ("IRN", "USA", "051") in dyads(code("Iran backed the United States.", [("Iran", "IRN"), ("the United States", "USA")]))
    got = dyads(code("Iran backed down after the United States warned it.", [("Iran", "IRN"), ("the United States", "USA")]))
    assert not any(s == "IRN" and c == "051" for s, _t, c in got)


def test_returned_property_is_a_release_of_property(code):
    got = dyads(code("The United States returned stolen artifacts to Iraq.", [("The United States", "USA"), ("Iraq", "IRQ")]))
    assert ("USA", "IRQ", "0842") in got
    got = dyads(code("The Iraqi army returned fire at the United States.", [("The Iraqi army", "IRQMIL"), ("the United States", "USA")]))
    assert not any(c == "0842" for *_, c in got)


def test_a_dative_to_names_the_recipient(code):
    assert ("FRA", "IND", "072") in dyads(code("France delivered warplanes to India.", [("France", "FRA"), ("India", "IND")]))


def test_a_patterns_own_from_names_the_target(code):
    got = dyads(code("Venezuela dismissed the proposal from Colombia.", [("Venezuela", "VEN"), ("Colombia", "COL", "country")]))
    assert ("VEN", "COL", "125") in got
    # without such a pattern, "from" a country is where, not whom
    got = dyads(code("Venezuela recalled its ambassador from Colombia.", [("Venezuela", "VEN"), ("Colombia", "COL", "country")]))
    assert all(c != "125" for *_, c in got)


def test_a_seizure_is_not_an_intent_to_cooperate(code):
    """TAKE's "take part" (030) came to 'seize' through PETRARCH's APPREHEND synonym group."""
    got = dyads(code("Rebels seized part of the town from the army.", [("Rebels", "---REB"), ("the army", "---MIL")]))
    assert not any(c.startswith("03") for *_, c in got)
    got = dyads(code("Egypt took part in talks with Israel.", [("Egypt", "EGY"), ("Israel", "ISR")]))
    assert not any(c.startswith("17") for *_, c in got)


def test_a_demand_verb_codes_a_demand(code):
    got = dyads(code("France demanded talks with Iran.", [("France", "FRA"), ("Iran", "IRN")]))
    assert ("FRA", "IRN", "106") in got and not any(c.startswith("02") for *_, c in got)
