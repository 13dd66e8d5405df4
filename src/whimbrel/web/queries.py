"""Read-side queries behind the web app, usable from Python without HTTP.

These extend the library's own queries with what an explorer needs and the
command line does not (yet): the event filter gains a dyad, quad classes, a
place, a minimum confidence, asserted-only and paging in date order
(:class:`EventQuery`, a subclass of :class:`whimbrel.store.EventFilter`); dyad
series come at day, week or month resolution with each direction apart
(:func:`dyad_series`, counted on the same rows as :func:`whimbrel.relations.dyad`);
event places are aggregated for a map (:func:`places`).

Relations (dyads, network, top) read the deduplicated events when they can and
say which level they used: ``level="auto"`` tries ``dedup`` and falls back to
``raw`` when the deduplicated tables are out of date or cannot be read (a
read-only database that was never deduplicated).

Every value reaches SQL as a parameter; the only SQL text built here is from
fixed fragments.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field

from .. import relations
from ..errors import UsageError
from ..store import EventFilter
from ..store.query import as_date

MAX_PAGE = 1000
DEFAULT_PAGE = 100
MAX_PERIODS = 1000  # zero-filled periods in a dyad series (longer gaps are skipped)
LEVELS = ("auto", "dedup", "raw")
RESOLUTIONS = ("day", "week", "month")

# the day an event counts on: its own date, else its article's publication day
_DAY = "coalesce(e.date, CAST(a.published AS DATE))"


@dataclass(frozen=True)
class EventQuery(EventFilter):
    """An :class:`EventFilter` plus the explorer's filters and a page.

    ``dyad`` is two actors (code prefixes or name parts, the ``actor`` rules)
    in either direction; ``quad`` one or more quad classes (1-4); ``place`` a
    part of the place name or a country code (``PRK``); ``min_confidence`` a
    floor on the coder's confidence; ``asserted`` leaves out negated,
    hypothetical and future events (what the relation counts count). Results
    are ordered by day (event date, else publication day), then text order.
    """

    dyad: tuple[str, str] | None = None
    quad: tuple[int, ...] = ()
    place: str | None = None
    min_confidence: float | None = None
    asserted: bool = False
    offset: int = 0

    def to_sql(self, *, alias: str = "e") -> tuple[str, list]:
        where, params = super().to_sql(alias=alias)
        clauses = [] if where == "TRUE" else [where]
        if self.dyad:
            a, b = (x.strip() for x in self.dyad)
            if not a or not b:
                raise UsageError("a dyad is two actors, e.g. dyad=PRK,USA")
            ab = [self._side(a, "source", alias), self._side(b, "target", alias)]
            ba = [self._side(b, "source", alias), self._side(a, "target", alias)]
            clauses.append(f"(({ab[0][0]} AND {ab[1][0]}) OR ({ba[0][0]} AND {ba[1][0]}))")
            params += ab[0][1] + ab[1][1] + ba[0][1] + ba[1][1]
        if self.quad:
            bad = [q for q in self.quad if q not in (1, 2, 3, 4)]
            if bad:
                raise UsageError(f"quad class {bad[0]} is not 1, 2, 3 or 4")
            clauses.append(f"list_contains(?, {alias}.quad_class)")
            params.append(list(self.quad))
        if self.place and self.place.strip():
            clauses.append(f"({alias}.location_name ILIKE '%' || ? || '%' OR {alias}.location_country = upper(?))")
            params += [self.place.strip(), self.place.strip()]
        if self.min_confidence is not None:
            clauses.append(f"{alias}.confidence >= ?")
            params.append(float(self.min_confidence))
        if self.asserted:
            clauses.append(" AND ".join(f"NOT coalesce({alias}.{c}, false)"
                                        for c in ("negated", "hypothetical", "future")))
        return (" AND ".join(clauses) or "TRUE"), params


@dataclass(frozen=True)
class EventPage:
    total: int
    offset: int
    limit: int
    events: list[dict]

    def as_dict(self) -> dict:
        nxt = self.offset + self.limit if self.offset + self.limit < self.total else None
        return {"total": self.total, "offset": self.offset, "limit": self.limit, "next_offset": nxt,
                "events": self.events}


def events_page(con, q: EventQuery) -> EventPage:
    """One page of event records matching ``q``, ordered by day, with the total count.

    Each record is the stored JSON event record plus ``article`` (id, title,
    source, published) and ``day`` (the date it counts on).
    """
    limit = DEFAULT_PAGE if q.limit is None else max(0, min(int(q.limit), MAX_PAGE))
    offset = max(0, int(q.offset or 0))
    where, params = q.to_sql(alias="e")
    total = con.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]
    # the page's ids first (a narrow sort), then their records: sorting the JSON column is 5x slower
    ids = con.execute(
        f"SELECT e.event_id, {_DAY} AS day FROM events e LEFT JOIN articles a ON a.article_id = e.article_id "
        f"WHERE {where} ORDER BY day NULLS LAST, e.article_id, e.sentence_index, e.trigger_start, e.event_id "
        "LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    rows = con.execute(
        "SELECT e.event_id, e.record, a.title, a.source, a.published FROM events e "
        "LEFT JOIN articles a ON a.article_id = e.article_id WHERE list_contains(?, e.event_id)",
        [[i for i, _ in ids]],
    ).fetchall() if ids else []
    by_id = {r[0]: r[1:] for r in rows}
    out = []
    for event_id, day in ids:
        record, title, source, published = by_id[event_id]
        rec = json.loads(record)
        rec["article"] = {"id": rec.get("article_id"), "title": title, "source": source,
                          "published": published.isoformat() if published else None}
        rec["day"] = day.isoformat() if day else None
        out.append(rec)
    return EventPage(total=total, offset=offset, limit=limit, events=out)


def places(con, q: EventQuery) -> list[dict]:
    """Event places with coordinates: one row per place, its event count per quad class."""
    where, params = q.to_sql(alias="e")
    rows = con.execute(
        "SELECT e.location_name, e.location_country, avg(e.lat), avg(e.lon), count(*), "
        "count(*) FILTER (WHERE e.quad_class = 1), count(*) FILTER (WHERE e.quad_class = 2), "
        "count(*) FILTER (WHERE e.quad_class = 3), count(*) FILTER (WHERE e.quad_class = 4), "
        "avg(e.goldstein), min(e.geonameid) "
        f"FROM events e LEFT JOIN articles a ON a.article_id = e.article_id WHERE {where} "
        "AND e.lat IS NOT NULL AND e.lon IS NOT NULL "
        "GROUP BY e.location_name, e.location_country ORDER BY count(*) DESC, e.location_name",
        params,
    ).fetchall()
    return [{"name": name, "country": country, "lat": round(lat, 4), "lon": round(lon, 4), "events": n,
             "quad1": q1, "quad2": q2, "quad3": q3, "quad4": q4,
             "goldstein_mean": None if gold is None else round(gold, 3), "geonameid": gid}
            for name, country, lat, lon, n, q1, q2, q3, q4, gold, gid in rows]


def extent(con) -> dict:
    """Counts and the first and last event day in the database."""
    n_art = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    n_ev, first, last = con.execute(
        f"SELECT count(*), min({_DAY}), max({_DAY}) FROM events e "
        "LEFT JOIN articles a ON a.article_id = e.article_id"
    ).fetchone()
    return {"articles": n_art, "events": n_ev, "first": first.isoformat() if first else None,
            "last": last.isoformat() if last else None}


# -- relations at a chosen level -------------------------------------------------------

class LevelUnavailable(UsageError):
    """The deduplicated events were asked for but cannot be read (out of date, or never built)."""

    code = "dedup_unavailable"


def _dedup_unavailable(e: Exception) -> bool:
    """True for the library's 'run whimbrel dedup first' and for a read-only file without dedup tables."""
    text = str(e)
    if isinstance(e, UsageError):
        return "whimbrel dedup" in text
    return "read-only" in text or "read only" in text or "does not exist" in text


def with_level(fn, level: str = "auto"):
    """Run ``fn(level)`` at ``level``; ``auto`` tries ``dedup`` then ``raw``. Returns (result, level used)."""
    if level not in LEVELS:
        raise UsageError(f"level {level!r}: use auto, dedup or raw")
    if level == "raw":
        return fn("raw"), "raw"
    try:
        return fn("dedup"), "dedup"
    except Exception as e:
        if not _dedup_unavailable(e):
            raise
        if level == "dedup":
            raise LevelUnavailable("the deduplicated events cannot be read here (out of date, or never built); "
                                   "run `whimbrel dedup` on the database, or ask for level=raw") from e
        return fn("raw"), "raw"


def period_of(day: dt.date, by: str) -> tuple[dt.date, dt.date]:
    """The first and last day of the day/ISO week/month holding ``day``."""
    if by == "day":
        return day, day
    if by == "week":
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    if by == "month":
        start = day.replace(day=1)
        nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return start, nxt - dt.timedelta(days=1)
    raise UsageError(f"by={by!r}: use day, week or month")


def _label(start: dt.date, by: str) -> str:
    if by == "month":
        return start.strftime("%Y-%m")
    if by == "week":
        y, w, _ = start.isocalendar()
        return f"{y}-W{w:02d}"
    return start.isoformat()


def _next(start: dt.date, by: str) -> dt.date:
    return period_of(period_of(start, by)[1] + dt.timedelta(days=1), by)[0]


@dataclass
class _Bucket:
    ab: list = field(default_factory=lambda: [0, 0, 0, 0])
    ba: list = field(default_factory=lambda: [0, 0, 0, 0])
    gold_total: float = 0.0
    gold_n: int = 0


def _period_dict(start: dt.date, by: str, b: _Bucket) -> dict:
    quads = [x + y for x, y in zip(b.ab, b.ba)]
    return {"period": _label(start, by), "start": start.isoformat(), "end": period_of(start, by)[1].isoformat(),
            "events": sum(quads), **{f"quad{i + 1}": c for i, c in enumerate(quads)},
            "ab": list(b.ab), "ba": list(b.ba), "goldstein_total": round(b.gold_total, 2),
            "goldstein_mean": round(b.gold_total / b.gold_n, 3) if b.gold_n else None}


def dyad_series(con, a: str, b: str, *, by: str = "month", since=None, until=None,
                level: str = "auto") -> dict:
    """Events between ``a`` and ``b`` (code prefixes) per period, each direction apart.

    Counts the rows :func:`whimbrel.relations.dyad` counts (asserted events,
    matched by code prefix); at ``by="month"`` the totals equal its months.
    Quiet periods between observed ones are included as zeros (up to
    ``MAX_PERIODS`` in all; beyond that only observed periods are listed).
    """
    a, b = a.strip().upper(), b.strip().upper()
    if not a or not b:
        raise UsageError("give two actor codes, e.g. /dyads/PRK/USA")
    if by not in RESOLUTIONS:
        raise UsageError(f"by={by!r}: use day, week or month")

    def rows(lvl):
        return relations._rows(con, level=lvl, since=since, until=until)

    data, used = with_level(rows, level)
    buckets: dict[dt.date, _Bucket] = defaultdict(_Bucket)
    for src, tgt, quad, gold, day in data:
        fwd = bool(src and tgt and src.startswith(a) and tgt.startswith(b))
        back = bool(src and tgt and src.startswith(b) and tgt.startswith(a))
        if not (fwd or back) or day is None:
            continue
        bucket = buckets[period_of(day, by)[0]]
        if quad in (1, 2, 3, 4):
            (bucket.ab if fwd else bucket.ba)[quad - 1] += 1
        if gold is not None:
            bucket.gold_total += gold
            bucket.gold_n += 1
    starts = sorted(buckets)
    if starts:
        filled, cur = [], starts[0]
        while cur <= starts[-1] and len(filled) <= MAX_PERIODS:
            filled.append(cur)
            cur = _next(cur, by)
        if len(filled) <= MAX_PERIODS:
            starts = filled
    periods = [_period_dict(s, by, buckets.get(s, _Bucket())) for s in starts]
    return {"a": a, "b": b, "by": by, "level": used, "periods": periods,
            "events": sum(p["events"] for p in periods)}


def network(con, *, since=None, until=None, by: str = "root", min_events: int = 1, level: str = "auto") -> dict:
    """The actor network and its blocs (:func:`whimbrel.relations.network`), each node with its bloc number."""
    g, used = with_level(lambda lvl: relations.network(con, since=since, until=until, by=by, level=lvl,
                                                       min_events=min_events), level)
    found = relations.blocs(g)
    data = relations.network_json(g, found)
    member = {n: i for i, bl in enumerate(found, 1) for n in bl.members}
    for node in data["nodes"]:
        node["bloc"] = member.get(node["id"], 0)
    return {"level": used, "nodes": data["nodes"], "links": data["links"], "blocs": data["blocs"]}


def top(con, *, what: str = "actors", n: int = 10, since=None, until=None, by: str = "root",
        level: str = "auto") -> dict:
    """The most active actors or dyads (:func:`whimbrel.relations.top`)."""
    rows, used = with_level(lambda lvl: relations.top(con, what=what, n=n, since=since, until=until, by=by,
                                                      level=lvl), level)
    return {"level": used, "what": what, "rows": rows}


def check_date(value, name: str) -> str | None:
    """A filter date as given, after checking it parses (YYYY, YYYY-MM or YYYY-MM-DD)."""
    if value in (None, ""):
        return None
    if as_date(value) is None:
        raise UsageError(f"{name}={value!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")
    return value
