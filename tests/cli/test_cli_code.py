"""``whimbrel code``: all formats in, table or JSON records out, failures on stderr."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from whimbrel.cli import main

INPUTS = Path(__file__).parent.parent / "data" / "inputs"
EXAMPLE = Path(__file__).parent.parent.parent / "src" / "whimbrel" / "data" / "examples" / "scmp-2018-11-05-kim-diaz-canel.txt"


def test_code_example_table(pipeline):
    result = CliRunner().invoke(main, ["code", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    head = result.stdout.splitlines()[0]
    assert head.startswith("== ") and "pledge closer relations" in head and "2018-11-05 20:04" in head


def test_code_json_lines_are_event_records(pipeline, example_gold):
    result = CliRunner().invoke(main, ["code", "--json", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    links = example_gold["metadata"]["related_links_not_body"]
    for line in result.stdout.splitlines():
        rec = json.loads(line)
        assert {"event_id", "article_id", "source", "target", "cameo", "plover", "evidence", "modality"} <= set(rec)
        for link in links:  # related-story links never give events
            assert link not in rec["evidence"]["sentence"]


def test_code_json_matches_library(pipeline):
    from whimbrel.api import code_text

    result = CliRunner().invoke(main, ["code", "--json", str(EXAMPLE)])
    lib = [e.as_dict() for e in code_text(EXAMPLE.read_text(encoding="utf-8"), pipeline=pipeline)]
    assert [json.loads(line) for line in result.stdout.splitlines()] == json.loads(json.dumps(lib))


def test_code_stdin_and_published(pipeline):
    text = (INPUTS / "plain.txt").read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["code", "-", "--published", "2019-01-20"], input=text)
    assert result.exit_code == 0, result.output
    assert "(2019-01-20 00:00" in result.stdout


def test_code_reports_failures_and_exits_zero_when_some_succeed(pipeline, tmp_path):
    shutil.copy(INPUTS / "plain.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_text("")
    result = CliRunner().invoke(main, ["code", str(tmp_path)])
    assert result.exit_code == 0
    assert "failed: " in result.stderr and "empty.txt [decode/empty]" in result.stderr
    assert "good.txt" not in result.stderr


def test_code_exits_nonzero_when_every_document_fails(pipeline, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.dat").write_bytes(b"\x00\x01" * 100)
    result = CliRunner().invoke(main, ["code", str(tmp_path)])
    assert result.exit_code == 1
    assert "all 2 documents failed" in result.stderr


def test_code_missing_path_is_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["code", str(tmp_path / "nope.txt")])
    assert result.exit_code != 0 and "no such file" in result.stderr


def test_code_bad_published_is_usage_error():
    result = CliRunner().invoke(main, ["code", str(EXAMPLE), "--published", "someday"])
    assert result.exit_code == 2 and "--published" in result.stderr
