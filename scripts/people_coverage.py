#!/usr/bin/env python
"""Coverage of the four dated political roles for the newsworthy countries.

For each country in :data:`COUNTRIES` and each role (head of state, head of
government, foreign minister, defence minister), this counts the days from
2000-01-01 to today that a line of the hand-written people files covers, and
lists the gaps. A line counts for a role when its context column carries the tag
``role=<role>`` (docs/actors.md); the country is the first three letters of the
line's code (Canada's and Australia's head of state is the British monarch, coded GBR:
see :data:`SHARED_HEAD`). Untagged lines are not counted: tag them to make them count.

    python scripts/people_coverage.py               # table + summary
    python scripts/people_coverage.py --gaps        # also every gap of more than --min-gap days
    python scripts/people_coverage.py --country IRN --gaps
    python scripts/people_coverage.py --check       # also names shared with other entries

A cell is "covered" when at least --threshold (default 0.98) of the days are
covered. Exit status is 0; this is a report, not a gate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import defaultdict
from importlib.resources import files
from pathlib import Path

from whimbrel.actors.kb import ROLE_TAGS, _parse, builtin_files, name_key

COUNTRIES = (
    "USA RUS CHN GBR FRA DEU JPN IND PAK IRN ISR PSE SAU TUR SYR IRQ AFG UKR PRK KOR "
    "EGY LBY YEM LBN JOR QAT ARE ITA ESP POL CAN AUS BRA MEX VEN COL ARG CUB NGA ZAF "
    "ETH SDN SOM KEN COD MLI IDN PHL MMR THA VNM MYS BGD LKA TWN BLR GEO AZE ARM SRB"
).split()
SHORT = {"head_of_state": "HoS", "head_of_government": "HoG", "foreign_minister": "FM", "defence_minister": "DM"}
OTHER_FILES = ("orgs.tsv", "countries_extra.tsv")
START = dt.date(2000, 1, 1)
#: realms whose head of state is another country's monarch (coded with that country's code)
SHARED_HEAD = {"CAN": "GBR", "AUS": "GBR"}


def people_files() -> tuple[str, ...]:
    """people.tsv and the per-country files of dated offices (roles/<ISO3>.tsv)."""
    return ("people.tsv",) + tuple(n for n, _ in builtin_files() if n.startswith("roles/"))


def tagged_rows(file_names=None):
    """[(country, role, start, end, id, source)] for every role-tagged line."""
    data = files("whimbrel.actors") / "data"
    out = []
    for name in file_names or people_files():
        for id_, _kind, code, start, end, _names, context in _parse((data / name).read_text(encoding="utf-8"), name):
            for item in context.split("|"):
                key, _, value = item.strip().partition("=")
                if key == "role" and value in ROLE_TAGS:
                    s = dt.date.fromisoformat(start) if start else None
                    e = dt.date.fromisoformat(end) if end else None
                    out.append((code[:3], value, s, e, id_, name))
    return out


def vacancy_rows(file_names=None):
    """[(country, role, start, end, "vacant", reason)] from the roles files' ``#vacant`` lines.

    A documented vacancy is a comment line (the resolver ignores it) of the form
    ``#vacant<TAB>role<TAB>start<TAB>end<TAB>reason``: an office that was really empty
    (a presidential vacancy, a ministry run by officials between cabinets) or that does
    not exist (the Palestinian Authority has no defence ministry; empty dates = always).
    """
    data = files("whimbrel.actors") / "data"
    out = []
    for name in file_names or people_files()[1:]:
        for n, line in enumerate((data / name).read_text(encoding="utf-8").splitlines(), 1):
            if not line.startswith("#vacant\t"):
                continue
            _, role, start, end, reason, *_ = line.split("\t") + [""] * 4
            if role not in ROLE_TAGS:
                raise SystemExit(f"{name}:{n}: unknown role {role!r} in a #vacant line")
            out.append((Path(name).stem, role, dt.date.fromisoformat(start) if start else None,
                        dt.date.fromisoformat(end) if end else None, "vacant", reason))
    return out


def coverage(rows, country: str, role: str, today: dt.date):
    """(fraction of days covered, [(gap_start, gap_end_exclusive)])."""
    owner = SHARED_HEAD.get(country, country) if role == "head_of_state" else country
    spans = sorted((max(s or START, START), min(e or today, today))
                   for c, r, s, e, *_ in rows if c == owner and r == role)
    gaps, cursor = [], START
    for s, e in spans:
        if e <= s:
            continue
        if s > cursor:
            gaps.append((cursor, s))
        cursor = max(cursor, e)
    if cursor < today:
        gaps.append((cursor, today))
    total = (today - START).days
    missing = sum((b - a).days for a, b in gaps)
    return 1 - missing / total, gaps


def name_clashes():
    """Names of roles/*.tsv entries that another entry of equal priority also uses."""
    data = files("whimbrel.actors") / "data"
    owners: dict[str, set[str]] = defaultdict(set)
    for name in people_files() + OTHER_FILES:
        for id_, _k, _c, _s, _e, names, _ctx in _parse((data / name).read_text(encoding="utf-8"), name):
            for nm in names.split("|"):
                if nm.strip():
                    owners[name_key(nm)].add(id_)
    mine = set()
    for name in people_files()[1:]:
        for id_, _k, _c, _s, _e, names, _ctx in _parse((data / name).read_text(encoding="utf-8"), name):
            mine.update(name_key(nm) for nm in names.split("|") if nm.strip())
    return {k: sorted(v) for k, v in owners.items() if k in mine and len(v) > 1}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--country", action="append", help="only these ISO3 codes (repeatable)")
    ap.add_argument("--gaps", action="store_true", help="list the gaps")
    ap.add_argument("--min-gap", type=int, default=31, help="smallest gap to list, in days (default 31)")
    ap.add_argument("--threshold", type=float, default=0.98)
    ap.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    ap.add_argument("--check", action="store_true", help="report names shared between entries")
    a = ap.parse_args(argv)
    rows = tagged_rows()
    known_rows = rows + vacancy_rows()
    countries = a.country or COUNTRIES
    covered, mostly, known = defaultdict(int), defaultdict(int), defaultdict(int)
    print("country  " + "  ".join(f"{SHORT[r]:>5}" for r in ROLE_TAGS) + "   (% of days held; * = the rest is documented vacant)")
    for c in countries:
        cells, gap_lines = [], []
        for r in ROLE_TAGS:
            frac, _ = coverage(rows, c, r, a.today)
            kfrac, gaps = coverage(known_rows, c, r, a.today)
            covered[r] += frac >= a.threshold
            mostly[r] += frac >= 0.9
            known[r] += kfrac >= a.threshold
            cells.append(f"{frac * 100:5.0f}" + ("*" if frac < a.threshold <= kfrac else " "))
            gap_lines += [f"    {SHORT[r]:>3} gap {g0} .. {g1} ({(g1 - g0).days} d)"
                          for g0, g1 in gaps if (g1 - g0).days >= a.min_gap]
        print(f"{c:7}  " + " ".join(cells))
        if a.gaps:
            print("\n".join(gap_lines)) if gap_lines else None
    n = len(countries)
    print(f"\ncovered (>= {a.threshold:.0%} of days {START}..{a.today}), of {n} countries: "
          + ", ".join(f"{SHORT[r]} {covered[r]}" for r in ROLE_TAGS)
          + f"; cells {sum(covered.values())}/{4 * n}; tagged lines {len(rows)}")
    print("covered for >= 90% of days: " + ", ".join(f"{SHORT[r]} {mostly[r]}" for r in ROLE_TAGS)
          + f"; cells {sum(mostly.values())}/{4 * n}")
    print(f"held or documented vacant on >= {a.threshold:.0%} of days: " + ", ".join(f"{SHORT[r]} {known[r]}" for r in ROLE_TAGS)
          + f"; cells {sum(known.values())}/{4 * n} (--gaps lists the undocumented gaps)")
    if a.check:
        clashes = name_clashes()
        print(f"\nnames of roles/*.tsv entries shared with another entry: {len(clashes)}")
        for k, v in sorted(clashes.items()):
            print(f"  {k!r}: {', '.join(v)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
