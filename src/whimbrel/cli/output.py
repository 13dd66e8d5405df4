"""One output convention for every command that prints records or results.

* default: a table (or text) for people;
* ``--json``: JSON, one object per line for a list of records (JSON Lines), one
  object for a single result (a report, a graph, statistics);
* ``--csv``: CSV with a header row (commands that list records);
* ``-o FILE`` / ``--output FILE``: write to FILE instead of standard output
  (``-`` is standard output). With neither ``--json`` nor ``--csv``, a FILE
  ending in ``.json``/``.jsonl``/``.ndjson`` gets JSON and one ending in
  ``.csv`` gets CSV; any other gets the table. A line on stderr says how many
  records went where.

Old spellings still work, hidden from the help, and print a one-line note on
stderr: ``--format table|json|csv`` (``events``), ``--json FILE`` (``network``)
and ``--csv FILE`` (``dyad``, ``partners``). :class:`OutputCommand` rewrites
them before click parses the command line.

Cells are made safe on the way out (:mod:`whimbrel.store.cells`): control
characters escaped, spreadsheet formulas neutralised. The event-record
formatters shared by ``events``, ``code`` and ``show`` (the table and the CSV
columns) live here too.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

import click

from ..store.cells import csv_cell, json_line, safe

FORMATS = ("table", "json", "csv")
SUFFIX_FORMATS = {".json": "json", ".jsonl": "json", ".ndjson": "json", ".csv": "csv"}


def deprecated(old: str, new: str) -> None:
    """The one-line note an old spelling prints on stderr."""
    click.echo(f"note: {old} is deprecated; use {new}", err=True)


# -- the options ------------------------------------------------------------------------

class OutputCommand(click.Command):
    """A command that follows the output convention; rewrites the old spellings listed in
    ``legacy`` before parsing.

    ``legacy`` maps an old option to its kind: ``"format"`` (``--format json`` ->
    ``--json``) or ``"file"`` (``--json FILE`` -> ``--json -o FILE``; the token after
    the flag is taken as FILE when the command has no positional arguments, or when it
    looks like a file name: ``-``, or it holds a ``.`` or a ``/``).
    """

    def __init__(self, *args, legacy: dict[str, str] | None = None, **kw):
        super().__init__(*args, **kw)
        self.legacy = dict(legacy or {})

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, rewrite_legacy(args, self.legacy, positional=any(
            isinstance(p, click.Argument) for p in self.params)))


def _looks_like_file(token: str) -> bool:
    return token == "-" or "." in token or "/" in token


def rewrite_legacy(args: list[str], legacy: dict[str, str], *, positional: bool) -> list[str]:
    """``args`` with the old spellings of ``legacy`` turned into the convention's."""
    if not legacy:
        return list(args)
    out: list[str] = []
    i = 0
    while i < len(args):
        tok = args[i]
        if tok == "--":
            out.extend(args[i:])
            break
        name, eq, value = tok.partition("=")
        kind = legacy.get(name)
        if kind == "format":
            if not eq:
                if i + 1 >= len(args):
                    raise click.UsageError(f"{name} needs a value: table, json or csv")
                value = args[i + 1]
                i += 1
            fmt = value.strip().lower()
            if fmt not in FORMATS:
                raise click.UsageError(f"{name} {value!r}: use --json or --csv (or nothing for the table)")
            deprecated(f"{name} {fmt}", {"table": "no option (the table is the default)",
                                         "json": "--json", "csv": "--csv"}[fmt])
            if fmt != "table":
                out.append(f"--{fmt}")
        elif kind == "file" and (eq or (i + 1 < len(args) and (
                args[i + 1] == "-" or not args[i + 1].startswith("-"))
                and (not positional or _looks_like_file(args[i + 1])))):
            if not eq:
                value = args[i + 1]
                i += 1
            out.append(name)
            if value != "-":
                out += ["--output", value]
                deprecated(f"{name} FILE", f"{name} -o FILE")
            else:
                deprecated(f"{name} -", name)
        else:
            out.append(tok)
        i += 1
    return out


@dataclass(frozen=True)
class Output:
    """Where and how a command writes what it prints: ``fmt`` (table, json, csv) and ``path``
    (None: standard output)."""

    fmt: str = "table"
    path: str | None = None

    @property
    def to_file(self) -> bool:
        return self.path is not None

    @property
    def quiet(self) -> bool:
        """True when standard output carries data (JSON or CSV): side notes stay off it."""
        return self.fmt != "table" and not self.to_file

    @contextlib.contextmanager
    def open(self, *, flat: Callable[[dict], dict] | None = None, columns: Iterable[str] | None = None,
             noun: str = "records") -> Iterator["Sink"]:
        """A :class:`Sink` to write lines and records to; on a file, one line on stderr at the end."""
        if self.path is None:
            sink = Sink(self.fmt, click.echo, flat=flat, columns=tuple(columns) if columns else None)
            yield sink
            sink.finish()
            return
        with open(self.path, "w", encoding="utf-8", newline="") as fh:
            sink = Sink(self.fmt, lambda text: fh.write(text + "\n"), flat=flat,
                        columns=tuple(columns) if columns else None)
            yield sink
            sink.finish()
        what = f"{sink.count} {noun}" if sink.count or self.fmt != "table" else "output"
        click.echo(f"{what} written to {self.path} ({self.fmt})", err=True)

    def records(self, rows: Iterable[dict], *, table: Callable[[Iterable[dict]], Iterable[str]],
                flat: Callable[[dict], dict] | None = None, columns: Iterable[str] | None = None,
                noun: str = "records") -> int:
        """Write records (streamed as they come): the ``table`` lines, JSON Lines or CSV."""
        with self.open(flat=flat, columns=columns, noun=noun) as sink:
            if self.fmt == "table":
                counted = _Counted(rows)
                for line in table(counted):
                    sink.line(line)
                sink.count = counted.n
            else:
                for rec in rows:
                    sink.record(rec)
        return sink.count

    def document(self, obj, *, text: Callable[[], Iterable[str]], noun: str = "result") -> None:
        """Write one result: one JSON object, or the ``text`` lines."""
        with self.open(noun=noun) as sink:
            if self.fmt == "json":
                sink.line(json_line(obj))
                sink.count = 1
            else:
                for line in text():
                    sink.line(line)


class _Counted:
    def __init__(self, rows):
        self.rows, self.n = rows, 0

    def __iter__(self):
        for r in self.rows:
            self.n += 1
            yield r


@dataclass
class Sink:
    """Lines and records on their way out. CSV rows are buffered 500 at a time; the header
    is written once, before the first row (or alone, when there is none)."""

    fmt: str
    write: Callable[[str], None]
    flat: Callable[[dict], dict] | None = None
    columns: tuple[str, ...] | None = None
    count: int = 0
    _rows: list[dict] = field(default_factory=list)
    _header_done: bool = False

    def line(self, text: str) -> None:
        self.write(text)

    def record(self, rec: dict) -> None:
        self.count += 1
        if self.fmt == "json":
            self.write(json_line(rec))
            return
        if self.fmt == "csv":
            self._rows.append(self.flat(rec) if self.flat else rec)
            if len(self._rows) >= 500:
                self._flush()
            return
        raise ValueError("records go out as JSON or CSV; the table is written line by line")

    def _flush(self) -> None:
        if self.columns is None:
            if not self._rows:
                return
            self.columns = tuple(self._rows[0])
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=self.columns, lineterminator="\n", extrasaction="ignore")
        if not self._header_done:
            w.writeheader()
            self._header_done = True
        for row in self._rows:
            w.writerow({k: csv_cell(v) for k, v in row.items()})
        self._rows = []
        text = buf.getvalue()
        if text:
            self.write(text[:-1])

    def finish(self) -> None:
        if self.fmt == "csv":
            self._flush()


def output_options(fn=None, *, csv: bool = True):
    """Add ``--json``, ``--csv`` (unless ``csv=False``) and ``-o/--output FILE``; the command
    receives an :class:`Output` as ``out``."""

    def deco(f):
        @functools.wraps(f)
        def wrapper(*a, **kw):
            as_json, as_csv, path = kw.pop("as_json", False), kw.pop("as_csv", False), kw.pop("output", None)
            kw["out"] = make_output(as_json=as_json, as_csv=as_csv, path=path, csv_ok=csv)
            return f(*a, **kw)

        opts = [click.option("--json", "as_json", is_flag=True,
                             help="Print JSON (one object per line for a list of records)." if csv
                             else "Print the result as one JSON object.")]
        if csv:
            opts.append(click.option("--csv", "as_csv", is_flag=True, help="Print CSV with a header row."))
        opts.append(click.option("-o", "--output", "output", default=None, metavar="FILE",
                                 help="Write to FILE instead of standard output; without --json"
                                      + ("/--csv" if csv else "") + " the format follows its suffix "
                                      + "(.json, .jsonl" + (", .csv" if csv else "") + ")."))
        for opt in reversed(opts):
            wrapper = opt(wrapper)
        return wrapper

    return deco(fn) if fn is not None else deco


def summary_json_option(f):
    """``--json`` and ``-o/--output FILE`` for a command that stores rather than lists (ingest,
    recode, watch): its closing summary (one per round for ``watch``) becomes one JSON object
    per line, on standard output or appended to FILE (a ``.json``/``.jsonl`` FILE implies
    ``--json``); progress stays on stderr. The command receives ``as_json`` and ``output``."""
    f = click.option("-o", "--output", "output", default=None, metavar="FILE",
                     help="Append the summary to FILE instead of standard output (.json/.jsonl: as JSON).")(f)
    return click.option("--json", "as_json", is_flag=True,
                        help="Print the closing summary as one JSON object (progress stays on stderr).")(f)


def echo_summary(as_json: bool, line: str, data: dict, output: str | None = None) -> None:
    """Print a storing command's summary: the ``line`` for a person, or ``data`` as JSON;
    appended to ``output`` when given."""
    fmt = make_output(as_json=as_json, path=output, csv_ok=False).fmt
    text = json_line(data) if fmt == "json" else line
    if output in (None, "", "-"):
        click.echo(text)
        return
    with open(output, "a", encoding="utf-8") as fh:
        fh.write(text + "\n")


def make_output(*, as_json: bool = False, as_csv: bool = False, path: str | None = None,
                csv_ok: bool = True) -> Output:
    """The :class:`Output` the flags ask for (a usage error when they contradict each other)."""
    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    path = None if path in (None, "", "-") else path
    fmt = "json" if as_json else "csv" if as_csv else "table"
    if path and fmt == "table":
        import os.path

        fmt = SUFFIX_FORMATS.get(os.path.splitext(path)[1].lower(), "table")
        if fmt == "csv" and not csv_ok:
            fmt = "table"
    return Output(fmt, path)


# -- event records: the table and the CSV columns -----------------------------------------

CSV_COLUMNS = (
    "event_id", "article_id", "sentence_index", "date", "date_end", "date_precision", "source_code",
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
        "sentence_index": rec.get("sentence_index"), "date": rec.get("date"), "date_end": rec.get("date_end"),
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


def cut(text, width: int) -> str:
    """``text`` made safe and cut to ``width`` characters (an ellipsis marks the cut)."""
    text = safe(text)
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def modal(rec: dict) -> str:
    """The event's modality flags, comma-separated (negated, future, hypothetical)."""
    mod = rec.get("modality") or {}
    return ",".join(k for k in ("negated", "future", "hypothetical") if mod.get(k))


def _shown_day(day: str | None, precision: str | None) -> str:
    if not day:
        return ""
    if precision == "year":
        return day[:4]
    if precision == "month":
        return day[:7]
    return day[:10]


def date_range(rec: dict) -> str:
    """The event's date as precise as it is known, with its end when it spans days:
    ``2018-11-04``, ``2018-11``, ``2018-11-04..11-06``, ``2018-12-30..2019-01-02``."""
    prec = rec.get("date_precision")
    start = _shown_day(rec.get("date"), prec)
    end = _shown_day(rec.get("date_end"), prec)
    if not end or end == start:
        return start
    if len(start) == len(end) == 10 and start[:4] == end[:4]:
        return f"{start}..{end[5:]}"
    return f"{start}..{end}"


def place(rec: dict) -> str:
    """Where the event happened: the place's name, with its country code when it is not a
    country itself (``Pyongyang PRK``)."""
    loc = rec.get("location") or {}
    name, country = loc.get("name") or "", loc.get("country") or ""
    if name and country and loc.get("precision") != "country" and country.upper() not in name.upper():
        return f"{name} {country}"
    return name or country


TABLE_COLUMNS = (("date", 17), ("source", 10), ("cameo", 5), ("target", 10), ("plover", 12),
                 ("gold", 5), ("place", 16), ("modal", 8), ("trigger", 16), ("article", 24))


def table_lines(records: Iterable[dict]) -> Iterator[str]:
    """A plain fixed-width table of event records (one header line, one line per event), lazily."""
    yield "  ".join(name.upper().ljust(w) for name, w in TABLE_COLUMNS).rstrip()
    for rec in records:
        src, tgt = rec.get("source") or {}, rec.get("target") or {}
        gold = rec.get("goldstein")
        cells = {
            "date": date_range(rec),
            "source": src.get("code") or "---",
            "cameo": rec.get("cameo") or "",
            "target": tgt.get("code") or "---",
            "plover": (rec.get("plover") or {}).get("event") or "",
            "gold": "" if gold is None else f"{gold:+.1f}",
            "place": place(rec),
            "modal": modal(rec),
            "trigger": (rec.get("evidence") or {}).get("trigger") or "",
            "article": rec.get("article_id") or "",
        }
        yield "  ".join(cut(cells[n], w).ljust(w) for n, w in TABLE_COLUMNS).rstrip()


def event_records(out: Output, records: Iterable[dict]) -> int:
    """Event records in the convention: the table, JSON Lines or the CSV columns."""
    return out.records(records, table=table_lines, flat=flat_record, columns=CSV_COLUMNS, noun="events")
