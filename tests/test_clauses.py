"""Shared parse helpers (clauses.py): the closing attribution's misparse mended."""

from __future__ import annotations

from whimbrel.api import code_text
from whimbrel.clauses import repair_reporting_tails


def test_a_closing_attribution_read_as_an_apposition_becomes_the_subject(pipeline):
    doc = pipeline.nlp("Russian forces captured the village of Novomykhailivka, the defence ministry in Moscow said.")
    ministry = next(t for t in doc if t.lower_ == "ministry")
    if ministry.dep_ == "appos":  # the small model's misparse; mend it here as attach() does
        assert repair_reporting_tails(doc) == 1
    said = next(t for t in doc if t.lower_ == "said")
    assert (ministry.dep_, ministry.head.i) == ("nsubj", said.i)


def test_the_attributed_ministry_is_not_part_of_the_target(pipeline):
    evs = code_text("Russian forces captured the village of Novomykhailivka, the defence ministry in Moscow said.",
                    published="2024-05-01", pipeline=pipeline)
    assert evs and all("ministry" not in (e.target.text if e.target else "") for e in evs)


def test_an_apposition_that_names_the_object_stays(pipeline):
    # "Ousmane Sonko" names the leader; no reporting verb follows it: nothing to mend
    doc = pipeline.nlp("Police arrested the leader of the opposition, Ousmane Sonko, on Monday.")
    deps = [(t.text, t.dep_) for t in doc]
    assert repair_reporting_tails(doc) == 0 and [(t.text, t.dep_) for t in doc] == deps
