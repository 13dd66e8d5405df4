"""bench/petrdict_unit.py's scoring of another coder's events (``--events``), on a tiny
made-up record file: reused ids get their own keys and the same exact/F1 rules apply."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "petrdict_unit.py"

XML = """<Sentences>
<Sentence date="19950101" id="A-1" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>x</Text></Sentence>
<Sentence date="19950101" id="A-1" category="AGENTS" sentence="false">
<EventCoding noevents="True"></EventCoding>
<Text>y</Text></Sentence>
<Sentence date="19950101" id="B-1" category="VERB" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="111"></EventCoding>
<Text>z</Text></Sentence>
</Sentences>
"""


def _bench():
    spec = importlib.util.spec_from_file_location("petrdict_unit", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_reused_ids_get_their_own_keys(tmp_path):
    xml = tmp_path / "r.xml"
    xml.write_text(XML)
    gold = _bench().gold_sets(xml)
    assert list(gold) == ["A-1", "A-1#2", "B-1"]
    assert gold["A-1"] == ("DEMO", {("ARN", "GON", "064")})
    assert gold["A-1#2"] == ("AGENT", set())


def test_external_events_scored_like_whimbrel(tmp_path, capsys):
    xml = tmp_path / "r.xml"
    xml.write_text(XML)
    ev = tmp_path / "ev.json"
    ev.write_text(json.dumps({"A-1": [["ARN", "GON", "064"]], "A-1#2": {"events": [], "note": "discarded"},
                              "B-1": [["ARN", "GON", "112"]]}))
    _bench().score_external(xml, ev, as_json=True)
    out = json.loads(capsys.readouterr().out)
    assert out["records"] == 3 and out["exact"] == 2
    assert out["table"]["ALL"]["tp"] == 1 and out["table"]["ALL"]["pred"] == 2
    assert out["notes"] == {"A-1#2": "discarded"}
