"""Undated documents: ``code`` and ``ingest`` warn once (naming how many), every event
record says where its date came from, and ``--published`` / ``WHIMBREL_PUBLISHED``
give the missing date."""

from __future__ import annotations

import json

from click.testing import CliRunner

from whimbrel.cli import main

TEXT = "Russia's foreign minister criticised Japan over the islands. The two countries held talks."


def _write(tmp_path, n: int, *, dated: int = 0):
    d = tmp_path / "in"
    d.mkdir()
    for k in range(n):
        head = "Published: 5 Nov 2018\n\n" if k < dated else ""
        (d / f"doc{k}.txt").write_text(f"{head}{TEXT} Story {k}.\n", encoding="utf-8")
    return d


def test_code_warns_once_with_the_count_and_records_say_assumed_today(pipeline, tmp_path, monkeypatch):
    monkeypatch.delenv("WHIMBREL_PUBLISHED", raising=False)
    d = _write(tmp_path, 3, dated=1)
    result = CliRunner().invoke(main, ["code", "--json", str(d)])
    assert result.exit_code == 0, result.output
    warnings = [l for l in result.stderr.splitlines() if l.startswith("warning:")]
    assert len(warnings) == 1 and "2 of 3 documents carry no publication date" in warnings[0]
    recs = [json.loads(l) for l in result.stdout.splitlines()]
    assert recs and {r["date_source"] for r in recs} == {"assumed-today", "published"}


def test_code_with_published_does_not_warn(pipeline, tmp_path, monkeypatch):
    monkeypatch.delenv("WHIMBREL_PUBLISHED", raising=False)
    d = _write(tmp_path, 2)
    result = CliRunner().invoke(main, ["code", "--json", "--published", "2019-01-20", str(d)])
    assert result.exit_code == 0, result.output
    assert "warning:" not in result.stderr
    recs = [json.loads(l) for l in result.stdout.splitlines()]
    assert recs and all(r["date_source"] == "published" for r in recs)
    assert all(r["date"] == "2019-01-20" for r in recs)


def test_whimbrel_published_is_the_default_and_a_bad_one_is_an_error(pipeline, tmp_path, monkeypatch):
    from whimbrel.api import default_published
    from whimbrel.errors import WhimbrelError
    from whimbrel.settings import Settings

    monkeypatch.setenv("WHIMBREL_PUBLISHED", "2019-01-20")
    s = Settings.from_env()
    assert s.published == "2019-01-20"
    assert default_published(None, s) == "2019-01-20"
    assert default_published("2020-02-02", s) == "2020-02-02"  # the option wins
    monkeypatch.setenv("WHIMBREL_PUBLISHED", "soon")
    try:
        default_published(None, Settings.from_env())
    except WhimbrelError as e:
        assert "WHIMBREL_PUBLISHED" in str(e)
    else:
        raise AssertionError("a bad WHIMBREL_PUBLISHED must be an error")


def test_ingest_warns_once_and_stores_date_source(pipeline, tmp_path, monkeypatch):
    import duckdb

    monkeypatch.delenv("WHIMBREL_PUBLISHED", raising=False)
    d = _write(tmp_path, 3, dated=1)
    db = tmp_path / "x.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(d), "--db", str(db)])
    assert result.exit_code == 0, result.output
    warnings = [l for l in result.stderr.splitlines() if l.startswith("warning:")]
    assert len(warnings) == 1 and "2 of 3 documents" in warnings[0]
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT DISTINCT date_source FROM events").fetchall()
    con.close()
    assert {r[0] for r in rows} == {"assumed-today", "published"}
    # the same run with a default date: no warning (the articles are re-coded)
    again = CliRunner().invoke(main, ["ingest", str(d), "--db", str(db), "--force", "--published", "2019-01-20"])
    assert again.exit_code == 0, again.output
    assert "warning:" not in again.stderr
