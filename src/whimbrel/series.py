"""Time series of relations: a dyad's, or an actor's with each of its top partners, by day, week or month.

Each point is one period (a day; an ISO week, starting on Monday; a month) with
the events per quad class and the total and mean Goldstein score. Periods with
no event inside the observed span are included as zeros, so a series plots and
joins as it should. Events are those :mod:`whimbrel.relations` counts (real
events by default, negated, hypothetical and planned ones left out), actors
code prefixes. Series are written as CSV or Parquet and drawn to PNG
(matplotlib: ``pip install 'whimbrel[plot]'``).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from .errors import UsageError

FREQS = ("day", "week", "month")
COLUMNS = ("series", "period", "events", "quad1", "quad2", "quad3", "quad4", "goldstein_total", "goldstein_mean")


@dataclass(frozen=True)
class Point:
    series: str                      # "PRK-USA", "PRK->USA"
    period: dt.date                  # first day of the period
    quad: tuple[int, int, int, int]
    goldstein_total: float
    goldstein_mean: float | None

    @property
    def events(self) -> int:
        return sum(self.quad)

    def as_dict(self) -> dict:
        return {"series": self.series, "period": self.period.isoformat(), "events": self.events,
                **{f"quad{i + 1}": c for i, c in enumerate(self.quad)},
                "goldstein_total": round(self.goldstein_total, 2),
                "goldstein_mean": None if self.goldstein_mean is None else round(self.goldstein_mean, 3)}


def period_start(day: dt.date, freq: str) -> dt.date:
    if freq == "day":
        return day
    if freq == "week":
        return day - dt.timedelta(days=day.weekday())
    if freq == "month":
        return day.replace(day=1)
    raise UsageError(f"--by {freq!r}: use day, week or month")


def _next(p: dt.date, freq: str) -> dt.date:
    if freq == "day":
        return p + dt.timedelta(days=1)
    if freq == "week":
        return p + dt.timedelta(days=7)
    return dt.date(p.year + (p.month == 12), p.month % 12 + 1, 1)


def _points(label: str, buckets: dict, freq: str, *, max_periods: int = 5000) -> list[Point]:
    if not buckets:
        return []
    first, last = min(buckets), max(buckets)
    out, p = [], first
    while p <= last and len(out) < max_periods:
        quads, total, n = buckets.get(p, ([0, 0, 0, 0], 0.0, 0))
        out.append(Point(label, p, tuple(quads), total, total / n if n else None))
        p = _next(p, freq)
    return out


def _matches(code: str | None, prefix) -> bool:
    return bool(code) and code.startswith(prefix)


def _label(codes: tuple[str, ...]) -> str:
    return "|".join(codes)


def dyad_series(con, a, b, *, freq: str = "month", directed: bool = False, since=None, until=None,
                level: str = "dedup", min_confidence: float | None = None) -> list[Point]:
    """Events between ``a`` and ``b`` (both ways unless ``directed``) per period; each side is a
    code prefix or a tuple of them."""
    from .relations import _rows, prefixes

    a, b = prefixes(a), prefixes(b)
    if not a or not b:
        raise UsageError("give two actor codes, e.g. `whimbrel dyad PRK USA`")
    period_start(dt.date.today(), freq)  # validates freq
    buckets: dict = defaultdict(lambda: ([0, 0, 0, 0], 0.0, 0))
    for src, tgt, quad, gold, day in _rows(con, level=level, since=since, until=until,
                                           min_confidence=min_confidence):
        fwd = _matches(src, a) and _matches(tgt, b)
        back = not directed and _matches(src, b) and _matches(tgt, a)
        if not (fwd or back) or day is None:
            continue
        _add(buckets, period_start(day, freq), quad, gold)
    a_, b_ = _label(a), _label(b)
    return _points(f"{a_}->{b_}" if directed else f"{a_}-{b_}", buckets, freq)


def _add(buckets, key, quad, gold) -> None:
    quads, total, n = buckets[key]
    if quad in (1, 2, 3, 4):
        quads[quad - 1] += 1
    if gold is not None:
        total += gold
        n += 1
    buckets[key] = (quads, total, n)


def partner_series(con, actor, *, n: int = 5, freq: str = "month", since=None, until=None,
                   level: str = "dedup", by: str = "root", min_confidence: float | None = None
                   ) -> dict[str, list[Point]]:
    """The series of ``actor`` (a code prefix or a tuple of them) with each of its ``n`` most
    frequent partners (by event count)."""
    from .relations import _node, _rows, prefixes

    actor = prefixes(actor)
    if not actor:
        raise UsageError("give an actor code, e.g. `whimbrel partners PRK`")
    period_start(dt.date.today(), freq)
    per: dict[str, dict] = defaultdict(lambda: defaultdict(lambda: ([0, 0, 0, 0], 0.0, 0)))
    counts: dict[str, int] = defaultdict(int)
    for src, tgt, quad, gold, day in _rows(con, level=level, since=since, until=until,
                                           min_confidence=min_confidence):
        if day is None:
            continue
        for mine, other in ((src, tgt), (tgt, src)):
            if _matches(mine, actor) and not _matches(other, actor):
                partner = _node(other, by)
                if partner:
                    _add(per[partner], period_start(day, freq), quad, gold)
                    counts[partner] += 1
                break
    top = sorted(counts, key=lambda k: (-counts[k], k))[:n]
    return {p: _points(f"{_label(actor)}-{p}", per[p], freq) for p in top}


def write_csv(points: list[Point], path: str) -> str:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for p in points:
            w.writerow(p.as_dict())
    return path


def write_parquet(points: list[Point], path: str) -> str:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [dict(p.as_dict(), period=p.period) for p in points]
    table = pa.Table.from_pylist(rows) if rows else pa.table({c: [] for c in COLUMNS})
    pq.write_table(table, path)
    return path


def png(series: dict[str, list[Point]], path: str, *, title: str = "") -> str:
    """Plot one or more series: events per period (lines) and the mean Goldstein score."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as e:
        raise UsageError("--png needs matplotlib; install it with `pip install 'whimbrel[plot]'`") from e
    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(9, 6), sharex=True)
    for label, points in series.items():
        xs = [p.period for p in points]
        ax1.plot(xs, [p.events for p in points], marker=".", label=label)
        ax2.plot(xs, [p.goldstein_mean if p.goldstein_mean is not None else float("nan") for p in points],
                 marker=".", label=label)
    ax1.set_ylabel("events")
    ax1.legend(fontsize=8, loc="upper left")
    ax1.set_title(title)
    ax2.axhline(0, color="grey", linewidth=0.5)
    ax2.set_ylabel("mean Goldstein")
    ax2.tick_params(axis="x", rotation=45)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path
