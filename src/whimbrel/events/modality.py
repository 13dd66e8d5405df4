"""Modality of a clause: negated, future/planned, hypothetical/conditional.

Read from the dependency parse around the trigger: auxiliaries and modals,
negation, "was to"/"is to", future time words, and if/unless clauses. The
result is stored on each event (``Event.modality``).

Two helpers say when a clause is not asserted at all, so the coder emits no
event for it: :func:`in_condition` (the verb of an if/unless/whether clause,
"until" under a negated or future clause) and :func:`content_head` (the act
named inside a demand, offer, veto or proposal: the demand is the event).
"""

from __future__ import annotations

from dataclasses import dataclass

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPO_AUX = {"may", "might", "could", "can", "should"}
WOULD = {"would", "'d"}
OBLIGATION = {"must", "should"}
FUTURE_WORDS = {"tomorrow", "next", "later", "upcoming", "coming", "soon", "planned", "proposed", "scheduled", "forthcoming"}
#: nouns that make a future word a time phrase ("next month", "in the coming days"); in
#: "ahead of the upcoming election" the word dates the election, not the act
TIME_NOUNS = {"day", "days", "week", "weeks", "weekend", "month", "months", "year", "years", "hour", "hours",
              "morning", "afternoon", "evening", "night", "time", "date", "term", "session", "season", "decade",
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "fortnight", "period"}
FUTURE_VERBS = {"expect", "schedule", "set", "due", "plan", "go"}  # "is expected/set/due/going to meet"
NEG_WORDS = {"not", "n't", "never", "no"}
COND_MARKS = {"if", "unless", "provided", "should"}
#: marks of a clause whose act is not asserted: "if Russia attacks", "asked whether X had attacked"
UNASSERTED_MARKS = {"if", "unless", "whether", "provided", "providing", "lest"}
#: words whose clausal or object complement names an act that has not happened: the word is the event
#: (beside the lexicon's request/intent/threaten/reject/deny verbs and its 02/03/10/12/13 nouns)
CONTENT_WORDS = {"demand", "veto", "propose", "proposal", "offer", "plan", "suggest", "suggestion", "recommend",
                 "recommendation", "consider", "discuss", "debate", "mull", "weigh", "contemplate", "bid", "draft",
                 "idea", "option", "call", "appeal", "request", "ultimatum", "urge", "push", "press", "insist",
                 "advocate", "seek", "want", "wish", "hope", "allow", "permit", "authorize", "authorise"}
#: verb roles and noun code roots of words whose complement is content, not an act ("demanded that ...")
CONTENT_ROLES = ("request", "intent", "reject")
CONTENT_ROOTS = ("02", "03", "10", "12")
#: dependency links from an act up to the word that names it as content
CONTENT_LINKS = {"xcomp", "ccomp", "acl", "relcl", "advcl", "pcomp", "pobj", "prep", "dobj", "nsubjpass", "conj",
                 "attr", "oprd", "appos"}


@dataclass(frozen=True)
class Mood:
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    conditional: bool = False  # an if/unless clause hangs on the trigger
    obligation: bool = False  # "must", "should": a demand when reported
    modal_future: bool = False  # "will", "would", "going to" (a statement of intent), not "was to"
    condition_head: object = None  # verb of the if/unless clause, if any
    speculative: bool = False  # "may have launched", "would have imposed": a guess or counterfactual about the past


def _aux_words(v):
    return [c for c in v.children if c.dep_ in ("aux", "auxpass")]


def is_past(verb) -> bool:
    """Is the clause headed by ``verb`` in a past tense ("banned", "has banned", "was banned")?"""
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN":
        for a in _aux_words(verb):
            if a.lemma_ == "have" or a.lower_ in ("was", "were"):
                return True
    return False


def _time_phrase(c) -> bool:
    """Does the modifier ``c`` of a verb put its act in the future ("later this week", "next
    month", "in the coming days", "soon")? A future word that describes something else
    ("ahead of the upcoming election") does not."""
    if c.lower_ in FUTURE_WORDS:
        return True  # "soon", "later", "tomorrow"
    for w in c.subtree:
        if w.lower_ in FUTURE_WORDS and w.i != c.i:
            if w.head.lower_ in TIME_NOUNS or w.head.lemma_.lower() in TIME_NOUNS:
                return True
            if w.dep_ in ("advmod", "npadvmod") and w.head.i == c.i:
                return True  # "later this week" as one phrase
    return False


def mood(verb, *, in_reported: bool = False) -> Mood:
    """The modality of the clause headed by ``verb`` (a spaCy token)."""
    neg = fut = hyp = cond = oblig = modal = spec = False
    cond_head = None
    chain = [verb]
    # conjoined verbs share the first verb's auxiliaries ("will meet and sign")
    v = verb
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
        chain.append(v)
    # a participle with no subject of its own shares its clause's time (not its negation): "will
    # extend the curfew, prohibiting outdoor activities" is as future as the extension
    # (... and so does a participle conjoined to it: "prohibiting ... and banning assembly")
    part = v  # the first conjunct
    if part.tag_ == "VBG" and part.dep_ in ("advcl", "acl") and part.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in part.children):
        for a in _aux_words(part.head):
            if a.lower_ in FUTURE_AUX or a.lower_ == "going" or (a.lower_ in WOULD and in_reported):
                fut = True
    # "was to leave", "is expected to meet", "is set to visit"
    head = verb.head if verb.dep_ == "xcomp" else (chain[-1].head if chain[-1].dep_ == "xcomp" else None)
    if head is not None:
        if head.lemma_ == "be" or head.lemma_ in FUTURE_VERBS:
            fut = True
        chain.append(head)
    for t in chain:
        auxes = _aux_words(t)
        if t.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes) and any(
                a.lower_ in HYPO_AUX or a.lower_ in WOULD or a.lower_ in OBLIGATION for a in auxes):
            spec = True
        for a in auxes:
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
            elif c.dep_ in ("npadvmod", "advmod", "prep") and t.i == verb.i and not is_past(verb):
                # "later this week", "next month", "in the coming days"
                if _time_phrase(c):
                    fut = True
    if cond:
        hyp = True
    return Mood(negated=neg, future=fut, hypothetical=hyp, conditional=cond, obligation=oblig, modal_future=modal,
                condition_head=cond_head, speculative=spec)


def _mark(t):
    for c in t.children:
        if c.dep_ == "mark":
            return c
    return None


def in_condition(verb) -> bool:
    """Is the clause of ``verb`` a condition or an open question, not an asserted act?

    "If Russia attacks, ...", "... unless Iran stops enrichment", "asked whether the army
    had fired", "will not end the strike until their demands are met" ("until" counts
    only under a negated or future clause: "fought until the army withdrew" is a fact).
    Clauses inside such a clause ("if Russia decides to attack") are covered too.
    """
    t = verb
    for _ in range(12):
        m = _mark(t)
        if m is not None and t.dep_ in ("advcl", "ccomp", "csubj", "conj"):
            w = m.lower_
            if w in UNASSERTED_MARKS:
                return True
            if w == "until" and t.dep_ == "advcl":
                h = mood(t.head)
                if h.negated or h.future or h.hypothetical:
                    return True
        if t.dep_ == "ROOT" or t.head.i == t.i:
            return False
        t = t.head  # a clause anywhere inside a condition ("if he is satisfied Vietnam is doing all it can to help")
    return False


def _to_infinitive(t) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and _mark(t) is None


#: prepositions that attach the content of a demand/offer noun or verb ("a call for sanctions",
#: "an offer of aid", "demanded an end to the fighting"); not time or cause ("after", "because of")
CONTENT_PREPS = {"of", "for", "to", "on", "over", "about", "toward", "towards"}


def content_head(verb, is_head):
    """The word naming a demand, offer, veto or proposal whose content ``verb``'s clause is,
    else None: in "demanding Hanoi stop jailing activists" the jailing is what is demanded,
    in "vetoed a resolution that would impose sanctions" the sanctions were not imposed, in
    "a plan to withdraw troops" nobody has withdrawn. The demand (offer, veto ...) is the
    event; its content is not. ``is_head(token)`` says whether a word is such a head.
    Conjoined verbs pass through ("demanded that X stop A and release B").
    """
    t = verb
    for _ in range(8):
        if t.dep_ == "ROOT" or t.head.i == t.i:
            return None
        d, h = t.dep_, t.head
        if d not in CONTENT_LINKS:
            return None
        if d == "advcl" and not _to_infinitive(t):
            return None  # "offered aid after the army attacked": a time or cause, not content
        if d == "relcl" and h.pos_ not in ("NOUN", "PROPN"):
            return None
        if d == "prep" and t.lower_ not in CONTENT_PREPS:
            return None
        if d != "conj" and d != "pobj" and is_head(h):
            return h
        t = h
    return None


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


def content_word(tok, lex) -> bool:
    """Does ``tok`` name a demand, offer, veto, plan or proposal (see :func:`content_head`)?
    The words of ``CONTENT_WORDS``, verbs with a request/intent/reject role in the lexicon,
    event nouns of roots 02, 03, 10 and 12; never a reporting verb (what it reports is the
    event: "officials told AFP the army lifted ...")."""
    lemma = tok.lemma_.lower()
    roles = lex.roles.get(lemma, ())
    if "report" in roles:
        return False
    if lemma in CONTENT_WORDS or tok.lower_ in CONTENT_WORDS:
        return True
    if tok.pos_ in ("VERB", "AUX", "ADJ"):
        return any(r in CONTENT_ROLES for r in roles)
    if tok.pos_ == "NOUN":
        e = lex.noun([lemma]) or lex.noun([tok.lower_])
        return e is not None and e.code[:2] in CONTENT_ROOTS
    return False
