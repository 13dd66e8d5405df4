"""PETRARCH verb dictionaries (CAMEO.2.0.txt, PETR.Validate.verbs.txt) -> whimbrel's
PETRARCH pattern rows.

The format: synonym sets (``&SET`` then ``+WORD`` members, a member may be another
``&SET``); verb groups opened by ``--- NAME [CODE] ---``, each with its verbs (``VERB
{FORMS} [CODE]``, ``+MULTI_WORD`` verbs) and pattern lines (``- PATTERN [CODE] # VERBS``).
A pattern has ``*`` where the verb stands; after it come the object words (``{NP}``
grouped in PETRARCH-2), a particle, prepositional phrases (``(PREP WORDS)``), and
``$``/``+`` mark the source and target, ``%`` a compound. Codes are ``[CODE]`` or
``[SRC:TGT]`` (``---:CODE``: the roles are reversed).

The same reader serves ``scripts/build_lexicon.py``, which converts PETRARCH2's
CAMEO.2.0.txt into the shipped ``petrarch_verbs.tsv`` / ``petrarch_patterns.tsv``, and
``--dict-verbs`` at run time (:func:`convert` returns the rows of both files).

Not used (counted in the report as not understood): words before the verb (subject
side, PETRARCH-1's ``SAID * TO``), patterns without ``*``, a preposition that is no
English preposition or is a set, verb lines with a ``+`` inside a compound.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from .common import ReadReport, drop_xml_comments, read_text, split_code

PARTICLES = {
    "up", "down", "out", "off", "away", "back", "over", "forward", "aside", "through",
    "together", "along", "around", "apart", "ahead", "on", "in", "about",
}
PREPOSITIONS = {
    "to", "for", "with", "against", "on", "in", "at", "by", "from", "into", "of", "over",
    "about", "under", "between", "among", "across", "toward", "towards", "behind", "before",
    "after", "through", "upon", "onto", "within", "without", "near", "despite", "during",
}
_MARKERS = ("$", "+", "^", "%", "@")
_LEMMA = re.compile(r"^[a-z][a-z\-']*$")


def norm_word(w: str) -> str:
    """A dictionary word or phrase as whimbrel writes it: lower case, ``_`` joins as
    spaces; a set name (``&SET``) stays upper case."""
    if w.startswith("&"):
        return w.strip().rstrip("_").upper()
    w = w.strip().lstrip("+").rstrip("_").lower()
    return re.sub(r"\s+", " ", w.replace("_", " ")).strip()


@dataclass
class Group:
    name: str
    code: str
    line: int
    verbs: list = field(default_factory=list)  # (lemma, particle, code, forms)
    patterns: list = field(default_factory=list)  # (text, code, origin names, line)


@dataclass
class VerbDictionary:
    sets: dict[str, list[str]]  # "&SET" -> normalised members (nested sets expanded)
    groups: list[Group]
    file: str


def read_verbs(path: str | Path, report: ReadReport | None = None) -> VerbDictionary:
    """Parse a PETRARCH verb dictionary; malformed lines become warnings in ``report``."""
    report = report if report is not None else ReadReport()
    name = str(path)
    text = drop_xml_comments(read_text(path, "verb"))
    raw_sets: dict[str, list[str]] = {}
    groups: list[Group] = []
    cur_set: str | None = None
    cur: Group | None = None
    for n, line in enumerate(text.splitlines(), 1):
        raw, _, comment = line.partition("#")
        raw = raw.rstrip()
        s = raw.strip()
        if not s:
            continue
        if "VERB PATTERNS" in s:
            cur_set = None
            continue
        if s.startswith("---"):
            m = re.match(r"^---\s*([^\[]+?)\s*\[([^\]]*)\](?:\s*\[[^\]]*\])*[\s-]*$", s)
            if not m:
                report.warn(name, n, f"verb group header not understood ({s!r}); expected '--- NAME [CODE] ---'")
                cur = None
                continue
            cur = Group("_".join(m.group(1).split()), m.group(2), n)
            groups.append(cur)
            cur_set = None
            continue
        if s.startswith("&"):
            cur_set = s.split()[0]
            raw_sets.setdefault(cur_set, [])
            continue
        if s.startswith("+") and cur_set is not None:
            raw_sets[cur_set].append(s[1:].strip() if s[1:2] == "&" else norm_word(s))
            continue
        cur_set = None
        if s.startswith("~"):
            report.skip("PETRARCH-2 verb transformation (~ a (b . VERB) SAY = ...)", f"{name}:{n}")
            continue
        if cur is None:
            report.warn(name, n, f"line outside any verb group or set ignored ({s!r})")
            continue
        if s.startswith("-"):
            pm = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*$", s)
            if not pm:
                report.warn(name, n, f"pattern without a [CODE] at its end ({s!r})")
                continue
            origin = [w for w in re.split(r"[\s,]+", comment.strip()) if re.match(r"^[A-Z][A-Z_'\-]*$", w)]
            cur.patterns.append((pm.group(1), pm.group(2), origin, n))
            continue
        if s.count("[") != s.count("]") or s.count("{") != s.count("}"):
            report.warn(name, n, f"unbalanced brackets in verb line ({s!r})")
            continue
        vm = re.match(r"^(\+?[A-Z][A-Z0-9_'\-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", s)
        if not vm:
            report.warn(name, n, f"verb line not understood ({s!r}); expected 'VERB {{FORMS}} [CODE]'")
            continue
        rest = s[vm.end():].strip()
        if rest.startswith("+"):
            report.skip("verb with '+' inside a compound (KLM_NOP_+RST)", f"{name}:{n}")
            continue
        word = vm.group(1).lstrip("+").lower()
        code = vm.group(3)[1:-1] if vm.group(3) else ""
        forms = vm.group(2)[1:-1].lower().split() if vm.group(2) else []
        parts = [p for p in word.split("_") if p]
        if not parts:
            report.warn(name, n, f"empty verb ({s!r})")
            continue
        cur.verbs.append((parts[0], " ".join(parts[1:]), code, forms))
    return VerbDictionary(_flatten_sets(raw_sets), groups, name)


def _flatten_sets(raw: dict[str, list[str]]) -> dict[str, list[str]]:
    """Expand members that name another set (``+&TIETYPES``)."""
    out: dict[str, list[str]] = {}

    def members(name: str, seen: tuple[str, ...]) -> list[str]:
        got = []
        for m in raw.get(name, []):
            if m.startswith("&"):
                ref = m.split()[0]
                if ref in raw and ref not in seen:
                    got.extend(members(ref, seen + (ref,)))
            else:
                got.append(m)
        return got

    for name in raw:
        out[name] = members(name, (name,))
    return out


# ------------------------------------------------------------------ conversion
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


def origin_verbs(group: Group, names: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """The group's verbs (lemma, particle) that a pattern's comment names, and the names
    that are no verb of the group (patterns moved from a verb since dropped)."""
    verbs = {(lemma, part) for lemma, part, _c, _f in group.verbs}
    forms = {}
    for lemma, part, _c, fs in group.verbs:
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
    """Word lists for a column. One &SET is kept as a class name (the lexicon expands it);
    any further &SET in the same column is expanded here."""
    keep = None
    if keep_last_set:
        refs = [i for i, t in enumerate(tokens) if t.startswith("&") and t.upper() in sets]
        keep = refs[-1] if refs else None
    opts = []
    for i, t in enumerate(tokens):
        if t.startswith("&") and i != keep:
            opts.append(sets.get(t.upper(), []) or [t[1:].lower()])
        else:
            opts.append([norm_word(t)])
    out = []
    for combo in itertools.product(*opts):
        out.append([w for w in combo if w])
        if len(out) >= 400:
            break
    return out


def _before_words(pre: str, sets: dict[str, list[str]]) -> list[tuple[str, ...]]:
    """The word sequences a pattern's words before the verb stand for (sets expanded)."""
    opts: list[list[tuple[str, ...]]] = []
    for t in re.split(r"[\s_]+", pre):
        if not t or t in _MARKERS:
            continue
        if t.startswith("&"):
            members = sets.get(t.upper()) or sets.get(t.upper() + "_") or []
            opts.append([tuple(m.split()) for m in members] or [(t[1:].lower(),)])
        else:
            opts.append([(t.lower(),)])
    out = []
    for combo in itertools.product(*opts):
        out.append(tuple(w for part in combo for w in part))
        if len(out) >= 50:
            break
    return out


def convert_pattern(text: str, sets, *, before: bool = False):
    """PETRARCH pattern text -> ([(particle, object, prep, pobj)], '', before-verb word
    sequences) or (None, the construct that stops it, ()). ``before`` (PETRARCH-1 reading,
    used with --only-dicts): words before the verb are kept as sequences that must precede
    it, and ``_`` joins are read as spaces."""
    if "*" not in text:
        return None, "pattern without '*' (the verb's place)", ()
    pre, post = text.split("*", 1)
    pre_words = [w for w in pre.split() if w not in _MARKERS]
    seqs: list[tuple[str, ...]] = []
    if pre_words:
        if not before:
            return None, "words before the verb (subject side)", ()
        seqs = [q for q in _before_words(pre, sets) if q]
    if before:
        post = post.replace("_", " ")
    toks = re.findall(r"\([^)]*\)|\{[^}]*\}|[^\s{}()]+", post)
    particle, obj_words, preps = "", [], []
    for t in toks:
        if t in _MARKERS:
            continue
        if t.startswith("("):
            inner = [w.strip("{}") for w in t[1:-1].split() if w not in _MARKERS]
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
    prep, pobj = ("", [])
    if preps:
        prep, pobj = preps[0]
        if prep.startswith("&") or prep not in PREPOSITIONS:
            return None, "a prepositional phrase whose first word is no preposition", ()
    results = []
    for ow in expand(obj_words, sets):
        for pw in expand(pobj, sets):
            results.append((particle, " ".join(ow), prep, " ".join(pw)))
    return results, "", tuple(seqs)


# Verbs whose PETRARCH patterns code an intent (03x) for a done act: training someone
# (filed under PREPARE with "prepare" and "ready") is cooperating with them, and meeting
# someone "for talks" or "at a hotel" is meeting them, not saying one will. Their intent
# codes are read as the act (0312 -> 062, 030 -> 060, 036 -> 040); a stated intent
# ("will meet") still gets its intent form from the clause's modality.
DOER_VERBS = {"train", "groom", "meet"}
INTENT_TO_ACT = {"030": "060", "036": "040", "031": "060", "0311": "061", "0312": "062", "0313": "063", "0314": "064",
                 "033": "070", "0331": "071", "0332": "072", "0333": "073", "0334": "074"}


#: verb defaults whose code names another act than the verb's sense, and so code nothing bare:
#: (lemma, code) -> code to use. PETRARCH gives "+BEEF_UP" of its STRENGTHEN group 174 (deport),
#: where the group's own patterns show forces (150, 154) and security (153) strengthened
#: ("beefed up its troops": lexicon.tsv codes that; "beefed up their defence" is no deportation),
#: and its BOOST group 060 (material cooperation), which no strengthening of one's own is
WRONG_SENSE = {("beef", "174"): "", ("beef", "060"): ""}


def audit_code(code: str, verb_code: str, lemma: str = "") -> tuple[str, str]:
    """Check an imported pattern code against the sense of the verb it came from:
    (code to use, reason or ''). PLOVER has no APPEAL (02): a demand verb's 02x
    pattern ("demand talks" 026) is CAMEO's demand form 10x (106); the sub-codes of
    02 and 10 are parallel (0256 appeal / 1056 demand de-escalation). A doer verb's
    intent code is its act (``DOER_VERBS``); a default of another sense is dropped
    (``WRONG_SENSE``)."""
    if (lemma, code) in WRONG_SENSE:
        return WRONG_SENSE[(lemma, code)], "default of another sense"
    if verb_code[:2] == "10" and code[:2] == "02":
        return "10" + code[2:], "demand verb: appeal code -> demand"
    if lemma in DOER_VERBS and code in INTENT_TO_ACT:
        return INTENT_TO_ACT[code], "doer verb: intent code -> act"
    return code, ""


@dataclass
class Converted:
    """A verb dictionary as whimbrel rows (the columns of petrarch_verbs.tsv and
    petrarch_patterns.tsv) and its synonym sets."""

    sets: dict[str, list[str]]
    verbs: list[tuple[str, str, str, str, str]]  # lemma particle group code swap
    patterns: list[tuple[str, str, str, str, str, str, str, str]]  # group verbs particle object prep pobj code swap
    stats: dict[str, int]
    # what the shipped tables have no column for, by row index: "also" (the target's
    # reply code of an [A:B] code) and "before" (word sequences before the verb)
    pattern_extra: dict[int, dict] = field(default_factory=dict)
    verb_extra: dict[int, dict] = field(default_factory=dict)


def reply_code(code: str) -> str:
    """The second code of ``[A:B]`` (the event back from the target), '' if none."""
    a, sep, b = code.partition(":")
    return b.strip() if sep and a.strip() not in ("", "---") and b.strip() not in ("", "---") else ""


def convert(path: str | Path, report: ReadReport | None = None, *, petrarch1: bool = False) -> Converted:
    """Read and convert a verb dictionary (see the module docstring). ``petrarch1`` (with
    --only-dicts) also keeps words before the verb and the reply codes of ``[A:B]`` in
    ``pattern_extra``/``verb_extra`` (the shipped conversion has no columns for them), and
    keeps the codes as written (no :func:`audit_code`)."""
    report = report if report is not None else ReadReport()
    vd = read_verbs(path, report)
    sets, name = vd.sets, vd.file
    vrows, prows = [], []
    pextra: dict[int, dict] = {}
    vextra: dict[int, dict] = {}
    nverbs = npat = ndrop = norphan = naudit = 0
    seen = set()
    for g in vd.groups:
        gcode = split_code(g.code)
        vcodes = {}
        for lemma, part, vcode, _forms in g.verbs:
            c = split_code(vcode) if vcode else gcode
            code, swap = c if c else ("", False)
            if code and not petrarch1:  # read as written with --only-dicts: no audit
                code = audit_code(code, code, lemma)[0]
            vcodes[(lemma, part)] = code
            if not _LEMMA.match(lemma):
                continue
            key = ("v", lemma, part, g.name)
            if key in seen:
                continue
            seen.add(key)
            also = reply_code(vcode or g.code) if petrarch1 else ""
            if also:
                vextra[len(vrows)] = {"also": also}
            vrows.append((lemma, part, g.name, code, "1" if swap else ""))
            nverbs += 1
        for text, code, names, ln in g.patterns:
            c = split_code(code)
            if not c:
                ndrop += 1
                continue
            conv, why, before = convert_pattern(text, sets, before=petrarch1)
            if not conv:
                ndrop += 1
                if why:
                    report.skip(why, f"{name}:{ln}")
                continue
            verbs, orphans = origin_verbs(g, names)
            if names and not verbs and petrarch1:
                pass  # PETRARCH-1 comments are authors and dates ("# PAS 12.01.14"): the pattern is the group's
            elif names and not verbs:
                norphan += 1
                report.skip("pattern whose comment names no verb of its group", f"{name}:{ln}")
                continue
            verbs = [v for v in verbs if _LEMMA.match(v[0])]
            # one row per distinct audited code (origin verbs of different sense may differ)
            by_code: dict[str, list[str]] = {}
            for v in verbs or [("", "")]:
                pc, why = (c[0], "") if petrarch1 else audit_code(c[0], vcodes.get(v, gcode[0] if gcode else ""), v[0])
                naudit += bool(why)
                by_code.setdefault(pc, []).append(" ".join(x for x in v if x))
            for pc, vs in by_code.items():
                vcol = ",".join(x for x in vs if x)
                for particle, obj, prep, pobj in conv:
                    key = (g.name, vcol, particle, obj, prep, pobj) + ((before,) if before else ())
                    if key in seen:
                        continue
                    seen.add(key)
                    also = reply_code(code) if petrarch1 else ""
                    if before or also:
                        pextra[len(prows)] = {"before": before, "also": also}
                    prows.append((g.name, vcol, particle, obj, prep, pobj, pc, "1" if c[1] else ""))
                    npat += 1
    report.counts["verbs"] += nverbs
    report.counts["verb patterns"] += npat
    report.counts["synonym sets"] += len(sets)
    return Converted(sets, vrows, prows, {"verbs": nverbs, "patterns": npat, "dropped": ndrop,
                                          "orphans": norphan, "audited": naudit}, pextra, vextra)
