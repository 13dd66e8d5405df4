"""What the CLI prints cannot drive the terminal or a spreadsheet (issue 16, item 11), and
database problems are one line, not a traceback (items 8 and 9)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from click.testing import CliRunner

from whimbrel.cli import main
from whimbrel.store.cells import json_line, safe, safe_text

EVIL_ID = "=HYPERLINK(\"x\")\x1b]0;pwned\x07"
EVIL_TITLE = "\x1b[2J\x9b31mRed\u202eevil"


@pytest.fixture(scope="module")
def evil_db(tmp_path_factory):
    root = tmp_path_factory.mktemp("evil")
    src = root / "evil.jsonl"
    src.write_text(json.dumps({"id": EVIL_ID, "title": EVIL_TITLE, "source": "@wire",
                               "text": "France criticised Germany over trade talks on Monday."}) + "\n")
    db = root / "evil.duckdb"
    res = CliRunner().invoke(main, ["ingest", str(src), "--db", str(db)])
    assert res.exit_code == 0, res.output
    return db


def _no_controls(text: str) -> None:
    bad = [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0 or 0x202A <= ord(c) <= 0x202E]
    assert not bad, repr(bad)


def test_safe_escapes_controls_and_keeps_plain_text():
    assert safe("Kim met Putin") == "Kim met Putin"  # nothing to do: unchanged
    assert safe("a\x1b[31mb") == "a\\x1b[31mb"
    assert safe("x\ny") == "x\\x0ay" and safe("x\ny", newlines=True) == "x\ny"
    assert safe("\x9b\u202e") == "\\x9b\\u202e"
    assert safe_text("a\x1bb\nc") == "a\ufffdb\nc"  # same length: highlight offsets still hold
    assert json.loads(json_line({"t": "\x85\u202e\x1b"})) == {"t": "\x85\u202e\x1b"}
    _no_controls(json_line({"t": "\x85\u202e\x1b"}))


@pytest.mark.parametrize("flags", [[], ["--json"], ["--csv"]])
def test_events_prints_no_control_characters(evil_db, flags):
    res = CliRunner().invoke(main, ["events", "--db", str(evil_db), *flags])
    assert res.exit_code == 0, res.output
    assert res.stdout.strip()
    _no_controls(res.stdout)


def test_events_csv_cells_do_not_start_formulas(evil_db):
    res = CliRunner().invoke(main, ["events", "--db", str(evil_db), "--csv"])
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and all(r["article_id"].startswith("'=HYPERLINK") for r in rows)
    assert all(float(r["goldstein"]) == float(r["goldstein"]) for r in rows)  # numbers stay numbers


@pytest.mark.parametrize("color", ["--no-color", "--color"])
def test_show_prints_no_control_characters(evil_db, color):
    res = CliRunner().invoke(main, ["show", "=HYPERLINK", "--db", str(evil_db), color])
    assert res.exit_code == 0, res.output
    _no_controls(res.stdout.replace("\x1b[", ""))  if color == "--color" else _no_controls(res.stdout)
    assert "\\x1b]0;pwned\\x07" in res.stdout


def test_show_with_colour_prints_only_its_own_escapes(evil_db):
    res = CliRunner().invoke(main, ["show", "=HYPERLINK", "--db", str(evil_db), "--color"])
    # rich writes SGR sequences (ESC [ ... m); the input's OSC (ESC ]) and CSI (\x9b) must not get through
    assert "\x1b]" not in res.stdout and "\x9b" not in res.stdout and "\x07" not in res.stdout


def test_sqlite_db_is_one_line(tmp_path):
    p = tmp_path / "s.db"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    for args in (["events", "--db", str(p)], ["show", "x", "--db", str(p)], ["dedup", "--db", str(p)]):
        res = CliRunner().invoke(main, args)
        assert res.exit_code == 1 and isinstance(res.exception, SystemExit), res.output
        assert res.stderr.strip().count("\n") == 0 and "SQLite database, not DuckDB" in res.stderr


def test_read_only_database_file_is_one_line(tmp_path):
    """A database that cannot be written: DuckDB's read-only error, named (root ignores chmod, so
    the store is opened read-only by hand and written to)."""
    from whimbrel.errors import StoreError
    from whimbrel.store import Store

    db = tmp_path / "w.duckdb"
    Store(db).close()
    store = Store(db, read_only=True)
    try:
        with pytest.raises(StoreError, match="read-only") as err:
            store.begin_run("ingest", "v")
        assert "\n" not in str(err.value) and "--db" in str(err.value)
    finally:
        store.close()
