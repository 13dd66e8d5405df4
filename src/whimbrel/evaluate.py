"""Gold-file readers and scoring: precision, recall and F1 of coded events.

Three gold formats are read into one shape (:class:`GoldDoc` with :class:`GoldEvent`):

* PLOVER gold-standard JSON (a list of records; the first may be a ``DOCUMENT``
  header). Labels of PLOVER 0.5b1 are mapped to the current ones
  (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT).
* PETRARCH XML unit-test records: ``<Sentence id date>`` with
  ``<EventCoding sourcecode targetcode eventcode>`` and ``<Text>``.
* whimbrel's article gold JSON (``{"article", "events", "optional_events",
  "not_events"}``) with source/target/cameo lists of defensible answers.
* whimbrel's sentence gold JSONL (``*.jsonl``): one ``{"id", "text", "published",
  "events", "optional_events"}`` record a line, events as in the article gold.

Scoring is done per document on sets of keys, at these levels:

* ``dyad_root``: (source root, target root, CAMEO root)
* ``full``: (source root, target root, full CAMEO code)
* ``plover``: PLOVER event type
* ``source_plover``: (source root, PLOVER type)

A gold event is found when any predicted key of its document is one of its
acceptable keys (lists in the gold are alternatives or compound members;
symmetric events match in either direction). A predicted key is correct when it
is acceptable for some gold event, ignored when it only matches an optional
event, and an extra otherwise. Levels a gold file cannot support (no CAMEO
codes in PLOVER gold) are reported as ``None``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DataFileError
from .model import Article, Event, Failure, Paragraph

LEVELS = ("dyad_root", "full", "plover", "source_plover")
# PLV's YIELD is the old root that covers today's CONCEDE and RETREAT
PLV_YIELD = ("CONCEDE", "RETREAT")
PLOVER_LEGACY = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# Country codes in the PLOVER dev gold that are not ISO 3166 alpha-3 (typos of the
# gold, not of the coder): compared as their ISO codes.
GOLD_CODE_ALIASES = {"ITL": "ITA", "VTN": "VNM", "JAP": "JPN"}


@dataclass(frozen=True)
class GoldEvent:
    id: str
    sources: tuple[str, ...]  # actor codes (alternatives / members); () = none given
    targets: tuple[str, ...]
    cameo: tuple[str, ...]  # defensible CAMEO codes; () = not given
    plover: tuple[str, ...]  # PLOVER types; () = derive from cameo
    symmetric: bool = False
    evidence: str = ""
    # marked spans (character offsets into the document text), for span-scored gold
    source_span: tuple[int, int] | None = None
    target_spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class GoldDoc:
    id: str
    text: str
    published: str | None
    events: tuple[GoldEvent, ...]
    optional: tuple[GoldEvent, ...] = ()
    not_events: tuple[str, ...] = ()
    article_text: bool = False  # True: a whole news page, ingest it as text
    key: str = ""  # the gold's own sentence number, where it has one (used by splits)
    # PETRARCH XML records: the <Config> options in force and the record's category
    options: tuple[tuple[str, str], ...] = ()
    category: str = ""


@dataclass
class LevelScore:
    tp: int = 0  # gold events found
    n_gold: int = 0
    correct: int = 0  # predicted keys that are right
    n_pred: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "found": self.tp,
            "gold": self.n_gold,
            "correct": self.correct,
            "predicted": self.n_pred,
        }


@dataclass
class SpanScore:
    """Scores for gold with marked spans (the PLV format): one gold row is a
    (source span, target spans, PLOVER type) triple in one sentence.

    * type F1: per sentence, the set of gold types against the set of predicted types;
    * source recall: rows with an event of the row's type whose source mention
      overlaps the marked source;
    * dyad recall: the same, and the target actor overlaps a marked target;
    * dyad recall with objects: the same, where an event that names no target actor may
      instead have what it was done to (``evidence.object``) overlap the marked target. PLV's
      coders mark things as targets too ("condemned <t>the terrorist attack</t>"); the first
      figure counts actors only.
    """

    type_tp: int = 0
    type_gold: int = 0
    type_pred: int = 0
    rows: int = 0
    source_hits: int = 0
    dyad_hits: int = 0
    dyad_object_hits: int = 0

    @property
    def type_f1(self) -> float:
        p = self.type_tp / self.type_pred if self.type_pred else 0.0
        r = self.type_tp / self.type_gold if self.type_gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def source_recall(self) -> float:
        return self.source_hits / self.rows if self.rows else 0.0

    @property
    def dyad_recall(self) -> float:
        return self.dyad_hits / self.rows if self.rows else 0.0

    @property
    def dyad_recall_with_objects(self) -> float:
        return self.dyad_object_hits / self.rows if self.rows else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "type_f1": round(self.type_f1, 4),
            "type_precision": round(self.type_tp / self.type_pred, 4) if self.type_pred else 0.0,
            "type_recall": round(self.type_tp / self.type_gold, 4) if self.type_gold else 0.0,
            "source_recall": round(self.source_recall, 4),
            "dyad_recall": round(self.dyad_recall, 4),
            "dyad_recall_with_objects": round(self.dyad_recall_with_objects, 4),
            "rows": self.rows,
        }


@dataclass
class Report:
    gold: str
    n_docs: int
    levels: dict[str, LevelScore | None]
    per_type: dict[str, LevelScore]
    misses: list[dict[str, Any]] = field(default_factory=list)
    extras: list[dict[str, Any]] = field(default_factory=list)
    failures: list[dict[str, Any]] = field(default_factory=list)
    spans: SpanScore | None = None  # gold files with marked source/target spans
    uncoded: dict[str, str] = field(default_factory=dict)  # document -> why it gave no event
    notes: list[str] = field(default_factory=list)  # what the evaluation read besides the gold

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "documents": self.n_docs,
            "spans": self.spans.as_dict() if self.spans else None,
            "levels": {k: (v.as_dict() if v else None) for k, v in self.levels.items()},
            "per_type": {k: v.as_dict() for k, v in sorted(self.per_type.items())},
            "misses": self.misses,
            "extras": self.extras,
            "failures": self.failures,
            "uncoded": self.uncoded,
            "notes": self.notes,
        }


# ------------------------------------------------------------------ readers


def _root(code: str | None) -> str:
    if not code:
        return "---"
    r = code[:3].upper()
    return GOLD_CODE_ALIASES.get(r, r)


def _plover_gold_actors(value) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()  # "", None, or a stray string: no actor given
    out = []
    for a in value:
        if isinstance(a, dict) and a.get("code"):
            out.append(str(a["code"]) + (str(a.get("sector") or "")))
    return tuple(out)


def _read_plover(records: list, name: str) -> list[GoldDoc]:
    docs = []
    for r in records:
        if not isinstance(r, dict) or r.get("event") == "DOCUMENT" or "text" not in r:
            continue
        ev = PLOVER_LEGACY.get(r["event"], r["event"])
        g = GoldEvent(
            id=r.get("id", ""),
            sources=_plover_gold_actors(r.get("source")),
            targets=_plover_gold_actors(r.get("target")),
            cameo=(),
            plover=(ev,),
            evidence=(r.get("eventText") or ""),
        )
        docs.append(GoldDoc(id=r.get("id", f"{name}-{len(docs)}"), text=r["text"].strip(), published=r.get("date"), events=(g,)))
    return docs


def _as_tuple(v) -> tuple[str, ...]:
    if v is None or v == "":
        return ()
    if isinstance(v, list):
        return tuple(str(x) for x in v)
    return (str(v),)


def _read_article_gold(d: dict, path: Path) -> list[GoldDoc]:
    name = d.get("article") or path.name
    text_path = path.parent / name
    if not text_path.exists():
        # the bundled example ships inside the package
        from importlib.resources import files

        cand = files("whimbrel") / "data" / "examples" / Path(name).name
        if cand.is_file():
            text = cand.read_text(encoding="utf-8")
        else:
            raise DataFileError(f"{path}: the article {name!r} it annotates was not found beside it; put the text file next to the gold file")
    else:
        text = text_path.read_text(encoding="utf-8")

    def ev(e: dict, i: int, prefix: str) -> GoldEvent:
        pl = _as_tuple(e.get("plover")) + _as_tuple(e.get("plover_alternatives"))
        return GoldEvent(
            id=e.get("id", f"{prefix}{i}"),
            sources=_as_tuple(e.get("source")),
            targets=_as_tuple(e.get("target")),
            cameo=_as_tuple(e.get("cameo")),
            plover=tuple(PLOVER_LEGACY.get(p, p) for p in pl),
            symmetric=bool(e.get("symmetric")),
            evidence=e.get("evidence", ""),
        )

    meta = d.get("metadata", {})
    return [
        GoldDoc(
            id=Path(name).stem,
            text=text,
            published=meta.get("published"),
            events=tuple(ev(e, i, "E") for i, e in enumerate(d.get("events", []), 1)),
            optional=tuple(ev(e, i, "O") for i, e in enumerate(d.get("optional_events", []), 1)),
            not_events=tuple(d.get("not_events", [])),
            article_text=True,
        )
    ]


#: PETRARCH's defaults for the <Config> options a record file may switch
PETRARCH_OPTIONS = {"require_dyad": "true", "new_actor_length": "0", "stop_on_error": "false"}


def _read_petrarch_xml(path: Path) -> list[GoldDoc]:
    """PETRARCH unit-test records. ``<Config option value>`` records switch an option for
    the records after them, as in PETRARCH (see :func:`apply_petrarch_options`); the
    ``date`` attribute is the publication date (actors' dated code blocks are read as of
    it). ``<Parse>`` is ignored: whimbrel parses the ``<Text>`` itself."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        raise DataFileError(f"{path}: not well-formed XML ({e}); expected PETRARCH <Sentences> records") from e
    docs = []
    options = dict(PETRARCH_OPTIONS)
    for s in root.iter():
        if s.tag == "Config":
            if s.get("option"):
                options[s.get("option").strip().lower()] = (s.get("value") or "").strip().lower()
            continue
        if s.tag != "Sentence":
            continue
        text_el = s.find("Text")
        if text_el is None or not (text_el.text or "").strip():
            continue
        text = " ".join((text_el.text or "").split())
        evs = []
        for i, c in enumerate(s.findall("EventCoding"), 1):
            code = c.get("eventcode")
            if not code or c.get("noevents"):
                continue
            evs.append(
                GoldEvent(
                    id=f"{s.get('id')}-{i}",
                    sources=_as_tuple(c.get("sourcecode")),
                    targets=_as_tuple(c.get("targetcode")),
                    cameo=(code,),
                    plover=(),
                )
            )
        date = s.get("date")
        if date and len(date) == 8:
            date = f"{date[:4]}-{date[4:6]}-{date[6:]}"
        docs.append(GoldDoc(id=s.get("id") or f"s{len(docs)}", text=text, published=date, events=tuple(evs),
                            options=tuple(sorted(options.items())), category=s.get("category") or ""))
    return docs


def apply_petrarch_options(d: GoldDoc, events: list[Event]) -> list[Event]:
    """The events PETRARCH would report for a record under its <Config> options:
    with ``require_dyad`` (PETRARCH's default) an event needs both a source and a target.
    The other options (comma_*, new_actor_length) tune PETRARCH's own parser and have no
    counterpart here."""
    opts = dict(d.options)
    if opts.get("require_dyad", "true") in ("true", "1", "yes"):
        return [e for e in events if e.source is not None and e.target is not None]
    return events


def _read_sentence_jsonl(raw: str, path: Path) -> list[GoldDoc]:
    """whimbrel sentence gold JSONL: one ``{"id", "text", "published", "events",
    "optional_events"}`` object a line; events as in the article gold (source/target/
    cameo strings or lists of defensible alternatives, ``symmetric``)."""
    docs = []
    for n, line in enumerate(raw.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            raise DataFileError(f"{path}:{n}: not a JSON object ({e}); expected one sentence record a line") from e
        if not isinstance(r, dict) or "text" not in r or "id" not in r:
            raise DataFileError(f"{path}:{n}: a sentence record needs 'id' and 'text'")

        def ev(e: dict, i: int, prefix: str) -> GoldEvent:
            pl = _as_tuple(e.get("plover")) + _as_tuple(e.get("plover_alternatives"))
            return GoldEvent(
                id=f"{r['id']}-{prefix}{i}",
                sources=_as_tuple(e.get("source")),
                targets=_as_tuple(e.get("target")),
                cameo=_as_tuple(e.get("cameo")),
                plover=tuple(PLOVER_LEGACY.get(p, p) for p in pl),
                symmetric=bool(e.get("symmetric")),
                evidence=e.get("evidence", "") or r["text"],
            )

        docs.append(
            GoldDoc(
                id=str(r["id"]),
                text=str(r["text"]).strip(),
                published=r.get("published"),
                events=tuple(ev(e, i, "E") for i, e in enumerate(r.get("events", []), 1)),
                optional=tuple(ev(e, i, "O") for i, e in enumerate(r.get("optional_events", []), 1)),
            )
        )
    return docs


_MARK = re.compile(r"</?([st])>")
PLV_COLUMNS = ("sentence_id", "gold_root", "marked_sentence")


def _marked_spans(marked: str) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """Strip ``<s>``/``<t>`` marks; return the text and the source and target spans in it."""
    text, spans, open_at = [], {"s": [], "t": []}, {}
    pos = last = 0
    for m in _MARK.finditer(marked):
        text.append(marked[last:m.start()])
        pos += m.start() - last
        last = m.end()
        tag = m.group(1)
        if m.group(0).startswith("</"):
            if tag in open_at:
                spans[tag].append((open_at.pop(tag), pos))
        else:
            open_at[tag] = pos
    text.append(marked[last:])
    return "".join(text), spans["s"], spans["t"]


def _read_plv_tsv(raw: str, path: Path) -> list[GoldDoc]:
    """PLV gold TSV: one (source span, target span, PLOVER root) row per line, spans
    marked in ``marked_sentence``; rows of one ``sentence_id`` make one document."""
    reader = csv.DictReader(io.StringIO(raw), delimiter="\t")
    missing = [c for c in PLV_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise DataFileError(f"{path}: a span-marked gold TSV needs the columns {', '.join(PLV_COLUMNS)}; missing {', '.join(missing)}")
    by_sentence: dict[str, tuple[str, list[GoldEvent]]] = {}
    for n, r in enumerate(reader, 2):
        text, src, tgt = _marked_spans(r["marked_sentence"] or "")
        if not text.strip():
            raise DataFileError(f"{path}:{n}: empty marked_sentence")
        sid = str(r["sentence_id"]).strip()
        ptype = PLOVER_LEGACY.get(r["gold_root"].strip(), r["gold_root"].strip())
        g = GoldEvent(
            id=r.get("uid") or f"{sid}-{n}",
            sources=(),
            targets=(),
            cameo=(),
            plover=PLV_YIELD if ptype == "YIELD" else (ptype,),
            evidence=text,
            source_span=src[0] if src else None,
            target_spans=tuple(tgt),
        )
        by_sentence.setdefault(sid, (text, []))[1].append(g)
    return [GoldDoc(id=f"plv-{sid}", text=t, published=None, events=tuple(evs), key=sid) for sid, (t, evs) in by_sentence.items()]


SPLITS = ("even", "odd")


def _split(docs: list[GoldDoc], split: str | None) -> list[GoldDoc]:
    """Keep one half: by the parity of a numeric document key (PLV's sentence_id), else of
    the document's position in the file (every other record)."""
    if split is None:
        return docs
    if split not in SPLITS:
        raise DataFileError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    want = 0 if split == "even" else 1
    out = []
    for i, d in enumerate(docs):
        n = int(d.key) if d.key and d.key.isdigit() else i
        if n % 2 == want:
            out.append(d)
    return out


def load_gold(path: str | Path, *, split: str | None = None) -> list[GoldDoc]:
    """Read a gold file (PLOVER JSON, PETRARCH XML, whimbrel article gold JSON, sentence
    gold JSONL or span-marked PLV TSV); ``split`` keeps the even or odd half."""
    return _split(_load_gold(Path(path)), split)


def _load_gold(path: Path) -> list[GoldDoc]:
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as e:
        raise DataFileError(f"cannot read gold file {path}: {e}") from e
    if raw.lstrip().startswith("<"):
        return _read_petrarch_xml(path)
    if path.suffix == ".jsonl":
        return _read_sentence_jsonl(raw, path)
    if path.suffix in (".tsv", ".tab"):
        return _read_plv_tsv(raw, path)
    try:
        d = json.loads(raw)
    except json.JSONDecodeError as e:
        raise DataFileError(f"{path}: not JSON or XML ({e}); expected a PLOVER, PETRARCH or whimbrel gold file") from e
    if isinstance(d, list):
        return _read_plover(d, path.stem)
    if isinstance(d, dict) and "events" in d:
        return _read_article_gold(d, path)
    raise DataFileError(f"{path}: unrecognised gold JSON; expected a list of PLOVER records or an object with 'events'")


# ------------------------------------------------------------------ keys and scoring


def _plover_of_code(code: str, table) -> str | None:
    info = table(code) if table else None
    return info.plover.event if info else None


def gold_keys(g: GoldEvent, level: str, cameo_info=None) -> set[tuple] | None:
    """The acceptable keys of a gold event at ``level`` (None: the level is not applicable)."""
    srcs = {_root(s) for s in g.sources} or {"---"}
    tgts = {_root(t) for t in g.targets} or {"---"}
    plovers = set(g.plover) or {p for c in g.cameo if (p := _plover_of_code(c, cameo_info))}
    if level == "plover":
        return {(p,) for p in plovers} or None
    if level == "source_plover":
        keys = {(s, p) for s in srcs for p in plovers}
        if g.symmetric:
            keys |= {(t, p) for t in tgts for p in plovers}
        return keys or None
    if not g.cameo:
        return None
    codes = {c[:2] for c in g.cameo} if level == "dyad_root" else set(g.cameo)
    keys = {(s, t, c) for s, t, c in itertools.product(srcs, tgts, codes)}
    if g.symmetric:
        keys |= {(t, s, c) for s, t, c in itertools.product(srcs, tgts, codes)}
    return keys


def event_key(e: Event, level: str) -> tuple:
    s = _root(e.source.code) if e.source else "---"
    t = _root(e.target.code) if e.target else "---"
    if level == "dyad_root":
        return (s, t, e.cameo_root)
    if level == "full":
        return (s, t, e.cameo)
    if level == "plover":
        return (e.plover.event,)
    return (s, e.plover.event)


def _type_name(types: tuple[str, ...], *, plv: bool = False) -> str:
    """A gold or predicted type as one label; with ``plv``, CONCEDE and RETREAT are PLV's YIELD."""
    if types == PLV_YIELD or (plv and len(types) == 1 and types[0] in PLV_YIELD):
        return "YIELD"
    return "|".join(types)


def _overlaps(actor, span: tuple[int, int]) -> bool:
    if actor is None:
        return False
    return any(a < span[1] and span[0] < b for a, b in ((actor.start, actor.end), *actor.chain))


def score_spans(docs: list[GoldDoc], predicted: dict[str, list[Event]]) -> SpanScore | None:
    """Span scores (see :class:`SpanScore`) for the gold rows that mark spans; None if none do."""
    sc = SpanScore()
    any_spans = False
    for d in docs:
        rows = [g for g in d.events if g.source_span is not None or g.target_spans]
        if not rows:
            continue
        any_spans = True
        evs = [e for e in predicted.get(d.id, []) if e.plover.event]
        gold_types = {_type_name(g.plover, plv=True) for g in rows}
        pred_types = {_type_name((e.plover.event,), plv=True) for e in evs}
        sc.type_gold += len(gold_types)
        sc.type_pred += len(pred_types)
        sc.type_tp += len(gold_types & pred_types)
        for g in rows:
            sc.rows += 1
            typed = [e for e in evs if e.plover.event in g.plover]
            with_source = [e for e in typed if g.source_span and _overlaps(e.source, g.source_span)]
            sc.source_hits += bool(with_source)
            dyad = any(_overlaps(e.target, t) for e in with_source for t in g.target_spans)
            sc.dyad_hits += dyad
            sc.dyad_object_hits += dyad or any(
                e.target is None and e.evidence.object and e.evidence.object_start < b and a < e.evidence.object_end
                for e in with_source for a, b in g.target_spans)
    return sc if any_spans else None


def score(docs: list[GoldDoc], predicted: dict[str, list[Event]], *, gold_name: str = "", cameo_info=None) -> Report:
    """Score predicted events (by document id) against gold documents."""
    levels: dict[str, LevelScore | None] = {}
    per_type: dict[str, LevelScore] = defaultdict(LevelScore)
    misses: list[dict[str, Any]] = []
    extras: list[dict[str, Any]] = []
    plv = any(g.plover == PLV_YIELD for d in docs for g in d.events)
    for level in LEVELS:
        ls = LevelScore()
        applicable = False
        for d in docs:
            evs = [e for e in predicted.get(d.id, []) if e.plover.event or level in ("dyad_root", "full")]
            gk = [(g, gold_keys(g, level, cameo_info)) for g in d.events]
            ok = [(g, k) for g, k in gk if k is not None]
            if not ok and d.events:
                continue
            applicable = True
            opt = set()
            for g in d.optional:
                opt |= gold_keys(g, level, cameo_info) or set()
            pred_keys: dict[tuple, Event] = {}
            for e in evs:
                pred_keys.setdefault(event_key(e, level), e)
            allowed = set().union(*(k for _, k in ok)) if ok else set()
            for g, k in ok:
                ls.n_gold += 1
                hit = bool(k & pred_keys.keys())
                ls.tp += hit
                if level == "plover":
                    p = _type_name(g.plover, plv=plv) if g.plover else sorted(k)[0][0]
                    per_type[p].n_gold += 1
                    per_type[p].tp += bool(k & pred_keys.keys())
                if not hit and level == "dyad_root":
                    misses.append({"doc": d.id, "gold": g.id, "sources": list(g.sources), "targets": list(g.targets),
                                   "cameo": list(g.cameo), "plover": list(g.plover), "evidence": g.evidence or d.text[:200]})
                if not hit and level == "plover" and not g.cameo:
                    misses.append({"doc": d.id, "gold": g.id, "sources": list(g.sources), "targets": list(g.targets),
                                   "plover": list(g.plover), "evidence": d.text[:300],
                                   "predicted": sorted({str(e.plover.event) for e in evs})})
            for key, e in pred_keys.items():
                if key in allowed:
                    ls.correct += 1
                    ls.n_pred += 1
                    if level == "plover":
                        per_type[_type_name(key, plv=plv)].correct += 1
                        per_type[_type_name(key, plv=plv)].n_pred += 1
                elif key in opt:
                    continue
                else:
                    ls.n_pred += 1
                    if level == "plover":
                        per_type[_type_name((str(key[0]),), plv=plv)].n_pred += 1
                    if level == ("dyad_root" if any(g.cameo for g in d.events) else "plover"):
                        extras.append({"doc": d.id, "key": list(key), "cameo": e.cameo, "trigger": e.evidence.trigger,
                                       "sentence": e.evidence.sentence, "pattern": e.evidence.pattern})
        levels[level] = ls if applicable else None
    return Report(gold=gold_name, n_docs=len(docs), levels=levels, per_type=dict(per_type), misses=misses, extras=extras,
                  spans=score_spans(docs, predicted))


def _article(d: GoldDoc) -> Article:
    from .ingest import article_from_text

    if d.article_text:
        return article_from_text(d.text, id=d.id, published=d.published)
    published = None
    if d.published:
        try:
            published = dt.datetime.fromisoformat(d.published)
        except ValueError:
            published = None
    return Article(id=d.id, text=d.text, paragraphs=(Paragraph(0, len(d.text), "body"),), published=published)


#: PETRARCH's <Environment> elements that name a record file's dictionaries
ENVIRONMENT_FILES = {"actors": "Actorfile", "agents": "Agentfile", "verbs": "Verbfile", "discards": "Discardfile"}


def petrarch_environment(path: str | Path) -> tuple[dict[str, tuple[Path, ...]], list[str]]:
    """The dictionaries a PETRARCH record file's ``<Environment>`` names (paths relative to
    the file; a comma-separated list allowed), and notes on those not found."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError):
        return {}, []
    env = root.find("Environment")
    out: dict[str, tuple[Path, ...]] = {}
    notes = []
    if env is None:
        return out, notes
    for kind, tag in ENVIRONMENT_FILES.items():
        found = []
        for el in env.findall(tag):
            for name in (el.text or "").split(","):
                if not name.strip():
                    continue
                f = Path(path).parent / name.strip()
                if f.is_file():
                    found.append(f)
                else:
                    notes.append(f"<Environment> names {tag} {name.strip()}, not found beside {Path(path).name}")
        if found:
            out[kind] = tuple(found)
    return out, notes


def evaluate(path: str | Path, *, pipeline=None, split: str | None = None) -> Report:
    """Code the texts of a gold file with ``pipeline`` (default: from the environment) and
    score them; ``split`` ("even"/"odd") scores one half of the file only.

    A PETRARCH record file's ``<Environment>`` dictionaries (Verbfile, Actorfile, ...) are
    used, as PETRARCH uses them, when no PETRARCH dictionary is given (``--dict-*``,
    ``WHIMBREL_DICT_*``, ``--dicts``): alongside the built-in data, or alone with
    ``--only-dicts``."""
    from dataclasses import replace

    from .api import default_pipeline
    from .events.lexicon import load_lexicon
    from .petrdict.load import DictSpec
    from .settings import Settings

    docs = load_gold(path, split=split)
    notes: list[str] = []
    if pipeline is None:
        settings = Settings.from_env()
        spec = DictSpec.from_settings(settings)
        if any(d.options for d in docs) and not (spec.actors or spec.agents or spec.verbs or spec.discards):
            env, notes = petrarch_environment(path)
            if env:
                settings = replace(settings, **{f"dict_{k}": v for k, v in env.items()})
                from .petrdict.load import load_dictionaries

                notes.append("dictionaries from the file's <Environment>: "
                             + ", ".join(p.name for v in env.values() for p in v))
                notes.append(load_dictionaries(DictSpec.from_settings(settings)).report.summary())
        # keyed by the settings in force (a process may change WHIMBREL_* between two evaluations)
        pipeline = default_pipeline(settings)
    pipe = pipeline
    predicted: dict[str, list[Event]] = {}
    failures = []
    uncoded = {}
    for d, res in zip(docs, pipe.pipe(_article(d) for d in docs)):
        if isinstance(res, Failure):
            failures.append(res.as_dict())
            predicted[d.id] = []
        else:
            predicted[d.id] = list(res.events)
            if d.options:
                predicted[d.id] = apply_petrarch_options(d, predicted[d.id])
            if not predicted[d.id]:
                why = sorted({str(w) for w in (res.extras.get("uncoded") or {}).values()})
                if d.options and res.events:
                    why = ["PETRARCH's require_dyad: the events found lack a source or a target"]
                uncoded[d.id] = "; ".join(why) or "no sentence to code"
    lex = load_lexicon(tuple(pipe.settings.lexicon_files), DictSpec.from_settings(pipe.settings) or None)
    rep = score(docs, predicted, gold_name=Path(path).name + (f" ({split} half)" if split else ""), cameo_info=lex.info)
    rep.failures = failures
    rep.uncoded = uncoded
    rep.notes = notes
    return rep


def format_report(rep: Report, *, max_items: int = 40) -> str:
    """A plain-text view: the level table, per-type numbers, then misses and extras."""
    lines = [f"gold: {rep.gold}  documents: {rep.n_docs}", *rep.notes, ""]
    if rep.spans:
        sp = rep.spans
        lines += [f"marked spans ({sp.rows} rows): type F1 {sp.type_f1:.3f}  source recall {sp.source_recall:.3f}"
                  f"  dyad recall {sp.dyad_recall:.3f} ({sp.dyad_recall_with_objects:.3f} counting what an event"
                  f" with no target actor was done to)", ""]
    lines.append(f"{'level':<16}{'P':>7}{'R':>7}{'F1':>7}   found/gold  correct/pred")
    for name, ls in rep.levels.items():
        if ls is None:
            lines.append(f"{name:<16}{'n/a':>7}")
        else:
            lines.append(f"{name:<16}{ls.precision:7.3f}{ls.recall:7.3f}{ls.f1:7.3f}   {ls.tp:>4}/{ls.n_gold:<5}  {ls.correct:>4}/{ls.n_pred}")
    if rep.per_type:
        lines += ["", "per PLOVER type:"]
        for t, ls in sorted(rep.per_type.items()):
            lines.append(f"  {t:<14}{ls.precision:7.3f}{ls.recall:7.3f}{ls.f1:7.3f}   {ls.tp:>4}/{ls.n_gold:<5}  {ls.correct:>4}/{ls.n_pred}")
    if rep.misses:
        lines += ["", f"misses ({len(rep.misses)}):"]
        for m in rep.misses[:max_items]:
            lines.append(f"  {m['doc']} {m['gold']}: {m.get('sources')} -> {m.get('targets')} {m.get('cameo') or m.get('plover')}"
                         f" | {m['evidence'][:140]}" + (f"  [got {m['predicted']}]" if m.get("predicted") else ""))
    if rep.extras:
        lines += ["", f"extras ({len(rep.extras)}):"]
        for x in rep.extras[:max_items]:
            lines.append(f"  {x['doc']}: {x['key']} {x['cameo']} '{x['trigger']}' | {x['sentence'][:120]}")
    if rep.failures:
        lines += ["", f"failures ({len(rep.failures)}):"] + [f"  {f['document']}: {f['reason']}" for f in rep.failures]
    if rep.uncoded:
        lines += ["", f"documents without any event ({len(rep.uncoded)}), and why:"]
        lines += [f"  {doc}: {why}" for doc, why in list(rep.uncoded.items())[:max_items]]
    return "\n".join(lines)
