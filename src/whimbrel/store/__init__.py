"""The embedded DuckDB store: schema, idempotent writes, event queries."""

from __future__ import annotations

from .db import Store, db_path
from .query import EventFilter

__all__ = ["EventFilter", "Store", "db_path"]
