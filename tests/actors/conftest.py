"""Fixtures for the actor tests: run spaCy + the actors stage on small texts."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture(scope="session")
def actor_stage(pipeline):
    from whimbrel.actors.resolve import ActorStage

    return ActorStage(pipeline.settings)


@pytest.fixture(scope="session")
def resolve(pipeline, actor_stage):
    """resolve(text, published="2018-11-05") -> list of Actor mentions."""
    from whimbrel.ingest import article_from_text
    from whimbrel.model import Document
    from whimbrel.nlp import attach

    def run(text: str, published: str = "2018-11-05"):
        art = article_from_text(text, published=dt.datetime.fromisoformat(published))
        doc = attach(Document(article=art), pipeline.nlp(art.text))
        return actor_stage(doc).mentions

    return run
