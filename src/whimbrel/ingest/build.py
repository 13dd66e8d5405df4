"""Assemble an :class:`~whimbrel.model.Article` from its parts, and clean a body.

Every reader ends here, so ids, hashes and the coded-text layout are the same
for every format:

* ``Article.text`` is the headline, the summary bullets and the body
  paragraphs joined by blank lines; ``Article.paragraphs`` gives each block's
  span and kind (headline / summary / body).
* The id is the one the source gave, else ``sha256(text)[:16]``: the same
  article read twice (from any file name) gets the same id.
* ``content_hash`` covers the text *and* the metadata that coding uses (title,
  publication date): if either changes, the stored article is re-coded.

Body cleaning (:func:`clean_body`) moves links to other stories out of the text
into ``related``: a block that reads like a headline (one line, several words,
no closing punctuation) sitting between body paragraphs, or a block introduced
by "Read more:", "Related:", "See also:" and the like.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from ..errors import EncodingError
from ..model import Article, Paragraph
from .dates import coerce_datetime

BULLETS = "\u2022\u25aa\u25cf\u25e6\u2023\u2043\u00b7\u25ba\u25b8\u2219*-\u2013"
_BULLET = re.compile(rf"^\s*[{re.escape(BULLETS)}]\s+")
_RELATED_PREFIX = re.compile(
    r"^\s*(read more|read also|also read|related|related stories?|related articles?|see also|"
    r"recommended|more on this|more from|watch|listen|click here|continue reading)\s*[:\-\u2013\u2014|>]+\s*",
    re.I,
)
# single-block boilerplate that is never news text
_BOILER = re.compile(
    r"^\s*(advertisement|sponsored|share( this( article| story)?)?|comments?|copy link|"
    r"(sign up|subscribe)\b.*|follow us\b.*|photo:.*|image:.*|video:.*|getty images|reuters|"
    r"associated press|ap photo.*|afp|\(?[A-Z][a-z]+ [A-Z][a-z]+/(AP|AFP|Reuters|Getty)\)?)\s*$",
    re.I,
)
_END_PUNCT = re.compile(r"[.!?\u2026:;,\u3002\uff01\uff1f]['\"\u2019\u201d\u00bb)\]]*\s*$")


#: the control characters (Unicode category Cc: U+0000-U+001F and U+007F-U+009F) but tab and newline
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalise(text: str) -> str:
    """Unicode NFC, Unix newlines, no BOM, no trailing spaces, no control characters."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text)
    text = text.replace("\t", " ").replace("\u00a0", " ")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def squash(text: str) -> str:
    return re.sub(r"[ \u2009\u200a\u2002\u2003]+", " ", text).strip()


def strip_bullet(line: str) -> str | None:
    """The text of a bullet line, or ``None`` if the line is not a bullet."""
    m = _BULLET.match(line)
    if not m:
        return None
    rest = line[m.end():].strip()
    return rest or None


def is_title_like(line: str, *, min_words: int = 1, max_words: int = 30) -> bool:
    """One line that reads like a headline: no closing punctuation, a few words, capitalised start."""
    line = line.strip()
    if not line or "\n" in line or len(line) > 250:
        return False
    if _END_PUNCT.search(line):
        return False
    words = line.split()
    if not (min_words <= len(words) <= max_words):
        return False
    first = line.lstrip("\"'\u2018\u201c(")[:1]
    return first.isupper() or first.isdigit()


def blocks_of(text: str) -> list[str]:
    """Paragraph blocks: separated by blank lines; hard-wrapped lines are re-joined.

    Inside a block, lines are joined with a space (unwrapped), unless every line
    ends like a sentence, in which case each line is its own paragraph (texts
    that put one paragraph per line with no blank lines between).
    """
    out: list[str] = []
    for raw in re.split(r"\n\s*\n", text):
        lines = [squash(ln) for ln in raw.split("\n") if ln.strip()]
        if not lines:
            continue
        if len(lines) > 1 and all(_END_PUNCT.search(ln) and not ln.endswith(",") for ln in lines):
            out.extend(lines)
        else:
            out.append(" ".join(lines))
    return out


def clean_body(blocks: list[str]) -> tuple[list[str], list[str]]:
    """Split body blocks into (paragraphs to code, related-story links)."""
    body: list[str] = []
    related: list[str] = []
    n = len(blocks)
    for i, block in enumerate(blocks):
        m = _RELATED_PREFIX.match(block)
        if m and block[m.end():].strip():
            related.append(block[m.end():].strip())
            continue
        if _BOILER.match(block):
            continue
        between = 0 < i < n - 1 and bool(body)
        if between and is_title_like(block, min_words=4, max_words=22):
            related.append(block)
            continue
        body.append(block)
    return body, related


def _check_text(origin: str | None, **fields: str | None) -> None:
    """Every string of an article must be storable as UTF-8: an unpaired surrogate (from a JSON
    escape or a Python caller) is a bad document, found here rather than by the database."""
    for name, value in fields.items():
        if not value:
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as e:
            raise EncodingError(
                f"the {name} holds an unpaired surrogate (\\u{ord(value[e.start]):04x} at character {e.start}), "
                f"which is not text; fix the program that wrote it",
                document=origin,
            ) from None


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build_article(
    *,
    body: Iterable[str],
    headline: str | None = None,
    summary: Iterable[str] = (),
    section: str | None = None,
    title: str | None = None,
    published=None,
    updated=None,
    url: str | None = None,
    source: str | None = None,
    author: str | None = None,
    related: Iterable[str] = (),
    origin: str | None = None,
    id: str | None = None,
    format: str = "text",
) -> Article:
    """The one place an Article is made: layout of the coded text, id and hashes."""
    blocks: list[tuple[str, str]] = []
    if headline:
        blocks.append((squash(headline), "headline"))
    summary = tuple(squash(s) for s in summary if s and s.strip())
    blocks += [(s, "summary") for s in summary]
    blocks += [(squash(b), "body") for b in body if b and b.strip()]
    parts, paragraphs, pos = [], [], 0
    for text, kind in blocks:
        if not text:
            continue
        parts.append(text)
        paragraphs.append(Paragraph(pos, pos + len(text), kind))
        pos += len(text) + 2
    text = "\n\n".join(parts)
    published = coerce_datetime(published)
    updated = coerce_datetime(updated)
    title = title or headline
    id = str(id) if id not in (None, "") else None
    related = tuple(related)
    _check_text(origin, id=id, title=title, section=section, url=url, source=source, author=author,
                summary="".join(summary), related="".join(r for r in related if r))
    try:
        digest = text_hash(text)
    except UnicodeEncodeError:
        _check_text(origin, text=text)
        raise
    meta = "\x1f".join([text, title or "", published.isoformat() if published else ""])
    return Article(
        id=id or digest[:16],
        text=text,
        paragraphs=tuple(paragraphs),
        title=squash(title) if title else None,
        section=squash(section) if section else None,
        summary=summary,
        published=published,
        updated=updated,
        url=url or None,
        source=source or None,
        author=author or None,
        related=tuple(dict.fromkeys(squash(r) for r in related if r and r.strip())),
        origin=origin,
        content_hash=text_hash(meta),
        format=format,
    )
