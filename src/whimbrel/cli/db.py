"""Event-database commands: dedup, clusters, export, dyad, network, top, recode.

Thin: each parses its options, calls the library (``whimbrel.store.dedup``,
``.clusters``, ``.export``, ``.recode`` and ``whimbrel.relations``) and prints.
Commands that read deduplicated events bring them up to date first when new
raw events are waiting (``whimbrel dedup`` does it explicitly).
"""

from __future__ import annotations

import json
import sys

import click

from . import main
from .events import cli_errors, db_option, filter_from_options, filter_options, open_store


def _fresh(store, *, quiet: bool = False) -> None:
    """Refresh clusters and deduplicated events when raw events are not yet grouped."""
    from ..store import dedup

    if dedup.is_stale(store.con):
        st = dedup.refresh(store.con)
        if not quiet:
            click.echo(f"(deduplicated {st.raw_events} raw events into {st.events})", err=True)


def _stale(store) -> bool:
    from ..errors import StoreError
    from ..store import dedup

    try:
        return dedup.is_stale(store.con)
    except StoreError:  # the deduplicated tables are missing or of an older layout
        return True


def open_reader(db: str | None, *, raw: bool = False, quiet: bool = False):
    """Open the store read-only for a read command (others may read it at the same time).

    When raw events wait to be deduplicated (and ``raw`` is not asked for), the
    store is opened for writing just long enough to refresh them; if another
    process holds it, the command goes on with the deduplicated events as they
    are, and says so.
    """
    from ..store.db import db_path

    store = open_store(db, read_only=True)
    if raw or not _stale(store):
        return store
    store.close()
    try:
        writer = open_store(db)
    except click.ClickException as e:
        if "locked" not in str(e.message):
            raise
        click.echo(f"note: new events in {db_path(db)} are not deduplicated yet ({e.message.split(':')[1].strip()} "
                   "holds the database); showing the last deduplicated state", err=True)
        store = open_store(db, read_only=True)
        if _stale(store) and not _has_dedup(store):
            store.close()
            raise click.ClickException("the deduplicated events have not been built yet: run `whimbrel dedup` "
                                       "when the other process is done, or use --raw")
        return store
    with writer:
        _fresh(writer, quiet=quiet)
    return open_store(db, read_only=True)


def _has_dedup(store) -> bool:
    rows = store.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'dedup_events'")
    return rows.fetchone()[0] > 0


def _level(raw: bool) -> str:
    return "raw" if raw else "dedup"


period_options = [
    click.option("--since", default=None, metavar="DATE", help="From DATE (YYYY-MM-DD, YYYY-MM or YYYY)."),
    click.option("--until", default=None, metavar="DATE", help="Up to DATE, inclusive (YYYY-MM means to month end)."),
    click.option("--raw", is_flag=True, help="Count every report (raw per-article events) instead of real events."),
]


def _period(fn):
    for opt in reversed(period_options):
        fn = opt(fn)
    return fn


@main.command("dedup")
@db_option
@click.option("--rebuild", is_flag=True, help="Regroup every event from scratch (default: only what changed).")
@click.option("--window", default=0, show_default=True, type=click.IntRange(min=0),
              help="Days of slack when matching report dates.")
@click.option("--threshold", default=0.3, show_default=True, type=click.FloatRange(0.05, 1.0),
              help="MinHash Jaccard threshold for near-duplicate articles (story clusters).")
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
@cli_errors
def dedup_cmd(db, rebuild, window, threshold, as_json):
    """Group near-duplicate articles into story clusters and count each real event once.

    Reports of one event (same date or overlapping dates, same source and target
    roots, same CAMEO code, compatible place) become one event with
    num_mentions, num_articles and num_sources. Raw events stay as they are.
    """
    from ..store import dedup

    with open_store(db) as store:
        st = dedup.refresh(store.con, window=window, threshold=threshold, rebuild=rebuild)
    if as_json:
        click.echo(json.dumps(st.as_dict()))
    else:
        click.echo(f"{st.raw_events} raw events -> {st.events} events (inflation {st.inflation:.2f}x); "
                   f"{st.multi_article} reported by more than one article; "
                   f"{st.clusters} story clusters hold {st.clustered_articles} articles")


@main.command("clusters")
@db_option
@click.option("--min-size", default=2, show_default=True, type=click.IntRange(min=1),
              help="Only clusters with at least this many articles.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1), help="At most this many clusters.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per cluster.")
@cli_errors
def clusters_cmd(db, min_size, limit, as_json):
    """List story clusters: wire copies and light rewrites of one article."""
    from ..store import clusters

    with open_reader(db, quiet=as_json) as store:
        found = clusters.list_clusters(store.con, min_size=min_size, limit=limit)
    for c in found:
        if as_json:
            click.echo(json.dumps(c, ensure_ascii=False))
            continue
        click.echo(f"{c['cluster_id']}  {c['n_articles']} articles, {c['n_sources']} sources  {c['title'] or ''}")
        for a in c["articles"]:
            click.echo(f"    {a['similarity']:.2f}  {a['article_id']}  {a['source'] or ''}  {a['published'] or ''}")
    if not found and not as_json:
        click.echo("no story clusters with that many articles")


@main.command("export")
@db_option
@click.option("--format", "fmt", required=True,
              type=click.Choice(["gdelt", "gdelt-mentions", "plover", "parquet", "csv"]),
              help="gdelt: 61-column GDELT 2.0 event table (TSV); gdelt-mentions: GDELT 2.0 mentions table "
                   "(one row per report); plover: PLOVER JSONL; parquet: dataset partitioned by year and month "
                   "(replaces an earlier export in that directory); csv.")
@click.option("--output", "-o", default="-", metavar="PATH",
              help="File to write (default stdout); a directory for parquet.")
@click.option("--raw", is_flag=True, help="One row per report (raw per-article events) instead of per real event.")
@click.option("--header", is_flag=True, help="gdelt: write the column names first (GDELT's files have none).")
@filter_options
@cli_errors
def export_cmd(db, fmt, output, raw, header, **kw):
    """Export events in the field's formats, with the same filters as `whimbrel events`."""
    from ..store import export

    flt = filter_from_options(**kw)
    with open_reader(db, raw=raw, quiet=True) as store:
        res = export.export(store.con, fmt, output, flt=flt, level=_level(raw), header=header)
    if output != "-":
        click.echo(f"{res.rows} events written to {res.path} ({fmt})", err=True)


@main.command("dyad")
@db_option
@click.argument("actor_a")
@click.argument("actor_b")
@_period
@click.option("--directed", is_flag=True, help="Only events from ACTOR_A to ACTOR_B.")
@click.option("--by", "freq", type=click.Choice(["day", "week", "month"]), default="month", show_default=True,
              help="Period of each point of the series.")
@click.option("--png", default=None, metavar="FILE", help="Also plot to a PNG file (needs whimbrel[plot]).")
@click.option("--csv", "csv_path", default=None, metavar="FILE", help="Also write the series as CSV.")
@click.option("--parquet", "parquet_path", default=None, metavar="FILE", help="Also write the series as Parquet.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per period instead of the chart.")
@cli_errors
def dyad_cmd(db, actor_a, actor_b, since, until, raw, directed, freq, png, csv_path, parquet_path, as_json):
    """A dyad over time: events between two actors per quad class, mean and total Goldstein.

    ACTOR_A and ACTOR_B are CAMEO code prefixes (PRK, USA, USAGOV). Negated,
    hypothetical and planned events are not counted. By month (default) the
    terminal chart skips quiet spells of over a year; --by day or week gives
    every period.
    """
    from .. import relations, series

    with open_reader(db, raw=raw) as store:
        points = series.dyad_series(store.con, actor_a, actor_b, freq=freq, since=since, until=until,
                                    directed=directed, level=_level(raw))
        rows = relations.dyad(store.con, actor_a, actor_b, since=since, until=until, directed=directed,
                              level=_level(raw)) if freq == "month" and not as_json else []
    arrow = "->" if directed else "<->"
    if as_json:
        for p in points:
            click.echo(json.dumps(p.as_dict()))
    else:
        click.echo(f"{actor_a.upper()} {arrow} {actor_b.upper()}: {sum(p.events for p in points)} events")
        if freq == "month":
            click.echo(relations.dyad_chart(rows, colour=sys.stdout.isatty()))
        else:
            for p in points:
                click.echo(f"{p.period.isoformat()}  {p.events:4d}  VC {p.quad[0]:3d}  MC {p.quad[1]:3d}  "
                           f"VK {p.quad[2]:3d}  MK {p.quad[3]:3d}  Goldstein {p.goldstein_total:+7.1f}")
    _write_series(points, {f"{actor_a.upper()} {arrow} {actor_b.upper()}": points}, png, csv_path, parquet_path,
                  title=f"{actor_a.upper()} {arrow} {actor_b.upper()} by {freq}")


def _write_series(points, plotted, png, csv_path, parquet_path, *, title: str) -> None:
    from .. import series

    if csv_path:
        series.write_csv(points, csv_path)
        click.echo(f"series written to {csv_path}", err=True)
    if parquet_path:
        series.write_parquet(points, parquet_path)
        click.echo(f"series written to {parquet_path}", err=True)
    if png:
        series.png(plotted, png, title=title)
        click.echo(f"plot written to {png}", err=True)


@main.command("partners")
@db_option
@click.argument("actor")
@_period
@click.option("-n", "n", default=5, show_default=True, type=click.IntRange(min=1), help="How many partners.")
@click.option("--by", "freq", type=click.Choice(["day", "week", "month"]), default="month", show_default=True,
              help="Period of each point of the series.")
@click.option("--png", default=None, metavar="FILE", help="Plot the partners' series to a PNG file.")
@click.option("--csv", "csv_path", default=None, metavar="FILE", help="Write the series as CSV.")
@click.option("--parquet", "parquet_path", default=None, metavar="FILE", help="Write the series as Parquet.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per partner and period.")
@cli_errors
def partners_cmd(db, actor, since, until, raw, n, freq, png, csv_path, parquet_path, as_json):
    """An actor's most frequent partners, each as a series of events per period (both directions)."""
    from .. import series

    with open_reader(db, raw=raw, quiet=as_json) as store:
        found = series.partner_series(store.con, actor, n=n, freq=freq, since=since, until=until,
                                      level=_level(raw))
    points = [p for pts in found.values() for p in pts]
    for partner, pts in found.items():
        if as_json:
            for p in pts:
                click.echo(json.dumps(p.as_dict()))
            continue
        total = sum(p.events for p in pts)
        gold = sum(p.goldstein_total for p in pts)
        click.echo(f"{actor.upper()} - {partner:<12} {total:5d} events  Goldstein {gold:+8.1f}  "
                   f"{pts[0].period.isoformat()} .. {pts[-1].period.isoformat()}")
    if not found and not as_json:
        click.echo("no events with this actor in this period")
    _write_series(points, found, png, csv_path, parquet_path, title=f"{actor.upper()}: top partners by {freq}")


@main.command("network")
@db_option
@_period
@click.option("--by", type=click.Choice(["root", "code"]), default="root", show_default=True,
              help="Nodes are actor roots (countries, IGOs) or full actor codes.")
@click.option("--min-events", default=1, show_default=True, type=click.IntRange(min=1),
              help="Drop edges with fewer events.")
@click.option("--json", "json_path", default=None, metavar="FILE", help="Write the graph and blocs as JSON ('-' for stdout).")
@click.option("--graphml", default=None, metavar="FILE", help="Write the graph as GraphML (bloc number on each node).")
@cli_errors
def network_cmd(db, since, until, raw, by, min_events, json_path, graphml):
    """The actor network over a period, edges weighted by cooperation minus conflict, and its blocs.

    A bloc is a community of actors that cooperate with each other and act
    against the same others.
    """
    from .. import relations

    with open_reader(db, raw=raw, quiet=json_path == "-") as store:
        g = relations.network(store.con, since=since, until=until, by=by, level=_level(raw),
                              min_events=min_events)
    found = relations.blocs(g)
    if json_path:
        data = json.dumps(relations.network_json(g, found), ensure_ascii=False, default=str)
        if json_path == "-":
            click.echo(data)
        else:
            with open(json_path, "w", encoding="utf-8") as f:
                f.write(data)
    if graphml:
        relations.write_graphml(g, graphml, found)
    if json_path == "-":
        return
    click.echo(f"{g.number_of_nodes()} actors, {g.number_of_edges()} directed relations")
    edges = sorted(g.edges(data=True), key=lambda e: (-abs(e[2]["weight"]), -e[2]["events"], e[0], e[1]))
    w = max((max(len(u), len(v)) for u, v, _ in edges[:15]), default=6)
    for u, v, d in edges[:15]:
        click.echo(f"  {u:>{w}} -> {v:<{w}} {d['weight']:+4d}  ({d['cooperation']} cooperation, "
                   f"{d['conflict']} conflict)")
    for i, b in enumerate(found, 1):
        against = ", ".join(f"{a} ({n})" for a, n in b.against) or "nobody in particular"
        click.echo(f"bloc {i}: {', '.join(b.members)}  cooperation {b.cooperation:+d}; against {against}")
    if not found:
        click.echo("no blocs (no group of actors cooperates with each other)")


@main.command("top")
@db_option
@_period
@click.option("--dyads", is_flag=True, help="Rank actor pairs instead of actors.")
@click.option("-n", "n", default=10, show_default=True, type=click.IntRange(min=1), help="How many.")
@click.option("--by", type=click.Choice(["root", "code"]), default="root", show_default=True,
              help="Actor roots (countries, IGOs) or full actor codes.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@cli_errors
def top_cmd(db, since, until, raw, dyads, n, by, as_json):
    """The most active actors (or dyads), with events per quad class."""
    from .. import relations

    with open_reader(db, raw=raw, quiet=as_json) as store:
        rows = relations.top(store.con, what="dyads" if dyads else "actors", n=n, since=since, until=until,
                             by=by, level=_level(raw))
    for r in rows:
        if as_json:
            click.echo(json.dumps(r))
        else:
            name = " - ".join(r["dyad"]) if dyads else r["actor"]
            click.echo(f"{name:<16} {r['events']:5d} events  VC {r['quad1']:4d}  MC {r['quad2']:4d}  "
                       f"VK {r['quad3']:4d}  MK {r['quad4']:4d}  Goldstein {r['goldstein_total']:+8.1f}")


@main.command("recode")
@db_option
@click.option("--force", is_flag=True, help="Re-code every article, even those coded by this version.")
@click.option("--limit", default=None, type=click.IntRange(min=1), help="Stop after this many articles.")
@click.option("--no-dedup", is_flag=True, help="Do not refresh the deduplicated events afterwards.")
@cli_errors
def recode_cmd(db, force, limit, no_dedup):
    """Re-run the coder over stored articles coded by another lexicon/KB version.

    One transaction per article: an interrupted re-code loses nothing, and
    running it again continues where it stopped.
    """
    from ..pipeline import Pipeline
    from ..settings import Settings
    from ..store.recode import recode

    with open_store(db) as store:
        pipe = Pipeline.load(Settings.from_env())
        st = recode(store, pipe, force=force, limit=limit, dedup=not no_dedup)
    click.echo(f"{st.recoded} of {st.todo} articles re-coded with {st.version} ({st.failed} failed); "
               f"events {st.events_before} -> {st.events_after}")
