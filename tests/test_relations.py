"""Relations over time: dyad series, actor network and blocs, top actors (hand-built store)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "store"))
from eventdb_factory import article, document, event  # noqa: E402

from whimbrel import relations  # noqa: E402
from whimbrel.errors import UsageError  # noqa: E402
from whimbrel.store import Store, dedup  # noqa: E402


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as st:
        a = article("a", "Kim and Diaz-Canel", source="x")
        b = article("b", "copy of a", source="y")
        c = article("c", "the world reacts", source="z", published="2019-01-10T08:00")
        for art in (a, b):  # the same two events reported twice
            st.write_document(document(art, [
                event(art, 0, "PRKGOV", "CUBGOV", "043", date="2018-11-04"),
                event(art, 1, "PRKGOV", "USAGOV", "112", date="2018-11-05"),
            ]))
        st.write_document(document(c, [
            event(c, 0, "CUBGOV", "USAGOV", "112", date="2019-01-08"),
            event(c, 1, "RUSGOV", "CUBGOV", "036", date="2019-01-08"),
            event(c, 2, "RUSGOV", "USA", "112", date="2019-01-09"),
            event(c, 3, "USAGOV", "PRKGOV", "163", date="2019-01-09"),
            event(c, 4, "USAGOV", "PRKGOV", "163", date="2019-01-10", future=True),  # planned: not counted
            event(c, 5, "USAGOV", "JPNGOV", "057", date="2019-01-10"),
        ]))
        dedup.refresh(st.con)
        yield st


def test_dyad_months_quads_and_goldstein(store):
    rows = relations.dyad(store.con, "PRK", "USA")
    assert [r.month for r in rows] == ["2018-11", "2018-12", "2019-01"]  # the empty month is shown
    nov, dec, jan = rows
    assert nov.quad == (0, 0, 1, 0) and nov.goldstein_total == pytest.approx(-2.0)  # counted once, not twice
    assert dec.n == 0 and dec.goldstein_mean is None
    assert jan.quad == (0, 0, 0, 1) and jan.goldstein_mean == pytest.approx(-8.0)
    assert relations.dyad(store.con, "PRK", "USA", directed=True)[-1].month == "2018-11"
    raw = relations.dyad(store.con, "prk", "usa", level="raw")
    assert raw[0].quad == (0, 0, 2, 0)  # every report
    assert relations.dyad(store.con, "PRK", "USA", since="2019-01")[0].month == "2019-01"
    assert relations.dyad(store.con, "PRK", "AUS") == []


def test_dyad_chart_and_json(store):
    rows = relations.dyad(store.con, "PRK", "USA")
    chart = relations.dyad_chart(rows)
    lines = chart.splitlines()
    assert len(lines) == 4 and lines[1].startswith("2018-11") and "▒" in lines[1] and "░" in lines[3]
    assert "-8.00" in lines[3]
    assert json.loads(json.dumps(rows[0].as_dict()))["quad3"] == 1


def test_network_weights_and_blocs(store):
    g = relations.network(store.con)
    assert g.is_directed()
    assert g.edges["PRK", "CUB"]["weight"] == 1 and not g.has_edge("CUB", "PRK")
    # edges keep direction: North Korea's accusation and the US sanctions are two edges
    assert g.edges["PRK", "USA"]["conflict"] == 1 and g.edges["USA", "PRK"]["conflict"] == 1
    both = relations.undirected(g)
    assert both.edges["PRK", "USA"]["weight"] == -2 and both.edges["PRK", "USA"]["conflict"] == 2
    assert g.edges["USA", "JPN"]["weight"] == 1
    found = relations.blocs(g)
    bloc = next(b for b in found if "PRK" in b.members)
    assert set(bloc.members) == {"PRK", "CUB", "RUS"}
    assert bloc.against[0][0] == "USA"
    assert all("USA" not in b.members or "PRK" not in b.members for b in found)


def test_network_exports(store, tmp_path):
    import networkx as nx

    g = relations.network(store.con)
    found = relations.blocs(g)
    data = relations.network_json(g, found)
    assert {n["id"] for n in data["nodes"]} == {"PRK", "CUB", "USA", "RUS", "JPN"}
    assert data["blocs"] and json.dumps(data)
    path = relations.write_graphml(g, str(tmp_path / "g.graphml"), found)
    h = nx.read_graphml(path)
    assert h.nodes["PRK"]["bloc"] == h.nodes["CUB"]["bloc"] != 0
    assert h.is_directed() and h.edges["PRK", "USA"]["weight"] == -1 and h.edges["USA", "PRK"]["weight"] == -1


def test_network_period_and_min_events(store):
    g = relations.network(store.con, until="2018-12")
    assert set(g.nodes) == {"PRK", "CUB", "USA"}
    g2 = relations.network(store.con, min_events=2)  # both directions of a pair together
    assert set(g2.edges) == {("PRK", "USA"), ("USA", "PRK")}


def test_top_actors_and_dyads(store):
    actors = relations.top(store.con, n=2)
    assert [a["actor"] for a in actors] == ["USA", "CUB"]  # CUB and PRK tie at 3: by name
    assert actors[0]["events"] == 5
    dyads = relations.top(store.con, what="dyads", n=1)
    assert dyads[0]["dyad"] == ["PRK", "USA"] and dyads[0]["events"] == 2
    with pytest.raises(UsageError):
        relations.top(store.con, what="things")


def test_stale_dedup_is_reported(store):
    d = article("d", "new")
    store.write_document(document(d, [event(d, 0, "PRKGOV", "USAGOV", "112", date="2019-02-01")]))
    with pytest.raises(UsageError, match="whimbrel dedup"):
        relations.dyad(store.con, "PRK", "USA")
    assert relations.dyad(store.con, "PRK", "USA", level="raw")[-1].month == "2019-02"


def test_dyad_png(store, tmp_path):
    rows = relations.dyad(store.con, "PRK", "USA")
    out = tmp_path / "dyad.png"
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        with pytest.raises(UsageError, match="whimbrel\\[plot\\]"):
            relations.dyad_png(rows, str(out))
        return
    relations.dyad_png(rows, str(out), title="PRK - USA")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_long_quiet_spells_are_skipped(store):
    old = article("old", "sanctions first imposed in 1958", published="2018-11-05T08:00")
    store.write_document(document(old, [event(old, 0, "USAGOV", "PRKGOV", "163", date="1958-01-01",
                                              precision="year")]))
    dedup.refresh(store.con)
    rows = relations.dyad(store.con, "PRK", "USA")
    assert [r.month for r in rows] == ["1958-01", "2018-11", "2018-12", "2019-01"]
    assert "   ..." in relations.dyad_chart(rows).splitlines()


def test_organisations_are_their_own_nodes():
    from whimbrel.relations import _node

    assert _node("IGOEUREECGOV", "root") == "IGOEUREEC"
    assert _node("IGOWSTNATMIL", "root") == "IGOWSTNAT"
    assert _node("IGOEUREEC", "root") != _node("IGOWSTNAT", "root"), "the EU and NATO are not one 'IGO' node"
    assert _node("IGOUNODEVWBK", "root") == "IGOUNODEVWBK"  # DEV inside an organisation's code stays
    assert _node("PRKGOV", "root") == "PRK" and _node("PRKGOV", "code") == "PRKGOV"
    assert _node("---GOV", "root") is None


def test_a_bloc_member_must_cooperate_itself():
    """AAA, BBB and CCC all oppose ZZZ; AAA and BBB cooperate, CCC cooperates with nobody: no ally."""
    import networkx as nx

    g = nx.DiGraph()

    def add(u, v, coop, conf):
        g.add_edge(u, v, events=coop + conf, cooperation=coop, conflict=conf, weight=coop - conf, goldstein=0.0)

    add("AAA", "BBB", 3, 0)
    add("BBB", "AAA", 2, 0)
    for x in ("AAA", "BBB", "CCC"):
        add(x, "ZZZ", 0, 4)
    add("CCC", "AAA", 0, 1)  # CCC's own relation with the bloc is hostile
    found = relations.blocs(g)
    assert [b.members for b in found] == [("AAA", "BBB")]
    add("CCC", "BBB", 3, 0)  # now CCC cooperates on balance (+3 - 1)
    assert [b.members for b in relations.blocs(g)] == [("AAA", "BBB", "CCC")]


def test_series_by_day_week_month(store, tmp_path):
    from whimbrel import series

    days = series.dyad_series(store.con, "PRK", "USA", freq="day")
    assert days[0].period.isoformat() == "2018-11-05" and days[-1].period.isoformat() == "2019-01-09"
    assert sum(p.events for p in days) == 2 and len(days) == 66  # empty days included
    weeks = series.dyad_series(store.con, "PRK", "USA", freq="week")
    assert weeks[0].period.isoformat() == "2018-11-05" and weeks[0].period.weekday() == 0
    months = series.dyad_series(store.con, "PRK", "USA", freq="month")
    assert [p.period.isoformat() for p in months] == ["2018-11-01", "2018-12-01", "2019-01-01"]
    assert [p.events for p in months] == [1, 0, 1] and months[2].goldstein_mean == pytest.approx(-8.0)
    assert series.dyad_series(store.con, "PRK", "USA", freq="month", directed=True)[-1].period.month == 11
    with pytest.raises(UsageError):
        series.dyad_series(store.con, "PRK", "USA", freq="hour")
    import csv

    import pyarrow.parquet as pq

    rows = list(csv.DictReader(open(series.write_csv(months, str(tmp_path / "s.csv")))))
    assert rows[0]["period"] == "2018-11-01" and rows[0]["quad3"] == "1"
    assert pq.read_table(series.write_parquet(months, str(tmp_path / "s.parquet"))).num_rows == 3


def test_partner_series_and_png(store, tmp_path):
    from whimbrel import series

    found = series.partner_series(store.con, "USA", n=2, freq="month")
    assert list(found) == ["PRK", "CUB"]  # USA's most frequent partners: PRK 2 events, then CUB and others by name
    assert sum(p.events for p in found["PRK"]) == 2
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        pytest.skip("matplotlib (whimbrel[plot]) is not installed")
    out = series.png(found, str(tmp_path / "p.png"), title="USA")
    assert open(out, "rb").read()[:4] == b"\x89PNG"
