"""Wire datelines: "MOSCOW, May 7 (IANS) -", "SEOUL, South Korea --", "PARIS (Reuters) -",
and the cityless ones a wire feed leaves when the city is cut off: ", Nov 10 (Reuters) -",
"Nov 19 -", "(AFP) -".

A dateline says where a story was filed, not who acted. It is found once here and used
twice: the text handed to the parser has it blanked out (same length, so every offset
still points into ``Article.text``), so that "MOGADISHU, Somalia -- A U.S. airstrike
killed ..." is parsed as the sentence it is; and the place stage reads it as the
story's dateline place. :func:`metadata` gives the dateline's place and agency as the
article's metadata (``dateline_place``, ``agency``; stored with the article).
"""

from __future__ import annotations

import re

from .model import Article

DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Za-z.'\u2019 -]{1,40}?)(?:,\s*(?P<qual>[A-Z][A-Za-z.'\u2019 -]{1,30}?))?"
    r"(?P<date>,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?P<agency>\([A-Za-z][A-Za-z .&-]{0,30}\))?\s*(?:--|[-\u2013\u2014:])\s"
)

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
#: no city: a month-day date and/or an agency tag, then a dash (", Nov 10 (Reuters) -", "Nov 19 -")
CITYLESS = re.compile(
    rf"^\s*(?P<lead>,\s*)?(?P<date>{_MONTH}\s+\d{{1,2}}\b)?\s*(?P<agency>\([A-Za-z][A-Za-z .&-]{{0,30}}\))?"
    r"\s*(?:--|[-\u2013\u2014])\s"
)


def find(text: str, start: int = 0) -> re.Match | None:
    """The dateline at ``text[start:]``, if one is there: an upper-case city, or any
    place name followed by a date or an agency tag ("Harare, Zimbabwe (AFP) -"); or, with
    no city, a month-day date or an agency tag followed by a dash (the ``city`` group is
    then None)."""
    head = text[start:start + 120]
    m = DATELINE.match(head)
    if m:
        city = m.group("city").strip()
        if (city.split()[0].isupper() and len(city) >= 3) or m.group("date") or m.group("agency"):
            return m
    m = CITYLESS.match(head)
    if m and (m.group("date") or m.group("agency")):
        return m
    return None


def span(m: re.Match) -> tuple[int, int]:
    """Where a dateline found by :func:`find` starts and ends (relative to ``start``),
    leading white space excluded."""
    whole = m.group(0)
    return len(whole) - len(whole.lstrip()), m.end()


def _group(m: re.Match, name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def metadata(article: Article) -> dict[str, str | None]:
    """``{"dateline_place": "Addis Ababa", "agency": "Xinhua"}`` from the article's dateline
    (None for what it does not name). An all-capitals city is title-cased."""
    m = find(article.text, article.body_start)
    if m is None:
        return {"dateline_place": None, "agency": None}
    city = (_group(m, "city") or "").strip()
    qual = (_group(m, "qual") or "").strip()
    place = ", ".join(p for p in (city.title() if city.isupper() else city, qual) if p) or None
    agency = (m.group("agency") or "").strip("() ") or None
    return {"dateline_place": place, "agency": agency}


def parse_text(article: Article) -> str:
    """The text spaCy parses: the article's text with the dateline of its first body
    paragraph replaced by spaces (offsets unchanged)."""
    text = article.text
    start = article.body_start
    m = find(text, start)
    if m is None:
        return text
    a, b = (start + i for i in span(m))
    return text[:a] + " " * (b - a) + text[b:]
