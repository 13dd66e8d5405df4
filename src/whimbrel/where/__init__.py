"""The ``where`` stage: event places from the packaged gazetteer.

Place names are found by the stage itself (:mod:`whimbrel.where.places`): spaCy's
GPE/LOC/FAC entities and capitalised names after a locative preposition, looked
up in the gazetteer and disambiguated with the story's countries. A span that
overlaps an actor mention (any kind but "place") is never a place: "Washington
said" is an actor.

Each event's place is taken from, in order:

1. its own clause ("arrived in Pyongyang", "a meeting in New York");
2. a site in its clause ("at the airport", "at the State Guest House"): the city
   is inherited from the nearest earlier city in the text; "in the capital": the
   capital of the dateline's or the story place's country; "there": the nearest
   earlier place used as a location;
3. its sentence (locative phrases on a verb, outside relative clauses about
   other things: "While in Moscow, Diaz-Canel discussed ..."); when the story has
   a dateline, also a place on a noun of the sentence ("attacked a checkpoint in
   Kandahar"), so that the dateline is used only when the text names no place;
4. the dateline ("MOSCOW, May 7 (IANS) -");
5. the place the story is about (the most used location, headline counting double).

A last pass (:mod:`whimbrel.where.narrative`) applies the itinerary and "then"
rules, which need every event's date and place and may set both.

``doc.places`` gets every place used as a location; ``doc.dateline`` the
dateline's place; ``doc.extras["where"]`` the rule per event id.
"""

from __future__ import annotations

from dataclasses import replace

from ..clauses import trigger_token
from ..model import Document, Event, Location
from ..pipeline import register
from ..settings import Settings
from .gazetteer import Gazetteer, Place, default_gazetteer, normalize
from .narrative import apply_narrative
from .places import Found, find_places, find_dateline, in_clause, clause_of, to_location

__all__ = ["WhereStage", "Gazetteer", "Place", "default_gazetteer", "normalize"]

_SITE_NOUNS = {
    "airport", "palace", "hotel", "embassy", "consulate", "headquarters", "ministry", "parliament",
    "guest house", "guesthouse", "residence", "compound", "base", "border", "port", "harbour", "harbor",
    "square", "stadium", "hall", "house", "office", "summit", "villa", "complex", "centre", "center",
    "station", "court", "courthouse", "prison", "camp", "checkpoint", "hospital", "university", "mosque",
    "church", "temple", "plant", "factory", "crossing", "venue",
}


_RANK = {"site": 0, "city": 0, "region": 1, "country": 2}  # finer places first within a clause


_LOC_WORDS = {"in", "at", "into", "near", "outside", "inside", "across", "throughout", "to"}


class WhereStage:
    """Sets ``location`` on events, and ``doc.places`` / ``doc.dateline``."""

    name = "where"
    needs = ("events",)
    sets = ("events", "places")
    version = "where.3"

    def __init__(self, settings: Settings | None = None, *, gazetteer: Gazetteer | None = None):
        self.settings = settings
        self._gaz = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = default_gazetteer()
        return self._gaz

    def __call__(self, doc: Document) -> Document:
        gaz = self.gazetteer
        found = find_places(doc, gaz)
        uses = [f for f in found if f.use]
        doc.places = [to_location(f.place, f.start, f.end, f.rule) for f in uses]
        dateline = find_dateline(doc, gaz, found)
        doc.dateline = to_location(dateline.place, dateline.start, dateline.end, "dateline") if dateline else None
        story = self._story_place(doc, uses)
        notes: dict[str, tuple[str, str]] = {}
        new: list[Event] = []
        memo: dict = {}
        for ev in doc.events:
            loc, rule, words = self._place_event(doc, ev, uses, dateline, story, memo)
            notes[ev.event_id] = (rule, words)
            new.append(replace(ev, location=loc) if loc is not None else ev)
        doc.events = new
        apply_narrative(doc, notes)  # itinerary and "then" rules need every event's date and place
        doc.extras["where"] = notes
        return doc

    @staticmethod
    def _story_place(doc: Document, uses: list[Found]) -> Found | None:
        if not uses:
            return None
        score: dict[int, float] = {}
        first: dict[int, Found] = {}
        for f in uses:
            p = doc.article.paragraph_at(f.start)
            w = 2.0 if p is not None and p.kind in ("headline", "summary") else 1.0
            if f.place.kind in ("city", "site"):
                w *= 1.5  # a story happens in a city more often than "in China"
            score[f.place.key] = score.get(f.place.key, 0.0) + w
            first.setdefault(f.place.key, f)
        best = max(score, key=lambda k: (score[k], -first[k].start))
        return first[best]

    def _place_event(self, doc: Document, ev: Event, uses: list[Found], dateline: Found | None,
                     story: Found | None, memo: dict | None = None) -> tuple[Location | None, str, str]:
        sp = doc.spacy
        trig = trigger_token(doc, ev)
        if trig is not None:
            sent = trig.sent
            clause = clause_of(trig, memo)
            in_sent = [f for f in uses if sent.start_char <= f.start < sent.end_char and f.rule != "dateline"]
            # 1. the event's own clause (or the trigger noun's own phrase)
            own = [f for f in in_sent if in_clause(sp, f, trig, clause)]
            if own:
                f = min(own, key=lambda f: (_RANK[f.place.kind], abs(f.token - trig.i)))
                return to_location(f.place, f.start, f.end, "clause"), "clause", f.text
            # 2. a site in the clause: inherit the city from the nearest earlier one
            site = self._site_in_clause(trig, clause)
            if site is not None:
                city = self._city_before(uses, trig.idx)
                if city is not None:
                    return to_location(city.place, city.start, city.end, "inherit"), "inherit", site
            # "met officials there": the nearest earlier place used as a location
            if any(trig.doc[i].lower_ == "there" and trig.doc[i].dep_ == "advmod" for i in clause):
                prev = max((f for f in uses if f.end <= trig.idx), key=lambda f: f.start, default=None)
                if prev is not None:
                    return to_location(prev.place, prev.start, prev.end, "there"), "there", prev.text
            # "in the capital": the capital of the country the story (or its dateline) is in
            cap = self._capital_in_clause(trig, clause)
            anchor = dateline or story
            if cap is not None and anchor is not None:
                place = self.gazetteer.capital(anchor.place.country)
                if place is not None:
                    return to_location(place, None, None, "capital"), "capital", cap
            # 3. the sentence: locative phrases on verbs, not in other relative clauses
            verbal = [f for f in in_sent if f.on_verb and not f.in_modifier]
            if verbal:
                f = min(verbal, key=lambda f: abs(f.token - trig.i))
                return to_location(f.place, f.start, f.end, "sentence"), "sentence", f.text
            # 3b. before falling back to the dateline: a place the sentence names on a noun of the
            # event ("attacked a checkpoint in Kandahar", "held talks ... in Tokyo"), outside
            # relative clauses about other things; the dateline says where the story was filed
            if dateline is not None:
                nominal = [f for f in in_sent if not f.in_modifier]
                if nominal:
                    f = min(nominal, key=lambda f: (abs(f.token - trig.i), _RANK[f.place.kind]))
                    return to_location(f.place, f.start, f.end, "sentence"), "sentence", f.text
        if dateline is not None:
            return to_location(dateline.place, dateline.start, dateline.end, "dateline"), "dateline", dateline.text
        if story is not None:
            return to_location(story.place, story.start, story.end, "story"), "story", story.text
        return None, "none", ""

    @staticmethod
    def _site_in_clause(trig, clause) -> str | None:
        for i in sorted(clause):
            t = trig.doc[i]
            if t.dep_ == "pobj" and t.head.lower_ in ("at", "in", "inside", "outside", "near"):
                words = t.lower_
                prev = t.doc[t.i - 1].lower_ if t.i > 0 else ""
                if words in _SITE_NOUNS or f"{prev} {words}" in _SITE_NOUNS or t.ent_type_ == "FAC":
                    return t.doc[t.left_edge.i: t.i + 1].text
        return None

    @staticmethod
    def _capital_in_clause(trig, clause) -> str | None:
        for i in sorted(clause):
            t = trig.doc[i]
            if (t.lower_ == "capital" and t.dep_ == "pobj" and t.head.lower_ in _LOC_WORDS
                    and any(c.lower_ == "the" for c in t.children)
                    and not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)):
                return t.doc[t.left_edge.i: t.i + 1].text
        return None

    @staticmethod
    def _city_before(uses: list[Found], offset: int) -> Found | None:
        cands = [f for f in uses if f.end <= offset and f.place.kind in ("city", "site")]
        return max(cands, key=lambda f: f.start) if cands else None


@register("where")
def make(settings: Settings) -> WhereStage:
    return WhereStage(settings)
