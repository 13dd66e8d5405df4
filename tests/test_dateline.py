"""Wire datelines are blanked for the parser (offsets kept) and still read as the story's place."""

from __future__ import annotations

import pytest

from whimbrel.dateline import find, parse_text
from whimbrel.model import Article, Paragraph


def art(text: str) -> Article:
    return Article(id="d", text=text, paragraphs=(Paragraph(0, len(text), "body"),))


@pytest.mark.parametrize("text, city", [
    ("MOGADISHU, Somalia -- A U.S. military airstrike has killed a worker.", "MOGADISHU"),
    ("PARIS (Reuters) - Fighters arrested the former president.", "PARIS"),
    ("ADDIS ABABA, May 15 (Xinhua) -- The minister said ...", "ADDIS ABABA"),
    ("Harare, Zimbabwe (AFP) - The court freed two ex-ministers.", "Harare"),
])
def test_a_dateline_is_found_and_blanked_with_offsets_kept(text, city):
    m = find(text)
    assert m is not None and m.group("city").strip() == city
    parsed = parse_text(art(text))
    assert len(parsed) == len(text) and city not in parsed
    body = text[m.end():]
    assert parsed.endswith(body)


@pytest.mark.parametrize("text", [
    "Mexico: Since January, the government has ordered migrants to wait.",  # a mixed-case word and a colon
    "Russia and China vetoed the resolution - a blow to the West.",
    "The court rejected the appeal.",
])
def test_ordinary_openings_are_not_datelines(text):
    assert find(text) is None and parse_text(art(text)) == text


def test_the_dateline_city_is_not_the_actor_but_is_the_place(pipeline):
    from whimbrel.api import code_text

    evs = code_text("MOGADISHU, Somalia -- A U.S. military airstrike has killed a worker for a telecom company.",
                    published="2020-01-07", pipeline=pipeline)
    kills = [e for e in evs if e.plover.event == "ASSAULT"]
    assert kills and all(e.source is not None and e.source.code.startswith("USA") for e in kills)
    assert all(e.location is not None and e.location.name.lower().startswith("mogadishu") for e in kills)


@pytest.mark.parametrize("text, blanked", [
    (", Nov 10 (Reuters) - Iran's foreign minister accused Saudi Arabia.", ", Nov 10 (Reuters) - "),
    ("Nov 19 - Turkish President Tayyip Erdogan condemned the attack.", "Nov 19 - "),
    ("(AFP) - Police arrested dozens of protesters.", "(AFP) - "),
])
def test_a_cityless_dateline_is_blanked_too(text, blanked):
    from whimbrel.dateline import metadata

    parsed = parse_text(art(text))
    assert parsed == " " * len(blanked) + text[len(blanked):]
    assert metadata(art(text))["dateline_place"] is None


@pytest.mark.parametrize("text", [
    "May 5 is the day the talks begin.",  # a date, but no dash after it
    "Nov 19 was a Monday - the day he left.",
    "Four soldiers - two of them officers - were killed.",
])
def test_a_date_or_a_dash_alone_is_not_a_dateline(text):
    assert find(text) is None and parse_text(art(text)) == text


def test_dateline_metadata_names_place_and_agency():
    from whimbrel.dateline import metadata

    assert metadata(art("ADDIS ABABA, May 15 (Xinhua) -- The minister said.")) == {
        "dateline_place": "Addis Ababa", "agency": "Xinhua"}
    assert metadata(art("SEOUL, South Korea -- Officials said.")) == {
        "dateline_place": "Seoul, South Korea", "agency": None}
    assert metadata(art("The court rejected the appeal.")) == {"dateline_place": None, "agency": None}
