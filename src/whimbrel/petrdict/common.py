"""Shared helpers of the PETRARCH dictionary readers: reading a file's lines without
its comments, PETRARCH dates and codes, and the :class:`ReadReport` every reader
fills (entries read, warnings naming file and line, constructs not understood).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataFileError


@dataclass(frozen=True)
class DictWarning:
    """A line a reader could not use, and why."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class ReadReport:
    """What the readers made of the files: entries read per kind, warnings (malformed
    lines) and constructs read but not used by the coder (with a count and a first example)."""

    counts: Counter = field(default_factory=Counter)
    warnings: list[DictWarning] = field(default_factory=list)
    unsupported: Counter = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def warn(self, file: str, line: int, message: str) -> None:
        self.warnings.append(DictWarning(file, line, message))

    def skip(self, construct: str, where: str) -> None:
        """Note a construct that was read but is not used (``where``: file:line)."""
        self.unsupported[construct] += 1
        self.examples.setdefault(construct, where)

    def summary(self) -> str:
        """A few lines for a person: entries per kind, warnings, constructs not understood."""
        kinds = ", ".join(f"{n} {k}" for k, n in self.counts.items()) or "nothing"
        lines = [f"dictionaries: read {kinds} from {len(self.files)} file(s)"]
        if self.warnings:
            lines.append(f"  {len(self.warnings)} malformed line(s) skipped; the first: {self.warnings[0]}")
        for what, n in self.unsupported.most_common():
            lines.append(f"  not understood, skipped: {what} ({n}x, e.g. {self.examples[what]})")
        return "\n".join(lines)

    def as_dict(self) -> dict:
        return {"files": list(self.files), "counts": dict(self.counts),
                "warnings": [str(w) for w in self.warnings],
                "not_understood": {k: {"count": n, "example": self.examples[k]} for k, n in self.unsupported.items()}}


def read_text(path: str | Path, what: str) -> str:
    """A dictionary file's text (UTF-8, else Latin-1 as PETRARCH's files are)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise DataFileError(f"cannot read PETRARCH {what} dictionary {path}: {e.strerror or e}") from e
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


_XML_COMMENT = re.compile(r"<!--.*?-->", re.S)


def drop_xml_comments(text: str) -> str:
    """Blank out ``<!-- ... -->`` blocks, keeping the line count (so line numbers stay true)."""
    return _XML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def petr_date(s: str) -> str:
    """A PETRARCH date (YYMMDD, or YYYYMMDD) as ISO YYYY-MM-DD. Two-digit years up to 30
    are 20xx; an out-of-range month or day is moved into range (Phoenix has 991231-like
    ends and a few 0230s). Raises ValueError for anything else."""
    s = s.strip()
    if len(s) == 6 and s.isdigit():
        yy = int(s[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        s = f"{year}{s[2:]}"
    if len(s) == 8 and s.isdigit():
        mm, dd = int(s[4:6]), int(s[6:8])
        mm = min(max(mm, 1), 12)
        dd = min(max(dd, 1), 28 if mm == 2 else 30 if mm in (4, 6, 9, 11) else 31)
        return f"{s[:4]}-{mm:02d}-{dd:02d}"
    raise ValueError(s)


def split_code(code: str) -> tuple[str, bool] | None:
    """A verb code ``[CODE]`` or ``[SRC:TGT]`` -> (code, swap) or None when it codes nothing
    (``---``): a ``---:CODE`` pair is the event the target does to the source."""
    code = code.strip()
    if not code or code == "---":
        return None
    if ":" in code:
        a, b = code.split(":", 1)
        a, b = a.strip(), b.strip()
        if a and a != "---":
            return a, False
        if b and b != "---":
            return b, True
        return None
    return code, False
