"""``whimbrel load``: the Parquet output of ``ingest --engine dask`` into the DuckDB store.

Each done partition (a marker in ``OUT/_done/``) is written in one transaction
through :meth:`Store._replace`, with the keys of ingest: an article replaces
the row (and events) stored under its id, an event its id, a failure its
document, and an article that now codes clears its old failure. Loading is
idempotent: loading the same folder twice leaves the same rows; a partition
already loaded (its key and marker time in ``parquet_loads``) is skipped, unless
``force``. Files of a partition without a marker (in progress, or left by a
killed run) are not read.

Event mentions are not loaded: ``event_mentions`` in the store is written by
``whimbrel dedup``, which groups the loaded events across articles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

LOADS_SQL = """
CREATE TABLE IF NOT EXISTS parquet_loads (
    part_key  VARCHAR PRIMARY KEY,   -- the partition (OUT/_done/KEY.json)
    written   VARCHAR,               -- its marker's time: a partition coded again is loaded again
    run_id    VARCHAR,
    loaded    TIMESTAMP
);
"""


@dataclass
class LoadResult:
    n_partitions: int = 0
    n_loaded: int = 0
    n_skipped: int = 0
    n_articles: int = 0
    n_events: int = 0
    n_failed: int = 0

    def summary(self) -> str:
        line = (f"{self.n_loaded} partitions loaded: {self.n_articles} articles, {self.n_events} events, "
                f"{self.n_failed} failed")
        if self.n_skipped:
            line += f" ({self.n_skipped} already loaded, skipped)"
        return line


def _read(output, rel: str, types: dict):
    """A Parquet file as a table with the store's columns, in order (hive folders add none)."""
    import pyarrow.parquet as pq

    with output.fs.open(output.path(rel), "rb") as fh:
        table = pq.read_table(fh, partitioning=None)
    return table.select(list(types)).cast(_schema(types))


def _schema(types: dict):
    import pyarrow as pa

    return pa.schema(list(types.items()))


def load(out: str, store, *, force: bool = False, progress: Callable[[dict], None] | None = None) -> LoadResult:
    """Load the done partitions under ``out`` (a folder or an fsspec URL) into ``store``."""
    import pyarrow as pa

    from ..errors import UsageError
    from ..ingest.partitions import Output
    from .db import _now, arrow_types

    output = Output(out)
    if not output.fs.exists(output.path("_done")):
        raise UsageError(f"{out}: no partitions here (no _done/ folder); write it with "
                         f"`whimbrel ingest PATH... --engine dask --out {out}`")
    a_types, e_types, f_types = arrow_types()
    markers = output.markers()
    result = LoadResult(n_partitions=len(markers))
    with store.guard("write to"):
        store.con.execute(LOADS_SQL)
        loaded = dict(store.con.execute("SELECT part_key, written FROM parquet_loads").fetchall())
    runs: dict[str, dict] = {}
    for m in markers:
        if not force and loaded.get(m["key"]) == m.get("written"):
            result.n_skipped += 1
            continue
        tables = {"articles": [], "events": [], "failures": []}
        for rel in m["files"]:
            table = rel.split("/", 1)[0]
            if table in tables:
                tables[table].append(_read(output, rel, {"articles": a_types, "events": e_types,
                                                         "failures": f_types}[table]))
        arts, evs, fails = (pa.concat_tables(tables[t]) if tables[t] else _schema(ty).empty_table()
                            for t, ty in (("articles", a_types), ("events", e_types), ("failures", f_types)))

        def write(arts=arts, evs=evs, fails=fails, m=m):
            store._replace(arts, evs, fails, m.get("cleared", []))
            store.con.execute("INSERT OR REPLACE INTO parquet_loads VALUES (?, ?, ?, ?)",
                              [m["key"], m.get("written"), m.get("run_id"), _now()])

        store._transaction(write)
        result.n_loaded += 1
        result.n_articles += arts.num_rows
        result.n_events += evs.num_rows
        result.n_failed += fails.num_rows
        run = runs.setdefault(m["run_id"], {"coder_version": m.get("coder_version"), "first": m.get("written"),
                                            "last": m.get("written")})
        run["last"] = max(run["last"] or "", m.get("written") or "")
        if progress:
            progress({"partition": m.get("partition"), "n_articles": arts.num_rows, "n_events": evs.num_rows,
                      "n_failed": fails.num_rows})
    for run_id, r in runs.items():  # the dask runs, as ingest records its own (articles.run_id points here)
        def record(run_id=run_id, r=r):
            con = store.con
            n_art = con.execute("SELECT count(*) FROM articles WHERE run_id = ?", [run_id]).fetchone()[0]
            n_ev = con.execute("SELECT count(*) FROM events e JOIN articles a USING (article_id) WHERE a.run_id = ?",
                               [run_id]).fetchone()[0]
            n_fail = con.execute("SELECT count(*) FROM failures WHERE run_id = ?", [run_id]).fetchone()[0]
            first = con.execute("SELECT started FROM runs WHERE run_id = ?", [run_id]).fetchone()
            con.execute("DELETE FROM runs WHERE run_id = ?", [run_id])
            con.execute(
                "INSERT INTO runs (run_id, started, finished, command, coder_version, n_articles, n_events, "
                "n_failed, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'done')",
                [run_id, min(x for x in (first[0] if first else None, _stamp(r["first"])) if x is not None),
                 _stamp(r["last"]), f"ingest --engine dask --out {out}", r["coder_version"], n_art, n_ev, n_fail])

        store._transaction(record)
    return result


def _stamp(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    return dt.datetime.fromisoformat(text).astimezone(dt.timezone.utc).replace(tzinfo=None)


__all__ = ["LoadResult", "load"]
