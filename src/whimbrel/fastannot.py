"""Cached, exact replacements for spaCy's attribute ruler and rule lemmatizer.

In ``en_core_web_sm`` 3.8 these two pure-Python components cost about a quarter
of the pipeline's time (as much as the parser): the attribute ruler runs a
``Matcher`` of ~180 token patterns over every token, and the English rule
lemmatizer recomputes ``token.morph.to_dict()`` for every base-form token (its
cache only covers inflected forms). Both results are functions of a few token
attributes, so they can be cached by those attributes:

* the attribute ruler's single-token patterns read only ``LOWER``, ``TAG``,
  ``DEP`` and ``IS_SPACE``; what they set on a token is cached per tuple of those
  four values. The few multi-token patterns ("gon na", "there is") are checked
  position by position behind a cached test of their first token. Patterns are
  indexed by what they ask of ``LOWER``, so filling the cache for a new tuple tests
  only the patterns its lower-case form can match (most forms match none, and take
  the result of their ``TAG``, ``DEP`` and ``IS_SPACE``): on the Lee corpus, whose
  68k tokens give ~15k new tuples, the cold component takes 0.11 s, not 0.29 s;
* the rule lemmatizer's output depends on ``(ORTH, POS, MORPH)`` only (the key of
  its own cache), so every lemma is cached under that key. Its word lists
  (``lemma_index``, one per part of speech) are read as lists, so each rule it
  tries is a scan of some thousands of words; they are turned into sets (the same
  members), which makes a cold cache about ten times cheaper.

:func:`speed_up` swaps the class of the two loaded components for a subclass
whose ``__call__`` does the cached work; everything else (patterns, tables,
serialisation) is the original component. If a component holds a pattern form
this module does not know, it is left as it is. ``tests/test_fastannot.py``
checks that the annotations are identical to the original components'.
"""

from __future__ import annotations

import re

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.pipeline.lemmatizer import Lemmatizer
from spacy.tokens import MorphAnalysis

_FEATURES = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}


class _Unsupported(Exception):
    pass


def _predicate(name: str, spec):
    """A test on a token's feature tuple (lower, tag, dep, is_space) as strings/bool."""
    if name not in _FEATURES:
        raise _Unsupported(name)
    k = _FEATURES[name]
    if isinstance(spec, dict):
        if len(spec) != 1:
            raise _Unsupported(spec)
        (op, arg), = spec.items()
        if op == "IN":
            vals = set(arg)
            return lambda f: f[k] in vals
        if op == "NOT_IN":
            vals = set(arg)
            return lambda f: f[k] not in vals
        if op == "REGEX":
            rx = re.compile(arg)
            return lambda f: bool(rx.search(f[k]))
        raise _Unsupported(op)
    if isinstance(spec, (str, bool)):
        return lambda f: f[k] == spec
    raise _Unsupported(spec)


def _token_test(tokpat: dict):
    preds = [_predicate(n, s) for n, s in tokpat.items()]
    return lambda f: all(p(f) for p in preds)


def _by_lower(items):
    """Split ``(item, LOWER spec)`` pairs into ({lower-case form: items naming it}, items
    that do not read LOWER, (LOWER test, item) for those that read it otherwise: a regex)."""
    by_lower: dict[str, list] = {}
    free, other = [], []
    for item, spec in items:
        if spec is None:
            free.append(item)
        elif isinstance(spec, str):
            by_lower.setdefault(spec, []).append(item)
        elif isinstance(spec, dict) and "IN" in spec:
            for w in spec["IN"]:
                by_lower.setdefault(w, []).append(item)
        else:
            other.append((_predicate("LOWER", spec), item))
    return by_lower, free, other


class FastAttributeRuler(AttributeRuler):
    """:class:`~spacy.pipeline.AttributeRuler` with its matches cached per token features."""

    def _compile(self) -> None:
        # self.attrs / self.indices are in pattern order: the order the original sorts
        # matches by (later patterns win), so one pass in that order gives the same result
        singles, multis = [], []
        for no, pat in enumerate(self.patterns):
            for tp in pat["patterns"]:
                tests = [_token_test(t) for t in tp]
                idx = pat["index"] if pat["index"] >= 0 else len(tp) + pat["index"]
                if len(tp) == 1:
                    singles.append((no, tests[0], tp[0].get("LOWER")))
                else:
                    multis.append((no, tests, idx, tp[0].get("LOWER")))
        # index the patterns by what their (first) token asks of LOWER, so a token is only
        # tested against the patterns that can match it: those that do not read LOWER
        # (cached per TAG, DEP, IS_SPACE) and those whose LOWER test its lower-case form
        # passes (cached per form: most forms have none, and then the token's result is
        # that of its TAG, DEP and IS_SPACE). Multi-token patterns are kept as positions in
        # ``_fast_multis``, so that a token's candidates keep their order
        self._fast_by_lower, self._fast_free, self._fast_other = _by_lower(
            ((no, test), spec) for no, test, spec in singles)
        self._fast_multis = [m[:3] for m in multis]
        self._fast_multi_by_lower, self._fast_multi_free, self._fast_multi_other = _by_lower(
            (k, m[3]) for k, m in enumerate(multis))
        vocab = self.vocab
        self._fast_setters = []
        for attrs in self.attrs:
            ops = []
            for a, v in attrs.items():
                if a == MORPH:
                    ops.append(("morph", MorphAnalysis.from_id(vocab, v)))
                elif a in (POS, TAG, LEMMA, DEP):
                    ops.append(({POS: "pos", TAG: "tag", LEMMA: "lemma", DEP: "dep"}[a], v))
                else:
                    raise _Unsupported(a)
            self._fast_setters.append(ops)
        self._fast_lower: dict[int, tuple] = {}  # LOWER -> (single candidates, multi candidates)
        self._fast_free_cache: dict[tuple, tuple] = {}  # (TAG, DEP, IS_SPACE) -> single result
        self._fast_free_first: dict[tuple, tuple] = {}  # (TAG, DEP, IS_SPACE) -> multi candidates
        self._fast_cache: dict[tuple, tuple] = {}
        self._fast_first: dict[tuple, tuple] = {}
        self._fast_n = len(self.attrs)

    def _features(self, key: tuple) -> tuple:
        s = self.vocab.strings
        return (s[key[0]] if key[0] else "", s[key[1]] if key[1] else "", s[key[2]] if key[2] else "", bool(key[3]))

    def _lower(self, lower: int) -> tuple:
        """(single-token patterns, positions of multi-token patterns) whose (first) token's
        LOWER test the lower-case form ``lower`` passes; their other tests are still to run."""
        hit = self._fast_lower.get(lower)
        if hit is None:
            form = (self.vocab.strings[lower] if lower else "",)
            singles = (*self._fast_by_lower.get(form[0], ()), *(x for test, x in self._fast_other if test(form)))
            multis = (*self._fast_multi_by_lower.get(form[0], ()),
                      *(k for test, k in self._fast_multi_other if test(form)))
            hit = self._fast_lower[lower] = (singles, multis)
        return hit

    def _combined(self, nos) -> tuple:
        combined: dict[str, object] = {}
        for no in nos:
            for attr, v in self._fast_setters[no]:
                combined[attr] = v
        return tuple(combined.items())

    def _single(self, key: tuple) -> tuple:
        """(pattern numbers that match a token alone, their combined setters)."""
        free = self._fast_free_cache.get(key[1:])
        if free is None:
            f = self._features(key)
            nos = tuple(sorted({no for no, test in self._fast_free if test(f)}))
            free = self._fast_free_cache[key[1:]] = (nos, self._combined(nos))
        singles = self._lower(key[0])[0]
        if singles:
            f = self._features(key)
            nos = tuple(sorted({*free[0], *(no for no, test in singles if test(f))}))
            hit = (nos, self._combined(nos))
        else:
            hit = free
        self._fast_cache[key] = hit
        return hit

    def _first(self, key: tuple) -> tuple:
        """The multi-token patterns whose first token test a token passes, in order."""
        multis = self._lower(key[0])[1]
        if not multis:
            hit = self._fast_free_first.get(key[1:])
            if hit is not None:
                self._fast_first[key] = hit
                return hit
        f = self._features(key)
        every = self._fast_multis
        hit = tuple(every[k] for k in sorted({*multis, *self._fast_multi_free}) if every[k][1][0](f))
        if not multis:
            self._fast_free_first[key[1:]] = hit
        self._fast_first[key] = hit
        return hit

    def __call__(self, doc):
        if getattr(self, "_fast_n", None) != len(self.attrs):
            self._compile()
        rows = [tuple(r) for r in doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()] if len(doc) else []
        cache, first = self._fast_cache, self._fast_first
        extra: dict[int, list[int]] = {}
        if self._fast_multis:
            for i, key in enumerate(rows):
                cand = first.get(key)
                if cand is None:
                    cand = self._first(key)
                for no, tests, idx in cand:
                    n = len(tests)
                    if i + n <= len(rows) and all(tests[j](self._features(rows[i + j])) for j in range(1, n)):
                        extra.setdefault(i + idx, []).append(no)
        for i, key in enumerate(rows):
            nos, setters = cache.get(key) or self._single(key)
            if i in extra:
                setters = self._combined(sorted((*nos, *extra[i])))
            if setters:
                tok = doc[i]
                for attr, v in setters:
                    setattr(tok, attr, v)
        return doc


def _cached_lemmatizer_call(self, doc):
    cache = self.__dict__.setdefault("_fast_lemmas", {})
    strings = self.vocab.strings
    if not len(doc):
        return doc
    arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
    changed = False
    for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
        if lemma and not self.overwrite:
            continue
        key = (orth, pos, morph)
        v = cache.get(key)
        if v is None:
            v = cache[key] = strings.add(self.lemmatize(doc[i])[0])
        arr[i, 3] = v
        changed = True
    if changed:
        doc.from_array([LEMMA], arr[:, 3:4])
    return doc


def _index_as_sets(lemmatizer) -> None:
    """The lemmatizer's known-word lists as sets: ``form in index`` gives the same answer."""
    if "lemma_index" not in lemmatizer.lookups.tables:
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key in list(table.keys()):
        words = table[key]
        if isinstance(words, list):
            table[key] = frozenset(words)


def speed_up(nlp) -> list[str]:
    """Swap the loaded attribute ruler and rule lemmatizer for their cached forms.

    Returns the names of the components changed."""
    done = []
    for name, proc in nlp.pipeline:
        if type(proc) is AttributeRuler:
            proc.__class__ = FastAttributeRuler
            try:
                proc._compile()
            except _Unsupported:
                proc.__class__ = AttributeRuler
                continue
            done.append(name)
        elif isinstance(proc, Lemmatizer) and getattr(proc, "mode", "") == "rule" and not hasattr(proc, "_fast_lemmas"):
            cls = type(proc)
            proc.__class__ = type("Cached" + cls.__name__, (cls,), {"__call__": _cached_lemmatizer_call})
            _index_as_sets(proc)
            done.append(name)
    return done
