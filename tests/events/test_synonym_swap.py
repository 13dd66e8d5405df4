"""Synonym swap: coding must not hang on the exact object or verb word.

``tests/data/gold/synonym_swap.jsonl`` holds 50 news-style sentences written for this
test, each with a twin (id ``...-swap``) where the object or the verb is replaced by a
near synonym ("imposed new sanctions" / "imposed a new embargo"). Both halves are scored
like ``whimbrel eval`` scores sentence gold, on (source root, target root, PLOVER type);
the swapped half must score within 0.03 of the original.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from whimbrel.evaluate import _article, _root, gold_keys, load_gold
from whimbrel.events.lexicon import load_lexicon

GOLD = Path(__file__).parents[1] / "data" / "gold" / "synonym_swap.jsonl"
MAX_GAP = 0.03
#: the original half scored 0.98 when the test was written; a floor keeps the test from
#: passing by coding both halves equally badly
ORIGINAL_FLOOR = 0.85


def dyad_type_keys(g, info) -> set[tuple]:
    """Acceptable (source root, target root, PLOVER type) keys of a gold event."""
    types = {k[0] for k in gold_keys(g, "plover", info) or set()}
    srcs = {_root(s) for s in g.sources} or {"---"}
    tgts = {_root(t) for t in g.targets} or {"---"}
    keys = {(s, t, p) for s in srcs for t in tgts for p in types}
    if g.symmetric:
        keys |= {(t, s, p) for s, t, p in keys}
    return keys


def _keys(events) -> set[tuple]:
    return {(_root(e.source.code) if e.source else "---", _root(e.target.code) if e.target else "---", e.plover.event)
            for e in events if e.plover.event}


def f1(docs, predicted, info) -> float:
    """F1 on (source root, target root, PLOVER type): recall over gold events, precision
    over distinct predicted keys (as ``whimbrel eval`` counts them)."""
    hits = n_gold = correct = n_pred = 0
    for d in docs:
        got = _keys(predicted[d.id])
        allowed = set()
        for g in d.events:
            keys = dyad_type_keys(g, info)
            allowed |= keys
            n_gold += 1
            hits += bool(keys & got)
        n_pred += len(got)
        correct += len(got & allowed)
    p = correct / n_pred if n_pred else 0.0
    r = hits / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


@pytest.fixture(scope="module")
def scored(pipeline):
    docs = load_gold(GOLD)
    predicted = {d.id: list(res.events) for d, res in zip(docs, pipeline.pipe(_article(d) for d in docs))}
    info = load_lexicon(tuple(pipeline.settings.lexicon_files)).info
    orig = [d for d in docs if not d.id.endswith("-swap")]
    swap = [d for d in docs if d.id.endswith("-swap")]
    return f1(orig, predicted, info), f1(swap, predicted, info), orig, swap


def test_the_gold_is_fifty_pairs(scored):
    _, _, orig, swap = scored
    assert len(orig) == 50 and len(swap) == 50
    assert {d.id + "-swap" for d in orig} == {d.id for d in swap}
    texts = {d.id: d.text for d in orig + swap}
    assert all(texts[d.id] != texts[d.id + "-swap"] for d in orig)


def test_a_synonym_does_not_change_the_score(scored):
    a, b, _, _ = scored
    assert a >= ORIGINAL_FLOOR, f"original half F1 {a:.3f} under its floor {ORIGINAL_FLOOR}"
    assert abs(a - b) <= MAX_GAP, f"swapped half F1 {b:.3f} differs from the original's {a:.3f} by more than {MAX_GAP}"


def test_the_score_counts_wrong_events():
    """The scorer is not vacuous: a wrong type or a wrong target is no hit."""
    from whimbrel.evaluate import GoldDoc, GoldEvent
    from whimbrel.model import Actor, Evidence, Event, Modality

    lex = load_lexicon()

    def ev(src, tgt, code):
        info = lex.info(code)
        mk = lambda c: Actor(code=c, text=c, start=0, end=1, country=c[:3])  # noqa: E731
        return Event(event_id="x", article_id="d", sentence_index=0, source=mk(src), target=mk(tgt), cameo=code,
                     cameo_root=code[:2], quad_class=info.quad_class, goldstein=info.goldstein, plover=info.plover,
                     evidence=Evidence(sentence="", sentence_start=0, trigger="", trigger_start=0, trigger_end=0, pattern=""),
                     modality=Modality(), confidence=0.5)

    g = GoldDoc(id="d", text="", published=None,
                events=(GoldEvent(id="d-E1", sources=("USA",), targets=("CHN",), cameo=("163",), plover=("SANCTION",)),))
    assert f1([g], {"d": [ev("USA", "CHN", "163")]}, lex.info) == 1.0
    assert f1([g], {"d": [ev("USA", "RUS", "163")]}, lex.info) == 0.0
    assert f1([g], {"d": [ev("USA", "CHN", "111")]}, lex.info) == 0.0
