"""Modality of a clause: negated, future/planned, hypothetical/conditional.

Read from the dependency parse around the trigger: auxiliaries and modals,
negation, "was to"/"is to", future time words, and if/unless clauses. The
result is stored on each event (``Event.modality``); nothing is dropped here.
"""

from __future__ import annotations

from dataclasses import dataclass

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPO_AUX = {"may", "might", "could", "can", "should"}
WOULD = {"would", "'d"}
OBLIGATION = {"must", "should"}
FUTURE_WORDS = {"tomorrow", "next", "later", "upcoming", "coming", "soon", "planned", "proposed", "scheduled", "forthcoming"}
FUTURE_VERBS = {"expect", "schedule", "set", "due", "plan", "go"}  # "is expected/set/due/going to meet"
NEG_WORDS = {"not", "n't", "never", "no"}
COND_MARKS = {"if", "unless", "provided", "should"}


@dataclass(frozen=True)
class Mood:
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    conditional: bool = False  # an if/unless clause hangs on the trigger
    obligation: bool = False  # "must", "should": a demand when reported
    modal_future: bool = False  # "will", "would", "going to" (a statement of intent), not "was to"
    condition_head: object = None  # verb of the if/unless clause, if any


def _aux_words(v):
    return [c for c in v.children if c.dep_ in ("aux", "auxpass")]


def mood(verb, *, in_reported: bool = False) -> Mood:
    """The modality of the clause headed by ``verb`` (a spaCy token)."""
    neg = fut = hyp = cond = oblig = modal = False
    cond_head = None
    chain = [verb]
    # conjoined verbs share the first verb's auxiliaries ("will meet and sign")
    v = verb
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
        chain.append(v)
    # "was to leave", "is expected to meet", "is set to visit"
    head = verb.head if verb.dep_ == "xcomp" else (chain[-1].head if chain[-1].dep_ == "xcomp" else None)
    if head is not None:
        if head.lemma_ == "be" or head.lemma_ in FUTURE_VERBS:
            fut = True
        chain.append(head)
    for t in chain:
        for a in _aux_words(t):
            w = a.lower_
            if w in FUTURE_AUX:
                fut = modal = True
            elif w in WOULD:
                modal = True
                if in_reported:
                    fut = True
                else:
                    hyp = True
            elif w in OBLIGATION:
                oblig = True
            elif w in HYPO_AUX:
                hyp = True
            elif w == "going" or (w == "to" and t.i != verb.i and t.lemma_ == "go"):
                fut = modal = True
            elif w == "to" and t.dep_ == "ROOT":
                fut = True  # headline infinitive: "Kim to visit Russia"
        for c in t.children:
            if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ == "never"):
                neg = True
            elif c.dep_ == "advcl":
                mark = next((m for m in c.children if m.dep_ == "mark"), None)
                if mark is not None and mark.lower_ in COND_MARKS:
                    cond = True
                    cond_head = c
            elif c.dep_ in ("npadvmod", "advmod", "prep") and t.i == verb.i and verb.tag_ != "VBD":
                # "later this week", "next month", "in the coming days"
                if any(w.lower_ in FUTURE_WORDS for w in c.subtree):
                    fut = True
    if cond:
        hyp = True
    return Mood(negated=neg, future=fut, hypothetical=hyp, conditional=cond, obligation=oblig, modal_future=modal, condition_head=cond_head)


def noun_future(noun) -> bool:
    """A nominal event that is planned: "a meeting later this week", "upcoming talks"."""
    for t in noun.subtree:
        if t.lower_ in FUTURE_WORDS and t.i != noun.i:
            # only modifiers of this noun phrase, not of embedded clauses
            h = t
            ok = True
            while h.i != noun.i and h.head.i != h.i:
                if h.dep_ in ("relcl", "acl", "ccomp"):
                    ok = False
                    break
                h = h.head
            if ok:
                return True
    # "ahead of a meeting": the meeting has not happened yet
    p = noun.head
    if noun.dep_ == "pobj" and p.lower_ == "of" and p.head.lower_ == "ahead":
        return True
    return False
