"""The ``where`` stage: event places from a packaged gazetteer.

PLACEHOLDER: to be replaced by the place resolver (issue 5).
"""

from __future__ import annotations

from .model import Document
from .pipeline import register
from .settings import Settings


class WhereStage:
    name = "where"
    needs = ("events",)
    sets = ("events", "places")
    version = "stub"

    def __init__(self, settings: Settings):
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        return doc


@register("where")
def make(settings: Settings) -> WhereStage:
    return WhereStage(settings)
