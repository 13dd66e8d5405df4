"""Confidence of an event: how likely it is to be right, from the evidence that produced it.

The score is a sum of evidence terms, clamped to [0.05, 0.99]; the terms are set by
hand (not fitted) and checked by bucket precision on the gold files (docs/coder.md):

* **prior**, the trigger's match (:func:`pattern_prior`): whimbrel's or the user's pattern
  naming an object, preposition or particle 0.80; a light verb with its event noun 0.78;
  whimbrel's bare verb 0.70; a PETRARCH pattern with an object or preposition 0.65; a
  PETRARCH verb default 0.50; a nominal event (a noun naming its own actors) 0.60.
* **each side** (:func:`side_term`): named in the knowledge base or by title +0.04; an
  agent noun with its country 0; a pronoun or coreference -0.08; a place taken as the
  target -0.05; country unknown ("---GOV") -0.10; no actor at all -0.10 (no term for an
  unknown source of violence, roots 18-20: "bombs exploded on four trains").
* **modality**: future or intent -0.05 (not for codes that are future by nature: intents,
  refusals, threats), hypothetical -0.10, reported by someone else -0.03.
* **clause**: outside the sentence's main clauses -0.10.
* **distance**: more than 8 words between the trigger and an actor -0.04, more than 16 -0.08
  (per side).
* **context** (applied by the stage, :func:`adjust`): only weakly political actors -0.05;
  a headline read through the re-parse -0.05.
"""

from __future__ import annotations

from ..model import Actor, Modality

NOMINAL_PRIOR = 0.60
FLOOR, CEILING = 0.05, 0.99
NAMED_RULES = ("kb:", "title", "apposition", "shortform")
#: codes that state a future act themselves (intent, refusal, threat): future is no doubt there
FUTURE_ROOTS = ("03", "12", "13")
#: violence (assault, fight, mass violence): its source is often unknown to the news itself
UNKNOWN_SOURCE_ROOTS = ("18", "19", "20")


def _unknown(a: Actor | None) -> bool:
    return a is None or not a.code or a.code.startswith("---")


def pattern_prior(pattern, *, noun: bool = False) -> float:
    """The prior of a verb match: how specific the pattern is and whose it is."""
    if pattern is None:
        return 0.78 if noun else NOMINAL_PRIOR
    specific = bool(pattern.object or pattern.prep or pattern.particle)
    if pattern.priority < 2:  # whimbrel's or the user's own rows
        return 0.80 if specific or noun else 0.70
    return 0.65 if specific or noun else 0.50


def side_term(a: Actor | None) -> float:
    """How well one side is known."""
    if a is None:
        return -0.10
    if a.kind == "pronoun" or a.rule.startswith("coref"):
        return -0.08
    if a.kind == "place" or a.rule.endswith("+place"):
        return -0.05
    if not a.code or a.code.startswith("---"):
        return -0.10
    if a.rule.startswith(NAMED_RULES):
        return 0.04
    return 0.0


def _words_between(text: str, a: int, b: int) -> int:
    return text.count(" ", a, b) if b > a else 0


def distance_term(text: str, trigger: tuple[int, int], a: Actor | None) -> float:
    """Actors far from their trigger are more often wrong (parse attachment errors)."""
    if a is None:
        return 0.0
    t0, t1 = trigger
    n = _words_between(text, a.end, t0) if a.end <= t0 else _words_between(text, t1, a.start)
    return -0.08 if n > 16 else -0.04 if n > 8 else 0.0


def score(prior: float, source: Actor | None, target: Actor | None, md: Modality, *, main: bool, text: str,
          trigger: tuple[int, int], code: str = "") -> float:
    """The confidence of one emitted event (see the module docstring)."""
    root = code[:2]
    # news often does not know who set off a bomb: an unknown source of violence is the report's
    c = prior + (0.0 if root in UNKNOWN_SOURCE_ROOTS and _unknown(source) else side_term(source)) + side_term(target)
    if md.hypothetical:
        c -= 0.10
    elif (md.future or md.intent) and root not in FUTURE_ROOTS:
        c -= 0.05  # an intent, refusal or threat is about the future by its nature
    if md.reported_by:
        c -= 0.03
    if not main:
        c -= 0.10
    c += distance_term(text, trigger, source) + distance_term(text, trigger, target)
    return clamp(c)


def clamp(c: float) -> float:
    return round(max(FLOOR, min(CEILING, c)), 2)


def adjust(confidence: float, *, weak_only: bool, reparse: bool) -> float:
    """Context terms the stage applies after relevance: only weakly political actors, headline re-parse."""
    return clamp(confidence - (0.05 if weak_only else 0) - (0.05 if reparse else 0))
