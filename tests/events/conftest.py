"""Helpers for coder tests: parse a text once and attach hand-built actor mentions.

The coder's contract with the actor stage is ``doc.mentions`` (char offsets);
these tests build mentions by hand so they test the coder alone.
"""

from __future__ import annotations

import re

import pytest

from whimbrel.model import Actor, Article, Document, Paragraph
from whimbrel.nlp import attach


def mention(text: str, phrase: str, code: str, *, kind: str = "person", nth: int = 0) -> Actor:
    hits = [m for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text)]
    m = hits[nth]
    return Actor(code=code, text=phrase, start=m.start(), end=m.end(), country=code[:3], sector=code[3:6] or None, kind=kind)


@pytest.fixture(scope="session")
def coder_stage():
    from whimbrel.events.coder import EventStage
    from whimbrel.settings import Settings

    return EventStage(Settings())


@pytest.fixture(scope="session")
def code(pipeline, coder_stage):
    """code(text, [(phrase, code[, kind[, nth]]), ...], kind="body") -> list[Event]."""

    def run(text: str, actors, *, kind: str = "body", stage=None):
        art = Article(id="t", text=text, paragraphs=(Paragraph(0, len(text), kind),))
        doc = attach(Document(article=art), pipeline.nlp(text))
        ms = []
        for a in actors:
            phrase, c, *rest = a
            k = rest[0] if rest else "person"
            nth = rest[1] if len(rest) > 1 else 0
            ms.append(mention(text, phrase, c, kind=k, nth=nth))
        doc.mentions = sorted(ms, key=lambda m: (m.start, m.end))
        return (stage or coder_stage)(doc).events

    return run


def dyads(events):
    return {(e.source.code if e.source else None, e.target.code if e.target else None, e.cameo) for e in events}


#: two actors for rule tests: "Japan ... Sudan"
JAPAN_SUDAN = [("Japan", "JPN", "country"), ("Sudan", "SDN", "country")]


def codes(events) -> set[str]:
    """The CAMEO codes of ``events``."""
    return {e.cameo for e in events}
