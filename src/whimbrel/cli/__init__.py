"""The ``whimbrel`` command line: a thin layer over the library.

Each module in this package adds its commands to :data:`main`. The library
raises named errors; this layer turns them into messages and exit codes.
"""

from __future__ import annotations

import importlib

import click

from .. import __version__

COMMAND_MODULES = ("code", "ingest", "watch", "events", "show", "actors", "eval", "db", "serve")


def _set_opinion(ctx, param, value) -> None:
    # through the environment, so that ingest's worker processes see it too
    if value is not None:
        import os

        os.environ["WHIMBREL_OPINION"] = "1" if value else "0"


#: --opinion/--no-opinion: the learned second opinion on event types (WHIMBREL_OPINION)
opinion_option = click.option(
    "--opinion/--no-opinion", default=None, expose_value=False, is_eager=True, callback=_set_opinion,
    help="Switch the learned second opinion on event types on or off (default $WHIMBREL_OPINION, else off; "
         "see docs/coder.md).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="whimbrel")
def main() -> None:
    """whimbrel: turn news into political event data (CAMEO and PLOVER).

    \b
    Output: commands that print records or results show a table by default;
    --json prints JSON (one object per line for records), --csv prints CSV,
    -o FILE writes to FILE (its suffix picks JSON or CSV when no flag does).
    """


for _name in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_name}")
