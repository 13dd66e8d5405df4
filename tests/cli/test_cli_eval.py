"""``whimbrel eval``: help text, text and JSON reports."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from whimbrel.cli import main

GOLD = Path(__file__).parents[1] / "data" / "gold"


def test_eval_help():
    r = CliRunner().invoke(main, ["eval", "--help"])
    assert r.exit_code == 0 and "PLOVER" in r.output and "--json" in r.output


def test_eval_json_on_the_example():
    r = CliRunner().invoke(main, ["eval", str(GOLD / "scmp-2018-11-05-kim-diaz-canel.gold.json"), "--json"])
    assert r.exit_code == 0, r.output
    rep = json.loads(r.output)
    assert rep["levels"]["dyad_root"]["found"] >= 12
    assert {"dyad_root", "full", "plover", "source_plover"} == set(rep["levels"])


def test_eval_text_view(tmp_path):
    f = tmp_path / "g.json"
    f.write_text(json.dumps([{"id": "x1", "event": "ACCUSE", "text": "Russia condemned Turkey on Monday.",
                              "source": [{"code": "RUS"}], "target": [{"code": "TUR"}]}]), encoding="utf-8")
    r = CliRunner().invoke(main, ["eval", str(f)])
    assert r.exit_code == 0, r.output
    assert "plover" in r.output and "source_plover" in r.output


def test_eval_bad_gold_is_a_usage_error(tmp_path):
    f = tmp_path / "g.json"
    f.write_text("{}", encoding="utf-8")
    r = CliRunner().invoke(main, ["eval", str(f)])
    assert r.exit_code != 0 and "Error" in r.output
