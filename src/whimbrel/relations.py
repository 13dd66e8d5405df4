"""Relations over time: dyad time series, the actor network and its blocs, the most active actors.

All functions read the event database (``level="dedup"``: one row per real
event, the default; ``level="raw"``: every report) over an optional period.
Actors are matched by CAMEO code prefix (``PRK`` matches PRK, PRKGOV, ...).
Network nodes are actor roots by default: a country, or an organisation's own
code without its sectors (the EU and NATO are two nodes, not one "IGO").

The network is directed: an edge A -> B counts A's acts on B. Blocs use both
directions together.

Blocs: communities of actors that cooperate with each other and act against
the same others. The affinity of two actors is their net cooperation (events
in quad classes 1-2 minus 3-4, both directions) plus their *shared
opposition*: for every third actor, the smaller of the two conflict counts
they have with it. Negative affinities are dropped and Louvain community
detection (networkx, fixed seed) runs on the rest. A member stays in its
community's bloc only if its *own* net cooperation with the other members is
positive (a shared enemy alone makes no ally); communities left with two or
more such actors are blocs, each reported with the actors its members act
against. Time series by day, week or month are in :mod:`whimbrel.series`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from .errors import UsageError
from .actors.mention import ORG_ROOTS, SECTORS

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def _period(since, until) -> tuple[dt.date | None, dt.date | None]:
    """Inclusive bounds; YYYY, YYYY-MM or YYYY-MM-DD (``until`` runs to the end of its period)."""
    from .store.query import _date, _until

    return _date(since, "since"), _until(until)


def _rows(con, *, level: str, since=None, until=None, min_confidence: float | None = None) -> list[tuple]:
    """(source_code, target_code, quad_class, goldstein, day) per asserted event in the period
    (with a confidence of at least ``min_confidence``, when given).

    Negated, hypothetical and future (planned) events are left out: relations
    count what happened.
    """
    if level == "dedup":
        from .store.clusters import ensure_schema
        from .store.dedup import is_stale

        ensure_schema(con)
        if is_stale(con):
            raise UsageError("the deduplicated events are out of date; run `whimbrel dedup` first "
                             "(or use --raw for the raw reports)")
        inner = ("SELECT source_code, target_code, quad_class, goldstein, negated, hypothetical, future, "
                 "confidence, coalesce(date, CAST(first_published AS DATE)) AS day FROM dedup_events")
    elif level == "raw":
        inner = ("SELECT e.source_code, e.target_code, e.quad_class, e.goldstein, e.negated, e.hypothetical, "
                 "e.future, e.confidence, coalesce(e.date, CAST(a.published AS DATE)) AS day FROM events e "
                 "JOIN articles a ON a.article_id = e.article_id")
    else:
        raise UsageError(f"level {level!r} is not known; use 'dedup' or 'raw'")
    lo, hi = _period(since, until)
    clauses = ["NOT coalesce(negated, false)", "NOT coalesce(hypothetical, false)", "NOT coalesce(future, false)"]
    params: list = []
    if lo:
        clauses.append("day >= ?")
        params.append(lo)
    if hi:
        clauses.append("day <= ?")
        params.append(hi)
    if min_confidence:
        clauses.append("confidence >= ?")
        params.append(float(min_confidence))
    sql = (f"SELECT source_code, target_code, quad_class, goldstein, day FROM ({inner}) "
           f"WHERE {' AND '.join(clauses)} ORDER BY day NULLS LAST")
    return con.execute(sql, params).fetchall()


def _matches(code: str | None, prefix) -> bool:
    """Whether ``code`` starts with ``prefix`` (a string, or a tuple of them)."""
    return bool(code) and code.startswith(prefix)


def prefixes(actor) -> tuple[str, ...]:
    """An actor given as a code prefix or several (``"prk"``, ``("USAGOV", "USAELI")``) as a tuple
    of upper-case prefixes, blanks dropped."""
    items = (actor,) if isinstance(actor, str) else tuple(actor or ())
    return tuple(dict.fromkeys(p.strip().upper() for p in items if p and p.strip()))


# -- dyad ------------------------------------------------------------------------------

@dataclass(frozen=True)
class DyadMonth:
    month: str                      # YYYY-MM
    quad: tuple[int, int, int, int]  # counts of quad classes 1..4
    goldstein_total: float
    goldstein_mean: float | None

    @property
    def n(self) -> int:
        return sum(self.quad)

    def as_dict(self) -> dict:
        return {"month": self.month, "events": self.n,
                **{f"quad{i + 1}": c for i, c in enumerate(self.quad)},
                "goldstein_total": round(self.goldstein_total, 2),
                "goldstein_mean": None if self.goldstein_mean is None else round(self.goldstein_mean, 3)}


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


MAX_GAP_MONTHS = 12


def dyad(con, a, b, *, since=None, until=None, directed: bool = False,
         level: str = "dedup", min_confidence: float | None = None) -> list[DyadMonth]:
    """Month-by-month events between actors ``a`` and ``b`` (code prefixes).

    ``a`` and ``b`` are each a code prefix or a tuple of them (an actor known by
    several codes). Both directions unless ``directed`` (then only a -> b). Quiet spells of up
    to a year between observed months are included as zero months; longer
    ones (a historical event decades back) are skipped, and the chart marks
    the break.
    """
    a, b = prefixes(a), prefixes(b)
    if not a or not b:
        raise UsageError("give two actor codes, e.g. `whimbrel dyad PRK USA`")
    buckets: dict[str, list] = defaultdict(lambda: [[0, 0, 0, 0], 0.0, 0])
    for src, tgt, quad, gold, day in _rows(con, level=level, since=since, until=until,
                                           min_confidence=min_confidence):
        fwd = _matches(src, a) and _matches(tgt, b)
        back = not directed and _matches(src, b) and _matches(tgt, a)
        if not (fwd or back) or day is None:
            continue
        bucket = buckets[day.strftime("%Y-%m")]
        if quad in (1, 2, 3, 4):
            bucket[0][quad - 1] += 1
        if gold is not None:
            bucket[1] += gold
            bucket[2] += 1
    if not buckets:
        return []
    out = []
    seen = sorted(buckets)
    months: list[str] = []
    for prev, cur in zip([None, *seen], seen):
        gap = _months(prev, cur)[1:-1] if prev else []
        if len(gap) <= MAX_GAP_MONTHS:  # short quiet spells are shown as zero months
            months.extend(gap)
        months.append(cur)
    for month in months:
        quads, total, n_gold = buckets.get(month, [[0, 0, 0, 0], 0.0, 0])
        out.append(DyadMonth(month, tuple(quads), total, total / n_gold if n_gold else None))
    return out


_QUAD_CHARS = ("█", "▓", "▒", "░")
_QUAD_COLOURS = ("green", "cyan", "yellow", "red")


def dyad_chart(rows: list[DyadMonth], *, width: int = 40, colour: bool = False) -> str:
    """A terminal chart: one line per month, a bar per quad class, then the Goldstein mean."""
    import click

    if not rows:
        return "(no events between these actors in this period)"
    peak = max(r.n for r in rows) or 1
    lines = ["month    " + "  ".join(f"{_QUAD_CHARS[i]} {QUAD_NAMES[i + 1]}" for i in range(4))]
    prev = None
    for r in rows:
        if prev and _months(prev, r.month)[1:-1]:
            lines.append("   ...")
        prev = r.month
        bar = ""
        for i, c in enumerate(r.quad):
            seg = _QUAD_CHARS[i] * max(1 if c else 0, round(c * width / peak))
            bar += click.style(seg, fg=_QUAD_COLOURS[i]) if colour else seg
        pad = " " * max(0, width + 4 - sum(max(1 if c else 0, round(c * width / peak)) for c in r.quad))
        mean = "      " if r.goldstein_mean is None else f"{r.goldstein_mean:+6.2f}"
        lines.append(f"{r.month}  {bar}{pad}{r.n:4d}  Goldstein mean {mean}  total {r.goldstein_total:+7.1f}")
    return "\n".join(lines)


def dyad_png(rows: list[DyadMonth], path: str, *, title: str = "") -> str:
    """Plot the dyad series to a PNG (needs matplotlib: ``pip install whimbrel[plot]``)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as e:
        raise UsageError("--png needs matplotlib; install it with `pip install 'whimbrel[plot]'`") from e
    months = [r.month for r in rows]
    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(9, 6), sharex=True)
    bottom = [0] * len(rows)
    for i in range(4):
        vals = [r.quad[i] for r in rows]
        ax1.bar(months, vals, bottom=bottom, label=QUAD_NAMES[i + 1], color=_QUAD_COLOURS[i])
        bottom = [b + v for b, v in zip(bottom, vals)]
    ax1.set_ylabel("events")
    ax1.legend(fontsize=8, loc="upper left")
    ax1.set_title(title)
    ax2.plot(months, [r.goldstein_mean if r.goldstein_mean is not None else float("nan") for r in rows],
             marker="o")
    ax2.axhline(0, color="grey", linewidth=0.5)
    ax2.set_ylabel("mean Goldstein")
    ax2.tick_params(axis="x", rotation=60)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


# -- network -------------------------------------------------------------------------

def _node(code: str | None, by: str) -> str | None:
    """A node for an actor code: its country root, or for an organisation the
    organisation itself without its sectors (IGOEUREECGOV -> IGOEUREEC, so the EU,
    NATO and the UN are three nodes, not one "IGO"); ``by="code"``: the whole code."""
    if not code or code.startswith("---"):
        return None
    if by != "root":
        return code
    if code[:3] not in ORG_ROOTS:
        return code[:3]
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    while len(chunks) > 1 and chunks[-1] in SECTORS:
        chunks.pop()
    return "".join(chunks)


def network(con, *, since=None, until=None, by: str = "root", level: str = "dedup", min_events: int = 1,
            min_confidence: float | None = None):
    """The directed actor graph (networkx.DiGraph) over a period: an edge A -> B counts A's acts on B.

    Edge attributes: ``events``, ``cooperation`` (quad 1-2), ``conflict``
    (quad 3-4), ``weight`` = cooperation - conflict, ``goldstein`` (total).
    Node attributes: ``events``, ``cooperation``, ``conflict`` (as source or target).
    ``min_events`` applies to a pair's events in both directions together.
    """
    import networkx as nx

    if by not in ("root", "code"):
        raise UsageError(f"--by {by!r}: use 'root' (countries, IGOs) or 'code' (full actor codes)")
    g = nx.DiGraph()
    for src, tgt, quad, gold, _day in _rows(con, level=level, since=since, until=until,
                                            min_confidence=min_confidence):
        s, t = _node(src, by), _node(tgt, by)
        if not s or not t or s == t:
            continue
        coop = 1 if quad in (1, 2) else 0
        conf = 1 if quad in (3, 4) else 0
        for n in (s, t):
            if n not in g:
                g.add_node(n, events=0, cooperation=0, conflict=0)
            g.nodes[n]["events"] += 1
            g.nodes[n]["cooperation"] += coop
            g.nodes[n]["conflict"] += conf
        if not g.has_edge(s, t):
            g.add_edge(s, t, events=0, cooperation=0, conflict=0, weight=0, goldstein=0.0)
        e = g.edges[s, t]
        e["events"] += 1
        e["cooperation"] += coop
        e["conflict"] += conf
        e["weight"] = e["cooperation"] - e["conflict"]
        e["goldstein"] = round(e["goldstein"] + (gold or 0.0), 3)
    if min_events > 1:
        pair = undirected(g)
        g.remove_edges_from([(u, v) for u, v in g.edges if pair.edges[u, v]["events"] < min_events])
        g.remove_nodes_from([n for n in list(g.nodes) if g.degree(n) == 0])
    return g


def undirected(g):
    """Both directions of each pair together (a networkx.Graph with summed edge attributes)."""
    import networkx as nx

    if not g.is_directed():
        return g
    h = nx.Graph()
    h.add_nodes_from(g.nodes(data=True))
    for u, v, d in g.edges(data=True):
        if not h.has_edge(u, v):
            h.add_edge(u, v, events=0, cooperation=0, conflict=0, weight=0, goldstein=0.0)
        e = h.edges[u, v]
        for k in ("events", "cooperation", "conflict", "weight"):
            e[k] += d[k]
        e["goldstein"] = round(e["goldstein"] + d["goldstein"], 3)
    return h


@dataclass(frozen=True)
class Bloc:
    members: tuple[str, ...]
    cooperation: int                       # net cooperation inside the bloc
    against: tuple[tuple[str, int], ...]   # (actor, conflict events from bloc members), most first
    partners: tuple[tuple[str, int], ...] = field(default=())  # outsiders the bloc cooperates with

    def as_dict(self) -> dict:
        return {"members": list(self.members), "cooperation": self.cooperation,
                "against": [{"actor": a, "conflict": n} for a, n in self.against],
                "partners": [{"actor": a, "cooperation": n} for a, n in self.partners]}


def _own_members(g, com: set) -> tuple[str, ...]:
    """The members whose own net cooperation with the other (remaining) members is positive."""
    members = set(com)
    while True:
        keep = {u for u in members
                if sum(g.edges[u, v]["weight"] for v in members if v != u and g.has_edge(u, v)) > 0}
        if keep == members:
            return tuple(sorted(members))
        members = keep


def blocs(g, *, shared_weight: float = 1.0, seed: int = 7) -> list[Bloc]:
    """Communities of actors that cooperate with each other and oppose the same others."""
    import networkx as nx

    g = undirected(g)
    affinity = nx.Graph()
    affinity.add_nodes_from(g.nodes)
    nodes = list(g.nodes)
    conflict = {n: {m: d["conflict"] for m, d in g[n].items()} for n in nodes}
    for i, u in enumerate(nodes):
        for v in nodes[i + 1:]:
            net = g.edges[u, v]["weight"] if g.has_edge(u, v) else 0
            shared = sum(min(c, conflict[v].get(k, 0)) for k, c in conflict[u].items() if k not in (u, v))
            w = net + shared_weight * shared
            if w > 0:
                affinity.add_edge(u, v, weight=w)
    if affinity.number_of_edges() == 0:
        return []
    communities = nx.community.louvain_communities(affinity, weight="weight", seed=seed)
    out = []
    for found in communities:
        members = _own_members(g, found)  # shared enemies alone do not make an ally: each member cooperates
        if len(members) < 2:
            continue
        com = set(members)
        inside = sum(g.edges[u, v]["weight"] for u in members for v in members if u < v and g.has_edge(u, v))
        against: dict[str, int] = defaultdict(int)
        partners: dict[str, int] = defaultdict(int)
        for u in members:
            for k, d in g[u].items():
                if k in com:
                    continue
                if d["conflict"]:
                    against[k] += d["conflict"]
                if d["weight"] > 0:
                    partners[k] += d["weight"]
        # "against" keeps outsiders that two or more members oppose, or that the bloc opposes on balance
        opposed = {k: n for k, n in against.items()
                   if sum(1 for u in members if g.has_edge(u, k) and g.edges[u, k]["conflict"]) >= 2
                   or n > partners.get(k, 0)}
        out.append(Bloc(members, inside,
                        tuple(sorted(opposed.items(), key=lambda kv: (-kv[1], kv[0]))),
                        tuple(sorted(partners.items(), key=lambda kv: (-kv[1], kv[0]))[:5])))
    out.sort(key=lambda b: (-len(b.members), b.members))
    return out


def network_json(g, found: list[Bloc] | None = None) -> dict:
    """networkx node-link data (directed: ``"directed": true``, one link per direction) plus ``blocs``."""
    import networkx as nx

    data = nx.node_link_data(g, edges="links")
    data["blocs"] = [b.as_dict() for b in (found or [])]
    return data


def write_graphml(g, path: str, found: list[Bloc] | None = None) -> str:
    import networkx as nx

    h = g.copy()
    for i, b in enumerate(found or []):
        for n in b.members:
            h.nodes[n]["bloc"] = i + 1
    for n in h.nodes:
        h.nodes[n].setdefault("bloc", 0)
    nx.write_graphml(h, path)
    return path


# -- top ---------------------------------------------------------------------------------

def top(con, *, what: str = "actors", n: int = 10, since=None, until=None, by: str = "root",
        level: str = "dedup", min_confidence: float | None = None) -> list[dict]:
    """The most active actors (as source or target) or dyads (unordered pairs), with quad-class counts."""
    if what not in ("actors", "dyads"):
        raise UsageError(f"{what!r}: use 'actors' or 'dyads'")
    counts: dict = defaultdict(lambda: [0, 0, 0, 0, 0, 0.0])
    for src, tgt, quad, gold, _day in _rows(con, level=level, since=since, until=until,
                                            min_confidence=min_confidence):
        s, t = _node(src, by), _node(tgt, by)
        if what == "actors":
            keys = {k for k in (s, t) if k}
        else:
            keys = {tuple(sorted((s, t)))} if s and t and s != t else set()
        for k in keys:
            c = counts[k]
            c[0] += 1
            if quad in (1, 2, 3, 4):
                c[quad] += 1
            c[5] += gold or 0.0
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))[:n]
    return [{("actor" if what == "actors" else "dyad"): (k if what == "actors" else list(k)), "events": c[0],
             "quad1": c[1], "quad2": c[2], "quad3": c[3], "quad4": c[4], "goldstein_total": round(c[5], 2)}
            for k, c in ranked]
