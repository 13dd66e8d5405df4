"""``whimbrel ingest``: good and bad documents, idempotence, parallel jobs, kill -9 resume."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from whimbrel.cli import main

INPUTS = Path(__file__).parent.parent / "data" / "inputs"
EXAMPLE = Path(__file__).parent.parent.parent / "src" / "whimbrel" / "data" / "examples" / "scmp-2018-11-05-kim-diaz-canel.txt"
CLI = [sys.executable, "-c", "from whimbrel.cli import main; main()"]


def mixed_corpus(root: Path) -> tuple[set[str], set[str]]:
    """Good and bad documents in one tree. Returns (good origins, bad documents)."""
    (root / "news" / "2018").mkdir(parents=True)
    shutil.copy(EXAMPLE, root / "news" / "2018" / "example.txt")
    shutil.copy(INPUTS / "guardian-style.txt", root / "news" / "guardian.txt")
    shutil.copy(INPUTS / "page.html", root / "news" / "page.html")
    (root / "news" / "plain.txt.gz").write_bytes(gzip.compress((INPUTS / "plain.txt").read_bytes()))
    shutil.copy(INPUTS / "records.jsonl", root / "records.jsonl")
    (root / "bad").mkdir()
    (root / "bad" / "empty.txt").write_bytes(b"")
    (root / "bad" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (root / "bad" / "latin1.txt").write_bytes("Le pr\u00e9sident est arriv\u00e9.".encode("latin-1"))
    whole = gzip.compress(("Chile protested to Peru on Monday. " * 300).encode())
    (root / "bad" / "cut.txt.gz").write_bytes(whole[: len(whole) // 2])
    (root / "bad" / "big.txt").write_bytes(("Chile protested to Peru on Monday. " * 1000).encode())  # 35 kB
    (root / "bad" / "lines.jsonl").write_text('{"id": "ok-line", "text": "Chile protested to Peru."}\n{"id": oops}\n')
    good = {str(root / "news" / "2018" / "example.txt"), str(root / "news" / "guardian.txt"),
            str(root / "news" / "page.html"), str(root / "news" / "plain.txt.gz"),
            *(f"{root / 'records.jsonl'}:{i}" for i in (1, 2, 3)), f"{root / 'bad' / 'lines.jsonl'}:1"}
    bad = {str(root / "bad" / n) for n in ("empty.txt", "image.png", "latin1.txt", "cut.txt.gz", "big.txt")}
    bad.add(f"{root / 'bad' / 'lines.jsonl'}:2")
    return good, bad


def _rows(db: Path, sql: str):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _counts(db: Path) -> dict[str, int]:
    return {t: _rows(db, f"SELECT count(*) FROM {t}")[0][0] for t in ("articles", "events", "failures")}


def test_good_stored_bad_recorded_and_rerun_changes_nothing(pipeline, tmp_path):
    good, bad = mixed_corpus(tmp_path / "in")
    db = tmp_path / "w.duckdb"
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(tmp_path / "in"), "--db", str(db), "--batch-size", "3"],
                           env={"WHIMBREL_MAX_BYTES": "20000"})
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1].startswith(f"{len(good)} articles coded, ")
    assert re.search(rf"{len(bad)} failed in \d+\.\d s$", result.stdout.strip())
    assert "batch 1:" in result.stderr and "failed: " in result.stderr

    assert {r[0] for r in _rows(db, "SELECT origin FROM articles")} == good
    failures = {r[0]: r for r in _rows(db, "SELECT document, stage, code, reason FROM failures")}
    assert set(failures) == bad
    assert all(len(r[3]) > 15 for r in failures.values())
    assert failures[str(tmp_path / "in" / "bad" / "big.txt")][2] == "too_large"
    # the text is stored, so articles can be re-coded, and ids are those given
    assert _rows(db, "SELECT count(*) FROM articles WHERE text IS NULL OR text = ''")[0][0] == 0
    assert {"rec-text", "rec-html", "sent-0001", "ok-line"} <= {r[0] for r in _rows(db, "SELECT article_id FROM articles")}

    before = _counts(db)
    again = runner.invoke(main, ["ingest", str(tmp_path / "in"), "--db", str(db)], env={"WHIMBREL_MAX_BYTES": "20000"})
    assert again.exit_code == 0, again.output
    assert f"({len(good)} already stored, skipped)" in again.stdout
    assert _counts(db) == before
    assert _rows(db, "SELECT count(*), count(*) FILTER (WHERE status = 'done') FROM runs")[0] == (2, 2)


def test_example_flag_and_events_command(pipeline, tmp_path):
    db = tmp_path / "example.duckdb"
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", "--example", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1 articles coded, ")
    n_events = _counts(db)["events"]
    listed = runner.invoke(main, ["events", "--db", str(db), "--json"])
    assert listed.exit_code == 0 and len(listed.stdout.splitlines()) == n_events
    # WHIMBREL_DB picks the file when --db is absent
    assert runner.invoke(main, ["events"], env={"WHIMBREL_DB": str(db)}).exit_code == 0


def test_all_failed_exits_nonzero(pipeline, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1 and "all 1 documents failed" in result.stderr


def test_usage_errors(tmp_path):
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", "--db", str(tmp_path / "x.duckdb")]).exit_code == 2
    missing = runner.invoke(main, ["ingest", str(tmp_path / "missing"), "--db", str(tmp_path / "x.duckdb")])
    assert missing.exit_code == 1 and "no such file" in missing.stderr
    assert not (tmp_path / "x.duckdb").exists()  # nothing opened for a usage error


# -- kill -9 and resume, with --jobs 2 as the reference --------------------------------------

COUNTRIES = ["France", "Germany", "Japan", "Brazil", "Kenya", "India", "Mexico", "Egypt", "Chile", "Norway"]
VERBS = ["criticised", "met", "accused", "praised", "threatened", "visited"]


def synthetic_corpus(root: Path, n: int) -> None:
    root.mkdir(parents=True)
    for i in range(n):
        a, b = COUNTRIES[i % 10], COUNTRIES[(i * 3 + 1) % 10]
        v = VERBS[i % len(VERBS)]
        text = (f"{a} {v} {b} over trade talks\n\nPUBLISHED : 5 November 2018\n\n"
                f"The government of {a} {v} {b} on Monday, officials said in report number {i}.\n\n"
                f"Talks between {a} and {b} will resume next week in Geneva.")
        (root / f"doc{i:03d}.txt").write_text(text, encoding="utf-8")
    (root / "zz-empty.txt").write_text("")


def _snapshot(db: Path):
    arts = _rows(db, "SELECT article_id, count(*) FROM articles GROUP BY ALL")
    evs = _rows(db, "SELECT event_id, article_id, cameo FROM events ORDER BY ALL")
    fails = _rows(db, "SELECT document, code, count(*) FROM failures GROUP BY ALL ORDER BY ALL")
    return arts, evs, fails


def test_kill_9_mid_ingest_then_resume_no_duplicates_nothing_lost(pipeline, tmp_path):
    """kill -9 a parallel ingest (parent and workers) mid-run; a rerun completes it exactly."""
    corpus = tmp_path / "corpus"
    synthetic_corpus(corpus, 60)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}

    db = tmp_path / "killed.duckdb"
    proc = subprocess.Popen([*CLI, "ingest", str(corpus), "--db", str(db), "--batch-size", "1", "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)
    seen = []
    try:
        for line in proc.stderr:
            seen.append(line)
            if line.startswith("batch 4:"):
                break
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the ingest and its workers, like a crash
        proc.wait(timeout=60)
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, "".join(seen)
    partial = _rows(db, "SELECT count(*) FROM articles")[0][0]
    assert 4 <= partial < 60, "the kill did not land mid-run"
    assert _rows(db, "SELECT status FROM runs") == [("running",)]

    rerun = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(db), "--batch-size", "7"])
    assert rerun.exit_code == 0, rerun.output
    assert f"({partial} already stored, skipped)" in rerun.stdout

    ref = tmp_path / "reference.duckdb"
    fresh = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(ref)])
    assert fresh.exit_code == 0, fresh.output
    assert fresh.stdout.startswith("60 articles coded, ")

    arts, evs, fails = _snapshot(db)
    ref_arts, ref_evs, ref_fails = _snapshot(ref)
    assert len(arts) == 60 and all(n == 1 for _, n in arts)  # nothing lost, no duplicates
    assert sorted(arts) == sorted(ref_arts)
    assert evs == ref_evs  # the same events as an uninterrupted ingest
    assert fails == ref_fails and len(fails) == 1 and fails[0][2] == 1
