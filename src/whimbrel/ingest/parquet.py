"""Parquet tables of articles: one row per article, with the JSONL fields as columns.

The columns are those of a JSONL record (:mod:`.jsonl`): ``id`` (or
``article_id``), ``text`` (or ``body``, ``content``, ``html``), ``title``,
``url``, ``source``, ``author`` and the date (``published``, ``date``, ...). A
date column may be a string or a Parquet timestamp/date (read as ISO text); other
columns are ignored. Each row is read as the record it would be in a JSONL file,
so an article gets the same id and hash from either form. A row's document name
is ``path:row`` (1-based), like ``path:line`` for JSONL.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator

from ..model import Article, Failure
from .jsonl import DATE_KEYS, _record

log = logging.getLogger(__name__)


def _plain(rec: dict) -> dict:
    """Parquet dates and timestamps as the ISO text a JSONL record would carry."""
    for key in DATE_KEYS:
        value = rec.get(key)
        if isinstance(value, (dt.datetime, dt.date)):
            rec[key] = value.isoformat()
    return rec


def row_groups(path: str) -> list[int]:
    """The number of rows in each row group of a Parquet file."""
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(path).metadata
    return [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]


def read_parquet(path: str, shown_path: str, *, max_bytes: int, published=None, span=None) -> Iterator[Article | Failure]:
    """The articles of a Parquet table (row groups ``span.first`` to ``span.last`` when given).

    Never raises for bad input: a file that is not Parquet, or cannot be read,
    is one Failure (stage ``read``); a bad row is a Failure for that row.
    """
    try:
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(path)
        sizes = [pf.metadata.row_group(i).num_rows for i in range(pf.metadata.num_row_groups)]
    except OSError as e:
        yield Failure(shown_path, "read", "unreadable",
                      f"cannot read the Parquet file ({e}); check the path, or that it is a Parquet table", shown_path)
        return
    except Exception as e:  # pyarrow raises ArrowInvalid for a file that is not Parquet
        yield Failure(shown_path, "read", "corrupt_archive",
                      f"not a readable Parquet table ({type(e).__name__}: {e}); rewrite or re-download it",
                      shown_path)
        return
    first = span.first if span is not None else 0
    last = span.last if span is not None and span.last is not None else len(sizes)
    row = sum(sizes[:first])
    for group in range(first, last):
        try:
            records = pf.read_row_group(group).to_pylist()
        except Exception as e:
            yield Failure(f"{shown_path}#group{group}", "read", "corrupt_archive",
                          f"row group {group} cannot be read ({type(e).__name__}: {e}); its "
                          f"{sizes[group]} rows were skipped", shown_path)
            row += sizes[group]
            continue
        for rec in records:
            row += 1
            yield _record(_plain(rec), document=f"{shown_path}:{row}", path=shown_path, max_bytes=max_bytes,
                          published=published)
