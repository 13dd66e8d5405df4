"""``whimbrel show``: one stored article with its events, the evidence highlighted."""

from __future__ import annotations

import sys

import click

from ..store.cells import safe, safe_text
from . import main
from .events import cli_errors, db_option, min_confidence_option, open_store
from .output import (CSV_COLUMNS, Output, OutputCommand, date_range, flat_record, modal, output_options, place,
                     table_lines)

TRIGGER_STYLE = "bold black on yellow"
SOURCE_STYLE = "bold cyan underline"
TARGET_STYLE = "bold magenta underline"


def resolve_article_id(store, ref: str) -> str:
    """An article id from an id, a unique id prefix, or a file name/path it came from."""
    con = store.con
    if con.execute("SELECT 1 FROM articles WHERE article_id = ?", [ref]).fetchall():
        return ref
    rows = con.execute(
        "SELECT article_id FROM articles WHERE starts_with(article_id, ?) "
        "OR origin = ? OR ends_with(origin, '/' || ?) OR regexp_extract(origin, '([^/]+?)(\\.[^./]+)*$', 1) = ? "
        "ORDER BY article_id LIMIT 11",
        [ref, ref, ref, ref],
    ).fetchall()
    ids = [r[0] for r in rows]
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise click.ClickException(
            f"no stored article matches '{safe(ref)}'; list ids with `whimbrel events` (article column)"
        )
    raise click.ClickException(
        f"'{safe(ref)}' matches several articles ({', '.join(safe(i) for i in ids[:10])}); give more of the id")


def marks(records: list[dict]) -> list[tuple[int, int, str, str]]:
    """Non-overlapping highlight spans ``(start, end, kind, label)``: triggers, sources, targets."""
    spans = []
    for n, rec in enumerate(records, start=1):
        ev = rec.get("evidence") or {}
        if ev.get("trigger_start") is not None:
            spans.append((ev["trigger_start"], ev["trigger_end"], "trigger", f"E{n}"))
        for side in ("source", "target"):
            a = rec.get(side) or {}
            if a.get("start") is not None and a.get("end") is not None:
                spans.append((a["start"], a["end"], side, a.get("code") or "---"))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out, last = [], -1
    for s in spans:
        if s[0] >= last:
            out.append(s)
            last = s[1]
        elif out and out[-1][:2] == s[:2] and s[3] not in out[-1][3].split(","):
            out[-1] = (*out[-1][:3], out[-1][3] + "," + s[3])  # same words, several events
    return out


def plain_text(text: str, spans) -> str:
    """The text with ``[trigger]E1`` and ``{actor}CODE`` marks, for pipes and files."""
    parts, pos = [], 0
    for start, end, kind, label in spans:
        parts.append(text[pos:start])
        open_, close = ("[", "]") if kind == "trigger" else ("{", "}")
        parts.append(f"{open_}{text[start:end]}{close}{label}")
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _header(art) -> list[str]:
    """The article's metadata lines, control characters shown as escapes."""
    from ..dateline import metadata

    wire = metadata(art)
    lines = [safe(art.title or "(no title)"), f"id: {safe(art.id)}"]
    for label, value in (("section", art.section), ("published", art.published), ("updated", art.updated),
                         ("source", art.source), ("author", art.author), ("url", art.url),
                         ("dateline", wire["dateline_place"]), ("agency", wire["agency"]),
                         ("from", art.origin)):
        if value:
            lines.append(f"{label}: {safe(value)}")
    for r in art.related:
        lines.append(f"related (not coded): {safe(r)}")
    return lines


def article_json(art, records: list[dict]) -> dict:
    """``{"article": {...metadata and text}, "events": [records]}`` for ``show --json``."""
    from ..dateline import metadata

    def iso(v):
        return v.isoformat() if v is not None else None

    return {"article": {"article_id": art.id, "title": art.title, "section": art.section,
                        "published": iso(art.published), "updated": iso(art.updated), "source": art.source,
                        "author": art.author, "url": art.url, **metadata(art), "origin": art.origin,
                        "related": list(art.related), "text": art.text},
            "events": records}


def _plain_lines(art, records: list[dict], spans):
    yield from _header(art)
    yield ""
    yield plain_text(safe_text(art.text), [(a, b, k, safe(lab)) for a, b, k, lab in spans])
    yield ""
    yield f"{len(records)} events"
    yield from table_lines(records)
    for n, rec in enumerate(records, start=1):
        ev = rec.get("evidence") or {}
        yield f"E{n}: {safe(rec.get('cameo'))} {safe(ev.get('trigger'))!r}: {safe(ev.get('sentence'))}"


@main.command("show", cls=OutputCommand)
@click.argument("article_id")
@db_option
@min_confidence_option()
@click.option("--color/--no-color", default=None, help="Force highlighting on or off (default: on for a terminal).")
@output_options
@cli_errors
def show_cmd(article_id: str, db: str | None, min_confidence: float | None, color: bool | None,
             out: Output) -> None:
    """Print a stored article with its events, the evidence highlighted.

    ARTICLE_ID is an article id, a unique prefix of one, or the file name the
    article was read from. In plain output (not a terminal, or -o FILE)
    triggers are marked [like this]E1 and actors {like this}CODE. --json gives
    one object (the article and its event records), --csv the events' rows.
    """
    from ..store.query import EventFilter

    with open_store(db, read_only=True) as store:
        aid = resolve_article_id(store, article_id)
        art = store.article(aid)
        records = store.events(EventFilter(article_id=aid, min_confidence=min_confidence))
    if out.fmt == "csv":
        out.records(records, table=table_lines, flat=flat_record, columns=CSV_COLUMNS, noun="events")
        return
    if out.fmt == "json":
        out.document(article_json(art, records), text=lambda: (), noun="article")
        return
    spans = marks(records)
    use_color = (sys.stdout.isatty() if color is None else color) and not out.to_file
    if not use_color:
        out.document(None, text=lambda: _plain_lines(art, records, spans), noun="article")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(force_terminal=True) if color else Console()
    head = _header(art)
    console.print(Text(head[0], style="bold"))
    for line in head[1:]:
        console.print(Text(line, style="dim"))
    body = Text(safe_text(art.text))
    styles = {"trigger": TRIGGER_STYLE, "source": SOURCE_STYLE, "target": TARGET_STYLE}
    for start, end, kind, label in spans:
        body.stylize(styles[kind], start, end)
    console.print()
    console.print(body)
    console.print()
    table = Table(title=f"{len(records)} events", show_lines=False)
    for col in ("#", "date", "source", "cameo", "target", "plover", "goldstein", "place", "trigger", "modality"):
        table.add_column(col, no_wrap=col == "date")
    for n, rec in enumerate(records, start=1):
        table.add_row(*(safe(c) for c in (
            f"E{n}", date_range(rec), (rec.get("source") or {}).get("code") or "---", rec.get("cameo") or "",
            (rec.get("target") or {}).get("code") or "---", (rec.get("plover") or {}).get("event") or "",
            "" if rec.get("goldstein") is None else f"{rec['goldstein']:+.1f}", place(rec),
            (rec.get("evidence") or {}).get("trigger") or "", modal(rec),
        )))
    console.print(table)
