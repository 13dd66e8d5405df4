"""Time expressions in news text, and their resolution against a publication date.

Two steps, both pure functions with no state:

* :func:`find_expressions` scans a text for time expressions ("on Sunday",
  "later this week", "5 November 2018", "in 1958") and returns them as
  :class:`TimeExpr` records with character offsets;
* :func:`resolve` turns one expression into a :class:`DateValue` (a start day,
  an optional end day, and a precision), given the publication date and the
  tense of the verb the expression belongs to.

Tense matters for the words that do not say which way to count: a weekday, a
month name without a year, a day without a year. Past means the most recent
such day on or before publication; future means the next one on or after it;
present means whichever is nearer (news headlines use the present for the past,
and schedules use it for the future: "talks start on Friday").

dateparser is not used: it resolves bare weekdays without regard to tense.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..clauses import FUTURE, PAST, PRESENT  # noqa: F401 (the tense names, shared)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3, "few": 3,
}


@dataclass(frozen=True)
class DateValue:
    """A resolved date: ``start`` (and ``end`` for ranges) with a precision.

    ``precision`` is day, week, month or year. ``end`` is None for a single
    day; for a week, month or year it is the last day of that period.
    """

    start: dt.date
    end: dt.date | None
    precision: str

    def iso(self) -> tuple[str, str | None]:
        return self.start.isoformat(), (self.end.isoformat() if self.end else None)

    @property
    def last(self) -> dt.date:
        return self.end or self.start


@dataclass(frozen=True)
class TimeExpr:
    """A time expression found in a text. ``kind`` selects the resolver; ``parts`` its fields."""

    start: int
    end: int
    text: str
    kind: str
    parts: tuple = ()
    tense_free: bool = False  # True when the words fix the direction themselves


# --- patterns -------------------------------------------------------------
# Month and weekday names must be capitalised ("May" the month, not "may" the
# modal); the relative words are matched case-insensitively.

_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d|21\d\d)"
_PART = r"(?:morning|afternoon|evening|night)"
_UNIT = r"(?:hour|day|week|month|year)s?"
_NUM = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)"
_I = "(?i:{})"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")),
    # 5 November 2018, 5th of November, Monday, 05 November, 2018
    ("dmy", re.compile(rf"\b(?:{_WD},?\s+)?(?:the\s+)?(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_MON})(?:,?\s+({_YEAR}))?\b(?![-/]\d)")),
    # November 5, Nov. 5, 2018, Sunday, Nov 4
    ("mdy", re.compile(rf"\b(?:{_WD},?\s+)?({_MON})\s+(\d{{1,2}}){_ORD}(?!\d)(?:,?\s+({_YEAR}))?\b(?![-:])")),
    # November 2018, early November 2018
    ("my", re.compile(rf"\b(?:(?i:early|mid|late)[-\s]+)?({_MON}),?\s+({_YEAR})\b")),
    # in April, since April, last April, early April
    ("month", re.compile(rf"\b(?i:(in|since|by|until|till|from|during|through|throughout|before|after|this|last|next|early|mid|late|of))[-\s]+(?:(?i:early|mid|late)[-\s]+)?({_MON})\b(?!\s*\d)")),
    # today, tonight, yesterday, tomorrow, last night, this morning, the day before yesterday
    ("deictic", re.compile(_I.format(r"\b(the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b"))),
    # earlier this week, later this month, this/last/next week|month|year, the past week
    ("period", re.compile(_I.format(r"\b(?:(earlier|later|early|late)\s+(?:in\s+)?)?(this|last|next|the\s+past|the\s+coming|the\s+next|the\s+previous|past|coming)\s+(week|month|year)\b"))),
    # over the weekend, this weekend, last weekend
    ("weekend", re.compile(_I.format(r"\b(over\s+the|during\s+the|at\s+the|on\s+the|this|last|next|this\s+past|the\s+past|the\s+coming|the)\s+weekend\b"))),
    # the next day, the following day, two days later, the day before (counted from an earlier date)
    ("relday", re.compile(_I.format(r"\b(the\s+(?:next|following|previous)\s+day|the\s+day\s+(?:after|before)(?!\s+(?:yesterday|tomorrow))|(?:a|one|two|three|four|five|six|seven|\d{1,2})\s+days?\s+(?:later|earlier))\b"))),
    # three days ago, a week ago
    ("ago", re.compile(_I.format(rf"\b({_NUM})\s+({_UNIT})\s+ago\b"))),
    # in recent days, in the past few weeks
    ("recent", re.compile(_I.format(rf"\b(?:in|over|during)\s+(?:recent|the\s+(?:past|last)(?:\s+(?:few|several|{_NUM}))?)\s+({_UNIT})\b"))),
    # on Monday night, last Tuesday, early Sunday, Sunday's meeting
    ("weekday", re.compile(rf"\b(?:(?i:(last|next|this|coming|past|early|late|earlier|later))\s+(?:(?i:on)\s+)?|(?i:on)\s+)?({_WD})(?:'s)?(?:\s+(?i:({_PART})))?\b")),
    # the 1950s
    ("decade", re.compile(r"\b(?i:the)\s+((?:1[5-9]|20)\d0)s\b")),
    # in 1958, since 2011, early 2019 (a bare number needs a word before it)
    ("year", re.compile(rf"\b(?i:(in|since|by|until|till|from|during|through|throughout|before|after|early|mid|late|of|around|circa|c\.))[-\s]+(?:(?i:early|mid|late)[-\s]+)?({_YEAR})\b(?![-/.,]?\d)")),
]

_PRIORITY = {name: i for i, (name, _) in enumerate(_PATTERNS)}


def find_expressions(text: str, offset: int = 0) -> list[TimeExpr]:
    """All time expressions in ``text``, non-overlapping, in text order.

    Where matches overlap, the longer one wins, then the earlier pattern in the
    table (more specific patterns come first). Offsets are shifted by ``offset``.
    """
    found: list[tuple[int, int, int, str, re.Match]] = []
    cues = _cues(text)
    for name, pat in _PATTERNS:
        if not cues[name]:
            continue
        for m in pat.finditer(text):
            found.append((m.start(), m.end(), _PRIORITY[name], name, m))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: list[tuple[int, int]] = []
    out: list[TimeExpr] = []
    for s, e, _, name, m in found:
        if any(s < te and ts < e for ts, te in taken):
            continue
        expr = _make(name, m, offset)
        if expr is None:
            continue
        taken.append((s, e))
        out.append(expr)
    out.sort(key=lambda x: x.start)
    return out


_MONTH_CUES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAY_CUES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DIGITS4 = re.compile(r"\d{4}")


def _cues(text: str) -> dict[str, bool]:
    """Cheap substring tests that rule patterns out before their regexes run (most texts
    name no month, no weekday, no year): the scan is the stage's main cost."""
    low = text.lower()
    month = any(c in text for c in _MONTH_CUES)
    digits = _DIGITS4.search(text) is not None
    period = "week" in low or "month" in low or "year" in low
    return {
        "iso": digits and "-" in text, "dmy": month, "mdy": month, "my": month and digits, "month": month,
        "deictic": "today" in low or "tonight" in low or "tomorrow" in low or "yesterday" in low
        or "last night" in low or "this morning" in low or "this afternoon" in low or "this evening" in low,
        "period": period, "weekend": "weekend" in low, "ago": " ago" in low,
        "recent": period or "day" in low or "hour" in low, "weekday": any(c in text for c in _WEEKDAY_CUES),
        "decade": digits and "0s" in low, "year": digits,
        "relday": "later" in low or "earlier" in low or "next day" in low or "following day" in low
        or "previous day" in low or "day after" in low or "day before" in low,
    }


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _num(word: str) -> int:
    w = word.lower()
    return int(w) if w.isdigit() else NUMBERS[w]


def _make(name: str, m: re.Match, offset: int) -> TimeExpr | None:
    g = m.groups()
    text = m.group(0)
    s, e = m.start() + offset, m.end() + offset
    if name == "iso":
        y, mo, d = (int(x) for x in g)
        if not _valid(y, mo, d):
            return None
        return TimeExpr(s, e, text, "day", (y, mo, d), True)
    if name == "dmy":
        d, mo, y = int(g[0]), _month(g[1]), (int(g[2]) if g[2] else None)
        if not 1 <= d <= 31:
            return None
        return TimeExpr(s, e, text, "day", (y, mo, d), y is not None)
    if name == "mdy":
        mo, d, y = _month(g[0]), int(g[1]), (int(g[2]) if g[2] else None)
        if not 1 <= d <= 31:
            return None
        return TimeExpr(s, e, text, "day", (y, mo, d), y is not None)
    if name == "my":
        return TimeExpr(s, e, text, "month", (int(g[1]), _month(g[0]), None), True)
    if name == "month":
        lead = g[0].lower()
        rel = lead if lead in ("last", "next", "this") else None
        if g[1] == "May" and lead in ("of",):
            return None  # "of May" is too often a name or a modal context
        # trim the leading preposition from the span
        word_at = m.start(2)
        span_start = m.start() if rel else word_at
        return TimeExpr(span_start + offset, e, m.string[span_start:m.end()], "month", (None, _month(g[1]), rel), rel is not None)
    if name == "deictic":
        w = " ".join(g[0].lower().split())
        return TimeExpr(s, e, text, "deictic", (w,), True)
    if name == "period":
        edge = (g[0] or "").lower() or None
        rel = " ".join(g[1].lower().split()).replace("the ", "")
        return TimeExpr(s, e, text, "period", (edge, rel, g[2].lower()), True)
    if name == "weekend":
        rel = " ".join(g[0].lower().split())
        fixed = rel in ("last", "next", "this past", "the past", "the coming")
        return TimeExpr(s, e, text, "weekend", (rel,), fixed)
    if name == "relday":
        w = " ".join(g[0].lower().split())
        if w.startswith("the"):
            shift = 1 if ("next" in w or "following" in w or "after" in w) else -1
        else:
            n = _num(w.split()[0])
            shift = n if w.endswith("later") else -n
        return TimeExpr(s, e, text, "relday", (shift,), True)
    if name == "ago":
        return TimeExpr(s, e, text, "ago", (_num(g[0]), g[1].lower().rstrip("s")), True)
    if name == "recent":
        return TimeExpr(s, e, text, "recent", (g[0].lower().rstrip("s"),), True)
    if name == "weekday":
        after = m.string[m.end(): m.end() + 30]
        if not g[0] and not text.lower().startswith("on") and re.match(r"\s+[A-Z][a-z]", after) \
                and not re.match(rf"\s+{_MON}\b", after):
            return None  # a name: "the Sunday Times", "the Good Friday Agreement"
        rel = (g[0] or "").lower() or None
        wd = WEEKDAYS.index(g[1].lower())
        part = (g[2] or "").lower() or None
        return TimeExpr(s, e, text, "weekday", (wd, rel, part), rel in ("last", "next", "past", "coming"))
    if name == "decade":
        return TimeExpr(s, e, text, "decade", (int(g[0]),), True)
    if name == "year":
        y = int(g[1])
        ys = m.start(2)
        return TimeExpr(ys + offset if g[0].lower() in ("in", "of", "by") else s, e,
                        m.string[ys:m.end()] if g[0].lower() in ("in", "of", "by") else text,
                        "year", (y,), True)
    return None


def _valid(y: int, mo: int, d: int) -> bool:
    try:
        dt.date(y, mo, d)
    except ValueError:
        return False
    return True


# --- resolution -------------------------------------------------------------


def _week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _month_span(y: int, mo: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])


def _add_months(y: int, mo: int, n: int) -> tuple[int, int]:
    k = y * 12 + (mo - 1) + n
    return k // 12, k % 12 + 1


def _choose(cands: list[DateValue], pub: dt.date, tense: str) -> DateValue:
    """Pick among candidate periods by tense: past = latest starting on or before
    publication; future = earliest ending on or after it; present = nearest."""
    if tense == PAST:
        ok = [c for c in cands if c.start <= pub]
        if ok:
            return max(ok, key=lambda c: c.start)
    elif tense == FUTURE:
        ok = [c for c in cands if c.last >= pub]
        if ok:
            return min(ok, key=lambda c: c.start)

    def dist(c: DateValue) -> int:
        if c.start <= pub <= c.last:
            return 0
        return min(abs((c.start - pub).days), abs((c.last - pub).days))

    return min(cands, key=lambda c: (dist(c), c.start > pub))


def resolve(expr: TimeExpr, published: dt.date | dt.datetime | None, tense: str = PAST, *,
            anchor: dt.date | None = None) -> DateValue | None:
    """Resolve a time expression to a :class:`DateValue`.

    ``published`` anchors relative expressions; without it only absolute ones
    (a full date, a month with a year, a year) resolve, and the rest give None.
    ``tense`` is past, present or future (see the module note). ``anchor`` is the
    day that "the next day", "two days later" count from (the story's last date
    before the expression); without one those give None.
    """
    pub = published.date() if isinstance(published, dt.datetime) else published
    k, p = expr.kind, expr.parts
    if k == "relday":
        return DateValue(anchor + dt.timedelta(days=p[0]), None, "day") if anchor is not None else None
    if tense == PRESENT and k in ("day", "month"):
        tense = PAST  # a month or a date named without a year in news is nearly always behind us
    if k == "year":
        return DateValue(dt.date(p[0], 1, 1), dt.date(p[0], 12, 31), "year")
    if k == "decade":
        return DateValue(dt.date(p[0], 1, 1), dt.date(p[0] + 9, 12, 31), "year")
    if k == "day":
        y, mo, d = p
        if y is not None:
            return DateValue(dt.date(y, mo, d), None, "day") if _valid(y, mo, d) else None
        if pub is None:
            return None
        cands = [DateValue(dt.date(yy, mo, d), None, "day") for yy in (pub.year - 1, pub.year, pub.year + 1) if _valid(yy, mo, d)]
        return _choose(cands, pub, tense) if cands else None
    if k == "month":
        y, mo, rel = p
        if y is not None:
            return DateValue(*_month_span(y, mo), "month")
        if pub is None:
            return None
        if rel == "last":
            yy = pub.year if mo < pub.month else pub.year - 1
            return DateValue(*_month_span(yy, mo), "month")
        if rel == "next":
            yy = pub.year if mo > pub.month else pub.year + 1
            return DateValue(*_month_span(yy, mo), "month")
        if rel == "this":
            return DateValue(*_month_span(pub.year, mo), "month")
        cands = [DateValue(*_month_span(yy, mo), "month") for yy in (pub.year - 1, pub.year, pub.year + 1)]
        return _choose(cands, pub, tense)
    if pub is None:
        return None
    if k == "deictic":
        w = p[0]
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
                 "the day before yesterday": -2, "the day after tomorrow": 2}.get(w, 0)
        return DateValue(pub + dt.timedelta(days=shift), None, "day")
    if k == "weekday":
        return _weekday(p, pub, tense)
    if k == "period":
        return _period(p, pub)
    if k == "weekend":
        return _weekend(p[0], pub, tense)
    if k == "ago":
        n, unit = p
        if unit == "hour":  # "12 hours ago": today, or yesterday past a day
            return DateValue(pub - dt.timedelta(days=n // 24), None, "day")
        if unit == "day":
            return DateValue(pub - dt.timedelta(days=n), None, "day")
        if unit == "week":
            return DateValue(*_week_of(pub - dt.timedelta(days=7 * n)), "week")
        if unit == "month":
            return DateValue(*_month_span(*_add_months(pub.year, pub.month, -n)), "month")
        return DateValue(dt.date(pub.year - n, 1, 1), dt.date(pub.year - n, 12, 31), "year")
    if k == "recent":
        unit = p[0]
        back = {"hour": 1, "day": 7, "week": 28, "month": 180, "year": 3 * 365}[unit]
        prec = {"hour": "day", "day": "week", "week": "month", "month": "month", "year": "year"}[unit]
        return DateValue(pub - dt.timedelta(days=back), pub, prec)
    return None


def _weekday(parts: tuple, pub: dt.date, tense: str) -> DateValue:
    wd, rel, _part = parts
    back = (pub.weekday() - wd) % 7  # days back to the most recent such day (0 = today)
    fwd = (wd - pub.weekday()) % 7
    past_day = pub - dt.timedelta(days=back)
    next_day = pub + dt.timedelta(days=fwd)
    if rel in ("last", "past"):
        day = pub - dt.timedelta(days=back or 7)
    elif rel in ("next", "coming"):
        day = pub + dt.timedelta(days=fwd or 7)
    elif tense == FUTURE:
        day = next_day
    elif tense == PAST:
        day = past_day
    else:  # present: the nearer one, ties to the past
        day = past_day if back <= fwd else next_day
    return DateValue(day, None, "day")


def _period(parts: tuple, pub: dt.date) -> DateValue:
    edge, rel, unit = parts
    step = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}[rel]
    if rel == "past":  # "the past week": the days up to publication
        return DateValue(pub - dt.timedelta(days={"week": 7, "month": 30, "year": 365}[unit]), pub, unit)
    if unit == "week":
        start, end = _week_of(pub + dt.timedelta(days=7 * step))
    elif unit == "month":
        start, end = _month_span(*_add_months(pub.year, pub.month, step))
    else:
        start, end = dt.date(pub.year + step, 1, 1), dt.date(pub.year + step, 12, 31)
    if rel == "this" and edge in ("earlier", "early"):
        end = max(start, pub if edge == "earlier" else min(end, start + (end - start) / 3))
    elif rel == "this" and edge in ("later", "late"):
        start = min(end, pub + dt.timedelta(days=1)) if edge == "later" else max(start, end - (end - start) / 3)
    elif edge in ("early", "earlier"):
        end = start + (end - start) / 3
    elif edge in ("late", "later"):
        start = end - (end - start) / 3
    return DateValue(start, end, unit)


def _weekend(rel: str, pub: dt.date, tense: str) -> DateValue:
    # the most recent Saturday on or before publication (a Sunday counts as part of its weekend)
    back = (pub.weekday() - 5) % 7
    last_sat = pub - dt.timedelta(days=back)
    if pub.weekday() == 6:
        last_sat = pub - dt.timedelta(days=1)
    next_sat = last_sat + dt.timedelta(days=7) if last_sat < pub - dt.timedelta(days=1) else last_sat
    if rel in ("last", "this past", "the past"):
        sat = last_sat
    elif rel in ("next", "the coming"):
        sat = last_sat + dt.timedelta(days=7)
    elif tense == FUTURE:
        sat = next_sat
    elif rel == "this" and tense != PAST and pub.weekday() < 5:
        sat = last_sat + dt.timedelta(days=7)
    else:  # "over the weekend" in a past-tense clause: the last weekend
        sat = last_sat
    return DateValue(sat, sat + dt.timedelta(days=1), "week")
