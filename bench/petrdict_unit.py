"""PETRARCH's own unit suite coded with PETRARCH's dictionaries only (issue 19).

    PYTHONPATH=src python bench/petrdict_unit.py [--petrarch ../shared/reference/petrarch] [--json]

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


def gold_sets(xml: Path) -> dict[str, tuple[str, set]]:
    """record id -> (category, {(source, target, code)})."""
    out = {}
    for s in ET.parse(xml).getroot().iter("Sentence"):
        keys = set()
        for c in s.findall("EventCoding"):
            if c.get("eventcode") and not c.get("noevents"):
                keys.add((c.get("sourcecode") or "---", c.get("targetcode") or "---", c.get("eventcode")))
        cat = (s.get("category") or "").rstrip("S")  # one record says AGENTS
        out[s.get("id")] = (cat, keys)
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--petrarch", type=Path, default=HERE.parent / "shared" / "reference" / "petrarch")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    p = args.petrarch
    xml = p / "PETR.UnitTest.records.xml"
    if not xml.is_file():
        sys.exit(f"{xml} not found; give --petrarch DIR")
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
    for d, res in zip(docs, results):
        cat, want = gold[d.id]
        if isinstance(res, Failure):
            crashes.append(f"{d.id}: {res.reason}")
            evs = []
        else:
            evs = apply_petrarch_options(d, list(res.events))
            if not evs:
                uncoded[d.id] = "; ".join(sorted(set((res.extras.get("uncoded") or {}).values()))) or (
                    "require_dyad: events lack a source or target" if res.events else "no sentence to code")
        got = {(e.source.code if e.source else "---", e.target.code if e.target else "---", e.cameo) for e in evs}
        for c in (cat, "ALL"):
            r = per[c]
            r["records"] += 1
            r["exact"] += got == want
            r["tp"] += len(got & want)
            r["pred"] += len(got)
            r["gold"] += len(want)
        if got != want:
            wrong.append({"id": d.id, "want": sorted(want), "got": sorted(got), "why": uncoded.get(d.id, "")})

    def f1(r):
        pr = r["tp"] / r["pred"] if r["pred"] else 0.0
        rc = r["tp"] / r["gold"] if r["gold"] else 0.0
        return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0)

    table = {c: {**per[c], **dict(zip(("precision", "recall", "f1"), f1(per[c])))} for c in (*CATEGORIES, "ALL") if c in per}
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
    print(f"\n| category | records | exact | exact % | P | R | F1 |\n|---|---|---|---|---|---|---|")
    for c, r in table.items():
        print(f"| {c} | {r['records']} | {r['exact']} | {r['exact'] / r['records']:.0%} | {r['precision']:.3f} | "
              f"{r['recall']:.3f} | {r['f1']:.3f} |")


if __name__ == "__main__":
    main()
