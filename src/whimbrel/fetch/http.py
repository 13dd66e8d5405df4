"""A polite HTTP client for news pages and feeds: robots.txt, one request at a time per host, limits.

* **robots.txt** is read once per host (scheme and host) and honoured for every URL,
  redirect targets included. A robots.txt that is missing (4xx) allows everything;
  one that cannot be fetched (5xx, timeout, refused) disallows the host for this run,
  as RFC 9309 asks. Its ``Crawl-delay`` lengthens the delay for that host.
* **One request at a time per host**, at least ``delay`` seconds apart (default 1 s,
  ``WHIMBREL_FETCH_DELAY``).
* **Limits**: a timeout per request (connect and each read, and the whole body;
  ``WHIMBREL_FETCH_TIMEOUT``, default 20 s), a size limit on the body (the text limit,
  ``WHIMBREL_MAX_BYTES``), at most ``max_redirects`` redirects (5), followed one by one.
* **A user agent that names whimbrel** (``whimbrel/VERSION (+URL)``).

Every problem is a :class:`FetchError` with a stable ``code`` (``http_status``,
``timeout``, ``too_large``, ``not_html``, ``robots``, ``redirects``, ``network``,
``bad_url``) and a message naming the URL and the reason; callers turn it into a
:class:`~whimbrel.model.Failure` like any bad document.
"""

from __future__ import annotations

import email.message
import os
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field

from .. import __version__
from ..errors import InputError
from ..settings import DEFAULT_MAX_BYTES

USER_AGENT = f"whimbrel/{__version__} (+https://github.com/whimbrel-project/whimbrel; news event coder)"
#: the product token robots.txt rules are matched against
ROBOTS_AGENT = "whimbrel"
DEFAULT_TIMEOUT = 20.0
DEFAULT_DELAY = 1.0
DEFAULT_MAX_REDIRECTS = 5
#: a Crawl-delay above this is capped (a feed watched every 15 minutes cannot wait hours)
MAX_CRAWL_DELAY = 60.0
ROBOTS_MAX_BYTES = 512 * 1024
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml", "application/feed+json", "application/json")


class FetchError(InputError):
    """A URL could not be fetched; ``code`` says why (see the module docstring)."""

    def __init__(self, message: str, *, code: str, document: str | None = None, status: int | None = None):
        super().__init__(message, document=document)
        self.code = code
        self.status = status


def is_url(text: str) -> bool:
    """Whether an argument is an http(s) URL rather than a path."""
    return isinstance(text, str) and text[:8].lower().startswith(("http://", "https://"))


@dataclass
class Response:
    url: str  # after redirects
    status: int
    content_type: str
    charset: str | None
    body: bytes
    headers: dict = field(default_factory=dict)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are returned, not followed: the fetcher follows them itself (robots, delay, cap)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def _env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


class Fetcher:
    """Fetches URLs politely (see the module docstring). Thread-safe; one instance per run.

    ``sleep`` and ``clock`` are injectable so that the delay can be tested without waiting.
    """

    def __init__(self, *, user_agent: str = USER_AGENT, timeout: float | None = None, delay: float | None = None,
                 max_bytes: int | None = None, max_redirects: int = DEFAULT_MAX_REDIRECTS,
                 respect_robots: bool = True, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic):
        self.user_agent = user_agent
        self.timeout = timeout if timeout is not None else _env_float("WHIMBREL_FETCH_TIMEOUT", DEFAULT_TIMEOUT)
        self.delay = delay if delay is not None else _env_float("WHIMBREL_FETCH_DELAY", DEFAULT_DELAY)
        self.max_bytes = max_bytes if max_bytes is not None else int(
            os.environ.get("WHIMBREL_MAX_BYTES", DEFAULT_MAX_BYTES))
        self.max_redirects = max_redirects
        self.respect_robots = respect_robots
        self._sleep, self._clock = sleep, clock
        self._opener = urllib.request.build_opener(_NoRedirect)
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._host_locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._crawl_delay: dict[str, float] = {}
        self._lock = threading.Lock()
        self.requests = 0  # requests sent, robots.txt included

    # -- public ------------------------------------------------------------------------
    def get(self, url: str, *, accept: tuple[str, ...] | None = None, what: str = "page") -> Response:
        """GET ``url`` following redirects; raise :class:`FetchError` on any problem.

        ``accept``: the content types wanted (others raise ``not_html``); None accepts any.
        """
        start = url
        seen = {url}
        for hop in range(self.max_redirects + 1):
            self._check_url(url, start)
            if self.respect_robots and not self._allowed(url):
                raise FetchError(f"robots.txt of {_origin(url)} disallows fetching it for {ROBOTS_AGENT}",
                                 code="robots", document=start)
            resp = self._request(url, document=start)
            if resp.status in (301, 302, 303, 307, 308):
                target = resp.headers.get("location")
                if not target:
                    raise FetchError(f"HTTP {resp.status} redirect without a Location header", code="http_status",
                                     document=start, status=resp.status)
                url = urllib.parse.urljoin(url, target)
                if url in seen:
                    raise FetchError(f"redirect loop (back to {url} after {hop + 1} redirects)", code="redirects",
                                     document=start)
                seen.add(url)
                continue
            if resp.status >= 400:
                raise FetchError(f"HTTP {resp.status} ({_reason(resp.status)})", code="http_status",
                                 document=start, status=resp.status)
            if accept is not None and resp.content_type not in accept:
                shown = resp.content_type or "no content type"
                hint = ("; it looks like a feed: give it to `whimbrel watch`"
                        if resp.content_type in FEED_TYPES and what != "feed" else "")
                raise FetchError(f"not an HTML {what} ({shown}); whimbrel reads HTML pages and plain text{hint}",
                                 code="not_html", document=start)
            return resp
        raise FetchError(f"more than {self.max_redirects} redirects; stopped at {url}", code="redirects",
                         document=start)

    # -- robots.txt --------------------------------------------------------------------
    def _allowed(self, url: str) -> bool:
        origin = _origin(url)
        with self._lock:
            known = origin in self._robots
        if not known:
            self._robots[origin] = self._load_robots(origin)
        rp = self._robots[origin]
        if rp is None:  # could not be read: the host is off limits for this run
            raise FetchError(f"robots.txt of {origin} could not be read (server error or no answer), so the "
                             f"site is not fetched (RFC 9309); try again later", code="robots", document=url)
        return rp.can_fetch(ROBOTS_AGENT, url)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        rp = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        url = origin + "/robots.txt"
        try:
            for _ in range(self.max_redirects + 1):
                resp = self._request(url, document=url, max_bytes=ROBOTS_MAX_BYTES)
                if resp.status in (301, 302, 303, 307, 308) and resp.headers.get("location"):
                    url = urllib.parse.urljoin(url, resp.headers["location"])
                    continue
                break
        except FetchError as e:
            if e.code == "too_large":
                rp.parse([])
                return rp
            return None
        if resp.status >= 500 or resp.status in (301, 302, 303, 307, 308):
            return None
        if resp.status >= 400:
            rp.parse([])  # no robots.txt: everything allowed
            return rp
        rp.parse(resp.body.decode("utf-8", "replace").splitlines())
        delay = rp.crawl_delay(ROBOTS_AGENT)
        if delay:
            self._crawl_delay[origin] = min(float(delay), MAX_CRAWL_DELAY)
        return rp

    # -- one request -------------------------------------------------------------------
    def _check_url(self, url: str, document: str) -> None:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"not an http(s) URL: {url}", code="bad_url", document=document)

    def _wait_turn(self, origin: str) -> threading.Lock:
        with self._lock:
            lock = self._host_locks.setdefault(origin, threading.Lock())
        lock.acquire()
        delay = max(self.delay, self._crawl_delay.get(origin, 0.0))
        last = self._last.get(origin)
        if last is not None:
            wait = last + delay - self._clock()
            if wait > 0:
                self._sleep(wait)
        return lock

    def _request(self, url: str, *, document: str, max_bytes: int | None = None) -> Response:
        max_bytes = self.max_bytes if max_bytes is None else max_bytes
        origin = _origin(url)
        lock = self._wait_turn(origin)
        try:
            self.requests += 1
            req = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept-Encoding": "identity",
                                                       "Accept": "text/html,application/xhtml+xml,application/xml;"
                                                                 "q=0.9,text/plain;q=0.8,*/*;q=0.5"})
            deadline = time.monotonic() + self.timeout
            try:
                fh = self._opener.open(req, timeout=self.timeout)
            except urllib.error.HTTPError as e:
                fh = e  # a 3xx (not followed), 4xx or 5xx: a response all the same
            try:
                status = fh.status if fh.status is not None else fh.code
                headers = {k.lower(): v for k, v in fh.headers.items()}
                if status < 300 or status >= 400:
                    body = self._read_body(fh, headers, url=document, max_bytes=max_bytes, deadline=deadline,
                                           wanted=status < 300)
                else:
                    body = b""
            finally:
                fh.close()
        except FetchError:
            raise
        except (TimeoutError, socket.timeout) as e:
            raise FetchError(f"no answer within {self.timeout:g} s (timeout)", code="timeout", document=document) from e
        except urllib.error.URLError as e:
            reason = e.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise FetchError(f"no answer within {self.timeout:g} s (timeout)", code="timeout",
                                 document=document) from e
            raise FetchError(f"could not connect ({reason})", code="network", document=document) from e
        except (OSError, ValueError, http_client_errors()) as e:
            raise FetchError(f"the connection failed ({type(e).__name__}: {e})", code="network",
                             document=document) from e
        finally:
            self._last[origin] = self._clock()
            lock.release()
        msg = email.message.Message()
        msg["content-type"] = headers.get("content-type", "")
        ctype = msg.get_content_type() if headers.get("content-type") else ""
        return Response(url=url, status=status, content_type=ctype, charset=msg.get_content_charset(),
                        body=body, headers=headers)

    def _read_body(self, fh, headers: dict, *, url: str, max_bytes: int, deadline: float, wanted: bool) -> bytes:
        length = headers.get("content-length")
        if wanted and length and length.isdigit() and int(length) > max_bytes:
            raise FetchError(f"the response is {int(length):,} bytes, over the limit of {max_bytes:,} "
                             f"(WHIMBREL_MAX_BYTES)", code="too_large", document=url)
        chunks, total = [], 0
        limit = max_bytes if wanted else 64 * 1024  # error pages: a little is enough
        while True:
            if time.monotonic() > deadline:
                raise FetchError(f"the page took more than {self.timeout:g} s to arrive (timeout)", code="timeout",
                                 document=url)
            chunk = fh.read(64 * 1024)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                if not wanted:
                    break
                raise FetchError(f"the response is over the limit of {max_bytes:,} bytes (WHIMBREL_MAX_BYTES)",
                                 code="too_large", document=url)
            chunks.append(chunk)
        return b"".join(chunks)


def http_client_errors():
    import http.client

    return http.client.HTTPException


def _origin(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _reason(status: int) -> str:
    import http

    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "error"
