"""Progress of long runs: a bar with count, rate and ETA on a terminal, nothing live otherwise."""

from __future__ import annotations

import io

from click.testing import CliRunner
from rich.console import Console

from whimbrel.cli import main, progress


def test_bar_shows_count_rate_and_time_left():
    buf = io.StringIO()
    bar = progress.Bar(10, unit="articles", description="coding",
                       console=Console(file=buf, force_terminal=True, width=150))
    bar.advance(4)
    bar._bar.refresh()
    bar.close()
    text = buf.getvalue()
    assert "coding" in text and "4/10" in text and "articles/s" in text and "ETA" in text


def test_without_a_total_a_count_and_rate_but_no_time_left():
    buf = io.StringIO()
    bar = progress.Bar(unit="docs", description="coding", console=Console(file=buf, force_terminal=True, width=150))
    bar.advance(7)
    bar._bar.refresh()
    bar.close()
    bar.advance(1)  # after close: counted, not drawn again
    assert bar._bar is None and bar.done == 8
    text = buf.getvalue()
    assert "7 docs" in text and "docs/s" in text and "ETA" not in text


def test_a_total_learnt_on_the_way_gives_time_left():
    buf = io.StringIO()
    bar = progress.Bar(unit="articles", console=Console(file=buf, force_terminal=True, width=150))
    bar.update(2, 8)  # recode's progress(done, total)
    bar._bar.refresh()
    bar.close()
    assert "2/8" in buf.getvalue() and "ETA" in buf.getvalue()


def test_no_bar_when_stderr_is_not_a_terminal(monkeypatch):
    assert not progress.live()  # pytest captures stderr
    bar = progress.Bar(10)
    assert not bar.active
    bar.advance(3)  # counts, draws nothing
    assert bar.done == 3 and bar.rate() > 0
    bar.close()


def test_progress_can_be_switched_off_on_a_terminal(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stderr", Tty())
    assert progress.live()
    monkeypatch.setenv("WHIMBREL_PROGRESS", "0")
    assert not progress.live()


def test_plain_lines_when_not_a_terminal(tmp_path):
    from importlib.resources import files

    example = str(files("whimbrel") / "data" / "examples" / "scmp-2018-11-05-kim-diaz-canel.txt")
    res = CliRunner().invoke(main, ["ingest", example, "--db", str(tmp_path / "p.duckdb")])
    assert res.exit_code == 0, res.output
    assert "batch 1: 1 articles" in res.stderr and "articles/s" in res.stderr
    assert "\x1b[" not in res.stderr  # no terminal codes in a log
    assert " in " in res.stdout.splitlines()[-1] and res.stdout.rstrip().endswith(" s")

