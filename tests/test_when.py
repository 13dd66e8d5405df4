"""Dates: the expression table, scope rules on real parses, and the example end to end."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from whimbrel.model import Article, Document, Event, Evidence, Modality, Paragraph, Plover
from whimbrel.nlp import attach
from whimbrel.when import WhenStage, find_expressions, resolve, tense_of

MON = dt.date(2018, 11, 5)  # a Monday
WED = dt.date(2019, 3, 13)  # a Wednesday
SUN = dt.date(2020, 2, 9)  # a Sunday
JAN = dt.date(2021, 1, 4)  # a Monday in January

# (expression, publication date, tense, expected start, expected end, precision)
TABLE = [
    ("on Sunday", MON, "past", "2018-11-04", None, "day"),
    ("on Tuesday", MON, "future", "2018-11-06", None, "day"),
    ("on Tuesday", MON, "past", "2018-10-30", None, "day"),
    ("on Monday", MON, "past", "2018-11-05", None, "day"),
    ("on Monday", MON, "future", "2018-11-05", None, "day"),
    ("Friday", WED, "future", "2019-03-15", None, "day"),
    ("Friday", WED, "past", "2019-03-08", None, "day"),
    ("Friday", WED, "present", "2019-03-15", None, "day"),
    ("Tuesday", WED, "present", "2019-03-12", None, "day"),
    ("on Monday night", MON, "past", "2018-11-05", None, "day"),
    ("Sunday morning", SUN, "past", "2020-02-09", None, "day"),
    ("last Monday", MON, "past", "2018-10-29", None, "day"),
    ("next Monday", MON, "future", "2018-11-12", None, "day"),
    ("last Friday", WED, "future", "2019-03-08", None, "day"),
    ("early Saturday", SUN, "past", "2020-02-08", None, "day"),
    ("today", MON, "past", "2018-11-05", None, "day"),
    ("tonight", WED, "future", "2019-03-13", None, "day"),
    ("yesterday", MON, "past", "2018-11-04", None, "day"),
    ("tomorrow", MON, "future", "2018-11-06", None, "day"),
    ("last night", WED, "past", "2019-03-12", None, "day"),
    ("the day before yesterday", WED, "past", "2019-03-11", None, "day"),
    ("this week", WED, "present", "2019-03-11", "2019-03-17", "week"),
    ("last week", MON, "past", "2018-10-29", "2018-11-04", "week"),
    ("next week", MON, "future", "2018-11-12", "2018-11-18", "week"),
    ("later this week", MON, "future", "2018-11-06", "2018-11-11", "week"),
    ("earlier this week", WED, "past", "2019-03-11", "2019-03-13", "week"),
    ("this month", WED, "present", "2019-03-01", "2019-03-31", "month"),
    ("last month", JAN, "past", "2020-12-01", "2020-12-31", "month"),
    ("next month", MON, "future", "2018-12-01", "2018-12-31", "month"),
    ("earlier this month", WED, "past", "2019-03-01", "2019-03-13", "month"),
    ("later this month", MON, "future", "2018-11-06", "2018-11-30", "month"),
    ("this year", MON, "present", "2018-01-01", "2018-12-31", "year"),
    ("last year", JAN, "past", "2020-01-01", "2020-12-31", "year"),
    ("next year", MON, "future", "2019-01-01", "2019-12-31", "year"),
    ("earlier this year", WED, "past", "2019-01-01", "2019-03-13", "year"),
    ("over the weekend", MON, "past", "2018-11-03", "2018-11-04", "week"),
    ("over the weekend", SUN, "past", "2020-02-08", "2020-02-09", "week"),
    ("this weekend", WED, "future", "2019-03-16", "2019-03-17", "week"),
    ("last weekend", WED, "past", "2019-03-09", "2019-03-10", "week"),
    ("in April", MON, "past", "2018-04-01", "2018-04-30", "month"),
    ("in April", MON, "future", "2019-04-01", "2019-04-30", "month"),
    ("in December", JAN, "past", "2020-12-01", "2020-12-31", "month"),
    ("last April", MON, "past", "2018-04-01", "2018-04-30", "month"),
    ("in November 2016", MON, "past", "2016-11-01", "2016-11-30", "month"),
    ("Nov 5", MON, "past", "2018-11-05", None, "day"),
    ("Dec. 24", JAN, "past", "2020-12-24", None, "day"),
    ("Jan 20", MON, "future", "2019-01-20", None, "day"),
    ("5 November 2018", WED, "past", "2018-11-05", None, "day"),
    ("November 5, 2018", WED, "future", "2018-11-05", None, "day"),
    ("the 3rd of March", WED, "past", "2019-03-03", None, "day"),
    ("2018-11-04", WED, "past", "2018-11-04", None, "day"),
    ("initially imposed in 1958", MON, "past", "1958-01-01", "1958-12-31", "year"),
    ("since 2011", MON, "past", "2011-01-01", "2011-12-31", "year"),
    ("in the 1990s", MON, "past", "1990-01-01", "1999-12-31", "year"),
    ("three days ago", MON, "past", "2018-11-02", None, "day"),
    ("two weeks ago", WED, "past", "2019-02-25", "2019-03-03", "week"),
    ("a year ago", MON, "past", "2017-01-01", "2017-12-31", "year"),
    ("in the past 24 hours", WED, "past", "2019-03-12", "2019-03-13", "day"),
    ("36 hours ago", WED, "past", "2019-03-12", None, "day"),
]


@pytest.mark.parametrize("phrase,pub,tense,start,end,precision", TABLE)
def test_expression_table(phrase, pub, tense, start, end, precision):
    exprs = find_expressions(f"It happened {phrase}.")
    assert len(exprs) == 1, exprs
    val = resolve(exprs[0], pub, tense)
    assert val is not None
    assert (val.start.isoformat(), val.end.isoformat() if val.end else None, val.precision) == (start, end, precision)


def test_table_is_large_enough():
    assert len(TABLE) >= 40


@pytest.mark.parametrize("text", [
    "Officials may resume talks.",  # "may" the modal is no month
    "April Ryan asked a question.",  # a name, no preposition before it
    "He scored 2018 points.",  # a number, not a year
    "They met in room 1958-b.",
    "The Sunday Times reported it.",  # a newspaper, not a day
    "They signed the Good Friday Agreement.",
])
def test_not_expressions(text):
    assert find_expressions(text) == []


def test_relative_without_publication_date():
    (ex,) = find_expressions("on Sunday")
    assert resolve(ex, None, "past") is None
    (ex,) = find_expressions("on 5 November 2018")
    assert resolve(ex, None, "past").start == dt.date(2018, 11, 5)


# -- scope rules on real parses ------------------------------------------------


def make_doc(nlp, text, published=dt.datetime(2018, 11, 5, 20, 4), headline=None):
    paras = []
    parts = ([headline] if headline else []) + [p for p in text.split("\n\n")]
    pos = 0
    for k, p in enumerate(parts):
        paras.append(Paragraph(pos, pos + len(p), "headline" if headline and k == 0 else "body"))
        pos += len(p) + 2
    full = "\n\n".join(parts)
    art = Article(id="t", text=full, paragraphs=tuple(paras), published=published)
    return attach(Document(article=art), nlp(full))


def event(doc, trigger, occurrence=0, *, future=False, eid=None):
    starts = [m.start() for m in re.finditer(re.escape(trigger), doc.article.text)]
    i = starts[occurrence]
    return Event(event_id=eid or f"{trigger}{occurrence}", article_id=doc.article.id, sentence_index=0,
                 source=None, target=None, cameo="040", cameo_root="04", quad_class=1, goldstein=1.0,
                 plover=Plover(), evidence=Evidence("", 0, trigger, i, i + len(trigger)),
                 modality=Modality(future=future))


def run(nlp, text, triggers, **kw):
    doc = make_doc(nlp, text, **kw)
    doc.events = [event(doc, *t) if isinstance(t, tuple) else event(doc, t) for t in triggers]
    doc = WhenStage()(doc)
    return {e.event_id: e for e in doc.events}, doc


def test_clause_beats_relative_clause(pipeline):
    evs, doc = run(pipeline.nlp, "The minister, who took office in April, arrived in Hanoi on Sunday.", ["arrived"])
    e = evs["arrived0"]
    assert (e.date, e.date_precision) == ("2018-11-04", "day")
    assert doc.extras["when"]["arrived0"][0] == "clause"


def test_relative_clause_date_not_used_for_main_event(pipeline):
    evs, _ = run(pipeline.nlp, "The minister, who took office in April, met the king.", ["met"])
    assert evs["met0"].date == "2018-11-05"  # publication date, not April


def test_future_by_verb_tense(pipeline):
    evs, _ = run(pipeline.nlp, "The president was to leave Seoul on Tuesday and visit Tokyo.", ["leave", "visit"])
    assert evs["leave0"].date == "2018-11-06"
    assert evs["visit0"].date == "2018-11-06"
    assert evs["visit0"].modality.future


def test_will_counts_forward_and_past_counts_back(pipeline):
    evs, _ = run(pipeline.nlp, "The envoy will meet officials on Friday. The envoy met officials on Friday.",
                 [("meet",), ("met",)])
    assert evs["meet0"].date == "2018-11-09"
    assert evs["met0"].date == "2018-11-02"


def test_paragraph_inheritance_from_earlier_main_clause(pipeline):
    evs, doc = run(pipeline.nlp, "The premier arrived in Lima on Sunday. He was greeted at the airport by the mayor.",
                   ["greeted"])
    assert evs["greeted0"].date == "2018-11-04"
    assert doc.extras["when"]["greeted0"][0] == "paragraph"


def test_historical_year(pipeline):
    evs, _ = run(pipeline.nlp, "The embargo, first imposed in 1962, remains in place.", ["imposed"])
    e = evs["imposed0"]
    assert (e.date, e.date_end, e.date_precision, e.historical) == ("1962-01-01", "1962-12-31", "year", True)


def test_headline_takes_lead_date(pipeline):
    evs, doc = run(pipeline.nlp, "Leaders agreed on Saturday to expand trade.",
                   [("agreed",), ("pledge",)], headline="Leaders pledge closer ties")
    assert evs["agreed0"].date == "2018-11-03"
    assert evs["pledge0"].date == "2018-11-03"
    assert doc.extras["when"]["pledge0"][0] == "lead"


def test_tense_of(pipeline):
    d = pipeline.nlp("He will travel. She was to fly. They arrived. It is going to rain. We have met.")
    verbs = {t.text: tense_of(t) for t in d if t.pos_ == "VERB"}
    assert verbs["travel"] == "future"
    assert verbs["fly"] == "future"
    assert verbs["arrived"] == "past"
    assert verbs["rain"] == "future"
    assert verbs["met"] == "past"


# -- the example, end to end ----------------------------------------------------


def _in_range(date, gold):
    lo, hi = (gold, gold) if isinstance(gold, str) else gold
    return lo <= date[: len(lo)] <= hi


def test_example_hand_built_events(pipeline, example_text, example_gold):
    """The gold events' triggers, hand-placed on the real parse, get dates in their gold ranges."""
    from whimbrel.ingest import article_from_text

    art = article_from_text(example_text, id="ex", published="2018-11-05T20:04")
    doc = attach(Document(article=art), pipeline.nlp(art.text))
    spots = {"E1": "agreed", "E2": "arrived", "E3": "met", "E4": "held talks", "E5": "meeting in New York",
             "E6": "criticise", "E7": "hinted", "E11": "imposed in 1958", "E13": "visit China"}
    doc.events = [event(doc, w, eid=k) for k, w in spots.items()]
    doc = WhenStage()(doc)
    gold = {g["id"]: g for g in example_gold["events"]}
    for e in doc.events:
        assert _in_range(e.date, gold[e.event_id]["date"]), (e.event_id, e.date)
        assert e.historical == bool(gold[e.event_id].get("historical")), e.event_id
    evs = {e.event_id: e for e in doc.events}
    assert evs["E2"].date == evs["E3"].date == "2018-11-04"
    assert evs["E5"].modality.future and evs["E13"].modality.future


def test_no_publication_date_is_read_as_of_today_and_says_so(pipeline):
    import datetime as dt

    evs, doc = run(pipeline.nlp, "Officials met. The envoy arrived on Sunday. The treaty was signed on 5 November 2018.",
                   ["arrived", "signed", "met"], published=None)
    today = dt.date.today()
    sunday = dt.date.fromisoformat(evs["arrived0"].date)  # a weekday counts back from today
    assert sunday.weekday() == 6 and 0 <= (today - sunday).days < 7
    assert evs["arrived0"].date_source == "assumed-today"
    assert evs["met0"].date == today.isoformat() and evs["met0"].date_source == "assumed-today"
    # an absolute date is the text's, and an assumed today makes nothing historical
    assert (evs["signed0"].date, evs["signed0"].historical, evs["signed0"].date_source) == ("2018-11-05", False, "text")


def test_date_source_with_a_publication_date(pipeline):
    evs, _ = run(pipeline.nlp, "Officials met. The envoy arrived on Sunday.", ["arrived", "met"])
    assert (evs["arrived0"].date_source, evs["met0"].date_source) == ("text", "published")
    assert evs["met0"].as_dict()["date_source"] == "published"


def test_deadline_is_not_a_date(pipeline):
    evs, _ = run(pipeline.nlp, "The government pledged to cut emissions by 2030.", ["pledged"])
    assert evs["pledged0"].date == "2018-11-05"  # the pledge is dated by publication, not 2030
    assert not evs["pledged0"].modality.future


def test_empty_trigger_uses_its_sentence(pipeline):
    doc = make_doc(pipeline.nlp, "Up to 5,000 soldiers will be deployed in Kabul later this month.")
    ev = event(doc, "deployed")
    i = ev.evidence.trigger_start
    ev = Event(**{**ev.__dict__, "evidence": Evidence("", 0, "", i, i)})
    doc.events = [ev]
    out = WhenStage()(doc).events[0]
    assert (out.date, out.date_end) == ("2018-11-06", "2018-11-30")


def test_borrowed_date_must_fit_the_tense(pipeline):
    text = ("Eight guides are to appear in court tomorrow. "
            "Twenty tourists were killed when a storm struck the gorge.")
    evs, _ = run(pipeline.nlp, text, ["appear", "killed"])
    assert evs["appear0"].date == "2018-11-06"
    assert evs["killed0"].date == "2018-11-05"  # not "tomorrow": a past event is not dated after publication
    assert not evs["killed0"].modality.future


@pytest.mark.parametrize("phrase,shift", [
    ("the next day", 1), ("the following day", 1), ("the day before", -1), ("the previous day", -1),
    ("two days later", 2), ("a day earlier", -1), ("3 days later", 3),
])
def test_relative_to_an_earlier_date(phrase, shift):
    (ex,) = find_expressions(f"They left {phrase}.")
    assert resolve(ex, MON, "past") is None  # needs a date to count from
    assert resolve(ex, MON, "past", anchor=dt.date(2018, 11, 1)).start == dt.date(2018, 11, 1) + dt.timedelta(days=shift)


def test_next_day_counts_from_the_story_date(pipeline):
    text = "The envoy arrived in Hanoi on 1 November 2018. He met the premier the next day."
    evs, doc = run(pipeline.nlp, text, ["met"])
    assert evs["met0"].date == "2018-11-02"
    assert doc.extras["when"]["met0"] == ("clause", "the next day")


def test_never_raises_on_odd_input():
    import random

    words = ["on", "in", "since", "by", "the", "last", "next", "this", "31", "29", "0", "99", "999", "February",
             "Feb.", "May", "Sunday", "Monday's", "night", "weekend", "week", "month", "year", "ago", "days",
             "later", "earlier", "1500", "2100", "0000-00-00", "2019-02-29", "the 1990s", "today", ",", "of"]
    rng = random.Random(5)
    for _ in range(400):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        for ex in find_expressions(text):
            for tense in ("past", "present", "future"):
                for pub in (MON, dt.date(2020, 2, 29), None):
                    resolve(ex, pub, tense, anchor=dt.date(2020, 2, 29))


def test_said_on_monday_it_would(pipeline):
    evs, doc = run(pipeline.nlp, "The ministry said on Monday it would impose new tariffs.", ["said", "impose"],
                   published=dt.datetime(2019, 3, 13, 10, 0))
    assert evs["said0"].date == "2019-03-11"  # the Monday before a Wednesday article
    assert evs["impose0"].date != "2019-03-18"  # not the next Monday: the date belongs to "said"


def test_a_hint_is_dated_when_made(pipeline):
    evs, _ = run(pipeline.nlp, "Over the weekend, the group hinted it may resume attacks.", ["resume"])
    assert (evs["resume0"].date, evs["resume0"].date_end) == ("2018-11-03", "2018-11-04")


def test_a_weekday_in_a_story_updated_that_day_is_the_updates_day(pipeline):
    from whimbrel.api import code_text

    page = ("Blinken calls Manalo\n\nPUBLISHED : Monday, 17 June, 2024, 11:45pm\nUPDATED : Tuesday, 18 June, 2024, 9:10am\n\n"
            "Secretary of State Antony Blinken spoke with Philippine Foreign Secretary Enrique Manalo by phone on Tuesday.")
    [ev] = [e for e in code_text(page, pipeline=pipeline) if e.sentence_index > 0]
    assert ev.date == "2024-06-18" and not ev.modality.future
    # without the update, a past "on Tuesday" in a Monday story is the Tuesday before
    plain = page.replace("UPDATED : Tuesday, 18 June, 2024, 9:10am\n", "")
    [ev] = [e for e in code_text(plain, pipeline=pipeline) if e.sentence_index > 0]
    assert ev.date == "2024-06-11"
