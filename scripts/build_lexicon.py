#!/usr/bin/env python3
"""Rebuild the event coder's data files under ``src/whimbrel/events/data/``.

Sources (read-only, in the team's shared folder, default ``/work/shared``):

* ``reference/cameo/cameo_codes.tsv``: CAMEO codes, quad class, Goldstein score,
  PLOVER event/mode/context -> ``cameo.tsv`` (with the documented PLOVER-manual
  overrides below and parent Goldstein scores filled in).
* ``reference/petrarch/CAMEO.2.0.txt``: PETRARCH2's verb dictionary (MIT,
  Copyright 2015 Open Event Data Alliance) -> ``petrarch_verbs.tsv`` (verb lemma,
  synonym group, default code) and ``petrarch_patterns.tsv`` (group, the verbs a
  pattern was written for, particle, object words, preposition, preposition object,
  code, swap). A pattern applies only to the verbs its PETRARCH comment names, not to
  the whole synonym group; ``&SET`` names stay class names (``build_classes.py``
  ships the sets in ``classes.tsv``); codes are audited against the verb's sense.

The whimbrel-written files (``lexicon.tsv``, ``nouns.tsv``, ``verbs.tsv``) are
edited by hand and not touched here.

Usage: python scripts/build_lexicon.py [--shared /work/shared]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from whimbrel.petrdict.verbs import convert

OUT = Path(__file__).resolve().parents[1] / "src" / "whimbrel" / "events" / "data"

# PLOVER-manual decisions that differ from the 2021 draft table (documented in
# docs/coder.md). code -> (event, mode, context)
PLOVER_OVERRIDES = {
    # Manual, SANCTION: "International (political or economic) sanctions are
    # coded as 'discontinue'"; the table says COERCE/restrict.
    "163": ("SANCTION", "discontinue", None),
}

# The PLOVER manual's CAMEO-to-PLOVER table works on cue categories (2-digit roots):
# "everything at the 3- and 4-digit level should simply be reduced to the 2-digit cue
# category", with 08 split into 081-083 CONCEDE and 084-087 RETREAT, and 20 coded as
# the violent category with mode 'unconventional'. Where the 2021 draft table gives a
# different event for a sub-code (1712, 175 ASSAULT; 191, 192 COERCE; 0813, 0814
# RETREAT; 163 COERCE), the manual's root rule wins; mode and context stay the table's.
MANUAL_ROOT_EVENT = {
    "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
    "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN",
    "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT",
    "19": "ASSAULT", "20": "ASSAULT",
}


# CAMEO 02 (appeals) has no PLOVER category in the manual's table ("02 APPEAL dropped"),
# but the manual defines REQUEST as "all requests, demands, and orders", and an appeal is
# a request: news coded by hand under PLOVER ("sought refuge in Niger", "appealed for
# aid") is REQUEST. whimbrel codes an appeal as REQUEST with the mode and context of the
# parallel demand (020 -> 100, 0233 -> 1033, ...); documented in docs/coder.md.
def appeal_as_request(code: str, by_code: dict) -> tuple[str, str, str] | None:
    if code[:2] != "02" or len(code) < 3:
        return None
    demand = by_code.get("10" + code[2:]) or by_code.get("10" + code[2:3])
    if not demand or not demand[6]:
        return None
    return demand[6], demand[7], demand[8]


def manual_event(code: str) -> str | None:
    root = code[:2]
    if root == "08":
        if len(code) == 2:
            return None
        return "CONCEDE" if code[:3] in ("080", "081", "082", "083") else "RETREAT"
    return MANUAL_ROOT_EVENT.get(root)


def build_cameo(shared: Path) -> None:
    src = shared / "reference" / "cameo" / "cameo_codes.tsv"
    rows = [line.rstrip("\n").split("\t") for line in src.read_text(encoding="utf-8").splitlines()]
    header, body = rows[0], rows[1:]
    by_code = {r[0]: r for r in body}
    out = [
        "# CAMEO event codes with quad class, Goldstein score and PLOVER event/mode/context.",
        "# Built by scripts/build_lexicon.py from reference/cameo/cameo_codes.tsv (facts from the",
        "# CAMEO manual, GDELT lookups and CAMEO2PLOVER). goldstein_source says 'parent' where the",
        "# code had no score and its parent's was used; plover_source says 'manual' where the",
        "# PLOVER manual overrides the 2021 draft table: its CAMEO-to-PLOVER table maps cue",
        "# categories (roots; 08 split 081-083 CONCEDE / 084-087 RETREAT), and 163 sanctions",
        "# are SANCTION/discontinue. Modes and contexts are the draft table's. plover_source",
        "# 'request': CAMEO 02 appeals (dropped by the manual's table) are REQUEST, as the",
        "# manual defines it (\"all requests, demands, and orders\"), with the parallel 10x mode.",
        "# columns: code root quad_class goldstein goldstein_source plover_event plover_mode plover_context plover_source label",
    ]
    for r in body:
        r = r + [""] * (len(header) - len(r))
        code, root, quad, gold, label, _desc, ev, mode, ctx = r[:9]
        gsrc = "gdelt"
        if not gold:
            p = code[:-1]
            while p and not (by_code.get(p) and by_code[p][3]):
                p = p[:-1]
            gold = by_code[p][3] if p else ""
            gsrc = "parent"
        if not quad and code[:2].isdigit():
            r2 = int(code[:2])
            quad = "1" if r2 <= 5 else "2" if r2 <= 8 else "3" if r2 <= 13 else "4"
        psrc = "table"
        if code in PLOVER_OVERRIDES:
            ev, mode, octx = PLOVER_OVERRIDES[code]
            ctx = ctx if octx is None else octx
            psrc = "manual"
        elif not ev and appeal_as_request(code, by_code):
            ev, mode, ctx = appeal_as_request(code, by_code)
            psrc = "request"
        elif not ev and len(code) == 4 and code[:3] in by_code:
            # 4-digit codes without PLOVER info take their 3-digit parent's (1951, 1952)
            parent = by_code[code[:3]]
            ev, mode, ctx = parent[6], parent[7], parent[8]
            psrc = "parent"
        mev = manual_event(code)
        if mev and ev and mev != ev:
            ev = mev
            psrc = "manual"
        ctx = ";".join(c.strip() for c in ctx.replace(",", ";").split(";") if c.strip())
        out.append("\t".join([code, root, quad, gold, gsrc, ev, mode, ctx, psrc, label]))
    (OUT / "cameo.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"cameo.tsv: {len(body)} codes")


def build_petrarch(shared: Path) -> None:
    src = shared / "reference" / "petrarch" / "CAMEO.2.0.txt"
    head = [
        "# Converted by scripts/build_lexicon.py from PETRARCH2's CAMEO.2.0.txt verb dictionary",
        "# (MIT licence, Copyright (c) 2015 Open Event Data Alliance; see NOTICE).",
    ]
    vrows = head + [
        "# One row per verb: lemma, particle (for multi-word verbs), synonym group, default CAMEO",
        "# code ('' = the bare verb codes nothing), swap (1 = source and target are reversed).",
        "# columns: lemma particle group code swap",
    ]
    prows = head + [
        "# One row per pattern. verbs: the verbs the pattern was written for (PETRARCH's comment",
        "# on the pattern; 'lemma' or 'lemma particle', comma-separated): the pattern applies to",
        "# those verbs only, not to their synonyms; an empty verbs column (no comment in PETRARCH)",
        "# applies to every verb of the group. Patterns whose comment names no verb of the group",
        "# (left over from a verb moved elsewhere) are dropped. object is the object noun phrase",
        "# (head word last), prep/pobj an attached prepositional phrase; &SET names a PETRARCH",
        "# synonym set, expanded from classes.tsv at load time. Patterns with subject-side words",
        "# are dropped. Codes are audited against the verb's sense (audit_code in the script):",
        "# a demand verb's appeal code (02x) becomes the demand code (10x).",
        "# columns: group verbs particle object prep pobj code swap",
    ]
    conv = convert(src)
    vrows += ["\t".join(r) for r in conv.verbs]
    prows += ["\t".join(r) for r in conv.patterns]
    st = conv.stats
    (OUT / "petrarch_verbs.tsv").write_text("\n".join(vrows) + "\n", encoding="utf-8")
    (OUT / "petrarch_patterns.tsv").write_text("\n".join(prows) + "\n", encoding="utf-8")
    print(f"petrarch: {st['verbs']} verbs, {st['patterns']} patterns ({st['dropped']} source patterns dropped, "
          f"{st['orphans']} written for verbs no longer in their group dropped, {st['audited']} codes changed by the audit)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("/work/shared"))
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    build_cameo(args.shared)
    build_petrarch(args.shared)


if __name__ == "__main__":
    main()
