#!/usr/bin/env python3
"""Does precision rise with confidence? Precision per confidence bucket on gold files.

Each coded event is right when its key is among the gold keys of its document: the
(source root, target root, CAMEO root) key for gold with CAMEO codes (whimbrel sentence
and article gold), the (source root, PLOVER type) key for PLOVER gold with actor codes,
the PLOVER type for span-marked PLV rows (their rows are not exhaustive, so that
precision is a lower bound). Events matching an optional gold event are not counted.

    python scripts/confidence_buckets.py tests/data/gold/news_dev.jsonl ...
    python scripts/confidence_buckets.py --split even /work/shared/gold/dev/plv/plv_dev.tsv

Prints one table per file and one for all files together (markdown).
"""

from __future__ import annotations

import argparse
from pathlib import Path

EDGES = (0.0, 0.5, 0.6, 0.7, 0.8, 1.01)


def level_of(doc) -> str:
    if any(g.cameo for g in doc.events):
        return "dyad_root"
    if any(g.sources for g in doc.events):
        return "source_plover"
    return "plover"


def label(path: str, split: str | None, pipeline) -> list[tuple[float, bool]]:
    """(confidence, right?) for every scored event coded from the gold file's texts."""
    from whimbrel.evaluate import _article, event_key, gold_keys, load_gold
    from whimbrel.events.lexicon import load_lexicon

    docs = load_gold(path, split=split)
    info = load_lexicon(tuple(pipeline.settings.lexicon_files)).info
    out = []
    for d, res in zip(docs, pipeline.pipe(_article(d) for d in docs)):
        if not hasattr(res, "events"):
            continue
        level = level_of(d)
        allowed, optional = set(), set()
        for g in d.events:
            allowed |= gold_keys(g, level, info) or set()
        for g in d.optional:
            optional |= gold_keys(g, level, info) or set()
        for e in res.events:
            if level != "dyad_root" and not e.plover.event:
                continue  # no PLOVER type (01, 02): not scored at this level
            k = event_key(e, level)
            if k in allowed:
                out.append((e.confidence, True))
            elif k not in optional:
                out.append((e.confidence, False))
    return out


def table(rows: list[tuple[float, bool]], title: str) -> str:
    lines = [f"**{title}** ({len(rows)} events)", "", "| confidence | events | right | precision |", "|---|---|---|---|"]
    for lo, hi in zip(EDGES, EDGES[1:]):
        b = [ok for c, ok in rows if lo <= c < hi]
        p = f"{sum(b) / len(b):.2f}" if b else "-"
        lines.append(f"| {lo:.1f}-{min(hi, 1.0):.1f} | {len(b)} | {sum(b)} | {p} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--split", choices=["even", "odd"], default=None, help="score one half (PLV: by sentence_id parity)")
    args = ap.parse_args()
    from whimbrel.api import default_pipeline

    pipe = default_pipeline()
    everything = []
    for path in args.gold:
        rows = label(path, args.split, pipe)
        everything += rows
        print(table(rows, Path(path).name + (f" ({args.split} half)" if args.split else "")))
        print()
    if len(args.gold) > 1:
        print(table(everything, "all files"))


if __name__ == "__main__":
    main()
