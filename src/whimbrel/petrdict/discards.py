"""PETRARCH discard dictionaries (Phoenix.discards.txt, PETR.Validate.discards.txt).

One phrase a line (``_`` joins words); a sentence with the phrase is not coded, and a
``+`` phrase discards the whole story (every sentence of the document). A trailing
``_`` asks for the phrase as whole words only, which is how whimbrel matches every
phrase. ``$`` (a TABARI marker for a phrase that must start a word) is read as a
plain phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from .common import ReadReport, drop_xml_comments, read_text


@dataclass(frozen=True)
class Discards:
    sentence: tuple[str, ...] = ()  # lower-case phrases
    story: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.sentence or self.story)

    def _pattern(self, phrases):
        if not phrases:
            return None
        alts = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
        return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I)

    def match(self, text: str, story: bool) -> str | None:
        """The first phrase of the sentence (``story=False``) or story list found in ``text``."""
        cache = self.__dict__.setdefault("_re", {})
        if story not in cache:
            cache[story] = self._pattern(self.story if story else self.sentence)
        rx = cache[story]
        m = rx.search(text) if rx else None
        return m.group(0) if m else None


def read_discards(paths, report: ReadReport | None = None) -> Discards:
    report = report if report is not None else ReadReport()
    sentence, story = [], []
    for path in paths:
        name = str(path)
        text = drop_xml_comments(read_text(path, "discard"))
        for n, raw in enumerate(text.splitlines(), 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            whole = line.startswith("+")
            phrase = line.lstrip("+$").strip().rstrip("_")
            phrase = re.sub(r"\s+", " ", phrase.replace("_", " ")).strip().lower()
            if not phrase or not re.search(r"\w", phrase):
                report.warn(name, n, f"discard line without a phrase ({raw.strip()!r})")
                continue
            if "[" in phrase or "]" in phrase:
                report.warn(name, n, f"a discard is a plain phrase, not a coded entry ({raw.strip()!r}); skipped")
                continue
            (story if whole else sentence).append(phrase)
    report.counts["discards"] += len(sentence) + len(story)
    return Discards(tuple(dict.fromkeys(sentence)), tuple(dict.fromkeys(story)))

