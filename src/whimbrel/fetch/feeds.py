"""RSS/Atom feeds (feedparser): new items fetched once, coded and stored, round after round.

A round (:func:`watch_round`) fetches each feed, lists its item links, leaves out the
links fetched in an earlier round (table ``feed_items``, :mod:`whimbrel.store.feeds`),
fetches the new item pages politely and ingests them like any documents (batches,
content-hash skips, failures recorded). A feed that cannot be fetched or is not a feed,
and an item page that fails, become failure records naming the URL and the reason; the
rest of the round goes on. A link is fetched once whatever the outcome (its outcome is
kept in ``feed_items.outcome``); ``whimbrel ingest URL`` fetches one again by hand.
"""

from __future__ import annotations

import calendar
import datetime as dt
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..errors import InputError
from ..model import Article, Failure
from .http import FEED_TYPES, Fetcher

#: content types a feed may come with (servers often send feeds as HTML or plain text)
FEED_ACCEPT = FEED_TYPES + ("text/html", "text/plain", "application/octet-stream", "")


@dataclass
class FeedItem:
    link: str
    feed: str
    title: str | None = None
    published: dt.datetime | None = None


@dataclass
class RoundResult:
    index: int
    n_feeds: int = 0
    n_items: int = 0  # item links listed by the feeds
    n_new: int = 0  # of which fetched this round
    n_articles: int = 0
    n_events: int = 0
    n_failed: int = 0  # feeds and item pages
    n_skipped: int = 0  # fetched but already stored with the same content
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)

    @property
    def n_seen(self) -> int:
        return self.n_items - self.n_new

    def summary(self) -> str:
        line = (f"round {self.index}: {self.n_feeds} feeds, {self.n_new} new items ({self.n_seen} seen before), "
                f"{self.n_articles} articles coded, {self.n_events} events, {self.n_failed} failed")
        if self.n_skipped:
            line += f", {self.n_skipped} already stored"
        return line + f" ({self.seconds:.1f} s)"


def _entry_date(entry) -> dt.datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.datetime.fromtimestamp(calendar.timegm(value), tz=dt.timezone.utc).replace(tzinfo=None)
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def read_feed(url: str, fetcher: Fetcher) -> list[FeedItem] | Failure:
    """The items of one feed (links made absolute), or a Failure naming the feed and the reason."""
    import urllib.parse

    import feedparser

    stage = "fetch"
    try:
        resp = fetcher.get(url, accept=FEED_ACCEPT, what="feed")
        stage = "parse"
        parsed = feedparser.parse(resp.body, response_headers={"content-location": resp.url,
                                                               "content-type": resp.headers.get("content-type", "")})
    except InputError as e:
        return Failure(url, stage, e.code, e.message, url)
    except Exception as e:  # feedparser on hostile bytes
        return Failure(url, stage, "not_a_feed", f"the feed could not be parsed ({type(e).__name__}: {e})", url)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        why = getattr(parsed.get("bozo_exception"), "getMessage", lambda: "")() or str(parsed.get("bozo_exception") or "")
        return Failure(url, "parse", "not_a_feed",
                       "not an RSS or Atom feed" + (f" ({why})" if why else "") + "; give the feed's own URL", url)
    items, listed = [], set()
    for entry in parsed.entries:
        link = entry.get("link") or next((ln.get("href") for ln in entry.get("links", []) if ln.get("href")), None)
        if not link:
            continue
        link = urllib.parse.urljoin(resp.url, link.strip())
        if link in listed:
            continue
        listed.add(link)
        items.append(FeedItem(link=link, feed=url, title=entry.get("title") or None, published=_entry_date(entry)))
    return items


def watch_round(feeds: list[str], *, store, fetcher: Fetcher, index: int = 1, settings=None, pipeline=None,
                published=None, progress=None, batch_size: int | None = None, on_new=None) -> RoundResult:
    """One round over ``feeds``: fetch what is new, code it and store it. Returns the counts.

    ``progress(batch_report)`` is called after each stored batch, ``on_new(n)`` once the
    number of new items to fetch is known."""
    from ..ingest.runner import ingest
    from ..store.feeds import mark_seen, seen_links
    from . import read_url

    t0 = time.perf_counter()
    result = RoundResult(index=index, n_feeds=len(feeds))
    listed: list[FeedItem] = []
    feed_failures: list[Failure] = []
    for feed in feeds:
        got = read_feed(feed, fetcher)
        if isinstance(got, Failure):
            feed_failures.append(got)
        else:
            listed.extend(got)
    by_link: dict[str, FeedItem] = {}
    for item in listed:
        by_link.setdefault(item.link, item)
    with store.guard("read"):
        seen = seen_links(store.con, by_link)
    store.release()
    new = [item for link, item in by_link.items() if link not in seen]
    result.n_items, result.n_new = len(by_link), len(new)
    if on_new is not None:
        on_new(len(new))
    outcomes: list[tuple[str, str, str]] = []

    def items() -> Iterator[Article | Failure]:
        yield from feed_failures
        for item in new:
            got = read_url(item.link, fetcher=fetcher, published=item.published or published, title=item.title)
            outcomes.append((item.link, item.feed, got.code if isinstance(got, Failure) else "stored"))
            yield got

    run = ingest(store=store, items=items(), settings=settings, pipeline=pipeline, batch_size=batch_size,
                 command="watch " + " ".join(feeds), progress=progress)
    # only once the round is stored: an interrupted round fetches its items again next time
    # (and the content hash keeps them from being stored twice)
    if outcomes:
        with store.guard("write"):
            mark_seen(store.con, outcomes)
        store.release()
    result.n_articles, result.n_events = run.n_articles, run.n_events
    result.n_failed, result.n_skipped = run.n_failed, run.n_skipped
    result.failures = list(run.failures)
    result.seconds = time.perf_counter() - t0
    return result
