"""Nominal events: event nouns that name their own actors.

"US sanctions on Russia", "talks between X and Y", "condemnation from South
Korea", "Russia faced crippling sanctions" (the subject of a receiving verb is
the target), and the content clause of a demand noun ("its demand that Israel
ease ..."). Mixed into the sentence coder (``coder._SentenceCoder``), whose
state (``lex``, ``span``, ``idx``, ``consumed``, ``commentary``, ``emit``,
``is_main``) it uses.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Actor, Modality
from .confidence import NOMINAL_PRIOR
from .modality import noun_future
from .roles import NP_CORE, _collect, child, np_mentions, obj_token, pobj_of, subject_token

NOMINAL_TARGET_PREPS = ("on", "against", "with", "to", "into", "at", "upon", "onto", "toward", "towards")
#: prepositions inside an event noun's object phrase that name whom the act concerns
INNER_TARGET_PREPS = (*NOMINAL_TARGET_PREPS, "from")
#: acts of force (assault, fight, mass violence): the attack or weapon can name who used it
FORCE_ROOTS = ("18", "19", "20")
# roots whose act, with no actor on the receiving end, takes the place it happens in as target
PLACE_TARGET_ROOTS = ("17", "18", "19", "20", "15")


#: verbs that put their subject under what follows ("came under attack", "remained under fire")
UNDER_VERBS = frozenset({"come", "be", "remain", "fall"})
#: prepositions of time: their noun is the occasion of an act, not part of it ("during a visit
#: to Beijing, Macron urged ...")
TIME_PREPS = frozenset({"after", "during", "following", "before", "amid", "ahead"})
#: prepositions of an occasion a clause's subject took part in ("after talks with Erdogan, Putin
#: said", "on a visit to Beijing, Macron urged"); not where or against what ("outside", "against")
OCCASION_PREPS = TIME_PREPS | {"at", "on", "in", "of"}


def under_attack(n, code: str):
    """The verb of "came / was / remained under <n>" when ``n`` is an armed attack (roots
    18-20: "came under mortar fire", "came under attack from Taliban fighters"): its subject
    is the one attacked. None otherwise."""
    if code[:2] not in FORCE_ROOTS or n.dep_ != "pobj" or n.head.lower_ != "under":
        return None
    v = n.head.head
    return v if v.lemma_.lower() in UNDER_VERBS else None


def _place_actor(m: Actor) -> Actor:
    return replace(m, code=m.country or "---", sector=None, rule=(m.rule + "+place").lstrip("+"))


def _words(tok) -> tuple[list[str], list[str]]:
    """(lemmas, lower texts) of a noun with its compound and adjective modifiers, head last
    (an entry matches the end: "medical equipment", "basic shelter materials")."""
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
    toks = mods + [tok]
    return [t.lemma_.lower() for t in toks], [t.lower_ for t in toks]


class NominalEvents:
    def content_of_demand(self, v):
        """(noun, its owner's mentions) when ``v`` heads the content clause of a demand
        noun ("reiterated its demand that Israel ease ..."), else None."""
        if v.dep_ not in ("acl", "ccomp") or not any(c.dep_ == "mark" and c.lower_ == "that" for c in v.children):
            return None
        n = v.head
        if n.pos_ != "NOUN":
            # "reiterated its demand that ...": the clause hangs on the verb, the noun is its object
            n = child(n, "dobj")
            if n is None or n.i > v.i:
                return None
        lem, low = _words(n)
        e = self.lex.noun(lem) or self.lex.noun(low)
        if e is None or e.code[:2] != "10":
            return None
        owner = []
        for c in n.children:
            if c.dep_ == "poss":
                owner = np_mentions(c, self.idx)
        if not owner and n.dep_ in ("dobj", "nsubjpass"):
            owner = np_mentions(subject_token(n.head), self.idx)
        self.consumed.add(n.i)
        return n, owner

    def noun_roles(self, tok, code: str) -> tuple[list[Actor], list[Actor], list[Actor]]:
        """(source, target, between) named inside the phrase of an event noun: "US sanctions
        on Russia", "raids by security forces", "talks between X and Y"."""
        between: list[Actor] = []
        src: list[Actor] = []
        tgt: list[Actor] = []
        for c in tok.children:
            if c.dep_ == "prep":
                o = pobj_of(c)
                if o is None:
                    continue
                if c.lower_ in ("between", "among"):
                    between = np_mentions(o, self.idx)
                elif c.lower_ == "by" or (c.lower_ == "from" and code[:2] in ("11", "12", "13")):
                    # "condemnation from South Korea and Japan"
                    src = src or np_mentions(o, self.idx)
                elif c.lower_ in NOMINAL_TARGET_PREPS and not tgt and not (c.lower_ == "at" and code.startswith("04")):
                    # (a meeting "at the G20 summit" or "at the White House" is where, not with whom)
                    tgt = np_mentions(o, self.idx, allow_places=code.startswith("042") or code[:2] in PLACE_TARGET_ROOTS)
                if c.lower_ in (*NOMINAL_TARGET_PREPS, "of") and not tgt:
                    # "the suspension of trade with Israel", "a halt to arms sales to Saudi Arabia",
                    # "a ban on imports from China": the phrase names what is acted on, and its own
                    # with/to/on/from-phrase whom the act concerns
                    for g in o.children:
                        if g.dep_ == "prep" and g.lower_ in INNER_TARGET_PREPS and pobj_of(g) is not None:
                            tgt = [a for a in np_mentions(pobj_of(g), self.idx) if a.kind != "place"]
                            if tgt:
                                break
            elif c.dep_ in ("poss", "compound", "amod", "nmod") and not src:
                found: list[Actor] = []
                _collect(c, self.idx, NP_CORE | {"conj"}, found)
                src = [a for a in found if a.kind != "place"]
            elif c.dep_ == "acl" and c.tag_ == "VBN":
                ag = child(c, "agent")
                if ag is not None and pobj_of(ag) is not None:
                    src = src or np_mentions(pobj_of(ag), self.idx)
                # "sanctions imposed by the EU on Belarus": the participle's own on-phrase (or
                # one the parser hung on the agent's noun)
                by = pobj_of(ag) if ag is not None else None
                for g in (*c.children, *(by.children if by is not None else ())):
                    if not tgt and g.dep_ == "prep" and g.lower_ in NOMINAL_TARGET_PREPS and pobj_of(g) is not None:
                        tgt = np_mentions(pobj_of(g), self.idx, allow_places=code[:2] in PLACE_TARGET_ROOTS)
        return src, tgt, between

    def instrument(self, v):
        """(code, actors) of the attack that did a killing or wounding: the subject ("Israeli air
        strikes killed 20") or, in a passive or with no object, an in/by/during phrase ("were
        killed in Russian artillery fire", "three people died in raids by security forces");
        None when the act names no attack noun."""
        cands = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
        if child(v, "nsubjpass") is not None or obj_token(v) is None:
            cands += [pobj_of(c) for c in v.children if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "during")]
        for n in cands:
            if n is None or n.pos_ not in ("NOUN", "PROPN"):
                continue
            lem, low = _words(n)
            e = self.lex.noun(lem) or self.lex.noun(low)
            if e is not None and e.code[:2] in FORCE_ROOTS:
                src = self.noun_roles(n, e.code)[0]
                if not src and n.dep_ == "pobj" and child(v, "nsubjpass") is None:
                    # "died in raids [by security forces]": the by-phrase the parser hung on the
                    # verb names who raided (a passive's own agent is its subject already)
                    by = next((c for c in v.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                               and pobj_of(c) is not None and pobj_of(c).i != n.i), None)
                    src = [a for a in np_mentions(pobj_of(by), self.idx) if a.kind != "place"] if by is not None else []
                return e.code, src
        return None

    def occasion_subject(self, tok) -> list[Actor]:
        """The subject of the clause a meeting noun ``tok`` is the occasion of: "After talks
        with Erdogan, Putin said ..." (Putin met Erdogan), "On a visit to Beijing, Macron urged
        ...", "Speaking after a meeting with Li Qiang, Scholz said ...", "ahead of talks with
        Xi". The noun is the object of an occasion preposition (``OCCASION_PREPS``; "of" only
        after "ahead") hung on a verb. Only for meetings, talks and visits (04): after an attack,
        a sanction or a protest, the clause's subject is mostly the one who reacts."""
        p = tok.head
        if tok.dep_ != "pobj" or p.lower_ not in OCCASION_PREPS:
            return []
        v = p.head
        if p.lower_ == "of":
            if v.lower_ not in ("ahead", "front") or p.i != v.i + 1:
                return []
            v = v.head
        if v.pos_ not in ("VERB", "AUX") or p.i > tok.i or v.dep_ in ("ccomp", "xcomp", "relcl", "acl"):
            return []  # (in a reported or embedded clause the phrase may be the reporter's)
        return np_mentions(subject_token(v), self.idx)

    def code_nouns(self) -> None:
        nouns = self.lex.nouns
        for tok in self.span:
            if tok.pos_ not in ("NOUN", "PROPN") or (tok.lemma_ not in nouns and tok.lower_ not in nouns):
                continue
            if tok.i in self.consumed or tok.i in self.commentary:
                continue
            if tok.dep_ == "compound":
                continue
            if any(c.dep_ == "det" and c.lower_ in ("any", "no") for c in tok.children):
                continue  # "would treat any sanctions imposed on it as war", "no talks were held": none happened
            lem, low = _words(tok)
            e = self.lex.noun(lem) or self.lex.noun(low)
            if e is None:
                continue
            src, tgt, between = self.noun_roles(tok, e.code)
            # "Russia faced crippling sanctions": the subject of a receiving verb is the target
            gov = tok
            if gov.dep_ == "pobj" and gov.head.lower_ == "of" and gov.head.head.pos_ == "NOUN":
                gov = gov.head.head
            under = under_attack(gov, e.code)
            if (gov.dep_ in ("dobj", "nsubjpass") and "receive" in self.lex.roles.get(gov.head.lemma_.lower(), ())) \
                    or under is not None:
                if not tgt:
                    tgt = np_mentions(subject_token(under if under is not None else gov.head), self.idx)
                if under is not None and not src:
                    # "came under mortar fire from jihadist fighters": the from-phrase attacks
                    for c in (*gov.children, *under.children):
                        if c.dep_ == "prep" and c.lower_ == "from" and pobj_of(c) is not None:
                            src = [a for a in np_mentions(pobj_of(c), self.idx) if a.kind != "place"]
            if not between and tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and obj_token(tok.head) is None:
                # "Fighting erupted in Khartoum between the army and the RSF"
                for c in tok.head.children:
                    if c.dep_ == "prep" and c.lower_ == "between" and pobj_of(c) is not None:
                        between = np_mentions(pobj_of(c), self.idx)
            if not src and tgt and not between and e.code.startswith("04"):
                src = [a for a in self.occasion_subject(tok) if a.kind != "place" and a not in tgt]
            if between and len(between) >= 2:
                src, tgt, sym = between, [], True
            else:
                sym = False
                if not src or not tgt:
                    continue  # a nominal event names both sides ("US sanctions on Russia")
            code = e.code
            fut = noun_future(tok)
            intent = False
            if fut and code.startswith("04"):
                code = self.lex.mapped("intent", code)
                intent = True
            md = Modality(future=fut, intent=intent)
            src = [a for a in src if a.kind != "place"]
            tgt = [_place_actor(a) if a.kind == "place" else a for a in tgt]
            self.emit(code, src, tgt, (tok.i, tok.i), md, f"nouns.tsv:{' '.join(e.words)}", NOMINAL_PRIOR, sym, main=self.is_main(tok))
