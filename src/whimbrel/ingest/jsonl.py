"""JSONL batches: one article per line.

Fields (DESIGN.md): ``id, url, title, published, source, text | html``.
Accepted aliases: ``article_id`` for ``id``; ``date`` or ``publish_date`` for
``published``; ``body`` or ``content`` for ``text``. A record with only
``id`` and ``text`` (a sentence file for evaluation) is the common case; its
``article_id`` is that id. The text of a record is taken as it is (the title,
when given, becomes the headline paragraph); it is not searched for a page
header. A ``.json`` file may hold one such object or a list of them.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Iterator

from ..errors import EmptyDocument, EncodingError, InputError, MalformedRecord, TooLarge
from ..model import Article, Failure
from .build import blocks_of, build_article, clean_body, normalise
from .html import parse_html

log = logging.getLogger(__name__)

ID_KEYS = ("id", "article_id")
TEXT_KEYS = ("text", "body", "content")
DATE_KEYS = ("published", "date", "publish_date", "published_at")
META_KEYS = ("url", "title", "source", "author")
#: longest id accepted (an id is a key, printed in every listing)
MAX_ID_CHARS = 1000


def _kind(value) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return f"a number ({value})"
    return {dict: "an object", list: "a list", bool: "true/false", int: "a number", float: "a number",
            str: "a string"}.get(type(value), type(value).__name__)


def _first(rec: dict, keys) -> tuple[str | None, object]:
    """``(key, value)`` of the first of ``keys`` that the record fills (not null, not "")."""
    for k in keys:
        v = rec.get(k)
        if v is not None and v != "":
            return k, v
    return None, None


def _utf8_size(value: str, key: str, document: str) -> int:
    """The string's size in UTF-8; an error if it has none (JSON lets a record hold lone surrogate escapes)."""
    try:
        return len(value.encode("utf-8"))
    except UnicodeEncodeError as e:
        bad = value[e.start]
        raise EncodingError(
            f"'{key}' holds an unpaired surrogate escape (\\u{ord(bad):04x} at character {e.start}), "
            f"which is not text; fix the program that wrote the record",
            document=document,
        ) from None


def _strict(value: str, key: str, document: str) -> str:
    _utf8_size(value, key, document)
    return value


def _string(rec: dict, key: str, document: str) -> str | None:
    value = rec.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise MalformedRecord(f"'{key}' must be a string, not {_kind(value)}; fix or remove the field",
                              document=document)
    return _strict(value, key, document)


def _record_id(rec: dict, document: str) -> str | None:
    key, value = _first(rec, ID_KEYS)
    if key is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise MalformedRecord(f"'{key}' must be a string or an integer, not {_kind(value)}; fix the id",
                              document=document)
    value = _strict(value, key, document) if isinstance(value, str) else str(value)
    if len(value) > MAX_ID_CHARS:
        raise MalformedRecord(f"'{key}' is {len(value):,} characters long; ids are at most {MAX_ID_CHARS:,}",
                              document=document)
    return value


def article_from_record(rec, *, document: str, max_bytes: int, published=None) -> Article:
    """One JSON object -> Article. Raises a named input error for a bad record.

    Every field whimbrel reads is checked: ``id`` is a string or an integer;
    ``url``, ``title``, ``source``, ``author``, the date and the text are
    strings (or null); no string holds an unpaired surrogate. Other fields are
    ignored.
    """
    if not isinstance(rec, dict):
        raise MalformedRecord(
            f"expected a JSON object with id and text, got {_kind(rec)}", document=document
        )
    rid = _record_id(rec, document)
    date_key, date = _first(rec, DATE_KEYS)
    if date_key is not None:
        if not isinstance(date, str):
            raise MalformedRecord(f"'{date_key}' must be a date written as a string (2018-11-05T20:04), "
                                  f"not {_kind(date)}", document=document)
        published = _strict(date, date_key, document)
    text_key, text = _first(rec, TEXT_KEYS)
    html = rec.get("html")
    if text is None and not html:
        raise MalformedRecord(
            f"no text: the record needs a 'text' (or 'html') field; it has {sorted(map(str, rec))[:20]}",
            document=document,
        )
    payload = text if text is not None else html
    key = text_key if text is not None else "html"
    if not isinstance(payload, str):
        raise MalformedRecord(f"'{key}' must be a string, not {_kind(payload)}", document=document)
    if _utf8_size(payload, key, document) > max_bytes:
        raise TooLarge(
            f"the record's text is over {max_bytes:,} bytes; split it, or raise WHIMBREL_MAX_BYTES",
            document=document,
        )
    url, title, source, author = (_string(rec, k, document) for k in META_KEYS)
    if text is None:
        return parse_html(html, id=rid, origin=document, url=url, title=title, published=published, source=source)
    body, related = clean_body(blocks_of(normalise(text)))
    if not body:
        raise EmptyDocument("the record's text is empty; fill it or remove the line", document=document)
    return build_article(
        body=body, headline=title, published=published, url=url, source=source, author=author,
        related=related, origin=document, id=rid, format="jsonl",
    )


def _failure(e: InputError, document: str, origin: str, stage: str = "parse") -> Failure:
    return Failure(document=document, stage=stage, code=e.code, reason=e.message, origin=origin)


def _record(rec, *, document: str, path: str, max_bytes: int, published) -> Article | Failure:
    try:
        return article_from_record(rec, document=document, max_bytes=max_bytes, published=published)
    except InputError as e:
        return _failure(e, document, path)
    except Exception as e:  # a reader bug must not stop the file: record it
        log.debug("record %s failed", document, exc_info=True)
        return Failure(document, "parse", "internal",
                       f"{type(e).__name__}: {e} (an unexpected error while reading the record; please report it)",
                       path)


def _malformed(e: Exception, document: str, where: str) -> MalformedRecord:
    """What went wrong in ``json.loads``, as a record failure."""
    if isinstance(e, json.JSONDecodeError):
        msg = f"{where} is not valid JSON ({e.msg} at line {e.lineno}, column {e.colno}); fix or remove it"
    elif isinstance(e, RecursionError):
        msg = f"{where} nests lists or objects too deeply to be a record; fix or remove it"
    else:  # ValueError, e.g. an integer of more than 4,300 digits
        msg = f"{where} is not valid JSON ({e}); fix or remove it"
    return MalformedRecord(msg, document=document)


def _loads(text: str, document: str, where: str) -> object:
    """``json.loads``, with every way it can fail turned into a :class:`MalformedRecord`."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as e:  # JSONDecodeError is a ValueError
        raise _malformed(e, document, where) from None


def read_jsonl_lines(lines: Iterator[tuple[int, bytes | InputError]], *, path: str, max_bytes: int,
                     published=None) -> Iterator[Article | Failure]:
    """Records from ``(line number, raw line)`` pairs (see :func:`~whimbrel.ingest.sources.iter_lines`)."""
    for n, raw in lines:
        doc = f"{path}:{n}"
        if isinstance(raw, InputError):  # the line reader reports over-long lines and bad inputs in-band
            yield _failure(raw, raw.document or doc, path, stage="read")
            continue
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            yield Failure(doc, "decode", "encoding",
                          f"line {n} is not valid UTF-8 (offset {e.start}); re-save the file as UTF-8", path)
            continue
        try:
            rec = _loads(line, doc, f"line {n}")
        except MalformedRecord as e:
            yield _failure(e, doc, path)
            continue
        yield _record(rec, document=doc, path=path, max_bytes=max_bytes, published=published)


def read_json(text: str, *, path: str, max_bytes: int, published=None) -> Iterator[Article | Failure]:
    """A .json file: one record object, or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        # maybe it is JSONL with a .json name
        lines = text.encode("utf-8").splitlines()
        if len(lines) > 1 and lines[0].strip().startswith(b"{"):
            yield from read_jsonl_lines(enumerate(lines, start=1), path=path, max_bytes=max_bytes,
                                        published=published)
            return
        yield Failure(path, "parse", MalformedRecord.code,
                      f"not valid JSON ({e.msg} at line {e.lineno}, column {e.colno}); fix the file", path)
        return
    except (RecursionError, ValueError) as e:
        yield _failure(_malformed(e, path, "the file"), path, path)
        return
    records = data if isinstance(data, list) else [data]
    for n, rec in enumerate(records, start=1):
        doc = f"{path}:{n}" if isinstance(data, list) else path
        yield _record(rec, document=doc, path=path, max_bytes=max_bytes, published=published)
