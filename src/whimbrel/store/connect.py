"""Opening the DuckDB file: checks, lock waits, schema version, and errors a user can act on.

* **What the file is.** Before DuckDB sees it, a file is checked to be a DuckDB
  database (``DUCK`` at byte 8): a SQLite file, a truncated copy or anything
  else is refused with a one-line message instead of a traceback (and DuckDB
  never tries to download an extension to read it: extension auto-install and
  auto-load are off for every connection).
* **Who holds it.** DuckDB lets one process write a file, or several read it,
  never both. A connection refused because another process holds the file is
  retried with short sleeps for up to ``lock_timeout`` seconds
  (``WHIMBREL_LOCK_TIMEOUT``, default 60). ``whimbrel ingest`` holds the file
  only while it writes a batch (see docs/database.md, "Concurrency"), so a
  reader waits at most about one batch write.
* **Which schema.** The base tables carry a schema version in
  ``whimbrel_meta``. A database of another version, or one whose tables are
  not whimbrel's, is refused with what to do; a database written before the
  version was recorded, with the right columns, gets it stamped. Additive
  changes (a new column) are migrated by ``schema.sql`` itself (``ALTER TABLE
  ... ADD COLUMN IF NOT EXISTS``) and keep the version; a change that cannot be
  migrated that way raises :data:`SCHEMA_VERSION`.
* **What went wrong.** :func:`explain` turns DuckDB's errors (disk full,
  read-only folder, damaged file, lock held) into one line that says what to
  do.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from ..errors import StoreError, StoreLocked, StoreUnavailable
from ..settings import DEFAULT_LOCK_TIMEOUT

#: every connection: never download or load extensions behind the user's back
CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}

#: version of the base schema (``schema.sql``); a different one is refused
SCHEMA_VERSION = 1

#: columns each base table must have (a file whose tables lack them is not whimbrel's)
BASE_TABLES = {
    "runs": ("run_id", "started", "finished", "command", "coder_version", "status"),
    "articles": ("article_id", "content_hash", "text", "origin", "coder_version"),
    "events": ("event_id", "article_id", "cameo", "record"),
    "failures": ("document", "stage", "code", "reason"),
}


def lock_timeout(value: float | None = None) -> float:
    if value is not None:
        return float(value)
    try:
        return float(os.environ.get("WHIMBREL_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT))
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT


def _first_line(e: BaseException) -> str:
    text = str(e).strip().splitlines()
    return text[0] if text else type(e).__name__


def is_locked(e: BaseException) -> bool:
    text = str(e)
    return "Could not set lock" in text or "Conflicting lock" in text


_ENVIRONMENT = ("no space left", "file too large", "disk is full", "enospc", "permission denied", "read-only",
                "could not write", "could not read", "could not set lock", "fatal", "invalidated", "i/o error",
                "io error", "not a valid duckdb database", "corrupt", "checksum")


def is_environmental(e: BaseException) -> bool:
    """Whether a DuckDB error comes from the file or the machine (disk full, read-only, damaged,
    locked) rather than from the rows written."""
    low = str(e).lower()
    return any(k in low for k in _ENVIRONMENT) or type(e).__name__ in ("IOException", "PermissionException")


def store_error(path: Path, e: BaseException, doing: str = "use", suffix: str = "") -> StoreError:
    """The named error for a DuckDB error: :class:`StoreUnavailable` when the file or machine is at fault."""
    cls = StoreLocked if is_locked(e) else StoreUnavailable if is_environmental(e) else StoreError
    return cls(explain(path, e, doing) + suffix)


def explain(path: Path, e: BaseException, doing: str = "use") -> str:
    """One line for a DuckDB error: what happened to ``path`` and what to do."""
    text = str(e)
    low = text.lower()
    if is_locked(e):
        holder = text.split("Conflicting lock is held in", 1)[-1].split(". See also")[0].strip()
        return (f"{path} is in use by another process ({holder}); whimbrel waited for it. "
                f"Wait for that process to finish, raise WHIMBREL_LOCK_TIMEOUT, or use another --db file")
    if "no space left" in low or "file too large" in low or "disk is full" in low or "enospc" in low:
        return (f"cannot {doing} {path}: the disk is full ({_first_line(e)}). Free some space and run the same "
                f"command again: what was stored is kept, and an ingest resumes where it stopped")
    if "permission denied" in low or "read-only file system" in low or "read-only mode" in low:
        return (f"cannot {doing} {path}: the file or its folder is read-only ({_first_line(e)}). "
                f"Use --db with a writable location, or fix the permissions")
    if "not a valid duckdb database" in low:
        return f"{path} is not a DuckDB database; give another --db file (whimbrel creates a new one)"
    if "version" in low and ("storage" in low or "database file" in low):
        return (f"{path} was written by another DuckDB version ({_first_line(e)}); open it with that version and "
                f"export it, or ingest again into a new --db file")
    if ("could not read enough bytes" in low or "corrupt" in low or "checksum" in low
            or "serializ" in low or "invalid block" in low):
        return (f"{path} is damaged or truncated ({_first_line(e)}); restore it from a copy, or ingest again "
                f"into a new --db file (`whimbrel ingest` re-creates everything from the inputs)")
    return f"cannot {doing} {path}: {_first_line(e)}"


def check_file(path: Path) -> None:
    """Refuse, before DuckDB opens it, a file that is not a DuckDB database."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        return
    except IsADirectoryError:
        raise StoreError(f"{path} is a directory; give a file name for --db (e.g. {path}/whimbrel.duckdb)") from None
    except OSError as e:
        raise StoreError(f"cannot read {path} ({e.strerror}); check its permissions or use another --db file") from None
    if not head:
        return  # empty: DuckDB refuses it (explained), or is creating it right now
    if head.startswith(b"SQLite format 3\x00"):
        raise StoreError(f"{path} is a SQLite database, not DuckDB; give another --db file "
                         f"(whimbrel creates a new DuckDB file)")
    if len(head) < 12 or head[8:12] != b"DUCK":
        raise StoreError(f"{path} is not a DuckDB database (or is damaged); give another --db file "
                         f"(whimbrel creates a new one)")


def connect(path: Path, *, read_only: bool, timeout: float):
    """A DuckDB connection to ``path``, waiting up to ``timeout`` s for another process's lock."""
    import duckdb

    check_file(path)
    deadline = time.monotonic() + timeout
    delay = 0.01
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=CONFIG)
        except duckdb.Error as e:
            if is_locked(e):
                if time.monotonic() < deadline:
                    time.sleep(min(delay, max(0.0, deadline - time.monotonic())))
                    delay = min(delay * 2, 0.2)
                    continue
                raise StoreLocked(explain(path, e, "open")) from None
            raise StoreUnavailable(explain(path, e, "open")) from None


def check_schema(con, path: Path, *, read_only: bool, schema_sql: str) -> None:
    """Refuse a database of another schema version or another program; create or stamp ours."""
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
        "AND table_catalog = current_database()").fetchall()}
    row = []
    if "whimbrel_meta" in tables:
        row = con.execute("SELECT value FROM whimbrel_meta WHERE key = 'schema_version'").fetchall()
    if row:
        if row[0][0] != str(SCHEMA_VERSION):
            raise StoreError(
                f"{path} has whimbrel schema version {row[0][0]}; this whimbrel reads and writes version "
                f"{SCHEMA_VERSION}. Use the whimbrel that made it, or ingest again into a new --db file"
            )
    else:  # made before the version was recorded (or stopped before it was): check the columns
        tables.discard("whimbrel_meta")
        ours = tables & set(BASE_TABLES)
        if tables and not ours:
            shown = ", ".join(sorted(tables)[:5])
            raise StoreError(f"{path} is a DuckDB database of another program (tables: {shown}); "
                             f"give another --db file")
        cols: dict[str, set[str]] = {}
        for table, column in con.execute(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main' "
                "AND table_catalog = current_database()").fetchall():
            cols.setdefault(table, set()).add(column)
        for table in sorted(ours):
            missing = [c for c in BASE_TABLES[table] if c not in cols.get(table, set())]
            if missing:
                raise StoreError(
                    f"{path} is not a whimbrel database of this version: table {table} has no "
                    f"{', '.join(missing)}. Give another --db file"
                )
        if read_only and not ours:
            raise StoreError(f"{path} holds no whimbrel data; create it with `whimbrel ingest --db {path} PATH`")
    if not read_only:
        con.execute(schema_sql)
        con.execute("INSERT INTO whimbrel_meta (key, value) VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
                    [str(SCHEMA_VERSION)])
