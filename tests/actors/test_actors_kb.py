"""The knowledge base: loading, precedence, dated roles, context names, user files."""

from __future__ import annotations

import datetime as dt

import pytest

from whimbrel.actors.kb import USER_PRIORITY, ActorFileError, _load, builtin_files, load_kb, pieces, read_actor_file

D = dt.date


def test_pieces_fold_accents_hyphens_and_possessives():
    assert pieces("Díaz-Canel") == pieces("Diaz Canel") == ("diaz", "canel")
    assert pieces("North Korea\u2019s") == ("north", "korea", "'s")
    assert pieces("U.S.") == ("u.s",)
    assert pieces("Kim Jong - un") == pieces("Kim Jong-un")


def test_countries_aliases_demonyms_capitals_seats():
    kb = load_kb()
    day = D(2018, 11, 5)
    expect = {
        "United States": "USA", "the U.S.": None, "DPRK": "PRK", "South Korea": "KOR", "Britain": "GBR",
        "North Korean": "PRK", "Cuban": "CUB", "Pyongyang": "PRKGOV", "the Kremlin": "RUSGOV",
        "the White House": "USAGOV", "Downing Street": "GBRGOV", "Beijing": "CHNGOV", "Zimbabwe": "ZWE",
    }
    for name, code in expect.items():
        got = {e.code_on(day).code for e in kb.lookup(name)}
        if code:
            assert code in got, (name, got)
    assert {e.code_on(day).code for e in kb.lookup("U.S.")} == {"USA"}


def test_igos_and_armed_groups():
    kb = load_kb()
    day = D(2020, 1, 1)
    for name, code in {"EU": "IGOEUREEC", "NATO": "IGOWSTNAT", "IAEA": "IGOUNOIAE", "Hamas": "PSEREB",
                       "Houthis": "YEMREB", "Taliban": "AFGREB", "African Union": "IGOAFRAFU"}.items():
        assert code in {e.code_on(day).code for e in kb.lookup(name)}, name


def test_modern_data_wins_over_phoenix_and_roles_follow_the_date():
    kb = load_kb()
    [dc] = kb.lookup("Miguel Diaz-Canel Bermudez")  # Phoenix's spelling: only the modern entry answers
    assert dc.id.startswith("p:")
    assert dc.code_on(D(2018, 11, 5)).code == "CUBGOV"
    assert dc.code_on(D(2010, 6, 1)).code == "CUBGOVEDU"  # he was higher-education minister then
    [kju] = kb.lookup("Kim Jong-un")
    assert kju.code_on(D(2018, 11, 5)).code == "PRKGOV"


def test_former_officials_are_eli_and_future_ones_their_country():
    kb = load_kb()
    [pompeo] = kb.lookup("Mike Pompeo")
    assert pompeo.code_on(D(2019, 1, 1)).code == "USAGOV"
    assert pompeo.code_on(D(2022, 1, 1)).code == "USAELI"
    [annan] = kb.lookup("Kofi Annan")
    assert annan.code_on(D(2000, 1, 1)).code == "IGOUNO"
    res = annan.code_on(D(2010, 1, 1))
    assert res.code.endswith("ELI") and "2006" in res.reason


def test_kim_alone_is_not_in_the_kb():
    assert load_kb().lookup("Kim") == []


def test_context_names_are_marked():
    kb = load_kb()
    north = {e.id: e for e in kb.lookup("the North")}
    assert "PRK" in north["ctx:north-korea"].context


def test_factbook_and_phoenix_are_loaded():
    kb = load_kb()
    assert kb.stats["entries"] > 20000  # Phoenix persons and organisations
    assert any(e.source == "factbook.tsv" for e in kb.lookup("Keir Starmer")) or kb.lookup("Keir Starmer")
    assert kb.agent("diplomats") == "GOV" and kb.agent("state media") == "MED"
    assert kb.agent("militiamen") is not None


def test_user_file_adds_and_overrides(tmp_path):
    f = tmp_path / "mine.tsv"
    f.write_text(
        "# my actors\n"
        "u:jane\tperson\tFRAGOV\t2020-01-01\t\tJane Exampleton|Exampleton\t\n"
        "p:mike-pompeo\tperson\tUSAMED\t\t\t\t\n",  # redefines an existing id
        encoding="utf-8",
    )
    kb = _load(builtin_files() + ((str(f), USER_PRIORITY),), use_cache=False)
    [jane] = kb.lookup("Exampleton")
    assert jane.code_on(D(2021, 1, 1)).code == "FRAGOV"
    assert jane.code_on(D(2019, 1, 1)).code == "FRA"
    [pompeo] = kb.lookup("Mike Pompeo")
    assert pompeo.code_on(D(2019, 1, 1)).code == "USAMED"


@pytest.mark.parametrize("line, message", [
    ("x\tperson\n", "expected tab-separated"),
    ("x\tspaceship\tUSA\t\t\tX\t\n", "unknown kind"),
    ("x\tperson\tusa\t\t\tX\t\n", "not a CAMEO actor code"),
    ("x\tperson\tUSA\t2020-13-01\t\tX\t\n", "bad date"),
])
def test_bad_user_files_raise_actionable_errors(tmp_path, line, message):
    f = tmp_path / "bad.tsv"
    f.write_text(line, encoding="utf-8")
    with pytest.raises(ActorFileError, match=message):
        read_actor_file(f)
    with pytest.raises(ActorFileError, match="bad.tsv:1"):
        load_kb((str(f),))  # checked before the knowledge base is built


def test_missing_user_file(tmp_path):
    with pytest.raises(ActorFileError, match="not found"):
        load_kb((str(tmp_path / "missing.tsv"),))


def test_cache_keeps_only_the_most_recent_indexes(tmp_path, monkeypatch):
    """Every data edit makes a new compiled index; old ones must not pile up in the cache."""
    import os

    from whimbrel.actors import kb as kbmod

    for i in range(7):
        f = tmp_path / f"actors-old{i}.marshal"
        f.write_bytes(b"x")
        os.utime(f, (1_000_000 + i, 1_000_000 + i))
    (tmp_path / "unrelated.txt").write_text("keep me")
    kbmod._prune_cache(tmp_path, keep=3)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["actors-old4.marshal", "actors-old5.marshal", "actors-old6.marshal", "unrelated.txt"]

    monkeypatch.setenv("WHIMBREL_CACHE", str(tmp_path))
    kbmod._load(kbmod.builtin_files())
    kbmod._load(kbmod.builtin_files())  # the second load reads the cache written by the first
    assert len(list(tmp_path.glob("actors-*.marshal"))) == kbmod.CACHE_KEEP


def test_shipped_files_are_canonical_so_the_fast_reader_is_exact():
    """The compile reads shipped files without checks; this is the check."""
    from importlib.resources import files

    from whimbrel.actors import kb as kbmod

    data = files("whimbrel.actors") / "data"
    for name, _ in kbmod.builtin_files():
        text = (data / name).read_text(encoding="utf-8")
        checked = [list(r) for r in kbmod._parse(text, name)]
        assert [list(r) for r in kbmod._builtin_rows(text)] == checked, name


def test_factbook_leaders_are_found_by_the_names_news_uses():
    """The factbook writes "Nayib Armando BUKELE Ortez"; the news writes "Nayib Bukele"."""
    import datetime as dt

    kb = load_kb()
    for name, code in (("Nayib Bukele", "SLVGOV"), ("Daniel Noboa", "ECUGOV"), ("Salva Kiir", "SSDGOV")):
        assert {e.code_on(dt.date(2025, 9, 1)).code for e in kb.lookup(name)} == {code}, name
    assert not kb.lookup("Sir Hassanal"), "titles are not names"


def test_prefixes_are_every_leading_word_run():
    from whimbrel.actors.kb import _prefixes

    keys = ["kim jong un", "kim", "kim yong chol", "state media", "un"]
    naive = {" ".join(k.split(" ")[:i]) for k in keys for i in range(1, len(k.split(" ")) + 1)}
    assert _prefixes(keys) == naive
    assert _prefixes(reversed(keys)) == naive
