"""Parse only what can hold an event: the gated annotation pass.

spaCy's parser and named-entity recogniser (and the tok2vec they read) are most
of the cost of coding a news article, and most sentences of an article hold no
event. The gated pass (``WHIMBREL_GATE=1``; off by default, see README) works in
three steps per batch of texts:

1. **cheap pass**: the tokenizer, then rule sentence splits (sentence-final
   punctuation and blank lines, see :func:`rough_sentences`);
2. **selection**: a sentence is a *candidate* when it has a possible trigger (a
   word that some inflection rule of spaCy's English lemmatizer maps to a lemma
   the event lexicon knows: a verb, an event noun, a predicate word) and a
   possible actor (a capitalised word after the sentence's first, a word of a
   knowledge-base agent phrase, a pronoun coreference can resolve, a group noun).
   Both tests read the token's text only and are cached per word, so they
   over-select rather than miss;
3. **full annotation of the candidates**: each maximal run of consecutive
   candidate sentences becomes one piece of a smaller ``Doc`` (same words, same
   spacing, a sentence start forced at every run start), which goes through
   every component of the loaded pipeline but the last (the hyphenated-name
   merge, which changes token counts). Tags, morphology, lemmas, heads,
   dependency labels and entities are copied back onto the article's ``Doc`` by
   token index; then the hyphen merge runs on the whole ``Doc``.

The other sentences keep their tokens, character offsets and sentence bounds and
have no tags, no parse (head = itself, empty label) and no entities; their
lemma is the lower-case form. Dates, places and evidence offsets come from the
text and are unaffected; an actor named only in an unparsed sentence is still
found by the knowledge-base match (it reads text), not by NER.

``GatedNLP`` has the part of spaCy's ``Language`` interface the pipeline uses
(``pipe``, ``__call__``, ``max_length``, ``vocab``, ``pipe_names``), so the
pipeline can hold either. ``tests/test_gate.py`` checks that gated and full
annotation give the same events on the gold examples.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy
from spacy.attrs import (DEP, ENT_IOB, ENT_TYPE, HEAD, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, SENT_START, SPACY,
                         TAG)
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

log = logging.getLogger(__name__)

#: annotations copied from the candidate Doc back onto the article's Doc
COPIED = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
#: sentence-final punctuation for the rough split
FINAL = {".", "!", "?", "...", "\u2026"}
#: closing quotes and brackets that stay with the sentence they end
CLOSERS = {'"', "'", "\u201d", "\u2019", ")", "]", "''"}
#: pronouns and group words coreference can resolve to an actor (actors/coref.py)
PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself", "it", "its", "itself", "they",
            "them", "their", "theirs", "themselves", "we", "us", "our", "ours", "i", "me", "my", "both", "two"}
#: verb roles (events/data/verbs.tsv) that code an event without a pattern of the verb's
SELF_CODING_ROLES = {"retreat", "donor"}
#: words that join the capitalised words of one name ("Department for International Development")
_JOINERS = {"of", "for", "the", "and", "de", "al", "el", "bin", "von", "van", "da", "du", "la", "le", "'s"}
#: lemmatizer parts of speech whose inflection rules give the candidate lemmas of a word
_POS = ("verb", "noun", "adj")
#: words of knowledge-base names that say nothing about an actor on their own
_FUNCTION_WORDS = {"the", "of", "and", "for", "in", "on", "a", "an", "to"}
#: capitalised words that are no name an actor needs the entity recogniser for
CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "mr", "mrs", "ms", "dr", "sir"}


#: entries a per-word or per-name cache holds before it starts again
CACHE_SIZE = 200_000


@dataclass(frozen=True)
class GateStats:
    """Counts for one batch: sentences and tokens seen and sent to full annotation."""

    sentences: int = 0
    candidate_sentences: int = 0
    tokens: int = 0
    candidate_tokens: int = 0
    ner_tokens: int = 0


@dataclass(frozen=True)
class Tokens:
    """A Doc's token texts and spacing as plain lists (read once from its arrays: no
    ``Token`` objects), which is all the cheap pass needs."""

    texts: list[str]
    spaces: list[bool]  # the token is followed by whitespace
    blank: list[bool]  # the token is whitespace

    @classmethod
    def of(cls, doc) -> "Tokens":
        if isinstance(doc, Tokens):
            return doc
        if not len(doc):
            return cls([], [], [])
        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, SPACY, IS_SPACE]).tolist()
        return cls([strings[o] for o, _s, _b in rows], [bool(s) for _o, s, _b in rows], [bool(b) for _o, _s, b in rows])


def rough_sentences(doc) -> list[tuple[int, int]]:
    """Token ranges of the sentences of an untagged ``doc``: a sentence ends after
    sentence-final punctuation (and the quotes or brackets closing it) when the next
    word does not start lower case, and at every blank line."""
    toks = Tokens.of(doc)
    texts, blank = toks.texts, toks.blank
    out: list[tuple[int, int]] = []
    n, start, i = len(texts), 0, 0
    while i < n:
        text = texts[i]
        end = None
        if blank[i]:
            if "\n" in text:
                end = i + 1
        elif text in FINAL or (text[-1:] in ".!?" and len(text) > 1 and not text[:-1].replace(".", "").isalpha()):
            j = i + 1
            while j < n and texts[j] in CLOSERS:
                j += 1
            while j < n and blank[j]:  # the blank after a sentence stays with it
                j += 1
            if j >= n or not texts[j][:1].islower():
                end = j
        if end is not None and end > start:
            out.append((start, end))
            start = end
            i = end
            continue
        i += 1
    if start < n:
        out.append((start, n))
    return out


class Selector:
    """Which sentences can hold an event: tests of a word's text, cached per word.

    A lemma is a trigger on its own (``alone``) when one of its patterns with no object
    or preposition constraint gives an event code (or it is a one-word event noun or a
    predicate word); otherwise, when its only event patterns ask for an object head, a
    preposition or a word of a longer noun (``needs``), the sentence must also hold one
    of those words."""

    def __init__(self, alone: set[str], nouns: set[str], needs: dict[str, set[str]], actor_words: set[str],
                 name_pieces: set[str], lemma_rules: dict, lemma_exc: dict, kb=None, known=frozenset()):
        self.alone = alone  # verb lemmas and predicate words
        self.nouns = nouns  # one-word event nouns
        self.needs = needs
        self.actor_words = actor_words  # agent and group nouns, pronouns (lower case)
        self.name_pieces = name_pieces  # pieces of knowledge-base names (lower case), capitalised in the text
        self.rules = lemma_rules  # pos -> [(old suffix, new suffix)]
        self.exc = lemma_exc  # pos -> {form: [lemmas]}
        self._words: dict[str, tuple[frozenset, bool, bool]] = {}
        self.kb_tables = ((kb.prefixes, kb.index), (kb.agent_prefixes, kb.agents)) if kb is not None else ()
        # lemmas the lemmatizer's tables know (ordinary English words): one set per part of speech
        self.known = [known] if isinstance(known, (set, frozenset)) else list(known)
        self._common: dict[str, bool] = {}
        self._names: dict[tuple, bool] = {}

    @classmethod
    def build(cls, nlp, lexicon, kb) -> "Selector":
        from .actors.coref import GROUP_NOUNS
        from .events.coder import NOT_EVENTS
        from .events.modality import OBLIGATION
        from .events.predicates import DONOR_NOUNS
        from .events.roles import BLAME_WORDS

        def event(code: str) -> bool:
            return code not in NOT_EVENTS

        # "X said Y must stop ...": a demand (10) by X, whatever the act
        alone: set[str] = set(BLAME_WORDS | DONOR_NOUNS | OBLIGATION)
        # verbs whose role makes an event with no pattern ("troops would leave": retreat, 0874;
        # "provided $5 million": aid)
        alone.update(v for v, roles in lexicon.roles.items() if roles & SELF_CODING_ROLES)
        needs: dict[str, set[str]] = {}

        def add(verb: str, pats) -> None:
            nodefault = "nodefault" in lexicon.roles.get(verb, ())
            for p in pats:
                if not event(p.code):
                    continue
                # the rarest word the pattern asks for: its object's head, the head of the
                # prepositional object, the particle, the preposition
                word = (p.object[-1] if p.object else p.pobj[-1] if p.pobj else p.particle.split()[-1]
                        if p.particle else p.prep)
                if word:
                    needs.setdefault(verb, set()).add(word)
                elif not nodefault:
                    alone.add(verb)

        verbs = {v for v in lexicon.patterns if not v.startswith("@")} | set(lexicon.verb_groups)
        for verb in verbs:
            add(verb, [*lexicon.patterns.get(verb, ()),
                       *(p for g in lexicon.verb_groups.get(verb, ()) for p in lexicon.patterns.get(g, ()))])
        nouns: set[str] = set()
        for head, entries in lexicon.nouns.items():
            for e in entries:
                if len(e.words) == 1:
                    nouns.add(head)
                else:
                    needs.setdefault(head, set()).add(e.words[0])
        for w in alone | nouns:
            needs.pop(w, None)
        actor_words = ({key.split()[-1] for key in kb.agents if key} - _FUNCTION_WORDS - {"new", "al"}) | GROUP_NOUNS \
            | PRONOUNS
        name_pieces, rules, exc, known = cls._name_tables(nlp, kb)
        return cls(alone, nouns, needs, actor_words, name_pieces, rules, exc, kb, known)

    @classmethod
    def for_names(cls, nlp, kb) -> "Selector":
        """A selector for :meth:`needs_ner` and :meth:`unknown_names` only (no event lexicon)."""
        name_pieces, rules, exc, known = cls._name_tables(nlp, kb)
        return cls(set(), set(), {}, set(), name_pieces, rules, exc, kb, known)

    @staticmethod
    def _name_tables(nlp, kb):
        """(pieces of knowledge-base names, the lemmatizer's suffix rules, its exceptions,
        the lemmas its word lists know)."""
        name_pieces = {w for key in kb.index for w in key.split()} - _FUNCTION_WORDS
        rules, exc, known = {}, {}, []
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        if lemmatizer is not None:
            rtab, etab = lemmatizer.lookups.get_table("lemma_rules"), lemmatizer.lookups.get_table("lemma_exc")
            for pos in _POS:
                rules[pos] = [tuple(r) for r in rtab.get(pos, [])]
                exc[pos] = etab.get(pos, {})
            itab = lemmatizer.lookups.get_table("lemma_index")
            for pos in (*_POS, "adv"):
                words = itab.get(pos, ())
                # the cached lemmatizer (fastannot) already holds these lists as sets: share them
                known.append(words if isinstance(words, (set, frozenset)) else frozenset(words))
        return name_pieces, rules, exc, known

    def lemmas(self, word: str, pos_list=_POS) -> frozenset[str]:
        """Every lemma spaCy's rule lemmatizer could give ``word`` (lower case) as one of
        ``pos_list``, over-generated: the word itself, its exceptions and every suffix rule
        that applies; plus the lexicon's own repair of a dropped final 'e' ("staged")."""
        out = {word}
        for pos in pos_list:
            out.update(self.exc.get(pos, {}).get(word, ()))
            for old, new in self.rules.get(pos, ()):
                if word.endswith(old) and len(word) > len(old):
                    stem = word[: len(word) - len(old)] + new
                    out.add(stem)
                    if not new:
                        out.add(stem + "e")
        return frozenset(out)

    def word(self, text: str) -> tuple[frozenset, bool, bool]:
        """(candidate lemmas, triggers alone, can name an actor) for a token's text."""
        hit = self._words.get(text)
        if hit is None:
            if len(self._words) >= CACHE_SIZE:
                self._words.clear()
            lower = text.lower()
            verbs, nouns = self.lemmas(lower, ("verb", "adj")), self.lemmas(lower, ("noun",))
            alone = not self.alone.isdisjoint(verbs) or not self.nouns.isdisjoint(nouns)
            actor = lower in self.actor_words or (text[:1].isupper() and lower in self.name_pieces)
            hit = self._words[text] = (verbs | nouns, alone, actor)
        return hit

    def needs_ner(self, doc, start: int, end: int) -> bool:
        """Does the sentence hold a name the knowledge base does not know? Only such names
        need the entity recogniser; known ones are found by the knowledge-base match. A
        name is a run of capitalised words (joined by "of", "for", "-", ...); it is known
        when knowledge-base names cover every capitalised word of it. A capitalised first
        word counts when it is no common English word ("Lagumdzija suspended ...")."""
        return bool(self.unknown_names(doc, start, end, first_only=True))

    def unknown_names(self, doc, start: int, end: int, *, first_only: bool = False) -> list[tuple[int, int]]:
        """Token ranges of the names in ``doc[start:end]`` that the knowledge base does not
        know (see :meth:`needs_ner`); with ``first_only``, stop at the first."""
        out: list[tuple[int, int]] = []
        run: list[str] = []
        at = start
        first = True
        toks = Tokens.of(doc)
        for k in range(start, end):
            text = toks.texts[k]
            if text[:1].isupper() and (not first or self.name_like(text.lower())):
                if not run:
                    at = k
                run.append(text)
            elif run and (text.lower() in _JOINERS or not toks.spaces[k] and text in "-'"):
                run.append(text)
            elif run:
                if self.unknown_name(tuple(run)):
                    out.append((at, k))
                    if first_only:
                        return out
                run = []
            if text[:1].isalpha():
                first = False
        if run and self.unknown_name(tuple(run)):
            out.append((at, end))
        return out

    def name_like(self, lower: str) -> bool:
        """Can a capitalised first word of a sentence be (part of) a name: no stop word, and a
        piece of a knowledge-base name ("Clinton") or no ordinary English word ("Lagumdzija")?"""
        return lower not in STOP_WORDS and (lower in self.name_pieces or not self.common(lower))

    def common(self, lower: str) -> bool:
        """Is a lower-case word an ordinary English word (a stop word, a calendar word, or one
        the lemmatizer's tables know)?"""
        hit = self._common.get(lower)
        if hit is None:
            lemmas = self.lemmas(lower)
            if len(self._common) >= CACHE_SIZE:
                self._common.clear()
            hit = self._common[lower] = lower in STOP_WORDS or lower in CALENDAR or any(
                not words.isdisjoint(lemmas) for words in self.known)
        return hit

    def unknown_name(self, words: tuple[str, ...]) -> bool:
        """Is some capitalised word of ``words`` outside every knowledge-base name they hold?
        A run of stop words alone ("I", a quoted "We") is no name."""
        if all(w.lower() in STOP_WORDS for w in words):
            return False
        hit = self._names.get(words)
        if hit is None:
            if len(self._names) >= CACHE_SIZE:  # a long ingest meets ever new names: bounded memory
                self._names.clear()
            hit = self._names[words] = self._uncovered(words)
        return hit

    def _uncovered(self, words: tuple[str, ...]) -> bool:
        from .actors.kb import pieces

        stream = [(p, w[:1].isupper() and w.lower() not in CALENDAR) for w in words for p in pieces(w)]
        i, n = 0, len(stream)
        title = False  # a capitalised agent word ("President") waiting for the name it titles
        (name_prefixes, names), (agent_prefixes, agents) = self.kb_tables
        while i < n:
            j = _longest(stream, i, name_prefixes, names)
            if j >= 0:
                # a one-word name that is also an agent noun ("Senate") may be coded from context
                # only: the entity recogniser still has a say
                title = j == i and stream[i][0] in agents
                i = j + 1
                continue
            j = _longest(stream, i, agent_prefixes, agents)
            if j >= 0:
                i, title = j + 1, True
                continue
            if stream[i][1] and stream[i][0] not in ("s", "'s"):
                return True
            i += 1
        return title  # a title with no name after it ("the Senate") may be an organisation

    def is_candidate(self, doc, start: int, end: int) -> bool:
        """Can the sentence ``doc[start:end]`` hold an event? A capitalised word after the
        first is a name, not a trigger, unless most words are capitalised (a headline)."""
        trig = actor = False
        seen: set[str] = set()
        wanted: set[str] = set()
        needs = self.needs
        words = [w for w in Tokens.of(doc).texts[start:end] if w[:1].isalnum()]
        title_case = sum(w[:1].isupper() for w in words) * 2 > len(words)
        for k, text in enumerate(words):
            lemmas, alone, names = self.word(text)
            actor = actor or names
            if k and not title_case and text[:1].isupper():
                continue
            if trig:
                if actor:
                    return True
                continue
            if alone:
                trig = True
            else:
                seen |= lemmas
                for lemma in lemmas:
                    w = needs.get(lemma)
                    if w:
                        wanted |= w
                if wanted and not wanted.isdisjoint(seen):
                    trig = True
            if trig and actor:
                return True
        return False


class BatchedNLP:
    """The part of spaCy's ``Language`` interface a gated pipeline gives (``__call__`` and
    ``pipe`` in batches of ``nlp.batch_size``); a subclass annotates one batch in ``_batch``."""

    nlp = None

    def __call__(self, text: str) -> Doc:
        return next(iter(self.pipe([text])))

    def pipe(self, texts: Iterable[str], batch_size: int | None = None) -> Iterator[Doc]:
        batch: list[str] = []
        size = batch_size or self.nlp.batch_size
        for text in texts:
            batch.append(text)
            if len(batch) >= size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, texts: list[str]) -> list[Doc]:
        raise NotImplementedError


class GatedNLP(BatchedNLP):
    """A loaded spaCy pipeline behind the gate: ``pipe(texts)`` yields one ``Doc`` per
    text, fully annotated on candidate sentences only (see the module doc)."""

    #: components run on the whole Doc after the copy (they change tokens)
    AFTER = ("whimbrel_hyphen_names",)

    def __init__(self, nlp, selector: Selector):
        self.nlp = nlp
        self.selector = selector
        self.vocab = nlp.vocab
        self.max_length = nlp.max_length
        self.pipe_names = nlp.pipe_names
        self.stats = GateStats()

    def _batch(self, texts: list[str]) -> list[Doc]:
        docs = [self.nlp.make_doc(t) for t in texts]
        toks = [Tokens.of(doc) for doc in docs]
        plans = [self._plan(t) for t in toks]
        subs = [_subdoc(self.vocab, t, p.runs) for t, p in zip(toks, plans)]
        ner_subs = [_subdoc(self.vocab, t, p.ner_runs) for t, p in zip(toks, plans)]
        parsed = self._run([s for s in subs if s is not None], skip=(*self.AFTER, "ner"))
        named = self._run([s for s in ner_subs if s is not None], only="ner")
        out = []
        for doc, plan, sub, ner_sub in zip(docs, plans, subs, ner_subs):
            self._copy(doc, plan, next(parsed) if sub is not None else None,
                       next(named) if ner_sub is not None else None)
            for name in self.AFTER:
                if name in self.nlp.pipe_names:
                    doc = self.nlp.get_pipe(name)(doc)
            out.append(doc)
        return out

    def _run(self, docs: list[Doc], *, skip=(), only=None) -> Iterator[Doc]:
        for name, proc in self.nlp.pipeline:
            if name in skip or (only is not None and name != only):
                continue
            docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        return iter(docs)

    def _plan(self, doc: Tokens) -> "_Plan":
        """Rough sentences; runs of consecutive candidate sentences (parsed) and of those
        among them with a name the knowledge base may not know (entity recogniser)."""
        sents = rough_sentences(doc)
        runs: list[tuple[int, int]] = []
        ner_runs: list[tuple[int, int]] = []
        sel = self.selector
        n_c = t_c = t_n = 0
        for a, b in sents:
            if sel.is_candidate(doc, a, b):
                n_c += 1
                t_c += b - a
                _extend(runs, a, b)
                if sel.needs_ner(doc, a, b):
                    t_n += b - a
                    _extend(ner_runs, a, b)
        st = self.stats
        self.stats = GateStats(st.sentences + len(sents), st.candidate_sentences + n_c, st.tokens + len(doc.texts),
                               st.candidate_tokens + t_c, st.ner_tokens + t_n)
        return _Plan(sents, runs, ner_runs)

    def _copy(self, doc: Doc, plan: "_Plan", sub: Doc | None, ner_sub: Doc | None) -> None:
        n = len(doc)
        if n == 0:
            return
        arr = numpy.zeros((n, len(COPIED)), dtype="uint64")
        arr[:, COPIED.index(LEMMA)] = doc.to_array([LOWER])  # unparsed words: lemma = lower case
        iob = COPIED.index(ENT_IOB)
        arr[:, iob] = 2  # "O"
        if sub is not None:
            _place(arr, sub.to_array(COPIED), plan.runs)
        arr[:, iob] = 2
        arr[:, iob + 1] = 0
        if ner_sub is not None:
            ents = ner_sub.to_array([ENT_IOB, ENT_TYPE])
            for a, _b in _spans(plan.ner_runs, ents):
                if ents[a, 0] == 1:  # an entity may not run in from another run
                    ents[a, 0] = 3
            _place(arr[:, iob:iob + 2], ents, plan.ner_runs)
        doc.from_array(COPIED, arr)
        # sentence starts: the parse's inside runs, the rough splits elsewhere
        starts = doc.to_array([SENT_START]).astype("int64")
        inside = numpy.zeros(n, dtype=bool)
        for a, b in plan.runs:
            inside[a:b] = True
        for a, _b in plan.sents:
            if not inside[a]:
                starts[a] = 1
        starts[~inside & (starts != 1)] = -1
        starts[0] = 1
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))


def _longest(stream: list[tuple[str, bool]], i: int, prefixes, index) -> int:
    """The last piece of the longest key of ``index`` starting at piece ``i`` (-1: none)."""
    best, key = -1, ""
    for j in range(i, min(len(stream), i + 12)):
        key = stream[j][0] if j == i else key + " " + stream[j][0]
        if key not in prefixes:
            break
        if key in index:
            best = j
    return best


@dataclass(frozen=True)
class _Plan:
    sents: list[tuple[int, int]]
    runs: list[tuple[int, int]]
    ner_runs: list[tuple[int, int]]


def _extend(runs: list[tuple[int, int]], a: int, b: int) -> None:
    if runs and runs[-1][1] == a:
        runs[-1] = (runs[-1][0], b)
    else:
        runs.append((a, b))


def _spans(runs, _arr=None):
    """Each run's rows in the sub-Doc, in order."""
    k = 0
    for a, b in runs:
        yield k, k + b - a
        k += b - a


def _place(arr, part, runs) -> None:
    """Copy the sub-Doc rows ``part`` onto the article rows of their runs."""
    for (a, b), (s, e) in zip(runs, _spans(runs)):
        arr[a:b] = part[s:e]


def _subdoc(vocab, doc: Tokens, runs: list[tuple[int, int]]) -> Doc | None:
    """A Doc of the runs' tokens (same words and spacing), a sentence starting at each run."""
    if not runs:
        return None
    words, spaces, sent_starts = [], [], []
    for a, b in runs:
        words.extend(doc.texts[a:b])
        spaces.extend(doc.spaces[a:b])
        sent_starts.append(True)
        sent_starts.extend([None] * (b - a - 1))  # runs are parsed apart: no arc crosses a gap
    return Doc(vocab, words=words, spaces=spaces, sent_starts=sent_starts)


def gated(nlp, lexicon, kb) -> GatedNLP:
    """The gated form of a loaded pipeline (see :class:`GatedNLP`)."""
    return GatedNLP(nlp, Selector.build(nlp, lexicon, kb))


def gated_for(nlp, settings) -> GatedNLP:
    """The gated form of ``nlp`` with the lexicon and knowledge base ``settings`` name."""
    from .actors.kb import load_kb
    from .events.lexicon import load_lexicon

    return gated(nlp, load_lexicon(tuple(settings.lexicon_files)), load_kb(settings.actor_files))
