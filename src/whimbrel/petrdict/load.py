"""Which PETRARCH dictionaries a run uses (:class:`DictSpec`: options, ``WHIMBREL_DICT_*``
settings or a config file), and loading them once per process (:func:`load_dictionaries`).

The config file (``--dicts FILE`` / ``WHIMBREL_DICTS``) is INI. whimbrel's own keys::

    [dictionaries]
    actors = Phoenix.Countries.actors.txt, my.actors.txt
    agents = Phoenix.agents.txt
    verbs = CAMEO.2.0.txt
    discards = Phoenix.discards.txt
    only = true

PETRARCH's own ``PETR_config.ini`` keys are read too (``[Dictionaries]`` with
``verbfile_name``, ``actorfile_list``, ``agentfile_name``, ``discardfile_name``).
Relative paths are relative to the config file.
"""

from __future__ import annotations

import configparser
import functools
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataFileError
from .actors import actor_rows, file_mode, gazetteer_places
from .agents import agent_rows
from .common import ReadReport
from .discards import Discards, read_discards
from .verbs import Converted, convert

KEYS = {
    "actors": ("actors", "actorfile_list", "actorfile_name"),
    "agents": ("agents", "agentfile_name", "agentfile_list"),
    "verbs": ("verbs", "verbfile_name", "verbfile_list"),
    "discards": ("discards", "discardfile_name", "discardfile_list"),
}


@dataclass(frozen=True)
class DictSpec:
    """The PETRARCH dictionary files of a run, and whether they replace all built-in data."""

    actors: tuple[str, ...] = ()
    agents: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()
    discards: tuple[str, ...] = ()
    only: bool = False

    def __bool__(self) -> bool:
        return bool(self.actors or self.agents or self.verbs or self.discards or self.only)

    @classmethod
    def from_settings(cls, s) -> "DictSpec":
        return cls(tuple(map(str, s.dict_actors)), tuple(map(str, s.dict_agents)), tuple(map(str, s.dict_verbs)),
                   tuple(map(str, s.dict_discards)), bool(s.only_dicts))


def read_config(path: str | Path) -> dict:
    """A dictionary config file -> {"actors": (Path, ...), ..., "only": bool}."""
    p = Path(path)
    cp = configparser.ConfigParser()
    try:
        with p.open(encoding="utf-8") as fh:
            cp.read_file(fh)
    except OSError as e:
        raise DataFileError(f"cannot read dictionary config {path}: {e.strerror or e}; check --dicts or WHIMBREL_DICTS") from e
    except configparser.Error as e:
        raise DataFileError(f"{path}: not an INI file ({e}); expected a [dictionaries] section") from e
    section = next((cp[s] for s in cp.sections() if s.lower() == "dictionaries"), None)
    if section is None:
        raise DataFileError(f"{path}: no [dictionaries] section; list the files as actors = ..., verbs = ...")
    base = Path(section.get("dict_path", "") or "")
    base = base if base.is_absolute() else p.parent / base
    out: dict = {}
    for kind, keys in KEYS.items():
        files = []
        for k in keys:
            if k in section:
                files += [base / f.strip() for f in section[k].replace("\n", ",").split(",") if f.strip()]
        if files:
            out[kind] = tuple(files)
    if "only" in section:
        try:
            out["only"] = section.getboolean("only")
        except ValueError as e:
            raise DataFileError(f"{path}: only = {section['only']!r} is not true or false") from e
    return out


@dataclass
class Loaded:
    """The dictionaries of a :class:`DictSpec`, read and converted."""

    actor_rows: list[str] = field(default_factory=list)  # knowledge-base lines
    agent_rows: list[str] = field(default_factory=list)  # agents.tsv lines
    verbs: list[Converted] = field(default_factory=list)
    discards: Discards = field(default_factory=Discards)
    report: ReadReport = field(default_factory=ReadReport)


def _check(files: tuple[str, ...], kind: str) -> None:
    for f in files:
        if not Path(f).is_file():
            raise DataFileError(f"PETRARCH {kind} dictionary {f} not found; check --dict-{kind} or WHIMBREL_DICT_{kind.upper()}")


@functools.lru_cache(maxsize=4)
def load_dictionaries(spec: DictSpec) -> Loaded:
    """Read every file of ``spec`` (cached per spec: the actor and event stages share it)."""
    for kind in ("actors", "agents", "verbs", "discards"):
        _check(getattr(spec, kind), kind)
    out = Loaded()
    rep = out.report
    gaz = None
    for f in spec.actors:
        rep.files.append(f)
        if file_mode(f)[1] == "country-file" and gaz is None:
            gaz = gazetteer_places()
        out.actor_rows += actor_rows(f, rep, gaz=gaz if file_mode(f)[1] == "country-file" else None)
    for f in spec.agents:
        rep.files.append(f)
        out.agent_rows += agent_rows(f, rep)
    for f in spec.verbs:
        rep.files.append(f)
        out.verbs.append(convert(f, rep, petrarch1=spec.only))
    if spec.discards:
        rep.files.extend(spec.discards)
        out.discards = read_discards(spec.discards, rep)
    return out
