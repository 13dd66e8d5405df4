"""Values from the input, made safe to print and to open in a spreadsheet.

Ids, titles, file names and evidence sentences come from whoever wrote the
input. Printed raw, an escape sequence in them can move the cursor, retitle
the terminal or hide text; in a CSV file, a cell starting with ``=``, ``+``,
``-`` or ``@`` is run as a formula by spreadsheet programs (CSV injection).
The stored data stays as it was given; these helpers are applied on the way
out (``whimbrel events``, ``show``, ``code``, ``ingest`` messages, exports).
"""

from __future__ import annotations

import json
import re

# C0 and C1 control characters (ESC starts terminal escape sequences, 0x9b is a one-byte CSI),
# DEL, and the bidirectional overrides and isolates that reorder what a terminal shows
_CONTROLS = [*range(0x20), 0x7F, *range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]


def _table(keep: str) -> dict[int, str]:
    return {c: f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}" for c in _CONTROLS if chr(c) not in keep}


_LINE = _table("")
_TEXT = _table("\n")
_SAME_LENGTH = {c: "\ufffd" for c in _TEXT}
_JSON = {c: f"\\u{c:04x}" for c in _CONTROLS if c >= 0x7F}  # json.dumps escapes C0 itself


def safe(text, *, newlines: bool = False) -> str:
    """``text`` with control characters shown as escapes (``\\x1b``); ``newlines=True`` keeps
    line breaks. Plain text comes back unchanged."""
    text = "" if text is None else str(text)
    return text.translate(_TEXT if newlines else _LINE)


def safe_text(text: str) -> str:
    """Article text to print with its offsets kept: each control character other than a line
    break becomes one U+FFFD, so highlight offsets still point at the right words."""
    return text.translate(_SAME_LENGTH)


def json_line(rec) -> str:
    """A JSON record on one line with every control character escaped (``json.dumps`` escapes
    only C0 when it keeps non-ASCII text as it is)."""
    return json.dumps(rec, ensure_ascii=False).translate(_JSON)


#: a spreadsheet reads a cell starting with one of these as a formula
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def spreadsheet_safe(value):
    """A cell a spreadsheet shows as text, never runs: a string starting like a formula (``=``,
    ``+``, ``-``, ``@``, tab, carriage return) gets a leading apostrophe, as OWASP advises for
    CSV injection. Numbers, and strings that are numbers (``-2.0``), are left alone."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_cell(value):
    """A CSV/TSV cell: control characters escaped (line breaks kept), formulas neutralised."""
    if isinstance(value, str):
        return spreadsheet_safe(safe(value, newlines=True))
    return value
