"""``normalise`` drops exactly the control characters (Unicode category Cc) but tab and newline."""

import sys
import unicodedata

from whimbrel.ingest.build import normalise


def test_normalise_drops_every_control_character_but_tab_and_newline():
    controls = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cc"]
    text = "a" + "".join(controls) + "b\u0085c\u00a0d"
    # \r becomes a newline first, tab a space (then stripped at the line's end); every
    # other Cc character goes (NEL, U+0085, too)
    assert normalise(text) == "a\n\nbc d"
