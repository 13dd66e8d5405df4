"""Agent rules of the actors stage: role nouns ("diplomat", "protesters", "state
media") and the country they take.

An agent takes its country from, in order: a nationality word, country name or
possessive ("a Russian diplomat", "North Korea's state media"); an "in/of <country>"
phrase ("rebels in the Ivory Coast"); the country just named for "the country's
ministry"; a person it is loyal to ("rebels loyal to Riek Machar"); for an armed
force or weapon, whoever launched or sent it ("drones launched by Russia"); the one
country its sentence names, within one event's clauses; the place where a domestic
agent acts ("protesters ... in Tehran"); a resolved possessive pronoun ("its official
media"); or a recent coded agent of the same sector ("the ministry"). "The bloc"
refers back to the last international organisation. :class:`~.resolve.ActorStage`
calls these in its rule order; each sets the mention's ``rule``.
"""

from __future__ import annotations

import bisect

from .mention import WMention, compose, sector_of

STRONG_PLACE_PREPS = {"in", "at", "inside", "within", "throughout", "near", "outside", "around", "across",
                      "into", "via", "through", "on", "over"}
FOREIGN_MODIFIERS = {"western", "foreign", "international", "arab", "african", "european", "asian", "gulf",
                     "regional", "multinational", "allied", "coalition", "un", "u.n."}
OWNER_NOUNS = {"country", "nation", "kingdom", "republic", "state", "island", "territory", "emirate"}
AGENT_PREPS = {"in", "of", "from", "throughout", "across", "inside", "within"}
#: "forces loyal to X", "militias allied with Y": the agent belongs to X's country
ALLEGIANCE = {"loyal", "allied", "ally", "aligned", "align", "affiliated", "affiliate", "linked", "link", "faithful"}
#: sectors of agents that belong to the country where they act (not troops, not diplomats)
DOMESTIC_SECTORS = {"CVL", "COP", "OPP", "LAB", "EDU", "JUD", "LEG", "MED", "BUS", "PTY"}


def _agent_code(c: WMention, sector: str | None) -> str:
    """Code of an agent noun modified by ``c``: a state's root + the sector
    ("Russian diplomat" -> RUSGOV), an IGO's code + sector ("NATO troops" ->
    IGOWSTNATMIL); an armed group stays itself ("Hamas commanders" -> PSEREB)."""
    if c.kind == "group":
        return c.code
    base = c.code if c.root in ("IGO", "NGO", "IMG") else c.root
    return compose(base, sector)


def agent_mentions(sp, ms, agents) -> list[WMention]:
    """Mentions for the agent nouns found in the text (``agents``: matches from
    :func:`~.match.find_agents`), coded by their modifiers or phrases; bare ones
    get ``---`` + sector for the later rules."""
    out = []
    in_title = set()
    for w in ms:
        for a in w.extra.get("title_agents", ()):
            in_title.add(a.tok_start)
    countryish = [w for w in ms if w.kind in ("country", "organisation", "group", "city", "place") and not w.consumed
                  and not w.extra.get("dateline")]
    c_at: dict[int, WMention] = {}
    for c in countryish:
        for i in range(c.tok_start, c.tok_end):
            c_at.setdefault(i, c)
    occupied = set()
    for w in ms:
        occupied.update(range(w.tok_start, w.tok_end))
    named, inside = _proper_names(sp, agents)
    for a in agents:
        if a.tok_start in in_title or any(i in occupied for i in range(a.tok_start, a.tok_end)):
            continue  # "King" in "Tom King" is a name, not an agent
        if id(a) in inside:
            continue  # "People" in "the Ghana People's Renewal Party" is part of the party's name
        h = sp[a.tok_end - 1]
        lo = h.left_edge.i
        if h.dep_ == "compound" and h.head.i > h.i:
            lo = min(lo, h.head.left_edge.i)
        lo = min(lo, named.get(a.tok_start, lo))
        mods = list({id(c): c for c in (c_at.get(i) for i in range(lo, a.tok_start))
                     if c is not None and not c.consumed and c.tok_start >= lo
                     and c.tok_end <= a.tok_start}.values())
        end = a.end
        rule = "agent:nationality"
        if mods and any(sp[c.head].dep_ == "poss" or sp[min(c.tok_end, len(sp) - 1)].tag_ == "POS" for c in mods):
            rule = "agent:possessive"
        owned = any(t.dep_ == "poss" and t.pos_ == "PRON" for t in sp[lo:a.tok_start])
        if not mods and not owned:  # "its ambassador from Niamey" is its own, not Niger's
            rights = list(h.rights)
            for c in list(rights):  # "a newspaper based in Beirut", "the Red Cross operating in Iraq"
                if c.dep_ in ("acl", "relcl"):
                    rights.extend(x for x in c.children if x.dep_ == "prep" and x.lower_ in ("in", "from"))
            for c in rights:
                if c.dep_ == "prep" and c.lower_ in AGENT_PREPS:
                    inner = sorted({id(m): m for m in (c_at.get(i) for i in range(c.i + 1, c.right_edge.i + 1))
                                    if m is not None and not m.consumed and c.i < m.tok_start
                                    and m.tok_end <= c.right_edge.i + 1}.values(), key=lambda m: m.start)
                    if inner:
                        linked = [m for m in inner if m is inner[0] or sp[m.head].dep_ == "conj"]
                        mods = linked if len(linked) > 1 else inner[:1]  # "officials in Beijing and Washington"
                        end = inner[0].end
                        rule = "agent:prep"
                    break
        if not mods:
            loyal, rule = _allegiance(sp, h, ms), "agent:allegiance"
            if loyal is None and a.agent == "MIL":
                loyal, rule = _user(sp, h, ms), "agent:by"
            if loyal is not None:  # "rebels loyal to Riek Machar", "drones launched by Russia"
                w = WMention(a.start, a.end, a.tok_start, a.tok_end, compose(loyal.root, a.agent), "agent",
                             rule, name=loyal.name, kb_id=loyal.kb_id,
                             chain=((loyal.start, loyal.end),), head=h.i)
                w.extra["agent"] = a.agent
                out.append(w)
                continue
        if not mods:
            owner = next((t for t in sp[lo:a.tok_start] if t.dep_ == "poss" and t.lemma_.lower() in OWNER_NOUNS), None)
            if owner is not None:  # "the country's foreign ministry": the country just named
                prev = [m for m in ms if m.kind in ("country", "place") and m.end <= owner.idx
                        and m.root not in ("---", "IGO", "NGO", "IMG") and owner.idx - m.end < 600]
                if prev:
                    sent_start = sp[owner.i].sent.start
                    subjects = [m for m in prev if m.tok_start >= sent_start
                                and sp[m.head].dep_ in ("nsubj", "nsubjpass")]
                    c = subjects[0] if subjects else prev[-1]  # "Sri Lanka ... with Iran, the country's"
                    first = owner.i - 1 if owner.i > 0 and sp[owner.i - 1].lower_ in ("the", "this") else owner.i
                    w = WMention(sp[first].idx, a.end, first, a.tok_end, compose(c.root, a.agent), "agent", "agent:owner-anaphor",
                                 name=c.name, kb_id=c.kb_id, chain=((c.start, c.end),), head=h.i)
                    w.extra["agent"] = a.agent
                    out.append(w)
                    continue
        if mods and len(mods) > 1:
            for c in mods:
                c.consumed = True
                # members keep their own words as span; their head is the agent noun, so
                # "they"/"their" and pair detection see the group
                out.append(WMention(c.start, c.end, c.tok_start, c.tok_end, _agent_code(c, a.agent), "agent",
                                    "agent:compound", name=c.name, kb_id=c.kb_id, head=h.i))
            continue
        if mods:
            c = mods[0]
            c.consumed = True
            start, ts = min(c.start, a.start), min(c.tok_start, a.tok_start)
            w = WMention(start, max(end, a.end), ts, max(a.tok_end, c.tok_end), _agent_code(c, a.agent), "agent",
                         rule, name=c.name, kb_id=c.kb_id, head=h.i)
        else:
            w = WMention(a.start, a.end, a.tok_start, a.tok_end, "---" + a.agent, "agent", "agent:bare",
                         name=None, head=h.i)
        w.extra["agent"] = a.agent
        out.append(w)
    return out


def _proper_names(sp, agents) -> tuple[dict[int, int], set[int]]:
    """Agent nouns that end a capitalised proper name ("the Ghana People's Renewal
    Party"): ``{agent start: name start}``, and the ids of the other agent matches
    inside such a name (``People``), which are words of the name, not actors."""
    named: dict[int, int] = {}
    inside: set[int] = set()
    for a in agents:
        last = sp[a.tok_end - 1]
        if last.pos_ != "PROPN" or not last.text[:1].isupper() or (last.is_upper and len(last.text) > 3):
            continue
        k = a.tok_start - 1
        while k >= 0 and (sp[k].tag_ == "POS" or sp[k].pos_ == "PROPN" and sp[k].text[:1].isupper()):
            k -= 1
        if k + 1 < a.tok_start:
            named[a.tok_start] = k + 1
            inside.update(id(b) for b in agents if b is not a and k + 1 <= b.tok_start and b.tok_end <= a.tok_start)
    return named, inside


#: people who speak or act for someone else: "a spokesman for the Z Party" is the party
REPRESENTATIVES = {"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople",
                   "spokespersons", "aide", "adviser", "advisor", "envoy", "emissary", "negotiator"}
REPRESENT_PREPS = {"for", "of", "to"}


def _represented(sp, h, at: dict[int, WMention]) -> WMention | None:
    """The coded actor a representative noun speaks for: its "for/of/to" object, its
    possessor or the noun before it ("a spokesman for President Ghani", "the Senate
    President's aide", "the Kenyan police spokesman")."""
    for c in h.children:
        if c.dep_ in ("poss", "compound") and c.i in at:  # "Ghani's spokesman", "the police spokesman"
            return at[c.i]
        if c.dep_ == "prep" and c.lower_ in REPRESENT_PREPS:
            for o in c.children:
                if o.dep_ == "pobj" and o.i in at:
                    return at[o.i]
    return None


def title_sector(sp, titles) -> str | None:
    """The sector a person's title words give: the last agent noun's, except that a
    spokesman or an aide speaks for the noun before ("army spokesman" -> MIL)."""
    if not titles:
        return None
    last = titles[-1]
    if len(titles) > 1 and sp[last.tok_end - 1].lower_ in REPRESENTATIVES:
        return titles[-2].agent
    return last.agent


def representatives(sp, ms) -> None:
    """A bare spokesman, aide, adviser or envoy takes the code of whom they speak for:
    "a spokesman for the Ghana Renewal Party" -> the party's code, "a spokeswoman for
    the Philippine foreign ministry" -> PHLGOV, "a spokesman for President Ashraf
    Ghani" -> AFGGOV (``agent:represents``). A country they speak for gives its
    government ("a spokesman for Russia" -> RUSGOV). A body of unknown country still gives
    its sector ("a spokesman for the Democratic Progressive Party" -> ---PTY, not ---GOV)."""
    at: dict[int, WMention] = {}
    for o in ms:
        if o.consumed or o.kind == "place" or o.code.startswith("---") and (o.code == "---" or o.kind != "agent"):
            continue
        at.setdefault(o.head, o)
        at.setdefault(o.tok_end - 1, o)
    if not at:
        return
    for w in ms:
        if w.kind != "agent" or w.rule != "agent:bare" or sp[w.head].lower_ not in REPRESENTATIVES:
            continue
        o = _represented(sp, sp[w.head], at)
        if o is None or o is w:
            continue
        code = compose(o.root, "GOV") if o.kind == "country" and len(o.code) == 3 else o.code
        w.code, w.rule, w.name, w.kb_id = code, "agent:represents", o.name, o.kb_id
        w.chain = ((o.start, o.end),)


#: "drones launched by Russia", "troops sent by Moscow": the force is the user's
USE_VERBS = {"launch", "fire", "send", "deploy", "operate", "fly", "use", "dispatch", "station"}


def _user(sp, h, ms) -> WMention | None:
    """The state or group whose armed force, weapon or drone this is, named by a
    participle's by-phrase ("the 95 drones launched by Russia")."""
    for c in h.rights:
        if c.dep_ != "acl" or c.lemma_.lower() not in USE_VERBS:
            continue
        for ag in c.children:
            if ag.dep_ != "agent":
                continue
            lo, hi = ag.i + 1, ag.right_edge.i + 1
            inner = sorted((m for m in ms if lo <= m.tok_start and m.tok_end <= hi and m.kind != "place"
                            and m.root not in ("---", "IGO", "NGO", "IMG")), key=lambda m: m.start)
            if inner:
                return inner[0]
    return None


def _allegiance(sp, h, ms) -> WMention | None:
    """The coded person an agent is loyal or allied to ("forces loyal to X", "militias
    allied with Y"), if any. Only people: "militias linked to Iran" are a proxy, not
    Iranian, as "backed by Iran" is."""
    for c in h.rights:
        if c.dep_ not in ("amod", "acl", "relcl") or c.lemma_.lower() not in ALLEGIANCE:
            continue
        for prep in c.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("to", "with"):
                continue
            lo, hi = prep.i + 1, prep.right_edge.i + 1
            inner = sorted((m for m in ms if lo <= m.tok_start and m.tok_end <= hi and m.kind == "person"
                            and m.root not in ("---", "IGO", "NGO", "IMG")), key=lambda m: m.start)
            if inner:
                return inner[0]
    return None


#: agent nouns for the other side of a relation: "his counterpart" is not his own country's
OTHER_SIDE = {"counterpart", "counterparts", "interlocutor", "interlocutors"}


def pronoun_possessors(sp, ms) -> None:
    """A bare agent owned by a resolved pronoun takes its country:
    "Pyongyang used its official media" -> PRKMED; not one named for the other side of a
    relation ("Erdogan met his counterpart": see :data:`OTHER_SIDE`)."""
    pron = {}
    for w in ms:
        if w.kind == "pronoun" and w.tok_end - w.tok_start == 1:
            pron.setdefault(w.tok_start, []).append(w)
    for w in ms:
        if w.rule != "agent:bare" or sp[w.head].lower_ in OTHER_SIDE:
            continue
        for c in sp[w.head].children:
            owners = pron.get(c.i) if c.dep_ == "poss" else None
            if owners and len(owners) == 1 and owners[0].root not in ("---",):
                o = owners[0]
                base = o.code if o.root in ("IGO", "NGO", "IMG") else o.root
                w.code = compose(base, w.extra.get("agent"))
                w.rule, w.name, w.kb_id = "agent:possessive-pronoun", o.name, o.kb_id
                w.chain = ((o.start, o.end),)
                break


#: sectors of armed non-state actors: "the militants" may refer back to a named armed group
ARMED_SECTORS = {"REB", "UAF", "RAD"}
#: sectors of "the army", "the government", "the police" ...: one country's own institutions
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB"}
DEFINITE_BACK_SENTS = 3


def definite_agents(sp, ms) -> None:
    """"The official media" after "North Korea's state media": a bare agent with
    "the" takes the code of a recent coded agent of the same sector; "the militants"
    after "Boko Haram" take the armed group's code (``coref:definite``). Failing that,
    "the army", "the government" or "the police" belong to the one country named before
    them in their sentence and the few before it (``coref:definite-country``), if only one."""
    starts = [s.start for s in sp.sents]
    for k, w in enumerate(ms):
        if w.rule != "agent:bare" or not any(c.dep_ == "det" and c.lower_ == "the" for c in sp[w.head].children):
            continue
        sec = sector_of(w.code)
        for o in reversed(ms[:k]):
            if w.start - o.end > 800:
                break
            if o.end > w.start or o.code.startswith("---"):
                continue
            if o.kind == "agent" and sector_of(o.code) == sec or (
                    sec in ARMED_SECTORS and o.kind == "group"):
                w.code, w.rule, w.name, w.kb_id = o.code, "coref:definite", o.name, o.kb_id
                w.chain = ((o.start, o.end),)
                break
        if w.rule != "agent:bare" or sec not in STATE_SECTORS:
            continue
        j = bisect.bisect_right(starts, w.head) - 1
        lo = starts[max(0, j - DEFINITE_BACK_SENTS)]
        roots = {o.root for o in ms[:k] if o.tok_start >= lo and o.kind in ("country", "place", "person", "agent")
                 and o.root not in ("---", "IGO", "NGO", "IMG") and o.end <= w.start}
        if len(roots) == 1:
            (root,) = roots
            w.code, w.rule = compose(root, w.extra.get("agent")), "coref:definite-country"


#: "the bloc said", "the organisation warned": a recent international organisation
ORG_NOUNS = {"bloc", "alliance", "union", "organisation", "organization", "grouping", "body", "coalition"}


def definite_orgs(sp, ms) -> list[WMention]:
    """"The bloc said ..." after "The European Union agreed ...": "the" + an
    organisation noun that no rule has coded refers back to the most recent coded
    international organisation within a few sentences (``coref:definite``).
    Returns the new mentions (the caller adds them)."""
    taken = set()
    for w in ms:
        taken.update(range(w.tok_start, w.tok_end))
    orgs = sorted((w for w in ms if w.kind == "organisation" and w.root in ("IGO", "NGO")), key=lambda w: w.end)
    if not orgs:
        return []
    out = []
    for t in sp:
        if t.lower_ not in ORG_NOUNS or t.i in taken or t.pos_ != "NOUN" or t.i == 0 or sp[t.i - 1].lower_ != "the":
            continue
        if any(c.dep_ in ("amod", "compound", "poss") or c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
            continue  # "the African Union" is a name; "the union of ..." is something else
        start = sp[t.i - 1].idx
        prior = [o for o in orgs if o.end <= start and start - o.end <= 800]
        if prior:
            o = prior[-1]
            out.append(WMention(start, t.idx + len(t.text), t.i - 1, t.i + 1, o.code, "organisation", "coref:definite",
                                name=o.name, kb_id=o.kb_id, chain=((o.start, o.end),), head=t.i))
    return out


#: subordinators that join a separate event ("..., while X seized a tanker")
CLAUSE_MARKS = {"while", "whereas", "as", "after", "before", "since", "because", "although", "though", "when",
                "until", "unless", "if"}


def _other_clause(a, b) -> bool:
    """Are tokens ``a`` and ``b`` in clauses joined only as separate events (a
    coordinated verb, a "while/after/because" clause, parataxis)? A purpose or
    complement clause ("... to demand the resignation of the Algerian president")
    is the same event."""
    def path(t):
        out = [t]
        while t.head.i != t.i and len(out) < 40:
            t = t.head
            out.append(t)
        return out

    pa, pb = path(a), path(b)
    common = {t.i for t in pa} & {t.i for t in pb}
    for p in (pa, pb):
        for t in p:
            if t.i in common:
                break
            if t.pos_ in ("VERB", "AUX") and (t.dep_ in ("conj", "parataxis") or t.dep_ == "advcl" and any(
                    c.dep_ == "mark" and c.lower_ in CLAUSE_MARKS for c in t.children)):
                return True
    return False


def _in_clause_phrase(a, b, subject_dep: str, deps: tuple[str, ...]) -> bool:
    """Is ``a`` the ``subject_dep`` of a clause whose phrases of the kinds ``deps`` hold ``b``?"""
    v = a
    while v.dep_ in ("compound", "amod", "nummod", "det") and v.head.i != v.i:
        v = v.head
    if v.dep_ != subject_dep:
        return False
    verb = v.head
    t = b
    for _ in range(40):
        if t.head.i == t.i:
            return False
        if t.head.i == verb.i:
            return t.dep_ in deps
        t = t.head
    return False


def _patient_of(a, b) -> bool:
    """Is ``a`` the subject of a passive clause in whose other phrases ``b`` stands ("five
    civilians were killed in Russian artillery fire", "... were arrested by Turkish
    police")? The one acted on does not take the actor's country."""
    return _in_clause_phrase(a, b, "nsubjpass", ("prep", "agent", "dobj", "dative", "advmod", "npadvmod"))


#: sectors of bare agents that act on others abroad as often as at home ("officials accused
#: Russia", "diplomats met Chinese officials"): they take no country from their verb's object
OUTWARD_SECTORS = {"GOV", "MIL", "SPY", "ELI"}


def _object_of(a, b) -> bool:
    """Is ``a`` the subject of a clause in whose object phrases ``b`` stands ("officials
    accused Russia", "the leaders condemned the threats made by the United States")?"""
    return _in_clause_phrase(a, b, "nsubj", ("dobj", "dative", "prep", "attr", "oprd"))


def sentence_country(sp, ms) -> None:
    """Bare agents ("Islamic fundamentalists", "refugees") take the country when
    their sentence names exactly one; "ethnic X" takes the country they live in."""
    starts = [sent.start for sent in sp.sents]
    by_sent: dict[int, list[WMention]] = {}

    def sent_index(i: int) -> int:
        return bisect.bisect_right(starts, i) - 1

    for o in ms:
        by_sent.setdefault(sent_index(o.tok_start), []).append(o)
    by_head = {o.head: o for o in ms if o.kind == "agent"}
    for w in ms:
        # (a spokesman for a body of unknown country is as bare: "an army spokesman" -> ---MIL)
        represents = w.rule == "agent:represents" and w.code.startswith("---")
        bare = w.kind == "agent" and (w.rule == "agent:bare" or represents) and not any(
            c.lower_ in FOREIGN_MODIFIERS for c in sp[w.head].children)  # "western diplomats said"
        if bare and sp[w.head].dep_ == "conj" and (first := by_head.get(sp[w.head].head.i)) is not None \
                and first.rule in ("agent:nationality", "agent:possessive") \
                and first.root not in ("---", "IGO", "NGO", "IMG"):
            # "the Chinese foreign minister and defence minister": the nationality applies to
            # each coordinated noun
            w.code, w.rule = compose(first.root, w.extra.get("agent")), "agent:coordinated"
            continue
        ethnic = w.kind == "country" and w.extra.get("entry_kind") == "people" and any(
            c.lower_ == "ethnic" for c in sp[w.head].children)
        if not (bare or ethnic):
            continue
        roots = []
        for o in by_sent.get(sent_index(w.head), ()):
            if o is w or o.kind not in ("country", "person", "agent"):
                continue
            if o.root in ("---", "IGO", "NGO", "IMG") or (ethnic and o.root == w.root):
                continue
            if bare and _other_clause(sp[w.head], sp[o.head]):
                continue  # "The PLA held drills around Taiwan, while the IRGC seized a tanker"
            if bare and _patient_of(sp[w.head], sp[o.head]):
                continue  # "civilians were killed in Russian artillery fire"
            if bare and w.extra.get("agent") in OUTWARD_SECTORS and _object_of(sp[w.head], sp[o.head]):
                continue  # "officials accused Russia": whom they act on is not who they are
            if o.root not in roots:
                roots.append(o.root)
        if bare and len(roots) == 1:
            sector = sector_of(w.code) if represents else w.extra.get("agent")
            w.code, w.rule = compose(roots[0], sector), "agent:sentence-country"
        elif ethnic and roots:
            w.code, w.rule = roots[0], "ethnic:residence"


def location_country(sp, ms) -> None:
    """A bare domestic agent ("protesters", "police", "the opposition") that acts
    somewhere takes that place's country: "protesters gathered outside the British
    embassy in Tehran" -> IRNCVL (``agent:location``). Troops and diplomats abroad are
    not domestic, so only the sectors in :data:`DOMESTIC_SECTORS` take it."""
    places = {}
    for o in ms:
        if o.kind == "place" and not o.consumed and o.root not in ("---", "IGO", "NGO", "IMG"):
            for i in range(o.tok_start, o.tok_end):
                places[i] = o
    if not places:
        return
    for w in ms:
        if w.kind != "agent" or w.rule != "agent:bare" or w.extra.get("agent") not in DOMESTIC_SECTORS:
            continue
        h = sp[w.head]
        if h.dep_ not in ("nsubj", "nsubjpass"):
            continue
        verb, found = h.head, None
        todo = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in STRONG_PLACE_PREPS]
        while todo and found is None:
            prep = todo.pop(0)
            for t in prep.subtree:
                if t.dep_ in ("relcl", "acl", "ccomp", "advcl"):
                    break  # not through another clause
                if t.i in places:
                    found = places[t.i]
                    break
        if found is not None:
            w.code, w.rule = compose(found.root, w.extra.get("agent")), "agent:location"
            w.chain = ((found.start, found.end),)
