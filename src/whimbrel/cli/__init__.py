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


def _set_env(name: str):
    def cb(ctx, param, value) -> None:
        # through the environment, like --opinion, so that worker processes see it too
        import os

        if value:
            os.environ[name] = "1" if value is True else os.pathsep.join(value) if isinstance(value, tuple) else value
    return cb


def dict_options(f):
    """--dict-actors/--dict-agents/--dict-verbs/--dict-discards FILE, --dicts CONFIG and
    --only-dicts: PETRARCH dictionaries read at run time (docs/petrdict.md). The command
    prints what was read (entries, malformed lines, constructs not understood) on stderr."""
    import functools

    opts = [
        click.option("--dicts", "dict_config", type=click.Path(exists=True, dir_okay=False), expose_value=False,
                     is_eager=True, callback=_set_env("WHIMBREL_DICTS"),
                     help="An INI file listing PETRARCH dictionaries ([dictionaries] actors=, agents=, verbs=, "
                          "discards=, only=) (default $WHIMBREL_DICTS)."),
        *[click.option(f"--dict-{k}", multiple=True, type=click.Path(exists=True, dir_okay=False), expose_value=False,
                       is_eager=True, callback=_set_env(f"WHIMBREL_DICT_{k.upper()}"),
                       help=f"A PETRARCH {k[:-1]} dictionary to read at run time (repeatable; "
                            f"default $WHIMBREL_DICT_{k.upper()}).")
          for k in ("actors", "agents", "verbs", "discards")],
        click.option("--only-dicts", is_flag=True, default=None, expose_value=False, is_eager=True,
                     callback=_set_env("WHIMBREL_ONLY_DICTS"),
                     help="Use only the given PETRARCH dictionaries: no built-in actors or lexicon "
                          "(default $WHIMBREL_ONLY_DICTS)."),
    ]

    @functools.wraps(f)
    def run(*args, **kwargs):
        report_dictionaries()
        return f(*args, **kwargs)

    for o in reversed(opts):
        run = o(run)
    return run


def report_dictionaries() -> None:
    """Load the run's PETRARCH dictionaries (if any) up front and say on stderr what was read."""
    from ..errors import WhimbrelError
    from ..petrdict.load import DictSpec, load_dictionaries
    from ..settings import Settings

    try:
        spec = DictSpec.from_settings(Settings.from_env())
        if not (spec.actors or spec.agents or spec.verbs or spec.discards):
            return  # nothing to read (eval may take a PETRARCH record file's own <Environment>)
        rep = load_dictionaries(spec).report
    except WhimbrelError as e:
        raise click.ClickException(str(e)) from e
    for w in rep.warnings[:20]:
        click.echo(f"warning: {w}", err=True)
    if len(rep.warnings) > 20:
        click.echo(f"warning: ... and {len(rep.warnings) - 20} more malformed lines", err=True)
    click.echo(rep.summary() + (" (only these: no built-in actors or lexicon)" if spec.only else ""), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="whimbrel")
def main() -> None:
    """whimbrel: turn news into political event data (CAMEO and PLOVER).

    \b
    Output: commands that print records or results show a table by default;
    --json prints JSON (one object per line for records), --csv prints CSV,
    -o FILE writes to FILE (its suffix picks JSON or CSV when no flag does).
    ingest, recode and watch print a closing summary: --json makes it one
    JSON object, -o FILE appends it to FILE.
    """


for _name in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_name}")
