"""``whimbrel events``: query stored events.

Also the shared pieces other commands reuse: :func:`db_option`,
:func:`filter_options` / :func:`filter_from_options` (the same filter flags for
``events``, ``export`` and friends) and :func:`open_store`. The event table and
CSV columns are in :mod:`whimbrel.cli.output`.
"""

from __future__ import annotations

import functools
import sys

import click

from ..errors import WhimbrelError
from ..store.cells import safe
from ..store.query import EventFilter
from . import main
from .output import Output, OutputCommand, event_records, output_options

FILTER_KEYS = ("actor", "source", "target", "cameo", "plover", "since", "until", "article_id", "limit", "min_confidence")


def db_option(fn):
    """``--db PATH`` (default ``$WHIMBREL_DB`` or ./whimbrel.duckdb)."""
    return click.option(
        "--db", "db", default=None, metavar="PATH",
        help="DuckDB file (default: $WHIMBREL_DB, else whimbrel.duckdb in the working directory).",
    )(fn)


def filter_options(fn):
    """Add the event filter flags; read them back with :func:`filter_from_options`."""
    opts = [
        click.option("--actor", default=None, help="Source or target: a CAMEO code prefix (PRK, USAGOV) or part of a name."),
        click.option("--source", default=None, help="Source actor: code prefix or part of a name."),
        click.option("--target", default=None, help="Target actor: code prefix or part of a name."),
        click.option("--cameo", default=None, metavar="PREFIX", help="CAMEO event code prefix (04 = consult, 043 = visit)."),
        click.option("--plover", default=None, metavar="TYPE", help="PLOVER event type (CONSULT, COERCE, ...)."),
        click.option("--since", default=None, metavar="DATE", help="Events on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)."),
        click.option("--until", default=None, metavar="DATE", help="Events on or before DATE (inclusive; YYYY-MM means to month end)."),
        click.option("--article", "article_id", default=None, metavar="ID", help="Only events of this article id."),
        click.option("--limit", default=None, type=click.IntRange(min=0), help="At most this many events."),
        min_confidence_option(),
    ]
    for opt in reversed(opts):
        fn = opt(fn)
    return fn


def min_confidence_option():
    """``--min-confidence X``: only events whose confidence is at least X (0-1)."""
    return click.option("--min-confidence", "min_confidence", default=None, type=click.FloatRange(0.0, 1.0),
                        metavar="X", help="Only events with confidence >= X (0-1; see docs/coder.md).")


def filter_from_options(**kw) -> EventFilter:
    """Build an :class:`EventFilter` from the keyword arguments click passed (others ignored)."""
    return EventFilter(**{k: kw.get(k) for k in FILTER_KEYS if kw.get(k) not in (None, "")})


def lock_holder(error: BaseException) -> str | None:
    """``"PID 1234 (python)"`` when ``error`` is DuckDB refusing a lock another process holds, else None."""
    import re

    text = str(error.__cause__ or error)
    if "lock" not in text.lower():
        return None
    m = re.search(r"(\S+) \(PID (\d+)\)", text)
    if m:
        return f"PID {m.group(2)} ({m.group(1).rsplit('/', 1)[-1]})"
    return "another process"


def open_store(db: str | None, *, read_only: bool = False):
    """Open the store, turning library errors into click errors (a held lock said plainly)."""
    from ..store import Store
    from ..store.db import db_path

    try:
        return Store(db, read_only=read_only)
    except WhimbrelError as e:
        holder = lock_holder(e)
        if holder is not None:
            what = "writing to" if read_only else "using"
            raise click.ClickException(
                f"{db_path(db)} is locked: {holder} is {what} it. DuckDB lets one process write a database "
                f"(and no one read it meanwhile); wait for that process to finish, then run this again."
            ) from e
        raise click.ClickException(str(e)) from e


def cli_errors(fn):
    """Turn named library errors, and database errors, into ``ClickException`` (exit code 1, one
    line on stderr, no traceback)."""

    @functools.wraps(fn)
    def wrapper(*a, **kw):
        try:
            return fn(*a, **kw)
        except WhimbrelError as e:
            raise click.ClickException(safe(str(e))) from e
        except Exception as e:
            duckdb = sys.modules.get("duckdb")
            if duckdb is None or not isinstance(e, duckdb.Error):
                raise
            from ..store.connect import explain
            from ..store.db import db_path

            raise click.ClickException(safe(explain(db_path(kw.get("db")), e))) from e

    return wrapper


@main.command("events", cls=OutputCommand, legacy={"--format": "format"})
@db_option
@filter_options
@output_options
@cli_errors
def events_cmd(db: str | None, out: Output, **kw) -> None:
    """List stored events by date, filtered by actor, code, PLOVER type, date and confidence.

    The table shows each event's date (its whole range when it spans days) and
    place; --json gives one event record per line, --csv one row per event.

    \b
    Examples:
      whimbrel events --actor PRK --cameo 04
      whimbrel events --source kim --since 2018-11 --until 2018-11 --csv -o kim.csv
    """
    from ..store.query import iter_events

    flt = filter_from_options(**kw)
    with open_store(db, read_only=True) as store:
        event_records(out, iter_events(store.con, flt))
