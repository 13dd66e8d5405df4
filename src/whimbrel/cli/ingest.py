"""``whimbrel ingest``: read, code and store documents in the DuckDB file."""

from __future__ import annotations

import time

import click

from . import dict_options, main, opinion_option
from .code import failure_line
from .events import cli_errors, db_option, min_confidence_option, open_store
from .progress import live


def example_path() -> str:
    """The bundled example article (a news page saved as text)."""
    from importlib.resources import files

    return str(files("whimbrel") / "data" / "examples" / "scmp-2018-11-05-kim-diaz-canel.txt")


def estimate_documents(paths: list[str], *, max_scan: int = 200 * 1024 * 1024) -> int | None:
    """How many documents the paths hold, when cheap to know (else None): one per file,
    one per line of uncompressed JSONL files (up to ``max_scan`` bytes in all)."""
    import os

    from ..fetch import is_url
    from ..ingest.sources import JSON_EXT, JSONL_EXT, base_suffix, expand_paths

    total = sum(1 for p in paths if is_url(p))  # one article per link
    scanned = 0
    for path in expand_paths([p for p in paths if not is_url(p)]):
        if path == "-" or path.lower().endswith(".gz") and base_suffix(path) in JSONL_EXT | JSON_EXT:
            return None
        suffix = base_suffix(path)
        if suffix in JSON_EXT:
            return None
        if suffix in JSONL_EXT:
            scanned += os.path.getsize(path)
            if scanned > max_scan:
                return None
            with open(path, "rb") as fh:
                total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
        else:
            total += 1
    return total


class _Progress:
    """Progress of batches on stderr: a live bar with rate and ETA on a terminal
    (:class:`~whimbrel.cli.progress.Bar`), one plain line per batch otherwise."""

    def __init__(self, total: int | None = None):
        from .progress import Bar

        self.t0 = time.perf_counter()
        self.docs = self.arts = self.events = self.failed = self.skipped = 0
        self.bar = Bar(total, unit="docs", description="starting")
        self.live = self.bar.active

    def __call__(self, report) -> None:
        self.arts += report.n_articles
        self.events += report.n_events
        self.failed += report.n_failed
        self.skipped += report.n_skipped
        rate = self.arts / max(time.perf_counter() - self.t0, 1e-9)
        line = (f"batch {report.index + 1}: {self.arts} articles, {self.events} events, {self.failed} failed, "
                f"{self.skipped} skipped ({rate:.1f} articles/s)")
        for f in report.failures:
            self.bar.print(failure_line(f))
        if self.bar.active:
            done = report.n_articles + report.n_failed + report.n_skipped
            self.bar.advance(done, description=f"{self.arts} articles, {self.events} events, {self.failed} failed")
        else:
            click.echo(line, err=True)

    def summary(self) -> str:
        """What the batches reported so far (all of it stored)."""
        line = f"{self.arts} articles coded, {self.events} events, {self.failed} failed"
        return line + (f" ({self.skipped} already stored, skipped)" if self.skipped else "")

    def close(self) -> None:
        self.bar.close()


def _undated(store, run_id: str) -> int:
    """How many of the articles this run stored carry no publication date."""
    return store.con.execute("SELECT count(*) FROM articles WHERE run_id = ? AND published IS NULL",
                             [run_id]).fetchone()[0]


@main.command("ingest")
@click.argument("paths", nargs=-1, metavar="PATH...")
@db_option
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(min=1),
              help="Worker processes that code in parallel (each loads the model once); the parent writes.")
@click.option("--batch-size", default=None, type=click.IntRange(min=1),
              help="Documents per batch (one transaction each; default $WHIMBREL_BATCH_SIZE or 32).")
@click.option("--published", default=None, metavar="DATE",
              help="Publication date for documents that carry none (default $WHIMBREL_PUBLISHED; "
                   "else they are read as of today, with a warning).")
@click.option("--example", is_flag=True, help="Also ingest the bundled example article.")
@click.option("--force", is_flag=True, help="Re-code articles even if already stored with the same content.")
@min_confidence_option()
@opinion_option
@dict_options
@cli_errors
def ingest_cmd(paths: tuple[str, ...], db: str | None, jobs: int, batch_size: int | None, published: str | None,
               example: bool, force: bool, min_confidence: float | None) -> None:
    """Code documents and store them (articles, events, failures) in the database.

    PATH is a file (text, HTML, JSONL, .gz), a directory (read recursively), a
    glob, or - for standard input. Articles already stored with the same
    content are skipped, so re-running is safe and an interrupted ingest
    resumes where it stopped. Each batch is committed on its own.

    \b
    Examples:
      whimbrel ingest --example --db example.duckdb
      whimbrel ingest news/ 'archive/*.jsonl.gz' --jobs 4
    """
    from ..api import default_pipeline, default_published, read
    from ..ingest.runner import Interrupted, ingest, stop_on_signals
    from ..settings import Settings

    paths = list(paths)
    if example:
        paths.append(example_path())
    if not paths:
        raise click.UsageError("give at least one PATH (or --example)")
    settings = Settings.from_env(min_confidence=min_confidence)  # events below it are not stored
    published = default_published(published, settings)
    read(paths, settings=settings)  # missing paths are usage errors, before anything is opened
    pipeline = default_pipeline(settings) if jobs == 1 else None  # workers load their own
    progress = _Progress(estimate_documents(paths) if live() else None)
    store = open_store(db)
    try:
        with stop_on_signals():
            result = ingest(paths, store=store, settings=settings, jobs=jobs, batch_size=batch_size,
                            published=published, force=force, progress=progress, pipeline=pipeline,
                            command="ingest " + " ".join(paths))
        n_undated = _undated(store, result.run_id) if published is None else 0
    except Interrupted as e:
        progress.close()
        click.echo(f"interrupted by {e.name}: {progress.summary()}")
        click.echo("stopped cleanly: everything counted above is stored; run the same command again to "
                   "resume (stored articles are skipped)", err=True)
        raise SystemExit(128 + e.signum) from None
    finally:
        progress.close()
        store.close()
    if n_undated:
        from ..api import undated_warning

        click.echo(undated_warning(n_undated, result.n_articles), err=True)
    click.echo(f"{result.summary()} in {time.perf_counter() - progress.t0:.1f} s")
    if result.n_failed and not result.n_articles and not result.n_skipped:
        raise click.ClickException(f"all {result.n_failed} documents failed; see the reasons above")
    if result.n_documents == 0:
        raise click.ClickException("no documents found in the given paths")
