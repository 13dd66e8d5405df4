"""Exports read like GDELT's and PLOVER's own data (issue 12): a validator for every point, run on
hand-made records, on a hand-built store and on the example article through the real pipeline."""

from __future__ import annotations

import json

import duckdb
import pytest
from eventdb_factory import article, document, event

from whimbrel.store import Store, dedup, export, gdelt, plover

SYDNEY = {"name": "Sydney", "country": "AUS", "region": "New South Wales", "lat": -33.87, "lon": 151.21,
          "geonameid": 2147714, "precision": "city"}
KHAN_YOUNIS = {"name": "Khan Yunis", "country": "PSE", "region": "Gaza Strip", "lat": 31.34, "lon": 34.31,
               "geonameid": 281102, "precision": "city"}


def _actor(code, *, name=None, text=None, kb=None, rule="kb:country", sector=None):
    return {"code": code, "country": code[:3], "sector": sector if sector is not None else (code[3:6] or None),
            "name": name, "text": text or name or code, "kb_id": kb, "rule": rule, "start": 0, "end": 3}


def _record(**kw):
    rec = {"event_id": "e1", "article_id": "a1", "sentence_index": 0, "cameo": "112", "cameo_root": "11",
           "quad_class": 3, "goldstein": -2.0, "plover": {"event": "ACCUSE", "mode": None, "context": []},
           "date": "2024-01-08", "date_end": None, "date_precision": "day", "historical": False,
           "location": None, "modality": {"negated": False, "future": False, "hypothetical": False},
           "evidence": {"sentence": "x", "sentence_start": 0, "trigger": "accused", "trigger_start": 2,
                        "trigger_end": 9},
           "symmetric": False, "confidence": 0.8, "coder_version": "t", "dedup_id": "d-1", "global_id": 12345,
           "num_mentions": 1, "num_articles": 1, "num_sources": 1, "num_stories": 1, "is_root": True,
           "url": "https://example.org/a1", "published": "2024-01-09T08:00:00", "date_added": "2024-01-09T09:00:00",
           "source": _actor("ISR", name="Israeli", text="Israeli", kb="d:ISR", rule="kb:demonym"),
           "target": _actor("PSE", name="Palestine", kb="c:PSE")}
    rec.update(kw)
    return rec


def _gdelt(rec) -> dict:
    row = gdelt.event_row(rec)
    assert gdelt.validate_event_row(row) == []
    return dict(zip(gdelt.columns(), row))


# -- GDELT -----------------------------------------------------------------------------------------

def test_gaza_is_gz_and_the_west_bank_we():
    f = _gdelt(_record(location=KHAN_YOUNIS))
    assert f["ActionGeo_CountryCode"] == "GZ" and f["ActionGeo_ADM1Code"] == "GZ"
    west = dict(KHAN_YOUNIS, name="Nablus", region="West Bank", geonameid=282615, lat=32.22, lon=35.25)
    assert _gdelt(_record(location=west))["ActionGeo_CountryCode"] == "WE"
    bad = gdelt.event_row(_record(location=KHAN_YOUNIS))
    bad[gdelt.columns().index("ActionGeo_CountryCode")] = "WE"
    assert gdelt.validate_event_row(bad)


def test_actor_codes_have_no_unknown_prefix_and_names_are_names():
    f = _gdelt(_record(source=_actor("---CVL", text="protesters", rule="agent:bare"),
                       target=_actor("---MIL", text="tank", rule="agent:bare")))
    assert f["Actor1Code"] == "CVL" and f["Actor1Type1Code"] == "CVL" and f["Actor1CountryCode"] == ""
    assert f["Actor1Name"] == "CIVILIAN" and f["Actor2Name"] == "MILITARY"  # the class, not the word "TANK"
    f = _gdelt(_record())
    assert f["Actor1Name"] == "ISRAEL"  # a demonym names its country, not "ISRAELI"
    f = _gdelt(_record(source=_actor("USAGOV", name="Joe Biden", kb="p:joe-biden", rule="kb:person")))
    assert f["Actor1Name"] == "JOE BIDEN"
    row = gdelt.event_row(_record())
    row[gdelt.columns().index("Actor1Code")] = "---CVL"
    assert gdelt.validate_event_row(row)


def test_avgtone_is_blank_and_actor_geo_is_filled():
    f = _gdelt(_record())
    assert f["AvgTone"] == ""
    assert f["Actor1Geo_Type"] == "1" and f["Actor1Geo_CountryCode"] == "IS" and f["Actor1Geo_FeatureID"] == "IS"
    f = _gdelt(_record(source=_actor("---CVL", rule="agent:bare")))
    assert f["Actor1Geo_Type"] == "0"  # nobody knows where an actor of unknown country is


def test_adm1_and_feature_id_follow_gdelt():
    f = _gdelt(_record(location=SYDNEY))
    assert f["ActionGeo_Type"] == "4" and f["ActionGeo_CountryCode"] == "AS"
    assert f["ActionGeo_ADM1Code"] == "AS02"  # New South Wales
    assert f["ActionGeo_FeatureID"] == "2147714"
    country = {"name": "Australia", "country": "AUS", "lat": -25.0, "lon": 135.0, "geonameid": 2077456,
               "precision": "country"}
    f = _gdelt(_record(location=country))
    assert (f["ActionGeo_Type"], f["ActionGeo_ADM1Code"], f["ActionGeo_FeatureID"]) == ("1", "AS", "AS")


def test_ids_and_urls():
    from whimbrel.store.dedup import global_id

    assert all(0 < global_id(f"d-{i}") < 2 ** 53 for i in range(2000))
    f = _gdelt(_record(url=None, first_article_id="internal-id"))
    assert f["SOURCEURL"] == ""
    row = gdelt.event_row(_record())
    row[gdelt.columns().index("GLOBALEVENTID")] = str(2 ** 60)
    assert gdelt.validate_event_row(row)


# -- PLOVER ---------------------------------------------------------------------------------------

def _plover(rec):
    out = plover.record(rec)
    if out is not None:
        assert plover.validate(out) == [], out
    return out


def test_events_plover_does_not_code_are_left_out():
    assert _plover(_record(cameo="010", plover={"event": None, "mode": None, "context": []})) is None
    assert _plover(_record(source=_actor("AFR", name="Africa"))) is None  # a CAMEO region is no PLOVER actor
    bad = plover.record(_record())
    bad["event"] = []
    assert plover.validate(bad)


def test_meetings_list_both_parties_as_actors():
    rec = _plover(_record(cameo="043", cameo_root="04", quad_class=1,
                          plover={"event": "CONSULT", "mode": "visit", "context": ["diplomatic"]},
                          source=_actor("PRKGOV", name="Kim Jong-un", kb="p:kim-jong-un", rule="kb:person"),
                          target=_actor("CUBGOV", name="Miguel Diaz-Canel", rule="kb:person")))
    assert [a["code"] for a in rec["actor"]] == ["PRK", "CUB"] and rec["recipient"] == []
    assert rec["event_scale"] == 4.0 and rec["mode"] == ["visit"] and rec["context"] == ["diplomatic"]
    assert rec["actor"][0]["identifier_id"] == "Q56226"
    directed = _plover(_record())
    assert [a["code"] for a in directed["recipient"]] == ["PSE"]


def test_entities_use_plover_codes_and_sectors():
    rec = _plover(_record(source=_actor("IGOUNOHLHWHO", name="World Health Organization", kb="o:who",
                                        rule="kb:organisation"),
                          target=_actor("---MED", name="Reuters", rule="kb:organisation")))
    assert rec["actor"][0]["code"] == "UNO" and rec["actor"][0]["sector"] == "MED"  # CAMEO HLH is PLOVER MED
    assert rec["recipient"] == []  # a recipient of unknown country is not coded
    rec = _plover(_record(source=_actor("IGOEUREEC", name="European Union", kb="o:eu", rule="kb:organisation"),
                          target=_actor("RUSMED", name="TASS", rule="kb:organisation")))
    assert rec["actor"][0]["code"] == "EUR" and rec["actor"][0]["identifier_id"] == "Q458"
    assert rec["recipient"][0]["sector"] == "JRN"  # CAMEO MED (media) is PLOVER JRN
    rec = _plover(_record(source=_actor("IGOWSTNAT", name="NATO", kb="o:nato", rule="kb:organisation")))
    assert rec["actor"][0]["code"] == "IGO"
    bad = plover.record(_record())
    bad["actor"][0]["sector"] = "HLH"
    assert plover.validate(bad)


def test_wikidata_ids_only_for_the_entity_itself():
    rec = _plover(_record(source=_actor("USA", name="United States", kb="c:USA")))
    assert rec["actor"][0]["identifier_id"] == "Q30"
    rec = _plover(_record(source=_actor("INDCOP", name="Indian", text="Indian police", kb="d:IND",
                                        rule="agent:nationality")))
    assert rec["actor"][0]["identifier_id"] is None  # the Indian police are not India


def test_scale_modes_and_contexts_are_the_manuals():
    rec = _plover(_record(cameo="190", cameo_root="19", quad_class=4, goldstein=-10.0,
                          plover={"event": "ASSAULT", "mode": "assassinate", "context": ["democracy", "made-up"]}))
    assert rec["mode"] == ["targeted"] and rec["context"] == ["pro_democracy"]
    assert rec["event_scale"] == -9.5  # PLOVER's ASSAULT targeted, not Goldstein's -10
    rec = _plover(_record(plover={"event": "ACCUSE", "mode": "pro_autocracy", "context": []}))
    assert rec["mode"] == [] and rec["context"] == ["pro_autocracy"] and rec["event_scale"] == -3.0
    bad = plover.record(_record())
    bad["event_scale"] = -2.0
    assert plover.validate(bad)


# -- whole exports -----------------------------------------------------------------------------------

@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as st:
        a = article("a1", "Kim met Diaz-Canel at the airport on Sunday.", source="AP", url="https://ap.example/1")
        b = article("b1", "Kim welcomed the Cuban leader.", source="scmp", url=None)
        st.write_document(document(a, [event(a, 0, "PRKGOV", "CUBGOV", "043", date="2018-11-04", place="Pyongyang"),
                                       event(a, 1, "---CVL", "PRKGOV", "112", date="2018-11-04")]))
        st.write_document(document(b, [event(b, 0, "PRKGOV", "CUBGOV", "043", date="2018-11-04")]))
        dedup.refresh(st.con)
        yield st


def test_every_exported_line_validates(store):
    rows = [line.split("\t") for line in export.text(store.con, "gdelt").splitlines()]
    assert rows and all(gdelt.validate_event_row(r) == [] for r in rows)
    mentions = [line.split("\t") for line in export.text(store.con, "gdelt-mentions").splitlines()]
    assert len(mentions) == 3 and all(gdelt.validate_mention_row(m) == [] for m in mentions)
    ids = {r[0] for r in rows}
    assert {m[0] for m in mentions} == ids
    web = [m for m in mentions if m[3] == "1"]
    assert web and all(m[5].startswith("https://") for m in web)
    assert any(m[3] == "2" and m[5] == "b1" for m in mentions)  # no URL: a citation, by its article id
    for line in export.text(store.con, "plover").splitlines():
        assert plover.validate(json.loads(line)) == []


def test_parquet_re_export_replaces_the_folder(store, tmp_path):
    out = tmp_path / "pq"
    assert export.export(store.con, "parquet", out).rows == 2
    store.con.execute("DELETE FROM events WHERE article_id = 'a1'")
    dedup.refresh(store.con)
    assert export.export(store.con, "parquet", out).rows == 1
    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/**/*.parquet', hive_partitioning=true)").fetchall()[0][0]
    assert n == 1
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep")
    with pytest.raises(Exception):
        export.export(store.con, "parquet", tmp_path / "mine")
    assert (tmp_path / "mine" / "notes.txt").exists()
