"""How the coder uses the opinion model (``opinion.py``): agree, disagree, propose, drop.

For each sentence, after the rules have coded it (``coder._SentenceCoder.code``):

* **agree** - the model's most likely type is the lexicon's: the event is kept,
  ``type_source="both"``;
* **disagree** - the tie rule: the lexicon's type stays (``type_source="lexicon"``);
  an override (the model's type replaces the lexicon's when P >= ``override`` and the
  lexicon's type gets P < ``floor``; ``type_source="model"``, the type's representative
  CAMEO code :data:`TYPE_CODE`) exists but is off by default, because it lowered type F1
  at every threshold tried on the studied half;
* **relevance** - an event whose trigger the model reads as no political event is
  dropped (sport, weather, business, accidents, culture): at P(NONE) >= ``drop`` when a
  PETRARCH pattern coded it, at P(NONE) >= ``drop_any`` otherwise;
* **propose** - a verb of a main clause with no event, whose parse gives a source
  actor of known country or sector, gets the model's type when P >= ``propose``
  (not for negated or hypothetical clauses); ``type_source="model"``.

Every event's ``confidence`` becomes the calibrated probability that its type is
right (:func:`calibrated`; the table is in docs/coder.md). The thresholds were
chosen on the studied (even) half of the PLV dev set and are :class:`Rule`'s defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..model import Event, Modality
from .modality import mood
from .opinion import NONE, TYPES, Candidate, Lookup, OpinionModel, features
from .roles import np_mentions, subject_token

#: the CAMEO code an event gets when its type comes from the model alone (the type's root
#: code; ASSAULT by armed forces is 190, otherwise 180)
TYPE_CODE = {"ACCUSE": "110", "AGREE": "030", "AID": "070", "ASSAULT": "180", "COERCE": "170", "CONCEDE": "080",
             "CONSULT": "040", "COOPERATE": "060", "MOBILIZE": "150", "PROTEST": "140", "REJECT": "120",
             "REQUEST": "100", "RETREAT": "087", "SANCTION": "160", "SUPPORT": "050", "THREATEN": "130"}
#: verbs that never take a proposal: copulas, reporting and light verbs are not acts by themselves
NOT_PROPOSED = {"be", "have", "say", "do", "get", "become", "seem", "appear", "remain"}


@dataclass(frozen=True)
class Rule:
    """The tie rule's thresholds, chosen on the even half of PLV (docs/coder.md has the grid).

    Every override threshold tried (0.7-0.95, floors 0.01-0.2) lowered type F1 there, so the
    model never overrides the lexicon by default (``override`` above 1); relevance drops an
    event coded by a PETRARCH pattern (``drop_patterns``: their bare verb defaults misfire on
    sport and business news) at P(NONE) >= ``drop``, any other at P(NONE) >= ``drop_any``.
    """

    override: float = 1.01
    floor: float = 0.02
    drop: float = 0.7
    drop_patterns: tuple[str, ...] = ("petrarch",)
    drop_any: float = 0.95
    propose: float = 0.7


def load_opinion(settings, lex) -> "SecondOpinion":
    """The opinion of ``settings.opinion_model`` (default: the shipped weights)."""
    from .opinion import DEFAULT_PATH

    return SecondOpinion(OpinionModel.load(settings.opinion_model or DEFAULT_PATH), lex)


class SecondOpinion:
    def __init__(self, model: OpinionModel, lex, rule: Rule | None = None):
        self.model = model
        self.version = "opinion." + str(model.meta.get("digest", "0"))
        self.lex = lex
        self.rule = rule or Rule()
        self.look = Lookup(lex, model.classes)

    def probs(self, sc, cand: Candidate) -> np.ndarray:
        return self.model.probs(features(cand, sc.span, self.look))

    def review(self, sc, found: list[Event]) -> list[Event]:
        """Check the rules' events of one sentence and propose events for verbs they left."""
        by_idx = {n.idx: n for n in sc.span}
        out: list[Event] = []
        cache: dict[tuple, np.ndarray] = {}
        triggers: set[int] = set()
        for e in found:
            node = by_idx.get(e.evidence.trigger_start)
            if node is None or not e.plover.event:
                out.append(e)
                continue
            triggers.update(range(e.evidence.trigger_start, e.evidence.trigger_end))
            key = (node.i, e.source.code if e.source else "", e.target.code if e.target else "")
            if key not in cache:
                md = mood(node)
                cand = Candidate(node, (e.source,) if e.source else (), (e.target,) if e.target else (),
                                 md.negated, md.future, md.hypothetical)
                cache[key] = self.probs(sc, cand)
            p = cache[key]
            got = self.decide(e, p)
            if got is not None:
                out.append(got)
        out.extend(self.propose(sc, triggers))
        return out

    def decide(self, e: Event, p: np.ndarray) -> Event | None:
        r = self.rule
        lex_type = e.plover.event
        best = int(np.argmax(p))
        p_lex = float(p[TYPES.index(lex_type)]) if lex_type in TYPES else 0.0
        if p[NONE] >= (r.drop if e.evidence.pattern.startswith(r.drop_patterns) else r.drop_any):
            return None
        if TYPES[best] == lex_type:
            return replace(e, type_source="both", confidence=calibrated("both", p_lex))
        if best != NONE and p[best] >= r.override and p_lex < r.floor:
            ev = self.retype(e, TYPES[best])
            if ev is not None:
                return replace(ev, type_source="model", confidence=calibrated("model", float(p[best])))
        return replace(e, type_source="lexicon", confidence=calibrated("lexicon", p_lex))

    def retype(self, e: Event, ptype: str) -> Event | None:
        code = TYPE_CODE[ptype]
        if ptype == "ASSAULT" and e.source is not None and (e.source.sector == "MIL" or e.source.code.endswith("MIL")):
            code = "190"
        info = self.lex.info(code)
        if info is None:
            return None
        return replace(e, cameo=code, cameo_root=info.root, quad_class=info.quad_class, goldstein=info.goldstein,
                       plover=info.plover)

    def propose(self, sc, taken: set[int]) -> list[Event]:
        """Events for main-clause verbs the rules left uncoded, where the model is sure."""
        out: list[Event] = []
        r = self.rule
        for v in sc.span:
            if v.pos_ != "VERB" or v.idx in taken or v.i in sc.commentary or v.lemma_.lower() in NOT_PROPOSED:
                continue
            if v.dep_ not in ("ROOT", "conj", "ccomp") or not sc.is_main(v) or sc.governed(v):
                continue
            md = mood(v)
            if md.negated or md.hypothetical or md.conditional:
                continue
            src = np_mentions(subject_token(v), sc.idx)
            if not src or all(a.code.startswith("---") for a in src) or any(a.kind == "place" for a in src):
                continue
            cand = Candidate(v, tuple(src), (), md.negated, md.future, md.hypothetical)
            p = self.probs(sc, cand)
            best = int(np.argmax(p))
            if best == NONE or p[best] < r.propose:
                continue
            ptype = TYPES[best]
            code = TYPE_CODE[ptype]
            _, tgt = sc.args(v, None, code)
            cand = Candidate(v, tuple(src), tuple(tgt), md.negated, md.future, md.hypothetical)
            p = self.probs(sc, cand)
            if TYPES[int(np.argmax(p))] != ptype or p[best] < r.propose:
                continue
            if ptype == "ASSAULT" and all(a.sector == "MIL" or a.code.endswith("MIL") for a in src):
                code = "190"
            before = len(sc.out)
            _, rep_by = sc.reporter(v)
            reporter = rep_by[0].code if rep_by and rep_by[0].code not in {a.code for a in src} else None
            modality = Modality(future=md.future, reported_by=reporter)
            sc.emit(code, src, tgt, (v.i, v.i), modality, f"model:{ptype}", 0.5, False)
            for e in sc.out[before:]:
                out.append(replace(e, type_source="model", confidence=calibrated("model", float(p[best]))))
            del sc.out[before:], sc.main[before:]
        return out


#: (type source, lower bound of the model's probability for the event's type) -> share of such
#: events whose type was right on the even half of PLV (events with a PLOVER type, rules + model,
#: 2026-12-04): both 336 events (P < 0.4: 14, 0.64; 0.4-0.8: 132, 0.81; >= 0.8: 190, 0.89),
#: lexicon only 184 (0.67 at every P), model only 12 (0.58). Reliability table: docs/coder.md.
CALIBRATION = {
    "both": ((0.0, 0.64), (0.4, 0.81), (0.8, 0.89)),
    "lexicon": ((0.0, 0.67),),
    "model": ((0.0, 0.5), (0.8, 0.6)),
}


def calibrated(source: str, p: float) -> float:
    """The calibrated confidence of an event whose type came from ``source`` with model probability ``p``."""
    value = 0.5
    for lo, prec in CALIBRATION[source]:
        if p >= lo:
            value = prec
    return value
