"""Confidence ranks events by their evidence; --min-confidence / min_confidence filter on it."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
from click.testing import CliRunner

from whimbrel.api import code_text
from whimbrel.cli import main
from whimbrel.events import confidence as C
from whimbrel.events.lexicon import Pattern
from whimbrel.model import Actor, Modality

EXAMPLE = Path(__file__).parent.parent.parent / "src" / "whimbrel" / "data" / "examples" / "scmp-2018-11-05-kim-diaz-canel.txt"


def pat(priority, obj=()):
    return Pattern(id="t", verb="v", particle="", object=tuple(obj), prep="", pobj=(), code="111", priority=priority)


def named(code):
    return Actor(code=code, text="X", start=0, end=1, country=code[:3], kind="country", rule="kb:country")


def test_specific_and_own_patterns_rank_above_defaults():
    assert C.pattern_prior(pat(1, ["sanctions"])) > C.pattern_prior(pat(1)) > C.pattern_prior(pat(2))
    assert C.pattern_prior(pat(2, ["sanctions"])) > C.pattern_prior(pat(2))
    assert C.pattern_prior(None, noun=True) > C.pattern_prior(None)  # light verb + noun over a bare nominal


def test_evidence_terms_lower_the_score():
    args = dict(main=True, text="X criticised Y", trigger=(2, 12))
    base = C.score(0.7, named("ISR"), named("EGY"), Modality(), **args)
    pron = Actor(code="ISR", text="it", start=0, end=2, country="ISR", kind="pronoun", rule="coref:pronoun")
    assert C.score(0.7, pron, named("EGY"), Modality(), **args) < base
    assert C.score(0.7, named("ISR"), None, Modality(), **args) < base
    assert C.score(0.7, named("ISR"), named("EGY"), Modality(hypothetical=True), **args) < base
    assert C.score(0.7, named("ISR"), named("EGY"), Modality(), main=False, text=args["text"], trigger=(2, 12)) < base
    far = "X " + "very " * 20 + "criticised Y"
    t0 = far.index("criticised")
    assert C.score(0.7, named("ISR"), named("EGY"), Modality(), main=True, text=far, trigger=(t0, t0 + 10)) < C.score(
        0.7, named("ISR"), named("EGY"), Modality(), main=True, text=far, trigger=(2, 3))
    assert 0 < C.clamp(-3) < C.clamp(3) < 1


def test_min_confidence_in_the_api(pipeline):
    text = EXAMPLE.read_text(encoding="utf-8")
    from whimbrel.api import code_paths

    every = code_text(text, pipeline=pipeline)
    cut = sorted(e.confidence for e in every)[len(every) // 2]
    some = code_text(text, pipeline=pipeline, min_confidence=cut)
    assert 0 < len(some) < len(every) and all(e.confidence >= cut for e in some)
    (doc,) = list(code_paths([str(EXAMPLE)], pipeline=pipeline, min_confidence=cut))
    assert {e.event_id for e in doc.events} == {e.event_id for e in some}


def test_min_confidence_setting_drops_events_in_the_stage(pipeline):
    from dataclasses import replace

    from whimbrel.events.coder import EventStage
    from whimbrel.ingest import article_from_text

    text = EXAMPLE.read_text(encoding="utf-8")
    every = code_text(text, pipeline=pipeline)
    cut = max(e.confidence for e in every)
    (doc,) = list(pipeline.pipe([article_from_text(text)]))
    kept = EventStage(replace(pipeline.settings, min_confidence=cut))(doc).events
    assert kept and len(kept) < len(every) and all(e.confidence >= cut for e in kept)


def test_min_confidence_on_the_command_line(pipeline, tmp_path):
    run = CliRunner()
    all_lines = run.invoke(main, ["code", "--json", str(EXAMPLE)]).output.splitlines()
    confs = sorted(json.loads(x)["confidence"] for x in all_lines)
    cut = confs[len(confs) // 2]
    res = run.invoke(main, ["code", "--json", "--min-confidence", str(cut), str(EXAMPLE)])
    assert res.exit_code == 0
    kept = [json.loads(x) for x in res.output.splitlines()]
    assert 0 < len(kept) < len(all_lines) and all(r["confidence"] >= cut for r in kept)
    assert run.invoke(main, ["code", "--min-confidence", "1.5", str(EXAMPLE)]).exit_code == 2  # a usage error

    db = str(tmp_path / "t.duckdb")
    assert run.invoke(main, ["ingest", "--db", db, "--min-confidence", str(cut), str(EXAMPLE)]).exit_code == 0
    with duckdb.connect(db, read_only=True) as con:
        stored = con.execute("SELECT min(confidence), count(*) FROM events").fetchone()
    assert stored[0] >= cut and stored[1] == len(kept)
    res = run.invoke(main, ["events", "--db", db, "--json", "--min-confidence", str(confs[-1])])
    assert res.exit_code == 0
    top = [json.loads(x) for x in res.output.splitlines()]
    assert top and all(r["confidence"] >= confs[-1] for r in top) and len(top) < len(kept)


def test_the_nature_of_the_act_decides_what_counts_as_doubt():
    args = dict(main=True, text="X attacked Y", trigger=(2, 10))
    # an unknown source of violence is the report's ("bombs exploded"), not the coder's failure
    assert C.score(0.7, None, named("ESP"), Modality(), code="183", **args) > C.score(0.7, None, named("ESP"), Modality(), code="111", **args)
    # a threat or refusal is about the future by its nature; a future visit is less certain than one made
    fut = Modality(future=True)
    assert C.score(0.7, named("IRN"), named("USA"), fut, code="138", **args) == C.score(0.7, named("IRN"), named("USA"), Modality(), code="138", **args)
    assert C.score(0.7, named("IRN"), named("USA"), fut, code="042", **args) < C.score(0.7, named("IRN"), named("USA"), Modality(), code="042", **args)
