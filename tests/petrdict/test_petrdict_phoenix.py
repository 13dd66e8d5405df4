"""PETRARCH's own dictionaries at run time (need ../shared/reference/petrarch; skipped without).

* the full Phoenix set given at run time reads into exactly the shipped build-time
  conversion, and codes the gold files the same way;
* PETRARCH's unit suite with --only-dicts: no record crashes, and every record that
  gives no event says why. (Its scores are measured by bench/petrdict_unit.py.)
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

PETRARCH = Path(__file__).resolve().parents[3] / "shared" / "reference" / "petrarch"
if not PETRARCH.is_dir():
    PETRARCH = Path("/work/shared/reference/petrarch")
pytestmark = pytest.mark.skipif(not (PETRARCH / "Phoenix.Countries.actors.txt").is_file(),
                                reason="../shared/reference/petrarch (PETRARCH's dictionaries) is not here")
GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")


def _phoenix():
    from whimbrel.petrdict.load import DictSpec

    return DictSpec(actors=tuple(str(PETRARCH / f) for f in ACTOR_FILES), agents=(str(PETRARCH / "Phoenix.agents.txt"),),
                    verbs=(str(PETRARCH / "CAMEO.2.0.txt"),))


def _body(pkg: str, name: str) -> list[str]:
    text = (files(pkg) / "data" / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_run_time_reading_is_the_build_time_conversion():
    from whimbrel.petrdict.load import load_dictionaries

    loaded = load_dictionaries(_phoenix())
    assert loaded.actor_rows == _body("whimbrel.actors", "phoenix.tsv")
    assert loaded.agent_rows == [r for r in _body("whimbrel.actors", "agents.tsv") if r.endswith("\tphoenix")]
    (conv,) = loaded.verbs
    assert ["\t".join(r) for r in conv.verbs] == _body("whimbrel.events", "petrarch_verbs.tsv")
    assert ["\t".join(r) for r in conv.patterns] == _body("whimbrel.events", "petrarch_patterns.tsv")


@pytest.mark.parametrize("gold", ["news_dev.jsonl", "scmp-2018-11-05-kim-diaz-canel.gold.json"])
def test_same_codes_on_gold_files(gold, tmp_path, monkeypatch):
    from whimbrel.evaluate import _article, load_gold
    from whimbrel.pipeline import Pipeline
    from whimbrel.settings import Settings

    monkeypatch.setenv("WHIMBREL_CACHE", str(tmp_path))  # a cold knowledge-base build, not a cached one
    docs = load_gold(GOLD / gold)
    spec = _phoenix()

    def codes(settings):
        out = []
        for res in Pipeline.load(settings).pipe(_article(d) for d in docs):
            out.append(sorted((e.source.code if e.source else "", e.target.code if e.target else "", e.cameo)
                              for e in res.events))
        return out

    base = Settings()
    with_dicts = Settings(dict_actors=tuple(map(Path, spec.actors)), dict_agents=tuple(map(Path, spec.agents)),
                          dict_verbs=tuple(map(Path, spec.verbs)))
    assert codes(with_dicts) == codes(base)


def test_unit_suite_only_dicts_never_crashes_and_says_why(monkeypatch):
    from whimbrel.evaluate import evaluate
    from whimbrel.pipeline import Pipeline
    from whimbrel.settings import Settings

    s = Settings(**{f"dict_{k}": (PETRARCH / f"PETR.Validate.{k}.txt",) for k in ("actors", "agents", "verbs", "discards")},
                 only_dicts=True)
    rep = evaluate(PETRARCH / "PETR.UnitTest.records.xml", pipeline=Pipeline.load(s))
    assert rep.n_docs == 284 and not rep.failures
    assert rep.uncoded and all(why for why in rep.uncoded.values())
    assert rep.levels["full"].tp > 100  # it reads them (4 of 359 gold events before)
