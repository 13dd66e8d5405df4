"""Are the stored events of two checkouts byte-identical on the Lee corpus?

Each side ingests the Lee corpus (gensim's ``lee_background.cor``, as bench/throughput.py
builds it) into its own DuckDB file in a child process that imports whimbrel from that
side's ``src`` folder, then dumps the ``events`` table (every column, each value as text,
rows sorted) and the ``articles`` table (without ``run_id`` and ``ingested``, which differ
by run). The dumps are compared byte for byte.

    python bench/lee_identity.py --other-src ../main/src                  # --jobs 1, both sides
    python bench/lee_identity.py --other-src ../main/src --jobs 2
    python bench/lee_identity.py --other-src ../main/src --jobs 2 --warm  # this side with Workers started ahead

Exit status 0 when identical, 1 when not.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def child(corpus: Path, db: Path, out: Path, jobs: int, warm: bool) -> None:
    import duckdb

    from whimbrel.ingest import runner
    from whimbrel.settings import Settings
    from whimbrel.store import Store

    settings = Settings.from_env()
    workers = None
    if warm and jobs > 1:
        workers = runner.Workers(settings, jobs)
        workers.ready()
    kw = {"workers": workers} if workers is not None else {}
    with Store(db) as store:
        res = runner.ingest([str(corpus)], store=store, settings=settings, jobs=jobs, command="identity", **kw)
    if workers is not None:
        workers.close()
    con = duckdb.connect(str(db), read_only=True)
    events = sorted(json.dumps([str(v) for v in r]) for r in con.execute("SELECT * FROM events").fetchall())
    articles = sorted(json.dumps([str(v) for v in r]) for r in con.execute(
        "SELECT * EXCLUDE (run_id, ingested) FROM articles").fetchall())
    out.write_text("\n".join(["events"] + events + ["articles"] + articles) + "\n", encoding="utf-8")
    print(json.dumps({"events": res.n_events, "articles": res.n_articles, "failed": res.n_failed}))


def run_side(src: Path, corpus: Path, tmp: Path, name: str, jobs: int, warm: bool) -> tuple[dict, bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(src), os.environ.get("PYTHONPATH")]))}
    env.setdefault("OPENBLAS_NUM_THREADS", "1")
    out = tmp / f"{name}.txt"
    cmd = [sys.executable, __file__, "--child", "--corpus", str(corpus), "--db", str(tmp / f"{name}.duckdb"),
           "--out", str(out), "--jobs", str(jobs)] + (["--warm"] if warm else [])
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        sys.exit(f"{name} ({src}) failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1]), out.read_bytes()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--other-src", type=Path, help="the other checkout's src/ folder")
    ap.add_argument("--jobs", type=int, default=1, help="ingest --jobs for this side")
    ap.add_argument("--other-jobs", type=int, default=1, help="ingest --jobs for the other side (default 1)")
    ap.add_argument("--warm", action="store_true", help="this side: start the workers ahead (ingest.runner.Workers)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.corpus, args.db, args.out, args.jobs, args.warm)
        return
    if args.other_src is None:
        ap.error("--other-src is required")
    sys.path.insert(0, str(HERE))
    from throughput import lee_texts

    texts = lee_texts(install=False)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = tmp / "lee.jsonl"
        corpus.write_text("".join(json.dumps({"id": f"lee-0-{i:04d}", "text": t}) + "\n" for i, t in enumerate(texts)),
                          encoding="utf-8")
        this, a = run_side(HERE.parent / "src", corpus, tmp, "this", args.jobs, args.warm)
        other, b = run_side(args.other_src, corpus, tmp, "other", args.other_jobs, False)
    print(f"this  (--jobs {args.jobs}{', warm workers' if args.warm else ''}): {this}, "
          f"sha1 {hashlib.sha1(a).hexdigest()[:12]}")
    print(f"other (--jobs {args.other_jobs}, {args.other_src}): {other}, sha1 {hashlib.sha1(b).hexdigest()[:12]}")
    same = a == b
    print("identical" if same else "DIFFERENT")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
