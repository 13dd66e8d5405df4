"""Story clusters: near-duplicate articles (wire copies, light rewrites) grouped together.

Each article's text is cut into word 3-shingles (lower-cased word tokens, three
in a row) and summarised by a 128-permutation MinHash (datasketch). Signatures
are kept in ``article_minhash`` so a new article is compared with the stored
ones without re-reading them. Candidate pairs come from MinHash LSH; a pair is
accepted when the estimated Jaccard similarity of the two shingle sets is at
least ``threshold``; clusters are the connected components of accepted pairs.

Threshold (default 0.3), measured with bench/syndicated.py on 289 distinct
Lee-corpus articles, each with 3 syndicated copies (new headline, dateline,
byline and tag line, sentences dropped, up to a third of common words swapped
for synonyms): the lowest similarity between a copy and another member of its
family was 0.33, the highest between two different originals 0.12. At 0.3 all
289 families came out as exactly one cluster each, none mixed; at 0.5, 10
heavily edited copies were left on their own. Light edits (a new headline and
byline only) keep 0.8 or more.
"""

from __future__ import annotations

import functools
import re
import urllib.parse
from dataclasses import dataclass
from importlib.resources import files

import numpy as np

NUM_PERM = 128
SHINGLE = 3
DEFAULT_THRESHOLD = 0.3
_WORD = re.compile(r"\w+", re.UNICODE)


def schema_sql() -> str:
    return (files("whimbrel.store") / "dedup_schema.sql").read_text(encoding="utf-8")


#: version of dedup_events / event_mentions; tables of an older version are dropped and rebuilt
DEDUP_SCHEMA_VERSION = 2
_DERIVED = ("article_minhash", "article_cluster", "story_clusters", "dedup_meta", "dedup_events", "event_mentions")


def _tables(con) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()").fetchall()}


def ensure_schema(con) -> None:
    """Create the event-database tables if they are missing, and replace derived tables of an
    older layout (they are rebuilt by the next refresh). On a read-only connection nothing is
    written: a missing or outdated layout raises :class:`~whimbrel.errors.StoreError`."""
    have = _tables(con)
    version = None
    if "dedup_meta" in have:
        row = con.execute("SELECT max(version) FROM dedup_meta").fetchone()
        version = row[0] if row else None
    if set(_DERIVED) <= have and version == DEDUP_SCHEMA_VERSION:
        return
    try:
        if "dedup_events" in have and version != DEDUP_SCHEMA_VERSION:
            con.execute("DROP TABLE IF EXISTS dedup_events")
            con.execute("DROP TABLE IF EXISTS event_mentions")
        con.execute(schema_sql())
        con.execute("DELETE FROM dedup_meta")
        con.execute("INSERT INTO dedup_meta VALUES (?)", [DEDUP_SCHEMA_VERSION])
    except Exception as e:  # a read-only connection
        from ..errors import StoreError

        if "read-only" not in str(e) and "read only" not in str(e):
            raise
        raise StoreError("the database is open read-only and its deduplicated events have not been built "
                         "(or are of an older layout); run `whimbrel dedup` once") from e


def shingles(text: str, *, size: int = SHINGLE) -> list[bytes]:
    """Word ``size``-shingles of ``text`` (lower-cased), as bytes for hashing."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return [" ".join(words).encode()] if words else []
    return list({" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)})


def signatures(texts: list[str], *, num_perm: int = NUM_PERM) -> list[np.ndarray]:
    """MinHash signatures (uint64 arrays) of ``texts``, one per text."""
    return _signatures([shingles(t) for t in texts], num_perm=num_perm)


def _signatures(sets: list[list[bytes]], *, num_perm: int = NUM_PERM) -> list[np.ndarray]:
    from datasketch import MinHash

    hashes = MinHash.bulk(sets, num_perm=num_perm)
    return [h.hashvalues.astype(np.uint64) for h in hashes]


def insert_rows(con, table: str, columns: list[str], rows: list[tuple]) -> None:
    """Bulk insert through an Arrow table (much faster than executemany)."""
    import pyarrow as pa

    if not rows:
        return
    data = {c: pa.array([r[i] for r in rows]) for i, c in enumerate(columns)}
    view = f"_whimbrel_insert_{table}"
    con.register(view, pa.table(data))
    try:
        con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(columns)} FROM {view}")
    finally:
        con.unregister(view)


def scheme() -> str:
    """The hashing scheme of this datasketch (signatures of different schemes don't compare)."""
    from datasketch import MinHash

    return str(getattr(MinHash(num_perm=8), "scheme", "legacy"))


def _lean(values: np.ndarray, scheme_name: str):
    from datasketch import LeanMinHash

    try:
        return LeanMinHash(seed=1, hashvalues=values, scheme=scheme_name)
    except TypeError:  # datasketch < 2.0 has a single scheme
        return LeanMinHash(seed=1, hashvalues=values)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def outlet(source: str | None, url: str | None, article_id: str) -> str:
    """Who published an article: its source name, else its URL's host, else the article itself.

    Used for GDELT's NumSources. An article with neither counts as its own source.
    """
    if source:
        return source.strip().lower()
    if url:
        host = urllib.parse.urlsplit(url).netloc.lower()
        if host.startswith("www."):
            host = host[4:]
        if host:
            return host
    return f"article:{article_id}"


@dataclass(frozen=True)
class ClusterStats:
    articles: int
    signed: int          # signatures computed in this call
    clusters: int        # clusters with two articles or more
    clustered: int       # articles in those clusters
    threshold: float

    def as_dict(self) -> dict:
        return {"articles": self.articles, "signed": self.signed, "clusters": self.clusters,
                "clustered": self.clustered, "threshold": self.threshold}


class _UnionFind:
    def __init__(self, items):
        self.parent = {i: i for i in items}

    def find(self, x):
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@functools.lru_cache(maxsize=8)
def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """LSH bands and rows for a threshold (datasketch integrates for them: cache it)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def update_signatures(con, *, rebuild: bool = False, batch: int = 500) -> int:
    """Compute MinHash signatures for articles that have none (or whose text changed).

    Returns the number of signatures computed. Runs one transaction per batch.
    """
    ensure_schema(con)
    current = scheme()
    if rebuild:
        con.execute("DELETE FROM article_minhash")
    con.execute("DELETE FROM article_minhash WHERE scheme IS DISTINCT FROM ?", [current])
    con.execute(
        "DELETE FROM article_minhash m WHERE NOT EXISTS (SELECT 1 FROM articles a "
        "WHERE a.article_id = m.article_id AND a.content_hash = m.content_hash)"
    )
    todo = [r[0] for r in con.execute(
        "SELECT article_id FROM articles a WHERE NOT EXISTS "
        "(SELECT 1 FROM article_minhash m WHERE m.article_id = a.article_id) ORDER BY article_id"
    ).fetchall()]
    done = 0
    for i in range(0, len(todo), batch):
        ids = todo[i:i + batch]
        rows = con.execute(
            "SELECT article_id, content_hash, text FROM articles WHERE list_contains(?, article_id)", [ids]
        ).fetchall()
        sets = [shingles(r[2]) for r in rows]
        sigs = _signatures(sets)
        con.execute("BEGIN TRANSACTION")
        con.execute("DELETE FROM article_minhash WHERE list_contains(?, article_id)", [[r[0] for r in rows]])
        insert_rows(con, "article_minhash", ["article_id", "content_hash", "scheme", "n_shingles", "signature"],
                    [(aid, h, current, len(sh), sig.astype("<u8").tobytes())
                     for (aid, h, _text), sh, sig in zip(rows, sets, sigs)])
        con.execute("COMMIT")
        done += len(rows)
    return done


def build_clusters(con, *, threshold: float = DEFAULT_THRESHOLD, rebuild: bool = False) -> ClusterStats:
    """Sign new articles, then regroup every article into story clusters.

    Grouping is rebuilt from the stored signatures each time (LSH over N
    signatures is fast); only new articles are read and hashed.
    """
    from datasketch import MinHashLSH

    if not 0.0 < threshold <= 1.0:
        from ..errors import UsageError

        raise UsageError(f"cluster threshold {threshold} must be in (0, 1]; 0.3 is the tested default")
    signed = update_signatures(con, rebuild=rebuild)
    current = scheme()
    rows = con.execute(
        "SELECT m.article_id, m.signature, a.published, a.source, a.url, a.title FROM article_minhash m "
        "JOIN articles a USING (article_id) ORDER BY a.published NULLS LAST, m.article_id"
    ).fetchall()
    ids = [r[0] for r in rows]
    sig = {r[0]: np.frombuffer(r[1], dtype="<u8") for r in rows}
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, params=_lsh_params(threshold, NUM_PERM))
    for aid in ids:
        lsh.insert(aid, _lean(sig[aid], current), check_duplication=False)
    uf = _UnionFind(ids)
    for aid in ids:
        for other in lsh.query(_lean(sig[aid], current)):
            if other != aid and jaccard(sig[aid], sig[other]) >= threshold:
                uf.union(aid, other)
    order = {aid: i for i, aid in enumerate(ids)}
    members: dict[str, list[str]] = {}
    for aid in ids:
        members.setdefault(uf.find(aid), []).append(aid)
    meta = {r[0]: r for r in rows}
    assign, clusters = [], []
    for group in members.values():
        group.sort(key=order.__getitem__)
        first = group[0]
        cid = f"c-{first}"
        for aid in group:
            assign.append((aid, cid, 1.0 if aid == first else jaccard(sig[first], sig[aid])))
        pubs = [meta[a][2] for a in group if meta[a][2] is not None]
        n_sources = len({outlet(meta[a][3], meta[a][4], a) for a in group})
        clusters.append((cid, first, meta[first][5], len(group), n_sources,
                         min(pubs) if pubs else None, max(pubs) if pubs else None))
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM article_cluster")
        con.execute("DELETE FROM story_clusters")
        insert_rows(con, "article_cluster", ["article_id", "cluster_id", "similarity"], assign)
        insert_rows(con, "story_clusters", ["cluster_id", "first_article", "title", "n_articles", "n_sources",
                                            "first_published", "last_published"], clusters)
    except Exception:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    multi = [c for c in clusters if c[3] > 1]
    return ClusterStats(articles=len(ids), signed=signed, clusters=len(multi),
                        clustered=sum(c[3] for c in multi), threshold=threshold)


def list_clusters(con, *, min_size: int = 2, limit: int | None = None) -> list[dict]:
    """Story clusters with at least ``min_size`` articles, largest first, with their members."""
    ensure_schema(con)
    sql = ("SELECT cluster_id, first_article, title, n_articles, n_sources, first_published, last_published "
           "FROM story_clusters WHERE n_articles >= ? ORDER BY n_articles DESC, first_published, cluster_id")
    if limit:
        sql += f" LIMIT {int(limit)}"
    out = []
    for cid, first, title, n, ns, fp, lp in con.execute(sql, [min_size]).fetchall():
        mem = con.execute(
            "SELECT c.article_id, c.similarity, a.source, a.published FROM article_cluster c "
            "JOIN articles a USING (article_id) WHERE cluster_id = ? ORDER BY a.published NULLS LAST, c.article_id",
            [cid],
        ).fetchall()
        out.append({
            "cluster_id": cid, "first_article": first, "title": title, "n_articles": n, "n_sources": ns,
            "first_published": fp.isoformat() if fp else None, "last_published": lp.isoformat() if lp else None,
            "articles": [{"article_id": a, "similarity": round(s, 3), "source": src,
                          "published": p.isoformat() if p else None} for a, s, src, p in mem],
        })
    return out
