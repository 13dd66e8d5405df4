"""``whimbrel ingest --engine dask``: code partitions on a Dask cluster, write Parquet.

The client plans partitions (:func:`whimbrel.ingest.partitions.plan`), leaves
out those whose done marker exists, and submits one task per partition: the
task carries the partition's description (paths, a line or row-group span),
and the worker reads the files itself, codes them with the process's pipeline
and writes Parquet (:func:`~whimbrel.ingest.partitions.code_partition`). Only
counts come back. The pipeline is loaded once per worker process: a worker
plugin (:class:`PipelinePlugin`) loads it when the worker starts (or restarts),
into the process cache that tasks use.

Resuming: a worker killed mid-task loses only its partition in flight; dask
runs that task again on another worker (the same files are rewritten), and a
re-run of the command codes only the partitions without a done marker.

Requires ``pip install whimbrel[dask]``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..errors import UsageError, WhimbrelError

#: documents per partition (one task): big enough that per-task costs vanish, small enough to balance
DEFAULT_PARTITION_SIZE = 250


def require_dask():
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise UsageError("--engine dask needs Dask: pip install 'whimbrel[dask]' "
                         "(or pip install 'dask[distributed]')") from None
    return distributed


@dataclass
class DaskResult:
    run_id: str
    n_partitions: int = 0
    n_done_before: int = 0  # partitions skipped: their done marker existed
    n_articles: int = 0
    n_events: int = 0
    n_failed: int = 0
    lost: list[str] = field(default_factory=list)  # partitions whose task failed (re-run to resume)
    loads: dict = field(default_factory=dict)  # pid -> pipeline loads in that worker process
    seconds: dict = field(default_factory=dict)  # summed over partitions: load, code, write, process_cpu, task_cpu
    dashboard: str | None = None

    def summary(self) -> str:
        line = f"{self.n_articles} articles coded, {self.n_events} events, {self.n_failed} failed"
        if self.n_done_before:
            line += f" ({self.n_done_before} of {self.n_partitions} partitions already written, skipped)"
        return line


try:
    from distributed.diagnostics.plugin import WorkerPlugin as _WorkerPlugin
except ImportError:  # without dask this module only says how to install it
    _WorkerPlugin = object


class PipelinePlugin(_WorkerPlugin):
    """Loads the pipeline when a worker starts, into the process cache its tasks use."""

    idempotent = True
    name = "whimbrel-pipeline"

    def __init__(self, settings):
        self.settings = settings

    def setup(self, worker=None):
        from .partitions import cached_pipeline

        cached_pipeline(self.settings)

    def teardown(self, worker=None):
        pass


#: Dask settings for the workers of the LocalCluster that ``--workers`` starts (measured in
#: docs/scale.md). Each worker samples its running task's stack every 10 ms for the dashboard's
#: profile, and its servers wake every 20 ms to check their event loop: with spaCy's deep stacks
#: that cost the worker ~15% more CPU than its task used. For a cluster of your own
#: (--scheduler) set the same in its workers' configuration or environment, e.g.
#: DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False.
WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def _client(scheduler: str | None, workers: int | None, threads: int):
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    with dask.config.set(WORKER_CONFIG):  # the nannies pass it on to the worker processes
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=threads, processes=True,
                               dashboard_address=":0", silence_logs=40)
    return Client(cluster), cluster


def run(
    paths: Iterable[str],
    *,
    out: str,
    settings,
    published=None,
    scheduler: str | None = None,
    workers: int | None = None,
    threads: int = 1,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    force: bool = False,
    on_start: Callable[[DaskResult, int], None] | None = None,
    progress: Callable[[dict], None] | None = None,
    client=None,
) -> DaskResult:
    """Code ``paths`` on a Dask cluster into Parquet under ``out``; return the counts.

    ``scheduler`` is a cluster's address (``tcp://HOST:8786``); without it a
    LocalCluster of ``workers`` processes (default: one per CPU) with
    ``threads`` threads each is started and stopped. ``client`` uses an open
    :class:`distributed.Client` instead. ``force`` codes partitions again even
    if their done marker exists. ``on_start(result, n_tasks)`` is called once
    tasks are submitted, ``progress(stats)`` once per finished partition.
    """
    require_dask()
    from distributed import as_completed

    from ..fetch import is_url
    from .partitions import Output, code_partition, plan

    paths = list(paths)
    bad = [p for p in paths if p == "-" or is_url(p)]
    if bad:
        raise UsageError(f"--engine dask reads files that every worker can open, not {bad[0]!r}; "
                         f"save it to a file first, or use the local engine")
    parts = plan(paths, partition_size)  # missing paths are usage errors here, before a cluster starts
    output = Output(out)
    output.fs.makedirs(output.root, exist_ok=True)
    done = set() if force else output.done_keys()
    todo = [p for p in parts if p.key not in done]
    result = DaskResult(run_id=uuid.uuid4().hex[:16], n_partitions=len(parts), n_done_before=len(parts) - len(todo))
    if force and todo:
        for p in todo:  # a forced run re-codes: old markers go first, so a stop leaves them to do again
            marker = output.path(f"_done/{p.key}.json")
            if output.fs.exists(marker):
                output.fs.rm(marker)
    own = client is None
    cluster = None
    if own:
        client, cluster = _client(scheduler, workers, threads)
    try:
        result.dashboard = client.dashboard_link
        if not todo:
            if on_start:
                on_start(result, 0)
            return result
        client.register_plugin(PipelinePlugin(settings))
        futures = [client.submit(code_partition, p, out, settings, result.run_id, published,
                                 key=f"whimbrel-{result.run_id}-{p.key}", retries=1, pure=False) for p in todo]
        if on_start:
            on_start(result, len(futures))
        describe = {f.key: p.describe() for f, p in zip(futures, todo)}
        for fut in as_completed(futures):
            try:
                stats = fut.result()
            except Exception as e:  # KilledWorker (the task killed workers again and again), or a bug
                result.lost.append(f"{describe[fut.key]}: {type(e).__name__}: {e}")
                continue
            finally:
                fut.release()
            result.n_articles += stats["n_articles"]
            result.n_events += stats["n_events"]
            result.n_failed += stats["n_failed"]
            if "loads" in stats:
                result.loads[stats["pid"]] = stats["loads"]["n"]
                for k, v in stats["seconds"].items():
                    result.seconds[k] = result.seconds.get(k, 0.0) + v
            if progress:
                progress(stats)
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()
    return result


def check_lost(result: DaskResult) -> None:
    if result.lost:
        raise WhimbrelError(
            f"{len(result.lost)} partitions were not written (first: {result.lost[0]}); everything else is. "
            f"Run the same command again to code only those")


__all__ = ["DEFAULT_PARTITION_SIZE", "DaskResult", "PipelinePlugin", "check_lost", "require_dask", "run"]
