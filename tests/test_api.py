"""The library API: code_text, code_article, read, code_paths, ingest."""

from __future__ import annotations

from pathlib import Path

import pytest

import whimbrel
from whimbrel import api
from whimbrel.errors import EmptyDocument, UsageError
from whimbrel.model import Document, Event, Failure
from whimbrel.store import EventFilter, Store

INPUTS = Path(__file__).parent / "data" / "inputs"


def test_code_text_returns_events_for_the_given_id(pipeline, example_text):
    events = whimbrel.code_text(example_text, id="ex-1", pipeline=pipeline)
    assert isinstance(events, list) and all(isinstance(e, Event) for e in events)
    assert all(e.article_id == "ex-1" for e in events)
    # offsets point into the cleaned text and the evidence is quoted from it
    art = whimbrel.ingest.article_from_text(example_text, id="ex-1")
    for e in events:
        assert art.text[e.evidence.trigger_start:e.evidence.trigger_end] == e.evidence.trigger


def test_code_text_empty_raises(pipeline):
    with pytest.raises(EmptyDocument):
        whimbrel.code_text("   ", pipeline=pipeline)


def test_read_and_code_paths_in_order(pipeline, tmp_path):
    (tmp_path / "a.txt").write_text("Chile protested to Peru on Monday.")
    (tmp_path / "b.txt").write_text("")
    (tmp_path / "c.jsonl").write_text('{"id": "c1", "text": "Peru answered."}\n')
    items = list(api.code_paths([str(tmp_path)], pipeline=pipeline))
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Document"]
    assert isinstance(items[1], Failure) and items[1].code == "empty"
    assert isinstance(items[2], Document) and items[2].article.id == "c1"
    with pytest.raises(UsageError):
        list(api.read([str(tmp_path / "missing")]))


def test_ingest_api_is_idempotent(pipeline, tmp_path):
    db = tmp_path / "api.duckdb"
    first = api.ingest([str(INPUTS / "records.jsonl")], db=db)
    assert (first.n_articles, first.n_failed, first.n_skipped) == (3, 0, 0)
    second = api.ingest([str(INPUTS / "records.jsonl")], db=db)
    assert (second.n_articles, second.n_skipped) == (0, 3)
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 3
        assert len(store.events(EventFilter(article_id="rec-text"))) == first.n_events - sum(
            len(store.events(EventFilter(article_id=i))) for i in ("rec-html", "sent-0001"))
