"""The embedded event store: one DuckDB file.

The path is ``--db``, else ``WHIMBREL_DB``, else ``whimbrel.duckdb`` in the
working directory (see :func:`db_path`). :class:`Store` creates the base schema
(``schema.sql``) and writes documents idempotently: an article is keyed by its
id, and writing it again replaces its row and its events in one transaction, so
re-ingesting the same article changes nothing.

DuckDB allows one writing process per file, or several reading ones. whimbrel's
ingest keeps it that way: worker processes code, the parent alone writes, and
it holds the file only while it writes a batch (:meth:`Store.release` between
batches), so other commands can read the store while it grows. Opening,
waiting for a lock and the errors are in :mod:`.connect`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from ..errors import StoreError
from ..model import Article, Document, Event, Failure, Paragraph
from ..settings import DEFAULT_DB
from .connect import check_schema, connect, store_error
from .connect import lock_timeout as _lock_timeout
from .query import EventFilter, as_date

ARTICLE_COLUMNS = (
    "article_id", "content_hash", "title", "section", "summary", "published", "updated", "url",
    "source", "author", "related", "origin", "format", "text", "paragraphs", "coder_version",
    "run_id", "ingested", "dateline_place", "agency",
)

EVENT_COLUMNS = (
    "event_id", "article_id", "sentence_index", "source_code", "source_country", "source_name",
    "target_code", "target_country", "target_name", "cameo", "cameo_root", "quad_class",
    "goldstein", "plover_event", "plover_mode", "date", "date_end", "date_precision",
    "historical", "location_name", "location_country", "lat", "lon", "geonameid", "negated",
    "future", "hypothetical", "reported_by", "trigger", "trigger_start", "trigger_end",
    "confidence", "coder_version", "record",
    "date_source",  # added after the first release: old databases get it from schema.sql's ALTER
)

FAILURE_COLUMNS = ("document", "origin", "stage", "code", "reason", "run_id", "recorded")


def db_path(path: str | os.PathLike | None = None) -> Path:
    """The database file: ``path`` if given, else ``$WHIMBREL_DB``, else ./whimbrel.duckdb."""
    if path:
        return Path(path)
    return Path(os.environ.get("WHIMBREL_DB") or DEFAULT_DB)


def schema_sql() -> str:
    return (files("whimbrel.store") / "schema.sql").read_text(encoding="utf-8")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _naive(value: dt.datetime | None) -> dt.datetime | None:
    """DuckDB TIMESTAMP is naive: keep the wall time as printed (what "on Monday" refers to)."""
    if value is None or value.tzinfo is None:
        return value
    return value.replace(tzinfo=None)


def article_row(article: Article, *, coder_version: str | None, run_id: str | None) -> tuple:
    from ..dateline import metadata

    paragraphs = json.dumps([[p.start, p.end, p.kind] for p in article.paragraphs])
    wire = metadata(article)  # the dateline's place and agency ("ADDIS ABABA, May 15 (Xinhua) --")
    return (
        article.id, article.content_hash, article.title, article.section, list(article.summary),
        _naive(article.published), _naive(article.updated), article.url, article.source,
        article.author, list(article.related), article.origin, article.format, article.text,
        paragraphs, coder_version, run_id, _now(), wire["dateline_place"], wire["agency"],
    )


def basis(doc: Document | None, event: Event) -> dict | None:
    """How an event's date and place were found (the when/where stages' rule per event), or None.

    Stored in the record as ``basis``: ``date_rule`` (clause, sentence, paragraph, lead,
    published, ...), ``date_text`` (the time expression used) and ``place_rule`` (clause,
    sentence, dateline, story, ...). Deduplication reads it (a dateline place or a
    publication-day date is weaker evidence than one stated with the event).
    """
    if doc is None:
        return None
    when = (doc.extras.get("when") or {}).get(event.event_id)
    where = (doc.extras.get("where") or {}).get(event.event_id)
    if when is None and where is None:
        return None
    return {"date_rule": when[0] if when else None, "date_text": (when[1] or None) if when else None,
            "place_rule": where[0] if where else None}


def event_row(event: Event, doc: Document | None = None) -> tuple:
    rec = event.as_dict()
    how = basis(doc, event)
    if how is not None:
        rec["basis"] = how
    src, tgt, loc, mod = event.source, event.target, event.location, event.modality
    return (
        event.event_id, event.article_id, event.sentence_index,
        src.code if src else None, src.country if src else None, src.name if src else None,
        tgt.code if tgt else None, tgt.country if tgt else None, tgt.name if tgt else None,
        event.cameo, event.cameo_root, event.quad_class, event.goldstein,
        event.plover.event, event.plover.mode,
        as_date(event.date), as_date(event.date_end), event.date_precision, event.historical,
        loc.name if loc else None, loc.country if loc else None,
        loc.lat if loc else None, loc.lon if loc else None, loc.geonameid if loc else None,
        mod.negated, mod.future, mod.hypothetical, mod.reported_by,
        event.evidence.trigger, event.evidence.trigger_start, event.evidence.trigger_end,
        event.confidence, event.coder_version, json.dumps(rec, ensure_ascii=False),
        event.date_source,
    )


def _storable(text: str | None) -> str | None:
    """Text DuckDB can store: an unpaired surrogate (never in an article, but maybe in a reason
    quoting bad input) becomes a visible escape."""
    if text is None:
        return None
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def failure_row(failure: Failure, run_id: str | None, now: dt.datetime) -> tuple:
    return (_storable(failure.document), _storable(failure.origin), failure.stage, failure.code,
            _storable(failure.reason), run_id, now)


def _is_duckdb_error(e: BaseException) -> bool:
    import sys

    duckdb = sys.modules.get("duckdb")
    return duckdb is not None and isinstance(e, duckdb.Error)


def _arrow_types():
    import pyarrow as pa

    s, i, f, b, ts, d, ls = pa.string(), pa.int32(), pa.float64(), pa.bool_(), pa.timestamp("us"), pa.date32(), pa.list_(pa.string())
    article = dict(zip(ARTICLE_COLUMNS, (s, s, s, s, ls, ts, ts, s, s, s, ls, s, s, s, s, s, s, ts, s, s)))
    event = dict(zip(EVENT_COLUMNS, (
        s, s, i, s, s, s, s, s, s, s, s, i, f, s, s, d, d, s, b, s, s, f, f, pa.int64(), b, b, b, s, s, i, i, f, s, s,
        s,
    )))
    failure = dict(zip(FAILURE_COLUMNS, (s, s, s, s, s, s, ts)))
    return article, event, failure


def _table(rows: list[tuple], types: dict):
    """Row tuples -> a pyarrow Table with the given column types (for one INSERT ... SELECT)."""
    import pyarrow as pa

    cols = list(zip(*rows)) if rows else [()] * len(types)
    return pa.Table.from_arrays([pa.array(list(c), type=t) for c, t in zip(cols, types.values())],
                                names=list(types))


@dataclass
class BatchRows:
    """The rows a batch of coded documents and failures becomes, as the store writes them."""

    articles: list[tuple]  # ARTICLE_COLUMNS
    events: list[tuple]  # EVENT_COLUMNS
    failures: list[tuple]  # FAILURE_COLUMNS
    cleared: list[str]  # failure documents to delete: the articles (ids, origins) that now code, re-failed ones


def batch_rows(docs: list[Document], failures: list[Failure], run_id: str | None,
               now: dt.datetime | None = None) -> BatchRows:
    """The one place a batch becomes rows, for the DuckDB store and for Parquet output alike.

    The same article twice in a batch: the last one wins. An event id twice: once.
    The last failure of a document wins.
    """
    latest: dict[str, Document] = {}
    for d in docs:
        latest.pop(d.article.id, None)
        latest[d.article.id] = d
    events: dict[str, Event] = {}
    owner: dict[str, Document] = {}
    art_rows = []
    for d in latest.values():
        evs = list({e.event_id: e for e in d.events}.values())
        version = evs[0].coder_version if evs else d.extras.get("coder_version")
        art_rows.append(article_row(d.article, coder_version=version, run_id=run_id))
        for e in evs:
            events[e.event_id] = e
            owner[e.event_id] = d
    cleared = list(latest) + [d.article.origin for d in latest.values() if d.article.origin]
    cleared += [_storable(f.document) for f in failures]
    now = now or _now()
    last_fail = {row[0]: row for row in (failure_row(f, run_id, now) for f in failures)}
    return BatchRows(art_rows, [event_row(e, owner[e.event_id]) for e in events.values()],
                     list(last_fail.values()), cleared)


def arrow_types() -> tuple[dict, dict, dict]:
    """Arrow column types of the articles, events and failures tables (also the Parquet schema)."""
    return _arrow_types()


def rows_table(rows: list[tuple], types: dict):
    """Row tuples -> a pyarrow Table with the given column types."""
    return _table(rows, types)


def _placeholders(n: int) -> str:
    return ", ".join("?" * n)


class Store:
    """One DuckDB database holding articles, events, failures and runs.

    ``con`` is the open DuckDB connection; other modules run their own SQL on it
    (always fetch results fully: an unfinished result blocks the connection).
    The connection is opened on first use after :meth:`release`, which lets go
    of the file (and its lock) between writes. Opening waits up to
    ``lock_timeout`` seconds (default ``$WHIMBREL_LOCK_TIMEOUT`` or 60) for
    another process that holds the file.
    """

    def __init__(self, path: str | os.PathLike | None = None, *, read_only: bool = False,
                 lock_timeout: float | None = None):
        self.path = db_path(path)
        if read_only and not self.path.exists():
            raise StoreError(
                f"no database at {self.path}; create one with `whimbrel ingest --db {self.path} PATH`"
            )
        self.read_only = read_only
        self.lock_timeout = _lock_timeout(lock_timeout)
        self._arrow_types = None
        self._con = None
        self._checked = False
        self._closed = False
        self._connect()

    def _connect(self):
        con = connect(self.path, read_only=self.read_only, timeout=self.lock_timeout)
        if not self._checked:
            try:
                check_schema(con, self.path, read_only=self.read_only, schema_sql=schema_sql())
            except StoreError:
                con.close()
                raise
            except Exception as e:
                con.close()
                raise store_error(self.path, e, "open") from None
            self._checked = True
        self._con = con
        return con

    @property
    def con(self):
        """The DuckDB connection (re-opened if :meth:`release` let it go; ``None`` once closed)."""
        if self._con is None and not self._closed:
            self._connect()
        return self._con

    @con.setter
    def con(self, value) -> None:
        self._con = value

    def release(self) -> None:
        """Close the connection until the next use, so that other processes can open the file."""
        if self._con is not None:
            con, self._con = self._con, None
            with contextlib.suppress(Exception):
                con.close()

    @contextlib.contextmanager
    def guard(self, doing: str = "use"):
        """Turn a DuckDB error inside the block into a :class:`StoreError` that says what to do."""
        try:
            yield
        except StoreError:
            raise
        except Exception as e:
            if not _is_duckdb_error(e):
                raise
            if "invalidated" in str(e) or "FATAL" in str(e):
                self.release()  # the database instance is unusable: open afresh next time
            raise store_error(self.path, e, doing) from None

    # -- context manager -------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.release()
        self._closed = True

    # -- runs ------------------------------------------------------------------------
    def begin_run(self, command: str, coder_version: str) -> str:
        run_id = uuid.uuid4().hex[:16]
        with self.guard("write to"):
            self.con.execute(
                "INSERT INTO runs (run_id, started, command, coder_version, status) VALUES (?, ?, ?, ?, 'running')",
                [run_id, _now(), _storable(command), coder_version],
            )
        return run_id

    def end_run(self, run_id: str, *, status: str = "done", n_articles: int = 0, n_events: int = 0,
                n_failed: int = 0) -> None:
        with self.guard("write to"):
            self.con.execute(
                "UPDATE runs SET finished = ?, status = ?, n_articles = ?, n_events = ?, n_failed = ? WHERE run_id = ?",
                [_now(), status, n_articles, n_events, n_failed, run_id],
            )

    def set_run_version(self, run_id: str, coder_version: str) -> None:
        with self.guard("write to"):
            self.con.execute("UPDATE runs SET coder_version = ? WHERE run_id = ?", [coder_version, run_id])

    # -- reads -----------------------------------------------------------------------
    def has_article(self, article_id: str, content_hash: str) -> bool:
        row = self.con.execute(
            "SELECT 1 FROM articles WHERE article_id = ? AND content_hash = ?", [article_id, content_hash]
        ).fetchone()
        return row is not None

    def stored_hashes(self, article_ids: Iterable[str]) -> dict[str, str]:
        """``{article_id: content_hash}`` for those of ``article_ids`` already stored."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return {}
        with self.guard("read"):
            rows = self.con.execute(
                "SELECT article_id, content_hash FROM articles WHERE list_contains(?, article_id)", [ids]
            ).fetchall()
        return dict(rows)

    def article(self, article_id: str) -> Article | None:
        cur = self.con.execute(
            "SELECT article_id, content_hash, title, section, summary, published, updated, url, source, "
            "author, related, origin, format, text, paragraphs FROM articles WHERE article_id = ?",
            [article_id],
        )
        row = cur.fetchone()
        cur.fetchall()
        if row is None:
            return None
        (aid, h, title, section, summary, published, updated, url, source, author, related, origin,
         fmt, text, paragraphs) = row
        paras = tuple(Paragraph(int(s), int(e), str(k)) for s, e, k in json.loads(paragraphs or "[]"))
        return Article(
            id=aid, text=text, paragraphs=paras, title=title, section=section,
            summary=tuple(summary or ()), published=published, updated=updated, url=url,
            source=source, author=author, related=tuple(related or ()), origin=origin,
            content_hash=h, format=fmt or "text",
        )

    def events(self, flt: EventFilter | None = None) -> list[dict]:
        """Event records (the JSON shape of DESIGN.md) matching ``flt``, ordered by date.

        A list; :func:`whimbrel.store.query.iter_events` streams them instead.
        """
        from .query import iter_events

        with self.guard("read"):
            return list(iter_events(self.con, flt))

    def counts(self) -> dict[str, int]:
        """Row counts of the base tables."""
        out = {}
        for table in ("articles", "events", "failures", "runs"):
            out[table] = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return out

    # -- writes ----------------------------------------------------------------------
    def _write_failure(self, failure: Failure, run_id: str | None) -> None:
        row = failure_row(failure, run_id, _now())
        self.con.execute("DELETE FROM failures WHERE document = ?", [row[0]])
        self.con.execute(
            f"INSERT INTO failures ({', '.join(FAILURE_COLUMNS)}) VALUES ({_placeholders(len(FAILURE_COLUMNS))})",
            list(row),
        )

    def _transaction(self, fn):
        """Run ``fn`` in one transaction; on any error roll back and raise a :class:`StoreError`
        that names the cause (not DuckDB's "Current transaction is aborted")."""
        con = self.con
        try:
            con.execute("BEGIN TRANSACTION")
            out = fn()
            con.execute("COMMIT")
            return out
        except Exception as e:
            with contextlib.suppress(Exception):
                con.execute("ROLLBACK")
            if isinstance(e, StoreError):
                raise
            if _is_duckdb_error(e):
                if "invalidated" in str(e) or "FATAL" in str(e):
                    self.release()
                raise store_error(self.path, e, "write to", " (the batch was rolled back)") from None
            raise StoreError(f"write to {self.path} failed and was rolled back: {type(e).__name__}: {e}") from e

    def write_document(self, doc: Document, run_id: str | None = None) -> int:
        """Store one coded document (article row + its events) in one transaction.

        Replaces whatever was stored under the same article id. Returns the
        number of events written.
        """
        return self._transaction(lambda: self._write_many([doc], [], run_id))[1]

    def write_failure(self, failure: Failure, run_id: str | None = None) -> None:
        """Record a document that failed (replacing an earlier failure of the same document)."""
        self._transaction(lambda: self._write_failure(failure, run_id))

    def _write_many(self, docs: list[Document], failures: list[Failure], run_id: str | None) -> tuple[int, int, int]:
        """Set-based write of a batch (a handful of statements, not a few per document)."""
        rows = batch_rows(docs, failures, run_id)
        a_types, e_types, f_types = self._types
        self._replace(_table(rows.articles, a_types), _table(rows.events, e_types), _table(rows.failures, f_types),
                      rows.cleared)
        return len(docs), sum(len({e.event_id for e in d.events}) for d in docs), len(failures)

    def _replace(self, articles, events, failures, cleared: list[str]) -> None:
        """Replace, by key, the rows of one batch given as Arrow tables (columns as in
        :data:`ARTICLE_COLUMNS`, :data:`EVENT_COLUMNS`, :data:`FAILURE_COLUMNS`): the
        articles and their old events by article id, events by event id, and the
        failures of ``cleared`` documents. Call inside a transaction. ``whimbrel load``
        writes Parquet partitions through here, with the keys of ingest."""
        ids = articles.column("article_id").to_pylist() if articles.num_rows else []
        if ids:
            self.con.execute("DELETE FROM events WHERE list_contains(?, article_id)", [ids])
            self.con.execute("DELETE FROM articles WHERE list_contains(?, article_id)", [ids])
        if events.num_rows:
            # an event id seen in another article is that article's; ours replaces it
            self.con.execute("DELETE FROM events WHERE list_contains(?, event_id)",
                             [events.column("event_id").to_pylist()])
        if cleared:
            self.con.execute("DELETE FROM failures WHERE list_contains(?, document)", [cleared])
        for name, table in (("articles", articles), ("events", events), ("failures", failures)):
            self._insert(name, table)

    def _insert(self, table: str, data) -> None:
        if not data.num_rows:
            return
        name = f"_whimbrel_new_{table}"
        self.con.register(name, data)
        try:
            cols = ", ".join(data.column_names)
            self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {name}")
        finally:
            self.con.unregister(name)

    @property
    def _types(self):
        """Arrow column types of the three written tables (built on first write)."""
        if self._arrow_types is None:
            self._arrow_types = _arrow_types()
        return self._arrow_types

    def write_batch(self, items: Iterable[Document | Failure], run_id: str | None = None) -> tuple[int, int, int]:
        """Store a batch of documents and failures in ONE transaction.

        Returns ``(n_articles, n_events, n_failed)``. Either the whole batch is
        stored or none of it: an interrupted ingest loses at most this batch.
        """
        items = list(items)
        docs = [i for i in items if not isinstance(i, Failure)]
        failures = [i for i in items if isinstance(i, Failure)]
        return self._transaction(lambda: self._write_many(docs, failures, run_id))
