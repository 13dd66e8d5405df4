"""Gold readers and scoring (no coding here: events are built by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest

from whimbrel.errors import DataFileError
from whimbrel.evaluate import GoldDoc, GoldEvent, load_gold, score
from whimbrel.model import Actor, Event, Evidence, Plover

GOLD = Path(__file__).parent / "data" / "gold"


def ev(doc, src, tgt, cameo, plover, sym=False):
    a = lambda c: Actor(code=c, text=c, start=0, end=1) if c else None  # noqa: E731
    return Event(
        event_id="x", article_id=doc, sentence_index=0, source=a(src), target=a(tgt), cameo=cameo, cameo_root=cameo[:2],
        quad_class=None, goldstein=None, plover=Plover(event=plover), evidence=Evidence("s", 0, "t", 0, 1), symmetric=sym,
    )


def test_reads_plover_gold_and_maps_legacy_labels():
    docs = load_gold(GOLD / "plover_gsr_cameo_dev.json")
    assert len(docs) == 161  # the DOCUMENT header is skipped
    labels = {d.events[0].plover[0] for d in docs}
    assert "DEMAND" not in labels and "FIGHT" not in labels and "REQUEST" in labels
    d = next(d for d in docs if d.id == "PLOVER-GSR01-AGREE-0001")
    assert set(d.events[0].sources) == {"HUNGOV", "ROUGOV"}


def test_reads_article_gold():
    (d,) = load_gold(GOLD / "scmp-2018-11-05-kim-diaz-canel.gold.json")
    assert len(d.events) == 13 and len(d.optional) == 5 and d.article_text
    e1 = d.events[0]
    assert e1.symmetric and e1.cameo[0] == "032"


def test_reads_petrarch_xml(tmp_path):
    f = tmp_path / "recs.xml"
    f.write_text(
        '<Sentences><Sentence date="19950101" id="T-1"><EventCoding sourcecode="ARN" targetcode="GON" eventcode="064">'
        "</EventCoding><Text>\nArnor shares secrets\nwith Gondor.\n</Text></Sentence></Sentences>",
        encoding="utf-8",
    )
    (d,) = load_gold(f)
    assert d.text == "Arnor shares secrets with Gondor." and d.published == "1995-01-01"
    assert d.events[0].cameo == ("064",) and d.events[0].sources == ("ARN",)


def test_unknown_gold_is_a_named_error(tmp_path):
    f = tmp_path / "x.json"
    f.write_text('{"a": 1}', encoding="utf-8")
    with pytest.raises(DataFileError):
        load_gold(f)


def test_scores_at_each_level():
    docs = [
        GoldDoc("d1", "t", None, (GoldEvent("g1", ("USAGOV",), ("RUS",), ("163",), ("SANCTION",)),)),
        GoldDoc("d2", "t", None, (GoldEvent("g2", ("FRA",), ("DEU",), ("046",), ("CONSULT",), symmetric=True),)),
    ]
    pred = {
        "d1": [ev("d1", "USA", "RUS", "1631", "SANCTION"), ev("d1", "USA", "RUS", "111", "ACCUSE")],
        "d2": [ev("d2", "DEU", "FRA", "040", "CONSULT", sym=True)],  # reversed, symmetric gold matches
    }
    r = score(docs, pred)
    dy = r.levels["dyad_root"]
    assert (dy.tp, dy.n_gold, dy.correct, dy.n_pred) == (2, 2, 2, 3)
    full = r.levels["full"]
    assert full.tp == 0  # 1631 and 040 are not the gold's full codes
    pl = r.levels["plover"]
    assert pl.recall == 1.0 and pl.precision == pytest.approx(2 / 3)
    assert r.per_type["SANCTION"].tp == 1 and r.per_type["ACCUSE"].n_pred == 1
    assert len(r.extras) == 1 and r.extras[0]["cameo"] == "111"


def test_optional_events_are_neither_right_nor_wrong():
    docs = [GoldDoc("d", "t", None, (GoldEvent("g", ("USA",), ("CUB",), ("163",), ()),),
                    optional=(GoldEvent("o", ("USA",), ("PRK",), ("163",), ()),))]
    r = score(docs, {"d": [ev("d", "USA", "CUB", "163", "SANCTION"), ev("d", "USA", "PRK", "163", "SANCTION")]})
    assert r.levels["dyad_root"].precision == 1.0 and r.levels["dyad_root"].n_pred == 1


def test_plover_gold_has_no_cameo_levels():
    docs = [GoldDoc("d", "t", None, (GoldEvent("g", ("IRN",), ("IRQ",), (), ("THREATEN",)),))]
    r = score(docs, {"d": [ev("d", "IRN", "IRQ", "138", "THREATEN")]})
    assert r.levels["dyad_root"] is None and r.levels["plover"].f1 == 1.0
    assert r.levels["source_plover"].f1 == 1.0


def test_gold_code_typos_are_aliased():
    docs = [GoldDoc("d", "t", None, (GoldEvent("g", ("ITL",), ("SRB",), (), ("SANCTION",)),))]
    r = score(docs, {"d": [ev("d", "ITA", "SRB", "160", "SANCTION")]})
    assert r.levels["source_plover"].tp == 1
