"""No process left behind, a clean stop on a signal, and a store readable while it grows (issue 16)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from whimbrel.ingest.runner import ingest
from whimbrel.store import Store

CLI = [sys.executable, "-c", "from whimbrel.cli import main; main()"]
COUNTRIES = ["France", "Germany", "Japan", "Brazil", "Kenya", "India", "Mexico", "Egypt", "Chile", "Norway"]


def corpus(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            a, b = COUNTRIES[i % 10], COUNTRIES[(i * 3 + 1) % 10]
            fh.write(json.dumps({"id": f"d{i:03d}", "text": f"{a} criticised {b} on Monday, report {i} said."}) + "\n")
    return path


def _state(pid: int) -> str | None:
    """The process state letter, or None when it is gone (a zombie counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            state = fh.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return None
    return None if state in ("Z", "X") else state


def descendants(pid: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            parents.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        kids = parents.get(todo.pop(), [])
        out += kids
        todo += kids
    return out


def _start(tmp_path: Path, n: int = 40) -> tuple[subprocess.Popen, list[str], list[int]]:
    """An `ingest --jobs 2` that has stored two batches; returns it, its stderr so far, its workers."""
    src = corpus(tmp_path / "c.jsonl", n)
    proc = subprocess.Popen([*CLI, "ingest", str(src), "--db", str(tmp_path / "w.duckdb"), "--jobs", "2",
                             "--batch-size", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if line.startswith("batch 2:"):
            break
    kids = descendants(proc.pid)
    return proc, seen, kids


def _wait_gone(pids: list[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive = [p for p in pids if _state(p)]
        if not alive:
            return []
        time.sleep(0.2)
    return [p for p in pids if _state(p)]


def test_kill_9_of_a_parallel_ingest_leaves_no_worker(tmp_path):
    proc, seen, kids = _start(tmp_path)
    try:
        assert len(kids) >= 2, ("workers not found", kids, "".join(seen))
        os.kill(proc.pid, signal.SIGKILL)  # the parent only: the workers must notice
        proc.wait(timeout=30)
        survivors = _wait_gone(kids, 10.0)
        assert not survivors, f"still alive 10 s after kill -9: {survivors}"
        # nothing keeps the ingest's stdout open either (`whimbrel ingest ... | tee log` returns)
        assert proc.stdout.read() == ""
    finally:
        for p in kids:
            if _state(p):
                os.kill(p, signal.SIGKILL)
        proc.stdout.close()
        proc.stderr.close()


def test_sigterm_stops_cleanly_with_a_summary_of_what_was_stored(tmp_path):
    proc, seen, kids = _start(tmp_path)
    try:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        for p in kids:
            if _state(p):
                os.kill(p, signal.SIGKILL)
    assert proc.returncode == 128 + signal.SIGTERM, err[-2000:]
    assert "Traceback" not in err
    assert out.startswith("interrupted by SIGTERM: ") and "run the same command again" in err
    assert not _wait_gone(kids, 10.0)
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert out.split(": ", 1)[1].startswith(f"{stored} articles coded, ")  # the summary is what is stored
        assert con.execute("SELECT status, n_articles FROM runs").fetchall() == [("interrupted", stored)]
    finally:
        con.close()


def test_events_runs_while_an_ingest_is_between_batches(pipeline, tmp_path):
    """Not timing-based: the reader is started from inside the ingest's input, at a point where the
    runner has stored two batches and is reading the third (the moment it must not hold the file)."""
    db = tmp_path / "grow.duckdb"
    src = [json.loads(line) for line in corpus(tmp_path / "c.jsonl", 9).read_text().splitlines()]
    reads = []

    def items():
        from whimbrel.ingest import article_from_text

        for i, rec in enumerate(src):
            if i in (6, 8):  # batches of 3: two (then two and a bit) stored
                r = subprocess.run([*CLI, "events", "--db", str(db), "--json"], capture_output=True,
                                   text=True, timeout=120, env={**os.environ, "WHIMBREL_LOCK_TIMEOUT": "5"})
                reads.append(r)
            yield article_from_text(rec["text"], id=rec["id"])

    with Store(db) as store:
        res = ingest(items=items(), store=store, pipeline=pipeline, batch_size=3)
        total = store.counts()["events"]
    assert res.n_articles == 9
    assert [r.returncode for r in reads] == [0, 0], [r.stderr for r in reads]
    first = {json.loads(line)["article_id"] for line in reads[0].stdout.splitlines()}
    assert first and first <= {f"d{i:03d}" for i in range(6)}  # what was stored by then
    assert 0 < len(reads[0].stdout.splitlines()) <= len(reads[1].stdout.splitlines()) <= total
