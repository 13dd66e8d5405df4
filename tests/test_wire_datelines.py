"""20 wire-style texts: no dateline fragment in any evidence sentence or mention, and the
dateline city is an event's place only when the text names none (tests/data/wire_datelines.tsv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from whimbrel.dateline import find, metadata
from whimbrel.ingest import article_from_text
from whimbrel.model import Document

ROWS = [line.rstrip("\n").split("\t")
        for line in (Path(__file__).parent / "data" / "wire_datelines.tsv").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")]


def test_there_are_twenty_texts():
    assert len(ROWS) == 20


@pytest.fixture(scope="module")
def coded(pipeline):
    arts = [article_from_text(text, id=f"w{i}", published="2018-11-20") for i, (_, _, text) in enumerate(ROWS)]
    docs = list(pipeline.pipe(arts))
    assert all(isinstance(d, Document) for d in docs), docs
    return docs


def _names(name: str) -> set[str]:
    from whimbrel.where import default_gazetteer, normalize

    return {normalize(name)} | {normalize(p.name) for p in default_gazetteer().lookup(name)}


@pytest.mark.parametrize("i", range(len(ROWS)))
def test_no_dateline_fragment_in_evidence_or_mentions(coded, i):
    doc = coded[i]
    text = doc.article.text
    m = find(text, doc.article.body_start)
    assert m is not None, "every text here opens with a dateline"
    end = doc.article.body_start + m.end()
    fragment = text[doc.article.body_start:end].strip()
    assert doc.events, "the coder finds an event in each text"
    for ev in doc.events:
        assert ev.evidence.sentence_start >= end and fragment not in ev.evidence.sentence
        for actor in (ev.source, ev.target):
            if actor is not None and actor.start is not None:
                assert actor.start >= end, (actor.text, fragment)


@pytest.mark.parametrize("i", range(len(ROWS)))
def test_the_dateline_is_the_place_only_when_the_text_names_none(coded, i):
    dateline_city, named, _ = ROWS[i]
    for ev in coded[i].events:
        got = ev.location.name if ev.location else None
        if named != "-":  # the text names the place: it wins over the dateline
            assert got is not None and _names(got) & _names(named), (got, named)
        elif dateline_city != "-":
            assert got is not None and _names(got) & _names(dateline_city), (got, dateline_city)
        else:  # no city in the dateline and none in the text
            assert got is None


@pytest.mark.parametrize("i", range(len(ROWS)))
def test_dateline_place_and_agency_metadata(i):
    dateline_city, _, text = ROWS[i]
    meta = metadata(article_from_text(text, id="m"))
    if dateline_city == "-":
        assert meta["dateline_place"] is None
    else:
        assert meta["dateline_place"].split(",")[0] == dateline_city
    agency = text[text.index("(") + 1:text.index(")")] if "(" in text.split(" - ")[0] else None
    assert meta["agency"] == agency


def test_the_store_keeps_dateline_place_and_agency(coded, tmp_path):
    from whimbrel.store import Store

    with Store(tmp_path / "d.duckdb") as store:
        store.write_batch(coded[:2])
        rows = store.con.execute("SELECT dateline_place, agency FROM articles ORDER BY article_id").fetchall()
    assert rows == [("Ankara", "Reuters"), ("Ankara", "Reuters")]
