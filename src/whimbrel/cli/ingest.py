"""``whimbrel ingest``: read, code and store documents in the DuckDB file."""

from __future__ import annotations

import time
from dataclasses import replace

import click

from . import dict_options, main, opinion_option
from .code import failure_line
from .events import cli_errors, db_option, min_confidence_option, open_store
from .output import echo_summary, summary_json_option
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


class _TaskProgress:
    """Progress of ``--engine dask`` on stderr: partitions done of all, articles/s; a live bar on a
    terminal (:class:`~whimbrel.cli.progress.Bar`), one line per partition otherwise."""

    def __init__(self):
        self.t0 = time.perf_counter()
        self.done = self.total = self.arts = self.events = self.failed = 0
        self.bar = None

    def start(self, result, n_tasks: int) -> None:
        from .progress import Bar

        self.total = n_tasks
        if result.dashboard:
            click.echo(f"dask dashboard: {result.dashboard}", err=True)
        if result.n_done_before:
            click.echo(f"{result.n_done_before} of {result.n_partitions} partitions already written (done markers), "
                       f"skipped", err=True)
        self.bar = Bar(n_tasks, unit="partitions", description="partitions")

    def __call__(self, stats: dict) -> None:
        from ..model import Failure

        self.done += 1
        self.arts += stats["n_articles"]
        self.events += stats["n_events"]
        self.failed += stats["n_failed"]
        rate = self.arts / max(time.perf_counter() - self.t0, 1e-9)
        line = f"{self.arts} articles, {self.events} events, {self.failed} failed ({rate:.1f} articles/s)"
        for f in stats.get("failures", ()):
            self.bar.print(failure_line(Failure(**f)))
        if self.bar.active:
            self.bar.advance(1, description=line)
        else:
            click.echo(f"partition {self.done}/{self.total} ({stats['partition']}): {line}", err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _ingest_dask(paths: list[str], *, out: str | None, db: str | None, scheduler: str | None, workers: int | None,
                 partition_size: int | None, settings, published, force: bool, as_json: bool = False,
                 output: str | None = None) -> None:
    from ..ingest.dask_engine import DEFAULT_PARTITION_SIZE, check_lost, run

    if not out:
        raise click.UsageError("--engine dask writes Parquet: give --out DIR (a folder or an fsspec URL), "
                               "then `whimbrel load DIR --db FILE`")
    if db:
        raise click.UsageError("--engine dask does not write --db; load its output with `whimbrel load DIR --db FILE`")
    if scheduler and workers:
        raise click.UsageError("give --scheduler (an existing cluster) or --workers (a local one), not both")
    progress = _TaskProgress()
    try:
        result = run(paths, out=out, settings=settings, published=published, scheduler=scheduler, workers=workers,
                     partition_size=partition_size or DEFAULT_PARTITION_SIZE, force=force,
                     on_start=progress.start, progress=progress)
    finally:
        progress.close()
    echo_summary(as_json, f"{result.summary()}; Parquet in {out}",
                 {"run_id": result.run_id, "partitions": result.n_partitions, "partitions_skipped": result.n_done_before,
                  "articles": result.n_articles, "events": result.n_events, "failed": result.n_failed,
                  "lost_partitions": list(result.lost), "out": out}, output)
    check_lost(result)


@main.command("ingest")
@click.argument("paths", nargs=-1, metavar="PATH...")
@db_option
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(min=1),
              help="Worker processes that code in parallel (each loads the model once); the parent writes.")
@click.option("--batch-size", default=None, type=click.IntRange(min=1),
              help="Documents per batch, committed in one transaction and parsed together (default: "
                   "spaCy parses $WHIMBREL_BATCH_SIZE or 32, a transaction holds 8 such batches "
                   "with one process, 1 with --jobs N).")
@click.option("--published", default=None, metavar="DATE",
              help="Publication date for documents that carry none (default $WHIMBREL_PUBLISHED; "
                   "else they are read as of today, with a warning).")
@click.option("--example", is_flag=True, help="Also ingest the bundled example article.")
@click.option("--force", is_flag=True, help="Re-code articles even if already stored with the same content.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine, into --db. dask: a Dask cluster, into Parquet under --out "
                   "(pip install 'whimbrel[dask]'; see docs/scale.md).")
@click.option("--out", default=None, metavar="DIR",
              help="With --engine dask: the output folder or fsspec URL (s3://..., gs://...).")
@click.option("--scheduler", default=None, metavar="ADDR",
              help="With --engine dask: an existing cluster's scheduler (tcp://HOST:8786).")
@click.option("--workers", default=None, type=click.IntRange(min=1),
              help="With --engine dask and no --scheduler: worker processes of a local cluster "
                   "(default: one per CPU; one thread each).")
@click.option("--partition-size", default=None, type=click.IntRange(min=1),
              help="With --engine dask: documents per partition, one task each (default 250).")
@min_confidence_option()
@opinion_option
@dict_options
@summary_json_option
@cli_errors
def ingest_cmd(paths: tuple[str, ...], db: str | None, jobs: int, batch_size: int | None, published: str | None,
               example: bool, force: bool, min_confidence: float | None, engine: str, out: str | None,
               scheduler: str | None, workers: int | None, partition_size: int | None, as_json: bool = False,
               output: str | None = None) -> None:
    """Code documents and store them (articles, events, failures) in the database.

    PATH is a file (text, HTML, JSONL, Parquet, .gz), a directory (read
    recursively), a glob, or - for standard input. Articles already stored with
    the same content are skipped, so re-running is safe and an interrupted
    ingest resumes where it stopped. Each batch is committed on its own.

    With --engine dask, partitions of the input are coded on a Dask cluster and
    written as Parquet under --out; a re-run codes only the partitions not yet
    written. Bring them into the database with `whimbrel load`.

    \b
    Examples:
      whimbrel ingest --example --db example.duckdb
      whimbrel ingest news/ 'archive/*.jsonl.gz' --jobs 4
      whimbrel ingest 'archive/*.jsonl.gz' --engine dask --workers 8 --out events/
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
    if engine == "dask":
        if jobs > 1:
            raise click.UsageError("--jobs is for the local engine; with --engine dask give --workers N")
        if batch_size:  # the workers' nlp.pipe batches
            settings = replace(settings, batch_size=batch_size)
        _ingest_dask(paths, out=out, db=db, scheduler=scheduler, workers=workers, partition_size=partition_size,
                     settings=settings, published=published, force=force, as_json=as_json, output=output)
        return
    if out or scheduler or workers or partition_size:
        raise click.UsageError("--out, --scheduler, --workers and --partition-size go with --engine dask")
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
    seconds = time.perf_counter() - progress.t0
    echo_summary(as_json, f"{result.summary()} in {seconds:.1f} s",
                 {"run_id": result.run_id, "documents": result.n_documents, "articles": result.n_articles,
                  "events": result.n_events, "failed": result.n_failed, "skipped": result.n_skipped,
                  "undated": n_undated, "seconds": round(seconds, 2)}, output)
    if result.n_failed and not result.n_articles and not result.n_skipped:
        raise click.ClickException(f"all {result.n_failed} documents failed; see the reasons above")
    if result.n_documents == 0:
        raise click.ClickException("no documents found in the given paths")


@main.command("load")
@click.argument("out", metavar="DIR")
@db_option
@click.option("--force", is_flag=True, help="Load every partition again, even those already loaded.")
@cli_errors
def load_cmd(out: str, db: str | None, force: bool) -> None:
    """Bring the Parquet output of `ingest --engine dask` into the database.

    DIR is the --out folder (or fsspec URL). Each written partition is loaded in
    one transaction, keyed like ingest (article id, event id, failed document),
    so loading again changes nothing; partitions already loaded are skipped.
    Run `whimbrel dedup` afterwards as after ingest.
    """
    from ..store.load import load

    store = open_store(db)
    try:
        result = load(out, store, force=force,
                      progress=lambda s: click.echo(f"loaded {s['partition']}: {s['n_articles']} articles, "
                                                    f"{s['n_events']} events", err=True))
    finally:
        store.close()
    click.echo(result.summary())
