"""``ingest --engine dask`` on a 2-worker LocalCluster: the same events as local ingest; a killed
worker or a stopped run neither loses nor duplicates a document; ``whimbrel load`` is idempotent."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
from pathlib import Path

import duckdb
import pytest

from whimbrel.ingest.partitions import Partition, code_partition, plan, read_partition
from whimbrel.settings import Settings
from whimbrel.store import Store
from whimbrel.store.load import load

INPUTS = Path(__file__).parent.parent / "data" / "inputs"
PUBLISHED = "2024-02-20"
TEXTS = [
    "Chile protested to Peru on Monday over the border.",
    "The Japanese prime minister met the president of Sudan in Tokyo on Tuesday.",
    "Russian forces attacked Ukrainian positions near Kharkiv, officials said.",
    "France and Germany signed an agreement on energy cooperation in Paris.",
    "Protesters in Nairobi demanded the resignation of the Kenyan government.",
    "Israel accused Iran of supplying weapons to militants in Lebanon.",
    "The United Nations urged both sides in Sudan to agree to a ceasefire.",
    "China warned the Philippines over its patrols in the South China Sea.",
]


def corpus(root: Path, n: int = 16) -> int:
    """JSONL (plain and gzipped), text, HTML, a Parquet table and bad documents; returns how many documents."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    root.mkdir(parents=True, exist_ok=True)
    recs = [{"id": f"r{i}", "title": f"Report {i}", "published": f"2024-0{1 + i % 3}-1{i % 9}",
             "text": TEXTS[i % len(TEXTS)] + f" The talks were the {i + 1}th this year."} for i in range(n)]
    lines = [json.dumps(r) for r in recs] + ['{"id": oops}', '{"id": "empty", "text": ""}']
    (root / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "b.jsonl.gz").write_bytes(gzip.compress("\n".join(json.dumps({**r, "id": "g" + r["id"]})
                                                             for r in recs[: n // 2]).encode()))
    pq.write_table(pa.Table.from_pylist([{**r, "id": "p" + r["id"]} for r in recs[: n // 2]]), root / "c.parquet",
                   row_group_size=3)
    shutil.copy(INPUTS / "page.html", root / "page.html")
    shutil.copy(INPUTS / "plain.txt", root / "plain.txt")
    (root / "empty.txt").write_bytes(b"")
    return len(lines) + n // 2 + n // 2 + 3


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed", reason="dask is not installed (pip install 'whimbrel[dask]')")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                       silence_logs=50)
    cl = distributed.Client(cluster)
    yield cl
    cl.close()
    cluster.close()


def rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sorted(con.execute(sql).fetchall(), key=repr)
    finally:
        con.close()


def parquet_ids(out: Path) -> list[str]:
    con = duckdb.connect()
    return [r[0] for r in con.execute(
        f"SELECT article_id FROM read_parquet('{out}/articles/**/*.parquet', hive_partitioning = true)").fetchall()]


def test_partitions_read_what_the_file_reader_reads(tmp_path):
    from whimbrel.ingest import read_paths

    n = corpus(tmp_path / "in")
    for size in (1, 2, 5, 1000):
        parts = plan([str(tmp_path / "in")], size)
        got = [x for p in parts for x in read_partition(p, max_bytes=10**6, published=None, max_input_bytes=10**9)]
        assert got == list(read_paths([str(tmp_path / "in")])), size
        assert len(got) == n
        assert len({p.key for p in parts}) == len(parts)


def test_a_partition_written_again_replaces_its_files(tmp_path, pipeline):
    """A worker killed after writing some files but before the marker: the partition is coded again into
    the same files, so nothing is duplicated."""
    pytest.importorskip("fsspec", reason="fsspec is not installed (pip install 'whimbrel[dask]')")
    corpus(tmp_path / "in")
    part = plan([str(tmp_path / "in" / "a.jsonl")], 6)[0]
    out = tmp_path / "out"
    first = code_partition(part, str(out), Settings.from_env(), "run1", PUBLISHED)
    files = sorted(p.relative_to(out) for p in out.rglob("*.parquet"))
    assert first["n_articles"] == 6 and (out / "_done" / f"{part.key}.json").exists()
    assert code_partition(part, str(out), Settings.from_env(), "run1", PUBLISHED)["skipped"]
    (out / "_done" / f"{part.key}.json").unlink()  # as if killed before the marker
    again = code_partition(part, str(out), Settings.from_env(), "run2", PUBLISHED)
    assert not again["skipped"] and again["n_articles"] == 6
    assert sorted(p.relative_to(out) for p in out.rglob("*.parquet")) == files
    assert sorted(parquet_ids(out)) == sorted(f"r{i}" for i in range(6))
    assert not list(out.rglob("*.tmp"))


def test_dask_gives_the_events_of_local_ingest(tmp_path, client, pipeline):
    from whimbrel.ingest import dask_engine
    from whimbrel.ingest.runner import ingest

    n = corpus(tmp_path / "in")
    paths = [str(tmp_path / "in")]
    settings = Settings.from_env()
    with Store(tmp_path / "local.duckdb") as store:
        local = ingest(paths, store=store, settings=settings, pipeline=pipeline, published=PUBLISHED)
    out = tmp_path / "out"
    result = dask_engine.run(paths, out=str(out), settings=settings, published=PUBLISHED, partition_size=4,
                             client=client)
    assert not result.lost
    assert (result.n_articles, result.n_events, result.n_failed) == (local.n_articles, local.n_events, local.n_failed)
    assert result.n_articles + result.n_failed == n
    assert len(result.loads) == 2 and set(result.loads.values()) == {1}  # one pipeline load per worker process
    with Store(tmp_path / "dask.duckdb") as store:
        loaded = load(str(out), store)
        assert loaded.n_articles == local.n_articles and loaded.n_events == local.n_events
        again = load(str(out), store)
        assert again.n_loaded == 0 and again.n_skipped == loaded.n_loaded
        load(str(out), store, force=True)  # loading again changes nothing
    for sql in ("SELECT * FROM events",
                "SELECT * EXCLUDE (run_id, ingested) FROM articles",
                "SELECT document, origin, stage, code, reason FROM failures"):
        a, b = rows(tmp_path / "local.duckdb", sql), rows(tmp_path / "dask.duckdb", sql)
        assert a == b, sql
    assert len(rows(tmp_path / "dask.duckdb", "SELECT * FROM events")) == local.n_events > 0
    # DuckDB reads the folder directly (docs/scale.md)
    con = duckdb.connect()
    got = con.execute(f"SELECT count(*), count(DISTINCT event_id) FROM read_parquet('{out}/events/*/*/*.parquet', "
                      f"hive_partitioning = true) WHERE year = 2024").fetchone()
    assert got[0] == got[1] > 0


def test_a_killed_worker_and_a_stopped_run_lose_and_duplicate_nothing(tmp_path, client):
    from whimbrel.ingest import dask_engine

    n = corpus(tmp_path / "in", n=24)
    paths = [str(tmp_path / "in")]
    out = tmp_path / "out"
    settings = Settings.from_env()
    killed = []

    def kill_once(stats):
        if not killed:  # that worker is on its next partition by now: kill its process
            killed.append(stats["pid"])
            os.kill(stats["pid"], signal.SIGKILL)

    first = dask_engine.run(paths, out=str(out), settings=settings, published=PUBLISHED, partition_size=2,
                            client=client, progress=kill_once)
    assert killed and not first.lost  # dask ran the killed worker's partition again elsewhere
    assert first.n_articles + first.n_failed == n
    client.wait_for_workers(2, timeout=120)  # the nanny restarted it

    class Stop(Exception):
        pass

    def stop_after_two(stats, seen=[]):  # noqa: B006 - a counter
        seen.append(stats)
        if len(seen) == 2:
            raise Stop

    for f in sorted((out / "_done").glob("*.json"))[::2]:  # forget half the work, as if the run had died midway
        f.unlink()
    with pytest.raises(Stop):  # the client itself stops mid-run
        dask_engine.run(paths, out=str(out), settings=settings, published=PUBLISHED, partition_size=2,
                        client=client, progress=stop_after_two)
    last = dask_engine.run(paths, out=str(out), settings=settings, published=PUBLISHED, partition_size=2,
                           client=client)
    assert not last.lost and last.n_done_before > 0
    ids = parquet_ids(out)
    assert len(ids) == len(set(ids))  # 0 duplicated
    with Store(tmp_path / "d.duckdb") as store:
        load(str(out), store)
        n_art, = store.con.execute("SELECT count(*) FROM articles").fetchone()
        n_fail, = store.con.execute("SELECT count(*) FROM failures").fetchone()
    assert n_art == len(ids) and n_art + n_fail == n  # 0 lost


def test_cli_dask_options(tmp_path):
    pytest.importorskip("fsspec", reason="fsspec is not installed (pip install 'whimbrel[dask]')")
    from click.testing import CliRunner

    from whimbrel.cli import main

    (tmp_path / "a.txt").write_text("Chile protested to Peru on Monday.")
    r = CliRunner().invoke(main, ["ingest", str(tmp_path / "a.txt"), "--engine", "dask"])
    assert r.exit_code == 2 and "--out" in r.output
    r = CliRunner().invoke(main, ["ingest", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o")])
    assert r.exit_code == 2 and "--engine dask" in r.output
    r = CliRunner().invoke(main, ["load", str(tmp_path / "nothing"), "--db", str(tmp_path / "x.duckdb")])
    assert r.exit_code == 1 and "no partitions" in r.output


def test_a_partition_names_what_it_reads():
    assert Partition(paths=("a.jsonl",)).describe() == "a.jsonl"
    assert Partition(paths=("a.txt", "b.txt")).describe() == "a.txt and 1 more files"


def test_a_parquet_table_reads_like_its_jsonl_and_a_bad_one_is_a_failure(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from whimbrel.ingest import read_path

    recs = [{"id": "x1", "text": "Chile protested to Peru.", "published": "2024-03-01T10:00"}]
    (tmp_path / "a.jsonl").write_text(json.dumps(recs[0]) + "\n")
    pq.write_table(pa.Table.from_pylist(recs), tmp_path / "a.parquet")
    a, = read_path(str(tmp_path / "a.jsonl"))
    b, = read_path(str(tmp_path / "a.parquet"))
    assert (a.id, a.content_hash, a.text) == (b.id, b.content_hash, b.text)
    assert b.origin == f"{tmp_path / 'a.parquet'}:1"
    (tmp_path / "bad.parquet").write_text("not parquet")
    f, = read_path(str(tmp_path / "bad.parquet"))
    assert f.stage == "read" and f.code == "corrupt_archive" and "Parquet" in f.reason
