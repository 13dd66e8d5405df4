"""The library's front door: code a text or an Article into events."""

from __future__ import annotations

import datetime as dt
import functools

from .errors import WhimbrelError
from .model import Article, Event, Failure
from .settings import Settings


@functools.lru_cache(maxsize=2)
def default_pipeline(settings: Settings | None = None):
    """The pipeline for ``settings`` (default: from the environment), built once per process."""
    from .pipeline import Pipeline

    return Pipeline.load(settings or Settings.from_env())


def code_article(article: Article, *, pipeline=None) -> list[Event]:
    """Code one Article. Raises the document's error if it cannot be coded."""
    pipe = pipeline or default_pipeline()
    (result,) = list(pipe.pipe([article]))
    if isinstance(result, Failure):
        raise WhimbrelError(f"{result.stage}: {result.reason}", document=result.document)
    return result.events


def code_text(
    text: str,
    *,
    published: str | dt.date | dt.datetime | None = None,
    title: str | None = None,
    id: str | None = None,
    pipeline=None,
) -> list[Event]:
    """Code a plain text (or a news page saved as text) into events."""
    from .ingest import article_from_text

    article = article_from_text(text, id=id, published=published, title=title)
    return code_article(article, pipeline=pipeline)
