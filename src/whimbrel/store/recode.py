"""Re-coding: run the current coder over stored articles whose events came from another version.

Every event carries ``coder_version`` (the pipeline's version: package version
plus a digest of the model and every stage's version, so a new lexicon or
knowledge base changes it), and every article row records the version that
produced its events. :func:`recode` re-codes the articles whose version differs
from the pipeline's. Each article is one transaction: its old events are
replaced by the new ones and its version is updated together, so an
interrupted re-code loses nothing, and running it again continues where it
stopped. An article that fails to re-code keeps its old events; the failure is
recorded. ``force`` marks every article out of date first (one statement), so
a forced re-code is resumable too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..model import Document, Failure
from .db import EVENT_COLUMNS, Store, event_row

log = logging.getLogger(__name__)

STALE_PREFIX = "stale:"


@dataclass(frozen=True)
class RecodeStats:
    version: str
    todo: int
    recoded: int
    failed: int
    events_before: int
    events_after: int

    def as_dict(self) -> dict:
        return {"version": self.version, "todo": self.todo, "recoded": self.recoded, "failed": self.failed,
                "events_before": self.events_before, "events_after": self.events_after}


def pending(store: Store, version: str) -> list[str]:
    """Ids of the articles whose events were not coded by ``version``."""
    rows = store.con.execute(
        "SELECT article_id FROM articles WHERE coder_version IS DISTINCT FROM ? ORDER BY article_id", [version]
    ).fetchall()
    return [r[0] for r in rows]


def _articles(store: Store, ids: list[str]) -> Iterator:
    for aid in ids:
        art = store.article(aid)
        if art is not None:
            yield art


def _replace(store: Store, doc: Document, version: str) -> int:
    con = store.con
    aid = doc.article.id
    events = list({e.event_id: e for e in doc.events}.values())
    con.execute("BEGIN TRANSACTION")
    try:
        before = con.execute("SELECT count(*) FROM events WHERE article_id = ?", [aid]).fetchone()[0]
        con.execute("DELETE FROM events WHERE article_id = ?", [aid])
        if events:
            con.execute("DELETE FROM events WHERE list_contains(?, event_id)", [[e.event_id for e in events]])
            con.executemany(
                f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})",
                [event_row(e, doc) for e in events],
            )
        con.execute("UPDATE articles SET coder_version = ? WHERE article_id = ?", [version, aid])
        con.execute("DELETE FROM failures WHERE document = ? AND stage <> 'read'", [aid])
    except Exception:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    return before


def recode(store: Store, pipeline, *, force: bool = False, limit: int | None = None,
           dedup: bool = True, progress: Callable[[int, int], None] | None = None,
           batch_size: int | None = None) -> RecodeStats:
    """Re-code stored articles coded by another version (all of them with ``force``).

    ``limit`` stops after that many articles (the rest stay pending).
    ``progress(done, total)`` is called after each article. With ``dedup`` the
    event database (story clusters, deduplicated events) is refreshed for the
    re-coded articles at the end.
    """
    version = pipeline.coder_version
    con = store.con
    if force:
        con.execute(
            "UPDATE articles SET coder_version = ? || coalesce(coder_version, '') "
            "WHERE coder_version IS NULL OR NOT starts_with(coder_version, ?)",
            [STALE_PREFIX, STALE_PREFIX],
        )
    ids = pending(store, version)
    if limit is not None:
        ids = ids[:limit]
    total = len(ids)
    run_id = store.begin_run("recode", version)
    recoded = failed = before = after = 0
    done_ids: list[str] = []
    status = "interrupted"
    try:
        for item in pipeline.pipe(_articles(store, ids), batch_size=batch_size):
            if isinstance(item, Failure):
                store.write_failure(item, run_id)
                failed += 1
                log.warning("re-code failed for %s in %s: %s", item.document, item.stage, item.reason)
            else:
                before += _replace(store, item, version)
                after += len({e.event_id for e in item.events})
                recoded += 1
                done_ids.append(item.article.id)
            if progress:
                progress(recoded + failed, total)
        status = "done"
    finally:
        store.end_run(run_id, status=status, n_articles=recoded, n_events=after, n_failed=failed)
    if dedup and done_ids:
        from .dedup import refresh

        refresh(con, articles=done_ids)
    return RecodeStats(version, total, recoded, failed, before, after)
