"""The events table's ``date_source`` column: new databases have it, old ones get it
when opened for writing and stay readable."""

from __future__ import annotations


def test_old_database_gains_date_source_and_stays_readable(tmp_path):
    import duckdb

    from whimbrel.store import Store
    from whimbrel.store.db import schema_sql

    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute(schema_sql())
    con.execute("ALTER TABLE events DROP COLUMN date_source")  # the layout before date_source
    cols = [r[0] for r in con.execute("DESCRIBE events").fetchall()]
    assert "date_source" not in cols  # really an old layout
    con.execute("INSERT INTO events (event_id, article_id, cameo, cameo_root, record) VALUES ('e1', 'a1', '040', '04', '{}')")
    con.close()
    with Store(db, read_only=True) as store:  # readable as it is
        assert store.counts()["events"] == 1
    with Store(db) as store:  # opened for writing: the column is added, old rows NULL
        rows = store.con.execute("SELECT event_id, date_source FROM events").fetchall()
    assert rows == [("e1", None)]
