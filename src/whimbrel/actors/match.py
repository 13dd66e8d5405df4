"""Phrase matching of knowledge-base names and agent nouns over a parsed document.

Names are compared as sequences of *pieces* (see :func:`kb.pieces_with_offsets`):
lower-cased, accent-folded, split at hyphens and punctuation, so "Diaz-Canel",
"Díaz Canel" and a tokenizer split "Diaz - Canel" all give ``diaz canel``. The
text is turned into one piece stream per document; a prefix set built once
with the index makes the longest-match scan linear in practice.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import NamedTuple

from spacy.attrs import IDX, ORTH, SPACY

from .kb import KnowledgeBase, pieces_with_offsets

BARRIER = "\x00"
MAX_PIECES = 12
_HYPHENS = {"-", "\u2010", "\u2011"}


@dataclass(frozen=True)
class Match:
    """A name or agent phrase found in the text."""

    start: int  # char offsets into the text
    end: int
    tok_start: int  # token indices, end exclusive
    tok_end: int
    key: str
    ids: tuple[str, ...] = ()  # KB entry ids (name matches)
    agent: str | None = None  # sector code (agent matches)


class Piece(NamedTuple):
    """One piece of a token (a named tuple: a document makes one per word, ~80k on the
    Lee corpus, and a frozen dataclass costs several times more to create)."""

    text: str
    tok: int
    start: int
    end: int


_piece = functools.partial(tuple.__new__, Piece)


def piece_stream(doc, cache: dict) -> list[Piece]:
    """Pieces of every token, with barriers at sentence punctuation and paragraph breaks.

    ``cache`` maps a token's ORTH id to its pieces (or, for a token with none, to whether it
    is a hyphen and whether an apostrophe), so that a word seen before costs one dict look-up:
    neither its string (spaCy's string store) nor its pieces are computed again."""
    out: list[Piece] = []
    if not len(doc):
        return out
    append = out.append
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, IDX, SPACY]).tolist()  # read as numbers: no Token objects
    for i, (orth, base, space) in enumerate(rows):
        ps = cache.get(orth)
        if ps is None:
            t = strings[orth]
            ps = pieces_with_offsets(t) or (t in _HYPHENS, t in ("'", "\u2019"))
            if len(cache) < 200_000:
                cache[orth] = ps
        if type(ps) is tuple:  # no pieces
            hyphen, apostrophe = ps
            if hyphen and not space or apostrophe:
                continue  # "Diaz - Canel", "Workers ' Party"
            append(Piece(BARRIER, i, base, base))
            continue
        for p, s, e in ps:
            append(_piece((p, i, base + s, base + e)))  # Piece(p, i, ...), without its Python-level __new__
    return out


def _cased(text: str, key: str, kinds: set[str]) -> bool:
    """Names must be written as names: not all lower case; short ones in capitals
    (so "us" and "is" are not the US and Islamic State), unless a person's."""
    if text.islower() or not any(c.isupper() for c in text):
        return False
    if " " not in key and len(key.replace(".", "")) <= 3 and "person" not in kinds:
        letters = [c for c in text if c.isalpha()]
        return all(c.isupper() for c in letters)
    return True


def _longest(stream: list[Piece], i: int, prefixes, index, max_pieces: int) -> tuple[int, str] | None:
    """The longest key in ``index`` starting at piece ``i``, as (last piece, key).

    ``prefixes`` holds every prefix of every key, so the scan stops as soon as the
    pieces read so far can no longer grow into a key.
    """
    best = None
    key = ""
    j = i
    n = len(stream)
    while j < n and j - i < max_pieces:
        p = stream[j].text
        if p == BARRIER:
            break
        key = p if j == i else key + " " + p
        if key not in prefixes:
            break
        if key in index:
            best = (j, key)
        j += 1
    return best


#: "<Country>-backed X": the country supports X, X is not of that country
PROXY_WORDS = {"backed", "supported", "sponsored", "funded", "armed", "trained", "financed", "allied", "aligned"}


def find_names(stream: list[Piece], kb: KnowledgeBase, text: str, doc=None) -> list[Match]:
    """Longest KB name matches, left to right, not overlapping."""
    out: list[Match] = []
    n = len(stream)
    i = 0
    prefixes, index = kb.prefixes, kb.index
    while i < n:
        if stream[i].text not in prefixes:  # what _longest would find first: no key starts here
            i += 1
            continue
        best = _longest(stream, i, prefixes, index, MAX_PIECES)
        if best is not None and i > 0 and stream[i - 1].text in ("pro", "anti", "non", "ex") \
                and stream[i].start - stream[i - 1].end <= 1:
            best = None  # "pro-Russian separatists" are not Russian
        if best is not None and best[0] + 1 < n and stream[best[0] + 1].text in PROXY_WORDS \
                and stream[best[0] + 1].start - stream[best[0]].end == 1 and text[stream[best[0]].end] == "-":
            best = None  # "Iran-backed militias" are Iran's proxies, not Iranian
        if best is not None:
            j, key = best
            a, b = stream[i], stream[j]
            ids = index[key]
            entries = [kb.entry(x) for x in ids]
            kinds = {e.kind for e in entries}
            # one-word names known only from the big Phoenix lists ("Youth", "Doris") must be
            # used as proper nouns or adjectives, not as a capitalised common noun
            pos = doc[a.tok].pos_ if doc is not None else "PROPN"
            weak = i == j and (all(e.priority == 0 for e in entries) and pos not in ("PROPN", "ADJ")
                               or all(e.kind == "city" for e in entries) and pos != "PROPN")
            if not weak and _cased(text[a.start:b.end], key, kinds):
                out.append(Match(a.start, b.end, a.tok, b.tok + 1, key, ids=ids))
                i = j + 1
                continue
        i += 1
    return out


def find_agents(stream: list[Piece], kb: KnowledgeBase, doc) -> list[Match]:
    """Longest agent-noun matches ("state media", "officials", "troops")."""
    out: list[Match] = []
    n = len(stream)
    i = 0
    prefixes, agents = kb.agent_prefixes, kb.agents
    while i < n:
        if stream[i].text not in prefixes:  # as in find_names
            i += 1
            continue
        best = _longest(stream, i, prefixes, agents, 8)
        if best is not None:
            j, key = best
            a, b = stream[i], stream[j]
            last = doc[b.tok]
            # the phrase must end on a noun (not "force" in "force them", "general" in "general strike")
            if last.pos_ in ("NOUN", "PROPN") and b.end == last.idx + len(last.text):
                out.append(Match(a.start, b.end, a.tok, b.tok + 1, key, agent=agents[key]))
                i = j + 1
                continue
        i += 1
    return out
