"""The verb lexicon and CAMEO/PLOVER tables: data files -> lookup objects.

Everything is read from ``events/data/`` (and the user's own pattern files) once,
into a :class:`Lexicon` held by the coder stage. Nothing happens at import time.

Pattern files share one TSV shape (see the header of ``data/lexicon.tsv``):
``verb particle object prep pobj code flags``. User files given in
``Settings.lexicon_files`` (``WHIMBREL_LEXICON``) use the same columns and take
priority over the shipped files.

An object or pobj column (and a noun in ``nouns.tsv``) may name an object class
from ``data/classes.tsv`` (``impose &SANCTIONS 163``): the row is expanded here, at
load time, into one pattern per class member, so matching stays a lookup by the
object's head word. The verb and prep columns may list choices (``send|dispatch``,
``to|into``): one pattern per choice.
"""

from __future__ import annotations

import functools
import heapq
import hashlib
import re
from collections import defaultdict
from itertools import product
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
    object_class: str = ""  # the class the row named ("&SANCTIONS"), if any
    # PETRARCH-1 patterns read with --only-dicts: word sequences one of which must come just
    # before the verb ("did n't * over efforts"), and the target's reply code of [A:B]
    before: tuple[tuple[str, ...], ...] = ()
    also: str = ""

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
            + (2 + max(map(len, self.before)) if self.before else 0)
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
    classes: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # "&SANCTIONS" -> member phrases
    extra_codes: dict[str, CameoCode] = field(default_factory=dict)  # dictionary codes CAMEO lacks
    only_dicts: bool = False  # the lexicon is a PETRARCH dictionary alone (--only-dicts)
    derived: dict[str, tuple[str, ...]] = field(default_factory=dict)  # noun -> verbs it is derived from

    def class_heads(self, name: str) -> frozenset[str]:
        """The last words of the members of class ``name`` (a member phrase matches a noun
        phrase only through its last word: a cheap first test)."""
        cache = self.__dict__.setdefault("_class_heads", {})
        heads = cache.get(name)
        if heads is None:
            heads = cache[name] = frozenset(w[-1] for w in self.classes.get(name, ()) if w)
        return heads

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

    def has_particle(self, verb: str, particle: str) -> bool:
        """Does a pattern of ``verb`` (or of its PETRARCH group) name this particle ("call off")?"""
        cache = self.__dict__.setdefault("_particles", {})
        if verb not in cache:
            cache[verb] = {p.particle for name in (verb, *self.verb_groups.get(verb, ()))
                           for lst in (self.index.get(name) or {}).values() for p in lst if p.particle}
        return particle in cache[verb]

    def place_verb(self, verb: str) -> bool:
        """Does one of ``verb``'s own patterns let a place be its target ("visit")?"""
        cache = self.__dict__.setdefault("_place_verbs", {})
        if verb not in cache:
            idx = self.index.get(verb) or {}
            cache[verb] = any(p.place for lst in idx.values() for p in lst)
        return cache[verb]

    def info(self, code: str) -> CameoCode | None:
        c = self.cameo.get(code)
        full = code
        while c is None and len(code) > 2:
            code = code[:-1]
            c = self.cameo.get(code)
        return c if c is not None or not self.extra_codes else self.extra_codes.get(full)

    def verb_lemma(self, lemma: str, text: str) -> str:
        """Repair the rule lemmatizer's dropped 'e' ("staged" -> "stag", "hoping" -> "hop")."""
        lemma = lemma.lower()
        if self.only_dicts and text != lemma and text in self.index and lemma in self.index:
            return text  # a PETRARCH dictionary may list a form apart from its verb (LEFT [032:033], LEAVE [012])
        if self.knows(lemma) or lemma in self.roles:
            return lemma
        e = lemma + "e"
        if text.startswith(lemma) and (self.knows(e) or e in self.roles):
            return e
        if text != lemma or lemma.endswith(("ed", "ing", "s")):
            # the rule lemmatizer left an unknown inflected form as it is ("petitioned") or cut it
            # wrongly: a known stem of the text under the regular endings
            for cand in _stems(text):
                if self.knows(cand) or cand in self.roles:
                    return cand
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


def _stems(form: str) -> list[str]:
    """Candidate verb stems of a regular inflected form: "petitioned" -> petition, "lobbied"
    -> lobby, "banning" -> ban, "staging" -> stage."""
    out = []
    for suffix in ("ed", "ing", "es", "s"):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[: -len(suffix)]
            out += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "banned" -> ban
            if suffix in ("ed", "es") and stem.endswith("i"):
                out.append(stem[:-1] + "y")  # "lobbied" -> lobby
    return out


def _rows(text: str, origin: str, ncols: int):
    for ln, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < ncols:
            cols += [""] * (ncols - len(cols))
        yield ln, [c.strip() for c in cols]


#: a hyphen the tokenizer splits off (between a letter or digit and a letter: "sit-in" ->
#: sit - in, "cease-fire", "50-caliber"; "f-16" and "ak-47" stay one token)
_SPLIT_HYPHEN = re.compile(r"(?<=[a-z0-9])-(?=[a-z])")


def _words(s: str) -> tuple[str, ...]:
    """The words of an entry as the parse has them: lower case, hyphenated words split as
    the tokenizer splits them (the hyphen itself is not a word the matcher reads)."""
    return tuple(w for w in _SPLIT_HYPHEN.sub(" ", s.lower()).split() if w)


def _expand(lex: Lexicon, s: str, where: str) -> list[tuple[tuple[str, ...], str]]:
    """The word tuples a column stands for, with the class it named: a class token
    (``&SANCTIONS``, ``military &AID``) gives one tuple per member (the member's
    words in the token's place, so its head stays last when the class is last)."""
    words = s.split()
    refs = [i for i, w in enumerate(words) if w.startswith("&")]
    if not refs:
        return [(_words(s), "")]
    if len(refs) > 1:
        raise DataFileError(f"{where}: one object class per column (got {s!r})")
    i = refs[0]
    name = words[i].upper()
    members = lex.classes.get(name)
    if members is None:
        raise DataFileError(f"{where}: unknown object class {words[i]} (classes are listed in events/data/classes.tsv)")
    before, after = _words(" ".join(words[:i])), _words(" ".join(words[i + 1:]))
    return [(before + m + after, name) for m in members]


def _add_patterns(lex: Lexicon, text: str, origin: str, priority: int) -> None:
    for ln, (verb, particle, obj, prep, pobj, code, flags) in _rows(text, origin, 7):
        if not verb or not code or not code.isdigit():
            raise DataFileError(
                f"{origin}:{ln}: a pattern needs a verb and a numeric CAMEO code "
                f"(columns: verb particle object prep pobj code flags)"
            )
        fl = {f.strip() for f in flags.split(",") if f.strip()}
        where = f"{origin}:{ln}"
        # "send|dispatch" in the verb column, "to|into" in the prep column: one row per choice
        verbs = [w.strip().lower() for w in verb.split("|") if w.strip()]
        preps = [w.strip().lower() for w in prep.split("|")] if prep else [""]
        if not verbs or (prep and not all(preps)):
            raise DataFileError(f"{where}: an empty choice in 'a|b' (columns: verb particle object prep pobj code flags)")
        for (ow, ocls), (pw, pcls), vb, pp in product(_expand(lex, obj, where), _expand(lex, pobj, where), verbs, preps):
            lex.patterns[vb].append(
                Pattern(
                    id=where,
                    verb=vb,
                    particle=particle.lower(),
                    object=ow,
                    prep=pp,
                    pobj=pw,
                    code=code,
                    swap="swap" in fl,
                    sym="sym" in fl,
                    place="place" in fl,
                    transitive=True if "obj" in fl else False if "noobj" in fl else None,
                    plover=next((f.split("=", 1)[1] for f in fl if f.startswith("plover=")), ""),
                    priority=priority,
                    object_class=ocls or pcls,
                )
            )


def _data(name: str) -> str:
    return (files("whimbrel.events") / "data" / name).read_text(encoding="utf-8")


def _add_petrarch(lex: Lexicon, patterns, verbs, origin: str, priority: int = 2, pextra=None, vextra=None) -> None:
    """Add PETRARCH verb rows (the columns of petrarch_patterns.tsv and petrarch_verbs.tsv,
    each row with its line number). A pattern applies to the verbs it was written for
    (its verbs column); patterns with an empty verbs column apply to every verb of their
    synonym group."""
    groups_with_patterns: set[str] = set()
    pextra, vextra = pextra or {}, vextra or {}
    for ln, (group, verbs_col, pp, obj, prep, pobj, pc, swap) in patterns:
        where = f"{origin}:{ln}"
        ex = pextra.get(ln - 1, {})
        owners = [tuple(v.split(" ", 1)) if " " in v else (v, "") for v in verbs_col.split(",") if v] or [("@" + group, "")]
        if not verbs_col:
            groups_with_patterns.add(group)
        for ow, ocls in _expand(lex, obj, where):
            for pw, pcls in _expand(lex, pobj, where):
                for verb, vpart in owners:
                    lex.patterns[verb].append(
                        Pattern(f"petrarch:{group}:{ln}", verb, pp or vpart, ow, prep, pw, pc, swap == "1",
                                priority=priority, object_class=ocls or pcls, before=ex.get("before", ()),
                                also=ex.get("also", ""))
                    )
    for ln, (lemma, particle, group, code, swap) in verbs:
        if code:
            lex.patterns[lemma].append(
                Pattern(f"petrarch:{group}:{lemma}", lemma, particle, (), "", (), code, swap == "1", priority=priority,
                        also=vextra.get(ln - 1, {}).get("also", ""))
            )
        if group in groups_with_patterns and "@" + group not in lex.verb_groups[lemma]:
            lex.verb_groups[lemma].append("@" + group)


@functools.lru_cache(maxsize=8)
def load_lexicon(user_files: tuple[Path, ...] = (), dicts=None) -> Lexicon:
    """Load the shipped tables plus the user's pattern files (cached per file list).

    ``dicts`` (a :class:`~whimbrel.petrdict.load.DictSpec`) with PETRARCH verb dictionaries
    puts them in place of the shipped conversion of CAMEO.2.0 (petrarch_*.tsv); their
    synonym sets become object classes. With ``dicts.only`` the lexicon holds the
    dictionaries' verbs alone (no whimbrel patterns, classes, event nouns or code maps)."""
    lex = Lexicon()
    digest = hashlib.sha1()
    only = lex.only_dicts = bool(dicts and dicts.only)
    loaded = None
    if dicts and (dicts.verbs or only):
        from ..petrdict.load import load_dictionaries

        loaded = load_dictionaries(dicts)
        digest.update(repr(dicts).encode())
        for f in dicts.verbs:
            digest.update(Path(f).read_bytes())
    # object classes first: every pattern file may name one
    if not only:
        classes = _data("classes.tsv")
        digest.update(classes.encode())
        for ln, (name, member, _origin) in _rows(classes, "classes.tsv", 3):
            lex.classes.setdefault(name.upper(), []).append(_words(member))
    for conv in loaded.verbs if loaded else ():
        for name, members in conv.sets.items():  # a dictionary's own sets replace same-named classes
            words = [w for w in dict.fromkeys(_words(m) for m in members) if w]
            lex.classes[name.upper()] = words
            lex.classes.setdefault(name.upper().rstrip("_"), words)  # "&SET_" is named "&SET" in patterns
    for p in user_files:
        try:
            text = Path(p).read_text(encoding="utf-8")
        except OSError as e:
            raise DataFileError(f"cannot read lexicon file {p}: {e}; check WHIMBREL_LEXICON") from e
        digest.update(text.encode())
        _add_patterns(lex, text, Path(p).name, 0)
    if not only:
        own = _data("lexicon.tsv")
        digest.update(own.encode())
        _add_patterns(lex, own, "lexicon.tsv", 1)
    if loaded is not None:
        for f, conv in zip(dicts.verbs, loaded.verbs):
            # alone (--only-dicts), a dictionary is the lexicon: its rows rank as whimbrel's own
            # (priority 1), not as the weak defaults of the shipped CAMEO.2.0 conversion
            _add_petrarch(lex, enumerate(conv.patterns, 1), enumerate(conv.verbs, 1), Path(f).name, 1 if only else 2,
                          conv.pattern_extra, conv.verb_extra)
    else:
        pverbs = _data("petrarch_verbs.tsv")
        ppats = _data("petrarch_patterns.tsv")
        digest.update(pverbs.encode())
        digest.update(ppats.encode())
        _add_petrarch(lex, _rows(ppats, "petrarch_patterns.tsv", 8), _rows(pverbs, "petrarch_verbs.tsv", 5),
                      "petrarch_patterns.tsv")

    for ln, (code, root, quad, gold, _gs, ev, mode, ctx, _ps, label) in _rows(_data("cameo.tsv"), "cameo.tsv", 10):
        lex.cameo[code] = CameoCode(
            code=code,
            root=root,
            quad_class=int(quad) if quad else None,
            goldstein=float(gold) if gold else None,
            plover=Plover(event=ev or None, mode=mode or None, context=tuple(c for c in ctx.split(";") if c)),
            label=label,
        )
    for ln, (noun, code, flags) in () if only else _rows(_data("nouns.tsv"), "nouns.tsv", 3):
        fl = set(flags.split(","))
        for w, _cls in _expand(lex, noun, f"nouns.tsv:{ln}"):
            if not any(e.words == w for e in lex.nouns[w[-1]]):  # the first row for a noun wins
                lex.nouns[w[-1]].append(NounEntry(w, code, "sym" in fl, "solo" in fl))
    if not only:
        derivations = _data("derivations.tsv")
        digest.update(derivations.encode())
        for ln, (noun, verbs) in _rows(derivations, "derivations.tsv", 2):
            lex.derived[noun] = tuple(v for v in verbs.split("|") if v)
    for ln, (lemma, role) in _rows(_data("verbs.tsv"), "verbs.tsv", 2):
        lex.roles[lemma].add(role)
    for ln, (kind, prefix, code) in () if only else _rows(_data("maps.tsv"), "maps.tsv", 3):
        lex.maps[kind][prefix] = code
    if loaded is not None:  # a dictionary's codes that CAMEO lacks (WEIS, local codes) are still events
        for pats in lex.patterns.values():
            for p in pats:
                if lex.info(p.code) is None and p.code not in lex.extra_codes:
                    lex.extra_codes[p.code] = CameoCode(p.code, p.code[:2], None, None, Plover(None, None, ()), "")
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
