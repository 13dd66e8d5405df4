"""Bugs found on unseen news (issue 10, item 5). The 'upcoming' bug is in test_event_modality.py."""

from __future__ import annotations

from whimbrel.api import code_text


def test_claim_responsibility_is_coded(pipeline):
    evs = code_text("Hamas claimed responsibility for the bombing in Jerusalem.", pipeline=pipeline)
    assert [e.cameo for e in evs] == ["015"]
    # must not fire: "claimed that ..." still reports someone else's act
    evs = code_text("Hamas claimed that Israel had bombed Gaza.", pipeline=pipeline)
    assert [e.cameo for e in evs if e.cameo.startswith("01")] == []
    assert any(e.cameo_root == "18" and e.modality.reported_by for e in evs)


def test_two_supporters_are_not_a_joint_act(pipeline):
    evs = code_text("Germany and France sided with the proposal.", pipeline=pipeline)
    assert evs and not any(e.symmetric for e in evs)
    assert {e.source.code for e in evs} == {"DEU", "FRA"} and all(e.target is None for e in evs)
    # must not fire: establishing relations is done together
    evs = code_text("Germany and France established diplomatic relations.", pipeline=pipeline)
    assert evs and all(e.symmetric and e.cameo == "050" for e in evs)


def test_suspending_sanctions_eases_them(pipeline):
    evs = code_text("Russia extended the suspension of sanctions against Iran.", pipeline=pipeline)
    assert [(e.source.code, e.cameo, e.target.code) for e in evs] == [("RUS", "085", "IRN")]
    assert [e.cameo for e in code_text("The EU suspended sanctions on Belarus.", pipeline=pipeline)] == ["085"]
    # must not fire: imposing sanctions, and suspending aid (not coercive: its suspension is a sanction)
    assert [e.cameo for e in code_text("Russia imposed sanctions on Iran.", pipeline=pipeline)] == ["163"]
    assert [e.cameo_root for e in code_text("The US suspended aid to Egypt.", pipeline=pipeline)] == ["16"]
