"""``whimbrel actors``: look names up in the actor knowledge base, and see why."""

from __future__ import annotations

import datetime as dt

import click

from . import main
from .output import Output, OutputCommand, output_options

LOOKUP_COLUMNS = ("name", "key", "date", "code", "why", "kb_id", "kind", "canonical", "source", "context", "roles")


@main.group("actors")
def actors_group() -> None:
    """Inspect the actor knowledge base (countries, organisations, people with dated roles)."""


def _kb(actor_files: tuple[str, ...]):
    from ..actors.kb import load_kb
    from ..errors import WhimbrelError
    from ..settings import Settings

    files = tuple(actor_files) or tuple(str(p) for p in Settings.from_env().actor_files)
    try:
        return load_kb(files)
    except WhimbrelError as e:
        raise click.ClickException(str(e)) from e


@actors_group.command("lookup", cls=OutputCommand)
@click.argument("name")
@click.option("--date", "date", default=None, metavar="YYYY-MM-DD",
              help="Resolve roles on this date (default: today). Use the article's publication date.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor file(s) in the documented TSV format (also WHIMBREL_ACTORS).")
@output_options
def lookup_cmd(name: str, date: str | None, actor_files: tuple[str, ...], out: Output) -> None:
    """Show what NAME resolves to on a date, and why.

    --json gives one object per knowledge-base entry the name has, --csv one
    row each (context and roles joined with ';').

    \b
    Examples:
      whimbrel actors lookup "Diaz-Canel" --date 2018-11-05
      whimbrel actors lookup Pyongyang
      whimbrel actors lookup "Jane Doe" --actors my_actors.tsv
    """
    from ..actors.kb import name_key

    try:
        day = dt.date.fromisoformat(date) if date else dt.date.today()
    except ValueError:
        raise click.BadParameter(f"{date!r} is not a date; write it as YYYY-MM-DD", param_hint="--date") from None
    kb = _kb(actor_files)
    entries = kb.lookup(name)
    rows = []
    for e in entries:
        res = e.code_on(day)
        rows.append({
            "name": name, "key": name_key(name), "date": day.isoformat(), "code": res.code,
            "why": res.reason, "kb_id": e.id, "kind": e.kind, "canonical": e.name, "source": e.source,
            "context": list(e.context), "roles": [r.describe() for r in e.roles],
        })
    if not rows:
        agent = kb.agent(name)
        if agent:
            msg = f"{name!r} is an agent noun: sector {agent} (needs a country from its context, e.g. 'Russian {name}')"
            click.echo(msg, err=out.fmt != "table")
            return
        click.echo(f"{name!r} is not in the knowledge base (looked up as {name_key(name)!r}). "
                   f"In an article it can still be coded by a title, an apposition or a short form; "
                   f"to add it, see docs/actors.md.", err=out.fmt != "table")
        raise SystemExit(1)

    def text(rows):
        for r in rows:
            yield f"{r['name']} -> {r['code']} on {r['date']}"
            yield f"  entry   {r['kb_id']} ({r['kind']}: {r['canonical']}) from {r['source']}"
            yield f"  why     {r['why']}"
            if r["context"]:
                yield f"  only when the article mentions one of: {', '.join(r['context'])}"
            yield f"  roles   {'; '.join(r['roles'])}"
        if len(rows) > 1:
            yield ("several entries share this name; in an article the one with a role on the date "
                   "(and whose context is met) is used.")

    out.records(rows, table=lambda rs: text(list(rs)), columns=LOOKUP_COLUMNS, noun="entries",
                flat=lambda r: {**r, "context": ";".join(r["context"]), "roles": ";".join(r["roles"])})


@actors_group.command("stats", cls=OutputCommand)
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor file(s) in the documented TSV format.")
@output_options(csv=False)
def stats_cmd(actor_files: tuple[str, ...], out: Output) -> None:
    """Count the entries, names and agent nouns in the knowledge base (--json: one object)."""
    kb = _kb(actor_files)
    stats = kb.stats
    out.document(stats, text=lambda: [f"{k}: {v}" for k, v in stats.items()], noun="statistics")
