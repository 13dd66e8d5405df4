"""The learned second opinion on event types (events/opinion.py, opinion_use.py, opinion_corpus.py)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from whimbrel.events.opinion import NONE, TYPES, Candidate, Lookup, OpinionModel, features, train
from whimbrel.events.opinion_use import CALIBRATION, Rule, SecondOpinion, calibrated
from whimbrel.model import Actor, Event, Evidence, Plover
from whimbrel.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "opinion_corpus" / "corpus.jsonl"


class FixedModel:
    """A stand-in model: the same probabilities for every candidate (or per trigger lemma)."""

    def __init__(self, probs: dict[str, float], by_lemma: dict[str, dict[str, float]] | None = None):
        self.default, self.by_lemma = probs, by_lemma or {}
        self.meta, self.classes, self.asked = {"digest": "test"}, {}, []

    def probs(self, feats):
        lemma = next(f[2:] for f in feats if f.startswith("v="))
        self.asked.append(lemma)
        d = self.by_lemma.get(lemma, self.default)
        p = np.full(len(TYPES), 1e-6)
        for t, v in d.items():
            p[TYPES.index(t)] = v
        return p / p.sum()


def _event(ptype="ASSAULT", pattern="lexicon.tsv:1") -> Event:
    a = Actor(code="FRA", text="France", start=0, end=6, country="FRA", kind="country")
    b = Actor(code="DEU", text="Germany", start=20, end=27, country="DEU", kind="country")
    ev = Evidence(sentence="France attacked Germany", sentence_start=0, trigger="attacked", trigger_start=7,
                  trigger_end=15, pattern=pattern)
    return Event(event_id="x", article_id="a", sentence_index=0, source=a, target=b, cameo="190", cameo_root="19",
                 quad_class=4, goldstein=-10.0, plover=Plover(event=ptype), evidence=ev, confidence=0.85)


@pytest.fixture(scope="module")
def lex():
    from whimbrel.events.lexicon import load_lexicon

    return load_lexicon()


def _p(**kw) -> np.ndarray:
    p = np.full(len(TYPES), 1e-6)
    for t, v in kw.items():
        p[TYPES.index(t)] = v
    return p / p.sum()


# ---------------------------------------------------------------- the tie rule, unit by unit


def test_agreement_keeps_the_event_with_higher_confidence(lex):
    op = SecondOpinion(FixedModel({}), lex)
    got = op.decide(_event(), _p(ASSAULT=0.9, NONE=0.1))
    assert got.type_source == "both" and got.plover.event == "ASSAULT"
    assert got.confidence > calibrated("lexicon", 0.9)


def test_disagreement_keeps_the_lexicon_type_by_default(lex):
    op = SecondOpinion(FixedModel({}), lex)
    got = op.decide(_event(), _p(PROTEST=0.99))
    assert got.type_source == "lexicon" and got.plover.event == "ASSAULT" and got.cameo == "190"


def test_override_when_switched_on_and_only_when_sure(lex):
    op = SecondOpinion(FixedModel({}), lex, Rule(override=0.9, floor=0.05))
    got = op.decide(_event(), _p(PROTEST=0.98))
    assert got.type_source == "model" and got.plover.event == "PROTEST" and got.cameo == "140"
    # not when the lexicon's type keeps some probability
    kept = op.decide(_event(), _p(PROTEST=0.9, ASSAULT=0.1))
    assert kept.type_source == "lexicon" and kept.plover.event == "ASSAULT"


def test_relevance_drops_by_pattern_origin(lex):
    op = SecondOpinion(FixedModel({}), lex)
    sport = _p(NONE=0.9, ASSAULT=0.1)
    assert op.decide(_event(pattern="petrarch:DEFEAT:beat"), sport) is None
    # whimbrel's own patterns need a surer reading
    assert op.decide(_event(pattern="lexicon.tsv:528"), sport) is not None
    assert op.decide(_event(pattern="lexicon.tsv:528"), _p(NONE=0.99)) is None


def test_calibration_table_is_monotone_within_each_source():
    for src, rows in CALIBRATION.items():
        values = [v for _, v in rows]
        assert values == sorted(values), src
        assert all(0 < v < 1 for v in values)


# ---------------------------------------------------------------- in the coder


def _stage_with(model, lex, rule=None):
    from whimbrel.events.coder import EventStage

    st = EventStage(Settings())
    st._lex = lex
    st._opinion = SecondOpinion(model, lex, rule)
    return st


def test_model_proposes_where_the_lexicon_has_nothing(code, lex):
    text = "Australia funnelled money to Indonesia."
    actors = [("Australia", "AUS", "country"), ("Indonesia", "IDN", "country")]
    assert not [e for e in code(text, actors) if e.plover.event], "the lexicon should not know this verb"
    st = _stage_with(FixedModel({"NONE": 0.9}, {"funnel": {"AID": 0.95}}), lex)
    evs = code(text, actors, stage=st)
    assert [(e.source.code, e.target.code, e.cameo, e.plover.event, e.type_source) for e in evs] == [
        ("AUS", "IDN", "070", "AID", "model")]


def test_no_proposal_for_negated_acts_unknown_sources_or_unsure_models(code, lex):
    sure = FixedModel({"NONE": 0.9}, {"funnel": {"AID": 0.95}})
    st = _stage_with(sure, lex)
    assert not code("Australia did not funnel money to Indonesia.", [("Australia", "AUS", "country"), ("Indonesia", "IDN", "country")], stage=st)
    assert not code("Someone funnelled money to Indonesia.", [("Indonesia", "IDN", "country")], stage=st)
    unsure = _stage_with(FixedModel({"NONE": 0.9}, {"funnel": {"AID": 0.5, "COOPERATE": 0.5}}), lex)
    assert not code("Australia funnelled money to Indonesia.", [("Australia", "AUS", "country"), ("Indonesia", "IDN", "country")], stage=unsure)


def test_lexicon_events_are_reviewed_and_say_where_their_type_came_from(code, lex):
    text = "France imposed sanctions on Russia."
    actors = [("France", "FRA", "country"), ("Russia", "RUS", "country")]
    plain = code(text, actors)
    assert plain and all(e.type_source == "lexicon" for e in plain)
    model = FixedModel({"SANCTION": 0.9})
    evs = code(text, actors, stage=_stage_with(model, lex))
    assert [(e.cameo, e.type_source) for e in evs] == [("163", "both")]
    assert "impose" in model.asked
    assert evs[0].as_dict()["type_source"] == "both"


# ---------------------------------------------------------------- training, the shipped model, the switch


def test_features_read_trigger_object_and_wordnet_classes(pipeline):
    from whimbrel.events.roles import nodes_of

    nodes = nodes_of(pipeline.nlp("France imposed sanctions on Russia.")[:])
    v = next(n for n in nodes if n.lemma_ == "impose")
    look = Lookup(classes={"v": {"impose": ["v123"]}, "n": {"sanction": ["n9"]}})
    f = features(Candidate(v, (), ()), nodes, look)
    assert {"v=impose", "o=sanction", "vo=impose_sanction", "p=on", "vc=v123", "oc=n9", "snone"} <= set(f)


@pytest.mark.skipif(not CORPUS.exists(), reason="the opinion corpus is not in this checkout")
def test_retrain_on_a_small_slice_and_the_pipeline_uses_it(tmp_path, pipeline):
    """CI's retraining check: a small slice of the corpus, a few epochs, then the pipeline loads
    the weights file and reviews events with it."""
    from whimbrel.events.opinion_corpus import corpus_samples, read_corpus
    from whimbrel.pipeline import Pipeline

    records = read_corpus(CORPUS, limit=100)
    samples = corpus_samples(records, pipeline)
    assert len(samples) >= len(records) * 0.9
    assert {TYPES[y] for _, y in samples} >= {"NONE", "ASSAULT"}
    model = train(samples, epochs=25)
    path = tmp_path / "opinion.npz"
    model.save(path)
    loaded = OpinionModel.load(path)
    f, y = samples[0]
    assert np.allclose(loaded.probs(f), model.probs(f), atol=1e-2)
    on = Pipeline.load(Settings.from_env(opinion=True, opinion_model=path))
    from whimbrel.api import code_text

    evs = code_text("France imposed sanctions on Russia on Monday.", published="2020-01-01", pipeline=on)
    assert evs and {e.type_source for e in evs} <= {"both", "lexicon", "model"}
    stage = next(s for s in on.stages if s.name == "events")
    assert stage.opinion is not None and stage.opinion.model.meta["digest"] in stage.version


def test_the_shipped_model_loads_and_reads_sport_as_no_event(pipeline):
    from whimbrel.events.opinion import DEFAULT_PATH
    from whimbrel.events.roles import nodes_of

    m = OpinionModel.load(DEFAULT_PATH)
    assert m.meta["types"] == list(TYPES) and len(m.vocab) > 1000
    assert DEFAULT_PATH.stat().st_size < 3_000_000
    nodes = nodes_of(pipeline.nlp("Brazil beat Argentina 2-1 in their World Cup qualifier.")[:])
    v = next(n for n in nodes if n.lemma_ == "beat")
    look = Lookup(classes=m.classes)
    assert int(np.argmax(m.probs(features(Candidate(v, (), ()), nodes, look)))) == NONE


def test_switch_from_environment_and_cli(monkeypatch):
    monkeypatch.setenv("WHIMBREL_OPINION", "1")
    assert Settings.from_env().opinion is True
    monkeypatch.setenv("WHIMBREL_OPINION", "off")
    assert Settings.from_env().opinion is False
    monkeypatch.delenv("WHIMBREL_OPINION")
    assert Settings.from_env().opinion is False  # off by default: it did not earn its place (docs/coder.md)
    from click.testing import CliRunner

    from whimbrel.cli import main

    for cmd in ("code", "ingest", "eval"):
        assert "--opinion" in CliRunner().invoke(main, [cmd, "--help"]).output
    # the flag reaches the settings (through the environment, so ingest's workers see it too)
    CliRunner().invoke(main, ["eval", "--opinion", "/nonexistent.json"])
    assert Settings.from_env().opinion is True
    CliRunner().invoke(main, ["eval", "--no-opinion", "/nonexistent.json"])
    assert Settings.from_env().opinion is False


def test_corpus_records_are_well_formed():
    if not CORPUS.exists():
        pytest.skip("the opinion corpus is not in this checkout")
    n = 0
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            assert r["label"] in TYPES
            a, b = r["trigger"]
            assert 0 <= a < b <= len(r["text"])
            n += 1
    assert n > 5000
