"""Story clusters and event deduplication on small hand-built stores (no spaCy)."""

from __future__ import annotations

import pytest
from eventdb_factory import ORIGINALS, article, document, event, syndicate

from whimbrel.store import Store, clusters, dedup

OUTLETS = ("reuters", "ap", "afp")


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as st:
        yield st


def _dedup_rows(con):
    return con.execute(
        "SELECT source_code, target_code, cameo, date, date_end, num_mentions, num_articles, num_sources, "
        "num_stories, location_name FROM dedup_events ORDER BY cameo, date, source_code"
    ).fetchall()


def syndicated_store(st):
    """3 originals, each with 3 edited copies from other outlets; 2 events per copy of the Kim story."""
    arts = []
    for i, (aid, text) in enumerate(ORIGINALS):
        arts.append(article(aid, text, source="scmp", url=f"https://www.scmp.com/{aid}"))
        for k, outlet in enumerate(OUTLETS):
            arts.append(article(f"{aid}-{outlet}", syndicate(text, seed=10 * i + k, outlet=outlet),
                                source=outlet, url=f"https://{outlet}.example/{aid}",
                                published=f"2018-11-05T1{k}:00"))
    for a in arts:
        evs = []
        if a.id.startswith("kim-cuba"):
            evs = [event(a, 1, "PRKGOV", "CUBGOV", "043", date="2018-11-04", place="Pyongyang"),
                   event(a, 2, "PRKGOV", "CUBGOV", "057", date="2018-11-04", symmetric=True)]
        st.write_document(document(a, evs))
    return arts


def test_syndicated_copies_form_one_cluster_per_original(store):
    syndicated_store(store)
    stats = clusters.build_clusters(store.con)
    assert stats.articles == 12
    assert stats.clusters == 3 and stats.clustered == 12
    found = clusters.list_clusters(store.con)
    members = sorted(sorted(a["article_id"] for a in c["articles"]) for c in found)
    assert members == sorted(sorted([aid] + [f"{aid}-{o}" for o in OUTLETS]) for aid, _ in ORIGINALS)
    for c in found:
        assert c["n_sources"] == 4
        assert c["first_article"] in dict(ORIGINALS)  # the earliest published is the original


def test_unrelated_articles_stay_apart(store):
    for aid, text in ORIGINALS:
        store.write_document(document(article(aid, text), []))
    stats = clusters.build_clusters(store.con)
    assert stats.clusters == 0


def test_shingle_jaccard_separates_copies_from_other_stories():
    a, b = ORIGINALS[0][1], ORIGINALS[1][1]
    sa, sb, sc = clusters.signatures([a, b, syndicate(a, seed=3, outlet="ap")])
    assert clusters.jaccard(sa, sc) >= clusters.DEFAULT_THRESHOLD
    assert clusters.jaccard(sa, sb) < 0.1


def test_copies_count_once_with_gdelt_counts(store):
    syndicated_store(store)
    st = dedup.refresh(store.con)
    assert st.raw_events == 8 and st.events == 2
    assert st.inflation == pytest.approx(4.0)
    rows = _dedup_rows(store.con)
    visit = next(r for r in rows if r[2] == "043")
    assert visit[5:9] == (4, 4, 4, 1)  # mentions, articles, sources, stories
    assert visit[9] == "Pyongyang"
    mentions = store.con.execute("SELECT count(*), count(DISTINCT article_id) FROM event_mentions").fetchone()
    assert mentions == (8, 4)
    # the raw events are untouched and still queryable
    assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 8


def test_same_outlet_counts_one_source_and_repeat_mentions_count(store):
    a1 = article("a1", "Kim met Diaz-Canel.\n\nKim met him again at the airport.", source="Reuters")
    a2 = article("a2", "Kim and Diaz-Canel met in Pyongyang, Reuters said.", source="reuters")
    store.write_document(document(a1, [event(a1, 0, "PRKGOV", "CUBGOV", "043", date="2018-11-04", offset=0),
                                       event(a1, 1, "PRKGOV", "CUBGOV", "043", date="2018-11-04", offset=21)]))
    store.write_document(document(a2, [event(a2, 0, "PRKGOV", "CUBGOV", "043", date="2018-11-04")]))
    dedup.refresh(store.con)
    assert _dedup_rows(store.con) == [("PRKGOV", "CUBGOV", "043", _d("2018-11-04"), None, 3, 2, 1, 2, None)]


def _d(s):
    import datetime as dt

    return dt.date.fromisoformat(s)


@pytest.mark.parametrize(
    "first, second, merged",
    [
        (dict(date="2018-11-04"), dict(date="2018-11-04"), True),
        (dict(date="2018-11-04"), dict(date="2018-11-05"), False),
        (dict(date="2018-11-05", precision="week"), dict(date="2018-11-08"), True),  # range overlaps
        (dict(date="2018-11-01", precision="month"), dict(date="2018-11-20"), True),
        (dict(date="2018-11-04", date_end="2018-11-06"), dict(date="2018-11-06"), True),
        (dict(date="2018-11-04", place="Pyongyang"), dict(date="2018-11-04", place="Havana"), False),
        (dict(date="2018-11-04", place="Pyongyang"), dict(date="2018-11-04", place="North Korea"), True),
        (dict(date="2018-11-04", place="Pyongyang"), dict(date="2018-11-04"), True),
        (dict(date="2018-11-04"), dict(date="2018-11-04", future=True), False),
        (dict(date="2018-11-04"), dict(date="2018-11-04", negated=True), False),
    ],
)
def test_dedup_rule(store, first, second, merged):
    a = article("a", "one report", source="x")
    b = article("b", "another report", source="y")
    store.write_document(document(a, [event(a, 0, "PRKGOV", "CUBGOV", "043", **first)]))
    store.write_document(document(b, [event(b, 0, "PRKGOV", "CUBGOV", "043", **second)]))
    st = dedup.refresh(store.con)
    assert st.events == (1 if merged else 2)


def test_different_code_or_roots_never_merge(store):
    a = article("a", "one report")
    store.write_document(document(a, [
        event(a, 0, "PRKGOV", "CUBGOV", "112", date="2018-11-04"),
        event(a, 1, "PRKGOV", "CUBGOV", "163", date="2018-11-04"),
        event(a, 2, "PRKGOV", "USAGOV", "112", date="2018-11-04"),
        event(a, 3, "CUBGOV", "PRKGOV", "112", date="2018-11-04"),  # directed act, other way round
    ]))
    assert dedup.refresh(store.con).events == 4


def test_a_visit_and_its_hosting_are_one_meeting(store):
    # CAMEO codes the visitor's side (042) and the host's (043) of one visit; on one day they are one event
    a = article("a", "Diaz-Canel visited Pyongyang.", source="x")
    b = article("b", "Kim hosted Diaz-Canel.", source="y")
    store.write_document(document(a, [event(a, 0, "CUBGOV", "PRKGOV", "042", date="2018-11-04")]))
    store.write_document(document(b, [event(b, 0, "PRKGOV", "CUBGOV", "043", date="2018-11-04")]))
    assert dedup.refresh(store.con).events == 1


def test_a_meeting_on_another_day_is_another_meeting(store):
    a = article("a", "Diaz-Canel visited Pyongyang.", source="x")
    b = article("b", "Kim hosted Diaz-Canel again.", source="y")
    store.write_document(document(a, [event(a, 0, "CUBGOV", "PRKGOV", "042", date="2018-11-04")]))
    store.write_document(document(b, [event(b, 0, "PRKGOV", "CUBGOV", "043", date="2018-11-09")]))
    assert dedup.refresh(store.con).events == 2


def test_symmetric_acts_merge_in_either_order(store):
    a = article("a", "The two agreed.")
    b = article("b", "Cuba and North Korea agreed.")
    store.write_document(document(a, [event(a, 0, "PRKGOV", "CUBGOV", "057", date="2018-11-04", symmetric=True)]))
    store.write_document(document(b, [event(b, 0, "CUBGOV", "PRKGOV", "057", date="2018-11-04", symmetric=True)]))
    assert dedup.refresh(store.con).events == 1


def test_ranges_do_not_chain(store):
    # 4th..6th overlaps both the 4th and the 6th, but the 4th and the 6th are different days
    for i, kw in enumerate([dict(date="2018-11-04"), dict(date="2018-11-04", date_end="2018-11-06"),
                            dict(date="2018-11-06")]):
        a = article(f"a{i}", f"report {i}")
        store.write_document(document(a, [event(a, 0, "PRKGOV", "CUBGOV", "043", **kw)]))
    st = dedup.refresh(store.con)
    assert st.events == 2
    rows = _dedup_rows(store.con)
    assert sorted(r[6] for r in rows) == [1, 2]
    assert all(r[4] is None for r in rows)  # each narrowed to one day


def test_undated_reports_fall_back_to_publication_day(store):
    a = article("a", "Kim met Diaz-Canel.", published="2018-11-04T09:00")
    b = article("b", "Kim met Diaz-Canel.", published="2018-11-04T20:00")
    c = article("c", "Five days on, a new visit: the Cuban leader was back with Kim.", published="2018-11-09T20:00")
    for art in (a, b, c):
        store.write_document(document(art, [event(art, 0, "PRKGOV", "CUBGOV", "043")]))
    assert dedup.refresh(store.con).events == 2


def test_refresh_is_incremental_and_matches_rebuild(store):
    syndicated_store(store)
    dedup.refresh(store.con)
    first = _dedup_rows(store.con)
    assert dedup.refresh(store.con).blocks_rebuilt == 0
    # a follow-up article: same visit, plus a new event
    f = article("follow", "Kim hosted Diaz-Canel; the US criticised North Korea.", source="nyt",
                published="2018-11-06T08:00")
    store.write_document(document(f, [event(f, 0, "PRKGOV", "CUBGOV", "043", date="2018-11-04"),
                                      event(f, 1, "USAGOV", "PRKGOV", "112", date="2018-11-05")]))
    assert dedup.is_stale(store.con)
    st = dedup.refresh(store.con)
    assert st.blocks_rebuilt == 2 and not dedup.is_stale(store.con)
    after = _dedup_rows(store.con)
    assert dedup.rebuild(store.con).events == st.events
    assert _dedup_rows(store.con) == after
    visit = next(r for r in after if r[2] == "043")
    assert visit[6] == 5 and visit[8] == 2  # 5 articles, 2 independent stories
    # removing an article's events (re-written with none) removes its mentions
    store.write_document(document(f, []))
    dedup.refresh(store.con)
    assert _dedup_rows(store.con) == first


def test_window_allows_slack(store):
    a = article("a", "x", source="x")
    b = article("b", "y", source="y")
    store.write_document(document(a, [event(a, 0, "PRKGOV", "CUBGOV", "043", date="2018-11-04")]))
    store.write_document(document(b, [event(b, 0, "PRKGOV", "CUBGOV", "043", date="2018-11-05")]))
    assert dedup.refresh(store.con).events == 2
    assert dedup.rebuild(store.con, window=1).events == 1


def test_late_wire_copy_is_anchored_to_the_original_day(store):
    text = ORIGINALS[2][1]
    orig = article("un", text, source="un-news", published="2018-11-07T08:00")
    late = article("un-late", syndicate(text, seed=5, outlet="ap"), source="ap", published="2018-11-08T09:00")
    other = article("other", "A different report of talks in Geneva, written the next day.", source="bbc",
                    published="2018-11-08T09:00")
    # "on Wednesday" / "today" resolved against each copy's own publication day
    store.write_document(document(orig, [event(orig, 0, "IGOUNO", "SYRGOV", "043", date="2018-11-07")]))
    store.write_document(document(late, [event(late, 0, "IGOUNO", "SYRGOV", "043", date="2018-11-08")]))
    store.write_document(document(other, [event(other, 0, "IGOUNO", "SYRGOV", "043", date="2018-11-08")]))
    dedup.refresh(store.con)
    rows = store.con.execute(
        "SELECT date, num_articles FROM dedup_events ORDER BY date").fetchall()
    # the late copy joins the original (its day re-anchored); the independent report stays apart
    assert rows == [(_d("2018-11-07"), 2), (_d("2018-11-08"), 1)]
