"""References the article resolves (issue 11, item 2, actors part): "the militants", "the
army", a quoted "we"; and duplicate knowledge-base people (dated roles win)."""

from __future__ import annotations


def codes(ms, text):
    return [m.code for m in ms if m.text == text]


def test_the_militants_are_the_armed_group_just_named(resolve):
    ms = resolve("Nigerian troops battled Boko Haram in Borno state. The militants attacked a military base on Sunday.")
    [m] = [m for m in ms if m.text == "militants"]
    assert m.code == "NGAREB" and m.rule == "coref:definite" and m.chain
    # with no group before them they stay unknown
    ms = resolve("The militants attacked a police post on Sunday.")
    assert codes(ms, "militants") == ["---REB"]


def test_the_army_is_the_one_country_the_story_names(resolve):
    ms = resolve("Clashes broke out in Khartoum on Monday. The army said it had repelled an attack.")
    [m] = [m for m in ms if m.text == "army"]
    assert m.code == "SDNMIL" and m.rule == "coref:definite-country"
    # two countries: whose army is not said
    ms = resolve("Chad and Sudan exchanged accusations. The army said it had repelled an attack.")
    assert codes(ms, "army") == ["---MIL"]
    # a bare noun without "the" is not a reference back
    ms = resolve("Clashes broke out in Khartoum on Monday. Soldiers said they had repelled an attack.")
    assert all(m.rule != "coref:definite-country" for m in ms)


def test_a_quoted_we_is_the_speaker(resolve):
    ms = resolve('"We will not negotiate with terrorists," the Nigerian foreign minister said.')
    [we] = [m for m in ms if m.text == "We"]
    assert we.code == "NGAGOV" and we.rule == "coref:quote" and we.chain
    ms = resolve('Pakistan\'s army said militants had attacked a checkpoint. "We will respond," the army said.')
    assert codes(ms, "We") == ["PAKMIL"]
    ms = resolve('\u201cI will not resign,\u201d said Kenyan President William Ruto.', published="2024-01-01")
    assert codes(ms, "I") == ["KENGOV"]


def test_a_quoted_we_without_a_coded_speaker_or_quotes_is_not_resolved(resolve):
    ms = resolve('"We will win," the fans chanted outside the stadium.')
    assert not [m for m in ms if m.text == "We"]
    ms = resolve("We will respond, the Nigerian army said.")  # no quotation marks
    assert all(m.rule != "coref:quote" for m in ms)


def test_duplicate_people_index_the_dated_entry(pipeline):
    from whimbrel.actors.kb import load_kb

    kb = load_kb()
    for alias in ("Assad", "Mr Assad", "Mursi", "President Mubarak"):
        [e] = kb.lookup(alias)
        assert e.id.startswith("p:"), (alias, e.id)  # the hand-written, dated entry
    assert kb.lookup("Assad")[0].code_on(__import__("datetime").date(2026, 1, 1)).code == "SYRELI"
    # a Phoenix person with no hand-written twin keeps its own entry
    assert kb.lookup("Assad Shoman")[0].id.startswith("px:")


def test_same_people_rule():
    from whimbrel.actors.kb import _same_people

    def person(names, code, prio):
        return ["person", names, [[code, "", "", ""]], (), "x", prio]

    raw = {
        "p:a": person(["John Smith"], "USAGOV", 2),
        "px:a": person(["John Smith", "Smith", "Mr Smith"], "USAGOV", 0),  # the same man: merged
        "px:b": person(["John Smith", "J. Smith"], "GBRGOV", 0),  # another country: kept apart
        "p:c": person(["Ana Ruiz"], "ESPGOV", 2),
        "p:d": person(["Ana Ruiz"], "ESPLEG", 2),
        "px:c": person(["Ana Ruiz", "Ruiz"], "ESPGOV", 0),  # two hand-written Ana Ruiz: not merged
    }
    assert _same_people(raw, {}) == {"px:a": "p:a"}
