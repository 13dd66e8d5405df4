"""The HTTP API and the web page (FastAPI). Routing only: the work is in :class:`.service.Service`.

Endpoints (the OpenAPI schema is at ``/openapi.json``, browsable at ``/docs``):

* ``POST /code`` - code a text or HTML page; nothing stored unless ``store=true``
* ``GET /events`` - stored events, filtered, paged, in date order; ``GET /places`` - their places
* ``GET /articles/{id}`` - a stored article with its events
* ``GET /dyads/{a}/{b}`` - a dyad over time; ``GET /network``; ``GET /top``; ``GET /health``
* ``/app/...`` - the web page (static files shipped in ``whimbrel/web/static``)

Security: no CORS unless origins are given; a body limit and a time limit per
request; write requests need ``allow_ingest`` and the token; every response
carries a strict Content-Security-Policy (scripts only from this server).
"""

from __future__ import annotations

import asyncio
import hmac
import json
from importlib.resources import files
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, StringConstraints

from ..errors import InputError, UsageError, WhimbrelError
from . import queries
from .service import NoDatabase, Service

STATIC = files("whimbrel.web") / "static"
PAGES = ("code", "events", "article", "dyad", "network", "map")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DEFAULT_TIMEOUT = 30.0


# -- response models (for the schema; the dicts come from the library) ------------------

class Problem(BaseModel):
    error: str = Field(description="error code")
    detail: str = Field(description="what went wrong and what to do")


class CodeRequest(BaseModel):
    text: str | None = Field(None, description="plain text or a news page saved as text")
    html: str | None = Field(None, description="an HTML page (the main text is extracted)")
    published: str | None = Field(None, description="publication date for a document that carries none")
    title: str | None = None
    url: str | None = None
    store: bool = Field(False, description="store the article and its events (needs --allow-ingest and the token)")


class CodeResult(BaseModel):
    article: dict[str, Any]
    events: list[dict[str, Any]] = Field(description="event records, as `whimbrel code --json` prints them")
    mentions: list[dict[str, Any]]
    stored: bool
    coder_version: str


class EventPage(BaseModel):
    total: int
    offset: int
    limit: int
    next_offset: int | None
    events: list[dict[str, Any]]


class Places(BaseModel):
    places: list[dict[str, Any]]


class ArticleResult(BaseModel):
    article: dict[str, Any]
    events: list[dict[str, Any]]


class DyadSeries(BaseModel):
    a: str
    b: str
    by: str
    level: str
    events: int
    periods: list[dict[str, Any]]


class Network(BaseModel):
    level: str
    nodes: list[dict[str, Any]]
    links: list[dict[str, Any]]
    blocs: list[dict[str, Any]]


class Top(BaseModel):
    level: str
    what: str
    rows: list[dict[str, Any]]


DATE = r"^[1-9]\d{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
CODE = r"^[A-Za-z0-9-]+$"
DYAD = r"^[^,|]*[^,|\s][^,|]*[,|][^,|]*[^,|\s][^,|]*$"
QUAD = r"^[1-4](,[1-4])*$"


def date_q(description: str = "YYYY-MM-DD, YYYY-MM or YYYY (inclusive)"):
    return Query(None, pattern=DATE, description=description)


ERRORS = {400: {"model": Problem, "description": "bad parameter"},
          409: {"model": Problem, "description": "level=dedup but the deduplicated events are not up to date"},
          503: {"model": Problem, "description": "no database"}}


# -- middleware ------------------------------------------------------------------------

class BodyLimit:
    """Reject request bodies over ``max_bytes`` (413), by Content-Length or as they stream.

    The body (at most ``max_bytes``) is read here and handed on whole, so an
    oversized upload is refused before any route sees it.
    """

    def __init__(self, app, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            return await _too_large(send, self.max_bytes)
        chunks, seen = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.max_bytes:
                return await _too_large(send, self.max_bytes)
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        body, sent = b"".join(chunks), False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _too_large(send, max_bytes: int) -> None:
    body = json.dumps({"error": "too_large",
                       "detail": f"the request body is over {max_bytes:,} bytes (WHIMBREL_MAX_BYTES)"}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def _drop_result(task) -> None:
    if not task.cancelled():
        task.exception()


def _problem(status: int, code: str, detail: str) -> JSONResponse:
    return JSONResponse({"error": code, "detail": detail}, status_code=status)


# -- the app ---------------------------------------------------------------------------

def create_app(service: Service, *, token: str | None = None, timeout: float = DEFAULT_TIMEOUT,
               max_bytes: int | None = None, cors_origins: tuple[str, ...] = ()) -> FastAPI:
    """The FastAPI application over ``service``.

    ``token`` guards write requests (``POST /code`` with ``store=true``):
    ``Authorization: Bearer TOKEN``. ``timeout`` seconds per request (504 past
    it); ``max_bytes`` per request body (413 past it; default the ingest limit).
    """
    from .. import __version__

    app = FastAPI(title="whimbrel", version=__version__,
                  description="Political event data (CAMEO, PLOVER) from news: code text, explore stored events.")
    app.state.service = service
    limit = max_bytes or service.settings.max_bytes

    @app.exception_handler(WhimbrelError)
    async def _whimbrel_error(request: Request, exc: WhimbrelError):
        if isinstance(exc, NoDatabase):
            return _problem(503, exc.code, str(exc))
        status = 400 if isinstance(exc, UsageError) else 422 if isinstance(exc, InputError) else 500
        if isinstance(exc, queries.LevelUnavailable):
            status = 409
        if type(exc) is WhimbrelError:  # a document the coder could not code
            status = 422
        return _problem(status, exc.code, str(exc))

    @app.middleware("http")
    async def _limits(request: Request, call_next):
        task = asyncio.ensure_future(call_next(request))
        done, _ = await asyncio.wait({task}, timeout=timeout)
        if done:
            response = task.result()
        else:  # answer now; work already running in a thread finishes on its own, its result dropped
            task.cancel()
            task.add_done_callback(_drop_result)
            response = _problem(504, "timeout", f"the request took over {timeout:g} s; narrow the query")
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    app.add_middleware(BodyLimit, max_bytes=limit)
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])

    def check_token(request: Request) -> None:
        if not service.allow_ingest:
            raise UsageError("this server is read-only; start it with --allow-ingest to store articles")
        given = request.headers.get("authorization", "")
        given = given[7:] if given.lower().startswith("bearer ") else request.headers.get("x-whimbrel-token", "")
        if not token or not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(401, "a write needs the server's token: Authorization: Bearer $WHIMBREL_TOKEN")

    # -- pages ---------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def root():
        return RedirectResponse("/app/code")

    @app.get("/app", include_in_schema=False)
    @app.get("/app/{page:path}", include_in_schema=False)
    def page(page: str = ""):
        return FileResponse(str(STATIC / "index.html"), media_type="text/html")

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    # -- API -----------------------------------------------------------------------------
    @app.get("/health", tags=["meta"])
    def health() -> dict[str, Any]:
        """Server state: database, counts, first and last event day, whether writes are allowed."""
        return service.health()

    @app.get("/example", tags=["meta"], response_class=PlainTextResponse)
    def example() -> str:
        """The bundled example article (a news page saved as text)."""
        return (files("whimbrel") / "data" / "examples" / "scmp-2018-11-05-kim-diaz-canel.txt").read_text("utf-8")

    @app.post("/code", tags=["coding"], response_model=CodeResult,
              responses={**ERRORS, 401: {"model": Problem}, 413: {"model": Problem}, 422: {"model": Problem}},
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": CodeRequest.model_json_schema()},
                  "text/plain": {"schema": {"type": "string"}},
                  "text/html": {"schema": {"type": "string"}}}}})
    async def code(request: Request, published: str | None = Query(None, description="publication date"),
                   title: str | None = Query(None), store: bool = Query(False)):
        """Code one document; returns the event records of `whimbrel code --json`.

        The body is JSON (`{"text"|"html", "published", "title", "store"}`) or
        the document itself as `text/plain` or `text/html` (then `published`,
        `title` and `store` are query parameters). Nothing is stored unless
        `store=true`, which needs `--allow-ingest` and the token.
        """
        raw = await request.body()
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        try:
            body = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise UsageError("the body is not UTF-8") from e
        if ctype == "application/json":
            try:
                req = CodeRequest.model_validate_json(body or "{}")
            except ValueError as e:
                raise UsageError(f"the JSON body is not a code request: {e}") from e
        elif ctype == "text/html":
            req = CodeRequest(html=body, published=published, title=title, store=store)
        else:
            req = CodeRequest(text=body, published=published, title=title, store=store)
        if req.store:
            check_token(request)
        return await run_in_threadpool(service.code, text=req.text, html=req.html, published=req.published,
                                       title=req.title, url=req.url, store=req.store)

    def event_query(actor, source, target, dyad, cameo, plover, quad, since, until, place, min_confidence,
                    asserted, article, limit=None, offset=0) -> queries.EventQuery:
        pair = None
        if dyad:
            parts = [p for p in dyad.replace("|", ",").split(",")]
            if len(parts) != 2 or not all(p.strip() for p in parts):
                raise UsageError(f"dyad={dyad!r}: give two actors, e.g. dyad=PRK,USA")
            pair = (parts[0], parts[1])
        quads: list[int] = []
        for q in quad or []:
            for part in str(q).split(","):
                if part.strip():
                    if not part.strip().isdigit() or int(part) not in (1, 2, 3, 4):
                        raise UsageError(f"quad={part!r}: quad classes are 1, 2, 3 and 4")
                    quads.append(int(part))
        return queries.EventQuery(
            actor=actor or None, source=source or None, target=target or None, cameo=cameo or None,
            plover=plover or None, since=queries.check_date(since, "since"),
            until=queries.check_date(until, "until"), article_id=article or None, limit=limit,
            dyad=pair, quad=tuple(quads), place=place or None, min_confidence=min_confidence,
            asserted=asserted, offset=offset)

    filter_doc = {
        "actor": "source or target: a CAMEO code prefix (PRK, USAGOV) or part of a name",
        "dyad": "two actors, either direction: PRK,USA",
        "quad": "quad classes (1 verbal cooperation ... 4 material conflict); repeat or comma-separate",
        "place": "part of the place name, or a country code",
    }

    @app.get("/events", tags=["events"], response_model=EventPage, responses=ERRORS)
    def events(actor: str | None = Query(None, description=filter_doc["actor"]),
               source: str | None = Query(None), target: str | None = Query(None),
               dyad: str | None = Query(None, pattern=DYAD, description=filter_doc["dyad"]),
               cameo: str | None = Query(None, description="CAMEO code prefix (04, 043)"),
               plover: str | None = Query(None, description="PLOVER event type"),
               quad: list[Annotated[str, StringConstraints(pattern=QUAD)]] | None = Query(None, description=filter_doc["quad"]),
               since: str | None = date_q(),
               until: str | None = date_q("inclusive; YYYY-MM runs to the month's end"),
               place: str | None = Query(None, description=filter_doc["place"]),
               min_confidence: float | None = Query(None, ge=0, le=1),
               asserted: bool = Query(False, description="leave out negated, hypothetical and future events"),
               article: str | None = Query(None, description="one article id"),
               limit: int = Query(queries.DEFAULT_PAGE, ge=1, le=queries.MAX_PAGE),
               offset: int = Query(0, ge=0, le=2**31 - 1)):
        """Stored events matching the filters (the filters of `whimbrel events` and more), by date, one page."""
        q = event_query(actor, source, target, dyad, cameo, plover, quad, since, until, place, min_confidence,
                        asserted, article, limit, offset)
        return service.events(q)

    @app.get("/places", tags=["events"], response_model=Places, responses=ERRORS)
    def places(actor: str | None = Query(None, description=filter_doc["actor"]),
               dyad: str | None = Query(None, pattern=DYAD, description=filter_doc["dyad"]),
               cameo: str | None = Query(None), plover: str | None = Query(None),
               quad: list[Annotated[str, StringConstraints(pattern=QUAD)]] | None = Query(None, description=filter_doc["quad"]),
               since: str | None = date_q(), until: str | None = date_q(),
               place: str | None = Query(None, description=filter_doc["place"]),
               min_confidence: float | None = Query(None, ge=0, le=1), asserted: bool = Query(False)):
        """The places of the matching events, with counts per quad class (for the map)."""
        q = event_query(actor, None, None, dyad, cameo, plover, quad, since, until, place, min_confidence,
                        asserted, None)
        return service.places(q)

    @app.get("/articles/{article_id}", tags=["events"], response_model=ArticleResult,
             responses={**ERRORS, 404: {"model": Problem}})
    def article(article_id: str = Path(..., description="article id")):
        """A stored article: metadata, text, and its events with offsets into the text."""
        found = service.article(article_id)
        if found is None:
            return _problem(404, "not_found", f"no stored article with id {article_id!r}")
        return found

    level_q = Query("auto", pattern="^(auto|dedup|raw)$",
                    description="dedup: one row per real event; raw: every report; auto: dedup when up to date")

    @app.get("/dyads/{a}/{b}", tags=["relations"], response_model=DyadSeries, responses=ERRORS)
    def dyad_series(a: str = Path(..., pattern=CODE, description="actor code prefix (PRK, USAGOV)"),
                    b: str = Path(..., pattern=CODE, description="actor code prefix"),
                    by: str = Query("month", pattern="^(day|week|month)$"),
                    since: str | None = date_q(), until: str | None = date_q(), level: str = level_q):
        """Events between two actors per day, week or month: counts per quad class in each direction
        (`ab`: a to b, `ba`: b to a) and the Goldstein mean. Negated, hypothetical and future events
        are not counted."""
        return service.dyad(a, b, by=by, since=queries.check_date(since, "since"),
                            until=queries.check_date(until, "until"), level=level)

    @app.get("/network", tags=["relations"], response_model=Network, responses=ERRORS)
    def network(since: str | None = date_q(), until: str | None = date_q(),
                by: str = Query("root", pattern="^(root|code)$"),
                min_events: int = Query(1, ge=1, le=1_000_000), level: str = level_q):
        """The actor network: nodes with event counts and bloc number, edges with cooperation,
        conflict and weight (cooperation - conflict), and the blocs."""
        return service.network(since=queries.check_date(since, "since"), until=queries.check_date(until, "until"),
                               by=by, min_events=min_events, level=level)

    @app.get("/top", tags=["relations"], response_model=Top, responses=ERRORS)
    def top(what: str = Query("actors", pattern="^(actors|dyads)$"), n: int = Query(10, ge=1, le=1000),
            since: str | None = date_q(), until: str | None = date_q(),
            by: str = Query("root", pattern="^(root|code)$"), level: str = level_q):
        """The most active actors or dyads, with counts per quad class."""
        return service.top(what=what, n=n, since=queries.check_date(since, "since"),
                           until=queries.check_date(until, "until"), by=by, level=level)

    return app
