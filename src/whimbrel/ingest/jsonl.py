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
from collections.abc import Iterator

from ..errors import EmptyDocument, InputError, MalformedRecord, TooLarge
from ..model import Article, Failure
from .build import blocks_of, build_article, clean_body, normalise
from .html import parse_html

TEXT_KEYS = ("text", "body", "content")
DATE_KEYS = ("published", "date", "publish_date", "published_at")


def _first(rec: dict, keys) -> object:
    for k in keys:
        v = rec.get(k)
        if v not in (None, ""):
            return v
    return None


def article_from_record(rec, *, document: str, max_bytes: int, published=None) -> Article:
    """One JSON object -> Article. Raises a named input error for a bad record."""
    if not isinstance(rec, dict):
        raise MalformedRecord(
            f"expected a JSON object with id and text, got a {type(rec).__name__}", document=document
        )
    rid = _first(rec, ("id", "article_id"))
    published = _first(rec, DATE_KEYS) or published
    text = _first(rec, TEXT_KEYS)
    html = rec.get("html")
    if text is None and not html:
        raise MalformedRecord(
            f"no text: the record needs a 'text' (or 'html') field; it has {sorted(rec)}", document=document
        )
    payload = text if text is not None else html
    if not isinstance(payload, str):
        raise MalformedRecord(f"'text'/'html' must be a string, not {type(payload).__name__}", document=document)
    if len(payload.encode("utf-8")) > max_bytes:
        raise TooLarge(
            f"the record's text is over {max_bytes:,} bytes; split it, or raise WHIMBREL_MAX_BYTES",
            document=document,
        )
    title = rec.get("title") if isinstance(rec.get("title"), str) else None
    if text is None:
        return parse_html(html, id=rid, origin=document, url=rec.get("url"), title=title,
                          published=published, source=rec.get("source"))
    body, related = clean_body(blocks_of(normalise(text)))
    if not body:
        raise EmptyDocument("the record's text is empty; fill it or remove the line", document=document)
    return build_article(
        body=body, headline=title, published=published, url=rec.get("url"), source=rec.get("source"),
        author=rec.get("author") if isinstance(rec.get("author"), str) else None,
        related=related, origin=document, id=rid, format="jsonl",
    )


def _failure(e: InputError, document: str, origin: str, stage: str = "parse") -> Failure:
    return Failure(document=document, stage=stage, code=e.code, reason=e.message, origin=origin)


def read_jsonl_lines(lines: Iterator[bytes], *, path: str, max_bytes: int, published=None) -> Iterator[Article | Failure]:
    """Records from an iterator of raw lines (bytes)."""
    for n, raw in enumerate(lines, start=1):
        doc = f"{path}:{n}"
        if isinstance(raw, InputError):  # the line reader reports over-long lines in-band
            yield _failure(raw, doc, path, stage="read")
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
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield Failure(doc, "parse", MalformedRecord.code,
                          f"line {n} is not valid JSON ({e.msg} at column {e.colno}); fix or remove the line", path)
            continue
        try:
            yield article_from_record(rec, document=doc, max_bytes=max_bytes, published=published)
        except InputError as e:
            yield _failure(e, doc, path)


def read_json(text: str, *, path: str, max_bytes: int, published=None) -> Iterator[Article | Failure]:
    """A .json file: one record object, or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        # maybe it is JSONL with a .json name
        lines = text.encode("utf-8").splitlines()
        if len(lines) > 1 and lines[0].strip().startswith(b"{"):
            yield from read_jsonl_lines(iter(lines), path=path, max_bytes=max_bytes, published=published)
            return
        yield Failure(path, "parse", MalformedRecord.code,
                      f"not valid JSON ({e.msg} at line {e.lineno}, column {e.colno}); fix the file", path)
        return
    records = data if isinstance(data, list) else [data]
    for n, rec in enumerate(records, start=1):
        doc = f"{path}:{n}" if isinstance(data, list) else path
        try:
            yield article_from_record(rec, document=doc, max_bytes=max_bytes, published=published)
        except InputError as e:
            yield _failure(e, doc, path)
