"""Who is who around a trigger: map parse tokens to actor mentions, find subjects/objects.

The actor stage gives ``doc.mentions`` (char offsets). :class:`MentionIndex`
maps each spaCy token to the mentions it overlaps, once per document. The
helpers below walk the dependency parse from a trigger to the noun phrases that
fill its roles and return the mentions inside them, grouped as compounds.
"""

from __future__ import annotations

import calendar
from bisect import bisect_left, bisect_right
from dataclasses import replace
from operator import attrgetter

import numpy as np

from ..clauses import SEPARATIVE_PARTICLES
from ..model import Actor

# dependency labels that stay inside one noun phrase (no embedded clauses)
NP_CORE = {"compound", "amod", "nmod", "det", "nummod", "quantmod", "case", "punct", "cc", "predet", "poss"}
CLAUSAL = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"}
SUBJ = {"nsubj", "csubj", "expl"}
RELPRON = {"who", "which", "that", "whom", "whose"}
OBJ_PREPS = ("to", "with", "against", "on", "at", "into", "toward", "towards", "from", "for", "in", "upon", "onto", "over", "between")


_BY_I = attrgetter("i")


class Node:
    """A plain-Python copy of one parsed token (spaCy attribute names), for fast walks.

    The coder walks the parse many times per sentence; reading spaCy ``Token``
    attributes creates objects on every access. A sentence is copied once into
    Nodes (:func:`nodes_of`) and all walks run on them.
    """

    __slots__ = ("i", "text", "idx", "lower_", "lemma_", "pos_", "tag_", "dep_", "head", "children", "whitespace_")

    @property
    def subtree(self):
        out = [self]
        stack = list(self.children)
        while stack:
            n = stack.pop()
            out.append(n)
            stack.extend(n.children)
        out.sort(key=_BY_I)
        return out

    def __repr__(self) -> str:
        return f"Node({self.i}, {self.text!r}, {self.dep_})"


_ATTRS = None


def _token_table(doc):
    """Per-document table of the token attributes Nodes need, read once with ``Doc.to_array``
    (reading them token by token through spaCy's ``Token`` objects is the coder's largest cost)."""
    global _ATTRS
    table = doc.user_data.get("whimbrel_nodes")
    if table is not None and table[0] == len(doc):
        return table[1]
    if _ATTRS is None:
        from spacy.attrs import DEP, HEAD, IDX, LEMMA, LOWER, ORTH, POS, SPACY, TAG

        _ATTRS = [ORTH, LOWER, LEMMA, POS, TAG, DEP, HEAD, IDX, SPACY]
    strings = doc.vocab.strings
    arr = doc.to_array(_ATTRS)
    heads = (arr[:, 6].view(np.int64) + np.arange(len(doc), dtype=np.int64)).tolist()  # HEAD: a signed offset
    rows = [(strings[orth], strings[lower], strings[lemma], strings[pos] if pos else "", strings[tag] if tag else "",
             strings[dep] if dep else "", head, idx, " " if space else "")
            for (orth, lower, lemma, pos, tag, dep, _, idx, space), head in zip(arr.tolist(), heads)]
    doc.user_data["whimbrel_nodes"] = (len(doc), rows)
    return rows


def nodes_of(span) -> list[Node]:
    """Copy a sentence span's tokens into linked :class:`Node` objects (in order)."""
    rows = _token_table(span.doc)
    nodes = []
    heads = []
    start, end = span.start, span.end
    for i in range(start, end):
        text, lower, lemma, pos, tag, dep, head, idx, ws = rows[i]
        n = Node()
        n.i, n.text, n.idx = i, text, idx
        n.lower_, n.lemma_, n.pos_, n.tag_, n.dep_ = lower, lemma, pos, tag, dep
        n.whitespace_ = ws
        n.children = []
        nodes.append(n)
        heads.append(head)
    for n, h in zip(nodes, heads):
        hn = nodes[h - start] if start <= h < end else None
        if hn is None or hn is n:
            n.head = n
            if n.dep_ != "ROOT" and hn is None:
                n.dep_ = "ROOT"
        else:
            n.head = hn
            hn.children.append(n)
    return nodes


class MentionIndex:
    """Token index -> mentions overlapping that token, for one spaCy Doc."""

    def __init__(self, tokens, mentions: list[Actor]):
        """``tokens``: the tokens (spaCy or :class:`Node`) the mentions fall in, in order."""
        self.by_token: dict[int, list[Actor]] = {}
        ms = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in ms]
        self.ends = [m.end for m in ms]
        if not mentions:
            return
        toks = list(tokens)
        starts = [t.idx for t in toks]
        ends = [t.idx + len(t.text) for t in toks]
        for m in ms:
            lo = bisect_right(ends, m.start)
            hi = bisect_left(starts, m.end)
            for k in range(lo, hi):
                self.by_token.setdefault(toks[k].i, []).append(m)

    def any_between(self, start: int, end: int) -> bool:
        """Is there a mention overlapping the char range [start, end)?"""
        i = bisect_left(self.starts, end)
        return any(self.ends[j] > start for j in range(max(0, i - 8), i)) or (
            i > 0 and max(self.ends[:i], default=-1) > start
        )

    def at(self, tok) -> list[Actor]:
        return self.by_token.get(tok.i, [])


def _dedupe(ms: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for m in ms:
        k = (m.start, m.end, m.code)
        if k not in seen:
            seen.add(k)
            out.append(m)
    return out


def same_actor(a: Actor, b: Actor) -> bool:
    """One actor named twice: the same span, the same KB entry, or the same words."""
    return a.code == b.code and ((a.start, a.end) == (b.start, b.end) or (a.kb_id is not None and a.kb_id == b.kb_id)
                                 or a.text.lower() == b.text.lower())


def _collect(tok, idx: MentionIndex, deps: set[str], out: list[Actor]) -> None:
    out.extend(idx.at(tok))
    for c in tok.children:
        if c.dep_ in deps:
            _collect(c, idx, deps, out)


def np_mentions(head, idx: MentionIndex, *, allow_places: bool = False) -> list[Actor]:
    """The actor mentions a noun phrase headed by ``head`` stands for.

    Coordinated heads give one member each ("X and Y"); the head's own mention
    wins over modifiers (so "Taiwan's foreign minister" is one actor); appositions
    and of/in/from phrases are used only when nothing closer names an actor.
    """
    if head is None:
        return []
    heads = [head]
    for c in head.children:
        if c.dep_ == "conj":
            heads.extend(_conj_chain(c))
        elif c.dep_ == "appos" and idx.at(head) and any(g.dep_ == "conj" for g in c.children):
            # a list misparsed as an apposition ("Saudi Arabia, Egypt, the UAE and Bahrain")
            kinds = {m.kind for m in idx.at(head)}
            if {m.kind for m in idx.at(c)} & kinds:
                heads.append(c)
                for g in c.children:
                    if g.dep_ == "conj":
                        heads.extend(_conj_chain(g))
    out: list[Actor] = []
    for h in heads:
        found = list(idx.at(h))
        if not found and h.lemma_.lower() in OPPONENT_NOUNS:
            # "opponents of the Maldives government", "Erdogan's critics": the other side at
            # home, the country's opposition, not the government they oppose
            side: list[Actor] = []
            _collect(h, idx, NP_CORE, side)
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    side += np_mentions(pobj_of(c), idx)
            # ... of a government or a person in it; a country's rivals are other countries
            out.extend(_opposition(m) for m in side if m.country and m.country != "---"
                       and (m.kind == "person" or (m.sector or "") in RULING_SECTORS))
            continue
        if not found:
            # coordinated modifiers are members ("US and British warplanes")
            _collect(h, idx, (NP_CORE - {"poss"}) | {"conj"}, found)
        if not found:
            # a named person in apposition outranks the possessor of the head ("one of the
            # Kremlin's opponents, the activist Petrov": Petrov, not the Kremlin)
            for c in h.children:
                if c.dep_ == "appos":
                    named: list[Actor] = []
                    _collect(c, idx, NP_CORE | {"conj"}, named)
                    found += [m for m in named if m.kind == "person"]
        if not found:
            _collect(h, idx, NP_CORE, found)
        if not found:
            for c in h.children:
                if c.dep_ == "appos":
                    _collect(c, idx, NP_CORE | {"conj"}, found)
        if not found:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "in", "from", "by"):
                    for g in c.children:
                        if g.dep_ == "pobj":
                            found.extend(np_mentions(g, idx, allow_places=allow_places))
        out.extend(found)
    if not allow_places:
        out = [m for m in out if m.kind != "place"]
    return _dedupe([_qualify(m, head, idx) for m in out])


#: nouns for the people who oppose someone in their own country
OPPONENT_NOUNS = frozenset({"opponent", "critic", "rival", "detractor"})
RULING_SECTORS = frozenset({"GOV", "ELI", "LEG", "PTY"})


def _opposition(m: Actor) -> Actor:
    """The opposition of ``m``'s country (``MDVOPP`` for the Maldives government)."""
    return replace(m, code=m.country + "OPP", sector="OPP", kind="group", name=None, kb_id=None,
                   rule=(m.rule + "+opponents").lstrip("+"))


def _qualify(m: Actor, head, idx: MentionIndex) -> Actor:
    """'its official media' -> the possessor's country + MED, when the resolver left '---'."""
    if not m.code.startswith("---"):
        return m
    for c in head.children:
        if c.dep_ == "poss":
            for p in idx.at(c):
                if p.country and p.country != "---" and p is not m:
                    return replace(m, code=p.country + m.code[3:], country=p.country, rule=(m.rule + "+poss").lstrip("+"))
    return m


def _conj_chain(tok):
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_conj_chain(c))
    return out


def child(tok, *deps):
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def children(tok, *deps):
    return [c for c in tok.children if c.dep_ in deps]


def pobj_of(prep):
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp"):
            return c
    return None


def inner_preps(c) -> list[tuple[str, object]]:
    """("from", its object) for the preposition hung on ``c`` when ``c`` is a separative
    particle with no object of its own: "out of" and "away from" read as "from" ("pulled out
    of the deal" = withdrew from it). Other compound prepositions ("according to", "along
    with") name no party of the act: []."""
    if c.lower_ not in SEPARATIVE_PARTICLES or pobj_of(c) is not None:
        return []
    return [("from", pobj_of(g)) for g in c.children if g.dep_ == "prep" and g.lower_ in ("of", "from")]


def is_misparsed_verb(v) -> bool:
    """A finite verb the parser took for an adjective: "reported [the two held talks]"."""
    if v.dep_ != "amod" or v.tag_ not in ("VBD", "VBN") or v.i > v.head.i:
        return False
    kids = list(v.head.children)
    if any(c.dep_ == "det" and c.i == v.i - 1 for c in kids):
        return False  # "the kidnapped girls": an adjective; a misparsed verb follows its subject
    return (
        any(c.dep_ in ("det", "nummod") and c.i < v.i for c in kids)
        and not any(c.dep_ in ("amod", "poss") and c.i < v.i for c in kids)
        and not any(c.dep_ in ("amod", "advmod", "npadvmod", "punct") for c in v.children)
    )


def is_reduced_predicate(v) -> bool:
    """The sentence's finite verb the parser hung on its subject as a reduced relative ("A UN
    envoy called for an inquiry." parsed as a noun with a modifier): an ``acl`` the tagger
    calls a past tense (VBD, not the participle of "three soldiers wounded by a bomb") right
    after the noun that roots the sentence, or after that noun's apposition ("Ukraine's
    foreign minister, Andrii Sybiha, called on Europe ...")."""
    if not (v.dep_ == "acl" and v.tag_ == "VBD" and v.head.dep_ == "ROOT" and v.head.pos_ in ("NOUN", "PROPN")):
        return False
    n = v.head
    between = set(range(n.i + 1, v.i))
    for c in n.children:
        if n.i < c.i < v.i and c.dep_ in ("appos", "punct"):
            between -= {t.i for t in c.subtree}
    return not between


#: nouns whose infinitive is an act their owner decided on and does ("Ankara's decision to
#: close its airspace"); not an ability, a plan, a refusal or an attempt ("his delegation's
#: ability to commit the alliance", "Iran's refusal to release them"), which are no facts
DECIDED_NOUNS = frozenset({"decision", "move", "step"})


def subject_token(verb):
    """The token heading the verb's subject, walking up through shared-subject structures."""
    seen = 0
    v = verb
    via_xcomp = False
    while v is not None and seen < 6:
        seen += 1
        s = child(v, "nsubj", "csubj")
        if s is not None and v.dep_ == "conj" and v.head.i < s.i and any(c.dep_ == "cc" for c in s.children) \
                and not any(c.dep_ == "conj" for c in s.children):
            # "convicted one of the protesters, Karimi, a blogger, and sentenced him":
            # the "and" joining the two verbs hangs on the 'subject', the end of the first object
            s = None
        if s is not None:
            if s.lower_ in RELPRON and v.dep_ == "relcl":
                return v.head
            return s
        if child(v, "nsubjpass") is not None:
            # "X is expected to travel", "X was forced to resign": X does the infinitive's act;
            # in the passive clause itself the subject is the patient
            return child(v, "nsubjpass") if via_xcomp else None
        if v.dep_ == "relcl":
            return v.head
        # an acronym the parser took for an adverb ("USAID provided ...", "UNHCR said ...")
        acro = next((c for c in v.children if c.dep_ in ("advmod", "npadvmod", "dep") and c.i < v.i
                     and len(c.text) >= 2 and c.text.isalpha() and c.text.isupper()), None)
        if acro is not None:
            return acro
        # a subject the parser joined to a fronted phrase as its last conjunct ("On a visit to
        # Uganda, Kenyan President Uhuru Kenyatta voiced ...")
        glued = _glued_subject(v)
        if glued is not None:
            return glued
        # a subject the parser hung on a fronted participle clause ("X - both hoping ... - agreed")
        for c in v.children:
            if c.dep_ == "advcl" and c.i < v.i:
                s = child(c, "nsubj")
                if s is not None and s.i < c.i:
                    return s
        if is_misparsed_verb(v) or is_reduced_predicate(v):
            # "reported the two held talks" parsed as a noun phrase: the subject is what precedes
            return v.head
        if v.dep_ == "acl" and v.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) \
                and v.head.lemma_.lower() in DECIDED_NOUNS:
            # "Ankara's decision to close its airspace", "the decision by Ankara to close ...":
            # the owner of the noun the infinitive completes acts (nothing else is read)
            n = v.head
            owner = child(n, "poss")
            if owner is None:
                by = next((c for c in n.children if c.dep_ == "prep" and c.lower_ == "by" and c.i < v.i), None)
                owner = pobj_of(by) if by is not None else None
            return owner
        if v.dep_ == "acl" and v.tag_ == "VBG":
            # "issued a statement denouncing X": the statement's issuer
            n = v.head
            v = n.head if n.dep_ in ("dobj", "nsubj", "nsubjpass") else None
            continue
        if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.lower_ in ("of", "for") \
                and v.head.head.dep_ == "acomp" and v.head.head.lower_ in GUILT_WORDS:
            # "X were guilty of violating the ceasefire": who is guilty did it ("responsible for
            # supplying the troops" may be a duty: not read)
            v = v.head.head.head
            continue
        if v.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp") and v.head.i != v.i:
            via_xcomp = v.dep_ == "xcomp"
            v = v.head
            continue
        return None
    return None


def _glued_subject(v):
    """The subject a parser made the last conjunct of a fronted phrase: a conj right before
    the verb, after a comma, with no "and"/"or" of its own ("On a trip to Uganda,
    Kenyatta voiced ..."); None when the verb has its own subject or nothing fits."""
    if child(v, "nsubj", "nsubjpass", "csubj") is not None:
        return None
    for f in v.children:
        if f.i > v.i or f.dep_ not in ("prep", "advcl", "npadvmod", "advmod"):
            continue
        for t in f.subtree:
            if t.dep_ != "conj" or t.pos_ not in ("PROPN", "NOUN"):
                continue
            span = t.subtree
            if span[-1].i != v.i - 1:
                continue
            if any(c.dep_ == "cc" for c in t.head.children) or any(c.dep_ == "cc" for c in t.children):
                continue
            before = span[0].i - 1
            if any(c.i == before and c.text == "," for c in t.head.subtree):
                return t
    return None


def passive_parts(verb):
    """(patient token, agent token) for a passive clause, else (None, None)."""
    patient = child(verb, "nsubjpass")
    agent = None
    for c in verb.children:
        if c.dep_ == "agent":
            agent = pobj_of(c)
    if patient is None and verb.dep_ == "conj":
        patient = child(verb.head, "nsubjpass")
    if patient is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        patient = verb.head  # "sanctions imposed by the US"
    return patient, agent


def preps_of(tok):
    """(preposition lower-case, object token) pairs attached to ``tok`` and its direct object."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative"):
            p = pobj_of(c)
            if p is not None:
                out.append((c.lower_, p))
        elif c.dep_ == "prt" and c.lower_ in OBJ_PREPS:
            pass
    return out


#: heads of a partitive phrase whose real head is the of-phrase ("some of its troops")
PARTITIVES = {"some", "part", "most", "all", "many", "half", "rest", "remainder", "bulk", "majority", "portion",
              "dozens", "hundreds", "thousands", "tens", "scores", "one", "several", "few", "each", "none",
              # ... and parts of a document: "agreed on the draft text of a free-trade deal"
              "text", "terms", "draft", "details", "wording",
              # ... and measures of goods: "shipped 400,000 tonnes of rice", "sent two planeloads of tents"
              "tonnes", "tons", "tonne", "ton", "kilograms", "kg", "barrels", "litres", "liters", "doses", "bags",
              "sacks", "truckloads", "planeloads", "shiploads", "consignments", "batches", "units",
              "cargo", "load", "loads",
              # ... and their value: "handed over $4 million worth of medical equipment"
              "worth"}


def partitive_head(tok):
    """``tok`` itself, or the noun of its of-phrase when ``tok`` only counts it or is a part of
    it ("some of its troops", "hundreds of soldiers", "230 of the prisoners", "the text of
    the deal")."""
    if tok is not None and (tok.lower_ in PARTITIVES or tok.tag_ == "CD"):
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        o = pobj_of(of) if of is not None else None
        if o is not None and o.pos_ in ("NOUN", "PROPN"):
            return o
    return tok


#: "X said Y was responsible for / to blame for ...", "Y was guilty of shelling ...": who did it
BLAME_WORDS = frozenset({"responsible", "culpable", "guilty", "accountable"})
GUILT_WORDS = frozenset({"culpable", "guilty"})
#: adjectives that work like a particle: "set the activists free", "let loose", "left 12 dead"
RESULTATIVES = frozenset({"free", "loose", "dead"})


def bare_name_object(v):
    """A name right after a verb with no object that the parser made an adverbial noun ("visited
    [Washington]." as npadvmod), or the answer of "said [no] to" that it hung on the preposition:
    the object; None for anything else ("met Monday")."""
    if child(v, "dobj") is not None:
        return None
    n = next((c for c in v.children if c.dep_ == "npadvmod" and c.i == v.i + 1 and c.pos_ == "PROPN"), None)
    if n is None:
        # "said [no] to the deal": the parser makes the answer an interjection of the verb or the
        # preposition
        n = next((g for c in (v, *(c for c in v.children if c.dep_ == "prep")) for g in c.children
                  if g.dep_ == "intj" and g.i == v.i + 1 and g.lower_ in ("no", "yes")), None)
        return n
    if n.lower_ in DAY_NAMES:
        return None
    return n


#: days and months, which the parser rightly makes adverbial nouns ("met Monday")
DAY_NAMES = frozenset({m.lower() for m in (*calendar.month_name[1:], *calendar.day_name)}
                      | {"today", "tonight", "yesterday", "tomorrow"})


def obj_token(v):
    """The verb's direct object: dobj/attr, the patient of a passive, or the noun a
    mis-parsed past-tense verb modifies ("reported the two held talks"), or the object the
    parser hung on the particle ("called off the general strike"); through a
    partitive ("withdrew some of its troops") to the noun it counts."""
    d = child(v, "dobj", "attr", "oprd")
    if d is not None and d.dep_ == "dobj" and v.dep_ == "relcl" and d.lower_ in ("that", "which"):
        d = v.head  # "the sanctions that the EU imposed on Belarus": the noun the clause describes
    if d is not None and d.dep_ == "dobj" and d.pos_ == "ADJ":
        # "meet his counterpart Italian President X" parsed as two objects, the first an
        # adjective: the noun is the object
        d = next((c for c in v.children if c.dep_ == "dobj" and c.i > d.i and c.pos_ in ("NOUN", "PROPN")), d)
    if d is None or d.lower_ in RESULTATIVES:
        # "let free 74 political leaders": the parser makes the resultative a clause with the object
        res = d if d is not None else next((c for c in v.children if c.dep_ in ("ccomp", "xcomp") and c.lower_ in RESULTATIVES), None)
        d = (child(res, "dobj") if res is not None else None) or d
    if d is None:
        d = bare_name_object(v)
    if d is None:
        d = child(v, "nsubjpass")
    if d is None and is_misparsed_verb(v):
        d = v.head
    if d is None and (p := child(v, "prt")) is not None:
        d = child(p, "pobj")  # "called off [the general strike]" parsed as the particle's object
    if d is None:
        d = up_to_quantity(v)
    return partitive_head(d)


def up_to_quantity(v):
    """The object of "kidnapped up to 16 advisers", "arrested as many as 200 people", which the
    parser reads as a particle or preposition with its own object; None when there is none.
    Only a counted noun ("16 advisers") is taken: "gave up to the police" has none."""
    for c in v.children:
        if c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "up":
            to = next((g for g in (*c.children, *v.children) if g.lower_ == "to" and g.i == c.i + 1), None)
            o = child(to, "pobj") if to is not None else None
            if o is not None and any(g.dep_ == "nummod" and g.tag_ == "CD" for g in o.children):
                return o
            # ... or the object with "to" on its number ("arrested [up] [to 200] protesters")
            d = child(v, "dobj")
            if d is not None and any(g.dep_ == "nummod" and any(q.lower_ == "to" and q.i == c.i + 1 for q in g.children)
                                     for g in d.children):
                return d
    return None


#: prepositions whose object is what an act was done to, when no actor is named there
ACTED_ON_PREPS = ("against", "on", "into", "of", "over", "at", "to", "for")


def acted_on(tokens, light=lambda verb: False, time_phrase=lambda prep: False):
    """(first, last) token indices of what an act was done to, for an event with no target
    actor: the object of the trigger's verb ("condemned [the terrorist attack]"), or the object
    of an against/on/into/of... phrase on the verb or on a trigger noun ("joined an
    investigation [of the jets]"); the noun phrase up to its head, with an of-phrase ("[gross
    violations of human rights]"). ``tokens``: the trigger's tokens; ``light(verb)``: does the verb
    pass through to its event noun ("launched [an investigation] into X": X, not the
    investigation; "condemned [the attack]": the attack); ``time_phrase(prep)``: a time, never
    what an act was done to ("on Monday"). None when there is none."""
    def phrase(h):
        return next((pobj_of(c) for c in h.children if c.dep_ == "prep" and c.lower_ in ACTED_ON_PREPS
                     and pobj_of(c) is not None and c.i > h.i and not time_phrase(c)), None)

    inside = {t.i for t in tokens}
    verb = next((t for t in tokens if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None:
        o = obj_token(verb)
        if o is not None and o.i in inside and light(verb):
            # the object is the event noun ("joined [an investigation] of the jets", or the
            # phrase hung on the verb: "opened an investigation [into] the shooting")
            o = phrase(o) or phrase(verb)
        elif o is None:
            o = phrase(verb)
    else:
        noun = next((t for t in tokens if t.pos_ in ("NOUN", "PROPN")), None)
        o = phrase(noun) if noun is not None else None
    if o is None:
        return None
    first = min(t.i for t in o.subtree)
    last = o.i
    of = next((c for c in o.children if c.dep_ == "prep" and c.lower_ == "of" and pobj_of(c) is not None), None)
    if of is not None:
        last = pobj_of(of).i
    return first, last
