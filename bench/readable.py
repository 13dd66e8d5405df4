"""Is the store readable while an ingest writes it? (issue 16, "Readable while it grows")

Starts `whimbrel ingest` on 300 articles (the Lee corpus from gensim's test
data, as in bench/throughput.py; synthetic sentences with --synthetic) and,
while it runs, runs `whimbrel events` N times (default 10), one after the
other with a short pause. Counts the reads that succeed, and how many of them
ran while the ingest was still going. The ingest's own time is printed too, so
that the cost of letting go of the file between batches shows.

    python bench/readable.py                    # --jobs 1, 10 reads
    python bench/readable.py --jobs 2 --reads 20
    PYTHONPATH=/path/to/other/src python bench/readable.py   # another checkout
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLI = [sys.executable, "-c", "from whimbrel.cli import main; main()"]


def lee_texts() -> list[str]:
    from importlib.util import find_spec

    spec = find_spec("gensim")
    if spec is None:
        sys.exit("gensim is not installed: `pip install gensim`, or pass --synthetic")
    path = Path(spec.origin).parent / "test" / "test_data" / "lee_background.cor"
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [ln.strip() for ln in lines if ln.strip()]


def synthetic_texts(n: int) -> list[str]:
    countries = ["France", "Germany", "Japan", "Brazil", "Kenya", "India", "Mexico", "Egypt", "Chile", "Norway"]
    verbs = ["criticised", "met", "accused", "praised", "threatened", "visited"]
    return [f"{countries[i % 10]} {verbs[i % 6]} {countries[(i * 3 + 1) % 10]} on Monday, report {i} said. "
            f"Talks between them will resume next week in Geneva." for i in range(n)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--reads", type=int, default=10)
    ap.add_argument("--pause", type=float, default=0.5, help="seconds between reads")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=None)
    ap.add_argument("--synthetic", action="store_true", help="synthetic sentences instead of the Lee corpus")
    args = ap.parse_args()

    texts = synthetic_texts(args.articles) if args.synthetic else lee_texts()
    texts = (texts * (args.articles // max(1, len(texts)) + 1))[: args.articles]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for i, t in enumerate(texts):
                fh.write(json.dumps({"id": f"a{i:04d}", "published": "2002-01-01", "text": t}) + "\n")
        db = Path(tmp) / "grow.duckdb"
        cmd = [*CLI, "ingest", str(corpus), "--db", str(db), "--jobs", str(args.jobs)]
        if args.batch_size:
            cmd += ["--batch-size", str(args.batch_size)]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        t0 = time.perf_counter()
        writer = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for line in writer.stderr:  # wait for the first stored batch
            if line.startswith("batch "):
                break
        results = []
        for _ in range(args.reads):
            running = writer.poll() is None
            r0 = time.perf_counter()
            read = subprocess.run([*CLI, "events", "--db", str(db), "--json"], capture_output=True,
                                  text=True, env=env)
            results.append({"ok": read.returncode == 0, "during_ingest": running,
                            "events": len(read.stdout.splitlines()), "seconds": time.perf_counter() - r0,
                            "error": read.stderr.strip()[-200:]})
            time.sleep(args.pause)
        rest = writer.stderr.read()
        writer.wait()
        ingest_s = time.perf_counter() - t0
        summary = writer.stdout.read().strip()
    ok = sum(r["ok"] for r in results)
    during = [r for r in results if r["during_ingest"]]
    print(f"ingest: {summary or rest.strip()[-200:]} (wall {ingest_s:.1f} s, --jobs {args.jobs}, exit {writer.returncode})")
    print(f"whimbrel events: {ok}/{len(results)} succeeded; {sum(r['ok'] for r in during)}/{len(during)} "
          f"of those run while the ingest was writing")
    for n, r in enumerate(results, 1):
        state = "ok " if r["ok"] else "ERR"
        print(f"  read {n:2d}: {state} {r['events']:5d} events, {r['seconds']:.2f} s"
              f"{'  (during ingest)' if r['during_ingest'] else ''}{'  ' + r['error'] if not r['ok'] else ''}")


if __name__ == "__main__":
    main()
