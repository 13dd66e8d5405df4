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
