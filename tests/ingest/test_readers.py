"""Readers for every format and source, and a Failure (never an exception) for bad documents."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import shutil
from pathlib import Path

import pytest

from whimbrel.errors import UsageError
from whimbrel.ingest import expand_paths, read_path, read_paths
from whimbrel.model import Article, Failure

INPUTS = Path(__file__).parent.parent / "data" / "inputs"


def _one(path, **kw):
    (item,) = list(read_path(str(path), **kw))
    return item


def test_html_page_metadata_body_and_related():
    art = _one(INPUTS / "page.html")
    assert isinstance(art, Article) and art.format == "html"
    assert art.title == "Chile and Peru sign trade accord"
    assert art.published == dt.datetime(2019, 3, 14, 9, 30)
    assert art.author == "John Roe"
    assert art.source == "Example News"
    assert art.url == "https://news.example.org/world/chile-peru-trade"
    assert art.related == ("Bolivia protests Chilean water use in border river",)
    assert "Home" not in art.text and "Copyright" not in art.text
    assert [p.kind for p in art.paragraphs] == ["headline", "body", "body", "body"]


def test_jsonl_records_text_html_and_sentence_only():
    items = list(read_path(str(INPUTS / "records.jsonl")))
    assert [i.id for i in items] == ["rec-text", "rec-html", "sent-0001"]
    text, html, sent = items
    assert text.title == "Iran criticises US over sanctions" and text.source == "Example Wire"
    assert text.published == dt.datetime(2019, 5, 2, 10, 0) and text.url == "https://x.example/a"
    assert text.origin.endswith("records.jsonl:1")
    assert html.format == "html" and "Japan hosted talks" in html.text and html.published == dt.datetime(2019, 5, 3)
    assert sent.text == "Russian troops shelled Ukrainian positions near Donetsk."
    assert [p.kind for p in sent.paragraphs] == ["body"]


def test_gzip_is_transparent_and_same_article(tmp_path):
    gz = tmp_path / "page.txt.gz"
    gz.write_bytes(gzip.compress((INPUTS / "guardian-style.txt").read_bytes()))
    jgz = tmp_path / "records.jsonl.gz"
    jgz.write_bytes(gzip.compress((INPUTS / "records.jsonl").read_bytes()))
    plain = _one(INPUTS / "guardian-style.txt")
    zipped = _one(gz)
    assert zipped.id == plain.id and zipped.content_hash == plain.content_hash
    assert [a.id for a in read_path(str(jgz))] == ["rec-text", "rec-html", "sent-0001"]


def test_format_sniffed_without_suffix(tmp_path):
    (tmp_path / "a").write_bytes((INPUTS / "records.jsonl").read_bytes())
    (tmp_path / "b").write_bytes((INPUTS / "page.html").read_bytes())
    assert [i.format for i in read_path(str(tmp_path / "a"))] == ["jsonl", "html", "jsonl"]
    assert _one(tmp_path / "b").format == "html"


def test_directory_recursive_glob_and_missing(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    shutil.copy(INPUTS / "plain.txt", tmp_path / "sub" / "deeper" / "p.txt")
    shutil.copy(INPUTS / "guardian-style.txt", tmp_path / "g.txt")
    (tmp_path / ".hidden").write_text("not read")
    assert len(expand_paths([str(tmp_path)])) == 2
    assert [Path(p).name for p in expand_paths([str(tmp_path / "**" / "*.txt")])] == ["g.txt", "p.txt"]
    assert len(list(read_paths([str(tmp_path)]))) == 2
    with pytest.raises(UsageError, match="no such file"):
        expand_paths([str(tmp_path / "missing.txt")])
    with pytest.raises(UsageError, match="no file matches"):
        expand_paths([str(tmp_path / "*.nothing")])


def test_json_file_with_a_list_of_records(tmp_path):
    p = tmp_path / "batch.json"
    p.write_text(json.dumps([{"id": "a", "text": "Chile protested."}, {"id": "b", "text": "Peru answered."}]))
    assert [a.id for a in read_path(str(p))] == ["a", "b"]


def test_jsonl_published_fallback(tmp_path):
    p = tmp_path / "s.jsonl"
    p.write_text('{"id": "s1", "text": "Chile protested."}\n{"id": "s2", "text": "Peru answered.", "published": "2001-02-03"}\n')
    a, b = read_path(str(p), published="2019-01-01")
    assert a.published == dt.datetime(2019, 1, 1) and b.published == dt.datetime(2001, 2, 3)


# -- bad documents: one Failure each, with the document, the stage, a code and a reason ----------

def bad_corpus(root: Path) -> dict[str, tuple[str, str]]:
    """Write one bad document per case; returns {document: (stage, code)} expected."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_bytes(b"  \n\n \n")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (root / "nul.txt").write_bytes(b"abc\x00\x01\x02def" * 100)
    (root / "latin1.txt").write_bytes("Le pr\u00e9sident a rencontr\u00e9 Kim \u00e0 P\u00e9kin.".encode("latin-1"))
    whole = gzip.compress(("Chile protested to Peru on Monday. " * 400).encode())
    (root / "cut.txt.gz").write_bytes(whole[: len(whole) // 2])
    (root / "fake.txt.gz").write_bytes(b"plain text, not gzip")
    (root / "big.txt").write_bytes(("Chile protested to Peru on Monday. " * 200).encode())  # 7000 bytes
    (root / "mixed.jsonl").write_text(
        '{"id": "good-1", "text": "Chile protested to Peru on Monday."}\n'
        '{"id": "broken", "text": "unterminated\n'
        '["not", "an", "object"]\n'
        '{"id": "no-text", "title": "only a title"}\n'
        '{"id": "good-2", "text": "Peru answered Chile on Tuesday."}\n',
        encoding="utf-8",
    )
    return {
        str(root / "empty.txt"): ("decode", "empty"),
        str(root / "blank.txt"): ("decode", "empty"),
        str(root / "image.png"): ("decode", "binary"),
        str(root / "nul.txt"): ("decode", "binary"),
        str(root / "latin1.txt"): ("decode", "encoding"),
        str(root / "cut.txt.gz"): ("read", "corrupt_archive"),
        str(root / "fake.txt.gz"): ("read", "corrupt_archive"),
        str(root / "big.txt"): ("read", "too_large"),
        str(root / "mixed.jsonl") + ":2": ("parse", "malformed_record"),
        str(root / "mixed.jsonl") + ":3": ("parse", "malformed_record"),
        str(root / "mixed.jsonl") + ":4": ("parse", "malformed_record"),
    }


def test_every_bad_document_is_a_failure_with_reason(tmp_path):
    expected = bad_corpus(tmp_path / "bad")
    items = list(read_paths([str(tmp_path / "bad")], max_bytes=5000))
    failures = {f.document: f for f in items if isinstance(f, Failure)}
    articles = [a.id for a in items if isinstance(a, Article)]
    assert articles == ["good-1", "good-2"]  # the rest of the JSONL file is read
    assert set(failures) == set(expected)
    for doc, (stage, code) in expected.items():
        f = failures[doc]
        assert (f.stage, f.code) == (stage, code), doc
        assert len(f.reason) > 15 and f.origin
    # reasons say what to do
    assert "iconv" in failures[str(tmp_path / "bad" / "latin1.txt")].reason
    assert "WHIMBREL_MAX_BYTES" in failures[str(tmp_path / "bad" / "big.txt")].reason
    assert "line 2" in failures[str(tmp_path / "bad" / "mixed.jsonl") + ":2"].reason


def test_truncated_jsonl_gz_keeps_the_lines_before_the_cut(tmp_path):
    lines = "".join(json.dumps({"id": f"r{i}", "text": f"Chile protested to Peru {i} times." * 20}) + "\n" for i in range(50))
    whole = gzip.compress(lines.encode())
    p = tmp_path / "cut.jsonl.gz"
    p.write_bytes(whole[: int(len(whole) * 0.6)])
    items = list(read_path(str(p)))
    assert isinstance(items[-1], Failure) and items[-1].code == "corrupt_archive"
    good = [i for i in items if isinstance(i, Article)]
    assert 0 < len(good) < 50 and good[0].id == "r0"


def test_over_long_jsonl_line_is_skipped_not_held(tmp_path):
    p = tmp_path / "long.jsonl"
    p.write_text(json.dumps({"id": "huge", "text": "x " * 5000}) + "\n" + json.dumps({"id": "ok", "text": "Fine."}) + "\n")
    first, second = read_path(str(p), max_bytes=2000)
    assert isinstance(first, Failure) and first.code == "too_large" and first.document.endswith(":1")
    assert second.id == "ok"
