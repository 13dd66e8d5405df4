"""HTML pages through trafilatura: title, date, author, site, URL and the main text.

trafilatura finds the article body and drops navigation and boilerplate. Its
text puts one paragraph per line; the headline is removed from the body when
trafilatura repeats it there, and links to other stories are moved to
``related`` like in the text reader.
"""

from __future__ import annotations

import logging
import warnings

from ..errors import EmptyDocument, InputError
from ..model import Article
from .build import build_article, clean_body, squash
from .dates import coerce_datetime

_DATE_PARAMS = {"original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S", "extensive_search": True}


def parse_html(
    html: str,
    *,
    id: str | None = None,
    origin: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published=None,
    source: str | None = None,
) -> Article:
    """Extract the article in an HTML page. Raises :class:`EmptyDocument` if it has no main text."""
    try:
        import trafilatura
    except ImportError as e:  # pragma: no cover - dependency of the package
        raise InputError(f"reading HTML needs trafilatura: pip install trafilatura lxml_html_clean ({e})") from e
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():  # lxml deprecation chatter from inside trafilatura
            warnings.simplefilter("ignore")
            doc = trafilatura.bare_extraction(
                html, url=url, with_metadata=True, include_comments=False, include_tables=False,
                date_extraction_params=_DATE_PARAMS,
            )
    except Exception as e:  # trafilatura raises many kinds on broken markup
        raise InputError(f"the HTML could not be parsed ({type(e).__name__}: {e})", document=origin) from e
    if doc is None or not (doc.text or "").strip():
        raise EmptyDocument(
            "no article text found in the HTML (a page of links, a paywall or a script-only page?); "
            "save the article page itself, or its text",
            document=origin,
        )
    headline = squash(doc.title) if doc.title else title
    lines = [squash(ln) for ln in doc.text.split("\n") if ln.strip()]
    if headline and lines and lines[0].lower() == headline.lower():
        lines = lines[1:]
    body, related = clean_body(lines)
    if not body:
        raise EmptyDocument("the page's main text is empty after removing links and boilerplate", document=origin)
    return build_article(
        body=body,
        headline=headline,
        published=coerce_datetime(doc.date) or published,
        url=doc.url or url,
        source=doc.sitename or doc.hostname or source,
        author=doc.author,
        related=related,
        origin=origin,
        id=id,
        format="html",
    )
