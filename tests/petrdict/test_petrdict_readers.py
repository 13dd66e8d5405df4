"""The PETRARCH dictionary readers: entries, dated code blocks, malformed-line warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from whimbrel.petrdict.actors import actor_rows, parse_code_block
from whimbrel.petrdict.agents import agent_rows
from whimbrel.petrdict.common import ReadReport, petr_date
from whimbrel.petrdict.discards import read_discards
from whimbrel.petrdict.load import DictSpec, load_dictionaries, read_config
from whimbrel.petrdict.verbs import convert

ACTORS = """<!-- a test actor dictionary -->
ARNOR_ [ARN]
+ARNORIAN

GOLLUM  # dated roles
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]

PRESIDENT_GEORGE_W._BUSH [USAGOV 010120-090120]
BAD_ENTRY [XYZ 2001]
BROKEN [ARN
NOCODE_ACTOR

ISILDUR  [+++]
"""

AGENTS = """!PERSON! = MAN, WOMAN
POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
CONGRESS!PERSON! [~LEG]
MSF {}  [NGO~]
NO CODE HERE
"""

VERBS = """&TIETYPES
+MILITARY
+ECONOMIC

--- RESTORE  [064] ---
RESTORE {RESTORES RESTORED}
- * DIPLOMATIC TIES [064]
- * &TIETYPES TIES [065]  # RESTORE
- SAID * [010]
- * (WITH GONDOR) [066]
- * BROKEN [
--- BROKEN HEADER
STRAY
--- ATTACK [---:190] ---
ATTACK
~ a (b . ATTACK) SAY = a b 112
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_petr_dates():
    assert petr_date("950601") == "1995-06-01"
    assert petr_date("20990815") == "2099-08-15"
    assert petr_date("010230") == "2001-02-28"  # moved into range
    with pytest.raises(ValueError):
        petr_date("2001")


def test_code_blocks():
    assert parse_code_block("HOB < 950601") == ("HOB", "", "1995-06-01")
    assert parse_code_block("HOBREB >990816") == ("HOBREB", "1999-08-16", "")
    assert parse_code_block("HOBGOV 19950601 - 19990815") == ("HOBGOV", "1995-06-01", "1999-08-15")
    assert parse_code_block("AFGELI") == ("AFGELI", "", "")
    assert parse_code_block("+++") is None


def test_actor_file_dated_blocks_and_warnings(tmp_path):
    rep = ReadReport()
    rows = [r.split("\t") for r in actor_rows(_write(tmp_path, "my.actors.txt", ACTORS), rep)]
    by_id = {}
    for r in rows:
        by_id.setdefault(r[0], []).append(r)
    arn = by_id["pd-my-actors:arnor"]
    assert arn[0][1:3] == ["country", "ARN"] and arn[0][5] == "Arnor|Arnorian"
    gollum = by_id["pd-my-actors:gollum"]
    assert [(r[2], r[3], r[4]) for r in gollum] == [
        ("HOB", "", "1995-06-01"), ("HOBGOV", "1995-06-01", "1999-08-15"), ("HOBREB", "1999-08-16", "")]
    assert gollum[0][5] == "Gollum|Smeagol"
    assert [(r[2], r[3], r[4]) for r in by_id["pd-my-actors:president-george-w-bush"]] == [
        ("USAGOV", "2001-01-20", "2009-01-20")]
    msgs = [str(w) for w in rep.warnings]
    assert any(m.startswith(f"{tmp_path / 'my.actors.txt'}:12:") and "undated" in m for m in msgs)  # [XYZ 2001]
    assert any(":13:" in m and "unbalanced" in m for m in msgs)  # BROKEN [ARN
    assert any(":16:" in m and "[+++]" in m for m in msgs)
    assert any("no code block" in m for m in msgs)


def test_agent_file(tmp_path):
    rep = ReadReport()
    rows = agent_rows(_write(tmp_path, "a.txt", AGENTS), rep)
    assert "police\tCOP\tphoenix" in rows
    assert "attorneys general\tGOV\tphoenix" in rows
    assert {"congressman\tLEG\tphoenix", "congresswoman\tLEG\tphoenix"} <= set(rows)
    assert "msf\tNGO\tphoenix" in rows and rep.unsupported  # a prefix code, read as a sector
    assert [w.line for w in rep.warnings] == [6]
    assert rep.counts["agents"] == 4


def test_verb_file(tmp_path):
    rep = ReadReport()
    conv = convert(_write(tmp_path, "v.txt", VERBS), rep)
    assert ("restore", "", "RESTORE", "064", "") in conv.verbs
    pats = {(p[3], p[4], p[5], p[6]) for p in conv.patterns}
    assert ("diplomatic ties", "", "", "064") in pats
    assert ("&TIETYPES ties", "", "", "065") in pats  # a set stays a class name
    assert ("", "with", "gondor", "066") in pats
    assert ("attack", "", "ATTACK", "190", "1") in conv.verbs  # ---:190, roles reversed
    assert conv.sets["&TIETYPES"] == ["military", "economic"]
    lines = sorted(w.line for w in rep.warnings)
    assert lines == [11, 12, 13]  # pattern without a code, bad header, stray line
    assert "words before the verb (subject side)" in rep.unsupported
    assert any("transformation" in k for k in rep.unsupported)
    assert "not understood" in rep.summary()


def test_discards(tmp_path):
    d = read_discards([_write(tmp_path, "d.txt", "# c\nMONTHS LATER\n+World Golf Championships\nBASEBALL_\n")])
    assert d.match("It happened months later.", story=False) == "months later"
    assert d.match("baseballs", story=False) is None
    assert d.match("At the World Golf Championships today", story=True)


def test_config_file(tmp_path):
    for n in ("a.txt", "v.txt"):
        _write(tmp_path, n, "")
    cfg = _write(tmp_path, "dicts.ini", "[dictionaries]\nactors = a.txt\nverbs = v.txt\nonly = yes\n")
    got = read_config(cfg)
    assert got["actors"] == (tmp_path / "a.txt",) and got["verbs"] == (tmp_path / "v.txt",) and got["only"] is True
    petr = _write(tmp_path, "PETR_config.ini", "[Dictionaries]\nverbfile_name = v.txt\nactorfile_list = a.txt, a.txt\n")
    got = read_config(petr)
    assert got["verbs"] == (tmp_path / "v.txt",) and len(got["actors"]) == 2


def test_missing_file_is_a_clear_error(tmp_path):
    from whimbrel.errors import DataFileError

    with pytest.raises(DataFileError, match="not found"):
        load_dictionaries(DictSpec(verbs=(str(tmp_path / "nope.txt"),)))


def test_garbage_dictionaries_warn_and_load(tmp_path):
    """Lines of noise in every kind of file: warnings, never an exception, and the
    knowledge base and lexicon still build."""
    from whimbrel.actors.kb import load_kb
    from whimbrel.events.lexicon import load_lexicon

    noise = "\n".join(["[[[", "--- X [", "- * &NOPE_ (((", "+", "~~ [ABC >99x]", "\x00\xff bytes", "] ] ["])
    spec = DictSpec(*(tuple([str(_write(tmp_path, f"{k}.txt", noise + "\n" + text))]) for k, text in
                      (("actors", ACTORS), ("agents", AGENTS), ("verbs", VERBS), ("discards", "MONTHS LATER\n"))),
                    only=True)
    loaded = load_dictionaries(spec)
    assert loaded.report.warnings and loaded.report.counts["actors"] >= 2
    assert load_kb((), dicts=spec).lookup("Arnor")
    assert "restore" in load_lexicon((), spec).index


def test_cli_eval_with_dictionaries(tmp_path, monkeypatch):
    """``whimbrel eval`` with the dictionary options: the summary and warnings on stderr,
    the <Config> record applied (require_dyad false keeps a one-sided event)."""
    from click.testing import CliRunner

    from whimbrel.cli import main

    for var in ("WHIMBREL_DICTS", "WHIMBREL_ONLY_DICTS", *(f"WHIMBREL_DICT_{k}" for k in ("ACTORS", "AGENTS", "VERBS", "DISCARDS"))):
        monkeypatch.setenv(var, "")  # the options set them: recorded here, so they are put back after the test
        monkeypatch.delenv(var)
    monkeypatch.setenv("WHIMBREL_CACHE", str(tmp_path / "cache"))
    xml = _write(tmp_path, "records.xml", """<Validation><Sentences>
<Config option="require_dyad" value="false"></Config>
<Sentence date="19950101" id="T-1" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="---" eventcode="064"></EventCoding>
<Text>Arnor restored diplomatic ties.</Text>
</Sentence>
<Sentence date="19950101" id="T-2" category="DEMO">
<EventCoding noevents="True"></EventCoding>
<Text>It rained months later in Arnor.</Text>
</Sentence>
</Sentences></Validation>""")
    args = ["eval", str(xml), "--json", "--only-dicts",
            "--dict-actors", str(_write(tmp_path, "a.txt", ACTORS)),
            "--dict-verbs", str(_write(tmp_path, "v.txt", VERBS)),
            "--dict-discards", str(_write(tmp_path, "d.txt", "MONTHS LATER\n"))]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output + res.stderr
    assert "dictionaries: read" in res.stderr and "a.txt:12:" in res.stderr
    import json

    rep = json.loads(res.stdout)
    assert rep["levels"]["full"]["found"] == 1, rep
    assert "discard" in rep["uncoded"]["T-2"]


def test_eval_reads_the_record_files_environment(tmp_path, monkeypatch):
    """A PETRARCH record file's <Environment> names its dictionaries: eval uses them when
    none is given, as PETRARCH does."""
    from whimbrel.evaluate import evaluate

    for var in ("WHIMBREL_DICTS", "WHIMBREL_ONLY_DICTS", *(f"WHIMBREL_DICT_{k}" for k in ("ACTORS", "AGENTS", "VERBS", "DISCARDS"))):
        monkeypatch.setenv(var, "")
        monkeypatch.delenv(var)
    monkeypatch.setenv("WHIMBREL_ONLY_DICTS", "1")
    monkeypatch.setenv("WHIMBREL_CACHE", str(tmp_path / "cache"))
    _write(tmp_path, "a.txt", ACTORS)
    _write(tmp_path, "v.txt", VERBS)
    xml = _write(tmp_path, "records.xml", """<Validation>
<Environment><Verbfile>v.txt</Verbfile><Actorfile>a.txt</Actorfile><Agentfile>missing.txt</Agentfile></Environment>
<Sentences>
<Sentence date="19950101" id="T-1" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="HOB" eventcode="064"></EventCoding>
<Text>Arnor restored diplomatic ties with Gollum.</Text>
</Sentence>
</Sentences></Validation>""")
    rep = evaluate(xml)
    assert any("a.txt" in n and "v.txt" in n for n in rep.notes)
    assert any("missing.txt" in n for n in rep.notes)
    assert rep.levels["full"].tp == 1
