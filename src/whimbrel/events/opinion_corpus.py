"""Training samples for the opinion model from the project's own corpus (data/opinion_corpus).

A corpus record is one generated sentence with marked source, target and trigger
(character offsets) and a label (a PLOVER type or ``NONE``). It is parsed and its
actors resolved by whimbrel's own pipeline, so the model sees the same parse and
mentions as at coding time. Each record gives its marked candidate, plus a ``NONE``
sample for every other verb with an actor subject that is not inside the trigger's
own clause (a reporting verb, a background verb): the model learns that a verb of a
political sentence is not always an event.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ..model import Article, Paragraph
from .modality import mood
from .opinion import TYPES, Candidate, Lookup, features
from .roles import MentionIndex, nodes_of, np_mentions, subject_token

DEFAULT_CORPUS = Path(__file__).resolve().parents[3] / "data" / "opinion_corpus" / "corpus.jsonl"
DEFAULT_WORDNET = DEFAULT_CORPUS.parent / "wordnet.tsv"


def read_corpus(path: Path | str = DEFAULT_CORPUS, *, limit: int | None = None) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line))
                if limit and len(out) >= limit:
                    break
    return out


def _article(r: dict) -> Article:
    pub = dt.datetime.fromisoformat(r["published"]) if r.get("published") else None
    return Article(id=r["id"], text=r["text"], paragraphs=(Paragraph(0, len(r["text"]), "body"),), published=pub)


def _in(m, span) -> bool:
    return span is not None and m.start < span[1] and span[0] < m.end


def candidate(nodes, idx, mentions, trig_node, src_span=None, tgt_span=None, *, from_parse: bool = False) -> Candidate:
    md = mood(trig_node)
    if from_parse:
        src = tuple(np_mentions(subject_token(trig_node), idx))
        tgt = ()
    else:
        src = tuple(m for m in mentions if _in(m, src_span))
        tgt = tuple(m for m in mentions if _in(m, tgt_span))
    return Candidate(trig_node, src, tgt, md.negated, md.future, md.hypothetical)


def samples_of(doc, r: dict, look: Lookup) -> list[tuple[list[str], int]]:
    """The (features, label) samples of one parsed corpus record."""
    span = doc.spacy[:]
    nodes = nodes_of(span)
    idx = MentionIndex(nodes, doc.mentions)
    trig = r.get("trigger")
    if not trig:
        return []
    in_trig = [n for n in nodes if trig[0] <= n.idx < trig[1]]
    if not in_trig:
        return []
    t = next((n for n in in_trig if n.pos_ in ("VERB", "AUX", "NOUN")), in_trig[0])
    out = []
    c = candidate(nodes, idx, doc.mentions, t, r.get("source"), r.get("target"))
    out.append((features(c, nodes, look), TYPES.index(r["label"])))
    below = {n.i for n in t.subtree}
    gov = t.head.i if t.dep_ in ("xcomp", "ccomp") else -1
    for n in nodes:
        if n.pos_ != "VERB" or n.i in below or n.i == gov:
            continue
        c2 = candidate(nodes, idx, doc.mentions, n, from_parse=True)
        if c2.source:
            out.append((features(c2, nodes, look), TYPES.index("NONE")))
    return out


def corpus_samples(records: list[dict], pipeline, classes: dict | None = None) -> list[tuple[list[str], int]]:
    """Parse the records with ``pipeline`` (actors stage at least) and collect samples;
    ``classes`` is the WordNet class table (:func:`opinion.read_wordnet`)."""
    from ..model import Failure
    from .lexicon import load_lexicon

    look = Lookup(load_lexicon(tuple(pipeline.settings.lexicon_files)), classes)
    out = []
    for r, doc in zip(records, pipeline.pipe(_article(r) for r in records)):
        if isinstance(doc, Failure):
            continue
        out.extend(samples_of(doc, r, look))
    return out
