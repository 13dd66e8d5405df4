"""Fuzz suite of issue 16: no input stops a batch or loses good articles.

Every case of :mod:`fuzz_cases` is run through ``whimbrel ingest`` and
``whimbrel code`` (in-process, one loaded pipeline for the whole session) and
must: finish with exit code 0 and no traceback; store every good document;
record every bad one in ``failures`` with a code and a reason; print no raw
terminal control characters; leave the run marked ``done``.
"""

from __future__ import annotations

import duckdb
import pytest
from click.testing import CliRunner
from fuzz_cases import CASES

from whimbrel.cli import main

CONTROL = {chr(c) for c in range(0x20) if chr(c) not in "\n\t"} | {chr(c) for c in range(0x7f, 0xa0)}


def _clean(result) -> None:
    out = result.stdout + result.stderr
    assert "Traceback" not in out, out[-3000:]
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 0, out[-3000:]
    raw = sorted({c for c in out if c in CONTROL})
    assert not raw, f"raw control characters printed: {raw!r}"


def _build(case, tmp_path, monkeypatch):
    root = tmp_path / "in"
    root.mkdir()
    exp = case.build(root)
    if case.patch:
        case.patch(monkeypatch, root)
    return exp


def test_at_least_forty_cases():
    assert len(CASES) >= 40
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_ingest(case, tmp_path, monkeypatch):
    exp = _build(case, tmp_path, monkeypatch)
    db = tmp_path / "fuzz.duckdb"
    result = CliRunner().invoke(main, ["ingest", *exp.paths, "--db", str(db)])
    _clean(result)
    monkeypatch.undo()
    con = duckdb.connect(str(db), read_only=True)
    try:
        stored = {x for row in con.execute("SELECT article_id, origin FROM articles").fetchall() for x in row}
        failed = {d: (stage, code, reason) for d, stage, code, reason in
                  con.execute("SELECT document, stage, code, reason FROM failures").fetchall()}
        missing = exp.good - stored
        assert not missing, f"good documents not stored: {missing}; failures: {failed}"
        for doc, code in exp.bad.items():
            assert doc in failed, f"{doc} not recorded; failures: {sorted(failed)}"
            stage, got, reason = failed[doc]
            assert stage and len(reason) > 15, failed[doc]
            if code is not None:
                assert got == code, failed[doc]
        for doc in exp.either:
            assert doc in stored or doc in failed, f"{doc} neither stored nor recorded"
        assert con.execute("SELECT status FROM runs").fetchall() == [("done",)]
        if exp.check:
            exp.check(con, result)
    finally:
        con.close()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_code(case, tmp_path, monkeypatch):
    exp = _build(case, tmp_path, monkeypatch)
    result = CliRunner().invoke(main, ["code", "--json", *exp.paths])
    _clean(result)
    for doc in exp.bad:
        assert f"failed: {doc} [" in result.stderr, result.stderr[-2000:]
