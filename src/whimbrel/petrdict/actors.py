"""PETRARCH actor dictionaries (Phoenix.*.actors.txt, PETR.Validate.actors.txt) ->
rows of whimbrel's actor knowledge base (``id kind code start end names context``,
the format of ``actors/data/*.tsv``, see docs/actors.md).

The format: an entry is a name line (``NAME [CODE]``, words joined by ``_`` or
spaces), then synonyms (``+NAME``), then code blocks, on the name line or on indented
lines: ``[CODE]``, ``[CODE >YYMMDD]`` (from that date), ``[CODE <YYMMDD]`` (until it),
``[CODE YYMMDD-YYMMDD]``. Two-digit years up to 30 are 20xx. A blank line ends an entry
that has a code; names without a code yet take the code lines that follow (TABARI).

``scripts/build_actors.py`` converts the three Phoenix files with this reader into the
shipped ``phoenix.tsv``; ``--dict-actors`` reads any such file at run time.

Kinds: a Phoenix file's name picks the kind as the build does (International:
organisations, MilNonState: armed groups, Countries: by the entry's shape). In any other
file an undated entry with bare three-letter codes is a country ("ARNOR_ [ARN]"), a
dated one a person, anything else an organisation ("WHITE_HOUSE [USAGOV]").
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .common import ReadReport, drop_xml_comments, petr_date, read_text

SECTORS = {"GOV", "MIL", "COP", "REB", "OPP", "MED", "JUD", "LEG", "BUS", "CVL", "ELI", "SPY", "EDU",
           "HLH", "LAB", "AGR", "REF", "CRM", "UAF", "IGO", "NGO", "PTY", "ENV", "HRI", "DEV", "INS",
           "MOD", "RAD", "REL", "SET", "UNI"}

ORG_WORDS = re.compile(r"\b(ARMY|FORCES?|MINISTRY|PARTY|COUNCIL|COMMITTEE|FRONT|MOVEMENT|ORGANI[SZ]ATION|BANK|"
                       r"AGENCY|COMMISSION|COURT|ASSEMBLY|PARLIAMENT|UNION|BRIGADES?|GROUP|CORPS|GUARD|POLICE|"
                       r"SERVICE|OFFICE|INSTITUTE|FUND|PROGRAM+E?|ASSOCIATION|LEAGUE|NETWORK|FEDERATION|MEDIA|"
                       r"NEWS|RADIO|TELEVISION|TV|GOVERNMENT|CABINET|SENATE|CONGRESS|MILITIA|ALLIANCE|AUTHORITY)\b")
POST_WORDS = re.compile(r"\b(SECRETARY|MINISTER|PRESIDENT|AMBASSADOR|CHIEF|HEAD|LEADER|SPOKESM[AE]N|GOVERNOR|"
                        r"CHAIRM[AE]N|DIRECTOR|ENVOY|COMMANDER|PREMIER|CHANCELLOR|MAYOR|OFFICIALS?|DEPUTY)\b")
#: file-name conventions of the Phoenix set -> (id prefix, kind mode)
PHOENIX_FILES = (("International", "pxi", "organisation"), ("MilNonState", "pxm", "group"),
                 ("Phoenix.Countries", "px", "country-file"))


def ascii_fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def row(id_, kind, code, start="", end="", names=(), context=""):
    """One knowledge-base line (names deduplicated, '|'-joined)."""
    names = [n.strip() for n in names if n and n.strip()]
    seen, uniq = set(), []
    for n in names:
        k = n.lower()
        if k not in seen and "\t" not in n and "|" not in n:
            seen.add(k)
            uniq.append(n)
    return "\t".join([id_, kind, code, start or "", end or "", "|".join(uniq), context])


def parse_code_block(tok: str) -> tuple[str, str, str] | None:
    """'RUSGOV 991231-080507' | 'CUBGOVEDU >090601' | 'HOB < 950601' | 'HOBGOV 19950601 - 19990815'
    | 'AFGELI' -> (code, start, end); None when it is not a code block. A date without
    '>', '<' or '-' leaves the code undated (the caller warns: see :func:`read_blocks`)."""
    parts = tok.split(None, 1)
    if not parts:
        return None
    code = parts[0].strip().upper()
    if not re.fullmatch(r"[A-Z~\-*]{3,15}[a-z]{0,3}", parts[0]) and not re.fullmatch(r"[A-Z0-9~\-]{3,15}", code):
        return None
    start = end = ""
    if len(parts) > 1:
        d = re.sub(r"\s+", "", parts[1])
        try:
            if d.startswith(">"):
                start = petr_date(d[1:])
            elif d.startswith("<"):
                end = petr_date(d[1:])
            elif "-" in d:
                a, b = d.split("-", 1)
                start, end = petr_date(a), petr_date(b)
        except ValueError:
            return None
    return code.replace("~", ""), start, end


def clean_name(n: str) -> str:
    n = n.strip().strip("+").strip()
    n = n.replace("_", " ").strip()
    n = re.sub(r"\s+", " ", n)
    return n.title() if n.isupper() or n.islower() else n


def split_places(names: list[str], iso3: str, gaz) -> tuple[list[str], list[str]]:
    """Phoenix lists a country's cities and regions among its names ("New Zealand|...|
    Auckland|Christchurch|Otago"): those are places, not the state. Split off the names
    the gazetteer knows as a city or region of that country (and not as its name)."""
    places, countries = gaz
    keep, split = [names[0]], []
    for n in names[1:]:
        k = ascii_fold(n).lower()
        if (iso3, k) in places and (iso3, k) not in countries:
            split.append(n)
        else:
            keep.append(n)
    return keep, split


def gazetteer_places() -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(places, countries): {(ISO3, folded name)} of the packaged gazetteer's cities and
    first-level regions, and of its country names (for :func:`split_places`)."""
    import csv
    import gzip
    from importlib.resources import files

    places, countries = set(), set()
    with gzip.open(str(files("whimbrel") / "data" / "gazetteer.tsv.gz"), "rt", encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            keys = {k for k in (r.get("keys") or "").split("|") if k}
            keys.add(ascii_fold(r["name"]).lower())
            target = countries if r["kind"] == "country" else places
            target.update((r["country"], k) for k in keys)
    return places, countries


def file_mode(path: str | Path) -> tuple[str, str]:
    """(id prefix, kind mode) for an actor file, by the Phoenix naming convention."""
    name = Path(path).name
    for key, prefix, mode in PHOENIX_FILES:
        if key in name:
            return prefix, mode
    stem = re.sub(r"[^a-z0-9]+", "-", Path(path).stem.lower()).strip("-")
    return f"pd-{stem}", "generic"


def read_blocks(path: str | Path, report: ReadReport | None = None) -> list[tuple[list[str], list, str]]:
    """The entries of an actor file: [(names, [(code, start, end)], comment)]."""
    report = report if report is not None else ReadReport()
    name = str(path)
    text = drop_xml_comments(read_text(path, "actor"))
    blocks = []
    cur = None

    def flush():
        nonlocal cur
        if cur and cur[0] and cur[1]:
            blocks.append(cur[:3])
        elif cur and cur[0]:
            report.warn(name, cur[3], f"entry {cur[0][0]!r} has no code block ([CODE]); skipped")
        cur = None

    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            if not raw.strip() and cur and cur[1]:
                flush()
            continue
        comment = ""
        line = raw
        if "#" in line:
            line, comment = line.split("#", 1)
        if line.count("[") != line.count("]"):
            report.warn(name, n, f"unbalanced [ ] in {raw.strip()!r}; line skipped")
            continue
        codes = re.findall(r"\[([^\]]*)\]", line)
        name_part = re.sub(r"\[[^\]]*\]", "", line)
        name_part = re.sub(r"\{[^}]*\}", "", name_part).strip()
        is_indented = raw[:1] in ("\t", " ")
        if name_part and not is_indented:
            if name_part.startswith("+"):
                if cur is None:
                    cur = [[], [], comment, n]
                cur[0].append(clean_name(name_part))
            else:
                if cur and cur[1]:
                    flush()
                if cur is None:
                    cur = [[], [], comment, n]
                cur[0].append(clean_name(name_part))
                cur[2] = cur[2] or comment
        elif name_part and is_indented and not codes:
            report.warn(name, n, f"indented line is neither a code block nor a '+' synonym ({raw.strip()!r})")
        for c in codes:
            r = parse_code_block(c)
            if r is not None and len(c.split()) > 1 and not (r[1] or r[2]):
                report.warn(name, n, f"code block [{c}]: a date needs '>' (from), '<' (until) or a "
                                     f"YYMMDD-YYMMDD range; read as undated {r[0]}")
            if r is None:
                report.warn(name, n, f"code block [{c}] not understood; expected [CODE], [CODE >YYMMDD], "
                                     f"[CODE <YYMMDD] or [CODE YYMMDD-YYMMDD]")
            elif cur is None:
                report.warn(name, n, f"code block [{c}] before any actor name; skipped")
            else:
                cur[1].append(r)
    flush()
    return blocks


def _kind(mode: str, names: list[str], roles: list, comment: str) -> str:
    dated = any(s or e for _, s, e in roles)
    posts = POST_WORDS.search(names[0].upper())
    if mode == "generic":
        # any other file: PETRARCH does not say what an entry is; a bare country code is a
        # country, a dated entry a person, anything else an organisation
        if not dated and all(len(c) == 3 for c, _, _ in roles):
            return "country"
        return "person" if dated else "organisation"
    if mode == "country-file":
        if len(roles) == 1 and len(roles[0][0]) == 3 and not dated and len(names) > 3:
            return "country"
        if posts:
            return "organisation"  # a post ("US Secretary of State"), not a person
        if "CountryInfo" in comment or dated and len(names[0].split()) >= 2:
            return "person"
        if dated:
            return "country"  # a territory with dated sovereignty ("Crimea")
        if ORG_WORDS.search(names[0].upper()):
            return "organisation"
        return "person" if 2 <= len(names[0].split()) <= 4 else "organisation"
    return "person" if dated and not ORG_WORDS.search(names[0].upper()) and not posts else mode


def actor_rows(path: str | Path, report: ReadReport | None = None, *, gaz=None, prefix: str | None = None,
               mode: str | None = None) -> list[str]:
    """Convert one actor file into knowledge-base lines. With ``gaz`` (places and countries
    of the packaged gazetteer, :func:`gazetteer_places`), an undated country's city and
    region names become a separate ``city`` entry (``<id>-places``)."""
    report = report if report is not None else ReadReport()
    fprefix, fmode = file_mode(path)
    prefix, mode = prefix or fprefix, mode or fmode
    out = []
    seen_ids: dict[str, int] = {}
    nentries = 0
    for names, roles, comment in read_blocks(path, report):
        names = [n for n in names if len(n) > 1]
        if not names:
            continue
        nentries += 1
        base = re.sub(r"[^a-z0-9]+", "-", ascii_fold(names[0]).lower()).strip("-")
        k = seen_ids.get(base, 0)
        seen_ids[base] = k + 1
        id_ = f"{prefix}:{base}" + (f"-{k + 1}" if k else "")
        kind = _kind(mode, names, roles, comment)
        dated = any(s or e for _, s, e in roles)
        # resolve bare sector roles ("[ELI]") against the entry's country
        country = next((c[:3] for c, _, _ in roles if c[:3] not in SECTORS and len(c) >= 3), "---")
        if kind == "country" and not dated and gaz is not None:
            names, places = split_places(names, country, gaz)
            if places:
                out.append(row(f"{id_}-places", "city", country, "", "", places))
        first = True
        for code, s, e in roles:
            if code in SECTORS:
                code = country + code
            if code == "---":
                continue
            out.append(row(id_, kind, code, s, e, names if first else ()))
            first = False
    report.counts["actors"] += nentries
    return out
