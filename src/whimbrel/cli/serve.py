"""``whimbrel serve``: the local web app and HTTP API over one database file."""

from __future__ import annotations

import ipaddress
import os

import click

from . import main
from .events import cli_errors, db_option

LOOPBACK_NAMES = {"localhost", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@main.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback exposes the server to your network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port.")
@click.option("--allow-ingest", is_flag=True,
              help="Open the database for writing: POST /code?store=true stores articles. "
                   "Needs WHIMBREL_TOKEN; writes must send it as 'Authorization: Bearer TOKEN'.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a request may take before the server answers 504.")
@click.option("--max-bytes", default=None, type=click.IntRange(min=1),
              help="Largest request body in bytes (default: WHIMBREL_MAX_BYTES, 5 MB).")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN",
              help="Allow cross-origin requests from ORIGIN (repeatable). Off by default.")
@click.option("--no-warm-up", is_flag=True, help="Load the spaCy model on the first POST /code instead of at start.")
@cli_errors
def serve_cmd(db, host, port, allow_ingest, timeout, max_bytes, cors_origins, no_warm_up):
    """Serve the web app and HTTP API: code pasted articles, explore stored events.

    Open http://127.0.0.1:8000/ in a browser. The API schema is at /openapi.json
    (browsable at /docs). The database is opened read-only unless --allow-ingest.

    \b
    Examples:
      whimbrel ingest --example --db example.duckdb
      whimbrel serve --db example.duckdb
      WHIMBREL_TOKEN=secret whimbrel serve --db news.duckdb --allow-ingest
    """
    import uvicorn

    from ..web.app import create_app
    from ..web.service import Service

    token = os.environ.get("WHIMBREL_TOKEN") or None
    if allow_ingest and not token:
        raise click.UsageError("--allow-ingest needs a token: set WHIMBREL_TOKEN to a secret "
                               "that write requests must send")
    if not is_loopback(host):
        click.echo(f"warning: listening on {host}: anyone who can reach this machine can use the server"
                   + (" (writes need the token)" if allow_ingest else " (read-only)"), err=True)
    service = Service(db, allow_ingest=allow_ingest)
    if not service.has_db:
        click.echo(f"warning: no database at {service.db}; only the Code page works. Create one with "
                   f"`whimbrel ingest --example --db {service.db}`", err=True)
    if not no_warm_up:
        click.echo("loading the model ...", err=True)
        service.warm_up()
    app = create_app(service, token=token, timeout=timeout, max_bytes=max_bytes, cors_origins=tuple(cors_origins))
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"whimbrel serving {service.db} ({'read-write' if allow_ingest else 'read-only'}) "
               f"on http://{shown}:{port}/", err=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        service.close()
