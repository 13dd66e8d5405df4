"""News pages saved as text: header, summary, dates, related links; plain text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from whimbrel.errors import EmptyDocument
from whimbrel.ingest import article_from_text
from whimbrel.ingest.dates import parse_datetime

INPUTS = Path(__file__).parent.parent / "data" / "inputs"


def test_example_metadata_matches_gold(example_text, example_gold):
    art = article_from_text(example_text)
    meta = example_gold["metadata"]
    assert art.section == meta["section"]
    assert art.title == meta["title"]
    assert list(art.summary) == meta["summary"]
    assert art.published.isoformat(timespec="minutes") == meta["published"]
    assert art.updated.isoformat(timespec="minutes") == meta["updated"]


def test_example_related_links_leave_the_text(example_text, example_gold):
    art = article_from_text(example_text)
    links = example_gold["metadata"]["related_links_not_body"]
    assert list(art.related) == links
    for link in links:
        assert link not in art.text
    # the header lines are not coded either
    assert "PUBLISHED" not in art.text and "UPDATED" not in art.text
    assert "\u2022" not in art.text


def test_example_layout_headline_summary_body(example_text, example_gold):
    art = article_from_text(example_text)
    kinds = [p.kind for p in art.paragraphs]
    assert kinds[0] == "headline" and kinds[1] == "summary" and set(kinds[2:]) == {"body"}
    # paragraphs are joined by blank lines and the spans point at them exactly
    assert art.text == "\n\n".join(art.text[p.start:p.end] for p in art.paragraphs)
    assert art.text[art.paragraphs[0].start:art.paragraphs[0].end] == example_gold["metadata"]["title"]
    # a body paragraph that ends without a period but is the last line stays
    assert art.text.endswith("visit China, Vietnam and Laos.")


def test_other_outlet_byline_standfirst_and_date_line():
    art = article_from_text((INPUTS / "guardian-style.txt").read_text(encoding="utf-8"))
    assert art.section == "World news"
    assert art.title == "Malaysia and Singapore agree to resume talks on disputed waters"
    assert art.summary == ("Foreign ministers meet in Putrajaya after months of friction over port limits and airspace",)
    assert art.author == "Jane Doe"
    assert art.published == dt.datetime(2018, 11, 5, 12, 4)
    assert art.updated == dt.datetime(2018, 11, 5, 14, 30)
    assert art.related == ("Singapore protests Malaysian vessels in its waters",)
    assert "Read more" not in art.text and "By Jane" not in art.text
    assert art.text.endswith("The ministers said officials would meet again within a month.")


def test_plain_text_without_header_is_all_body_and_unwrapped():
    text = (INPUTS / "plain.txt").read_text(encoding="utf-8")
    art = article_from_text(text, published="2019-01-20")
    assert art.title is None and art.section is None and art.summary == ()
    assert [p.kind for p in art.paragraphs] == ["body", "body"]
    # hard-wrapped lines are joined: no newline inside a paragraph
    assert "\n" not in art.text[art.paragraphs[0].start:art.paragraphs[0].end]
    assert art.published == dt.datetime(2019, 1, 20)


def test_page_date_wins_over_fallback(example_text):
    art = article_from_text(example_text, published="2000-01-01")
    assert art.published == dt.datetime(2018, 11, 5, 20, 4)


def test_plain_headline_then_body():
    art = article_from_text("Kenya and Uganda sign border deal\n\nKenya and Uganda signed a deal on Friday.")
    assert art.title == "Kenya and Uganda sign border deal"
    assert [p.kind for p in art.paragraphs] == ["headline", "body"]


def test_single_sentence_is_body():
    art = article_from_text("Kim met Diaz-Canel in Pyongyang")
    assert art.title is None and [p.kind for p in art.paragraphs] == ["body"]


def test_one_paragraph_per_line_texts_keep_paragraphs():
    art = article_from_text("Chile protested on Monday.\nPeru answered on Tuesday.\nTalks resume in May.")
    assert len(art.paragraphs) == 3


def test_ids_are_stable_and_content_hash_tracks_metadata():
    a = article_from_text("Kim met Diaz-Canel in Pyongyang on Sunday.")
    b = article_from_text("Kim met Diaz-Canel in Pyongyang on Sunday.\n")
    c = article_from_text("Kim met Diaz-Canel in Pyongyang on Sunday.", published="2018-11-05")
    assert a.id == b.id == c.id and len(a.id) == 16
    assert a.content_hash == b.content_hash != c.content_hash
    assert article_from_text("x y z.", id="given").id == "given"


def test_empty_text_raises_named_error():
    with pytest.raises(EmptyDocument):
        article_from_text("  \n\n ")


@pytest.mark.parametrize("text, expected", [
    ("Monday, 05 November, 2018, 8:04pm", dt.datetime(2018, 11, 5, 20, 4)),
    ("Nov. 5, 2018 at 8:04 p.m. EST", dt.datetime(2018, 11, 5, 20, 4)),
    ("Mon 5 Nov 2018 12.04 GMT", dt.datetime(2018, 11, 5, 12, 4)),
    ("Updated 10:32 AM ET, Mon November 5, 2018", dt.datetime(2018, 11, 5, 10, 32)),
    ("12:30 am, Nov 5th 2018", dt.datetime(2018, 11, 5, 0, 30)),
    ("2018-11-05T20:04", dt.datetime(2018, 11, 5, 20, 4)),
    ("2018/11/05", dt.datetime(2018, 11, 5)),
    ("25/12/2018", dt.datetime(2018, 12, 25)),
])
def test_parse_datetime_formats(text, expected):
    assert parse_datetime(text) == expected


def test_parse_datetime_rejects_non_dates():
    assert parse_datetime("South Korea, US resume military drills ahead of nuclear talks") is None
    assert parse_datetime("Published 3 hours ago") is None
    # strict: a sentence that merely contains a date is not a date line
    assert parse_datetime("Troops left on 5 November 2018 after talks", strict=True) is None
    assert parse_datetime("2018-11-05T20:04:00+0800").utcoffset() == dt.timedelta(hours=8)


def test_related_links_rules_are_general():
    page = (
        "Politics\n\n"
        "Brazil and Argentina agree to revive trade bloc talks\n\n"
        "Published: 12 March 2019\n\n"
        "Brazil and Argentina agreed on Tuesday to revive talks on the Mercosur trade bloc, officials said.\n\n"
        "READ MORE: Argentina's peso slides as inflation bites\n\n"
        "Uruguay welcomes plan as Paraguay stays silent on tariffs\n\n"
        "The two presidents met in Brasilia and said ministers would draft a proposal within weeks and present "
        "it to the other members before the summit in June while business groups asked for lower tariffs\n\n"
        "\u201cWe are ready to work together,\u201d the Brazilian president said.\n\n"
        "Trade ministers will meet again in May."
    )
    art = article_from_text(page)
    assert art.section == "Politics" and art.published == dt.datetime(2019, 3, 12)
    assert art.related == ("Argentina's peso slides as inflation bites",
                           "Uruguay welcomes plan as Paraguay stays silent on tariffs")
    # a long paragraph that lost its final period is still body, and quotes end paragraphs
    assert "business groups asked for lower tariffs" in art.text
    assert "\u201cWe are ready to work together,\u201d" in art.text
    assert "READ MORE" not in art.text and "Uruguay welcomes" not in art.text
    assert art.text.endswith("Trade ministers will meet again in May.")


def test_a_sentence_with_a_date_is_not_a_publication_line():
    art = article_from_text(
        "Posted on November 5, 2018 by admin\n\n"
        "Talks resume in Geneva\n\n"
        "Updated: the ministers said on 5 May 2019 that talks would resume in Geneva.\n\n"
        "Both sides welcomed the plan."
    )
    assert art.published == dt.datetime(2018, 11, 5)
    assert art.title == "Talks resume in Geneva"
    assert art.author is None
    assert art.updated is None
    assert "Updated: the ministers said" in art.text
