"""Hostile and odd inputs for the fuzz suite (issue 16), each next to good documents.

Each case writes its files under a directory and says what must happen:

* ``good``: documents that must be stored (an article whose ``origin`` or
  ``article_id`` is the given string);
* ``bad``: documents that must be recorded in ``failures`` with a reason
  (``document -> expected code``; ``None`` accepts any code);
* ``either``: documents that may be stored or recorded, but must be one of them.

Good documents sit in the same file and the same batch as the bad ones, so a
bad input that aborted the batch would lose them. Inputs are small: the whole
suite codes a few hundred short sentences with one loaded pipeline.
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

GOOD_TEXTS = (
    "France criticised Germany over trade talks on Monday, officials said.",
    "Japan hosted talks with South Korea in Tokyo on Friday.",
    "Kenya accused Uganda of violating the border agreement.",
)


@dataclass
class Expect:
    paths: list[str]
    good: set[str] = field(default_factory=set)
    bad: dict[str, str | None] = field(default_factory=dict)
    either: set[str] = field(default_factory=set)
    #: extra checks on the stored database (a read-only DuckDB connection)
    check: Callable | None = None


@dataclass(frozen=True)
class Case:
    name: str
    #: the issue's item number; "ok" for inputs that already passed before issue 16; "new" for
    #: inputs that failed before and that the issue did not list (found by this suite)
    item: str
    build: Callable[[Path], Expect]
    #: patch applied in-process while the case runs (monkeypatch, root) -> None
    patch: Callable | None = None


def good_record(name: str, n: int) -> str:
    return json.dumps({"id": f"{name}-good-{n}", "text": GOOD_TEXTS[n % len(GOOD_TEXTS)]})


def sandwich(name: str, bad_line: str | bytes, *, code: str | None = "malformed_record",
             good_bad: bool = False, suffix: str = ".jsonl", check=None, item: str = "ok") -> Case:
    """A JSONL file: a good record, the odd line, another good record.

    ``good_bad=True``: the odd line is acceptable and must be stored (its
    origin is ``<file>:2``) rather than recorded.
    """

    def build(root: Path) -> Expect:
        path = root / f"{name}{suffix}"
        odd = bad_line if isinstance(bad_line, bytes) else bad_line.encode("utf-8")
        path.write_bytes(b"\n".join([good_record(name, 1).encode(), odd, good_record(name, 2).encode()]) + b"\n")
        exp = Expect(paths=[str(path)], good={f"{name}-good-1", f"{name}-good-2"}, check=check)
        if good_bad:
            exp.good.add(f"{path}:2")
        else:
            exp.bad[f"{path}:2"] = code
        return exp

    return Case(name, item, build)


def rec(**fields) -> str:
    return json.dumps(fields, allow_nan=True)


def _with_item(case: Case, item: str) -> Case:
    return Case(case.name, item, case.build, case.patch)


def _good_file(root: Path, name: str = "good.txt") -> str:
    path = root / name
    path.write_text(GOOD_TEXTS[0] + "\n", encoding="utf-8")
    return str(path)


def file_case(name: str, item: str, filename: str, content: bytes, code: str | None) -> Case:
    """A directory holding a good text file and one odd file."""

    def build(root: Path) -> Expect:
        d = root / name
        d.mkdir()
        good = _good_file(d, "a-good.txt")
        bad = d / filename
        bad.write_bytes(content)
        exp = Expect(paths=[str(d)], good={good})
        if code == "good":
            exp.good.add(str(bad))
        elif code == "either":
            exp.either.add(str(bad))
        else:
            exp.bad[str(bad)] = code
        return exp

    return Case(name, item, build)


# -- builders that need more than a file -------------------------------------------

def _bad_filename(root: Path) -> Expect:
    d = root / "names"
    d.mkdir()
    good = _good_file(d, "a-good.txt")
    raw = os.path.join(os.fsencode(d), b"caf\xe9-\xff.txt")  # Latin-1 bytes: not valid UTF-8
    with open(raw, "wb") as fh:
        fh.write(GOOD_TEXTS[1].encode())
    shown = str(d / "caf\\xe9-\\xff.txt")
    return Expect(paths=[str(d)], good={good, shown})


def _escape_filename(root: Path) -> Expect:
    d = root / "esc"
    d.mkdir()
    good = _good_file(d, "a-good.txt")
    odd = d / "red\x1b[31m\x07name.txt"
    odd.write_text(GOOD_TEXTS[2], encoding="utf-8")
    return Expect(paths=[str(d)], good={good, str(odd)})


def _symlink_loop(root: Path) -> Expect:
    d = root / "loop"
    (d / "sub").mkdir(parents=True)
    good = _good_file(d / "sub", "a-good.txt")
    os.symlink("..", d / "sub" / "up")  # sub/up -> loop (a cycle)
    os.symlink(str(d), d / "self")
    return Expect(paths=[str(d / "**" / "*.txt")], good={good})


def _unreadable_dir(root: Path) -> Expect:
    d = root / "perm"
    (d / "locked").mkdir(parents=True)
    good = _good_file(d, "a-good.txt")
    (d / "locked" / "x.txt").write_text(GOOD_TEXTS[0])
    os.chmod(d / "locked", 0)
    return Expect(paths=[str(d)], good={good}, bad={str(d / "locked"): "unreadable"})


def _deny_locked(monkeypatch, root: Path) -> None:
    """Root reads every directory: make ``locked`` unreadable for this process as a user would see it."""
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith(os.sep + "locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def _gz_bomb(root: Path) -> Expect:
    """Newlines only: a small .jsonl.gz that expands about 1000 times (the issue's was 1.1 MB -> 1.1 GB)."""
    d = root / "bomb"
    d.mkdir()
    good = d / "a-good.jsonl"
    good.write_text(good_record("bomb", 1) + "\n")
    path = d / "nl.jsonl.gz"
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\n" * (1 << 20)
    with open(path, "wb") as fh:
        for _ in range(400):  # 400 MB of newlines
            fh.write(comp.compress(chunk))
        fh.write(comp.flush())
    return Expect(paths=[str(d)], good={"bomb-good-1"}, bad={str(path): "too_large"})


def _big_for_spacy(root: Path) -> Expect:
    """Over spaCy's max_length (1,000,000 characters) but under the 5 MB size limit."""
    path = root / "long.jsonl"
    long_text = ("Chile protested to Peru on Monday. " * 30000)[:1_050_000]
    lines = [good_record("long", 1), json.dumps({"id": "long-odd", "text": long_text}), good_record("long", 2)]
    path.write_text("\n".join(lines) + "\n")
    return Expect(paths=[str(path)], good={"long-good-1", "long-good-2"}, bad={"long-odd": "too_large"})


def _over_max_bytes(root: Path) -> Expect:
    path = root / "huge.jsonl"
    lines = [good_record("huge", 1), json.dumps({"id": "huge-odd", "text": "Peace. " * 800_000}), good_record("huge", 2)]
    path.write_text("\n".join(lines) + "\n")
    return Expect(paths=[str(path)], good={"huge-good-1", "huge-good-2"}, bad={f"{path}:2": "too_large"})


def _deep_json_file(root: Path) -> Expect:
    d = root / "deepjson"
    d.mkdir()
    good = _good_file(d, "a-good.txt")
    path = d / "deep.json"
    path.write_text("[" * 200_000 + "]" * 200_000)
    return Expect(paths=[str(d)], good={good}, bad={str(path): "malformed_record"})


def _json_list_mixed(root: Path) -> Expect:
    path = root / "list.json"
    recs = [{"id": "jl-good-1", "text": GOOD_TEXTS[0]}, {"id": ["x"], "text": GOOD_TEXTS[1]},
            {"id": "jl-good-2", "text": GOOD_TEXTS[2], "url": 7}, {"id": "jl-good-3", "text": GOOD_TEXTS[1]}]
    path.write_text(json.dumps(recs))
    return Expect(paths=[str(path)], good={"jl-good-1", "jl-good-3"},
                  bad={f"{path}:2": "malformed_record", f"{path}:3": "malformed_record"})


def _duplicate_ids(root: Path) -> Expect:
    path = root / "dups.jsonl"
    lines = [json.dumps({"id": "dup", "text": GOOD_TEXTS[0]}), json.dumps({"id": "dup", "text": GOOD_TEXTS[1]}),
             good_record("dups", 1)]
    path.write_text("\n".join(lines) + "\n")

    def check(con, res):
        assert con.execute("SELECT text FROM articles WHERE article_id = 'dup'").fetchall() == [(GOOD_TEXTS[1],)]

    return Expect(paths=[str(path)], good={"dup", "dups-good-1"}, check=check)


def _published_check(name: str, expect_none: bool):
    def check(con, res):
        (pub,) = con.execute("SELECT published FROM articles WHERE ends_with(origin, ?)",
                             [f"{name}.jsonl:2"]).fetchone()
        assert (pub is None) == expect_none, pub

    return check


def _header_year_one(root: Path) -> Expect:
    d = root / "year1"
    d.mkdir()
    path = d / "page.txt"
    path.write_text("Kim meets Putin in Vladivostok\n\n0001-01-01\n\n" + GOOD_TEXTS[0] + "\n", encoding="utf-8")
    return Expect(paths=[str(d)], good={str(path)})


def _text_far_dates(root: Path) -> Expect:
    path = root / "fardates.jsonl"
    lines = [good_record("far", 1),
             json.dumps({"id": "far-odd", "published": "2018-11-05",
                         "text": "France will meet Germany on 31 December 9999. Kenya met Uganda in the year 1."}),
             good_record("far", 2)]
    path.write_text("\n".join(lines) + "\n")
    return Expect(paths=[str(path)], good={"far-good-1", "far-good-2", "far-odd"})


def _unknown_failure_in_parser(monkeypatch, root: Path) -> None:
    """spaCy raising inside nlp.pipe on one text (any internal error): only that document fails."""
    from spacy.language import Language

    from whimbrel.gate import GatedNLP  # the gated parse (WHIMBREL_GATE=1) does not call Language.pipe
    from whimbrel.nergate import NerGatedNLP  # nor the NER-gated pass

    for cls in (Language, GatedNLP, NerGatedNLP):
        monkeypatch.setattr(cls, "pipe", _poisoned(cls.pipe))


def _poisoned(real):
    """``real`` (an nlp.pipe) that raises inside the parser on a text holding POISON."""

    def pipe(self, texts, *a, **kw):
        texts = list(texts)
        if any("POISON" in t for t in texts):
            def gen():
                for t in texts:
                    if "POISON" in t:
                        raise RuntimeError("parser blew up")
                    yield from real(self, [t], *a, **kw)
            return gen()
        return real(self, texts, *a, **kw)

    return pipe


def _poison(root: Path) -> Expect:
    path = root / "poison.jsonl"
    lines = [good_record("poison", 1), json.dumps({"id": "poison-odd", "text": "POISON pill text here."}),
             good_record("poison", 2)]
    path.write_text("\n".join(lines) + "\n")
    return Expect(paths=[str(path)], good={"poison-good-1", "poison-good-2"}, bad={"poison-odd": "internal"})


def _stdin_like_dash_file(root: Path) -> Expect:
    d = root / "dash"
    d.mkdir()
    path = d / "-"
    path.write_text(GOOD_TEXTS[0])
    return Expect(paths=[str(d)], good={str(path)})


def _bom_crlf(root: Path) -> Expect:
    path = root / "crlf.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + good_record("crlf", 1).encode() + b"\r\n\r\n"
                     + good_record("crlf", 2).encode() + b"\r\n")
    return Expect(paths=[str(path)], good={"crlf-good-1", "crlf-good-2"})


def gz(data: bytes) -> bytes:
    return gzip.compress(data)


SUR = '"\\udc80"'  # a lone surrogate, as a JSON escape

CASES: list[Case] = [
    # -- 1. field types ---------------------------------------------------------------
    _with_item(sandwich("url_int", rec(id="u", text=GOOD_TEXTS[0], url=12345)), "1"),
    _with_item(sandwich("source_int", rec(id="s", text=GOOD_TEXTS[0], source=12345)), "1"),
    _with_item(sandwich("source_list", rec(id="s", text=GOOD_TEXTS[0], source=["a", "b"])), "1"),
    _with_item(sandwich("title_list", rec(id="t", text=GOOD_TEXTS[0], title=["x"])), "1"),
    _with_item(sandwich("author_dict", rec(id="a", text=GOOD_TEXTS[0], author={"n": 1})), "1"),
    _with_item(sandwich("published_int", rec(id="p", text=GOOD_TEXTS[0], published=1541448000)), "1"),
    _with_item(sandwich("published_list", rec(id="p", text=GOOD_TEXTS[0], published=["2018"])), "1"),
    _with_item(sandwich("id_object", rec(id={"a": 1}, text=GOOD_TEXTS[0])), "1"),
    _with_item(sandwich("id_list", rec(id=[1, 2], text=GOOD_TEXTS[0])), "1"),
    _with_item(sandwich("id_nan", '{"id": NaN, "text": "%s"}' % GOOD_TEXTS[0]), "1"),
    _with_item(sandwich("id_infinity", '{"id": -Infinity, "text": "%s"}' % GOOD_TEXTS[0]), "1"),
    _with_item(sandwich("id_float", rec(id=1.5, text=GOOD_TEXTS[0])), "1"),
    _with_item(sandwich("id_bool", rec(id=True, text=GOOD_TEXTS[0])), "1"),
    _with_item(sandwich("id_too_long", rec(id="x" * 5000, text=GOOD_TEXTS[0])), "1"),
    _with_item(sandwich("id_4301_digits", '{"id": %s, "text": "x"}' % ("9" * 4301)), "1"),
    _with_item(sandwich("article_id_dict", rec(article_id={"x": 1}, text=GOOD_TEXTS[0])), "1"),
    _with_item(sandwich("html_int", rec(id="h", html=5)), "1"),
    _with_item(sandwich("text_list", rec(id="t", text=["a"])), "1"),
    # -- 2. lone surrogates -----------------------------------------------------------
    _with_item(sandwich("surrogate_text", '{"id": "st", "text": "Kim met Putin \\udc80 today."}', code="encoding"), "2"),
    _with_item(sandwich("surrogate_id", '{"id": %s, "text": "%s"}' % (SUR, GOOD_TEXTS[0]), code="encoding"), "2"),
    _with_item(sandwich("surrogate_title", '{"id": "x", "title": %s, "text": "%s"}' % (SUR, GOOD_TEXTS[0]),
                        code="encoding"), "2"),
    _with_item(sandwich("surrogate_url", '{"id": "x", "url": %s, "text": "%s"}' % (SUR, GOOD_TEXTS[0]),
                        code="encoding"), "2"),
    _with_item(sandwich("surrogate_html", '{"id": "x", "html": "<p>Kim met Putin \\ud800 here.</p>"}',
                        code="encoding"), "2"),
    # -- 3. file names ----------------------------------------------------------------
    Case("filename_not_utf8", "3", _bad_filename),
    Case("filename_with_escapes", "3/11", _escape_filename),
    # -- 4. over spaCy's max_length, and a parser error inside a batch -------------------
    Case("over_spacy_max_length", "4", _big_for_spacy),
    Case("parser_raises_on_one_document", "4", _poison, patch=_unknown_failure_in_parser),
    # -- 6, 7. whole inputs -------------------------------------------------------------
    Case("gz_bomb_of_newlines", "6", _gz_bomb),
    Case("glob_over_symlink_loop", "7", _symlink_loop),
    Case("unreadable_subdirectory", "7", _unreadable_dir, patch=_deny_locked),
    # -- 10. dates ---------------------------------------------------------------------
    _with_item(sandwich("published_year_1", rec(id="sr-odd", text=GOOD_TEXTS[0], published="0001-01-01"),
                        good_bad=True, check=_published_check("published_year_1", True)), "10"),
    _with_item(sandwich("published_year_9999", rec(id="x", text=GOOD_TEXTS[0], published="9999-12-31T23:59:59"),
                        good_bad=True, check=_published_check("published_year_9999", True)), "10"),
    Case("header_date_year_1", "10", _header_year_one),
    Case("text_dates_year_1_and_9999", "10", _text_far_dates),
    # -- 11. terminal escapes in what gets printed ----------------------------------------
    _with_item(sandwich("escape_in_id_title", rec(id="\x1b[2J\x1b]0;pwned\x07", title="\x1b[31mred\x9b1m",
                                                  text=GOOD_TEXTS[0]), good_bad=True), "11"),
    # -- already passing before issue 16 (kept so they stay that way), and "new" finds --------
    sandwich("not_json", '{"id": oops}'),
    sandwich("not_an_object", "[1, 2, 3]"),
    sandwich("json_string", '"just a string"'),
    sandwich("no_text", rec(id="n", title="only a title")),
    sandwich("empty_text", rec(id="e", text=""), code="malformed_record"),
    sandwich("whitespace_text", rec(id="w", text="   \n\t  "), code="empty"),
    sandwich("invalid_utf8_line", b'{"id": "b", "text": "caf\xe9"}', code="encoding"),
    sandwich("deep_nesting_line", "[" * 100_000 + "]" * 100_000, item="new"),
    sandwich("nul_and_controls_in_text", rec(id="x", text="France\u0000 met\u0007 Germany."), good_bad=True),
    sandwich("paired_surrogates_emoji", '{"id": "x", "text": "France met Germany \\ud83d\\ude00."}', good_bad=True),
    sandwich("surrogate_in_unknown_key", '{"\\udc80": 1, "id": "x", "text": "%s"}' % GOOD_TEXTS[0], good_bad=True),
    sandwich("id_integer", rec(id=12345678901234567890, text=GOOD_TEXTS[0]), good_bad=True),
    sandwich("id_empty_string", rec(id="", text=GOOD_TEXTS[0]), good_bad=True),
    sandwich("published_garbage", rec(id="x", text=GOOD_TEXTS[0], published="sometime soon"), good_bad=True),
    sandwich("published_offset", rec(id="x", text=GOOD_TEXTS[0], published="2018-11-05T20:04:00+14:00"),
             good_bad=True),
    sandwich("html_script_only", rec(id="h", html="<html><script>x()</script></html>"), code="empty"),
    sandwich("bidi_override_id", rec(id="\u202eevil\u202c", text=GOOD_TEXTS[0]), good_bad=True),
    Case("over_max_bytes_line", "ok", _over_max_bytes),
    Case("deep_json_file", "new", _deep_json_file),
    Case("json_list_mixed", "1", _json_list_mixed),
    Case("duplicate_ids_in_batch", "ok", _duplicate_ids),
    Case("file_named_dash", "ok", _stdin_like_dash_file),
    file_case("empty_file", "ok", "empty.txt", b"", "empty"),
    file_case("png_file", "ok", "image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary"),
    file_case("nul_bytes", "ok", "nul.txt", b"abc\x00def" * 100, "binary"),
    file_case("latin1_text", "ok", "latin1.txt", "Le pr\u00e9sident est arriv\u00e9.".encode("latin-1"), "encoding"),
    file_case("truncated_gz", "ok", "cut.txt.gz", gz(" ".join(str(i * 7919 % 10007) for i in range(5000)).encode())[:3000],
              "corrupt_archive"),
    file_case("fake_gz", "ok", "fake.txt.gz", b"plain text, not gzip", "corrupt_archive"),
    file_case("gz_of_png", "ok", "img.txt.gz", gz(b"\x89PNG\r\n\x1a\n" + bytes(range(256))), "binary"),
    file_case("utf16_text", "ok", "u16.txt", ("\ufeff" + GOOD_TEXTS[1]).encode("utf-16-le"), "good"),
    Case("bom_crlf_jsonl", "ok", _bom_crlf),
    file_case("html_broken_markup", "ok", "broken.html", b"<html><body><p>France met <b>Germany<p></div></html",
              "either"),
    file_case("html_bogus_charset", "ok", "charset.html",
              b'<html><head><meta charset="x-unknown"></head><body><p>' + GOOD_TEXTS[2].encode() + b"</p></body></html>",
              "either"),
    file_case("only_punctuation", "ok", "punct.txt", b"!!! ??? ... ---", "either"),
    file_case("one_huge_token", "ok", "token.txt", b"x" * 200_000, "either"),
    file_case("json_scalar", "ok", "num.json", b"42", "malformed_record"),
    file_case("pdf_file", "ok", "doc.txt", b"%PDF-1.4 binary", "binary"),
]
