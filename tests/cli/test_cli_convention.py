"""One output convention (whimbrel.cli.output): every command that prints records takes
--json, --csv and -o FILE, prints a table by default, and still accepts its old spellings
with a note on stderr. Names are accepted where actors are; --min-confidence wherever
events are listed or counted."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from eventdb_factory import ORIGINALS, article, document, event  # noqa: E402

from whimbrel.cli import main  # noqa: E402
from whimbrel.cli.output import OutputCommand, date_range, rewrite_legacy  # noqa: E402
from whimbrel.store import Store  # noqa: E402

#: listing commands and the arguments that make them list something from the test database
LISTINGS = {
    ("events",): [],
    ("show",): ["kim-scmp"],
    ("clusters",): ["--min-size", "1"],
    ("dyad",): ["PRK", "USA"],
    ("partners",): ["PRK"],
    ("network",): [],
    ("top",): [],
}
#: commands that print one result (statistics, a report): --json and -o, no --csv
SUMMARIES = {("dedup",), ("eval",), ("actors", "stats")}
#: commands that list or count events: each takes --min-confidence
EVENT_COMMANDS = {("events",), ("show",), ("export",), ("dyad",), ("partners",), ("network",), ("top",),
                  ("code",), ("ingest",), ("watch",)}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("conv") / "c.duckdb"
    with Store(path) as st:
        text = ORIGINALS[0][1]
        a = article("kim-scmp", text, source="scmp", url="https://scmp.example/kim")
        st.write_document(document(a, [
            event(a, 0, "PRKGOV", "CUBGOV", "043", date="2018-11-04", date_end="2018-11-06", place="Pyongyang",
                  confidence=0.9),
            event(a, 1, "PRKGOV", "USAGOV", "112", date="2018-11-04", confidence=0.4),
            event(a, 2, "CUBGOV", "USAGOV", "112", date="2018-11-05", place="Havana", confidence=0.8),
        ]))
    assert CliRunner().invoke(main, ["dedup", "--db", str(path)]).exit_code == 0
    return str(path)


def run(*args, ok: bool = True):
    res = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    if ok:
        assert res.exit_code == 0, (args, res.output)
    return res


def _args(path, extra, db):
    return [*path, *extra, "--db", db]


def _tree(group, prefix=()):
    for name, cmd in group.commands.items():
        yield (*prefix, name), cmd
        if isinstance(cmd, click.Group):
            yield from _tree(cmd, (*prefix, name))


# -- every listing command -----------------------------------------------------------------

@pytest.mark.parametrize("path", list(LISTINGS), ids=" ".join)
def test_json_csv_and_table(db, path):
    args = _args(path, LISTINGS[path], db)
    table = run(*args).stdout
    assert table.strip()
    with pytest.raises(ValueError):
        json.loads(table.splitlines()[0])
    js = run(*args, "--json").stdout.splitlines()
    assert js and all(isinstance(json.loads(line), dict) for line in js)
    rows = list(csv.DictReader(io.StringIO(run(*args, "--csv").stdout)))
    assert rows and all(len(r) > 2 for r in rows)
    both = run(*args, "--json", "--csv", ok=False)
    assert both.exit_code == 2 and "choose one of --json and --csv" in both.output


@pytest.mark.parametrize("path", list(LISTINGS), ids=" ".join)
def test_output_file(db, path, tmp_path):
    args = _args(path, LISTINGS[path], db)
    for flags, name, same_as in ((["--json"], "out.txt", ["--json"]), ([], "out.jsonl", ["--json"]),
                                 (["--csv"], "out.txt", ["--csv"]), ([], "out.csv", ["--csv"]),
                                 ([], "out.txt", [])):
        target = tmp_path / name
        res = run(*args, *flags, "-o", target)
        assert res.stdout == "", (flags, name)
        assert f"written to {target}" in res.stderr
        expected = run(*args, *same_as).stdout
        got = target.read_text(encoding="utf-8")
        if path == ("dyad",) and not same_as:  # the terminal chart is drawn the same, without colour
            assert got.splitlines()[0] == expected.splitlines()[0]
        else:
            assert got == expected, (flags, name)
    assert run(*args, "--json", "--output", "-").stdout == run(*args, "--json").stdout


def test_actors_lookup_follows_the_convention(tmp_path):
    rows = [json.loads(x) for x in run("actors", "lookup", "Diaz-Canel", "--date", "2018-11-05",
                                       "--json").stdout.splitlines()]
    assert rows[0]["code"] == "CUBGOV"
    [row] = list(csv.DictReader(io.StringIO(run("actors", "lookup", "Diaz-Canel", "--date", "2018-11-05",
                                                "--csv").stdout)))
    assert row["code"] == "CUBGOV" and ";" in row["roles"]
    out = tmp_path / "l.csv"
    run("actors", "lookup", "Diaz-Canel", "-o", out)
    assert out.read_text().startswith("name,key,date,code")


def test_code_follows_the_convention(tmp_path):
    from importlib.resources import files

    example = str(files("whimbrel") / "data" / "examples" / "scmp-2018-11-05-kim-diaz-canel.txt")
    js = [json.loads(x) for x in run("code", example, "--json").stdout.splitlines()]
    rows = list(csv.DictReader(io.StringIO(run("code", example, "--csv").stdout)))
    assert len(js) == len(rows) > 5 and [r["event_id"] for r in rows] == [r["event_id"] for r in js]
    out = tmp_path / "ev.jsonl"
    assert run("code", example, "-o", out).stdout == ""
    assert [json.loads(x)["event_id"] for x in out.read_text().splitlines()] == [r["event_id"] for r in js]
    assert "PLACE" in run("code", example).stdout


def test_summaries_take_json_and_output(db, tmp_path):
    st = json.loads(run("dedup", "--db", db, "--json").stdout)
    assert st["raw_events"] == 3
    out = tmp_path / "st.json"
    run("dedup", "--db", db, "-o", out)
    assert json.loads(out.read_text())["raw_events"] == 3
    assert json.loads(run("actors", "stats", "--json").stdout)["entries"] > 1000


# -- old spellings -------------------------------------------------------------------------

@pytest.mark.parametrize("old, new", [
    (["--format", "json"], ["--json"]), (["--format=csv"], ["--csv"]), (["--format", "table"], []),
])
def test_events_format_is_a_deprecated_alias(db, old, new):
    res = run("events", "--db", db, *old)
    assert res.stdout == run("events", "--db", db, *new).stdout
    [note] = res.stderr.splitlines()
    assert note.startswith("note: --format") and "deprecated" in note
    assert run("events", "--db", db, "--format", "xml", ok=False).exit_code == 2


def test_network_json_file_is_a_deprecated_alias(db, tmp_path):
    target = tmp_path / "net.json"
    res = run("network", "--db", db, "--json", target)
    assert "deprecated" in res.stderr and res.stdout == ""
    assert json.loads(target.read_text()) == json.loads(run("network", "--db", db, "--json").stdout)
    res = run("network", "--db", db, "--json", "-")
    assert json.loads(res.stdout)["blocs"] is not None and "deprecated" in res.stderr


@pytest.mark.parametrize("args", [["dyad", "PRK", "USA", "--csv", "s.csv"], ["dyad", "--csv", "s.csv", "PRK", "USA"],
                                  ["partners", "PRK", "--csv", "s.csv"]])
def test_series_csv_file_is_a_deprecated_alias(db, args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = run(*args, "--db", db)
    assert "note: --csv FILE is deprecated; use --csv -o FILE" in res.stderr
    assert (tmp_path / "s.csv").read_text().startswith("series,period,events")
    # the new flag still works next to the positional arguments
    assert run(args[0], "--csv", *[a for a in args[1:] if a not in ("--csv", "s.csv")], "--db", db).stdout.startswith(
        "series,")


def test_rewrite_keeps_what_is_not_an_old_spelling():
    legacy = {"--csv": "file", "--format": "format"}
    assert rewrite_legacy(["PRK", "--csv", "USA"], legacy, positional=True) == ["PRK", "--csv", "USA"]
    assert rewrite_legacy(["--csv", "--db", "x"], legacy, positional=True) == ["--csv", "--db", "x"]
    assert rewrite_legacy(["--", "--format", "json"], legacy, positional=True) == ["--", "--format", "json"]


# -- the help: one convention ----------------------------------------------------------------

def test_help_follows_one_output_convention():
    found = dict(_tree(main))
    for path in [*LISTINGS, ("code",), ("actors", "lookup")]:
        assert isinstance(found[path], OutputCommand), path
    for path, cmd in found.items():
        opts = {o: p for p in cmd.params if isinstance(p, click.Option) and not p.hidden for o in p.opts}
        if "--json" in opts or "--csv" in opts:
            assert "-o" in opts and "--output" in opts, f"{path}: --json without -o/--output"
            for flag in ("--json", "--csv"):
                assert flag not in opts or opts[flag].is_flag, f"{path}: {flag} takes a value"
        if path in LISTINGS or path in SUMMARIES or path in (("code",), ("actors", "lookup")):
            # (export's --format names the file format: gdelt, plover, ...)
            assert "--format" not in opts, f"{path}: --format is the old spelling"
        help_text = CliRunner().invoke(main, [*path, "--help"]).output
        if path in LISTINGS or path in (("code",), ("actors", "lookup")):
            assert "--json" in help_text and "--csv" in help_text and "-o, --output FILE" in help_text, path
        if path in SUMMARIES:
            assert "--json" in help_text and "-o, --output FILE" in help_text and "--csv" not in help_text, path
    main_help = CliRunner().invoke(main, ["--help"]).output
    assert "Output:" in main_help and "--json" in main_help


def test_min_confidence_wherever_events_are_listed_or_counted(db):
    found = dict(_tree(main))
    for path in EVENT_COMMANDS:
        assert "--min-confidence" in {o for p in found[path].params for o in p.opts}, path

    def lines(*args):
        return [json.loads(x) for x in run(*args, "--db", db, "--json").stdout.splitlines()]

    assert sum(r["events"] for r in lines("top", "--dyads")) == 3
    kept = lines("top", "--dyads", "--min-confidence", "0.5")  # PRK -> USA (0.4) is left out
    assert sorted(tuple(r["dyad"]) for r in kept) == [("CUB", "PRK"), ("CUB", "USA")]
    assert sum(p["events"] for p in lines("dyad", "PRK", "USA")) == 1
    assert sum(p["events"] for p in lines("dyad", "PRK", "USA", "--min-confidence", "0.5")) == 0
    [net] = lines("network", "--min-confidence", "0.85")
    assert {(e["source"], e["target"]) for e in net["links"]} == {("PRK", "CUB")}
    [shown] = lines("show", "kim-scmp", "--min-confidence", "0.85")
    assert len(shown["events"]) == 1
    assert {p["series"] for p in lines("partners", "PRK", "--min-confidence", "0.5")} == {"PRK-CUB"}
    assert len(lines("events", "--min-confidence", "0.5")) == 2


# -- names where actors are ------------------------------------------------------------------

def test_dyad_and_partners_take_names(db):
    res = run("dyad", "North Korea", "Cuba", "--db", db, "--json")
    assert sum(json.loads(x)["events"] for x in res.stdout.splitlines()) == 1
    assert "actor North Korea -> PRK" in res.stderr and "actor Cuba -> CUB" in res.stderr
    table = run("dyad", "North Korea", "Cuba", "--db", db).stdout
    assert table.startswith("North Korea (PRK) <-> Cuba (CUB): 1 events")
    res = run("partners", "Cuba", "--db", db)
    assert "Cuba (CUB) - PRK" in res.stdout and "Cuba (CUB) - USA" in res.stdout
    # a code in lower case that is no name is read as the code; "usa" is the United States' name
    assert run("dyad", "prk", "usa", "--db", db).stdout.startswith("PRK <-> usa (USA): 1 events")


def test_an_ambiguous_name_lists_its_candidates(db):
    res = run("dyad", "Smith", "PRK", "--db", db, ok=False)
    assert res.exit_code == 1
    assert "'Smith' is ambiguous" in res.output and "Iain Duncan Smith" in res.output and "GBRGOV" in res.output
    res = run("partners", "Nowhereland", "--db", db, ok=False)
    assert res.exit_code == 1 and "no actor 'Nowhereland'" in res.output


# -- the events table ------------------------------------------------------------------------

def test_events_table_shows_date_range_and_place(db):
    lines = run("events", "--db", db).stdout.splitlines()
    assert "PLACE" in lines[0] and "DATE" in lines[0]
    assert lines[1].startswith("2018-11-04..11-06") and "Pyongyang PRK" in lines[1]
    assert "Havana CUB" in lines[3]
    dates = [json.loads(x)["date"] for x in run("events", "--db", db, "--json").stdout.splitlines()]
    assert dates == sorted(dates)
    assert date_range({"date": "2018-12-30", "date_end": "2019-01-02", "date_precision": "day"}) == \
        "2018-12-30..2019-01-02"
    assert date_range({"date": "2018-11-01", "date_precision": "month"}) == "2018-11"


#: commands that store rather than list: --json turns their closing summary into one JSON object
STORING = {("ingest",): ["--example"], ("recode",): ["--force"]}


@pytest.mark.parametrize("path", sorted(STORING))
def test_storing_commands_print_their_summary_as_json(path, tmp_path):
    db = str(tmp_path / "s.duckdb")
    run("ingest", "--example", "--db", db)  # something to re-code
    res = run(*path, *STORING[path], "--db", db, "--json")
    line = res.stdout.strip().splitlines()[-1]
    data = json.loads(line)
    assert isinstance(data, dict) and "seconds" in data
    counted = data.get("articles", data.get("recoded"))
    assert isinstance(counted, int)
    # without --json the same command prints its sentence
    plain = run(*path, *STORING[path], "--db", db).stdout.strip().splitlines()[-1]
    assert not plain.startswith("{")


def test_a_storing_commands_summary_goes_to_a_file(tmp_path):
    db, out = str(tmp_path / "s.duckdb"), tmp_path / "runs.jsonl"
    run("ingest", "--example", "--db", db, "-o", str(out))  # the suffix asks for JSON
    run("ingest", "--example", "--db", db, "-o", str(out))  # appended: one line per run
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["articles"] for x in lines] == [1, 0] and lines[1]["skipped"] == 1
