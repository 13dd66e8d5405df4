"""Different outlets in their own words (issue 12): 20 pairs of reports of one event must merge
(at least 16), 20 pairs of different events of the same kind between the same actors must not
(at most 1 wrongly merged). The texts are written for whimbrel: tests/data/dedup/make_outlet_pairs.py.

Runs the real pipeline (spaCy) on the 80 short articles, stores them, deduplicates, and counts
the pairs whose two articles' lead reports (headline or first paragraph, where each article
reports its event) share a deduplicated event. A background paragraph two outlets share is
one statement and may merge; it is not what the pair is about.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from whimbrel.ingest import read_path
from whimbrel.model import Document
from whimbrel.store import Store, dedup

DATA = Path(__file__).parents[1] / "data" / "dedup" / "outlet_pairs.jsonl"


def pair_outcomes(con, pair_of: dict[str, str]) -> dict[str, bool]:
    """pair -> True when its two articles' lead reports share at least one deduplicated event."""
    shared: dict[str, bool] = {p: False for p in set(pair_of.values())}
    by_event = defaultdict(set)
    for did, aid in con.execute("SELECT dedup_id, article_id FROM event_mentions WHERE in_lead").fetchall():
        by_event[did].add(aid)
    for arts in by_event.values():
        pairs = {pair_of[a] for a in arts if a in pair_of}
        for p in pairs:
            if sum(1 for a in arts if pair_of.get(a) == p) == 2:
                shared[p] = True
    return shared


@pytest.fixture(scope="module")
def outcomes(pipeline, tmp_path_factory):
    import json

    meta = {}
    with open(DATA, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            meta[rec["id"]] = rec
    articles = [a for a in read_path(str(DATA)) if not hasattr(a, "stage")]
    assert len(articles) == len(meta) == 80
    db = tmp_path_factory.mktemp("pairs") / "pairs.duckdb"
    with Store(db) as st:
        docs = [d for d in pipeline.pipe(articles) if isinstance(d, Document)]
        assert len(docs) == 80
        st.write_batch(docs)
        dedup.refresh(st.con)
        coded = {a for (a,) in st.con.execute("SELECT DISTINCT article_id FROM events").fetchall()}
        shared = pair_outcomes(st.con, {aid: r["pair"] for aid, r in meta.items()})
    same = {p: v for p, v in shared.items() if p.startswith("same")}
    different = {p: v for p, v in shared.items() if p.startswith("different")}
    print(f"\noutlet pairs: {sum(same.values())}/{len(same)} one-event pairs merged; "
          f"{sum(different.values())}/{len(different)} different-event pairs wrongly merged; "
          f"{len(coded)}/80 articles coded an event")
    print("  not merged:", sorted(p for p, v in same.items() if not v))
    print("  wrongly merged:", sorted(p for p, v in different.items() if v))
    return same, different


def test_one_event_pairs_merge(outcomes):
    same, _ = outcomes
    assert len(same) == 20
    assert sum(same.values()) >= 16, sorted(p for p, v in same.items() if not v)


def test_different_event_pairs_stay_apart(outcomes):
    _, different = outcomes
    assert len(different) == 20
    assert sum(different.values()) <= 1, sorted(p for p, v in different.items() if v)
