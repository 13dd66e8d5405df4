"""Exports of the event database: GDELT 2.0 event table, PLOVER JSONL, CSV, Parquet.

Every export reads *export records*: the event record of DESIGN.md plus the
fields of the deduplicated event (``dedup_id``, ``global_id``, ``num_mentions``,
``num_articles``, ``num_sources``, ``num_stories``, ``is_root``) and of its first
report (``url``, ``published``, ``date_added``). ``level="dedup"`` (default)
gives one record per real event; ``level="raw"`` one per coded report, with
counts of 1. Filters are :class:`~whimbrel.store.query.EventFilter`, applied to
the reports (a real event is exported when any of its reports matches).

GDELT field notes (columns from ``data/gdelt/event_columns.tsv``):

* ``FractionDate`` is YYYY + day-of-year / 365 (capped at .9999), 4 decimals:
  "the percentage of the year completed by that day".
* Actor codes are split into 3-letter parts: a country (ISO alpha-3) or a
  known group after IGO/NGO/IMG/MNC, then type, religion and ethnic codes.
  Names are upper-cased, as in GDELT.
* Geo fields use FIPS 10-4 country codes (``data/gdelt/iso3_fips.tsv``); the
  type is 1 country, 2 US state, 3 US city, 4 world city, 5 world region.
  ``FeatureID`` is the GeoNames id (GDELT used GNS ids), ``ADM1Code`` the FIPS
  country code for country-level places (empty otherwise: no ADM1 codes are
  kept). whimbrel places the action, not each actor: ``Actor*Geo`` are empty.
* ``AvgTone`` is 0: whimbrel does not score tone.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import IO

from ..errors import UsageError
from .cells import csv_cell, json_line
from .clusters import ensure_schema

FORMATS = ("gdelt", "plover", "csv", "parquet")

# Parts of CAMEO actor codes (CAMEO manual, actor codebook; GDELT event codebook).
TYPE_CODES = frozenset(
    "COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED REF "
    "MOD RAD AMN IRC GRP PKO UIS IGO IMG INT MNC NGM NGO SET".split()
)
RELIGION_CODES = frozenset(
    "ADR ALE ATH BAH BUD CHR CON CPT CTH DOX ENG EVA HIN HSD ITR JAN JEW JHW LDS MOS MAH MDS MEN NRM "
    "ORT PRO SHI SHN SIK SUF SUN TAO UDO ZRO".split()
)
GROUP_ROOTS = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM", "INT"})


@functools.lru_cache(maxsize=1)
def gdelt_columns() -> tuple[str, ...]:
    """The 61 GDELT 2.0 event-table column names, in order."""
    text = (files("whimbrel") / "data" / "gdelt" / "event_columns.tsv").read_text(encoding="utf-8")
    cols = [line.split("\t")[1] for line in text.splitlines() if line and not line.startswith("#")]
    if len(cols) != 61:
        from ..errors import DataFileError

        raise DataFileError(f"data/gdelt/event_columns.tsv has {len(cols)} columns, expected 61; "
                            "rebuild it with scripts/make_gdelt_tables.py")
    return tuple(cols)


@functools.lru_cache(maxsize=1)
def fips_codes() -> dict[str, str]:
    """ISO alpha-3 -> FIPS 10-4 country code."""
    text = (files("whimbrel") / "data" / "gdelt" / "iso3_fips.tsv").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            iso3, fips, *_ = line.split("\t")
            if fips:
                out[iso3] = fips
    return out


# -- loading export records ---------------------------------------------------------

def _iso(value) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _where(flt) -> tuple[str, list]:
    if flt is None:
        return "TRUE", []
    return flt.to_sql(alias="events")


def records(con, *, flt=None, level: str = "dedup") -> Iterator[dict]:
    """Export records matching ``flt``, ordered by date. See the module docstring."""
    if level not in ("dedup", "raw"):
        raise UsageError(f"level {level!r} is not known; use 'dedup' (one row per real event) or 'raw'")
    where, params = _where(flt)
    limit = f" LIMIT {int(flt.limit)}" if flt is not None and flt.limit is not None else ""
    if level == "raw":
        sql = (
            "SELECT events.record, a.url, a.published, a.ingested, events.event_id FROM events "
            "JOIN articles a ON a.article_id = events.article_id "
            f"WHERE {where} ORDER BY coalesce(events.date, CAST(a.published AS DATE)) NULLS LAST, "
            f"events.article_id, events.sentence_index, events.event_id{limit}"
        )
        for rec, url, pub, added, eid in con.execute(sql, params).fetchall():
            r = json.loads(rec)
            r.update(dedup_id=None, global_id=_raw_global_id(eid), num_mentions=1, num_articles=1,
                     num_sources=1, num_stories=1, is_root=None, url=url, published=_iso(pub),
                     date_added=_iso(added))
            yield r
        return
    ensure_schema(con)
    sql = (
        "WITH hit AS (SELECT DISTINCT m.dedup_id FROM events JOIN event_mentions m ON m.event_id = events.event_id "
        f"WHERE {where}) "
        "SELECT d.record, d.dedup_id, d.global_id, d.date, d.date_end, d.date_precision, d.location_name, "
        "d.location_country, d.lat, d.lon, d.geonameid, d.num_mentions, d.num_articles, d.num_sources, "
        "d.num_stories, d.is_root, d.first_article_id, d.first_url, d.first_published, d.date_added, d.confidence "
        "FROM dedup_events d JOIN hit USING (dedup_id) "
        f"ORDER BY coalesce(d.date, CAST(d.first_published AS DATE)) NULLS LAST, d.dedup_id{limit}"
    )
    for row in con.execute(sql, params).fetchall():
        (rec, did, gid, date, date_end, precision, lname, lcountry, lat, lon, geoid, nm, na, ns, nst,
         is_root, first_article, url, pub, added, conf) = row
        r = json.loads(rec)
        old_loc = r.get("location") or {}
        if lname is None and geoid is None:
            loc = None
        elif old_loc.get("name") == lname and old_loc.get("geonameid") == geoid:
            loc = old_loc
        else:
            loc = {"name": lname, "country": lcountry, "region": None, "lat": lat, "lon": lon,
                   "geonameid": geoid, "precision": None}
        r.update(dedup_id=did, global_id=gid, date=_iso(date), date_end=_iso(date_end),
                 date_precision=precision, location=loc, num_mentions=nm, num_articles=na,
                 num_sources=ns, num_stories=nst, is_root=is_root, first_article_id=first_article,
                 url=url, published=_iso(pub), date_added=_iso(added), confidence=conf)
        yield r


def _raw_global_id(event_id: str) -> int:
    import hashlib

    return int(hashlib.sha1(event_id.encode()).hexdigest()[:15], 16)


# -- GDELT ---------------------------------------------------------------------------

def split_actor_code(code: str | None) -> dict[str, str]:
    """CAMEO actor code -> GDELT's country / known group / ethnic / religion / type fields."""
    out = {"CountryCode": "", "KnownGroupCode": "", "EthnicCode": "", "Religion1Code": "",
           "Religion2Code": "", "Type1Code": "", "Type2Code": "", "Type3Code": ""}
    if not code or code.startswith("---") and len(code) <= 3:
        return out
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    root, rest = parts[0], parts[1:]
    types: list[str] = []
    religions: list[str] = []
    if root in GROUP_ROOTS:
        types.append(root)
        if rest and rest[0] not in TYPE_CODES and rest[0] not in RELIGION_CODES:
            out["KnownGroupCode"] = rest.pop(0)
    elif root in TYPE_CODES or root in RELIGION_CODES:
        rest = parts
    elif root != "---":
        out["CountryCode"] = root
    for p in rest:
        if p in RELIGION_CODES:
            religions.append(p)
        elif p in TYPE_CODES:
            types.append(p)
        elif not out["KnownGroupCode"] and not types:
            out["KnownGroupCode"] = p
    for i, t in enumerate(types[:3]):
        out[f"Type{i + 1}Code"] = t
    for i, r in enumerate(religions[:2]):
        out[f"Religion{i + 1}Code"] = r
    return out


def fraction_date(day: dt.date) -> float:
    doy = day.timetuple().tm_yday
    return round(day.year + min(doy / 365.0, 0.9999), 4)


def _geo(loc: dict | None) -> dict[str, str]:
    keys = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    out = dict.fromkeys(keys, "")
    if not loc or not (loc.get("name") or loc.get("lat") is not None):
        out["Type"] = "0"
        return out
    iso3 = loc.get("country") or ""
    fips = fips_codes().get(iso3, "")
    precision = loc.get("precision") or ("country" if loc.get("name") and
                                         loc.get("geonameid") is None and loc.get("lat") is None else "city")
    us = iso3 == "USA"
    out["Type"] = {"country": "1", "region": "2" if us else "5"}.get(precision, "3" if us else "4")
    names = [loc.get("name") or ""]
    if loc.get("region") and loc.get("region") != loc.get("name"):
        names.append(loc["region"])
    country_name = _country_name(iso3)
    if precision != "country" and country_name:
        names.append(country_name)
    out["FullName"] = ", ".join(n for n in names if n)
    out["CountryCode"] = fips
    out["ADM1Code"] = fips if precision == "country" else ""
    out["Lat"] = "" if loc.get("lat") is None else f"{loc['lat']:g}"
    out["Long"] = "" if loc.get("lon") is None else f"{loc['lon']:g}"
    out["FeatureID"] = "" if loc.get("geonameid") is None else str(loc["geonameid"])
    if precision == "country" and not out["FeatureID"]:
        out["FeatureID"] = fips
    return out


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    text = (files("whimbrel") / "data" / "gdelt" / "iso3_fips.tsv").read_text(encoding="utf-8")
    return {p[0]: p[2] for p in (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))}


def _country_name(iso3: str) -> str:
    return _country_names().get(iso3, "")


def _timestamp(value: str | None) -> str:
    if not value:
        return ""
    t = dt.datetime.fromisoformat(value)
    return t.strftime("%Y%m%d%H%M%S")


def _num(value) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def gdelt_row(rec: dict) -> list[str]:
    """One export record as the 61 GDELT 2.0 event-table fields (strings, in column order)."""
    day = rec.get("date") or (rec.get("published") or "")[:10]
    d = dt.date.fromisoformat(day) if day else None
    f: dict[str, str] = {"GLOBALEVENTID": str(rec.get("global_id") or ""),
                         "SQLDATE": d.strftime("%Y%m%d") if d else "",
                         "MonthYear": d.strftime("%Y%m") if d else "",
                         "Year": str(d.year) if d else "",
                         "FractionDate": f"{fraction_date(d):.4f}" if d else ""}
    for n, side in ((1, "source"), (2, "target")):
        actor = rec.get(side) or {}
        code = actor.get("code") or ""
        f[f"Actor{n}Code"] = "" if code in ("", "---") else code
        f[f"Actor{n}Name"] = (actor.get("name") or actor.get("text") or "").upper() if code else ""
        for k, v in split_actor_code(code).items():
            f[f"Actor{n}{k}"] = v
    cameo = rec.get("cameo") or ""
    f["IsRootEvent"] = "1" if rec.get("is_root") else "0"
    f["EventCode"] = cameo
    f["EventBaseCode"] = cameo[:3]
    f["EventRootCode"] = rec.get("cameo_root") or cameo[:2]
    f["QuadClass"] = _num(rec.get("quad_class"))
    g = rec.get("goldstein")
    f["GoldsteinScale"] = "" if g is None else f"{float(g):.1f}"
    f["NumMentions"] = _num(rec.get("num_mentions"))
    f["NumSources"] = _num(rec.get("num_sources"))
    f["NumArticles"] = _num(rec.get("num_articles"))
    f["AvgTone"] = "0"
    empty_geo = _geo(None)
    for prefix, loc in (("Actor1Geo", None), ("Actor2Geo", None), ("ActionGeo", rec.get("location"))):
        g = _geo(loc) if loc else empty_geo
        for k, v in g.items():
            f[f"{prefix}_{k}"] = v
    f["DATEADDED"] = _timestamp(rec.get("date_added"))
    f["SOURCEURL"] = rec.get("url") or rec.get("first_article_id") or rec.get("article_id") or ""
    return [_clean(f[c]) for c in gdelt_columns()]


def _clean(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ").replace("\r", " ")


# -- PLOVER --------------------------------------------------------------------------

PLOVER_REQUIRED = {"id": str, "date": str, "actor": list, "event": list}
PLOVER_OPTIONAL = {
    "enddate": (str, type(None)), "recipient": list, "event_loc": (dict, type(None)), "event_text": list,
    "quad_code": (int, type(None)), "event_scale": (float, int, type(None)), "mode": list, "context": list,
    "link": (str, type(None)), "text": (str, type(None)), "text_info": dict, "cite_info": dict,
    "coder": str, "coded_date": str, "comment": (str, type(None)),
}
PLOVER_ENTITY = {"code": str, "sector": (str, type(None)), "entity_text": (str, type(None)),
                 "identifier_id": (str, type(None)), "identifier_text": (str, type(None))}


def _entity(actor: dict | None) -> dict | None:
    if not actor:
        return None
    return {"code": actor.get("country") or (actor.get("code") or "---")[:3],
            "sector": actor.get("sector"), "entity_text": actor.get("text"),
            "identifier_id": actor.get("kb_id"), "identifier_text": actor.get("name"),
            "cameo_code": actor.get("code")}


def plover_record(rec: dict) -> dict:
    """One export record in PLOVER's JSON event format (PLOVER manual, "Data Fields")."""
    plover = rec.get("plover") or {}
    ev = rec.get("evidence") or {}
    loc = rec.get("location")
    src, tgt = _entity(rec.get("source")), _entity(rec.get("target"))
    day = rec.get("date") or (rec.get("published") or "")[:10] or None
    out = {
        "id": rec.get("dedup_id") or rec.get("event_id"),
        "date": day,
        "enddate": rec.get("date_end"),
        "actor": [src] if src else [],
        "recipient": [tgt] if tgt else [],
        "event": [plover["event"]] if plover.get("event") else [],
        "event_text": [ev["trigger"]] if ev.get("trigger") else [],
        "quad_code": rec.get("quad_class"),
        "event_scale": rec.get("goldstein"),
        "mode": [plover["mode"]] if plover.get("mode") else [],
        "context": list(plover.get("context") or []),
        "event_loc": None if not loc else {
            "extracted_place": loc.get("name"), "resolved_place": loc.get("name"),
            "geonameid": loc.get("geonameid"), "lat": loc.get("lat"), "lon": loc.get("lon"),
            "province": loc.get("region"), "country": _country_name(loc.get("country") or "") or None,
            "country_code": loc.get("country"), "resolution": {"site": 5, "city": 4, "region": 2,
                                                               "country": 1}.get(loc.get("precision") or "", None),
        },
        "text": ev.get("sentence"),
        "text_info": {"sequence": rec.get("sentence_index"), "start": ev.get("sentence_start"),
                      "end": (ev.get("sentence_start") or 0) + len(ev.get("sentence") or "")
                      if ev.get("sentence_start") is not None else None},
        "cite_info": {"url": rec.get("url"), "citation": rec.get("first_article_id") or rec.get("article_id"),
                      "coder": "whimbrel", "codebook": "PLOVER (CAMEO-coded, mapped)",
                      "version": rec.get("coder_version")},
        "coder": f"whimbrel {rec.get('coder_version') or ''}".strip(),
        "coded_date": (rec.get("date_added") or "")[:10],
        "comment": None,
        # whimbrel's own fields (PLOVER allows providers to add named fields)
        "cameo": rec.get("cameo"),
        "modality": rec.get("modality"),
        "num_mentions": rec.get("num_mentions"),
        "num_articles": rec.get("num_articles"),
        "num_sources": rec.get("num_sources"),
        "event_id": rec.get("event_id"),
        "article_id": rec.get("article_id"),
    }
    return out


def validate_plover(rec: dict) -> list[str]:
    """Problems with one PLOVER record against the documented fields ([] when valid)."""
    problems = []
    for name, typ in PLOVER_REQUIRED.items():
        if name not in rec or rec[name] is None:
            problems.append(f"missing required field {name!r}")
        elif not isinstance(rec[name], typ):
            problems.append(f"{name!r} should be {typ.__name__}")
    if isinstance(rec.get("date"), str):
        try:
            dt.date.fromisoformat(rec["date"])
        except ValueError:
            problems.append(f"date {rec['date']!r} is not YYYY-MM-DD")
    for name, typ in PLOVER_OPTIONAL.items():
        if name in rec and not isinstance(rec[name], typ):
            problems.append(f"{name!r} has type {type(rec[name]).__name__}")
    if rec.get("quad_code") not in (None, 1, 2, 3, 4):
        problems.append(f"quad_code {rec['quad_code']!r} is not 1-4")
    for side in ("actor", "recipient"):
        for ent in rec.get(side) or []:
            if not isinstance(ent, dict):
                problems.append(f"{side} entry is not an object")
                continue
            for name, typ in PLOVER_ENTITY.items():
                if name == "code" and not ent.get("code"):
                    problems.append(f"{side} entity has no code")
                elif name in ent and not isinstance(ent[name], typ):
                    problems.append(f"{side}.{name} has type {type(ent[name]).__name__}")
    for name in ("event", "mode", "context", "event_text"):
        if any(not isinstance(v, str) for v in rec.get(name) or []):
            problems.append(f"{name!r} must be a list of strings")
    return problems


# -- CSV / Parquet --------------------------------------------------------------------

FLAT_COLUMNS = (
    "dedup_id", "global_id", "event_id", "article_id", "date", "date_end", "date_precision", "year", "month",
    "source_code", "source_country", "source_name", "target_code", "target_country", "target_name",
    "cameo", "cameo_root", "quad_class", "goldstein", "plover_event", "plover_mode", "plover_context",
    "location", "location_country", "lat", "lon", "geonameid", "negated", "future", "hypothetical",
    "reported_by", "trigger", "sentence", "num_mentions", "num_articles", "num_sources", "num_stories",
    "is_root", "url", "published", "date_added", "confidence", "coder_version",
)


def flat(rec: dict) -> dict:
    src, tgt = rec.get("source") or {}, rec.get("target") or {}
    loc, mod = rec.get("location") or {}, rec.get("modality") or {}
    plover, ev = rec.get("plover") or {}, rec.get("evidence") or {}
    day = rec.get("date") or (rec.get("published") or "")[:10] or None
    return {
        "dedup_id": rec.get("dedup_id"), "global_id": rec.get("global_id"), "event_id": rec.get("event_id"),
        "article_id": rec.get("article_id"), "date": rec.get("date"), "date_end": rec.get("date_end"),
        "date_precision": rec.get("date_precision"),
        "year": int(day[:4]) if day else 0, "month": int(day[5:7]) if day else 0,
        "source_code": src.get("code"), "source_country": src.get("country"), "source_name": src.get("name"),
        "target_code": tgt.get("code"), "target_country": tgt.get("country"), "target_name": tgt.get("name"),
        "cameo": rec.get("cameo"), "cameo_root": rec.get("cameo_root"), "quad_class": rec.get("quad_class"),
        "goldstein": rec.get("goldstein"), "plover_event": plover.get("event"), "plover_mode": plover.get("mode"),
        "plover_context": ";".join(plover.get("context") or []),
        "location": loc.get("name"), "location_country": loc.get("country"), "lat": loc.get("lat"),
        "lon": loc.get("lon"), "geonameid": loc.get("geonameid"),
        "negated": mod.get("negated"), "future": mod.get("future"), "hypothetical": mod.get("hypothetical"),
        "reported_by": mod.get("reported_by"), "trigger": ev.get("trigger"), "sentence": ev.get("sentence"),
        "num_mentions": rec.get("num_mentions"), "num_articles": rec.get("num_articles"),
        "num_sources": rec.get("num_sources"), "num_stories": rec.get("num_stories"),
        "is_root": rec.get("is_root"), "url": rec.get("url"), "published": rec.get("published"),
        "date_added": rec.get("date_added"), "confidence": rec.get("confidence"),
        "coder_version": rec.get("coder_version"),
    }


# -- the front door --------------------------------------------------------------------

@dataclass(frozen=True)
class ExportResult:
    format: str
    rows: int
    path: str

    def as_dict(self) -> dict:
        return {"format": self.format, "rows": self.rows, "path": self.path}


def _open_out(out: str | os.PathLike | IO[str] | None):
    if out is None or out == "-":
        import sys

        return sys.stdout, False, "-"
    if hasattr(out, "write"):
        return out, False, getattr(out, "name", "<stream>")
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    return open(path, "w", encoding="utf-8", newline=""), True, str(path)


def export(con, fmt: str, out=None, *, flt=None, level: str = "dedup", header: bool = False) -> ExportResult:
    """Write the events matching ``flt`` to ``out`` in ``fmt`` (gdelt, plover, csv, parquet).

    ``out`` is a path, an open text stream, or ``-``/None for stdout (not for
    parquet, which needs a directory). ``header`` adds the column names to a
    GDELT file (GDELT's own files have none).
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    recs = records(con, flt=flt, level=level)
    if fmt == "parquet":
        if out is None or out == "-" or hasattr(out, "write"):
            raise UsageError("--format parquet writes a directory: give --output DIR")
        return _parquet(con, recs, Path(out))
    stream, close, name = _open_out(out)
    n = 0
    try:
        if fmt == "gdelt":
            w = csv.writer(stream, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                           escapechar="\\")
            if header:
                w.writerow(gdelt_columns())
            for rec in recs:
                w.writerow([csv_cell(v) for v in gdelt_row(rec)])
                n += 1
        elif fmt == "plover":
            for rec in recs:
                stream.write(json_line(plover_record(rec)) + "\n")
                n += 1
        else:
            w = csv.DictWriter(stream, fieldnames=FLAT_COLUMNS, lineterminator="\n")
            w.writeheader()
            for rec in recs:
                w.writerow({k: csv_cell(v) for k, v in flat(rec).items()})
                n += 1
    finally:
        if close:
            stream.close()
        else:
            stream.flush()
    return ExportResult(fmt, n, name)


def _parquet(con, recs, path: Path) -> ExportResult:
    import pyarrow as pa

    rows = [flat(r) for r in recs]
    path.mkdir(parents=True, exist_ok=True)
    if not rows:
        return ExportResult("parquet", 0, str(path))
    table = pa.Table.from_pylist(rows)
    view = "_whimbrel_export_parquet"
    con.register(view, table)
    try:
        target = str(path).replace("'", "''")
        con.execute(
            f"COPY (SELECT * FROM {view}) TO '{target}' "
            "(FORMAT parquet, PARTITION_BY (year, month), OVERWRITE_OR_IGNORE true)"
        )
    finally:
        con.unregister(view)
    return ExportResult("parquet", len(rows), str(path))


def text(con, fmt: str, *, flt=None, level: str = "dedup", header: bool = False) -> str:
    """An export as a string (gdelt, plover, csv): convenient for tests and the API."""
    buf = io.StringIO()
    export(con, fmt, buf, flt=flt, level=level, header=header)
    return buf.getvalue()
