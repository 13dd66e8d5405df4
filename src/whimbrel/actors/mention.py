"""Working mentions and helpers shared by the resolver and the event coder.

Helpers for the coder (all take a :class:`~whimbrel.model.Document` whose
``mentions`` the ``actors`` stage has set):

* :func:`mentions_in(doc, start, end) <mentions_in>` - actor mentions overlapping
  a character range (e.g. a token's or a subtree's span), in text order;
* :func:`mention_for_token(doc, token) <mention_for_token>` - the mentions covering
  one spaCy token (several for a group reference such as "the two");
* :func:`is_actor(m) <is_actor>` - False for ``kind == "place"`` mentions, which
  are locations and must not be used as a source;
* :func:`compose(base, sector) <compose>` - CAMEO code arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Actor, Document

SECTORS = {"GOV", "MIL", "COP", "REB", "OPP", "MED", "JUD", "LEG", "BUS", "CVL", "ELI", "SPY", "EDU", "HLH",
           "LAB", "AGR", "REF", "CRM", "UAF", "PTY", "ENV", "HRI", "DEV", "IGO", "NGO", "MOD", "RAD"}
ORG_ROOTS = {"IGO", "NGO", "IMG", "MNC"}


def compose(base: str, sector: str | None) -> str:
    """``compose("PRK", "MED") == "PRKMED"``; a base that already ends with the
    sector is kept ("PRKGOV" + "GOV"); a capital's government code gives its root."""
    if not sector:
        return base
    if base.endswith(sector):
        return base
    root = base[:3]
    if root not in ORG_ROOTS and len(base) > 3:
        base = root  # "PRKGOV" (a capital) + "MIL" -> "PRKMIL"
    return base + sector


def sector_of(code: str) -> str | None:
    rest = code[3:]
    for i in range(0, len(rest), 3):
        s = rest[i:i + 3]
        if s in SECTORS:
            return s
    return None


@dataclass
class WMention:
    """A mention while the stage works on it (mutable); becomes an Actor at the end."""

    start: int
    end: int
    tok_start: int
    tok_end: int
    code: str
    kind: str
    rule: str
    name: str | None = None
    kb_id: str | None = None
    chain: tuple[tuple[int, int], ...] = ()
    head: int = -1  # token index of the syntactic head
    consumed: bool = False  # folded into a larger mention
    extra: dict = field(default_factory=dict)

    @property
    def root(self) -> str:
        return self.code[:3] if self.code else "---"

    def to_actor(self, text: str) -> Actor:
        root = self.root
        return Actor(
            code=self.code,
            text=text[self.start:self.end],
            start=self.start,
            end=self.end,
            country=root,
            sector=sector_of(self.code),
            name=self.name,
            kb_id=self.kb_id,
            rule=self.rule,
            kind=self.kind,
            chain=self.chain,
        )


def mentions_in(doc: Document, start: int, end: int) -> list[Actor]:
    """Mentions overlapping the character range [start, end), in text order."""
    return [m for m in doc.mentions if m.start < end and start < m.end]


def mention_for_token(doc: Document, token) -> list[Actor]:
    """Mentions covering a spaCy token (by offset overlap)."""
    return mentions_in(doc, token.idx, token.idx + len(token.text))


def is_actor(m: Actor) -> bool:
    """A mention that may act (a source or target); places may not act."""
    return m.kind != "place"
