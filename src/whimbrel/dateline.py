"""Wire datelines: "MOSCOW, May 7 (IANS) -", "SEOUL, South Korea --", "PARIS (Reuters) -".

A dateline says where a story was filed, not who acted. It is found once here and used
twice: the text handed to the parser has it blanked out (same length, so every offset
still points into ``Article.text``), so that "MOGADISHU, Somalia -- A U.S. airstrike
killed ..." is parsed as the sentence it is; and the place stage reads it as the
story's dateline place.
"""

from __future__ import annotations

import re

from .model import Article

DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Za-z.'\u2019 -]{1,40}?)(?:,\s*(?P<qual>[A-Z][A-Za-z.'\u2019 -]{1,30}?))?"
    r"(?P<date>,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?P<agency>\([A-Za-z][A-Za-z .&-]{0,30}\))?\s*(?:--|[-\u2013\u2014:])\s"
)


def find(text: str, start: int = 0) -> re.Match | None:
    """The dateline at ``text[start:]``, if one is there: an upper-case city, or any
    place name followed by a date or an agency tag ("Harare, Zimbabwe (AFP) -")."""
    m = DATELINE.match(text[start:start + 120])
    if not m:
        return None
    city = m.group("city").strip()
    if not (city.split()[0].isupper() and len(city) >= 3) and not (m.group("date") or m.group("agency")):
        return None
    return m


def parse_text(article: Article) -> str:
    """The text spaCy parses: the article's text with the dateline of its first body
    paragraph replaced by spaces (offsets unchanged)."""
    text = article.text
    start = article.body_start
    m = find(text, start)
    if m is None:
        return text
    a, b = start + m.start("city"), start + m.end()
    return text[:a] + " " * (b - a) + text[b:]
