"""Sources and targets on news the coder has never seen (issue 11): agencies the knowledge
base lacked, places that say where an act landed, and appositions naming one actor twice."""

from __future__ import annotations


def codes(ms, text):
    return [m.code for m in ms if m.text == text]


def test_us_agencies_and_the_au_short_name_are_known(resolve):
    ms = resolve("Immigration and Customs Enforcement returned 12 skulls to Peru on April 7.")
    assert codes(ms, "Immigration and Customs Enforcement") == ["USACOP"]
    ms = resolve("ICE agents detained two men in Miami.")
    assert any(m.code == "USACOP" and m.text == "ICE" for m in ms)
    ms = resolve("USAID announced a suspension of aid in Yemen.")
    assert codes(ms, "USAID") == ["USAGOV"]
    ms = resolve("The Africa Union agreed to send a peacekeeping force.")
    assert any(m.code == "IGOAFRAFU" for m in ms)
    # lower-case "ice" is the frozen water, not the agency
    ms = resolve("The ice on the river broke up early this year.")
    assert not [m for m in ms if m.text.lower() == "ice"]
