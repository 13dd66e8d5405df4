"""``whimbrel events`` (filters, table/json/csv) and ``whimbrel show`` on a small stored database."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from whimbrel.cli import main
from whimbrel.ingest import article_from_text
from whimbrel.model import Actor, Document, Event, Evidence, Modality, Plover
from whimbrel.store import Store

TEXT = ("Chile and Peru sign accord\n\nChile accused Peru of spying on Monday. "
        "Peru met Bolivia in La Paz on Tuesday.\n\nRelated: Bolivia protests water use")


def _ev(art, n, src, tgt, cameo, root, plover, trigger, date, *, negated=False):
    t0 = art.text.index(trigger)
    s0, t1 = art.text.rindex(src[1], 0, t0), art.text.index(tgt[1], t0)
    return Event(
        event_id=f"{art.id}-e{n}", article_id=art.id, sentence_index=n,
        source=Actor(src[0], src[1], s0, s0 + len(src[1]), src[0][:3], src[0][3:] or None, name=src[2]),
        target=Actor(tgt[0], tgt[1], t1, t1 + len(tgt[1]), tgt[0][:3], tgt[0][3:] or None, name=tgt[2]),
        cameo=cameo, cameo_root=root, quad_class=3, goldstein=-2.0 if root == "11" else 1.0,
        plover=Plover(plover, None), evidence=Evidence("sentence", 0, trigger, t0, t0 + len(trigger)),
        modality=Modality(negated=negated), date=date, coder_version="t",
    )


@pytest.fixture()
def db(tmp_path):
    art = article_from_text(TEXT, id="acc-1", published="2019-03-11")
    events = [
        _ev(art, 1, ("CHLGOV", "Chile", "Chile"), ("PER", "Peru", "Peru"), "112", "11", "ACCUSE", "accused", "2019-03-11"),
        _ev(art, 2, ("PER", "Peru", "Peru"), ("BOLGOV", "Bolivia", "Bolivia"), "040", "04", "CONSULT", "met", "2019-03-12",
            negated=True),
    ]
    path = tmp_path / "e.duckdb"
    with Store(path) as store:
        store.write_document(Document(article=art, events=events), store.begin_run("t", "t"))
    return path


def run(*args):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_table_lists_all(db):
    out = run("events", "--db", str(db)).splitlines()
    assert out[0].split()[:4] == ["DATE", "SOURCE", "CAMEO", "TARGET"]
    assert len(out) == 3 and "CHLGOV" in out[1] and "BOLGOV" in out[2] and "negated" in out[2]


@pytest.mark.parametrize("args, ids", [
    (["--actor", "PER"], ["acc-1-e1", "acc-1-e2"]),
    (["--source", "CHL"], ["acc-1-e1"]),
    (["--target", "bolivia"], ["acc-1-e2"]),
    (["--cameo", "11"], ["acc-1-e1"]),
    (["--plover", "consult"], ["acc-1-e2"]),
    (["--since", "2019-03-12"], ["acc-1-e2"]),
    (["--until", "2019-03-11"], ["acc-1-e1"]),
    (["--article", "acc-1", "--limit", "1"], ["acc-1-e1"]),
    (["--actor", "USA"], []),
])
def test_filters_json(db, args, ids):
    out = run("events", "--db", str(db), "--json", *args)
    assert [json.loads(line)["event_id"] for line in out.splitlines()] == ids


def test_csv(db):
    rows = list(csv.DictReader(io.StringIO(run("events", "--db", str(db), "--csv"))))
    assert [r["cameo"] for r in rows] == ["112", "040"]
    assert rows[0]["source_code"] == "CHLGOV" and rows[0]["trigger"] == "accused" and rows[1]["negated"] == "True"


def test_bad_date_and_missing_db(tmp_path, db):
    bad = CliRunner().invoke(main, ["events", "--db", str(db), "--since", "soon"])
    assert bad.exit_code == 1 and "YYYY-MM-DD" in bad.stderr
    missing = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "whimbrel ingest" in missing.stderr


def test_show_plain_marks_evidence(db):
    out = run("show", "acc-1", "--db", str(db))
    assert out.splitlines()[0] == "Chile and Peru sign accord"
    assert "related (not coded): Bolivia protests water use" in out
    assert "{Chile}CHLGOV [accused]E1 {Peru}PER of spying" in out
    assert "{Peru}PER [met]E2 {Bolivia}BOLGOV" in out
    assert "2 events" in out and "E1: 112 'accused'" in out


def test_show_by_prefix_and_unknown(db):
    assert "accused" in run("show", "acc", "--db", str(db))
    missing = CliRunner().invoke(main, ["show", "zzz", "--db", str(db)])
    assert missing.exit_code == 1 and "no stored article" in missing.stderr


def test_show_color_uses_ansi(db):
    out = run("show", "acc-1", "--db", str(db), "--color")
    assert "\x1b[" in out and "{Chile}" not in out
