"""``whimbrel watch``: poll RSS/Atom feeds, fetch new items once, code and store them."""

from __future__ import annotations

import re
import time

import click

from . import main, opinion_option
from .code import echo_failure, failure_line
from .events import cli_errors, db_option, min_confidence_option, open_store
from .output import echo_summary, summary_json_option
from .progress import Bar, live

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """``"15m"`` -> 900.0; ``s``, ``m``, ``h``, ``d`` or plain seconds."""
    m = _DURATION.match(text or "")
    if not m:
        raise click.BadParameter(f"{text!r} is not a duration; write it as 30s, 15m, 1h or 1d", param_hint="--every")
    seconds = float(m.group(1)) * _UNIT[m.group(2).lower()]
    if seconds < 60:
        raise click.BadParameter("rounds must be at least 1 minute apart (be polite to news sites)",
                                 param_hint="--every")
    return seconds


@main.command("watch")
@click.argument("feeds", nargs=-1, required=True, metavar="FEED...")
@db_option
@click.option("--every", default="15m", show_default=True, metavar="DURATION",
              help="Time between rounds: 30m, 1h, 1d (at least 1m).")
@click.option("--once", is_flag=True, help="Run one round and stop.")
@click.option("--delay", default=None, type=click.FloatRange(min=0.0), metavar="SECONDS",
              help="Seconds between two requests to one host (default $WHIMBREL_FETCH_DELAY or 1).")
@click.option("--published", default=None, metavar="DATE",
              help="Publication date for items whose page and feed carry none (default $WHIMBREL_PUBLISHED).")
@min_confidence_option()
@opinion_option
@summary_json_option
@cli_errors
def watch_cmd(feeds: tuple[str, ...], db: str | None, every: str, once: bool, delay: float | None,
              published: str | None, min_confidence: float | None, as_json: bool = False,
              output: str | None = None) -> None:
    """Poll RSS/Atom feeds: fetch each new item once, code it and store it.

    FEED is the URL of an RSS or Atom feed. Each round fetches the feeds, skips
    the item links fetched in an earlier round (kept in the database), fetches
    the new item pages politely (robots.txt honoured, one request at a time per
    host with a delay, timeouts and size limits) and stores their events. Every
    failure (HTTP status, timeout, not HTML, robots.txt) is recorded with its
    URL and reason and printed on stderr. One summary line per round; on a
    terminal, a progress bar over the round's new items meanwhile.

    \b
    Examples:
      whimbrel watch https://example.org/world/rss.xml --db news.duckdb
      whimbrel watch FEED1 FEED2 --every 1h
      whimbrel watch FEED --once          # one round (for cron)
    """
    from ..api import default_pipeline, default_published
    from ..fetch import Fetcher, is_url
    from ..fetch.feeds import watch_round
    from ..ingest.runner import Interrupted, stop_on_signals
    from ..settings import Settings

    bad = [f for f in feeds if not is_url(f)]
    if bad:
        raise click.BadParameter(f"{bad[0]!r} is not an http(s) URL", param_hint="FEED")
    wait = parse_duration(every)
    settings = Settings.from_env(min_confidence=min_confidence)
    published = default_published(published, settings)
    pipeline = default_pipeline(settings)
    fetcher = Fetcher(delay=delay)
    store = open_store(db)

    bar = None

    def report(batch) -> None:
        for f in batch.failures:
            if bar:
                bar.print(failure_line(f))
            else:
                echo_failure(f)
        if bar:
            bar.advance(batch.n_articles + batch.n_failed + batch.n_skipped)

    def on_new(n: int) -> None:
        nonlocal bar
        if live() and n:
            bar = Bar(n, unit="items", description=f"round {index}: fetching and coding")

    index = 0
    try:
        with stop_on_signals():
            while True:
                index += 1
                try:
                    result = watch_round(list(feeds), store=store, fetcher=fetcher, index=index,
                                         settings=settings, pipeline=pipeline, published=published,
                                         progress=report, on_new=on_new)
                finally:
                    if bar:
                        bar.close()
                        bar = None
                echo_summary(as_json, result.summary(),
                             {"round": result.index, "feeds": result.n_feeds, "items": result.n_items,
                              "new": result.n_new, "seen": result.n_seen, "articles": result.n_articles,
                              "events": result.n_events, "failed": result.n_failed, "skipped": result.n_skipped,
                              "seconds": round(result.seconds, 2)}, output)
                if once:
                    break
                time.sleep(wait)
    except Interrupted as e:
        click.echo(f"stopped by {e.name} after {index - 1} complete rounds; what they fetched is stored "
                   f"(an unfinished round is fetched again next time)", err=True)
        raise SystemExit(0 if e.name == "SIGINT" else 128 + e.signum) from None
    finally:
        store.close()
