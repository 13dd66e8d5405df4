"""Event filters, shared by ``whimbrel events``, exports and the API.

:class:`EventFilter` is a frozen value; :meth:`EventFilter.to_sql` turns it into
a ``WHERE`` clause over the ``events`` table (plus a correlated look-up of the
article's publication date for events without a date of their own).

Matching rules (documented in the CLI help too):

* ``actor`` matches an event whose source *or* target matches; ``source`` and
  ``target`` match one side only. A value written as a CAMEO code (upper case
  letters, digits and ``-``, e.g. ``PRK`` or ``USAGOV``) matches codes that start
  with it; any other value matches the actor's name, case-insensitively, as a
  substring (``"kim"`` matches "Kim Jong-un"). Values are plain text, not
  patterns: ``%`` and ``_`` match only themselves.
* ``cameo`` is a code prefix (``"04"`` matches 040..046, ``"043"`` only 043*).
* ``plover`` is a PLOVER event type, case-insensitive (``consult``).
* ``since`` / ``until`` are inclusive ISO dates, compared with the event date
  or, when the event has none, the article's publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import UsageError

_CODE = re.compile(r"^[A-Z0-9-]{3,}$")


def as_date(value) -> dt.date | None:
    """'2018-11-04', '2018-11' or '2018' (or a date) -> a date (first day of the period)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()[:10]
    for candidate in (text, text + "-01", text + "-01-01"):
        try:
            return dt.date.fromisoformat(candidate)
        except ValueError:
            continue
    return None


def _date(value, name: str) -> dt.date | None:
    d = as_date(value)
    if d is None and value not in (None, ""):
        raise UsageError(f"--{name} {value!r} is not a date; write it as YYYY-MM-DD (or YYYY-MM, YYYY)")
    return d


def _until(value) -> dt.date | None:
    """An inclusive upper bound: '2018-11' means up to the end of November."""
    d = _date(value, "until")
    if d is None:
        return None
    text = str(value).strip()
    if re.fullmatch(r"\d{4}", text):
        return dt.date(d.year, 12, 31)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return d


@dataclass(frozen=True)
class EventFilter:
    """Which events to return. Every field is optional; fields combine with AND."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    cameo: str | None = None
    plover: str | None = None
    since: dt.date | str | None = None
    until: dt.date | str | None = None
    article_id: str | None = None
    limit: int | None = None

    def _side(self, value: str, side: str, alias: str) -> tuple[str, list]:
        value = value.strip()
        if _CODE.match(value):
            return f"starts_with({alias}.{side}_code, ?)", [value]
        return f"contains(lower({alias}.{side}_name), lower(?))", [value]

    def to_sql(self, *, alias: str = "events") -> tuple[str, list]:
        """``(where_sql, params)`` over the events table (named ``alias`` in the query).

        ``where_sql`` is ``"TRUE"`` when the filter is empty, so it can always be
        pasted after ``WHERE``. It does not include ``limit``.
        """
        clauses: list[str] = []
        params: list = []
        if self.actor:
            s_sql, s_par = self._side(self.actor, "source", alias)
            t_sql, t_par = self._side(self.actor, "target", alias)
            clauses.append(f"({s_sql} OR {t_sql})")
            params += s_par + t_par
        for side in ("source", "target"):
            value = getattr(self, side)
            if value:
                sql, par = self._side(value, side, alias)
                clauses.append(sql)
                params += par
        if self.cameo:
            clauses.append(f"starts_with({alias}.cameo, ?)")
            params.append(self.cameo.strip())
        if self.plover:
            clauses.append(f"upper({alias}.plover_event) = upper(?)")
            params.append(self.plover.strip())
        since, until = _date(self.since, "since"), _until(self.until)
        if since or until:
            day = (
                f"coalesce({alias}.date, (SELECT CAST(a.published AS DATE) FROM articles a "
                f"WHERE a.article_id = {alias}.article_id))"
            )
            if since:
                clauses.append(f"{day} >= ?")
                params.append(since)
            if until:
                clauses.append(f"{day} <= ?")
                params.append(until)
        if self.article_id:
            clauses.append(f"{alias}.article_id = ?")
            params.append(self.article_id)
        return (" AND ".join(clauses) or "TRUE"), params


#: order of event listings: by date (the publication day for undated events), then text order
EVENT_ORDER = ("coalesce(events.date, (SELECT CAST(a.published AS DATE) FROM articles a "
               "WHERE a.article_id = events.article_id)) NULLS LAST, events.article_id, events.sentence_index, "
               "events.trigger_start, events.event_id")


def iter_events(con, flt: EventFilter | None = None, *, chunk: int = 2000):
    """Event records (the JSON shape of DESIGN.md) matching ``flt``, ordered by date, streamed.

    Only row ids and sort keys are sorted; records are read a chunk at a time,
    so memory stays flat however many events match (100,000 events: about
    165 MB peak for the whole ``whimbrel events`` process, against 1.2 GB when
    the records were sorted and listed at once).
    """
    import json

    flt = flt or EventFilter()
    where, params = flt.to_sql(alias="events")
    limit = f" LIMIT {int(flt.limit)}" if flt.limit is not None else ""
    order = [r[0] for r in con.execute(
        f"SELECT events.rowid FROM events WHERE {where} ORDER BY {EVENT_ORDER}{limit}", params).fetchall()]
    for i in range(0, len(order), chunk):
        part = order[i:i + chunk]
        rows = dict(con.execute("SELECT rowid, record FROM events WHERE rowid IN (SELECT UNNEST(?::BIGINT[]))",
                                [part]).fetchall())
        for rid in part:
            yield json.loads(rows[rid])
