"""Giving and giving back, and calling for sanctions: aid by the class of what is given, sums of
money given by a giving verb, property returned to someone, sanctions called for (issue 10:
classes and rules, not rows per object).

Each rule has synonym swaps (other verbs, other members of the class) and cases where it must
not fire.
"""

from __future__ import annotations

import pytest
from conftest import JAPAN_SUDAN, codes

ACTORS = JAPAN_SUDAN


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
def test_a_call_for_sanctions_denounces_their_target(code, text):
    evs = code(text, ACTORS)
    assert {(e.source.code, e.target.code, e.cameo) for e in evs} == {("JPN", "SDN", "111")}
    assert all(e.plover.event == "ACCUSE" for e in evs)


@pytest.mark.parametrize("text", [
    "Japan called for talks with Sudan.",  # not a sanction: stays an appeal (or nothing)
    "Japan imposed sanctions on Sudan.",  # the act itself, not a call for it
])
def test_calls_for_other_things_and_sanctions_themselves_are_no_denunciation(code, text):
    assert not {"1312", "111"} & codes(code(text, ACTORS))


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
    evs = code("Japan welcomed Sudan's president to Tokyo.", [("Japan", "JPN", "country"),
                                                             ("Sudan's president", "SDNGOV", "person")])
    assert "051" not in codes(evs) and "043" in codes(evs)


def test_welcoming_a_thing_endorses_it(code):
    # a thing welcomed (any noun that names no one) is praise or endorsement of its owner
    evs = code("Japan welcomed Sudan's economic reform programme.", ACTORS)
    assert ("JPN", "SDN", "051") in {(e.source.code, e.target.code, e.cameo) for e in evs if e.target}


@pytest.mark.parametrize("text", [
    "The rebels laid down their weapons in Sudan.",
    "The rebels gave up their arms to Sudan.",
    "The rebels surrendered 500 rifles to Sudan.",
    "The rebels handed in their guns to Sudan.",
])
def test_giving_up_weapons_is_demobilising(code, text):
    assert "0873" in codes(code(text, [("rebels", "SDNREB", "agent"), ("Sudan", "SDN", "country")]))


@pytest.mark.parametrize("text", [
    "The rebels laid down the foundation stone of a school in Sudan.",
    "The rebels handed over the suspects to Sudan.",
])
def test_giving_up_other_things_is_not_demobilising(code, text):
    assert "0873" not in codes(code(text, [("rebels", "SDNREB", "agent"), ("Sudan", "SDN", "country")]))


@pytest.mark.parametrize("verb", ["allowed", "permitted"])
def test_letting_aid_through_is_allowing_its_delivery(code, verb):
    evs = code(f"Japan {verb} the World Food Program to deliver food to Sudan.",
               ACTORS + [("World Food Program", "IGOUNOWFP", "agent")])
    assert "0863" in codes(evs)


def test_allowing_something_else_is_a_plain_concession(code):
    evs = code("Japan allowed Sudan to join the talks.", ACTORS)
    assert "0863" not in codes(evs) and {c[:2] for c in codes(evs)} == {"08"}


@pytest.mark.parametrize("text", [
    "Japan is the largest donor to Sudan.",
    "Japan remains one of the biggest donors to Sudan.",
    "Japan has become the main provider of humanitarian aid to Sudan.",
])
def test_being_a_donor_is_giving_aid(code, text):
    evs = code(text, ACTORS)
    assert {(e.source.code, e.target.code if e.target else None, e.cameo[:2]) for e in evs} == {("JPN", "SDN", "07")}


@pytest.mark.parametrize("text", [
    "Japan is not a donor to Sudan.",
    "Japan is the largest supplier of rice to Sudan.",  # trade, not aid
    "Japan thanked the donors of Sudan.",  # not a predicate
])
def test_other_donor_sentences_are_not_aid_given(code, text):
    assert not [e for e in code(text, ACTORS) if e.cameo.startswith("07")]


@pytest.mark.parametrize("text", [
    "Japan approved a request from Sudan for help.",
    "Japan granted Sudan permission to land.",
    "Japan gave its approval for Sudan to hold the vote.",
    "Japan met the demands of Sudan.",
    "Japan heeded the appeal of Sudan.",
])
def test_granting_leave_or_what_was_asked_is_yielding(code, text):
    assert "080" in codes(code(text, ACTORS))


@pytest.mark.parametrize("text", [
    "Japan met Sudan's president.",  # meeting a person
    "Japan rejected a request from Sudan.",
    "Japan gave a speech in Sudan.",
])
def test_other_meetings_answers_and_gifts_are_not_yielding(code, text):
    evs = code(text, ACTORS + ([("Sudan's president", "SDNGOV", "person")] if "president" in text else []))
    assert "080" not in codes(evs)


@pytest.mark.parametrize("text", [
    "Japanese peacekeepers arrived in Sudan.",
    "Dozens of Japanese blue helmets began deploying in Sudan.",
    "Japanese troops arrived in Sudan on a peacekeeping mission.",
])
def test_peacekeepers_arriving_or_deploying_give_protection(code, text):
    evs = code(text, [("Japanese", "JPN", "country"), ("Sudan", "SDN", "country")])
    assert "074" in codes(evs)


@pytest.mark.parametrize("text", ["Japanese troops arrived in Sudan.", "The Japanese minister arrived in Sudan."])
def test_other_arrivals_are_not_peacekeeping(code, text):
    assert "074" not in codes(code(text, [("Japanese", "JPN", "country"), ("Sudan", "SDN", "country")]))


@pytest.mark.parametrize("verb", ["funded", "financed", "bankrolled"])
def test_funding_is_economic_aid(code, verb):
    # CAMEO 071 is "monetary aid and financial guarantees, grants"; PETRARCH's FINANCE group gave 061
    assert codes(code(f"Japan {verb} the reconstruction of schools in Sudan.", ACTORS)) == {"071"}


def test_investing_stays_economic_cooperation(code):
    assert codes(code("Japan invested in a new port in Sudan.", ACTORS)) == {"061"}


@pytest.mark.parametrize("sum_", ["billions of dollars", "millions of euros"])
@pytest.mark.parametrize("verb,code_", [("gave", "071"), ("pledged", "0331"), ("committed", "0331")])
def test_an_amount_counted_in_a_currency_is_a_sum_of_money(code, sum_, verb, code_):
    assert code_ in codes(code(f"Japan {verb} {sum_} to Sudan.", ACTORS))


def test_a_sum_pledged_for_a_purpose_is_still_pledged_aid(code):
    assert "0331" in codes(code("Japan pledged billions of dollars to rebuild Sudan.", ACTORS))


def test_an_amount_of_something_else_is_no_sum_of_money(code):
    assert not {c for c in codes(code("Japan pledged thousands of troops to Sudan.", ACTORS)) if c.startswith("033")}
