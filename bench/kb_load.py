"""Actor knowledge base: load time and memory, and the actors stage's cost next to spaCy.

Each load is measured in a fresh subprocess: "cold" compiles the TSV files (first
run, or after an edit) into the cache; "warm" reads the cached index (every later
run). Then the actors stage is timed on the PLOVER dev sentences and the example
article, side by side with spaCy's own parse of the same texts, and the ratio is
printed.

Usage: python bench/kb_load.py [--repeat 3]
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

ROOT = Path(__file__).resolve().parents[1]

# time without tracemalloc (it slows allocation-heavy loading several times over);
# memory is the process's peak RSS, which includes the interpreter itself
CHILD = r"""
import json, resource, time
from whimbrel.actors import kb as kbmod
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t = time.perf_counter()
kb = kbmod.load_kb()
kb.lookup("Kim Jong-un")
elapsed = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "maxrss_mb": rss, "rss_added_mb": rss - before, **kb.stats}))
"""


def child(cache: str) -> dict:
    env = dict(os.environ, WHIMBREL_CACHE=cache)
    out = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def stage_cost(repeat: int) -> tuple[float, float, int]:
    import datetime as dt

    from whimbrel.actors.resolve import ActorStage
    from whimbrel.ingest import article_from_text
    from whimbrel.model import Document
    from whimbrel.nlp import attach, load
    from whimbrel.settings import Settings

    gold = json.loads((ROOT / "tests" / "data" / "gold" / "plover_gsr_cameo_dev.json").read_text(encoding="utf-8"))
    texts = [r["text"] for r in gold if r.get("text")]
    example = (ROOT / "src" / "whimbrel" / "data" / "examples" / "scmp-2018-11-05-kim-diaz-canel.txt").read_text(
        encoding="utf-8")
    texts += [example] * 10
    settings = Settings.from_env()
    nlp = load(settings.model)
    stage = ActorStage(settings)
    stage.kb  # load outside the timing
    arts = [article_from_text(t, published=dt.datetime(2018, 11, 5)) for t in texts]
    best_parse = best_actors = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        parsed = list(nlp.pipe(a.text for a in arts))
        best_parse = min(best_parse, time.perf_counter() - t)
        docs = [attach(Document(article=a), p) for a, p in zip(arts, parsed)]
        t = time.perf_counter()
        for d in docs:
            stage(d)
        best_actors = min(best_actors, time.perf_counter() - t)
    words = sum(len(t.split()) for t in texts)
    return best_parse, best_actors, words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        cold = child(cache)
        warm = min((child(cache) for _ in range(args.repeat)), key=lambda r: r["seconds"])
    print(f"KB: {warm['entries']} entries, {warm['names']} names, {warm['agents']} agent nouns")
    for label, r in (("cold (compile + write cache)", cold), ("warm (cached index)", warm)):
        print(f"  load {label:30s} {r['seconds']:.3f} s   process peak RSS {r['maxrss_mb']:.0f} MB "
              f"(+{r['rss_added_mb']:.0f} MB for the KB)")
    parse, actors, words = stage_cost(args.repeat)
    print(f"actors stage on {words} words: spaCy parse {parse:.3f} s, actors {actors:.3f} s, "
          f"actors/parse = {actors / parse:.3f}")
    ok = warm["seconds"] < 1.0 and warm["maxrss_mb"] < 300
    print("budget (warm load < 1 s and < 300 MB):", "met" if ok else "NOT met")


if __name__ == "__main__":
    main()
