"""The event-database commands: dedup, clusters, export, dyad, network, top, recode."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from eventdb_factory import ORIGINALS, article, document, event, syndicate  # noqa: E402

from whimbrel.cli import main  # noqa: E402
from whimbrel.store import Store  # noqa: E402

COMMANDS = ("dedup", "clusters", "export", "dyad", "partners", "network", "top", "recode")


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "t.duckdb"
    with Store(path) as st:
        text = ORIGINALS[0][1]
        for k, outlet in enumerate(("scmp", "reuters", "ap")):
            a = article(f"kim-{outlet}", text if k == 0 else syndicate(text, seed=k, outlet=outlet),
                        source=outlet, url=f"https://{outlet}.example/kim")
            st.write_document(document(a, [
                event(a, 0, "PRKGOV", "CUBGOV", "043", date="2018-11-04", place="Pyongyang"),
                event(a, 1, "PRKGOV", "USAGOV", "112", date="2018-11-04"),
                event(a, 2, "CUBGOV", "USAGOV", "112", date="2018-11-04"),
            ]))
    return str(path)


def run(*args):
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return res


@pytest.mark.parametrize("cmd", COMMANDS)
def test_every_command_has_help(cmd):
    res = run(cmd, "--help")
    assert res.exit_code == 0
    assert "Usage:" in res.output and len(res.output.split("\n\n")[1].strip()) > 20


def test_dedup_reports_inflation(db):
    res = run("dedup", "--db", db, "--json")
    assert res.exit_code == 0
    st = json.loads(res.output)
    assert st["raw_events"] == 9 and st["events"] == 3 and st["inflation"] == 3.0
    assert st["clusters"] == 1 and st["clustered_articles"] == 3
    text = run("dedup", "--db", db).output
    assert "9 raw events -> 3 events" in text


def test_clusters_lists_members(db):
    res = run("clusters", "--db", db)
    assert res.exit_code == 0
    assert "3 articles, 3 sources" in res.output and "kim-reuters" in res.output


def test_export_gdelt_and_formats(db, tmp_path):
    out = tmp_path / "events.tsv"
    res = run("export", "--db", db, "--format", "gdelt", "-o", str(out))
    assert res.exit_code == 0
    lines = out.read_text().splitlines()
    assert len(lines) == 3 and all(len(line.split("\t")) == 61 for line in lines)
    plover = run("export", "--db", db, "--format", "plover", "--cameo", "04").output.splitlines()
    assert len(plover) == 1 and json.loads(plover[0])["num_articles"] == 3
    import csv
    import io

    raw = list(csv.DictReader(io.StringIO(run("export", "--db", db, "--format", "csv", "--raw",
                                              "--source", "CUB").output)))
    assert len(raw) == 3 and {r["article_id"] for r in raw} == {"kim-scmp", "kim-reuters", "kim-ap"}
    res = run("export", "--db", db, "--format", "parquet")
    assert res.exit_code != 0 and "directory" in res.output


def test_dyad_network_top(db, tmp_path):
    res = run("dyad", "--db", db, "PRK", "USA")
    assert res.exit_code == 0 and "2018-11" in res.output and "PRK <-> USA: 1 events" in res.output
    js = run("dyad", "--db", db, "PRK", "USA", "--json").output.splitlines()
    assert json.loads(js[0])["quad3"] == 1
    gml = tmp_path / "g.graphml"
    res = run("network", "--db", db, "--graphml", str(gml))
    assert res.exit_code == 0 and gml.exists()
    assert "bloc 1: CUB, PRK" in res.output and "against USA" in res.output
    data = json.loads(run("network", "--db", db, "--json").stdout)
    assert data["blocs"][0]["members"] == ["CUB", "PRK"]
    top = [json.loads(x) for x in run("top", "--db", db, "--json").output.splitlines()]
    assert top[0]["actor"] in ("CUB", "PRK", "USA") and top[0]["events"] == 2
    dy = run("top", "--db", db, "--dyads").output
    assert "CUB - PRK" in dy


def test_recode_command(db, monkeypatch):
    from whimbrel import pipeline as pl

    class Fake:
        coder_version = "fake+2"

        def pipe(self, articles, batch_size=None):
            from whimbrel.model import Document

            for art in articles:
                yield Document(article=art, events=[event(art, 0, "PRKGOV", "CUBGOV", "043", date="2018-11-04",
                                                          version="fake+2")])

    monkeypatch.setattr(pl.Pipeline, "load", classmethod(lambda cls, *a, **k: Fake()))
    res = run("recode", "--db", db)
    assert res.exit_code == 0 and "3 of 3 articles re-coded with fake+2" in res.output
    assert "events 9 -> 3" in res.output
    assert "0 of 0" in run("recode", "--db", db).output


def test_missing_actor_is_a_usage_error(db):
    res = CliRunner().invoke(main, ["dyad", "--db", db, "PRK"])
    assert res.exit_code == 2


def _hold(db: str, *, read_only: bool):
    """Another process that keeps ``db`` open until killed; returns once it has it open."""
    import subprocess

    code = ("import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == '1'); "
            "print('open', flush=True); time.sleep(60)")
    proc = subprocess.Popen([sys.executable, "-c", code, db, "1" if read_only else "0"],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "open"
    return proc


def test_read_commands_work_while_another_process_reads(db):
    assert run("dedup", "--db", db).exit_code == 0
    proc = _hold(db, read_only=True)
    try:
        for args in (("events",), ("top",), ("dyad", "PRK", "USA"), ("export", "--format", "gdelt")):
            res = run(*args, "--db", db)
            assert res.exit_code == 0, (args, res.output)
    finally:
        proc.kill()
        proc.wait()


def test_a_writer_holding_the_lock_is_said_plainly(db, monkeypatch):
    monkeypatch.setenv("WHIMBREL_LOCK_TIMEOUT", "1")  # the holder keeps the file longer than that
    proc = _hold(db, read_only=False)
    try:
        res = CliRunner().invoke(main, ["dedup", "--db", db])
        assert res.exit_code == 1
        assert f"PID {proc.pid}" in res.output and "locked" in res.output
    finally:
        proc.kill()
        proc.wait()


def test_dyad_by_week_with_csv_and_partners(db, tmp_path):
    out = tmp_path / "s.csv"
    res = run("dyad", "PRK", "USA", "--by", "week", "--db", db)
    assert res.exit_code == 0 and "2018-10-29" in res.output  # the week (from Monday) of 4 November
    res = run("dyad", "PRK", "USA", "--by", "week", "--csv", "-o", str(out), "--db", db)
    assert res.exit_code == 0 and "1 periods written to" in res.stderr
    assert out.read_text().splitlines()[0].startswith("series,period,events")
    res = run("partners", "USA", "--json", "--db", db)
    assert res.exit_code == 0
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert {r["series"] for r in rows} == {"USA-PRK", "USA-CUB"}
