"""Build a corpus of syndicated copies from the Lee corpus (gensim's test data), as JSONL.

Each original news article (near-duplicates inside the Lee corpus removed) gets ``--copies`` wire copies from other outlets,
each edited the way syndication edits: a rewritten headline, a dateline and
byline, a sentence dropped or the last one cut, a few words swapped for
synonyms, an agency tag line, and a publication time 0-36 hours later. Every
record carries ``family`` (the original's id) so that clustering can be
checked. With ``--n`` the corpus is repeated with fresh variations until it
has that many articles (for the scale benchmark): every article has its own
text, so none is skipped as already stored.

Requires gensim at build time only (``pip install gensim``): the Lee corpus
ships in its wheel (test_data/lee_background.cor, 300 ABC news articles;
gensim is LGPL-2.1, the corpus is distributed with it for testing).

Usage:
    python scripts/make_syndicated_corpus.py --out /tmp/syndicated.jsonl            # 300 x (1 + 3)
    python scripts/make_syndicated_corpus.py --out /tmp/scale.jsonl --n 10000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
from collections.abc import Iterator

OUTLETS = ("Reuters", "AP", "AFP", "Bloomberg", "The Guardian", "ABC News", "Sydney Morning Herald",
           "Xinhua", "Al Jazeera", "BBC")
CITIES = ("SYDNEY", "CANBERRA", "MELBOURNE", "LONDON", "WASHINGTON", "JERUSALEM", "KABUL", "NEW YORK")
SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "people": "residents", "government": "administration",
    "killed": "left dead", "attack": "assault", "attacks": "assaults", "police": "officers",
    "minister": "minister", "today": "on Tuesday", "yesterday": "on Monday", "huge": "massive",
    "big": "large", "strong": "powerful", "officials": "authorities", "help": "assist", "began": "started",
    "leader": "chief", "talks": "negotiations", "announced": "declared", "military": "armed forces",
    "warned": "cautioned", "expected": "anticipated", "near": "close to", "about": "around",
}
BASE_DATE = dt.datetime(2001, 12, 1, 6, 0)


def lee_documents(*, distinct: bool = True) -> list[str]:
    """The Lee background-corpus articles (one per line in gensim's test data).

    The corpus itself holds 11 pairs of duplicates or near-duplicates (MinHash
    Jaccard >= 0.5). With ``distinct`` (default) an article is dropped when its
    Jaccard with an earlier kept one is 0.3 or more, so each family below is a
    distinct original (289 remain).
    """
    import gensim

    path = os.path.join(os.path.dirname(gensim.__file__), "test", "test_data", "lee_background.cor")
    with open(path, encoding="latin-1") as f:
        docs = [line.strip() for line in f if line.strip()]
    if not distinct:
        return docs
    from whimbrel.store.clusters import jaccard, signatures

    sigs = signatures(docs)
    kept: list[int] = []
    for i, sig in enumerate(sigs):
        if all(jaccard(sig, sigs[j]) < 0.3 for j in kept):
            kept.append(i)
    return [docs[i] for i in kept]


_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def sentences(text: str) -> list[str]:
    return [s for s in _SENT.split(text) if s]


def headline(text: str) -> str:
    first = sentences(text)[0]
    words = first.split()
    return " ".join(words[:12]).rstrip(",.;:")


def variant(text: str, rng: random.Random, outlet: str) -> tuple[str, str]:
    """A syndicated copy of ``text``: (title, text)."""
    sents = sentences(text)
    if len(sents) > 4 and rng.random() < 0.6:
        sents = sents[:-1]  # the last sentence cut for length
    if len(sents) > 5 and rng.random() < 0.4:
        del sents[rng.randrange(2, len(sents) - 1)]  # a middle sentence dropped

    def swap(m: re.Match) -> str:
        w = m.group(0)
        rep = SYNONYMS.get(w.lower())
        return rep if rep and rng.random() < 0.35 else w

    sents = [re.sub(r"[A-Za-z]+", swap, s) for s in sents]
    head = headline(text)
    style = rng.randrange(3)
    if style == 0:
        title = head.upper()
    elif style == 1:
        title = f"{head} - {outlet}"
    else:
        title = "UPDATE 1-" + head
    dateline = f"{rng.choice(CITIES)}, {outlet} -"
    paras = [title, f"By {outlet} staff", f"{dateline} {' '.join(sents[:2])}"]
    rest = sents[2:]
    while rest:
        k = rng.randint(1, 3)
        paras.append(" ".join(rest[:k]))
        rest = rest[k:]
    paras.append(f"({outlet}; editing by the {outlet} desk)")
    return title, "\n\n".join(paras)


def build(*, copies: int = 3, originals: int | None = None, n: int | None = None,
          seed: int = 13) -> Iterator[dict]:
    """Originals with their copies; with ``n``, repeat with fresh variations up to n records."""
    docs = lee_documents()[:originals] if originals else lee_documents()
    rng = random.Random(seed)
    produced = 0
    rnd = 0
    while True:
        for i, text in enumerate(docs):
            family = f"lee-{i:03d}"
            published = BASE_DATE + dt.timedelta(days=i // 3)
            group = []
            if rnd == 0:
                group.append({"id": family, "title": headline(text), "source": "ABC",
                              "url": f"https://abc.example/news/{family}",
                              "published": published.isoformat(timespec="minutes"),
                              "text": f"{headline(text)}\n\n{text}", "family": family})
            for k in range(copies):
                outlet = rng.choice(OUTLETS)
                title, body = variant(text, rng, outlet)
                cid = f"{family}-r{rnd}-c{k}"
                when = published + dt.timedelta(hours=rng.randint(0, 36))
                group.append({"id": cid, "title": title, "source": outlet,
                              "url": f"https://{outlet.lower().replace(' ', '')}.example/{cid}",
                              "published": when.isoformat(timespec="minutes"), "text": body, "family": family})
            for rec in group:
                yield rec
                produced += 1
                if n is not None and produced >= n:
                    return
        rnd += 1
        if n is None:
            return


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, help="JSONL file to write")
    ap.add_argument("--copies", type=int, default=3, help="syndicated copies per original (default 3)")
    ap.add_argument("--originals", type=int, default=None, help="use only the first N Lee articles")
    ap.add_argument("--n", type=int, default=None, help="repeat with variations up to N records")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    count = 0
    with open(args.out, "w", encoding="utf-8") as f:
        for rec in build(copies=args.copies, originals=args.originals, n=args.n, seed=args.seed):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            count += 1
    print(f"wrote {count} articles to {args.out}")


if __name__ == "__main__":
    main()
