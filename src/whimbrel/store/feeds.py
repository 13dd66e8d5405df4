"""Feed items already fetched by ``whimbrel watch`` (table ``feed_items``), so each is fetched once.

One row per item link: the feed it came from, when it was first fetched, and how that
went (``stored`` or the failure code). Created on first use, like the dedup tables;
the base schema (and its version) is unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

SCHEMA = """
CREATE TABLE IF NOT EXISTS feed_items (
    link        VARCHAR PRIMARY KEY,
    feed        VARCHAR,
    first_seen  TIMESTAMP,
    outcome     VARCHAR      -- 'stored', 'skipped' or the failure code (http_status, timeout, ...)
);
"""


def ensure_schema(con) -> None:
    con.execute(SCHEMA)


def seen_links(con, links: Iterable[str]) -> set[str]:
    """The links among ``links`` that were fetched in an earlier round."""
    links = list(dict.fromkeys(links))
    if not links:
        return set()
    ensure_schema(con)
    rows = con.execute("SELECT link FROM feed_items WHERE link IN (SELECT unnest(?))", [links]).fetchall()
    return {r[0] for r in rows}


def mark_seen(con, rows: Iterable[tuple[str, str, str]]) -> int:
    """Record ``(link, feed, outcome)`` rows as fetched (a link already there keeps its first row)."""
    rows = list(rows)
    if not rows:
        return 0
    ensure_schema(con)
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    con.executemany("INSERT INTO feed_items VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    [(link, feed, now, outcome) for link, feed, outcome in rows])
    return len(rows)
