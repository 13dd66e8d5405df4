"""Where documents come from: paths, directories, globs, stdin, gzip; bytes to text.

Nothing here raises for a bad *document*: a read or decode problem becomes an
exception from :mod:`whimbrel.errors` that the readers turn into a
:class:`~whimbrel.model.Failure`. A path that does not exist (and matches no
glob) is a *usage* error and is raised by :func:`expand_paths`.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import re
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import BinaryDocument, CorruptArchive, EmptyDocument, EncodingError, TooLarge, UsageError

STDIN = "-"
GZIP_MAGIC = b"\x1f\x8b"
JSONL_EXT = {".jsonl", ".ndjson", ".jsonlines"}
JSON_EXT = {".json"}
HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_EXT = {".txt", ".text", ".md"}
_MAGIC = (
    (b"%PDF", "a PDF file; convert it to text first (for example with pdftotext)"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document); unpack or convert it to text first"),
    (b"\x89PNG", "a PNG image, not a document"),
    (b"\xff\xd8\xff", "a JPEG image, not a document"),
    (b"GIF8", "a GIF image, not a document"),
    (b"BZh", "a bzip2 archive; decompress it first (bunzip2) or recompress it with gzip"),
    (b"\xfd7zXZ", "an xz archive; decompress it first (unxz) or recompress it with gzip"),
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _has_magic(pattern: str) -> bool:
    return any(ch in pattern for ch in "*?[")


def expand_paths(paths) -> list[str]:
    """Expand directories (recursively, sorted, hidden files skipped) and globs to files.

    ``-`` stands for standard input. Raises :class:`UsageError` for a path that
    does not exist or a glob that matches nothing.
    """
    out: list[str] = []
    for p in paths:
        p = str(p)
        if p == STDIN:
            out.append(STDIN)
        elif os.path.isdir(p):
            out.extend(_walk(p))
        elif os.path.exists(p):
            out.append(p)
        elif _has_magic(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                raise UsageError(f"no file matches {p!r}; check the pattern (quote it so the shell does not expand it)")
            for m in matches:
                out.extend(_walk(m) if os.path.isdir(m) else [m])
        else:
            raise UsageError(f"{p}: no such file or directory")
    return out


def iter_paths(paths) -> Iterator[str]:
    """Like :func:`expand_paths` but lazy per directory (flat memory on huge trees)."""
    for p in paths:
        p = str(p)
        if os.path.isdir(p):
            yield from _walk(p)
        else:
            yield from expand_paths([p])


def _walk(root: str) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "__")))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield os.path.join(dirpath, name)


def base_suffix(path: str) -> str:
    """The format suffix of a path, ignoring a final .gz (``a.jsonl.gz`` -> ``.jsonl``)."""
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return Path(name).suffix


def open_binary(path: str):
    """A binary stream for a path or stdin, transparently gunzipped (by magic bytes)."""
    if path == STDIN:
        raw = sys.stdin.buffer
        peek = raw.peek(2)[:2] if hasattr(raw, "peek") else b""
        if not peek:
            data = raw.read()
            raw = io.BytesIO(data)
            peek = data[:2]
        return gzip.GzipFile(fileobj=raw) if peek == GZIP_MAGIC else raw
    fh = open(path, "rb")
    head = fh.read(2)
    fh.seek(0)
    if head == GZIP_MAGIC:
        return gzip.GzipFile(fileobj=fh)
    if path.lower().endswith(".gz"):
        fh.close()
        raise CorruptArchive(
            "named .gz but not gzip-compressed; rename it without .gz or compress it with gzip",
            document=path,
        )
    return fh


def read_limited(stream, *, max_bytes: int, document: str) -> bytes:
    """Read a whole stream, refusing more than ``max_bytes`` (after decompression)."""
    try:
        data = stream.read(max_bytes + 1)
    except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as e:
        raise CorruptArchive(
            f"the gzip data is truncated or corrupt ({e}); re-download or re-compress the file",
            document=document,
        ) from e
    if len(data) > max_bytes:
        raise TooLarge(
            f"more than {max_bytes:,} bytes of text; split it into smaller documents, "
            f"or raise the limit with WHIMBREL_MAX_BYTES",
            document=document,
        )
    return data


def check_binary(data: bytes, *, document: str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryDocument(f"this is {what}", document=document)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 with a byte-order mark: decoded below
    head = data[:8192]
    if b"\x00" in head:
        raise BinaryDocument(
            "binary data (NUL bytes), not text; whimbrel reads UTF-8 text, HTML and JSONL",
            document=document,
        )
    if head:
        ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
        if ctrl / len(head) > 0.1:
            raise BinaryDocument("binary data (control bytes), not text", document=document)


def decode(data: bytes, *, document: str, html: bool = False) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, or an HTML-declared charset."""
    check_binary(data, document=document)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise EncodingError(f"invalid UTF-16 ({e.reason}); re-save the file as UTF-8", document=document) from e
    if html:
        m = _CHARSET.search(data[:4096])
        charset = m.group(1).decode("ascii", "ignore").lower() if m else "utf-8"
        if charset not in ("utf-8", "utf8"):
            try:
                return data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                pass
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise EncodingError(
            f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); convert it to UTF-8, "
            f"for example `iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8`",
            document=document,
        ) from e
    if not text.strip():
        raise EmptyDocument("the document is empty (no text after decoding); remove it or fill it", document=document)
    return text


def sniff_format(path: str, head: bytes) -> str:
    """``jsonl``, ``json``, ``html`` or ``text``: by suffix, else by the first bytes."""
    suffix = base_suffix(path) if path != STDIN else ""
    if suffix in JSONL_EXT:
        return "jsonl"
    if suffix in JSON_EXT:
        return "json"
    if suffix in HTML_EXT:
        return "html"
    if suffix in TEXT_EXT:
        return "text"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"[") and b"{" in start:
        return "json"
    if start.startswith(b"<") and any(t in start for t in (b"<html", b"<!doctype html", b"<body", b"<head", b"<p", b"<article", b"<div")):
        return "html"
    return "text"
