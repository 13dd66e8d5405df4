"""Quality gate: dev-gold scores pinned as floors, so a change that codes worse fails.

Floors are set a little under the scores measured when they were pinned
(PLOVER dev: type F1 0.867, (source root, type) F1 0.779; example: 13/13).
Raise them when coding improves; never lower them to make a change pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from whimbrel.evaluate import evaluate

GOLD = Path(__file__).parent / "data" / "gold"

PLOVER_FLOORS = {"plover": 0.85, "source_plover": 0.76}
PER_TYPE_F1_FLOORS = {
    "ACCUSE": 0.8, "AGREE": 0.9, "ASSAULT": 0.9, "PROTEST": 0.9, "REJECT": 0.85, "REQUEST": 0.8,
    "RETREAT": 0.7, "SUPPORT": 0.7, "THREATEN": 0.85,
}


@pytest.fixture(scope="module")
def plover_report(pipeline):
    return evaluate(GOLD / "plover_gsr_cameo_dev.json", pipeline=pipeline)


NEWS_DEV_FLOORS = {"dyad_root": 0.85, "plover": 0.92, "source_plover": 0.89}


@pytest.fixture(scope="module")
def news_dev_report(pipeline):
    return evaluate(GOLD / "news_dev.jsonl", pipeline=pipeline)


@pytest.mark.parametrize("level", sorted(NEWS_DEV_FLOORS))
def test_news_dev_floors(news_dev_report, level):
    """Hand-written wire sentences (news_dev.jsonl; dyad_root 0.871, PLOVER 0.945, source+PLOVER 0.918 when pinned)."""
    f1 = news_dev_report.levels[level].f1
    assert f1 >= NEWS_DEV_FLOORS[level], f"news dev {level} F1 {f1:.3f} fell under its floor {NEWS_DEV_FLOORS[level]}"


@pytest.fixture(scope="module")
def example_report(pipeline):
    return evaluate(GOLD / "scmp-2018-11-05-kim-diaz-canel.gold.json", pipeline=pipeline)


@pytest.mark.parametrize("level", sorted(PLOVER_FLOORS))
def test_plover_dev_floors(plover_report, level):
    f1 = plover_report.levels[level].f1
    assert f1 >= PLOVER_FLOORS[level], f"{level} F1 {f1:.3f} fell under its floor {PLOVER_FLOORS[level]}"


@pytest.mark.parametrize("ptype", sorted(PER_TYPE_F1_FLOORS))
def test_plover_dev_per_type_floors(plover_report, ptype):
    assert plover_report.per_type[ptype].f1 >= PER_TYPE_F1_FLOORS[ptype]


def test_plover_dev_codes_without_failures(plover_report):
    assert plover_report.failures == []


def test_example_finds_the_gold_events(example_report):
    dy = example_report.levels["dyad_root"]
    assert dy.tp >= 12, [m["gold"] for m in example_report.misses]
    assert dy.precision >= 0.85


def test_example_has_no_event_from_related_links_or_commentary(pipeline, example_text, example_gold):
    from whimbrel.api import code_text

    events = code_text(example_text, pipeline=pipeline)
    sentences = " ".join(e.evidence.sentence for e in events)
    for link in example_gold["metadata"]["related_links_not_body"]:
        assert link[:40] not in sentences
    assert "shot across the bow" not in sentences


def test_example_future_and_conditional_events_carry_modality(pipeline, example_text):
    from whimbrel.api import code_text

    events = code_text(example_text, pipeline=pipeline)
    visits = [e for e in events if e.cameo == "042" and e.target is not None and e.target.code in ("CHN", "VNM", "LAO")]
    assert visits and all(e.modality.future for e in visits)
    meeting = [e for e in events if "New York" in e.evidence.sentence and e.cameo_root in ("03", "04")]
    assert meeting and all(e.modality.future for e in meeting)
    threat = [e for e in events if e.cameo_root == "13"]
    assert threat and all(e.modality.hypothetical for e in threat)


#: the studied (even) half of the independently written news set (written_news.tsv; type F1
#: 0.701, source 0.629, dyad 0.500 when pinned on 2026-12-05). The odd half is only scored.
WRITTEN_FLOORS = {"type_f1": 0.68, "source_recall": 0.60, "dyad_recall": 0.47}


@pytest.fixture(scope="module")
def written_report(pipeline):
    return evaluate(GOLD / "written_news.tsv", pipeline=pipeline, split="even")


@pytest.mark.parametrize("figure", sorted(WRITTEN_FLOORS))
def test_written_news_floors(written_report, figure):
    got = getattr(written_report.spans, figure)
    assert got >= WRITTEN_FLOORS[figure], f"written news (even half) {figure} {got:.3f} under its floor"
