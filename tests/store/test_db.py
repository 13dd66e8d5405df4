"""The DuckDB store: idempotent writes, failures, runs, filters, read-back."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from whimbrel.errors import StoreError, UsageError
from whimbrel.ingest import article_from_text
from whimbrel.model import Actor, Document, Event, Evidence, Failure, Modality, Plover
from whimbrel.store import EventFilter, Store, db_path

TEXT = "Chile protested to Peru on Monday.\n\nPeru met Bolivia in La Paz on Tuesday."


def _event(art, n, src, tgt, cameo, plover, date, *, trigger="protested", start=6):
    return Event(
        event_id=f"{art.id}-{n}", article_id=art.id, sentence_index=n,
        source=Actor(src, src[:3].title(), 0, 5, src[:3], src[3:] or None, name=f"{src} leader"),
        target=Actor(tgt, tgt[:3].title(), 19, 23, tgt[:3], tgt[3:] or None, name=f"{tgt} people"),
        cameo=cameo, cameo_root=cameo[:2], quad_class=3, goldstein=-2.0, plover=Plover(plover, None),
        evidence=Evidence("s", 0, trigger, start, start + len(trigger)), modality=Modality(), date=date,
        coder_version="test",
    )


@pytest.fixture()
def doc():
    art = article_from_text(TEXT, published="2019-01-07T10:00", id="a1")
    events = [_event(art, 0, "CHLGOV", "PER", "111", "ACCUSE", "2019-01-07"),
              _event(art, 1, "PER", "BOLGOV", "040", "CONSULT", None, trigger="met", start=40)]
    return Document(article=art, events=events)


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as s:
        yield s


def test_write_is_idempotent_and_replaces(store, doc):
    run = store.begin_run("test", "v1")
    assert store.write_document(doc, run) == 2
    before = store.counts()
    assert store.write_document(doc, run) == 2
    assert store.counts() == before == {"articles": 1, "events": 2, "failures": 0, "runs": 1}
    # re-coding with fewer events replaces the old ones
    doc.events = doc.events[:1]
    store.write_document(doc, run)
    assert store.counts()["events"] == 1
    assert store.has_article("a1", doc.article.content_hash)
    assert not store.has_article("a1", "other-hash")
    assert store.stored_hashes(["a1", "zz"]) == {"a1": doc.article.content_hash}


def test_article_round_trip(store, doc):
    store.write_document(doc)
    back = store.article("a1")
    assert back == doc.article
    assert store.article("nope") is None


def test_failures_replace_and_clear_when_document_codes(store, doc):
    f = Failure(document="a1", stage="annotate", code="internal", reason="boom", origin="x.txt")
    store.write_failure(f)
    store.write_failure(f)
    assert store.counts()["failures"] == 1
    store.write_document(doc)
    assert store.counts()["failures"] == 0


def test_write_batch_is_one_transaction(store, doc):
    bad = Document(article=doc.article, events=[doc.events[0]])
    # an event that violates the schema (cameo is NOT NULL) makes the whole batch fail
    broken = Document(article=article_from_text("Other text.", id="a2"),
                      events=[Event(**{**doc.events[0].__dict__, "event_id": "e", "article_id": "a2", "cameo": None})])
    with pytest.raises(StoreError, match="rolled back"):
        store.write_batch([bad, Failure("f", "read", "empty", "empty file"), broken], "r")
    assert store.counts() == {"articles": 0, "events": 0, "failures": 0, "runs": 0}
    assert store.write_batch([bad, Failure("f", "read", "empty", "empty file")], "r") == (1, 1, 1)


def test_runs_are_recorded(store):
    run = store.begin_run("ingest x", "v9")
    store.end_run(run, n_articles=3, n_events=7, n_failed=1)
    row = store.con.execute("SELECT command, coder_version, status, n_articles, n_events, n_failed, finished IS NOT NULL FROM runs").fetchall()
    assert row == [("ingest x", "v9", "done", 3, 7, 1, True)]


@pytest.mark.parametrize("flt, expected", [
    (EventFilter(), ["a1-0", "a1-1"]),
    (EventFilter(actor="PER"), ["a1-0", "a1-1"]),
    (EventFilter(source="PER"), ["a1-1"]),
    (EventFilter(target="BOL"), ["a1-1"]),
    (EventFilter(actor="chlgov leader"), ["a1-0"]),
    (EventFilter(source="chl"), ["a1-0"]),  # lower case: a name search
    (EventFilter(cameo="11"), ["a1-0"]),
    (EventFilter(cameo="04"), ["a1-1"]),
    (EventFilter(plover="consult"), ["a1-1"]),
    (EventFilter(since="2019-01-07", until="2019-01-07"), ["a1-0", "a1-1"]),  # undated: article date
    (EventFilter(since="2019-01-08"), []),
    (EventFilter(until="2018"), []),
    (EventFilter(since="2019-01", until="2019-01"), ["a1-0", "a1-1"]),
    (EventFilter(article_id="a1", limit=1), ["a1-0"]),
])
def test_event_filters(store, doc, flt, expected):
    store.write_document(doc)
    assert [r["event_id"] for r in store.events(flt)] == expected


def test_events_are_the_json_record(store, doc):
    store.write_document(doc)
    rec = store.events(EventFilter(cameo="111"))[0]
    assert rec == doc.events[0].as_dict()
    row = store.con.execute("SELECT source_code, target_code, date, trigger_start FROM events WHERE event_id='a1-0'").fetchone()
    assert row == ("CHLGOV", "PER", dt.date(2019, 1, 7), 6)


def test_bad_filter_date_is_usage_error():
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        EventFilter(since="last tuesday").to_sql()


def test_db_path_resolution(monkeypatch, tmp_path):
    monkeypatch.delenv("WHIMBREL_DB", raising=False)
    assert str(db_path()) == "whimbrel.duckdb"
    monkeypatch.setenv("WHIMBREL_DB", str(tmp_path / "env.duckdb"))
    assert db_path() == tmp_path / "env.duckdb"
    assert db_path(tmp_path / "x.duckdb") == tmp_path / "x.duckdb"


def test_read_only_missing_db_is_named_error(tmp_path):
    with pytest.raises(StoreError, match="whimbrel ingest"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_store_is_a_plain_duckdb_file(tmp_path, doc):
    with Store(tmp_path / "f.duckdb") as s:
        s.write_document(doc)
    con = duckdb.connect(str(tmp_path / "f.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 2
    con.close()
