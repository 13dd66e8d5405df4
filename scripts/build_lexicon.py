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
import itertools
import re
from pathlib import Path

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


PARTICLES = {
    "up", "down", "out", "off", "away", "back", "over", "forward", "aside", "through",
    "together", "along", "around", "apart", "ahead", "on", "in", "about",
}
PREPOSITIONS = {
    "to", "for", "with", "against", "on", "in", "at", "by", "from", "into", "of", "over",
    "about", "under", "between", "among", "across", "toward", "towards", "behind", "before",
    "after", "through", "upon", "onto", "within", "without", "near", "despite", "during",
}


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


def _norm_word(w: str) -> str:
    if w.startswith("&"):
        return w.strip().rstrip("_").upper()  # a PETRARCH set: an object class in classes.tsv
    w = w.strip().lstrip("+").rstrip("_").lower()
    return w.replace("_", " ").strip()


def parse_petrarch(path: Path):
    """(sets, groups): PETRARCH's synonym sets, and its verb groups with their verbs
    (lemma, particle, code, inflected forms) and patterns (text, code, origin verbs
    named in the pattern's comment)."""
    lines = path.read_text(encoding="latin-1").splitlines()
    sets: dict[str, list[str]] = {}
    cur_set = None
    i = 0
    while i < len(lines) and "VERB PATTERNS" not in lines[i]:
        line = lines[i].split("#", 1)[0].rstrip()
        if line.startswith("&"):
            cur_set = line.strip()
            sets[cur_set] = []
        elif line.startswith("+") and cur_set:
            sets[cur_set].append(_norm_word(line))
        i += 1
    groups = []
    cur = None
    for line in lines[i + 1:]:
        raw, _, comment = line.partition("#")
        raw = raw.rstrip()
        if not raw.strip():
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", raw)
        if m:
            cur = {"name": m.group(1), "code": m.group(2), "verbs": [], "patterns": []}
            groups.append(cur)
            continue
        if cur is None:
            continue
        if raw.startswith("-"):
            pm = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*$", raw)
            if pm:
                origin = [w for w in re.split(r"[\s,]+", comment.strip()) if re.match(r"^[A-Z][A-Z_'\-]*$", w)]
                cur["patterns"].append((pm.group(1), pm.group(2), origin))
            continue
        vm = re.match(r"^(\+?[A-Z][A-Z0-9_'\-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", raw.strip())
        if vm:
            word = vm.group(1).lstrip("+").lower()
            code = vm.group(3)[1:-1] if vm.group(3) else ""
            forms = vm.group(2)[1:-1].lower().split() if vm.group(2) else []
            parts = [p for p in word.split("_") if p]
            lemma, rest = parts[0], parts[1:]
            cur["verbs"].append((lemma, " ".join(rest), code, forms))
    return sets, groups


def split_code(code: str) -> tuple[str, bool] | None:
    code = code.strip()
    if not code or code == "---":
        return None
    if ":" in code:
        a, b = code.split(":", 1)
        a, b = a.strip(), b.strip()
        if a and a != "---":
            return a, False
        if b and b != "---":
            return b, True
        return None
    return code, False


def _stems(word: str) -> list[str]:
    """Candidate lemmas of an inflected verb form (a pattern comment's "CARRIED")."""
    out = [word]
    for suf, rep in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
                     ("ing", ""), ("ing", "e")):
        if word.endswith(suf) and len(word) > len(suf) + 1:
            stem = word[: -len(suf)] + rep
            out.append(stem)
            if rep == "" and len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "stopped" -> "stop"
    return out


def origin_verbs(group: dict, names: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """The group's verbs (lemma, particle) that a pattern's comment names, and the names
    that are no verb of the group (patterns moved from a verb since dropped: DEMAND's
    URGE patterns)."""
    verbs = {(lemma, part) for lemma, part, _c, _f in group["verbs"]}
    forms = {}
    for lemma, part, _c, fs in group["verbs"]:
        for f in fs:
            forms[(f.split("_")[0], part)] = (lemma, part)
    found, orphans = [], []
    for name in names:
        parts = name.lower().split("_")
        head, rest = parts[0], " ".join(parts[1:])
        hit = None
        for cand in _stems(head):
            if (cand, rest) in verbs:
                hit = (cand, rest)
                break
        if hit is None:
            hit = forms.get((head, rest))
        if hit is None:
            orphans.append(name)
        elif hit not in found:
            found.append(hit)
    return found, orphans


def expand(tokens: list[str], sets: dict[str, list[str]], keep_last_set: bool = True) -> list[list[str]]:
    """Word lists for a column. One &SET is kept as a class name (the loader expands it
    from classes.tsv); any further &SET in the same column is expanded here."""
    keep = None
    if keep_last_set:
        refs = [i for i, t in enumerate(tokens) if t.startswith("&") and t.upper() in sets]
        keep = refs[-1] if refs else None
    opts = []
    for i, t in enumerate(tokens):
        if t.startswith("&") and i != keep:
            opts.append(sets.get(t.upper(), []) or [t[1:].lower()])
        else:
            opts.append([_norm_word(t)])
    out = []
    for combo in itertools.product(*opts):
        out.append([w for w in combo if w])
        if len(out) >= 400:
            break
    return out


def convert_pattern(text: str, sets) -> list[tuple[str, str, str, str]] | None:
    """PETRARCH pattern text -> [(particle, object, prep, pobj)] or None to drop it."""
    if "*" not in text:
        return None
    pre, post = text.split("*", 1)
    pre_words = [w for w in pre.split() if w not in ("$", "+", "^", "%")]
    if pre_words:
        return None  # subject-side constraints: not representable here, dropped
    # tokenise: groups {..}, (..), words
    toks = re.findall(r"\([^)]*\)|\{[^}]*\}|[^\s{}()]+", post)
    particle, obj_words, preps = "", [], []
    for t in toks:
        if t in ("$", "+", "^", "%", "@"):
            continue
        if t.startswith("("):
            inner = [w.strip("{}") for w in t[1:-1].split() if w not in ("$", "+", "^", "%")]
            inner = [w for w in inner if w]
            if inner:
                p = inner[0].lower().split("/")[0]
                preps.append((p, inner[1:]))
            continue
        if t.startswith("{"):
            obj_words.extend(w for w in t[1:-1].split() if w not in ("$", "+", "^"))
            continue
        w = t.lower()
        if not particle and not obj_words and w in PARTICLES:
            particle = w
            continue
        obj_words.append(t)
    results = []
    prep, pobj = ("", [])
    if preps:
        prep, pobj = preps[0]
        if prep.startswith("&") or prep not in PREPOSITIONS:
            return None
    for ow in expand(obj_words, sets):
        for pw in expand(pobj, sets):
            results.append((particle, " ".join(ow), prep, " ".join(pw)))
    return results


# Verbs whose PETRARCH patterns code an intent (03x) for a done act: training someone
# (filed under PREPARE with "prepare" and "ready") is cooperating with them, and meeting
# someone "for talks" or "at a hotel" is meeting them, not saying one will. Their intent
# codes are read as the act (0312 -> 062, 030 -> 060, 036 -> 040); a stated intent
# ("will meet") still gets its intent form from the clause's modality.
DOER_VERBS = {"train", "groom", "meet"}
INTENT_TO_ACT = {"030": "060", "036": "040", "031": "060", "0311": "061", "0312": "062", "0313": "063", "0314": "064",
                 "033": "070", "0331": "071", "0332": "072", "0333": "073", "0334": "074"}


def audit_code(code: str, verb_code: str, lemma: str = "") -> tuple[str, str]:
    """Check an imported pattern code against the sense of the verb it came from:
    (code to use, reason or ''). PLOVER has no APPEAL (02): a demand verb's 02x
    pattern ("demand talks" 026) is CAMEO's demand form 10x (106); the sub-codes of
    02 and 10 are parallel (0256 appeal / 1056 demand de-escalation). A doer verb's
    intent code is its act (``DOER_VERBS``)."""
    if verb_code[:2] == "10" and code[:2] == "02":
        return "10" + code[2:], "demand verb: appeal code -> demand"
    if lemma in DOER_VERBS and code in INTENT_TO_ACT:
        return INTENT_TO_ACT[code], "doer verb: intent code -> act"
    return code, ""


def build_petrarch(shared: Path) -> None:
    src = shared / "reference" / "petrarch" / "CAMEO.2.0.txt"
    sets, groups = parse_petrarch(src)
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
    nverbs = npat = ndrop = norphan = naudit = 0
    seen = set()
    for g in groups:
        gcode = split_code(g["code"])
        vcodes = {}
        for lemma, part, vcode, _forms in g["verbs"]:
            c = split_code(vcode) if vcode else gcode
            code, swap = c if c else ("", False)
            code = audit_code(code, code, lemma)[0] if code else code
            vcodes[(lemma, part)] = code
            if not re.match(r"^[a-z][a-z\-']*$", lemma):
                continue
            key = ("v", lemma, part, g["name"])
            if key in seen:
                continue
            seen.add(key)
            vrows.append("\t".join([lemma, part, g["name"], code, "1" if swap else ""]))
            nverbs += 1
        for text, code, names in g["patterns"]:
            c = split_code(code)
            if not c:
                ndrop += 1
                continue
            conv = convert_pattern(text, sets)
            if not conv:
                ndrop += 1
                continue
            verbs, orphans = origin_verbs(g, names)
            if names and not verbs:
                norphan += 1
                continue
            verbs = [v for v in verbs if re.match(r"^[a-z][a-z\-']*$", v[0])]
            # one row per distinct audited code (origin verbs of different sense may differ)
            by_code: dict[str, list[str]] = {}
            for v in verbs or [("", "")]:
                pc, why = audit_code(c[0], vcodes.get(v, gcode[0] if gcode else ""), v[0])
                naudit += bool(why)
                by_code.setdefault(pc, []).append(" ".join(x for x in v if x))
            for pc, vs in by_code.items():
                vcol = ",".join(x for x in vs if x)
                for particle, obj, prep, pobj in conv:
                    key = (g["name"], vcol, particle, obj, prep, pobj)
                    if key in seen:
                        continue
                    seen.add(key)
                    prows.append("\t".join([g["name"], vcol, particle, obj, prep, pobj, pc, "1" if c[1] else ""]))
                    npat += 1
    (OUT / "petrarch_verbs.tsv").write_text("\n".join(vrows) + "\n", encoding="utf-8")
    (OUT / "petrarch_patterns.tsv").write_text("\n".join(prows) + "\n", encoding="utf-8")
    print(f"petrarch: {nverbs} verbs, {npat} patterns ({ndrop} source patterns dropped, "
          f"{norphan} written for verbs no longer in their group dropped, {naudit} codes changed by the audit)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("/work/shared"))
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    build_cameo(args.shared)
    build_petrarch(args.shared)


if __name__ == "__main__":
    main()
