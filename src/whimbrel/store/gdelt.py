"""GDELT 2.0 exports: the 61-column event table and the 16-column mentions table.

Field notes (columns from ``data/gdelt/event_columns.tsv``; GDELT 2.0 Event Codebook):

* ``GLOBALEVENTID`` is a positive integer below 2^53 (it survives JSON and
  spreadsheets), stable for a deduplicated event.
* ``Actor*Code`` is the CAMEO actor code without the unknown-country ``---``
  (GDELT writes ``CVL`` for civilians of unknown country). ``Actor*Name`` is the
  actor's name as GDELT gives it: a person's or organisation's formal name, the
  country's name for a country matched by name, demonym or people ("INDIA", not
  "INDIAN"), the place for a capital or city, else the root match class of a
  type match ("POLICE", "CIVILIAN"), upper-cased.
* Geo fields use FIPS 10-4 codes: ``CountryCode`` is the FIPS country (the Gaza
  Strip is ``GZ``, the West Bank ``WE``), ``ADM1Code`` the FIPS country plus the
  place's first-level division (GeoNames admin1, ``data/gdelt/admin1.tsv.gz``;
  the country code alone for a country), ``FeatureID`` the FIPS code for a
  country, the ADM1 code for a first-level region, else the GeoNames id (GDELT
  used GNS ids, which are not available). ``Type`` is 1 country, 2 US state,
  3 US city, 4 world city, 5 world region.
* ``Actor1Geo`` / ``Actor2Geo`` are the actor's place where it is known: the city
  or capital it was matched by, else its country.
* ``AvgTone`` is blank: whimbrel does not score tone.
* ``SOURCEURL`` is the earliest report's URL, or blank when it has none.

Mentions (``*.mentions.CSV``): one row per report of an event, from ``event_mentions``.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
from importlib.resources import files

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
#: the root match class GDELT names a type-only actor by (CAMEO type codes, as GDELT spells its classes)
TYPE_NAMES = {
    "COP": "POLICE", "GOV": "GOVERNMENT", "INS": "INSURGENT", "JUD": "JUDGE", "MIL": "MILITARY",
    "OPP": "OPPOSITION", "REB": "REBEL", "SEP": "SEPARATIST", "SPY": "INTELLIGENCE", "UAF": "ARMED GANG",
    "AGR": "FARMER", "BUS": "COMPANY", "CRM": "CRIMINAL", "CVL": "CIVILIAN", "DEV": "AID AGENCY",
    "EDU": "SCHOOL", "ELI": "ELITE", "ENV": "ENVIRONMENTALIST", "HLH": "HEALTH", "HRI": "ACTIVIST",
    "LAB": "WORKER", "LEG": "LAWMAKER", "MED": "MEDIA", "REF": "REFUGEE", "MOD": "MODERATE",
    "RAD": "RADICAL", "PTY": "PARTY", "PPL": "PEOPLE",
}
MENTION_COLUMNS = ("GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
                   "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
                   "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo",
                   "Extras")
_PLACE_KB = ("cap:", "city:", "region:")


@functools.lru_cache(maxsize=1)
def columns() -> tuple[str, ...]:
    """The 61 GDELT 2.0 event-table column names, in order."""
    text = (files("whimbrel") / "data" / "gdelt" / "event_columns.tsv").read_text(encoding="utf-8")
    cols = [line.split("\t")[1] for line in text.splitlines() if line and not line.startswith("#")]
    if len(cols) != 61:
        from ..errors import DataFileError

        raise DataFileError(f"data/gdelt/event_columns.tsv has {len(cols)} columns, expected 61; "
                            "rebuild it with scripts/make_gdelt_tables.py")
    return tuple(cols)


@functools.lru_cache(maxsize=1)
def _country_rows() -> dict[str, tuple[str, str]]:
    text = (files("whimbrel") / "data" / "gdelt" / "iso3_fips.tsv").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            iso3, fips, name = (line.split("\t") + ["", ""])[:3]
            out[iso3] = (fips, name)
    return out


def fips_codes() -> dict[str, str]:
    """ISO alpha-3 -> FIPS 10-4 country code."""
    return {k: v[0] for k, v in _country_rows().items() if v[0]}


def country_name(iso3: str) -> str:
    return _country_rows().get(iso3 or "", ("", ""))[1]


@functools.lru_cache(maxsize=1)
def _admin1() -> tuple[dict[int, str], dict[tuple[str, str], str]]:
    path = files("whimbrel") / "data" / "gdelt" / "admin1.tsv.gz"
    cities: dict[int, str] = {}
    regions: dict[tuple[str, str], str] = {}
    with gzip.open(str(path), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            p = line.rstrip("\n").split("\t")
            if p[0] == "c":
                cities[int(p[1])] = p[2]
            elif p[0] == "r":
                regions[(p[1], p[2].casefold())] = p[3]
    return cities, regions


def admin1(loc: dict) -> str:
    """The place's first-level division code (GeoNames admin1), or ''."""
    cities, regions = _admin1()
    gid = loc.get("geonameid")
    if gid is not None and int(gid) in cities:
        return cities[int(gid)]
    iso3 = loc.get("country") or ""
    for name in (loc.get("region"), loc.get("name") if loc.get("precision") == "region" else None):
        if name and (iso3, name.casefold()) in regions:
            return regions[(iso3, name.casefold())]
    return ""


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


def actor_code(code: str | None) -> str:
    """GDELT's Actor*Code: the CAMEO code without the unknown-country prefix."""
    code = code or ""
    while code.startswith("---"):
        code = code[3:]
    return code


def actor_name(actor: dict | None) -> str:
    """GDELT's Actor*Name (see the module docstring)."""
    if not actor:
        return ""
    kb = actor.get("kb_id") or ""
    code = actor.get("code") or ""
    country = code[:3] if code[:3] in _country_rows() else ""
    if kb.startswith(("c:", "d:", "dp:")):
        name = country_name(kb.split(":", 1)[1]) or actor.get("name") or ""
    elif kb or (actor.get("name") and not (actor.get("rule") or "").startswith("agent")):
        name = actor.get("name") or ""
    elif country and not actor.get("sector"):
        name = country_name(country)
    else:
        sector = actor.get("sector") or actor_code(code)[:3]
        name = TYPE_NAMES.get(sector, "") or country_name(country)
    return name.upper()


def fraction_date(day: dt.date) -> float:
    doy = day.timetuple().tm_yday
    return round(day.year + min(doy / 365.0, 0.9999), 4)


_GEO_KEYS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")


def geo(loc: dict | None) -> dict[str, str]:
    """GDELT's geo fields for a location dict (name, country, region, lat, lon, geonameid, precision)."""
    out = dict.fromkeys(_GEO_KEYS, "")
    if not loc or not (loc.get("name") or loc.get("lat") is not None):
        out["Type"] = "0"
        return out
    iso3 = loc.get("country") or ""
    precision = loc.get("precision") or ("country" if loc.get("name") and
                                         loc.get("geonameid") is None and loc.get("lat") is None else "city")
    fips = fips_codes().get(iso3, "")
    adm = admin1(loc) if precision != "country" else ""
    if iso3 == "PSE":
        # GDELT (FIPS) has no Palestine: the Gaza Strip is GZ, the West Bank WE
        gaza = adm == "GZ" or "gaza" in f"{loc.get('name') or ''} {loc.get('region') or ''}".casefold()
        fips = "GZ" if gaza else "WE"
        adm = ""
    us = iso3 == "USA"
    out["Type"] = {"country": "1", "region": "2" if us else "5"}.get(precision, "3" if us else "4")
    names = [loc.get("name") or ""]
    if loc.get("region") and loc.get("region") != loc.get("name"):
        names.append(loc["region"])
    cname = country_name(iso3)
    if precision != "country" and cname and cname not in names:
        names.append(cname)
    out["FullName"] = ", ".join(n for n in names if n)
    out["CountryCode"] = fips
    out["ADM1Code"] = fips + adm if fips else ""
    out["Lat"] = "" if loc.get("lat") is None else f"{loc['lat']:g}"
    out["Long"] = "" if loc.get("lon") is None else f"{loc['lon']:g}"
    if precision == "country":
        out["FeatureID"] = fips
    elif precision == "region" and adm:
        out["FeatureID"] = out["ADM1Code"]
    else:
        out["FeatureID"] = "" if loc.get("geonameid") is None else str(loc["geonameid"])
    return out


@functools.lru_cache(maxsize=1)
def _gazetteer():
    from ..where.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    return gaz, {p.geonameid: p for p in gaz.places if p.geonameid is not None}


def actor_location(actor: dict | None) -> dict | None:
    """Where an actor is: the city, capital or region it was matched by, else its country."""
    if not actor:
        return None
    kb = actor.get("kb_id") or ""
    code = actor.get("code") or ""
    iso3 = code[:3]
    if iso3 not in _country_rows():
        return None
    gaz, by_id = _gazetteer()
    place = None
    if kb.startswith("cap:"):
        place = gaz.capital(iso3)
    elif kb.startswith("city:") and kb[5:].isdigit():
        place = by_id.get(int(kb[5:]))
    if place is None or place.country != iso3:
        place = gaz.country(iso3)
    if place is not None:
        return {"name": place.name, "country": place.country, "region": place.region or None, "lat": place.lat,
                "lon": place.lon, "geonameid": place.geonameid,
                "precision": {"city": "city", "site": "site", "region": "region"}.get(place.kind, "country")}
    return {"name": country_name(iso3), "country": iso3, "region": None, "lat": None, "lon": None,
            "geonameid": None, "precision": "country"}


def _timestamp(value: str | None) -> str:
    if not value:
        return ""
    t = dt.datetime.fromisoformat(value)
    return t.strftime("%Y%m%d%H%M%S")


def _num(value) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def url_or_blank(value: str | None) -> str:
    return value if value and value.startswith(("http://", "https://")) else ""


def event_row(rec: dict) -> list[str]:
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
        code = actor_code(actor.get("code"))
        f[f"Actor{n}Code"] = code
        f[f"Actor{n}Name"] = actor_name(actor) if code else ""
        for k, v in split_actor_code(actor.get("code")).items():
            f[f"Actor{n}{k}"] = v
        for k, v in geo(actor_location(actor) if code else None).items():
            f[f"Actor{n}Geo_{k}"] = v
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
    f["AvgTone"] = ""
    for k, v in geo(rec.get("location")).items():
        f[f"ActionGeo_{k}"] = v
    f["DATEADDED"] = _timestamp(rec.get("date_added"))
    f["SOURCEURL"] = url_or_blank(rec.get("url"))
    return [_clean(f[c]) for c in columns()]


def _clean(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def mention_rows(con, *, dedup_ids: list[str] | None = None):
    """GDELT 2.0 mentions-table rows (16 fields) for the reports of the given deduplicated events."""
    where = "TRUE" if dedup_ids is None else "list_contains(?, m.dedup_id)"
    params = [] if dedup_ids is None else [dedup_ids]
    sql = (
        "SELECT d.global_id, d.date_added, m.published, a.ingested, m.outlet, m.url, m.article_id, "
        "m.sentence_index, json_extract(e.record, '$.source.start'), json_extract(e.record, '$.target.start'), "
        "m.trigger_start, json_extract_string(e.record, '$.source.rule'), "
        "json_extract_string(e.record, '$.target.rule'), m.confidence, length(a.text) "
        "FROM event_mentions m JOIN dedup_events d USING (dedup_id) JOIN events e ON e.event_id = m.event_id "
        f"JOIN articles a ON a.article_id = m.article_id WHERE {where} "
        "ORDER BY d.global_id, m.published NULLS LAST, m.article_id, m.sentence_index, m.event_id"
    )
    cur = con.execute(sql, params)
    while True:
        chunk = cur.fetchmany(2000)
        if not chunk:
            return
        for (gid, added, pub, ingested, outlet, url, aid, sent, s_off, t_off, trig, s_rule, t_rule, conf,
             doc_len) in chunk:
            when = pub or ingested
            link = url_or_blank(url)
            coref = any((r or "").startswith("coref") for r in (s_rule, t_rule))
            row = {
                "GLOBALEVENTID": str(gid), "EventTimeDate": added.strftime("%Y%m%d%H%M%S") if added else "",
                "MentionTimeDate": when.strftime("%Y%m%d%H%M%S") if when else "",
                "MentionType": "1" if link else "2",  # 1 web, 2 citation only
                "MentionSourceName": "" if (outlet or "").startswith("article:") else (outlet or ""),
                "MentionIdentifier": link or aid,
                "SentenceID": "" if sent is None else str(int(sent) + 1),
                "Actor1CharOffset": "-1" if s_off is None else str(int(s_off)),
                "Actor2CharOffset": "-1" if t_off is None else str(int(t_off)),
                "ActionCharOffset": "-1" if trig is None else str(int(trig)),
                "InRawText": "0" if coref else "1",
                "Confidence": str(max(10, min(100, round((conf or 0) * 100)))),
                "MentionDocLen": str(doc_len or 0), "MentionDocTone": "", "MentionDocTranslationInfo": "",
                "Extras": "",
            }
            yield [_clean(row[c]) for c in MENTION_COLUMNS]


# -- validators (the tests run them on every exported line) --------------------------------------

_FIPS_EXTRA = {"GZ", "WE"}


def _is_int(text: str) -> bool:
    return text.lstrip("-").isdigit()


def validate_event_row(fields: list[str]) -> list[str]:
    """Problems with one exported GDELT 2.0 event row ([] when it reads like GDELT's own)."""
    if len(fields) != 61:
        return [f"{len(fields)} fields, expected 61"]
    f = dict(zip(columns(), fields))
    problems = []
    gid = f["GLOBALEVENTID"]
    if not gid.isdigit() or not 0 < int(gid) < 2 ** 53:
        problems.append(f"GLOBALEVENTID {gid!r} is not a positive integer below 2^53")
    if not (len(f["SQLDATE"]) == 8 and f["SQLDATE"].isdigit()):
        problems.append(f"SQLDATE {f['SQLDATE']!r} is not YYYYMMDD")
    fips = set(fips_codes().values()) | _FIPS_EXTRA
    for n in (1, 2):
        code, name = f[f"Actor{n}Code"], f[f"Actor{n}Name"]
        if code.startswith("-"):
            problems.append(f"Actor{n}Code {code!r} carries the unknown-country prefix")
        if code and not name:
            problems.append(f"Actor{n}Name is empty for {code}")
        cc = f[f"Actor{n}CountryCode"]
        if cc and f[f"Actor{n}Geo_Type"] == "0":
            problems.append(f"Actor{n}Geo is empty although the actor's country {cc} is known")
    if f["AvgTone"] != "":
        problems.append(f"AvgTone {f['AvgTone']!r} should be blank (no tone is computed)")
    for prefix in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
        t, cc, adm, feat = (f[f"{prefix}_{k}"] for k in ("Type", "CountryCode", "ADM1Code", "FeatureID"))
        if t not in "012345" or len(t) != 1:
            problems.append(f"{prefix}_Type {t!r} is not 0-5")
        if t == "0":
            if any(f[f"{prefix}_{k}"] for k in ("FullName", "CountryCode", "ADM1Code", "FeatureID")):
                problems.append(f"{prefix} has fields but type 0")
            continue
        if cc not in fips:
            problems.append(f"{prefix}_CountryCode {cc!r} is not a FIPS 10-4 country code")
        if "gaza" in f[f"{prefix}_FullName"].casefold() and cc != "GZ":
            problems.append(f"{prefix} is in Gaza but coded {cc!r}, not GZ")
        if not adm.startswith(cc):
            problems.append(f"{prefix}_ADM1Code {adm!r} does not start with the country code {cc!r}")
        if t == "1" and (adm != cc or feat != cc):
            problems.append(f"{prefix}: a country's ADM1Code and FeatureID are its FIPS code")
    url = f["SOURCEURL"]
    if url and not url.startswith(("http://", "https://")):
        problems.append(f"SOURCEURL {url!r} is neither a URL nor blank")
    return problems


def validate_mention_row(fields: list[str]) -> list[str]:
    """Problems with one exported GDELT 2.0 mentions row ([] when well formed)."""
    if len(fields) != len(MENTION_COLUMNS):
        return [f"{len(fields)} fields, expected {len(MENTION_COLUMNS)}"]
    f = dict(zip(MENTION_COLUMNS, fields))
    problems = []
    if not f["GLOBALEVENTID"].isdigit() or int(f["GLOBALEVENTID"]) >= 2 ** 53:
        problems.append("GLOBALEVENTID is not an integer below 2^53")
    for k in ("EventTimeDate", "MentionTimeDate"):
        if f[k] and not (len(f[k]) == 14 and f[k].isdigit()):
            problems.append(f"{k} {f[k]!r} is not YYYYMMDDHHMMSS")
    if f["MentionType"] not in ("1", "2", "3", "4", "5", "6"):
        problems.append(f"MentionType {f['MentionType']!r} is not 1-6")
    if f["MentionType"] == "1" and not f["MentionIdentifier"].startswith(("http://", "https://")):
        problems.append("a web mention's identifier is not its URL")
    for k in ("SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "MentionDocLen"):
        if not _is_int(f[k]):
            problems.append(f"{k} {f[k]!r} is not an integer")
    if f["InRawText"] not in ("0", "1"):
        problems.append("InRawText is not 0 or 1")
    if not f["Confidence"].isdigit() or not 10 <= int(f["Confidence"]) <= 100:
        problems.append(f"Confidence {f['Confidence']!r} is not 10-100")
    return problems
