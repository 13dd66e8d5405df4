"""Ingest: one reader per format, each producing Article records (or Failures).

Entry points:

* :func:`read_paths` - files, directories (recursive), globs and ``-`` (stdin),
  gzip or not, in any supported format; yields an ``Article`` or a ``Failure``
  per document and never raises for a bad document.
* :func:`read_path` - the same for one file.
* :func:`article_from_text` - a string (a news page saved as text, or plain text).

Formats: news pages saved as text (:mod:`.newstext`), HTML (:mod:`.html`, via
trafilatura), JSONL / JSON records (:mod:`.jsonl`). The format comes from the
file suffix (``.jsonl``, ``.ndjson``, ``.json``, ``.html``, ``.htm``, ``.txt``;
a final ``.gz`` is ignored), else from the first bytes.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterable, Iterator

from ..errors import CorruptArchive, EmptyDocument, InputError, TooLarge
from ..model import Article, Failure
from ..settings import DEFAULT_MAX_BYTES
from .build import build_article
from .html import parse_html
from .jsonl import read_json, read_jsonl_lines
from .newstext import parse_news_text
from .sources import STDIN, decode, expand_paths, iter_paths, open_binary, read_limited, sniff_format

__all__ = [
    "article_from_text", "build_article", "expand_paths", "parse_html", "parse_news_text",
    "read_path", "read_paths",
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


def _lines(stream, *, max_bytes: int, path: str) -> Iterator[bytes | InputError]:
    """Raw lines of a stream, each at most ``max_bytes``; problems are yielded in-band."""
    while True:
        try:
            line = stream.readline(max_bytes + 1)
        except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as e:
            yield CorruptArchive(
                f"the gzip data is truncated or corrupt here ({e}); the lines before it were read. "
                f"Re-download or re-compress the file",
            )
            return
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # skip the rest of the over-long line without holding it
                try:
                    chunk = stream.readline(1 << 20)
                except (EOFError, gzip.BadGzipFile, zlib.error, OSError):
                    return
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield TooLarge(f"the line is over {max_bytes:,} bytes; split the record, or raise WHIMBREL_MAX_BYTES")
            continue
        yield line


def _head(stream) -> bytes:
    peek = getattr(stream, "peek", None)
    return peek(512)[:512] if peek else b""


def read_path(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES, published=None) -> Iterator[Article | Failure]:
    """Read one file (or ``-``): yields an Article or a Failure per document in it."""
    try:
        stream = open_binary(path)
    except CorruptArchive as e:
        yield _fail(e, path, "read")
        return
    except OSError as e:
        yield Failure(path, "read", "unreadable", f"cannot read the file ({e.strerror}); check the path and its permissions", path)
        return
    try:
        try:
            fmt = sniff_format(path, _head(stream))
        except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as e:
            yield Failure(path, "read", CorruptArchive.code,
                          f"the gzip data is truncated or corrupt ({e}); re-download or re-compress the file", path)
            return
        if fmt == "jsonl":
            yield from read_jsonl_lines(_lines(stream, max_bytes=max_bytes, path=path), path=path,
                                        max_bytes=max_bytes, published=published)
            return
        try:
            data = read_limited(stream, max_bytes=max_bytes, document=path)
        except InputError as e:
            yield _fail(e, path, "read")
            return
        try:
            text = decode(data, document=path, html=(fmt == "html"))
        except InputError as e:
            yield _fail(e, path, "decode")
            return
        del data
        if fmt == "json":
            yield from read_json(text, path=path, max_bytes=max_bytes, published=published)
            return
        try:
            if fmt == "html":
                article = parse_html(text, origin=path, published=published)
            else:
                article = article_from_text(text, origin=path, published=published)
        except InputError as e:
            yield _fail(e, path, "parse")
            return
        yield article
    finally:
        if path != STDIN:
            stream.close()


def read_paths(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES, published=None) -> Iterator[Article | Failure]:
    """Every document under ``paths`` (files, directories, globs, ``-``), in order.

    A missing path raises :class:`~whimbrel.errors.UsageError` when it is
    reached; call :func:`expand_paths` first to check all paths up front.
    """
    for path in iter_paths(paths):
        yield from read_path(path, max_bytes=max_bytes, published=published)

