"""The ``when`` stage: event dates from the text and the publication time.

PLACEHOLDER: to be replaced by the date resolver (issue 5).
"""

from __future__ import annotations

from .model import Document
from .pipeline import register
from .settings import Settings


class WhenStage:
    name = "when"
    needs = ("events",)
    sets = ("events",)
    version = "stub"

    def __init__(self, settings: Settings):
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        return doc


@register("when")
def make(settings: Settings) -> WhenStage:
    return WhenStage(settings)
