"""Where PLOVER reads a CAMEO code differently: a pledge of support is CAMEO's intent (032) but,
made now, PLOVER's expression of support (SUPPORT); support said in the future tense stays an
intent (AGREE), as the PLOVER manual's AGREE section asks."""

from __future__ import annotations

import pytest

ACTORS = [("Japan", "JPN", "country"), ("Sudan", "SDN", "country")]


@pytest.mark.parametrize("text", [
    "Japan pledged its full support for Sudan.",
    "Japan promised support for Sudan.",
    "Japan vowed its backing for Sudan.",
])
def test_a_pledge_of_support_is_support_in_plover(code, text):
    evs = code(text, ACTORS)
    assert {(e.cameo, e.plover.event) for e in evs} == {("032", "SUPPORT")}


def test_support_in_the_future_stays_an_intent(code):
    evs = code("Japan will support Sudan.", ACTORS)
    assert evs and all(e.plover.event == "AGREE" for e in evs)
