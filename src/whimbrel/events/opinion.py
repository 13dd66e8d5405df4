"""A learned second opinion on an event's PLOVER type: features and a linear model.

The model reads one *candidate*: a trigger token of the parse (a verb, or the
control verb of "agreed to V"), the actors the rules found on its two sides and
the clause's modality. It returns a probability for each PLOVER type and for
``NONE`` (no political event: sport, weather, business, accidents, culture, a
statement that reports nothing).

Features (strings, looked up in the model's vocabulary; unknown ones are ignored):
trigger lemma and lemma+particle, its dependency label and part of speech, the
object head and its event-noun root (``nouns.tsv``), verb+object, prepositions and
their object heads, the act of a control verb (xcomp) and the governor of an act,
negation/future/hypothetical, the kind and sector of the source and the target, the
content words of the sentence (what the text is about), and the WordNet classes
(synsets, hypernyms, lexicographer files) of the trigger, the object head, the
act of a control verb and prepositional objects, so that a word the corpus never
used is read through its class. (The sm model's contextual token vectors were tried
as features too and lowered agreement with the gold types on the studied half of PLV
from 0.55 to 0.46: they fit the generated sentences, not news.)

The model is multinomial logistic regression, trained by ``train`` (numpy, full
batch Adam with a fixed seed) from ``data/opinion_corpus`` by
``scripts/train_opinion.py``; the weights ship as ``events/data/opinion.npz``
(float16, with the part of the WordNet table it uses; well under 1 MB). Loading is cached per path; nothing happens at import.
"""

from __future__ import annotations

import functools
import io
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..model import Actor

TYPES = ("ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "MOBILIZE", "PROTEST",
         "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN", "NONE")
NONE = len(TYPES) - 1
DEFAULT_PATH = Path(__file__).parent / "data" / "opinion.npz"
CONTENT_POS = {"NOUN", "VERB", "ADJ", "PROPN"}


@dataclass(frozen=True)
class Candidate:
    """What the model is asked about: a trigger, its two sides and its modality."""

    trigger: object  # roles.Node
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    negated: bool = False
    future: bool = False
    hypothetical: bool = False


def _lemma(n) -> str:
    return n.lemma_.lower()


def _obj(v):
    for c in v.children:
        if c.dep_ in ("dobj", "attr", "oprd"):
            return c
    return None


def _actor_feats(prefix: str, actors) -> list[str]:
    if not actors:
        return [prefix + "none"]
    out = set()
    for a in actors:
        code = a.code or "---"
        out.add(f"{prefix}k={a.kind or 'x'}")
        out.add(f"{prefix}c={'known' if not code.startswith('---') else 'unknown'}")
        sec = code[3:6] if len(code) >= 6 else (a.sector or "")
        out.add(f"{prefix}s={sec or 'none'}")
    return sorted(out)


class Lookup:
    """What the features look up: an event noun's CAMEO root (``nouns.tsv``) and a word's
    WordNet classes (synsets, hypernyms, lexicographer file; ``wordnet.tsv``)."""

    def __init__(self, lex=None, classes: dict[str, dict[str, list[str]]] | None = None):
        self.lex = lex
        self.table = classes or {}
        self._roots: dict[str, str | None] = {}

    def noun_root(self, lemma: str) -> str | None:
        if self.lex is None:
            return None
        if lemma not in self._roots:
            e = self.lex.noun([lemma])
            self._roots[lemma] = e.code[:2] if e else None
        return self._roots[lemma]

    def classes(self, pos: str, lemma: str) -> list[str]:
        return self.table.get(pos, {}).get(lemma, [])


def read_wordnet(path: Path | str) -> dict[str, dict[str, list[str]]]:
    """The committed WordNet class table (``data/opinion_corpus/wordnet.tsv``)."""
    out: dict[str, dict[str, list[str]]] = {"v": {}, "n": {}}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            pos, lemma, ids = line.split("\t")
            out[pos][lemma] = ids.split()
    return out


def features(c: Candidate, nodes, look: Lookup | None = None) -> list[str]:
    """The sparse features of a candidate; ``nodes`` are the sentence's parse nodes."""
    look = look or Lookup()
    noun_root = look.noun_root
    v = c.trigger
    lem = _lemma(v)
    f = ["bias", "v=" + lem, "dep=" + v.dep_, "pos=" + v.pos_]
    f += ["vc=" + x for x in look.classes("v" if v.pos_ != "NOUN" else "n", lem)]
    prt = next((ch for ch in v.children if ch.dep_ == "prt"), None)
    if prt is not None:
        f.append(f"vp={lem}_{prt.lower_}")
    o = _obj(v)
    if o is not None:
        ol = _lemma(o)
        f += ["o=" + ol, f"vo={lem}_{ol}"]
        if (r := noun_root(ol)):
            f.append("onr=" + r)
        f += ["oc=" + x for x in look.classes("n", ol)]
        for ch in o.children:
            if ch.dep_ in ("amod", "compound"):
                f.append("om=" + _lemma(ch))
    else:
        f.append("o=none")
    # prepositions on the verb and inside its object phrase ("imposed sanctions on Russia")
    for ch in list(v.children) + ([g for g in o.children if g.dep_ == "prep"] if o is not None else []):
        if ch.dep_ in ("prep", "agent", "dative"):
            p = ch.lower_
            f += ["p=" + p, f"vpp={lem}_{p}"]
            po = next((g for g in ch.children if g.dep_ == "pobj"), None)
            if po is not None:
                f.append(f"po={p}_{_lemma(po)}")
                if (r := noun_root(_lemma(po))):
                    f.append(f"ponr={p}_{r}")
                f += [f"poc={x}" for x in look.classes("n", _lemma(po))]
        elif ch.dep_ in ("xcomp", "ccomp") and ch.pos_ in ("VERB", "AUX"):
            xl = _lemma(ch)
            f += [f"{ch.dep_}={xl}", f"ctl={lem}_{xl}"] + ["xc=" + x for x in look.classes("v", xl)]
            xo = _obj(ch)
            if xo is not None:
                f.append("xo=" + _lemma(xo))
        elif ch.dep_ == "neg":
            f.append("negword")
    if v.dep_ in ("xcomp", "ccomp") and v.head is not v:
        f.append("gov=" + _lemma(v.head))
    f += [k for k, on in (("neg", c.negated), ("fut", c.future), ("hyp", c.hypothetical)) if on]
    f += _actor_feats("s", c.source) + _actor_feats("t", c.target)
    for n in nodes:
        if n.pos_ in CONTENT_POS and n.i != v.i and len(n.lower_) > 2:
            f.append("w=" + _lemma(n))
    return f


class OpinionModel:
    """Vocabulary + weights; ``probs`` gives P(type) for each of :data:`TYPES`."""

    def __init__(self, vocab: dict[str, int], w: np.ndarray, b: np.ndarray, meta: dict | None = None,
                 classes: dict | None = None):
        self.vocab, self.w, self.b = vocab, w, b
        self.meta = meta or {}
        self.classes = classes or {}  # the WordNet classes the model has weights for

    def logits(self, feats: list[str]) -> np.ndarray:
        idx = [self.vocab[x] for x in feats if x in self.vocab]
        return self.b + self.w[idx].sum(axis=0) if idx else self.b.copy()

    def probs(self, feats: list[str]) -> np.ndarray:
        z = self.logits(feats)
        z = np.exp(z - z.max())
        return z / z.sum()

    # ---- files
    def save(self, path: Path) -> None:
        buf = io.BytesIO()
        np.savez_compressed(
            buf, w=self.w.astype(np.float16), b=self.b.astype(np.float32),
            vocab=np.frombuffer(json.dumps(sorted(self.vocab, key=self.vocab.get)).encode(), dtype=np.uint8),
            meta=np.frombuffer(json.dumps(self.meta).encode(), dtype=np.uint8),
            classes=np.frombuffer(json.dumps(self.classes).encode(), dtype=np.uint8),
        )
        Path(path).write_bytes(buf.getvalue())

    @classmethod
    def load(cls, path: Path | str) -> "OpinionModel":
        return _load(str(path))


@functools.lru_cache(maxsize=4)
def _load(path: str) -> OpinionModel:
    from ..errors import DataFileError

    import hashlib

    try:
        raw = Path(path).read_bytes()
        z = np.load(io.BytesIO(raw))
    except (OSError, ValueError) as e:
        raise DataFileError(f"cannot read the opinion model {path}: {e}; rebuild it with scripts/train_opinion.py") from e
    names = json.loads(bytes(z["vocab"]).decode())
    meta = json.loads(bytes(z["meta"]).decode())
    meta["digest"] = hashlib.sha1(raw).hexdigest()[:8]
    if tuple(meta.get("types", ())) != TYPES:
        raise DataFileError(f"{path}: the model's types {meta.get('types')} are not this whimbrel's; retrain it")
    return OpinionModel({n: i for i, n in enumerate(names)}, z["w"].astype(np.float32), z["b"], meta,
                        json.loads(bytes(z["classes"]).decode()) if "classes" in z.files else {})


# ---------------------------------------------------------------- training


def prune_classes(table: dict[str, dict[str, list[str]]], vocab) -> dict[str, dict[str, list[str]]]:
    """The part of a WordNet class table whose classes the model has weights for."""
    used = {x.split("=", 1)[1] for x in vocab if x.startswith(("vc=", "oc=", "xc=")) or x.startswith("poc=")}
    out: dict[str, dict[str, list[str]]] = {}
    for pos, words in table.items():
        out[pos] = {w: keep for w, ids in words.items() if (keep := [i for i in ids if i in used])}
    return out


def train(samples: list[tuple[list[str], int]], *, epochs: int = 150, l2: float = 1e-4,
          lr: float = 0.05, min_count: int = 2, seed: int = 18, meta: dict | None = None,
          classes: dict | None = None) -> OpinionModel:
    """Fit multinomial logistic regression on (features, label index) samples;
    ``classes`` (the WordNet table the features used) is kept, pruned to the model's vocabulary."""
    rng = np.random.default_rng(seed)
    counts: dict[str, int] = {}
    for feats, _ in samples:
        for x in set(feats):
            counts[x] = counts.get(x, 0) + 1
    vocab = {x: i for i, x in enumerate(sorted(x for x, n in counts.items() if n >= min_count))}
    k, n = len(TYPES), len(samples)
    rows = [sorted({vocab[x] for x in feats if x in vocab}) for feats, _ in samples]
    lens = np.array([len(r) for r in rows])
    indices = np.fromiter((i for r in rows for i in r), dtype=np.int64, count=int(lens.sum()))
    row_of = np.repeat(np.arange(n), lens)
    y = np.array([s[1] for s in samples])
    Y = np.zeros((n, k), dtype=np.float32)
    Y[np.arange(n), y] = 1
    params = {"w": rng.normal(0, 0.01, (len(vocab), k)).astype(np.float32), "b": np.zeros(k, dtype=np.float32)}
    m = {p: np.zeros_like(v) for p, v in params.items()}
    s2 = {p: np.zeros_like(v) for p, v in params.items()}
    for t in range(1, epochs + 1):
        z = np.zeros((n, k), dtype=np.float32)
        np.add.at(z, row_of, params["w"][indices])
        z += params["b"]
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - Y) / n
        grads = {"w": np.zeros_like(params["w"]), "b": g.sum(axis=0)}
        np.add.at(grads["w"], indices, g[row_of])
        grads["w"] += l2 * params["w"]
        for name, gr in grads.items():
            m[name] = 0.9 * m[name] + 0.1 * gr
            s2[name] = 0.999 * s2[name] + 0.001 * gr * gr
            mh, vh = m[name] / (1 - 0.9 ** t), s2[name] / (1 - 0.999 ** t)
            params[name] -= lr * mh / (np.sqrt(vh) + 1e-8)
    return OpinionModel(vocab, params["w"], params["b"], {"types": list(TYPES), **(meta or {})},
                        prune_classes(classes or {}, vocab))
