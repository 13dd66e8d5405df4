"""One-word names that collide (issue 11, item 6): a footballer who shares a surname with
a head of government is not that government; an ambiguous one-word name needs a cue."""

from __future__ import annotations

SPORT = ("Netanyahu scored twice as Israel beat Cyprus in the football tournament, "
         "and the coach praised the goalkeeper.")


def person(ms, text):
    return [m for m in ms if m.text == text and m.kind == "person"]


def test_a_bare_surname_in_a_sports_story_is_not_the_government(resolve):
    [m] = person(resolve(SPORT, published="2026-06-01"), "Netanyahu")
    assert m.code == "---" and m.rule == "kb:person?unconfirmed" and m.kb_id is None


def test_the_sports_player_gives_no_government_event(pipeline):
    from whimbrel.api import code_text

    events = code_text(SPORT, published="2026-06-01", pipeline=pipeline)
    assert not [e for e in events if e.source is not None and e.source.code.startswith("ISRGOV")]


def test_the_same_name_in_politics_or_with_a_cue_is_the_person(resolve):
    # a political story: not ambiguous, no sports words
    assert person(resolve("Netanyahu criticised the deal.", published="2026-06-01"), "Netanyahu")[0].code == "ISRGOV"
    # a title, even at the stadium
    ms = resolve("Prime Minister Netanyahu attended the football tournament final and praised the goalkeeper.",
                 published="2026-06-01")
    assert [m.code for m in ms if m.text.endswith("Netanyahu")] == ["ISRGOV"]
    # a full first mention, even in a sports story
    ms = resolve("Benjamin Netanyahu attended the football final. Netanyahu praised the goalkeeper and the coach.",
                 published="2026-06-01")
    assert {m.code for m in person(ms, "Netanyahu")} == {"ISRGOV"}
    # politics named in its own sentence
    ms = resolve("After the football tournament, Netanyahu told parliament the coach was right.", published="2026-06-01")
    assert {m.code for m in person(ms, "Netanyahu")} == {"ISRGOV"}


def test_an_ambiguous_one_word_name_needs_a_cue(resolve):
    # "Abbas" is the surname of several people in the knowledge base
    [m] = person(resolve("Abbas arrived at the airport.", published="2020-01-01"), "Abbas")
    assert m.code == "---" and m.rule == "kb:person?unconfirmed"
    # cues: a political act as its verb, the person's own country, another state in the sentence
    for text in ("Abbas rejected the plan.", "Abbas arrived in Ramallah on Monday.", "Abbas met Egyptian officials."):
        [m] = person(resolve(text, published="2020-01-01"), "Abbas")
        assert m.code == "PSEGOV", text


def test_an_unambiguous_name_needs_no_cue(resolve):
    [m] = person(resolve("Erdogan arrived at the airport.", published="2020-01-01"), "Erdogan")
    assert m.code == "TURGOV"


def test_the_context_vocabulary_is_data():
    from whimbrel.actors.bare import context_words

    words = context_words()
    assert words["striker"] == "sport" and words["parliament"] == "politics" and words["reject"] == "political-act"
