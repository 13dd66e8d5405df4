"""Filters are text, not patterns (issue 16, item 12); exported cells never run as formulas (item 11)."""

from __future__ import annotations

import csv
import io

import pytest
from eventdb_factory import actor, article, document, event

from whimbrel.store import Store, export
from whimbrel.store.cells import spreadsheet_safe
from whimbrel.store.query import EventFilter


@pytest.fixture
def store(tmp_path):
    from dataclasses import replace

    s = Store(tmp_path / "q.duckdb")
    a = article("=HYPERLINK(\"http://evil\")", "Kim met Diaz-Canel in Pyongyang on Sunday.",
                url="=cmd|'/C calc'!A0", source="@SUM(1)")
    e1 = event(a, 0, "PRK", "CUB", "043", date="2018-11-04")
    e2 = replace(event(a, 1, "USA", "RUS", "112", date="2018-11-05"),
                 source=replace(actor("USA"), name="50% Holdings_Ltd"))
    s.write_document(document(a, [e1, e2]))
    yield s
    s.close()


def _n(store, **kw) -> int:
    return len(store.events(EventFilter(**kw)))


def test_percent_and_underscore_match_only_themselves(store):
    assert _n(store, actor="north") == 1  # a name part still matches (case-insensitive)
    assert _n(store, actor="%") == 1  # only the name that holds a "%"
    assert _n(store, actor="50% holdings_ltd") == 1
    assert _n(store, actor="n_rth") == 0 and _n(store, actor="n%h") == 0
    assert _n(store, actor="PRK") == 1 and _n(store, actor="PR") == 0  # codes: a prefix of 3+ characters
    assert _n(store, cameo="04") == 1 and _n(store, cameo="0_") == 0 and _n(store, cameo="%") == 0


@pytest.mark.parametrize("value, safe", [
    ("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("-2.0", "-2.0"), ("+1", "+1"), ("1e5", "1e5"), ("Kim", "Kim"), (-2.0, -2.0), (None, None),
])
def test_spreadsheet_safe(value, safe):
    assert spreadsheet_safe(value) == safe


def test_csv_export_neutralises_formulas_and_keeps_numbers(store):
    rows = list(csv.DictReader(io.StringIO(export.text(store.con, "csv", level="raw"))))
    assert {r["article_id"] for r in rows} == {"'=HYPERLINK(\"http://evil\")"}
    assert {r["url"] for r in rows} == {"'=cmd|'/C calc'!A0"}
    assert sorted(r["goldstein"] for r in rows) == ["-2.0", "2.8"]


def test_gdelt_export_neutralises_formulas(store):
    lines = export.text(store.con, "gdelt", level="raw").splitlines()
    cells = [c for line in lines for c in line.split("\t")]
    assert not [c for c in cells if c.startswith(("=", "@")) or (c.startswith("-") and c != "-2.0"
                                                                 and not c.lstrip("-").replace(".", "").isdigit())]
    assert any(c.startswith("'=cmd") for c in cells)
