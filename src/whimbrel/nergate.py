"""The entity recogniser only where a name is unknown: the NER-gated pass.

spaCy's named-entity recogniser has its own tok2vec in ``en_core_web_sm`` and is
the most expensive component (about half of the model's time on the Lee corpus).
whimbrel reads only five of its labels (PERSON and ORG for actors, GPE, LOC and
FAC for places), and for a name the knowledge base knows, the actor comes from
the knowledge-base match, not from NER. The NER-gated pass (on by default;
``WHIMBREL_NER_GATE=0`` runs the full pipeline) therefore runs

1. every component but the entity recogniser on the whole text, so tags, lemmas,
   the parse and the sentences are those of the full pipeline;
2. the entity recogniser on a smaller ``Doc`` made of each name the knowledge
   base may not know (:meth:`.gate.Selector.unknown_names`: a run of capitalised
   words some word of which no knowledge-base name covers) with ``WINDOW`` (3)
   words either side, within its sentence; each piece is a sentence of its own,
   so no entity runs across pieces. The entities are copied back by token index;
3. everywhere else (sentences with no unknown name, and the words of a sentence
   outside the windows), a knowledge-base name that is a country, city or capital
   the gazetteer knows is marked GPE, which is what the recogniser says of it
   there (a seat of government only when the gazetteer reads it as a city:
   "Washington", not "the Pentagon"; an organisation named by its seat when it
   reads it as a big city or a capital: "Brussels"). Known people and
   organisations get no entity: the actor stage finds them by the knowledge base.

Then the hyphenated-name merge runs on the whole ``Doc`` as in the full pipeline.

On the Lee corpus (300 articles, 68k tokens) the recogniser reads 19k tokens
(24.9k with 5 words either side, the first setting) instead of 68k. Measured
2026-12-05 with the window of 3: 712 events against the full pipeline's 711 (4 only
in the full run, 5 only in the gated one; with 5 words: 710, 5 and 4), and no gold
score moves (PLV even half, PLOVER dev, news_dev, news_heldout, the example, the
written set's even half: all identical to the window of 5; a window of 2 loses
0.004 dyad recall on the written set). When the pass was first measured (window
of 5, an earlier coder), the events were those of the full pipeline but one (699 of
700; 5 differed in actor or type), 8 event places differed (4 gained "Buenos Aires",
which the recogniser read as a person), and the gold scores did not drop (PLV even
half type F1 0.8443 -> 0.8451, the others identical). With ``window=None`` the recogniser reads whole sentences (46k tokens): the same 700
events, 4 places differ. ``tests/test_nergate.py`` checks the pass on the gold
examples.
"""

from __future__ import annotations


import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.tokens import Doc

from .actors.kb import pieces
from .gate import CACHE_SIZE, CALENDAR, BatchedNLP, Selector, Tokens, _longest

#: words either side of an unknown name that the recogniser reads with it (None: the whole sentence)
WINDOW: int | None = 3
#: components run on the whole Doc after the entities are set (they change tokens)
AFTER = ("whimbrel_hyphen_names",)
#: knowledge-base entry kinds that are places
PLACE_KINDS = {"country", "city", "capital"}


class NerGatedNLP(BatchedNLP):
    """A loaded spaCy pipeline whose entity recogniser runs only on sentences with an
    unknown name (see the module doc); ``pipe(texts)`` yields one ``Doc`` per text."""

    def __init__(self, nlp, selector: Selector, gazetteer, kb=None, *, window: int | None = WINDOW):
        self.nlp = nlp
        self.window = window
        self.kb = kb
        self._known: dict[str, bool] = {}
        self._pieces: dict[str, tuple[str, ...]] = {}  # token text -> its knowledge-base pieces
        self.selector = selector
        self.gazetteer = gazetteer
        self.vocab = nlp.vocab
        self.max_length = nlp.max_length
        self.pipe_names = nlp.pipe_names
        self.ner = nlp.get_pipe("ner") if "ner" in nlp.pipe_names else None
        self.gpe = nlp.vocab.strings.add("GPE")
        self.tokens = 0
        self.ner_tokens = 0

    def _batch(self, texts: list[str]) -> list[Doc]:
        docs = [self.nlp.make_doc(t) for t in texts]
        for name, proc in self.nlp.pipeline:
            if name == "ner" or name in AFTER:
                continue
            docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        plans = [self._plan(doc) for doc in docs]
        subs = [_subdoc(self.vocab, toks, runs) for toks, runs, _rest in plans]
        named = iter(self.ner.pipe([s for s in subs if s is not None])) if self.ner is not None else iter(())
        out = []
        for doc, (toks, runs, rest), sub in zip(docs, plans, subs):
            self._set_entities(doc, toks, runs, rest, next(named) if sub is not None else None)
            for name in AFTER:
                if name in self.nlp.pipe_names:
                    doc = self.nlp.get_pipe(name)(doc)
            out.append(doc)
        return out

    def _plan(self, doc: Doc):
        """(token texts, the token ranges the recogniser reads, the ranges it does not)."""
        toks = Tokens.of(doc)
        runs: list[tuple[int, int]] = []
        rest: list[tuple[int, int]] = []
        sel = self.selector
        for sent in doc.sents:
            a, b = sent.start, sent.end
            self.tokens += b - a
            names = sel.unknown_names(toks, a, b)
            if not names:
                rest.append((a, b))
                continue
            # the recogniser reads each unknown name with ``window`` words either side (within
            # the sentence); the sentence's other words are read as in a sentence with none
            last = a
            w = b - a if self.window is None else self.window
            texts = toks.texts
            for s, e in names:
                s, e = max(a, s - w), min(b, e + w)
                # a window does not cut through a name ("Gaza | City")
                while s > a and _cap(texts[s]) and (_cap(texts[s - 1]) or texts[s - 1] == "-"):
                    s -= 1
                while e < b and _cap(texts[e - 1]) and (_cap(texts[e]) or texts[e] == "-"):
                    e += 1
                if runs and runs[-1][1] >= s and runs[-1][0] >= a:
                    runs[-1] = (runs[-1][0], max(runs[-1][1], e))
                else:
                    if s > last:
                        rest.append((last, s))
                    runs.append((s, e))
                last = runs[-1][1]
            if last < b:
                rest.append((last, b))
        self.ner_tokens += sum(e - s for s, e in runs)
        return toks, runs, rest

    def _set_entities(self, doc: Doc, toks: Tokens, runs, rest, sub: Doc | None) -> None:
        n = len(doc)
        if not n:
            return
        arr = numpy.zeros((n, 2), dtype="uint64")
        arr[:, 0] = 2  # "O"
        if sub is not None:
            ents = sub.to_array([ENT_IOB, ENT_TYPE])
            k = 0
            for a, b in runs:
                part = ents[k:k + b - a]
                if part[0, 0] == 1:  # an entity may not run in from the run before
                    part[0, 0] = 3
                arr[a:b] = part
                k += b - a
        for a, b in sorted(rest + runs):
            for s, e in self._places(toks, a, b):
                if (arr[s:e, 0] != 2).any():  # inside a window: the recogniser's entity stands
                    continue
                arr[s, 0], arr[s, 1] = 3, self.gpe
                arr[s + 1:e, 0], arr[s + 1:e, 1] = 1, self.gpe
        doc.from_array([ENT_IOB, ENT_TYPE], arr)

    def _places(self, toks: Tokens, a: int, b: int) -> list[tuple[int, int]]:
        """Place names in ``toks[a:b]``, a sentence whose capitalised words the knowledge base
        all knows: its names (longest match, as the actor stage finds them) that are a place
        in the knowledge base and in the gazetteer (see :meth:`_place`)."""
        if self.kb is None:
            return []
        texts = toks.texts
        stream: list[tuple[str, bool]] = []
        owner: list[int] = []
        cache = self._pieces
        for k in range(a, b):
            text = texts[k]
            if text[:1].isalnum():
                ps = cache.get(text)
                if ps is None:
                    if len(cache) >= CACHE_SIZE:
                        cache.clear()
                    ps = cache[text] = pieces(text)
                for piece in ps:
                    stream.append((piece, True))
                    owner.append(k)
        out = []
        prefixes, index = self.kb.prefixes, self.kb.index
        after = 0  # names do not overlap: the next may start after the last one found
        for i, k in enumerate(owner):
            # a name starts at a capitalised word with a piece some key starts with
            if i < after or not texts[k][:1].isupper() or stream[i][0] not in prefixes:
                continue
            j = _longest(stream, i, prefixes, index)
            if j < 0:
                continue
            s, e = k, owner[j] + 1
            if texts[s].lower() == "the":  # "the United States": the recogniser mostly leaves it out
                s += 1
            if s < e and self._place(" ".join(p for p, _c in stream[i:j + 1]), toks, s, e):
                out.append((s, e))
            after = j + 1
        return out

    def _place(self, key: str, toks: Tokens, s: int, e: int) -> bool:
        """Is the knowledge-base name ``key`` (at tokens s..e) one the recogniser calls a
        place? A country, city or capital that the gazetteer knows; a seat of government
        ("Washington", not "the Pentagon") or an organisation named by its seat ("Brussels")
        when the gazetteer reads it as a city of some size or a capital."""
        hit = self._known.get(key)
        if hit is None:
            text = "".join(toks.texts[k] + (" " if toks.spaces[k] and k < e - 1 else "") for k in range(s, e))
            cands = self.gazetteer.lookup(text)
            hit = False
            if cands:
                cities = [c for c in cands if c.kind == "city"]
                for i in self.kb.index.get(key, ()):
                    kind = self.kb.entry(i).kind
                    if i.startswith("seat:"):
                        ok = bool(cities)
                    elif kind in PLACE_KINDS:
                        ok = True
                    else:
                        ok = kind == "organisation" and any(c.prior >= 4.5 for c in cities)
                    if ok:
                        hit = True
                        break
            if len(self._known) >= CACHE_SIZE:
                self._known.clear()
            self._known[key] = hit
        return hit


def _cap(text: str) -> bool:
    return text[:1].isupper() and text.isalpha() and text.lower() not in CALENDAR


def _subdoc(vocab, toks: Tokens, runs) -> Doc | None:
    if not runs:
        return None
    words, spaces, starts = [], [], []
    for a, b in runs:
        words.extend(toks.texts[a:b])
        spaces.extend(toks.spaces[a:b])
        starts.append(True)
        starts.extend([None] * (b - a - 1))
    return Doc(vocab, words=words, spaces=spaces, sent_starts=starts)


def ner_gated_for(nlp, settings) -> NerGatedNLP:
    """The NER-gated form of ``nlp`` with the knowledge base and gazetteer of ``settings``."""
    from .actors.kb import load_kb
    from .where.gazetteer import default_gazetteer

    kb = load_kb(settings.actor_files)
    return NerGatedNLP(nlp, Selector.for_names(nlp, kb), default_gazetteer(), kb)
