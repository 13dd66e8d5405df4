"""Inputs cut into partitions, and a partition coded into Parquet files (the dask engine's work unit).

Nothing here imports dask: the client plans partitions (:func:`plan`), a worker
codes one (:func:`code_partition`) with the same readers, pipeline and row
builder as ``whimbrel ingest`` (:func:`whimbrel.ingest.read_path`,
:meth:`whimbrel.pipeline.Pipeline.pipe`, :func:`whimbrel.store.db.batch_rows`),
so a document gets the same id, events and failure either way.

A partition is one of:

* a span of lines of a JSONL file (``.jsonl``, ``.ndjson``, gzipped or not):
  the client counts lines once and records where each span starts, so a worker
  seeks there (an uncompressed file) or skips to it (a gzipped one);
* a run of row groups of a Parquet table of articles (:mod:`.parquet`);
* a group of whole files (text, HTML, ``.json``), ``size`` files each.

The worker reads its files itself: the scheduler only carries the partition's
description, never the text. Output, under ``OUT`` (a local path or an fsspec
URL)::

    OUT/articles/year=YYYY/month=M/part-KEY.parquet   by the article's publication date
    OUT/events/year=YYYY/month=M/part-KEY.parquet     by the event's date
    OUT/mentions/year=YYYY/month=M/part-KEY.parquet   each event's report in its article, by the event's date
    OUT/failures/part-KEY.parquet                     documents that could not be coded
    OUT/_done/KEY.json                                the partition's done marker, written last
    OUT/_started/KEY                                  while it is being coded (removed after the marker)

``KEY`` is a hash of the partition's description, so a partition coded again
(a re-run, or a task that dask retries after losing a worker) rewrites the same
files: nothing is duplicated. A partition whose marker exists is complete and
is not coded again; one without a marker is coded again, whole, after the files
of the attempt that died are removed. Undated rows go
to ``year=__HIVE_DEFAULT_PARTITION__`` (read as NULL).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass

from ..errors import InputError
from ..model import Article, Document, Failure
from . import Span, read_path
from .sources import GZIP_MAGIC, JSONL_EXT, PARQUET_EXT, base_suffix, iter_paths, shown, sniff_format

UNDATED = "__HIVE_DEFAULT_PARTITION__"  # Hive's (and DuckDB's) name for a NULL partition value
TABLES = ("articles", "events", "mentions", "failures")
MENTION_COLUMNS = ("event_id", "article_id", "outlet", "url", "published", "sentence_index", "trigger_start",
                   "trigger_end", "in_lead", "confidence", "evidence")
MAX_REPORTED_FAILURES = 50  # failures sent back to the client per partition (all are written)


@dataclass(frozen=True)
class Partition:
    """What one task reads: whole files, or one span of one file; or a directory that cannot be listed."""

    paths: tuple[str, ...] = ()
    span: Span | None = None
    documents: int = 0  # how many documents it holds (lines, rows or files): for progress
    error: tuple[str, str] | None = None  # (document, reason) of an input that cannot be listed

    @property
    def key(self) -> str:
        desc = [list(self.paths), asdict(self.span) if self.span else None, self.error]
        return hashlib.sha1(json.dumps(desc, ensure_ascii=False).encode("utf-8", "surrogateescape")).hexdigest()[:16]

    def describe(self) -> str:
        if self.error:
            return self.error[0]
        if self.span is not None:
            end = "end" if self.span.last is None else self.span.last - 1
            unit = "row groups" if base_suffix(self.paths[0]) in PARQUET_EXT else "lines"
            return f"{shown(self.paths[0])} {unit} {self.span.first}-{end}"
        if len(self.paths) == 1:
            return shown(self.paths[0])
        return f"{shown(self.paths[0])} and {len(self.paths) - 1} more files"


# -- planning (client side) -------------------------------------------------------------
def _is_jsonl(path: str) -> bool:
    suffix = base_suffix(path)
    if suffix in JSONL_EXT:
        return True
    if suffix:
        return False
    try:  # no suffix: the readers sniff the first bytes; so do we
        with open(path, "rb") as fh:
            head = fh.read(512)
        if head[:2] == GZIP_MAGIC:
            import gzip

            with gzip.open(path, "rb") as fh:
                head = fh.read(512)
        return sniff_format(path, head) == "jsonl"
    except (OSError, EOFError):
        return False


def _line_spans(path: str, size: int) -> list[tuple[Span, int]]:
    """Spans of ``size`` lines of a JSONL file (with byte offsets when uncompressed), and their line counts.

    One pass over the file (a gzipped one is decompressed, and its spans are
    reached by skipping). A file that cannot be read to the end is cut where
    reading stopped: its last span runs to the end, where the reader records
    the problem as local ingest does.
    """
    import gzip
    import zlib

    starts = [(1, 0)]  # (first line, byte offset of it)
    line, pos = 1, 0  # the line being read, bytes read
    compressed, tail = False, True
    try:
        with open(path, "rb") as raw:
            compressed = raw.read(2) == GZIP_MAGIC
            raw.seek(0)
            fh = gzip.GzipFile(fileobj=raw) if compressed else raw
            while chunk := fh.read(1 << 22):
                find, i = chunk.find, 0
                while (j := find(b"\n", i)) >= 0:
                    i = j + 1
                    line += 1
                    if (line - 1) % size == 0:
                        starts.append((line, pos + i))
                pos += len(chunk)
                tail = chunk.endswith(b"\n")
    except (OSError, EOFError, zlib.error):
        pass
    if len(starts) > 1 and starts[-1][1] == pos:  # the file ends on a span's first line: nothing is on it
        starts.pop()
    end = line if pos and not tail else line - 1  # the last line (an unterminated one counts)
    out = []
    for i, (first, offset) in enumerate(starts):
        last = starts[i + 1][0] if i + 1 < len(starts) else None
        count = (last if last is not None else end + 1) - first
        out.append((Span(first, last, None if compressed else offset or None), count))
    return out


def _group_spans(path: str, size: int) -> list[tuple[Span, int]]:
    """Runs of row groups of a Parquet table holding about ``size`` rows each."""
    from .parquet import row_groups

    try:
        sizes = row_groups(path)
    except Exception:
        return [(None, 1)]  # the reader records why it cannot be read
    out, first, rows = [], 0, 0
    for i, n in enumerate(sizes):
        rows += n
        if rows >= size:
            out.append((Span(first, i + 1), rows))
            first, rows = i + 1, 0
    if rows or not out:
        out.append((Span(first, len(sizes)), rows))
    return out


def plan(paths: Iterable[str], size: int) -> list[Partition]:
    """The partitions of ``paths`` (files, directories, globs), about ``size`` documents each, in input order.

    Raises :class:`~whimbrel.errors.UsageError` for a path that does not exist.
    """
    parts: list[Partition] = []
    files: list[str] = []

    def flush():
        if files:
            parts.append(Partition(paths=tuple(files), documents=len(files)))
            files.clear()

    for path in iter_paths(paths):
        if isinstance(path, InputError):
            flush()
            parts.append(Partition(error=(path.document or "", path.message), documents=1))
        elif base_suffix(path) in PARQUET_EXT:
            flush()
            parts += [Partition(paths=(path,), span=span, documents=n) for span, n in _group_spans(path, size)]
        elif _is_jsonl(path):
            flush()
            spans = _line_spans(path, size)
            if len(spans) == 1:
                parts.append(Partition(paths=(path,), documents=spans[0][1]))
            else:
                parts += [Partition(paths=(path,), span=span, documents=n) for span, n in spans]
        else:
            files.append(path)
            if len(files) >= size:
                flush()
    flush()
    return parts


def read_partition(part: Partition, *, max_bytes: int, published, max_input_bytes: int) -> Iterator[Article | Failure]:
    """The documents of a partition, read as :func:`whimbrel.ingest.read_paths` reads them."""
    if part.error:
        document, reason = part.error
        yield Failure(document, "read", "unreadable", reason, document)
        return
    for path in part.paths:
        yield from read_path(path, max_bytes=max_bytes, published=published, max_input_bytes=max_input_bytes,
                             span=part.span)


# -- the pipeline, once per worker process -----------------------------------------------
_PIPELINES: dict[str, object] = {}
_LOADS = {"n": 0, "seconds": 0.0}
_LOCK = threading.Lock()


def cached_pipeline(settings):
    """The pipeline for ``settings``, loaded once per process and kept (a dask worker's tasks share it)."""
    key = repr(settings)
    with _LOCK:
        pipeline = _PIPELINES.get(key)
        if pipeline is None:
            from ..pipeline import Pipeline

            t0 = time.perf_counter()
            pipeline = _PIPELINES[key] = Pipeline.load(settings)
            _LOADS["n"] += 1
            _LOADS["seconds"] += time.perf_counter() - t0
    return pipeline


# -- writing (worker side) --------------------------------------------------------------
def _month(value) -> tuple[str, str]:
    if value is None:
        return UNDATED, UNDATED
    return str(value.year), str(value.month)


def mention_rows(docs: Iterable[Document]) -> list[tuple]:
    """Each event's report in its article (the per-article half of ``event_mentions``: what
    deduplication adds, dedup_id, block_key and anchor_id, is left to ``whimbrel dedup``)."""
    from ..store.clusters import outlet
    from ..store.db import _naive
    from ..store.dedup import _lead_check

    rows = []
    for d in docs:
        a = d.article
        in_lead = _lead_check(json.dumps([[p.start, p.end, p.kind] for p in a.paragraphs]))
        where = outlet(a.source, a.url, a.id)
        for e in {e.event_id: e for e in d.events}.values():
            ev = e.evidence
            rows.append((e.event_id, e.article_id, where, a.url, _naive(a.published), e.sentence_index,
                         ev.trigger_start, ev.trigger_end, in_lead(ev.trigger_start), e.confidence, ev.sentence))
    return rows


def _mention_types() -> dict:
    import pyarrow as pa

    s, i = pa.string(), pa.int32()
    return dict(zip(MENTION_COLUMNS, (s, s, s, s, pa.timestamp("us"), i, i, i, pa.bool_(), pa.float64(), s)))


def _split(rows: list[tuple], at: int) -> dict[tuple[str, str], list[tuple]]:
    out: dict[tuple[str, str], list[tuple]] = {}
    for row in rows:
        out.setdefault(_month(row[at]), []).append(row)
    return out


class Output:
    """The output folder (a local path or an fsspec URL)."""

    def __init__(self, url: str):
        try:
            from fsspec.core import url_to_fs
        except ImportError:
            from ..errors import UsageError

            raise UsageError("Parquet output needs fsspec: pip install 'whimbrel[dask]'") from None

        self.url = url
        self.fs, self.root = url_to_fs(url)
        self.local = "file" in (self.fs.protocol if isinstance(self.fs.protocol, tuple) else (self.fs.protocol,))

    def path(self, rel: str) -> str:
        return f"{self.root.rstrip('/')}/{rel}"

    def done_keys(self) -> set[str]:
        """The partitions whose done marker exists."""
        try:
            names = self.fs.glob(self.path("_done/*.json"))
        except FileNotFoundError:
            return set()
        return {os.path.basename(n)[:-5] for n in names}

    def markers(self) -> list[dict]:
        """The done markers, oldest first."""
        out = []
        for name in sorted(self.fs.glob(self.path("_done/*.json"))):
            with self.fs.open(name, "rb") as fh:
                out.append(json.loads(fh.read()))
        return sorted(out, key=lambda m: (m.get("written", ""), m["key"]))

    def clear_attempt(self, key: str) -> None:
        """Before a partition is coded: if an earlier attempt started it (and died before its
        marker), remove that attempt's files, which may sit in other year/month folders (an
        undated document's events are dated the day they are coded). Then note this attempt."""
        started = self.path(f"_started/{key}")
        if self.fs.exists(started):
            for table in TABLES:
                for name in self.fs.glob(self.path(f"{table}/**/part-{key}.parquet")):
                    self.fs.rm(name)
        self.write_bytes(f"_started/{key}", b"")

    def write_bytes(self, rel: str, data: bytes) -> None:
        """Write a file whole: on a local disk through a temporary name and a rename (a reader never sees
        half a file); on an object store with one upload (which is atomic there)."""
        path = self.path(rel)
        self.fs.makedirs(os.path.dirname(path), exist_ok=True)
        if self.local:
            tmp = f"{path}.{os.getpid()}.tmp"
            with open(tmp, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        else:
            with self.fs.open(path, "wb") as fh:
                fh.write(data)

    def write_table(self, rel: str, table) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        sink = pa.BufferOutputStream()
        pq.write_table(table, sink, compression="zstd")
        self.write_bytes(rel, sink.getvalue().to_pybytes())


def code_partition(part: Partition, out: str, settings, run_id: str, published=None) -> dict:
    """Read, code and write one partition; return its counts (small: this goes back to the client).

    The pipeline is the process's (:func:`cached_pipeline`). If the partition's
    done marker exists it is not coded again.
    """
    from ..store.db import arrow_types, batch_rows, rows_table
    from .runner import slim

    output = Output(out)
    key = part.key
    stats = {"key": key, "partition": part.describe(), "documents": part.documents, "skipped": False,
             "n_articles": 0, "n_events": 0, "n_failed": 0, "failures": [], "pid": os.getpid()}
    marker = output.path(f"_done/{key}.json")
    if output.fs.exists(marker):  # written already (a task run again after its worker was lost)
        with output.fs.open(marker, "rb") as fh:
            done = json.loads(fh.read())
        return {**stats, "skipped": True, **{k: done[k] for k in ("n_articles", "n_events", "n_failed")}}
    output.clear_attempt(key)
    cpu0, thread0 = time.process_time(), time.thread_time()
    t0 = time.perf_counter()
    pipeline = cached_pipeline(settings)
    t1 = time.perf_counter()
    docs: list[Document] = []
    failures: list[Failure] = []
    items = read_partition(part, max_bytes=settings.max_bytes, published=published,
                           max_input_bytes=settings.max_input_bytes)
    for result in pipeline.pipe(items, batch_size=settings.batch_size):
        if isinstance(result, Failure):
            failures.append(result)
        else:
            docs.append(slim(result))
    t2 = time.perf_counter()
    rows = batch_rows(docs, failures, run_id)
    a_types, e_types, f_types = arrow_types()
    ev_date = list(e_types).index("date")
    files = []
    name = f"part-{key}.parquet"
    for table, types, these, at in (("events", e_types, rows.events, ev_date),
                                    ("mentions", _mention_types(), _with_dates(mention_rows(docs), rows.events, ev_date),
                                     len(MENTION_COLUMNS)),
                                    ("articles", a_types, rows.articles, list(a_types).index("published"))):
        for (year, month), part_rows in sorted(_split(these, at).items()):
            rel = f"{table}/year={year}/month={month}/{name}"
            cut = [r[:len(types)] for r in part_rows]
            output.write_table(rel, rows_table(cut, types))
            files.append(rel)
    if rows.failures:
        output.write_table(f"failures/{name}", rows_table(rows.failures, f_types))
        files.append(f"failures/{name}")
    t3 = time.perf_counter()
    counts = {"n_articles": len(docs), "n_events": sum(len({e.event_id for e in d.events}) for d in docs),
              "n_failed": len(failures)}  # as local ingest counts them
    marker = {
        "key": key, "run_id": run_id, "coder_version": pipeline.coder_version, "partition": part.describe(),
        "files": files, "cleared": rows.cleared, **counts, "written": dt.datetime.now(dt.timezone.utc).isoformat(),
    }
    output.write_bytes(f"_done/{key}.json", json.dumps(marker, ensure_ascii=False).encode("utf-8"))
    output.fs.rm(output.path(f"_started/{key}"))
    return {
        **stats, **counts, "failures": [asdict(f) for f in failures[:MAX_REPORTED_FAILURES]],
        "more_failures": max(0, len(failures) - MAX_REPORTED_FAILURES),
        "seconds": {"load": t1 - t0, "code": t2 - t1, "write": t3 - t2,
                    # CPU of the whole worker process and of this task's thread: the difference is
                    # what the worker's other threads (event loop, heartbeats, profiler) cost meanwhile
                    "process_cpu": time.process_time() - cpu0, "task_cpu": time.thread_time() - thread0},
        "loads": dict(_LOADS), "coder_version": pipeline.coder_version,
    }


def _with_dates(mentions: list[tuple], events: list[tuple], ev_date: int) -> list[tuple]:
    """Mention rows with their event's date appended (to partition them as the events are)."""
    date = {e[0]: e[ev_date] for e in events}
    return [(*m, date.get(m[0])) for m in mentions]


__all__ = ["MENTION_COLUMNS", "Output", "Partition", "TABLES", "cached_pipeline", "code_partition", "plan",
           "read_partition"]
