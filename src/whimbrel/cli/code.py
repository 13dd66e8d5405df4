"""``whimbrel code``: read and code documents, print their events; nothing is stored."""

from __future__ import annotations

import click

from ..model import Failure
from ..store.cells import safe
from . import dict_options, main, opinion_option
from .events import cli_errors, min_confidence_option
from .output import CSV_COLUMNS, Output, OutputCommand, flat_record, output_options, table_lines


def failure_line(f: Failure) -> str:
    """One failure, printable: the document, where it failed, and what to do."""
    return f"failed: {safe(f.document)} [{f.stage}/{f.code}]: {safe(f.reason)}"


def echo_failure(f: Failure) -> None:
    """One failure on stderr (see :func:`failure_line`)."""
    click.echo(failure_line(f), err=True)


@main.command("code", cls=OutputCommand)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@output_options
@click.option("--published", default=None, metavar="DATE",
              help="Publication date (ISO, e.g. 2018-11-05T20:04) for documents that carry none "
                   "(default $WHIMBREL_PUBLISHED; else they are read as of today, with a warning).")
@click.option("--batch-size", default=None, type=click.IntRange(min=1), help="Documents parsed per spaCy batch.")
@min_confidence_option()
@opinion_option
@dict_options
@cli_errors
def code_cmd(paths: tuple[str, ...], out: Output, published: str | None, batch_size: int | None,
             min_confidence: float | None) -> None:
    """Code documents and print their events, without storing anything.

    PATH is a file (text, HTML, JSONL, .gz), a directory (read recursively), a
    glob, or - for standard input. Bad documents are reported on stderr with
    the reason; the exit code is non-zero only if every document failed. The
    table is one block per document; --json gives one event record per line
    (the record of docs/DESIGN.md), --csv one row per event.

    \b
    Examples:
      whimbrel code article.txt
      whimbrel code --json news/ > events.jsonl
      whimbrel code news/ --csv -o events.csv
      whimbrel code --min-confidence 0.7 article.txt
      cat page.html | whimbrel code - --published 2019-03-14
    """
    from ..api import default_pipeline, read, undated_warning
    from ..ingest.dates import coerce_datetime

    if published and coerce_datetime(published) is None:
        raise click.BadParameter(f"{published!r} is not a date; write it as YYYY-MM-DD[THH:MM]", param_hint="--published")
    pipe = default_pipeline()
    n_docs = n_failed = n_undated = 0
    stream = pipe.pipe(read(paths, published=published, settings=pipe.settings), batch_size=batch_size)
    with out.open(flat=flat_record, columns=CSV_COLUMNS, noun="events") as sink:
        for item in stream:
            n_docs += 1
            if isinstance(item, Failure):
                n_failed += 1
                echo_failure(item)
                continue
            n_undated += item.article.published is None
            records = [e.as_dict() for e in item.events if not min_confidence or e.confidence >= min_confidence]
            if out.fmt != "table":
                for rec in records:
                    sink.record(rec)
                continue
            art = item.article
            when = art.published.isoformat(sep=" ", timespec="minutes") if art.published else "no date"
            sink.line(f"== {safe(art.id)}  {safe(art.title or art.origin or '')}  ({when}, {len(records)} events)")
            sink.count += len(records)
            if records:
                for line in table_lines(records):
                    sink.line(line)
            sink.line("")
    if n_undated:
        click.echo(undated_warning(n_undated, n_docs - n_failed), err=True)
    if n_docs == 0:
        raise click.ClickException("no documents found in the given paths")
    if n_failed == n_docs:
        raise click.ClickException(f"all {n_docs} documents failed; see the reasons above")
