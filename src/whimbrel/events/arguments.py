"""Arguments of a clause: who did it (source) and to whom (target).

Active subject -> source; direct object, then dative, then the pattern's preposition,
then to/with/against/on/at/into/... -> target. Passive: the ``by`` agent is the
source, the subject the target. An actor's own agents as object ("recalled its
ambassador from Niamey") leave the target to the other party; force used somewhere
with nobody named on the receiving end hits the place's country. Reported speech
gives ``reported_by``. Mixed into the sentence coder (``coder._SentenceCoder``),
whose state (``lex``, ``idx``, ``span``, ``according``) it uses.
"""

from __future__ import annotations

from dataclasses import replace

from ..clauses import SUBJECTS
from ..model import Actor
from .lexicon import Pattern
from .nominal import FORCE_ROOTS, PLACE_TARGET_ROOTS, _place_actor, _words
from .roles import (
    CLAUSAL,
    NP_CORE,
    OBJ_PREPS,
    RESULTATIVES,
    _collect,
    bare_name_object,
    child,
    inner_preps,
    is_misparsed_verb,
    np_mentions,
    partitive_head,
    passive_parts,
    pobj_of,
    same_actor,
    subject_token,
    up_to_quantity,
)

PLACE_PREPS = ("in", "on", "at", "into", "across", "over", "inside")
#: acts whose object may be what the actor sends or shows, not whom it acts on ...
INSTRUMENT_ROOTS = ("03", "07", "15")
#: ... when it is forces or teams
SENT_CLASSES = ("&TROOPS", "&PEACEKEEPERS", "&RELIEF_TEAMS", "&MILITARY_ASSETS")
#: where a show of force (15) is made toward: "sent warships to waters near Taiwan", "massed
#: troops near the border with Ukraine", "raised its alert along the Line of Control with India",
#: "staged military drills around Taiwan"
TOWARD_PREPS = ("to", "near", "along", "toward", "towards", "off", "facing", "around")
#: verbal reactions whose object's owner is the one reacted to ("criticised Israel's offensive")
OWNER_TARGET_ROOTS = ("01", "02", "05", "09", "10", "11", "12", "13")
#: nouns of a prepositional phrase that says where or when, never to whom
MEDIATION = ("045", "043")  # mediate; host or attend talks between parties
#: the classes that name weapons (the with-phrase of an act of force may name the weapon used)
WEAPON_CLASSES = ("&WEAPONS", "&WARPLANES", "&MISSILES", "&SHELLS")
#: kinds of actor a from-phrase names as a party rather than a place ("from Tuareg separatists"),
#: for acts that take something from someone or ask it of them (FROM_PARTY_ROOTS); a release
#: "from prison" or a return "from exile" says where from
FROM_PARTIES = ("organisation", "person", "agent", "group")
FROM_PARTY_ROOTS = ("02", "10", "17", "18", "19", "20")
#: roots of hostile acts, whose against-phrase names the other party before any with-phrase
HOSTILE_ROOTS = ("11", "12", "13", "16", "17", "18", "19", "20")
#: roots of acts cut from a place's people ("suspended food deliveries in Tillaberi region", "halted
#: flights in Yemen"): with no actor named, the place's country is the target
RECEIVING_PLACE_ROOTS = ("16",)
LOCATIVE_NOUNS = {"sidelines", "sideline", "margins", "margin", "eve", "occasion", "side", "venue", "heels"}


#: sectors of actors who act against their own country's state, not for it
NONSTATE = {"REB", "OPP", "INS", "UAF", "SEP"}


def reciprocal(v) -> bool:
    """Is the verb's object, or the object of its with/against/at/to/on phrase, "each other"
    or "one another"?"""
    objs = [c for c in v.children if c.dep_ == "dobj"]
    objs += [pobj_of(c) for c in v.children if c.dep_ == "prep" and c.lower_ in ("with", "against", "at", "to", "on")]
    for o in objs:
        if o is None:
            continue
        words = {o.lower_} | {c.lower_ for c in o.children if c.dep_ == "det"}
        if words in ({"each", "other"}, {"one", "another"}):
            return True
    return False


def own_side(a: Actor, src: list[Actor]) -> bool:
    """Is ``a`` the source itself or the source's own country ("Erdogan reiterated Turkey's
    support", "reaffirmed Washington's commitment")? Another person or body of the same
    government is not ("the White House defended Trump's decision", "the president refused
    a request from the justice minister")."""
    if a.kind == "pronoun":
        return True
    for s in src:
        if same_actor(a, s):
            return True
        if a.kind in ("country", "place") and a.code[:3] == s.code[:3] and (s.sector or s.code[3:6]) not in NONSTATE:
            return True  # ... but a rebel's or an opposition's country is the other side
        if a.kind in ("agent", "organisation") and s.kind == "person" and a.code[:3] == s.code[:3] \
                and (a.sector or a.code[3:6]) == "GOV":
            return True  # "the minister reiterated the Ethiopian government's support"
        if a.kind == "organisation" and s.kind == "person" and a.code == s.code and not a.code.startswith("---"):
            return True  # "Stoltenberg reaffirmed NATO's commitment": the body the person heads or speaks for
    return False


class Arguments:
    def args(self, v, pattern: Pattern | None, code: str):
        place_ok = (pattern is not None and (pattern.place or pattern.code[:2] == "07")) or code.startswith(("042", "043", "07")) \
            or self.lex.place_verb(v.lemma_.lower())  # aid delivered "to Kyiv" goes to Ukraine
        patient, agent = passive_parts(v)
        if patient is not None and (child(v, "nsubjpass") is not None or v.dep_ in ("acl", "conj")):
            src = np_mentions(agent, self.idx) if agent is not None else []
            # the thing the pattern's object names is what was given or sent, not the one it
            # reached ("rescue teams were dispatched to Derna by the UAE")
            thing = code[:2] == "07" and pattern is not None and bool(pattern.object) and any(
                pattern.object[-1] in (t.lemma_.lower(), t.lower_) for t in (patient, *(c for c in patient.children if c.dep_ == "conj")))
            tgt = [] if thing else np_mentions(patient, self.idx, allow_places=place_ok)
            if patient.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                tgt = np_mentions(v.head, self.idx, allow_places=place_ok)
            if not tgt and patient.pos_ in ("NOUN", "PROPN"):
                # a thing passed on or a meeting held: its recipient or partner ("a manuscript was
                # handed back by German officials to Polish authorities", "talks were held with Iran")
                for c in v.children:
                    # ... or the one it was laid on ("sanctions were imposed on Iran by the US")
                    if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "with", "against", "on", "upon") \
                            and pobj_of(c) is not None:
                        tgt = np_mentions(pobj_of(c), self.idx, allow_places=place_ok)
                        if tgt:
                            break
        else:
            st = subject_token(v)
            src = np_mentions(st, self.idx)
            if st is not None and st.head.i == v.i:
                # a parser that hangs two coordinated subjects on the verb separately
                for c in v.children:
                    if c.dep_ == "nsubj" and c.i != st.i:
                        src = src + [a for a in np_mentions(c, self.idx) if a not in src]
            tgt = []
            weak: list[Actor] = []
            own_obj = False
            if len({a.code for a in src}) >= 2 and reciprocal(v):
                # "India and Pakistan accused each other": each source is the others' target
                return src, list(src)
            counted = up_to_quantity(v) if child(v, "dobj") is None else None  # "kidnapped up to 16 advisers"
            if counted is None and child(v, "dobj") is None:
                # "let free 74 political leaders": the object hangs on the resultative
                res = next((c for c in v.children if c.dep_ in ("ccomp", "xcomp") and c.lower_ in RESULTATIVES), None)
                counted = child(res, "dobj") if res is not None else bare_name_object(v)  # "visited [Washington]."
            for c in (*v.children, *((counted,) if counted is not None else ())):
                if c.dep_ in ("dobj", "dative", "iobj", "attr", "oprd") or c is counted:
                    o = partitive_head(c if c.dep_ != "dative" or pobj_of(c) is None else pobj_of(c))
                    found = np_mentions(o, self.idx, allow_places=place_ok)
                    if not found and c.dep_ == "dobj":
                        found = self.imposed_on(o)  # "lift the trade sanctions imposed on Cuba and Venezuela"
                    if c.dep_ == "dobj" and all(a.kind == "pronoun" and a.code.startswith("---") for a in found):
                        found = self.shared_object(v, c) or found  # "arrested a journalist and charged him
                    if c.dep_ == "dobj" and code[:2] in OWNER_TARGET_ROOTS + ("08",) and not self.idx.at(o):
                        # a concession (08) goes to the author of what it grants ("approved a request
                        # from the health ministry"), never to a thing's possessor ("lifted the EU's sanctions")
                        owner = self.owner_of(o, src, defended=code.startswith("052"), authors_only=code[:2] == "08")
                        if owner:
                            tgt = owner  # "praised Trump's remarks on Ukraine": Trump, not Ukraine
                            break
                    if found and not self.idx.at(o) and c.dep_ == "dobj":
                        # only a modifier names an actor ("a US$50m arms deal"); never the
                        # possessive pronoun of the actor's own thing ("their relations")
                        weak = weak or [a for a in found if a.kind != "pronoun"]  # only a modifier names an actor ("a US$50m arms deal")
                        if not weak and all(a.kind == "pronoun" for a in found):
                            # "voiced his strong support of President X": past the owner's pronoun, the
                            # thing's of/for phrase
                            weak = [a for g in o.children if g.dep_ == "prep" and g.lower_ in ("of", "for") and pobj_of(g) is not None
                                    for a in np_mentions(pobj_of(g), self.idx) if a.kind != "pronoun"]
                        continue
                    if found and c.dep_ == "dobj" and src and (
                            any(t.dep_ == "poss" and t.pos_ == "PRON" for t in o.children)
                            or (code[:2] in INSTRUMENT_ROOTS and all(a.rule == "agent:sentence-country" for a in found)
                                and any(self.in_class(o, k) for k in SENT_CLASSES))) \
                            and {a.code[:3] for a in found} <= {a.code[:3] for a in src}:
                        # "recalled its ambassador from Niamey", "withdrew its troops from Mali":
                        # the actor's own agents are the instrument; the other party is the target
                        # (so are forces whose country is only the sentence's, sent or shown: "Japan
                        # sent troops to the UN force")
                        weak, own_obj = found, True
                        continue
                    if found and c.dep_ == "dobj" and code[:2] == "04" and not code.startswith(("042", "043")) \
                            and all(a.kind in ("country", "place") for a in found):
                        # "discussed Libya with Trump": a country discussed is the topic; the partner is the target
                        partner = [a for g in v.children if g.dep_ == "prep" and g.lower_ == "with" and pobj_of(g) is not None
                                   for a in np_mentions(pobj_of(g), self.idx)]
                        found = partner or found
                    tgt = found
                    if tgt:
                        break
            unknown = tgt if tgt and all(a.code.startswith("---") for a in tgt) else []
            if unknown and all(a.kind == "person" for a in unknown) and code[:2] in ("17", "18"):
                # "detained Mahsa Amini in Tehran": a named person of no known country, coerced or
                # assaulted where a place phrase says, stays the target, of that place's country
                here = self.place_target(v)
                if here:
                    tgt = [replace(a, code=here[0].code, country=here[0].code[:3], rule=a.rule + "+place") for a in unknown]
                    unknown = []
            if unknown:
                tgt = []  # "fired cruise missiles at a Syrian air base": look on for a known actor
            if not tgt and not weak:
                tgt = self.causee(v, src)  # "allowed the Red Cross to deliver food": the Red Cross
            if not tgt:
                # a fronted setting ("On a trip to Kenya, X voiced his support of Y") yields
                # to an actor named inside the object
                preps = [(w, o) for c in v.children if c.dep_ in ("prep", "dative") and not (weak and c.i < v.i)
                         for w, o in ((c.lower_, pobj_of(c)), *inner_preps(c))]  # "out of": from
                dobj = child(v, "dobj")
                if dobj is not None:
                    preps += [(c.lower_, pobj_of(c)) for c in dobj.children if c.dep_ == "prep"]
                # "came for talks with Trump": the partner of an event noun in a phrase
                for _, o in list(preps):
                    if o is not None and self.lex.noun(_words(o)[0]) is not None:
                        preps += [(c.lower_, pobj_of(c)) for c in o.children if c.dep_ == "prep" and c.lower_ in ("with", "to", "on", "against", "for")]
                first = [pattern.prep] if pattern is not None and pattern.prep else []
                if first == ["for"] and code[:2] in ("02", "10"):
                    # "appealed to Western allies for shells": what is asked for, not whom (last)
                    first = []
                order = first + list(OBJ_PREPS)
                if code[:2] in HOSTILE_ROOTS:
                    # "filed a complaint with the UN against Syria", "raids against militants, with
                    # the backing of Baghdad": a hostile act's against-party outranks a with-phrase
                    order = order[:1] + ["against"] + [w for w in order[1:] if w != "against"]
                for want in order:
                    for w, o in preps:
                        if o is not None and o.dep_ == "pcomp" and o.tag_ == "VBG" and not self.idx.at(o):
                            # "against visiting Prime Minister X": the participle's object is the party
                            o = child(o, "dobj") or o
                        if w == want and o is not None:
                            if o.lower_ in LOCATIVE_NOUNS:
                                continue  # "met on the sidelines of the ASEAN summit": where, not whom
                            if w == "with" and code[:2] in FORCE_ROOTS and dobj is not None \
                                    and any(self.in_class(o, c) for c in WEAPON_CLASSES):
                                # "attacked a Russian airbase with drones": the weapon, not whom
                                # ("clashed with Hezbollah fighters", with no object, is the other side)
                                continue
                            tgt = np_mentions(o, self.idx, allow_places=place_ok or own_obj)
                            withdrawn = w == "from" and code.startswith("166")  # "withdrew monitors from Burundi"
                            if w in ("in", "from") and not (place_ok or own_obj or withdrawn or (pattern is not None and pattern.prep == w)):
                                # "in"/"from" name a place, except an organisation ("froze its
                                # participation in the CSTO", "withdrew from the WHO"); "from" also
                                # people and armed groups, who lose what is taken ("recaptured Kidal
                                # from Tuareg separatists")
                                parties = FROM_PARTIES if w == "from" and code[:2] in FROM_PARTY_ROOTS else ("organisation",)
                                tgt = [a for a in tgt if a.kind in parties]
                            if (unknown or weak) and tgt:
                                # over an unknown or modifier-named object ("a Chinese executive"),
                                # only the phrase's own words count ("at a Syrian air base",
                                # not "at the request of the US")
                                core: list[Actor] = []
                                _collect(o, self.idx, NP_CORE | {"conj"}, core)
                                tgt = [a for a in tgt if a in core]
                            if tgt:
                                break
                    if tgt:
                        break
            if not tgt and not weak and (code[:2] == "07" or code.startswith("084")):
                tgt = self.stray_recipient(v)  # "returned 40 artifacts that belong to the Benin kingdom to Nigeria"
            if not tgt and not weak:
                tgt = self.phrase_target(v, src)  # "filed a lawsuit in a Paris court against X"
            if not tgt and code.startswith(MEDIATION):
                tgt = self.phrase_target(v, src, "between", purpose=True)  # the parties mediated between
            if not tgt and weak and src and all(own_side(a, src) for a in weak):
                # "reaffirmed Washington's commitment": the actor's own thing is no target; whose
                # it is may still be said after it ("froze the UK assets of Myanmar generals")
                d = child(v, "dobj")
                weak = [a for g in (d.children if d is not None else ()) if g.dep_ == "prep" and g.lower_ == "of"
                        and pobj_of(g) is not None for a in np_mentions(pobj_of(g), self.idx)
                        if a.kind != "pronoun" and not own_side(a, src)]
            tgt = tgt or weak
            dobj_ev = child(v, "dobj")
            if not tgt and (code[:2] in PLACE_TARGET_ROOTS or code.startswith("087")
                            or (code[:2] == "11" and dobj_ev is not None)):
                # ... and condemning an act done somewhere ("condemned the coup in Myanmar")
                # "warplanes struck targets in Gaza", "attacked hotels in Mumbai": force used
                # somewhere hits that place's country when no actor is named
                tgt = self.place_target(v, from_ok=code.startswith("08"), toward=code.startswith("15"))
            if not tgt and code[:2] == "14":
                tgt = self.place_target(v)
            if not tgt and code[:2] in RECEIVING_PLACE_ROOTS:
                # another country's place is the one given, cut off or eased; the source's own is
                # only where it acted ("set up field hospitals in Louisiana")
                tgt = [a for a in self.place_target(v) if not any(a.code[:3] == s.code[:3] for s in src)]
            if not tgt and not unknown and not own_obj and code[:2] not in PLACE_TARGET_ROOTS + ("04", "14") + RECEIVING_PLACE_ROOTS:
                # any other act with nobody on the receiving end is done to the one place its
                # clause, or the clause it governs, names ("agreed to extend their mission in
                # Kosovo", "sent experts to Saudi Arabia", "a suspension of flights with 21
                # countries in Europe"): the place's country, as PLV and PETRARCH code it; a
                # meeting's city is only its venue ("held talks in Geneva")
                w = v
                while not tgt and w is not None:
                    tgt = self.place_target(w, from_ok=code.startswith("08"), toward=True, phrases_only=True)
                    w = child(w, "xcomp")
            tgt = tgt or unknown
            if code[:2] in ("07", "03") and tgt and all(a.code.startswith("IGO") and a.code.endswith(("MIL", "COP"))
                                                        for a in tgt):
                # "sent troops to the UN peacekeeping force in South Sudan": a force abroad only
                # carries the help; the country it serves receives it
                tgt = self.place_target(v, toward=True) or tgt
            if not tgt and code[:2] in HOSTILE_ROOTS and v.dep_ == "conj" and v.head.pos_ == "VERB" \
                    and child(v, "nsubj") is None and (hm := self.code_verb(v.head)) is not None \
                    and hm.code[:2] in HOSTILE_ROOTS:
                # "expelled India's high commissioner and suspended bilateral trade": a hostile act
                # conjoined to another hostile act, with no one named, hits the first act's target
                tgt = [a for a in self.args(v.head, None, code)[1] if a.kind != "pronoun" and not own_side(a, src)]
            if own_obj and tgt is weak:
                tgt = []  # "put its troops on alert": its own troops are not a target
            if code.startswith("15") and src and all(
                    a.code.startswith("---") or a.code[:3] in {s.code[:3] for s in src} for a in tgt):
                tgt = []  # "massed troops near the border": forces shown are the actor's own
        if pattern is not None and pattern.swap:
            src, tgt = tgt, src
        if src and tgt:
            # "Canada and Mexico retaliated with tariffs of their own": a pronoun that stands for
            # the sources themselves is their own, never their target
            tgt = [a for a in tgt if not (a.kind == "pronoun" and any(same_actor(a, s) or a.code == s.code for s in src))]
        if code.startswith("15") and not src:
            src, tgt = tgt, []  # "the army was placed on alert": the force shown is the actor
        src = [m for m in src if m.kind != "place"]
        tgt = [_place_actor(m) if m.kind == "place" else m for m in tgt]
        if code[:2] == "14":
            # "thousands marched in Tbilisi": a protest held in a country is addressed to its government
            tgt = [replace(a, code=a.code + "GOV", sector="GOV", rule=a.rule + "+protest")
                   if a.rule.endswith("+place") and len(a.code) == 3 and a.code.isalpha() else a for a in tgt]
        return src, tgt

    def owner_of(self, o, src: list[Actor], *, defended: bool = False, authors_only: bool = False) -> list[Actor]:
        """Whose thing a reaction's object is: its possessor ("Trump's remarks"), the
        author of a call, request or offer ("a call from Bush", "offers by the Kabul
        government", "the threats made by the United States"), or a nationality or name
        modifying it ("a US resolution", "the Israeli offensive"), read on the object and on
        each thing coordinated with it; never the source's own side."""
        # an appeal, a request or a proposal "of" someone is theirs ("rejected the appeal of an
        # Australian citizen"); of other things "of" names what they were done to ("the killing of X")
        authored = any(self.in_class(o, c) for c in ("&PETITIONS", "&REQUESTS", "&PROPOSALS"))
        ways = (({"poss"}, ()), (set(), ("from", "by") + (("of",) if authored else ())), ({"compound", "amod", "nmod"}, ()))
        # ... and of each thing coordinated with it ("condemned the act of aggression and the
        # threats made by the United States")
        heads = (o, *(c for c in o.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")))
        for deps, preps in (ways[1:2] if authors_only else ways):
            found: list[Actor] = []
            for g in (g for h in heads for g in h.children):
                if g.dep_ in deps:
                    found += self.idx.at(g)
                elif g.dep_ == "prep" and g.lower_ in preps and pobj_of(g) is not None:
                    found += np_mentions(pobj_of(g), self.idx)
                elif "by" in preps and not authors_only and g.dep_ == "acl" and g.tag_ == "VBN":
                    # "the threats made by the United States", "attacks carried out by Ukrainian forces";
                    # not a concession's: who imposed a measure eased is not its author ("eased the
                    # restrictions imposed by Israel")
                    for a in g.children:
                        if a.dep_ == "agent" and pobj_of(a) is not None:
                            found += np_mentions(pobj_of(a), self.idx)
            found = [a for a in found if a.kind not in ("pronoun", "place")]
            # the source's own country is no target of its own commitment or support, but is
            # of a decision it took ("Merkel defended Germany's decision")
            # ... and so is whatever it defends ("the Kenyan president defended Kenya's security policy")
            # ... and the author of a request granted is another party, of the same government too
            decision = defended or authors_only or (o.lemma_.lower(),) in self.lex.classes.get("&DECISIONS", ())
            found = [a for a in found if not own_side(a, src) or (decision and not any(same_actor(a, s) for s in src))]
            if found:
                return found
        return []

    def imposed_on(self, o) -> list[Actor]:
        """Whom a measure named as the object was laid on, by a participle after it ("lifted the
        sanctions imposed on India", "eased the restrictions placed upon Gaza's fishermen",
        "dropped the charges brought against him"); never its by-agent, who imposed it."""
        for c in o.children:
            if c.dep_ == "acl" and c.tag_ == "VBN":
                for g in c.children:
                    if g.dep_ == "prep" and g.lower_ in ("on", "upon", "against") and pobj_of(g) is not None:
                        found = [a for a in np_mentions(pobj_of(g), self.idx) if a.kind != "place"]
                        if found:
                            return found
        return []

    def stray_recipient(self, v) -> list[Actor]:
        """The recipient of a giving or return whose to-phrase the parser hung on a relative
        clause of the object ("returned 40 artifacts that belong to the Benin kingdom to Nigeria"), unless
        the clause's own verb takes a to-phrase ("returned paintings that were taken to Germany")."""
        d = child(v, "dobj")
        if d is None:
            return []
        for rc in d.children:
            if rc.dep_ != "relcl":
                continue
            own = self.lex.index.get(rc.lemma_.lower()) or {}
            if any(p.prep == "to" for lst in own.values() for p in lst):
                continue
            tos = [c for c in rc.children if c.dep_ == "prep" and c.lower_ == "to" and pobj_of(c) is not None]
            for c in reversed(tos):
                found = [a for a in np_mentions(pobj_of(c), self.idx) if a.kind != "place"]
                if found:
                    return found
        return []

    def shared_object(self, v, pron) -> list[Actor]:
        """The antecedent of an unresolved object pronoun of the second of two coordinated
        verbs: the first verb's object ("convicted a blogger ... and sentenced him", "detained
        two activists and questioned them"); [] for any other object."""
        if pron.lower_ not in ("him", "her", "them") or v.dep_ != "conj" or v.head.i >= v.i:
            return []
        first = child(v.head, "dobj")
        if first is None:
            return []
        found = [a for a in np_mentions(partitive_head(first), self.idx) if a.kind != "pronoun"]
        if pron.lower_ != "them" and len({a.code for a in found}) > 1:
            found = found[:1]  # one person: the head noun's own mention comes first
        return found

    def causee(self, v, src: list[Actor]) -> list[Actor]:
        """The one a verb lets, makes or helps act, which the parser gives as the subject of an
        infinitive complement ("allowed the Red Cross to deliver food", "let inspectors enter the
        site", "allow access of UN aid workers to ...") or of a for-to clause ("gave approval
        for the UN to deliver aid"); never a that-clause's subject
        ("agreed that Sudan should lead") nor the source's own side ("said it would ...")."""
        cands = list(v.children)
        d = child(v, "dobj")
        if d is not None:
            cands += list(d.children)  # "gave approval for the UN to deliver aid"
        for c in cands:
            marks = [g.lower_ for g in c.children if g.dep_ == "mark"]
            if c.i < v.i or not ((c.dep_ == "ccomp" and not marks) or (c.dep_ in ("ccomp", "advcl", "acl") and marks == ["for"])):
                continue
            if not (any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) or c.tag_ == "VB"):
                continue
            s = child(c, "nsubj")
            if s is None or not v.i < s.i < c.i:
                continue
            who = [a for a in np_mentions(partitive_head(s), self.idx) if a.kind != "place" and not own_side(a, src)]
            if who:
                return who
        return []

    def phrase_target(self, v, src: list[Actor], prep: str = "against", *, purpose: bool = False) -> list[Actor]:
        """A ``prep`` phrase anywhere in the clause's object and adjunct phrases (not in its
        subject or embedded clauses): "mobilised troops for a war against Iraq"; with
        ``purpose``, also inside a to-clause of purpose ("launched a mediation effort to
        resolve the rift between Qatar and the Gulf states")."""
        def enter(c) -> bool:
            if c.dep_ in SUBJECTS or c.dep_ in ("conj", "appos"):
                return False
            if c.dep_ in CLAUSAL:
                return purpose and c.dep_ in ("acl", "advcl", "xcomp") and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            return True

        stack = [c for c in v.children if enter(c)]
        for _ in range(5):
            nxt = []
            for n in stack:
                if n.dep_ == "prep" and n.lower_ == prep:
                    who = [a for a in np_mentions(pobj_of(n), self.idx) if not own_side(a, src)]
                    if who:
                        return who
                nxt += [c for c in n.children if enter(c)]
            stack = nxt
        return []

    def place_target(self, v, *, from_ok: bool = False, toward: bool = False, phrases_only: bool = False) -> list[Actor]:
        """The place named in ``v``'s own clause (its object phrase or its in/on/at/into
        phrases, one level down), as the country hit; [] when none or several countries.
        ``from_ok``: a withdrawal's from-place ("withdrawal from Afghanistan"); ``toward``: a
        show of force's destination ("to waters near Taiwan", "near the border with Eritrea");
        ``phrases_only``: a place named in a phrase, not the object itself ("reiterated Kenya's
        support" names no place the act was done to)."""
        preps = PLACE_PREPS + (("from",) if from_ok else ()) + (TOWARD_PREPS if toward else ())
        nested = PLACE_PREPS + ("of", "around", "near") + (("with",) + TOWARD_PREPS if toward else ())
        kinds = ("place", "country") if from_ok or toward else ("place",)  # "withdrawal from Afghanistan"
        cands = []
        for c in v.children:
            if c.dep_ == "dobj":
                if not phrases_only:
                    cands.append(c)
                for g in c.children:
                    # (the object's own with-phrase still counts: a party named there makes two)
                    if g.dep_ == "prep" and (g.lower_ in preps or phrases_only and g.lower_ in nested) and pobj_of(g) is not None:
                        cands.append(pobj_of(g))
            elif c.dep_ in ("prep", "dative"):
                # a dative: "deployed warships [to] waters near Sudan"; "pulled out of Kherson": from
                cands += [o for w, o in ((c.lower_, pobj_of(c)), *inner_preps(c)) if w in preps and o is not None]
        places: list[Actor] = []
        for o in cands:
            stack = [o]
            for _ in range(4):  # "waters around Taiwan", "hotels, a station and a centre in Mumbai"
                nxt = []
                for n in stack:
                    places += [m for m in self.idx.at(n) if m.kind in kinds and m.country]
                    for g in n.children:
                        if g.dep_ in ("compound", "amod", "nmod", "poss", "conj", "appos"):
                            nxt.append(g)
                        elif g.dep_ == "prep" and g.lower_ in nested and pobj_of(g) is not None:
                            nxt.append(pobj_of(g))
                stack = nxt
        countries = {m.country for m in places}
        if len(countries) != 1:
            return []
        return [_place_actor(places[0])]

    def reporter(self, v):
        """(reporting verb, its subject's mentions) if ``v`` is in reported speech."""
        t = v
        if is_misparsed_verb(v) and v.head.dep_ == "dobj" and "report" in self.lex.roles.get(v.head.head.lemma_.lower(), ()):
            h = v.head.head
            return h, np_mentions(subject_token(h), self.idx)
        for _ in range(6):
            for c in t.children:
                if c.dep_ == "parataxis" and "report" in self.lex.roles.get(c.lemma_.lower(), ()):
                    return c, np_mentions(subject_token(c), self.idx)
            if t.dep_ in ("ccomp", "parataxis") and "report" in self.lex.roles.get(t.head.lemma_.lower(), ()):
                h = t.head
                return h, np_mentions(subject_token(h), self.idx)
            if t.dep_ in ("conj", "xcomp", "advcl", "ccomp") and t.head.i != t.i:
                t = t.head
                continue
            break
        if self.according is None:
            self.according = (None, [])
            for tok in self.span:
                if tok.lower_ == "according" and tok.dep_ == "prep":
                    to = child(tok, "prep")
                    o = pobj_of(to) if to is not None else pobj_of(tok)
                    if o is not None:
                        self.according = (tok, np_mentions(o, self.idx))
                        break
        return self.according
