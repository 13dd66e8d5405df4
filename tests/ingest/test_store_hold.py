"""How long an ingest keeps the database file (ingest/runner.py, "Readable while it grows"):
across batches while its input keeps up, for at most ``store_hold`` seconds, and never while
it waits for input."""

from __future__ import annotations

import threading

import pytest

from whimbrel.ingest import article_from_text
from whimbrel.ingest.runner import _ReadAhead, ingest
from whimbrel.settings import Settings
from whimbrel.store import Store

COUNTRIES = ["France", "Germany", "Japan", "Brazil", "Kenya", "India"]


def _items(n: int):
    for i in range(n):
        a, b = COUNTRIES[i % 6], COUNTRIES[(i + 1) % 6]
        yield article_from_text(f"{a} criticised {b} on Monday, report {i} said.", id=f"d{i:02d}")


def _opens(monkeypatch) -> list[int]:
    """Count the opens of the database file from here on."""
    count = [0]
    connect = Store._connect

    def counted(self):
        count[0] += 1
        return connect(self)

    monkeypatch.setattr(Store, "_connect", counted)
    return count


@pytest.mark.parametrize("hold, most", [(60.0, 3), (0.0, None)])
def test_the_file_is_kept_across_batches_while_the_input_keeps_up(pipeline, tmp_path, monkeypatch, hold, most):
    with Store(tmp_path / "hold.duckdb") as store:
        opens = _opens(monkeypatch)
        res = ingest(items=list(_items(12)), store=store, pipeline=pipeline, batch_size=3,
                     settings=Settings.from_env(store_hold=hold))
        assert res.n_articles == 12 and res.n_batches == 4
        assert store.counts()["articles"] == 12
    if most is not None:
        # one open for all four batches (input read ahead, never waited for), one to end the
        # run, one for the count
        assert opens[0] <= most
    else:
        # store_hold=0: let go after every write, as before the hold (4 writes, the first
        # check, the run's end, the count)
        assert opens[0] >= 7


def test_the_file_is_let_go_while_the_input_is_waited_for(pipeline, tmp_path):
    """Whatever the hold, a writer whose input is not there yet lets go first: another
    connection opens the file while the input is blocked."""
    db = tmp_path / "wait.duckdb"
    gate = threading.Event()
    seen = []

    def items():
        yield from _items(3)
        # the first batch is complete; the input now waits until another connection got in
        def other():
            with Store(db, lock_timeout=20) as other:
                seen.append(other.counts()["articles"])
            gate.set()

        threading.Thread(target=other, daemon=True).start()
        assert gate.wait(30), "the other connection never got the file"
        yield from _items(3)  # the same ids again: skipped

    with Store(db) as store:
        res = ingest(items=items(), store=store, pipeline=pipeline, batch_size=3,
                     settings=Settings.from_env(store_hold=60.0))
    assert seen and seen[0] in (0, 3)
    assert res.n_articles == 3 and res.n_skipped == 3


def test_read_ahead_raises_an_input_error_in_its_place():
    def batches():
        yield [1]
        raise OSError("disk gone")

    ahead = _ReadAhead(batches())
    assert ahead.next() == [1]
    with pytest.raises(OSError, match="disk gone"):
        ahead.next()
    ahead.close()


def test_read_ahead_ends_and_stays_ended():
    ahead = _ReadAhead(iter([[1], [2]]))
    assert [ahead.next(), ahead.next(), ahead.next(), ahead.next()] == [[1], [2], None, None]
    assert ahead.ready()
    ahead.close()
