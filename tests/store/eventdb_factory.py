"""Small builders for event-database tests: articles and events made by hand (no spaCy)."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re

from whimbrel.model import (Actor, Article, Document, Event, Evidence, Location, Modality, Paragraph,
                            Plover)

CAMEO = {  # code: (root, quad, goldstein, plover event, plover mode)
    "030": ("03", 1, 4.0, "AGREE", None),
    "040": ("04", 1, 1.0, "CONSULT", None),
    "043": ("04", 1, 2.8, "CONSULT", "visit"),
    "042": ("04", 1, 1.9, "CONSULT", "visit"),
    "036": ("03", 1, 4.0, "CONSULT", None),
    "057": ("05", 1, 8.0, "AGREE", None),
    "112": ("11", 3, -2.0, "ACCUSE", None),
    "163": ("16", 4, -8.0, "SANCTION", None),
    "190": ("19", 4, -10.0, "ASSAULT", None),
    "193": ("19", 4, -10.0, "ASSAULT", "firearms"),
}

COUNTRY = {"PRK": "North Korea", "CUB": "Cuba", "USA": "United States", "RUS": "Russia",
           "CHN": "China", "KOR": "South Korea", "JPN": "Japan", "AUS": "Australia"}

PLACES = {
    "Pyongyang": Location("Pyongyang", "PRK", None, 39.03, 125.75, 1871859, "city"),
    "New York": Location("New York", "USA", "New York", 40.71, -74.01, 5128581, "city"),
    "Havana": Location("Havana", "CUB", None, 23.13, -82.38, 3553478, "city"),
    "North Korea": Location("North Korea", "PRK", None, 40.0, 127.0, 1873107, "country"),
    "Wonsan": Location("Wonsan", "PRK", None, 39.15, 127.44, 1873757, "city"),
    "London": Location("London", "GBR", None, 51.51, -0.13, 2643743, "city"),
}


def article(aid: str, text: str, *, published: str | None = "2018-11-05T08:00", source: str | None = None,
            url: str | None = None, title: str | None = None) -> Article:
    paras = [p for p in text.split("\n\n") if p.strip()]
    body = "\n\n".join(paras)
    spans, pos = [], 0
    for i, p in enumerate(paras):
        spans.append(Paragraph(pos, pos + len(p), "headline" if (i == 0 and title) else "body"))
        pos += len(p) + 2
    return Article(id=aid, text=body, paragraphs=tuple(spans), title=title,
                   published=dt.datetime.fromisoformat(published) if published else None,
                   url=url, source=source, content_hash=hashlib.sha256(body.encode()).hexdigest())


def actor(code: str | None, text: str = "", start: int = 0) -> Actor | None:
    if code is None:
        return None
    return Actor(code=code, text=text or code, start=start, end=start + len(text or code),
                 country=code[:3], sector=code[3:6] or None, name=COUNTRY.get(code[:3], code))


def event(art: Article, n: int, src: str | None, tgt: str | None, cameo: str, *, date: str | None = None,
          date_end: str | None = None, precision: str | None = "day", place: str | None = None,
          offset: int = 0, symmetric: bool = False, future: bool = False, negated: bool = False,
          confidence: float = 0.8, version: str = "test+1", trigger: str = "met") -> Event:
    root, quad, gold, pev, pmode = CAMEO[cameo]
    ev_id = hashlib.sha1(f"{art.id}|{n}|{src}|{tgt}|{cameo}".encode()).hexdigest()[:16]
    trig = trigger
    return Event(
        event_id=ev_id, article_id=art.id, sentence_index=n,
        source=actor(src, start=offset), target=actor(tgt, start=offset + 4),
        cameo=cameo, cameo_root=root, quad_class=quad, goldstein=gold,
        plover=Plover(pev, pmode, ("diplomatic",)),
        evidence=Evidence(sentence=art.text[offset:offset + 60], sentence_start=offset, trigger=trig,
                          trigger_start=offset + 2, trigger_end=offset + 5, pattern="test"),
        modality=Modality(negated=negated, future=future),
        date=date, date_end=date_end, date_precision=precision if date else None,
        location=PLACES.get(place) if place else None, confidence=confidence,
        coder_version=version, symmetric=symmetric,
    )


def document(art: Article, events: list[Event], how: tuple | list | None = None) -> Document:
    """A coded document; ``how`` is how the when/where stages found the date and place,
    ``(date_rule, date_text, place_rule)`` for every event or a list of them, one per event."""
    doc = Document(article=art, events=list(events))
    if how is not None:
        hows = how if isinstance(how, list) else [how] * len(doc.events)
        doc.extras["when"] = {e.event_id: (h[0], h[1] or "") for e, h in zip(doc.events, hows)}
        doc.extras["where"] = {e.event_id: (h[2], "") for e, h in zip(doc.events, hows)}
    return doc


ORIGINALS = [
    ("kim-cuba",
     "Kim Jong-un welcomes Cuban leader in Pyongyang\n\n"
     "North Korean leader Kim Jong-un welcomed Cuban President Miguel Diaz-Canel in Pyongyang on Sunday, "
     "the first visit by a Cuban head of state in years, state media reported on Monday.\n\n"
     "The two leaders agreed to expand and strengthen their strategic relations and vowed continued "
     "solidarity against what they called unfair sanctions imposed by Washington. Diaz-Canel arrived with "
     "his wife and was met at the airport by Kim and a large crowd waving flags.\n\n"
     "Diaz-Canel is on a tour that has taken him to Moscow and Beijing and will continue to Vietnam and Laos. "
     "Analysts said the visit showed how both governments were seeking friends as pressure from the United "
     "States grows over trade, human rights and the nuclear programme."),
    ("fires-nsw",
     "Bushfires force hundreds from homes in New South Wales\n\n"
     "Hundreds of people have been forced to leave their homes in the Southern Highlands as strong winds "
     "pushed a huge bushfire towards the town of Hill Top on Tuesday afternoon.\n\n"
     "Firefighters said the blaze had jumped containment lines near the highway and that water-bombing "
     "aircraft were grounded by the gusts. The Rural Fire Service urged residents to follow their fire "
     "plans and to stay tuned to local radio for updates through the evening.\n\n"
     "The state premier praised volunteers who had worked through the night and promised extra resources "
     "for the communities hit hardest, while warning that conditions would worsen before rain arrives."),
    ("un-talks",
     "UN envoy opens new round of peace talks in Geneva\n\n"
     "The United Nations special envoy opened a new round of talks between the government and opposition "
     "delegations in Geneva on Wednesday, appealing to both sides to agree on a ceasefire before winter.\n\n"
     "Delegates met separately with the envoy in the morning and were expected to sit in the same room "
     "later in the week, officials said, though neither side had dropped its preconditions for a deal.\n\n"
     "Aid agencies warned that hundreds of thousands of civilians were cut off from food and medicine and "
     "called on the warring parties to open corridors so that convoys could reach besieged districts."),
]

_SWAPS = {"said": "stated", "leader": "chief", "strong": "powerful", "huge": "massive", "warned": "cautioned",
          "people": "residents", "agreed": "pledged", "talks": "negotiations", "hundreds": "scores"}


def syndicate(text: str, *, seed: int, outlet: str) -> str:
    """A syndicated copy: new headline, a byline, a few words swapped, maybe the last paragraph cut."""
    rng = random.Random(seed)
    paras = text.split("\n\n")
    head = paras[0]
    body = paras[1:]
    if rng.random() < 0.5 and len(body) > 2:
        body = body[:-1]
    body = [re.sub(r"\b(\w+)\b", lambda m: _SWAPS[m.group(1)] if m.group(1) in _SWAPS and rng.random() < 0.5
                   else m.group(1), p) for p in body]
    new_head = rng.choice(["UPDATE: ", "WORLD: ", ""]) + head.upper() if rng.random() < 0.5 else head + " - report"
    return "\n\n".join([new_head, f"By {outlet} staff ({outlet})", *body])
