"""Score the actor stage on gold source actors (PLOVER GSR JSON records).

For each gold source actor ``{actorText, code}`` of a record, the record's
``text`` is run through the pipeline (spaCy + ``actors``) and the actor counts
as right when a mention that may act (kind != "place") with the gold *root*
(country, or IGO/NGO/IMG) overlaps the place of ``actorText`` in the text
("U.S. ... negotiators" is looked up piece by piece). Misses are put in
categories:

* ``no_mention``: nothing that may act covers the gold text;
* ``wrong_root``: a mention covers it with another root (its code is shown);
* ``place``: only a place mention covers it;
* ``text_not_found``: the gold actorText is not in the sentence (then any
  mention with the gold root in the sentence counts).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..ingest import article_from_text


@dataclass
class SourceScore:
    total: int = 0
    right: int = 0
    misses: list[dict] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    def by_category(self) -> Counter:
        return Counter(m["category"] for m in self.misses)


def _spans(text: str, actor_text: str) -> list[tuple[int, int]]:
    out = []
    for part in re.split(r"\s*\.\.\.\s*", actor_text):
        part = part.strip()
        if not part:
            continue
        i = text.find(part)
        if i < 0:
            i = text.lower().find(part.lower())
        if i >= 0:
            out.append((i, i + len(part)))
    return out


def load_records(path: str | Path) -> list[dict]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [r for r in data if r.get("text") and r.get("source")]


def score_sources(pipeline, records: list[dict]) -> SourceScore:
    arts = []
    for r in records:
        published = dt.datetime.fromisoformat(r["date"]) if r.get("date") else None
        arts.append(article_from_text(r["text"].strip(), id=r["id"], published=published))
    score = SourceScore()
    for r, doc in zip(records, pipeline.pipe(arts)):
        mentions = getattr(doc, "mentions", [])
        text = arts[records.index(r)].text
        for g in r["source"]:
            root = (g.get("code") or "---")[:3]
            score.total += 1
            spans = _spans(text, g.get("actorText", ""))
            if spans:
                over = [m for m in mentions if any(m.start < e and s < m.end for s, e in spans)]
            else:
                over = list(mentions)
            acting = [m for m in over if m.kind != "place"]
            if any(m.country == root for m in acting):
                score.right += 1
                continue
            if not spans:
                cat = "text_not_found"
            elif acting:
                cat = "wrong_root"
            elif over:
                cat = "place"
            else:
                cat = "no_mention"
            score.misses.append({"id": r["id"], "actorText": g.get("actorText"), "gold": g.get("code"),
                                 "got": sorted({m.code for m in over}), "category": cat, "text": text})
    return score
