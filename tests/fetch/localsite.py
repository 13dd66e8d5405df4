"""A local news site on 127.0.0.1 for the fetch tests (fixtures imported by the test modules):

No test here may reach another address: :func:`loopback_only` makes any connection
to a host other than 127.0.0.1 fail loudly.
"""

from __future__ import annotations

import http.server
import socket
import threading
import time

import pytest

ARTICLE = """<!doctype html><html><head><title>{title}</title>
<meta property="article:published_time" content="{date}">
<link rel="canonical" href="{canonical}"></head>
<body><nav>Home | World | Sport</nav><article><h1>{title}</h1>
{paragraphs}</article><footer>Copyright the Example Herald</footer></body></html>"""

PAGES = {
    "/news/talks.html": dict(
        title="Kenya and Uganda hold border talks", date="2024-03-05T09:00:00",
        body=["Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi on Monday "
              "to discuss the disputed border.",
              "The two leaders agreed to set up a joint commission on trade, officials said."]),
    "/news/sanctions.html": dict(
        title="EU widens sanctions", date="2024-03-04T15:30:00",
        body=["The European Union imposed new sanctions on Russia on Tuesday over the war in Ukraine.",
              "Moscow condemned the decision and accused Brussels of hostility."]),
}
HUGE = 400_000  # bytes; the tests set the size limit below it


def feed_xml(base: str, links: list[str]) -> str:
    items = "".join(
        f"<item><title>Item {i}</title><link>{base}{link}</link>"
        f"<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>" for i, link in enumerate(links))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example Herald</title>'
            f"<link>{base}/</link><description>news</description>{items}</channel></rss>")


FEED_LINKS = ["/news/talks.html", "/news/sanctions.html", "/missing.html", "/slow.html", "/huge.html",
              "/loop/a", "/image.png", "/private/secret.html", "/error.html"]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):  # quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", headers=None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 (http.server's name)
        srv = self.server
        srv.log.append((self.path, self.headers.get("User-Agent", "")))
        base = f"http://127.0.0.1:{srv.server_address[1]}"
        path = self.path.split("?")[0]
        if path == "/robots.txt":
            if srv.robots is None:
                return self._send(404, b"not found", "text/plain")
            return self._send(200, srv.robots.encode(), "text/plain")
        if path == "/feed.xml":
            return self._send(200, feed_xml(base, srv.feed_links).encode(), "application/rss+xml")
        if path == "/notafeed.xml":
            return self._send(200, b"<html><body><p>Just a page, sorry.</p></body></html>", "text/html")
        if path in PAGES:
            p = PAGES[path]
            html = ARTICLE.format(title=p["title"], date=p["date"], canonical=base + path,
                                  paragraphs="".join(f"<p>{b}</p>" for b in p["body"]))
            return self._send(200, html.encode())
        if path == "/slow.html":
            time.sleep(srv.slow_seconds)
            return self._send(200, b"<html><body><p>Too late.</p></body></html>")
        if path == "/huge.html":
            return self._send(200, b"<html><body><p>" + b"word " * (HUGE // 5) + b"</p></body></html>")
        if path.startswith("/loop/"):
            nxt = "/loop/b" if path == "/loop/a" else "/loop/a"
            return self._send(302, b"", headers={"Location": nxt})
        if path == "/redirect.html":
            return self._send(301, b"", headers={"Location": "/news/talks.html"})
        if path == "/image.png":
            return self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
        if path == "/private/secret.html":
            return self._send(200, ARTICLE.format(title="Secret", date="2024-01-01", canonical=base + path,
                                                  paragraphs="<p>Nobody should fetch this page.</p>").encode())
        if path == "/error.html":
            return self._send(503, b"down for maintenance", "text/plain")
        return self._send(404, b"<html><body>not found</body></html>")


class Site(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.log: list[tuple[str, str]] = []
        self.robots: str | None = "User-agent: *\nDisallow: /private/\n"
        self.feed_links = list(FEED_LINKS)
        self.slow_seconds = 3.0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def paths(self) -> list[str]:
        return [p for p, _ in self.log]


@pytest.fixture
def site():
    srv = Site()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Any connection to a host other than 127.0.0.1 fails the test."""
    real = socket.create_connection

    def guarded(address, *args, **kwargs):
        host = address[0]
        if host not in ("127.0.0.1", "localhost"):
            raise AssertionError(f"a test tried to reach {host}; tests may only use the local server")
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", guarded)
