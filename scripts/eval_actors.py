"""Root-code accuracy of the actor stage on the source actors of a PLOVER gold file.

Usage: python scripts/eval_actors.py [tests/data/gold/plover_gsr_cameo_dev.json] [--misses]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from whimbrel.actors.evaluate import load_records, score_sources
from whimbrel.pipeline import Pipeline
from whimbrel.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default=str(ROOT / "tests" / "data" / "gold" / "plover_gsr_cameo_dev.json"))
    ap.add_argument("--misses", action="store_true", help="list every miss")
    args = ap.parse_args()
    pipe = Pipeline.load(Settings.from_env(), stages=("actors",))
    s = score_sources(pipe, load_records(args.gold))
    print(f"source actors: {s.right}/{s.total} root right = {s.accuracy:.3f}")
    for cat, n in s.by_category().most_common():
        print(f"  {cat}: {n}")
    if args.misses:
        for m in s.misses:
            print(f"- [{m['category']}] {m['actorText']!r} gold {m['gold']} got {m['got']} :: {m['text'][:110]}")


if __name__ == "__main__":
    main()
