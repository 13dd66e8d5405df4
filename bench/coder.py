#!/usr/bin/env python3
"""Time the event coder alone (no spaCy parse, no actor resolution).

Parses the texts once (spaCy + the actors stage), then runs only the ``events``
stage over the parsed documents several times and prints sentences/s.

Texts: the PLOVER dev gold sentences and the bundled example article (in the
repository), plus PETRARCH's unit-test sentences when ../shared is present; or,
with ``--lee``, the Lee corpus of ~300 real news articles from gensim's wheel.
Time is CPU time of this process (other load on the machine does not count).

    python bench/coder.py [--rounds 5] [--lee]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def lee_texts() -> list[tuple[str, str, bool]]:
    """The Lee corpus of real news (~300 articles) shipped in gensim's wheel, if installed."""
    try:
        import gensim
    except ImportError:
        raise SystemExit("--lee needs gensim (pip install gensim)") from None
    path = Path(gensim.__file__).parent / "test" / "test_data" / "lee_background.cor"
    lines = [ln.strip() for ln in path.read_text(encoding="latin-1").splitlines() if ln.strip()]
    return [(f"lee-{i}", ln, False) for i, ln in enumerate(lines)]


def texts() -> list[tuple[str, str, bool]]:
    from whimbrel.evaluate import load_gold

    out = []
    for path in [ROOT / "tests/data/gold/plover_gsr_cameo_dev.json", ROOT / "tests/data/gold/scmp-2018-11-05-kim-diaz-canel.gold.json",
                 Path("/work/shared/reference/petrarch/PETR.UnitTest.records.xml")]:
        if path.exists():
            out += [(d.id, d.text, d.article_text) for d in load_gold(path)]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--lee", action="store_true", help="time on the Lee news corpus (gensim) instead of the gold texts")
    args = ap.parse_args()

    from whimbrel.evaluate import GoldDoc, _article
    from whimbrel.model import Document
    from whimbrel.pipeline import Pipeline
    from whimbrel.settings import Settings

    settings = Settings.from_env()
    pipe = Pipeline.load(settings, stages=("actors",))
    coder = Pipeline.load(settings, stages=("actors", "events")).stages[-1]
    coder.lexicon  # load the lexicon before timing
    arts = [_article(GoldDoc(id=i, text=t, published=None, events=(), article_text=a)) for i, t, a in (lee_texts() if args.lee else texts())]
    docs = [d for d in pipe.pipe(arts) if isinstance(d, Document)]  # parsed and actors resolved, once
    n_sent = sum(len(d.sentences) for d in docs)
    best = None
    n_events = 0
    for _ in range(args.rounds):
        t0 = time.process_time()
        n_events = 0
        for d in docs:
            d.events = []
            coder(d)
            n_events += len(d.events)
        dt = time.process_time() - t0
        best = dt if best is None else min(best, dt)
    print(json.dumps({"documents": len(docs), "sentences": n_sent, "events": n_events, "best_cpu_seconds": round(best, 4),
                      "sentences_per_second": round(n_sent / best, 1), "rounds": args.rounds}))


if __name__ == "__main__":
    main()
