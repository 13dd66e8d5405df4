"""The library's front door: code a text, an Article or files into events; ingest into a store.

::

    import whimbrel
    events = whimbrel.code_text("Kim met Diaz-Canel in Pyongyang.", published="2018-11-05")
    for doc in whimbrel.api.code_paths(["news/"]):      # Document or Failure per input
        ...
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from dataclasses import replace

from .errors import WhimbrelError
from .model import Article, Document, Event, Failure
from .settings import Settings


@functools.lru_cache(maxsize=2)
def default_pipeline(settings: Settings | None = None):
    """The pipeline for ``settings`` (default: from the environment), built once per process."""
    from .pipeline import Pipeline

    return Pipeline.load(settings or Settings.from_env())


def _confident(events: list[Event], min_confidence: float | None) -> list[Event]:
    return [e for e in events if e.confidence >= min_confidence] if min_confidence else list(events)


def code_article(article: Article, *, pipeline=None, min_confidence: float | None = None) -> list[Event]:
    """Code one Article. Raises the document's error if it cannot be coded.

    ``min_confidence`` keeps only events whose confidence is at least that (0-1).
    """
    pipe = pipeline or default_pipeline()
    (result,) = list(pipe.pipe([article]))
    if isinstance(result, Failure):
        raise WhimbrelError(f"{result.stage}: {result.reason}", document=result.document)
    return _confident(result.events, min_confidence)


def code_text(
    text: str,
    *,
    published: str | dt.date | dt.datetime | None = None,
    title: str | None = None,
    id: str | None = None,
    pipeline=None,
    min_confidence: float | None = None,
) -> list[Event]:
    """Code a plain text (or a news page saved as text) into events.

    ``published`` and ``title`` are used when the text carries none (a saved
    news page with a ``PUBLISHED :`` line keeps its own); ``published`` defaults to
    ``WHIMBREL_PUBLISHED``. ``min_confidence`` keeps only events whose confidence is at
    least that (0-1; see docs/coder.md).
    """
    from .ingest import article_from_text

    pipe = pipeline or default_pipeline()
    article = article_from_text(text, id=id, published=default_published(published, pipe.settings), title=title)
    return code_article(article, pipeline=pipe, min_confidence=min_confidence)


def default_published(published=None, settings: Settings | None = None):
    """The publication date for documents that carry none: ``published`` if given, else
    ``WHIMBREL_PUBLISHED`` (``settings.published``), else None (they are read as of today
    and their events say ``date_source: "assumed-today"``). A bad value is an error."""
    from .ingest.dates import coerce_datetime

    if published is None and settings is not None:
        published, where = settings.published, "WHIMBREL_PUBLISHED"
    else:
        where = "--published"
    if published is None or published == "":
        return None
    if coerce_datetime(published) is None:
        raise WhimbrelError(f"{where}={published!r} is not a date; write it as YYYY-MM-DD[THH:MM]")
    return published


def undated_warning(n_undated: int, n_documents: int) -> str:
    """The one warning a command prints when documents had no publication date."""
    return (f"warning: {n_undated} of {n_documents} documents carry no publication date; people's roles and "
            f"relative dates were read as of today ({dt.date.today().isoformat()}) and their events say "
            f'date_source "assumed-today". Give --published DATE or set WHIMBREL_PUBLISHED.')


def read(paths: Iterable[str], *, published=None, settings: Settings | None = None) -> Iterator[Article | Failure]:
    """Read files, directories, globs, ``-`` or http(s) URLs into Articles (Failures for bad documents).
    Documents without a date get ``published`` (default: ``WHIMBREL_PUBLISHED``)."""
    from .fetch import is_url
    from .ingest import expand_paths, read_paths

    settings = settings or Settings.from_env()
    published = default_published(published, settings)
    paths = list(paths)
    expand_paths([p for p in paths if p != "-" and not is_url(p)])  # usage errors (missing paths) up front
    return read_paths(paths, max_bytes=settings.max_bytes, published=published)


def code_paths(paths: Iterable[str], *, published=None, pipeline=None,
               min_confidence: float | None = None) -> Iterator[Document | Failure]:
    """Read and code documents without storing them: a Document or a Failure per input, in order.

    ``min_confidence`` keeps only events whose confidence is at least that (0-1).
    """
    pipe = pipeline or default_pipeline()
    for item in pipe.pipe(read(paths, published=published, settings=pipe.settings)):
        if min_confidence and not isinstance(item, Failure):
            item.events = _confident(item.events, min_confidence)
        yield item


def ingest(paths: Iterable[str], *, db=None, jobs: int = 1, batch_size: int | None = None, published=None,
           settings: Settings | None = None, progress=None, min_confidence: float | None = None):
    """Read, code and store documents in a DuckDB file; returns an ``IngestResult`` with the counts.

    ``min_confidence``: events below it are not stored (it overrides ``settings.min_confidence``).
    """
    from .ingest.runner import ingest as run_ingest
    from .store import Store

    if jobs > 1:
        _check_not_in_worker()
    paths = list(paths)
    settings = settings or Settings.from_env()
    if min_confidence is not None:
        settings = replace(settings, min_confidence=min_confidence)
    published = default_published(published, settings)
    read(paths, settings=settings)  # usage errors before opening the database
    with Store(db) as store:
        return run_ingest(paths, store=store, settings=settings, jobs=jobs, batch_size=batch_size,
                          published=published, progress=progress)


def _check_not_in_worker() -> None:
    """Worker processes are started by "spawn": each imports the caller's script again. A script
    that calls ``ingest(..., jobs=2)`` at its top level would start workers from a worker; say
    what to do instead of failing deep inside multiprocessing."""
    import multiprocessing

    if multiprocessing.current_process().name != "MainProcess":  # set before a spawned child imports the script
        raise WhimbrelError(
            "ingest(..., jobs > 1) was called while a worker process imported your script; put the call "
            'under `if __name__ == "__main__":` (see the README, Python API)')
