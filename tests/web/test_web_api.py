"""The HTTP API with FastAPI's TestClient: endpoints, errors, limits and the security rules."""

from __future__ import annotations

from webfixtures import *  # noqa: F401,F403  (the web tests' fixtures)

import json
import time

import pytest

import webdb


def test_health_reports_the_database(read_client, web_db):
    h = read_client.get("/health").json()
    assert h["status"] == "ok" and h["read_only"] is True and h["allow_ingest"] is False
    assert h["events"] == 17 and h["articles"] == 7
    assert h["first"] == "2018-01-10" and h["last"] == "2018-12-01"


def test_openapi_lists_the_endpoints(read_client):
    spec = read_client.get("/openapi.json").json()
    for path in ("/code", "/events", "/places", "/articles/{article_id}", "/dyads/{a}/{b}", "/network", "/top",
                 "/health"):
        assert path in spec["paths"], path
    assert set(spec["paths"]["/code"]["post"]["requestBody"]["content"]) == {"application/json", "text/plain",
                                                                             "text/html"}


def test_events_filters_and_pages(read_client):
    r = read_client.get("/events", params={"dyad": "PRK,USA", "quad": ["3", "4"], "limit": 2})
    body = r.json()
    assert r.status_code == 200 and body["total"] == 4 and len(body["events"]) == 2 and body["next_offset"] == 2
    assert {e["quad_class"] for e in body["events"]} <= {3, 4}
    rest = read_client.get("/events", params={"dyad": "PRK,USA", "quad": "3,4", "limit": 2, "offset": 2}).json()
    assert rest["next_offset"] is None
    seen = [e["event_id"] for e in body["events"] + rest["events"]]
    assert len(set(seen)) == 4
    days = [e["day"] for e in body["events"] + rest["events"]]
    assert days == sorted(days)


@pytest.mark.parametrize("params", [
    {"since": "last week"}, {"quad": "7"}, {"dyad": "PRK"}, {"limit": "0"}, {"limit": "5000"},
    {"min_confidence": "2"}, {"offset": "-1"},
])
def test_bad_event_filters_are_400_or_422(read_client, params):
    r = read_client.get("/events", params=params)
    assert r.status_code in (400, 422), r.text
    assert r.json()["detail"]


def test_article_with_events_and_offsets(read_client):
    r = read_client.get("/articles/a-cub")
    body = r.json()
    assert r.status_code == 200 and body["article"]["title"] == "Story a-cub"
    text = body["article"]["text"]
    for ev in body["events"]:
        e = ev["evidence"]
        assert text[e["trigger_start"]:e["trigger_end"]] == e["trigger"]
        assert text[ev["source"]["start"]:ev["source"]["end"]] == ev["source"]["text"]
    assert read_client.get("/articles/nope").status_code == 404


def test_dyads_month_and_day(read_client):
    m = read_client.get("/dyads/PRK/USA").json()
    assert m["by"] == "month" and m["events"] == 9 and m["level"] == "raw"
    d = read_client.get("/dyads/prk/usa", params={"by": "day", "since": "2018-06", "until": "2018-06"}).json()
    assert [p["period"] for p in d["periods"]] == ["2018-06-12"] and d["periods"][0]["ab"][0] == 1
    assert read_client.get("/dyads/PRK/USA", params={"by": "year"}).status_code == 422


def test_network_top_places(read_client):
    net = read_client.get("/network", params={"since": "2018-11"}).json()
    assert {n["id"] for n in net["nodes"]} == {"CUB", "PRK", "USA", "RUS", "UKR"}
    assert all({"source", "target", "cooperation", "conflict", "weight"} <= set(link) for link in net["links"])
    top = read_client.get("/top", params={"what": "dyads", "n": 1}).json()
    assert top["rows"][0]["dyad"] == ["PRK", "USA"]
    places = read_client.get("/places", params={"actor": "UKR"}).json()["places"]
    assert [p["name"] for p in places] == ["Donetsk"]


def test_pages_are_static_files_with_a_strict_policy(read_client):
    r = read_client.get("/app/events?actor=PRK")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert read_client.get("/static/vendor/d3.min.js").status_code == 200
    assert read_client.get("/", follow_redirects=False).headers["location"] == "/app/code"
    for src in ("/static/js/main.js", "/static/vendor/topojson-client.min.js", "/static/vendor/countries-110m.json"):
        assert read_client.get(src).status_code == 200, src


def test_no_cors_by_default(read_client):
    r = read_client.get("/health", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in r.headers


def test_cors_only_for_the_given_origin(read_service):
    from fastapi.testclient import TestClient

    from whimbrel.web.app import create_app

    with TestClient(create_app(read_service, cors_origins=("http://localhost:3000",))) as c:
        ok = c.get("/health", headers={"Origin": "http://localhost:3000"})
        other = c.get("/health", headers={"Origin": "http://evil.example"})
    assert ok.headers["access-control-allow-origin"] == "http://localhost:3000"
    assert "access-control-allow-origin" not in other.headers


def test_body_limit(read_service):
    from fastapi.testclient import TestClient

    from whimbrel.web.app import create_app

    with TestClient(create_app(read_service, max_bytes=1000)) as c:
        r = c.post("/code", content="x" * 2000, headers={"content-type": "text/plain"})
        assert r.status_code == 413 and r.json()["error"] == "too_large"

        def chunks():  # no Content-Length: counted as it streams
            for _ in range(5):
                yield b"y" * 400

        r = c.post("/code", content=chunks(), headers={"content-type": "text/plain"})
        assert r.status_code == 413


def test_time_limit(read_service, monkeypatch):
    from fastapi.testclient import TestClient

    from whimbrel.web.app import create_app

    def slow(q):
        time.sleep(1.0)
        return {"total": 0, "offset": 0, "limit": 1, "next_offset": None, "events": []}

    monkeypatch.setattr(read_service, "events", slow)
    with TestClient(create_app(read_service, timeout=0.2)) as c:
        r = c.get("/events")
    assert r.status_code == 504 and r.json()["error"] == "timeout"


def test_no_database_is_503_but_the_page_still_loads(tmp_path):
    from fastapi.testclient import TestClient

    from whimbrel.web.app import create_app
    from whimbrel.web.service import Service

    with TestClient(create_app(Service(tmp_path / "missing.duckdb"))) as c:
        assert c.get("/events").status_code == 503
        assert "whimbrel ingest" in c.get("/events").json()["detail"]
        assert c.get("/health").json()["status"] == "no database"
        assert c.get("/app/code").status_code == 200
    assert not (tmp_path / "missing.duckdb").exists()  # read-only: nothing created


def test_read_only_server_refuses_to_store(read_client):
    r = read_client.post("/code", json={"text": "Kim met Trump.", "store": True})
    assert r.status_code == 400 and "--allow-ingest" in r.json()["detail"]


def test_sql_injection_is_only_a_value(read_client):
    for value in ("PRK' OR 1=1 --", "x'); DROP TABLE events; --", "%' OR '1'='1"):
        r = read_client.get("/events", params={"actor": value, "place": value, "cameo": value})
        assert r.status_code == 200 and r.json()["total"] == 0
    assert read_client.get("/health").json()["events"] == 17


# -- coding (needs the spaCy pipeline) ------------------------------------------------------

def test_code_json_text_and_html_bodies(client):
    text = "North Korean leader Kim Jong-un met Cuban President Miguel Diaz-Canel in Pyongyang on Sunday."
    r = client.post("/code", json={"text": text, "published": "2018-11-05"})
    body = r.json()
    assert r.status_code == 200 and body["stored"] is False and body["events"]
    assert any(e["cameo"].startswith("04") for e in body["events"])
    assert body["mentions"] and body["article"]["text"].endswith("on Sunday.")
    plain = client.post("/code", content=text, params={"published": "2018-11-05"},
                        headers={"content-type": "text/plain"}).json()
    assert [e["event_id"] for e in plain["events"]] == [e["event_id"] for e in body["events"]]
    html = (f"<html><head><title>Visit</title></head><body><article><h1>Visit</h1><p>{text}</p>"
            "<p>The two leaders agreed to expand their relations, officials said.</p></article></body></html>")
    r = client.post("/code", content=html, params={"published": "2018-11-05"}, headers={"content-type": "text/html"})
    assert r.status_code == 200 and r.json()["article"]["format"] == "html"


def test_code_returns_the_cli_records(client, example_text):
    from whimbrel.api import code_text

    body = client.post("/code", json={"text": example_text}).json()
    assert body["events"] == [e.as_dict() for e in code_text(example_text, pipeline=client.app.state.service.pipeline)]


def test_code_keeps_markup_as_text(client):
    body = client.post("/code", json={"text": webdb.XSS_TEXT, "published": "2018-12-01"}).json()
    assert "<script>" in body["article"]["text"] and "onerror" in body["article"]["text"]


@pytest.mark.parametrize("payload,status", [
    ({"text": "   "}, 400), ({}, 400), ({"text": "Kim met Trump.", "published": "soon"}, 400),
])
def test_code_bad_requests(client, payload, status):
    r = client.post("/code", json=payload)
    assert r.status_code == status and r.json()["detail"]


def test_code_bad_json_is_400(client):
    r = client.post("/code", content="{not json", headers={"content-type": "application/json"})
    assert r.status_code == 400


def test_store_needs_allow_ingest_and_the_token(tmp_path, pipeline):
    from fastapi.testclient import TestClient

    from whimbrel.web.app import create_app
    from whimbrel.web.service import Service

    svc = Service(tmp_path / "w.duckdb", allow_ingest=True, pipeline=pipeline)
    text = "North Korean leader Kim Jong-un met Cuban President Miguel Diaz-Canel in Pyongyang on Sunday."
    try:
        with TestClient(create_app(svc, token="s3cret")) as c:
            assert c.post("/code", json={"text": text, "store": True}).status_code == 401
            bad = c.post("/code", json={"text": text, "store": True}, headers={"Authorization": "Bearer nope"})
            assert bad.status_code == 401
            assert c.get("/health").json()["events"] == 0
            unstored = c.post("/code", json={"text": text})  # coding alone writes nothing and needs no token
            assert unstored.status_code == 200 and unstored.json()["stored"] is False
            ok = c.post("/code", json={"text": text, "store": True, "published": "2018-11-05"},
                        headers={"Authorization": "Bearer s3cret"})
            assert ok.status_code == 200 and ok.json()["stored"] is True
            n = len(ok.json()["events"])
            assert c.get("/health").json()["events"] == n > 0
            aid = ok.json()["article"]["id"]
            assert c.get(f"/articles/{aid}").json()["article"]["text"] == ok.json()["article"]["text"]
    finally:
        svc.close()


def test_json_responses_are_json(read_client):
    r = read_client.get("/events", params={"limit": 1})
    assert json.loads(r.text)["events"][0]["article"]["id"]
