"""The ``events`` stage: sentences + resolved actors -> CAMEO/PLOVER events.

For each coded sentence (headline, summary and body paragraphs only) the coder
walks the dependency parse:

* every verb is matched against the lexicon (``lexicon.py``, ``matching.py``); light verbs take
  the code of their event noun ("held talks"); control verbs combine with the
  act they govern ("agreed to expand ties" -> intent, "refused to" -> reject,
  "used its media to criticise" -> the criticism); reporting verbs are not events
  themselves but mark the clause they report (``reported_by``);
* roles come from the parse (``roles.py``, ``arguments.py``): active/passive,
  coordinated and group subjects (one event per member, symmetric pairs for joint
  acts), objects and prepositional targets;
* event nouns not used by a verb become nominal events when they name their own
  actors ("US sanctions on Russia", "talks between X and Y");
* modality (``modality.py``) is stored on every event; a future or conditional
  material act stated by its actor is coded as an intent (03) or a threat (13),
  and "X said Y must ..." is a demand (10) by X; predicates ("Y was responsible for the
  attack", "found Y guilty") code in ``predicates.py``;
* relevance (``relevance.py``) drops events without a political actor or in non-political
  text, and every event gets a confidence (``confidence.py``).

No event is invented without a lexicon match, and no fallback code is used.
"""

from __future__ import annotations

import hashlib

from ..model import Actor, Document, Event, Evidence, Modality, Plover, Sentence
from ..pipeline import register
from ..settings import Settings
from . import confidence
from .arguments import Arguments, own_side
from .lexicon import Lexicon, load_lexicon
from .matching import Match, VerbMatching, is_time_phrase
from .modality import FUTURE_AUX, WOULD, content_head, in_condition, mood
from .nominal import FORCE_ROOTS, TIME_PREPS, NominalEvents, _words
from .predicates import Predications
from .relevance import CAPITAL_RULE, Relevance, _sector, load_domains
from .roles import (
    MentionIndex,
    acted_on,
    child,
    is_misparsed_verb,
    nodes_of,
    np_mentions,
    obj_token,
    pobj_of,
    same_actor,
    subject_token,
)

CODED_KINDS = {"headline", "summary", "body"}
THREAT = "130"  # a warning made on a condition
LEAVE_VERBS = frozenset({"leave", "quit", "depart", "exit"})  # ordered to leave: expelled
#: verbs whose participle before a noun is an adjective of doubt, not an act: "alleged", "purported"
ATTRIBUTIVE_VERBS = frozenset({"allege", "purport", "repute"})
#: PETRARCH verb groups whose bare default, generic material cooperation (060), says nothing
#: about cooperation: heading or leading something, increasing or easing it, granting, linking,
#: merging, founding, allotting or enlisting. Only their patterns with an object or a
#: preposition code (exchanging with someone, PETRARCH's TRADE, and training, PREPARE, keep theirs)
VAGUE_DEFAULT = "060"
VAGUE_GROUPS = frozenset({"BOOST", "ENACT", "FACILITATE", "GRANT", "LINK", "MERGE", "OVERSEE_MANAGE", "ALLOCATE",
                          "ENLIST"})
OFFICIAL_COMPLAINT = "114"  # complain officially: a state's protest
CONVICT = "116"  # find guilty; with a sentence conjoined, the sentence is the event
SENTENCE_VERBS = frozenset({"sentence", "jail", "imprison"})
CONTROL = ("intent", "threaten", "reject", "transparent", "request", "deny", "phone", "purpose")
# joint acts: with two or more actors and no target, one symmetric event per pair
#: ("0356", agreeing to a ceasefire, is the intent form of the joint "0871": "X and Y agreed to
#: extend their ceasefire" is each side's pledge to the other, as "X and Y extended it" is)
SYM_PREFIXES = ("030", "031", "032", "036", "037", "040", "041", "044", "046", "050", "057", "06", "0356", "0871", "190",
                "193")
#: codes that are joint acts only without a complement: "X and Y collaborated" (one event each
#: way), but "X and Y sided with Z" or "... came out in favour of the plan" is each one's support
JOINT_ONLY_BARE = ("050",)
CODER_VERSION = "coder.4"
#: acts of physical violence (``FORCE_ROOTS``) whose instrument does not change their code:
#: abduction (181), assassination (186) ... keep their own code whatever the weapon
NOT_FORCE = ("181", "184", "185", "186")
#: "X and Y traded accusations / exchanged fire": one event each way
RECIPROCAL_VERBS = {"trade", "exchange", "swap"}
#: objects by which two sides act on each other ("fought each other")
RECIPROCAL_OBJECTS = {"other", "another"}
# "make statement, not specified": PETRARCH's notorious default flood; never emitted
NOT_EVENTS = {"010", "01"}


class EventStage:
    name = "events"
    needs = ("spacy", "sentences", "mentions")
    sets = ("events",)

    def __init__(self, settings: Settings):
        self.settings = settings
        self._lex: Lexicon | None = None
        self._rel: Relevance | None = None
        self._opinion = None
        self._discards = None

    @property
    def lexicon(self) -> Lexicon:
        if self._lex is None:
            from ..petrdict.load import DictSpec

            self._lex = load_lexicon(tuple(self.settings.lexicon_files), DictSpec.from_settings(self.settings) or None)
        return self._lex

    @property
    def discards(self):
        """The PETRARCH discard phrases of ``--dict-discards`` (empty without)."""
        if self._discards is None:
            from ..petrdict.discards import Discards
            from ..petrdict.load import DictSpec, load_dictionaries

            spec = DictSpec.from_settings(self.settings)
            self._discards = load_dictionaries(spec).discards if spec.discards else Discards()
        return self._discards

    @property
    def relevance(self) -> Relevance:
        if self._rel is None:
            self._rel = Relevance(load_domains())
        return self._rel

    @property
    def opinion(self):
        """The learned second opinion on event types (``opinion_use.py``), when switched on
        (never with ``--only-dicts``: it was trained on the built-in coder's output)."""
        if self._opinion is None and self.settings.opinion and not self.settings.only_dicts:
            from .opinion_use import load_opinion

            self._opinion = load_opinion(self.settings, self.lexicon)
        return self._opinion

    @property
    def version(self) -> str:
        return f"{CODER_VERSION}+{self.lexicon.version}" + (f"+{self.opinion.version}" if self.opinion else "")

    def __call__(self, doc: Document) -> Document:
        lex = self.lexicon
        allm = MentionIndex((), doc.mentions)
        events: list[Event] = []
        contexts = None
        discards = self.discards
        # why a sentence gave no event (for evaluation reports): sentence index -> reason
        uncoded: dict[int, str] = doc.extras.setdefault("uncoded", {})
        if discards:
            story = discards.match(doc.article.text, story=True)
            if story:
                uncoded.update({s.index: f"story discarded by the discard phrase {story!r}" for s in doc.sentences})
                doc.events = []
                return doc
        only = self.settings.only_dicts
        for k, s in enumerate(doc.sentences):
            if s.kind not in CODED_KINDS:
                continue
            if discards:
                hit = discards.match(doc.article.text[s.start:s.end], story=False)
                if hit:
                    uncoded[s.index] = f"sentence discarded by the discard phrase {hit!r}"
                    continue
            if not allm.any_between(s.start, s.end):
                uncoded[s.index] = "no actor found in the sentence"
                continue  # every event needs an actor: a sentence without mentions has none
            span = doc.spacy.char_span(s.start, s.end, alignment_mode="expand")
            if span is None:
                continue
            nodes = nodes_of(span)
            idx = MentionIndex(nodes, [m for m in doc.mentions if m.end > span.start_char and m.start < span.end_char])
            for n in nodes:
                if n.pos_ == "VERB" or n.pos_ == "ADJ":
                    n.lemma_ = lex.verb_lemma(n.lemma_, n.lower_)
            sc = _SentenceCoder(lex, doc, s, nodes, idx)
            found = sc.code()
            coded = bool(found)
            if self.opinion is not None:
                found = self.opinion.review(sc, found)
            if not coded and not found and s.kind == "headline":
                from ..nlp import load
                from .headline import recode

                found = recode(_SentenceCoder, lex, doc, s, nodes, idx, load(self.settings.model))
            if not found:
                uncoded[s.index] = _NoMatch(lex, [n.lemma_ for n in nodes if n.pos_ == "VERB"])
            if found and not only:
                # not political news: no political actor, or sport/weather/business text without a strong one
                def ctx(k=k):
                    nonlocal contexts
                    contexts = contexts or self.relevance.contexts(doc)
                    return contexts[k]

                found = [j for e in found if (j := self.relevance.judge(e, ctx)) is not None]
            events.extend(found)
        doc.spacy.user_data.pop("whimbrel_nodes", None)  # the token table nodes_of read (roles.py)
        floor = self.settings.min_confidence
        doc.events = [e for e in _dedupe(events) if e.confidence >= floor]
        return doc


@register("events")
def make(settings: Settings) -> EventStage:
    return EventStage(settings)


# ---------------------------------------------------------------- helpers


def _dedupe(events: list[Event]) -> list[Event]:
    seen, out = set(), []
    for e in events:
        k = (e.sentence_index, e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        if k in seen:
            continue
        seen.add(k)
        out.append(e)
    return out


#: words of leaving a body one belongs to ("withdrew from", "pulled out of", "its exit from")
MEMBERSHIP_LEAVING = frozenset({"withdraw", "withdrawal", "pull", "exit", "quit", "leave", "departure"})


def _membership_left(m, v, left: list[Actor], idx) -> bool:
    """Is the act leaving something, with nothing else taken away ("withdrew from the WHO", not
    "withdrew its ambassador from the UN")? An object may be the body ``left`` itself ("left
    the EU", "quit the ICC"); ``idx`` finds the actors at a token."""
    word = (m.noun.lemma_ if m.noun is not None else v.lemma_).lower()
    if word not in MEMBERSHIP_LEAVING:
        return False
    d = child(v, "dobj")
    return d is None or (m.noun is not None and d.i == m.noun.i) or any(a in left for a in idx.at(d))


def _is_military(a: Actor) -> bool:
    return a.sector == "MIL" or (a.code or "").endswith("MIL")


def _is_state(a: Actor) -> bool:
    """A state as such: a country named by its name or its capital, or its government; not its
    people ("Young Algerians": ``kb:people``, ``kb:demonym``)."""
    code = a.code or ""
    if len(code) < 3 or code[:3] in ("---", "IGO", "NGO", "IMG"):
        return False
    return code.endswith("GOV") or (len(code) == 3 and a.rule in ("kb:country", CAPITAL_RULE))


class _NoMatch:
    """Why a sentence with actors gave no event, worded only when a report asks (``str``)."""

    __slots__ = ("lex", "verbs")

    def __init__(self, lex: Lexicon, verbs: list[str]):
        self.lex, self.verbs = lex, verbs

    def __reduce__(self):
        return str, (str(self),)  # pickled (worker processes) as its words, not with the lexicon

    def __str__(self) -> str:
        verbs = sorted(set(self.verbs))
        known = [v for v in verbs if self.lex.knows(v)]
        return (f"no pattern of the verb(s) {', '.join(known)} matched with a source or target"
                if known else f"no verb of the lexicon (verbs: {', '.join(verbs) or 'none'})")


#: sectors of actors that carry arms (a clash between them is military force)
ARMED_SECTORS = frozenset({"MIL", "REB", "COP", "UAF", "INS", "SEP", "SPY"})


def _unarmed(a: Actor) -> bool:
    """A civilian, party, union, student ... side: no armed sector and no government."""
    return _sector(a) not in ARMED_SECTORS and _sector(a) != "GOV" and a.kind != "country"


#: modifiers of a drill held together with others
JOINT_WORDS = frozenset({"joint", "combined", "coordinated", "bilateral", "trilateral", "multinational"})
#: sectors of people who act as civilians (protesters, students, workers, farmers, doctors)
CIVILIAN_SECTORS = frozenset({"CVL", "EDU", "LAB", "AGR", "HLH", "REF", "BUS", "MED"})
#: sectors of a state's institutions, whose buildings civilians storm or occupy in protest
INSTITUTION_SECTORS = frozenset({"GOV", "LEG", "JUD"})
#: sectors of people who are sent away as a state's or a body's mission, not as persons (expel: 161/166)
STATE_SECTORS = frozenset({"GOV", "MIL", "IGO", "NGO", "SPY", "LEG", "JUD", "COP"})
#: words that make a strike an armed one ("air strike", "retaliatory strikes") ...
ARMED_STRIKE_WORDS = frozenset({"air", "drone", "missile", "military", "nuclear", "rocket", "artillery", "retaliatory",
                                "precision", "preemptive", "pre-emptive", "surgical", "targeted", "aerial", "naval",
                                "first", "ground", "cruise"})
#: ... and words that make it a stoppage of work ("general strike", "hunger strike", "sit-in strike")
WORK_STRIKE_WORDS = frozenset({"general", "nationwide", "national", "indefinite", "wildcat", "hunger", "sit-in",
                               "labour", "labor", "work", "one-day", "two-day", "day-long", "token", "warning",
                               "transport", "rail", "teachers", "doctors", "workers", "nurses", "union"})


def _strike_noun(m, act_v):
    """The noun "strike" an event was coded from: the light verb's event noun or the act's object."""
    for t in (m.noun, child(act_v, "dobj")):
        if t is not None and getattr(t, "lemma_", "").lower() == "strike":
            return t
    return None


def _labour_strike(tok, src: list[Actor]) -> bool:
    """Is the noun ``tok`` a strike from work rather than an armed one? Its modifiers say so
    when they can; otherwise its doers do: a strike by people who bear no arms."""
    if tok is None:
        return False
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "poss", "nummod")}
    if mods & ARMED_STRIKE_WORDS:
        return False
    return bool(mods & WORK_STRIKE_WORDS) or all(_unarmed(a) for a in src)


def _own_force(a: Actor, src: list[Actor]) -> bool:
    """Is ``a`` an armed or police force of the source's own side (or of no known side)?"""
    return (a.sector in ("MIL", "COP") or a.code[3:6] in ("MIL", "COP")) and (
        a.code.startswith("---") or any(a.code[:3] == s.code[:3] for s in src))


def _participants(src: list[Actor]) -> int:
    """How many different actors a source list names."""
    out: list[Actor] = []
    for a in src:
        if not any(same_actor(a, b) for b in out):
            out.append(a)
    return len(out)


# ---------------------------------------------------------------- sentence coder


def _petrarch_group(p) -> str:
    """The PETRARCH synonym group a converted pattern came from ("petrarch:GRANT:give" ->
    "GRANT"); "" for any other pattern."""
    parts = p.id.split(":")
    return parts[1] if len(parts) > 2 and parts[0] == "petrarch" else ""


class _SentenceCoder(VerbMatching, Predications, NominalEvents, Arguments):
    def __init__(self, lex: Lexicon, doc: Document, sent: Sentence, span, idx: MentionIndex):
        self.lex = lex
        self.doc = doc
        self.sent = sent
        self.span = span  # list of roles.Node, in token order
        self.by_i = {n.i: n for n in span}
        self.idx = idx
        self.consumed: set[int] = set()
        self.commentary: set[int] = set()
        self.out: list[Event] = []
        self.according = None
        self.main: list[bool] = []  # per event: not inside a relative, adverbial or content clause

    # ---- lexicon matching
    # ---- emitting
    def emit(self, code, src, tgt, trig, md: Modality, pattern_id: str, conf: float, sym_ok: bool, *, main: bool = True, plover: str = ""):
        info = self.lex.info(code)
        if info is None or code in NOT_EVENTS:
            return
        pl = info.plover if not plover else Plover(event=plover, mode=None, context=info.plover.context)
        a, b = min(trig), max(trig)
        first, last = self.by_i[a], self.by_i[b]
        t0, t1 = first.idx, last.idx + len(last.text)
        if t1 - t0 > 80:
            t1 = t0 + len(first.text)
        pairs = []
        symmetric = False
        if len(src) >= 2 and not tgt and sym_ok and code.startswith(SYM_PREFIXES):
            symmetric = True
            # a joint act is one event in each direction for every pair of participants
            for i in range(len(src)):
                for j in range(i + 1, len(src)):
                    if not same_actor(src[i], src[j]):  # an actor does not meet itself
                        pairs += [(src[i], src[j]), (src[j], src[i])]
        else:
            for s in src or [None]:
                for t in tgt or [None]:
                    if s is not None and t is not None and s.code == t.code and (
                        same_actor(s, t) or "pronoun" in (s.kind, t.kind)
                    ):
                        continue  # not an act on itself (a region's government and the state's are two)
                    pairs.append((s, t))
            if not pairs and src:
                pairs = [(s, None) for s in src]  # the only target was the source itself
        text = self.doc.article.text
        thing = {}
        if all(t is None for _s, t in pairs):
            # no one named on the receiving end: say what the act was done to
            span = acted_on([self.by_i[k] for k in range(a, b + 1) if k in self.by_i],
                            light=lambda v: bool({"light", "transparent"} & set(self.lex.roles.get(v.lemma_.lower(), ()))),
                            time_phrase=is_time_phrase)
            if span is not None and span[0] in self.by_i and span[1] in self.by_i:
                o0, ol = self.by_i[span[0]], self.by_i[span[1]]
                o_start, o_end = o0.idx, ol.idx + len(ol.text)
                if 0 < o_end - o_start <= 120:
                    thing = {"object": text[o_start:o_end], "object_start": o_start, "object_end": o_end}
        evid = Evidence(
            sentence=text[self.sent.start: self.sent.end],
            sentence_start=self.sent.start,
            trigger=text[t0:t1],
            trigger_start=t0,
            trigger_end=t1,
            pattern=pattern_id,
            **thing,
        )
        for s, t in pairs:
            if (s is None or s.code == "---") and (t is None or t.code == "---"):
                continue  # nobody known on either side: no information ("Seles had to fight hard")
            c = confidence.score(conf, s, t, md, main=main, text=text, trigger=(t0, t1), code=code)
            key = "|".join(
                [self.doc.article.id, str(self.sent.index), str(t0), str(t1), s.code if s else "", t.code if t else "", code]
            )
            self.out.append(
                Event(
                    event_id=hashlib.sha1(key.encode()).hexdigest()[:16],
                    article_id=self.doc.article.id,
                    sentence_index=self.sent.index,
                    source=s,
                    target=t,
                    cameo=code,
                    cameo_root=info.root,
                    quad_class=info.quad_class,
                    goldstein=info.goldstein,
                    plover=pl,
                    evidence=evid,
                    modality=md,
                    confidence=c,
                    symmetric=symmetric,
                )
            )
            self.main.append(main)

    def petrarch_target(self, v, src: list[Actor]) -> list[Actor]:
        """PETRARCH's target: the first actor after the verb in its clause ("welcomed the
        resumption of ties with Mordor, Rohan and Bree", "arrived in Gondor"; not inside an
        adverbial clause with its own subject), with its conjuncts; used with
        ``--only-dicts``, where the dictionaries are written for it."""
        own = {a.code for a in src}
        clause: list = []
        stack = [v]
        while stack:  # the verb's clause, without adverbial clauses that have their own subject
            n = stack.pop()
            clause.append(n)
            stack.extend(c for c in n.children if not (c.dep_ == "advcl" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)))
        for t in sorted(clause, key=lambda t: t.i):
            if t.i <= v.i:
                continue
            if not self.idx.at(t):
                continue
            head = t
            while head.dep_ in ("compound", "flat", "amod", "poss") and head.head.i != head.i:
                head = head.head
            found = [a for a in (np_mentions(head, self.idx) or self.idx.at(t)) if a.code not in own]
            if found:
                return found
        return []

    # ---- the walk
    def governed(self, v) -> bool:
        """Is ``v`` the act of a control verb (coded by that verb instead)?"""
        if v.dep_ == "conj" and v.head.i != v.i and v.head.pos_ == "VERB":
            return self.governed(v.head)  # "urged X to exercise restraint and resolve ..."
        if v.dep_ not in ("xcomp", "advcl", "ccomp"):
            return False
        roles = self.lex.roles.get(v.head.lemma_.lower(), ())
        if v.dep_ == "ccomp" and "deny" in roles:
            # "denied that it had supplied missiles": the denial is the event; but in "X accused
            # Y of ..., a charge Y denies" the accusation is X's own act
            return not self.others_claim(v)
        if v.dep_ == "ccomp" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            return False
        if v.dep_ == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            return False
        roles = self.lex.roles.get(v.head.lemma_.lower(), ())
        return any(r in roles for r in CONTROL)

    def others_claim(self, c) -> bool:
        """Is the clause ``c`` that a denial governs someone else's act ("DR Congo
        accused Rwanda ..., a charge Kigali denies"), not the denier's own?"""
        subj = np_mentions(subject_token(c), self.idx) if child(c, "nsubj") is not None else []
        denier = {a.code[:3] for a in np_mentions(subject_token(c.head), self.idx)}
        return bool(subj) and bool(denier) and not {a.code[:3] for a in subj} & denier

    def code(self) -> list[Event]:
        lex = self.lex
        verbs = [
            t
            for t in self.span
            if (t.pos_ == "VERB" and (lex.knows(t.lemma_) or t.lemma_ in lex.roles))
            or (t.pos_ == "AUX" and t.dep_ == "ROOT" and t.lemma_ != "be")
            # "is willing/ready/prepared to withdraw"
            or (t.pos_ == "ADJ" and child(t, "xcomp") is not None and any(r in CONTROL for r in self.lex.roles.get(t.lemma_.lower(), ())))
        ]
        for v in verbs:
            if "commentary" in self.lex.roles.get(v.lemma_.lower(), ()) and any(
                a.dep_ in ("aux", "auxpass") and a.lower_ in ("could", "might", "may", "would", "can") for a in v.children
            ):
                self.commentary.update(t.i for t in v.subtree)
        coded: set[int] = set()
        for v in verbs:
            if v.i in self.commentary or self.governed(v):
                continue
            before = len(self.out)
            self.code_clause(v)
            if len(self.out) > before:
                coded.add(v.i)
        self.code_predications(coded)
        self.code_donors(coded)
        self.code_nouns()
        if any(self.main):
            # background clauses ("the faction that controls ...", "after a coup toppled ...",
            # "demanded that X cancel plans to sell ...") are not separate events when the
            # sentence has a main event; but violence whose doer is unknown ("two people were
            # killed when ISIL launched an attack") keeps the violent clause that names the doer
            unknown_violence = all(e.quad_class == 4 and (e.source is None or e.source.code == "---")
                                   for e, m in zip(self.out, self.main) if m)
            return [e for e, m in zip(self.out, self.main)
                    if m or (unknown_violence and e.quad_class == 4 and e.source is not None)]
        return self.out

    def own_future_act(self, v, said) -> bool:
        """Is ``said`` (the clause ``v`` states) a future act of ``v``'s own subject ("warned it
        would respond", "warned that Pyongyang will retaliate" said by Pyongyang)?"""
        if not any(a.dep_ == "aux" and (a.lower_ in FUTURE_AUX or a.lower_ in WOULD) for a in said.children):
            return False
        who = {a.code for a in np_mentions(subject_token(v), self.idx)}
        doer = np_mentions(subject_token(said), self.idx)
        return bool(who) and bool(doer) and all(a.code in who for a in doer)

    def owned_object(self, v) -> bool:
        """Does ``v``'s object name whose it is ("accept the Chinese plan", "Beijing's offer")?"""
        d = obj_token(v)
        return d is not None and any(self.idx.at(c) for c in d.children if c.dep_ in ("poss", "compound", "amod", "nmod"))

    def undertaking_purpose(self, v):
        """(purpose verb, its match) when ``v``'s object is an undertaking (``&UNDERTAKINGS``:
        an operation, a campaign, an effort) with an infinitive of purpose that codes on its
        own ("operations to detain 110 soldiers"); None otherwise, and for a bare PETRARCH
        default of the purpose verb."""
        d = obj_token(v)
        if d is None or not self.in_class(d, "&UNDERTAKINGS"):
            return None
        # the infinitive hangs on the undertaking, or (as the parser often has it) on the verb
        cands = [c for c in d.children if c.dep_ in ("acl", "relcl")]
        cands += [c for c in v.children if c.dep_ in ("advcl", "xcomp") and c.i > d.i]
        for c in cands:
            if c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                pm = self.code_verb(c)
                if pm is not None and not (pm.pattern is not None and pm.pattern.priority == 2
                                           and not (pm.pattern.object or pm.pattern.prep or pm.pattern.particle)):
                    return c, pm
        return None

    def joint_drill(self, m, act_v) -> bool:
        """Is the act's drill noun (``&DRILLS``) held jointly: "joint", "combined" or
        "coordinated", or with a partner named in a with-phrase?"""
        n = m.noun if m.noun is not None else obj_token(act_v)
        if n is None or not self.in_class(n, "&DRILLS"):
            return False
        if any(c.dep_ in ("amod", "compound") and c.lower_ in JOINT_WORDS for c in n.children):
            return True
        return any(c.dep_ == "prep" and c.lower_ == "with" and (o := pobj_of(c)) is not None and self.names_actor(o)
                   for c in (*n.children, *act_v.children))

    def purpose_of_uncoded(self, v) -> bool:
        """Is ``v`` an infinitive of purpose ("... to oppose the laws") of a verb that codes
        nothing itself ("camped", "sprayed paint", "marched")?"""
        if v.dep_ not in ("advcl", "xcomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            return False
        h = v.head
        return h.i != v.i and h.pos_ == "VERB" and self.code_verb(h) is None

    def is_main(self, tok) -> bool:
        """Is ``tok`` in the sentence's main clauses (through reporting and control verbs)?"""
        t = tok
        for _ in range(15):
            if t.dep_ == "ROOT" or t.head.i == t.i:
                return True
            d, h = t.dep_, t.head
            hroles = self.lex.roles.get(h.lemma_.lower(), ())
            if d in ("relcl", "acl", "advcl", "pcomp", "csubj", "csubjpass"):
                return False
            if d == "ccomp" and "report" not in hroles and "threaten" not in hroles and not (
                    "deny" in hroles and self.others_claim(t)):
                return False  # what a warning says, or a claim someone denies, is a main event
            if d == "xcomp" and not any(r in hroles for r in CONTROL) and h.pos_ != "AUX" and h.lemma_ != "be":
                return False
            if d == "amod" and not is_misparsed_verb(t):
                return False
            t = h
        return True

    def code_clause(self, v) -> None:
        roles = self.lex.roles.get(v.lemma_.lower(), ())
        if v.dep_ == "acl" and v.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in v.children):
            if v.lemma_.lower() in ATTRIBUTIVE_VERBS:
                return  # "capture alleged mastermind X": the adjective, no accusation
            if "command" in roles and v.head.pos_ == "NOUN" and any(self.lex.noun(w) for w in _words(v.head)):
                return  # "a drone strike ordered by Trump": the strike is coded, with Trump as its source
        act_v = v
        kind = None
        m = verb_m = self.code_verb(v)
        xc = None
        small_clause = False  # "ordered [X jailed]" parsed as a clause whose subject is X
        ordered_out = False  # "ordered the ambassador to leave": an expulsion
        act_code = None  # the governed act's own code ("will not agree to withdraw": withdraw's)
        for c in v.children:
            if c.dep_ == "xcomp" or (c.dep_ in ("advcl", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)) or (
                c.dep_ == "ccomp" and "deny" in roles and not self.others_claim(c)
            ):
                if c.pos_ == "VERB":
                    xc = c
                    break
        if xc is None and "command" in roles:
            # "ordered nine former ministers jailed": the ordered act hangs on the object
            d = child(v, "dobj")
            xc = next((c for c in (d.children if d is not None else ()) if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")), None)
            # ... or is parsed as a small clause of its own ("ordered [nine ex-members jailed]")
            if xc is None:
                xc = next((c for c in v.children if c.dep_ == "ccomp" and c.tag_ in ("VBN", "VBD")
                           and not any(a.dep_ in ("aux", "auxpass", "mark") for a in c.children)), None)
                small_clause = xc is not None
        if xc is not None and any(r in roles for r in CONTROL):
            own = m is not None and (m.noun is not None or (m.pattern is not None and (m.pattern.object or m.pattern.prep)))
            am = self.code_verb(xc) if "command" in roles else None
            if am is None and "command" in roles and xc.lemma_.lower() in LEAVE_VERBS and (d := child(v, "dobj")) is not None:
                # "ordered the French ambassador to leave the country": an expulsion (161 for
                # diplomats, as "expelled the ambassador"; else 166); its own troops: a withdrawal
                code = "0874" if self.in_class(d, "&TROOPS") else "161" if self.in_class(d, "&DIPLOMATS") else "166"
                am = Match(code, None, (xc.i, xc.i))
                ordered_out = True
            if am is not None and self.lex.info(am.code) is not None and self.lex.info(am.code).quad_class in (2, 4):
                # an authority's order of a material act is that act ("ordered the newspaper to
                # suspend publication", "ordered troops to withdraw"); an order to say something
                # stays a demand
                trig = (min(v.i, am.trigger[0]), max(v.i, am.trigger[1]))
                m, act_v = Match(am.code, am.pattern, trig, am.noun), xc
            elif "phone" in roles and self.called_to_say(v, xc) is not None:
                # "called Morrison to congratulate him": the call is made to say something, and
                # what is said (a statement, an apology, praise, talks) is the caller's act
                pm = self.called_to_say(v, xc)
                m, act_v = Match(pm.code, pm.pattern, (min(v.i, pm.trigger[0]), max(v.i, pm.trigger[1])), pm.noun), xc
            elif "purpose" in roles:
                # "sent teams to investigate the rebels", "is sending a team to audit the vote":
                # what the people sent are to do is the sender's act, unless the verb's own
                # pattern says more ("sent troops to Syria": 074, "sent aid": 070)
                pm = self.code_verb(xc)
                if (m is None or m.pattern is None or m.pattern.priority == 2) and pm is not None and not (
                        pm.pattern is not None and pm.pattern.priority == 2
                        and not (pm.pattern.object or pm.pattern.prep or pm.pattern.particle)):
                    m = Match(pm.code, pm.pattern, (min(v.i, pm.trigger[0]), max(v.i, pm.trigger[1])), pm.noun)
                    act_v = xc
            elif "request" in roles:
                pass  # the verb's own code; its object is the target
            elif own and (xc.dep_ != "xcomp" or not any(r in roles for r in ("intent", "threaten", "reject", "deny"))):
                # "staged demonstrations to demand reforms": the demonstration is the event; so is
                # "pledged support for X('s plan) to form an alliance": an infinitive of purpose
                # is no act the pledge controls
                pass
            else:
                am = self.code_verb(xc)
                if am is not None and am.pattern is not None and am.pattern.priority == 2 and not (
                    am.pattern.object or am.pattern.prep or am.pattern.particle
                ):
                    am = None  # a bare PETRARCH default is too weak to replace the governor's own code
                if am is not None:
                    act_code = am.code
                    kind = next((r for r in ("reject", "threaten", "intent", "deny") if r in roles), None)
                    if kind == "intent" and am.code[:2] >= "14":
                        kind = "threaten"  # "vowed to fight", "swore to attack": a threat
                    code = self.lex.mapped(kind, am.code) if kind else am.code
                    if kind and code == am.code and m is not None and kind != "intent":
                        code = m.code  # no mapped form: the control verb's own code
                    trig = (min(v.i, am.trigger[0]), max(v.i, am.trigger[1])) if kind else am.trigger
                    if am.noun is not None:
                        self.consumed.add(am.noun.i)
                    m = Match(code, am.pattern, trig, am.noun)
                    act_v = xc
        if act_v.i == v.i and "light" in roles and (up := self.undertaking_purpose(v)) is not None:
            # "launched operations to detain 110 soldiers", "launched an effort to mediate": an
            # undertaking says no act of its own; what it is for is the act
            act_v, pm = up
            m = Match(pm.code, pm.pattern, (min(v.i, pm.trigger[0]), max(v.i, pm.trigger[1])), pm.noun)
        if act_v.i == v.i and m is not None and m.act is not None:
            act_v = m.act  # "reiterated its willingness to support Lebanon": the support's own target
        if m is not None and act_v.i == v.i and "threaten" in roles and m.pattern is not None and not (
                m.pattern.object or m.pattern.prep or m.pattern.particle):
            # a bare warning: what it says is the threat ("warned it will retaliate": the
            # retaliation, announced, is coded on its own clause), and one made on a condition
            # threatens ("warned of a reaction if Biden does not ...": 130)
            said = next((c for c in v.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
            if said is not None and self.code_verb(said) is not None:
                return
            if any(c.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in ("if", "unless") for k in c.children)
                   for c in v.children) or (said is not None and (self.own_future_act(v, said) or self.promised_harm(said))):
                # ... and so is a warning of what the warner itself will do ("warned it would
                # respond to the drills with force") or of harm to come ("warned that Finland would
                # face serious consequences")
                m = Match(THREAT, m.pattern, m.trigger, m.noun)
        if m is not None and m.code.startswith(CONVICT) and any(
                c.dep_ == "conj" and c.lemma_.lower() in SENTENCE_VERBS for c in v.children):
            # "convicted X ... and sentenced him to seven years": the PLOVER manual codes a
            # conviction with imprisonment as the coercion (the sentence), not also as an accusation
            return
        retreat_only = False
        if m is None and "retreat" in roles and v.pos_ == "VERB":
            m, retreat_only = Match("0874", None, (v.i, v.i)), True  # kept only for armed forces, below
        elif (m is None and xc is not None and "transparent" in roles
              and "retreat" in self.lex.roles.get(xc.lemma_.lower(), ())):
            # "troops began leaving Afghanistan": the aspectual verb's act is a withdrawal
            m, retreat_only, act_v = Match("0874", None, (v.i, xc.i)), True, xc
        if m is None:
            return
        if m.noun is not None:
            self.consumed.add(m.noun.i)
        dobj = obj_token(v)
        if dobj is not None and m.pattern is not None and m.pattern.object:
            self.consumed.add(dobj.i)
        if v.dep_ == "acl" and m.noun is not None and m.noun.i == v.head.i:
            # "sanctions imposed by the US": coded as a nominal event of the noun
            self.consumed.discard(m.noun.i)
            return
        code = m.code
        src, tgt = self.args(act_v, m.pattern, code)
        if not src and act_v.i == v.i and dobj is not None and dobj.dep_ == "nsubjpass" \
                and m.pattern is not None and m.pattern.object and self.lex.noun(_words(dobj)[0]) is not None:
            # "the sanctions imposed by the EU on Belarus were extended", "US sanctions on Iran were
            # renewed": the passive's subject is the event noun the pattern names, not its patient;
            # its own phrase says who did it to whom
            n_src, n_tgt, _between = self.noun_roles(dobj, code)
            if n_src or n_tgt:
                src, tgt = n_src, n_tgt
        if not tgt and src and m.noun is not None and m.noun.i != v.i:
            # "announced the suspension of air links with 21 countries": the event noun the
            # pattern named says whom it concerns
            tgt = [a for a in self.noun_roles(m.noun, code)[1] if not own_side(a, src)]
        if act_v.i != v.i:
            s2, t2 = self.args(v, None, code)
            if small_clause and s2:
                src, tgt = s2, tgt or src  # the small clause's subject is who is jailed, not who orders it
            src = src or s2
            if "command" in roles and kind is None:
                t2 = [a for a in t2 if not _own_force(a, s2)]  # "ordered troops to withdraw": its own
                tgt = t2 or tgt  # "ordered China to close its consulate": China is made to act
            tgt = tgt or t2
            if kind == "intent":
                # "agreed with Castro's government to repatriate Cubans": an intent agreed with a
                # partner is that partner's, whoever the act itself is done to
                partner = [a for c in v.children if c.dep_ == "prep" and c.lower_ == "with" and pobj_of(c) is not None
                           for a in np_mentions(pobj_of(c), self.idx) if a.kind != "place" and not own_side(a, src)]
                tgt = partner or tgt
        if src and self.lex.only_dicts and not [a for a in tgt if a.code not in {b.code for b in src}]:
            tgt = self.petrarch_target(act_v, src)
        if "deny" in roles and act_v.i == v.i:
            claim = next((c for c in v.children if c.dep_ == "ccomp" and self.others_claim(c)), None)
            if claim is not None and not tgt:
                tgt = np_mentions(subject_token(claim), self.idx)  # Kigali denies DR Congo's charge
        rep, rep_by = self.reporter(v)
        if not src and rep_by and (st := subject_token(act_v)) is not None and st.lower_ in ("they", "we"):
            src = rep_by  # "the coalition's spokesman said that they support ...": the side he speaks for
        md_a = mood(act_v, in_reported=rep is not None)
        md_v = mood(v, in_reported=rep is not None) if act_v.i != v.i else md_a
        neg = md_v.negated or md_a.negated
        if neg and self.lex.only_dicts and m.pattern is not None and m.pattern.before:
            neg = False  # the pattern names the negation itself ("&NEGATVAUXVRB * OVER EFFORTS")
        fut = md_v.future or md_a.future
        hyp = md_v.hypothetical or md_a.hypothetical
        intent = kind == "intent"
        reported_by = rep_by[0].code if rep_by else None
        content = self.content_of_demand(v)
        demand = False  # the clause was turned into its asker's demand
        # a reported obligation ("Russia said Sudan must return ...") is the reporter's demand;
        # so is the content of a demand noun ("its demand that Israel ease restrictions")
        if content is not None and src:
            noun, owner = content
            code = self.lex.mapped("demand", code)
            if not code.startswith("10"):
                code = "100"
            src, tgt = owner, src
            reported_by = None
            demand = True
        elif md_a.obligation and rep is not None and src and {a.code for a in rep_by} != {a.code for a in src}:
            code = self.lex.mapped("demand", code)
            if not code.startswith("10"):
                code = "100"
            src, tgt = rep_by, src  # the reporter may be unresolved: an unknown source is kept
            reported_by = None
            demand = True
        elif not kind and (fut or hyp):
            root = code[:2]
            if neg and "03" <= root <= "08":
                # "will not accept refugees": a refusal, stated as such
                code = self.lex.mapped("reject", code if root != "03" else "03")
                neg = False
            elif neg:
                pass
            elif root in ("05", "06", "07", "08") and not code.startswith("057"):
                code = self.lex.mapped("intent", code)
                intent = True
            elif root == "04" and (md_a.modal_future or md_v.modal_future or hyp):
                # "will meet", "would visit": a statement of intent; "was to visit" stays a visit
                code = self.lex.mapped("intent", code)
                intent = True
            elif root >= "14":
                code = self.lex.mapped("threaten", code)
        elif neg and kind == "intent" and act_code and (md_v.future or md_v.modal_future or md_v.hypothetical):
            # "will not agree to withdraw": a refusal of the act
            code = self.lex.mapped("reject", act_code if act_code[:2] != "03" else "03")
            neg = intent = False
        if not demand and (neg or md_a.speculative or md_v.speculative or md_a.obligation or md_v.obligation
                           or content is not None or in_condition(act_v) or content_head(v, self.is_content_word) is not None):
            return  # not a fact: negated, guessed, an unreported "must", a condition, or what a demand asks for
        # threats: the if/unless clause names who must act ("... if Washington doesn't change")
        # ... and so does the until-clause of a refusal or a demand ("will not lift the embargo
        # until Cuba undertakes reforms", "won't end the strike until their demands are met by X")
        if not tgt and code[:2] in ("10", "12", "13"):
            tgt = self.condition_party(v, act_v, src, md_a.condition_head, until=not code.startswith("13"))
        # "used its official media to criticise": the media is the channel
        if act_v.i != v.i and not reported_by:
            d = child(v, "dobj")
            if d is not None:
                for a in np_mentions(d, self.idx):
                    if a.sector == "MED" or (a.code or "").endswith("MED"):
                        reported_by = a.code
        if not tgt and xc is not None and act_v.i == v.i and xc.dep_ in ("advcl", "xcomp"):
            # "marched in Washington to protest against Trump": the purpose names the target
            tgt = self.args(xc, None, code)[1]
        if not tgt and code[:2] in ("02", "10", "11", "12", "13"):
            # "voted to demand that Russia withdraw", "urged that Israel allow": the content
            # clause's subject is the one asked
            for c in act_v.children:
                if c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
                    tgt = [a for a in np_mentions(subject_token(c), self.idx) if a.kind != "place"]
                    break
        if code[:2] in FORCE_ROOTS and not code.startswith(NOT_FORCE):
            # "were killed in Russian artillery fire", "Israeli air strikes killed 20": the
            # attack names who did it, and an armed attack is force (19x), not 18x
            inst = self.instrument(act_v)
            if inst is not None:
                src = src or inst[1]
                if inst[0][:2] in ("19", "20") and code[:2] != "20":
                    code = inst[0]
        if code.startswith("183") and src and all(_is_military(a) for a in src):
            code = "195"  # bombing by armed forces is an air/artillery strike, not a non-military bombing
        elif code.startswith("182") and src and all(_is_military(a) for a in src):
            code = "190"  # killing or wounding by armed forces is military force (CAMEO 19), not assault (18)
        elif code.startswith("144") and src and all(_is_military(a) or _is_state(a) for a in src):
            code = "191"  # a blockade by armed forces or a state imposes it (CAMEO 19), not a protesters' obstruction (14)
        elif code == "190" and src and tgt and all(_sector(a) == "COP" for a in tgt) and all(_unarmed(a) for a in src):
            code = "145"  # protesters or opposition supporters clashing with police riot (CAMEO 145), not war
        elif code in ("190", "192") and src and tgt and all(_sector(a) in INSTITUTION_SECTORS for a in tgt) \
                and all(_sector(a) in CIVILIAN_SECTORS for a in src):
            # "protesters stormed the parliament" riots (145); "students occupied the parliament
            # building" is a sit-in (141): civilians who take a seat of power protest
            code = "145" if code == "190" else "141"
        elif code == "140" and src and all(_is_state(a) for a in src) and act_v.lemma_.lower() == "protest":
            # "the Philippines protested against the coast guard's use of water cannon": a state
            # that protests complains officially (114); demonstrating is people's (14)
            code = OFFICIAL_COMPLAINT
        elif (code[:2] in ("13", "15", "19") or code == "140") and src and _labour_strike(_strike_noun(m, act_v), src):
            # "teachers launched a nationwide strike", "the union threatened a general strike":
            # a strike by people who bear no arms stops work (143), it does not attack
            code = "133" if code[:2] == "13" else "143"
        elif code[:2] in ("11", "12") and src and all(_sector(a) in CIVILIAN_SECTORS for a in src) \
                and self.purpose_of_uncoded(act_v):
            # "farmers camped outside Delhi to oppose the farm laws", "activists sprayed paint on
            # the party's offices to denounce its policies": people who act to oppose protest (140)
            code = "140"
        elif code == "160" and src and tgt and all(a.country and a.country not in ("---", "IGO", "NGO") for a in src + tgt) \
                and len({a.country for a in src + tgt}) == 1:
            # "President Saied suspended parliament": a state's own institution suspended is no
            # reduction of relations between parties; it restricts (172)
            code = "172"
        elif code[:2] == "16" and src and all(_sector(a) in CIVILIAN_SECTORS - {"BUS"} and a.code[:3] not in ("IGO", "NGO")
                                             for a in src):
            # "demonstrators disrupted the WTO's meeting": people with no state's ties to cut do not
            # reduce relations (PETRARCH's disrupt: 160); they protest (140)
            code = "140"
        elif code == "166" and (d := obj_token(act_v)) is not None and any(
                a.kind in ("person", "agent") and _sector(a) not in STATE_SECTORS for a in self.idx.at(d)):
            # "expelled an imam accused of hate speech", "expelled a British journalist": a person
            # sent out of the country is deported (174), not a mission withdrawn (166)
            code = "174"
        elif code.startswith("15") and self.joint_drill(m, act_v):
            # "held joint military exercises with Russia", "staged joint drills": done together,
            # military cooperation (062), not a show of force (15)
            code = "062"
        elif code.startswith(("0874", "080")) and src and tgt and not any(_is_military(a) for a in src) \
                and all(a.code.startswith("IGO") for a in tgt) and _membership_left(m, act_v, tgt, self.idx):
            # "Argentina withdrew from the WHO", "announced their withdrawal from ECOWAS", "Britain
            # left the EU": a state that leaves an international organisation reduces relations
            # with it (16, SANCTION); it neither concedes (080) nor pulls forces back (0874)
            code = "160"
            retreat_only = False
        elif code.startswith(("143", "133")) and src and act_v.lemma_.lower() == "strike" and child(act_v, "dobj") is None \
                and not any(_unarmed(a) for a in src) and not _labour_strike(act_v, src):
            # ... and a state or an armed group that strikes attacks ("the rebels will strike again")
            code = "138" if code.startswith("133") else "190"
        if (retreat_only or "retreat" in roles) and src and all(_is_military(a) for a in src) and not code.startswith("1"):
            # "US troops withdrew from Iraq", "troops would leave Afghanistan"
            code = "0874"
            m = Match(code, None, m.trigger, m.noun)
            tgt = [a for a in tgt if not _is_military(a)] or self.place_target(act_v, from_ok=True)
        elif retreat_only:
            return
        if not tgt and "needtarget" in roles and not (m.pattern is not None and (
                (m.pattern.particle and m.pattern.object) or m.pattern.pobj or m.pattern.object_class)):
            # "asked where he was", "told reporters": only with someone on the receiving end;
            # a phrasal pattern with its object ("called off the strike"), a call for a named
            # thing ("called for new elections") or a named class of act ("called a general
            # strike") is an act without one
            return
        p = m.pattern
        if p is not None and p.priority == 2 and not (p.object or p.prep or p.particle) and not (
                (src and tgt) or (len({a.code for a in src}) >= 2 and code.startswith(SYM_PREFIXES))):
            return  # a bare PETRARCH verb default codes only a full dyad (or a joint act of two)
        if p is not None and p.priority == 2 and not (p.object or p.prep or p.particle) and p.code == VAGUE_DEFAULT \
                and _petrarch_group(p) in VAGUE_GROUPS:
            return  # "led the force", "headed the delegation", "granted", "controlled Mosul": no cooperation
        if reported_by and src and reported_by in {a.code for a in src}:
            reported_by = None  # an actor reporting its own act
        md = Modality(negated=neg, future=fut, hypothetical=hyp, intent=intent, reported_by=reported_by)
        pid = (m.pattern.id if m.pattern is not None else f"nouns.tsv:{m.noun.lemma_}" if m.noun is not None
               else "verbs.tsv:retreat" if retreat_only else "rule:ordered-to-leave" if ordered_out else "")
        conf = confidence.pattern_prior(m.pattern, noun=m.noun is not None)
        p = m.pattern
        # "X and Y sided with Z / came out in favour of the plan": two supporters, not a joint act
        one_sided = code.startswith(JOINT_ONLY_BARE) and p is not None and not p.sym and bool(p.object or p.prep or p.particle)
        if code[:2] in FORCE_ROOTS and (p is None or not p.sym) and (o := obj_token(act_v)) is not None \
                and o.lower_ not in RECIPROCAL_OBJECTS:
            # "police and soldiers raided the opposition headquarters": force used on something
            # by two sides is theirs together, not a clash between them ("X and Y clashed")
            one_sided = True
        sym_ok = (p is None or p.sym or code.startswith(SYM_PREFIXES)) and not one_sided
        if not src and len(tgt) >= 2 and sym_ok and code.startswith(SYM_PREFIXES) \
                and {a.start for a in tgt} <= {a.start for a in self.phrase_target(act_v, [], "between")}:
            # "Fighting between Israel and Hamas intensified" (the gerund read as a verb with no
            # subject): the two sides of a joint act named by its between-phrase are its sources
            # together, as in the noun's "fighting between X and Y"
            src, tgt = tgt, []
        main = self.is_main(content[0] if content else v)
        plover = m.pattern.plover if m.pattern is not None and code == m.pattern.code else ""
        joint = kind is None or (verb_m is not None and verb_m.pattern is not None and verb_m.pattern.sym)  # "X and Y agreed to ..."
        if tgt and joint and sym_ok and code.startswith(SYM_PREFIXES) and _participants(src) >= 2 \
                and not self.lex.only_dicts and not self.named_partner(act_v, tgt):
            tgt = []  # "Merkel and Macron agreed to coordinate policy on Iran": a joint act of the two
        failed_joint = kind == "reject" and act_code is not None and act_code.startswith(SYM_PREFIXES) \
            and _participants(src) >= 2 and not self.named_partner(act_v, tgt) and not self.owned_object(act_v)
        if failed_joint or ((not tgt or all(a.code.startswith("---") for a in tgt)) and len(src) == 2
                            and src[0].code != src[1].code and v.lemma_.lower() in RECIPROCAL_VERBS):
            # "Thailand and Cambodia traded accusations": each did it to the other; so is a joint
            # act that failed ("British and EU negotiators failed to reach a deal on the border":
            # each rejects the other, the border is only the topic)
            for a in src:
                for b in src:
                    if a is not b and not same_actor(a, b):
                        self.emit(code, [a], [b], m.trigger, md, pid, conf, False, main=main, plover=plover)
        else:
            self.emit(code, src, tgt, m.trigger, md, pid, conf, sym_ok, main=main, plover=plover)
            if m.pattern is not None and m.pattern.also and src and tgt:
                # PETRARCH's [A:B]: B is the target's event back ("arrived in Gondor": 032 and 033)
                self.emit(m.pattern.also, tgt, src, m.trigger, md, pid, conf, False, main=main)
        # event nouns inside this event's arguments belong to it ("agreed upon a trade pact")
        for t in {v.i: v, act_v.i: act_v}.values():
            for c in t.children:
                if c.dep_ in ("dobj", "attr", "oprd"):
                    self.consumed.add(c.i)
                elif c.dep_ in ("prep", "agent", "dative") and (c.lower_ not in TIME_PREPS or code.startswith("04")):
                    # (an occasion is not, "during a visit to Beijing, Macron urged ...", unless
                    # the act is a meeting itself: "meets X during their bilateral meeting")
                    o = pobj_of(c)
                    if o is not None:
                        self.consumed.add(o.i)
