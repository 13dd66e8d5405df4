"""Re-coding stored articles: version tracking, per-article transactions, resumability."""

from __future__ import annotations

import pytest
from eventdb_factory import article, document, event

from whimbrel.model import Document, Failure
from whimbrel.store import Store, dedup
from whimbrel.store.recode import pending, recode


class FakePipeline:
    """Stands in for Pipeline: codes each article into one 043 event (two for 'a1'), stamped ``version``."""

    def __init__(self, version, *, crash_after=None, fail=()):
        self.coder_version = version
        self.crash_after = crash_after
        self.fail = set(fail)

    def pipe(self, articles, batch_size=None):
        for i, art in enumerate(articles):
            if self.crash_after is not None and i >= self.crash_after:
                raise KeyboardInterrupt("simulated interrupt")
            if art.id in self.fail:
                yield Failure(document=art.id, stage="events", code="internal", reason="boom")
                continue
            evs = [event(art, 0, "PRKGOV", "CUBGOV", "043", date="2018-11-04", version=self.coder_version)]
            if art.id == "a1":
                evs.append(event(art, 1, "USAGOV", "PRKGOV", "112", date="2018-11-05", version=self.coder_version))
            yield Document(article=art, events=evs)


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as st:
        for i in range(5):
            a = article(f"a{i}", f"Article {i}: Kim met Diaz-Canel.", source=f"s{i}")
            st.write_document(document(a, [event(a, 0, "PRKGOV", "CUBGOV", "042", date="2018-11-04", version="v1")]))
        dedup.refresh(st.con)
        yield st


def _versions(st):
    return dict(st.con.execute("SELECT article_id, coder_version FROM articles").fetchall())


def test_recode_replaces_events_and_versions(store):
    st = recode(store, FakePipeline("v2"))
    assert (st.todo, st.recoded, st.failed, st.events_before, st.events_after) == (5, 5, 0, 5, 6)
    assert set(_versions(store).values()) == {"v2"}
    rows = store.con.execute("SELECT DISTINCT cameo, coder_version FROM events ORDER BY cameo").fetchall()
    assert rows == [("043", "v2"), ("112", "v2")]
    # the event database followed: one 043 event from five articles, no stale 042
    d = store.con.execute("SELECT cameo, num_articles FROM dedup_events ORDER BY cameo").fetchall()
    assert d == [("043", 5), ("112", 1)]
    assert not dedup.is_stale(store.con)
    # nothing left to do for this version
    assert pending(store, "v2") == []
    assert recode(store, FakePipeline("v2")).todo == 0


def test_interrupted_recode_loses_nothing_and_resumes(store):
    with pytest.raises(KeyboardInterrupt):
        recode(store, FakePipeline("v2", crash_after=2))
    versions = _versions(store)
    assert sorted(versions.values()) == ["v1", "v1", "v1", "v2", "v2"]
    # every article still has its events, old or new
    per_article = dict(store.con.execute("SELECT article_id, count(*) FROM events GROUP BY 1").fetchall())
    assert set(per_article) == {f"a{i}" for i in range(5)}
    run = store.con.execute("SELECT status FROM runs WHERE command = 'recode'").fetchone()
    assert run == ("interrupted",)
    st = recode(store, FakePipeline("v2"))
    assert st.todo == 3 and st.recoded == 3
    assert set(_versions(store).values()) == {"v2"}


def test_failed_article_keeps_its_events(store):
    st = recode(store, FakePipeline("v2", fail={"a3"}))
    assert st.recoded == 4 and st.failed == 1
    assert store.con.execute("SELECT cameo, coder_version FROM events WHERE article_id = 'a3'").fetchall() == \
        [("042", "v1")]
    assert store.con.execute("SELECT stage FROM failures WHERE document = 'a3'").fetchall() == [("events",)]
    assert pending(store, "v2") == ["a3"]


def test_force_recodes_current_articles_and_is_resumable(store):
    recode(store, FakePipeline("v2"))
    with pytest.raises(KeyboardInterrupt):
        recode(store, FakePipeline("v2", crash_after=1), force=True)
    assert len(pending(store, "v2")) == 4
    assert recode(store, FakePipeline("v2")).recoded == 4


def test_limit_leaves_the_rest_pending(store):
    st = recode(store, FakePipeline("v2"), limit=2)
    assert st.recoded == 2 and len(pending(store, "v2")) == 3


def test_recode_with_the_real_pipeline(store, pipeline):
    st = recode(store, pipeline, limit=1)
    assert (st.todo, st.recoded, st.failed) == (1, 1, 0)
    assert list(_versions(store).values()).count(pipeline.coder_version) == 1
    assert store.con.execute("SELECT count(*) FROM failures").fetchone()[0] == 0
