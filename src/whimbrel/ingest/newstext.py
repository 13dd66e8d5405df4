"""News pages saved as text (copied from a browser), and plain text.

A saved page usually starts with a header: a section label, the headline,
standfirst or summary bullets, a byline and the publication lines, in an order
that varies by outlet. The reader looks for header *signals* in the first lines:

* publication lines: ``PUBLISHED : Monday, 05 November, 2018, 8:04pm``,
  ``Published: 5 Nov 2018``, ``Updated 10:32 AM ET, Mon November 5, 2018``
  (several may share a line, separated by ``|``);
* a byline: ``By Jane Doe`` / ``By Jane Doe and John Roe, Reuters``;
* a line that is a date and nothing else;
* summary bullets (``•``, ``▪``, ``-``...).

If there are any, the header runs to the last of them. Inside it, title-like
lines give the section label (a short line just before the headline) and the
headline (the longest title-like line); bullets and sentence-like lines give
the summary. Everything after the header is body. Without any signal, a first
block that reads like a headline (one line, no closing punctuation) is the
headline, and a short one before it is the section; a text with no such line
is all body.

The body goes through :func:`~whimbrel.ingest.build.clean_body`, which moves
links to other stories into ``related``.
"""

from __future__ import annotations

import re

from ..model import Article
from .build import blocks_of, build_article, clean_body, is_title_like, normalise, strip_bullet
from .dates import parse_datetime

HEADER_WINDOW = 14  # non-empty lines searched for header signals
_META = re.compile(
    r"^\s*(first published|last updated|last modified|published|updated|posted|modified|date)"
    r"\s*(?:on|at)?\s*[:\uff1a\-\u2013|]?\s*(.*)$",
    re.I,
)
_BYLINE = re.compile(r"^\s*[Bb][Yy]:?\s+(?!the\b|a\b|an\b)([A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|and|&|de|van|von|al|bin|,))*)(.*)$")
_SPLIT = re.compile(r"\s+\|\s+|\s{3,}")


def _meta(line: str) -> dict[str, object] | None:
    """Dates found on a publication line: {'published': dt, 'updated': dt}, or None."""
    found: dict[str, object] = {}
    for part in _SPLIT.split(line.strip()):
        m = _META.match(part)
        if not m:
            continue
        rest = re.sub(r"\s+by\s+.*$", "", m.group(2), flags=re.I)  # "Posted on 5 May 2019 by admin"
        when = parse_datetime(rest, strict=True)  # the line is a date line, not a sentence
        if when is None:
            continue
        label = m.group(1).lower()
        key = "updated" if ("updated" in label or "modified" in label) else "published"
        found.setdefault(key, when)
    return found or None


def _byline(line: str) -> str | None:
    if len(line.split()) > 14 or line.rstrip().endswith("."):
        return None
    m = _BYLINE.match(line)
    if not m:
        return None
    name = m.group(1).strip(" ,")
    return name or None


def _classify(line: str) -> tuple[str, object]:
    meta = _meta(line)
    if meta:
        return "meta", meta
    author = _byline(line)
    if author:
        return "byline", author
    bullet = strip_bullet(line)
    if bullet:
        return "bullet", bullet
    when = parse_datetime(line, strict=True)
    if when is not None:
        return "date", when
    return "other", line.strip()


def _pick_headline(titles: list[str]) -> tuple[str | None, str | None, list[str]]:
    """(section, headline, other title-like lines) from the header's title-like lines.

    The headline is the first title-like line of four words or more (else the
    longest); a short line (five words or fewer) just before it is the section
    label. Title-like lines after the headline are standfirsts.
    """
    if not titles:
        return None, None, []
    long = [i for i, t in enumerate(titles) if len(t.split()) >= 4]
    best = long[0] if long else max(range(len(titles)), key=lambda i: (len(titles[i].split()), -i))
    section = titles[best - 1] if best > 0 and len(titles[best - 1].split()) <= 5 else None
    return section, titles[best], titles[best + 1:]


def parse_news_text(
    text: str,
    *,
    id: str | None = None,
    origin: str | None = None,
    published=None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    format: str = "text",
) -> Article:
    """Parse a news page saved as text (or plain text) into an Article.

    ``published`` and ``title`` are fallbacks for pages that carry none.
    """
    text = normalise(text)
    lines = text.split("\n")
    nonempty = [i for i, ln in enumerate(lines) if ln.strip()][:HEADER_WINDOW]
    classified = [(i, *_classify(lines[i])) for i in nonempty]
    signals = [k for k, (_, kind, _) in enumerate(classified) if kind != "other"]

    section = headline = author = None
    summary: list[str] = []
    dates: dict[str, object] = {}
    if signals:
        header = classified[: signals[-1] + 1]
        body_text = "\n".join(lines[header[-1][0] + 1:])
        titles: list[str] = []
        prose: list[str] = []
        seen_summary = False
        for _, kind, value in header:
            if kind == "meta":
                for k, v in value.items():
                    dates.setdefault(k, v)
            elif kind == "date":
                dates.setdefault("published", value)
            elif kind == "byline":
                author = author or value
            elif kind == "bullet":
                summary.append(value)
                seen_summary = True
            elif is_title_like(value) and not seen_summary and not prose:
                titles.append(value)
            else:
                prose.append(value)
        section, headline, extra = _pick_headline(titles)
        summary = [*extra_summary(extra), *summary, *prose]
    else:
        blocks = blocks_of(text)
        if len(blocks) >= 2 and is_title_like(blocks[0]):
            if len(blocks) >= 3 and is_title_like(blocks[1]) and len(blocks[0].split()) <= 5 \
                    and len(blocks[1].split()) > len(blocks[0].split()):
                section, headline = blocks[0], blocks[1]
                blocks = blocks[2:]
            else:
                headline = blocks[0]
                blocks = blocks[1:]
        body, related = clean_body(blocks)
        return build_article(
            body=body, headline=headline, section=section, title=title, published=published,
            related=related, origin=origin, id=id, url=url, source=source, format=format,
        )

    blocks = blocks_of(body_text)
    if headline is None and len(blocks) >= 2 and is_title_like(blocks[0]):
        headline, blocks = blocks[0], blocks[1:]  # the date line came first, then the headline
    body, related = clean_body(blocks)
    return build_article(
        body=body,
        headline=headline,
        summary=summary,
        section=section,
        title=title if not headline else None,
        published=dates.get("published") or dates.get("updated") or published,
        updated=dates.get("updated"),
        author=author,
        related=related,
        origin=origin,
        id=id,
        url=url,
        source=source,
        format=format,
    )


def extra_summary(extra: list[str]) -> list[str]:
    """Title-like header lines other than section and headline: keep the long ones as summary."""
    return [t for t in extra if len(t.split()) >= 6]
