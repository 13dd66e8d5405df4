"""Typed records that cross stage boundaries.

Everything here is a frozen dataclass except :class:`Document`, the one mutable
container that carries an article through the pipeline (like a spaCy ``Doc``).
Offsets are character offsets into ``Article.text`` (the cleaned, coded text);
nothing stores a copy of the text it points at except for display fields that
the JSON record promises (``text`` on actors, ``sentence`` on evidence).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Paragraph:
    """One block of the coded text. ``kind`` is headline, summary or body."""

    start: int
    end: int
    kind: str = "body"


@dataclass(frozen=True)
class Article:
    """An input document after ingest: cleaned text plus metadata.

    ``text`` is what gets coded: the headline, the summary bullets and the body
    paragraphs, joined by blank lines. ``paragraphs`` says which is which.
    """

    id: str
    text: str
    paragraphs: tuple[Paragraph, ...] = ()
    title: str | None = None
    section: str | None = None
    summary: tuple[str, ...] = ()
    published: dt.datetime | None = None
    updated: dt.datetime | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    related: tuple[str, ...] = ()
    origin: str | None = None  # file path (and line) the article came from
    content_hash: str = ""
    format: str = "text"

    def paragraph_at(self, offset: int) -> Paragraph | None:
        for p in self.paragraphs:
            if p.start <= offset < p.end:
                return p
        return None

    @property
    def body_start(self) -> int:
        for p in self.paragraphs:
            if p.kind == "body":
                return p.start
        return 0


#: where an event's date came from (``Event.date_source``): a time expression in the
#: text; the article's publication date (its own, or one the user gave with
#: ``--published`` / ``WHIMBREL_PUBLISHED``); or, for a document with neither, today
DATE_SOURCES = ("text", "published", "assumed-today")


def document_day(article: Article, today: dt.date | None = None) -> tuple[dt.date, str]:
    """The day an article is read at - people's roles and relative dates - and where it
    came from: its publication day (``"published"``), else today (``"assumed-today"``)."""
    p = article.published
    if p is None:
        return today or dt.date.today(), "assumed-today"
    return (p.date() if isinstance(p, dt.datetime) else p), "published"


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int = 0
    kind: str = "body"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    """A resolved actor mention.

    ``code`` is the full CAMEO actor code (``PRKGOV``); ``country`` is its root
    (ISO alpha-3, ``IGO``/``NGO``/``IMG`` or ``---``), ``sector`` the first agent
    code after the root. ``rule`` names the resolution rule that fired;
    ``chain`` lists the offsets of the antecedent mentions for coreference.
    """

    code: str
    text: str
    start: int
    end: int
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    kb_id: str | None = None
    rule: str = ""
    kind: str = ""  # person, country, organisation, group, agent, pronoun
    chain: tuple[tuple[int, int], ...] = ()

    @property
    def root(self) -> str:
        return root_code(self.code)

    def as_dict(self) -> dict[str, Any]:
        d = {
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "name": self.name,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kb_id": self.kb_id,
            "rule": self.rule,
        }
        if self.chain:
            d["chain"] = [list(c) for c in self.chain]
        return d


def root_code(code: str | None) -> str:
    """The root of a CAMEO actor code: the first three letters (country or IGO/NGO...)."""
    if not code:
        return "---"
    return code[:3]


@dataclass(frozen=True)
class Location:
    name: str
    country: str | None = None
    region: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str = "city"  # site, city, region, country
    start: int | None = None
    end: int | None = None
    rule: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "region": self.region,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "precision": self.precision,
        }


@dataclass(frozen=True)
class Modality:
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    intent: bool = False
    reported_by: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Plover:
    event: str | None = None
    mode: str | None = None
    context: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"event": self.event, "mode": self.mode, "context": list(self.context)}


@dataclass(frozen=True)
class Evidence:
    sentence: str
    sentence_start: int
    trigger: str
    trigger_start: int
    trigger_end: int
    pattern: str = ""  # the lexicon pattern id that matched
    # what the act was done to when it names no actor there ("condemned [the terrorist
    # attack]", "opened an investigation into [the killing]"): offsets into the article text
    object: str = ""
    object_start: int = -1
    object_end: int = -1

    def as_dict(self) -> dict[str, Any]:
        out = {
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "trigger": self.trigger,
            "trigger_start": self.trigger_start,
            "trigger_end": self.trigger_end,
            "pattern": self.pattern,
        }
        if self.object:
            out.update(object=self.object, object_start=self.object_start, object_end=self.object_end)
        return out


@dataclass(frozen=True)
class Event:
    event_id: str
    article_id: str
    sentence_index: int
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_root: str
    quad_class: int | None
    goldstein: float | None
    plover: Plover
    evidence: Evidence
    modality: Modality = Modality()
    date: str | None = None
    date_end: str | None = None
    date_precision: str | None = None
    date_source: str | None = None  # one of DATE_SOURCES (set by the when stage)
    historical: bool = False
    location: Location | None = None
    confidence: float = 0.5
    coder_version: str = ""
    symmetric: bool = False
    type_source: str = "lexicon"  # where the type came from: lexicon, model (opinion model) or both

    def as_dict(self) -> dict[str, Any]:
        """The event record of DESIGN.md, as used by --json, exports and the API."""
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "source": self.source.as_dict() if self.source else None,
            "target": self.target.as_dict() if self.target else None,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover.as_dict(),
            "date": self.date,
            "date_end": self.date_end,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "historical": self.historical,
            "location": self.location.as_dict() if self.location else None,
            "modality": self.modality.as_dict(),
            "evidence": self.evidence.as_dict(),
            "symmetric": self.symmetric,
            "confidence": self.confidence,
            "type_source": self.type_source,
            "coder_version": self.coder_version,
        }


@dataclass(frozen=True)
class Failure:
    """A document that could not be coded, and why. A value, not an exception."""

    document: str  # article id, or the path (and line) when no id exists yet
    stage: str
    code: str
    reason: str
    origin: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Document:
    """The mutable carrier of one article through the stages (like a spaCy Doc).

    Stages read the fields they declare in ``needs`` and fill the ones in
    ``sets``. ``done`` records which fields have been set so that the pipeline
    can check declared needs.
    """

    article: Article
    spacy: Any = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Actor] = field(default_factory=list)
    places: list[Location] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    dateline: Location | None = None
    extras: dict[str, Any] = field(default_factory=dict)
    done: set[str] = field(default_factory=lambda: {"article"})

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None
