"""Where documents come from: paths, directories, globs, stdin, gzip; bytes to text.

Nothing here raises for a bad *document*: a read or decode problem becomes an
exception from :mod:`whimbrel.errors` that the readers turn into a
:class:`~whimbrel.model.Failure`. A path that does not exist (and matches no
glob) is a *usage* error and is raised by :func:`expand_paths`.
"""

from __future__ import annotations

import fnmatch
import gzip
import io
import os
import re
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import (
    BinaryDocument, CorruptArchive, EmptyDocument, EncodingError, InputError, TooLarge, Unreadable, UsageError,
)

STDIN = "-"
GZIP_MAGIC = b"\x1f\x8b"
JSONL_EXT = {".jsonl", ".ndjson", ".jsonlines"}
JSON_EXT = {".json"}
PARQUET_EXT = {".parquet", ".parq"}
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


def shown(path: str) -> str:
    """A path as printable, storable text: bytes of a file name that are not UTF-8 become ``\\xNN``.

    The file is still opened by its real name; this is what failures, the
    ``origin`` column and messages carry.
    """
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        try:
            return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:
            return path.encode("utf-8", "backslashreplace").decode("utf-8")


def expand_paths(paths) -> list[str]:
    """Expand directories (recursively, sorted, hidden files skipped) and globs to files.

    ``-`` stands for standard input. Raises :class:`UsageError` for a path that
    does not exist or a glob that matches nothing. Directories that cannot be
    listed are left out (:func:`iter_paths` reports them).
    """
    return [p for p in iter_paths(paths) if isinstance(p, str)]


def iter_paths(paths) -> Iterator[str | Unreadable]:
    """The files under ``paths``, lazily: one directory listing at a time (flat memory on huge trees).

    A directory that cannot be listed is yielded as an :class:`Unreadable`
    error (in order), so that the readers record it. Raises
    :class:`UsageError` for a path that does not exist or a glob that matches
    nothing, when it is reached.
    """
    for p in paths:
        p = os.fspath(p)
        if p == STDIN:
            yield STDIN
        elif os.path.isdir(p):
            yield from _walk(p)
        elif os.path.exists(p):
            yield p
        elif _has_magic(p):
            found = False
            for m in _glob(p):
                found = True
                yield m
            if not found:
                raise UsageError(f"no file matches {p!r}; check the pattern (quote it so the shell does not expand it)")
        else:
            raise UsageError(f"{shown(p)}: no such file or directory")


def _unreadable(errors: list[OSError]) -> Iterator[Unreadable]:
    while errors:
        e = errors.pop(0)
        where = shown(os.fsdecode(e.filename)) if e.filename is not None else "a directory"
        yield Unreadable(
            f"cannot list the directory ({e.strerror or e}); the files in it were skipped. "
            f"Check its permissions and run again",
            document=where,
        )


def _walk(root: str) -> Iterator[str | Unreadable]:
    """Files under ``root`` in name order; hidden names skipped; symbolic links to directories not followed."""
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        yield from _unreadable(errors)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "__")))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield os.path.join(dirpath, name)
    yield from _unreadable(errors)


def _split_glob(pattern: str) -> tuple[str, str, list[str]]:
    """``(directory to walk, prefix of the results, pattern parts below it)``."""
    parts = pattern.split(os.sep)
    first = next(i for i, part in enumerate(parts) if _has_magic(part))
    head = os.sep.join(parts[:first])
    if first == 0:
        return ".", "", [q for q in parts if q]
    if not head:  # the pattern starts with the separator
        head = os.sep
    return head, head, [q for q in parts[first:] if q]


def _match(pat: list[str], names: list[str]) -> bool:
    """Whether the path ``names`` (parts) matches the pattern parts (``**``: any number of directories)."""
    if not pat:
        return not names
    if pat[0] == "**":
        return any(_match(pat[1:], names[i:]) for i in range(len(names) + 1))
    return bool(names) and fnmatch.fnmatchcase(names[0], pat[0]) and _match(pat[1:], names[1:])


def _could_hold(pat: list[str], names: list[str]) -> bool:
    """Whether a directory ``names`` (parts) can hold a match of the pattern parts."""
    if not names:
        return True
    if not pat:
        return False
    if pat[0] == "**":
        return True
    return fnmatch.fnmatchcase(names[0], pat[0]) and _could_hold(pat[1:], names[1:])


def _glob(pattern: str) -> Iterator[str | Unreadable]:
    """Files matching a glob (``**`` spans directories), in name order.

    Unlike :func:`glob.glob`, symbolic links to directories are not followed
    (a link loop cannot hang it), directories that cannot be listed are
    reported, and the walk prunes directories the pattern cannot reach. As
    with the shell, ``*`` and ``**`` do not match names starting with a dot
    unless the pattern part does. A matching directory is read whole.
    """
    root, prefix, pat = _split_glob(pattern)
    if not pat or not os.path.isdir(root):
        return
    dotted = any(q.startswith(".") for q in pat)
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        yield from _unreadable(errors)
        rel = os.path.relpath(dirpath, root)
        base = [] if rel == os.curdir else rel.split(os.sep)
        out = os.path.join(prefix, *base) if (prefix or base) else ""
        for name in sorted(filenames):
            if (dotted or not name.startswith(".")) and _match(pat, [*base, name]):
                yield os.path.join(out, name) if out else name
        keep = []
        for name in sorted(dirnames):
            if not dotted and name.startswith("."):
                continue
            if _match(pat, [*base, name]):
                yield from _walk(os.path.join(out, name) if out else name)
            elif _could_hold(pat, [*base, name]):
                keep.append(name)
        dirnames[:] = keep
    yield from _unreadable(errors)


def base_suffix(path: str) -> str:
    """The format suffix of a path, ignoring a final .gz (``a.jsonl.gz`` -> ``.jsonl``)."""
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return Path(name).suffix


#: a gzip input that expands more than this many times is refused (text compresses 3-10 times)
MAX_GZIP_RATIO = 100
#: ... once this much has been decompressed (tiny files may expand a lot and do no harm)
GZIP_RATIO_FLOOR = 16 * 1024 * 1024
CHUNK = 1 << 20


class _Counting:
    """A raw stream that counts the bytes read from it (the compressed side of a gzip input)."""

    def __init__(self, raw):
        self.raw = raw
        self.count = 0

    def read(self, n=-1):
        data = self.raw.read(n)
        self.count += len(data)
        return data

    def close(self):
        self.raw.close()


class GzipInput(gzip.GzipFile):
    """A gzip stream that knows how many compressed bytes it has read, and closes its file."""

    def __init__(self, raw, *, owns: bool = True):
        self._counting = _Counting(raw)
        self._owns = owns
        super().__init__(fileobj=self._counting, mode="rb")

    @property
    def compressed(self) -> int:
        return self._counting.count

    def close(self):
        try:
            super().close()
        finally:
            if self._owns:
                self._counting.close()


def open_binary(path: str):
    """A binary stream for a path or stdin, transparently gunzipped (by magic bytes)."""
    if path == STDIN:
        raw = sys.stdin.buffer
        peek = raw.peek(2)[:2] if hasattr(raw, "peek") else b""
        if not peek:
            data = raw.read()
            raw = io.BytesIO(data)
            peek = data[:2]
        return GzipInput(raw, owns=False) if peek == GZIP_MAGIC else raw
    fh = open(path, "rb")
    head = fh.read(2)
    fh.seek(0)
    if head == GZIP_MAGIC:
        return GzipInput(fh)
    if path.lower().endswith(".gz"):
        fh.close()
        raise CorruptArchive(
            "named .gz but not gzip-compressed; rename it without .gz or compress it with gzip",
            document=shown(path),
        )
    return fh


def _corrupt(e: BaseException, document: str | None = None) -> CorruptArchive:
    return CorruptArchive(
        f"the gzip data is truncated or corrupt here ({e}); the records before it were read. "
        f"Re-download or re-compress the file",
        document=document,
    )


def _over_budget(stream, total: int, *, max_input_bytes: int, document: str) -> TooLarge | None:
    if total > max_input_bytes:
        return TooLarge(
            f"the input holds more than {max_input_bytes:,} bytes; split it into several files, "
            f"or raise the limit with WHIMBREL_MAX_INPUT_BYTES",
            document=document,
        )
    if isinstance(stream, GzipInput) and total >= GZIP_RATIO_FLOOR and total > MAX_GZIP_RATIO * stream.compressed:
        return TooLarge(
            f"the gzip data expands more than {MAX_GZIP_RATIO} times ({stream.compressed:,} bytes "
            f"to over {total:,}), which news text does not: a gzip bomb or a damaged file. "
            f"Check where it came from; the records before this point were read",
            document=document,
        )
    return None


def iter_lines(stream, *, max_bytes: int, max_input_bytes: int, document: str, start: int = 0,
               consumed: int = 0) -> Iterator[tuple[int, bytes | InputError]]:
    """``(line number, line)`` for the non-blank lines of a stream, read in 1 MB chunks.

    ``start`` and ``consumed`` are the lines and bytes before the stream's position,
    for a stream opened part-way through a file (a partition of the dask engine).

    Problems are yielded in-band, never raised: a line over ``max_bytes``
    (skipped without being held) is a :class:`TooLarge` for that line; a
    corrupt gzip stream, more than ``max_input_bytes`` read from the input, or
    a gzip stream that expands more than :data:`MAX_GZIP_RATIO` times end the
    input with an error whose ``document`` is the input itself. Runs of blank
    lines cost one scan per chunk, not one step per line.
    """
    read = getattr(stream, "read1", stream.read)  # one step at a time: a truncated gzip loses no line before the cut
    n = start  # lines finished so far
    total = consumed
    carry = b""  # the unfinished last line
    skipping = False  # inside an over-long line
    while True:
        try:
            chunk = read(CHUNK)
        except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as e:
            yield n + 1, _corrupt(e)
            return
        if not chunk:
            break
        total += len(chunk)
        over = _over_budget(stream, total, max_input_bytes=max_input_bytes, document=document)
        if over is not None:
            yield n + 1, over
            return
        if skipping:
            cut = chunk.find(b"\n")
            if cut < 0:
                continue
            n += 1
            skipping = False
            yield n, TooLarge(f"the line is over {max_bytes:,} bytes; split the record, or raise WHIMBREL_MAX_BYTES")
            chunk = chunk[cut + 1:]
        if not carry and not chunk.strip():
            n += chunk.count(b"\n")  # blank lines only
            continue
        lines = chunk.split(b"\n")
        lines[0] = carry + lines[0]
        carry = lines.pop()
        for line in lines:
            n += 1
            if len(line) > max_bytes:
                yield n, TooLarge(f"the line is over {max_bytes:,} bytes; split the record, or raise WHIMBREL_MAX_BYTES")
            elif line.strip():
                yield n, line
        if len(carry) > max_bytes:
            carry = b""
            skipping = True
    if skipping or len(carry) > max_bytes:
        yield n + 1, TooLarge(f"the line is over {max_bytes:,} bytes; split the record, or raise WHIMBREL_MAX_BYTES")
    elif carry.strip():
        yield n + 1, carry


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
