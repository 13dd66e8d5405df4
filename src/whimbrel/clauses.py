"""Clause and tense helpers on the dependency parse, shared by the stages (the date stage
reads a trigger's tense and clause, the place stage which clause a place phrase belongs to).

* :func:`clause_root`, :func:`clause_roots`, :func:`clause_path`: the clause a token is in,
  and the clauses above it; :func:`is_modifier_clause`: a clause that modifies a noun;
* :func:`governing_verb`, :func:`tense_of`: the verb over a token and its tense;
* :func:`trigger_token`: the head token of an event's trigger;
* :data:`SEPARATIVE_PARTICLES`: particles the parser reads as prepositions ("out of", "away from");
* :func:`repair_parse`: mends four misparses of the small model before any stage reads the
  parse (:func:`repair_subordinate_subjects`, :func:`repair_reporting_tails`,
  :func:`repair_reduced_relatives`, :func:`repair_subjects_on_auxiliaries`).
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP

from .model import Document, Event

PAST, PRESENT, FUTURE = "past", "present", "future"

_CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass"}
_VERBAL_CLAUSE_DEPS = {"conj", "pcomp"}  # clause roots only when verbal; xcomp stays in its clause
_MODIFIER_CLAUSES = {"relcl", "acl"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "'d", "may", "might"}
_FIRM_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_FUTURE_HEADS = {"be", "plan", "intend", "expect", "schedule", "due", "set", "aim", "prepare", "go",
                 "hope", "want", "seek", "promise", "vow", "pledge", "threaten", "agree", "decide", "propose"}
#: reporting verbs ("..., media reported on Monday")
REPORTING = {"say", "report", "tell", "announce", "state", "add", "claim", "confirm", "write", "quote"}
_WH_TAGS = {"WDT", "WP", "WP$", "WRB"}
#: a particle the parser reads as an objectless preposition, with the real preposition hung on
#: it: "pulled [out] [of the deal]", "walked [away] [from the talks]", "out of Kherson" say "from"
SEPARATIVE_PARTICLES = frozenset({"out", "away"})


def is_modifier_clause(tok) -> bool:
    """True for a clause root that modifies a noun ("who took office in April",
    "the embargo, imposed in 1958"). A "relcl" without a relative word, or on a
    reporting verb, is the parser's reading of a trailing "..., media reported
    on Monday" and does not count."""
    if tok.dep_ not in _MODIFIER_CLAUSES or tok.lemma_ in REPORTING:
        return False
    if tok.dep_ == "relcl":
        return any(c.tag_ in _WH_TAGS or c.lower_ == "that" for c in tok.subtree if c.i < tok.i)
    return True


def _is_clause_root(tok) -> bool:
    if tok.head.i == tok.i or tok.dep_ in _CLAUSE_DEPS:
        return True
    return tok.dep_ in _VERBAL_CLAUSE_DEPS and tok.pos_ in ("VERB", "AUX")


def clause_root(tok):
    """The head of the clause a token belongs to."""
    while not _is_clause_root(tok):
        tok = tok.head
    return tok


def clause_roots(tokens) -> dict[int, int]:
    """Token index -> index of its :func:`clause_root`, for every token of ``tokens`` (a
    sentence). Each token is walked up only to the first token whose root is known: a
    token that is no clause root has its head's root."""
    known: dict[int, int] = {}
    out: dict[int, int] = {}
    for tok in tokens:
        at, way = tok.i, []
        while tok.i not in known and not _is_clause_root(tok):
            way.append(tok.i)
            tok = tok.head
        root = known.setdefault(tok.i, tok.i)
        for i in way:
            known[i] = root
        out[at] = root
    return out


def clause_path(tok) -> list:
    """Clause roots from the token's clause up to the sentence root."""
    path = []
    t = clause_root(tok)
    while True:
        path.append(t)
        if t.head.i == t.i:
            return path
        t = clause_root(t.head)


def governing_verb(tok):
    """The nearest verb at or above ``tok``, with the tokens on the way."""
    way = []
    t = tok
    while True:
        way.append(t)
        if t.pos_ in ("VERB", "AUX"):
            return t, way
        if t.head.i == t.i:
            return None, way
        t = t.head


def tense_of(verb, *, modal: bool = True) -> str:
    """Past, present or future for a verb token, from its tag, auxiliaries and heads.

    "will meet", "was to leave", "plans to visit", "is going to meet" are future;
    "arrived", "has met", "was met" are past; "meets", "is meeting" present.
    With ``modal=False``, "may", "might" and "would" do not make a future (a
    threat or a hint is dated when it is made).
    """
    v = verb
    future_aux = _FUTURE_AUX if modal else _FIRM_FUTURE_AUX
    for _ in range(6):
        auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        words = {a.lower_ for a in auxes}
        if words & future_aux:
            return FUTURE
        infinitive = "to" in words or any(c.dep_ == "aux" and c.tag_ == "TO" for c in auxes)
        if v.dep_ == "xcomp" and infinitive and v.head.i != v.i:
            h = v.head
            if h.lemma_ in _FUTURE_HEADS or h.lower_ == "going":
                return FUTURE
            v = h
            continue
        if v.dep_ in ("conj", "xcomp") and not auxes and v.tag_ in ("VB", "VBG") and v.head.i != v.i:
            v = v.head
            continue
        if infinitive and v.head.i != v.i:
            v = v.head
            continue
        lem = {a.lemma_ for a in auxes}
        past_aux = any(a.tag_ == "VBD" for a in auxes)
        if v.tag_ == "VBD" or past_aux:
            # "was to leave" (be + to-infinitive) is handled above through xcomp
            return PAST
        if v.tag_ == "VBN":
            return PAST if ("have" in lem or not lem) else PRESENT
        if v.tag_ == "MD":
            return FUTURE if v.lower_ in _FUTURE_AUX else PRESENT
        return PRESENT
    return PRESENT


def trigger_token(doc: Document, ev: Event):
    """The head token of an event's trigger; for an empty trigger span, the token at
    its offset, else the root of its sentence. None without a parse."""
    sp = doc.spacy
    if sp is None:
        return None
    s, e = ev.evidence.trigger_start, ev.evidence.trigger_end
    span = sp.char_span(s, max(e, s + 1), alignment_mode="expand")
    if span is not None and len(span):
        return span.root
    sent = doc.sentence_at(s)
    if sent is None:
        return None
    span = sp.char_span(sent.start, sent.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


#: dependency labels of a clause's subject
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def has_subject(v) -> bool:
    """Does the verb ``v`` have a subject of its own?"""
    return any(c.dep_ in SUBJECTS for c in v.children)


def _with_dep(doc, *labels: str) -> list:
    """The tokens of ``doc`` with one of the dependency labels, in order, read from the parse's
    array: a repair visits a few tokens, not a ``Token`` object for each of the document's."""
    ids = [doc.vocab.strings[label] for label in labels]
    deps = doc.to_array([DEP])
    return [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(deps, ids))]


def repair_reporting_tails(doc) -> int:
    """Mend a common misparse of the wire's closing attribution: in "Russian forces took the
    village of X, the defence ministry in Moscow said." the small model hangs "the defence
    ministry" on "X" as an apposition and leaves "said" with no subject. An apposition whose
    phrase ends right before a reporting verb (``REPORTING``) that has no subject and comes
    after it, at its sentence's end, is that verb's subject; its comma becomes the verb's.
    Changes the parse in place (spaCy re-derives the edges); returns the number mended."""
    mended = 0
    for tok in _with_dep(doc, "appos"):
        nxt_i = tok.right_edge.i + 1
        if nxt_i >= len(doc):
            continue
        v = doc[nxt_i]
        if v.pos_ != "VERB" or v.lemma_.lower() not in REPORTING or v.sent.start != tok.sent.start:
            continue
        if has_subject(v) or tok.head.i > v.i:
            continue
        if v in tok.ancestors and v.head.i != v.i:
            continue  # the verb governs the phrase from inside another clause: leave it
        rest = [t for t in doc[v.i + 1:v.sent.end] if not t.is_punct]
        if any(t.pos_ == "VERB" for t in rest):
            continue  # more clause follows: not the closing attribution
        comma = doc[tok.left_edge.i - 1] if tok.left_edge.i > v.sent.start else None
        tok.head, tok.dep_ = v, "nsubj"
        if comma is not None and comma.is_punct and comma.text == ",":
            comma.head, comma.dep_ = v, "punct"
        mended += 1
    return mended


def repair_reduced_relatives(doc) -> int:
    """Mend a misparse of a subject described by a participle: in "Gunmen linked to the Islamic
    State attacked a church" the small model makes "linked" the sentence's verb and hangs
    "attacked" on it with the catch-all label ``dep`` (or as an adverbial clause with no
    subordinator). When the root is a past-tense verb with a subject before it and no object,
    and a later finite past-tense verb with no subject, subordinator or auxiliary of its own
    hangs on it so right after the root's own phrases, the later verb is the sentence's verb
    and the root a participle describing the subject ("gunmen [linked to ...]").
    Changes the parse in place; returns the number mended."""
    mended = 0
    for r in _with_dep(doc, "ROOT"):
        if r.pos_ != "VERB" or r.tag_ not in ("VBD", "VBN"):
            continue
        subj = next((c for c in r.children if c.dep_ == "nsubj" and c.i < r.i and c.pos_ in ("NOUN", "PROPN")), None)
        if subj is None or any(c.dep_ in ("dobj", "ccomp", "xcomp", "aux", "auxpass") for c in r.children):
            continue
        d = next((c for c in r.children if c.dep_ in ("dep", "advcl") and c.i > r.i and c.pos_ == "VERB"
                  and c.tag_ == "VBD"), None)
        if d is None or any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in d.children):
            continue
        # only the root's own phrases lie between it and the later verb ("linked [to Russia]")
        between = [c for c in r.children if r.i < c.i < d.i]
        if any(c.dep_ != "prep" for c in between) or (between and between[-1].right_edge.i + 1 != d.i) \
                or (not between and d.i != r.i + 1):
            continue
        tail = [c for c in r.children if c.i > d.i]
        subj.head, subj.dep_ = d, "nsubj"
        d.head, d.dep_ = d, "ROOT"
        r.head, r.dep_ = subj, "acl"
        for c in tail:
            c.head = d
        mended += 1
    return mended


def repair_subjects_on_auxiliaries(doc) -> int:
    """Mend a misparse of a coordinated subject before an auxiliary: in "Egypt and Qatar are
    mediating between Israel and Hamas" the small model hangs "Egypt" on "are" (an ``aux`` of
    "mediating"), so the verb has no subject. A subject whose head is an auxiliary of a later
    verb with no subject of its own is that verb's subject. Changes the parse in place;
    returns the number mended."""
    mended = 0
    for tok in _with_dep(doc, "nsubj", "nsubjpass"):
        aux = tok.head
        if aux.dep_ not in ("aux", "auxpass") or not tok.i < aux.i < aux.head.i or aux.head.pos_ != "VERB":
            continue
        v = aux.head
        if has_subject(v):
            continue
        tok.head = v
        mended += 1
    return mended


#: subordinating words the small model may read as a preposition ("as fighting intensified")
SUBORDINATORS = frozenset({"as", "after", "before", "since", "until", "till", "while", "once"})


def repair_subordinate_subjects(doc) -> int:
    """Mend a misparse of a subordinate clause: in "Thousands fled as fighting intensified
    between the army and the RSF" the small model reads "as fighting" as a prepositional phrase
    and leaves "intensified" with no subject, which then inherits the main clause's
    ("Thousands"). A subordinating word (``SUBORDINATORS``) parsed as a preposition whose
    object ends right before a finite verb with no subject, both hung on the same head, is
    that clause's subordinator and subject. Changes the parse in place; returns the number
    mended."""
    mended = 0
    for p in _with_dep(doc, "prep"):
        if p.lower_ not in SUBORDINATORS:
            continue
        n = next((c for c in p.children if c.dep_ == "pobj"), None)
        if n is None or n.pos_ not in ("NOUN", "PROPN", "PRON") or n.right_edge.i + 1 >= len(doc):
            continue
        v = doc[n.right_edge.i + 1]
        if v.pos_ != "VERB" or v.tag_ not in ("VBD", "VBZ", "VBP") or v.head.i != p.head.i or v.i == v.head.i:
            continue
        if has_subject(v) or any(c.dep_ == "mark" for c in v.children):
            continue
        n.head, n.dep_ = v, "nsubj"
        p.head, p.dep_ = v, "mark"
        mended += 1
    return mended


def repair_parse(doc) -> int:
    """Mend the small model's misparses that every stage would otherwise read (run once per
    document, by ``nlp.attach``); returns the number mended."""
    # a subordinate clause first: its lost subject would make it look like the sentence's
    # verb to repair_reduced_relatives ("Thousands [fled as fighting] intensified")
    return (repair_subordinate_subjects(doc) + repair_reporting_tails(doc) + repair_reduced_relatives(doc)
            + repair_subjects_on_auxiliaries(doc))
