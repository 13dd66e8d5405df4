"""Write the training corpus of the event-type opinion model (data/opinion_corpus/).

Every sentence is generated here from whimbrel's own data, with a fixed seed:

* phrasings: the verb patterns of ``events/data/lexicon.tsv`` (whimbrel's own),
  PETRARCH2's verb defaults and group patterns (``petrarch_verbs.tsv``,
  ``petrarch_patterns.tsv``, MIT), light verbs with the event nouns of ``nouns.tsv``,
  and control verbs (``verbs.tsv`` intent/threaten/reject roles, ``maps.tsv``); object
  classes (``&NAME``) are filled from ``classes.tsv`` where the lexicon has one;
* actors: countries, demonyms, capitals, organisations and dated office holders of
  ``actors/data`` (a person is used only on a date inside his or her term, and the
  sentence carries that date as ``published``);
* the "not an event" class: hand-written sport, weather, business, accident,
  culture and empty-statement templates (``opinion_words.py``).

Each record marks the source, target and trigger (character offsets), the CAMEO
code the phrasing comes from, its PLOVER type (``NONE`` for the other class), the
modality of the variant (negated, future, hypothetical, reported) and the form
(past, perfect, passive, headline, ...). Nothing is read from PLV or any other
evaluation set.

    python scripts/make_opinion_corpus.py            # writes data/opinion_corpus/corpus.jsonl + counts.tsv
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from opinion_words import NONE_TEMPLATES, inflect  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EV = ROOT / "src/whimbrel/events/data"
AC = ROOT / "src/whimbrel/actors/data"
OUT = ROOT / "data/opinion_corpus"
SEED = 18
PER_TYPE = 360  # sentences per PLOVER type
NONE_N = 1500  # "not an event" sentences
# where the target goes when a pattern names an object but no preposition
DEFAULT_PREP = {"03": "with", "04": "with", "06": "with", "07": "to", "13": "against", "14": "against",
                "16": "on", "17": "against", "18": "against", "19": "against", "20": "against", "10": "from"}
POSS_ROOTS = ("05", "09", "11", "12")  # reactions: "criticised Iran's decision"
WHEN = ["", "", "", " on Monday", " on Tuesday", " on Wednesday", " on Thursday", " on Friday", " on Saturday",
        " on Sunday", " last week", " this week", " earlier this month", " in March", " late on Friday", " again"]
TAILS = ["", "", "", "", " over its nuclear programme", " after weeks of tension", " amid a border dispute",
         " following the election", " in a statement", " during a visit to the region", " over the weekend",
         " for the first time in years", " despite international pressure"]
LEADS = ["", "", "", "", "", "On Monday, ", "In a statement, ", "Earlier this week, ", "Meanwhile, ", "Late on Friday, ",
         "In a rare move, ", "For the second time this year, ", "Speaking in the capital, "]
TRAILS = ["", "", "", "", "", ", a move that angered {X}", ", according to state media", ", officials said",
          ", the foreign ministry said in a statement", ", and said it would continue to do so", ", reports said",
          ", a day after talks in {CITY} ended", ", the latest sign of strained relations"]
REPORTERS = ["officials said", "state media reported", "a spokesman said", "the ministry said", "witnesses said",
             "a government statement said", "diplomats said", "news agencies reported"]


def rows(path: Path, n: int):
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        c = line.split("\t")
        yield c + [""] * (n - len(c))


# ---------------------------------------------------------------- CAMEO table and classes


def cameo_table() -> dict[str, str]:
    """code -> PLOVER type (codes with a type only)."""
    out = {}
    for c in rows(EV / "cameo.tsv", 10):
        if c[5]:
            out[c[0]] = c[5]
    return out


def plover_of(code: str, table: dict[str, str]) -> str | None:
    while code and code not in table:
        code = code[:-1]
    return table.get(code) if code else None


def classes() -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    p = EV / "classes.tsv"
    if p.exists():
        for c in rows(p, 3):
            if c[0].startswith("&") and c[1]:
                out[c[0]].append(c[1])
    return out


# ---------------------------------------------------------------- frames


class Frame:
    """One phrasing of one CAMEO code: verb (phrase), object words, preposition, where the target goes."""

    def __init__(self, verb, obj, prep, pobj, code, slot, origin, control=None):
        self.verb, self.obj, self.prep, self.pobj, self.code = verb, obj, prep, pobj, code
        self.slot, self.origin, self.control = slot, origin, control

    def vp(self, form: str, tgt: str) -> str:
        """The verb phrase with the target filled in."""
        v = inflect(self.verb, form)
        parts = [v]
        if self.slot == "dobj":
            parts.append(tgt)
        elif self.slot == "poss":
            parts.append(f"{tgt}'s {self.obj.split(' ', 1)[-1] if self.obj.startswith(('a ', 'an ', 'the ')) else self.obj}")
        if self.obj and self.slot != "poss":
            parts.append(self.obj)
        if self.prep:
            if self.slot == "prep":
                parts.append(f"{self.prep} {tgt}")
            elif self.pobj:
                parts.append(f"{self.prep} {self.pobj}")
        return " ".join(parts)


def _obj_words(words: str, cls: dict[str, list[str]], rnd: random.Random) -> str | None:
    out = []
    for w in words.split():
        if w.startswith("&"):
            if w not in cls:
                return None
            w = rnd.choice(cls[w])
        out.append(w.replace("_", " "))
    ws = " ".join(out)
    if not ws:
        return ""
    if ws.endswith("s") or ws.split()[0] in ("its", "their") or rnd.random() < 0.25:
        return ws
    return rnd.choice(["the ", "an " if ws[0] in "aeiou" else "a "]) + ws


def _slot(obj: str, prep: str, pobj: str, code: str, noobj: bool) -> tuple[str | None, str]:
    if prep and not pobj:
        return "prep", prep
    if not obj and not prep:
        return (None if noobj else "dobj"), ""
    if obj and not prep:
        if code[:2] in POSS_ROOTS:
            return "poss", ""
        p = DEFAULT_PREP.get(code[:2])
        return ("prep", p) if p else (None, "")
    return None, prep


def lexicon_frames(table, cls, rnd) -> list[Frame]:
    out = []
    for n, c in enumerate(rows(EV / "lexicon.tsv", 7), 1):
        verb, part, obj, prep, pobj, code, flags = c[:7]
        if not code or "swap" in flags or code[:2] in ("01", "02") or not plover_of(code, table):
            continue
        o = _obj_words(obj, cls, rnd)
        po = _obj_words(pobj, cls, rnd) if pobj else ""
        if o is None or po is None:
            continue
        slot, p = _slot(obj, prep, pobj, code, "noobj" in flags)
        v = verb + (" " + part if part else "")
        out.append(Frame(v, o, p, po.split(" ", 1)[-1] if po else "", code, slot, f"lexicon.tsv:{n}"))
    return out


def petrarch_frames(table, cls, rnd) -> list[Frame]:
    out = []
    groups: dict[str, list[str]] = defaultdict(list)
    for verb, part, group, code, swap in rows(EV / "petrarch_verbs.tsv", 5):
        groups[group].append(verb + (" " + part if part else ""))
        if code and swap != "1" and code[:2] not in ("01", "02") and plover_of(code, table):
            out.append(Frame(verb + (" " + part if part else ""), "", "", "", code, "dobj", f"petrarch_verbs:{verb}"))
    pats = [c[:8] for c in rows(EV / "petrarch_patterns.tsv", 8)]
    rnd.shuffle(pats)
    for group, verbs, part, obj, prep, pobj, code, swap in pats[:6000]:
        own = [w.strip() for w in verbs.split(",") if w.strip()]  # the verbs the pattern was written for
        if not code or swap == "1" or code[:2] in ("01", "02") or not plover_of(code, table) or not (own or groups.get(group)):
            continue
        if len(obj.split()) > 3 or len(pobj.split()) > 3:
            continue
        o = _obj_words(obj, cls, rnd)
        po = _obj_words(pobj, cls, rnd) if pobj else ""
        if o is None or po is None:
            continue
        slot, p = _slot(obj, prep, pobj, code, False)
        verb = rnd.choice(own or groups[group])
        if part and " " not in verb:
            verb += " " + part
        out.append(Frame(verb, o, p, po.split(" ", 1)[-1] if po else "", code, slot, f"petrarch_patterns:{group}"))
    return out


LIGHT_BY_ROOT = {"03": ["reach", "sign"], "04": ["hold", "have"], "05": ["express", "offer"], "06": ["sign", "launch"],
                 "07": ["provide", "send", "deliver"], "08": ["announce", "declare"], "09": ["launch", "open"],
                 "10": ["issue", "make"], "11": ["issue", "lodge", "file"], "12": ["announce"], "13": ["issue"],
                 "14": ["stage", "hold"], "15": ["launch", "conduct"], "16": ["impose", "announce"],
                 "17": ["launch", "carry out"], "18": ["launch", "carry out", "stage"],
                 "19": ["launch", "carry out", "conduct"], "20": ["carry out", "commit"]}


def noun_frames(table, cls, rnd) -> list[Frame]:
    out = []
    for noun0, code, flags in rows(EV / "nouns.tsv", 3):
        if not code or code[:2] in ("01", "02") or not plover_of(code, table):
            continue
        for lv in LIGHT_BY_ROOT.get(code[:2], ["announce"]):
            noun = rnd.choice(cls[noun0]) if noun0.startswith("&") and cls.get(noun0) else noun0
            if noun.startswith("&"):
                continue
            det = "" if noun.endswith("s") else ("an " if noun[0] in "aeio" else "a ")
            p = DEFAULT_PREP.get(code[:2], "with" if "sym" in flags else "against")
            out.append(Frame(lv, det + noun, p, "", code, "prep", f"nouns.tsv:{noun}"))
    return out


def control_frames(frames: list[Frame], table, rnd) -> list[Frame]:
    """'agreed to V', 'threatened to V', 'refused to V' over material acts (maps.tsv forms)."""
    maps: dict[str, dict[str, str]] = defaultdict(dict)
    for kind, frm, to in rows(EV / "maps.tsv", 3):
        maps[kind][frm] = to
    verbs = {"intent": ["agree", "pledge", "promise", "vow", "plan", "offer"], "threaten": ["threaten", "warn"],
             "reject": ["refuse", "decline"]}

    def mapped(kind, code):
        for n in range(len(code), 1, -1):
            if code[:n] in maps[kind]:
                return maps[kind][code[:n]]
        return None

    out = []
    for f in frames:
        if f.code[:2] not in ("04", "05", "06", "07", "08", "16", "17", "18", "19", "20") or " " in f.verb:
            continue
        kind = "threaten" if f.code[:2] >= "14" else rnd.choice(["intent", "intent", "reject"])
        code = mapped(kind, f.code)
        if not code or not plover_of(code, table):
            continue
        g = Frame(f.verb, f.obj, f.prep, f.pobj, code, f.slot, f.origin + f"+{kind}", control=rnd.choice(verbs[kind]))
        out.append(g)
    return out


# ---------------------------------------------------------------- actors


class Actors:
    def __init__(self, rnd: random.Random):
        self.rnd = rnd
        names, dem, cap = {}, {}, {}
        for id_, kind, code, start, end, nm, ctx in rows(AC / "countries.tsv", 7):
            first = nm.split("|")[0]
            if kind == "country" and id_.startswith("c:"):
                names[code] = first
            elif kind == "demonym":
                dem[code] = first
            elif kind == "capital":
                cap[code[:3]] = first
        self.countries = [(c, _the(names[c]), dem[c]) for c in sorted(names) if c in dem and c in cap and len(names[c]) < 25]
        self.capitals = cap
        self.people = []  # (name, title, iso, start, end)
        titles = {"head_of_state": "President", "head_of_government": "Prime Minister",
                  "foreign_minister": "Foreign Minister", "defence_minister": "Defence Minister"}
        for f in sorted((AC / "roles").glob("*.tsv")):
            for id_, kind, code, start, end, nm, ctx in rows(f, 7):
                role = ctx.replace("role=", "")
                if kind == "person" and role in titles and start and nm:
                    self.people.append((nm.split("|")[0], titles[role], code[:3], start, end or "2025-12-31"))
        self.orgs = [nm.split("|")[0] for *_, nm, ctx in rows(AC / "orgs.tsv", 7) if nm][:60]

    def country(self):
        return self.rnd.choice(self.countries)

    def pick(self, pool: str, date_box: list, avoid: str = "") -> tuple[str, bool]:
        """(surface text, plural) for an actor of ``pool``; a person sets the sentence date."""
        r = self.rnd
        iso, name, dem = self.country()
        for _ in range(5):
            if iso != avoid:
                break
            iso, name, dem = self.country()
        if pool == "person":
            if date_box[0] is None:
                nm, title, iso2, s, e = r.choice(self.people)
                date_box[0] = _date_between(r, s, e)
            else:
                ok = [p for p in self.people if p[3] <= date_box[0] <= p[4] and p[2] != avoid]
                if not ok:
                    return name, False
                nm, title, iso2, s, e = r.choice(ok)
            d2 = next((d for c, n, d in self.countries if c == iso2), "")
            return r.choice([f"{d2} {title} {nm}" if d2 else f"{title} {nm}", nm, f"{title} {nm}"]), False
        forms = {
            "state": [(name, False), (name, False), (f"the {dem} government", False), (f"{name}'s government", False)],
            "gov": [(f"{dem} officials", True), (f"the {dem} foreign ministry", False), (f"{dem} authorities", True),
                    (f"the {dem} government", False), (f"{name}'s foreign ministry", False)],
            "mil": [(f"{dem} troops", True), (f"the {dem} army", False), (f"{dem} forces", True),
                    (f"{dem} soldiers", True), (f"the {dem} military", False), (f"{dem} warplanes", True)],
            "cop": [(f"{dem} police", True), (f"police in {name}", True), (f"{dem} security forces", True)],
            "reb": [(f"{dem} rebels", True), (f"rebels in {name}", True), (f"{dem} insurgents", True),
                    (f"{dem} militants", True)],
            "opp": [(f"{dem} protesters", True), (f"the {dem} opposition", False), (f"{dem} workers", True),
                    (f"opposition supporters in {name}", True), (f"{dem} students", True)],
            "jud": [(f"a {dem} court", False), (f"{name}'s supreme court", False), (f"{dem} prosecutors", True)],
            "civ": [(f"{dem} civilians", True), (f"{dem} journalists", True), (f"{dem} activists", True),
                    (f"opposition leaders in {name}", True)],
            "igo": [(o, False) for o in self.orgs],
        }[pool]
        return r.choice(forms)


THE_WORDS = ("United ", "Republic", "Central African", "Democratic", "Dominican Republic", "Czech Republic")
THE_ENDS = ("Islands", "Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives", "Comoros", "Seychelles",
            "Emirates", "Kingdom", "States")


def _the(name: str) -> str:
    """'United States' -> 'the United States' (as news writes it)."""
    return "the " + name if name.startswith(THE_WORDS) or name.endswith(THE_ENDS) else name


def _date_between(r: random.Random, s: str, e: str) -> str:
    import datetime as dt

    a, b = dt.date.fromisoformat(s[:10]), dt.date.fromisoformat(e[:10])
    if b <= a:
        return a.isoformat()
    return (a + dt.timedelta(days=r.randrange((b - a).days))).isoformat()


SOURCE_POOLS = {"ASSAULT": ["mil", "mil", "reb", "state", "reb"], "PROTEST": ["opp"], "COERCE": ["cop", "gov", "jud", "mil", "state"],
                "MOBILIZE": ["mil", "state", "mil"], "AID": ["state", "igo", "gov", "person"]}
TARGET_POOLS = {"ASSAULT": ["mil", "reb", "state", "civ"], "COERCE": ["civ", "opp", "civ", "reb"], "PROTEST": ["state", "gov", "person"]}
DEFAULT_POOLS = ["state", "state", "person", "gov", "igo", "person"]


# ---------------------------------------------------------------- sentences

FORMS = [("past", 34), ("perfect", 10), ("progressive", 6), ("headline", 8), ("passive", 8), ("future", 7),
         ("negated", 7), ("hypothetical", 6), ("reported", 12)]


class Builder:
    """Assemble a sentence from pieces, recording the character spans of marked pieces."""

    def __init__(self):
        self.text = ""
        self.spans: dict[str, tuple[int, int]] = {}

    def add(self, s: str, mark: str | None = None):
        if self.text and not self.text.endswith(" ") and s and s[0] not in ",.'":
            self.text += " "
        start = len(self.text)
        self.text += s
        if mark:
            self.spans[mark] = (start, len(self.text))


def _cap(s: str) -> str:
    return s[0].upper() + s[1:] if s else s


def realise(f: Frame, src: tuple[str, bool], tgt: tuple[str, bool], form: str, rnd: random.Random, reporter: str):
    """Build one sentence; returns (text, spans, modality) or None where the form does not apply."""
    b = Builder()
    s_text, plural = src
    has, be, be_past = ("have", "are", "were") if plural else ("has", "is", "was")
    md = {"negated": False, "future": False, "hypothetical": False, "reported": False}
    when, tail = rnd.choice(WHEN), rnd.choice(TAILS)
    vp_words = f.vp("base", "\0").split("\0")  # the verb phrase around the target
    head, rest = f.verb.split(" ")[0], f.vp("base", "\0")[len(f.verb.split(" ")[0]):]

    def verb_and_rest(verb_form: str, mark: str | None = "trigger"):
        v = inflect(head, verb_form)
        b.add(v, mark)
        pieces = rest.split("\0")
        if len(pieces) == 2:
            if pieces[0].strip():
                b.add(pieces[0].strip())
            b.add(tgt[0], "target")
            if pieces[1].strip():
                b.add(pieces[1].strip())
        elif rest.strip():
            b.add(rest.strip())

    if f.control is not None:
        if form in ("passive", "headline", "hypothetical"):
            form = "past"
        b.add(_cap(s_text), "source")
        if form == "negated" and f.code[:2] != "12":
            return None
        cv = inflect(f.control, "past" if form in ("past", "reported", "negated") else "3sg" if form == "headline" else "past")
        if form == "perfect":
            b.add(has)
            cv = inflect(f.control, "pp")
        b.add(cv, "trigger")
        b.add("to")
        verb_and_rest("base", None)
        b.add(when.strip() + tail if when else tail.strip())
        b.text = b.text.rstrip() + ("." if form != "headline" else "")
        return b.text, b.spans, md
    if form == "passive":
        if f.slot != "dobj":
            form = "past"
        else:
            b.add(_cap(tgt[0]), "target")
            b.add("were" if tgt[1] else "was")
            b.add(inflect(head, "pp"), "trigger")
            if len(rest.split("\0")) == 2 and rest.split("\0")[1].strip():
                b.add(rest.split("\0")[1].strip())
            b.add("by")
            b.add(s_text, "source")
            b.text += when + tail + "."
            return b.text, b.spans, md
    if form == "reported" and rnd.random() < 0.5:
        rep = reporter.split(" ")
        b.add(_cap(" ".join(rep[:-1])))
        b.add(rep[-1].replace("reported", "said"))
        b.add(s_text, "source")
        b.add("had")
        verb_and_rest("pp")
        b.text = b.text.rstrip() + when + tail + "."
        md["reported"] = True
        return b.text, b.spans, md
    b.add(_cap(s_text), "source")
    if form == "past":
        verb_and_rest("past")
    elif form == "perfect":
        b.add(has)
        verb_and_rest("pp")
    elif form == "progressive":
        b.add(be)
        verb_and_rest("ing")
    elif form == "headline":
        verb_and_rest("base" if plural else "3sg")
        return b.text, b.spans, md
    elif form == "future":
        b.add(rnd.choice(["will", "is expected to" if not plural else "are expected to", "plans to" if not plural else "plan to"]))
        verb_and_rest("base")
        md["future"] = True
    elif form == "negated":
        b.add(rnd.choice(["did not", "has not" if not plural else "have not", "will not"]))
        w = b.text.split()[-1]
        verb_and_rest("pp" if w == "not" and b.text.endswith(("has not", "have not")) else "base")
        md["negated"] = True
        md["future"] = b.text.find(" will not ") >= 0
    elif form == "hypothetical":
        b.add(rnd.choice(["could", "may", "might", "would"]))
        verb_and_rest("base")
        md["hypothetical"] = True
    elif form == "reported":
        verb_and_rest("past")
        b.text = b.text.rstrip() + when + tail + ", " + reporter + "."
        md["reported"] = True
        return b.text, b.spans, md
    b.text = b.text.rstrip() + when + tail + "."
    return b.text, b.spans, md


def dress(text: str, spans: dict, rnd: random.Random, other: str, city: str) -> tuple[str, dict]:
    """Lead the sentence with an adverbial and/or end it with a trailing clause (spans shifted)."""
    lead = rnd.choice(LEADS)
    if lead and not text.endswith("."):
        lead = ""
    if lead:
        text = lead + text[0].lower() + text[1:] if not text[:2].isupper() and not _proper(text) else lead + text
        spans = {k: (a + len(lead), b + len(lead)) for k, (a, b) in spans.items()}
    trail = rnd.choice(TRAILS).replace("{X}", other).replace("{CITY}", city)
    if trail and text.endswith(".") and not text.rstrip(".").endswith(("said", "reported")):
        text = text[:-1] + trail + "."
    return text, spans


def _proper(text: str) -> bool:
    """Does the sentence start with a name (keep its capital)?"""
    w = text.split(" ", 1)[0]
    return w not in ("The", "A", "An")


def none_sentence(domain: str, actors: Actors, rnd: random.Random):
    """One 'not an event' sentence; the first actor slot is the source, the second the target."""
    tpl = rnd.choice(NONE_TEMPLATES[domain])
    iso, name, dem = actors.country()
    iso2, name2, dem2 = actors.country()
    while iso2 == iso:
        iso2, name2, dem2 = actors.country()
    date_box = [None]
    person, _ = actors.pick("person", date_box)
    fill = {"{C}": name, "{C2}": name2, "{D}": dem, "{D2}": dem2, "{P}": person, "{O}": rnd.choice(actors.orgs),
            "{CITY}": actors.capitals.get(iso, name), "{CITY2}": actors.capitals.get(iso2, name2),
            "{WHEN}": rnd.choice(WHEN), "{DAY}": rnd.choice(["Monday", "Tuesday", "Friday"])}
    b = Builder()
    pos = 0
    marks = ["source", "target"]
    for m in re.finditer(r"\{[A-Z0-9]+\}|\[([^\]]+)\]", tpl):
        b.text += tpl[pos:m.start()]
        start = len(b.text)
        if m.group(1):
            b.text += m.group(1)
            b.spans["trigger"] = (start, len(b.text))
        else:
            b.text += fill[m.group(0)]
            if m.group(0) in ("{C}", "{C2}", "{P}", "{O}") and marks:
                b.spans[marks.pop(0)] = (start, len(b.text))
        pos = m.end()
    b.text += tpl[pos:]
    return _cap(b.text), b.spans, date_box[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--per-type", type=int, default=PER_TYPE)
    ap.add_argument("--none", type=int, default=NONE_N)
    args = ap.parse_args()
    rnd = random.Random(SEED)
    table = cameo_table()
    cls = classes()
    lex = lexicon_frames(table, cls, rnd)
    pet = petrarch_frames(table, cls, rnd)
    nouns = noun_frames(table, cls, rnd)
    ctrl = control_frames(lex + pet, table, rnd)
    by_type: dict[str, dict[str, list[Frame]]] = defaultdict(lambda: defaultdict(list))
    for name, fs in (("lexicon", lex), ("petrarch", pet), ("nouns", nouns), ("control", ctrl)):
        for f in fs:
            by_type[plover_of(f.code, table)][name].append(f)
    weights = {"lexicon": 0.45, "petrarch": 0.3, "nouns": 0.12, "control": 0.13}
    actors = Actors(rnd)
    records = []
    forms, fw = zip(*FORMS)
    for ptype in sorted(by_type):
        srcs = {k: v for k, v in by_type[ptype].items() if v}
        names = sorted(srcs)
        n = 0
        tries = 0
        while n < args.per_type and tries < args.per_type * 5:
            tries += 1
            kind = rnd.choices(names, weights=[weights[k] for k in names])[0]
            f = rnd.choice(srcs[kind])
            date_box = [None]
            sp = rnd.choice(SOURCE_POOLS.get(ptype, DEFAULT_POOLS))
            src = actors.pick(sp, date_box)
            tp = rnd.choice(TARGET_POOLS.get(ptype, DEFAULT_POOLS))
            tgt = actors.pick(tp, date_box)
            if tgt[0] == src[0]:
                continue
            form = rnd.choices(forms, weights=fw)[0]
            got = realise(f, src, tgt, form, rnd, rnd.choice(REPORTERS))
            if got is None:
                continue
            text, spans, md = got
            if "source" not in spans or "trigger" not in spans:
                continue
            oc = actors.country()
            text, spans = dress(text, spans, rnd, oc[1], actors.capitals.get(oc[0], oc[1]))
            n += 1
            records.append({"text": text, "published": date_box[0] or "2019-06-01", "label": ptype, "cameo": f.code,
                            "source": spans["source"], "target": spans.get("target"), "trigger": spans["trigger"],
                            "modality": md, "form": form, "origin": f.origin})
    domains = sorted(NONE_TEMPLATES)
    for i in range(args.none):
        d = domains[i % len(domains)]
        text, spans, date = none_sentence(d, actors, rnd)
        records.append({"text": text, "published": date or "2019-06-01", "label": "NONE", "cameo": "", "domain": d,
                        "source": spans.get("source"), "target": spans.get("target"), "trigger": spans.get("trigger"),
                        "modality": {}, "form": "none", "origin": f"none:{d}"})
    rnd.shuffle(records)
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "corpus.jsonl").open("w", encoding="utf-8") as fh:
        for i, r in enumerate(records):
            fh.write(json.dumps({"id": f"op{i:05d}", **r}, ensure_ascii=False) + "\n")
    counts = Counter(r["label"] for r in records)
    mods = Counter((r["label"], k) for r in records for k, v in r["modality"].items() if v)
    with (args.out / "counts.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["label", "sentences", "negated", "future", "hypothetical", "reported"])
        for lab in sorted(counts):
            w.writerow([lab, counts[lab]] + [mods[(lab, k)] for k in ("negated", "future", "hypothetical", "reported")])
    print(f"{len(records)} sentences -> {args.out}/corpus.jsonl", file=sys.stderr)
    for lab in sorted(counts):
        print(f"  {lab:<10} {counts[lab]}", file=sys.stderr)


if __name__ == "__main__":
    main()
