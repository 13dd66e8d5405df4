"""PETRARCH's own unit suite coded with PETRARCH's dictionaries only (issue 19).

    PYTHONPATH=src python bench/petrdict_unit.py [--petrarch ../shared/reference/petrarch] [--json]
    PYTHONPATH=src python bench/petrdict_unit.py --events OTHER.json   # score another coder's output

``--events`` scores events coded elsewhere (for example by PETRARCH2 run from its own source;
see docs/coder.md) with the same rules instead of running whimbrel: a JSON object mapping each
record key (its id; ``ID#2`` for the second record reusing an id) to its list of
``[source, target, code]`` (or to ``{"events": [...], "note": ...}``, where a non-empty note says
why that coder gave nothing).

Codes ``PETR.UnitTest.records.xml`` with ``--only-dicts`` and the four ``PETR.Validate``
dictionaries, applying the file's <Config> records as ``whimbrel eval`` does, and reports:

* records exactly right: the record's set of (source code, target code, event code),
  with full actor codes, equals the gold set (a record with ``noevents`` or an expected
  ``error`` is right when nothing is coded);
* precision, recall and F1 on (source, target, full event code) with full actor codes;
* the same per category (DEMO, ACTOR, AGENT, ...), crashes, and why uncoded records gave nothing;
* the CPU time of reading the dictionaries (and of the full Phoenix set, for comparison).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
FILES = {"actors": "PETR.Validate.actors.txt", "agents": "PETR.Validate.agents.txt",
         "verbs": "PETR.Validate.verbs.txt", "discards": "PETR.Validate.discards.txt"}
PHOENIX = {"actors": ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                      "Phoenix.MilNonState.actors.txt"),
           "agents": ("Phoenix.agents.txt",), "verbs": ("CAMEO.2.0.txt",), "discards": ("Phoenix.discards.txt",)}
CATEGORIES = ("DEMO", "ACTOR", "AGENT", "COMPOUND", "DATE", "MODIFY", "PARSING", "PATTERN", "SYNSET", "VERB", "ERROR")


def record_key(rid: str, seen: dict) -> str:
    """A record's key: its id, or ``id#n`` for the n-th record reusing an id (the file has
    two ids, AGENTS-18 and AGENTS-19, each used by two different records)."""
    seen[rid] = seen.get(rid, 0) + 1
    return rid if seen[rid] == 1 else f"{rid}#{seen[rid]}"


def gold_sets(xml: Path) -> dict[str, tuple[str, set]]:
    """record key (see ``record_key``) -> (category, {(source, target, code)}), in file order."""
    out, seen = {}, {}
    for s in ET.parse(xml).getroot().iter("Sentence"):
        keys = set()
        for c in s.findall("EventCoding"):
            if c.get("eventcode") and not c.get("noevents"):
                keys.add((c.get("sourcecode") or "---", c.get("targetcode") or "---", c.get("eventcode")))
        cat = (s.get("category") or "").rstrip("S")  # one record says AGENTS
        out[record_key(s.get("id"), seen)] = (cat, keys)
    return out


def load_time(spec) -> float:
    from whimbrel.petrdict.load import load_dictionaries

    load_dictionaries.cache_clear()
    t = time.process_time()
    load_dictionaries(spec)
    return time.process_time() - t


def full_load(spec) -> tuple[float, float]:
    """(CPU, wall) seconds to read ``spec`` and build what coding needs from it, cold:
    the dictionaries, the actor knowledge base (no compiled cache) and the lexicon."""
    import tempfile

    from whimbrel.actors.kb import _cached
    from whimbrel.events.lexicon import load_lexicon
    from whimbrel.petrdict.load import load_dictionaries

    load_dictionaries.cache_clear()
    _cached.cache_clear()
    load_lexicon.cache_clear()
    old = os.environ.get("WHIMBREL_CACHE")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["WHIMBREL_CACHE"] = tmp
        t, w = time.process_time(), time.perf_counter()
        from whimbrel.actors.kb import load_kb

        load_kb((), dicts=spec)
        load_lexicon((), spec)
        out = time.process_time() - t, time.perf_counter() - w
    if old is None:
        os.environ.pop("WHIMBREL_CACHE", None)
    else:
        os.environ["WHIMBREL_CACHE"] = old
    _cached.cache_clear()
    return out


def tally(per: dict, cat: str, got: set, want: set) -> None:
    """Add one record's coded set ``got`` against its gold set ``want`` to ``per``."""
    for c in (cat, "ALL"):
        r = per[c]
        r["records"] += 1
        r["exact"] += got == want
        r["tp"] += len(got & want)
        r["pred"] += len(got)
        r["gold"] += len(want)


def f1(r: dict) -> tuple[float, float, float]:
    pr = r["tp"] / r["pred"] if r["pred"] else 0.0
    rc = r["tp"] / r["gold"] if r["gold"] else 0.0
    return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0)


def make_table(per: dict) -> dict:
    return {c: {**per[c], **dict(zip(("precision", "recall", "f1"), f1(per[c])))} for c in (*CATEGORIES, "ALL") if c in per}


def print_table(table: dict) -> None:
    print("\n| category | records | exact | exact % | P | R | F1 |\n|---|---|---|---|---|---|---|")
    for c, r in table.items():
        print(f"| {c} | {r['records']} | {r['exact']} | {r['exact'] / r['records']:.0%} | {r['precision']:.3f} | "
              f"{r['recall']:.3f} | {r['f1']:.3f} |")


def score_external(xml: Path, events: Path, as_json: bool) -> None:
    """Score another coder's events per record (``--events``) with the rules used for whimbrel."""
    try:
        data = json.loads(events.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        sys.exit(f"{events}: cannot read the events JSON ({e})")
    if not isinstance(data, dict):
        sys.exit(f"{events}: expected a JSON object of record id -> events")
    gold = gold_sets(xml)
    missing = sorted(set(gold) - set(data))
    if missing:
        sys.exit(f"{events}: no entry for {len(missing)} record(s) of {xml.name}, e.g. {missing[:3]}")
    per = defaultdict(lambda: {"records": 0, "exact": 0, "tp": 0, "pred": 0, "gold": 0})
    notes, wrong = {}, []
    for rid, (cat, want) in gold.items():
        entry = data[rid]
        evs, note = (entry.get("events", []), entry.get("note", "")) if isinstance(entry, dict) else (entry, "")
        if note:
            notes[rid] = note
        got = {(s or "---", t or "---", c) for s, t, c in evs}
        tally(per, cat, got, want)
        if got != want:
            wrong.append({"id": rid, "want": sorted(want), "got": sorted(got), "why": note})
    table = make_table(per)
    a = per["ALL"]
    if as_json:
        print(json.dumps({"records": a["records"], "exact": a["exact"], "table": table, "notes": notes,
                          "wrong": wrong}, indent=1))
        return
    print(f"{events.name} on {xml.name}: {a['exact']}/{a['records']} records exactly right "
          f"({a['exact'] / a['records']:.0%}); (source, target, full code) P {f1(a)[0]:.3f} R {f1(a)[1]:.3f} "
          f"F1 {f1(a)[2]:.3f}; records with a note (no coding) {len(notes)}")
    print_table(table)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--petrarch", type=Path, default=HERE.parent / "shared" / "reference" / "petrarch")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--events", type=Path, help="score this JSON of events per record id instead of running whimbrel")
    args = ap.parse_args()
    p = args.petrarch
    xml = p / "PETR.UnitTest.records.xml"
    if not xml.is_file():
        sys.exit(f"{xml} not found; give --petrarch DIR")
    if args.events:
        return score_external(xml, args.events, args.json)
    for k, f in FILES.items():
        os.environ[f"WHIMBREL_DICT_{k.upper()}"] = str(p / f)
    os.environ["WHIMBREL_ONLY_DICTS"] = "1"

    from whimbrel.evaluate import _article, apply_petrarch_options, load_gold
    from whimbrel.model import Failure
    from whimbrel.petrdict.load import DictSpec
    from whimbrel.pipeline import Pipeline
    from whimbrel.settings import Settings

    settings = Settings.from_env()
    t_validate = load_time(DictSpec.from_settings(settings))
    phoenix = DictSpec(*(tuple(str(p / f) for f in PHOENIX[k]) for k in ("actors", "agents", "verbs", "discards")))
    t_phoenix = load_time(phoenix) if all(Path(f).is_file() for f in phoenix.actors) else None
    phoenix_full = full_load(phoenix) if t_phoenix is not None else None

    docs = load_gold(xml)
    gold = gold_sets(xml)
    pipe = Pipeline.load(settings)
    t0 = time.perf_counter()
    results = list(pipe.pipe(_article(d) for d in docs))
    elapsed = time.perf_counter() - t0
    per = defaultdict(lambda: {"records": 0, "exact": 0, "tp": 0, "pred": 0, "gold": 0})
    crashes, uncoded, wrong = [], {}, []
    if len(gold) != len(docs) or any(k.split("#")[0] != d.id for k, d in zip(gold, docs)):
        sys.exit(f"{xml}: the records read for coding do not line up with the gold records")
    for key, d, res in zip(gold, docs, results):
        cat, want = gold[key]
        if isinstance(res, Failure):
            crashes.append(f"{key}: {res.reason}")
            evs = []
        else:
            evs = apply_petrarch_options(d, list(res.events))
            if not evs:
                uncoded[key] = "; ".join(sorted({str(w) for w in (res.extras.get("uncoded") or {}).values()})) or (
                    "require_dyad: events lack a source or target" if res.events else "no sentence to code")
        got = {(e.source.code if e.source else "---", e.target.code if e.target else "---", e.cameo) for e in evs}
        tally(per, cat, got, want)
        if got != want:
            wrong.append({"id": key, "want": sorted(want), "got": sorted(got), "why": uncoded.get(key, "")})

    table = make_table(per)
    out = {"records": len(docs), "exact": per["ALL"]["exact"], "table": table, "crashes": crashes,
           "uncoded": uncoded, "seconds_coding": round(elapsed, 2),
           "dict_load_cpu_seconds": {"PETR.Validate": round(t_validate, 3),
                                     "Phoenix (full)": round(t_phoenix, 3) if t_phoenix is not None else None},
           "phoenix_run_time_load_cold": {"cpu": round(phoenix_full[0], 2), "wall": round(phoenix_full[1], 2)}
           if phoenix_full else None,
           "wrong": wrong}
    if args.json:
        print(json.dumps(out, indent=1))
        return
    a = per["ALL"]
    print(f"PETR.UnitTest.records.xml, --only-dicts with PETR.Validate.*: {a['exact']}/{a['records']} records exactly "
          f"right ({a['exact'] / a['records']:.0%}); (source, target, full code) P {f1(a)[0]:.3f} R {f1(a)[1]:.3f} "
          f"F1 {f1(a)[2]:.3f}; crashes {len(crashes)}; records coded empty {len(uncoded)}")
    print(f"dictionary reading (CPU s): PETR.Validate {t_validate:.2f}, full Phoenix {t_phoenix if t_phoenix is None else round(t_phoenix, 2)}; coding {elapsed:.1f} s")
    if phoenix_full:
        print(f"full Phoenix at run time, cold (read + knowledge base + lexicon): CPU {phoenix_full[0]:.2f} s, "
              f"wall {phoenix_full[1]:.2f} s")
    print_table(table)


if __name__ == "__main__":
    main()
