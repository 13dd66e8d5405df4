"""News from the web: article links (:func:`read_url`) and RSS/Atom feeds (:mod:`.feeds`).

Everything goes through one polite :class:`~.http.Fetcher` (robots.txt, one request at a
time per host with a delay, timeouts, size and redirect limits, a user agent naming
whimbrel). A page that cannot be fetched or read becomes a
:class:`~whimbrel.model.Failure` (stage ``fetch``) naming the URL and the reason, like
any bad document; the other documents go on.
"""

from __future__ import annotations

import functools

from ..errors import InputError
from ..model import Article, Failure
from .http import HTML_TYPES, TEXT_TYPES, Fetcher, FetchError, is_url

__all__ = ["Fetcher", "FetchError", "default_fetcher", "is_url", "read_url"]


@functools.lru_cache(maxsize=1)
def default_fetcher() -> Fetcher:
    """One fetcher per process (settings from the environment), so the per-host delay holds across calls."""
    return Fetcher()


def read_url(url: str, *, fetcher: Fetcher | None = None, published=None, title: str | None = None,
             id: str | None = None) -> Article | Failure:
    """Fetch an article page and read it (HTML through trafilatura, or plain text).

    The page's own publication date and canonical URL win; ``published`` and ``title``
    (for instance from a feed item) are used when the page carries none. Never raises
    for a bad page: it becomes a Failure with stage ``fetch`` (could not be fetched) or
    ``parse`` (fetched, but no article in it).
    """
    from ..ingest import article_from_text, parse_html
    from ..ingest.sources import decode

    fetcher = fetcher or default_fetcher()
    stage = "fetch"
    try:
        resp = fetcher.get(url, accept=HTML_TYPES + TEXT_TYPES)
        stage = "decode"
        is_html = resp.content_type in HTML_TYPES
        text = _decode(resp, url, decode, html=is_html)
        stage = "parse"
        if is_html:
            return parse_html(text, url=resp.url, origin=url, published=published, title=title, id=id)
        article = article_from_text(text, origin=url, published=published, title=title, id=id)
        from dataclasses import replace

        return replace(article, url=resp.url, format="url-text")
    except InputError as e:
        return Failure(url, stage, e.code, e.message, url)
    except Exception as e:  # never let one page stop the others
        return Failure(url, stage, "internal",
                       f"{type(e).__name__}: {e} (an unexpected error while reading; please report it)", url)


def _decode(resp, url: str, decode, *, html: bool) -> str:
    if resp.charset and resp.charset.lower() not in ("utf-8", "utf8"):
        try:
            return resp.body.decode(resp.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(resp.body, document=url, html=html)
