"""``whimbrel eval`` commands. (Filled in by its issue.)"""

from __future__ import annotations

from . import main  # noqa: F401
