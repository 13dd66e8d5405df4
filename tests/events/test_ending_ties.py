"""Ending a standing agreement or cooperation, separative particles, hyphenated class members.

* A party that ends, scraps, revokes or leaves an agreement, or ends its cooperation with
  another, reduces relations (CAMEO 160, PLOVER SANCTION "discontinue"), with the partner as
  target; the verbs and the agreement words come from classes (``&AGREEMENTS``,
  ``&COOPERATION``), so any pairing codes.
* "pulled out of", "walked away from": the parser reads the particle as a preposition with the
  real one hung on it; both read as "from" (the lexicon's row, the withdrawal's place).
* "sit-in", "cease-fire": class members are split at hyphens as the tokenizer splits them.
"""

from __future__ import annotations

import pytest

from whimbrel.api import code_text


def _events(pipeline, text):
    return code_text(text, published="2024-05-01", pipeline=pipeline)


ENDERS = ["scrapped", "terminated", "revoked", "annulled", "tore up", "ended", "suspended", "abandoned"]
AGREEMENTS = ["its defence accord", "a military agreement", "the security pact", "its cooperation treaty"]


@pytest.mark.parametrize("verb", ENDERS)
@pytest.mark.parametrize("thing", AGREEMENTS)
def test_ending_an_agreement_reduces_relations_with_the_partner(pipeline, verb, thing):
    evs = _events(pipeline, f"Mali {verb} {thing} with France.")
    assert [(e.cameo, e.plover.event, e.source.code, e.target.code if e.target else None) for e in evs] == [
        ("160", "SANCTION", "MLI", "FRA")], [e.as_dict() for e in evs]


@pytest.mark.parametrize("what", ["its military cooperation", "its security partnership", "the alliance"])
def test_ending_cooperation_reduces_relations(pipeline, what):
    evs = _events(pipeline, f"Niger ended {what} with the United States.")
    assert [(e.cameo, e.source.code, e.target.code if e.target else None) for e in evs] == [("160", "NER", "USA")]


@pytest.mark.parametrize("text", [
    "Russia pulled out of the grain deal.",
    "The United States walked away from the nuclear agreement.",
    "The United States withdrew from the nuclear agreement.",
    "Britain opted out of the treaty.",
])
def test_leaving_an_agreement_reduces_relations(pipeline, text):
    evs = _events(pipeline, text)
    assert [e.cameo for e in evs] == ["160"], [e.as_dict() for e in evs]


def test_pulling_out_of_talks_halts_them(pipeline):
    assert [e.cameo for e in _events(pipeline, "France pulled out of the talks.")] == ["164"]


@pytest.mark.parametrize("text", [
    # the same verbs on things that are no standing tie between parties: no reduction of relations
    "Mali ended the curfew in Bamako.",
    "The government scrapped the fuel subsidy.",
    "Russian troops pulled out of the town.",
    "Mali signed a defence accord with France.",
])
def test_must_not_fire_on_other_objects(pipeline, text):
    assert not any(e.cameo.startswith("16") for e in _events(pipeline, text)), text


@pytest.mark.parametrize("verb", ["pulled out of", "withdrew from"])
def test_a_withdrawal_targets_the_place_it_leaves(pipeline, verb):
    # a city the knowledge base does not list, found in the gazetteer after "from" / "out of"
    evs = _events(pipeline, f"Russian troops {verb} Kherson.")
    assert [(e.cameo, e.source.code, e.target.code if e.target else None) for e in evs] == [("0874", "RUSMIL", "UKR")]


def test_according_to_is_no_target(pipeline):
    evs = _events(pipeline, "Russia massed troops near the border with Ukraine, according to Western intelligence estimates.")
    assert [(e.cameo, e.target.code if e.target else None) for e in evs] == [("154", "UKR")]


@pytest.mark.parametrize("noun,code", [("a sit-in", "141"), ("a hunger strike", "142")])
def test_hyphenated_event_nouns_match(pipeline, noun, code):
    evs = _events(pipeline, f"Kenyan students staged {noun} outside the parliament in Nairobi.")
    assert [e.cameo for e in evs] == [code], [e.as_dict() for e in evs]


def test_hyphenated_class_member_is_split_like_the_tokenizer():
    from whimbrel.events.lexicon import _words

    assert _words("sit-in") == ("sit", "in")
    assert _words("cease-fire") == ("cease", "fire")
    assert _words("f-16") == ("f-16",)  # the tokenizer keeps a hyphen before a digit
