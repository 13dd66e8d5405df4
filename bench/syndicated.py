"""Syndicated copies: do story clusters recover each original, and how much does dedup deflate event counts?

Builds the corpus with scripts/make_syndicated_corpus.py (Lee corpus originals
plus edited wire copies; needs gensim), then

1. clustering (no spaCy): stores the articles, builds MinHash story clusters
   and checks that each original's family is exactly one cluster; prints the
   similarity margin (lowest within-family vs highest across-family Jaccard);
2. events (unless --clusters-only): ingests the corpus with the full pipeline
   (`whimbrel ingest --jobs N`), runs `whimbrel dedup`, and prints two figures,
   named apart:

   * ``copy_inflation`` (issue 12's measure): deduplicated events of the
     originals plus their copies / deduplicated events of the originals alone
     (a copy of the database with the copies deleted, deduplicated again).
     1.0 means the copies added no event; the goal is <= 1.10;
   * ``raw_over_dedup`` (the older figure): raw events / deduplicated events.

   It also counts the events only copies report, by why they did not join an
   original's event (``copy_only_events``).

Usage: python bench/syndicated.py [--originals 100] [--copies 3] [--jobs 2] [--clusters-only]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))


def clustering(records: list[dict], workdir: Path, threshold: float) -> dict:
    from whimbrel.ingest import article_from_text
    from whimbrel.model import Document
    from whimbrel.store import Store, clusters

    family = {r["id"]: r["family"] for r in records}
    with Store(workdir / "clusters.duckdb") as st:
        for r in records:
            art = article_from_text(r["text"], id=r["id"], published=r["published"], title=r["title"])
            art = dataclasses.replace(art, source=r["source"], url=r["url"])
            st.write_document(Document(article=art))
        t0 = time.perf_counter()
        stats = clusters.build_clusters(st.con, threshold=threshold, rebuild=True)
        secs = time.perf_counter() - t0
        assign = dict(st.con.execute("SELECT article_id, cluster_id FROM article_cluster").fetchall())
        sig_rows = st.con.execute("SELECT article_id, signature FROM article_minhash ORDER BY article_id").fetchall()
    by_cluster, by_family = defaultdict(set), defaultdict(set)
    for aid, cid in assign.items():
        by_cluster[cid].add(family[aid])
        by_family[family[aid]].add(cid)
    mixed = sum(1 for fams in by_cluster.values() if len(fams) > 1)
    split = sum(1 for cids in by_family.values() if len(cids) > 1)
    ids = [r[0] for r in sig_rows]
    sigs = np.stack([np.frombuffer(r[1], dtype="<u8") for r in sig_rows])
    fam = np.array([family[i] for i in ids])
    within_min, across_max = 1.0, 0.0
    for i in range(len(ids)):
        sim = (sigs[i + 1:] == sigs[i]).mean(axis=1)
        same = fam[i + 1:] == fam[i]
        if same.any():
            within_min = min(within_min, float(sim[same].min()))
        if (~same).any():
            across_max = max(across_max, float(sim[~same].max()))
    return {
        "articles": len(records), "families": len(by_family), "clusters": len(by_cluster),
        "families_in_one_cluster": len(by_family) - split, "clusters_mixing_families": mixed,
        "within_family_min_jaccard": round(within_min, 3), "across_family_max_jaccard": round(across_max, 3),
        "threshold": threshold, "cluster_seconds": round(secs, 2), "signed": stats.signed,
    }


WHIMBREL = [sys.executable, "-c", "from whimbrel.cli import main; main()"]


def events(jsonl: Path, workdir: Path, jobs: int) -> dict:
    db = workdir / "events.duckdb"
    t0 = time.perf_counter()
    subprocess.run([*WHIMBREL, "ingest", "--db", str(db), "--jobs", str(jobs),
                    str(jsonl)], check=True, stdout=subprocess.DEVNULL)
    ingest_s = time.perf_counter() - t0
    out = subprocess.run([*WHIMBREL, "dedup", "--db", str(db), "--json"],
                         check=True, capture_output=True, text=True).stdout
    st = json.loads(out)
    st["raw_over_dedup"] = st.pop("inflation")
    st["ingest_seconds"] = round(ingest_s, 1)
    alone = originals_alone(db, workdir)
    st["originals_alone"] = alone
    st["copy_inflation"] = round(st["events"] / alone["events"], 3) if alone["events"] else None
    st.update(agreement(db))
    return st


def originals_alone(db: Path, workdir: Path) -> dict:
    """Deduplicated events of the originals alone: a copy of the database without the copies."""
    import shutil

    from whimbrel.store import Store, dedup

    alone = workdir / "originals.duckdb"
    shutil.copy(db, alone)
    with Store(alone) as store:
        for table in ("events", "articles", "article_minhash"):
            store.con.execute(f"DELETE FROM {table} WHERE article_id LIKE '%-r%'")
        st = dedup.rebuild(store.con)
    return {"raw_events": st.raw_events, "events": st.events}


def _why_apart(con) -> dict:
    """Events reported only by copies, by the first reason they stayed apart from the original's."""
    import re
    from collections import Counter

    rows = con.execute(
        "SELECT m.dedup_id, split_part(e.article_id, '-r', 1), e.article_id NOT LIKE '%-r%', "
        "coalesce(e.source_code, '---'), coalesce(e.target_code, '---'), e.cameo, e.date, e.date_end, "
        "json_extract_string(e.record, '$.evidence.sentence') FROM events e JOIN event_mentions m USING (event_id)"
    ).fetchall()
    words = lambda s: set(re.findall(r"\w+", (s or "").lower()))  # noqa: E731
    members: dict = defaultdict(list)
    originals: dict = defaultdict(list)
    for row in rows:
        members[row[0]].append(row)
        if row[2]:
            originals[row[1]].append(row)
    why: Counter = Counter()
    for mem in members.values():
        if any(m[2] for m in mem):
            continue
        r = mem[0]
        cands = [o for o in originals.get(r[1], []) if len(words(o[8]) & words(r[8])) >= 0.6 * max(1, min(
            len(words(o[8])), len(words(r[8]))))]
        if not cands:
            why["the original coded nothing in that sentence"] += 1
        elif not any(o[5][:2] == r[5][:2] for o in cands):
            why["another CAMEO root"] += 1
        elif not any({o[3][:3], o[4][:3]} & ({r[3][:3], r[4][:3]} - {"---"}) for o in cands):
            why["other actor roots"] += 1
        elif not any((o[6], o[7]) == (r[6], r[7]) for o in cands):
            why["another date"] += 1
        else:
            why["other (modality, place, direction)"] += 1
    return dict(why.most_common())


def agreement(db: Path) -> dict:
    """How many copy reports joined an event the original also reported, and inflation with 1 day of slack."""
    from whimbrel.store import Store, dedup

    with Store(db) as store:
        con = store.con
        row = con.execute(
            "WITH m AS (SELECT event_id, dedup_id, article_id, split_part(article_id, '-r', 1) AS family, "
            "  article_id NOT LIKE '%-r%' AS is_original FROM event_mentions), "
            "orig AS (SELECT DISTINCT dedup_id FROM m WHERE is_original) "
            "SELECT count(*) FILTER (WHERE NOT is_original), "
            "       count(*) FILTER (WHERE NOT is_original AND dedup_id IN (SELECT dedup_id FROM orig)), "
            "       count(*) FILTER (WHERE is_original) FROM m"
        ).fetchone()
        copies, joined, originals = row
        failures = con.execute("SELECT stage, count(*) FROM failures GROUP BY 1 ORDER BY 2 DESC").fetchall()
        apart = _why_apart(con)
        w1 = dedup.rebuild(con, window=1)
    return {"copy_reports": copies, "copy_reports_joining_an_original_event": joined,
            "original_reports": originals,
            "share_joined": round(joined / copies, 3) if copies else None,
            "copy_only_events": apart,
            "window1": {"events": w1.events, "raw_over_dedup": round(w1.inflation, 3)},
            "failures_by_stage": dict(failures)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--originals", type=int, default=None, help="first N Lee articles (default all 300)")
    ap.add_argument("--copies", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--threshold", type=float, default=None, help="default: clusters.DEFAULT_THRESHOLD")
    ap.add_argument("--clusters-only", action="store_true")
    ap.add_argument("--keep", default=None, metavar="DIR", help="keep the work files (databases) in DIR")
    args = ap.parse_args()
    from make_syndicated_corpus import build

    if args.threshold is None:
        from whimbrel.store.clusters import DEFAULT_THRESHOLD

        args.threshold = DEFAULT_THRESHOLD
    records = list(build(copies=args.copies, originals=args.originals))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.keep or tmp)
        work.mkdir(parents=True, exist_ok=True)
        jsonl = work / "syndicated.jsonl"
        with open(jsonl, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps({k: v for k, v in r.items() if k != "family"}) + "\n")
        report = {"when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                  "clustering": clustering(records, work, args.threshold)}
        if not args.clusters_only:
            report["events"] = events(jsonl, work, args.jobs)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
