"""`whimbrel serve`: options, the loopback warning and the token rule (the server itself is not started)."""

from __future__ import annotations

from webfixtures import *  # noqa: F401,F403  (the web tests' fixtures)

import pytest
from click.testing import CliRunner

from whimbrel.cli import main
from whimbrel.cli.serve import is_loopback


@pytest.mark.parametrize("host,loop", [("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True),
                                       ("0.0.0.0", False), ("192.168.1.5", False), ("::", False), ("example.org", False)])
def test_is_loopback(host, loop):
    assert is_loopback(host) is loop


@pytest.fixture
def started(monkeypatch):
    """Record what uvicorn.run would have served instead of serving it."""
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    return calls


def test_help():
    r = CliRunner().invoke(main, ["serve", "--help"])
    assert r.exit_code == 0 and "--allow-ingest" in r.output and "127.0.0.1" in r.output


def test_defaults_to_loopback_read_only(started, web_db):
    r = CliRunner().invoke(main, ["serve", "--db", web_db, "--no-warm-up"])
    assert r.exit_code == 0, r.output
    app, kw = started[0]
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8000
    assert "read-only" in r.output and "warning" not in r.output
    assert app.state.service.allow_ingest is False


def test_any_address_warns(started, web_db):
    r = CliRunner().invoke(main, ["serve", "--db", web_db, "--no-warm-up", "--host", "0.0.0.0", "--port", "8123"])
    assert r.exit_code == 0 and "warning: listening on 0.0.0.0" in r.output
    assert started[0][1]["port"] == 8123


def test_allow_ingest_needs_a_token(started, tmp_path, monkeypatch):
    monkeypatch.delenv("WHIMBREL_TOKEN", raising=False)
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "w.duckdb"), "--no-warm-up", "--allow-ingest"])
    assert r.exit_code == 2 and "WHIMBREL_TOKEN" in r.output and not started
    monkeypatch.setenv("WHIMBREL_TOKEN", "s3cret")
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "w.duckdb"), "--no-warm-up", "--allow-ingest"])
    assert r.exit_code == 0 and "read-write" in r.output
    assert started[0][0].state.service.allow_ingest is True


def test_missing_database_warns_and_serves_the_code_page(started, tmp_path):
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.duckdb"), "--no-warm-up"])
    assert r.exit_code == 0 and "no database" in r.output and "whimbrel ingest" in r.output
    assert not (tmp_path / "none.duckdb").exists()
