"""Exports of the event database: GDELT 2.0 events and mentions, PLOVER JSONL, CSV, Parquet.

Every export reads *export records*: the event record of DESIGN.md plus the
fields of the deduplicated event (``dedup_id``, ``global_id``, ``num_mentions``,
``num_articles``, ``num_sources``, ``num_stories``, ``is_root``) and of its first
report (``url``, ``published``, ``date_added``). ``level="dedup"`` (default)
gives one record per real event; ``level="raw"`` one per coded report, with
counts of 1. Filters are :class:`~whimbrel.store.query.EventFilter`, applied to
the reports (a real event is exported when any of its reports matches).

The formats themselves are in :mod:`whimbrel.store.gdelt` (GDELT 2.0 event and
mentions tables) and :mod:`whimbrel.store.plover` (PLOVER records and their
validator); this module reads the records and writes the files.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import UsageError
from .cells import csv_cell, json_line
from .clusters import ensure_schema


from . import gdelt, plover  # noqa: E402
from .gdelt import fraction_date, split_actor_code  # noqa: E402,F401  (public names kept)

FORMATS = ("gdelt", "gdelt-mentions", "plover", "csv", "parquet")
gdelt_columns = gdelt.columns
fips_codes = gdelt.fips_codes
gdelt_row = gdelt.event_row
plover_record = plover.record
validate_plover = plover.validate
PLOVER_REQUIRED, PLOVER_OPTIONAL, PLOVER_ENTITY = plover.PLOVER_REQUIRED, plover.PLOVER_OPTIONAL, plover.PLOVER_ENTITY


def _country_name(iso3: str) -> str:
    return gdelt.country_name(iso3)


# -- loading export records ---------------------------------------------------------

def _iso(value) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _where(flt) -> tuple[str, list]:
    if flt is None:
        return "TRUE", []
    return flt.to_sql(alias="events")


def _stream(con, sql: str, params: list, size: int = 1000):
    """Rows of a query, fetched a chunk at a time (flat memory on large exports)."""
    cur = con.execute(sql, params)
    while True:
        chunk = cur.fetchmany(size)
        if not chunk:
            return
        yield from chunk


def records(con, *, flt=None, level: str = "dedup") -> Iterator[dict]:
    """Export records matching ``flt``, ordered by date. See the module docstring.

    Rows are streamed: the connection is busy until the iterator is exhausted.
    """
    from .dedup import global_id

    if level not in ("dedup", "raw"):
        raise UsageError(f"level {level!r} is not known; use 'dedup' (one row per real event) or 'raw'")
    where, params = _where(flt)
    limit = f" LIMIT {int(flt.limit)}" if flt is not None and flt.limit is not None else ""
    if level == "raw":
        sql = (
            "SELECT events.record, a.url, a.published, a.ingested, events.event_id FROM events "
            "JOIN articles a ON a.article_id = events.article_id "
            f"WHERE {where} ORDER BY coalesce(events.date, CAST(a.published AS DATE)) NULLS LAST, "
            f"events.article_id, events.sentence_index, events.event_id{limit}"
        )
        for rec, url, pub, added, eid in _stream(con, sql, params):
            r = json.loads(rec)
            r.update(dedup_id=None, global_id=global_id(eid), num_mentions=1, num_articles=1,
                     num_sources=1, num_stories=1, is_root=None, url=url, published=_iso(pub),
                     date_added=_iso(added))
            yield r
        return
    ensure_schema(con)
    sql = (
        "WITH hit AS (SELECT DISTINCT m.dedup_id FROM events JOIN event_mentions m ON m.event_id = events.event_id "
        f"WHERE {where}) "
        "SELECT e.record, d.dedup_id, d.global_id, d.date, d.date_end, d.date_precision, d.location_name, "
        "d.location_country, d.lat, d.lon, d.geonameid, d.location_precision, d.num_mentions, d.num_articles, "
        "d.num_sources, d.num_stories, d.is_root, d.first_article_id, d.first_url, d.first_published, "
        "d.date_added, d.confidence "
        "FROM dedup_events d JOIN hit USING (dedup_id) JOIN events e ON e.event_id = d.first_event_id "
        f"ORDER BY coalesce(d.date, CAST(d.first_published AS DATE)) NULLS LAST, d.dedup_id{limit}"
    )
    for row in _stream(con, sql, params):
        (rec, did, gid, date, date_end, precision, lname, lcountry, lat, lon, geoid, lprec, nm, na, ns, nst,
         is_root, first_article, url, pub, added, conf) = row
        r = json.loads(rec)
        old_loc = r.get("location") or {}
        if lname is None and geoid is None:
            loc = None
        elif old_loc.get("name") == lname and old_loc.get("geonameid") == geoid:
            loc = old_loc
        else:
            loc = {"name": lname, "country": lcountry, "region": None, "lat": lat, "lon": lon,
                   "geonameid": geoid, "precision": lprec}
        r.update(dedup_id=did, global_id=gid, date=_iso(date), date_end=_iso(date_end),
                 date_precision=precision, location=loc, num_mentions=nm, num_articles=na,
                 num_sources=ns, num_stories=nst, is_root=is_root, first_article_id=first_article,
                 url=url, published=_iso(pub), date_added=_iso(added), confidence=conf)
        yield r


# -- CSV / Parquet --------------------------------------------------------------------

FLAT_COLUMNS = (
    "dedup_id", "global_id", "event_id", "article_id", "date", "date_end", "date_precision", "year", "month",
    "source_code", "source_country", "source_name", "target_code", "target_country", "target_name",
    "cameo", "cameo_root", "quad_class", "goldstein", "plover_event", "plover_mode", "plover_context",
    "location", "location_country", "lat", "lon", "geonameid", "negated", "future", "hypothetical",
    "reported_by", "trigger", "sentence", "num_mentions", "num_articles", "num_sources", "num_stories",
    "is_root", "url", "published", "date_added", "confidence", "coder_version",
)


def flat(rec: dict) -> dict:
    src, tgt = rec.get("source") or {}, rec.get("target") or {}
    loc, mod = rec.get("location") or {}, rec.get("modality") or {}
    plover, ev = rec.get("plover") or {}, rec.get("evidence") or {}
    day = rec.get("date") or (rec.get("published") or "")[:10] or None
    return {
        "dedup_id": rec.get("dedup_id"), "global_id": rec.get("global_id"), "event_id": rec.get("event_id"),
        "article_id": rec.get("article_id"), "date": rec.get("date"), "date_end": rec.get("date_end"),
        "date_precision": rec.get("date_precision"),
        "year": int(day[:4]) if day else 0, "month": int(day[5:7]) if day else 0,
        "source_code": src.get("code"), "source_country": src.get("country"), "source_name": src.get("name"),
        "target_code": tgt.get("code"), "target_country": tgt.get("country"), "target_name": tgt.get("name"),
        "cameo": rec.get("cameo"), "cameo_root": rec.get("cameo_root"), "quad_class": rec.get("quad_class"),
        "goldstein": rec.get("goldstein"), "plover_event": plover.get("event"), "plover_mode": plover.get("mode"),
        "plover_context": ";".join(plover.get("context") or []),
        "location": loc.get("name"), "location_country": loc.get("country"), "lat": loc.get("lat"),
        "lon": loc.get("lon"), "geonameid": loc.get("geonameid"),
        "negated": mod.get("negated"), "future": mod.get("future"), "hypothetical": mod.get("hypothetical"),
        "reported_by": mod.get("reported_by"), "trigger": ev.get("trigger"), "sentence": ev.get("sentence"),
        "num_mentions": rec.get("num_mentions"), "num_articles": rec.get("num_articles"),
        "num_sources": rec.get("num_sources"), "num_stories": rec.get("num_stories"),
        "is_root": rec.get("is_root"), "url": rec.get("url"), "published": rec.get("published"),
        "date_added": rec.get("date_added"), "confidence": rec.get("confidence"),
        "coder_version": rec.get("coder_version"),
    }


# -- the front door --------------------------------------------------------------------

@dataclass(frozen=True)
class ExportResult:
    format: str
    rows: int
    path: str

    def as_dict(self) -> dict:
        return {"format": self.format, "rows": self.rows, "path": self.path}


def _open_out(out: str | os.PathLike | IO[str] | None):
    if out is None or out == "-":
        import sys

        return sys.stdout, False, "-"
    if hasattr(out, "write"):
        return out, False, getattr(out, "name", "<stream>")
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    return open(path, "w", encoding="utf-8", newline=""), True, str(path)


def export(con, fmt: str, out=None, *, flt=None, level: str = "dedup", header: bool = False,
           progress=None) -> ExportResult:
    """Write the events matching ``flt`` to ``out`` in ``fmt`` (see :data:`FORMATS`).

    ``out`` is a path, an open text stream, or ``-``/None for stdout (not for
    parquet, which needs a directory: an earlier export there is replaced).
    ``header`` adds the column names to a GDELT file (GDELT's own files have none).
    ``gdelt-mentions`` writes the GDELT 2.0 mentions table of the same events
    (deduplicated level only). PLOVER output leaves out what PLOVER does not code
    (:func:`whimbrel.store.plover.record`). ``progress(n)`` is called with the number
    of records read so far, every :data:`PROGRESS_EVERY` records and at the end.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "gdelt-mentions" and level != "dedup":
        raise UsageError("the mentions table lists the reports of real events: drop --raw")
    if fmt == "parquet":
        if out is None or out == "-" or hasattr(out, "write"):
            raise UsageError("--format parquet writes a directory: give --output DIR")
        return _parquet(con, _ticking(records(con, flt=flt, level=level), progress), Path(out))
    stream, close, name = _open_out(out)
    n = 0
    try:
        if fmt in ("gdelt", "gdelt-mentions"):
            w = csv.writer(stream, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                           escapechar="\\")
            if header:
                w.writerow(gdelt.columns() if fmt == "gdelt" else gdelt.MENTION_COLUMNS)
            if fmt == "gdelt":
                for rec in _ticking(records(con, flt=flt, level=level), progress):
                    w.writerow([csv_cell(v) for v in gdelt.event_row(rec)])
                    n += 1
            else:
                ids = [r["dedup_id"] for r in records(con, flt=flt, level=level)] if flt is not None else None
                for row in gdelt.mention_rows(con, dedup_ids=ids):
                    w.writerow([csv_cell(v) for v in row])
                    n += 1
        elif fmt == "plover":
            for rec in _ticking(records(con, flt=flt, level=level), progress):
                out_rec = plover.record(rec)
                if out_rec is not None:
                    stream.write(json_line(out_rec) + "\n")
                    n += 1
        else:
            w = csv.DictWriter(stream, fieldnames=FLAT_COLUMNS, lineterminator="\n")
            w.writeheader()
            for rec in _ticking(records(con, flt=flt, level=level), progress):
                w.writerow({k: csv_cell(v) for k, v in flat(rec).items()})
                n += 1
    finally:
        if close:
            stream.close()
        else:
            stream.flush()
    return ExportResult(fmt, n, name)


#: export: how many records between two progress calls
PROGRESS_EVERY = 1000


def _ticking(recs, progress):
    """``recs`` as they come, calling ``progress(n)`` every :data:`PROGRESS_EVERY` and at the end."""
    if progress is None:
        yield from recs
        return
    n = 0
    for n, rec in enumerate(recs, 1):
        if n % PROGRESS_EVERY == 0:
            progress(n)
        yield rec
    progress(n)


def _clear_export_dir(path: Path) -> None:
    """Remove an earlier Parquet export (year=*/month=*/*.parquet) so stale partitions cannot linger.

    Refuses a directory holding anything else: it is not ours to empty.
    """
    import shutil

    if not path.exists():
        return
    if not path.is_dir():
        raise UsageError(f"{path} is a file; --format parquet writes a directory")
    for child in path.iterdir():
        ok = child.is_dir() and child.name.startswith("year=") and all(
            m.is_dir() and m.name.startswith("month=") and all(f.suffix == ".parquet" for f in m.iterdir())
            for m in child.iterdir())
        if not ok:
            raise UsageError(f"{path} holds {child.name}, which is not part of a whimbrel Parquet export; "
                             "choose an empty or new directory")
    for child in path.iterdir():
        shutil.rmtree(child)


def _parquet(con, recs, path: Path, batch: int = 20000) -> ExportResult:
    """Write a hive-partitioned Parquet dataset, replacing an earlier export in ``path``."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    _clear_export_dir(path)
    path.mkdir(parents=True, exist_ok=True)
    n, part = 0, 0
    rows: list[dict] = []

    def flush():
        nonlocal part
        if rows:
            table = pa.Table.from_pylist(rows)
            ds.write_dataset(table, str(path), format="parquet", partitioning=["year", "month"],
                             partitioning_flavor="hive", basename_template=f"part-{part}-{{i}}.parquet",
                             existing_data_behavior="overwrite_or_ignore")
            part += 1
            rows.clear()

    for r in recs:
        rows.append(flat(r))
        n += 1
        if len(rows) >= batch:
            flush()
    flush()
    return ExportResult("parquet", n, str(path))


def text(con, fmt: str, *, flt=None, level: str = "dedup", header: bool = False) -> str:
    """An export as a string (gdelt, plover, csv): convenient for tests and the API."""
    buf = io.StringIO()
    export(con, fmt, buf, flt=flt, level=level, header=header)
    return buf.getvalue()
