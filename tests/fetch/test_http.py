"""The polite fetcher against the local site: robots.txt, limits, redirects, delay, errors named."""

from __future__ import annotations

import pytest
from localsite import loopback_only, site  # noqa: F401 (fixtures: the local site, no other address)

from whimbrel.fetch import Fetcher, FetchError, is_url, read_url
from whimbrel.fetch.http import HTML_TYPES
from whimbrel.model import Article, Failure


def fetcher(**kw) -> Fetcher:
    kw.setdefault("delay", 0.0)
    kw.setdefault("timeout", 0.5)
    kw.setdefault("max_bytes", 200_000)
    return Fetcher(**kw)


def test_is_url_only_for_http_links():
    assert is_url("https://example.org/a") and is_url("HTTP://x.org")
    assert not is_url("news/a.html") and not is_url("ftp://x.org/a") and not is_url("-")


def test_a_page_is_fetched_with_a_user_agent_naming_whimbrel(site):
    resp = fetcher().get(site.base + "/news/talks.html", accept=HTML_TYPES)
    assert resp.status == 200 and resp.content_type == "text/html" and b"Ruto" in resp.body
    assert site.log[-1][0] == "/news/talks.html" and site.log[-1][1].startswith("whimbrel/")
    assert site.paths()[0] == "/robots.txt"  # read first, once


@pytest.mark.parametrize("path, code, words", [
    ("/missing.html", "http_status", "404"),
    ("/error.html", "http_status", "503"),
    ("/slow.html", "timeout", "timeout"),
    ("/huge.html", "too_large", "limit"),
    ("/loop/a", "redirects", "loop"),
    ("/image.png", "not_html", "image/png"),
    ("/private/secret.html", "robots", "robots.txt"),
])
def test_every_bad_page_is_a_named_error(site, path, code, words):
    with pytest.raises(FetchError) as e:
        fetcher().get(site.base + path, accept=HTML_TYPES)
    assert e.value.code == code and words in e.value.message
    assert e.value.document == site.base + path  # the URL asked for, even after redirects


def test_robots_disallow_means_the_page_is_never_requested(site):
    with pytest.raises(FetchError):
        fetcher().get(site.base + "/private/secret.html")
    assert "/private/secret.html" not in site.paths()


def test_without_a_robots_txt_everything_is_allowed(site):
    site.robots = None  # 404
    resp = fetcher().get(site.base + "/private/secret.html")
    assert resp.status == 200


def test_robots_txt_naming_whimbrel_is_honoured_and_others_are_not(site):
    site.robots = "User-agent: otherbot\nDisallow: /\n\nUser-agent: whimbrel\nDisallow: /news/\n"
    with pytest.raises(FetchError) as e:
        fetcher().get(site.base + "/news/talks.html")
    assert e.value.code == "robots"
    # otherbot's "Disallow: /" is not whimbrel's: a page outside /news/ is fetched
    assert fetcher().get(site.base + "/private/secret.html").status == 200
    # /redirect.html is allowed, but its target is under /news/, so following it is refused
    with pytest.raises(FetchError) as e:
        fetcher().get(site.base + "/redirect.html")
    assert e.value.code == "robots"


def test_a_redirect_is_followed_and_the_final_url_kept(site):
    resp = fetcher().get(site.base + "/redirect.html")
    assert resp.url == site.base + "/news/talks.html" and b"Ruto" in resp.body


def test_redirects_are_capped(site):
    with pytest.raises(FetchError) as e:
        fetcher(max_redirects=0).get(site.base + "/redirect.html")
    assert e.value.code == "redirects"


def test_nothing_listening_is_a_network_error():
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    with pytest.raises(FetchError) as e:
        fetcher().get(f"http://127.0.0.1:{port}/a.html")
    assert e.value.code in ("robots", "network")  # robots.txt unreachable: the host is not fetched


def test_one_host_is_asked_at_most_once_per_delay(site):
    now = [100.0]
    waits: list[float] = []

    def sleep(s):
        waits.append(s)
        now[0] += s

    f = Fetcher(delay=2.0, timeout=1.0, sleep=sleep, clock=lambda: now[0])
    f.get(site.base + "/news/talks.html")  # robots.txt, then the page: one wait between them
    f.get(site.base + "/news/sanctions.html")
    assert len(waits) == 2 and all(w == pytest.approx(2.0) for w in waits)
    # another host (localhost is another origin) does not wait for this one
    other = site.base.replace("127.0.0.1", "localhost")
    f.get(other + "/news/talks.html")
    assert len(waits) == 3  # only between localhost's robots.txt and its page


def test_crawl_delay_lengthens_the_delay(site):
    site.robots = "User-agent: *\nCrawl-delay: 5\n"
    now = [0.0]
    waits: list[float] = []
    f = Fetcher(delay=1.0, timeout=1.0, sleep=lambda s: (waits.append(s), now.__setitem__(0, now[0] + s)),
                clock=lambda: now[0])
    f.get(site.base + "/news/talks.html")
    assert waits == [pytest.approx(5.0)]


def test_read_url_keeps_the_pages_date_title_and_url(site):
    art = read_url(site.base + "/news/talks.html", fetcher=fetcher())
    assert isinstance(art, Article)
    assert art.title == "Kenya and Uganda hold border talks"
    assert art.published is not None and art.published.date().isoformat() == "2024-03-05"
    assert art.url == site.base + "/news/talks.html" and art.origin == site.base + "/news/talks.html"
    assert "Nairobi" in art.text and "Home | World" not in art.text and "Copyright" not in art.text


def test_read_url_turns_a_bad_page_into_a_failure(site):
    got = read_url(site.base + "/missing.html", fetcher=fetcher())
    assert isinstance(got, Failure)
    assert (got.document, got.stage, got.code) == (site.base + "/missing.html", "fetch", "http_status")
    assert "404" in got.reason
