"""What the web app can do, as a plain object: code a text, read a stored article, query events.

:class:`Service` owns the database handles and the coding pipeline of one
server process. It calls the library (:mod:`whimbrel.ingest`,
:mod:`whimbrel.store`, :mod:`whimbrel.relations` through :mod:`.queries`)
and returns plain dicts in the shapes the HTTP API sends.

DuckDB connections are not shared between threads: every thread that serves
requests gets its own :class:`~whimbrel.store.Store` on the same file (DuckDB
shares one database instance inside a process). The database is opened
read-only unless ``allow_ingest``; then writes go one at a time. The spaCy
pipeline is loaded once and coding runs one document at a time.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from ..errors import StoreError, UsageError
from ..model import Article, Failure
from ..settings import Settings
from ..store import EventFilter, Store, db_path
from . import queries


class NoDatabase(StoreError):
    code = "no_database"


def article_dict(art: Article) -> dict:
    """An Article's metadata and text as JSON-ready values."""
    def iso(v):
        return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v

    return {"id": art.id, "title": art.title, "section": art.section, "summary": list(art.summary),
            "published": iso(art.published), "updated": iso(art.updated), "url": art.url, "source": art.source,
            "author": art.author, "related": list(art.related), "origin": art.origin, "format": art.format,
            "paragraphs": [{"start": p.start, "end": p.end, "kind": p.kind} for p in art.paragraphs],
            "text": art.text}


class Service:
    """The server's state: one database file, one pipeline."""

    def __init__(self, db: str | Path | None = None, *, settings: Settings | None = None, pipeline=None,
                 allow_ingest: bool = False):
        self.settings = settings or Settings.from_env()
        self.db = db_path(db)
        self.allow_ingest = allow_ingest
        self._pipeline = pipeline
        self._local = threading.local()
        self._stores: list[Store] = []
        self._lock = threading.Lock()        # the list of stores, the pipeline's loading
        self._code_lock = threading.Lock()   # spaCy documents are coded one at a time
        self._write_lock = threading.Lock()  # one writer
        if allow_ingest:
            self.store()  # creates the file and its schema up front

    # -- resources ----------------------------------------------------------------------
    @property
    def has_db(self) -> bool:
        return self.allow_ingest or self.db.exists()

    def store(self) -> Store:
        """This thread's Store (opened on first use)."""
        st = getattr(self._local, "store", None)
        if st is None or st.con is None:
            if not self.has_db:
                raise NoDatabase(f"no database at {self.db}; create one with "
                                 f"`whimbrel ingest --example --db {self.db}` and restart the server")
            st = Store(self.db, read_only=not self.allow_ingest)
            st.con.execute("SET enable_progress_bar = false")  # no progress bars on the server's stderr
            self._local.store = st
            with self._lock:
                self._stores.append(st)
        return st

    def con(self):
        return self.store().con

    @property
    def pipeline(self):
        if self._pipeline is None:
            with self._lock:
                if self._pipeline is None:
                    from ..pipeline import Pipeline

                    self._pipeline = Pipeline.load(self.settings)
        return self._pipeline

    def warm_up(self) -> None:
        """Load the model and code one short text, so the first request is as fast as the rest."""
        self.code(text="The prime minister met the foreign minister in Paris.", published="2020-01-01")

    def close(self) -> None:
        with self._lock:
            for st in self._stores:
                st.close()
            self._stores.clear()

    # -- coding -------------------------------------------------------------------------
    def read_article(self, *, text: str | None = None, html: str | None = None, published=None,
                     title: str | None = None, url: str | None = None) -> Article:
        from ..errors import TooLarge
        from ..ingest import article_from_text, parse_html

        body = html if html is not None else text
        if body is None or not body.strip():
            raise UsageError("send the article as `text` or `html`")
        if len(body.encode("utf-8")) > self.settings.max_bytes:
            raise TooLarge(f"the document is over {self.settings.max_bytes:,} bytes (WHIMBREL_MAX_BYTES)")
        if html is not None:
            return parse_html(html, published=published, title=title, url=url, origin="web")
        return article_from_text(text, published=published, title=title, origin="web")

    def code(self, *, text: str | None = None, html: str | None = None, published=None, title: str | None = None,
             url: str | None = None, store: bool = False) -> dict:
        """Code one document; the same event records as ``whimbrel code --json``, plus the article and
        every resolved actor mention. Stored only when ``store`` (needs ``allow_ingest``)."""
        from ..errors import WhimbrelError
        from ..ingest.dates import coerce_datetime

        if published and coerce_datetime(published) is None:
            raise UsageError(f"published={published!r} is not a date; write YYYY-MM-DD[THH:MM]")
        if store and not self.allow_ingest:
            raise UsageError("this server is read-only; start it with --allow-ingest to store articles")
        article = self.read_article(text=text, html=html, published=published, title=title, url=url)
        with self._code_lock:
            (result,) = list(self.pipeline.pipe([article]))
        if isinstance(result, Failure):
            raise WhimbrelError(f"{result.stage}: {result.reason}", document=result.document)
        stored = False
        if store:
            with self._write_lock:
                self.store().write_document(result)
            stored = True
        return {"article": article_dict(result.article), "events": [e.as_dict() for e in result.events],
                "mentions": [m.as_dict() for m in result.mentions], "stored": stored,
                "coder_version": self.pipeline.coder_version}

    # -- reading ------------------------------------------------------------------------
    def article(self, article_id: str) -> dict | None:
        st = self.store()
        art = st.article(article_id)
        if art is None:
            return None
        return {"article": article_dict(art), "events": st.events(EventFilter(article_id=article_id))}

    def events(self, q: queries.EventQuery) -> dict:
        return queries.events_page(self.con(), q).as_dict()

    def places(self, q: queries.EventQuery) -> dict:
        return {"places": queries.places(self.con(), q)}

    def dyad(self, a: str, b: str, **kw) -> dict:
        return queries.dyad_series(self.con(), a, b, **kw)

    def network(self, **kw) -> dict:
        return queries.network(self.con(), **kw)

    def top(self, **kw) -> dict:
        return queries.top(self.con(), **kw)

    def health(self) -> dict:
        out = {"status": "ok", "database": str(self.db), "read_only": not self.allow_ingest,
               "allow_ingest": self.allow_ingest, "model_loaded": self._pipeline is not None}
        if self.has_db:
            out.update(queries.extent(self.con()))
        else:
            out["status"] = "no database"
        if self._pipeline is not None:
            out["coder_version"] = self._pipeline.coder_version
        return out
