"""Relevance: is a coded event political news?

Two rules, read from ``data/domains.tsv`` (a list of domains and their cue words):

1. **Actors.** An event needs a political actor on at least one side: a state (a
   country's name), a government, armed forces, police, rebels, a party, a court, a
   legislature, an international organisation ... Civilians, companies, the media,
   schools or hospitals on both sides (``---CVL``, ``AUSBUS``), an unknown side, or a
   role noun that is never political ("firefighters", "rescuers", "referee"; the
   ``agent`` rows) are not enough. Two kinds of act are political by themselves: a
   protest or strike (root 14) by a known group (or its threat, 133, or its end, 082), and violence (roots 18-20) against
   people of a known country. A trip (042-043: visit, arrive, travel, host) is made by
   a political actor or it is no event: migrants arriving in a country, tourists or
   fans travelling to a city are not visits.
2. **Context.** A sentence is about a non-political domain (sport, weather, fire,
   disasters, business, entertainment) when that domain's cue words, counted in the
   sentence, its neighbours (two on each side, half weight) and the article as a
   whole (one cue's weight, when the article is mostly about it), outweigh the cues of
   political text (government, minister, troops, sanctions ...; named political
   actors count as cues too). There an event needs a *strongly* political actor
   (a named government, military, rebel, legislative or judicial actor, or an IGO)
   and a known source: "storms struck Queensland", "police arrested three teenagers
   over the bushfires", "Australia beat South Africa" (in sport a country's name is
   its team) are not events; "the minister praised the firefighters" is.

Nothing here reads the sentence text itself beyond the cue words: the rules are on
the actors and the context.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from importlib.resources import files
from pathlib import Path

from ..errors import DataFileError
from ..model import Actor, Document, Event
from .confidence import adjust

#: sectors of political actors (the first agent code after the country)
POLITICAL_SECTORS = frozenset({"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "LEG", "UAF", "INS", "SEP",
                               "ELI", "HRI", "RAD", "MOD", "IGO", "NGO", "IMG"})
#: ... and of strongly political ones (enough in sport, weather or business news)
STRONG_SECTORS = frozenset({"GOV", "MIL", "REB", "OPP", "PTY", "JUD", "SPY", "LEG", "UAF", "INS", "SEP", "ELI"})
#: actor-code roots that are political by themselves
POLITICAL_ROOTS = frozenset({"IGO", "NGO", "IMG"})
STRONG_ROOTS = frozenset({"IGO", "IMG"})
#: mention kinds that name an actor (a cue that the text is political when the actor is)
NAMED_KINDS = frozenset({"person", "organisation", "group"})
#: knowledge-base ids of places (regions, cities): where an event happened, not an actor
PLACE_IDS = ("region:", "city:")
WINDOW = 2  # neighbour sentences on each side that count (half weight)
ARTICLE_MIN = 3  # cue count from which an article is "mostly about" a domain

#: the actor rule of a capital named for its government ("Madrid said ..."): like a state's
#: name, a team in sport
CAPITAL_RULE = "kb:capital"
NONE, WEAK, STRONG = 0, 1, 2
PROTEST_ROOT = "14"
VIOLENT_ROOTS = ("18", "19", "20")  # assault, fight, mass violence
DISSENT_EASED = "082"  # calling off a strike or protest: as political as staging it
DISSENT_THREATENED = "133"  # threatening a strike or protest: likewise
REFORM_DEMANDED = ("024", "104")  # calling for or demanding political reform or elections: likewise
TRIP_CODES = frozenset({"042", "043"})  # make / host a visit: the traveller must be political


@dataclass(frozen=True)
class Domains:
    """The contents of ``domains.tsv``: cue words per domain, non-political agents, team domains."""

    cues: dict[tuple[str, ...], str] = field(default_factory=dict)  # words -> domain ("politics" too)
    agents: frozenset[str] = frozenset()
    teams: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=4)
def load_domains(path: str | None = None) -> Domains:
    """Read a domains file (default: the shipped ``data/domains.tsv``)."""
    origin = path or "domains.tsv"
    text = Path(path).read_text(encoding="utf-8") if path else (files("whimbrel.events") / "data" / "domains.tsv").read_text(encoding="utf-8")
    cues: dict[tuple[str, ...], str] = {}
    agents: set[str] = set()
    teams: set[str] = set()
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 3 or cols[2] not in ("cue", "agent", "teams"):
            raise DataFileError(f"{origin}:{n}: expected 'term<TAB>domain<TAB>cue|agent|teams', got {line!r}")
        term, domain, kind = (c.strip() for c in cols)
        if kind == "teams":
            teams.add(domain)
            continue
        words = tuple(term.lower().split())
        if len(words) > 2:
            raise DataFileError(f"{origin}:{n}: a term has one or two words, got {term!r}")
        cues[words] = domain  # agents mark their domain's text too
        if kind == "agent":
            agents.add(term.lower())
    return Domains(cues=cues, agents=frozenset(agents), teams=frozenset(teams))


@dataclass(frozen=True)
class Context:
    """What a sentence is about: a non-political ``domain`` (or None) and its scores."""

    domain: str | None = None
    teams: bool = False  # countries are teams here
    scores: tuple[tuple[str, float], ...] = ()


POLITICAL = Context()


def _forms(word: str) -> tuple[str, ...]:
    """A cue word and its regular plurals ("blaze" -> "blazes", "batsman" -> "batsmen")."""
    forms = [word, word + "s", word + "es"]
    if word.endswith("y"):
        forms.append(word[:-1] + "ies")
    if word.endswith("man"):
        forms.append(word[:-3] + "men")
    return tuple(forms)


class Contexts:
    """Sentence contexts of one document, computed on demand (most sentences code nothing)."""

    def __init__(self, rel: "Relevance", own: list[Counter]):
        self.rel, self.own = rel, own
        total = Counter()
        for c in own:
            if c is not None:
                total.update(c)
        self.prior = frozenset(d for d, n in total.items()
                               if d != "politics" and n >= ARTICLE_MIN and n > 2 * total["politics"]) if total else frozenset()
        # no cue of a non-political domain in the whole document: every sentence is POLITICAL
        self.plain = all(d == "politics" for d in total)
        self._done: dict[int, Context] = {}

    def __len__(self) -> int:
        return len(self.own)

    def __getitem__(self, k: int) -> Context:
        if k < 0:
            k += len(self.own)
        if not 0 <= k < len(self.own):
            raise IndexError(k)
        if self.plain:
            return POLITICAL
        c = self._done.get(k)
        if c is None:
            c = self._done[k] = self.rel._context(self.own, k, self.prior)
        return c


class _AllPolitical:
    """The contexts of a document with no cue of a non-political domain."""

    def __getitem__(self, k: int) -> Context:
        return POLITICAL


ALL_POLITICAL = _AllPolitical()


def _firm(a: Actor | None, level: int) -> bool:
    """A strongly political side whose strength no context changes (not a state, which is a
    team in sport)."""
    return level == STRONG and (a.code[:3] in STRONG_ROOTS or _sector(a) is not None) and a.rule != CAPITAL_RULE


def _sector(a: Actor) -> str | None:
    return a.sector or (a.code[3:6] if a.code and len(a.code) >= 6 else None)


class Relevance:
    """The two rules above, for one set of domains. Call :meth:`contexts` once per document."""

    def __init__(self, domains: Domains | None = None):
        self.domains = domains or load_domains()
        self._hash_tables = None
        self._agent_cache: dict[tuple[str, str | None], bool] = {}

    # ---- context
    def _hashes(self, strings):
        """The cue table keyed by spaCy string hashes of lower-case words, with their plurals:
        (unigram hash -> domain, first-word hash -> {second-word hash -> domain}, the set of
        every hash that starts a cue)."""
        if self._hash_tables is None or self._hash_tables[0] is not strings:
            uni, bi = {}, {}
            for words, d in self.domains.cues.items():
                for last in _forms(words[-1]):
                    if len(words) == 1:
                        uni[strings[last]] = d
                    else:
                        bi.setdefault(strings[words[0]], {})[strings[last]] = d
            firsts = frozenset(uni) | frozenset(bi)
            self._hash_tables = (strings, uni, bi, firsts)
        return self._hash_tables[1:]

    def _cues(self, doc: Document) -> list[Counter | None] | None:
        """Cue counts per sentence (domain -> count; None for none), in ``doc.sentences`` order;
        None when no sentence has a cue of a non-political domain."""
        from spacy.attrs import LOWER

        sents = doc.sentences
        if not sents:
            return None
        out: list[Counter | None] = [None] * len(sents)
        uni, bi, firsts = self._hashes(doc.spacy.vocab.strings)
        lows_l = doc.spacy.to_array(LOWER).tolist()
        if firsts.isdisjoint(lows_l):
            return None  # no domain cue anywhere: every sentence is political (or neutral) text
        hits = [t for t, h in enumerate(lows_l) if h in firsts]
        starts = [s.start for s in sents]
        sp = doc.spacy
        last = len(lows_l) - 1
        for t in hits:
            idx = sp[t].idx
            k = bisect_right(starts, idx) - 1
            if k < 0 or idx >= sents[k].end:
                continue
            low = lows_l[t]
            d = None
            after = bi.get(low)
            if after is not None and t < last and sp[t + 1].idx < sents[k].end:
                d = after.get(lows_l[t + 1])
            d = d or uni.get(low)
            if d:
                if out[k] is None:
                    out[k] = Counter()
                out[k][d] += 1
        if all(c is None or all(d == "politics" for d in c) for c in out):
            return None  # political cues only
        for m in doc.mentions:
            if m.kind in NAMED_KINDS and self.level(m, POLITICAL) == STRONG:
                j = bisect_right(starts, m.start) - 1
                if j >= 0 and m.start < sents[j].end:
                    if out[j] is None:
                        out[j] = Counter()
                    out[j]["politics"] += 1
        return out

    def contexts(self, doc: Document) -> "Contexts":
        """The :class:`Context` of each sentence of ``doc``: ``contexts(doc)[k]`` for the k-th
        sentence of ``doc.sentences`` (computed when asked, from cue counts taken once)."""
        own = self._cues(doc)
        return ALL_POLITICAL if own is None else Contexts(self, own)

    def _context(self, own: list[Counter], i: int, prior: frozenset[str]) -> Context:
        score = Counter()
        for j in range(max(0, i - WINDOW), min(len(own), i + WINDOW + 1)):
            if own[j] is None:
                continue
            w = 1.0 if j == i else 0.5
            for d, n in own[j].items():
                score[d] += w * n
        for d in prior:
            score[d] += 1.0
        pol = score.pop("politics", 0.0)
        if not score:
            return POLITICAL
        dom, best = max(score.items(), key=lambda kv: (kv[1], kv[0]))
        if best >= 1.0 and best > pol:
            return Context(domain=dom, teams=dom in self.domains.teams, scores=tuple(sorted(score.items())) + (("politics", pol),))
        return POLITICAL

    # ---- actors
    def is_agent(self, a: Actor) -> bool:
        """Is the mention a role noun that is never a political actor ("firefighters")?"""
        key = (a.text, a.name)
        hit = self._agent_cache.get(key)
        if hit is None:
            text = a.text.lower()
            hit = any(t in text for t in self.domains.agents) or (a.name is not None and a.name.lower() in self.domains.agents)
            if len(self._agent_cache) > 50_000:
                self._agent_cache.clear()
            self._agent_cache[key] = hit
        return hit

    def level(self, a: Actor | None, ctx: Context) -> int:
        """How political one side is: NONE, WEAK or STRONG (see the module docstring)."""
        if a is None or not a.code:
            return NONE
        if self.is_agent(a):
            return NONE
        root = a.code[:3]
        if root in STRONG_ROOTS:
            return STRONG
        if root in POLITICAL_ROOTS:
            return WEAK
        if a.kind == "place" or a.rule.endswith("+place") or a.rule == "kb:city" or (a.kb_id or "").startswith(PLACE_IDS):
            return WEAK if root != "---" else NONE  # where it happened, not who did it
        if a.rule == CAPITAL_RULE and ctx.teams:
            return WEAK  # "Real Madrid beat Barcelona": in sport a capital is its team, not its government
        sector = _sector(a)
        if sector:
            if sector in STRONG_SECTORS:
                return STRONG if root != "---" else WEAK
            return WEAK if sector in POLITICAL_SECTORS else NONE
        if root == "---":
            return NONE
        if a.kind == "person":
            return WEAK  # a person known only by nationality ("Swiss pair Martina Hingis")
        return WEAK if ctx.teams else STRONG  # a state; in sport, a team

    def keep(self, e: Event, ctx: Context) -> bool:
        """Is the event political news (rules 1 and 2)?"""
        return self.judge(e, ctx) is not None

    def judge(self, e: Event, ctx) -> Event | None:
        """None when the event is not political news (rules 1 and 2); else the event, its
        confidence lowered when only weakly political actors take part or a headline was
        read through the re-parse. ``ctx`` is the sentence's :class:`Context`, or a function
        that returns it (asked only when the context can change the verdict: a known source
        and a named government, military, rebel ... actor or an IGO settle it without)."""
        ls, lt = self.level(e.source, POLITICAL), self.level(e.target, POLITICAL)
        if e.cameo in TRIP_CODES and ls == NONE:
            return None
        firm = e.source is not None and (_firm(e.source, ls) or _firm(e.target, lt))
        if not firm:
            ctx = ctx() if callable(ctx) else ctx
            if ctx.domain is not None:
                if ctx.teams:
                    ls, lt = self.level(e.source, ctx), self.level(e.target, ctx)
                if e.source is None or STRONG not in (ls, lt):
                    return None
            elif not (ls or lt) and not self.political_act(e):
                return None
        c = adjust(e.confidence, weak_only=max(ls, lt) < STRONG, reparse=e.evidence.pattern.endswith("+headline-reparse"))
        return e if c == e.confidence else replace(e, confidence=c)

    def political_act(self, e: Event) -> bool:
        """Acts that are political whoever does them, when a side is known: a protest or strike
        by a known group, its threat or its end, or its demand of political reform ("employees
        stopped work in a strike", "Serbs demonstrated", "nurses threatened a strike", "teachers
        called off their strike", "protesters demanded early elections"), violence
        against people of a known country ("three Iraqi civilians were killed in a car bombing")."""
        sides = [a for a in (e.source, e.target) if a is not None and not self.is_agent(a)]
        if e.cameo_root == PROTEST_ROOT or e.cameo.startswith((DISSENT_EASED, DISSENT_THREATENED, *REFORM_DEMANDED)):
            s = e.source
            return s in sides and (s.country not in (None, "---") or _sector(s) not in (None, "CVL"))
        if e.cameo_root in VIOLENT_ROOTS:
            return any(a.country not in (None, "---") for a in sides)
        return False
