"""Event-database commands: dedup, clusters, export, dyad, network, top, recode.

Thin: each parses its options, calls the library (``whimbrel.store.dedup``,
``.clusters``, ``.export``, ``.recode`` and ``whimbrel.relations``) and prints.
Commands that read deduplicated events bring them up to date first when new
raw events are waiting (``whimbrel dedup`` does it explicitly).
"""

from __future__ import annotations

import sys
import time

import click

from . import main
from .events import cli_errors, db_option, filter_from_options, filter_options, min_confidence_option, open_store
from .output import Output, OutputCommand, echo_summary, output_options, summary_json_option


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
    min_confidence_option(),
]


def _period(fn):
    for opt in reversed(period_options):
        fn = opt(fn)
    return fn


@main.command("dedup", cls=OutputCommand)
@db_option
@click.option("--rebuild", is_flag=True, help="Regroup every event from scratch (default: only what changed).")
@click.option("--window", default=0, show_default=True, type=click.IntRange(min=0),
              help="Days of slack when matching report dates.")
@click.option("--threshold", default=0.3, show_default=True, type=click.FloatRange(0.05, 1.0),
              help="MinHash Jaccard threshold for near-duplicate articles (story clusters).")
@output_options(csv=False)
@cli_errors
def dedup_cmd(db, rebuild, window, threshold, out: Output):
    """Group near-duplicate articles into story clusters and count each real event once.

    Reports of one event (same date or overlapping dates, same source and target
    roots, same CAMEO code, compatible place) become one event with
    num_mentions, num_articles and num_sources. Raw events stay as they are.
    --json prints the statistics as one JSON object.
    """
    from ..store import dedup
    from .progress import spinner

    t0 = time.perf_counter()
    with open_store(db) as store, spinner("grouping articles and events"):
        st = dedup.refresh(store.con, window=window, threshold=threshold, rebuild=rebuild)
    out.document(st.as_dict(), text=lambda: [
        f"{st.raw_events} raw events -> {st.events} events (inflation {st.inflation:.2f}x); "
        f"{st.multi_article} reported by more than one article; "
        f"{st.clusters} story clusters hold {st.clustered_articles} articles "
        f"({time.perf_counter() - t0:.1f} s)"], noun="statistics")


CLUSTER_COLUMNS = ("cluster_id", "n_articles", "n_sources", "title", "article_id", "similarity", "source",
                   "published")


def _cluster_rows(c: dict) -> list[dict]:
    """A story cluster as CSV rows: one per member article, the cluster's columns repeated."""
    head = {k: c.get(k) for k in ("cluster_id", "n_articles", "n_sources", "title")}
    return [{**head, **{k: a.get(k) for k in ("article_id", "similarity", "source", "published")}}
            for a in c["articles"]]


def _cluster_lines(found):
    n = 0
    for c in found:
        n += 1
        yield f"{c['cluster_id']}  {c['n_articles']} articles, {c['n_sources']} sources  {c['title'] or ''}"
        for a in c["articles"]:
            yield f"    {a['similarity']:.2f}  {a['article_id']}  {a['source'] or ''}  {a['published'] or ''}"
    if not n:
        yield "no story clusters with that many articles"


@main.command("clusters", cls=OutputCommand)
@db_option
@click.option("--min-size", default=2, show_default=True, type=click.IntRange(min=1),
              help="Only clusters with at least this many articles.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1), help="At most this many clusters.")
@output_options
@cli_errors
def clusters_cmd(db, min_size, limit, out: Output):
    """List story clusters: wire copies and light rewrites of one article.

    --json gives one object per cluster (its articles inside), --csv one row
    per member article.
    """
    from ..store import clusters

    with open_reader(db, quiet=out.quiet) as store:
        found = clusters.list_clusters(store.con, min_size=min_size, limit=limit)
    if out.fmt == "csv":
        out.records((r for c in found for r in _cluster_rows(c)), table=_cluster_lines, columns=CLUSTER_COLUMNS,
                    noun="articles")
    else:
        out.records(found, table=_cluster_lines, noun="clusters")


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

    from .progress import Bar

    flt = filter_from_options(**kw)
    with open_reader(db, raw=raw, quiet=True) as store, Bar(unit="events", description="exporting") as bar:
        res = export.export(store.con, fmt, output, flt=flt, level=_level(raw), header=header,
                            progress=(lambda n: bar.update(n)) if output != "-" else None)
    if output != "-":
        click.echo(f"{res.rows} events written to {res.path} ({fmt}) in {bar.seconds():.1f} s", err=True)


def _actor(text: str, store, since, until):
    """An actor argument as code prefixes (:func:`whimbrel.actors.names.resolve`); a name's codes
    are said on stderr."""
    from ..actors.names import resolve
    from ..relations import _period

    lo, hi = _period(since, until)
    found = resolve(text, con=store.con, since=lo, until=hi)
    if found.how != "code":
        click.echo(f"actor {found.describe()}", err=True)
    return found


def _label(found) -> str:
    """``PRK`` for a code, ``Trump (USABUS|USAGOV|USAELI)`` for a name."""
    return found.text.upper() if found.how == "code" else f"{found.text} ({'|'.join(found.codes)})"


@main.command("dyad", cls=OutputCommand, legacy={"--csv": "file"})
@db_option
@click.argument("actor_a")
@click.argument("actor_b")
@_period
@click.option("--directed", is_flag=True, help="Only events from ACTOR_A to ACTOR_B.")
@click.option("--by", "freq", type=click.Choice(["day", "week", "month"]), default="month", show_default=True,
              help="Period of each point of the series.")
@click.option("--png", default=None, metavar="FILE", help="Also plot to a PNG file (needs whimbrel[plot]).")
@click.option("--parquet", "parquet_path", default=None, metavar="FILE", help="Also write the series as Parquet.")
@output_options
@cli_errors
def dyad_cmd(db, actor_a, actor_b, since, until, raw, min_confidence, directed, freq, png, parquet_path,
             out: Output):
    """A dyad over time: events between two actors per quad class, mean and total Goldstein.

    ACTOR_A and ACTOR_B are CAMEO code prefixes (PRK, USA, USAGOV) or names
    (Trump, "North Korea", Sharaa): a name is looked up in the actor knowledge
    base, then among the stored events' actors; the codes used are said on
    stderr, and an ambiguous name lists its candidates. Negated, hypothetical
    and planned events are not counted. The table is a chart by month (quiet
    spells of over a year skipped) or a line per day or week; --json and
    --csv give one row per period.

    \b
    Examples:
      whimbrel dyad PRK USA
      whimbrel dyad Trump Sharaa --since 2025 --by week --csv -o trump-sharaa.csv
    """
    from .. import relations, series

    level = _level(raw)
    with open_reader(db, raw=raw, quiet=out.quiet) as store:
        a, b = _actor(actor_a, store, since, until), _actor(actor_b, store, since, until)
        points = series.dyad_series(store.con, a.codes, b.codes, freq=freq, since=since, until=until,
                                    directed=directed, level=level, min_confidence=min_confidence)
        rows = relations.dyad(store.con, a.codes, b.codes, since=since, until=until, directed=directed,
                              level=level, min_confidence=min_confidence) \
            if freq == "month" and out.fmt == "table" else []
    arrow = "->" if directed else "<->"
    name = f"{_label(a)} {arrow} {_label(b)}"

    def table(_rows):
        yield f"{name}: {sum(p.events for p in points)} events"
        if freq == "month":
            yield relations.dyad_chart(rows, colour=sys.stdout.isatty() and not out.to_file)
        else:
            for p in points:
                yield (f"{p.period.isoformat()}  {p.events:4d}  VC {p.quad[0]:3d}  MC {p.quad[1]:3d}  "
                       f"VK {p.quad[2]:3d}  MK {p.quad[3]:3d}  Goldstein {p.goldstein_total:+7.1f}")

    out.records([p.as_dict() for p in points], table=table, columns=series.COLUMNS, noun="periods")
    _write_series(points, {name: points}, png, parquet_path, title=f"{name} by {freq}")


def _write_series(points, plotted, png, parquet_path, *, title: str) -> None:
    from .. import series

    if parquet_path:
        series.write_parquet(points, parquet_path)
        click.echo(f"series written to {parquet_path}", err=True)
    if png:
        series.png(plotted, png, title=title)
        click.echo(f"plot written to {png}", err=True)


@main.command("partners", cls=OutputCommand, legacy={"--csv": "file"})
@db_option
@click.argument("actor")
@_period
@click.option("-n", "n", default=5, show_default=True, type=click.IntRange(min=1), help="How many partners.")
@click.option("--by", "freq", type=click.Choice(["day", "week", "month"]), default="month", show_default=True,
              help="Period of each point of the series.")
@click.option("--png", default=None, metavar="FILE", help="Plot the partners' series to a PNG file.")
@click.option("--parquet", "parquet_path", default=None, metavar="FILE", help="Also write the series as Parquet.")
@output_options
@cli_errors
def partners_cmd(db, actor, since, until, raw, min_confidence, n, freq, png, parquet_path, out: Output):
    """An actor's most frequent partners, each as a series of events per period (both directions).

    ACTOR is a code prefix or a name, as for `whimbrel dyad`. The table has one
    line per partner; --json and --csv one row per partner and period.
    """
    from .. import series

    with open_reader(db, raw=raw, quiet=out.quiet) as store:
        who = _actor(actor, store, since, until)
        found = series.partner_series(store.con, who.codes, n=n, freq=freq, since=since, until=until,
                                      level=_level(raw), min_confidence=min_confidence)
    points = [p for pts in found.values() for p in pts]
    label = _label(who)

    def table(_rows):
        for partner, pts in found.items():
            total = sum(p.events for p in pts)
            gold = sum(p.goldstein_total for p in pts)
            yield (f"{label} - {partner:<12} {total:5d} events  Goldstein {gold:+8.1f}  "
                   f"{pts[0].period.isoformat()} .. {pts[-1].period.isoformat()}")
        if not found:
            yield "no events with this actor in this period"

    out.records([p.as_dict() for p in points], table=table, columns=series.COLUMNS, noun="periods")
    _write_series(points, found, png, parquet_path, title=f"{label}: top partners by {freq}")


EDGE_COLUMNS = ("source", "target", "events", "cooperation", "conflict", "weight", "goldstein", "source_bloc",
                "target_bloc")


@main.command("network", cls=OutputCommand, legacy={"--json": "file"})
@db_option
@_period
@click.option("--by", type=click.Choice(["root", "code"]), default="root", show_default=True,
              help="Nodes are actor roots (countries, IGOs) or full actor codes.")
@click.option("--min-events", default=1, show_default=True, type=click.IntRange(min=1),
              help="Drop edges with fewer events.")
@click.option("--graphml", default=None, metavar="FILE", help="Also write the graph as GraphML (bloc number on each node).")
@output_options
@cli_errors
def network_cmd(db, since, until, raw, min_confidence, by, min_events, graphml, out: Output):
    """The actor network over a period, edges weighted by cooperation minus conflict, and its blocs.

    A bloc is a community of actors that cooperate with each other and act
    against the same others. The table lists the strongest relations and the
    blocs; --json gives the whole graph and its blocs as one object, --csv one
    row per directed edge (with each end's bloc number, 0 for none).
    """
    from .. import relations

    with open_reader(db, raw=raw, quiet=out.quiet) as store:
        g = relations.network(store.con, since=since, until=until, by=by, level=_level(raw),
                              min_events=min_events, min_confidence=min_confidence)
    found = relations.blocs(g)
    if graphml:
        relations.write_graphml(g, graphml, found)
    if out.fmt == "csv":
        bloc_of = {m: i for i, b in enumerate(found, 1) for m in b.members}
        edges = ({"source": u, "target": v, **{k: d.get(k) for k in ("events", "cooperation", "conflict",
                                                                      "weight", "goldstein")},
                  "source_bloc": bloc_of.get(u, 0), "target_bloc": bloc_of.get(v, 0)}
                 for u, v, d in sorted(g.edges(data=True)))
        out.records(edges, table=lambda rows: (), columns=EDGE_COLUMNS, noun="edges")
        return

    def text():
        yield f"{g.number_of_nodes()} actors, {g.number_of_edges()} directed relations"
        edges = sorted(g.edges(data=True), key=lambda e: (-abs(e[2]["weight"]), -e[2]["events"], e[0], e[1]))
        w = max((max(len(u), len(v)) for u, v, _ in edges[:15]), default=6)
        for u, v, d in edges[:15]:
            yield f"  {u:>{w}} -> {v:<{w}} {d['weight']:+4d}  ({d['cooperation']} cooperation, {d['conflict']} conflict)"
        for i, b in enumerate(found, 1):
            against = ", ".join(f"{a} ({k})" for a, k in b.against) or "nobody in particular"
            yield f"bloc {i}: {', '.join(b.members)}  cooperation {b.cooperation:+d}; against {against}"
        if not found:
            yield "no blocs (no group of actors cooperates with each other)"

    out.document(relations.network_json(g, found), text=text, noun="graph")


TOP_COLUMNS = ("actor", "dyad", "events", "quad1", "quad2", "quad3", "quad4", "goldstein_total")


@main.command("top", cls=OutputCommand)
@db_option
@_period
@click.option("--dyads", is_flag=True, help="Rank actor pairs instead of actors.")
@click.option("-n", "n", default=10, show_default=True, type=click.IntRange(min=1), help="How many.")
@click.option("--by", type=click.Choice(["root", "code"]), default="root", show_default=True,
              help="Actor roots (countries, IGOs) or full actor codes.")
@output_options
@cli_errors
def top_cmd(db, since, until, raw, min_confidence, dyads, n, by, out: Output):
    """The most active actors (or dyads), with events per quad class.

    --json gives one object per actor or dyad, --csv one row each.
    """
    from .. import relations

    with open_reader(db, raw=raw, quiet=out.quiet) as store:
        rows = relations.top(store.con, what="dyads" if dyads else "actors", n=n, since=since, until=until,
                             by=by, level=_level(raw), min_confidence=min_confidence)

    def table(rows):
        for r in rows:
            name = " - ".join(r["dyad"]) if dyads else r["actor"]
            yield (f"{name:<16} {r['events']:5d} events  VC {r['quad1']:4d}  MC {r['quad2']:4d}  "
                   f"VK {r['quad3']:4d}  MK {r['quad4']:4d}  Goldstein {r['goldstein_total']:+8.1f}")

    def flat(r):
        return {**r, "dyad": "-".join(r["dyad"])} if dyads else r

    out.records(rows, table=table, flat=flat,
                columns=[c for c in TOP_COLUMNS if c != ("actor" if dyads else "dyad")], noun="rows")


@main.command("recode")
@db_option
@click.option("--force", is_flag=True, help="Re-code every article, even those coded by this version.")
@click.option("--limit", default=None, type=click.IntRange(min=1), help="Stop after this many articles.")
@click.option("--no-dedup", is_flag=True, help="Do not refresh the deduplicated events afterwards.")
@summary_json_option
@cli_errors
def recode_cmd(db, force, limit, no_dedup, as_json=False, output=None):
    """Re-run the coder over stored articles coded by another lexicon/KB version.

    One transaction per article: an interrupted re-code loses nothing, and
    running it again continues where it stopped.
    """
    from ..pipeline import Pipeline
    from ..settings import Settings
    from ..store.recode import recode
    from .progress import Bar

    t0 = time.perf_counter()
    with open_store(db) as store:
        pipe = Pipeline.load(Settings.from_env())
        bar = Bar(unit="articles", description="re-coding")  # the rate counts from here, the model loaded

        def progress(done: int, total: int) -> None:
            bar.update(done, total)
            if not bar.active and (done % RECODE_LINE_EVERY == 0 or done == total):
                click.echo(f"re-coded {done} of {total} articles ({bar.rate():.1f} articles/s)", err=True)

        try:
            st = recode(store, pipe, force=force, limit=limit, dedup=not no_dedup, progress=progress)
        finally:
            bar.close()
    seconds = time.perf_counter() - t0
    echo_summary(as_json, f"{st.recoded} of {st.todo} articles re-coded with {st.version} ({st.failed} failed); "
                          f"events {st.events_before} -> {st.events_after} in {seconds:.1f} s",
                 {**st.as_dict(), "seconds": round(seconds, 2)}, output)


#: re-code: one plain progress line per this many articles when stderr is not a terminal
RECODE_LINE_EVERY = 100
