"""``whimbrel code``: code documents without storing them.

PLACEHOLDER: minimal version; the full command (issue 2) reads every format.
"""

from __future__ import annotations

import json
import sys

import click

from . import main


@main.command("code")
@click.argument("path")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON event record per line.")
@click.option("--published", default=None, help="Publication date (ISO) for texts that carry none.")
def code_cmd(path: str, as_json: bool, published: str | None) -> None:
    """Code PATH (or - for stdin) and print its events."""
    from ..api import code_text

    text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
    for ev in code_text(text, published=published):
        if as_json:
            click.echo(json.dumps(ev.as_dict(), ensure_ascii=False))
        else:
            click.echo(f"{ev.cameo}\t{ev.source.code if ev.source else '---'}\t{ev.target.code if ev.target else '---'}\t{ev.evidence.trigger}")
