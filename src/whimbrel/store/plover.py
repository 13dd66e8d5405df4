"""PLOVER JSONL export: one record per event in the PLOVER manual's data format, and its validator.

The record follows the manual's "Data Fields" chapter (required: ``id``, ``date``,
``actor``, ``event``) with PLOVER's own vocabulary (``data/plover/manual.tsv``):

* ``event``: the PLOVER category of the CAMEO code. Events with none (CAMEO 01
  statements and the other codes the manual leaves unmapped) are left out of
  PLOVER output, so no record has ``event: []``.
* ``actor`` / ``recipient``: entity objects. ``code`` is a country (ISO 3166
  alpha-3; Kosovo ``KOS``) or one of the manual's international entities: ``UNO``
  (the UN and its agencies), ``EUR`` (the European Union and its bodies), ``IGO``,
  ``NGO``, ``IMG``, ``MNC``. CAMEO region codes (``AFR``, ``WST``, ``MEA`` ...) and
  unknown countries get no code: PLOVER does not code events of regional
  constructs, so an event whose actor has none is left out, and a recipient with
  none is dropped. ``sector`` uses PLOVER's sector codes (CAMEO's ``MED`` media is
  ``JRN``, ``HLH`` health is ``MED``; insurgents and separatists are ``REB``;
  human-rights, environmental and development groups are ``SOC``; religious
  groups ``REL``). ``identifier_id`` is the entity's Wikidata id where the
  knowledge base has one (``data/plover/wikidata.tsv``) and the actor is that
  entity (a country's police is not the country).
* A reciprocal event (a meeting, or any act the coder marked joint) lists every
  party as ``actor`` and has no recipient ("Compound and Reciprocal Actors").
* ``mode`` and ``context`` keep only the manual's values (a context written as
  a mode moves to ``context``; ``democracy`` is ``pro_democracy``).
* ``event_scale`` is the PLOVER score of the category and mode (the manual's
  table), not Goldstein; ``quad_code`` the quad class.
* ``context`` also carries the auxiliary modes ``future``, ``hypothetical`` and
  ``historical`` when they hold; negated events carry ``negation``.
"""

from __future__ import annotations

import datetime as dt
import functools
from importlib.resources import files

PLOVER_SECTORS = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC".split())
#: CAMEO sector -> PLOVER sector where they differ (manual, "Sector code notes")
SECTOR_MAP = {"MED": "JRN", "HLH": "MED", "INS": "REB", "SEP": "REB", "HRI": "SOC", "ENV": "SOC", "DEV": "SOC",
              "NGO": "SOC", "NGM": "SOC", "AMN": "SOC", "IRC": "SOC", "MOD": None, "RAD": None}
INTERNATIONAL = ("UNO", "EUR", "IGO", "NGO", "ISM", "IMG", "MNC")
#: modes whatever coded them that the manual lists as contexts, and renamed contexts
_CONTEXT_ALIASES = {"democracy": "pro_democracy", "humanitarian": "human_security"}
_MODE_ALIASES = {("ASSAULT", "assassinate"): "targeted"}

PLOVER_REQUIRED = {"id": str, "date": str, "actor": list, "event": list}
PLOVER_OPTIONAL = {
    "enddate": (str, type(None)), "recipient": list, "event_loc": (dict, type(None)), "event_text": list,
    "quad_code": (int, type(None)), "event_scale": (float, int, type(None)), "mode": list, "context": list,
    "link": (str, type(None)), "text": (str, type(None)), "text_info": dict, "cite_info": dict,
    "coder": str, "coded_date": str, "comment": (str, type(None)),
}
PLOVER_ENTITY = {"code": str, "sector": (str, type(None)), "entity_text": (str, type(None)),
                 "identifier_id": (str, type(None)), "identifier_text": (str, type(None))}


@functools.lru_cache(maxsize=1)
def vocabulary() -> tuple[dict, frozenset]:
    """``({(EVENT, mode): score}, contexts)`` from the manual (mode '' is the category's own score)."""
    text = (files("whimbrel") / "data" / "plover" / "manual.tsv").read_text(encoding="utf-8")
    scores: dict = {}
    contexts = set()
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if parts[0] == "mode":
            scores[(parts[1], parts[2])] = float(parts[3]) if parts[3] else None
        elif parts[0] == "context":
            contexts.add(parts[1])
    for (ev, mode), score in list(scores.items()):
        if score is None:
            scores[(ev, mode)] = scores.get((ev, ""))
    return scores, frozenset(contexts)


@functools.lru_cache(maxsize=1)
def wikidata_ids() -> dict[str, str]:
    text = (files("whimbrel") / "data" / "plover" / "wikidata.tsv").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            kb, qid, *_ = line.split("\t")
            out[kb] = qid
    return out


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    text = (files("whimbrel") / "data" / "gdelt" / "iso3_fips.tsv").read_text(encoding="utf-8")
    return {p[0]: p[2] for p in (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))}


def entity_code(code: str | None) -> str | None:
    """PLOVER's top-level entity code for a CAMEO actor code, or None (unknown, a region)."""
    if not code:
        return None
    root = code[:3]
    if root == "IGO":
        if code.startswith("IGOUNO"):
            return "UNO"
        if code.startswith("IGOEUREEC"):
            return "EUR"
        return "IGO"
    if root in ("NGO", "IMG", "MNC"):
        return root
    if root in ("KSV", "XKX"):
        return "KOS"
    if root in _countries():
        return root
    return None


def entity_sector(code: str | None, sector: str | None) -> str | None:
    """PLOVER's sector for an actor: its first CAMEO type code, renamed where PLOVER differs."""
    parts = [code[i:i + 3] for i in range(3, len(code or ""), 3)] if code else []
    if sector and sector not in parts:
        parts.insert(0, sector)
    for p in parts:
        mapped = SECTOR_MAP.get(p, p)
        if mapped in PLOVER_SECTORS:
            return mapped
    return None


_SELF_KB = ("c:", "d:", "dp:")  # the country itself, by name, demonym or people


def entity(actor: dict | None) -> dict | None:
    """A PLOVER entity object for an event record's actor, or None when it has no PLOVER code."""
    if not actor:
        return None
    code = entity_code(actor.get("code"))
    if code is None:
        return None
    kb = actor.get("kb_id") or ""
    sector = entity_sector(actor.get("code"), actor.get("sector"))
    qid = wikidata_ids().get(kb)
    if qid is None and ":" in kb:  # the same person or group from another source (px:, pxi:, g: ...)
        name = kb.split(":", 1)[1]
        qid = next((wikidata_ids()[k] for k in (f"p:{name}", f"o:{name}", f"g:{name}") if k in wikidata_ids()), None)
    if qid and kb.startswith(_SELF_KB):
        kb_country = kb.split(":", 1)[1]
        qid = qid if sector is None else None  # "Indian police" is not India
        kb = f"c:{kb_country}"
    if qid is None and kb.startswith(_SELF_KB) and sector is None:
        qid = wikidata_ids().get(f"c:{kb.split(':', 1)[1]}")
    return {"code": code, "sector": sector, "entity_text": actor.get("text"),
            "identifier_id": qid, "identifier_text": actor.get("name"), "cameo_code": actor.get("code")}


def reciprocal(rec: dict) -> bool:
    """Every party acts: a meeting (CAMEO 040/042/043/044/046) or an act the coder marked joint."""
    from .matching import MEETING_CODES

    return bool(rec.get("symmetric")) or (rec.get("cameo") or "")[:3] in MEETING_CODES


def mode_and_context(event: str, mode: str | None, context) -> tuple[list[str], list[str]]:
    scores, contexts = vocabulary()
    out_ctx = []
    for c in list(context or []):
        c = _CONTEXT_ALIASES.get(c, c)
        if c in contexts and c not in out_ctx:
            out_ctx.append(c)
    modes = []
    if mode:
        mode = _MODE_ALIASES.get((event, mode), mode)
        if (event, mode) in scores:
            modes.append(mode)
        else:
            c = _CONTEXT_ALIASES.get(mode, mode)
            if c in contexts and c not in out_ctx:
                out_ctx.append(c)
    return modes, out_ctx


def scale(event: str, modes: list[str]) -> float | None:
    scores, _ = vocabulary()
    if modes and (event, modes[0]) in scores:
        return scores[(event, modes[0])]
    return scores.get((event, ""))


def record(rec: dict) -> dict | None:
    """One export record in PLOVER's JSON event format, or None when PLOVER does not code it."""
    from .export import _country_name

    plover = rec.get("plover") or {}
    event = plover.get("event")
    if not event or (event, "") not in vocabulary()[0]:
        return None
    src, tgt = entity(rec.get("source")), entity(rec.get("target"))
    if src is None:
        return None
    if reciprocal(rec):
        same = tgt is not None and (tgt["code"], tgt["identifier_text"]) == (src["code"], src["identifier_text"])
        actors, recipients = [src] + ([tgt] if tgt and not same else []), []
    else:
        actors, recipients = [src], [tgt] if tgt else []
    modes, contexts = mode_and_context(event, plover.get("mode"), plover.get("context"))
    mod = rec.get("modality") or {}
    for flag, name in (("future", "future"), ("hypothetical", "hypothetical"), ("negated", "negation")):
        if mod.get(flag):
            contexts.append(name)
    if rec.get("historical"):
        contexts.append("historical")
    ev = rec.get("evidence") or {}
    loc = rec.get("location")
    day = rec.get("date") or (rec.get("published") or "")[:10] or None
    url = rec.get("url") if (rec.get("url") or "").startswith(("http://", "https://")) else None
    return {
        "id": rec.get("dedup_id") or rec.get("event_id"),
        "date": day,
        "enddate": rec.get("date_end"),
        "actor": actors,
        "recipient": recipients,
        "event": [event],
        "event_text": [ev["trigger"]] if ev.get("trigger") else [],
        "quad_code": rec.get("quad_class"),
        "event_scale": scale(event, modes),
        "mode": modes,
        "context": contexts,
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
        "cite_info": {"url": url, "citation": rec.get("first_article_id") or rec.get("article_id"),
                      "coder": "whimbrel", "codebook": "PLOVER (CAMEO-coded, mapped)",
                      "version": rec.get("coder_version")},
        "coder": f"whimbrel {rec.get('coder_version') or ''}".strip(),
        "coded_date": (rec.get("date_added") or "")[:10],
        "comment": None,
        # whimbrel's own fields (PLOVER lets providers add named fields)
        "cameo": rec.get("cameo"),
        "goldstein": rec.get("goldstein"),
        "modality": rec.get("modality"),
        "num_mentions": rec.get("num_mentions"),
        "num_articles": rec.get("num_articles"),
        "num_sources": rec.get("num_sources"),
        "event_id": rec.get("event_id"),
        "article_id": rec.get("article_id"),
    }


def validate(rec: dict) -> list[str]:
    """Problems with one PLOVER record against the manual's fields and vocabulary ([] when valid)."""
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
    scores, contexts = vocabulary()
    events = rec.get("event") or []
    if isinstance(events, list):
        if not events:
            problems.append("'event' is empty")
        for ev in events:
            if (ev, "") not in scores:
                problems.append(f"event {ev!r} is not a PLOVER category")
        for mode in rec.get("mode") or []:
            if not any((ev, mode) in scores for ev in events):
                problems.append(f"mode {mode!r} is not a mode of {events}")
    for c in rec.get("context") or []:
        if c not in contexts and c not in ("future", "hypothetical", "historical", "negation"):
            problems.append(f"context {c!r} is not a PLOVER context")
    if events and isinstance(rec.get("event_scale"), (int, float)):
        modes = rec.get("mode") or []
        if rec["event_scale"] != scale(events[0], modes):
            problems.append(f"event_scale {rec['event_scale']} is not PLOVER's score for {events[0]} {modes}")
    if not rec.get("actor"):
        problems.append("no actor")
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
            code = ent.get("code")
            if code and code not in INTERNATIONAL and code not in _countries() and code != "KOS":
                problems.append(f"{side} code {code!r} is neither a country nor a PLOVER international entity")
            if ent.get("sector") is not None and ent["sector"] not in PLOVER_SECTORS:
                problems.append(f"{side} sector {ent['sector']!r} is not a PLOVER sector")
            qid = ent.get("identifier_id")
            if qid is not None and not (isinstance(qid, str) and qid[:1] == "Q" and qid[1:].isdigit()):
                problems.append(f"{side} identifier_id {qid!r} is not a Wikidata id")
    for name in ("event", "mode", "context", "event_text"):
        if any(not isinstance(v, str) for v in rec.get(name) or []):
            problems.append(f"{name!r} must be a list of strings")
    url = (rec.get("cite_info") or {}).get("url")
    if url is not None and not str(url).startswith(("http://", "https://")):
        problems.append(f"cite_info.url {url!r} is not a URL")
    return problems
