"""What it costs the writer to let go of the DuckDB file between batches (docs/database.md, Concurrency).

Grows a store to each size, then times batches of 32 articles (about 5 kB of
text and 3 events each) written the way `whimbrel ingest` does it (check the
batch, let go, write, let go: one open and one checkpointing close per batch)
against the same writes with the connection held. Medians of 5 batches.

    python bench/store_release.py                    # 3,000, 30,000 and 100,000 articles
    python bench/store_release.py --sizes 3000,10000
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "store"))

from eventdb_factory import article, document, event  # noqa: E402  (hand-made articles and events, no spaCy)

from whimbrel.store import Store  # noqa: E402

TEXT = "France criticised Germany over trade talks on Monday, officials said in a statement. " * 60


def batch(key: int, n: int = 32):
    docs = []
    for i in range(n):
        a = article(f"b{key}-{i}", f"{TEXT}{key * 1000 + i}")
        docs.append(document(a, [event(a, j, "FRA", "DEU", "112") for j in range(3)]))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="3000,30000,100000")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "grow.duckdb"
        store = Store(path)
        n = 0
        for target in (int(s) for s in args.sizes.split(",")):
            while n < target:
                store.write_batch(batch(n, 1000))
                n += 1000
            store.release()
            released, held = [], []
            for k in range(5):
                b = batch(10**7 + n + k)
                t = time.perf_counter()
                store.stored_hashes(d.article.id for d in b)
                store.release()
                store.write_batch(b)
                store.release()
                released.append(time.perf_counter() - t)
                n += 32
            for k in range(5):
                b = batch(2 * 10**7 + n + k)
                t = time.perf_counter()
                store.stored_hashes(d.article.id for d in b)
                store.write_batch(b)
                held.append(time.perf_counter() - t)
                n += 32
            store.release()
            print(f"{n:>7,} articles ({os.path.getsize(path) / 1e6:.0f} MB): batch of 32 "
                  f"{sorted(released)[2] * 1000:.0f} ms letting go of the file, "
                  f"{sorted(held)[2] * 1000:.0f} ms holding it", flush=True)
        store.close()


if __name__ == "__main__":
    main()
