"""Narrative rules run after every event has a date and a place.

Two rules use what the story says about the order of things, not time words:

**Itinerary** (a person cannot be in two places at once). When a traveller's
arrival or visit (CAMEO 042 by the source, 043 hosting the target, or a trigger
"arrive") has a day date D from a time expression and a city P, then a
past-tense event of that traveller (its source, or the grammatical subject of
its verb) whose own clause or sentence names another city Q ("While in Moscow,
X discussed ...") and that has no time expression of its own happened before
the arrival: it is dated D-6 .. D-1 (the six days before the arrival, i.e. the
week that ends with it), precision "week". It never fires for a place given
only by the dateline or the story, for the same city, for a future or
non-past event, for an arrival dated only by the publication time, or for an
arrival after publication.

**Continuation** ("then", "afterwards", "later", "subsequently", "thereafter"):
an event whose clause has such a word and neither a time expression nor a place
of its own inherits the date and the place of the nearest earlier event that
shares an actor, from the preceding sentences of its paragraph or the paragraph
before (body paragraphs only: never from the headline or the summary).

Both record their rule in ``doc.extras["when"]`` / ``doc.extras["where"]``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..clauses import PAST, tense_of, trigger_token
from ..model import Actor, Document, Event

_WINDOW = (6, 1)  # days before the arrival: D-6 .. D-1
_YEAR = dt.timedelta(days=365)
_ARRIVAL_SOURCE = {"042"}  # the source travels
_ARRIVAL_TARGET = {"043"}  # the source hosts the target
_ARRIVE_LEMMAS = {"arrive"}
_OWN_DATE_RULES = {"clause", "sentence"}  # a time expression of the event's own
_EXPR_DATE_RULES = {"clause", "sentence", "paragraph"}  # dated by words, not the publication time
_OWN_PLACE_RULES = {"clause", "sentence"}
_PLACE_FROM_TEXT = {"clause", "sentence", "inherit", "there", "capital"}
_THEN_WORDS = {"then", "afterwards", "afterward", "later", "subsequently", "thereafter"}


def _key(a: Actor | None):
    if a is None:
        return None
    return a.kb_id or (a.code, (a.name or a.text).lower())


def _keys(ev: Event) -> set:
    return {k for k in (_key(ev.source), _key(ev.target)) if k is not None}


def _subject_keys(doc: Document, trig) -> set:
    """Actors that are the grammatical subject of the trigger's verb (through "and" chains)."""
    t = trig
    for _ in range(4):
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            s = subj[0]
            return {_key(m) for m in doc.mentions if m.start <= s.idx < m.end}
        if t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
            continue
        break
    return set()


def _same_city(a, b) -> bool:
    if a.geonameid is not None and b.geonameid is not None:
        return a.geonameid == b.geonameid
    return (a.name, a.country) == (b.name, b.country)


def _with_date(ev: Event, start: dt.date, end: dt.date | None, precision: str, pub: dt.date | None) -> Event:
    last = end or start
    historical = pub is not None and last < pub - _YEAR
    return replace(ev, date=start.isoformat(), date_end=end.isoformat() if end else None,
                   date_precision=precision, historical=historical)


def _day(s: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(s) if s else None
    except ValueError:
        return None


def apply_narrative(doc: Document, where_notes: dict) -> None:
    """Apply the itinerary then the continuation rule to ``doc.events`` in place."""
    if not doc.events or doc.spacy is None:
        return
    when_notes = doc.extras.setdefault("when", {})
    pub = doc.article.published
    pub = pub.date() if isinstance(pub, dt.datetime) else pub
    trig = {ev.event_id: trigger_token(doc, ev) for ev in doc.events}
    _itinerary(doc, trig, when_notes, where_notes, pub)
    _continuation(doc, trig, when_notes, where_notes, pub)


def _itinerary(doc, trig, when_notes, where_notes, pub) -> None:
    arrivals = []  # (traveller key, day, location, event id)
    for ev in doc.events:
        t = trig[ev.event_id]
        travel = None
        if ev.cameo in _ARRIVAL_SOURCE or (t is not None and t.lemma_ in _ARRIVE_LEMMAS):
            travel = ev.source
        elif ev.cameo in _ARRIVAL_TARGET:
            travel = ev.target
        day = _day(ev.date)
        if (travel is None or day is None or ev.date_precision != "day" or ev.location is None
                or ev.location.precision not in ("city", "site") or ev.modality.future
                or when_notes.get(ev.event_id, ("",))[0] not in _EXPR_DATE_RULES
                or (pub is not None and day > pub)):
            continue
        arrivals.append((_key(travel), day, ev.location, ev.event_id))
    if not arrivals:
        return
    lo, hi = _WINDOW
    new = []
    for ev in doc.events:
        t = trig[ev.event_id]
        rule = when_notes.get(ev.event_id, ("",))[0]
        place_rule = where_notes.get(ev.event_id, ("",))[0]
        if (t is None or rule in _OWN_DATE_RULES or place_rule not in _OWN_PLACE_RULES
                or ev.location is None or ev.location.precision not in ("city", "site") or ev.modality.future):
            new.append(ev)
            continue
        verb = t if t.pos_ in ("VERB", "AUX") else None
        if verb is None:
            h = t
            while h.pos_ not in ("VERB", "AUX") and h.head.i != h.i:
                h = h.head
            verb = h if h.pos_ in ("VERB", "AUX") else None
        if verb is None or tense_of(verb, modal=False) != PAST:
            new.append(ev)
            continue
        who = {_key(ev.source)} | _subject_keys(doc, verb)
        hit = None
        for key, day, loc, aid in arrivals:
            if aid != ev.event_id and key in who and not _same_city(loc, ev.location):
                hit = (day, loc, aid)
                break
        if hit is None:
            new.append(ev)
            continue
        day, loc, aid = hit
        new.append(_with_date(ev, day - dt.timedelta(days=lo), day - dt.timedelta(days=hi), "week", pub))
        when_notes[ev.event_id] = ("itinerary", f"before {loc.name} {day.isoformat()} ({aid})")
    doc.events = new


def _then_word(t) -> str | None:
    """A "then" word on the trigger or on a verb above it ("then issued a statement denouncing ...")."""
    for a in [t, *t.ancestors]:
        for c in a.children:
            if c.dep_ == "advmod" and c.lower_ in _THEN_WORDS:
                return c.lower_
    return None


def _body(paras, i: int) -> bool:
    """Is paragraph ``i`` body text? An article built without paragraphs is all body."""
    return i >= len(paras) or paras[i].kind == "body"


def _continuation(doc, trig, when_notes, where_notes, pub) -> None:
    paras = doc.article.paragraphs
    out: list[Event] = []
    for ev in doc.events:
        t = trig[ev.event_id]
        rule = when_notes.get(ev.event_id, ("",))[0]
        place_rule = where_notes.get(ev.event_id, ("",))[0]
        if t is None or rule in _OWN_DATE_RULES or place_rule in _PLACE_FROM_TEXT:
            out.append(ev)
            continue
        word = _then_word(t)
        sent = doc.sentence_at(ev.evidence.trigger_start)
        if word is None or sent is None or not _body(paras, sent.paragraph):
            out.append(ev)
            continue
        keys = _keys(ev)
        prev = None
        for p in reversed(out):  # earlier events, already updated, nearest first
            ps = doc.sentence_at(p.evidence.trigger_start)
            if (ps is None or ps.index >= sent.index or not _body(paras, ps.paragraph)
                    or not (sent.paragraph - 1 <= ps.paragraph <= sent.paragraph)):
                continue
            if keys & _keys(p) and p.modality.future == ev.modality.future and p.date:
                prev = p
                break
        if prev is None:
            out.append(ev)
            continue
        new = replace(ev, date=prev.date, date_end=prev.date_end, date_precision=prev.date_precision,
                      historical=prev.historical, location=prev.location or ev.location)
        when_notes[ev.event_id] = ("continuation", f"{word} ({prev.event_id})")
        if prev.location is not None:
            where_notes[ev.event_id] = ("continuation", f"{word} ({prev.event_id})")
        out.append(new)
    doc.events = out
