"""The ``actors`` stage: resolve mentions in the parse to CAMEO actor codes.

PLACEHOLDER: to be replaced by the knowledge-base resolver (issue 3).
"""

from __future__ import annotations

from ..model import Document
from ..pipeline import register
from ..settings import Settings


class ActorStage:
    name = "actors"
    needs = ("spacy", "sentences")
    sets = ("mentions",)
    version = "stub"

    def __init__(self, settings: Settings):
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        doc.mentions = []
        return doc


@register("actors")
def make(settings: Settings) -> ActorStage:
    return ActorStage(settings)
