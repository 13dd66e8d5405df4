"""The rules of issue 12 for when two reports are one event (hand-built stores, no spaCy).

Each rule has a case where it fires and one where it must not.
"""

from __future__ import annotations

import pytest
from eventdb_factory import ORIGINALS, article, document, event, syndicate

from whimbrel.store import Store, dedup, matching

STORY = ORIGINALS[0][1]  # the Kim / Diaz-Canel story: copies of it fall into one story cluster
OWN = ("clause", "on Sunday", "clause")  # date and place found in the event's own clause


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as st:
        yield st


def _n(store) -> int:
    return dedup.refresh(store.con).events


def _two(store, first: dict, second: dict, *, how_a=None, how_b=None, codes=("043", "043"),
         a_pub="2018-11-05T08:00", b_pub="2018-11-05T09:00", text_b="another report") -> int:
    a = article("a", "one report", source="x", published=a_pub)
    b = article("b", text_b, source="y", published=b_pub)
    store.write_document(document(a, [event(a, 0, first.pop("src", "PRKGOV"), first.pop("tgt", "CUBGOV"),
                                            codes[0], **first)], how_a))
    store.write_document(document(b, [event(b, 0, second.pop("src", "PRKGOV"), second.pop("tgt", "CUBGOV"),
                                            codes[1], **second)], how_b))
    return _n(store)


# -- places -----------------------------------------------------------------------------

def test_a_dateline_place_does_not_block_a_merge(store):
    assert _two(store, dict(date="2018-11-04", place="London"), dict(date="2018-11-04", place="Pyongyang"),
                how_a=("clause", "on Sunday", "dateline"), how_b=OWN) == 1


def test_stated_places_in_two_countries_block_a_merge(store):
    assert _two(store, dict(date="2018-11-04", place="London"), dict(date="2018-11-04", place="Pyongyang"),
                how_a=OWN, how_b=OWN) == 2


def test_stated_places_in_one_country_merge(store):
    assert _two(store, dict(date="2018-11-04", place="Wonsan"), dict(date="2018-11-04", place="Pyongyang"),
                how_a=OWN, how_b=OWN) == 1


# -- symmetric acts ------------------------------------------------------------------------

def test_a_joint_act_from_one_report_is_one_event(store):
    # "Kim and Diaz-Canel agreed": the coder gives one event each way
    a = article("a", "Kim and Diaz-Canel agreed.")
    store.write_document(document(a, [event(a, 0, "PRKGOV", "CUBGOV", "057", date="2018-11-04", symmetric=True),
                                      event(a, 1, "CUBGOV", "PRKGOV", "057", date="2018-11-04", symmetric=True)]))
    assert _n(store) == 1


def test_a_meeting_reported_both_ways_is_one_event(store):
    # "Kim and Diaz-Canel meet" (PRK|CUB) and "Diaz-Canel met Kim" (CUB -> PRK, not marked symmetric)
    assert _two(store, dict(date="2018-11-04", symmetric=True), dict(src="CUBGOV", tgt="PRKGOV", date="2018-11-04"),
                codes=("040", "040")) == 1


def test_attacks_each_way_stay_two_events(store):
    # fighting is a symmetric code, but "A attacked B" and "B attacked A" are two directed acts
    assert _two(store, dict(date="2018-11-04"), dict(src="CUBGOV", tgt="PRKGOV", date="2018-11-04"),
                codes=("190", "190")) == 2


def test_a_joint_fight_joins_a_directed_report(store):
    assert _two(store, dict(date="2018-11-04", symmetric=True), dict(src="CUBGOV", tgt="PRKGOV", date="2018-11-04"),
                codes=("190", "190")) == 1


def test_block_key_is_unordered_only_for_joint_codes():
    assert matching.symmetric_code("040") and matching.symmetric_code("043") and matching.symmetric_code("190")
    assert not matching.symmetric_code("112") and not matching.symmetric_code("163")


# -- dates ---------------------------------------------------------------------------------

def test_a_date_borrowed_from_publication_covers_the_day_before(store):
    # "Kim hosts Diaz-Canel" (headline, undated, published on the 5th) and "... on Sunday" (the 4th)
    assert _two(store, dict(date="2018-11-05"), dict(date="2018-11-04"),
                how_a=("published", None, "none"), how_b=OWN) == 1


def test_a_borrowed_date_does_not_reach_two_days_back(store):
    assert _two(store, dict(date="2018-11-05"), dict(date="2018-11-03"),
                how_a=("published", None, "none"), how_b=OWN) == 2


def test_stated_dates_that_differ_never_merge_even_in_copies(store):
    orig = article("kim", STORY, source="scmp", published="2018-11-05T08:00")
    copy = article("kim-ap", syndicate(STORY, seed=1, outlet="ap"), source="ap", published="2018-11-05T10:00")
    store.write_document(document(orig, [event(orig, 0, "PRKGOV", "CUBGOV", "043", date="2018-11-04")],
                                  ("clause", "on 4 November", "clause")))
    store.write_document(document(copy, [event(copy, 0, "PRKGOV", "CUBGOV", "043", date="2018-11-03")],
                                  ("clause", "on 3 November", "clause")))
    assert _n(store) == 2


# -- copies of one story (alignment) ----------------------------------------------------------

def _story(store, copy_kw: dict, *, copy_how=("clause", "today", "dateline"), copy_pub="2018-11-06T10:00",
           copy_text=None, copy_code="043"):
    orig = article("kim", STORY, source="scmp", published="2018-11-05T08:00")
    copy = article("kim-ap", copy_text or syndicate(STORY, seed=1, outlet="ap"), source="ap", published=copy_pub)
    store.write_document(document(orig, [event(orig, 0, "PRKGOV", "CUBGOV", "043", date="2018-11-04",
                                               place="Pyongyang")], OWN))
    store.write_document(document(copy, [event(copy, 0, copy_kw.pop("src", "PRKGOV"), copy_kw.pop("tgt", "CUBGOV"),
                                               copy_code, **copy_kw)], copy_how))
    return _n(store)


def test_a_copy_with_an_unknown_actor_and_a_late_today_joins_the_original(store):
    # the copy's coder missed the source's country and its "today" resolved to its own, later day
    assert _story(store, dict(src="---GOV", date="2018-11-06", place="London")) == 1
    anchored = store.con.execute("SELECT count(*) FROM event_mentions WHERE anchor_id IS NOT NULL").fetchone()[0]
    assert anchored == 1


def test_a_copy_s_relative_date_more_than_a_week_off_stays_apart(store):
    assert _story(store, dict(src="---GOV", date="2018-11-16")) == 2


def test_an_unrelated_sentence_of_the_same_story_is_not_aligned(store):
    # same story cluster, same dyad and code, but another sentence and another day: boilerplate is not an event
    text = STORY.replace("Kim Jong-un welcomes Cuban leader in Pyongyang", "North Korea and Cuba at a glance")
    orig = article("kim", STORY, source="scmp", published="2018-11-05T08:00")
    other = article("kim-later", text, source="ap", published="2018-11-20T08:00")
    store.write_document(document(orig, [event(orig, 0, "PRKGOV", "CUBGOV", "043", date="2018-11-04")], OWN))
    far = other.text.index("Diaz-Canel is on a tour")
    store.write_document(document(other, [event(other, 0, "---GOV", "CUBGOV", "043", date="2018-11-19",
                                                offset=far)], ("clause", "on Monday", "clause")))
    assert _n(store) == 2


def test_context_dates_do_not_bridge_months_between_articles(store):
    # an outlet reusing its own wording months later: a borrowed date does not make it the same event
    n = _story(store, dict(date="2019-03-04"), copy_how=("lead", None, "story"), copy_pub="2019-03-05T10:00")
    assert n == 2


def test_block_keys():
    a = article("a", "x")
    r = matching.Report.__new__(matching.Report)
    for k, v in dict(source_code="USAGOV", target_code="---BUS", cameo="163", negated=False, future=False,
                     hypothetical=False, symmetric=False, quad_class=4, lo=None, cluster_id=None,
                     article_id=a.id).items():
        setattr(r, k, v)
    r.lo = __import__("datetime").date(2018, 11, 4)
    assert matching.block_key(r) == "USA|---BUS|163|000"  # companies of unknown country: keyed by sector
    r.target_code = "---"
    assert matching.block_key(r).endswith("|story:a")  # nobody known on one side: this story only
    r.target_code, r.cameo, r.quad_class = "CUBGOV", "043", 1
    assert matching.block_key(r) == "CUB|USA|04m|000"  # a meeting: unordered, one kind


def test_companies_of_unknown_country_merge_across_outlets_but_nobody_does_not(store):
    assert _two(store, dict(tgt="---BUS", date="2018-11-04"), dict(tgt="---BUS", date="2018-11-04"),
                codes=("163", "163")) == 1
    store.con.execute("DELETE FROM events")
    store.con.execute("DELETE FROM articles")
    assert _two(store, dict(tgt="---", date="2018-11-04"), dict(tgt="---", date="2018-11-04"),
                codes=("163", "163")) == 2


def test_incremental_alignment_equals_rebuild(store):
    orig = article("kim", STORY, source="scmp", published="2018-11-05T08:00")
    store.write_document(document(orig, [event(orig, 0, "PRKGOV", "CUBGOV", "043", date="2018-11-04")], OWN))
    dedup.refresh(store.con)
    for k, outlet in enumerate(("ap", "afp")):
        copy = article(f"kim-{outlet}", syndicate(STORY, seed=k, outlet=outlet), source=outlet,
                       published=f"2018-11-0{6 + k}T10:00")
        store.write_document(document(copy, [event(copy, 0, "---GOV", "CUBGOV", "043", date=f"2018-11-0{6 + k}")],
                                      ("clause", "today", "dateline")))
        st = dedup.refresh(store.con)
    rows = store.con.execute("SELECT dedup_id, num_articles FROM dedup_events").fetchall()
    assert st.events == 1 and rows[0][1] == 3
    assert dedup.rebuild(store.con).events == 1
    assert store.con.execute("SELECT dedup_id, num_articles FROM dedup_events").fetchall() == rows


def test_an_event_takes_the_key_a_later_copy_knows(store):
    # the original's coder missed both countries; a copy knows them: the event can then meet
    # another outlet's report of it (keyed by the countries), instead of staying in its story
    orig = article("kim", STORY, source="scmp", published="2018-11-05T08:00")
    copy = article("kim-ap", syndicate(STORY, seed=1, outlet="ap"), source="ap", published="2018-11-05T10:00")
    other = article("nyt", "A different report of the visit.", source="nyt", published="2018-11-05T12:00")
    store.write_document(document(orig, [event(orig, 0, "---GOV", "---GOV", "043", date="2018-11-04")], OWN))
    store.write_document(document(copy, [event(copy, 0, "PRKGOV", "CUBGOV", "043", date="2018-11-04")], OWN))
    store.write_document(document(other, [event(other, 0, "CUBGOV", "PRKGOV", "042", date="2018-11-04")], OWN))
    assert _n(store) == 1


def test_without_a_copy_an_unknown_actor_stays_in_its_story(store):
    orig = article("kim", STORY, source="scmp", published="2018-11-05T08:00")
    other = article("nyt", "A different report of the visit.", source="nyt", published="2018-11-05T12:00")
    store.write_document(document(orig, [event(orig, 0, "---GOV", "---GOV", "043", date="2018-11-04")], OWN))
    store.write_document(document(other, [event(other, 0, "CUBGOV", "PRKGOV", "042", date="2018-11-04")], OWN))
    assert _n(store) == 2
