"""When two reports are one real event: the rules deduplication applies (issues 6 and 12).

A *report* is one raw event as one article coded it. Reports are grouped in two
steps.

**1. Copies of one story (alignment).** Articles in one story cluster (wire
copies, light rewrites: :mod:`whimbrel.store.clusters`) repeat each other's
sentences. A report in a copy is *aligned* with a report of an earlier article of
its cluster when their evidence sentences are the same sentence (at least
``ALIGN_MIN`` of the shorter sentence's words are in the other: a headline cut
from the lead counts) and what the two coders made of it agrees as far as it
is known:

* the same CAMEO root (two digits) and the same modality;
* each side's actor root equal, or unknown on one side (``---`` or missing),
  with at least one side known and equal (the pair in either order for a
  symmetric act);
* dates that agree: ranges that overlap when both dates are stated in the text
  ("on 4 November", "in 2001"); otherwise (a relative "today", "on Tuesday",
  or the publication day) ranges at most ``MAX_SHIFT_DAYS`` apart, because a
  copy run a day later resolves "today" to its own day;
* places that do not disagree (below).

The report then takes the block key of the report it is aligned with (its
*anchor*: the best match among earlier articles' reports, the original's first)
and joins the anchor's event. So a copy whose coder read an actor as ``---``,
chose ``193`` where the original has ``190``, or resolved "on Tuesday" four
days off, still counts once. Different sentences of one story are never
aligned, so articles that only share boilerplate do not merge their events.
When the original's report has unknown actors and a copy's knows them, the
event takes the copy's block key, so it can still meet other outlets' reports.

**2. Everything else (block rules).** Reports in one block share the actor
roots (unordered for a symmetric act: a joint code such as meet, negotiate,
agree, cooperate, fight, or an event the coder marked symmetric), the CAMEO
base code (three digits) and the modality (negated, future and hypothetical
must agree). Within a block, in date order, a report joins the first group
whose *agreed range* (the intersection of its members' ranges, ``window`` days
of slack) it overlaps, whose places are compatible, and whose direction agrees
(for a directed act of a symmetric code that is not cooperation, "A attacked
B" and "B attacked A" stay two events; only reports whose two roots are known
have a direction). The agreed range narrows, so no chain
of reports stretches one event over weeks.

**Places** never block a merge when either report's place is unknown or only
inferred for the article (its dateline, or the place the story mentions most:
``basis.place_rule`` ``dateline`` / ``story``). Places stated for the events
block it only when they are in different countries.

**Dates** come from ``date``..``date_end``, or the period the precision names
(week, month, year), or the publication day. A date is *stated* when its time
expression names a year or a month (``basis.date_text``); two stated dates
that do not overlap are never merged.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import json
import re
from dataclasses import dataclass, field

_PRECISION_RANK = {"site": 4, "city": 3, "region": 2, "country": 1}
#: place rules of the where stage that say where the article is, not where the event was
WEAK_PLACE_RULES = frozenset({"dateline", "story"})
#: how far apart two aligned reports' relative dates may be (a late wire copy, a weekday swapped in)
MAX_SHIFT_DAYS = 7
#: days before a borrowed date (publication day, the lead's date) that an undated report may mean
BORROWED_SLACK_DAYS = 1
#: share of the shorter sentence's words found in the other for two sentences to be one sentence
ALIGN_MIN = 0.6
_WORD = re.compile(r"\w+", re.UNICODE)
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_STATED = re.compile(rf"\b(1[5-9]\d\d|20\d\d)\b|\b({_MONTHS})\b", re.IGNORECASE)
#: date rules of the when stage that found the date in the event's own sentence
_OWN_RULES = frozenset({"clause", "sentence"})
#: date rules that did not find a date for the event itself: the publication day, the lead's date
_BORROWED_RULES = frozenset({"published", "none", "lead"})
#: CAMEO's codes for one meeting of two parties: consult, visit (the visitor), host (the host),
#: meet at a third place, negotiate. A meeting of A and B on one day is one event, however an
#: outlet codes it.
MEETING_CODES = frozenset({"040", "042", "043", "044", "046"})


@functools.lru_cache(maxsize=1)
def _symmetric_prefixes() -> tuple[str, ...]:
    """CAMEO codes of joint acts (the coder's: meet, negotiate, agree, cooperate, fight)."""
    from ..events.coder import SYM_PREFIXES

    return tuple(SYM_PREFIXES)


def symmetric_code(cameo: str | None) -> bool:
    return bool(cameo) and (cameo.startswith(_symmetric_prefixes()) or cameo[:3] in MEETING_CODES)


def mutual_code(cameo: str | None, quad_class: int | None) -> bool:
    """A joint act whose direction means nothing: cooperation (quad 1-2) among the symmetric codes."""
    return symmetric_code(cameo) and quad_class in (1, 2)


def event_kind(cameo: str | None) -> str:
    """The code part of the block key: the CAMEO base code, or ``04m`` for a meeting."""
    base = (cameo or "")[:3]
    return "04m" if base in MEETING_CODES else base


def date_kind(rule: str | None, text: str | None, has_basis: bool) -> str:
    """How a report's date was found:

    * ``stated``: in the event's own sentence, naming a year or a month ("on 4 December");
    * ``relative``: in its own sentence, relative to publication ("today", "on Tuesday");
    * ``context``: borrowed from elsewhere (an earlier sentence of the paragraph, the lead,
      the story's narrative, the publication day).

    Records without a basis (coded before it was stored) count as relative."""
    if not has_basis:
        return "relative"
    if rule not in _OWN_RULES:
        return "context"
    if text and _STATED.search(text):
        return "stated"
    return "relative"


def period(date: dt.date | None, date_end: dt.date | None, precision: str | None,
           published: dt.datetime | None) -> tuple[dt.date | None, dt.date | None]:
    """The date range a report covers (inclusive). Falls back to the publication day."""
    if date is None:
        if published is None:
            return None, None
        day = published.date() if isinstance(published, dt.datetime) else published
        return day, day
    if date_end is not None:
        return (date, date_end) if date_end >= date else (date_end, date)
    if precision == "week":
        return date, date + dt.timedelta(days=6)
    if precision == "month":
        return date.replace(day=1), date.replace(day=calendar.monthrange(date.year, date.month)[1])
    if precision == "year":
        return date.replace(month=1, day=1), date.replace(month=12, day=31)
    return date, date


def _root(code: str | None) -> str:
    return code[:3] if code else "---"


def _known(root: str) -> bool:
    return root != "---"


@dataclass
class Report:
    """One raw event with what dedup needs from its article."""

    event_id: str
    article_id: str
    sentence_index: int | None
    source_code: str | None
    source_country: str | None
    source_name: str | None
    target_code: str | None
    target_country: str | None
    target_name: str | None
    cameo: str
    cameo_root: str
    quad_class: int | None
    goldstein: float | None
    plover_event: str | None
    plover_mode: str | None
    date: dt.date | None
    date_end: dt.date | None
    date_precision: str | None
    location_name: str | None
    location_country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    location_precision: str | None
    negated: bool
    future: bool
    hypothetical: bool
    trigger_start: int | None
    trigger_end: int | None
    confidence: float | None
    coder_version: str | None
    trigger: str | None
    symmetric: bool
    sentence: str | None
    basis: str | None
    published: dt.datetime | None
    source: str | None
    url: str | None
    ingested: dt.datetime | None
    paragraphs: str | None
    cluster_id: str | None
    stored_key: str | None = None
    stored_anchor: str | None = None
    # derived
    key: str = ""
    key_own: str = ""  # the report's own block key (``key`` may be its anchor's)
    anchor: str | None = None  # the event id this report is aligned with (its key is the anchor's)
    lo: dt.date | None = None
    hi: dt.date | None = None
    in_lead: bool = False
    outlet: str = ""
    date_kind: str = "relative"
    place_rule: str | None = None
    _words: frozenset | None = None

    def derive(self) -> None:
        """Fill the derived fields that depend on the report alone."""
        self.lo, self.hi = period(self.date, self.date_end, self.date_precision, self.published)
        how = {}
        if self.basis:
            try:
                how = json.loads(self.basis) or {}
            except ValueError:
                how = {}
        self.place_rule = how.get("place_rule")
        self.date_kind = date_kind(how.get("date_rule"), how.get("date_text"), bool(how))
        if self.lo is not None and (self.date is None or how.get("date_rule") in _BORROWED_RULES):
            # no date stated for the event: it happened on the day its date was borrowed from
            # (publication, the lead) or the day before ("overnight", another time zone)
            self.lo -= dt.timedelta(days=BORROWED_SLACK_DAYS)
        self.key = self.key_own = block_key(self)

    @property
    def words(self) -> frozenset:
        if self._words is None:
            self._words = frozenset(_WORD.findall((self.sentence or "").lower()))
        return self._words

    @property
    def place_rank(self) -> int:
        if not self.location_name and self.geonameid is None:
            return 0
        return _PRECISION_RANK.get(self.location_precision or "city", 3)

    @property
    def strong_place(self) -> bool:
        """A place found for the event itself (not the article's dateline or main place)."""
        return self.place_rank > 0 and self.place_rule not in WEAK_PLACE_RULES

    @property
    def roots(self) -> tuple[str, str]:
        return _root(self.source_code), _root(self.target_code)

    @property
    def unordered(self) -> bool:
        return self.symmetric or symmetric_code(self.cameo)

    @property
    def directed(self) -> bool:
        """Direction matters when grouping: not a joint report, not a cooperative joint code."""
        return not self.symmetric and not mutual_code(self.cameo, self.quad_class)

    @property
    def modality(self) -> tuple[bool, bool, bool]:
        return self.negated, self.future, self.hypothetical


def _key_side(code: str | None) -> str | None:
    """A side of the block key: the actor's root, else its code when only the country is unknown
    (``---BUS``: companies), else None (nobody known)."""
    root = _root(code)
    if _known(root):
        return root
    if code and len(code) > 3:
        return code
    return None


def block_key(r: Report) -> str:
    """Reports that may be one event share this key (roots, CAMEO base code, modality).

    A side nobody is known on ("---", none), a report with no known actor root, or a report
    with no date at all, keys to its story: only reports of one story can then be matched.
    """
    src, tgt = _key_side(r.source_code), _key_side(r.target_code)
    story = src is None or tgt is None or not (_known(_root(r.source_code)) or _known(_root(r.target_code)))
    src, tgt = src or "---", tgt or "---"
    if r.unordered and tgt < src:
        src, tgt = tgt, src
    mod = f"{int(r.negated)}{int(r.future)}{int(r.hypothetical)}"
    key = f"{src}|{tgt}|{event_kind(r.cameo)}|{mod}"
    if r.lo is None or story:
        key += f"|story:{r.cluster_id or r.article_id}"
    return key


# -- places and dates ---------------------------------------------------------------------

def places_compatible(a: Report, b: Report) -> bool:
    """Unknown or article-level (dateline, story) on either side, or both in one country."""
    if not a.strong_place or not b.strong_place:
        return True
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.location_country and b.location_country:
        return a.location_country == b.location_country
    return True


def _gap(a_lo, a_hi, b_lo, b_hi) -> int:
    """Days between two ranges (0 when they overlap)."""
    if a_lo is None or b_lo is None:
        return 0
    if b_lo > a_hi:
        return (b_lo - a_hi).days
    if a_lo > b_hi:
        return (a_lo - b_hi).days
    return 0


def dates_agree(a: Report, b: Report) -> bool:
    """For aligned reports (one sentence): dates found in that sentence must agree, stated ones
    by overlapping, relative ones within MAX_SHIFT_DAYS (a copy run later resolves "today" to
    its own day). A date borrowed from the context (another sentence, the publication day) is
    not the sentence's own and does not block when the two articles came out within
    MAX_SHIFT_DAYS of each other: one copy only lost the context. Articles further apart
    (an outlet reusing its own wording months later) need dates that agree."""
    gap = _gap(a.lo, a.hi, b.lo, b.hi)
    if "context" in (a.date_kind, b.date_kind):
        if a.published is not None and b.published is not None and \
                abs((a.published - b.published).days) <= MAX_SHIFT_DAYS:
            return True
        return gap <= MAX_SHIFT_DAYS
    if a.date_kind == "stated" and b.date_kind == "stated":
        return gap == 0
    return gap <= MAX_SHIFT_DAYS


# -- alignment (copies of one story) ---------------------------------------------------

def overlap(a: frozenset, b: frozenset) -> float:
    """Share of the smaller word set found in the other (0 for empty sets)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _side(x: str | None, y: str | None) -> int | None:
    """One side of two reports: 1 when it agrees (the same known root; or, with a country unknown,
    the same sector: ``---COP`` and ``INDCOP``), 0 when one side says nothing, None when they differ."""
    rx, ry = _root(x), _root(y)
    if _known(rx) and _known(ry):
        return 1 if rx == ry else None
    if x and y and len(x) > 3 and x[3:6] == y[3:6]:
        return 1
    return 0


def _sides_agree(a: Report, b: Report) -> tuple[int, int]:
    """(sides that agree, sides that conflict) for the actor codes, in order or, for a symmetric
    act, either order; the order with fewer conflicts, then more agreement."""
    orders = [(b.source_code, b.target_code)]
    if a.unordered or b.unordered:
        orders.append((b.target_code, b.source_code))
    best = None
    for bs, bt in orders:
        sides = [_side(a.source_code, bs), _side(a.target_code, bt)]
        same, bad = sum(1 for v in sides if v), sum(1 for v in sides if v is None)
        if best is None or (bad, -same) < (best[1], -best[0]):
            best = (same, bad)
    return best


def aligned_score(r: Report, c: Report) -> tuple | None:
    """How well ``r`` (a later copy's report) matches ``c`` as the same report of the same act,
    or None when it does not. Larger is better."""
    if r.article_id == c.article_id or r.cluster_id is None or r.cluster_id != c.cluster_id:
        return None
    if r.modality != c.modality:
        return None
    same_words = bool(r.trigger) and r.trigger == c.trigger
    if (r.cameo or "")[:2] != (c.cameo or "")[:2] and not same_words:
        return None  # another code for the same words is the same act read differently
    same, bad = _sides_agree(r, c)
    slip = r.cameo == c.cameo and same_words
    if bad > 1 or (bad and not slip) or (same == 0 and not slip):
        return None  # one side may differ (or none agree) only for the same words coded the same
    sim = overlap(r.words, c.words)
    if sim < ALIGN_MIN:
        return None
    if not dates_agree(r, c) or not places_compatible(r, c):
        return None
    return (r.cameo == c.cameo, (r.cameo or "")[:3] == (c.cameo or "")[:3], -bad, same, round(sim, 3),
            -_gap(r.lo, r.hi, c.lo, c.hi))


def _order(r: Report):
    far = dt.datetime.max
    return (r.published or far, r.article_id, r.sentence_index if r.sentence_index is not None else -1,
            r.trigger_start or 0, r.event_id)


def anchor_cluster(reports: list[Report]) -> None:
    """Set ``anchor`` and ``key`` on the reports of one story cluster (see the module docstring).

    Reports are taken in publication order; each is matched against the earlier
    articles' reports that are not themselves anchored elsewhere, so anchors
    never chain.
    """
    if len({r.article_id for r in reports}) < 2:
        for r in reports:
            r.anchor = None
        return
    index: dict[str, list[Report]] = {}
    canon: list[Report] = []
    followers: dict[str, list[Report]] = {}
    for r in sorted(reports, key=_order):
        r.key = r.key_own
        r.anchor = None
        best, best_score = None, None
        seen: set[str] = set()
        keys = _index_keys(r)
        for k in keys:
            for c in index.get(k, ()):
                if c.event_id in seen:
                    continue
                seen.add(c.event_id)
                score = aligned_score(r, c)
                if score is not None and (best_score is None or score > best_score):
                    best, best_score = c, score
        if best is not None:
            r.anchor, r.key = best.event_id, best.key
            followers.setdefault(best.event_id, []).append(r)
            continue
        canon.append(r)
        for k in keys:
            index.setdefault(k, []).append(r)
    # a report whose actors only a later copy knows ("---COP" in the original, "IRNCOP" in the
    # copy) would keep the whole event to its story: the event takes the better-known key
    for c in canon:
        if "|story:" not in c.key or c.event_id not in followers:
            continue
        known = [f for f in followers[c.event_id] if "|story:" not in f.key_own]
        if known:
            key = min(known, key=lambda f: (-_n_known(f), _order(f))).key_own
            c.key = key
            for f in followers[c.event_id]:
                f.key = key


def _n_known(r: Report) -> int:
    return sum(1 for x in r.roots if _known(x))


def _index_keys(r: Report) -> set[str]:
    """Candidate look-up keys: the trigger words, the known roots, the sectors."""
    keys = {f"t:{r.trigger}"} if r.trigger else set()
    for code in (r.source_code, r.target_code):
        if _known(_root(code)):
            keys.add(f"r:{_root(code)}")
        if code and len(code) > 3:
            keys.add(f"s:{code[3:6]}")
    return keys


# -- grouping ---------------------------------------------------------------------------

@dataclass
class Group:
    lo: dt.date | None
    hi: dt.date | None
    place: Report
    members: list[Report] = field(default_factory=list)
    countries: set = field(default_factory=set)    # countries of the places stated for the event
    directions: set = field(default_factory=set)   # (source root, target root) of directed members

    def match(self, r: Report, window: int) -> bool:
        if r.strong_place and r.location_country and self.countries - {r.location_country}:
            return False
        if r.directed and _n_known(r) == 2 and self.directions and self.directions != {r.roots}:
            return False
        if self.lo is None or r.lo is None:
            return True
        slack = dt.timedelta(days=window)
        return not (r.lo - slack > self.hi or self.lo > r.hi + slack)

    def add(self, r: Report) -> None:
        self.members.append(r)
        if r.lo is not None and self.lo is not None and not (r.lo > self.hi or self.lo > r.hi):
            self.lo, self.hi = max(self.lo, r.lo), min(self.hi, r.hi)
        if (r.strong_place, r.place_rank) > (self.place.strong_place, self.place.place_rank):
            self.place = r
        if r.strong_place and r.location_country:
            self.countries.add(r.location_country)
        if r.directed and _n_known(r) == 2:
            self.directions.add(r.roots)


def group_block(reports: list[Report], *, window: int = 0) -> list[Group]:
    """Group one block's reports: anchored reports join their anchor's group, the rest greedily
    (see the module docstring)."""
    far = dt.date.max
    free = sorted((r for r in reports if r.anchor is None),
                  key=lambda r: (r.lo or far, r.hi or far, r.event_id))
    groups: list[Group] = []
    home: dict[str, Group] = {}
    for r in free:
        g = next((g for g in groups if g.match(r, window)), None)
        if g is None:
            g = Group(lo=r.lo, hi=r.hi, place=r)
            groups.append(g)
        g.add(r)
        home[r.event_id] = g
    for r in sorted((r for r in reports if r.anchor is not None), key=_order):
        g = home.get(r.anchor)
        if g is None:  # the anchor is gone (should not happen within one block): group it on its own terms
            g = next((g for g in groups if g.match(r, window)), None)
            if g is None:
                g = Group(lo=r.lo, hi=r.hi, place=r)
                groups.append(g)
        g.add(r)
        home[r.event_id] = g
    return groups
