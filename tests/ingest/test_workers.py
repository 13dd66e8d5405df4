"""Worker processes started ahead of an ingest (ingest.runner.Workers): the same stored events
as a single-process ingest, and the workers stay usable for a second ingest."""

from __future__ import annotations

import json

from whimbrel.ingest.runner import Workers, ingest
from whimbrel.settings import Settings
from whimbrel.store import Store

TEXTS = ["France criticised Germany over trade talks on Monday.", "Japan hosted talks with South Korea in Tokyo.",
         "Kenya accused Uganda of violating the border agreement.", "Police arrested protesters in Nairobi."]


def _events(db):
    with Store(db, read_only=True) as store:
        return store.con.execute(
            "SELECT * EXCLUDE (coder_version) FROM events ORDER BY event_id").fetchall()


def test_started_workers_code_as_one_process(tmp_path, pipeline):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS)))
    settings = Settings.from_env(batch_size=2)
    with Store(tmp_path / "one.duckdb") as store:
        one = ingest([str(src)], store=store, settings=settings, pipeline=pipeline)
    with Workers(settings, jobs=2) as workers:
        cpu = workers.ready()
        assert len(cpu) == 2 and all(c > 0 for c in cpu)  # both started and warmed up
        with Store(tmp_path / "two.duckdb") as store:
            two = ingest([str(src)], store=store, settings=settings, workers=workers)
        with Store(tmp_path / "again.duckdb") as store:  # the same workers, a second ingest
            again = ingest([str(src)], store=store, settings=settings, workers=workers)
    assert one.n_events == two.n_events == again.n_events > 0
    assert _events(tmp_path / "one.duckdb") == _events(tmp_path / "two.duckdb") == _events(tmp_path / "again.duckdb")
