"""The ``events`` stage: sentences + resolved actors -> CAMEO/PLOVER events.

PLACEHOLDER: to be replaced by the lexicon-driven coder (issue 4).
"""

from __future__ import annotations

from ..model import Document
from ..pipeline import register
from ..settings import Settings


class EventStage:
    name = "events"
    needs = ("spacy", "sentences", "mentions")
    sets = ("events",)
    version = "stub"

    def __init__(self, settings: Settings):
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        doc.events = []
        return doc


@register("events")
def make(settings: Settings) -> EventStage:
    return EventStage(settings)
