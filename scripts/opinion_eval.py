"""Rules alone vs rules + opinion model, measured in one run; and the reliability of `confidence`.

    python scripts/opinion_eval.py GOLD [--split even|odd]          # scores of both, side by side
    python scripts/opinion_eval.py GOLD --split odd --reliability   # + confidence bins (both runs)

Prints scores only (no sentences, misses or extras), so it may be run on the check
half of PLV. An event's type counts as right when it is one of its sentence's (or
document's) gold types (PLV: YIELD covers CONCEDE and RETREAT); PLV rows are not
exhaustive, so these precisions are lower bounds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from whimbrel.evaluate import _article, _type_name, load_gold, score  # noqa: E402
from whimbrel.events.lexicon import load_lexicon  # noqa: E402
from whimbrel.model import Failure  # noqa: E402
from whimbrel.pipeline import Pipeline  # noqa: E402
from whimbrel.settings import Settings  # noqa: E402

BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def run(docs, *, opinion: bool):
    pipe = Pipeline.load(Settings.from_env(opinion=opinion))
    pred = {}
    for d, res in zip(docs, pipe.pipe(_article(d) for d in docs)):
        pred[d.id] = [] if isinstance(res, Failure) else list(res.events)
    return pred, pipe


def reliability(docs, pred) -> list[tuple[str, int, float]]:
    plv = any(g.plover in (("CONCEDE", "RETREAT"),) for d in docs for g in d.events)
    rows = []
    lex = load_lexicon()
    for d in docs:
        gold = set()
        for g in d.events:
            types = g.plover or tuple({i.plover.event for c in g.cameo if (i := lex.info(c)) and i.plover.event})
            gold |= {_type_name((t,), plv=plv) for t in types} | ({_type_name(g.plover, plv=plv)} if g.plover else set())
        for e in pred[d.id]:
            if e.plover.event:
                rows.append((e.confidence, _type_name((e.plover.event,), plv=plv) in gold, e.type_source))
    out = []
    for lo, hi in zip(BINS, BINS[1:]):
        b = [ok for c, ok, _ in rows if lo <= c < hi]
        out.append((f"[{lo:.1f}, {min(hi, 1.0):.1f}{']' if hi > 1 else ')'}", len(b), sum(b) / len(b) if b else float("nan")))
    hi = [ok for c, ok, _ in rows if c >= 0.8]
    out.append(("confidence >= 0.8", len(hi), sum(hi) / len(hi) if hi else float("nan")))
    for src in ("both", "lexicon", "model"):
        b = [ok for _, ok, s in rows if s == src]
        if b:
            out.append((f"type_source={src}", len(b), sum(b) / len(b)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("--split", choices=["even", "odd"], default=None)
    ap.add_argument("--reliability", action="store_true", help="also print the confidence bins")
    args = ap.parse_args()
    docs = load_gold(args.gold, split=args.split)
    name = Path(args.gold).name + (f" ({args.split} half)" if args.split else "")
    print(f"{name}: {len(docs)} documents")
    results = {}
    for on in (False, True):
        pred, pipe = run(docs, opinion=on)
        rep = score(docs, pred, gold_name=name, cameo_info=load_lexicon().info)
        results[on] = (rep, pred)
    print(f"{'':<22}{'rules':>10}{'rules+model':>14}{'diff':>9}")

    def line(label, a, b):
        if a is None or b is None:
            return
        print(f"{label:<22}{a:>10.4f}{b:>14.4f}{b - a:>+9.4f}")

    r0, r1 = results[False][0], results[True][0]
    if r0.spans and r1.spans:
        for k in ("type_f1", "type_precision", "type_recall", "source_recall", "dyad_recall"):
            line("PLV " + k, r0.spans.as_dict()[k], r1.spans.as_dict()[k])
    for level in ("dyad_root", "full", "plover", "source_plover"):
        a, b = r0.levels.get(level), r1.levels.get(level)
        if a is not None and b is not None:
            line(f"{level} F1", a.f1, b.f1)
    n0 = sum(len(v) for v in results[False][1].values())
    n1 = sum(len(v) for v in results[True][1].values())
    print(f"{'events':<22}{n0:>10}{n1:>14}{n1 - n0:>+9}")
    if args.reliability:
        for on in (False, True):
            print(f"\nreliability of confidence, {'rules + model' if on else 'rules alone'} (events, share with a right type):")
            for label, n, prec in reliability(docs, results[on][1]):
                print(f"  {label:<22}{n:>6}  {prec:.3f}")


if __name__ == "__main__":
    main()
