"""The explorer's queries (whimbrel.web.queries) on the hand-made database: each filter fires and does not."""

from __future__ import annotations

from webfixtures import *  # noqa: F401,F403  (the web tests' fixtures)

import datetime as dt

import pytest

from whimbrel import relations
from whimbrel.errors import UsageError
from whimbrel.store import Store
from whimbrel.web import queries
from whimbrel.web.queries import EventQuery


@pytest.fixture(scope="module")
def con(web_db):
    with Store(web_db, read_only=True) as st:
        yield st.con


def page(con, **kw):
    return queries.events_page(con, EventQuery(**kw))


def pairs(p):
    return {(e["source"]["code"], e["target"]["code"]) for e in p.events}


def test_unfiltered_page_counts_all_and_is_in_date_order(con):
    p = page(con, limit=1000)
    assert p.total == 17 == len(p.events)
    days = [e["day"] for e in p.events]
    assert days == sorted(days)
    assert p.events[0]["article"]["title"] == "Story a-jan"


def test_paging_splits_without_overlap(con):
    first, second = page(con, limit=10), page(con, limit=10, offset=10)
    ids = [e["event_id"] for e in first.events] + [e["event_id"] for e in second.events]
    assert len(first.events) == 10 and len(second.events) == 7
    assert len(set(ids)) == 17
    assert first.as_dict()["next_offset"] == 10 and second.as_dict()["next_offset"] is None


def test_dyad_matches_both_directions_only(con):
    p = page(con, dyad=("PRK", "USA"), limit=100)
    assert pairs(p) >= {("PRKGOV", "USAGOV"), ("USAGOV", "PRKGOV"), ("USAGOV", "PRK")}
    assert all({s[:3], t[:3]} == {"PRK", "USA"} for s, t in pairs(p))
    assert page(con, dyad=("CUB", "UKR")).total == 0


def test_quad_filter(con):
    p = page(con, quad=(4,), limit=100)
    assert p.total == 2 and {e["quad_class"] for e in p.events} == {4}
    assert page(con, quad=(1, 2), limit=100).total == 9
    with pytest.raises(UsageError):
        page(con, quad=(5,))


def test_place_by_name_part_or_country_code(con):
    assert {e["location"]["name"] for e in page(con, place="pyong", limit=100).events} == {"Pyongyang"}
    assert {e["location"]["name"] for e in page(con, place="UKR", limit=100).events} == {"Donetsk"}
    assert page(con, place="Paris").total == 0


def test_min_confidence(con):
    low = page(con, limit=100).total
    assert page(con, min_confidence=0.5, limit=100).total == low - 1
    assert page(con, min_confidence=0.3, limit=100).total == low


def test_asserted_leaves_out_negated_and_future(con):
    every = page(con, dyad=("PRK", "USA"), limit=100)
    asserted = page(con, dyad=("PRK", "USA"), asserted=True, limit=100)
    assert every.total - asserted.total == 2
    assert not any(e["modality"]["negated"] or e["modality"]["future"] for e in asserted.events)


def test_library_filters_still_apply(con):
    assert {e["cameo"][:2] for e in page(con, cameo="04", limit=100).events} == {"04"}
    assert page(con, since="2018-11", until="2018-11", limit=100).total == 6
    assert page(con, source="RUS", limit=100).total == 2


def test_places_aggregate_with_counts(con):
    rows = queries.places(con, EventQuery())
    by = {r["name"]: r for r in rows}
    assert by["Pyongyang"]["events"] == sum(by["Pyongyang"][f"quad{i}"] for i in range(1, 5))
    assert rows[0]["name"] == "Pyongyang"  # most events first
    assert queries.places(con, EventQuery(place="Havana"))[0]["events"] == 1


def test_period_of():
    d = dt.date(2018, 11, 7)  # a Wednesday
    assert queries.period_of(d, "day") == (d, d)
    assert queries.period_of(d, "week") == (dt.date(2018, 11, 5), dt.date(2018, 11, 11))
    assert queries.period_of(d, "month") == (dt.date(2018, 11, 1), dt.date(2018, 11, 30))
    assert queries.period_of(dt.date(2018, 12, 31), "month")[1] == dt.date(2018, 12, 31)
    with pytest.raises(UsageError):
        queries.period_of(d, "year")


def test_dyad_series_month_equals_relations_dyad(con):
    s = queries.dyad_series(con, "PRK", "USA", by="month", level="raw")
    months = relations.dyad(con, "PRK", "USA", level="raw")
    assert [p["period"] for p in s["periods"]] == [m.month for m in months]
    assert [(p["quad1"], p["quad2"], p["quad3"], p["quad4"]) for p in s["periods"]] == [m.quad for m in months]
    assert s["events"] == sum(m.n for m in months) == 9  # of 11: negated and future events are not counted


def test_dyad_series_keeps_directions_apart(con):
    s = queries.dyad_series(con, "PRK", "USA", by="month", level="raw")
    jan = s["periods"][0]
    assert jan["period"] == "2018-01" and jan["ab"] == [1, 0, 0, 0] and jan["ba"] == [0, 0, 1, 0]
    assert s["periods"][2]["events"] == 0  # March: quiet, shown as zero


def test_dyad_series_day_and_week(con):
    days = queries.dyad_series(con, "PRK", "USA", by="day", level="raw")["periods"]
    assert days[0]["period"] == "2018-01-10" and days[1]["period"] == "2018-01-11" and days[1]["events"] == 0
    assert sum(p["events"] for p in days) == 9
    weeks = queries.dyad_series(con, "PRK", "USA", by="week", level="raw")["periods"]
    assert weeks[0]["period"] == "2018-W02" and weeks[0]["start"] == "2018-01-08" and weeks[0]["end"] == "2018-01-14"
    assert weeks[0]["events"] == 2  # the 10th and the 12th are in one ISO week


def test_dyad_series_of_strangers_is_empty(con):
    s = queries.dyad_series(con, "CUB", "UKR", level="raw")
    assert s["periods"] == [] and s["events"] == 0


def test_auto_level_falls_back_to_raw_on_a_read_only_file_without_dedup(con):
    assert queries.dyad_series(con, "PRK", "USA")["level"] == "raw"
    assert queries.network(con)["level"] == "raw"


def test_auto_level_uses_dedup_when_it_is_up_to_date(tmp_path):
    import webdb

    from whimbrel.model import Document
    from whimbrel.store import dedup

    path = webdb.build(tmp_path / "d.duckdb")
    with Store(path) as st:
        dedup.refresh(st.con)
        assert queries.top(st.con)["level"] == "dedup"
        art = webdb._article("new", "New story\n\nNorth Korea met United States.", "2019-01-01T00:00", "New")
        st.write_batch([Document(article=art, events=[webdb._event(art, 0, "PRKGOV", "USAGOV", "043", "2019-01-01", None)])])
        assert dedup.is_stale(st.con)
        assert queries.top(st.con)["level"] == "raw"  # stale: the raw events, and says so
        with pytest.raises(queries.LevelUnavailable):
            queries.top(st.con, level="dedup")


def test_explicit_dedup_on_a_read_only_file_without_it_says_so(con):
    with pytest.raises(queries.LevelUnavailable, match="whimbrel dedup"):
        queries.network(con, level="dedup")
    with pytest.raises(UsageError):  # other usage errors are not hidden by the fallback
        queries.network(con, by="nodes")


def test_network_nodes_carry_their_bloc(con):
    net = queries.network(con, level="raw")
    ids = {n["id"] for n in net["nodes"]}
    assert {"PRK", "USA", "CUB", "RUS", "UKR"} <= ids
    members = {m for b in net["blocs"] for m in b["members"]}
    assert all((n["bloc"] > 0) == (n["id"] in members) for n in net["nodes"])


def test_bad_level_and_dates_are_usage_errors(con):
    with pytest.raises(UsageError):
        queries.top(con, level="best")
    with pytest.raises(UsageError):
        queries.check_date("last week", "since")
    assert queries.check_date("2018-11", "since") == "2018-11"
