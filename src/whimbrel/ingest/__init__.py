"""Ingest: one reader per format, each producing Article records (or Failures).

PLACEHOLDER: the minimal plain-text reader below is to be replaced by the
full readers (issue 2): news pages as text, HTML, JSONL, directories, globs,
stdin, gzip, and bad-input failures.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from ..model import Article, Paragraph


def _parse_date(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    return dt.datetime.fromisoformat(str(value))


def article_from_text(text: str, *, id: str | None = None, published=None, title: str | None = None) -> Article:
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    body = "\n\n".join(paras)
    spans, pos = [], 0
    for p in paras:
        spans.append(Paragraph(pos, pos + len(p), "body"))
        pos += len(p) + 2
    h = hashlib.sha256(body.encode()).hexdigest()
    return Article(id=id or h[:16], text=body, paragraphs=tuple(spans), title=title,
                   published=_parse_date(published), content_hash=h)
