"""Publication dates as news pages write them, parsed without network or big libraries.

Handles ISO 8601 ("2018-11-05T20:04", "2018-11-05 20:04:00+08:00"), the long
forms outlets print ("Monday, 05 November, 2018, 8:04pm", "Nov. 5, 2018 at
8:04 p.m. EST", "5 November 2018 20:04 GMT", "Updated 10:32 AM ET, Mon November
5, 2018") and numeric dates ("05/11/2018": day first unless the first number
cannot be a day-of-month pairing; "2018/11/05").

A publication date outside :data:`YEARS` (1600-2200: printed news began in
1605) is impossible and ignored (``None``): the article is kept, undated.
Dates far from today also break date arithmetic downstream (year 1 or 9999).

Time zones written as names (EST, GMT, HKT) are not resolved: the wall time is
kept as printed, which is what relative dates in the text ("on Monday") refer
to. Numeric offsets in ISO strings are kept on the datetime.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
WEEKDAYS = {
    "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs",
    "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday",
}
# words that may surround a date on a date line without making it something else
FILLER = {
    "at", "on", "the", "of", "published", "updated", "posted", "last", "first", "modified",
    "date", "time", "am", "pm", "a", "p", "m", "gmt", "utc", "bst", "cet", "cest", "est", "edt",
    "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "pt", "ct", "hkt", "sgt", "jst", "kst", "ist",
    "aest", "aedt", "wib", "eat", "sast", "msk", "z",
}

#: publication years that can be true; other dates are ignored
YEARS = range(1600, 2201)

_TIME = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))(?:[:.](\d{2}))?\s*([ap])?\.?\s*(?:m\b\.?)?", re.I)
_TIME_AMPM = re.compile(r"\b(\d{1,2})\s*([ap])\.?\s*m\b\.?", re.I)
_YMD = re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b")
_DMY = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
_WORD = re.compile(r"[A-Za-z]+|\d+(?:st|nd|rd|th)?", re.I)


def _iso(text: str) -> dt.datetime | None:
    t = text.strip()
    if not re.match(r"^\d{4}-\d{2}-\d{2}", t):
        return None
    t = t.replace("Z", "+00:00").replace("z", "+00:00")
    t = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", t)  # +0800 -> +08:00
    try:
        return dt.datetime.fromisoformat(t)
    except ValueError:
        return None


def _make(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0) -> dt.datetime | None:
    if y not in YEARS:
        return None
    try:
        return dt.datetime(y, m, d, hh, mm, ss)
    except ValueError:
        return None


def plausible(value: dt.datetime | None) -> dt.datetime | None:
    """The datetime if its year can be a publication year (:data:`YEARS`), else ``None``."""
    return value if value is not None and value.year in YEARS else None


def parse_datetime(text: str | None, *, strict: bool = False) -> dt.datetime | None:
    """A datetime from a date as printed, or ``None``.

    With ``strict=True`` the text must be a date and nothing else (apart from
    weekday names, time-zone names and words like "published", "updated", "at"),
    which is how a bare date line in a page header is recognised.
    """
    if not text:
        return None
    text = text.strip()
    if len(text) > 120:
        return None
    iso = _iso(text)
    if iso is not None:
        return plausible(iso)
    rest = text
    hh = mm = ss = 0
    tm = _TIME.search(rest)
    if tm and int(tm.group(1)) <= 24:
        hh, mm, ss = int(tm.group(1)), int(tm.group(2) or 0), int(tm.group(3) or 0)
        ampm = (tm.group(4) or "").lower()
        rest = rest[: tm.start()] + " " + rest[tm.end():]
    else:
        tm = _TIME_AMPM.search(rest)
        ampm = ""
        if tm:
            hh, ampm = int(tm.group(1)), tm.group(2).lower()
            rest = rest[: tm.start()] + " " + rest[tm.end():]
    if ampm == "p" and hh < 12:
        hh += 12
    elif ampm == "a" and hh == 12:
        hh = 0
    if hh > 23 or mm > 59 or ss > 59:
        return None

    m = _YMD.search(rest)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        rest = rest[: m.start()] + " " + rest[m.end():]
        return _finish(_make(y, mo, d, hh, mm, ss), rest, strict)
    m = _DMY.search(rest)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        d, mo = (a, b) if b <= 12 else (b, a)
        rest = rest[: m.start()] + " " + rest[m.end():]
        return _finish(_make(y, mo, d, hh, mm, ss), rest, strict)

    year = month = day = None
    leftovers = []
    for w in _WORD.findall(rest):
        lw = w.lower().rstrip(".")
        if lw in MONTHS and month is None:
            month = MONTHS[lw]
        elif re.fullmatch(r"(19|20)\d\d", lw) and year is None:
            year = int(lw)
        elif re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", lw) and day is None:
            n = int(re.match(r"\d+", lw).group())
            if 1 <= n <= 31:
                day = n
            else:
                leftovers.append(lw)
        elif lw in WEEKDAYS or lw in FILLER:
            continue
        else:
            leftovers.append(lw)
    if year is None or month is None or day is None:
        return None
    if strict and leftovers:
        return None
    return _make(year, month, day, hh, mm, ss)


def _finish(value: dt.datetime | None, rest: str, strict: bool) -> dt.datetime | None:
    if value is None or not strict:
        return value
    for w in _WORD.findall(rest):
        lw = w.lower()
        if lw not in WEEKDAYS and lw not in FILLER:
            return None
    return value


def coerce_datetime(value) -> dt.datetime | None:
    """A datetime from a datetime, date, or string (ISO or printed); ``None`` if unparseable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return plausible(value)
    if isinstance(value, dt.date):
        return plausible(dt.datetime(value.year, value.month, value.day))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return _make(int(text[:4]), int(text[5:7]), 1)
    return parse_datetime(text)
