"""Place names in a parsed document: finding, disambiguating, and how each is used.

A candidate is a spaCy GPE/LOC/FAC entity, or a capitalised name right after a
locative preposition ("in Pyongyang" where the tagger missed the entity). Spans
that overlap an actor mention (kind other than "place") are dropped: an actor's
name is never a place. Each remaining name is looked up in the gazetteer and the
reading with the best score wins:

    score = prior (country 6, site 5, region 4, city log10(population) - 1, +1 capital)
          + 3 x how much the story is about the place's country (1 for the most named)
          + 6 when a qualifier names its region or country ("Paris, Texas")
          + 3 for a region when "state" follows ("Washington state")
          + 2.5 for a region that holds cities the story names ("Seattle ... Washington")

The story's countries are counted from the actors' countries plus the countries
of names whose reading is clear (see :func:`story_countries`). A place is "used as a location" when it is the object
of a locative preposition (in, at, near, outside, inside, across, throughout,
or "to" after a verb of travel), or a conjunct of one.
"""

from __future__ import annotations

import collections
from dataclasses import dataclass

from spacy.attrs import LOWER

from .. import dateline
from ..clauses import clause_path, clause_roots, is_modifier_clause
from ..model import Document, Location
from .gazetteer import Gazetteer, Place, PRECISION, normalize

LOC_PREPS = {"in", "at", "near", "outside", "inside", "within", "across", "throughout", "around", "into"}
TRAVEL = {"travel", "go", "fly", "visit", "trip", "journey", "arrive", "return", "head", "tour", "come", "move",
          "deploy", "send", "dispatch", "voyage", "flight", "sail"}
_PREPS_SCAN = LOC_PREPS | {"to", "from"}
_ENT_LABELS = {"GPE", "LOC", "FAC"}
_DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
               "northeastern", "northwestern", "southeastern", "southwestern", "northeast", "northwest",
               "southeast", "southwest", "upper", "lower", "greater", "downtown", "rural", "coastal"}
_PLACE_NOUNS = {"town", "city", "village", "capital", "province", "region", "district", "port", "state",
                "county", "governorate", "area", "outskirts", "suburb", "suburbs", "centre", "center", "heart"}
_NON_COUNTRY = {"IGO", "NGO", "IMG", "---", "MNC", "UNK"}


@dataclass(frozen=True)
class Found:
    place: Place
    start: int
    end: int
    text: str
    token: int  # index of the span's root token
    use: bool  # used as a location (locative preposition)
    on_verb: bool  # the preposition hangs on a verb
    in_modifier: bool  # inside a relative/participle clause
    rule: str  # "entity", "dateline"
    head: int = -1  # index of the token the locative preposition hangs on


def to_location(place: Place, start: int | None, end: int | None, rule: str) -> Location:
    return Location(
        name=place.name, country=place.country or None, region=place.region or None,
        lat=place.lat, lon=place.lon, geonameid=place.geonameid, precision=PRECISION[place.kind],
        start=start, end=end, rule=rule,
    )


def _blocked(doc: Document) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in doc.mentions if getattr(m, "kind", "") != "place"]


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s < be and bs < e for bs, be in spans)


def _candidate_spans(sp):
    """(span, from_entity) for entities and capitalised names after locative prepositions."""
    seen: set[int] = set()
    for ent in sp.ents:
        if ent.label_ in _ENT_LABELS:
            seen.update(range(ent.start, ent.end))
            yield ent, True
    strings = sp.vocab.strings
    preps = {strings[w] for w in _PREPS_SCAN}  # as LOWER ids: read the array, not every Token
    lows = sp.to_array(LOWER).tolist() if len(sp) else []
    for i, low in enumerate(lows):
        if low not in preps or i in seen:
            continue
        tok = sp[i]
        j = tok.i + 1
        if j < len(sp) and sp[j].lower_ == "the":
            j += 1
        k = j
        while k < len(sp) and sp[k].text[:1].isupper() and sp[k].is_alpha and k not in seen and k - j < 4:
            k += 1
        if k > j and not (j == tok.i + 1 and tok.is_sent_start):
            seen.update(range(j, k))
            yield sp[j:k], False


def _forms(span):
    """The span without leading determiners and possessive endings, then also without
    leading direction words ("eastern Ukraine" -> "Ukraine"; "West Bank" is tried whole first)."""
    s, e = span.start, span.end
    doc = span.doc
    while s < e and doc[s].lower_ in ("the", "a"):
        s += 1
    while e > s and doc[e - 1].lower_ in ("'s", "\u2019s", "'"):
        e -= 1
    if e > s:
        yield doc[s:e]
    while s < e - 1 and doc[s].lower_ in _DIRECTIONS:
        s += 1
        yield doc[s:e]


def _use(root) -> tuple[bool, bool, int]:
    """(used as a location, on a verb, index of the preposition's head) for a place's root token."""
    t = root
    while t.dep_ in ("conj", "appos", "compound") and t.head.i != t.i:
        t = t.head
    # "the West Bank town of Ramallah", "the city of Aleppo": go up to the outer phrase
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in _PLACE_NOUNS:
        t = t.head.head
        while t.dep_ in ("conj", "appos") and t.head.i != t.i:
            t = t.head
    if t.dep_ != "pobj":
        return False, False, -1
    prep = t.head
    word = prep.lower_
    head = prep.head
    if word == "to":
        ok = head.lemma_ in TRAVEL
    else:
        ok = word in LOC_PREPS
    if word == "in" and head.lower_ in ("interest", "stake", "investment", "confidence", "faith"):
        ok = False
    on_verb = head.pos_ in ("VERB", "AUX") or (word in ("in", "at") and head.dep_ in ("ROOT",)) \
        or head.lower_ in ("while", "when") \
        or (head.dep_ in ("pobj", "npadvmod") and head.head.head.pos_ in ("VERB", "AUX")
            and head.head.lower_ in ("for", "after", "during", "on", "with", "against", "by", "among")) \
        or (head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX"))
    # "queued for hours in Georgia", "clashed with police in Tbilisi", "Voters in Georgia protested"
    return ok, ok and on_verb, head.i


def _qualifier(sp, span) -> str | None:
    """The name after a comma: "Paris, Texas" -> "Texas"."""
    i = span.end
    if i + 1 < len(sp) and sp[i].text == "," and sp[i + 1].text[:1].isupper():
        k = i + 1
        while k < len(sp) and sp[k].text[:1].isupper() and sp[k].is_alpha and k - i <= 3:
            k += 1
        return sp[i + 1:k].text
    return None


def story_countries(doc: Document, looked: list[tuple[object, list[Place]]]) -> dict[str, float]:
    """How strongly the story is about each country, from 0 to 1 (1 = the most named).

    Counts the actors' countries and the countries of place names whose reading is
    clear: one country only, or a leading reading well ahead of the rest ("Moscow"
    the capital, not the Idaho town). "Georgia" (a country and a US state) counts
    for neither.
    """
    counts: collections.Counter = collections.Counter(
        m.country for m in doc.mentions if m.country and len(m.country) == 3 and m.country not in _NON_COUNTRY)
    for _, cands in looked:
        if len({c.country for c in cands}) == 1:
            counts[cands[0].country] += 1
            continue
        ranked = sorted(cands, key=lambda c: c.prior, reverse=True)
        top = ranked[0]
        if all(c.country == top.country or (c.kind == "city" and top.prior - c.prior >= 2.0) for c in ranked[1:]):
            counts[top.country] += 1
    if not counts:
        return {}
    top = max(counts.values())
    return {c: n / top for c, n in counts.items()}


def story_regions(looked: list[tuple[object, list[Place]]]) -> set[tuple[str, str]]:
    """(country, region) of the cities the story names with a clear reading."""
    out = set()
    for _, cands in looked:
        top = max(cands, key=lambda c: c.prior)
        if top.kind == "city" and top.region and all(c is top or top.prior - c.prior >= 2.0 for c in cands):
            out.add((top.country, normalize(top.region)))
    return out


def choose(cands: list[Place], countries: dict[str, float] | set[str], *, qualifier: list[Place] = (),
           state: bool = False, regions: set[tuple[str, str]] = frozenset()) -> Place:
    """The best reading of a name (see the module note for the score)."""
    weight = countries if isinstance(countries, dict) else dict.fromkeys(countries, 1.0)

    def score(c: Place) -> float:
        s = c.prior + 3.0 * weight.get(c.country, 0.0)
        if c.kind == "region" and (c.country, normalize(c.name)) in regions:
            s += 2.5  # "Seattle ... in Washington": the state the story's cities are in
        for q in qualifier:
            if (q.kind == "country" and q.country == c.country) or (
                    q.kind == "region" and normalize(q.name) == normalize(c.region) and q.country == c.country):
                s += 6.0
                break
        if state and c.kind == "region":
            s += 3.0
        return s

    return max(cands, key=lambda c: (score(c), c.population))


def find_places(doc: Document, gaz: Gazetteer) -> list[Found]:
    sp = doc.spacy
    if sp is None:
        return []
    blocked = _blocked(doc)
    looked = []
    for whole, from_ent in _candidate_spans(sp):
        for span in _forms(whole):
            cands = gaz.lookup(span.text)
            if cands:
                break
        else:
            continue
        use = _use(span.root)[0]
        # an actor's name is never a place ("Washington said"); a location phrase inside
        # an actor's mention is ("police in Tbilisi": the actor is the police)
        if _overlaps(blocked, span.start_char, span.end_char) and not use:
            continue
        if not from_ent and not use:
            continue
        looked.append((span, cands))
    countries = story_countries(doc, looked)
    regions = story_regions(looked)
    place_mentions = [(m.start, m.end) for m in doc.mentions if getattr(m, "kind", "") == "place"]
    out: list[Found] = []
    for span, cands in looked:
        q = _qualifier(sp, span)
        qual = gaz.lookup(q) if q else []
        nxt = sp[span.end].lower_ if span.end < len(sp) else ""
        place = choose(cands, countries, qualifier=qual, state=(nxt == "state"), regions=regions)
        use, on_verb, head = _use(span.root)
        if not use and _overlaps(place_mentions, span.start_char, span.end_char):
            use = True  # the actor resolver saw a location use ("Pyongyang airport")
        path = clause_path(span.root)
        out.append(Found(place, span.start_char, span.end_char, span.text, span.root.i, use, on_verb,
                         any(is_modifier_clause(t) for t in path), "entity", head))
    out.sort(key=lambda f: f.start)
    return out


def find_dateline(doc: Document, gaz: Gazetteer, found: list[Found]) -> Found | None:
    """The place of a dateline ("MOSCOW, May 7 (IANS) -", "SEOUL, South Korea -") at the body's start."""
    art = doc.article
    start = art.body_start
    m = dateline.find(art.text, start)
    if m is None or not m.groupdict().get("city"):
        return None  # no dateline, or one with no city (", Nov 10 (Reuters) -")
    city = m.group("city").strip()
    cands = gaz.lookup(city.title()) or gaz.lookup(city)
    if not cands:
        return None
    s = start + m.start("city")
    # no actor check here: a name in dateline position is a place by position, even
    # when a resolver took "MOSCOW" at the top of the story for the government
    qual = gaz.lookup(m.group("qual").title()) + gaz.lookup(m.group("qual")) if m.group("qual") else []
    countries = {f.place.country for f in found}
    place = choose(cands, countries, qualifier=qual)
    return Found(place, s, s + len(city), city, -1, True, True, False, "dateline")


def clause_of(trig, memo: dict | None = None) -> set[int]:
    """Token indices of the trigger's clause, plus a noun trigger's own phrase.

    ``memo`` (one dict per document) keeps each sentence's clause roots between events.
    """
    sent = trig.sent
    roots = memo.get(sent.start) if memo is not None else None
    if roots is None:
        roots = clause_roots(sent)
        if memo is not None:
            memo[sent.start] = roots
    root = roots[trig.i]
    out = {i for i, r in roots.items() if r == root}
    if trig.pos_ in ("NOUN", "PROPN"):
        out.update(t.i for t in trig.subtree if roots.get(t.i) == root or t.i == trig.i)
    return out


def in_clause(sp, f: Found, trig, clause: set[int]) -> bool:
    """A location phrase of the event: in its clause and hanging on a verb or on the trigger itself."""
    if not f.use or f.token not in clause:
        return False
    return f.on_verb or f.head == trig.i or (trig.pos_ in ("NOUN", "PROPN") and f.head in {t.i for t in trig.subtree})
