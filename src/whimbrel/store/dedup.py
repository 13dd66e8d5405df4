"""Event deduplication: one real event counted once, with every report kept.

The rule (issue 6). Reports are the same event when they have

* the same source and target roots (country or IGO/NGO/... code; for a
  symmetric act, "A and B met", the pair in either order),
* the same CAMEO code,
* the same modality (an act, a denial, a plan and a hypothesis are different
  things: negated, future and hypothetical must agree),
* dates that overlap: each report's date range (``date``..``date_end``, or the
  period its precision names: a week, a month, a year; the article's
  publication day when the report has no date) must overlap the range every
  earlier member agrees on (``window`` days of slack, default 0). A report
  from a near-duplicate copy (same story cluster) published N days after an
  earlier copy in the group may also match with its range moved back N days:
  a wire copy run a day late still says "today" for the original's day,
* compatible places: unknown on either side, the same place, or a country
  (or region) and a place inside it; two different cities never merge.

They may come from one article (a headline and its lead) or from many. Grouping
is greedy within a block of reports sharing the first three keys, in date order:
a report joins the first open group whose agreed range it overlaps and whose
most specific place is compatible; the group's range narrows to the
intersection, so no chain of reports can stretch one event over weeks.

Counts follow GDELT's meanings: ``num_mentions`` counts reports (distinct
article, sentence and trigger), ``num_articles`` distinct articles,
``num_sources`` distinct outlets (:func:`whimbrel.store.clusters.outlet`).
``num_stories`` counts distinct story clusters, i.e. independent reports.
The raw per-article events stay in ``events``; ``event_mentions`` links each
one to its deduplicated event with its article and evidence.

:func:`refresh` is incremental: it rebuilds only the blocks touched by new,
removed or re-coded events. :func:`rebuild` starts over.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from .clusters import DEFAULT_THRESHOLD, build_clusters, ensure_schema, insert_rows, outlet

log = logging.getLogger(__name__)

_PRECISION_RANK = {"site": 4, "city": 3, "region": 2, "country": 1}

_SELECT = """
SELECT e.event_id, e.article_id, e.sentence_index,
       e.source_code, e.source_country, e.source_name,
       e.target_code, e.target_country, e.target_name,
       e.cameo, e.cameo_root, e.quad_class, e.goldstein, e.plover_event, e.plover_mode,
       e.date, e.date_end, e.date_precision,
       e.location_name, e.location_country, e.lat, e.lon, e.geonameid,
       json_extract_string(e.record, '$.location.precision') AS location_precision,
       coalesce(e.negated, false), coalesce(e.future, false), coalesce(e.hypothetical, false),
       e.trigger_start, e.trigger_end, e.confidence, e.coder_version,
       coalesce(TRY_CAST(json_extract(e.record, '$.symmetric') AS BOOLEAN), false) AS symmetric,
       json_extract_string(e.record, '$.evidence.sentence') AS sentence,
       a.published, a.source, a.url, a.ingested, a.paragraphs, c.cluster_id, sc.first_published
FROM events e
JOIN articles a ON a.article_id = e.article_id
LEFT JOIN article_cluster c ON c.article_id = e.article_id
LEFT JOIN story_clusters sc ON sc.cluster_id = c.cluster_id
"""


@dataclass
class _Report:
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
    symmetric: bool
    sentence: str | None
    published: dt.datetime | None
    source: str | None
    url: str | None
    ingested: dt.datetime | None
    paragraphs: str | None
    cluster_id: str | None
    cluster_start: dt.datetime | None
    # derived
    key: str = ""
    lo: dt.date | None = None
    hi: dt.date | None = None
    in_lead: bool = False
    outlet: str = ""
    lag: int = 0  # days between the story's first publication and this copy's


    @property
    def place_rank(self) -> int:
        if not self.location_name and self.geonameid is None:
            return 0
        return _PRECISION_RANK.get(self.location_precision or "city", 3)


def _root(code: str | None) -> str:
    return code[:3] if code else "---"


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


def block_key(r: _Report) -> str:
    """Reports that may be one event share this key (roots, CAMEO code, modality)."""
    src, tgt = _root(r.source_code), _root(r.target_code)
    if r.symmetric and tgt < src:
        src, tgt = tgt, src
    mod = f"{int(r.negated)}{int(r.future)}{int(r.hypothetical)}"
    key = f"{src}|{tgt}|{r.cameo}|{mod}"
    if r.lo is None:  # no date at all: only reports of the same story can be matched
        key += f"|nodate:{r.cluster_id or r.article_id}"
    return key


def _lead_check(paragraphs: str | None):
    """A function offset -> in headline/summary/first body paragraph."""
    try:
        paras = json.loads(paragraphs or "[]")
    except ValueError:
        paras = []
    first_body = next(((s, e) for s, e, k in paras if k == "body"), None)
    lead = [(s, e) for s, e, k in paras if k in ("headline", "summary")]
    if first_body:
        lead.append(first_body)

    def check(offset: int | None) -> bool:
        if offset is None:
            return False
        return any(s <= offset < e for s, e in lead)

    return check


def _load(con, where: str = "TRUE", params: list | None = None) -> list[_Report]:
    rows = con.execute(f"{_SELECT} WHERE {where}", params or []).fetchall()
    leads: dict[str, object] = {}
    out = []
    for row in rows:
        r = _Report(*row)
        r.lo, r.hi = period(r.date, r.date_end, r.date_precision, r.published)
        r.key = block_key(r)
        check = leads.get(r.article_id)
        if check is None:
            check = leads[r.article_id] = _lead_check(r.paragraphs)
        r.in_lead = check(r.trigger_start)
        r.outlet = outlet(r.source, r.url, r.article_id)
        if r.published is not None and r.cluster_start is not None:
            r.lag = max(0, (r.published.date() - r.cluster_start.date()).days)
        out.append(r)
    return out


def places_compatible(a: _Report, b: _Report) -> bool:
    """Unknown on either side, the same place, or a coarser place that contains the finer."""
    if a.place_rank == 0 or b.place_rank == 0:
        return True
    if a.location_country and b.location_country and a.location_country != b.location_country:
        return False
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if min(a.place_rank, b.place_rank) <= _PRECISION_RANK["region"]:
        # a country or region and a place in the same country (or of unknown country)
        if a.place_rank != b.place_rank:
            return True
    return (a.location_name or "").casefold() == (b.location_name or "").casefold()


@dataclass
class _Group:
    lo: dt.date | None
    hi: dt.date | None
    place: _Report
    members: list[_Report] = field(default_factory=list)
    lags: dict = field(default_factory=dict)  # story cluster -> smallest publication lag among members

    def _ranges(self, r: _Report):
        """r's date range, then (for a copy of a story already in the group) the range re-anchored
        to the earlier copy's publication day: "today" in a wire copy published a day later
        still means the original's today."""
        yield r.lo, r.hi
        if r.cluster_id is not None and r.lo is not None and r.cluster_id in self.lags:
            shift = r.lag - self.lags[r.cluster_id]
            if shift > 0:
                d = dt.timedelta(days=shift)
                yield r.lo - d, r.hi - d

    def match(self, r: _Report, window: int):
        """The range of ``r`` under which it belongs to this group, or None."""
        if not places_compatible(self.place, r):
            return None
        if self.lo is None or r.lo is None:
            return (r.lo, r.hi)
        slack = dt.timedelta(days=window)
        for lo, hi in self._ranges(r):
            if not (lo - slack > self.hi or self.lo > hi + slack):
                return lo, hi
        return None

    def add(self, r: _Report, rng=None) -> None:
        self.members.append(r)
        lo_r, hi_r = rng or (r.lo, r.hi)
        if lo_r is not None and self.lo is not None:
            lo, hi = max(self.lo, lo_r), min(self.hi, hi_r)
            self.lo, self.hi = (lo, hi) if lo <= hi else (min(lo, hi), max(lo, hi))
        if r.place_rank > self.place.place_rank:
            self.place = r
        if r.cluster_id is not None:
            self.lags[r.cluster_id] = min(r.lag, self.lags.get(r.cluster_id, r.lag))


def group_block(reports: list[_Report], *, window: int = 0) -> list[_Group]:
    """Greedy grouping of one block's reports (see the module docstring)."""
    far = dt.date.max
    reports = sorted(reports, key=lambda r: (r.lo or far, r.hi or far, r.lag, r.event_id))
    groups: list[_Group] = []
    for r in reports:
        for g in groups:
            rng = g.match(r, window)
            if rng is not None:
                g.add(r, rng)
                break
        else:
            g = _Group(lo=r.lo, hi=r.hi, place=r)
            g.add(r)
            groups.append(g)
    return groups


def _representative(g: _Group) -> _Report:
    far = dt.datetime.max

    def score(r: _Report):
        specific = len(r.source_code or "") + len(r.target_code or "")
        return (-(r.confidence or 0.0), not r.in_lead, -specific, r.published or far, r.event_id)

    return min(g.members, key=score)


def _dedup_id(g: _Group) -> str:
    first = min(r.event_id for r in g.members)
    return "d-" + hashlib.sha1(first.encode()).hexdigest()[:16]


def _global_id(dedup_id: str) -> int:
    return int(hashlib.sha1(dedup_id.encode()).hexdigest()[:15], 16)


def _rows(g: _Group) -> tuple[tuple, list[tuple]]:
    rep = _representative(g)
    did = _dedup_id(g)
    place = g.place
    mentions = {(r.article_id, r.sentence_index, r.trigger_start) for r in g.members}
    articles = {r.article_id for r in g.members}
    outlets = {r.outlet for r in g.members}
    stories = {r.cluster_id or r.article_id for r in g.members}
    pubs = [r for r in g.members if r.published is not None]
    first = min(pubs, key=lambda r: (r.published, r.article_id)) if pubs else rep
    added = [r.ingested for r in g.members if r.ingested is not None]
    if g.lo is None:
        date = date_end = None
        precision = rep.date_precision
    elif g.lo == g.hi:
        date, date_end, precision = g.lo, None, "day"
    else:
        date, date_end = g.lo, g.hi
        same = [r.date_precision for r in g.members if (r.lo, r.hi) == (g.lo, g.hi) and r.date_precision]
        precision = same[0] if same else "range"
    row = (
        did, _global_id(did), rep.key,
        rep.source_code, rep.source_country, rep.source_name,
        rep.target_code, rep.target_country, rep.target_name,
        rep.cameo, rep.cameo_root, rep.quad_class, rep.goldstein, rep.plover_event, rep.plover_mode,
        date, date_end, precision,
        place.location_name, place.location_country, place.lat, place.lon, place.geonameid,
        rep.negated, rep.future, rep.hypothetical,
        len(mentions), len(articles), len(outlets), len(stories),
        any(r.in_lead for r in g.members),
        rep.event_id, first.article_id, first.url, first.published,
        min(added) if added else None,
        max((r.confidence or 0.0) for r in g.members), rep.coder_version,
    )
    ment = [
        (r.event_id, did, r.key, r.article_id, r.outlet, r.url, r.published, r.sentence_index,
         r.trigger_start, r.trigger_end, r.in_lead, r.confidence, r.sentence)
        for r in g.members
    ]
    return row, ment


_DEDUP_COLS = (
    "dedup_id, global_id, block_key, source_code, source_country, source_name, target_code, "
    "target_country, target_name, cameo, cameo_root, quad_class, goldstein, plover_event, plover_mode, "
    "date, date_end, date_precision, location_name, location_country, lat, lon, geonameid, negated, "
    "future, hypothetical, num_mentions, num_articles, num_sources, num_stories, is_root, "
    "first_event_id, first_article_id, first_url, first_published, date_added, confidence, coder_version"
)


@dataclass(frozen=True)
class DedupStats:
    raw_events: int
    events: int
    multi_article: int       # deduplicated events reported by more than one article
    blocks_rebuilt: int
    clusters: int            # story clusters with two articles or more
    clustered_articles: int

    @property
    def inflation(self) -> float:
        """Raw events per real event (1.0 means no duplicates)."""
        return self.raw_events / self.events if self.events else 1.0

    def as_dict(self) -> dict:
        return {"raw_events": self.raw_events, "events": self.events, "inflation": round(self.inflation, 3),
                "multi_article": self.multi_article, "blocks_rebuilt": self.blocks_rebuilt,
                "clusters": self.clusters, "clustered_articles": self.clustered_articles}


_MENTION_COLS = ["event_id", "dedup_id", "block_key", "article_id", "outlet", "url", "published",
                 "sentence_index", "trigger_start", "trigger_end", "in_lead", "confidence", "evidence"]


def _write_groups(con, groups: list[_Group]) -> None:
    rows, ments = [], []
    for g in groups:
        row, ment = _rows(g)
        rows.append(row)
        ments.extend(ment)
    if not rows:
        return
    cols = [c.strip() for c in _DEDUP_COLS.split(",")]
    first = cols.index("first_event_id")
    records = dict(con.execute("SELECT event_id, record FROM events WHERE list_contains(?, event_id)",
                               [[r[first] for r in rows]]).fetchall())
    insert_rows(con, "dedup_events", cols + ["record"], [(*r, records[r[first]]) for r in rows])
    insert_rows(con, "event_mentions", _MENTION_COLS, ments)


def _regroup(con, reports: list[_Report], keys: set[str], *, window: int) -> None:
    blocks: dict[str, list[_Report]] = {}
    for r in reports:
        blocks.setdefault(r.key, []).append(r)
    groups = [g for k in sorted(blocks) for g in group_block(blocks[k], window=window)]
    key_list = sorted(keys)
    con.execute("DELETE FROM dedup_events WHERE list_contains(?, block_key)", [key_list])
    con.execute("DELETE FROM event_mentions WHERE list_contains(?, block_key)", [key_list])
    _write_groups(con, groups)


def _update_story_counts(con) -> None:
    con.execute(
        "UPDATE dedup_events d SET num_stories = s.n FROM ("
        " SELECT m.dedup_id, count(DISTINCT coalesce(c.cluster_id, m.article_id)) AS n"
        " FROM event_mentions m LEFT JOIN article_cluster c USING (article_id) GROUP BY m.dedup_id) s"
        " WHERE d.dedup_id = s.dedup_id AND d.num_stories IS DISTINCT FROM s.n"
    )


def _transaction(con, fn):
    con.execute("BEGIN TRANSACTION")
    try:
        out = fn()
    except Exception:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    return out


def refresh(con, *, articles: Iterable[str] = (), window: int = 0,
            threshold: float = DEFAULT_THRESHOLD, rebuild: bool = False) -> DedupStats:
    """Bring story clusters and deduplicated events up to date with the raw events.

    Incremental: only blocks touched by new events, removed events, or the
    events of ``articles`` (re-coded articles) are regrouped. ``rebuild=True``
    regroups everything. Safe to call at the end of every ingest; each step is
    one transaction, so an interrupted refresh leaves the old state or the new.
    """
    ensure_schema(con)
    cl = build_clusters(con, threshold=threshold, rebuild=False)
    touched = sorted(set(articles))

    def run() -> int:
        if rebuild:
            con.execute("DELETE FROM dedup_events")
            con.execute("DELETE FROM event_mentions")
            reports = _load(con)
            keys = {r.key for r in reports}
            _regroup(con, reports, keys, window=window)
            return len(keys)
        gone = con.execute(
            "SELECT DISTINCT block_key FROM event_mentions m WHERE NOT EXISTS "
            "(SELECT 1 FROM events e WHERE e.event_id = m.event_id) OR list_contains(?, m.article_id)",
            [touched],
        ).fetchall()
        new = _load(con, "NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.event_id) "
                         "OR list_contains(?, e.article_id)", [touched])
        keys = {k for (k,) in gone} | {r.key for r in new}
        if not keys:
            return 0
        con.execute(
            "DELETE FROM event_mentions m WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = m.event_id)"
        )
        new_ids = [r.event_id for r in new]
        old = _load(con, "e.event_id IN (SELECT event_id FROM event_mentions WHERE list_contains(?, block_key)) "
                         "AND NOT list_contains(?, e.event_id)", [sorted(keys), new_ids])
        _regroup(con, new + old, keys, window=window)
        return len(keys)

    n_blocks = _transaction(con, run)
    _transaction(con, lambda: _update_story_counts(con))
    return stats(con, blocks_rebuilt=n_blocks, clusters=cl.clusters, clustered=cl.clustered)


def rebuild(con, *, window: int = 0, threshold: float = DEFAULT_THRESHOLD) -> DedupStats:
    """Regroup every raw event from scratch."""
    return refresh(con, window=window, threshold=threshold, rebuild=True)


def stats(con, *, blocks_rebuilt: int = 0, clusters: int | None = None, clustered: int | None = None) -> DedupStats:
    ensure_schema(con)
    raw = con.execute("SELECT count(*) FROM events").fetchone()[0]
    n, multi = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE num_articles > 1) FROM dedup_events").fetchone()
    if clusters is None:
        clusters, clustered = con.execute(
            "SELECT count(*), coalesce(sum(n_articles), 0) FROM story_clusters WHERE n_articles > 1").fetchone()
    return DedupStats(raw_events=raw, events=n, multi_article=multi or 0, blocks_rebuilt=blocks_rebuilt,
                      clusters=clusters, clustered_articles=int(clustered or 0))


def is_stale(con) -> bool:
    """True when some raw event has no deduplicated event yet (or a mention lost its event)."""
    ensure_schema(con)
    row = con.execute(
        "SELECT EXISTS (SELECT 1 FROM events e WHERE NOT EXISTS "
        "  (SELECT 1 FROM event_mentions m WHERE m.event_id = e.event_id)) "
        "OR EXISTS (SELECT 1 FROM event_mentions m WHERE NOT EXISTS "
        "  (SELECT 1 FROM events e WHERE e.event_id = m.event_id))"
    ).fetchone()
    return bool(row[0])
