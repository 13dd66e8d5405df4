"""An actor as a person types it (``PRK``, ``Trump``, ``North Korea``, ``Sharaa``) turned into
the CAMEO code prefixes stored events carry, for ``whimbrel dyad`` and ``partners``.

In order, the first rule that finds something decides:

1. written as a code (upper-case letters, digits and ``-``, three or more: ``PRK``,
   ``USAGOV``): that prefix, as ``events --actor`` reads it;
2. a name or alias in the actor knowledge base (what ``whimbrel actors lookup``
   finds), or a surname of people in it (``Sharaa``). A country or
   organisation gives its code; a person the codes of their roles over the period
   asked for (all of them without one), plus the code they have at its end (``USAELI``
   once out of office). CAMEO codes roles, not people: ``Trump`` in 2018 is ``USAGOV``,
   so the dyad counts every event of the US government then;
3. actors named so in the stored events (a case-insensitive part of the name, as
   ``events --actor kim`` matches): their codes. A surname (step 2) and the stored
   names (step 3) are weighed together: ``Kim`` that is Georgiy Kim in the knowledge
   base and Kim Jong-un in the events is ambiguous;
4. a code written in lower case (``prk``) that stored codes start with.

Several different candidates at one step are an error that lists them (name, id
and codes), so the user can give a longer name or a code.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import UsageError
from ..store.cells import safe

_CODE = re.compile(r"^[A-Z0-9-]{3,}$")
MAX_LISTED = 8


@dataclass(frozen=True)
class Resolved:
    """What an actor argument stands for: ``codes`` (prefixes) and how they were found."""

    text: str
    codes: tuple[str, ...]
    how: str  # "code", or e.g. "Donald Trump (knowledge base p:donald-trump)"

    def describe(self) -> str:
        """``Trump -> USABUS, USAGOV, USAELI (Donald Trump, knowledge base p:donald-trump)``."""
        return f"{safe(self.text)} -> {', '.join(self.codes)} ({safe(self.how)})"


def shortest(codes) -> tuple[str, ...]:
    """The codes without those another one in the set is a prefix of, order kept."""
    codes = list(dict.fromkeys(c for c in codes if c))
    return tuple(c for c in codes if not any(o != c and c.startswith(o) for o in codes))


def _overlaps(role, lo: dt.date | None, hi: dt.date | None) -> bool:
    return (role.start is None or hi is None or role.start <= hi) and (
        role.end is None or lo is None or role.end > lo)


def entry_codes(entry, *, since: dt.date | None = None, until: dt.date | None = None) -> tuple[str, ...]:
    """The codes a knowledge-base entry has over ``[since, until]`` (all its roles without bounds),
    with the one it has on the last day (today when open)."""
    codes = [r.code for r in entry.roles if _overlaps(r, since, until)]
    codes.append(entry.code_on(until or dt.date.today()).code)
    return shortest(codes)


def _ambiguous(text: str, candidates: list[tuple[str, tuple[str, ...]]], where: str) -> UsageError:
    shown = "; ".join(f"{safe(name)}: {', '.join(codes)}" for name, codes in candidates[:MAX_LISTED])
    more = f" and {len(candidates) - MAX_LISTED} more" if len(candidates) > MAX_LISTED else ""
    return UsageError(f"'{safe(text)}' is ambiguous: {len(candidates)} {where} match ({shown}{more}); "
                      f"give a longer name or one of the codes")


def _kb_entries(kb, text: str) -> tuple[list, str]:
    from .kb import name_key

    entries = kb.lookup(text)
    if entries:
        return entries, "name"
    key = name_key(text)
    if key and " " not in key:
        ids = sorted(kb.people_named(key))
        if ids:
            return [kb.entry(i) for i in ids], "surname"
    return [], ""


def _stored(con, text: str) -> list[tuple[str, tuple[str, ...]]]:
    """(name, codes) of the stored actors whose name contains ``text`` (case-insensitive)."""
    rows = con.execute(
        "SELECT name, code, count(*) AS n FROM ("
        " SELECT source_name AS name, source_code AS code FROM events WHERE contains(lower(source_name), lower(?))"
        " UNION ALL"
        " SELECT target_name, target_code FROM events WHERE contains(lower(target_name), lower(?))"
        ") WHERE code IS NOT NULL GROUP BY name, code ORDER BY name, n DESC", [text, text]).fetchall()
    found: dict[str, list[str]] = {}
    for name, code, _n in rows:
        found.setdefault(name, []).append(code)
    return [(name, shortest(codes)) for name, codes in found.items()]


def resolve(text: str, *, kb=None, con=None, since: dt.date | None = None,
            until: dt.date | None = None) -> Resolved:
    """The code prefixes ``text`` stands for (see the module's rules); a :class:`UsageError`
    that lists the candidates when it is ambiguous, or says where it looked when nothing matches."""
    text = (text or "").strip()
    if not text:
        raise UsageError("give an actor: a CAMEO code (PRK, USAGOV) or a name (Trump, North Korea)")
    if _CODE.match(text):
        return Resolved(text, (text,), "code")
    if kb is None:
        from .kb import load_kb

        kb = load_kb()
    from .kb import name_key

    entries, how = _kb_entries(kb, text)
    if entries and how == "name":
        by_codes: dict[tuple[str, ...], list] = {}
        for e in entries:
            by_codes.setdefault(entry_codes(e, since=since, until=until), []).append(e)
        if len(by_codes) == 1:
            (codes, es), = by_codes.items()
            return Resolved(text, codes, f"{es[0].name}, knowledge base {', '.join(e.id for e in es)}")
        raise _ambiguous(text, [(f"{es[0].name} [{es[0].id}]", codes) for codes, es in by_codes.items()],
                         "knowledge-base entries")
    # a surname ("Sharaa", "Kim") is weaker than a whole name: the people of the knowledge base
    # who bear it and the actors of the stored events named so are all candidates
    candidates: dict[str, tuple[str, tuple[str, ...], str]] = {}
    known: set[str] = set()
    for e in entries:
        candidates[e.id] = (f"{e.name} [{e.id}]", entry_codes(e, since=since, until=until),
                            f"{e.name}, knowledge base {e.id} by surname")
        known.update(name_key(n) for n in e.names)
    if con is not None:
        for name, codes in _stored(con, text):
            if name_key(name) not in known:
                candidates.setdefault("stored:" + name, (name, codes, f"{name}, as named in the stored events"))
    if len({c for _, c, _ in candidates.values()}) == 1:
        _, codes, why = next(iter(candidates.values()))
        return Resolved(text, codes, why)
    if candidates:
        raise _ambiguous(text, [(shown, codes) for shown, codes, _ in candidates.values()],
                         "actors (knowledge base and stored events)")
    if con is not None:
        upper = text.upper()
        if _CODE.match(upper) and con.execute(
                "SELECT 1 FROM events WHERE starts_with(source_code, ?) OR starts_with(target_code, ?) LIMIT 1",
                [upper, upper]).fetchall():
            return Resolved(text, (upper,), "code")
    raise UsageError(f"no actor '{safe(text)}': not a code (write codes in capitals: PRK, USAGOV), not a name "
                     f"in the knowledge base (see `whimbrel actors lookup`) nor in the stored events")
