"""Progress of long runs (ingest, watch, recode, dedup), on stderr.

On a terminal: a live bar (rich) with the count, the rate and, when the total
is known, the time left; a spinner with the time spent for a step whose length
is not known. Not on a terminal (a log, a pipe, cron): no bar and no spinner;
the commands that work in batches print one plain line per batch instead, and
every command ends with its summary line. ``WHIMBREL_PROGRESS=0`` switches the
bar off on a terminal too.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time


def live() -> bool:
    """Whether stderr is a terminal that wants a live bar."""
    return os.environ.get("WHIMBREL_PROGRESS", "1") != "0" and sys.stderr.isatty()


class Bar:
    """A progress bar on stderr for ``total`` items (None: not known), or nothing when not
    :func:`live`. ``advance(n, description)`` moves it; ``print(text)`` writes a line above it."""

    def __init__(self, total: int | None = None, *, unit: str = "articles", description: str = "",
                 console=None):
        self.unit, self.total, self.description = unit, total, description
        self.done = 0
        self.t0 = time.perf_counter()
        self._console = console
        self._live = console is not None or live()
        self._bar = None  # drawn now when the total is known, else on first use (recode learns it then)
        self._closed = False
        if self._live and total is not None:
            self._start()

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)

        if self.total is None:  # a count and a rate; no bar to fill and no time left to guess
            columns = [SpinnerColumn(), TextColumn("{task.description}"),
                       TextColumn("{task.completed:.0f} " + self.unit), TextColumn("{task.fields[rate]}"),
                       TimeElapsedColumn()]
        else:
            columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
                       TimeRemainingColumn()]
        self._bar = Progress(*columns, console=self._console or Console(stderr=True), transient=True)
        self._task = self._bar.add_task(self.description, total=self.total, completed=self.done, rate="")
        self._bar.start()

    @property
    def active(self) -> bool:
        """Whether a bar is drawn (stderr is a terminal), as opposed to plain lines or nothing."""
        return self._live

    def seconds(self) -> float:
        """Time since the bar was made."""
        return time.perf_counter() - self.t0

    def rate(self) -> float:
        return self.done / max(self.seconds(), 1e-9)

    def set_total(self, total: int | None) -> None:
        self.total = total
        if self._bar:
            self._bar.update(self._task, total=total)

    def advance(self, n: int = 1, description: str | None = None) -> None:
        if self._live and self._bar is None and not self._closed:
            self._start()
        self.done += n
        if self._bar:
            fields = {"rate": f"{self.rate():.1f} {self.unit}/s"}
            if description is not None:
                fields["description"] = description
            self._bar.update(self._task, advance=n, **fields)

    def update(self, done: int, total: int | None = None) -> None:
        """Set the count (and the total) outright."""
        if total is not None:
            self.set_total(total)
        self.advance(done - self.done)

    def print(self, text: str) -> None:
        """A line on stderr above the bar (plain, when there is no bar)."""
        if self._live and self._bar is None and not self._closed:
            self._start()
        if self._bar:
            self._bar.console.print(text, markup=False, highlight=False)
        else:
            import click

            click.echo(text, err=True)

    def close(self) -> None:
        self._closed = True
        if self._bar:
            self._bar.stop()
            self._bar = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


@contextlib.contextmanager
def spinner(text: str):
    """A spinner with the time spent while a step of unknown length runs (a terminal only)."""
    if not live():
        yield
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn(text), TimeElapsedColumn(), console=Console(stderr=True),
                  transient=True) as p:
        p.add_task(text, total=None)
        yield
