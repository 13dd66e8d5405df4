"""Giving and giving back, and calling for sanctions: aid by the class of what is given, sums of
money given by a giving verb, property returned to someone, sanctions called for (issue 10:
classes and rules, not rows per object).

Each rule has synonym swaps (other verbs, other members of the class) and cases where it must
not fire.
"""

from __future__ import annotations

import pytest


def codes(evs):
    return {e.cameo for e in evs}


ACTORS = [("Japan", "JPN", "country"), ("Sudan", "SDN", "country")]


@pytest.mark.parametrize("verb", ["gave", "provided", "delivered", "donated", "sent"])
@pytest.mark.parametrize("thing", ["medical equipment", "basic shelter materials", "food supplies", "vaccines"])
def test_humanitarian_goods_given_are_humanitarian_aid(code, verb, thing):
    assert "073" in codes(code(f"Japan {verb} {thing} to Sudan.", ACTORS))


@pytest.mark.parametrize("verb", ["gave", "provided", "donated", "lent", "granted", "allocated"])
@pytest.mark.parametrize("sum_", ["$340 million", "€28 million", "5 million euros"])
def test_a_sum_of_money_given_is_economic_aid(code, verb, sum_):
    assert "071" in codes(code(f"Japan {verb} {sum_} to Sudan.", ACTORS))


def test_a_pledged_sum_is_an_intent_to_give_aid(code):
    evs = code("Japan pledged 5 million euros to Sudan.", ACTORS)
    assert codes(evs) and all(e.cameo.startswith("03") for e in evs)


@pytest.mark.parametrize("text", [
    "Japan spent $340 million on a stadium in Sudan.",  # spending is not giving
    "Japan provided details of the plan to Sudan.",  # details are neither aid nor money
    "Japan won 5 million euros from Sudan.",
])
def test_money_or_goods_without_a_giving_verb_or_an_aid_class_are_not_aid(code, text):
    assert not {c for c in codes(code(text, ACTORS)) if c.startswith("07")}


@pytest.mark.parametrize("verb", ["returned", "handed back", "gave back"])
@pytest.mark.parametrize("thing", ["a portrait", "the stolen manuscripts", "a bronze sculpture", "the statue"])
def test_things_given_back_to_someone_are_property_returned(code, verb, thing):
    evs = code(f"Japan {verb} {thing} to Sudan.", ACTORS)
    assert {(e.source.code, e.target.code if e.target else None) for e in evs if e.cameo == "0842"} == {("JPN", "SDN")}


def test_people_given_back_are_persons_returned(code):
    assert "0841" in codes(code("Japan returned the prisoners to Sudan.", ACTORS))


@pytest.mark.parametrize("text", [
    "Japan returned to Sudan after the war.",  # going back, not giving back
    "The envoy of Japan returned to Sudan with a message.",
    "Japan returned fire on Sudan.",
])
def test_going_back_is_not_returning_property(code, text):
    assert "0842" not in codes(code(text, ACTORS))


@pytest.mark.parametrize("text", [
    "Japan called for sanctions against Sudan.",
    "Japan urged sanctions against Sudan.",
    "Japan demanded new sanctions on Sudan.",
    "Japan called for an arms embargo on Sudan.",
])
def test_a_call_for_sanctions_threatens_their_target(code, text):
    evs = code(text, ACTORS)
    assert {(e.source.code, e.target.code, e.cameo) for e in evs} == {("JPN", "SDN", "1312")}


@pytest.mark.parametrize("text", [
    "Japan called for talks with Sudan.",  # not a sanction: stays an appeal (or nothing)
    "Japan imposed sanctions on Sudan.",  # the act itself, not a call for it
])
def test_calls_for_other_things_and_sanctions_themselves_are_no_threat(code, text):
    assert "1312" not in codes(code(text, ACTORS))


@pytest.mark.parametrize("text", [
    "Japan accepted 1,500 refugees from Sudan.",
    "Japan took in thousands of asylum seekers from Sudan.",
    "Japan hosts two million displaced people from Sudan.",
    "Japan opened its borders to refugees from Sudan.",
])
def test_taking_in_people_who_seek_protection_is_granting_asylum(code, text):
    assert "075" in codes(code(text, ACTORS))


@pytest.mark.parametrize("text", [
    "Japan accepted the proposal from Sudan.",
    "Japan opened its borders to trade with Sudan.",
])
def test_accepting_or_opening_to_other_things_is_not_asylum(code, text):
    assert "075" not in codes(code(text, ACTORS))


@pytest.mark.parametrize("thing", ["the talks between Sudan and Chad", "the visit of Sudan's president",
                                   "Sudan's decision"])
def test_welcoming_an_act_endorses_it(code, thing):
    evs = code(f"Japan welcomed {thing}.", ACTORS + [("Chad", "TCD", "country")] if "Chad" in thing else ACTORS)
    assert "051" in codes(evs)


def test_welcoming_a_person_is_hosting(code):
    evs = code("Japan welcomed Sudan's president to Tokyo.", ACTORS)
    assert "051" not in codes(evs)
