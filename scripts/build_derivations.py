#!/usr/bin/env python3
"""Build the nominalisations of the event lexicon's verbs: ``src/whimbrel/events/data/derivations.tsv``.

A light verb's object that names an act reads as the verb of that act ("announced the
expulsion of two diplomats" is what "expelled two diplomats" is; ``matching.verb_noun``).
When the noun is the verb's own lemma ("a ban on imports") the lexicon already knows it;
for the others ("expulsion", "dissolution", "withdrawal", "detention") this table says
which verb a noun is derived from. It is read from WordNet 3.0's derivational pointers
(WNDB files from Debian's ``wordnet-base``), at data-build time; run time never needs
WordNet.

Rows: a single-word noun in a sense that names an act (``ACT_LEXFILES``), and the verbs (``|``-separated, WordNet's sense order) it is
derived from that have a row of their own in ``lexicon.tsv`` naming an object (only those
rows apply to a noun). A noun that is itself such a verb's lemma, or an event noun of
``nouns.tsv``, is left out: the lexicon reads it directly.

Usage: python scripts/build_derivations.py [--wordnet /usr/share/wordnet]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wndb import WordNet  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "src" / "whimbrel" / "events" / "data"
#: WordNet noun senses that name an act or what it brings about (lexicographer files noun.act,
#: noun.communication, noun.event, noun.possession, noun.process, noun.state), not the one who
#: does it ("attacker", "sender": noun.person) nor a thing ("interceptor": noun.artifact)
ACT_LEXFILES = frozenset({4, 10, 11, 21, 22, 26})


def lexicon_verbs() -> set[str]:
    """Verb lemmas with a lexicon.tsv row that names an object (its third column)."""
    out: set[str] = set()
    for line in (DATA / "lexicon.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) > 2 and cols[2].strip():
            out.update(v.strip() for v in cols[0].split("|") if v.strip())
    return out


def event_nouns() -> set[str]:
    out: set[str] = set()
    for line in (DATA / "nouns.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.add(line.split("\t")[0].strip().lower())
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    args = ap.parse_args()
    wn = WordNet(args.wordnet)
    verbs = lexicon_verbs()
    skip = event_nouns() | verbs
    rows = []
    for noun in sorted(wn._idx("n")):
        if "_" in noun or not noun.isalpha() or noun in skip:
            continue
        derived = [v for v in wn.derived_verbs(noun, ACT_LEXFILES) if v in verbs]
        if derived:
            rows.append(f"{noun}\t{'|'.join(derived)}")
    header = [
        "# Nouns derived from event verbs (built by scripts/build_derivations.py from WordNet 3.0's",
        "# derivational pointers; WordNet 3.0 licence, see NOTICE). A light verb's object noun",
        "# reads as its verb: \"announced the expulsion of two diplomats\" (matching.verb_noun).",
        "# columns: noun verbs",
    ]
    (DATA / "derivations.tsv").write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} nouns -> {DATA / 'derivations.tsv'}")


if __name__ == "__main__":
    main()
