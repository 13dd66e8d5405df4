"""A small reader for the WordNet 3.0 database files (WNDB format), as Debian's
``wordnet-base`` installs them under ``/usr/share/wordnet``.

Only what the build scripts need: the senses of a lemma in WordNet's order, a synset's
words and gloss, its hyponyms, and the verbs a noun is derived from. Synsets are named like NLTK's
(``sanction.n.02`` = the second noun sense of "sanction"), so a spec written
against NLTK reads the same here. WordNet 3.0 (c) 2006 Princeton University,
WordNet 3.0 licence (see NOTICE); nothing from it is read at run time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

POS_FILE = {"n": "noun", "v": "verb"}


@dataclass(frozen=True)
class Synset:
    offset: int
    pos: str
    words: tuple[str, ...]  # lemma names as written ("_" for spaces, proper nouns capitalised), WordNet's order
    gloss: str
    hypo: tuple[int, ...]  # offsets of hyponyms (not instance hyponyms)
    # derivationally related forms: (this synset's word index, other synset offset, its pos,
    # its word index), word indexes from 0 (WordNet's "+" pointers)
    deriv: tuple[tuple[int, int, str, int], ...] = ()
    lexfile: int = 0  # lexicographer file: 4 noun.act, 10 noun.communication, 11 noun.event, 18 noun.person, ...


class WordNet:
    def __init__(self, root: Path | str = "/usr/share/wordnet"):
        self.root = Path(root)
        if not (self.root / "index.noun").exists():
            raise SystemExit(f"no WordNet database in {self.root}: apt-get install -y wordnet-base (or pass --wordnet DIR)")
        self._index: dict[str, dict[str, list[int]]] = {}
        self._data: dict[str, bytes] = {}
        self._cache: dict[tuple[str, int], Synset] = {}

    def _idx(self, pos: str) -> dict[str, list[int]]:
        if pos not in self._index:
            out = {}
            for line in (self.root / f"index.{POS_FILE[pos]}").read_text(encoding="latin-1").splitlines():
                if line.startswith(" "):
                    continue
                f = line.split()
                lemma, n_syn, n_ptr = f[0], int(f[2]), int(f[3])
                offs = f[4 + n_ptr + 2:]
                out[lemma] = [int(o) for o in offs[:n_syn]]
            self._index[pos] = out
        return self._index[pos]

    def synset(self, offset: int, pos: str) -> Synset:
        key = (pos, offset)
        if key in self._cache:
            return self._cache[key]
        if pos not in self._data:
            self._data[pos] = (self.root / f"data.{POS_FILE[pos]}").read_bytes()
        data = self._data[pos]
        end = data.index(b"\n", offset)
        line = data[offset:end].decode("latin-1")
        body, _, gloss = line.partition(" | ")
        f = body.split()
        w_cnt = int(f[3], 16)
        words = tuple(f[4 + 2 * i] for i in range(w_cnt))  # WordNet's case: proper nouns capitalised
        i = 4 + 2 * w_cnt
        p_cnt = int(f[i])
        hypo, deriv = [], []
        for k in range(p_cnt):
            sym, off, ppos, st = f[i + 1 + 4 * k], f[i + 2 + 4 * k], f[i + 3 + 4 * k], f[i + 4 + 4 * k]
            if sym == "~" and ppos == pos:  # hyponyms; not instances ("~i": named people, places)
                hypo.append(int(off))
            elif sym == "+":  # derivationally related form, word to word ("0102": word 1 -> word 2)
                deriv.append((int(st[:2], 16) - 1, int(off), ppos, int(st[2:], 16) - 1))
        s = Synset(offset, pos, tuple(w.split("(")[0] for w in words), gloss.strip(), tuple(hypo), tuple(deriv),
                   int(f[1]))
        self._cache[key] = s
        return s

    def synsets(self, lemma: str, pos: str = "n") -> list[Synset]:
        return [self.synset(o, pos) for o in self._idx(pos).get(lemma.lower().replace(" ", "_"), [])]

    def named(self, name: str) -> Synset:
        """``sanction.n.02`` -> the second noun sense of "sanction"."""
        lemma, pos, n = name.rsplit(".", 2)
        senses = self.synsets(lemma, pos)
        k = int(n)
        if not 1 <= k <= len(senses):
            raise KeyError(f"WordNet has no sense {name}")
        return senses[k - 1]

    def derived_verbs(self, noun: str, lexfiles: frozenset[int] | None = None) -> list[str]:
        """The verbs WordNet relates to the noun ``noun`` by derivation ("expulsion" -> "expel"),
        over its senses in WordNet's order, most frequent first, each once; with ``lexfiles``,
        only over its senses in those lexicographer files."""
        out: list[str] = []
        key = noun.lower().replace(" ", "_")
        for s in self.synsets(noun, "n"):
            if lexfiles is not None and s.lexfile not in lexfiles:
                continue
            for src, off, ppos, tgt in s.deriv:
                if ppos != "v" or src < 0 or s.words[src].lower() != key:
                    continue
                v = self.synset(off, "v").words[tgt].lower()
                if v not in out:
                    out.append(v)
        return out

    def hyponyms(self, s: Synset, depth: int) -> list[Synset]:
        out, frontier, seen = [], [s], {s.offset}
        for _ in range(depth):
            nxt = []
            for t in frontier:
                for o in t.hypo:
                    if o not in seen:
                        seen.add(o)
                        h = self.synset(o, s.pos)
                        out.append(h)
                        nxt.append(h)
            frontier = nxt
        return out
