"""Build ``src/whimbrel/actors/data/agents_wordnet.tsv``: nouns for kinds of people that
the agent table (Phoenix's agents and ``agents_extra.tsv``) does not list, with a sector.

News names people by what they are ("a 35-year-old inmate", "several suspects", "two
pilots", "the donors") far more often than any hand-made list foresees. WordNet 3.0
knows which nouns name a kind of person: the hyponyms of ``person.n.01``. A noun is
taken when its *first* (most frequent) noun sense is such a person, so "host", "pilot"
and "suspect" come in and "party", "case" and "head" (first senses: a group, an instance,
a body part) stay out. So do nouns no sense of which is tagged in WordNet's sense-tagged
corpus (``tagsense_cnt`` 0 in index.noun: "toaster", "mantrap"), proper nouns,
multi-word entries and nouns the agent table already has.

The sector is the first branch in ``SECTORS`` whose synset is a hypernym of the noun's
first sense ("inmate" is a prisoner: ``CVL``; "hacker" a programmer: ``CVL``; "suspect"
a wrongdoer: ``CRM``); nouns in no branch are civilians (``CVL``), CAMEO's sector for
people acting as private persons. The country of such an agent comes from the sentence
as for any agent ("Iranian inmates", "inmates in Evin prison"); a noun alone stays an
actor without a country.

Rows are written lowest precedence first: the run time reads this file before
agents.tsv, so a Phoenix or hand-written row for the same phrase wins.

WordNet 3.0 (c) 2006 Princeton University, WordNet 3.0 licence (see NOTICE); read
from Debian's ``wordnet-base`` at build time only.

Usage: python scripts/build_person_agents.py [--wordnet /usr/share/wordnet]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from wndb import WordNet

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "whimbrel" / "actors" / "data"
OUT = DATA / "agents_wordnet.tsv"

#: (synset, sector), the first branch that holds a noun's first sense wins: more specific
#: branches before the general ones that contain them
SECTORS = [
    ("terrorist.n.01", "UAF"),
    ("insurgent.n.01", "REB"),
    ("guerrilla.n.01", "REB"),
    ("mercenary.n.01", "UAF"),
    ("lawman.n.01", "COP"),
    ("military_officer.n.01", "MIL"),
    ("serviceman.n.01", "MIL"),
    ("soldier.n.01", "MIL"),
    ("warrior.n.01", "MIL"),
    ("spy.n.01", "SPY"),
    ("judge.n.01", "JUD"),
    ("lawyer.n.01", "JUD"),
    ("prosecutor.n.01", "JUD"),
    ("legislator.n.01", "LEG"),
    ("politician.n.02", "GOV"),
    ("diplomat.n.01", "GOV"),
    ("official.n.01", "GOV"),
    ("head_of_state.n.01", "GOV"),
    ("sovereign.n.01", "GOV"),
    ("health_professional.n.01", "HLH"),
    ("medical_practitioner.n.01", "HLH"),
    ("educator.n.01", "EDU"),
    ("student.n.01", "EDU"),
    ("scholar.n.01", "EDU"),
    ("clergyman.n.01", "REL"),
    ("religious_person.n.01", "REL"),
    ("religious.n.01", "REL"),
    ("journalist.n.01", "MED"),
    ("writer.n.01", "MED"),
    ("businessman.n.01", "BUS"),
    ("businessperson.n.01", "BUS"),
    ("executive.n.01", "BUS"),
    ("capitalist.n.02", "BUS"),
    ("farmer.n.01", "AGR"),
    ("worker.n.01", "LAB"),
    ("wrongdoer.n.01", "CRM"),
    ("criminal.n.01", "CRM"),
    ("refugee.n.01", "REF"),
    ("emigrant.n.01", "REF"),
    ("dissident.n.01", "OPP"),
    ("activist.n.01", "CVL"),
    ("prisoner.n.01", "CVL"),
]
#: nouns that name a person by kinship, age or a passing state ("son", "adult", "survivor")
#: are people too; they stay CVL. Words left out: their first sense is a person, but in
#: news they mostly mean something else or nothing actor-like.
EXCLUDE = {"person", "individual", "someone", "somebody", "mortal", "soul", "human", "being", "self", "other",
           "host", "guest", "party", "subject", "object", "case", "type", "sort", "figure", "character", "head",
           "lead", "dummy", "sign", "mark", "star", "giant", "loser", "winner", "first", "second", "third",
           "number", "one", "ace", "baby", "babe", "doll", "cat", "dog", "pig", "rat", "snake", "fox", "bear",
           "bull", "lamb", "angel", "devil", "god", "goddess", "saint", "ghost", "spirit", "witness", "native",
           "fan", "follower", "user", "reader", "viewer", "listener", "speaker", "caller", "sender", "recipient",
           "receiver", "payer", "buyer", "seller", "owner", "holder", "bearer", "bidder", "founder", "creator",
           "maker", "producer", "author", "designer", "developer", "contributor", "participant", "attendee",
           "spectator", "visitor", "tourist", "passenger", "driver", "rider", "pedestrian", "resident",
           "inhabitant", "neighbour", "neighbor", "friend", "enemy", "foe", "ally", "partner", "rival",
           "opponent", "critic", "supporter", "backer", "advocate", "champion", "proponent", "sponsor",
           "member", "chief", "boss", "chair", "chairman", "chairwoman", "chairperson", "president",
           "secretary", "director", "manager", "head", "principal", "expert", "specialist", "authority",
           "source", "insider", "spokesman", "spokeswoman", "spokesperson", "representative", "agent",
           "delegate", "envoy", "deputy", "assistant", "aide", "adviser", "advisor", "counsel", "minister",
           "premier", "king", "queen", "prince", "princess", "emperor", "ruler", "leader", "commander",
           "general", "colonel", "major", "captain", "lieutenant", "sergeant", "private", "admiral", "marshal"}


def person_nouns(wn: WordNet) -> list[tuple[str, str]]:
    person = wn.named("person.n.01")
    under = {person.offset}
    for s in wn.hyponyms(person, 30):
        under.add(s.offset)
    branch: dict[int, str] = {}
    for name, sector in reversed(SECTORS):  # earlier (more specific) branches overwrite later ones
        top = wn.named(name)
        for s in [top, *wn.hyponyms(top, 30)]:
            branch[s.offset] = sector
    known = set()
    for f in ("agents.tsv", "agents_extra.tsv"):
        for line in (DATA / f).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                known.add(line.split("\t")[0])
    tagged = {}
    for line in (wn.root / "index.noun").read_text(encoding="latin-1").splitlines():
        if not line.startswith(" "):
            f = line.split()
            tagged[f[0]] = int(f[4 + int(f[3]) + 1])
    out = []
    for lemma in sorted(wn._idx("n")):
        if "_" in lemma or "-" in lemma or not lemma.isalpha() or len(lemma) < 4:
            continue
        if lemma in known or lemma in EXCLUDE or not tagged.get(lemma):
            continue
        senses = wn.synsets(lemma, "n")
        first = senses[0]
        if first.offset not in under:
            continue
        if not any(w.lower() == lemma for w in first.words if w[:1].islower()):
            continue  # only as a proper noun ("Democrat" is a party member; kept to the KB)
        out.append((lemma, branch.get(first.offset, "CVL")))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    args = ap.parse_args()
    rows = person_nouns(WordNet(args.wordnet))
    header = ("# Kinds of people -> CAMEO sector codes, from WordNet 3.0 (generated by scripts/build_person_agents.py;\n"
              "# do not edit: add or fix a row in agents_extra.tsv, which wins). WordNet 3.0 (c) 2006 Princeton\n"
              "# University, WordNet 3.0 licence (NOTICE). Read before agents.tsv: later lines win.\n"
              "# Columns: phrase (lower case, singular; plurals are derived)  code  source\n")
    OUT.write_text(header + "".join(f"{w}\t{c}\twordnet\n" for w, c in rows), encoding="utf-8")
    counts: dict[str, int] = {}
    for _, c in rows:
        counts[c] = counts.get(c, 0) + 1
    print(f"{OUT.name}: {len(rows)} rows; " + ", ".join(f"{c} {n}" for c, n in sorted(counts.items(), key=lambda x: -x[1])))


if __name__ == "__main__":
    main()
