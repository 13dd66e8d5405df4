"""The verb lexicon and CAMEO/PLOVER tables: data files -> lookup objects.

Everything is read from ``events/data/`` (and the user's own pattern files) once,
into a :class:`Lexicon` held by the coder stage. Nothing happens at import time.

Pattern files share one TSV shape (see the header of ``data/lexicon.tsv``):
``verb particle object prep pobj code flags``. User files given in
``Settings.lexicon_files`` (``WHIMBREL_LEXICON``) use the same columns and take
priority over the shipped files.
"""

from __future__ import annotations

import functools
import heapq
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from ..errors import DataFileError
from ..model import Plover


@dataclass(frozen=True, slots=True)
class Pattern:
    """One verb pattern. Empty strings mean "not constrained"."""

    id: str
    verb: str
    particle: str
    object: tuple[str, ...]
    prep: str
    pobj: tuple[str, ...]
    code: str
    swap: bool = False
    sym: bool = False
    place: bool = False
    transitive: bool | None = None  # flags obj / noobj: needs (or must lack) a direct object
    plover: str = ""  # PLOVER event override ("plover=RETREAT": resignations)
    priority: int = 0  # lower wins ties: user 0, whimbrel 1, petrarch 2

    @property
    def score(self) -> int:
        """Rank: specificity, plus a bonus for whimbrel's and the user's own patterns."""
        return self.specificity + (3 if self.priority < 2 else 0)

    @property
    def specificity(self) -> int:
        return (
            (2 if self.particle else 0)
            + (3 + len(self.object) if self.object else 0)
            + (2 if self.prep else 0)
            + (2 + len(self.pobj) if self.pobj else 0)
        )


@dataclass(frozen=True)
class CameoCode:
    code: str
    root: str
    quad_class: int | None
    goldstein: float | None
    plover: Plover
    label: str


@dataclass(frozen=True)
class NounEntry:
    words: tuple[str, ...]
    code: str
    sym: bool = False
    solo: bool = False


@dataclass
class Lexicon:
    patterns: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    cameo: dict[str, CameoCode] = field(default_factory=dict)
    nouns: dict[str, list[NounEntry]] = field(default_factory=lambda: defaultdict(list))  # by head word
    roles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    maps: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    # verb -> object head word ('' = no object constraint) -> patterns, best first
    index: dict[str, dict[str, list[Pattern]]] = field(default_factory=dict)
    version: str = ""
    ranks: dict[int, tuple] = field(default_factory=dict)  # id(pattern) -> sort key
    verb_groups: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # PETRARCH synonym groups

    def knows(self, verb: str) -> bool:
        """Does any pattern name this verb lemma?"""
        return verb in self.index or verb in self.verb_groups

    def candidates(self, verb: str, heads, preps=()):
        """Patterns of ``verb`` that could match an object with one of ``heads`` and the
        prepositions ``preps``, best first (lazy)."""
        keys = [""] + ["o:" + h for h in sorted(heads)] + ["p:" + p for p in sorted(preps)]
        lists = []
        for name in (verb, *self.verb_groups.get(verb, ())):
            idx = self.index.get(name)
            if idx:
                lists.extend(lst for k in keys if (lst := idx.get(k)))
        if not lists:
            return ()
        if len(lists) == 1:
            return lists[0]
        return heapq.merge(*[[(self.ranks[id(p)], p) for p in lst] for lst in lists])

    def place_verb(self, verb: str) -> bool:
        """Does one of ``verb``'s own patterns let a place be its target ("visit")?"""
        cache = self.__dict__.setdefault("_place_verbs", {})
        if verb not in cache:
            idx = self.index.get(verb) or {}
            cache[verb] = any(p.place for lst in idx.values() for p in lst)
        return cache[verb]

    def info(self, code: str) -> CameoCode | None:
        c = self.cameo.get(code)
        while c is None and len(code) > 2:
            code = code[:-1]
            c = self.cameo.get(code)
        return c

    def verb_lemma(self, lemma: str, text: str) -> str:
        """Repair the rule lemmatizer's dropped 'e' ("staged" -> "stag", "hoping" -> "hop")."""
        lemma = lemma.lower()
        if self.knows(lemma) or lemma in self.roles:
            return lemma
        e = lemma + "e"
        if text.startswith(lemma) and (self.knows(e) or e in self.roles):
            return e
        return lemma

    def mapped(self, kind: str, code: str) -> str:
        """The intent/threaten/reject form of an act's code (itself if none applies)."""
        table = self.maps.get(kind, {})
        for n in range(len(code), 1, -1):
            if code[:n] in table:
                return table[code[:n]]
        return code

    def noun(self, words: list[str]) -> NounEntry | None:
        """The longest event-noun entry matching the end of ``words`` (lemmas or texts)."""
        if not words:
            return None
        best = None
        for e in self.nouns.get(words[-1], ()):
            n = len(e.words)
            if n <= len(words) and tuple(words[-n:]) == e.words and (best is None or n > len(best.words)):
                best = e
        return best


def _rows(text: str, origin: str, ncols: int):
    for ln, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < ncols:
            cols += [""] * (ncols - len(cols))
        yield ln, [c.strip() for c in cols]


def _words(s: str) -> tuple[str, ...]:
    return tuple(w for w in s.lower().split() if w)


def _add_patterns(lex: Lexicon, text: str, origin: str, priority: int) -> None:
    for ln, (verb, particle, obj, prep, pobj, code, flags) in _rows(text, origin, 7):
        if not verb or not code or not code.isdigit():
            raise DataFileError(
                f"{origin}:{ln}: a pattern needs a verb and a numeric CAMEO code "
                f"(columns: verb particle object prep pobj code flags)"
            )
        fl = {f.strip() for f in flags.split(",") if f.strip()}
        lex.patterns[verb.lower()].append(
            Pattern(
                id=f"{origin}:{ln}",
                verb=verb.lower(),
                particle=particle.lower(),
                object=_words(obj),
                prep=prep.lower(),
                pobj=_words(pobj),
                code=code,
                swap="swap" in fl,
                sym="sym" in fl,
                place="place" in fl,
                transitive=True if "obj" in fl else False if "noobj" in fl else None,
                plover=next((f.split("=", 1)[1] for f in fl if f.startswith("plover=")), ""),
                priority=priority,
            )
        )


def _data(name: str) -> str:
    return (files("whimbrel.events") / "data" / name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=8)
def load_lexicon(user_files: tuple[Path, ...] = ()) -> Lexicon:
    """Load the shipped tables plus the user's pattern files (cached per file list)."""
    lex = Lexicon()
    digest = hashlib.sha1()
    for p in user_files:
        try:
            text = Path(p).read_text(encoding="utf-8")
        except OSError as e:
            raise DataFileError(f"cannot read lexicon file {p}: {e}; check WHIMBREL_LEXICON") from e
        digest.update(text.encode())
        _add_patterns(lex, text, Path(p).name, 0)
    own = _data("lexicon.tsv")
    digest.update(own.encode())
    _add_patterns(lex, own, "lexicon.tsv", 1)

    # PETRARCH: verbs in synonym groups; group patterns apply to every verb of the group
    pverbs = _data("petrarch_verbs.tsv")
    ppats = _data("petrarch_patterns.tsv")
    digest.update(pverbs.encode())
    digest.update(ppats.encode())
    by_group: dict[str, list[tuple]] = defaultdict(list)
    for ln, (group, particle, obj, prep, pobj, code, swap) in _rows(ppats, "petrarch_patterns.tsv", 7):
        by_group[group].append((ln, particle, _words(obj), prep, _words(pobj), code, swap == "1"))
    # group patterns are stored once under "@GROUP"; each verb points at its groups
    for group, rows in by_group.items():
        key = "@" + group
        for pln, pp, po, pr, ppo, pc, ps in rows:
            lex.patterns[key].append(Pattern(f"petrarch:{group}:{pln}", key, pp, po, pr, ppo, pc, ps, priority=2))
    for ln, (lemma, particle, group, code, swap) in _rows(pverbs, "petrarch_verbs.tsv", 5):
        if code:
            lex.patterns[lemma].append(
                Pattern(f"petrarch:{group}:{lemma}", lemma, particle, (), "", (), code, swap == "1", priority=2)
            )
        if group in by_group and "@" + group not in lex.verb_groups[lemma]:
            lex.verb_groups[lemma].append("@" + group)

    for ln, (code, root, quad, gold, _gs, ev, mode, ctx, _ps, label) in _rows(_data("cameo.tsv"), "cameo.tsv", 10):
        lex.cameo[code] = CameoCode(
            code=code,
            root=root,
            quad_class=int(quad) if quad else None,
            goldstein=float(gold) if gold else None,
            plover=Plover(event=ev or None, mode=mode or None, context=tuple(c for c in ctx.split(";") if c)),
            label=label,
        )
    for ln, (noun, code, flags) in _rows(_data("nouns.tsv"), "nouns.tsv", 3):
        w = _words(noun)
        fl = set(flags.split(","))
        lex.nouns[w[-1]].append(NounEntry(w, code, "sym" in fl, "solo" in fl))
    for ln, (lemma, role) in _rows(_data("verbs.tsv"), "verbs.tsv", 2):
        lex.roles[lemma].add(role)
    for ln, (kind, prefix, code) in _rows(_data("maps.tsv"), "maps.tsv", 3):
        lex.maps[kind][prefix] = code
    n = 0
    for verb, pats in lex.patterns.items():
        by_head: dict[str, list[Pattern]] = defaultdict(list)
        for p in pats:
            n += 1
            lex.ranks[id(p)] = (-p.score, p.priority, n)
            by_head["o:" + p.object[-1] if p.object else "p:" + p.prep if p.prep else ""].append(p)
        for v in by_head.values():
            v.sort(key=lambda p: lex.ranks[id(p)])
        lex.index[verb] = dict(by_head)
    lex.version = "lexicon." + digest.hexdigest()[:8]
    return lex
