"""Modality is stored on the event: negation, future/planned, conditional, intent."""

from __future__ import annotations


def test_a_negated_past_act_is_not_an_event(code):
    # CAMEO codes what happened; PETRARCH2 drops negated verb phrases, and PLOVER's manual lets
    # negated events be excluded. A refusal is coded as one (below), not as a negated act.
    assert code("Israel did not criticise Egypt.", [("Israel", "ISR", "country"), ("Egypt", "EGY", "country")]) == []
    assert code("Israel never attacked Egypt.", [("Israel", "ISR", "country"), ("Egypt", "EGY", "country")]) == []
    # not a negation: the same act stated
    assert code("Israel criticised Egypt.", [("Israel", "ISR", "country"), ("Egypt", "EGY", "country")])


def test_will_meet_is_future_intent(code):
    evs = code("Modi will meet Xi next week.", [("Modi", "INDGOV"), ("Xi", "CHNGOV")])
    assert evs and all(e.modality.future for e in evs)
    assert {e.cameo for e in evs} == {"036"}


def test_was_to_visit_is_a_planned_visit(code):
    evs = code("Diaz-Canel was to leave Pyongyang on Tuesday and visit China.", [("Diaz-Canel", "CUBGOV"), ("Pyongyang", "PRK", "place"), ("China", "CHN", "country")])
    visits = [e for e in evs if e.cameo == "042" and e.target is not None and e.target.code == "CHN"]
    assert visits and visits[0].modality.future


def test_conditional_resumption_is_a_hypothetical_threat(code):
    evs = code(
        "Pyongyang hinted it may resume nuclear development if Washington doesn't change its tune.",
        [("Pyongyang", "PRKGOV", "country"), ("it", "PRKGOV", "pronoun"), ("Washington", "USAGOV", "country")],
    )
    threats = [e for e in evs if e.cameo_root == "13"]
    assert threats and threats[0].modality.hypothetical
    assert threats[0].target is not None and threats[0].target.code == "USAGOV"


def test_future_aid_is_an_intent(code):
    evs = code("Finland will give Tanzania a grant.", [("Finland", "FIN", "country"), ("Tanzania", "TZA", "country")])
    assert evs and all(e.cameo_root == "03" and e.modality.intent for e in evs)


def test_will_not_accept_is_a_refusal(code):
    evs = code("Syria says it will not accept any more refugees.", [("Syria", "SYR", "country"), ("it", "SYR", "pronoun")])
    assert evs and all(e.cameo_root == "12" for e in evs)


def test_reported_obligation_is_a_demand(code):
    evs = code("Russia said on Tuesday that Sudan must return the helicopter.", [("Russia", "RUS", "country"), ("Sudan", "SDN", "country")])
    assert any(e.cameo_root == "10" and e.source.code == "RUS" and e.target.code == "SDN" for e in evs)


def test_planned_meeting_noun_is_future(code):
    evs = code(
        "Pyongyang has been hardening its rhetoric ahead of a meeting in New York later this week between Mike Pompeo and Kim Yong-chol.",
        [("Pyongyang", "PRKGOV", "country"), ("Mike Pompeo", "USAGOV"), ("Kim Yong-chol", "PRKGOV")],
    )
    m = [e for e in evs if e.symmetric]
    assert m and m[0].modality.future and m[0].cameo == "036"


def test_headline_infinitive_is_future(code):
    evs = code("Kim to visit Russia next month", [("Kim", "PRKGOV"), ("Russia", "RUS", "country")], kind="headline")
    assert evs and all(e.modality.future for e in evs)


def test_content_of_a_demand_noun_is_the_demand(code):
    evs = code(
        "The ILO reiterated its demand today that Israel ease restrictions on Palestinian workers.",
        [("ILO", "IGOUNOLABILO", "organisation"), ("its", "IGOUNOLABILO", "pronoun"), ("Israel", "ISR", "country")],
    )
    assert evs and {e.cameo_root for e in evs} == {"10"}
    assert any(e.target is not None and e.target.code == "ISR" for e in evs)


def test_obligation_reported_by_an_unresolved_source_is_still_a_demand(code):
    evs = code("The aid group said US forces must ensure security.", [("US forces", "USAMIL", "agent")])
    assert evs and all(e.cameo_root == "10" and e.target.code == "USAMIL" and e.source is None for e in evs)
