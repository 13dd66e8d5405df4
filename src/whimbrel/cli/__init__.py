"""The ``whimbrel`` command line: a thin layer over the library.

Each module in this package adds its commands to :data:`main`. The library
raises named errors; this layer turns them into messages and exit codes.
"""

from __future__ import annotations

import importlib

import click

from .. import __version__

COMMAND_MODULES = ("code", "ingest", "events", "show", "actors", "eval", "db", "serve")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="whimbrel")
def main() -> None:
    """whimbrel: turn news into political event data (CAMEO and PLOVER)."""


for _name in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_name}")
