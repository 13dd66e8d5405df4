"""``whimbrel watch`` and URLs on the command line, against the local site only."""

from __future__ import annotations

import json

import duckdb
import pytest
from localsite import loopback_only, site  # noqa: F401 (fixtures: the local site, no other address)
from click.testing import CliRunner

from whimbrel.cli import main
from whimbrel.fetch import Fetcher
from whimbrel.fetch.feeds import read_feed, watch_round
from whimbrel.model import Failure
from whimbrel.store import Store

#: every failure fixture in the feed, and the code it must be recorded with
BAD = {"/missing.html": "http_status", "/slow.html": "timeout", "/huge.html": "too_large",
       "/loop/a": "redirects", "/image.png": "not_html", "/private/secret.html": "robots",
       "/error.html": "http_status"}


@pytest.fixture
def env(monkeypatch):
    monkeypatch.setenv("WHIMBREL_FETCH_DELAY", "0")
    monkeypatch.setenv("WHIMBREL_FETCH_TIMEOUT", "0.5")
    monkeypatch.setenv("WHIMBREL_MAX_BYTES", "200000")
    monkeypatch.setenv("WHIMBREL_PUBLISHED", "")


def fetcher() -> Fetcher:
    return Fetcher(delay=0.0, timeout=0.5, max_bytes=200_000)


def test_a_feed_lists_absolute_item_links(site):
    items = read_feed(site.base + "/feed.xml", fetcher())
    assert [i.link for i in items] == [site.base + p for p in site.feed_links]
    assert items[0].published is not None and items[0].published.isoformat().startswith("2024-03-05")


def test_a_page_that_is_not_a_feed_is_a_failure(site):
    got = read_feed(site.base + "/notafeed.xml", fetcher())
    assert isinstance(got, Failure) and got.code == "not_a_feed" and got.document == site.base + "/notafeed.xml"


def test_two_rounds_fetch_new_items_once_and_record_every_failure(site, pipeline, tmp_path):
    feed = site.base + "/feed.xml"
    f = fetcher()
    with Store(tmp_path / "w.duckdb") as store:
        first = watch_round([feed], store=store, fetcher=f, index=1, pipeline=pipeline)
        assert (first.n_items, first.n_new, first.n_articles, first.n_failed) == (9, 9, 2, len(BAD))
        assert first.n_events > 0
        rows = store.con.execute("SELECT document, stage, code, reason FROM failures").fetchall()
        store.release()
        got = {doc: (code, reason) for doc, _, code, reason in rows}
        for path, code in BAD.items():
            assert got[site.base + path][0] == code, path
            assert got[site.base + path][1]  # a reason is given
        asked = len(site.log)
        second = watch_round([feed], store=store, fetcher=f, index=2, pipeline=pipeline)
        assert (second.n_items, second.n_new, second.n_articles, second.n_failed) == (9, 0, 0, 0)
        assert site.paths()[asked:] == ["/feed.xml"]  # only the feed itself is asked again
        assert "0 new items (9 seen before)" in second.summary()
        # a new item in the feed is fetched in the next round, alone
        site.feed_links.append("/redirect.html")
        third = watch_round([feed], store=store, fetcher=f, index=3, pipeline=pipeline)
        assert third.n_new == 1 and third.n_skipped == 1  # same text as /news/talks.html: stored once
        n_articles = store.con.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert n_articles == 2
        store.release()


def test_a_feed_that_fails_is_recorded_and_the_others_go_on(site, pipeline, tmp_path):
    with Store(tmp_path / "w.duckdb") as store:
        site.feed_links = ["/news/talks.html"]
        r = watch_round([site.base + "/nofeed.xml", site.base + "/feed.xml"], store=store, fetcher=fetcher(),
                        pipeline=pipeline)
        assert (r.n_articles, r.n_failed) == (1, 1)
        (doc, code), = store.con.execute("SELECT document, code FROM failures").fetchall()
        assert (doc, code) == (site.base + "/nofeed.xml", "http_status")


def test_watch_once_on_the_command_line(site, env, tmp_path):
    site.feed_links = ["/news/talks.html", "/missing.html"]
    db = str(tmp_path / "w.duckdb")
    runner = CliRunner()
    r = runner.invoke(main, ["watch", site.base + "/feed.xml", "--db", db, "--once"])
    assert r.exit_code == 0, r.output
    assert "round 1: 1 feeds, 2 new items (0 seen before), 1 articles coded" in r.stdout
    assert f"failed: {site.base}/missing.html [fetch/http_status]: HTTP 404" in r.stderr
    r = runner.invoke(main, ["watch", site.base + "/feed.xml", "--db", db, "--once"])
    assert "0 new items (2 seen before)" in r.stdout
    con = duckdb.connect(db, read_only=True)
    assert con.execute("SELECT count(*) FROM feed_items").fetchone()[0] == 2
    con.close()


def test_watch_json_prints_one_object_per_round(site, env, tmp_path):
    import json

    site.feed_links = ["/news/talks.html", "/missing.html"]
    r = CliRunner().invoke(main, ["watch", site.base + "/feed.xml", "--db", str(tmp_path / "w.duckdb"), "--once",
                                  "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout.strip().splitlines()[-1])
    assert (data["round"], data["new"], data["articles"], data["failed"]) == (1, 2, 1, 1)


def test_watch_on_a_terminal_shows_a_bar_over_the_new_items(site, env, tmp_path, monkeypatch):
    import functools
    import io

    from rich.console import Console

    from whimbrel.cli import progress, watch

    screen = io.StringIO()
    monkeypatch.setattr(watch, "live", lambda: True)
    monkeypatch.setattr(watch, "Bar", functools.partial(
        progress.Bar, console=Console(file=screen, force_terminal=True, width=150)))
    site.feed_links = ["/news/talks.html", "/missing.html"]
    r = CliRunner().invoke(main, ["watch", site.base + "/feed.xml", "--db", str(tmp_path / "w.duckdb"), "--once"])
    assert r.exit_code == 0, r.output
    assert "round 1: 1 feeds, 2 new items" in r.stdout
    drawn = screen.getvalue()
    assert "round 1: fetching and coding" in drawn and "2/2" in drawn and "items/s" in drawn
    assert "missing.html [fetch/http_status]" in drawn  # failures printed above the bar


def test_watch_refuses_a_path_and_a_too_short_interval(site, env, tmp_path):
    r = CliRunner().invoke(main, ["watch", "feeds.txt", "--once", "--db", str(tmp_path / "x.duckdb")])
    assert r.exit_code == 2 and "not an http(s) URL" in r.output
    r = CliRunner().invoke(main, ["watch", site.base + "/feed.xml", "--every", "5s"])
    assert r.exit_code == 2 and "at least 1 minute" in r.output


def test_code_and_ingest_take_urls(site, env, tmp_path):
    runner = CliRunner()
    r = runner.invoke(main, ["code", "--json", site.base + "/news/sanctions.html"])
    assert r.exit_code == 0, r.output
    records = [json.loads(line) for line in r.stdout.splitlines()]
    assert any(e["plover"]["event"] == "SANCTION" and e["source"]["code"].startswith("IGOEUR") for e in records)
    r = runner.invoke(main, ["code", site.base + "/feed.xml"])
    assert r.exit_code == 1 and "looks like a feed: give it to `whimbrel watch`" in r.stderr
    db = str(tmp_path / "i.duckdb")
    r = runner.invoke(main, ["ingest", "--db", db, site.base + "/news/talks.html", site.base + "/missing.html"])
    assert r.exit_code == 0, r.output
    assert "1 articles coded" in r.stdout and "missing.html [fetch/http_status]" in r.stderr
    con = duckdb.connect(db, read_only=True)
    url, published = con.execute("SELECT url, published FROM articles").fetchone()
    assert url == site.base + "/news/talks.html" and published.date().isoformat() == "2024-03-05"
    con.close()
