"""Dated offices (roles/<ISO3>.tsv) and the role tags of the context column."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from whimbrel.actors.kb import USER_PRIORITY, ActorFileError, _load, builtin_files, load_kb, read_actor_file

D = dt.date


def codes(name: str, day: dt.date) -> set[str]:
    return {e.code_on(day).code for e in load_kb().lookup(name)}


@pytest.mark.parametrize("name, in_office, after, code", [
    ("Sergey Lavrov", D(2010, 6, 1), None, "RUSGOV"),                  # still in office
    ("Hoshyar Zebari", D(2010, 6, 1), D(2016, 1, 1), "IRQGOV"),
    ("Mohammad Javad Zarif", D(2015, 7, 14), D(2022, 3, 1), "IRNGOV"),
    ("Jean-Yves Le Drian", D(2019, 1, 1), D(2023, 1, 1), "FRAGOV"),
    ("Dmytro Kuleba", D(2022, 3, 1), D(2025, 2, 1), "UKRGOV"),
    ("Sushma Swaraj", D(2016, 1, 1), D(2020, 1, 1), "INDGOV"),
    ("Wang Yi", D(2018, 1, 1), None, "CHNGOV"),
    ("Qin Gang", D(2023, 3, 1), D(2024, 1, 1), "CHNGOV"),
    ("Penny Wong", D(2023, 1, 1), None, "AUSGOV"),
    ("Annalena Baerbock", D(2023, 5, 1), D(2025, 6, 1), "DEUGOV"),
    # defence ministers are GOVMIL, as the agent noun "defence minister" is
    ("Sergei Shoigu", D(2022, 2, 24), None, "RUSGOVMIL"),
    ("Yoav Gallant", D(2023, 10, 8), D(2025, 1, 1), "ISRGOVMIL"),
    ("Florence Parly", D(2019, 1, 1), D(2023, 1, 1), "FRAGOVMIL"),
    ("Nosiviwe Mapisa-Nqakula", D(2015, 1, 1), D(2022, 1, 1), "ZAFGOVMIL"),
])
def test_minister_resolves_by_date(name, in_office, after, code):
    assert codes(name, in_office) == {code}
    if after:
        assert codes(name, after) == {code[:3] + "ELI"}, "out of office: a former official"


def test_head_of_government_who_also_holds_defence_stays_gov():
    # Netanyahu held the defence portfolio in 2018-19 while prime minister: GOV, not GOVMIL.
    assert codes("Benjamin Netanyahu", D(2019, 3, 1)) == {"ISRGOV"}
    # Jean-Yves Le Drian: defence (GOVMIL) then foreign minister (GOV).
    assert codes("Le Drian", D(2014, 1, 1)) == {"FRAGOVMIL"}


def test_before_first_role_is_the_country_only():
    # Yoav Gallant became defence minister on 2022-12-29; before any role he is just Israeli.
    assert codes("Yoav Gallant", D(2015, 1, 1)) == {"ISR"}


def test_an_added_role_joins_the_people_tsv_entry():
    # Boris Johnson is in people.tsv (prime minister); his foreign-minister years come from
    # roles/GBR.tsv and must land on the same entry, not a second "Boris Johnson".
    entries = load_kb().lookup("Boris Johnson")
    assert len(entries) == 1
    assert entries[0].code_on(D(2017, 3, 1)).code == "GBRGOV"
    assert "2016-07-13" in entries[0].code_on(D(2017, 3, 1)).reason


def test_role_tags_are_not_context_codes(tmp_path):
    # A context column of only role tags must not make the names context-bound.
    f = tmp_path / "a.tsv"
    f.write_text("p:jane-roe\tperson\tXYZGOV\t2020-01-01\t2021-01-01\tJane Roe\trole=foreign_minister\n"
                 "p:jane-roe\tperson\tXYZGOV\t2021-01-01\t2022-01-01\t\trole=defence_minister|XYZ\n",
                 encoding="utf-8")
    kb = _load(builtin_files() + ((str(f), USER_PRIORITY),), use_cache=False)
    (e,) = kb.lookup("Jane Roe")
    assert e.context == ("XYZ",)
    assert e.code_on(D(2020, 6, 1)).code == "XYZGOV"
    assert e.code_on(D(2023, 1, 1)).code == "XYZELI"
    g = tmp_path / "b.tsv"
    g.write_text("p:jo\tperson\tXYZGOV\t2020-01-01\t\tJo Roe\trole=dictator\n", encoding="utf-8")
    with pytest.raises(ActorFileError, match="role="):
        read_actor_file(g)


def _coverage_module():
    path = Path(__file__).resolve().parents[2] / "scripts" / "people_coverage.py"
    spec = importlib.util.spec_from_file_location("people_coverage", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_coverage_script_counts_tagged_roles():
    cov = _coverage_module()
    assert len(cov.COUNTRIES) >= 60
    rows = cov.tagged_rows()
    today = D(2026, 11, 29)
    for country in ("USA", "RUS", "GBR", "FRA", "DEU", "IRN"):
        for role in ("head_of_state", "foreign_minister", "defence_minister"):
            frac, _ = cov.coverage(rows, country, role, today)
            assert frac > 0.97, (country, role, frac)
    frac, gaps = cov.coverage([("XYZ", "foreign_minister", D(2010, 1, 1), None, "p:x", "t")],
                              "XYZ", "foreign_minister", today)
    assert gaps == [(D(2000, 1, 1), D(2010, 1, 1))] and 0.6 < frac < 0.7
    assert cov.name_clashes() == {}, "a name in roles/*.tsv is shared with another entry"


def test_documented_vacancies_count_as_known_but_not_as_held():
    cov = _coverage_module()
    rows, vac = cov.tagged_rows(), cov.vacancy_rows()
    today = D(2026, 11, 29)
    held, _ = cov.coverage(rows, "LBN", "head_of_state", today)
    known, gaps = cov.coverage(rows + vac, "LBN", "head_of_state", today)
    assert held < 0.9 and known == 1.0 and gaps == []  # three presidential vacancies, all documented
    assert cov.coverage(rows + vac, "PSE", "defence_minister", today)[0] == 1.0  # no such office
    assert all(r in cov.ROLE_TAGS and reason for _c, r, _s, _e, _v, reason in vac)


def test_no_two_roles_of_one_office_overlap_much():
    """Within one country and office, successive holders should not overlap by more than
    a short acting period (a sign of a typo in a date)."""
    cov = _coverage_module()
    rows = cov.tagged_rows()
    by = {}
    for c, r, s, e, id_, _ in rows:
        by.setdefault((c, r), []).append((s or D(1900, 1, 1), e or D(2100, 1, 1), id_))
    bad = []
    for key, spans in by.items():
        spans.sort()
        for (s1, e1, a), (s2, e2, b) in zip(spans, spans[1:]):
            if a != b and (min(e1, e2) - s2).days > 120:
                bad.append((key, a, b))
    assert not bad, bad


def test_lookup_says_which_office_a_role_is():
    import datetime as dt

    [e] = load_kb().lookup("Yusuf Tuggar")
    res = e.code_on(dt.date(2024, 1, 1))
    assert res.code == "NGAGOV" and "foreign minister" in res.reason
    [trump] = load_kb().lookup("Donald Trump")
    # the head-of-state and head-of-government lines of one term are one role with both offices
    terms = [r for r in trump.roles if r.code == "USAGOV"]
    assert len(terms) == 2 and all("head_of_state" in r.office and "head_of_government" in r.office for r in terms)
