"""Appeals, trips, boycotts, light verbs and withdrawals (issue 10: rules and classes, not rows).

- An appeal (CAMEO 02) is a PLOVER REQUEST; seeking refuge in a country appeals to that country.
- A trip (042/043) is made by a political actor: migrants arriving in a country are no visit.
- Boycotting a meeting is a boycott (143, PROTEST); announcing one is a threat of it (133).
- join / lead / head pass through to their event noun ("joined an investigation": 090).
- Armed forces leaving a place withdraw from it (0874), whatever other verb is the trigger.

Each rule has synonym swaps and a case where it must not fire.
"""

from __future__ import annotations

import re

import pytest
from conftest import JAPAN_SUDAN, codes, dyads

ACTORS = JAPAN_SUDAN


@pytest.mark.parametrize("thing", ["refuge", "asylum", "shelter", "sanctuary"])
@pytest.mark.parametrize("verb", ["sought", "have sought", "are seeking"])
def test_seeking_refuge_in_a_country_is_an_appeal_to_it(code, verb, thing):
    text = f"Thousands of Sudanese civilians {verb} {thing} in Japan."
    evs = code(text, [("Sudanese civilians", "SDNCVL", "group"), ("Japan", "JPN", "country")])
    hit = [e for e in evs if e.cameo.startswith("023")]
    assert hit and hit[0].plover.event == "REQUEST" and hit[0].target is not None and hit[0].target.code == "JPN"


def test_appeals_are_requests_in_plover(code):
    evs = code("Sudan appealed to Japan for humanitarian aid.", ACTORS)
    assert evs and all(e.plover.event == "REQUEST" for e in evs if e.cameo.startswith("02"))
    assert any(e.cameo.startswith("02") for e in evs)


@pytest.mark.parametrize("who,code_", [("migrants", "---CVL"), ("tourists", "---CVL"), ("refugees", "SDNREF")])
@pytest.mark.parametrize("verb", ["arrived in", "travelled to", "visited"])
def test_people_who_are_not_political_actors_make_no_visit(code, who, code_, verb):
    text = f"Hundreds of {who} {verb} Japan on Monday."
    evs = code(text, [(who, code_, "group"), ("Japan", "JPN", "country")])
    assert not {c for c in codes(evs) if c.startswith(("042", "043"))}


@pytest.mark.parametrize("verb", ["arrived in", "travelled to", "visited"])
def test_a_minister_arriving_makes_a_visit(code, verb):
    text = f"The Sudanese foreign minister {verb} Japan on Monday."
    evs = code(text, [("Sudanese foreign minister", "SDNGOV", "person"), ("Japan", "JPN", "country")])
    assert "042" in codes(evs)


@pytest.mark.parametrize("meeting", ["the meeting", "the summit", "the conference"])
def test_boycotting_a_meeting_is_a_boycott_and_announcing_it_a_threat(code, meeting):
    assert "143" in codes(code(f"Sudan boycotted {meeting} in Japan.", ACTORS))
    evs = code(f"Sudan said it will boycott {meeting} in Japan.", ACTORS)
    assert {e.plover.event for e in evs} == {"THREATEN"}


def test_boycotting_talks_is_still_rejecting_negotiation(code):
    assert "125" in codes(code("Sudan boycotted the talks with Japan.", ACTORS))


@pytest.mark.parametrize("verb", ["joined", "is leading", "headed"])
@pytest.mark.parametrize("noun,root", [("an investigation into", "09"), ("the talks with", "04"),
                                       ("an offensive against", "19")])
def test_join_lead_and_head_pass_through_to_their_event_noun(code, verb, noun, root):
    evs = code(f"Japan {verb} {noun} Sudan.", ACTORS)
    assert any(c.startswith(root) for c in codes(evs)), codes(evs)


def test_joining_an_organisation_is_not_an_event(code):
    assert not codes(code("Sudan joined the African Union in 1956.", [("Sudan", "SDN", "country")]))


@pytest.mark.parametrize("text", [
    "Japanese troops left Sudan.",
    "Japanese troops have begun leaving Sudan.",
    "Japanese soldiers withdrew from Sudan.",
    "Japanese troops pulled out of Sudan.",
])
def test_armed_forces_leaving_a_place_withdraw_from_it(code, text):
    force = " ".join(text.split()[:2])
    evs = code(text, [(force, "JPNMIL", "group"), ("Sudan", "SDN", "country")])
    assert "0874" in codes(evs)


def test_people_leaving_a_place_do_not_withdraw(code):
    evs = code("Japanese students left Sudan.", [("Japanese students", "JPNEDU", "group"), ("Sudan", "SDN", "country")])
    assert "0874" not in codes(evs)


@pytest.mark.parametrize("verb", ["pledged", "promised", "vowed"])
def test_a_pledge_of_support_keeps_its_object_over_an_infinitive_of_purpose(code, verb):
    evs = code(f"Japan {verb} its full support for an initiative by Sudan to form an alliance.", ACTORS)
    assert {e.plover.event for e in evs} == {"SUPPORT"}


@pytest.mark.parametrize("text,code_", [("Japan agreed to withdraw its troops from Sudan.", "0356"),
                                         ("Japan vowed to attack Sudan.", "138")])
def test_a_controlled_act_still_takes_the_control_verbs_form(code, text, code_):
    assert code_ in codes(code(text, ACTORS))


@pytest.mark.parametrize("verb,code_", [("upgraded", "050"), ("downgraded", "161")])
def test_upgrading_ties_is_diplomatic_cooperation_as_downgrading_is_reducing_them(code, verb, code_):
    assert code_ in codes(code(f"Japan {verb} diplomatic ties with Sudan.", ACTORS))


@pytest.mark.parametrize("verb", ["flew", "airlifted", "shipped"])
@pytest.mark.parametrize("thing", ["medicine", "food supplies", "medical equipment"])
def test_relief_goods_flown_or_shipped_are_humanitarian_aid(code, verb, thing):
    assert "073" in codes(code(f"Japan {verb} {thing} to Sudan.", ACTORS))


def test_flying_to_a_place_is_still_a_trip(code):
    evs = code("The Japanese foreign minister flew to Sudan.", [("Japanese foreign minister", "JPNGOV"), ("Sudan", "SDN", "country")])
    assert "042" in codes(evs) and "073" not in codes(evs)


@pytest.mark.parametrize("verb", ["blockaded", "blocked"])
def test_a_blockade_by_armed_forces_is_military_force(code, verb):
    evs = code(f"Japanese troops {verb} the Sudanese port.", [("Japanese troops", "JPNMIL", "group"), ("Sudanese", "SDN", "country")])
    assert {e.cameo for e in evs} == {"191"}


def test_a_blockade_by_protesters_is_a_protest(code):
    evs = code("Sudanese protesters blockaded the parliament of Japan.", [("Sudanese protesters", "SDNCVL", "group"), ("Japan", "JPN", "country")])
    assert "191" not in codes(evs) and any(c.startswith("14") for c in codes(evs))


@pytest.mark.parametrize("verb", ["dismissed", "threw out", "rejected", "quashed", "turned down"])
@pytest.mark.parametrize("claim", ["petition", "appeal", "lawsuit", "complaint", "electoral protest"])
def test_a_claim_dismissed_by_a_court_is_rejected(code, verb, claim):
    evs = code(f"The Japanese court {verb} the {claim} filed by Sudan.", [("Japanese court", "JPNJUD", "group"), ("Sudan", "SDN", "country")])
    assert "120" in codes(evs)


def test_a_claim_filed_is_not_a_rejection(code):
    evs = code("Sudan filed a petition with the Japanese court.", [("Sudan", "SDN", "country"), ("Japanese court", "JPNJUD", "group")])
    assert not {c for c in codes(evs) if c.startswith("12")}


@pytest.mark.parametrize("verb", ["cancelled", "called off", "scrapped"])
@pytest.mark.parametrize("what", ["a planned visit to", "the summit with", "a trip to"])
def test_a_cancelled_visit_or_meeting_is_a_rejection(code, verb, what):
    # PLOVER manual, SANCTION ambiguities: "Cancellation of meetings are REJECT"
    evs = code(f"Japan {verb} {what} Sudan.", ACTORS)
    assert [e.cameo for e in evs] == ["125"] and evs[0].target.code == "SDN"


@pytest.mark.parametrize("verb", ["cancelled", "revoked", "rescinded", "annulled"])
def test_cancelling_sanctions_eases_them(code, verb):
    assert "085" in codes(code(f"Japan {verb} the sanctions on Sudan.", ACTORS))


def test_cancelling_a_contract_is_no_event(code):
    assert not codes(code("Japan cancelled a contract with a Sudanese firm.", [("Japan", "JPN", "country")]))


@pytest.mark.parametrize("text", [
    "A Japanese judge has ordered nine ex-members of the government in Sudan jailed while they are investigated.",
    "A Japanese judge ordered nine former ministers of Sudan jailed.",
    "A Japanese judge has ordered six ex-officials of the government in Sudan arrested while they are investigated.",
])
def test_an_order_that_people_be_jailed_is_the_judges_act(code, text):
    evs = code(text, [("Japanese judge", "JPNJUD", "person"), ("Sudan", "SDN", "country")])
    hit = [e for e in evs if e.cameo_root == "17"]
    assert hit and hit[0].source.code == "JPNJUD"


def test_an_order_reported_in_a_that_clause_stays_a_demand(code):
    evs = code("The Japanese judge ordered that Sudan pays the fine.", [("Japanese judge", "JPNJUD", "person"), ("Sudan", "SDN", "country")])
    assert not any(e.cameo_root == "17" for e in evs)


@pytest.mark.parametrize("text", ["Japan let free Sudanese activists.", "Japan set free dozens of Sudanese activists.",
                                  "Japan set the Sudanese activists free."])
def test_setting_people_free_releases_them(code, text):
    evs = code(text, [("Japan", "JPN", "country")])
    assert "0841" in codes(evs)


def test_setting_up_or_letting_in_is_no_release(code):
    assert "0841" not in codes(code("Japan set up a committee and let in Sudanese journalists.", [("Japan", "JPN", "country")]))


@pytest.mark.parametrize("text", ["Sudanese dockworkers called off their protest.", "Sudanese teachers ended their strike.",
                                  "Sudanese workers called off the general strike."])
def test_calling_off_a_strike_or_protest_eases_dissent(code, text):
    evs = code(text, [(" ".join(text.split()[:2]), "SDNLAB", "group")])
    assert "082" in codes(evs)


def test_a_call_still_needs_someone_on_the_receiving_end(code):
    assert not codes(code("The Japanese minister called the plan a mistake.", [("Japanese minister", "JPNGOV")]))


@pytest.mark.parametrize("text", ["Japanese officers trained Sudanese pilots.", "Japan trains Sudanese soldiers to fly jets."])
def test_training_someone_is_cooperation_not_an_intent(code, text):
    evs = code(text, [(text.split()[0] if text.startswith("Japan ") else "Japanese officers", "JPN" if text.startswith("Japan ") else "JPNMIL"),
                      ("Sudanese", "SDN", "country")])
    assert evs and all(e.cameo.startswith("06") for e in evs)


@pytest.mark.parametrize("prep", ["for talks", "at a hotel in Doha"])
def test_a_meeting_held_is_a_meeting_and_a_planned_one_an_intent(code, prep):
    assert {e.cameo for e in code(f"Japan met Sudan {prep}.", ACTORS)} == {"040"}
    assert {e.cameo for e in code(f"Japan will meet Sudan {prep}.", ACTORS)} == {"036"}


@pytest.mark.parametrize("verb", ["awarded", "conferred", "bestowed", "presented"])
@pytest.mark.parametrize("honour", ["the Freedom Order", "a medal", "the highest state honour", "honorary citizenship"])
def test_an_honour_given_is_praise(code, verb, honour):
    assert "051" in codes(code(f"Japan {verb} {honour} on Sudan.", ACTORS)) | codes(code(f"Japan {verb} {honour} to Sudan.", ACTORS))


@pytest.mark.parametrize("text", ["Japan gave an order to Sudan to withdraw.", "Japan awarded a contract to Sudan."])
def test_orders_and_contracts_are_no_honours(code, text):
    assert "051" not in codes(code(text, ACTORS))


@pytest.mark.parametrize("text", ["Japan handed over 32 Sudanese prisoners of war to Sudan.",
                                  "Japan handed over the detainees to Sudan.", "Japan handed over over 40 hostages to Sudan."])
def test_prisoners_handed_over_are_released(code, text):
    assert "0841" in codes(code(text, ACTORS))


@pytest.mark.parametrize("verb", ["gave", "passed on", "handed over", "shared", "supplied"])
@pytest.mark.parametrize("thing", ["intelligence", "account information", "evidence"])
def test_information_given_to_another_side_is_shared(code, verb, thing):
    assert "064" in codes(code(f"Japan {verb} {thing} to Sudan.", ACTORS))


@pytest.mark.parametrize("when", ["On Nov. 18,", "On Sept. 3,", "On Tues.,", "On Friday,"])
def test_an_abbreviated_date_is_no_pattern_preposition(code, when):
    evs = code(f"{when} Japan's prime minister called the Sudanese president to apologize.",
               [("Japan", "JPN", "country"), ("Sudanese president", "SDNGOV")])
    assert "055" in codes(evs)


def test_a_participle_conjoined_to_a_future_participle_is_future_too(code):
    text = "Japan said it will extend the curfew in Sudan, closing schools and banning rallies by Sudanese opposition groups."
    evs = code(text, [("Japan", "JPN", "country"), ("Sudanese opposition groups", "SDNOPP", "group")])
    assert evs and all(e.cameo_root == "13" for e in evs if e.evidence.trigger.startswith(("banning", "closing")))
    assert any(e.evidence.trigger.startswith("banning") for e in evs)


def test_a_participle_of_a_past_act_stays_an_act(code):
    text = "Japan imposed a curfew in Sudan, closing schools and banning rallies by Sudanese opposition groups."
    evs = code(text, [("Japan", "JPN", "country"), ("Sudanese opposition groups", "SDNOPP", "group")])
    assert not any(e.cameo_root == "13" for e in evs)


@pytest.mark.parametrize("verb", ["warned", "cautioned"])
def test_a_warning_is_the_threat_it_states_not_a_second_event(code, verb):
    evs = code(f"Japan {verb} it will retaliate against any attack by Sudan.", ACTORS)
    assert evs and {e.cameo_root for e in evs} == {"13"}


def test_a_warning_on_a_condition_is_a_threat(code):
    evs = code("Japan warned of a reaction if Sudan does not withdraw.", ACTORS)
    assert [e.cameo for e in evs if e.evidence.trigger.startswith("warned")] == ["130"]


def test_a_plain_warning_stays_disapproval(code):
    assert {e.cameo_root for e in code("Japan warned Sudan against selling weapons.", ACTORS)} == {"11"}


@pytest.mark.parametrize("second", ["sentenced him to seven years in prison", "jailed him for life"])
def test_a_conviction_with_a_prison_sentence_is_one_coercion(code, second):
    evs = code(f"A Japanese court convicted a Sudanese militant of terrorism and {second}.",
               [("Japanese court", "JPNJUD", "group"), ("Sudanese militant", "SDNREB", "person")])
    assert evs and {e.cameo_root for e in evs} == {"17"}


def test_a_conviction_alone_stays_a_finding_of_guilt(code):
    evs = code("A Japanese court convicted a Sudanese militant of terrorism.",
               [("Japanese court", "JPNJUD", "group"), ("Sudanese militant", "SDNREB", "person")])
    assert "116" in codes(evs)


@pytest.mark.parametrize("obj,code_", [("its commitment to Sudan", None), ("its ties with Sudan", None), ("its troops in Sudan", "154")])
def test_reinforcing_codes_only_what_is_reinforced(code, obj, code_):
    got = codes(code(f"Japan reinforced {obj}.", ACTORS))
    assert "170" not in got and (code_ is None or code_ in got)


def test_troops_announced_for_a_peacekeeping_mission_give_protection(code):
    evs = code("Japan announced the deployment of 230 troops to Sudan on a peacekeeping mission.", ACTORS)
    assert "074" in codes(evs)
    assert "154" in codes(code("Japan announced the deployment of 230 troops to Sudan.", ACTORS))


@pytest.mark.parametrize("who,code_", [("Sudanese protesters", "SDNCVL"), ("Sudanese opposition supporters", "SDNOPP"),
                                       ("Sudanese students", "SDNEDU")])
def test_civilians_clashing_with_police_riot(code, who, code_):
    evs = code(f"{who} clashed with riot police in Khartoum.", [(who, code_, "group"), ("riot police", "SDNCOP", "group")])
    assert "145" in codes(evs)


def test_armed_forces_clashing_with_police_is_military_force(code):
    evs = code("Sudanese soldiers clashed with riot police in Khartoum.",
               [("Sudanese soldiers", "SDNMIL", "group"), ("riot police", "SDNCOP", "group")])
    assert "145" not in codes(evs) and "190" in codes(evs)


@pytest.mark.parametrize("who", ["Opponents of the Sudanese government", "Critics of the Sudanese government",
                                 "Rivals of the Sudanese government"])
def test_opponents_of_a_government_are_the_opposition(code, who):
    evs = code(f"{who} protested in Khartoum.", [("Sudanese government", "SDNGOV", "organisation")])
    assert evs and {e.source.code for e in evs} == {"SDNOPP"}


def test_a_countrys_rivals_are_not_its_opposition(code):
    evs = code("Rivals of Sudan condemned Japan.", [("Sudan", "SDN", "country"), ("Japan", "JPN", "country")])
    assert not any(e.source is not None and e.source.code == "SDNOPP" for e in evs)


@pytest.mark.parametrize("verb", ["paid", "gave", "sent", "provided"])
def test_an_amount_in_aid_is_aid_wherever_the_in_phrase_hangs(code, verb):
    assert any(c.startswith("07") for c in codes(code(f"Japan {verb} $662 million in aid to Sudan.", ACTORS)))


@pytest.mark.parametrize("text,root", [("The Sudanese opposition called for new elections.", "02"),
                                       ("The Sudanese opposition demanded early elections.", "10"),
                                       ("Sudanese protesters called for a referendum.", "02")])
def test_a_call_for_elections_is_a_request_for_political_reform(code, text, root):
    who = " ".join(text.split()[:3]).rstrip(".")
    evs = code(text, [(who[4:] if who.startswith("The ") else " ".join(text.split()[:2]), "SDNOPP", "group")])
    assert [e.plover.event for e in evs if e.cameo_root == root] == ["REQUEST"]


def test_a_call_for_calm_is_no_event(code):
    assert not codes(code("The Sudanese opposition called for calm.", [("Sudanese opposition", "SDNOPP", "group")]))


@pytest.mark.parametrize("who,code_", [("the Sudanese ambassador", "161"), ("Sudanese journalists", "166"), ("its troops", "0874")])
def test_an_order_to_leave_is_an_expulsion_or_a_withdrawal(code, who, code_):
    actors = [("Japan", "JPN", "country")] + ([(who.replace("the ", ""), "SDNGOV")] if "ambassador" in who
                                              else [(who, "SDNMED", "group")] if "journalists" in who else [])
    evs = code(f"Japan ordered {who} to leave the country.", actors)
    assert code_ in codes(evs)


# --- a strike by people who bear no arms stops work; it does not attack

@pytest.mark.parametrize("who,code_", [("Kenyan teachers", "KENEDU"), ("Kenyan nurses", "KENHLH"),
                                       ("Kenyan dockworkers", "KENLAB")])
@pytest.mark.parametrize("verb", ["launched", "announced", "started"])
def test_a_strike_by_unarmed_people_is_a_strike_from_work(code, who, code_, verb):
    evs = code(f"{who} {verb} a nationwide strike over pay.", [(who, code_, "group")])
    assert "143" in codes(evs) and not {c for c in codes(evs) if c.startswith("19")}


@pytest.mark.parametrize("obj", ["a general strike", "an indefinite strike", "to strike", "to go on strike"])
def test_threatening_a_strike_from_work_is_a_threat_of_dissent(code, obj):
    evs = code(f"Kenyan teachers threatened {obj} over pay.", [("Kenyan teachers", "KENEDU", "group")])
    assert "133" in codes(evs) and all(e.plover.event == "THREATEN" for e in evs if e.cameo == "133")
    assert not {c for c in codes(evs) if c.startswith("138")}


def test_an_armed_strike_stays_force(code):
    # must not fire: a state or an armed group striking, or an air strike threatened
    evs = code("Pakistan launched a strike on militants in Waziristan.",
               [("Pakistan", "PAK", "country"), ("militants", "PAKREB", "group")])
    assert "195" in codes(evs)
    evs = code("Israel threatened a military strike on Iran.", [("Israel", "ISR", "country"), ("Iran", "IRN", "country")])
    assert "138" in codes(evs)
    evs = code("Rebels launched a strike on an army base.", [("Rebels", "---REB", "group"), ("army", "---MIL", "group")])
    assert "195" in codes(evs)


@pytest.mark.parametrize("what", ["pay", "unpaid wages", "pension cuts"])
def test_a_preposition_parsed_as_a_particle_is_read_as_a_preposition(code, what):
    # "strike [over pay]": the parser makes "over" a particle with an object; "strike over" is no
    # phrasal verb the lexicon knows, so it is the preposition of a strike from work
    evs = code(f"Kenyan teachers threatened to strike over {what}.", [("Kenyan teachers", "KENEDU", "group")])
    assert "133" in codes(evs) and not {c for c in codes(evs) if c.startswith("138")}
    # must not fire: a phrasal verb the lexicon knows keeps its particle and object
    evs = code("The union called off the general strike.", [("union", "---LAB", "group")])
    assert "082" in codes(evs)


@pytest.mark.parametrize("who,code_", [("The rebels", "---REB"), ("Israel", "ISR")])
def test_an_armed_side_that_strikes_attacks(code, who, code_):
    evs = code(f"{who} will strike again.", [(who, code_, "group" if code_.startswith("---") else "country")])
    assert "138" in codes(evs) and "133" not in codes(evs)


# --- meeting, hosting and receiving someone (verbs.tsv role "who")

@pytest.mark.parametrize("thing", ["its emission targets", "the deadline", "the health needs of flood victims",
                                   "the costs of the programme"])
def test_meeting_a_thing_is_no_meeting(code, thing):
    evs = code(f"Sudan said Japan failed to meet {thing}.", ACTORS)
    assert not {c for c in codes(evs) if c.startswith(("04", "12"))}
    evs = code(f"Sudan said Japan met {thing}.", ACTORS)
    assert not {c for c in codes(evs) if c.startswith("04")}


@pytest.mark.parametrize("verb,code_", [("met", "040"), ("received", "043"), ("hosted", "043"), ("welcomed", "043")])
def test_meeting_someone_is_a_meeting(code, verb, code_):
    # must still fire: the object names an actor, or a pronoun stands for one
    evs = code(f"Japan {verb} Sudan in Tokyo.", ACTORS)
    assert code_ in codes(evs)
    evs = code("The Sudanese president said Japan met him in Tokyo.", [("Sudanese president", "SDNGOV", "person"),
                                                                       ("Japan", "JPN", "country")])
    assert "040" in codes(evs)


@pytest.mark.parametrize("thing", ["2 million doses of vaccine", "its first F-16 jets", "a shipment of grain"])
def test_receiving_goods_is_no_visit(code, thing):
    evs = code(f"Sudan received {thing} from Japan.", ACTORS)
    assert "043" not in codes(evs)


# --- people sent to do something: the purpose is the sender's act (verbs.tsv role "purpose")

@pytest.mark.parametrize("verb", ["sent", "dispatched", "is sending"])
@pytest.mark.parametrize("people", ["a team of investigators", "teams of experts", "a 30-person team"])
def test_people_sent_to_investigate_are_the_senders_investigation(code, verb, people):
    evs = code(f"Japan {verb} {people} to Sudan to investigate the attacks.", ACTORS)
    assert "090" in codes(evs) and not {c for c in codes(evs) if c.startswith("03")}


def test_the_senders_own_pattern_wins_over_the_purpose(code):
    # must not fire: troops or aid sent are the verb's own act (074, 070), whatever they are for
    assert "074" in codes(code("Japan sent troops to Sudan to fight the rebels.", ACTORS))
    assert "070" in codes(code("Japan sent aid to Sudan to help flood victims.", ACTORS))


# --- the author of a thing reacted to, named by a participle's by-agent

@pytest.mark.parametrize("thing", ["the threats made by", "the attacks carried out by", "the statement issued by",
                                   "the plan drawn up by"])
@pytest.mark.parametrize("verb,code_", [("condemned", "111"), ("praised", "051")])
def test_the_by_agent_of_a_thing_is_its_author(code, thing, verb, code_):
    evs = code(f"Japan {verb} {thing} Sudan.", ACTORS)
    hit = [e for e in evs if e.cameo == code_]
    assert hit and hit[0].target is not None and hit[0].target.code == "SDN"


@pytest.mark.parametrize("first", ["the act of aggression", "the violence", "the raid on the embassy"])
def test_the_author_of_a_thing_coordinated_with_the_object_is_the_target(code, first):
    # the author is named on the second of two things reacted to
    evs = code(f"Japan condemned {first} and the continuing threats made by Sudan.", ACTORS)
    hit = [e for e in evs if e.cameo == "111"]
    assert hit and hit[0].target is not None and hit[0].target.code == "SDN"


def test_a_things_own_place_is_no_author(code):
    # must not fire: a participle with a place and no by-agent names no author
    evs = code("Japan condemned the attacks carried out in Sudan.", [("Japan", "JPN", "country"), ("Sudan", "SDN", "place")])
    assert not [e for e in evs if e.cameo == "111" and e.target is not None and e.target.code == "SDN"
                and e.target.rule != "+place" and not e.target.rule.endswith("+place")]


# --- "came under attack / mortar fire from X": X attacks the subject

@pytest.mark.parametrize("what,code_", [("attack", "190"), ("mortar fire", "194"), ("rocket fire", "195"),
                                        ("sniper fire", "190")])
@pytest.mark.parametrize("verb", ["came under", "were under", "remained under"])
def test_coming_under_an_attack_from_someone(code, what, code_, verb):
    evs = code(f"Japanese troops {verb} {what} from Sudanese rebels.",
               [("Japanese troops", "JPNMIL", "group"), ("Sudanese rebels", "SDNREB", "group")])
    assert ("SDNREB", "JPNMIL", code_) in {(e.source.code, e.target.code, e.cameo) for e in evs if e.source and e.target}
    assert "111" not in codes(evs)


def test_coming_under_fire_from_critics_stays_criticism(code):
    # must not fire: plain "fire" from lawmakers is the idiom for criticism
    evs = code("The Japanese minister came under fire from Sudanese lawmakers.",
               [("Japanese minister", "JPNGOV", "person"), ("Sudanese lawmakers", "SDNLEG", "group")])
    assert not {c for c in codes(evs) if c.startswith("19")}


# --- people who act to oppose something protest; refusing food is a hunger strike

@pytest.mark.parametrize("act", ["camped outside Tokyo", "marched through Tokyo", "blocked roads in Tokyo"])
@pytest.mark.parametrize("purpose", ["to oppose", "to denounce"])
def test_civilians_acting_to_oppose_protest(code, act, purpose):
    evs = code(f"Sudanese farmers {act} {purpose} Japan's trade policy.",
               [("Sudanese farmers", "SDNAGR", "group"), ("Japan", "JPN", "country")])
    assert {c for c in codes(evs) if c.startswith("14")}
    assert not {c for c in codes(evs) if c.startswith(("11", "12"))}


def test_a_state_acting_to_oppose_is_no_protest(code):
    # must not fire: a government or an army that acts to oppose does not protest
    evs = code("Sudan moved troops to the border to oppose Japan's plan.", ACTORS)
    assert "140" not in codes(evs)


@pytest.mark.parametrize("food", ["food", "nourishment"])
def test_refusing_food_is_a_hunger_strike(code, food):
    evs = code(f"Sudanese prisoners refused {food} to protest against Japan.",
               [("Sudanese prisoners", "SDNCVL", "group"), ("Japan", "JPN", "country")])
    assert "142" in codes(evs) and not {c for c in codes(evs) if c.startswith("12")}


# --- expelling a person deports them (174); aid workers, diplomats and missions keep their codes

@pytest.mark.parametrize("who,code_", [("a Sudanese journalist", "SDNMED"), ("two Sudanese activists", "SDNCVL"),
                                       ("a Sudanese imam", "SDNREL")])
def test_expelling_a_person_deports_them(code, who, code_):
    evs = code(f"Japan expelled {who}.", [("Japan", "JPN", "country"), (who.split(" ", 1)[1], code_, "agent")])
    assert "174" in codes(evs) and "166" not in codes(evs)


@pytest.mark.parametrize("who,code_", [("two Sudanese diplomats", "161"), ("UN peacekeepers", "1661"),
                                       ("humanitarian aid workers", "1663"), ("aid agencies", "1663")])
def test_expelling_a_mission_or_agency_is_no_deportation(code, who, code_):
    evs = code(f"Sudan expelled {who}.", [("Sudan", "SDN", "country")])
    assert code_ in codes(evs) and "174" not in codes(evs)


# --- civilians who storm or occupy a seat of power protest

@pytest.mark.parametrize("who,code_", [("Sudanese protesters", "SDNCVL"), ("Sudanese students", "SDNEDU"),
                                       ("Sudanese workers", "SDNLAB")])
@pytest.mark.parametrize("verb,want", [("stormed", "145"), ("occupied", "141")])
def test_civilians_taking_a_seat_of_power_protest(code, who, code_, verb, want):
    evs = code(f"{who} {verb} the Sudanese parliament building.",
               [(who, code_, "group"), ("Sudanese parliament", "SDNLEG", "organisation")])
    assert want in codes(evs) and not {c for c in codes(evs) if c.startswith("19")}


def test_armed_groups_and_settlers_still_attack_or_occupy(code):
    # must not fire: an armed group storming a base, or civilians taking land (no institution)
    evs = code("Sudanese rebels stormed a Japanese army base.", [("Sudanese rebels", "SDNREB", "group"),
                                                                ("Japanese army", "JPNMIL", "group")])
    assert "190" in codes(evs)
    evs = code("Japanese settlers occupied Sudanese land.", [("Japanese settlers", "JPNCVL", "group"),
                                                            ("Sudanese", "SDN", "country")])
    assert "141" not in codes(evs)


# --- threats named as nouns ("made threats against", "dangled the threat of")

@pytest.mark.parametrize("verb", ["made", "issued", "renewed", "dangled", "raised"])
@pytest.mark.parametrize("noun", ["threats against Sudan", "the threat of sanctions against Sudan"])
def test_a_threat_made_is_a_threat(code, verb, noun):
    evs = code(f"Japan {verb} {noun}.", ACTORS)
    assert {c for c in codes(evs) if c.startswith("13")}


def test_a_threat_faced_or_dismissed_is_no_threat_by_the_subject(code):
    # must not fire: dismissing a threat rejects it; the subject makes no threat
    evs = code("Japan dismissed the threat from Sudan.", ACTORS)
    assert not [e for e in evs if e.cameo.startswith("13") and e.source is not None and e.source.code == "JPN"]


# --- a month is no event noun; things counted are no amount

@pytest.mark.parametrize("month", ["March", "May"])
def test_a_month_in_a_time_phrase_is_no_march(code, month):
    evs = code(f"Japan sent two battle groups to waters near Sudan in {month} 1996.", ACTORS)
    assert not {c for c in codes(evs) if c.startswith("14")}


def test_a_sum_in_aid_is_still_aid(code):
    # must still fire: an amount of money or goods "in aid" is aid
    assert {c for c in codes(code("Japan paid $662 million in aid to Sudan.", ACTORS)) if c.startswith("07")}


# --- goods measured out ("tonnes of rice") and money transferred are aid

@pytest.mark.parametrize("verb", ["shipped", "sent", "delivered", "airlifted"])
@pytest.mark.parametrize("goods", ["400,000 tonnes of food aid", "40,000 tons of relief supplies", "two planeloads of tents"])
def test_relief_goods_by_measure_are_humanitarian_aid(code, verb, goods):
    evs = code(f"Japan {verb} {goods} to Sudan.", ACTORS)
    assert "073" in codes(evs)


@pytest.mark.parametrize("verb", ["transferred", "channelled", "provided"])
def test_money_transferred_is_economic_aid(code, verb):
    evs = code(f"Japan {verb} 4.5 billion euros to Sudan.", ACTORS)
    assert "071" in codes(evs)


def test_weapons_or_grain_by_measure_are_no_humanitarian_aid(code):
    # must not fire as humanitarian aid: the class of the measured goods decides; grain shipped
    # is trade unless the text calls it aid
    evs = code("Japan shipped tonnes of weapons to Sudan.", ACTORS)
    assert "072" in codes(evs) and "073" not in codes(evs)
    assert "073" not in codes(code("Japan shipped 400,000 tonnes of rice to Sudan.", ACTORS))


# --- forces deployed to help another side are military assistance (074)

@pytest.mark.parametrize("why", ["to help fight the rebels", "to protect the airport", "at Sudan's request",
                                 "at the request of the government"])
@pytest.mark.parametrize("verb", ["deployed", "sent"])
def test_forces_deployed_to_help_are_military_assistance(code, why, verb):
    evs = code(f"Japan {verb} 1,000 troops to Sudan {why}.", ACTORS)
    assert "074" in codes(evs) and not {c for c in codes(evs) if c.startswith("15")}


def test_a_show_of_force_stays_mobilisation(code):
    # must not fire: a deployment near someone, or to assert a claim, is a posture (15)
    evs = code("Japan deployed troops near its border with Sudan to assert its claims.", ACTORS)
    assert "074" not in codes(evs)


# --- particles the parser reads as adverbs ("stepped [down]", "set [free]")

@pytest.mark.parametrize("text,actors,code_", [
    ("The Sudanese president stepped down on Sunday.", [("Sudanese president", "SDNGOV", "person")], "0831"),
    ("Sudan set free three Japanese hostages.", [("Sudan", "SDN", "country"), ("Japanese hostages", "JPNCVL", "group")],
     "0841"),
    ("Sudan turned down Japan's request for talks.", ACTORS, "120"),
])
def test_particles_parsed_as_adverbs_still_make_the_phrasal_verb(code, text, actors, code_):
    assert code_ in codes(code(text, actors))


def test_an_adverb_the_lexicon_does_not_pair_with_the_verb_is_no_particle(code):
    # must not fire: "walked down the street" is no phrasal verb of the lexicon
    evs = code("Japanese envoys walked down the main street of Khartoum in Sudan.",
               [("Japanese envoys", "JPNGOV", "group"), ("Sudan", "SDN", "place")])
    assert not {c for c in codes(evs) if c.startswith("08")}


# --- drills held jointly are military cooperation (062)

@pytest.mark.parametrize("text", ["Japan held joint military exercises with Sudan.",
                                  "Japan and Sudan held a joint naval drill.",
                                  "Japan staged combined drills with Sudan.",
                                  "Japanese troops carried out coordinated patrols with Sudan."])
def test_joint_drills_are_military_cooperation(code, text):
    actors = ACTORS if "Japanese" not in text else [("Japanese troops", "JPNMIL", "group"), ("Sudan", "SDN", "country")]
    evs = code(text, actors)
    assert "062" in codes(evs) and not {c for c in codes(evs) if c.startswith("15")}


def test_drills_near_someone_stay_a_show_of_force(code):
    # must not fire: drills near or around another country, with no partner
    evs = code("Japan held military exercises near Sudan.", ACTORS)
    assert "062" not in codes(evs)


# --- legal proceedings opened, and working or fighting alongside someone

@pytest.mark.parametrize("verb", ["opened", "launched", "started", "initiated"])
@pytest.mark.parametrize("noun", ["infringement proceedings", "legal action", "criminal proceedings"])
def test_legal_proceedings_opened_against_someone_accuse_them(code, verb, noun):
    evs = code(f"Japan {verb} {noun} against Sudan.", ACTORS)
    assert [e for e in evs if e.plover.event == "ACCUSE" and e.target is not None and e.target.code == "SDN"]


@pytest.mark.parametrize("verb,code_", [("fought", "062"), ("served", "062"), ("worked", "060")])
def test_acting_alongside_someone_is_cooperation(code, verb, code_):
    evs = code(f"Japanese troops {verb} alongside Sudan's army.", [("Japanese troops", "JPNMIL", "group"),
                                                                  ("Sudan's army", "SDNMIL", "group")])
    assert code_ in codes(evs)


def test_sitting_down_with_someone_is_a_meeting(code):
    assert "040" in codes(code("Japan sat down with Sudan in Doha.", ACTORS))
    # must not fire: sitting down alone is no meeting
    assert "040" not in codes(code("Japan's envoy sat down after the speech in Sudan.", [("Japan", "JPN", "country"),
                                                                                       ("Sudan", "SDN", "place")]))


# --- phrasal and idiomatic verbs of news (lexicon rows without object words)

@pytest.mark.parametrize("text,code_", [
    ("Sudanese police rounded up dozens of Japanese activists.", "173"),
    ("Sudanese prosecutors brought the Japanese envoy to trial.", "173"),
    ("Japan will take Sudan to the International Court of Justice.", "115"),
    ("Japan brushed aside appeals from Sudan.", "120"),
    ("Japan brushed off the demands of Sudan.", "120"),
    ("Sudanese workers walked out in protest against Japan.", "143"),
    ("Sudanese doctors walked off the job in protest at Japan's plan.", "143"),
    ("Japan and Sudan consented to a ceasefire.", "0871"),
    ("Japanese intelligence tipped off Sudanese police about a plot.", "064"),
    ("Japanese prosecutors pooled evidence with Sudan.", "064"),
])
def test_news_phrasal_verbs(code, text, code_):
    known = {"Sudanese police": "SDNCOP", "Japanese activists": "JPNCVL", "Sudanese prosecutors": "SDNJUD",
             "Japanese envoy": "JPNGOV", "Sudanese workers": "SDNLAB", "Sudanese doctors": "SDNHLH",
             "Japanese intelligence": "JPNSPY", "Japanese prosecutors": "JPNJUD"}
    actors = [(k, v, "group") for k, v in known.items() if k in text]
    for name, c in (("Japan", "JPN"), ("Sudan", "SDN")):
        if re.search(rf"(?<!\w){name}(?!\w)", text):
            actors.append((name, c, "country"))
    assert code_ in codes(code(text, actors))


def test_quitting_office_is_resigning_but_quitting_a_habit_is_not(code):
    assert "0831" in codes(code("The Sudanese president quit on Sunday.", [("Sudanese president", "SDNGOV", "person")]))
    # must not fire: "quit" with an object is no resignation
    assert "0831" not in codes(code("The Sudanese president quit smoking.", [("Sudanese president", "SDNGOV", "person")]))


@pytest.mark.parametrize("verb", ["promised", "vowed", "pledged"])
@pytest.mark.parametrize("harm", ["revenge", "harsh retaliation", "fire and fury", "grave consequences"])
def test_harm_promised_to_someone_is_a_threat(code, verb, harm):
    evs = code(f"Japan {verb} {harm} against Sudan.", ACTORS)
    assert "130" in codes(evs) and not {c for c in codes(evs) if c.startswith("03")}


def test_aid_promised_stays_a_promise(code):
    # must not fire: a promise of something good is an intent to cooperate
    evs = code("Japan promised aid to Sudan.", ACTORS)
    assert "130" not in codes(evs) and {c for c in codes(evs) if c.startswith("03")}


# --- trade flows halted are an embargo; a hostile act conjoined to another shares its target

@pytest.mark.parametrize("verb", ["halted", "suspended", "banned", "blocked"])
@pytest.mark.parametrize("flow", ["arms sales to Sudan", "imports of Sudanese oil", "all arms purchases from Sudan"])
def test_trade_flows_halted_are_an_embargo(code, verb, flow):
    actors = ACTORS if "Sudanese" not in flow else [("Japan", "JPN", "country"), ("Sudanese", "SDN", "country")]
    evs = code(f"Japan {verb} {flow}.", actors)
    assert ("JPN", "SDN", "163") in {(e.source.code, e.target.code, e.cameo) for e in evs if e.source and e.target}


def test_trade_resumed_is_no_embargo(code):
    # must not fire: resuming trade eases
    assert "163" not in codes(code("Japan resumed arms sales to Sudan.", ACTORS))


def test_a_hostile_act_conjoined_to_another_shares_its_target(code):
    evs = code("Japan expelled Sudan's ambassador and suspended bilateral trade.",
               [("Japan", "JPN", "country"), ("Sudan's ambassador", "SDNGOV", "person")])
    assert ("JPN", "SDNGOV", "163") in {(e.source.code, e.target.code, e.cameo) for e in evs if e.target}


def test_a_friendly_first_act_lends_no_target(code):
    # must not fire: "helping refugees and fighting the causes of migration" is no attack on the refugees
    evs = code("Japan spent millions on helping Sudanese refugees and fighting the root causes of migration.",
               [("Japan", "JPN", "country"), ("Sudanese refugees", "SDNREF", "group")])
    assert not {c for c in codes(evs) if c.startswith("19")}


# --- inflected forms the rule lemmatizer leaves as they are

@pytest.mark.parametrize("form,stem", [("petitioned", "petition"), ("lobbied", "lobby"), ("banned", "ban"),
                                       ("petitioning", "petition"), ("staged", "stage")])
def test_an_unknown_inflected_form_takes_its_known_stem(form, stem):
    from whimbrel.events.lexicon import load_lexicon

    assert load_lexicon().verb_lemma(form, form) == stem


def test_a_form_with_no_known_stem_stays_as_it_is():
    from whimbrel.events.lexicon import load_lexicon

    assert load_lexicon().verb_lemma("flummoxed", "flummoxed") == "flummoxed"


@pytest.mark.parametrize("verb", ["petitioned", "lobbied"])
def test_petitioning_or_lobbying_someone_to_act_is_a_request(code, verb):
    assert "020" in codes(code(f"Japan {verb} Sudan to halt the deportations.", ACTORS))


# --- a court or another body striking down an authority's act rejects it (&RULINGS, 120)

@pytest.mark.parametrize("verb", ["quashed", "overturned", "annulled", "struck down", "set aside", "invalidated"])
@pytest.mark.parametrize("thing", ["the orders passed by", "the decree issued by", "the executive order signed by",
                                   "the regulations adopted by"])
def test_striking_down_an_authoritys_act_rejects_it(code, verb, thing):
    evs = code(f"A court in Japan {verb} {thing} Sudan.", [("court in Japan", "JPNJUD", "agent"), ("Sudan", "SDN", "country")])
    hit = [e for e in evs if e.cameo == "120"]
    assert hit and hit[0].target is not None and hit[0].target.code == "SDN"


def test_overturning_a_conviction_stays_an_easing(code):
    # must not fire: a conviction or a sentence overturned eases a penalty (081), no ruling rejected
    evs = code("A court in Japan overturned the conviction of a Sudan diplomat.",
               [("court in Japan", "JPNJUD", "agent"), ("Sudan diplomat", "SDNGOV", "agent")])
    assert "120" not in codes(evs)


# --- an undertaking (&UNDERTAKINGS) is the act it is for

@pytest.mark.parametrize("verb", ["launched", "mounted", "began", "stepped up"])
@pytest.mark.parametrize("thing", ["operations", "a campaign", "an effort", "a drive"])
def test_an_undertaking_is_the_act_it_is_for(code, verb, thing):
    evs = code(f"Japan {verb} {thing} to arrest Sudan's envoys.", [("Japan", "JPN", "country"), ("Sudan", "SDN", "country")])
    assert "173" in codes(evs)


def test_an_undertaking_without_a_coded_purpose_keeps_its_own_code(code):
    # must not fire: nothing coded in the purpose, or no undertaking named
    evs = code("Japan launched a military operation in Sudan.", [("Japan", "JPN", "country"), ("Sudan", "SDN", "place")])
    assert "173" not in codes(evs) and any(c.startswith("19") for c in codes(evs))
    evs = code("Japan launched missiles to destroy Sudan's airfields.", [("Japan", "JPN", "country"), ("Sudan", "SDN", "country")])
    assert "173" not in codes(evs)


# --- executions, suspensions: verbs that act on someone only when their object names someone

@pytest.mark.parametrize("obj", ["a Sudanese dual national", "three Sudanese protesters", "the Sudanese envoy"])
def test_putting_someone_to_death_is_a_killing(code, obj):
    evs = code(f"Japan executed {obj}.", [("Japan", "JPN", "country"), (obj.split(" ", 1)[1], "SDNCVL", "agent")])
    assert "1823" in codes(evs)


def test_executing_a_plan_kills_no_one(code):
    # must not fire: the object is a thing
    assert not codes(code("Japan executed the plan to build a dam in Sudan.", ACTORS))


@pytest.mark.parametrize("text", ["The African Union suspended Sudan's membership.", "The African Union suspended Sudan.",
                                  "The African Union froze Sudan's participation."])
def test_a_body_that_suspends_a_member_reduces_relations(code, text):
    evs = code(text, [("African Union", "IGOAFRAFU", "organisation"), ("Sudan", "SDN", "country")])
    assert ("IGOAFRAFU", "SDN", "160") in dyads(evs)


def test_a_state_that_suspends_its_own_institution_restricts(code):
    # must not fire as a reduction of relations: parliament is the state's own
    evs = code("Sudan's president suspended parliament.", [("Sudan's president", "SDNGOV", "person"), ("parliament", "SDNLEG", "agent")])
    assert ("SDNGOV", "SDNLEG", "172") in dyads(evs)
    assert not codes(code("The club suspended the player.", []))


# --- verbs of news the lexicon lacked, by class (issue 10: classes, not rows)

@pytest.mark.parametrize("text,code_", [
    ("Japan cut off gas supplies to Sudan.", "163"),
    ("Japan cut off fuel deliveries to Sudan.", "163"),
    ("Japan cut aid to Sudan.", "162"),
    ("Japan suspended lending to Sudan.", "1621"),
    ("Japan froze its loans to Sudan.", "1621"),
    ("Japan shut its embassy in Sudan.", "161"),
    ("Japan closed its consulate in Sudan.", "161"),
    ("Japan championed Sudan's bid to join the UN.", "051"),
    ("Japan beefed up its troops near Sudan.", "154"),
    ("Japan bolstered its forces near Sudan.", "154"),
])
def test_acts_named_by_a_class_of_object(code, text, code_):
    assert code_ in codes(code(text, ACTORS))


def test_classes_do_not_catch_other_things(code):
    # must not fire: a thing outside the class
    assert not codes(code("Japan cut off the microphone of Sudan's envoy.", ACTORS)) & {"163", "162"}
    assert "161" not in codes(code("Japan closed its factory in Sudan.", ACTORS))
    assert not codes(code("Japan suspended the broadcast in Sudan.", ACTORS)) & {"162", "1621"}


def test_leaders_sit_down_for_a_summit_together(code):
    evs = code("Japan and Sudan sat down for an informal summit in Geneva.", ACTORS)
    assert {("JPN", "SDN", "040"), ("SDN", "JPN", "040")} <= dyads(evs)


@pytest.mark.parametrize("what,code_", [("a general strike", "143"), ("a nationwide strike", "143"), ("a protest", "140")])
def test_calling_a_strike_or_a_protest_is_one(code, what, code_):
    evs = code(f"Sudanese unions called {what} against Japan.", [("Sudanese unions", "SDNLAB", "agent"), ("Japan", "JPN", "country")])
    assert code_ in codes(evs)
    # must not fire: calling someone is a phone call, not a protest
    assert not {c for c in codes(code("Sudan called Japan.", ACTORS)) if c.startswith("14")}


@pytest.mark.parametrize("goods,code_", [("medical equipment", "073"), ("medicines", "073"), ("food aid", "07")])
def test_the_value_of_goods_counts_the_goods(code, goods, code_):
    # "$4 million worth of X": the goods decide, not the sum of money or PETRARCH's hand over (063)
    evs = code(f"Japan handed over $4 million worth of {goods} to Sudan.", ACTORS)
    assert any(c.startswith(code_) for c in codes(evs)) and "063" not in codes(evs)


@pytest.mark.parametrize("said", ["it would respond with force", "it will take resolute measures",
                                  "it would retaliate against any provocation"])
def test_a_warning_of_the_warners_own_act_to_come_is_a_threat(pipeline, said):
    import whimbrel

    evs = whimbrel.code_text(f"North Korea warned {said}.", published="2024-03-05", pipeline=pipeline)
    assert any(e.cameo_root == "13" for e in evs)
    # must not fire: a warning of what something else will do is no threat by the warner
    evs = whimbrel.code_text("The WHO warned that the virus would spread.", published="2024-03-05", pipeline=pipeline)
    assert not any(e.cameo_root == "13" for e in evs)


@pytest.mark.parametrize("noun", ["counteroffensive", "counterattack", "counterattacks"])
def test_a_counteroffensive_is_an_attack(code, noun):
    evs = code(f"Japan's {noun} against Sudan stalled.", ACTORS)
    assert "190" in codes(evs)


@pytest.mark.parametrize("verb", ["traded", "exchanged"])
@pytest.mark.parametrize("what", ["fire", "gunfire", "artillery fire", "rocket fire"])
def test_two_sides_that_trade_fire_clash(code, verb, what):
    evs = code(f"Japan and Sudan {verb} {what} on Tuesday.", ACTORS)
    assert {("JPN", "SDN", "190"), ("SDN", "JPN", "190")} <= dyads(evs)


def test_trading_goods_stays_trade(code):
    # must not fire: goods traded are economic cooperation, prisoners exchanged are released
    assert "190" not in codes(code("Japan and Sudan traded rice on Tuesday.", ACTORS))


@pytest.mark.parametrize("subject", ["Raids by Japan", "Japan's air strikes", "Attacks by Japan"])
def test_an_attack_that_left_people_dead_killed_them(code, subject):
    evs = code(f"{subject} left 12 Sudanese soldiers dead.", [("Japan", "JPN", "country"), ("Sudanese soldiers", "SDNMIL", "agent")])
    assert any(e.cameo_root == "19" for e in evs)
    # must not fire as anything but the shooting: "shot dead" keeps the verb's own sense
    evs = code("A Japanese gunman shot dead a Sudanese soldier.", [("Japanese gunman", "JPNUAF", "agent"), ("Sudanese soldier", "SDNMIL", "agent")])
    assert any(e.cameo_root in ("18", "19") for e in evs)


@pytest.mark.parametrize("verb", ["gathered", "protested", "converged"])
def test_people_who_gather_outside_an_embassy_demonstrate(code, verb):
    evs = code(f"Sudanese protesters {verb} outside the Japanese embassy.",
               [("Sudanese protesters", "SDNCVL", "agent"), ("Japanese embassy", "JPNGOV", "agent")])
    assert ("SDNCVL", "JPNGOV", "141") in dyads(evs)


def test_gathering_somewhere_else_is_no_demonstration(code):
    # must not fire: a gathering "in" a city is no demonstration outside anything
    evs = code("Sudanese leaders gathered in Tokyo for a summit.", [("Sudanese leaders", "SDNGOV", "agent"), ("Tokyo", "JPN", "place")])
    assert "141" not in codes(evs)


@pytest.mark.parametrize("thing", ["an audit of", "a probe into", "investigations into"])
def test_opening_an_audit_or_a_probe_investigates(code, thing):
    evs = code(f"Japan launched {thing} the election in Sudan.", ACTORS)
    assert "090" in codes(evs)


@pytest.mark.parametrize("front", ["At a campaign rally on Thursday,", "At a rally in Tokyo,"])
def test_a_fronted_setting_is_no_argument_of_the_pattern(code, front):
    # PETRARCH's "demand ... at rally" (141) must not take a scene-setting phrase before the subject
    evs = code(f"{front} Japan demanded an explanation from Sudan.", ACTORS)
    assert "101" in codes(evs) and "141" not in codes(evs)
    # must not fire: the same phrase after the verb still is one
    evs = code("Japan demanded reforms at a rally in Sudan.", ACTORS)
    assert "141" in codes(evs)


@pytest.mark.parametrize("verb", ["pushed", "drove", "chased"])
def test_forces_driven_out_of_a_place_are_attacked(code, verb):
    evs = code(f"Japan's army {verb} Sudanese troops out of the city.",
               [("Japan's army", "JPNMIL", "agent"), ("Sudanese troops", "SDNMIL", "agent")])
    assert ("JPNMIL", "SDNMIL", "190") in dyads(evs)
    # must not fire: pushing for something is a demand, not force
    assert "190" not in codes(code("Japan pushed for talks with Sudan.", ACTORS))


def test_an_imported_default_of_another_sense_is_dropped(code):
    from whimbrel.petrdict.verbs import audit_code

    # PETRARCH's bare "beef up" is 174 (deport) and 060: neither is strengthening one's own
    assert audit_code("174", "174", "beef")[0] == ""
    assert audit_code("060", "060", "beef")[0] == ""
    assert not codes(code("Japan beefed up its defence with two new signings.", [("Japan", "JPN", "country")]))
    # must not fire: forces beefed up still mobilise (lexicon.tsv), other verbs keep their defaults
    assert "154" in codes(code("Japan beefed up its troops near Sudan.", ACTORS))
    assert audit_code("174", "174", "deport")[0] == "174"


@pytest.mark.parametrize("verb", ["were extended", "were renewed", "were tightened"])
def test_a_passive_whose_subject_is_the_event_noun_reads_the_nouns_roles(code, verb):
    # "Japan's sanctions on Sudan were extended": Japan sanctions Sudan; Japan is no patient
    evs = code(f"Japan's sanctions on Sudan {verb}.", ACTORS)
    assert ("JPN", "SDN") in {(e.source.code if e.source else None, e.target.code if e.target else None)
                              for e in evs if e.cameo_root == "16"}


def test_sanctions_imposed_by_someone_on_someone_are_theirs(code):
    evs = code("Sanctions imposed by Japan on Sudan hit its economy.", ACTORS)
    assert ("JPN", "SDN", "163") in dyads(evs)
    # must not fire: "any" sanctions, or "no" talks, are not a fact
    assert "163" not in codes(code("Sudan said it would treat any sanctions imposed by Japan as war.", ACTORS))
    # ... and victims of a passive killing give it no source
    evs = code("Three Sudanese civilians were killed in a bombing in Khartoum.", [("Sudanese civilians", "SDNCVL", "agent")])
    assert all(e.source is None for e in evs)


@pytest.mark.parametrize("text", ["Japan said Sudan would face retaliation.",
                                  "Japan warned that Sudan would face serious consequences.",
                                  "Japan said Sudan will face punishment."])
def test_harm_to_come_said_of_someone_is_a_threat(code, text):
    assert ("JPN", "SDN", "130") in dyads(code(text, ACTORS))


def test_hardship_to_come_is_no_threat(code):
    # must not fire: prices, not retribution
    evs = code("Japan said Sudanese farmers would face higher prices.", [("Japan", "JPN", "country"), ("Sudanese farmers", "SDNAGR", "agent")])
    assert not [e for e in evs if e.cameo_root == "13"]


@pytest.mark.parametrize("verb", ["dissolved", "outlawed", "banned", "disbanded"])
def test_dissolving_a_party_bans_it(code, verb):
    evs = code(f"Sudan's court {verb} the opposition party of Japan's allies.",
               [("Sudan's court", "SDNJUD", "agent"), ("opposition party", "SDNOPP", "agent"), ("Japan", "JPN", "country")])
    assert "1722" in codes(evs)


def test_dissolving_parliament_bans_no_party(code):
    # must not fire: a parliament dissolved before an election is no banned party
    assert "1722" not in codes(code("Japan's prime minister dissolved parliament and called elections.",
                                    [("Japan's prime minister", "JPNGOV", "agent")]))


@pytest.mark.parametrize("text,code_", [
    ("Japan's parliament voted to expel Sudan's ambassador.", "161"),
    ("Japan's parliament voted to sanction Sudan.", "163"),
])
def test_a_body_that_votes_to_act_does_the_act(code, text, code_):
    evs = code(text, [("Japan's parliament", "JPNLEG", "agent"), ("Sudan", "SDN", "country", 0)])
    assert code_ in codes(evs) and "030" not in codes(evs), codes(evs)


def test_a_vote_on_something_is_no_act(code):
    # must not fire: a vote that names no act is not an agreement, and not a sanction
    assert not codes(code("Japan's parliament voted on the budget.", [("Japan's parliament", "JPNLEG", "agent")])) & {"163", "161"}


@pytest.mark.parametrize("text,code_", [
    ("Japan's parliament impeached Sudan's ambassador.", "1121"),
    ("Japan's election commission disqualified Sudan's ambassador.", "1722"),
])
def test_acts_on_a_person(code, text, code_):
    actors = [(text.split(" impeached")[0].split(" disqualified")[0], "JPNGOV", "agent"),
              ("Sudan's ambassador", "SDNGOV", "person")]
    assert code_ in codes(code(text, actors))


def test_acts_on_a_person_need_a_person(code):
    # must not fire: a bid is no one ("whom" role)
    assert "1722" not in codes(code("Japan's election commission disqualified Sudan's bid.",
                                    [("Japan's election commission", "JPNGOV", "agent"), ("Sudan", "SDN", "country")]))


def test_a_court_that_strikes_down_a_ban_rejects_it(code):
    evs = code("Japan's supreme court struck down Sudan's import ban.",
               [("Japan's supreme court", "JPNJUD", "agent"), ("Sudan", "SDN", "country")])
    assert "120" in codes(evs)


def test_drills_around_a_country_are_aimed_at_it(code):
    evs = code("Japan staged military drills around Sudan.", ACTORS)
    assert ("JPN", "SDN", "150") in dyads(evs), dyads(evs)
    # must not fire: drills around one's own capital aim at no one
    evs = code("Japan staged military drills around its capital.", ACTORS[:1])
    assert dyads(evs) == {("JPN", None, "150")}


@pytest.mark.parametrize("verb", ["declared", "imposed"])
def test_a_state_of_emergency_declared_or_imposed(code, verb):
    assert "1724" in codes(code(f"Sudan's government {verb} a state of emergency.", [("Sudan's government", "SDNGOV", "agent")]))


def test_a_state_of_affairs_declared_is_no_emergency(code):
    # must not fire: "declared" with another state
    assert "1724" not in codes(code("Sudan's government declared a state of mourning.", [("Sudan's government", "SDNGOV", "agent")]))


def test_firing_into_a_crowd_is_force(code):
    evs = code("Japan's soldiers fired into the crowd.", [("Japan's soldiers", "JPNMIL", "agent")])
    assert "193" in codes(evs)
    # must not fire: firing someone from a job is no shooting
    assert not codes(code("Japan's president fired the army chief into retirement.",
                          [("Japan's president", "JPNGOV", "person")])) & {"193"}
