"""Reader rules of issue 16, each with a case where it must fire and one where it must not."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from pathlib import Path

import pytest

from whimbrel.errors import EncodingError, MalformedRecord, Unreadable
from whimbrel.ingest import build_article, expand_paths, read_path, read_paths
from whimbrel.ingest import sources
from whimbrel.ingest.dates import coerce_datetime, parse_datetime
from whimbrel.ingest.jsonl import MAX_ID_CHARS, article_from_record
from whimbrel.ingest.sources import iter_lines, iter_paths, shown
from whimbrel.model import Article, Failure

TEXT = "France criticised Germany over trade talks on Monday."


def record(**fields) -> Article:
    return article_from_record({"text": TEXT, **fields}, document="f.jsonl:1", max_bytes=10_000)


# -- 1. field types ---------------------------------------------------------------------

@pytest.mark.parametrize("rid, stored", [("abc", "abc"), (42, "42"), (12345678901234567890, "12345678901234567890")])
def test_ids_that_are_strings_or_integers_are_kept(rid, stored):
    assert record(id=rid).id == stored


@pytest.mark.parametrize("rid", [1.5, 3.0, True, {"a": 1}, [1], float("nan"), float("inf")])
def test_other_ids_are_malformed_records(rid):
    with pytest.raises(MalformedRecord, match="'id' must be a string or an integer"):
        record(id=rid)


def test_id_length_limit():
    assert record(id="x" * MAX_ID_CHARS).id == "x" * MAX_ID_CHARS
    with pytest.raises(MalformedRecord, match="characters long"):
        record(id="x" * (MAX_ID_CHARS + 1))


@pytest.mark.parametrize("field", ["url", "title", "source", "author", "published", "date"])
def test_metadata_must_be_strings(field):
    assert isinstance(record(**{field: None}), Article)  # null is "not given"
    with pytest.raises(MalformedRecord, match=f"'{field}' must be"):
        record(**{field: 12345})


def test_string_metadata_is_kept():
    a = record(url="https://x.example/a", source="Wire", title="Talks", author="A. Writer", published="2018-11-05")
    assert (a.url, a.source, a.title, a.author, a.published) == (
        "https://x.example/a", "Wire", "Talks", "A. Writer", dt.datetime(2018, 11, 5))


# -- 2. strict UTF-8 ----------------------------------------------------------------------

@pytest.mark.parametrize("field", ["text", "id", "title", "url", "source", "author"])
def test_lone_surrogates_are_encoding_failures(field):
    fields = {field: "Kim met Putin \udc80 today."}
    with pytest.raises(EncodingError, match="unpaired surrogate"):
        record(**fields)


def test_paired_surrogates_from_json_are_text():
    rec = json.loads('{"id": "e", "text": "France met Germany \\ud83d\\ude00."}')
    assert "\U0001F600" in article_from_record(rec, document="d", max_bytes=10_000).text


def test_build_article_refuses_surrogates_from_python_callers():
    with pytest.raises(EncodingError):
        build_article(body=["Kim met \ud800 Putin."])
    assert build_article(body=["Kim met Putin."]).text == "Kim met Putin."


# -- JSON that json.loads cannot take ----------------------------------------------------------

def test_deep_nesting_and_huge_integers_are_malformed_records(tmp_path):
    p = tmp_path / "odd.jsonl"
    p.write_text("[" * 100_000 + "]" * 100_000 + "\n" + '{"id": %s, "text": "x"}\n' % ("9" * 5000)
                 + json.dumps({"id": "ok", "text": TEXT}) + "\n")
    first, second, third = read_path(str(p))
    assert isinstance(first, Failure) and first.code == "malformed_record" and "deeply" in first.reason
    assert isinstance(second, Failure) and second.code == "malformed_record"
    assert third.id == "ok"


def test_deep_json_file(tmp_path):
    p = tmp_path / "deep.json"
    p.write_text("[" * 100_000 + "]" * 100_000)
    (f,) = read_path(str(p))
    assert isinstance(f, Failure) and f.code == "malformed_record"


# -- 3. file names ----------------------------------------------------------------------------

def test_undecodable_file_names_are_shown_escaped_and_still_read(tmp_path):
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(raw, "wb") as fh:
        fh.write(TEXT.encode())
    (article,) = read_paths([str(tmp_path)])
    assert article.origin == str(tmp_path / "caf\\xe9.txt")
    assert shown(str(tmp_path / "plain.txt")) == str(tmp_path / "plain.txt")  # a UTF-8 name is unchanged


# -- 6. bytes per input ------------------------------------------------------------------------

def _lines(data: bytes, *, max_bytes=100, max_input_bytes=10**9, gz=False, monkeypatch=None):
    path = "in.jsonl"
    import io

    stream = sources.GzipInput(io.BytesIO(gzip.compress(data))) if gz else io.BufferedReader(io.BytesIO(data))
    return list(iter_lines(stream, max_bytes=max_bytes, max_input_bytes=max_input_bytes, document=path))


def test_line_numbers_survive_blank_runs_crlf_and_chunks(monkeypatch):
    monkeypatch.setattr(sources, "CHUNK", 7)  # lines cross chunk boundaries
    data = b"\n\n\n" + b"{\"a\": 1}\r\n" + b"\n" * 20 + b"{\"b\": 22222}\n" + b"   \n" + b"{\"c\": 3}"
    got = [(n, line.strip()) for n, line in _lines(data)]
    assert got == [(4, b'{"a": 1}'), (25, b'{"b": 22222}'), (27, b'{"c": 3}')]


def test_over_long_lines_are_skipped_across_chunks(monkeypatch):
    monkeypatch.setattr(sources, "CHUNK", 16)
    data = b"short\n" + b"x" * 200 + b"\n" + b"after\n" + b"y" * 300
    got = _lines(data, max_bytes=50)
    assert got[0] == (1, b"short") and got[2] == (3, b"after")
    assert got[1][0] == 2 and got[1][1].code == "too_large"
    assert got[3][0] == 4 and got[3][1].code == "too_large"


def test_per_input_byte_limit():
    data = b'{"a": 1}\n' * 100
    assert len(_lines(data, max_input_bytes=10_000)) == 100  # under the limit: every line
    got = _lines(data, max_input_bytes=500)
    assert got[-1][1].code == "too_large" and "WHIMBREL_MAX_INPUT_BYTES" in got[-1][1].message
    assert got[-1][1].document == "in.jsonl"


def test_gzip_expansion_ratio(monkeypatch):
    monkeypatch.setattr(sources, "GZIP_RATIO_FLOOR", 1000)
    bomb = _lines(b"\n" * 5_000_000 + b'{"late": 1}\n', gz=True)
    assert len(bomb) == 1 and bomb[0][1].code == "too_large" and "gzip bomb" in bomb[0][1].message
    # text expands a few times: never refused, whatever its size
    text = "".join(json.dumps({"id": i, "text": f"Report {i * 7919 % 10007} on talks in {i % 97}."}) + "\n"
                   for i in range(3000)).encode()
    assert len(_lines(text, gz=True)) == 3000


def test_gzip_bomb_file_stops_fast_and_keeps_records_before_it(tmp_path):
    p = tmp_path / "b.jsonl.gz"
    comp = gzip.compress(json.dumps({"id": "first", "text": TEXT}).encode() + b"\n" + b"\n" * (40 << 20))
    p.write_bytes(comp)
    first, second = read_path(str(p))
    assert first.id == "first"
    assert isinstance(second, Failure) and second.code == "too_large" and second.document == str(p)


# -- 7. globs and directories -----------------------------------------------------------------

def _tree(root: Path) -> None:
    (root / "a" / "b").mkdir(parents=True)
    (root / ".hidden").mkdir()
    for p in ("top.txt", "a/one.txt", "a/b/two.txt", "a/b/two.json", ".hidden/h.txt", "a/.dot.txt"):
        (root / p).write_text(TEXT)
    os.symlink(str(root), root / "a" / "loop")  # a cycle
    os.symlink("..", root / "a" / "b" / "up")


def test_double_star_glob_does_not_follow_links(tmp_path):
    _tree(tmp_path)
    got = expand_paths([str(tmp_path / "**" / "*.txt")])
    assert sorted(Path(p).relative_to(tmp_path).as_posix() for p in got) == ["a/b/two.txt", "a/one.txt", "top.txt"]


def test_glob_matches_like_the_shell(tmp_path, monkeypatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert expand_paths(["a/*.txt"]) == ["a/one.txt"]  # relative in, relative out; no dot files
    assert expand_paths(["a/.*.txt"]) == ["a/.dot.txt"]  # a dotted pattern part matches dot files
    assert expand_paths(["*/b/two.*"]) == ["a/b/two.json", "a/b/two.txt"]
    assert expand_paths(["a/b"]) == ["a/b/two.json", "a/b/two.txt"]  # a directory, read whole


def test_unreadable_directory_is_reported_in_order(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(TEXT)
    (tmp_path / "shut").mkdir()
    (tmp_path / "shut" / "b.txt").write_text(TEXT)
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("shut"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(iter_paths([str(tmp_path)]))
    assert items[0] == str(tmp_path / "ok" / "a.txt")
    assert isinstance(items[1], Unreadable) and items[1].document == str(tmp_path / "shut")
    assert expand_paths([str(tmp_path)]) == [str(tmp_path / "ok" / "a.txt")]
    failures = [f for f in read_paths([str(tmp_path / "*")]) if isinstance(f, Failure)]
    assert [(f.document, f.code) for f in failures] == [(str(tmp_path / "shut"), "unreadable")]


# -- 10. impossible dates -----------------------------------------------------------------------

@pytest.mark.parametrize("text", ["0001-01-01", "9999-12-31T23:59:59", "1599-12-31", "2201-01-01", "2018-13"])
def test_impossible_publication_dates_are_ignored(text):
    assert coerce_datetime(text) is None


@pytest.mark.parametrize("text, year", [("1600-01-01", 1600), ("2200-12-31", 2200), ("2018-11", 2018)])
def test_possible_publication_dates_are_kept(text, year):
    assert coerce_datetime(text).year == year


def test_impossible_dates_as_objects_and_header_lines():
    assert coerce_datetime(dt.date(1, 1, 1)) is None and coerce_datetime(dt.datetime(9999, 1, 1)) is None
    assert parse_datetime("0001-01-01", strict=True) is None
    assert coerce_datetime(1541448000) is None  # a number is not a date string
