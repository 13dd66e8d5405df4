"""What an act was done to, when it names no target actor (``evidence.object``).

PLV's coders mark things as targets ("condemned <t>the terrorist attack</t>"); whimbrel's
target is an actor, so an event with none says what it was done to in its evidence, and
``whimbrel eval`` reports dyad recall with and without it.
"""

from __future__ import annotations

import pytest

from whimbrel.api import code_text
from whimbrel.evaluate import GoldDoc, GoldEvent, score_spans


def _one(pipeline, text):
    evs = code_text(text, published="2024-05-01", pipeline=pipeline)
    assert evs, text
    return evs[0]


@pytest.mark.parametrize("verb", ["condemned", "denounced", "criticised"])
@pytest.mark.parametrize("thing", ["the terrorist attack", "the peace plan", "the new law"])
def test_a_reaction_to_a_thing_names_the_thing(pipeline, verb, thing):
    e = _one(pipeline, f"The European Union {verb} {thing} on Tuesday.")
    assert e.target is None and e.evidence.object == thing
    art_text = f"The European Union {verb} {thing} on Tuesday."
    assert art_text[e.evidence.object_start:e.evidence.object_end] == thing
    assert e.as_dict()["evidence"]["object"] == thing


@pytest.mark.parametrize("verb", ["opened", "launched", "joined"])
def test_an_investigation_names_what_it_looks_into(pipeline, verb):
    e = _one(pipeline, f"The FBI {verb} an investigation into the shooting on Monday.")
    assert e.target is None and e.evidence.object == "the shooting"


def test_an_event_with_a_target_actor_has_no_object(pipeline):
    e = _one(pipeline, "Russia attacked Ukraine on Monday.")
    assert e.target is not None and e.evidence.object == "" and "object" not in e.as_dict()["evidence"]


def test_a_time_is_never_what_an_act_was_done_to(pipeline):
    e = _one(pipeline, "The FBI opened an investigation on Monday.")
    assert e.evidence.object == ""


def test_eval_counts_the_object_only_in_its_own_figure(pipeline):
    text = "The European Union condemned the terrorist attack on Tuesday."
    a = text.index("the terrorist attack")
    row = GoldEvent(id="r1", sources=(), targets=(), cameo=(), plover=("ACCUSE",), source_span=(0, 18),
                    target_spans=((a, a + len("the terrorist attack")),))
    doc = GoldDoc(id="d1", text=text, published="2024-05-01", events=(row,))
    evs = code_text(text, published="2024-05-01", pipeline=pipeline)
    sc = score_spans([doc], {"d1": evs})
    assert sc.source_recall == 1.0 and sc.dyad_recall == 0.0 and sc.dyad_recall_with_objects == 1.0
