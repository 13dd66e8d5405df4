"""The actor knowledge base: entries with dated roles, and the name index.

Files (all under ``actors/data/``, plus user files from ``Settings.actor_files``
or ``--actors``) share one tab-separated format, documented in docs/actors.md::

    id  kind  code  start  end  names  context

One line per role; the first line of an id carries its names ('|'-separated,
the first is canonical). ``start``/``end`` are ISO dates or empty. ``context``
lists ISO3 codes of which the article must mention one for the names to apply
("the North" is North Korea only in a Korea story); items written ``key=value``
(``role=foreign_minister``) are tags of that line's role, not context codes
(see :data:`ROLE_TAGS`).

Precedence, for the same name: user files > hand-written files (people, orgs,
countries_extra) > generated ones (factbook, countries) > phoenix. A name that a
higher file knows is never resolved from a lower one, so modern data wins over
the 2014 Phoenix dictionaries (which code Diaz-Canel as an education official).

Agents (role nouns -> sector codes) come from ``agents.tsv``.

Nothing is read at import time. :func:`load_kb` builds a
:class:`KnowledgeBase` once per set of files and caches it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import marshal
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from ..errors import WhimbrelError

#: files shipped with the package, with their precedence (higher wins); the
#: per-country files of dated offices, ``roles/<ISO3>.tsv``, follow people.tsv
#: at its precedence (see :func:`builtin_files`)
BASE_FILES = (
    ("phoenix.tsv", 0),
    ("countries.tsv", 1),
    ("factbook.tsv", 1),
    ("countries_extra.tsv", 2),
    ("orgs.tsv", 2),
    ("people.tsv", 2),
)
ROLES_DIR = "roles"
USER_PRIORITY = 3
#: the place of PETRARCH actor dictionaries read at run time (``--dict-actors``) in a
#: file list: they take the layer of phoenix.tsv, the build-time conversion they replace
DICT_ACTORS = "petrdict:actors"
KINDS = {"person", "country", "demonym", "people", "capital", "city", "organisation", "group"}
#: the ``role=`` tags a person's line may carry in its context column
ROLE_TAGS = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister")
SECTOR_LIKE = re.compile(r"^(?:[A-Z]{3}|---)")


class ActorFileError(WhimbrelError):
    """An actor file is missing or malformed."""

    code = "actor_file"


@functools.lru_cache(maxsize=1)
def builtin_files() -> tuple[tuple[str, int], ...]:
    """The shipped files with their precedence: :data:`BASE_FILES`, then every
    ``roles/*.tsv`` in name order (one file per country, same layer as people.tsv:
    a line whose id is in people.tsv adds a role to that person)."""
    roles = files("whimbrel.actors") / "data" / ROLES_DIR
    names = sorted(f.name for f in roles.iterdir() if f.name.endswith(".tsv"))
    return BASE_FILES + tuple((f"{ROLES_DIR}/{n}", 2) for n in names)


# --------------------------------------------------------------- name pieces
_FOLD_CACHE: dict[str, str] = {}


def _fold_char(c: str) -> str:
    r = _FOLD_CACHE.get(c)
    if r is None:
        if c in "\u2019\u2018`\u00b4":
            r = "'"
        else:
            d = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
            r = d if len(d) == 1 else c
        r = r.lower()
        if len(r) != 1:
            r = c
        _FOLD_CACHE[c] = r
    return r


def fold(text: str) -> str:
    """Lower-case, strip accents and unify apostrophes, keeping every offset."""
    if text.isascii():
        return text.lower().replace("`", "'")
    return "".join(_fold_char(c) for c in text)


_SEP = "\\s\\-\u2010\u2011\u2013\u2014/,;:()\\[\\]{}\"\u201c\u201d!?'."
_PIECE = re.compile(rf"'s\b|[^{_SEP}]+(?:\.(?=[^{_SEP}])[^{_SEP}]+|'(?!s\b)[^{_SEP}]+)*\.?")


def pieces_with_offsets(text: str) -> list[tuple[str, int, int]]:
    """Split a string into matching pieces with their offsets.

    Hyphens and most punctuation separate pieces; "'s" is its own piece; a
    trailing full stop is dropped ("U.S." -> "u.s", "Jong-un" -> "jong", "un").
    """
    f = fold(text)
    out = []
    for m in _PIECE.finditer(f):
        p = m.group()
        if p.endswith(".") and len(p) > 1:
            p = p[:-1]
        out.append((p, m.start(), m.start() + len(p)))
    return out


def pieces(text: str) -> tuple[str, ...]:
    """The pieces of :func:`pieces_with_offsets`, without offsets (faster)."""
    return tuple(p[:-1] if p.endswith(".") and len(p) > 1 else p for p in _PIECE.findall(fold(text)))


def name_key(text: str) -> str:
    """The index key of a name: its pieces joined by spaces ("Díaz-Canel" -> "diaz canel")."""
    return " ".join(pieces(text))


# --------------------------------------------------------------- records
@dataclass(frozen=True)
class Role:
    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    office: str = ""  # the role= tags of the line(s), e.g. "foreign_minister"

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def describe(self) -> str:
        what = f" ({self.office.replace('_', ' ').replace(',', ', ')})" if self.office else ""
        if not self.start and not self.end:
            return f"{self.code} (undated){what}"
        return f"{self.code} {self.start or '…'} to {self.end or 'today'}{what}"


@dataclass(frozen=True)
class Resolution:
    """What an entry means on a date, and why."""

    code: str
    reason: str


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    name: str
    names: tuple[str, ...]
    roles: tuple[Role, ...]
    context: tuple[str, ...] = ()
    source: str = ""
    priority: int = 0

    @property
    def country(self) -> str:
        return self.roles[0].code[:3] if self.roles else "---"

    def code_on(self, day: dt.date) -> Resolution:
        """The code this entry has on ``day``: the covering role, else the
        undated one, else former (ELI) after its last role, else its country."""
        cover = [r for r in self.roles if (r.start or r.end) and r.covers(day)]
        if cover:
            r = max(cover, key=lambda r: (r.start or dt.date.min, -len(r.code)))
            return Resolution(r.code, f"role {r.describe()} covers {day}")
        undated = [r for r in self.roles if not r.start and not r.end]
        if undated:
            return Resolution(undated[-1].code, f"undated role {undated[-1].code}")
        past = [r for r in self.roles if r.end and r.end <= day]
        if past:
            last = max(past, key=lambda r: r.end)
            return Resolution(last.code[:3] + "ELI", f"out of office since {last.end} (was {last.code})")
        first = min(self.roles, key=lambda r: r.start or dt.date.max)
        return Resolution(first.code[:3], f"before its first role ({first.describe()})")


class KnowledgeBase:
    """Name index plus entries. Entries are kept as raw tuples and turned into
    :class:`Entry` records on first use, so that loading stays cheap."""

    def __init__(self, raw, index, prefixes, agents, agent_prefixes, files=()):
        self._raw: dict[str, tuple] = raw
        self.index: dict[str, tuple[str, ...]] = index  # "kim jong un" -> entry ids
        # prefix sets are stored as tuples: marshal sorts a set's items when it writes one,
        # which made writing the cache several times slower
        self.prefixes: frozenset[str] = frozenset(prefixes)
        self.agents: dict[str, str] = agents  # "state media" -> "MED"
        self.agent_prefixes: frozenset[str] = frozenset(agent_prefixes)
        self.files = files
        self._entries: dict[str, Entry] = {}
        self._surnames: dict[str, set[str]] | None = None

    @property
    def stats(self) -> dict[str, int]:
        return {"entries": len(self._raw), "names": len(self.index), "agents": len(self.agents)}

    def entry(self, id_: str) -> Entry:
        e = self._entries.get(id_)
        if e is None:
            kind, names, roles, context, source, prio = self._raw[id_]
            e = Entry(id_, kind, names[0], tuple(names),
                      tuple(Role(c, dt.date.fromisoformat(a) if a else None, dt.date.fromisoformat(b) if b else None, o)
                            for c, a, b, o in roles),
                      tuple(context), source, prio)
            self._entries[id_] = e
        return e

    def entries_for(self, key: str) -> list[Entry]:
        return [self.entry(i) for i in self.index.get(key, ())]

    def lookup(self, name: str) -> list[Entry]:
        """Entries a name (as written) resolves to, before date and context."""
        return self.entries_for(name_key(name))

    def agent(self, phrase: str) -> str | None:
        return self.agents.get(name_key(phrase))

    def countries_named(self, word: str) -> frozenset[str]:
        """Codes of the countries one of whose names holds ``word`` ("kingdom": "Kingdom of
        Saudi Arabia", "United Kingdom")."""
        word = word.lower()
        out = set()
        for id_, raw in self._raw.items():
            if raw[0] == "country" and any(word in n.lower() for n in raw[1]):
                roles = self.entry(id_).roles
                if roles and roles[-1].code[:3].isalpha():
                    out.add(roles[-1].code[:3])
        return frozenset(out)

    def people_named(self, piece: str) -> set[str]:
        """Ids of the people with a name of two words or more ending in ``piece`` ("sanchez"):
        how common a surname is in the knowledge base. The table is built on first use."""
        if self._surnames is None:
            table: dict[str, set[str]] = {}
            raw = self._raw
            for key, ids in self.index.items():
                i = key.rfind(" ")
                if i < 0:
                    continue
                people = [x for x in ids if raw[x][0] == "person"]
                if people:
                    table.setdefault(key[i + 1:], set()).update(people)
            self._surnames = table
        return self._surnames.get(piece, set())


# --------------------------------------------------------------- loading
def _iso(s: str, where: str) -> str:
    """A checked ISO date string ('' for none); the same dates recur, so canonical ones are memoised."""
    s = s.strip()
    if not s or s in _SEEN_DATES:
        return s
    iso = _date(s, where).isoformat()
    if iso == s:
        _SEEN_DATES.add(s)
    return iso


_SEEN_DATES: set[str] = set()


def _date(s: str, where: str) -> dt.date | None:
    s = s.strip()
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        raise ActorFileError(f"{where}: bad date {s!r}; write dates as YYYY-MM-DD or leave the column empty") from None


def _read_rows(text: str, source: str):
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            raise ActorFileError(
                f"{source}:{n}: expected tab-separated columns id, kind, code, start, end, names, context; got {line!r}"
            )
        cols += [""] * (7 - len(cols))
        yield n, cols


def _plurals(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Plural forms of an agent phrase: of its last word, and of the head noun before an "of"
    ("heads of state", "members of parliament")."""
    out = [tuple(words[:-1]) + (f,) for f in _plural_words(words[-1])]
    if "of" in words[1:-1]:
        k = words.index("of", 1)
        out += [words[:k - 1] + (f,) + words[k:] for f in _plural_words(words[k - 1])]
    return out


def _plural_words(last: str) -> set[str]:
    irregular = {"man": "men", "woman": "women", "person": "people", "child": "children", "militiaman": "militiamen",
                 "policeman": "policemen", "chief": "chiefs", "staff": "staff", "police": "police",
                 "spokesman": "spokesmen", "spokeswoman": "spokeswomen", "congressman": "congressmen"}
    forms = set()
    if last in irregular:
        forms.add(irregular[last])
    elif last.endswith("man"):
        forms.add(last[:-3] + "men")
    elif re.search(r"[^aeiou]y$", last):
        forms.add(last[:-1] + "ies")
    elif re.search(r"(s|x|z|ch|sh)$", last):
        forms.add(last + "es")
    else:
        forms.add(last + "s")
    return forms


def read_actor_file(path: str | Path) -> list[tuple]:
    """Parse and check one user actor file: [(id, kind, code, start, end, names, context)].

    Raises :class:`ActorFileError` with the file, line and what to fix."""
    p = Path(path)
    if not p.is_file():
        raise ActorFileError(f"actor file {path} not found; check --actors or WHIMBREL_ACTORS")
    return list(_parse(p.read_text(encoding="utf-8"), str(p)))


def _parse(text: str, source: str):
    for n, (id_, kind, code, start, end, names, context, *_) in _read_rows(text, source):
        id_, kind, code = id_.strip(), kind.strip(), code.strip()
        if kind not in KINDS:
            raise ActorFileError(f"{source}:{n}: unknown kind {kind!r}; use one of {', '.join(sorted(KINDS))}")
        if not SECTOR_LIKE.match(code):
            raise ActorFileError(f"{source}:{n}: code {code!r} is not a CAMEO actor code (e.g. USAGOV, IGOUNO)")
        where = f"{source}:{n}"
        if "=" in context:
            for tag in (c.strip() for c in context.split("|") if "=" in c):
                key, _, value = tag.partition("=")
                if key.strip() != "role" or value.strip() not in ROLE_TAGS:
                    raise ActorFileError(f"{where}: unknown tag {tag!r} in the context column; "
                                         f"use role=<{'|'.join(ROLE_TAGS)}> or ISO3 codes")
        yield id_, kind, code, _iso(start, where), _iso(end, where), names, context


def _builtin_rows(text: str):
    """The rows of a shipped file, unchecked (fast). The shipped files are kept canonical
    (stripped cells, ISO dates, valid kinds and codes): tests/actors/test_actors_kb.py
    checks that this gives exactly what the checking :func:`_parse` gives."""
    for line in text.split("\n"):
        if not line or line[0] == "#" or line.isspace():
            continue
        cols = line.split("\t")
        if len(cols) < 7:
            cols += [""] * (7 - len(cols))
        yield cols[:7]


def _agent_lines(dicts=None) -> list[str]:
    """The agent table's lines: the kinds of people from WordNet (agents_wordnet.tsv), then
    agents.tsv; with PETRARCH agent dictionaries, the WordNet table, theirs and the hand-written
    agents_extra.tsv (agents.tsv is Phoenix's plus that file), or with ``--only-dicts`` theirs
    alone. Later lines win."""
    data = files("whimbrel.actors") / "data"
    wordnet = (data / "agents_wordnet.tsv").read_text(encoding="utf-8").splitlines()  # first: later lines win
    if not dicts or not (dicts.agents or dicts.only):
        return wordnet + (data / "agents.tsv").read_text(encoding="utf-8").splitlines()
    from ..petrdict.load import load_dictionaries

    lines = list(load_dictionaries(dicts).agent_rows)
    if not dicts.only:
        lines = wordnet + lines + (data / "agents_extra.tsv").read_text(encoding="utf-8").splitlines()
    return lines


def _compile(paths: tuple[tuple[str, int], ...], dicts=None) -> tuple:
    """Read the files and build (raw entries, index, prefixes, agents, agent prefixes)."""
    data = files("whimbrel.actors") / "data"
    raw: dict[str, list] = {}  # id -> [kind, names, roles, context, source, prio]
    for name, prio in paths:
        if name == DICT_ACTORS:
            from ..petrdict.load import load_dictionaries

            rows = _builtin_rows("\n".join(load_dictionaries(dicts).actor_rows))
            source = "PETRARCH actor dictionaries"
        elif prio < USER_PRIORITY:
            rows = _builtin_rows((data / name).read_text(encoding="utf-8"))
            source = name
        else:
            p = Path(name)
            if not p.is_file():
                raise ActorFileError(f"actor file {name} not found; check --actors or WHIMBREL_ACTORS")
            source = str(p)
            rows = _parse(p.read_text(encoding="utf-8"), source)
        for id_, kind, code, start, end, names, context in rows:
            office = ",".join(c.strip()[5:] for c in context.split("|") if c.strip().startswith("role=")) if context else ""
            e = raw.get(id_)
            if e is None:
                e = raw[id_] = [kind, [], [[code, start, end, office]], (), source, prio]
            else:
                if prio > e[5]:  # a user file redefines an entry: its roles replace the old ones
                    e[0], e[2], e[4], e[5] = kind, [], source, prio
                same = next((r for r in e[2] if r[0] == code and r[1] == start and r[2] == end), None)
                if same is None:
                    e[2].append([code, start, end, office])
                elif office and office not in same[3].split(","):
                    same[3] = f"{same[3]},{office}" if same[3] else office  # head of state and of government
            if names:
                e[1].extend(x.strip() for x in names.split("|") if x.strip())
            if context:
                ctx = tuple(c.strip() for c in context.split("|") if c.strip() and "=" not in c)
                if ctx:  # key=value items (role=foreign_minister) tag the role; they are not context codes
                    e[3] = ctx
    out: dict[str, tuple] = {}
    best: dict[str, int] = {}
    index: dict[str, list[str]] = {}
    keys: dict[str, str] = {}
    redirect = _same_people(raw, keys)
    for id_, (kind, names, roles, context, source, prio) in raw.items():
        if not names or not roles:
            continue
        names = tuple(dict.fromkeys(names))
        out[id_] = (kind, names, tuple(tuple(r) for r in roles), context, source, prio)
        target = redirect.get(id_, id_)
        for nm in names:
            key = keys.get(nm)
            if key is None:
                key = keys[nm] = name_key(nm)
            if not key:
                continue
            b = best.get(key, -1)
            if prio > b:
                best[key] = prio
                index[key] = [target]
            elif prio == b and target not in index[key]:
                index[key].append(target)
    agents: dict[str, str] = {}
    for line in _agent_lines(dicts):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        key = pieces(cols[0]) if len(cols) >= 2 else ()
        if key:
            agents[" ".join(key)] = cols[1].strip()
    for key, code in list(agents.items()):
        for pl in _plurals(tuple(key.split(" "))):
            agents.setdefault(" ".join(pl), code)
    return (out, {k: tuple(v) for k, v in index.items()}, tuple(_prefixes(index)), agents,
            tuple(_prefixes(agents)))


def _same_people(raw: dict[str, list], keys: dict[str, str]) -> dict[str, str]:
    """Lower-precedence person entries that are a hand-written person under another id:
    {low id: high id}. Phoenix lists Bashar al-Assad twice with undated roles and the
    aliases "Assad" and "Mr Assad"; people.tsv dates his office. An entry that shares a
    full name (two words or more) with a higher-precedence person of the same country
    (exactly one in the highest file that has the name) is that person, so its other names (aliases, misspellings) index his dated
    entry instead of the undated one. A name the higher file itself lists still wins."""
    def key(nm: str) -> str:
        k = keys.get(nm)
        if k is None:
            k = keys[nm] = name_key(nm)
        return k

    full: dict[str, set[str]] = {}
    for id_, (kind, names, roles, _ctx, _src, prio) in raw.items():
        if kind == "person" and prio > 0 and roles:
            for nm in names:
                k = key(nm)
                if " " in k:
                    full.setdefault(k, set()).add(id_)
    out: dict[str, str] = {}
    for id_, (kind, names, roles, _ctx, _src, prio) in raw.items():
        if kind != "person" or not roles:
            continue
        roots = {r[0][:3] for r in roles}
        same = set()
        for nm in names:
            k = key(nm)
            if " " in k:
                same.update(h for h in full.get(k, ()) if h != id_ and raw[h][5] > prio)
        same = {h for h in same if {r[0][:3] for r in raw[h][2]} & roots}
        if same:
            top = max(raw[h][5] for h in same)
            same = {h for h in same if raw[h][5] == top}
        if len(same) == 1:  # the highest file's entry, when only one there has the name
            out[id_] = same.pop()
    return out


def _prefixes(keys) -> set[str]:
    """Every key and each of its leading word runs ("kim jong un" -> "kim", "kim jong", ...)."""
    out: set[str] = set()
    add = out.add
    for k in keys:
        if k in out:
            continue  # added as a prefix of a longer key, with its own prefixes
        add(k)
        i = k.rfind(" ")
        while i > 0:
            p = k[:i]
            if p in out:
                break  # its shorter prefixes are in already
            add(p)
            i = k.rfind(" ", 0, i)
    return out


CACHE_VERSION = "7"  # 2: roles carry their office; 3: prefix sets as tuples; 4: duplicate people merged;
#                      6: checked header; 7: plurals of "X of Y" agents
#: a cache file is MAGIC, the 16-character key, the SHA-256 of the payload, then the marshal payload
CACHE_MAGIC = b"whimbrel-actors\x00"


def _cache_dir() -> Path | None:
    base = os.environ.get("WHIMBREL_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "whimbrel")
    return Path(base) if base else None


def _fingerprint(paths, dicts=None) -> str:
    """The cache key: format, Python version, and each file's name, precedence and *contents*
    (a file can change and keep its size and time; hashing 3 MB takes a few milliseconds)."""
    data = files("whimbrel.actors") / "data"
    h = hashlib.sha1(f"{CACHE_VERSION}|{sys.version_info[:2]}".encode())
    extra = []
    if dicts:  # PETRARCH dictionaries: their files' contents, the --only-dicts switch and the readers' code
        h.update(f"|dicts|{dicts.only}|".encode())
        readers = files("whimbrel.petrdict")
        for name in ("common.py", "actors.py", "agents.py"):
            h.update((readers / name).read_bytes())
        extra = [(f, USER_PRIORITY) for f in (*dicts.actors, "|agents|", *dicts.agents)]
    for name, prio in [*paths, ("agents_wordnet.tsv", -1), ("agents.tsv", -1), ("agents_extra.tsv", -1), *extra]:
        h.update(f"|{name}|{prio}|".encode())
        if name == DICT_ACTORS:
            continue  # the files are in ``extra``
        p = Path(str(data / name)) if prio < USER_PRIORITY else Path(name)
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"missing")
    return h.hexdigest()[:16]


def _read_cache(target: Path, key: str):
    """The compiled index in ``target`` if it is whole and was built from these files, else ``None``.

    A cache file that was edited, truncated, written for other files or by
    another version fails one of the checks (magic, key, payload digest,
    shape) and is rebuilt, instead of making every document fail.
    """
    try:
        blob = target.read_bytes()
    except OSError:
        return None
    head = len(CACHE_MAGIC) + 16 + 32
    if len(blob) < head or not blob.startswith(CACHE_MAGIC) or blob[len(CACHE_MAGIC):len(CACHE_MAGIC) + 16] != key.encode():
        return None
    payload = memoryview(blob)[head:]
    if hashlib.sha256(payload).digest() != blob[head - 32:head]:
        return None
    try:
        compiled = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
    shapes = (dict, dict, tuple, dict, tuple)
    if not (isinstance(compiled, tuple) and len(compiled) == 5
            and all(isinstance(c, t) for c, t in zip(compiled, shapes))):
        return None
    return compiled


def _write_cache(target: Path, key: str, compiled) -> None:
    payload = marshal.dumps(compiled)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(CACHE_MAGIC + key.encode() + hashlib.sha256(payload).digest() + payload)
    os.replace(tmp, target)


def content_hash(user_files=()) -> str:
    """SHA-1 of the built-in and user actor files' contents (for versioning)."""
    data = files("whimbrel.actors") / "data"
    h = hashlib.sha1()
    for name, _ in builtin_files():
        h.update((data / name).read_bytes())
    h.update((data / "agents_wordnet.tsv").read_bytes())
    h.update((data / "agents.tsv").read_bytes())
    h.update((data / "context_words.tsv").read_bytes())  # the bare-name rule's vocabulary
    for f in user_files:
        try:
            h.update(Path(f).read_bytes())
        except OSError:
            h.update(str(f).encode())
    return h.hexdigest()


def _load(paths: tuple[tuple[str, int], ...], *, use_cache: bool = True, dicts=None) -> KnowledgeBase:
    """Load the files; a compiled copy is kept in the user cache directory
    (``WHIMBREL_CACHE``, default ``~/.cache/whimbrel``), keyed by the files'
    contents and checked when read (:func:`_read_cache`), so a warm load only
    reads one marshal file, and a damaged one is rebuilt."""
    names = tuple(n for n, _ in paths)
    for n, prio in paths:  # fail fast, before the slow compile, on a bad user file
        if prio >= USER_PRIORITY and n != DICT_ACTORS:
            read_actor_file(n)
    cache = _cache_dir() if use_cache else None
    key = _fingerprint(paths, dicts) if cache else ""
    target = cache / f"actors-{key}.marshal" if cache else None
    if target is not None and target.is_file():
        compiled = _read_cache(target, key)
        if compiled is not None:
            with contextlib.suppress(OSError):
                os.utime(target)  # recently used: kept by _prune_cache
            return KnowledgeBase(*compiled, files=names)
    compiled = _compile(paths, dicts)
    if target is not None:
        try:
            _write_cache(target, key, compiled)
            _prune_cache(target.parent)
        except OSError:
            pass  # read-only home: run without a cache
    return KnowledgeBase(*compiled, files=names)


#: compiled indexes kept in the cache directory (one per set of files; each is ~6 MB)
CACHE_KEEP = 4


def _prune_cache(directory: Path, keep: int = CACHE_KEEP) -> None:
    """Delete all but the ``keep`` most recently used compiled indexes: every data
    edit or set of user files makes a new one, and old ones are never read again."""
    found = []
    for f in directory.glob("actors-*.marshal"):
        try:
            found.append((f.stat().st_mtime, f))
        except OSError:
            continue
    for _, f in sorted(found, reverse=True)[keep:]:
        with contextlib.suppress(OSError):
            f.unlink()


def _paths_with(user_files: tuple[str, ...], dicts=None) -> tuple[tuple[str, int], ...]:
    """The file list: built-in files (none with ``--only-dicts``; without phoenix.tsv when
    PETRARCH actor dictionaries replace it), PETRARCH dictionaries, then user files."""
    base = builtin_files()
    if dicts and dicts.only:
        base = ()
    elif dicts and dicts.actors:
        base = tuple(x for x in base if x[0] != "phoenix.tsv")
    if dicts and dicts.actors:
        # alone, the dictionaries are not the noisy bottom layer (whose one-word names must be
        # proper nouns in the text, see actors/match.py): they rank as hand-written files
        base = ((DICT_ACTORS, 2 if dicts.only else 0),) + base
    return base + tuple((f, USER_PRIORITY) for f in user_files)


@functools.lru_cache(maxsize=4)
def _cached(user_files: tuple[str, ...], dicts=None) -> KnowledgeBase:
    return _load(_paths_with(user_files, dicts), dicts=dicts or None)


def load_kb(user_files=(), *, dicts=None) -> KnowledgeBase:
    """The knowledge base with the built-in files plus ``user_files``, cached per set of files;
    ``dicts`` (a :class:`~whimbrel.petrdict.load.DictSpec`) adds or substitutes PETRARCH
    dictionaries (docs/petrdict.md)."""
    return _cached(tuple(str(Path(f)) for f in user_files), dicts or None)
