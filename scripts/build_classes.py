#!/usr/bin/env python3
"""Build the object classes of the event lexicon: ``src/whimbrel/events/data/classes.tsv``.

A lexicon row names an object class (``impose &SANCTIONS 163``) instead of one object
word, so "imposed an embargo", "imposed trade restrictions" and "imposed sanctions"
all match one row. The classes are built here, at data-build time, from real lexical
resources, and shipped as data: run time and CI never need WordNet.

Sources (each member row records where it came from):

* WordNet 3.0 (``wordnet:SYNSET``): the words of chosen synsets, optionally with
  their hyponyms to a given depth. Read from the WNDB files Debian's ``wordnet-base``
  installs (``apt-get install -y wordnet-base``; ``--wordnet DIR`` elsewhere) with
  ``scripts/wndb.py``. WordNet 3.0 licence, (c) 2006 Princeton University (NOTICE).
* PETRARCH2's synonym sets (``petrarch:&SET``): every ``&SET`` of
  ``reference/petrarch/CAMEO.2.0.txt`` (MIT, Open Event Data Alliance) is shipped
  under its own name, so ``petrarch_patterns.tsv`` keeps PETRARCH's ``&SET`` names;
  the whimbrel classes below draw on them too.
* Phoenix issue categories (``phoenix:CATEGORY``): the noun phrases of a category in
  ``reference/petrarch/Phoenix.IssueCoding.txt`` (MIT, Open Event Data Alliance).
* whimbrel's own event nouns (``nouns.tsv``) for ``&EVENT_NOUNS``, and a few words
  written here (``whimbrel``) where the resources have no sense for the news usage
  (WordNet has no "economic sanctions" sense of *sanction*).

``exclude`` drops senses' words that would be wrong as the object of the rows that
use the class (WordNet's tariff synset holds "duty"; its shipment synset "load").

Usage: python scripts/build_classes.py [--shared /work/shared] [--wordnet /usr/share/wordnet]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wndb import WordNet  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "whimbrel" / "events" / "data"


@dataclass
class Spec:
    doc: str
    wordnet: tuple[str, ...] = ()  # "name.n.NN" or "name.n.NN+DEPTH" (with hyponyms)
    petrarch: tuple[str, ...] = ()  # PETRARCH set names
    phoenix: tuple[str, ...] = ()  # Phoenix issue categories
    words: tuple[str, ...] = ()  # written here
    exclude: frozenset[str] = field(default_factory=frozenset)


def S(doc, wordnet="", petrarch="", phoenix="", words="", exclude=""):
    split = lambda s: tuple(w.strip() for w in s.split(",") if w.strip())  # noqa: E731
    return Spec(doc, split(wordnet), split(petrarch), split(phoenix), split(words), frozenset(split(exclude)))


# The whimbrel classes: what each is for, and where its words come from.
CLASSES: dict[str, Spec] = {
    "&SANCTIONS": S(
        "punitive economic or political measures (impose, tighten, lift, ease, retaliate with)",
        wordnet="embargo.n.01", phoenix="SANCTIONS",
        words="sanction, sanctions, economic sanctions, trade sanctions, financial sanctions, punitive measures, "
              "restrictive measures, countermeasures, asset freeze, travel ban, blacklisting, penalties",
    ),
    "&TARIFFS": S(
        "taxes on trade (impose, raise, lift, cut, retaliate with)",
        wordnet="tariff.n.01+1", words="tariff, import duty, import duties, customs duty, customs duties, import tax, levy, duties",
        exclude="duty, custom, customs, tonnage, tunnage, tonnage duty, octroi",
    ),
    "&WARRANTS": S(
        "court orders to arrest or bring a person (issue, execute, cancel): an arrest warrant is an arrest ordered",
        words="warrant, warrants, arrest warrant, arrest warrants, production warrant, bench warrant, detention order, "
              "arrest order",
    ),
    "&PRESS": S(
        "news media as something closed, suspended or banned (a restriction of press freedom, 1721)",
        words="newspaper, newspapers, daily, publication, broadcaster, broadcasts, television station, tv station, "
              "radio station, tv channel, television channel, news agency, news website, media outlet, outlets, magazine",
    ),
    "&ASYLUM_SEEKERS": S(
        "people seeking protection, as someone accepted, admitted, hosted or let across a border (075)",
        wordnet="refugee.n.01", words="refugee, refugees, asylum seeker, asylum seekers, displaced people, "
                                      "displaced persons, migrants",
    ),
    "&PERMISSIONS": S(
        "leave to act, as something granted or given (080: yield)",
        words="permission, approval, authorization, authorisation, clearance, consent, go-ahead, green light, waiver",
    ),
    "&REQUESTS": S(
        "what someone asked for, as something approved, granted or met (080: yield)",
        words="request, requests, demand, demands, appeal, appeals, application, petition, plea, call, calls",
    ),
    "&REFLEXIVES": S(
        "oneself as an object: 'blew himself up' (a suicide bombing)",
        words="himself, herself, themselves, itself, oneself",
    ),
    "&CHARGES": S(
        "legal accusations, as something filed, brought, pressed or levelled (173; PLOVER ACCUSE)",
        words="charge, charges, criminal charges, indictment, indictments, lawsuit, lawsuits, suit, criminal case, "
              "proceedings, legal proceedings, infringement proceedings, criminal proceedings, legal action, "
              "disciplinary proceedings",
    ),
    "&PETITIONS": S(
        "claims and challenges put to a court or an authority, as something dismissed, thrown out or quashed (120)",
        words="appeal, appeals, petition, petitions, lawsuit, lawsuits, suit, case, complaint, complaints, motion, "
              "plea, electoral protest, legal challenge, challenge, application, bail application",
    ),
    "&RESTRICTIONS": S(
        "administrative limits (impose, ease, lift, relax)",
        wordnet="restriction.n.02", words="restriction, restrictions, curbs, curb, limits, controls, export controls, "
                                          "travel restrictions, movement restrictions, lockdown",
        exclude="limitation",
    ),
    "&TALKS": S(
        "negotiation and dialogue (hold, resume, begin, boycott, suspend, call for)",
        wordnet="talks.n.01+1", petrarch="&NEGOTIATION",
        words="talks, peace talks, negotiations, consultations, discussions, dialogue, peace process",
        exclude="horse trading, collective bargaining, bargaining, mediation, diplomacy, discussion",
    ),
    "&MEETINGS": S(
        "formal meetings (hold, host, attend)",
        wordnet="summit.n.03, meeting.n.01", words="meeting, summit, summit meeting, conference, session",
        exclude="group meeting",
    ),
    "&HONOURS": S(
        "honours given to someone (award, confer, bestow, present: praise, 051; not give or grant: \"gave an order\")",
        wordnet="award.n.02+1", words="award, medal, honour, honor, prize, decoration, order, honorary citizenship, "
                                      "honorary degree, title",
        exclude="aliyah, bye, jackpot, pass, prize money, purse, stake, trophy, letter, varsity letter, mention, "
                "honorable mention, seal, seal of approval, cachet, palm, ribbon, pennant, citation, crown, degree, "
                "academic degree",
    ),
    "&ELECTIONS": S(
        "elections and votes as something called for or demanded (political reform: 024, 104)",
        words="election, elections, early election, early elections, snap election, snap elections, fresh elections, "
              "new elections, referendum, vote, polls",
    ),
    "&VISITS": S(
        "visits and trips between actors (cancel, call off: REJECT, as the PLOVER manual codes cancelled meetings)",
        words="visit, visits, state visit, official visit, planned visit, trip, tour",
    ),
    "&MEDIATIONS": S(
        "mediation (launch, offer, end)",
        petrarch="&MEDIATION", words="mediation, mediation effort, peace effort, peace initiative, good offices",
    ),
    "&TROOPS": S(
        "armed forces as something sent, deployed, withdrawn or massed",
        wordnet="troops.n.01, soldier.n.01, force.n.05", petrarch="&MILITARY",
        words="troops, soldiers, forces, military forces, armed forces, military personnel, reinforcements, "
              "contingent, battalion, brigade, platoon, detachment, squadron, units, marines, paratroopers",
        exclude="military, force, military group, military unit, soldiery, army, navy, reserves, military",
    ),
    "&PEACEKEEPERS": S(
        "peacekeepers (deploy, send, withdraw, expel)",
        petrarch="&PKO", words="peacekeepers, peacekeeping force, peacekeeping troops",
        exclude="peacekeeping, peace-keeping",
    ),
    "&DIPLOMATS": S(
        "diplomatic envoys (expel, recall, withdraw, summon)",
        wordnet="diplomat.n.01+1, envoy.n.02", words="diplomat, diplomats, ambassador, envoy, consul, charge d'affaires, "
                                                      "embassy staff, attache, emissary",
        exclude="diplomatist, minister plenipotentiary, envoy extraordinary, embassador, minister, diplomatic minister, "
                "persona grata, persona non grata, internuncio, nuncio, papal nuncio, plenipotentiary",
    ),
    "&AID": S(
        "aid in general (give, provide, send, deliver, suspend, cut)",
        wordnet="aid.n.02, aid.n.03, relief.n.05, relief.n.08", phoenix="FOREIGN_AID",
        words="aid, assistance, help, relief, humanitarian aid, humanitarian assistance, foreign aid, development aid, "
              "economic aid, financial aid, donations, funding",
        exclude="assist, succor, succour, ministration, usaid, international development, democracy promotion, "
                "international donor, development assistance, democracy assistance",
    ),
    "&HUMANITARIAN_AID": S(
        "relief goods (send, deliver, provide, suspend)",
        petrarch="&FOOD", phoenix="",
        words="food, food aid, food supplies, medicine, medicines, medical supplies, medical aid, humanitarian supplies, "
              "relief supplies, relief goods, shelter, shelter materials, tents, vaccines, drinking water, emergency aid, "
              "medical equipment, supplies, vaccine doses",
        exclude="grocery, commissariat, aliment, nutriment, nutrient",
    ),
    "&LOANS": S(
        "money lent or granted (give, provide, grant)",
        wordnet="loan.n.01", words="loan, loans, credit, credit line, grant, grants, bailout, financing, lending",
        exclude="",
    ),
    "&WEAPONS": S(
        "weapons as goods (supply, send, deliver, ship, transfer, seize)",
        wordnet="arms.n.01, weapon.n.01, warplane.n.01+1", petrarch="&WEAPON",
        words="weapons, arms, ammunition, munitions, missiles, rockets, tanks, jets, fighter jets, drones, shells, "
              "artillery, air defence, air defense, air defence systems, air defense systems, military equipment, "
              "howitzers, rocket launchers, armoured vehicles, armored vehicles",
        exclude="arm, weapon system, weapons system, implements of war, knife, knives, sword, swords, dagger, spear, "
                "slingshot, switchblade, billy club, bow and arrow, brass knuckles, hunting knife, sabers",
    ),
    "&WARPLANES": S(
        "military aircraft (scramble, send, deploy)",
        wordnet="warplane.n.01+1", petrarch="&AIRCRAFT",
        words="jets, fighter jets, fighters, warplanes, planes, aircraft, bombers, helicopters",
    ),
    "&PROPOSALS": S(
        "proposals put to the other side (reject, dismiss, rebuff, turn down)",
        wordnet="proposal.n.01", petrarch="&PROPOSAL", words="proposal, proposals, initiative, peace proposal, peace initiative",
        exclude="motion",
    ),
    "&FORCE": S(
        "the force a threat or warning holds out (threaten, threaten with, warn of)",
        words="force, military force, military action, strike, military strike, nuclear strike, attack, retaliation, "
              "reprisal, reprisals, war, consequences, response, military response, invasion, nuclear war",
    ),
    "&MISSILES": S(
        "missiles and rockets as things fired or tested (test, fire, launch)",
        wordnet="missile.n.01+1", words="missile, missiles, ballistic missile, cruise missile, rocket, rockets, "
                                        "hypersonic missile, icbm",
        exclude="",
    ),
    "&AIRSTRIKES": S(
        "strikes from the air (launch, conduct, carry out, order, step up, retaliate with)",
        wordnet="air raid.n.01", phoenix="AIRSTRIKE",
        words="air strike, airstrike, air strikes, airstrikes, air raid, drone strike, missile strike, bombing raid, "
              "strikes",
        exclude="air attack, strafe, close air support",
    ),
    "&ATTACKS": S(
        "armed attacks that people die or are hurt in (die, perish ... in): the attack is the event, "
        "its own phrase or the by-phrase says who attacked",
        wordnet="attack.n.01+2",
        words="attack, attacks, raid, raids, ambush, air strike, airstrike, drone strike, missile strike, shelling, "
              "bombing, bombings, suicide bombing, gunfire, assault, offensive",
        exclude="shooting, charge, diversion, diversionary attack, penetration, interpenetration, breakthrough, infiltration, "
                "cover, covering fire, trap, lying in wait, riposte, battery, burst, fire, firing, strafe, broadside, "
                "maraud, foray, countercharge, call fire, blitz, volley, salvo, fusillade, fratricide, "
                "diversionary landing, onset, onrush, registration fire, observed fire, unobserved fire, scheduled fire, "
                "searching fire, supporting fire, preparation fire, radar fire, grazing fire, direct fire, indirect fire, "
                "distributed fire, concentrated fire, massed fire, destruction fire, interdiction fire, "
                "neutralization fire, counterpreparation fire, harassing fire, suppressive fire, counterfire",
    ),
    "&CEASEFIRES": S(
        "ceasefires (declare, agree, violate, break, call for)",
        wordnet="armistice.n.01", petrarch="&CEASEFIRE", words="ceasefire, cease-fire, truce, armistice, "
        "ceasefire agreement, ceasefire deal, truce agreement, truce deal, ceasefire line, cessation of hostilities",
    ),
    "&AGREEMENTS": S(
        "agreements between parties (sign, ratify, reach, welcome)",
        wordnet="treaty.n.01", petrarch="&TREATY",
        words="agreement, deal, treaty, accord, pact, memorandum, memorandum of understanding, declaration, protocol, "
              "convention, peace deal, trade deal, peace agreement",
        exclude="written agreement",
    ),
    "&TIES": S(
        "relations between states (establish, restore, normalise, strengthen, sever, cut, downgrade)",
        wordnet="relations.n.01", words="relations, ties, diplomatic relations, diplomatic ties, links, bilateral ties, "
                                        "bilateral relations, contacts",
        exclude="dealings",
    ),
    "&RECOGNITION": S(
        "what a state switches from one government to another",
        words="recognition, diplomatic recognition, ties, diplomatic ties, relations, diplomatic relations, allegiance",
    ),
    "&INTELLIGENCE": S(
        "information shared between actors (share, exchange, provide)",
        wordnet="intelligence.n.03", petrarch="&INFORMATION",
        words="intelligence, information, data, evidence, records, details",
        exclude="fact, update, news, info",
    ),
    "&INQUIRIES": S(
        "inquiries (launch, open, begin, call for)",
        petrarch="&INVESTIGATION", words="investigation, inquiry, enquiry, probe, inquest, criminal investigation, "
                                         "audit, audits, fact-finding mission",  # the lemmatizer leaves "audits"
        exclude="research, analysis, analyses, examination",
    ),
    "&PRISONERS": S(
        "people held (release, free, exchange, swap)",
        wordnet="prisoner.n.01+1", petrarch="&HOSTAGE",
        words="prisoners, detainees, hostages, captives, political prisoners, prisoners of war, inmates",
        exclude="con, convict, surety",
    ),
    "&PERSONS": S(
        "people as those captured, seized or taken",
        wordnet="soldier.n.01, journalist.n.01, prisoner.n.01", petrarch="&HOSTAGE, &PEOPLE",
        words="soldier, troop, troops, civilian, journalist, hostage, worker, aid worker, tourist, schoolgirl, student, "
              "villager, sailor, fisherman, national, citizen, activist, crew, officer, policeman, diplomat",
        exclude="poor, rich, wealthy, public, masses, subjects, voters, followers, folk, populace, population, "
                "populations, citizenry, people, diarist, diary keeper, con, surety, nationals",
    ),
    "&BORDER": S(
        "border points (open, reopen, close, seal)",
        words="border, borders, frontier, crossing, border crossing, crossings, checkpoint, crossing point, "
              "border post, border point, bridge",
    ),
    "&MILITARY_ASSETS": S(
        "war machines as something deployed, stationed or moved (154 with a border, sea or front; 072 as a gift)",
        wordnet="warship.n.01+2, warplane.n.01+1, tank.n.01, missile.n.01+1",
        words="warships, naval vessels, navy ships, carrier group, battle group, strike group, carrier strike group, "
              "fleet, flotilla, naval task force, fighter jets, warplanes, bombers, tanks, armoured vehicles, "
              "armored vehicles, missiles, cruise missiles, missile batteries, missile systems, air defence systems, "
              "air defense systems, artillery, howitzers, rocket launchers",
        exclude="sub, tin can, pigboat, privateer, flattop, battlewagon, three-decker, man-of-war, ship of the line",
    ),
    "&FORWARD_AREAS": S(
        "borders, seas and fronts that forces are sent to, moved along or massed near (154)",
        words="border, borders, frontier, border area, border region, waters, sea, coast, coastline, strait, gulf, "
              "island, islands, peninsula, front, front line, frontline, buffer zone, demilitarized zone, "
              "demilitarised zone, flank, region, area, zone",
    ),
    "&DRILLS": S(
        "military exercises (hold, conduct, stage, resume)",
        wordnet="maneuver.n.01, drill.n.04",
        words="drills, military drills, exercises, military exercises, war games, manoeuvres, maneuvers, naval drills, "
              "exercise, drill, patrols, joint patrols, naval patrols",
        exclude="simulated military operation",
    ),
    "&ALERT": S(
        "readiness of forces (raise, heighten, step up)",
        words="alert, alert level, readiness, combat readiness, state of alert, high alert",
    ),
    "&INSPECTORS": S(
        "monitors of an agreement (expel, withdraw, allow)",
        words="inspectors, inspector, weapons inspectors, monitors, monitor, observers, observer, monitoring mission",
    ),
    "&TRADE_FLOWS": S(
        "goods bought from or sold to a country (halt, suspend, ban, block, stop: an embargo, 163)",
        words="exports, imports, purchases, sales, arms sales, arms purchases, arms exports, arms imports, "
              "oil purchases, oil imports, oil exports, gas imports, gas exports, trade, shipments, deliveries, "
              "supplies",
    ),
    "&RETRIBUTION": S(
        "harm promised to someone (promise, vow, pledge, warn of: a threat, 130)",
        words="retaliation, retribution, revenge, vengeance, punishment, reprisal, reprisals, consequences, "
              "grave consequences, serious consequences, fury, fire and fury, fire, a heavy price, price",
    ),
    "&AID_WORKERS": S(
        "humanitarian staff and agencies (expel, withdraw: 1663)",
        words="aid workers, aid worker, humanitarian workers, humanitarian worker, relief workers, relief worker, "
              "aid agencies, aid agency, humanitarian agencies, humanitarian organisations, humanitarian organizations, "
              "relief agencies, aid groups, humanitarian staff, aid staff, NGO workers",
    ),
    "&PROTESTS": S(
        "street protest (stage, hold, organise)",
        wordnet="demonstration.n.03+1", words="protest, protests, demonstration, demonstrations, rally, rallies, march, "
                                              "sit-in, vigil, protest march",
        exclude="manifestation, boston tea party, work-in",
    ),
    "&DISSENT": S(
        "popular dissent a group ends or calls off (CAMEO 082: ease popular dissent)",
        words="strike, strikes, walkout, hunger strike, work stoppage, general strike, protest, protests, demonstration, "
              "demonstrations, boycott, sit-in, blockade, picket",
    ),
    "&MILITARY_TARGETS": S(
        "what a strike from the air or from a distance hits (strike, hit, attack, pound ... 195)",
        words="target, targets, military targets, positions, military positions, bases, military bases, installations, "
              "military installations, facilities, military facilities, sites, strongholds, hideouts, depots, "
              "weapons depots, launch sites",
    ),
    "&ROADS": S(
        "routes a protest blocks",
        words="road, roads, highway, motorway, bridge, traffic, transport, railway, rail line, street, streets, "
              "entrance, port",
    ),
    "&RELIEF_TEAMS": S(
        "people and field units sent to help after a disaster (send, dispatch, deploy: humanitarian aid, 073)",
        words="rescue team, rescue teams, rescuers, rescue workers, search and rescue team, search and rescue teams, "
              "medical team, medical teams, medics, paramedics, field hospital, field hospitals, mobile hospital, "
              "relief team, relief teams, emergency team, emergency teams, disaster response team, firefighters, "
              "civil defence teams, civil defense teams",
    ),
    "&EQUIPMENT": S(
        "civilian vehicles and equipment given to a country (give, donate, hand over: aid, 070)",
        wordnet="ambulance.n.01, generator.n.02, ventilator.n.01",
        words="vehicles, patrol vehicles, cars, trucks, lorries, buses, ambulances, fire engines, fire trucks, boats, "
              "patrol boats, equipment, machinery, generators, computers, laptops, tractors, "
              "water pumps, solar panels, ventilators, hospital beds, wheelchairs, textbooks, school supplies",
    ),
    "&POWER": S(
        "power in a state, handed over: 'handed power to civilians'",
        words="power, political power, authority, leadership, presidency, reins of power, executive power",
    ),
    "&CUSTODY": S(
        "where one is held: placed under arrest, kept in custody",
        petrarch="&DETENTION", words="arrest, house arrest, police custody, military custody",
    ),
    "&COMMUNICATIONS": S(
        "communication services a government cuts",
        words="internet, internet access, mobile network, mobile internet, social media, phone lines, "
              "telecommunications, messaging services, internet services, mobile services, mobile data, "
              "data services, internet connections",
    ),
    "&SHIPMENTS": S(
        "goods in transit (intercept, seize)",
        wordnet="shipment.n.01", words="shipment, cargo, consignment, freight, vessel, tanker",
        exclude="load, loading, lading, payload",
    ),
    "&SUPPORT": S(
        "political backing (pledge, vow, express)",
        words="support, solidarity, backing, full support",
    ),
    "&PLEDGES": S(
        "promises received from someone (win, secure, receive ... from)",
        wordnet="assurance.n.02", words="vow, pledge, promise, assurance, commitment, guarantee, undertaking",
        exclude="",
    ),
    "&WILLINGNESS": S(
        "a readiness to act that its owner states (reiterated, expressed its willingness to support X): "
        "with an act of support as its content, the support itself, as a pledge is",
        wordnet="willingness.n.01, readiness.n.02, determination.n.02, resoluteness.n.01",
        exclude="zeal, forwardness, firmness, firmness of purpose, purpose, resolution",
    ),
    "&RULINGS": S(
        "binding acts of an authority that a court or another body strikes down (quash, overturn, annul, "
        "invalidate, nullify, void, strike down, set aside, throw out): a rejection of them (120)",
        wordnet="decree.n.01, regulation.n.01, law.n.02, directive.n.01, verdict.n.01, ban.n.01",
        words="order, ruling, decision, judgment, judgement, legislation, election result, referendum result, "
              "policy, executive order",
        exclude="fiat, rescript, finding of fact",
    ),
    "&UNDERTAKINGS": S(
        "undertakings that say nothing of their own act but what they are for (launch, mount, begin, "
        "step up ... an operation to detain, a campaign to arrest, an effort to mediate): the purpose is the act",
        wordnet="attempt.n.01, campaign.n.02, operation.n.05, mission.n.03",
        words="bid, push, initiative, process",
        exclude="cause, movement, charge, commission, endeavor, try",
    ),
    "&MEMBERSHIP": S(
        "a member's standing in a body (suspend, freeze, revoke): a reduction of relations (160), with the "
        "member or the body as the other side",
        wordnet="membership.n.02", words="participation, voting rights, accreditation",
    ),
    "&COOPERATION": S(
        "standing cooperation between parties (end, suspend, scrap, withdraw from: a reduction of relations, "
        "160, with the partner as the target)",
        wordnet="cooperation.n.02, collaboration.n.01", words="partnership, alliance",
    ),
    "&EMBASSIES": S(
        "a state's diplomatic posts abroad (close, shut, shut down: a cut in diplomatic relations, 161)",
        wordnet="embassy.n.01, consulate.n.01",
        words="consulate general, diplomatic mission, high commission, chancery",
    ),
    "&GUNFIRE": S(
        "fire exchanged or traded by two sides (trade, exchange: an armed clash, 190)",
        wordnet="gunfire.n.01, shooting.n.01, shelling.n.01",
        words="fire, shots, shells, blows, salvos",
        exclude="battery, shot, shooting",
    ),
    "&PARTIES": S(
        "political parties and movements (dissolve, disband, outlaw, ban, proscribe, deregister: "
        "banning parties, 1722)",
        wordnet="party.n.01, movement.n.04",
        words="",
        exclude="front",
    ),
    "&DECISIONS": S(
        "decisions and steps a statement welcomes",
        words="decision, move, step, announcement, initiative, proposal, plan, offer, release, gesture",
    ),
    "&PHONE": S(
        "the line of a phone call (speak by, talk on, confer over)",
        words="phone, telephone, telephone call, phone call, video link, video call, videoconference, hotline",
    ),
    "&SHELLS": S(
        "artillery rounds fired at a target (fire)",
        words="shells, shell, rockets, rocket, mortars, mortar, mortar rounds, artillery, artillery shells, grenades",
    ),
    "&CYBERATTACKS": S(
        "attacks on computer systems (launch, carry out)",
        wordnet="cyberwar.n.01", words="cyberattack, cyberattacks, cyber-attack, cyber attack, cyber attacks, hack, "
                                       "hacking attack, hacking campaign, cyber operation",
        exclude="cyberwar, information warfare, iw",
    ),
    "&PROPERTY": S(
        "property returned or released (CAMEO 0842: return, release property)",
        wordnet="antiquity.n.03", words="artifacts, artefacts, artifact, artefact, antiquities, relics, relic, artworks, "
                                        "artwork, painting, paintings, treasures, remains, body, bodies, property, assets, "
                                        "seized assets, cultural property, manuscripts, skulls",
        exclude="",
    ),
    "&EVENT_NOUNS": S(
        "acts a statement can condemn or blame: whimbrel's event nouns and a few decision words",
        words="decision, move, verdict, response, payment, test, launch, execution, detention, coup, march, incursion",
    ),
}


def _norm(w: str) -> str:
    w = w.strip().lstrip("+").rstrip("_").lower().replace("_", " ")
    return re.sub(r"\s+", " ", w).strip()


def petrarch_sets(shared: Path) -> dict[str, list[str]]:
    """PETRARCH2's synonym sets, read by the run-time verb dictionary reader."""
    from whimbrel.petrdict.verbs import read_verbs

    return read_verbs(shared / "reference" / "petrarch" / "CAMEO.2.0.txt").sets


def phoenix_issues(shared: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in (shared / "reference" / "petrarch" / "Phoenix.IssueCoding.txt").read_text(encoding="latin-1").splitlines():
        m = re.match(r"^([^<~#\[][^\[]*)\[([A-Z_]+)\]\s*$", line.strip())
        if m:
            words = " ".join(w.split(":")[-1].replace("+", " ") for w in m.group(1).split())
            out.setdefault(m.group(2), []).append(_norm(words))
    return out


def event_nouns(built: dict[str, list[str]]) -> list[str]:
    """whimbrel's event nouns (nouns.tsv), a class row standing for its members."""
    out = []
    for line in (OUT / "nouns.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            noun = line.split("\t")[0].strip()
            out.extend(built.get(noun.upper(), []) if noun.startswith("&") else [noun])
    return out


def build(shared: Path, wn: WordNet) -> list[tuple[str, str, str]]:
    psets = petrarch_sets(shared)
    issues = phoenix_issues(shared)
    rows: list[tuple[str, str, str]] = []
    # PETRARCH's own sets, under their own names (petrarch_patterns.tsv refers to them)
    for name, words in psets.items():
        if name.endswith("_"):
            continue  # &AUXVERB1_ etc.: verb-side helpers, not object classes
        seen = set()
        for w in words:
            if w and w not in seen:
                seen.add(w)
                rows.append((name, w, f"petrarch:{name}"))
    for name, spec in CLASSES.items():
        if name in psets:
            raise SystemExit(f"{name} is a PETRARCH set name; whimbrel classes need their own names")
        got: dict[str, str] = {}

        def add(word: str, origin: str) -> None:
            w = _norm(word)
            if w and w not in spec.exclude and w not in got:
                got[w] = origin

        for ref in spec.wordnet:
            sname, _, depth = ref.partition("+")
            s = wn.named(sname.replace(" ", "_"))
            for w in s.words:
                add(w, f"wordnet:{sname}")
            for h in wn.hyponyms(s, int(depth or 0)):
                for w in h.words:
                    if not w[:1].isupper():  # not a proper noun (a named diplomat is no class member)
                        add(w, f"wordnet:{sname}+hyponym")
        for p in spec.petrarch:
            if p not in psets:
                raise SystemExit(f"{name}: no PETRARCH set {p}")
            for w in psets[p]:
                add(w, f"petrarch:{p}")
        for c in spec.phoenix:
            if c not in issues:
                raise SystemExit(f"{name}: no Phoenix issue category {c}")
            for w in issues[c]:
                add(w, f"phoenix:{c}")
        if name == "&EVENT_NOUNS":
            built: dict[str, list[str]] = {}
            for c, w, _o in rows:
                built.setdefault(c, []).append(w)
            for w in event_nouns(built):
                add(w, "nouns.tsv")
        for w in spec.words:
            add(w, "whimbrel")
        rows.extend((name, w, o) for w, o in got.items())
    return rows


def write(rows: list[tuple[str, str, str]]) -> None:
    head = [
        "# Object classes of the event lexicon. Built by scripts/build_classes.py; do not edit by hand.",
        "# A pattern names a class in its object or pobj column (lexicon.tsv 'impose &SANCTIONS 163',",
        "# petrarch_patterns.tsv, nouns.tsv) and matches any member; a member of several words is a",
        "# noun phrase, head word last, the other words anywhere in the phrase (like an object column).",
        "# Members are lemmas (plural forms where the plural is the usual or only form: talks, arms).",
        "# Sources (origin column): wordnet:SYNSET = WordNet 3.0 (c) 2006 Princeton University,",
        "# WordNet 3.0 licence; petrarch:&SET = PETRARCH2 CAMEO.2.0.txt synonym sets and",
        "# phoenix:CATEGORY = Phoenix.IssueCoding.txt (both MIT, Open Event Data Alliance);",
        "# nouns.tsv = whimbrel's event nouns; whimbrel = written for whimbrel. See NOTICE.",
        "# Classes named like PETRARCH's sets (&MILITARY, &WEAPON) are those sets unchanged.",
    ]
    for name, spec in CLASSES.items():
        head.append(f"#   {name}: {spec.doc}")
    head.append("# columns: class member origin")
    text = "\n".join(head + ["\t".join(r) for r in rows]) + "\n"
    (OUT / "classes.tsv").write_text(text, encoding="utf-8")
    n = len({r[0] for r in rows})
    print(f"classes.tsv: {n} classes, {len(rows)} members")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("/work/shared"))
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    args = ap.parse_args()
    write(build(args.shared, WordNet(args.wordnet)))


if __name__ == "__main__":
    main()
