"""One bad document never takes its batch down (issue 16, item 4, and the write side of item 1)."""

from __future__ import annotations

import json
import sys

import pytest

from whimbrel.ingest import article_from_text
from whimbrel.ingest.runner import ingest
from whimbrel.model import Document, Failure
from whimbrel.store import Store

TEXTS = ["France criticised Germany over trade talks on Monday.", "Japan hosted talks with South Korea in Tokyo.",
         "Kenya accused Uganda of violating the border agreement."]


def _articles():
    return [article_from_text(t, id=f"a{i}") for i, t in enumerate(TEXTS)]


def test_text_over_max_length_fails_alone_before_parsing(pipeline, monkeypatch):
    arts = _articles()
    longest = max(arts, key=lambda a: len(a.text))
    limit = len(longest.text)  # exactly at the limit is parsed; one character more is not
    monkeypatch.setattr(pipeline.nlp, "max_length", limit)
    long = article_from_text(longest.text + "!", id="long")
    out = list(pipeline.pipe([arts[0], long, longest]))
    assert isinstance(out[0], Document) and isinstance(out[2], Document)
    assert isinstance(out[1], Failure) and out[1].code == "too_large" and "max_length" in out[1].reason


def test_batched_parse_error_is_pinned_on_its_document_only(pipeline, monkeypatch):
    """spaCy raises for a whole internal batch at the first document; the batch is then parsed one by one."""
    real_pipe = type(pipeline.nlp).pipe

    def pipe(self, texts, *a, **kw):
        texts = list(texts)
        if any("BOOM" in t for t in texts):
            raise RuntimeError("internal batch failed")
        return real_pipe(self, texts, *a, **kw)

    monkeypatch.setattr(type(pipeline.nlp), "pipe", pipe)
    arts = _articles()
    bad = article_from_text("BOOM goes the parser.", id="bad")
    out = list(pipeline.pipe([arts[0], arts[1], bad, arts[2]]))
    assert [type(o).__name__ for o in out] == ["Document", "Document", "Failure", "Document"]
    assert out[2].document == "bad" and "internal batch failed" in out[2].reason
    # and no document fails when nothing raises (the rule must not fire)
    assert all(isinstance(o, Document) for o in pipeline.pipe(arts))


def test_a_document_the_database_refuses_becomes_a_failure_and_its_batch_is_stored(pipeline, tmp_path):
    arts = _articles()
    # a Python caller can build an Article the readers would refuse: a URL that is not a string
    from dataclasses import replace

    odd = replace(article_from_text("Chile protested to Peru on Monday.", id="odd"), url=12345)
    with Store(tmp_path / "w.duckdb") as store:
        res = ingest(items=[arts[0], odd, arts[1], arts[2]], store=store, pipeline=pipeline, batch_size=8)
        ids = {r[0] for r in store.con.execute("SELECT article_id FROM articles").fetchall()}
        fails = store.con.execute("SELECT document, stage, code FROM failures").fetchall()
    assert (res.n_articles, res.n_failed) == (3, 1)
    assert ids == {"a0", "a1", "a2"}
    assert fails == [("odd", "store", "store")]


def test_a_full_disk_stops_the_run_with_one_line_and_a_rerun_completes(pipeline, tmp_path):
    """RLIMIT_FSIZE stands in for a full disk: DuckDB's write fails with "File too large"."""
    import resource
    import signal
    import subprocess

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"d{i}", "text": TEXTS[i % 3] + f" Report {i}."}) + "\n"
                              for i in range(40)))
    db = tmp_path / "full.duckdb"
    cli = [sys.executable, "-c", "from whimbrel.cli import main; main()", "ingest", str(corpus), "--db", str(db),
           "--batch-size", "4"]

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (60_000, 60_000))

    full = subprocess.run(cli, capture_output=True, text=True, preexec_fn=small_disk, timeout=300)
    assert full.returncode == 1, full.stderr[-2000:]
    assert "Traceback" not in full.stderr
    last = full.stderr.strip().splitlines()[-1]
    assert last.startswith("Error: cannot write to") and "disk is full" in last and "run the same command" in last
    assert "[store/store]" not in full.stderr  # documents are not blamed for the disk

    with Store(db) as store:  # space again: the same ingest resumes
        stored = store.counts()["articles"]
        assert 0 < stored < 40
        res = ingest([str(corpus)], store=store, pipeline=pipeline, batch_size=4)
        assert res.n_skipped == stored and res.n_articles == 40 - stored
        assert store.counts()["articles"] == 40
        assert store.con.execute("SELECT count(DISTINCT article_id) FROM articles").fetchone()[0] == 40


@pytest.mark.parametrize("year", ["0001-01-01", "9999-12-31"])
def test_impossible_publication_date_keeps_the_article(pipeline, year):
    art = article_from_text(TEXTS[0], id="d", published=year)
    (doc,) = pipeline.pipe([art])
    assert isinstance(doc, Document) and doc.article.published is None


class _CountingPipeline:
    """Codes nothing; records the batch sizes it is asked to parse."""

    coder_version = "count+1"

    def __init__(self):
        self.sizes = []

    def pipe(self, articles, batch_size=None):
        articles = list(articles)
        self.sizes.append((len(articles), batch_size))
        for art in articles:
            yield Document(article=art)


def test_one_process_commits_several_spacy_batches_at_once(tmp_path):
    """Without ``batch_size``, a transaction holds WRITE_BATCHES of spaCy's batches (one open of
    the file each), parsed in spaCy batches of ``settings.batch_size``; a given ``batch_size``
    is both, as before."""
    from whimbrel.ingest.runner import WRITE_BATCHES
    from whimbrel.settings import Settings

    settings = Settings.from_env(batch_size=2)
    n = 2 * WRITE_BATCHES + 3
    arts = [article_from_text(f"Text number {i}.", id=f"t{i}") for i in range(n)]
    fake = _CountingPipeline()
    reports = []
    with Store(tmp_path / "w.duckdb") as store:
        res = ingest(items=arts, store=store, settings=settings, pipeline=fake, progress=reports.append)
        assert store.counts()["articles"] == n
    assert res.n_batches == 2 and [r.n_articles for r in reports] == [2 * WRITE_BATCHES, 3]
    assert fake.sizes == [(2 * WRITE_BATCHES, 2), (3, 2)]

    fake = _CountingPipeline()
    with Store(tmp_path / "v.duckdb") as store:
        res = ingest(items=arts, store=store, settings=settings, pipeline=fake, batch_size=3)
    assert res.n_batches == -(-n // 3) and all(size <= 3 and bs <= 3 for size, bs in fake.sizes)


def test_a_slow_source_is_stored_as_it_comes(tmp_path, monkeypatch):
    """A default-sized transaction also ends once reading has taken READ_WAIT seconds: items
    from a slow source (feeds fetched over the network, a pipe) are not held back until
    WRITE_BATCHES spaCy batches have come. A given ``batch_size`` is kept as it is."""
    import time

    from whimbrel.ingest import runner
    from whimbrel.settings import Settings

    monkeypatch.setattr(runner, "READ_WAIT", 0.05)
    settings = Settings.from_env(batch_size=32)

    def slow():
        for i in range(6):
            time.sleep(0.03)
            yield article_from_text(f"Text number {i}.", id=f"s{i}")

    with Store(tmp_path / "s.duckdb") as store:
        res = ingest(items=slow(), store=store, settings=settings, pipeline=_CountingPipeline())
    assert res.n_articles == 6 and res.n_batches >= 2  # 256 would have been one transaction
    with Store(tmp_path / "t.duckdb") as store:
        res = ingest(items=slow(), store=store, settings=settings, pipeline=_CountingPipeline(), batch_size=6)
    assert res.n_articles == 6 and res.n_batches == 1
