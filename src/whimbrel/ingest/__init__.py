"""Ingest: one reader per format, each producing Article records (or Failures).

Entry points:

* :func:`read_paths` - files, directories (recursive), globs, ``-`` (stdin) and http(s) URLs,
  gzip or not, in any supported format; yields an ``Article`` or a ``Failure``
  per document and never raises for a bad document.
* :func:`read_path` - the same for one file.
* :func:`article_from_text` - a string (a news page saved as text, or plain text).

Formats: news pages saved as text (:mod:`.newstext`), HTML (:mod:`.html`, via
trafilatura), JSONL / JSON records (:mod:`.jsonl`), Parquet tables of such records
(:mod:`.parquet`, by the ``.parquet`` suffix). The format comes from the
file suffix (``.jsonl``, ``.ndjson``, ``.json``, ``.html``, ``.htm``, ``.txt``;
a final ``.gz`` is ignored), else from the first bytes.
"""

from __future__ import annotations

import gzip
import logging
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..errors import CorruptArchive, EmptyDocument, InputError
from ..model import Article, Failure
from ..settings import DEFAULT_MAX_BYTES, DEFAULT_MAX_INPUT_BYTES
from .build import build_article
from .html import parse_html
from .jsonl import read_json, read_jsonl_lines
from .newstext import parse_news_text
from .parquet import read_parquet
from .sources import (
    PARQUET_EXT, STDIN, GzipInput, base_suffix, decode, expand_paths, iter_lines, iter_paths, open_binary,
    read_limited, shown, sniff_format,
)

log = logging.getLogger(__name__)

__all__ = [
    "article_from_text", "build_article", "expand_paths", "parse_html", "parse_news_text",
    "read_path", "read_paths", "Span",
]


def article_from_text(text: str, *, id: str | None = None, published=None, title: str | None = None,
                      origin: str | None = None) -> Article:
    """An Article from a text: a news page saved as text, or plain text.

    ``published`` and ``title`` are used when the page carries none. Raises
    :class:`~whimbrel.errors.EmptyDocument` for a text with nothing to code.
    """
    if not text or not text.strip():
        raise EmptyDocument("the text is empty", document=origin or id)
    article = parse_news_text(text, id=id, published=published, title=title, origin=origin)
    if not article.text:
        raise EmptyDocument("nothing to code: the text has a header but no body", document=origin or id)
    return article


def _fail(e: InputError, document: str, stage: str) -> Failure:
    return Failure(document=e.document or document, stage=stage, code=e.code, reason=e.message, origin=document)


def _internal(e: BaseException, document: str, stage: str) -> Failure:
    """A reader bug met on one input: recorded like any bad document, so the batch goes on."""
    log.debug("reading %s failed in %s", document, stage, exc_info=True)
    return Failure(document, stage, "internal",
                   f"{type(e).__name__}: {e} (an unexpected error while reading; please report it)", document)


def _head(stream) -> bytes:
    peek = getattr(stream, "peek", None)
    return peek(512)[:512] if peek else b""


@dataclass(frozen=True)
class Span:
    """A part of one file: JSONL lines ``first`` to ``last`` (1-based, ``last`` excluded, None: to the
    end), starting at byte ``offset`` of an uncompressed file (None: read from the start and skip);
    or, for a Parquet table, row groups ``first`` to ``last``. The dask engine's partitions."""

    first: int
    last: int | None = None
    offset: int | None = None


def read_path(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES, published=None,
              max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES, span: Span | None = None) -> Iterator[Article | Failure]:
    """Read one file (or ``-``): yields an Article or a Failure per document in it. Never raises for bad input.

    ``span`` reads only a part of a JSONL file or a Parquet table (see :class:`Span`).
    """
    shown_path = shown(path)
    if path != STDIN and base_suffix(path) in PARQUET_EXT:
        yield from read_parquet(path, shown_path, max_bytes=max_bytes, published=published, span=span)
        return
    try:
        stream = open_binary(path)
    except CorruptArchive as e:
        yield _fail(e, shown_path, "read")
        return
    except OSError as e:
        yield Failure(shown_path, "read", "unreadable",
                      f"cannot read the file ({e.strerror}); check the path and its permissions", shown_path)
        return
    try:
        yield from _read_stream(stream, path, shown_path, max_bytes=max_bytes, published=published,
                                max_input_bytes=max_input_bytes, span=span)
    finally:
        if path != STDIN:
            stream.close()


def _within(lines, span: Span):
    """The lines of a span; an error reported past the end of the input belongs to the last span."""
    for n, line in lines:
        if span.last is not None and n >= span.last:
            return
        if n >= span.first:
            yield n, line


def _read_stream(stream, path: str, shown_path: str, *, max_bytes: int, published,
                 max_input_bytes: int, span: Span | None = None) -> Iterator[Article | Failure]:
    stage = "read"
    try:
        fmt = sniff_format(path, _head(stream))
        if fmt == "jsonl":
            start = consumed = 0
            if span is not None and span.offset and not isinstance(stream, GzipInput):
                stream.seek(span.offset)
                start, consumed = span.first - 1, span.offset
            lines = iter_lines(stream, max_bytes=max_bytes, max_input_bytes=max_input_bytes, document=shown_path,
                               start=start, consumed=consumed)
            if span is not None:
                lines = _within(lines, span)
            yield from read_jsonl_lines(lines, path=shown_path, max_bytes=max_bytes, published=published)
            return
        try:
            data = read_limited(stream, max_bytes=max_bytes, document=shown_path)
        except InputError as e:
            yield _fail(e, shown_path, "read")
            return
        stage = "decode"
        try:
            text = decode(data, document=shown_path, html=(fmt == "html"))
        except InputError as e:
            yield _fail(e, shown_path, "decode")
            return
        del data
        stage = "parse"
        if fmt == "json":
            yield from read_json(text, path=shown_path, max_bytes=max_bytes, published=published)
            return
        try:
            if fmt == "html":
                article = parse_html(text, origin=shown_path, published=published)
            else:
                article = article_from_text(text, origin=shown_path, published=published)
        except InputError as e:
            yield _fail(e, shown_path, "parse")
            return
        yield article
    except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as e:
        yield Failure(shown_path, "read", CorruptArchive.code,
                      f"the file could not be read to the end ({e}); re-download or re-compress it", shown_path)
    except Exception as e:  # never let one input stop the others
        yield _internal(e, shown_path, stage)


def read_paths(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES, published=None,
               max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES) -> Iterator[Article | Failure]:
    """Every document under ``paths`` (files, directories, globs, ``-``, http(s) URLs), in order.

    A URL is fetched politely (:mod:`whimbrel.fetch`); a page that cannot be fetched
    becomes a Failure with stage ``fetch``.

    A directory that cannot be listed becomes a Failure (``unreadable``). A
    missing path raises :class:`~whimbrel.errors.UsageError` when it is
    reached; call :func:`expand_paths` first to check all paths up front.
    """
    from ..fetch import is_url, read_url

    for given in paths:
        if is_url(given):
            yield read_url(given, published=published)
            continue
        for path in iter_paths([given]):
            if isinstance(path, InputError):
                yield _fail(path, path.document or "", "read")
            else:
                yield from read_path(path, max_bytes=max_bytes, published=published,
                                     max_input_bytes=max_input_bytes)
