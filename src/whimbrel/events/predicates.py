"""Events said by a clause's predicate rather than its verb ("X said Y must V", "X said Y was
responsible for the attack", "the court found Y guilty"), and the other party of an act: who
must act in a condition or until-clause, and whether a joint act names its partner. Used by the
sentence coder (``coder.py``) as a mixin."""

from __future__ import annotations

from ..model import Actor, Modality
from .arguments import own_side
from .modality import COND_MARKS, FUTURE_AUX, OBLIGATION, WOULD
from .nominal import _words
from .roles import BLAME_WORDS, child, np_mentions, obj_token, passive_parts, pobj_of, subject_token

#: agent nouns of giving: "X is the largest donor (of humanitarian aid) to Y" gives aid
DONOR_NOUNS = {"donor", "supplier", "provider", "contributor"}
#: copulas of a predicate noun
COPULAS = {"be", "remain", "become"}
#: "the court found / declared Y guilty": a conviction
VERDICT_VERBS = {"find", "declare", "pronounce", "rule"}


class Predications:
    """Events said by a clause's predicate, and the other party of a condition or a joint act.
    Mixed into the sentence coder (needs ``self.lex``, ``self.idx``, ``self.span``, ``emit``,
    ``is_main``)."""

    def condition_party(self, v, act_v, src: list[Actor], cond_head, *, until: bool) -> list[Actor]:
        """Who must act for the event to change: the subject (or passive agent) of the
        if/unless clause ``cond_head`` or (with ``until``) of an until-clause on the trigger;
        never the source itself."""
        marks = COND_MARKS | ({"until", "till"} if until else set())
        clauses = [cond_head] if cond_head is not None else []
        for t in {act_v.i: act_v, v.i: v}.values():
            clauses += [c for c in t.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)]
        for c in clauses:
            patient, agent = passive_parts(c)
            who = np_mentions(agent, self.idx) if patient is not None and agent is not None else \
                np_mentions(subject_token(c), self.idx)
            who = [a for a in who if not own_side(a, src) and a.kind != "pronoun"]
            if who:
                return who
        return []

    def named_partner(self, v, tgt: list[Actor]) -> bool:
        """Is one of ``tgt`` the other party itself: the direct object of ``v`` (or of its
        xcomp), or a with-phrase on the verb or its event noun ("held talks with the King"),
        not a topic or a phrase's modifier ("agreed on a policy on Iran")?"""
        for t in (v, *(c for c in v.children if c.dep_ == "xcomp")):
            o = obj_token(t)
            if o is not None and any(a in tgt for a in np_mentions(o, self.idx) if self.idx.at(o)):
                return True
            for h in (t, o):
                for c in (h.children if h is not None else ()):
                    if c.dep_ == "prep" and c.lower_ == "with" and any(a in tgt for a in np_mentions(pobj_of(c), self.idx)):
                        return True
        return False

    def code_predications(self, coded: set[int]) -> None:
        """Events said by a clause's predicate rather than its verb, where the clause coded
        nothing itself: "X said Y must V" (X demands something of Y, 100; a known act is a
        specific demand in ``code_clause``); "X said Y was responsible for / behind the
        attack" (X accuses Y, 112); "X said Y would face retaliation" (a threat, 130); "the
        court found Y guilty" (conviction, 116)."""
        for t in self.span:
            if t.dep_ not in ("ccomp", "oprd", "xcomp") or t.i in coded or t.i in self.commentary:
                continue
            if any(c.dep_ == "neg" for c in t.children):
                continue
            h = t.head
            hroles = self.lex.roles.get(h.lemma_.lower(), ())
            who = np_mentions(subject_token(h), self.idx)
            subj = child(t, "nsubj") or (child(h, "dobj") if t.dep_ != "ccomp" else None)
            them = [a for a in np_mentions(subj, self.idx) if a.kind != "pronoun" and not own_side(a, who)]
            if not who or not them:
                continue
            code, trig = None, None
            if "report" in hroles and t.pos_ in ("VERB", "AUX"):
                aux = next((a for a in t.children if a.dep_ == "aux" and a.lower_ in OBLIGATION), None)
                blame = next((c for c in t.children if (c.dep_ == "acomp" and c.lower_ in BLAME_WORDS and self.blamed_act(c))
                              or (c.dep_ == "prep" and c.lower_ == "behind" and self.blamed_act(c))), None)
                if aux is not None:
                    code, trig = "100", (aux.i, t.i)
                elif t.lemma_ == "be" and blame is not None:
                    code, trig = "112", (t.i, blame.i)
                elif self.promised_harm(t):
                    code, trig = "130", (t.i, child(t, "dobj").i)
            elif h.lemma_.lower() in VERDICT_VERBS and t.lower_ in ("guilty", "culpable"):
                code, trig = "116", (h.i, t.i)
            if code is not None:
                self.emit(code, who, them, trig, Modality(), f"rule:predicate-{code}", 0.6, False, main=self.is_main(h))

    def promised_harm(self, t) -> bool:
        """Is the clause ``t`` harm to come for its subject ("Israel would face retaliation",
        "Finland will face serious consequences": ``&RETRIBUTION``; "India would pay a heavy
        price"; not "would face higher prices", "will pay higher prices")?
        Said or warned by someone else, it is their threat (130)."""
        d = child(t, "dobj")
        if not any(a.dep_ == "aux" and (a.lower_ in FUTURE_AUX or a.lower_ in WOULD) for a in t.children):
            return False
        if t.lemma_ == "pay":
            # "India would pay a heavy price": the idiom of punishment to come (not a dearer
            # price: "consumers will pay higher prices")
            return d is not None and d.lemma_ == "price" and d.tag_ == "NN" and not any(
                c.tag_ in ("JJR", "RBR") or c.lower_ in ("more", "less") for c in d.subtree)
        return t.lemma_ == "face" and d is not None and d.lemma_ not in ("price", "fire") and self.in_class(d, "&RETRIBUTION")

    def blamed_act(self, tok) -> bool:
        """Does ``tok`` ("responsible", "behind") blame an act of conflict ("responsible for
        the attack", "behind the bombing", a bare "were responsible"), not a duty
        ("responsible for security")?"""
        preps = [tok] if tok.dep_ == "prep" else [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"]
        if not preps:
            return True  # "... said militants were responsible": for what the sentence told
        for c in preps:
            o = pobj_of(c)
            if o is not None:
                lem, low = _words(o)
                e = self.lex.noun(lem) or self.lex.noun(low)
                if e is not None and e.code[:2] >= "14":
                    return True
        return False

    def code_donors(self, coded: set[int]) -> None:
        """"X is / remains the largest donor of humanitarian aid to Y": X gives aid (the of-noun's
        aid code, else 070); a supplier or provider only of an aid class ("supplier of arms")."""
        for t in self.span:
            if t.lemma_.lower() not in DONOR_NOUNS:
                continue
            h = t.head
            if t.dep_ == "pobj" and h.head.lower_ == "one" and h.head.dep_ == "attr":
                h = h.head.head  # "is one of the largest donors"
            elif t.dep_ != "attr":
                continue
            if h.lemma_ not in COPULAS:
                continue
            if h.i in coded or any(c.dep_ == "neg" for c in h.children):
                continue
            src = [a for a in np_mentions(subject_token(h), self.idx) if a.kind != "pronoun" or a.code != "---"]
            if not src:
                continue
            code, tgt = "070" if t.lemma_.lower() == "donor" else None, []
            for c in [c for n in (t, *(pobj_of(p) for p in t.children if p.dep_ == "prep" and p.lower_ == "of"))
                      if n is not None for c in n.children]:
                if c.dep_ != "prep":
                    continue
                o = pobj_of(c)
                if o is None:
                    continue
                if c.lower_ == "of":
                    lem, low = _words(o)
                    e = self.lex.noun(lem) or self.lex.noun(low)
                    if e is not None and e.code.startswith("07"):
                        code = e.code
                elif c.lower_ in ("to", "in", "for"):
                    tgt = [a for a in np_mentions(o, self.idx) if not own_side(a, src)]
            if code is not None:
                self.emit(code, src, tgt, (h.i, t.i), Modality(), "rule:donor", 0.5, False, main=self.is_main(h))
