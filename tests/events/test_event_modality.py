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


# ---- acts that are not facts (issue 10): nothing is emitted for them


def _keys(events):
    return {(e.source.code[:3] if e.source else None, e.target.code[:3] if e.target else None, e.cameo_root) for e in events}


def test_the_verb_of_an_if_clause_is_not_an_event(pipeline):
    from whimbrel.api import code_text

    assert ("RUS", "UKR", "19") not in _keys(code_text("If Russia attacks Ukraine, NATO will respond.", pipeline=pipeline))
    assert code_text("It is unclear whether Israel attacked the Syrian base.", pipeline=pipeline) == []
    # must not fire: a time clause, and reported speech
    assert ("RUS", "UKR", "19") in _keys(code_text("Russia attacked Ukraine after NATO moved troops east.", pipeline=pipeline))
    assert ("ISR", "SYR", "19") in _keys(code_text("Officials said Israel attacked the Syrian base.", pipeline=pipeline))


def test_until_under_a_negated_or_future_clause_is_a_condition(pipeline):
    from whimbrel.events.modality import in_condition

    def verb(text, word):
        return next(t for t in pipeline.nlp(text) if t.text == word)

    assert in_condition(verb("Israel will not release the prisoners until Hamas frees the hostages.", "frees"))
    assert in_condition(verb("If Russia decides to attack Ukraine, NATO will respond.", "attack"))
    # must not fire: "until" after a past act is a time; the main clause is asserted
    assert not in_condition(verb("The army shelled the town until the rebels surrendered.", "surrendered"))
    assert not in_condition(verb("Israel will not release the prisoners until Hamas frees the hostages.", "release"))


def test_the_content_of_a_demand_veto_or_plan_is_not_an_event(pipeline):
    from whimbrel.api import code_text

    evs = code_text("The UN committee demanded that Vietnam stop jailing activists.", pipeline=pipeline)
    assert {e.cameo_root for e in evs} == {"10"}  # the demand, not the jailing
    assert not any(e.cameo_root == "16" for e in code_text(
        "China vetoed a resolution that would have imposed sanctions on Syria.", pipeline=pipeline))
    assert not any(e.cameo.startswith("087") for e in code_text(
        "Russia announced a plan to withdraw its troops from Syria.", pipeline=pipeline))
    # must not fire: the acts themselves
    assert ("VNM", "VNM", "17") in _keys(code_text("Vietnam has jailed activists.", pipeline=pipeline))
    assert ("RUS", "SYR", "08") in _keys(code_text("Russia withdrew its troops from Syria.", pipeline=pipeline))


def test_guesses_and_unreported_musts_are_not_facts(pipeline):
    from whimbrel.api import code_text

    assert code_text("Chinese hackers may have launched cyber attacks on India.", pipeline=pipeline) == []
    assert code_text("The United States must continue military aid to Egypt.", pipeline=pipeline) == []
    # must not fire: the act stated, and a "must" someone says (a demand)
    assert code_text("Chinese hackers launched cyber attacks on India.", pipeline=pipeline)
    assert any(e.cameo_root == "10" for e in code_text("Russia said Sudan must return the helicopter.", pipeline=pipeline))


def test_will_not_agree_to_is_a_refusal(code):
    evs = code("Israel will not agree to withdraw its troops from Gaza.", [("Israel", "ISR", "country"), ("Gaza", "PSE", "place")])
    assert evs and all(e.cameo_root == "12" and not e.modality.negated for e in evs)
    # must not fire: "agreed to" is an intent
    evs = code("Israel agreed to withdraw its troops from Gaza.", [("Israel", "ISR", "country"), ("Gaza", "PSE", "place")])
    assert evs and all(e.cameo_root == "03" for e in evs)


def test_a_future_word_that_dates_something_else_does_not_make_a_past_act_future(code):
    # issue 10 bug: "upcoming" later in the sentence turned a past ban into a threat
    evs = code("The government has banned all rallies ahead of the upcoming election.", [("government", "EGYGOV", "agent")])
    assert evs and all(not e.modality.future and e.cameo_root == "17" for e in evs)
    # must not fire: a future time phrase on a future act
    evs = code("The government will ban all rallies next month.", [("government", "EGYGOV", "agent")])
    assert evs and all(e.modality.future and e.cameo_root == "13" for e in evs)


def test_a_participle_shares_its_clauses_future_but_not_its_negation(pipeline):
    from whimbrel.events.modality import mood

    def tok(text, word):
        return next(t for t in pipeline.nlp(text) if t.text == word)

    assert mood(tok("The army will extend the curfew, banning all gatherings.", "banning")).future
    assert not mood(tok("The army extended the curfew, banning all gatherings.", "banning")).future
    # must not fire: "would not pay ..., rejecting the demand" is a rejection, not a negated one
    assert not mood(tok("Mexico would not pay for the wall, rejecting the demand.", "rejecting"), in_reported=True).negated


def test_a_permission_is_the_event_not_the_permitted_act(pipeline):
    from whimbrel.api import code_text

    evs = code_text("Ethiopia said it would allow the World Food Programme to deliver food to refugees.", pipeline=pipeline)
    assert not any(e.cameo_root == "07" for e in evs)
    # must not fire: the delivery itself
    assert any(e.cameo_root == "07" for e in code_text("The World Food Programme delivered food to Ethiopia.", pipeline=pipeline))
