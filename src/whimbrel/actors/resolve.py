"""The ``actors`` stage: resolve every actor mention in the parse to a CAMEO code.

``ActorStage(doc)`` sets ``doc.mentions`` (a list of :class:`~whimbrel.model.Actor`
sorted by start offset). The rules, in order (the ``rule`` field names the one
that fired):

1. ``kb:<kind>``: knowledge-base names (longest match over accent-folded,
   hyphen-split pieces; see :mod:`.match`), coded by the article's date (today for
   an undated document). A one-word KB person inside a longer person name that is
   not theirs is dropped ("Hadi al-Jabbouri"; :mod:`.bare`). Unknown people come
   from NER (``ner:person``), except a one-word one where a place goes ("residents
   of Mittagong").
2. Titles and nationality words: a person's left modifiers ("Cuban President
   Miguel Diaz-Canel") are folded into ONE mention; an unknown person with a
   title gets nationality + sector (``inferred:title``), or the sentence's/article's
   main country when the title has no nationality (``inferred:title+context``).
3. Agents (role nouns from ``agents.tsv``; the rules are in :mod:`.agents`) with a
   nationality word, a country name, a possessive or an "in/of <country>" phrase (``agent:*``): "a Russian
   diplomat" -> RUSGOV, "North Korea's state media" -> PRKMED, "rebels in the
   Ivory Coast" -> CIVREB. Several coordinated nationalities give one mention
   each on its own word (``agent:compound``: "Hungarian and Romanian officials").
   "The country's foreign ministry" takes the country just named, preferring the
   sentence's subject (``agent:owner-anaphor``). A bare agent takes the country
   when its sentence names exactly one (``agent:sentence-country``: "Islamic
   fundamentalists ... Algerian President"); "ethnic Albanians ... in Serbia" are
   coded by where they live (``ethnic:residence``). An armed group keeps its own
   code ("Hamas commanders" -> PSEREB); "pro-Russian" and "Iran-backed" are not
   Russian or Iranian. "Rebels loyal to Riek Machar" take the leader's country
   (``agent:allegiance``); a bare domestic agent (protesters, police) acting in a
   place takes its country (``agent:location``, after the place rules). A
   spokesman, aide or envoy is whom they speak for (``agent:represents``). The
   names in a dateline ("PARIS (Reuters) -") modify no agent.
   A title NER swallowed into the name ("MP Girish Bapat") is read as the title, and a
   city before it gives the country ("Pune MP X" -> INDLEG).
4. ``inferred:apposition``: "the North's main negotiator, Kim Yong-chol" -> PRKGOV (an
   unknown NER organisation in apposition with an agent takes its code too); a person
   and an agent in apposition chain each other's span (one actor named twice).
5. ``shortform``: "Kim" is the Kim the article introduced most saliently
   (most full mentions, then earliest); "Diaz-Canel" is Miguel Diaz-Canel. Then a
   one-word KB person with no cue is unconfirmed (``kb:person?unconfirmed``, see
   :mod:`.bare`).
6. ``place:*``: a country, capital or city used as a location ("arrived in
   Pyongyang", "While in Moscow", "leave Pyongyang", "in parts of Darfur", "in the Thailand
   border area") is kind ``place`` with its
   country's root code; a capital that acts is the government (``kb:capital``).
7. Coreference (:mod:`.coref`): pronouns and group references ("the two"); then a
   bare agent owned by a resolved pronoun takes its country ("its official media",
   ``agent:possessive-pronoun``), "the <agent>" refers back to a recent coded
   agent of the same sector ("the militants" to an armed group) and "the bloc" to
   the last international organisation (``coref:definite``); "the army" with no
   such agent is the one country named so far (``coref:definite-country``); a
   first-person pronoun in a quotation is its speaker (``coref:quote``,
   :mod:`.quotes`).

Helpers for the event coder live in :mod:`.mention` (``mentions_in``,
``mention_for_token``, ``is_actor``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections import Counter

from ..clauses import SEPARATIVE_PARTICLES
from ..model import Document, document_day
from ..nlp import doc_text
from ..pipeline import register
from ..settings import Settings
from ..where.gazetteer import default_gazetteer, normalize
from .agents import (STRONG_PLACE_PREPS, agent_mentions, definite_agents, definite_orgs, location_country,
                     pronoun_possessors, representatives, sentence_country, title_sector)
from .bare import drop_other_people, unconfirmed_bare_names
from .coref import resolve_coreference, string_ids
from .kb import Entry, KnowledgeBase, load_kb
from .match import find_agents, find_names, piece_stream
from .mention import WMention, compose
from .quotes import quoted_pronouns

COUNTRYISH = {"country", "demonym", "people", "capital", "city"}
MOTION_PREPS = {"to", "from", "toward", "towards", "for"}
MOTION_VERBS = {
    "arrive", "go", "travel", "fly", "return", "come", "head", "move", "leave", "visit", "reach", "enter", "tour",
    "land", "depart", "flee", "send", "deploy", "bring", "take", "drive", "sail", "walk", "march", "trip",
    "journey", "relocate", "escape", "evacuate", "extradite", "deport", "transfer", "ship", "deliver", "export",
    "import", "smuggle", "migrate", "retreat", "withdraw", "expel", "stay", "live", "remain", "base", "station",
    "hold", "meet", "gather", "fly", "cross", "pass", "invade", "occupy", "bomb", "shell", "strike", "hit",
}
#: nouns for a stretch of land: a country compounded with one inside a locative phrase is
#: where ("in the Thailand border area", "on the Gaza border")
LAND_NOUNS = {"border", "borders", "frontier", "region", "province", "district", "area", "areas", "coast",
              "countryside", "outskirts", "territory", "village", "town", "city", "capital", "state", "zone"}
#: nouns for a part of a place: "in parts of west Darfur", "in the north of Mali"
PART_NOUNS = {"part", "parts", "north", "south", "east", "west", "northeast", "northwest", "southeast",
              "southwest", "centre", "center", "heart", "rest", "areas", "area", "outskirts", "region", "regions",
              "much", "most", "corner", "swathes", "swaths", "stretches", "edge"}
#: what follows a dateline's place: "KABUL (Reuters) -", "MOSCOW, March 3 (AP) -"; a hyphen that
#: joins a word ("Vietnamese-led forces") is not one
DATELINE = re.compile(r"[ \t]*(?:,[^\n\-\u2013\u2014]{0,40})?[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*[-\u2013\u2014:](?![a-z])")


def _day(doc: Document) -> dt.date:
    """The day people's roles are read at: the publication day, else today (the
    when stage marks such a document's events ``date_source: "assumed-today"``)."""
    return document_day(doc.article)[0]


def _agent_before_actor(sp, ms: list[WMention], agent_ms: list[WMention]) -> None:
    """PETRARCH's reading of an agent just before an actor of the same country (or of none):
    the agent's sector joins the actor's code ("Bree Prime Minister Romendacil" with
    ROMENDACIL [BRE] is BREGOV). Used with ``--only-dicts``, where dictionaries expect it."""
    by_end = {a.tok_end: a for a in agent_ms if not a.consumed}
    for w in ms:
        a = by_end.get(w.tok_start)
        if a is None or w.kind == "agent" or w.consumed or len(w.code) != 3 or w.code == "---":
            continue
        if sp[a.tok_end - 1].head.i not in range(w.tok_start, w.tok_end):
            continue  # not a modifier of the name
        if a.code[:3] not in (w.code, "---"):
            continue
        w.code = compose(w.code, a.code[3:]) if a.code[3:] else w.code
        w.tok_start, w.start = a.tok_start, a.start
        a.consumed = True


def _covered(ms: list[WMention]) -> set[int]:
    """Token indices some mention already spans."""
    return {i for w in ms for i in range(w.tok_start, w.tok_end)}


def _unknown_organisations(sp, ms: list[WMention]) -> list[WMention]:
    """Organisations NER finds that no knowledge-base name or agent noun covers ("ICE",
    "Jurisdiction for Peace"): actors of unknown country (``---``, ``ner:organisation``),
    so an event can still say who acted; the knowledge base wins wherever it knows more."""
    covered = _covered(ms)
    out = []
    for ent in sp.ents:
        if ent.label_ != "ORG" or any(i in covered for i in range(ent.start, ent.end)):
            continue
        ts, te = ent.start, ent.end
        if sp[ts].lower_ in ("the", "a", "an"):
            ts += 1
        if ts >= te or all(not t.is_alpha for t in sp[ts:te]):
            continue
        out.append(WMention(sp[ts].idx, sp[te - 1].idx + len(sp[te - 1].text), ts, te, "---", "organisation",
                            "ner:organisation", name=sp[ts:te].text, head=span_head(sp, ts, te)))
    return out


#: proper nouns that name a time, not an actor, when the tagger left them untyped
CALENDAR = {m.lower() for m in (*calendar.month_name[1:], *calendar.day_name)}


def _name_start(sp, t, covered) -> int:
    """Where the proper name headed by ``t`` starts: its capitalised proper-noun compounds
    before it ("Gedu [Andargachew]"), up to a word some mention already covers."""
    ts = t.i
    while ts > 0 and sp[ts - 1].head.i == t.i and sp[ts - 1].dep_ in ("compound", "flat") \
            and sp[ts - 1].pos_ == "PROPN" and sp[ts - 1].is_title and ts - 1 not in covered:
        ts -= 1
    return ts


def _unknown_subjects(sp, ms: list[WMention]) -> list[WMention]:
    """A proper-noun subject of a verb that neither the knowledge base nor NER names
    ("Pltavchenko cancelled a planned visit to Montevideo"): an actor of unknown country
    (``---``, ``parse:subject``), so the event still says who acted. Not a word NER gave
    another type, a name the gazetteer knows as a place ("Goulburn"), or a month or day."""
    covered = _covered(ms)
    places = default_gazetteer().index
    out = []
    for t in sp:
        if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ != "PROPN" or t.head.pos_ not in ("VERB", "AUX") \
                or t.i in covered or t.ent_type_ or not t.is_title or t.lower_ in CALENDAR:
            continue
        ts = _name_start(sp, t, covered)
        name = sp[ts:t.i + 1].text
        if normalize(name) in places:
            continue
        out.append(WMention(sp[ts].idx, t.idx + len(t.text), ts, t.i + 1, "---", "person" if t.i - ts < 3 else "organisation",
                            "parse:subject", name=name, head=t.i))
    return out


#: agent nouns that are a number of people on their own ("thousands rallied"), and only count
#: the people of an of-phrase ("thousands of workers": the workers)
COUNT_NOUNS = {"thousands", "hundreds", "dozens", "scores"}


def _counts_others(sp, a) -> bool:
    """Is the agent match ``a`` a count noun followed by "of" ("thousands of textile workers")?"""
    return a.tok_end - a.tok_start == 1 and sp[a.tok_start].lower_ in COUNT_NOUNS and a.tok_end < len(sp) \
        and sp[a.tok_end].lower_ == "of"


def _measure(sp, a) -> bool:
    """Is the agent match ``a`` the unit of a number ("a 30-person team", "a 60-person strike
    team"): a size, not the people who act?"""
    k = a.tok_start
    return k >= 2 and sp[k - 1].text == "-" and sp[k - 2].like_num


def _gazetteer_places(sp, ms: list[WMention]) -> list[WMention]:
    """A name where a place goes that the knowledge base does not list but the gazetteer
    puts in one country ("a curfew in parts of Kashmir", "residents of Kherson", "clashes
    in the Tigray region"): a place of that country (``place:gazetteer``), so that an act
    done there has a country to hit and the people there a nationality. Not a name NER
    calls a person, an organisation or a nationality, a month or a day, nor one the
    gazetteer finds in more than one country ("Victoria")."""
    covered = _covered(ms)
    gaz = default_gazetteer()
    out = []
    for t in sp:
        if t.pos_ != "PROPN" or not t.is_title or t.i in covered or t.ent_type_ in ("ORG", "NORP") \
                or t.lower_ in CALENDAR:
            continue
        if not (_place_position(t) or _locative_part(t)):
            continue
        ts = _name_start(sp, t, covered)
        if t.ent_type_ == "PERSON" and ts < t.i:
            continue  # a person NER names; only a one-word "person" where a place goes is a town
        name = sp[ts:t.i + 1].text
        cands = gaz.lookup(name)
        countries = {c.country for c in cands}
        if len(countries) != 1 or any(c.kind == "country" for c in cands):
            continue
        iso3 = countries.pop()
        out.append(WMention(sp[ts].idx, t.idx + len(t.text), ts, t.i + 1, iso3, "place", "place:gazetteer",
                            name=cands[0].name, head=t.i))
    return out


def span_head(sp, ts: int, te: int) -> int:
    """Index of the token in [ts, te) whose head lies outside the span (the last such)."""
    head = te - 1
    for t in sp[ts:te]:
        if t.head.i < ts or t.head.i >= te or t.head.i == t.i:
            head = t.i
    return head


def _mark_datelines(text: str, ms: list[WMention]) -> None:
    """Mark the place that opens a line as a dateline ("PARIS (Reuters) -") and the
    names inside it, so no agent takes them as its nationality ("PARIS (Reuters) -
    Fighters loyal to ..." are not French)."""
    for w in ms:
        if (w.start == 0 or text[w.start - 1] == "\n") and w.kind in ("country", "city"):
            m = DATELINE.match(text, w.end)
            if m:
                for o in ms:
                    if w.start <= o.start and o.end <= m.end():
                        o.extra["dateline"] = True


#: nouns whose "of X" names a place ("residents of Mittagong", "the town of X")
PLACE_NOUNS = {"resident", "town", "village", "city", "suburb", "outskirt", "district", "province", "region",
               "street", "centre", "center", "mayor", "people", "area", "port", "county", "municipality"}
_AT_PLACE = {"in", "at", "near", "outside", "around", "across", "into", "inside", "throughout", "from"}


#: verbs whose direct object is often a town: force used on it, taking it, going to or leaving it
#: ("shelled Kherson", "raided Jenin", "recaptured Bakhmut", "visited Goma")
PLACE_OBJECT_VERBS = frozenset({
    "attack", "raid", "shell", "bomb", "bombard", "strike", "hit", "target", "storm", "besiege", "encircle",
    "capture", "seize", "take", "recapture", "retake", "liberate", "occupy", "invade", "enter", "overrun",
    "evacuate", "visit", "leave", "reach",
})


#: titles that name a state's office by themselves ("Prime Minister Vajpayee", "King Abdullah")
STATE_OFFICES = frozenset({"president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "sultan",
                           "crown prince", "vice president", "foreign minister", "defence minister", "defense minister"})


def _titled_once(ms: list[WMention]) -> None:
    """A person named again after a titled first mention is what the title said: "Syrian
    President Ahmed al-Sharaa ... Sharaa thanked" -> both SYRGOV, where the later bare
    surname would take the knowledge base's dated role (``kb:person+title``)."""
    titled: dict[str, WMention] = {}
    for w in sorted(ms, key=lambda w: w.start):
        if w.kind != "person" or not w.kb_id:
            continue
        if w.rule == "kb:person+title":
            titled[w.kb_id] = w
        elif w.rule.startswith("kb:") and (t := titled.get(w.kb_id)) is not None and w.code != t.code:
            w.code, w.rule = t.code, "kb:person+title"


def _place_position(t) -> bool:
    """A one-word name where a place goes ("in Mittagong", "residents of Mittagong", "in the
    Kherson region", "shelled Kherson"): the tagger's PERSON there is a town the knowledge base
    does not list, not a person."""
    if t.dep_ == "compound" and t.head.lemma_.lower() in LAND_NOUNS:
        t = t.head
    if t.dep_ == "dobj" and t.head.pos_ == "VERB" and t.head.lemma_.lower() in PLACE_OBJECT_VERBS:
        return True  # "Russian troops attacked Kherson": a town the tagger may call a person
    if t.dep_ != "pobj":
        return False
    prep = t.head.lower_
    if prep == "of" and t.head.head.lower_ in SEPARATIVE_PARTICLES:
        prep = "from"  # "pulled out of Kherson"
    return prep in _AT_PLACE or prep == "of" and t.head.head.lemma_.lower() in PLACE_NOUNS


def _name_like_noun(t) -> bool:
    """A capitalised word the tagger calls a common noun, used as a name: a bare subject
    or object ("Sharaa later criticised Israel"), not "the Rice harvest"."""
    return t.pos_ == "NOUN" and t.tag_ == "NN" and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos") \
        and not any(c.dep_ in ("det", "amod", "compound", "poss", "nummod") for c in t.children)


def _drop_nested(ms: list[WMention]) -> list[WMention]:
    """Drop a mention that lies strictly inside a larger one ("Christian" inside
    "a newspaper based in Christian east Beirut"): one phrase, one mention.
    Mentions sharing one span (the members of "the two") are all kept."""
    out = []
    max_end, max_span = -1, None
    for w in sorted(ms, key=lambda w: (w.start, -w.end)):
        if w.end <= max_end and (w.start, w.end) != max_span:
            continue
        out.append(w)
        if w.end > max_end:
            max_end, max_span = w.end, (w.start, w.end)
    return out


class ActorStage:
    name = "actors"
    needs = ("spacy", "sentences")
    sets = ("mentions",)
    RULES_VERSION = "actors.2026-12-06"

    def __init__(self, settings: Settings, *, kb: KnowledgeBase | None = None):
        self.settings = settings
        self._kb = kb
        self._piece_cache: dict = {}
        self._version: str | None = None

    @property
    def version(self) -> str:
        """Rules version plus a hash of the knowledge-base files' contents, so a KB
        edit (or a user file) changes the pipeline's coder_version."""
        if self._version is None:
            from .kb import content_hash

            st = self.settings
            dicts = (*st.dict_actors, *st.dict_agents, "only-dicts" if st.only_dicts else "")
            self._version = f"{self.RULES_VERSION}+kb.{content_hash((*st.actor_files, *(d for d in dicts if d)))[:8]}"
        return self._version

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            from ..petrdict.load import DictSpec

            self._kb = load_kb(self.settings.actor_files, dicts=DictSpec.from_settings(self.settings))
        return self._kb

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Document) -> Document:
        sp = doc.spacy
        text = doc.article.text
        kb = self.kb
        day = _day(doc)
        stream = piece_stream(sp, self._piece_cache)
        names = find_names(stream, kb, text, sp)
        names = self._yield_to_people(sp, kb, names)
        names = drop_other_people(sp, kb, names)
        taken = set()
        for m in names:
            taken.update(range(m.tok_start, m.tok_end))
        agents = [a for a in find_agents(stream, kb, sp) if not any(i in taken for i in range(a.tok_start, a.tok_end))
                  and not _counts_others(sp, a) and not _measure(sp, a)]

        # countries the article names (for context-dependent names like "the North")
        mentioned = set()
        for m in names:
            for i in m.ids:
                e = kb.entry(i)
                if not e.context and e.kind in COUNTRYISH | {"person", "organisation", "group"}:
                    mentioned.add(e.country)

        ms: list[WMention] = []
        for m in names:
            entry = self._choose(kb, m.ids, day, mentioned)
            if entry is None:
                continue
            res = entry.code_on(day)
            kind = {"demonym": "country", "people": "country", "capital": "country"}.get(entry.kind, entry.kind)
            w = WMention(m.start, m.end, m.tok_start, m.tok_end, res.code, kind, f"kb:{entry.kind}",
                         name=entry.name, kb_id=entry.id, head=span_head(sp, m.tok_start, m.tok_end))
            w.extra["entry_kind"] = entry.kind
            w.extra["why"] = res.reason
            ms.append(w)

        # unknown people found by NER
        agent_tok = {i for a in agents for i in range(a.tok_start, a.tok_end)}
        covered = _covered(ms)
        for ent in sp.ents:
            if ent.label_ == "PERSON" and not any(i in covered for i in range(ent.start, ent.end)):
                toks = [t for t in ent if not t.is_punct or t.text in "-."]
                if not toks:
                    continue
                ts, te = toks[0].i, toks[-1].i + 1
                if sp[ts].lower_ in ("the", "a", "an"):
                    ts += 1
                # a title NER swallowed is the name's left modifier ("MP Girish Bapat",
                # "town mayor Ricardo Ramirez"), where the title rules can read it
                while te - ts > 1 and (ts in agent_tok or sp[ts].pos_ == "NOUN" and sp[ts].is_lower):
                    ts += 1
                if ts >= te or te - ts == 1 and _place_position(sp[ts]):
                    continue
                w = WMention(sp[ts].idx, sp[te - 1].idx + len(sp[te - 1].text), ts, te, "---", "person",
                             "ner:person", name=sp[ts:te].text, head=span_head(sp, ts, te))
                ms.append(w)
        ms.extend(_gazetteer_places(sp, ms))
        ms.sort(key=lambda w: w.start)
        _mark_datelines(text, ms)

        self._titles(sp, ms, agents)
        _titled_once(ms)
        agent_ms = agent_mentions(sp, ms, agents)
        ms.extend(agent_ms)
        if self.settings.only_dicts:
            _agent_before_actor(sp, ms, agent_ms)
        ms.extend(_unknown_organisations(sp, ms))
        ms.extend(_unknown_subjects(sp, ms))
        representatives(sp, ms)
        self._appositions(sp, ms)
        self._untitled_context(sp, doc, ms)
        self._kingdoms(sp, ms)
        sentence_country(sp, ms)
        self._shortforms(sp, ms)
        unconfirmed_bare_names(sp, kb, ms)
        self._places(sp, ms)
        location_country(sp, ms)
        live = _drop_nested(sorted((w for w in ms if not w.consumed), key=lambda w: (w.start, w.end)))
        live = resolve_coreference(sp, live)
        pronoun_possessors(sp, live)
        definite_agents(sp, live)
        live.extend(definite_orgs(sp, live))
        live.extend(quoted_pronouns(sp, live))
        doc.mentions = [w.to_actor(text) for w in sorted(live, key=lambda w: (w.start, w.end))]
        return doc

    # ------------------------------------------------------------------ rules
    @staticmethod
    def _yield_to_people(sp, kb, names):
        """A place or demonym name inside a longer NER person ("Doris Lessing",
        "Jordan Peterson") is part of the person's name."""
        people = [(e.start, e.end) for e in sp.ents if e.label_ == "PERSON" and len(e) > 1
                  and e[-1].tag_ == "NNP"]  # "Jordan Peterson", not "Bosnian Serbs"
        if not people:
            return names
        in_person = {}
        for s_, e_ in people:
            for i in range(s_, e_):
                in_person[i] = e_ - s_
        out = []
        for m in names:
            if m.tok_end - m.tok_start == 1 and in_person.get(m.tok_start, 0) > 1 \
                    and {kb.entry(i).kind for i in m.ids} <= COUNTRYISH:
                continue
            out.append(m)
        return out

    @staticmethod
    def _choose(kb, ids, day, mentioned) -> Entry | None:
        cands = [kb.entry(i) for i in ids]
        cands = [e for e in cands if not e.context or set(e.context) & mentioned]
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]

        def score(e: Entry):
            active = any((r.start or r.end) and r.covers(day) for r in e.roles)
            return (active, e.kind != "person", -len(e.roles))

        return max(cands, key=score)

    def _titles(self, sp, ms, agents) -> None:
        """Fold a person's left modifiers (nationality, title) into the person mention."""
        agent_at = {a.tok_start: a for a in agents}
        agent_tok = {i for a in agents for i in range(a.tok_start, a.tok_end)}
        by_tok = {}
        for w in ms:
            for i in range(w.tok_start, w.tok_end):
                by_tok[i] = w
        for w in ms:
            if w.kind != "person":
                continue
            k = w.tok_start - 1
            # the left edge of the whole name: a parser that splits "al - Haddadi" hangs
            # each piece on the verb, and the title on the first piece
            lo = min(t.left_edge.i for t in sp[w.tok_start:w.tok_end])
            while k >= lo:
                t = sp[k]
                if t.dep_ in ("det", "punct", "cc", "conj", "appos", "relcl", "acl", "prep") and t.head.i >= w.tok_start \
                        or t.is_space or t.text in (",", "(", ")", "\u2013", "\u2014") or t.lower_ in ("the", "a", "an"):
                    break
                if k not in agent_tok and k not in by_tok and (t.pos_ in ("VERB", "AUX") or (
                        t.is_upper and len(t.text) > 3)):
                    break  # "MEETS" in an all-caps headline is not a title
                other = by_tok.get(k)
                if other is not None and other is not w:
                    if other.kind not in ("country", "organisation", "group", "city"):
                        break
                    k = other.tok_start - 1  # take the whole name ("the UN Secretary-General ...")
                    continue
                k -= 1
            before = by_tok.get(k) if k >= 0 else None
            if before is not None and before.kind == "country" and before.tok_end == k + 1 \
                    and any(i in agent_tok for i in range(k + 1, w.tok_start)):
                k = before.tok_start - 1  # "Angolan opposition leader X" with "Angolan" parsed as a subject
            ext = k + 1
            if ext >= w.tok_start:
                continue
            nat = list({id(o): o for o in (by_tok.get(i) for i in range(ext, w.tok_start))
                        if o is not None and o is not w and o.kind in ("country", "organisation", "group", "city")
                        and o.tok_start >= ext and o.tok_end <= w.tok_start}.values())
            titles = [a for a in (agent_at.get(i) for i in range(ext, w.tok_start))
                      if a is not None and a.tok_end <= w.tok_start]
            sector = title_sector(sp, titles)
            w.extra["title_nat"] = nat
            w.extra["title_sector"] = sector
            for o in nat:
                o.consumed = True
            w.extra["title_agents"] = titles
            w.extra["name_start"] = w.tok_start
            w.tok_start, w.start = ext, sp[ext].idx
            if w.rule.startswith("kb:") and sector in ("OPP", "REB") and not w.code[3:].startswith(sector):
                # "Opposition leader X": the title says what the KB's undated role cannot
                w.code, w.rule = compose(w.code[:3], sector), "kb:person+title"
            elif w.rule.startswith("kb:") and sector == "GOV" and w.code[3:6] in ("REB", "OPP", "ELI") \
                    and (all(o.kind == "country" and o.code[:3] == w.code[:3] for o in nat) if nat
                         else sp[titles[-1].tok_start:titles[-1].tok_end].text.lower() in STATE_OFFICES):
                # "Syrian President Ahmed al-Sharaa" in a text dated before he took office, or
                # "Prime Minister Vajpayee" in an undated one: a country's office named in the text
                # is the one held when it was written (not "HTS leader X": a group's title)
                w.code, w.rule = compose(w.code[:3], sector), "kb:person+title"
            if w.rule == "ner:person" or w.extra.get("why", "").startswith("before"):
                if nat and titles:
                    w.code = compose(nat[0].code[:3] if nat[0].root not in ("IGO", "NGO") else nat[0].code, sector)
                    w.rule = "inferred:title"
                elif nat:
                    w.code, w.rule = nat[0].root, "inferred:nationality"
            if any(t.lower_ in ("former", "ex", "late") for t in sp[ext:w.extra["name_start"]]) and w.root != "---":
                w.code, w.rule = w.code[:3] + "ELI", w.rule + "+former"  # "former president Carlos Menem"

    @functools.cached_property
    def monarchies(self) -> frozenset[str]:
        """Countries the knowledge base names as a kingdom ("Kingdom of Saudi Arabia", "the
        United Kingdom"): read from its country names, not a list written here."""
        return self.kb.countries_named("kingdom")

    def _kingdoms(self, sp, ms) -> None:
        """"The kingdom" is the kingdom named last before it, within a few hundred characters
        ("Sharaa met Saudi Crown Prince Mohammed bin Salman ... thanked the kingdom"), not
        whatever country its own sentence names (``coref:kingdom``)."""
        for w in ms:
            if w.kind != "agent" or w.rule != "agent:bare" or sp[w.head].lemma_.lower() != "kingdom" \
                    or not any(c.dep_ == "det" and c.lower_ == "the" for c in sp[w.head].children):
                continue
            before = [o for o in ms if o.end <= w.start and w.start - o.end < 800 and o.root in self.monarchies]
            if before:
                last = max(before, key=lambda o: o.end)
                w.code, w.rule, w.chain = compose(last.root, "GOV"), "coref:kingdom", ((last.start, last.end),)
                w.name = last.name

    def _appositions(self, sp, ms) -> None:
        """An unknown person or organisation (NER) in apposition with a coded agent takes its
        code ("his party, the Movement for Democratic Change"). A person and an agent in
        apposition are one actor named twice ("his Iranian counterpart, Mostafa
        Najjar"): each lists the other's span in its ``chain``, whichever the coder picks."""
        by_head = {w.head: w for w in ms if w.kind == "agent" and not w.consumed}
        for w in ms:
            if w.consumed or not (w.kind == "person" or w.rule == "ner:organisation"):
                continue
            h = sp[w.head]
            other = None
            if h.dep_ == "appos" and h.head.i in by_head:
                other = by_head[h.head.i]
            else:
                for c in h.children:
                    if c.dep_ == "appos" and c.i in by_head:
                        other = by_head[c.i]
            if other is None:
                continue
            if w.rule.startswith("ner:") and not other.code.startswith("---"):
                w.code, w.rule = other.code, "inferred:apposition"
            elif other.rule == "agent:bare" and not w.code.startswith("---"):
                # "his counterpart, Sergio Mattarella": the agent is the person it names
                other.code, other.rule = w.code, "inferred:apposition"
            if other.code[:3] == w.code[:3] or "---" in (other.code[:3], w.code[:3]) or w.rule == "inferred:apposition":
                w.chain = tuple(dict.fromkeys(w.chain + ((other.start, other.end),)))
                other.chain = tuple(dict.fromkeys(other.chain + ((w.start, w.end),)))

    def _untitled_context(self, sp, doc, ms) -> None:
        """A person with a title but no nationality: the sentence's (else the
        article's) most-named country ("Planning Minister X said Vietnam..."); with no
        country at all, the title's sector alone ("Mayor X": ---GOV)."""
        todo = [w for w in ms if w.kind == "person" and w.extra.get("title_sector") and w.rule == "ner:person"]
        if not todo:
            return
        countries = [w for w in ms if w.kind == "country" and w.root not in ("---", "IGO", "NGO")]
        article = Counter(w.root for w in countries)
        for w in todo:
            sent = sp[w.head].sent
            local = Counter(c.root for c in countries if sent.start <= c.tok_start < sent.end)
            pick = (local or article).most_common(1)
            if pick:
                w.code, w.rule = compose(pick[0][0], w.extra["title_sector"]), "inferred:title+context"
            else:
                # no country anywhere: the title still says what the person is ("Mayor X": ---GOV)
                w.code, w.rule = compose("---", w.extra["title_sector"]), "inferred:title"

    def _shortforms(self, sp, ms) -> None:
        """One-word names ("Kim") resolve to the article's most salient full name with that word."""
        full: dict[str, list[WMention]] = {}
        for w in ms:
            if w.kind != "person" or w.consumed:
                continue
            surface = sp[w.tok_start:w.tok_end].text
            if w.kb_id and not w.kb_id.startswith(("p:", "px:", "fb:", "pxi:", "pxm:")):
                continue
            names = [w.name or surface]
            keys = set()
            for nm in names:
                parts = nm.replace("-", " ").split()
                if len(parts) >= 2:
                    keys.add(parts[-1].lower())
                    last_tok = nm.split()[-1]
                    if "-" in last_tok or len(parts) >= 3 and parts[0][:1].isupper() and "-" in nm:
                        keys.add(parts[0].lower())
            for k in keys:
                full.setdefault(k, []).append(w)
        if not full:
            return
        ident = lambda w: w.kb_id or (w.name or "").lower()  # noqa: E731
        counts = Counter(ident(w) for w in ms if w.kind == "person")
        taken = set()
        for w in ms:
            taken.update(range(w.tok_start, w.tok_end))
        new = []
        # only tokens spelled like a key: found on the LOWER array, without making a Token each
        want = string_ids(full)
        for i, low in enumerate(sp.to_array("LOWER").tolist()):
            if low not in want or i in taken:
                continue
            t = sp[i]
            if not t.text[:1].isupper() or not (t.pos_ == "PROPN" or _name_like_noun(t)):
                continue
            # part of a longer proper name ("Paekhwawon State Guest House")
            if any(0 <= j < len(sp) and sp[j].pos_ == "PROPN" and sp[j].text[:1].isupper()
                   and abs(j - t.i) == 1 and sp[j].ent_iob_ != "O" and sp[j].ent_type_ == t.ent_type_ != ""
                   for j in (t.i - 1, t.i + 1)):
                continue
            cands = full.get(t.lower_)
            if not cands:
                continue
            best = max(cands, key=lambda w: (counts[ident(w)], -w.start))
            nw = WMention(t.idx, t.idx + len(t.text), t.i, t.i + 1, best.code, "person", "shortform",
                          name=best.name, kb_id=best.kb_id, chain=((best.start, best.end),), head=t.i)
            new.append(nw)
        # a one-word KB name is the person the article introduced in full, when that is
        # someone else with the name ("Khamenei" after "Mojtaba Khamenei" is not his father)
        for w in ms:
            name_start = w.extra.get("name_start", w.tok_start)
            if w.kind == "person" and w.rule.startswith("kb:") and w.tok_end - name_start == 1 and w.kb_id:
                cands = [c for c in full.get(sp[name_start].lower_, []) if c is not w and c.kb_id]
                if cands and all(c.kb_id != w.kb_id for c in cands):
                    best = max(cands, key=lambda c: (counts[ident(c)], -c.start))
                    w.code, w.rule, w.name, w.kb_id = best.code, "shortform", best.name, best.kb_id
                    w.chain = ((best.start, best.end),)
        # an unknown single-word NER person may also be a short form
        for w in ms:
            name_start = w.extra.get("name_start", w.tok_start)
            if w.rule == "ner:person" and w.tok_end - name_start == 1 and w.code == "---":
                cands = [c for c in full.get(sp[name_start].lower_, []) if c is not w]
                if cands:
                    best = max(cands, key=lambda c: (counts[ident(c)], -c.start))
                    w.code, w.rule, w.name, w.kb_id = best.code, "shortform", best.name, best.kb_id
                    w.chain = ((best.start, best.end),)
        ms.extend(new)

    def _places(self, sp, ms) -> None:
        """Countries, capitals and cities used as locations become kind "place"."""
        text = doc_text(sp)
        for w in ms:
            if w.consumed or w.kind not in ("country", "city"):
                continue
            ek = w.extra.get("entry_kind")
            h = sp[w.head]
            place = None
            if w.extra.get("dateline") and (w.start == 0 or text[w.start - 1] == "\n"):
                place = "place:dateline"  # "KABUL (Reuters) -", "MOSCOW, March 3 (AP) -"
            elif h.dep_ in ("compound", "pobj") and _locative_part(h) is not None:
                place = f"place:{_locative_part(h)}"  # "in parts of Darfur", "in Thailand border"
            elif h.dep_ == "pobj":
                prep = h.head.lower_
                gov = h.head.head
                if prep in STRONG_PLACE_PREPS and not (prep == "on" and ek != "city"):
                    if prep in ("on", "over") and ek in ("country", "demonym", "people"):
                        place = None
                    else:
                        place = f"place:{prep}"
                elif prep in MOTION_PREPS and ek in ("capital", "city") and gov.lemma_ in MOTION_VERBS:
                    place = f"place:{gov.lemma_}-{prep}"
            elif h.dep_ == "dobj" and ek in ("capital", "city") and h.head.lemma_ in MOTION_VERBS:
                place = f"place:{h.head.lemma_}"
            elif h.dep_ == "compound" and ek in ("capital", "city"):
                place = "place:modifier"
            elif ek == "city" and not h.dep_.startswith("nsubj"):
                place = "place:city"
            if place:
                w.kind, w.rule, w.code = "place", place, w.root
            elif ek == "city":
                w.kind, w.code = "country", w.root
        # "in Malawi, Mozambique and Zimbabwe": the parser hangs the later names on the first as
        # conjuncts; they are places as the first is
        place_heads = {w.head for w in ms if w.kind == "place"}
        for w in ms:
            if w.consumed or w.kind != "country":
                continue
            h = sp[w.head]
            while h.dep_ == "conj" and h.head.i != h.i:
                h = h.head
            if h.i != w.head and h.i in place_heads:
                w.kind, w.rule, w.code = "place", "place:conj", w.root


def _locative_part(h) -> str | None:
    """The locative preposition when ``h`` names the land a place phrase is part of: the
    pobj of "of" under a part noun ("in parts of west Darfur", "in the north of Mali") or a
    compound of a land noun ("in Thailand border", "near the Gaza border") that is itself the
    object of a strong place preposition; else None ("talks in the Syria crisis" is no place)."""
    if h.dep_ == "compound" and h.head.lemma_.lower() in LAND_NOUNS:
        h = h.head
    elif h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.lower_ in PART_NOUNS:
        h = h.head.head
    else:
        return None
    if h.dep_ == "pobj" and h.head.lower_ in STRONG_PLACE_PREPS - {"on", "over"}:
        return h.head.lower_
    return None


@register("actors")
def make(settings: Settings) -> ActorStage:
    return ActorStage(settings)
