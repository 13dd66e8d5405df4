"""Every command and every option has help text."""

from __future__ import annotations

import click
from click.testing import CliRunner

from whimbrel.cli import main


def _commands(group, prefix=()):
    for name, cmd in group.commands.items():
        yield (*prefix, name), cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, (*prefix, name))


def test_every_command_and_option_has_help():
    runner = CliRunner()
    found = list(_commands(main))
    assert {("code",), ("ingest",), ("events",), ("show",)} <= {p for p, _ in found}
    for path, cmd in found:
        assert (cmd.help or "").strip(), f"command {' '.join(path)} has no help text"
        for param in cmd.params:
            if isinstance(param, click.Option):
                assert (param.help or "").strip(), f"{' '.join(path)} {param.opts} has no help"
        result = runner.invoke(main, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Usage:" in result.output


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and "whimbrel" in result.output
