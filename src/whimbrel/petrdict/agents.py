"""PETRARCH agent dictionaries (Phoenix.agents.txt, PETR.Validate.agents.txt) -> rows
of whimbrel's agent table (``phrase code source``, the format of ``actors/data/agents.tsv``).

The format: ``PHRASE {PLURAL} [~CODE]`` (``_`` joins words; ``{}`` means the plural is
regular, ``{PLURALS}`` lists irregular ones; ``~CODE`` is added after the actor's
code, ``CODE~`` before it), and substitution lines ``!KEY! = WORD, WORD`` whose key
may appear inside a phrase (``CONGRESS!PERSON!``).

``scripts/build_actors.py`` converts Phoenix.agents.txt with this reader into the
shipped ``agents.tsv``; ``--dict-agents`` reads any such file at run time.

Not used (counted in the report): prefix codes (``[NGO~]``): whimbrel's agents are
sectors after the actor's code, so the phrase is read as that sector.
"""

from __future__ import annotations

import re
from pathlib import Path

from .common import ReadReport, drop_xml_comments, read_text

#: "ambassador to", "embassy in": a trailing preposition is the "of/in <country>"
#: rule's job; kept, the phrase would swallow "the ambassador to protest"
PREPOSITIONS = {"to", "at", "for", "of", "in", "on", "with", "from", "by"}


def agent_rows(path: str | Path, report: ReadReport | None = None, source: str = "phoenix") -> list[str]:
    """Convert one agent file into ``phrase<TAB>code<TAB>source`` lines."""
    report = report if report is not None else ReadReport()
    name = str(path)
    text = drop_xml_comments(read_text(path, "agent"))
    subs: dict[str, list[str]] = {}
    out = []
    n_entries = 0
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"(![A-Z]+!)\s*=\s*(.*)", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"(.*?)\s*(\{[^}]*\})?\s*\[\s*(~?)([A-Z]+)(~?)\s*\]", line)
        if not m:
            report.warn(name, n, f"agent line not understood ({line!r}); expected 'PHRASE {{PLURAL}} [~CODE]'")
            continue
        phrase, plural, code = m.group(1).strip(), m.group(2), m.group(4)
        if m.group(5) and not m.group(3):
            report.skip("agent code placed before the actor's ([CODE~]); read as a sector", f"{name}:{n}")
        if not phrase:
            report.warn(name, n, f"agent line without a phrase ({line!r})")
            continue
        n_entries += 1
        variants = [phrase]
        for key, vals in subs.items():
            if key in phrase:
                variants = [v.replace(key, val) for v in variants for val in vals]
        for v in variants:
            v = re.sub(r"\s+", " ", v.replace("_", " ")).strip().lower()
            if v and not v.startswith("!") and v.split(" ")[-1] not in PREPOSITIONS:
                out.append(f"{v}\t{code}\t{source}")
        if plural and plural.strip("{} "):
            out.append(f"{plural.strip('{} ').replace('_', ' ').lower()}\t{code}\t{source}")
    report.counts["agents"] += n_entries
    return out
