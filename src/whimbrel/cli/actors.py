"""``whimbrel actors``: look names up in the actor knowledge base, and see why."""

from __future__ import annotations

import datetime as dt
import json

import click

from . import main


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


@actors_group.command("lookup")
@click.argument("name")
@click.option("--date", "date", default=None, metavar="YYYY-MM-DD",
              help="Resolve roles on this date (default: today). Use the article's publication date.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor file(s) in the documented TSV format (also WHIMBREL_ACTORS).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def lookup_cmd(name: str, date: str | None, actor_files: tuple[str, ...], as_json: bool) -> None:
    """Show what NAME resolves to on a date, and why.

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
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    if not rows:
        agent = kb.agent(name)
        if agent:
            click.echo(f"{name!r} is an agent noun: sector {agent} (needs a country from its context, e.g. 'Russian {name}')")
            return
        click.echo(f"{name!r} is not in the knowledge base (looked up as {name_key(name)!r}). "
                   f"In an article it can still be coded by a title, an apposition or a short form; "
                   f"to add it, see docs/actors.md.")
        raise SystemExit(1)
    for r in rows:
        click.echo(f"{r['name']} -> {r['code']} on {r['date']}")
        click.echo(f"  entry   {r['kb_id']} ({r['kind']}: {r['canonical']}) from {r['source']}")
        click.echo(f"  why     {r['why']}")
        if r["context"]:
            click.echo(f"  only when the article mentions one of: {', '.join(r['context'])}")
        click.echo(f"  roles   {'; '.join(r['roles'])}")
    if len(rows) > 1:
        click.echo("several entries share this name; in an article the one with a role on the date "
                   "(and whose context is met) is used.")


@actors_group.command("stats")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor file(s) in the documented TSV format.")
def stats_cmd(actor_files: tuple[str, ...]) -> None:
    """Count the entries, names and agent nouns in the knowledge base."""
    kb = _kb(actor_files)
    for k, v in kb.stats.items():
        click.echo(f"{k}: {v}")
