"""Word classes for the opinion model from WordNet 3.0: data/opinion_corpus/wordnet.tsv.

For every verb lemma of WordNet, its first two senses, their lexicographer files and
their hypernyms up to three levels up; for every noun lemma that WordNet's sense-tagged
corpus has seen, its first sense, lexicographer file and hypernyms up to six levels up.
The model uses these as features of the trigger and of the object head, so that a verb
or object it never saw in training ("lended", "rebuffed") is read through its class.

Reads Debian's ``wordnet-base`` (``/usr/share/wordnet``) at build time only; the
training script reads the committed table, and the weights file carries the part of
it the model uses. WordNet 3.0 (c) 2006 Princeton University, WordNet 3.0 licence
(see NOTICE).

    python scripts/build_opinion_wordnet.py [--wordnet /usr/share/wordnet]
"""

from __future__ import annotations

import argparse
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "data" / "opinion_corpus" / "wordnet.tsv"
DEPTH = {"v": 3, "n": 6}
SENSES = {"v": 2, "n": 1}


def read_data(path: Path) -> dict[int, tuple[int, list[int]]]:
    """synset offset -> (lexicographer file number, hypernym offsets)."""
    out = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line or line.startswith(" "):
            continue
        f = line.split(" | ")[0].split()
        off, lexfile, w_cnt = int(f[0]), int(f[1]), int(f[3], 16)
        i = 4 + 2 * w_cnt
        p_cnt = int(f[i])
        hyper = []
        for k in range(p_cnt):
            sym, target, pos = f[i + 1 + 4 * k], f[i + 2 + 4 * k], f[i + 3 + 4 * k]
            if sym in ("@", "@i") and pos in ("v", "n"):
                hyper.append(int(target))
        out[off] = (lexfile, hyper)
    return out


def read_index(path: Path, *, tagged_only: bool) -> dict[str, list[int]]:
    out = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line or line.startswith(" "):
            continue
        f = line.split()
        lemma, syn_cnt, p_cnt = f[0], int(f[2]), int(f[3])
        tag_cnt = int(f[5 + p_cnt])
        if tagged_only and tag_cnt == 0:
            continue
        out[lemma] = [int(x) for x in f[6 + p_cnt: 6 + p_cnt + syn_cnt]]
    return out


def classes_of(offs: list[int], data, pos: str) -> list[str]:
    ids: list[str] = []
    for off in offs[: SENSES[pos]]:
        lexfile, _ = data[off]
        ids += [f"{pos}lf{lexfile}", f"{pos}{off}"]
        frontier = [off]
        for _ in range(DEPTH[pos]):
            frontier = [h for o in frontier for h in data[o][1]]
            ids += [f"{pos}{h}" for h in frontier]
    seen, out = set(), []
    for i in ids:
        if i not in seen:
            seen.add(i)
            out.append(i)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if not (args.wordnet / "index.verb").exists():
        raise SystemExit(f"no WordNet database in {args.wordnet}: apt-get install -y wordnet-base")
    lines = ["# Word classes for the opinion model, built by scripts/build_opinion_wordnet.py from WordNet 3.0",
             "# (c) 2006 Princeton University, WordNet 3.0 licence (see NOTICE). columns: pos lemma classes"]
    for pos, name in (("v", "verb"), ("n", "noun")):
        data = read_data(args.wordnet / f"data.{name}")
        index = read_index(args.wordnet / f"index.{name}", tagged_only=pos == "n")
        for lemma in sorted(index):
            if "_" in lemma:
                continue
            lines.append(f"{pos}\t{lemma}\t{' '.join(classes_of(index[lemma], data, pos))}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 2} lemmas -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
