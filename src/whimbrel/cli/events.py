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
import json
import sys

import click

from ..errors import WhimbrelError
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


# -- output that is safe to print and to open in a spreadsheet ----------------------------

def _escape_table(keep: str) -> dict[int, str]:
    # C0 and C1 control characters (ESC starts terminal escape sequences), DEL, and the
    # bidirectional overrides that reorder what a terminal shows
    codes = [*range(0x20), 0x7F, *range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
    return {c: f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}" for c in codes if chr(c) not in keep}


_UNSAFE_LINE = _escape_table("")
_UNSAFE_TEXT = _escape_table("\n")


def safe(text, *, newlines: bool = False) -> str:
    """``text`` with control characters shown as escapes (``\\x1b``), so that ids, titles and file
    names from the input cannot move the cursor, retitle the terminal or hide text.
    ``newlines=True`` keeps line breaks (for article text)."""
    text = "" if text is None else str(text)
    return text.translate(_UNSAFE_TEXT if newlines else _UNSAFE_LINE)


_SAME_LENGTH = {c: "\ufffd" for c in _UNSAFE_TEXT}


def safe_text(text: str) -> str:
    """Article text to print with offsets kept: each control character (line breaks aside)
    becomes one U+FFFD, so highlight offsets still point at the right words."""
    return text.translate(_SAME_LENGTH)


def json_line(rec) -> str:
    """A JSON record on one line, with C1 controls and bidi overrides escaped too
    (``json.dumps`` escapes only C0 when it keeps non-ASCII characters)."""
    return json.dumps(rec, ensure_ascii=False).translate(_JSON_EXTRA)


_JSON_EXTRA = {c: f"\\u{c:04x}" for c in [0x7F, *range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]}

def open_store(db: str | None, *, read_only: bool = False):
    """Open the store, turning library errors into click errors."""
    from ..store import Store

    try:
        return Store(db, read_only=read_only)
    except WhimbrelError as e:
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
    """CSV of event records; cells that a spreadsheet would run as formulas are neutralised."""
    from ..store.export import spreadsheet_safe

    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    if header:
        w.writeheader()
    for rec in records:
        w.writerow({k: spreadsheet_safe(v) for k, v in flat_record(rec).items()})
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


def table_lines(records: list[dict]) -> list[str]:
    """A plain fixed-width table of event records (one header line, one line per event)."""
    head = "  ".join(name.upper().ljust(w) for name, w in TABLE_COLUMNS).rstrip()
    lines = [head]
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
        lines.append("  ".join(_cut(cells[n], w).ljust(w) for n, w in TABLE_COLUMNS).rstrip())
    return lines


def print_records(records: list[dict], fmt: str) -> None:
    if fmt == "json":
        for rec in records:
            click.echo(json_line(rec))
    elif fmt == "csv":
        click.echo(csv_text(records), nl=False)
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
    flt = filter_from_options(**kw)
    with open_store(db, read_only=True) as store:
        records = store.events(flt)
    print_records(records, fmt)
