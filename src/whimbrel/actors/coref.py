"""Rule-based coreference for actor mentions.

* he/she/him/her/his/hers -> the most recent compatible person (``coref:pronoun``).
  A subject pronoun that opens a sentence prefers the previous sentence's subject;
  an object pronoun skips the subject of its own clause ("Kim, who joined him").
* it/its -> the state or organisation that is the subject of a clause containing
  the pronoun ("Pyongyang used its media"), else the most recent one.
* they/them/their -> the coordinated subject of a containing clause (one mention
  per member), else the most recent plural agent, group, organisation or state.
* Group references ("the two", "both leaders", "the two sides", "both countries")
  -> the last pair that acted together (coordinated, or subject and object of
  one verb) before them (``coref:pair``); one mention per member, all with the
  span of the phrase. "countries"/"nations"/"states" give the members' countries.

Every resolved mention keeps ``chain``: the offsets of its antecedent(s).
"""

from __future__ import annotations

import bisect

from .mention import WMention

PERSON_PRON = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
IT_PRON = {"it", "its", "itself"}
THEY_PRON = {"they", "them", "their", "theirs", "themselves"}
GROUP_NOUNS = {"leaders", "sides", "countries", "nations", "men", "presidents", "governments", "ministers",
               "states", "parties", "delegations", "neighbours", "neighbors", "allies", "rivals", "heads",
               "women", "officials", "foes", "capitals", "powers", "armies"}
STATE_NOUNS = {"countries", "nations", "states", "governments", "capitals", "powers", "neighbours", "neighbors"}
PAST_FORMS = {"held", "met", "said", "made", "took", "signed", "agreed", "spoke", "shook", "had", "were", "have",
              "will", "would", "also", "then", "later", "sat", "went", "came", "gave", "left", "discussed"}
SUBJ = ("nsubj", "nsubjpass", "csubj")
ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "attr", "agent", "conj", "appos"}
MAX_BACK_SENTS = 3
PAIR_BACK_SENTS = 8  # how far back "the two" looks for the pair


def _is_verb(t) -> bool:
    return t.pos_ in ("VERB", "AUX")


def _subject_tokens(v):
    """Subject tokens of a verb: its own, or (for conj/xcomp/advcl verbs) its head verb's."""
    seen = 0
    while v is not None and seen < 4:
        subs = [c for c in v.children if c.dep_ in SUBJ]
        if not subs:  # "X and Y – both hoping ... – have agreed": the parser hangs X on the advcl
            for c in v.children:
                if c.dep_ == "advcl" and c.i < v.i:
                    subs = [s for s in c.children if s.dep_ in SUBJ and s.i < c.i]
                    if subs:
                        break
        if subs:
            return subs
        if v.dep_ in ("conj", "xcomp", "advcl", "ccomp") and v.head.i != v.i and v.dep_ != "ccomp":
            v = v.head
            seen += 1
            continue
        return []
    return []


class _Index:
    def __init__(self, sp, ms: list[WMention]):
        self.sp = sp
        self.by_head: dict[int, list[WMention]] = {}
        for w in ms:
            self.by_head.setdefault(w.head, []).append(w)
        self.by_tok: dict[int, WMention] = {}
        for w in ms:
            for i in range(w.tok_start, w.tok_end):
                self.by_tok.setdefault(i, w)

    def add(self, w: WMention) -> None:
        self.by_head.setdefault(w.head, []).append(w)
        for i in range(w.tok_start, w.tok_end):
            self.by_tok.setdefault(i, w)

    def mentions_at(self, tok) -> list[WMention]:
        """Mentions headed by (or covering) a token; a relative pronoun maps to its antecedent."""
        if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl":
            tok = tok.head.head
        ws = self.by_head.get(tok.i)
        if ws:
            return ws
        w = self.by_tok.get(tok.i)
        return [w] if w else []


def _members(idx: _Index, tok) -> list[WMention]:
    """The mention at a subject token plus its coordinated partners; a noun with no mention
    of its own stands for the actor compounded with it ("Syrian opposition members")."""
    out = list(idx.mentions_at(tok))
    if not out and tok.pos_ == "NOUN":
        out = [w for c in tok.children if c.dep_ == "compound" for w in idx.mentions_at(c)]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_members(idx, c))
    return out


def _actorish(w: WMention) -> bool:
    return w.kind != "place" and not w.consumed and w.code != ""


def _state_like(w: WMention) -> bool:
    return w.kind in ("country", "organisation", "group", "agent") or (
        w.kind == "pronoun" and w.extra.get("antecedent_kind") in ("country", "organisation", "group", "agent"))


def _person_like(w: WMention) -> bool:
    return w.kind == "person" or (w.kind == "pronoun" and w.extra.get("antecedent_kind") == "person"
                                  and w.rule == "coref:pronoun")


def _copy(ante: WMention, tok_start: int, tok_end: int, start: int, end: int, rule: str, head: int) -> WMention:
    w = WMention(start, end, tok_start, tok_end, ante.code, "pronoun", rule, name=ante.name, kb_id=ante.kb_id,
                 chain=((ante.start, ante.end),), head=head)
    w.extra["antecedent_kind"] = ante.extra.get("antecedent_kind", ante.kind)
    if ante.kind == "pronoun" and ante.chain:
        w.chain = ante.chain  # point at the named mention, not at another pronoun
    return w


def _plural(sp, w: WMention) -> bool:
    if w.rule in ("coref:pair", "coref:plural") or w.extra.get("plural"):
        return True
    return w.kind in ("agent", "group") and sp[w.head].tag_ in ("NNS", "NNPS")


def _ancestor_subjects(idx: _Index, tok, want, *, singular: bool = False) -> list[WMention] | None:
    """Mentions that are the subject of the nearest verb dominating ``tok`` that has
    a subject. ``None`` when no dominating verb has one; ``[]`` when the subject is
    not a suitable mention ("Apple said its profits rose": not a state we know)."""
    t = tok
    hops = 0
    while t.head.i != t.i and hops < 8:
        t = t.head
        hops += 1
        if not _is_verb(t):
            continue
        subs = [s for s in _subject_tokens(t) if s.i != tok.i]
        if subs and all(s.left_edge.i <= tok.i <= s.right_edge.i for s in subs):
            continue  # "its forces had struck ...": the pronoun is in this subject; look higher
        if not subs:
            continue
        for s in subs:
            members = [w for w in _members(idx, s) if _actorish(w) and w.start < tok.idx]
            if singular and (len(members) > 1 or any(c.dep_ == "conj" for c in s.children)):
                return []  # "the army and the RSF agreed ..., but it collapsed": not "it"
            cands = [w for w in members if want(w)]
            if cands:
                return cands
        return []
    return None


def _pairs(idx: _Index, ms: list[WMention], before: int) -> list[tuple[int, WMention, WMention]]:
    """Pairs of distinct actors that acted together, with the position of the later one."""
    sp = idx.sp
    out = []
    act = sorted((w for w in ms if (_actorish(w) or (_host(w) and not w.consumed)) and w.end <= before),
                 key=lambda w: w.start)
    # "X and Y": adjacent mentions joined by a bare conjunction (robust to bad headline parses)
    for a, b in zip(act, act[1:]):
        between = [t for t in sp[a.tok_end:b.tok_start] if not t.is_space]
        if len(between) == 1 and between[0].lower_ in ("and", "&") and a.code != b.code:
            out.append((b.start, a, b))
    for w in act:
        h = sp[w.head]
        # coordination: "Kim Jong-un and ... Diaz-Canel"
        if h.dep_ == "conj":
            for o in idx.mentions_at(h.head):
                if _actorish(o) and o is not w and o.code != w.code and o.end <= before:
                    out.append((max(o.start, w.start), o, w))
        if h.dep_ not in ARG_DEPS or h.dep_ == "conj":
            continue
        # governing verb within a few hops, not through a modifier
        t, hops, ok = h, 0, True
        while not _is_verb(t) and hops < 6:
            if t.dep_ in ("compound", "amod", "poss", "nmod"):
                ok = False
                break
            t = t.head
            hops += 1
        if not ok or not _is_verb(t):
            continue
        for s in _subject_tokens(t):
            for o in idx.mentions_at(s):
                if o is w or not _actorish(o) or o.end > before or o.kind == "place":
                    continue
                if (o.kb_id and o.kb_id == w.kb_id) or o.code == w.code:
                    continue
                out.append((max(o.start, w.start), o, w))
    # "two sides" are two parties: a country's government and its own firms are not a pair
    return [(pos, a, b) for pos, a, b in out
            if a.code[:3] != b.code[:3] or (a.kind == "person" and b.kind == "person")]


#: a place visited is the other party of the visit ("MBS will travel to Washington. The two sides ...")
HOST_RULES = ("place:visit", "place:travel", "place:arrive", "place:fly", "place:come", "place:head", "place:go",
              "place:tour", "place:reach")


def _host(w: WMention) -> bool:
    return w.kind == "place" and w.rule.startswith(HOST_RULES) and w.root not in ("---", "IGO", "NGO")


def string_ids(words) -> set[int]:
    """The spaCy string ids of ``words`` (to scan a doc's LOWER array without making Tokens)."""
    from spacy.strings import get_string_id

    return {get_string_id(w) for w in words}


def _group_refs(sp, lows: list[int] | None = None) -> list[tuple[int, int, str | None]]:
    """(tok_start, tok_end, noun) of "the two", "both leaders", "the two sides"..."""
    out = []
    n = len(sp)
    lows = sp.to_array("LOWER").tolist() if lows is None else lows
    want = string_ids(("two", "both"))
    for i, h in enumerate(lows):
        if h not in want:
            continue
        t = sp[i]
        low = t.lower_
        if low == "two" and t.i > 0 and sp[t.i - 1].lower_ == "the":
            nxt = sp[t.i + 1] if t.i + 1 < n else None
            if nxt is not None and nxt.lower_ in GROUP_NOUNS:
                out.append((t.i - 1, t.i + 2, nxt.lower_))
            elif nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") or (
                    nxt.pos_ == "ADJ" and (nxt.tag_ in ("VBD", "VBN") or nxt.lower_ in PAST_FORMS
                                           or nxt.lower_.endswith("ed"))):
                # "the two held talks" (a tagger may call "held" an adjective), not "the two main parties"
                out.append((t.i - 1, t.i + 1, None))
        elif low == "both":
            nxt = sp[t.i + 1] if t.i + 1 < n else None
            if nxt is not None and nxt.lower_ in GROUP_NOUNS:
                out.append((t.i, t.i + 2, nxt.lower_))
            elif t.dep_ in ("nsubj", "nsubjpass") or (nxt is not None and nxt.lower_ == "of" and t.i + 2 < n
                                                      and sp[t.i + 2].lower_ in ("them", "us")):
                out.append((t.i, t.i + 1, None))
    return out


def resolve_coreference(sp, ms: list[WMention]) -> list[WMention]:
    """Add pronoun and group-reference mentions to ``ms`` (returned in text order)."""
    by_tok: dict[int, WMention] = {}
    for w in ms:
        for i in range(w.tok_start, w.tok_end):
            by_tok.setdefault(i, w)
    anaphors = []
    groups = []
    drop: set[int] = set()
    lows = sp.to_array("LOWER").tolist()
    for ts, te, noun in _group_refs(sp, lows):
        clash = [by_tok[i] for i in range(ts, te) if i in by_tok]
        if clash and all(w.rule == "agent:bare" for w in clash):
            drop.update(id(w) for w in clash)  # "both leaders": a group reference, not an agent
            clash = []
        if not clash:
            groups.append(("group", ts, te, noun))
    if drop:
        ms = [w for w in ms if id(w) not in drop]
    idx = _Index(sp, ms)
    taken = set(idx.by_tok)
    pron = string_ids(PERSON_PRON | IT_PRON | THEY_PRON)
    for i, h in enumerate(lows):
        if h in pron and i not in taken:
            anaphors.append(("pron", i, i + 1, None))
    anaphors.extend(groups)
    anaphors.sort(key=lambda a: a[1])
    out = sorted(ms, key=lambda w: w.start)
    keys = [w.start for w in out]
    sents = list(sp.sents)
    starts = [s.start for s in sents]

    def add(w: WMention) -> None:
        k = bisect.bisect_right(keys, w.start)
        keys.insert(k, w.start)
        out.insert(k, w)
        idx.add(w)

    def between(lo: int, hi: int) -> list[WMention]:
        return out[bisect.bisect_left(keys, lo):bisect.bisect_left(keys, hi)]

    for kind, ts, te, noun in anaphors:
        tok = sp[ts]
        start, end = sp[ts].idx, sp[te - 1].idx + len(sp[te - 1].text)
        k_sent = bisect.bisect_right(starts, ts) - 1
        sent_start = starts[k_sent]
        horizon = sents[max(0, k_sent - MAX_BACK_SENTS)].start_char
        prior = [w for w in between(horizon, start) if w.end <= start and _actorish(w)]
        if kind == "group":
            window = sents[max(0, k_sent - PAIR_BACK_SENTS)].start_char
            pairs = _pairs(idx, between(window, start), start)
            if not pairs:
                continue
            _, a, b = max(pairs, key=lambda p: p[0])
            for ante in (a, b):
                w = _copy(ante, ts, te, start, end, "coref:pair", sp[te - 1].i)
                if noun in STATE_NOUNS:
                    w.code = ante.root
                w.chain = ((a.start, a.end), (b.start, b.end))
                add(w)
            continue
        low = tok.lower_
        ante: list[WMention] = []
        if low in PERSON_PRON:
            people = [w for w in prior if _person_like(w)]
            if tok.dep_ in SUBJ and not [w for w in people if w.start >= sp[sent_start].idx]:
                prev = _previous_subject(idx, sp, tok, _person_like)
                if prev:
                    ante = [prev]
            if not ante:
                blocked = set()
                if tok.dep_ in ("dobj", "pobj", "dative"):
                    v = tok.head if _is_verb(tok.head) else tok.head.head
                    for s in _subject_tokens(v):
                        blocked.update(id(w) for w in idx.mentions_at(s))
                for w in reversed(people):
                    if id(w) not in blocked:
                        ante = [w]
                        break
            rule = "coref:pronoun"
        elif low in IT_PRON:
            single_state = lambda w: _state_like(w) and not _person_like(w) and not _plural(sp, w)  # noqa: E731
            found = _ancestor_subjects(idx, tok, single_state, singular=True)
            ante = (found or [])[:1]
            if found is None:
                if low == "it":  # a bare "it" only continues the previous sentence's subject
                    prev = _previous_subject(idx, sp, tok, single_state)
                    ante = [prev] if prev else []
                else:
                    near = [w for w in prior if single_state(w) and not w.code.startswith("---")
                            and w.start >= sents[max(0, k_sent - 1)].start_char]
                    ante = near[-1:]
            rule = "coref:pronoun"
        else:
            found = _ancestor_subjects(idx, tok, lambda w: not _person_like(w) or len(_members(idx, sp[w.head])) > 1)
            ante = found or []
            if found is None and tok.dep_ in SUBJ:
                # "X and Y met in Paris. They called on...": the previous sentence's coordinated subject
                prev = _previous_subject(idx, sp, tok, lambda w: True)
                if prev is not None:
                    members = [w for w in _members(idx, sp[prev.head]) if _actorish(w)]
                    if len(members) >= 2 or _plural(sp, prev):
                        ante, found = members, members
            if found is None:
                plural = [w for w in prior if (w.kind in ("agent", "group", "organisation", "country")
                                               or w.rule == "coref:pair") and not w.code.startswith("---")]
                ante = plural[-1:]
                if ante and ante[0].rule in ("coref:pair", "coref:plural"):  # take the whole group
                    ante = [w for w in prior if (w.start, w.end) == (ante[0].start, ante[0].end)]
            rule = "coref:pronoun" if len(ante) < 2 else "coref:plural"
        for a in ante:
            w = _copy(a, ts, te, start, end, rule, tok.i)
            if len(ante) > 1:
                w.chain = tuple((x.start, x.end) for x in ante)
            add(w)
    return out


def _previous_subject(idx: _Index, sp, tok, want) -> WMention | None:
    """The subject mention of the main verb of the sentence before ``tok``'s (skipping blank ones)."""
    sent = tok.sent
    k = sent.start - 1
    while k >= 0:
        prev = sp[k].sent
        if prev.text.strip():
            root = prev.root
            for s in _subject_tokens(root):
                for w in idx.mentions_at(s):
                    if want(w) and _actorish(w):
                        return w
            return None
        k = prev.start - 1
    return None
