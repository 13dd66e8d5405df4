"""Opening the store (issue 16, items 8, 9 and "readable while it grows"): odd files are refused
with one line that says what to do; locks are waited for; the schema version is checked."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import duckdb
import pytest

from whimbrel.errors import StoreError, StoreLocked, StoreUnavailable
from whimbrel.store import Store
from whimbrel.store.connect import CONFIG, SCHEMA_VERSION, explain, store_error


def test_sqlite_file_is_refused_without_touching_extensions(tmp_path):
    p = tmp_path / "s.db"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="is a SQLite database, not DuckDB"):
        Store(p)
    with pytest.raises(StoreError, match="SQLite"):
        Store(p, read_only=True)


def test_connections_never_install_or_load_extensions(tmp_path):
    with Store(tmp_path / "w.duckdb") as store:
        got = store.con.execute("SELECT current_setting('autoinstall_known_extensions'), "
                                "current_setting('autoload_known_extensions')").fetchone()
    assert got == (False, False)
    assert CONFIG == {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


def test_foreign_and_truncated_files_are_refused(tmp_path):
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"hello world, not a database " * 50)
    with pytest.raises(StoreError, match="not a DuckDB database"):
        Store(junk)
    good = tmp_path / "good.duckdb"
    with Store(good) as store:
        store.con.execute("CREATE TABLE filler AS SELECT range AS x, repeat('y', 200) AS y FROM range(20000)")
    data = good.read_bytes()
    cut = tmp_path / "cut.duckdb"
    cut.write_bytes(data[: len(data) // 3])
    with pytest.raises(StoreUnavailable, match="damaged or truncated"):
        Store(cut, read_only=True).counts()


def test_a_new_path_becomes_a_database_and_an_empty_file_is_refused(tmp_path):
    with Store(tmp_path / "new.duckdb") as store:
        assert store.counts() == {"articles": 0, "events": 0, "failures": 0, "runs": 0}
    (tmp_path / "empty.duckdb").write_bytes(b"")  # e.g. made by `touch`: DuckDB will not use it
    with pytest.raises(StoreUnavailable, match="is not a DuckDB database; give another --db file"):
        Store(tmp_path / "empty.duckdb")


def test_schema_version_is_recorded_and_a_different_one_refused(tmp_path):
    p = tmp_path / "v.duckdb"
    with Store(p) as store:
        assert store.con.execute("SELECT value FROM whimbrel_meta WHERE key = 'schema_version'").fetchone() == (
            str(SCHEMA_VERSION),)
        store.con.execute("UPDATE whimbrel_meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema version 99; this whimbrel reads and writes version"):
        Store(p)


@pytest.mark.parametrize("how", ["no_meta_table", "meta_table_without_version"])
def test_a_database_made_before_versioning_is_stamped(tmp_path, how):
    p = tmp_path / "old.duckdb"
    with Store(p) as store:
        store.con.execute("DROP TABLE whimbrel_meta" if how == "no_meta_table" else "DELETE FROM whimbrel_meta")
    with Store(p, read_only=True) as store:  # readable as it is
        assert store.counts()["articles"] == 0
    with Store(p) as store:
        assert store.con.execute("SELECT value FROM whimbrel_meta").fetchone() == (str(SCHEMA_VERSION),)


def test_other_programs_databases_are_refused(tmp_path):
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE sales (id INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="another program"):
        Store(other)
    mismatch = tmp_path / "mismatch.duckdb"
    con = duckdb.connect(str(mismatch))
    con.execute("CREATE TABLE articles (id INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="table articles has no article_id"):
        Store(mismatch)
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    with pytest.raises(StoreError, match="holds no whimbrel data"):
        Store(empty, read_only=True)


def test_explain_names_the_cause_and_what_to_do(tmp_path):
    p = tmp_path / "x.duckdb"
    full = duckdb.IOException('Could not write file "x.wal": No space left on device')
    assert "disk is full" in explain(p, full, "write to") and "run the same command again" in explain(p, full)
    assert isinstance(store_error(p, full), StoreUnavailable)
    ro = duckdb.IOException('Cannot open file "x": Read-only file system')
    assert "read-only" in explain(p, ro) and "--db" in explain(p, ro)
    locked = duckdb.IOException('Could not set lock on file "x": Conflicting lock is held in /usr/bin/python (PID 7)')
    assert "in use by another process (/usr/bin/python (PID 7))" in explain(p, locked)
    assert isinstance(store_error(p, locked), StoreLocked)
    # a row the database refuses is not the machine's fault: a plain StoreError
    data = duckdb.ConversionException("Could not convert string 'x' to INT32")
    assert not isinstance(store_error(p, data), StoreUnavailable)
    assert explain(p, data) == f"cannot use {p}: Could not convert string 'x' to INT32"


def test_a_failed_write_rolls_back_and_says_why(tmp_path, monkeypatch):
    from eventdb_factory import article, document, event

    def one_document(aid):
        art = article(aid, "Kim met Diaz-Canel in Pyongyang on Sunday.")
        return document(art, [event(art, 0, "PRK", "CUB", "043")])

    with Store(tmp_path / "w.duckdb") as store:
        real = store._insert

        def insert(table, data):
            if table == "events":
                store.con.execute("SELECT CAST('x' AS INTEGER)")  # fails inside the transaction
            return real(table, data)

        monkeypatch.setattr(store, "_insert", insert)
        with pytest.raises(StoreError, match="Could not convert string 'x'") as err:
            store.write_batch([one_document("a1")])
        assert "transaction is aborted" not in str(err.value)
        monkeypatch.undo()
        assert store.counts()["articles"] == 0  # rolled back, and the store still works
        store.write_batch([one_document("a1")])
        assert store.counts()["articles"] == 1


HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


def _hold(path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "holding"
    return proc


def test_a_reader_waits_for_a_writer_then_reads(tmp_path):
    p = tmp_path / "w.duckdb"
    Store(p).close()
    holder = _hold(p, 1.0)
    try:
        with Store(p, read_only=True, lock_timeout=60) as store:
            assert store.counts()["articles"] == 0
    finally:
        holder.wait(timeout=30)


def test_a_reader_gives_up_after_the_timeout_with_one_line(tmp_path):
    p = tmp_path / "w.duckdb"
    Store(p).close()
    holder = _hold(p, 30.0)
    try:
        with pytest.raises(StoreLocked, match="in use by another process") as err:
            Store(p, read_only=True, lock_timeout=0.3)
        assert "WHIMBREL_LOCK_TIMEOUT" in str(err.value) and "\n" not in str(err.value)
    finally:
        holder.kill()
        holder.wait()


def test_release_lets_another_process_open_the_file(tmp_path):
    p = tmp_path / "w.duckdb"
    with Store(p) as store:
        store.counts()
        store.release()
        reader = subprocess.run([sys.executable, "-c", "import duckdb, sys; "
                                 "print(duckdb.connect(sys.argv[1], read_only=True).execute("
                                 "'SELECT count(*) FROM runs').fetchone()[0])", str(p)],
                                capture_output=True, text=True, timeout=60)
        assert reader.returncode == 0 and reader.stdout.strip() == "0", reader.stderr
        assert store.counts()["runs"] == 0  # and the store opens again on its own
