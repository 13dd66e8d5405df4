"""A small event database made by hand (no spaCy) for the web tests, plus a hostile article.

Events: PRK and USA over six months of 2018 in both directions and all four quad
classes, CUB-PRK meetings, RUS-UKR fighting, one negated and one future event,
places in four cities. ``XSS_ID`` is an article whose text and actor names hold
markup that must render as text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace

from whimbrel.model import Actor, Article, Document, Event, Evidence, Location, Modality, Paragraph, Plover
from whimbrel.store import Store

CAMEO = {  # code: (root, quad, goldstein, plover)
    "036": ("03", 1, 4.0, "CONSULT"), "043": ("04", 1, 2.8, "CONSULT"), "057": ("05", 1, 8.0, "AGREE"),
    "070": ("07", 2, 7.0, "AID"), "112": ("11", 3, -2.0, "ACCUSE"), "138": ("13", 3, -7.0, "THREATEN"),
    "163": ("16", 4, -8.0, "SANCTION"), "190": ("19", 4, -10.0, "ASSAULT"),
}
PLACES = {
    "Pyongyang": Location("Pyongyang", "PRK", None, 39.03, 125.75, 1871859, "city"),
    "Washington": Location("Washington", "USA", None, 38.89, -77.03, 4140963, "city"),
    "Havana": Location("Havana", "CUB", None, 23.13, -82.38, 3553478, "city"),
    "Donetsk": Location("Donetsk", "UKR", None, 48.02, 37.80, 709717, "city"),
}
NAMES = {"PRK": "North Korea", "USA": "United States", "CUB": "Cuba", "RUS": "Russia", "UKR": "Ukraine"}

XSS_ID = "xss-article"
XSS_TEXT = (
    "Hostile markup <script>window.__xss = 'script'</script> in a headline\n\n"
    "North Korea accused the United States of lying <img src=x onerror=\"window.__xss = 'img'\"> on Monday, "
    "state media said, and posted <a href=\"javascript:window.__xss = 'link'\">a link</a> to its statement."
)

# (article, n, source, target, cameo, date, place, extra)
PLAN = [
    ("a-jan", 0, "PRKGOV", "USAGOV", "036", "2018-01-10", "Pyongyang", {}),
    ("a-jan", 1, "USAGOV", "PRKGOV", "112", "2018-01-12", "Washington", {}),
    ("a-feb", 0, "USAGOV", "PRK", "163", "2018-02-03", "Washington", {}),
    ("a-feb", 1, "PRKMIL", "USA", "138", "2018-02-05", "Pyongyang", {}),
    ("a-feb", 2, "PRKGOV", "USAGOV", "043", "2018-02-06", None, {"negated": True}),
    ("a-apr", 0, "PRKGOV", "USAGOV", "057", "2018-04-27", "Pyongyang", {}),
    ("a-apr", 1, "USAGOV", "PRKGOV", "070", "2018-04-28", None, {}),
    ("a-apr", 2, "USAGOV", "PRKGOV", "043", "2018-05-02", None, {"future": True}),
    ("a-jun", 0, "PRKGOV", "USAGOV", "043", "2018-06-12", "Pyongyang", {}),
    ("a-jun", 1, "USAGOV", "PRKGOV", "043", "2018-06-12", "Pyongyang", {}),
    ("a-cub", 0, "CUBGOV", "PRKGOV", "043", "2018-11-04", "Pyongyang", {}),
    ("a-cub", 1, "PRKGOV", "CUBGOV", "057", "2018-11-05", "Pyongyang", {}),
    ("a-cub", 2, "CUBGOV", "USA", "112", "2018-11-05", "Havana", {"confidence": 0.4}),
    ("a-ukr", 0, "RUSMIL", "UKRMIL", "190", "2018-11-25", "Donetsk", {}),
    ("a-ukr", 1, "UKRGOV", "RUSGOV", "112", "2018-11-26", None, {}),
    ("a-ukr", 2, "RUSGOV", "UKRGOV", "112", "2018-11-27", None, {}),
]


def _article(aid: str, text: str, published: str, title: str) -> Article:
    paras, spans, pos = text.split("\n\n"), [], 0
    for i, p in enumerate(paras):
        spans.append(Paragraph(pos, pos + len(p), "headline" if i == 0 else "body"))
        pos += len(p) + 2
    return Article(id=aid, text=text, paragraphs=tuple(spans), title=title,
                   published=dt.datetime.fromisoformat(published), source="test wire",
                   content_hash=hashlib.sha256(text.encode()).hexdigest())


def _actor(code: str, text: str, start: int, name: str | None = None) -> Actor:
    return Actor(code=code, text=text, start=start, end=start + len(text), country=code[:3],
                 sector=code[3:6] or None, name=name or NAMES.get(code[:3], code))


def _event(art: Article, n: int, src: str, tgt: str, cameo: str, date: str, place: str | None, **extra) -> Event:
    root, quad, gold, plover = CAMEO[cameo]
    text = art.text
    s_text, t_text = NAMES[src[:3]], NAMES[tgt[:3]]
    s_at = text.find(s_text)
    t_at = text.find(t_text)
    trig = "met"
    trig_at = text.find(trig)
    return Event(
        event_id=hashlib.sha1(f"{art.id}|{n}".encode()).hexdigest()[:16], article_id=art.id, sentence_index=n,
        source=_actor(src, s_text, s_at), target=_actor(tgt, t_text, t_at),
        cameo=cameo, cameo_root=root, quad_class=quad, goldstein=gold, plover=Plover(plover, None, ()),
        evidence=Evidence(sentence=text[:80], sentence_start=0, trigger=trig, trigger_start=trig_at,
                          trigger_end=trig_at + len(trig), pattern="test"),
        modality=Modality(negated=extra.get("negated", False), future=extra.get("future", False)),
        date=date, date_precision="day", location=PLACES.get(place) if place else None,
        confidence=extra.get("confidence", 0.8), coder_version="test+1",
    )


def documents() -> list[Document]:
    by_article: dict[str, list] = {}
    for aid, *rest in PLAN:
        by_article.setdefault(aid, []).append(rest)
    docs = []
    for aid, plan in by_article.items():
        names = sorted({NAMES[p[1][:3]] for p in plan} | {NAMES[p[2][:3]] for p in plan})
        text = (f"Story {aid}\n\n" + " and ".join(names) + " met and talked; " +
                "officials from " + ", ".join(names) + " said more.")
        art = _article(aid, text, plan[0][4] + "T08:00", f"Story {aid}")
        docs.append(Document(article=art, events=[_event(art, n, s, t, c, d, pl, **x) for n, s, t, c, d, pl, x in plan]))
    xss = _article(XSS_ID, XSS_TEXT, "2018-12-01T09:00", "Hostile <b>markup</b> <script>window.__xss='title'</script>")
    ev = _event(xss, 0, "PRKMED", "USA", "112", "2018-12-01", "Pyongyang")
    acc = XSS_TEXT.index("accused")
    ev = replace(ev, **{"source": Actor(code="PRKMED", text="North Korea", start=XSS_TEXT.index("North Korea"),
                                                 end=XSS_TEXT.index("North Korea") + 11, country="PRK", sector="MED",
                                                 name="<img src=y onerror=\"window.__xss='name'\">"),
                  "evidence": Evidence(sentence=XSS_TEXT[:200], sentence_start=0, trigger="accused",
                                       trigger_start=acc, trigger_end=acc + 7, pattern="test")})
    docs.append(Document(article=xss, events=[ev]))
    return docs


def build(path) -> str:
    with Store(path) as st:
        st.write_batch(documents())
    return str(path)
