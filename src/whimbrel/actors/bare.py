"""Bare names: a one-word knowledge-base match for a person ("Hadi", "Sanchez", "Costa").

A person's surname (or a given name) alone is the weakest evidence the stage has:
many people share it, and a footballer or a coach who shares a surname with a
head of government is not that government. Two rules:

* :func:`drop_other_people` (before anything is coded): a one-word KB person name
  inside a longer person name found by NER whose other words are not that person's
  names is someone else - "Hadi al-Jabbouri" is not Abed Rabbo Mansour Hadi, "Hafez
  Assad" is not Bashar al-Assad. The NER person is coded by its own title instead.
* :func:`unconfirmed_bare_names` (after titles and short forms): a bare one-word KB
  person needs a cue when the word is ambiguous (three or more other people in the KB
  have it as their surname) or the article is not political (sports or entertainment
  vocabulary). The cues are a title folded into the mention ("President Sanchez"), a
  full mention of the same person in the article, a political word in its sentence
  ("government", "election", "talks"), and - for an ambiguous name in an article
  that is not about sport or entertainment - the person's own country named in the
  article, a political act as the name's verb ("Abbas rejected ...") or another state
  actor in its sentence ("Chavez attacked the United States").
  Without them the mention stays a person of unknown country (``---``, rule
  ``kb:person?unconfirmed``), which the coder does not make a government actor.

The vocabulary that marks a non-political context (sports, entertainment) is data:
``data/context_words.tsv``.
"""

from __future__ import annotations

import functools
from importlib.resources import files

from .kb import KnowledgeBase, pieces

#: extra words inside an NER person that are not names ("Jr", initials)
_NOT_NAMES = {"jr", "sr", "mr", "mrs", "ms", "dr", "'s", "al", "el", "bin", "ibn", "abu", "de", "da", "van", "von"}
#: a surname shared by this many other KB people is ambiguous on its own
AMBIGUOUS_OTHERS = 3


@functools.lru_cache(maxsize=1)
def context_words() -> dict[str, str]:
    """``word -> class`` (``sport``, ``entertainment``) from ``data/context_words.tsv``."""
    out: dict[str, str] = {}
    text = (files("whimbrel.actors") / "data" / "context_words.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, _, cls = line.partition("\t")
        if word.strip() and cls.strip():
            out[word.strip().lower()] = cls.strip()
    return out


def _entry_pieces(kb: KnowledgeBase, ids) -> set[str]:
    out: set[str] = set()
    for i in ids:
        for nm in kb.entry(i).names:
            out.update(pieces(nm))
    return out


def drop_other_people(sp, kb: KnowledgeBase, names: list) -> list:
    """Drop one-word KB person matches that sit inside a longer NER person whose other
    name words the KB person does not have ("Hadi al-Jabbouri", "Hafez Assad")."""
    spans = [(e.start, e.end) for e in sp.ents if e.label_ == "PERSON" and len(e) > 1]
    if not spans:
        return names
    out = []
    for m in names:
        if m.tok_end - m.tok_start == 1:
            ent = next(((s, e) for s, e in spans if s <= m.tok_start < e), None)
            entries = [kb.entry(i) for i in m.ids]
            if ent is not None and entries and all(x.kind == "person" for x in entries):
                own = _entry_pieces(kb, m.ids)
                others = [p for t in sp[ent[0]:ent[1]] if t.i != m.tok_start and not t.is_punct
                          for p in pieces(t.text) if len(p) > 1 and p not in _NOT_NAMES]
                if others and not any(p in own for p in others):
                    continue
        out.append(m)
    return out


def _classes(tokens) -> dict[str, set[str]]:
    """``class -> the different words of that class`` among the tokens."""
    words = context_words()
    out: dict[str, set[str]] = {}
    for t in tokens:
        if t.is_alpha or "-" in t.text:
            low = t.lower_
            c = words.get(low) or words.get(t.lemma_.lower())
            if c:
                out.setdefault(c, set()).add(low)
    return out


def unconfirmed_bare_names(sp, kb: KnowledgeBase, ms: list) -> None:
    """Uncode one-word KB people that have no supporting cue (see the module doc)."""
    bare = [w for w in ms if w.kind == "person" and w.rule.startswith("kb:") and w.kb_id
            and w.tok_end - w.extra.get("name_start", w.tok_start) == 1
            and not w.extra.get("title_agents") and not w.extra.get("title_nat")]
    if not bare:
        return
    full = {w.kb_id for w in ms if w.kind == "person" and w.kb_id
            and w.tok_end - w.extra.get("name_start", w.tok_start) > 1}
    countries = {w.root for w in ms if w.kind in ("country", "city", "place", "agent") and w.root not in ("---", "IGO", "NGO")}
    article = None
    for w in bare:
        if w.kb_id in full:
            continue  # "Pedro Sanchez ... Sanchez said"
        if article is None:
            article = _classes(sp)
        word = sp[w.extra.get("name_start", w.tok_start)]
        sent = word.sent
        political = "politics" in _classes(sent)
        if any(len(article.get(c, ())) >= 2 for c in ("sport", "entertainment")):
            confirmed = political  # "Sanchez scored twice": a footballer, unless politics is named
        else:
            p = pieces(word.text)
            others = len(kb.people_named(p[-1]) - {w.kb_id}) if p else 0
            confirmed = others < AMBIGUOUS_OTHERS or political or w.root in countries \
                or _political_verb(sp, w) or _other_state(ms, w, sent)
        if confirmed:
            continue
        w.extra["unconfirmed"] = (w.kb_id, w.code)
        w.code, w.rule, w.kb_id = "---", "kb:person?unconfirmed", None
        w.name = word.text


def _political_verb(sp, w) -> bool:
    """Is the verb the name is an argument of a political act ("Abbas rejected ...")?"""
    words = context_words()
    t = sp[w.head]
    for _ in range(3):
        if t.pos_ in ("VERB", "AUX"):
            return words.get(t.lemma_.lower()) == "political-act"
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _other_state(ms, w, sent) -> bool:
    """Does the sentence name another state actor (a country, a government agent)? A
    one-word name acting on or with a state is in a political event."""
    return any(o is not w and o.kind in ("country", "agent", "organisation") and o.root not in ("---",)
               and sent.start <= o.tok_start < sent.end for o in ms)
