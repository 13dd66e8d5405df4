"""``whimbrel actors lookup`` and ``stats``."""

from __future__ import annotations

import json

from click.testing import CliRunner

from whimbrel.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_lookup_shows_code_on_date_and_why():
    r = run("actors", "lookup", "Diaz-Canel", "--date", "2018-11-05")
    assert r.exit_code == 0, r.output
    assert "CUBGOV" in r.output and "2018-11-05" in r.output and "covers" in r.output
    assert "people.tsv" in r.output


def test_lookup_json_and_former_official():
    r = run("actors", "lookup", "Mike Pompeo", "--date", "2022-03-01", "--json")
    assert r.exit_code == 0, r.output
    [row] = [json.loads(line) for line in r.output.splitlines()]
    assert row["code"] == "USAELI" and row["kb_id"] == "p:mike-pompeo"


def test_lookup_unknown_name_explains_and_fails():
    r = run("actors", "lookup", "Kim")
    assert r.exit_code == 1
    assert "not in the knowledge base" in r.output and "docs/actors.md" in r.output


def test_lookup_agent_noun():
    r = run("actors", "lookup", "diplomat")
    assert r.exit_code == 0 and "GOV" in r.output


def test_lookup_with_user_file(tmp_path):
    f = tmp_path / "mine.tsv"
    f.write_text("u:zed\tperson\tNORGOV\t2020-01-01\t\tZed Fjordmann\t\n", encoding="utf-8")
    r = run("actors", "lookup", "Zed Fjordmann", "--date", "2021-01-01", "--actors", str(f))
    assert r.exit_code == 0, r.output
    assert "NORGOV" in r.output and "mine.tsv" in r.output


def test_lookup_bad_user_file_is_a_clean_error(tmp_path):
    f = tmp_path / "bad.tsv"
    f.write_text("u:zed\tspaceship\tNORGOV\t\t\tZed\t\n", encoding="utf-8")
    r = run("actors", "lookup", "Zed", "--actors", str(f))
    assert r.exit_code != 0 and "unknown kind" in r.output


def test_lookup_bad_date():
    r = run("actors", "lookup", "Putin", "--date", "yesterday")
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.output


def test_stats_and_help():
    r = run("actors", "stats")
    assert r.exit_code == 0 and "entries:" in r.output
    for cmd in (("actors", "--help"), ("actors", "lookup", "--help"), ("actors", "stats", "--help")):
        r = run(*cmd)
        assert r.exit_code == 0 and len(r.output) > 50
