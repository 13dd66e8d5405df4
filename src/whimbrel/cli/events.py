"""``whimbrel events``: query stored events.

Also the shared pieces other commands reuse: :func:`db_option`,
:func:`filter_options` / :func:`filter_from_options` (the same filter flags for
``events``, ``export`` and friends), :func:`open_store`, and the event table
and CSV formatters.
"""

from __future__ import annotations

import csv
import functools
import io
import sys

import click

from ..errors import WhimbrelError
from ..store.cells import csv_cell, json_line, safe
from ..store.query import EventFilter
from . import main

FILTER_KEYS = ("actor", "source", "target", "cameo", "plover", "since", "until", "article_id", "limit")


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
    ]
    for opt in reversed(opts):
        fn = opt(fn)
    return fn


def filter_from_options(**kw) -> EventFilter:
    """Build an :class:`EventFilter` from the keyword arguments click passed (others ignored)."""
    return EventFilter(**{k: kw.get(k) for k in FILTER_KEYS if kw.get(k) not in (None, "")})


def lock_holder(error: BaseException) -> str | None:
    """``"PID 1234 (python)"`` when ``error`` is DuckDB refusing a lock another process holds, else None."""
    import re

    text = str(error.__cause__ or error)
    if "lock" not in text.lower():
        return None
    m = re.search(r"held in (\S+) \(PID (\d+)\)", text)
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


# -- formatting ----------------------------------------------------------------------

CSV_COLUMNS = (
    "event_id", "article_id", "sentence_index", "date", "date_precision", "source_code",
    "source_name", "source_text", "target_code", "target_name", "target_text", "cameo",
    "cameo_root", "quad_class", "goldstein", "plover_event", "plover_mode", "plover_context",
    "location", "location_country", "lat", "lon", "negated", "future", "hypothetical",
    "reported_by", "trigger", "trigger_start", "trigger_end", "sentence", "confidence",
    "coder_version",
)


def flat_record(rec: dict) -> dict:
    """One event record flattened to the CSV columns."""
    src, tgt = rec.get("source") or {}, rec.get("target") or {}
    loc, mod = rec.get("location") or {}, rec.get("modality") or {}
    plover, ev = rec.get("plover") or {}, rec.get("evidence") or {}
    return {
        "event_id": rec.get("event_id"), "article_id": rec.get("article_id"),
        "sentence_index": rec.get("sentence_index"), "date": rec.get("date"),
        "date_precision": rec.get("date_precision"),
        "source_code": src.get("code"), "source_name": src.get("name"), "source_text": src.get("text"),
        "target_code": tgt.get("code"), "target_name": tgt.get("name"), "target_text": tgt.get("text"),
        "cameo": rec.get("cameo"), "cameo_root": rec.get("cameo_root"), "quad_class": rec.get("quad_class"),
        "goldstein": rec.get("goldstein"), "plover_event": plover.get("event"),
        "plover_mode": plover.get("mode"), "plover_context": ";".join(plover.get("context") or []),
        "location": loc.get("name"), "location_country": loc.get("country"),
        "lat": loc.get("lat"), "lon": loc.get("lon"),
        "negated": mod.get("negated"), "future": mod.get("future"), "hypothetical": mod.get("hypothetical"),
        "reported_by": mod.get("reported_by"), "trigger": ev.get("trigger"),
        "trigger_start": ev.get("trigger_start"), "trigger_end": ev.get("trigger_end"),
        "sentence": ev.get("sentence"), "confidence": rec.get("confidence"),
        "coder_version": rec.get("coder_version"),
    }


def csv_text(records: list[dict], *, header: bool = True) -> str:
    """CSV of event records; control characters escaped, cells that a spreadsheet would run as
    formulas neutralised (:func:`~whimbrel.store.cells.csv_cell`)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    if header:
        w.writeheader()
    for rec in records:
        w.writerow({k: csv_cell(v) for k, v in flat_record(rec).items()})
    return buf.getvalue()


def _cut(text, width: int) -> str:
    text = safe(text)
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _modal(rec: dict) -> str:
    mod = rec.get("modality") or {}
    flags = [k for k in ("negated", "future", "hypothetical") if mod.get(k)]
    return ",".join(flags)


TABLE_COLUMNS = (("date", 10), ("source", 10), ("cameo", 5), ("target", 10), ("plover", 12),
                 ("gold", 5), ("modal", 10), ("trigger", 18), ("article", 24))


def table_lines(records):
    """A plain fixed-width table of event records (one header line, one line per event), lazily."""
    yield "  ".join(name.upper().ljust(w) for name, w in TABLE_COLUMNS).rstrip()
    for rec in records:
        src, tgt = rec.get("source") or {}, rec.get("target") or {}
        gold = rec.get("goldstein")
        cells = {
            "date": rec.get("date") or "",
            "source": src.get("code") or "---",
            "cameo": rec.get("cameo") or "",
            "target": tgt.get("code") or "---",
            "plover": (rec.get("plover") or {}).get("event") or "",
            "gold": "" if gold is None else f"{gold:+.1f}",
            "modal": _modal(rec),
            "trigger": (rec.get("evidence") or {}).get("trigger") or "",
            "article": rec.get("article_id") or "",
        }
        yield "  ".join(_cut(cells[n], w).ljust(w) for n, w in TABLE_COLUMNS).rstrip()


def print_records(records, fmt: str) -> None:
    """Print records (any iterable: they are written as they come, not collected first)."""
    if fmt == "json":
        for rec in records:
            click.echo(json_line(rec))
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
        w.writeheader()
        for i, rec in enumerate(records):
            w.writerow(flat_record(rec))
            if i % 500 == 499:
                click.echo(buf.getvalue(), nl=False)
                buf.seek(0)
                buf.truncate()
        click.echo(buf.getvalue(), nl=False)
    else:
        for line in table_lines(records):
            click.echo(line)


@main.command("events")
@db_option
@filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True, help="table (readable), json (one event record per line) or csv.")
@cli_errors
def events_cmd(db: str | None, fmt: str, **kw) -> None:
    """List stored events, filtered by actor, code, PLOVER type and date.

    \b
    Examples:
      whimbrel events --actor PRK --cameo 04
      whimbrel events --source kim --since 2018-11 --until 2018-11 --format csv
    """
    from ..store.query import iter_events

    flt = filter_from_options(**kw)
    with open_store(db, read_only=True) as store:
        print_records(iter_events(store.con, flt), fmt)
