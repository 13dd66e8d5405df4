"""Event deduplication: one real event counted once, with every report kept.

The rules (when two reports are one event) are in :mod:`whimbrel.store.matching`:
copies of one story are aligned sentence by sentence and join the event of the
report they repeat; other reports are grouped within blocks of the same actor
roots (unordered for joint acts), CAMEO base code and modality, by overlapping
dates and compatible places.

Counts follow GDELT's meanings: ``num_mentions`` counts reports (distinct
article, sentence and trigger), ``num_articles`` distinct articles,
``num_sources`` distinct outlets (:func:`whimbrel.store.clusters.outlet`).
``num_stories`` counts distinct story clusters, i.e. independent reports.
The raw per-article events stay in ``events``; ``event_mentions`` links each
one to its deduplicated event with its article and evidence. The event JSON is
stored once, in ``events.record``; ``dedup_events.first_event_id`` points at the
representative report's.

:func:`refresh` is incremental: it re-anchors the story clusters that changed
and regroups only the blocks touched by new, removed or re-coded events.
:func:`rebuild` starts over.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from .clusters import DEFAULT_THRESHOLD, build_clusters, ensure_schema, insert_rows, outlet
from .matching import Group, Report, anchor_cluster, group_block, period  # noqa: F401  (period: API)

log = logging.getLogger(__name__)

_SELECT = """
SELECT e.event_id, e.article_id, e.sentence_index,
       e.source_code, e.source_country, e.source_name,
       e.target_code, e.target_country, e.target_name,
       e.cameo, e.cameo_root, e.quad_class, e.goldstein, e.plover_event, e.plover_mode,
       e.date, e.date_end, e.date_precision,
       e.location_name, e.location_country, e.lat, e.lon, e.geonameid,
       json_extract_string(e.record, '$.location.precision') AS location_precision,
       coalesce(e.negated, false), coalesce(e.future, false), coalesce(e.hypothetical, false),
       e.trigger_start, e.trigger_end, e.confidence, e.coder_version, lower(e.trigger),
       coalesce(TRY_CAST(json_extract(e.record, '$.symmetric') AS BOOLEAN), false) AS symmetric,
       json_extract_string(e.record, '$.evidence.sentence') AS sentence,
       CAST(json_extract(e.record, '$.basis') AS VARCHAR) AS basis,
       a.published, a.source, a.url, a.ingested, a.paragraphs, c.cluster_id,
       m.block_key, m.anchor_id
FROM events e
JOIN articles a ON a.article_id = e.article_id
LEFT JOIN article_cluster c ON c.article_id = e.article_id
LEFT JOIN event_mentions m ON m.event_id = e.event_id
"""


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


def _load(con, where: str = "TRUE", params: list | None = None) -> list[Report]:
    rows = con.execute(f"{_SELECT} WHERE {where}", params or []).fetchall()
    leads: dict[str, object] = {}
    out = []
    for row in rows:
        r = Report(*row)
        r.derive()
        check = leads.get(r.article_id)
        if check is None:
            check = leads[r.article_id] = _lead_check(r.paragraphs)
        r.in_lead = check(r.trigger_start)
        r.outlet = outlet(r.source, r.url, r.article_id)
        out.append(r)
    return out


def _anchor(reports: list[Report]) -> None:
    """Align the copies of each story cluster (sets ``anchor`` and ``key``)."""
    by_cluster: dict[str, list[Report]] = {}
    for r in reports:
        by_cluster.setdefault(r.cluster_id or f"article:{r.article_id}", []).append(r)
    for members in by_cluster.values():
        anchor_cluster(members)


def _representative(g: Group) -> Report:
    far = dt.datetime.max

    def score(r: Report):
        specific = len(r.source_code or "") + len(r.target_code or "")
        return (-(r.confidence or 0.0), not r.in_lead, -specific, r.published or far, r.event_id)

    return min(g.members, key=score)


def _dedup_id(g: Group) -> str:
    first = min(r.event_id for r in g.members)
    return "d-" + hashlib.sha1(first.encode()).hexdigest()[:16]


#: GDELT's GLOBALEVENTID must survive a trip through a JSON number or a spreadsheet: below 2^53
GLOBAL_ID_BITS = 52


def global_id(text_id: str) -> int:
    """A stable positive integer id below 2^53 for a text id (dedup or event id)."""
    return int(hashlib.sha1(text_id.encode()).hexdigest(), 16) >> (160 - GLOBAL_ID_BITS) or 1


_global_id = global_id


def _rows(g: Group) -> tuple[tuple, list[tuple]]:
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
    key = g.members[0].key
    row = (
        did, _global_id(did), key,
        rep.source_code, rep.source_country, rep.source_name,
        rep.target_code, rep.target_country, rep.target_name,
        rep.cameo, rep.cameo_root, rep.quad_class, rep.goldstein, rep.plover_event, rep.plover_mode,
        date, date_end, precision,
        place.location_name, place.location_country, place.lat, place.lon, place.geonameid,
        place.location_precision if place.place_rank else None,
        rep.negated, rep.future, rep.hypothetical,
        len(mentions), len(articles), len(outlets), len(stories),
        any(r.in_lead for r in g.members),
        rep.event_id, first.article_id, first.url, first.published,
        min(added) if added else None,
        max((r.confidence or 0.0) for r in g.members), rep.coder_version,
    )
    ment = [
        (r.event_id, did, key, r.anchor, r.article_id, r.outlet, r.url, r.published, r.sentence_index,
         r.trigger_start, r.trigger_end, r.in_lead, r.confidence, r.sentence)
        for r in g.members
    ]
    return row, ment


_DEDUP_COLS = (
    "dedup_id, global_id, block_key, source_code, source_country, source_name, target_code, "
    "target_country, target_name, cameo, cameo_root, quad_class, goldstein, plover_event, plover_mode, "
    "date, date_end, date_precision, location_name, location_country, lat, lon, geonameid, location_precision, "
    "negated, future, hypothetical, num_mentions, num_articles, num_sources, num_stories, is_root, "
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


_MENTION_COLS = ["event_id", "dedup_id", "block_key", "anchor_id", "article_id", "outlet", "url", "published",
                 "sentence_index", "trigger_start", "trigger_end", "in_lead", "confidence", "evidence"]


def _write_groups(con, groups: list[Group]) -> None:
    rows, ments = [], []
    for g in groups:
        row, ment = _rows(g)
        rows.append(row)
        ments.extend(ment)
    if not rows:
        return
    cols = [c.strip() for c in _DEDUP_COLS.split(",")]
    insert_rows(con, "dedup_events", cols, rows)
    insert_rows(con, "event_mentions", _MENTION_COLS, ments)


def _regroup(con, reports: list[Report], keys: set[str], *, window: int) -> None:
    blocks: dict[str, list[Report]] = {}
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


def _snapshot(con) -> dict[str, str]:
    return dict(con.execute("SELECT article_id, cluster_id FROM article_cluster").fetchall())


def _touched_clusters(before: dict[str, str], after: dict[str, str], articles: set[str]) -> set[str]:
    """Story clusters (new ids) whose reports must be re-anchored: those of ``articles`` and of
    every article whose cluster changed, and the clusters their old cluster-mates are in now."""
    changed = {a for a in set(before) | set(after) if before.get(a) != after.get(a)} | articles
    old_members: dict[str, list[str]] = {}
    for a, c in before.items():
        old_members.setdefault(c, []).append(a)
    out = set()
    for a in changed:
        if a in after:
            out.add(after[a])
        for b in old_members.get(before.get(a), ()):
            if b in after:
                out.add(after[b])
    return out


def refresh(con, *, articles: Iterable[str] = (), window: int = 0,
            threshold: float = DEFAULT_THRESHOLD, rebuild: bool = False) -> DedupStats:
    """Bring story clusters and deduplicated events up to date with the raw events.

    Incremental: the story clusters that gained, lost or changed articles (or hold
    new, removed or re-coded events, or ``articles``) are re-anchored, and only the
    blocks their reports are in, before and after, are regrouped. ``rebuild=True``
    regroups everything. Safe to call at the end of every ingest; each step is
    one transaction, so an interrupted refresh leaves the old state or the new.
    """
    ensure_schema(con)
    before = _snapshot(con)
    cl = build_clusters(con, threshold=threshold, rebuild=False)
    touched = set(articles)

    def run() -> int:
        if rebuild:
            con.execute("DELETE FROM dedup_events")
            con.execute("DELETE FROM event_mentions")
            reports = _load(con)
            _anchor(reports)
            keys = {r.key for r in reports}
            _regroup(con, reports, keys, window=window)
            return len(keys)
        gone = con.execute(
            "SELECT DISTINCT block_key, article_id FROM event_mentions m WHERE NOT EXISTS "
            "(SELECT 1 FROM events e WHERE e.event_id = m.event_id) OR list_contains(?, m.article_id)",
            [sorted(touched)],
        ).fetchall()
        fresh = [a for (a,) in con.execute(
            "SELECT DISTINCT article_id FROM events e WHERE NOT EXISTS "
            "(SELECT 1 FROM event_mentions m WHERE m.event_id = e.event_id)").fetchall()]
        arts = touched | {a for _, a in gone} | set(fresh)
        clusters = _touched_clusters(before, _snapshot(con), arts)
        if not clusters and not gone:
            return 0
        # every report of the touched clusters is re-anchored (its key may change)
        new = _load(con, "c.cluster_id IN (SELECT UNNEST(?::VARCHAR[]))", [sorted(clusters)])
        _anchor(new)
        keys = {k for k, _ in gone} | {r.key for r in new} | {r.stored_key for r in new if r.stored_key}
        if not keys:
            return 0
        con.execute(
            "DELETE FROM event_mentions m WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = m.event_id)"
        )
        new_ids = [r.event_id for r in new]
        old = _load(con, "m.block_key IN (SELECT UNNEST(?::VARCHAR[])) AND NOT list_contains(?, e.event_id)",
                    [sorted(keys), new_ids])
        for r in old:  # reports of untouched clusters keep their alignment
            r.key, r.anchor = r.stored_key, r.stored_anchor
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
