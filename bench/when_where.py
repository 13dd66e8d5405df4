"""Cost of date and place resolution next to the rest of coding, measured in one run.

The same articles are parsed with spaCy and run through the "actors" and
"events" stages, then through "when" and "where"; each part is timed on the
same documents, side by side, and repeated. The number that matters is

    added = time(when + where) / time(parse + actors + events)

which must stay under 0.10. A second measure runs ``Pipeline.pipe`` end to end
with and without the two stages (alternating, same articles) and prints the
ratio of the totals (in chunks of ten articles, alternating which goes first);
it includes spaCy's run-to-run noise and any other load on the machine.

Texts: the Lee corpus of ABC news articles when gensim (and its test data) is
installed, else the bundled example article and the PLOVER dev sentences
grouped ten to an article. The gazetteer is loaded once before timing (its
load time is printed separately).

Usage: python bench/when_where.py [--repeat 3] [--limit 150]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PUB = dt.datetime(2001, 11, 28, 9, 0)  # a Wednesday; the Lee articles carry no dates


def corpus(limit: int):
    from whimbrel.ingest import article_from_text

    texts = []
    try:
        import os

        import gensim

        lee = Path(os.path.dirname(gensim.__file__)) / "test" / "test_data" / "lee_background.cor"
        texts = [line.strip() for line in lee.read_text(encoding="latin-1").splitlines() if line.strip()]
        source = "Lee corpus (gensim test data)"
    except (ImportError, OSError):
        gold = json.loads((ROOT / "tests" / "data" / "gold" / "plover_gsr_cameo_dev.json").read_text())
        sents = [r.get("text") or r.get("sentence") or "" for r in gold]
        texts = [" ".join(sents[i:i + 10]) for i in range(0, len(sents), 10)]
        source = "PLOVER dev sentences, ten per article"
    example = (ROOT / "src" / "whimbrel" / "data" / "examples" / "scmp-2018-11-05-kim-diaz-canel.txt").read_text()
    arts = [article_from_text(example, id="example", published="2018-11-05T20:04")]
    arts += [article_from_text(t, id=f"a{i}", published=PUB) for i, t in enumerate(texts[: max(0, limit - 1)])]
    return arts, source


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int, default=150, help="number of articles")
    args = ap.parse_args()

    from whimbrel.model import Document
    from whimbrel.nlp import attach
    from whimbrel.pipeline import Pipeline
    from whimbrel.settings import Settings
    from whimbrel.where.gazetteer import default_gazetteer

    settings = Settings.from_env()
    t = time.perf_counter()
    default_gazetteer()
    gaz_load = time.perf_counter() - t
    full = Pipeline.load(settings)
    base = Pipeline.load(settings, stages=("actors", "events"))
    arts, source = corpus(args.limit)
    words = sum(len(a.text.split()) for a in arts)
    print(f"{len(arts)} articles, {words} words ({source}); gazetteer load {gaz_load:.2f}s (once per process)")

    stages = {st.name: st for st in full.stages}
    parse_t = ae_t = ww_t = 0.0
    rules = collections.Counter()
    n_events = 0
    for r in range(args.repeat):
        t = time.perf_counter()
        docs = [attach(Document(article=a), d) for a, d in zip(arts, full.nlp.pipe(a.text for a in arts))]
        parse_t += time.perf_counter() - t
        t = time.perf_counter()
        for d in docs:
            stages["actors"](d)
            stages["events"](d)
        ae_t += time.perf_counter() - t
        t = time.perf_counter()
        for d in docs:
            stages["when"](d)
            stages["where"](d)
        ww_t += time.perf_counter() - t
        if r == 0:
            for d in docs:
                n_events += len(d.events)
                for rule, _ in d.extras.get("when", {}).values():
                    rules["date:" + rule] += 1
                for rule, _ in d.extras.get("where", {}).values():
                    rules["place:" + rule] += 1
    per = 1000 / (args.repeat * len(arts))
    print(f"per article: parse {parse_t * per:.1f} ms, actors+events {ae_t * per:.1f} ms, when+where {ww_t * per:.2f} ms")
    print(f"added by when+where: {ww_t / (parse_t + ae_t):.3f} of parse+actors+events (budget 0.10)")

    # end to end, same articles, in chunks of ten, alternating which pipeline goes first
    # (other load on the machine then hits both about equally)
    with_t = without_t = 0.0
    chunks = [arts[i:i + 10] for i in range(0, len(arts), 10)]
    for r in range(args.repeat):
        for k, chunk in enumerate(chunks):
            order = (base, full) if (k + r) % 2 == 0 else (full, base)
            for pipe in order:
                t = time.perf_counter()
                for _ in pipe.pipe(chunk):
                    pass
                if pipe is full:
                    with_t += time.perf_counter() - t
                else:
                    without_t += time.perf_counter() - t
    print(f"end to end: with when+where {with_t:.2f}s, without {without_t:.2f}s, ratio {with_t / without_t:.3f}")
    print(f"{n_events} events; rules: " + ", ".join(f"{k} {v}" for k, v in sorted(rules.items())))


if __name__ == "__main__":
    main()
