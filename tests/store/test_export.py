"""Exports: GDELT 2.0 event table, PLOVER JSONL, CSV and Parquet (hand-built store, no spaCy)."""

from __future__ import annotations

import csv
import io
import json

import duckdb
import pytest
from eventdb_factory import article, document, event

from whimbrel.errors import UsageError
from whimbrel.store import Store, dedup, export
from whimbrel.store.query import EventFilter


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as st:
        a = article("scmp-1", "Kim meets Diaz-Canel in Pyongyang\n\nKim met Diaz-Canel at the airport on Sunday.",
                    source="South China Morning Post", url="https://www.scmp.com/a1", title="Kim meets Diaz-Canel")
        b = article("ap-1", "Kim welcomed the Cuban leader on Sunday in Pyongyang.", source="AP",
                    url="https://apnews.example/b1", published="2018-11-05T11:00")
        c_text = "The US imposed sanctions on North Korea in December.\n\nThe UN criticised the North's army."
        c = article("nyt-1", c_text, source="NYT",
                    url="https://nyt.example/c1", published="2018-12-20T10:00")
        st.write_document(document(a, [
            event(a, 0, "PRKGOV", "CUBGOV", "043", date="2018-11-04", place="Pyongyang", offset=0),
            event(a, 1, "PRKGOV", "CUBGOV", "043", date="2018-11-04", place="Pyongyang", offset=36),
        ]))
        st.write_document(document(b, [event(b, 0, "PRKGOV", "CUBGOV", "043", date="2018-11-04", place="Pyongyang")]))
        st.write_document(document(c, [
            event(c, 0, "USAGOV", "PRK", "163", date="2018-12-01", precision="month"),
            event(c, 1, "IGOUNO", "PRKMIL", "112", date="2018-12-19", offset=c_text.index("The UN")),
        ]))
        dedup.refresh(st.con)
        yield st


def _gdelt(store, **kw):
    text = export.text(store.con, "gdelt", **kw)
    return [dict(zip(export.gdelt_columns(), line.split("\t"))) for line in text.splitlines()]


def test_gdelt_has_61_columns_in_codebook_order(store):
    cols = export.gdelt_columns()
    assert len(cols) == 61 and cols[0] == "GLOBALEVENTID" and cols[-1] == "SOURCEURL"
    assert cols[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                           "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    text = export.text(store.con, "gdelt")
    lines = text.splitlines()
    assert len(lines) == 3
    assert all(len(line.split("\t")) == 61 for line in lines)


def test_gdelt_values_for_a_known_event(store):
    rows = _gdelt(store)
    r = next(r for r in rows if r["EventCode"] == "043")
    expected = {
        "SQLDATE": "20181104", "MonthYear": "201811", "Year": "2018", "FractionDate": "2018.8438",
        "Actor1Code": "PRKGOV", "Actor1Name": "NORTH KOREA", "Actor1CountryCode": "PRK",
        "Actor1KnownGroupCode": "", "Actor1Type1Code": "GOV", "Actor1Type2Code": "",
        "Actor2Code": "CUBGOV", "Actor2Name": "CUBA", "Actor2CountryCode": "CUB", "Actor2Type1Code": "GOV",
        "IsRootEvent": "1", "EventCode": "043", "EventBaseCode": "043", "EventRootCode": "04",
        "QuadClass": "1", "GoldsteinScale": "2.8",
        "NumMentions": "3", "NumSources": "2", "NumArticles": "2", "AvgTone": "",
        "ActionGeo_Type": "4", "ActionGeo_FullName": "Pyongyang, North Korea", "ActionGeo_CountryCode": "KN",
        "ActionGeo_Lat": "39.03", "ActionGeo_Long": "125.75", "ActionGeo_FeatureID": "1871859",
        "Actor1Geo_Type": "1", "Actor1Geo_CountryCode": "KN", "Actor2Geo_Type": "1", "Actor2Geo_CountryCode": "CU",
        "SOURCEURL": "https://www.scmp.com/a1",  # the earliest report
    }
    assert {k: r[k] for k in expected} == expected
    assert int(r["GLOBALEVENTID"]) > 0
    assert len(r["DATEADDED"]) == 14 and r["DATEADDED"].isdigit()


def test_gdelt_other_fields(store):
    rows = {r["EventCode"]: r for r in _gdelt(store)}
    sanction = rows["163"]
    assert sanction["QuadClass"] == "4" and sanction["GoldsteinScale"] == "-8.0"
    assert sanction["Actor2Code"] == "PRK" and sanction["Actor2Type1Code"] == ""
    assert sanction["IsRootEvent"] == "1" and sanction["NumArticles"] == "1"
    un = rows["112"]
    assert un["Actor1CountryCode"] == "" and un["Actor1KnownGroupCode"] == "UNO"
    assert un["Actor1Type1Code"] == "IGO" and un["Actor2Type1Code"] == "MIL"
    assert un["IsRootEvent"] == "0"  # reported in the second paragraph only
    assert un["ActionGeo_Type"] == "0"


def test_split_actor_code():
    assert export.split_actor_code("USAMILREB")["Type2Code"] == "REB"
    parts = export.split_actor_code("SYRREBMOSSUN")
    assert (parts["CountryCode"], parts["Type1Code"], parts["Religion1Code"], parts["Religion2Code"]) == \
        ("SYR", "REB", "MOS", "SUN")
    assert export.split_actor_code("---GOV")["CountryCode"] == ""
    assert export.split_actor_code(None)["CountryCode"] == ""


def test_fraction_date():
    import datetime as dt

    assert export.fraction_date(dt.date(2018, 1, 1)) == pytest.approx(2018.0027, abs=1e-4)
    assert export.fraction_date(dt.date(2016, 12, 31)) == pytest.approx(2016.9999)


def test_plover_jsonl_validates(store):
    lines = export.text(store.con, "plover").splitlines()
    assert len(lines) == 3
    recs = [json.loads(line) for line in lines]
    for rec in recs:
        assert export.validate_plover(rec) == []
    visit = next(r for r in recs if r["cameo"] == "043")
    assert visit["event"] == ["CONSULT"] and visit["mode"] == ["visit"]
    # a meeting is reciprocal: both parties are actors, no recipient (PLOVER, "Compound and Reciprocal Actors")
    assert [a["code"] for a in visit["actor"]] == ["PRK", "CUB"] and visit["recipient"] == []
    assert visit["actor"][0]["sector"] == "GOV"
    assert visit["event_scale"] == 4.0  # PLOVER's score for CONSULT visit, not Goldstein's 2.8
    assert visit["date"] == "2018-11-04" and visit["quad_code"] == 1
    assert visit["event_loc"]["geonameid"] == 1871859 and visit["event_loc"]["country_code"] == "PRK"
    assert visit["num_articles"] == 2


def test_plover_validator_rejects_bad_records():
    good = {"id": "x", "date": "2018-11-04", "actor": [{"code": "USA"}], "event": ["CONSULT"]}
    assert export.validate_plover(good) == []
    assert export.validate_plover({**good, "date": "4 Nov 2018"})
    assert export.validate_plover({k: v for k, v in good.items() if k != "id"})
    assert export.validate_plover({**good, "quad_code": 7})
    assert export.validate_plover({**good, "actor": [{"sector": "GOV"}]})
    assert export.validate_plover({**good, "event": "CONSULT"})


def test_parquet_reads_back_with_duckdb(store, tmp_path):
    out = tmp_path / "pq"
    res = export.export(store.con, "parquet", out)
    assert res.rows == 3
    assert (out / "year=2018" / "month=11").is_dir() and (out / "year=2018" / "month=12").is_dir()
    rows = duckdb.sql(
        f"SELECT year, month, cameo, num_articles FROM read_parquet('{out}/**/*.parquet', hive_partitioning=true) "
        "ORDER BY cameo"
    ).fetchall()
    assert rows == [(2018, 11, "043", 2), (2018, 12, "112", 1), (2018, 12, "163", 1)]
    with pytest.raises(UsageError):
        export.export(store.con, "parquet", "-")


def test_csv_and_filters(store):
    rows = list(csv.DictReader(io.StringIO(export.text(store.con, "csv"))))
    assert len(rows) == 3 and set(export.FLAT_COLUMNS) == set(rows[0])
    only = list(csv.DictReader(io.StringIO(export.text(store.con, "csv", flt=EventFilter(cameo="04")))))
    assert [r["cameo"] for r in only] == ["043"]
    usa = export.text(store.con, "gdelt", flt=EventFilter(actor="USA"))
    assert len(usa.splitlines()) == 1 and "\t163\t" in usa
    dec = export.text(store.con, "plover", flt=EventFilter(since="2018-12"))
    assert len(dec.splitlines()) == 2


def test_raw_level_keeps_every_report(store):
    rows = list(csv.DictReader(io.StringIO(export.text(store.con, "csv", level="raw"))))
    assert len(rows) == 5
    assert all(r["num_mentions"] == "1" and r["dedup_id"] == "" for r in rows)
    with pytest.raises(UsageError):
        export.text(store.con, "csv", level="nope")


def test_unknown_format_is_a_usage_error(store):
    with pytest.raises(UsageError):
        export.export(store.con, "xml", "-")


def test_example_article_exports_end_to_end(pipeline, example_text, tmp_path):
    """The bundled example through the real pipeline: every export line is well formed."""
    from importlib.resources import files

    from whimbrel.ingest import read_path
    from whimbrel.model import Document

    path = files("whimbrel") / "data" / "examples" / "scmp-2018-11-05-kim-diaz-canel.txt"
    (art,) = list(read_path(str(path)))
    (doc,) = list(pipeline.pipe([art]))
    assert isinstance(doc, Document) and doc.events
    with Store(tmp_path / "ex.duckdb") as st:
        st.write_document(doc)
        stats = dedup.refresh(st.con)
        assert 0 < stats.events <= stats.raw_events == len({e.event_id for e in doc.events})
        lines = export.text(st.con, "gdelt").splitlines()
        assert len(lines) == stats.events
        for line in lines:
            f = dict(zip(export.gdelt_columns(), line.split("\t")))
            assert len(line.split("\t")) == 61
            assert f["EventCode"].startswith(f["EventRootCode"]) and f["QuadClass"] in "1234"
            assert f["SQLDATE"].isdigit() and len(f["SQLDATE"]) == 8
        for line in export.text(st.con, "plover").splitlines():
            assert export.validate_plover(json.loads(line)) == []
        res = export.export(st.con, "parquet", tmp_path / "pq")
        n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{tmp_path}/pq/**/*.parquet', hive_partitioning=true)")
        assert n.fetchall()[0][0] == res.rows == stats.events
