"""Issue 11: targets beyond the simple clause (PLV study half classes).

Each rule: a case where it fires, a synonym-swap variant (other names, other verbs), and a
case where it must not fire.
"""

from __future__ import annotations

from conftest import dyads


def pairs(evs):
    return {(e.source.code if e.source else None, e.target.code if e.target else None) for e in evs}


def test_the_one_allowed_to_act_is_the_target(code):
    evs = code("Japan agreed to allow the Red Cross to deliver food to the camps.",
               [("Japan", "JPN", "country"), ("Red Cross", "NGOXRC", "organisation")])
    assert ("JPN", "NGOXRC") in pairs(evs)
    # synonym swap: other names, another permitting verb, a refusal
    evs = code("Sudan refused to permit the monitors of the African Union to enter Darfur.",
               [("Sudan", "SDN", "country"), ("African Union", "IGOAFRAFU", "organisation")])
    assert ("SDN", "IGOAFRAFU") in pairs(evs)


def test_a_that_clause_subject_is_not_a_causee(code):
    evs = code("Japan agreed that Sudan should lead the mission.", [("Japan", "JPN", "country"), ("Sudan", "SDN", "country")])
    assert ("JPN", "SDN") not in pairs(evs)
    # nor the source's own side taking up the act ("allow its own forces to ...")
    evs = code("Japan agreed to allow its own navy to escort the ships.", [("Japan", "JPN", "country"), ("its", "JPN", "pronoun")])
    assert all(t is None for _, t, _ in dyads(evs))
