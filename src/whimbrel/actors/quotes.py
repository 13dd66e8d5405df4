"""First-person pronouns inside a quotation are its speaker.

'"We will not negotiate with terrorists," the Nigerian foreign minister said': "We"
is the speaker - the subject of the reporting verb the quotation hangs on, in the
same sentence ("..., the army said", "..., said the army", "The army said: ...").
"I", "me", "my" are the speaker; "we", "us", "our" the speaker's side (the same code:
a foreign minister's "we" is the government the minister belongs to). A speaker that
is itself a pronoun ("he said") gives the code it was resolved to. Quotations with no
reporting verb, or whose speaker is not a coded actor, resolve nothing.

:func:`quoted_pronouns` returns the new mentions (rule ``coref:quote``, ``chain``
pointing at the speaker); the stage calls it after the other coreference rules.
"""

from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX

from ..nlp import doc_text
from .mention import WMention

FIRST_PERSON = {"we", "us", "our", "ours", "ourselves", "i", "me", "my", "mine", "myself"}
#: verbs that introduce a quotation (lemmas)
REPORTING = {"say", "tell", "add", "state", "declare", "warn", "insist", "stress", "write", "announce", "claim",
             "argue", "note", "reply", "respond", "vow", "pledge", "promise", "threaten", "accuse", "urge",
             "explain", "assert", "affirm", "quote", "tweet", "post", "conclude", "continue", "admit"}
_QUOTES = re.compile(r"[\"\u201c\u201d]")
_MAX_QUOTE = 1500  # characters: longer runs are unbalanced quote marks, not one quotation


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of quotations: curly pairs, or straight quotes
    paired in order within a paragraph."""
    out = []
    open_at = None
    for m in _QUOTES.finditer(text):
        c = m.group()
        if open_at is not None and "\n\n" in text[open_at:m.start()]:
            open_at = None  # an unclosed quote does not run into the next paragraph
        if c == "\u201c" or (c == '"' and open_at is None):
            open_at = m.end()
        elif open_at is not None:
            if m.start() - open_at <= _MAX_QUOTE:
                out.append((open_at, m.start()))
            open_at = None
    return out


def _inside(sp, starts: list[int], qs: int, qe: int):
    """The tokens that start inside [qs, qe) (``starts``: every token's start offset, in order)."""
    return sp[bisect.bisect_left(starts, qs):bisect.bisect_left(starts, qe)]


def _speaker_verb(sp, qs: int, qe: int, starts: list[int]):
    """The reporting verb outside the quotation [qs, qe) that the quotation hangs on."""
    inside = list(_inside(sp, starts, qs, qe))
    if not inside:
        return None
    sent = inside[-1].sent
    for t in inside:
        h = t.head
        if not (qs <= h.idx < qe) and h.lemma_.lower() in REPORTING and h.pos_ in ("VERB", "AUX"):
            return h
    # the parser may hang the reporting clause on the quotation instead ("..., the army said.")
    for t in sent:
        if not (qs <= t.idx < qe) and t.lemma_.lower() in REPORTING and t.pos_ in ("VERB", "AUX") \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return t
    return None


def quoted_pronouns(sp, ms: list[WMention]) -> list[WMention]:
    """Mentions for first-person pronouns inside quotations, coded as their speaker."""
    text = doc_text(sp)
    if '"' not in text and "\u201c" not in text:
        return []
    taken = {i for w in ms for i in range(w.tok_start, w.tok_end)}
    by_tok: dict[int, list[WMention]] = {}
    for w in ms:
        if w.kind != "place" and not w.consumed and not w.code.startswith("---"):
            by_tok.setdefault(w.head, []).append(w)
            for i in range(w.tok_start, w.tok_end):
                by_tok.setdefault(i, [w])
    out = []
    starts = sp.to_array(IDX).tolist() if len(sp) else []
    for qs, qe in _quote_spans(text):
        pron = [t for t in _inside(sp, starts, qs, qe) if t.lower_ in FIRST_PERSON and t.i not in taken]
        if not pron:
            continue
        verb = _speaker_verb(sp, qs, qe, starts)
        if verb is None:
            continue
        subj = [c for c in verb.children if c.dep_ == "nsubj" and not (qs <= c.idx < qe)]
        speakers = by_tok.get(subj[0].i, []) if subj else []
        if len(speakers) != 1:
            continue  # no coded speaker, or a group ("X and Y said")
        s = speakers[0]
        for t in pron:
            w = WMention(t.idx, t.idx + len(t.text), t.i, t.i + 1, s.code, "pronoun", "coref:quote",
                         name=s.name, kb_id=s.kb_id, chain=s.chain if s.kind == "pronoun" and s.chain
                         else ((s.start, s.end),), head=t.i)
            w.extra["antecedent_kind"] = s.extra.get("antecedent_kind", s.kind)
            out.append(w)
    return out
