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


PLV_HEADER = "uid\tsentence_id\tgold_root\tmodality_L2\tsentence\tmarked_sentence\tsource\ttarget\n"


def _plv_file(tmp_path, rows):
    p = tmp_path / "spans.tsv"
    p.write_text(PLV_HEADER + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return p


def test_reads_span_marked_tsv_and_scores_source_and_dyad(tmp_path):
    text = "Ruritania condemned Borduria on Monday."
    p = _plv_file(tmp_path, [
        ("a0", "2", "ACCUSE", "past", text, "<s>Ruritania</s> condemned <t>Borduria</t> on Monday.", "Ruritania", "Borduria"),
        ("a1", "3", "YIELD", "past", "Ruritania withdrew.", "<s>Ruritania</s> withdrew.", "Ruritania", ""),
    ])
    docs = load_gold(p)
    assert [d.key for d in docs] == ["2", "3"]
    g = docs[0].events[0]
    assert docs[0].text == text and text[slice(*g.source_span)] == "Ruritania" and text[slice(*g.target_spans[0])] == "Borduria"
    assert docs[1].events[0].plover == ("CONCEDE", "RETREAT")  # PLV's YIELD

    def actor(start, end):
        return Actor(code="RUR", text=text[start:end], start=start, end=end)

    right = ev("plv-2", None, None, "111", "ACCUSE")
    right = type(right)(**{**right.__dict__, "source": actor(0, 9), "target": actor(20, 28)})
    wrong_target = type(right)(**{**right.__dict__, "target": actor(0, 9)})
    retreat = ev("plv-3", None, None, "343", "RETREAT")
    retreat = type(retreat)(**{**retreat.__dict__, "source": Actor(code="RUR", text="Ruritania", start=0, end=9)})

    rep = score(docs, {"plv-2": [right], "plv-3": [retreat]})
    assert (rep.spans.type_f1, rep.spans.source_recall, rep.spans.dyad_recall) == (1.0, 1.0, 0.5)
    rep = score(docs, {"plv-2": [wrong_target], "plv-3": []})
    assert rep.spans.source_recall == 0.5 and rep.spans.dyad_recall == 0.0
    assert rep.spans.type_f1 == pytest.approx(2 / 3)  # 1 of 1 predicted types right, 1 of 2 gold found


def test_split_keeps_one_half_by_sentence_id(tmp_path):
    rows = [(f"u{i}", str(i), "ACCUSE", "past", "A hit B.", "<s>A</s> hit <t>B</t>.", "A", "B") for i in range(1, 6)]
    p = _plv_file(tmp_path, rows)
    assert [d.key for d in load_gold(p, split="even")] == ["2", "4"]
    assert [d.key for d in load_gold(p, split="odd")] == ["1", "3", "5"]
    with pytest.raises(DataFileError):
        load_gold(p, split="third")


def test_span_tsv_without_its_columns_is_a_named_error(tmp_path):
    p = tmp_path / "x.tsv"
    p.write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="marked_sentence"):
        load_gold(p)
