"""Headlines the small parser mis-reads: "Kim and Diaz-Canel pledge closer relations".

Headlines use bare present-tense verbs that the tagger often takes for nouns
("pledge", "vow", "agree"). When a headline has no verb but a noun that is a
verb of the lexicon follows an actor, the headline is parsed again with that
word in the past tense ("pledged"), which the parser reads as a verb; events
found there are mapped back to the original offsets.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from ..model import Article, Document, Paragraph, Sentence

IRREGULAR = {
    "meet": "met", "hold": "held", "make": "made", "give": "gave", "take": "took", "say": "said", "tell": "told",
    "seek": "sought", "win": "won", "lead": "led", "fight": "fought", "strike": "struck", "send": "sent",
    "begin": "began", "break": "broke", "sell": "sold", "buy": "bought", "leave": "left", "bring": "brought",
    "keep": "kept", "go": "went", "come": "came", "see": "saw", "shoot": "shot", "run": "ran", "set": "set",
    "cut": "cut", "put": "put", "hit": "hit", "pay": "paid", "stand": "stood", "speak": "spoke", "swear": "swore",
    "withdraw": "withdrew", "freeze": "froze", "forbid": "forbade", "lay": "laid", "slay": "slew", "bid": "bid",
}
VOWELS = set("aeiou")


def past_tense(verb: str) -> str:
    if verb in IRREGULAR:
        return IRREGULAR[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in VOWELS:
        return verb[:-1] + "ied"
    if (len(verb) >= 3 and verb[-1] not in VOWELS and verb[-1] not in "wxy" and verb[-2] in VOWELS
            and verb[-3] not in VOWELS and len(verb) <= 4):
        return verb + verb[-1] + "ed"  # "ban" -> "banned", "stop" -> "stopped"
    return verb + "ed"


def candidate(span, lex, idx):
    """The noun token to read as the headline's verb, or None."""
    if any(t.pos_ in ("VERB", "AUX") for t in span):
        return None
    seen_actor = False
    for t in span:
        if idx.at(t):
            seen_actor = True
            continue
        if seen_actor and t.pos_ in ("NOUN", "PROPN", "ADJ") and t.lower_.isalpha():
            w = t.lower_
            base = w[:-1] if w.endswith("s") and lex.knows(w[:-1]) else w
            if lex.knows(base) and any(p.priority < 2 for p in lex.patterns.get(base, ())):
                return t, base
    return None


def recode(stage_coder, lex, doc: Document, sent: Sentence, span, idx, nlp):
    """Events of a mis-parsed headline, recoded from a past-tense re-parse (offsets mapped back)."""
    from .roles import MentionIndex, nodes_of

    found = candidate(span, lex, idx)
    if found is None:
        return []
    tok, base = found
    text = doc.article.text
    s0 = sent.start
    a, b = tok.idx - s0, tok.idx + len(tok.text) - s0
    stext = text[sent.start: sent.end]
    new = past_tense(base)
    ntext = stext[:a] + new + stext[b:]
    delta = len(new) - (b - a)

    def fwd(o: int) -> int:  # article offset -> new-text offset
        r = o - s0
        return r + delta if r >= b else r

    def back(o: int) -> int:  # new-text offset -> article offset
        return s0 + (o - delta if o >= b + delta else min(o, a + len(new)) if o > a else o)

    shifted, orig = [], {}
    for m in doc.mentions:
        if m.start >= sent.start and m.end <= sent.end:
            sm = replace(m, start=fwd(m.start), end=fwd(m.end))
            shifted.append(sm)
            orig[(sm.start, sm.end, sm.code)] = m
    sp = nlp(ntext)
    # a country the bad parse folded into an agent ("Russia and Ukraine swap prisoners" ->
    # "Russian prisoners") is the actor itself when the re-parse makes it the subject
    for k, sm in enumerate(shifted):
        if sm.rule in ("agent:compound", "agent:nationality") and sm.kind == "agent":
            toks = [t for t in sp if sm.start <= t.idx < sm.end]
            subj = toks and (toks[0].dep_ if toks[0].dep_ != "conj" else toks[0].head.dep_) in ("nsubj", "nsubjpass")
            if subj:
                fixed = replace(sm, code=sm.code[:3], sector=None, rule=sm.rule + "+headline-subject")
                base = orig.pop((sm.start, sm.end, sm.code), None)
                if base is not None:
                    orig[(fixed.start, fixed.end, fixed.code)] = replace(base, code=fixed.code, sector=None, rule=fixed.rule)
                shifted[k] = fixed
    tmp = Document(article=Article(id=doc.article.id, text=ntext, paragraphs=(Paragraph(0, len(ntext), "headline"),)))
    tmp.spacy = sp
    nidx = MentionIndex(sp, shifted)
    nodes = nodes_of(sp[:])
    for n in nodes:
        if n.pos_ in ("VERB", "ADJ"):
            n.lemma_ = lex.verb_lemma(n.lemma_, n.lower_)
    tsent = Sentence(index=sent.index, start=0, end=len(ntext), paragraph=sent.paragraph, kind=sent.kind)
    out = []
    for e in stage_coder(lex, tmp, tsent, nodes, nidx).code():
        src = orig.get((e.source.start, e.source.end, e.source.code), e.source) if e.source else None
        tgt = orig.get((e.target.start, e.target.end, e.target.code), e.target) if e.target else None
        t0 = back(e.evidence.trigger_start)
        t1 = max(t0 + 1, min(sent.end, back(e.evidence.trigger_end)))
        ev = replace(e.evidence, sentence=stext, sentence_start=s0, trigger=text[t0:t1], trigger_start=t0, trigger_end=t1,
                     pattern=e.evidence.pattern + "+headline-reparse")
        key = "|".join([doc.article.id, str(sent.index), str(t0), str(t1), src.code if src else "", tgt.code if tgt else "", e.cameo])
        out.append(replace(e, source=src, target=tgt, evidence=ev, event_id=hashlib.sha1(key.encode()).hexdigest()[:16]))
    return out
