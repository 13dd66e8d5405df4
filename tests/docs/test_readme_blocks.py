"""Every code block of the README runs as written.

* ``python`` blocks run as a plain script (``python block.py``) in a folder holding
  ``news/`` (the bundled example article), as a reader would run them.
* ``bash`` blocks: each ``whimbrel`` command line is parsed by the real command line
  (options, arguments, choices), so a renamed flag or a removed command fails here.
  Commands that need the network, a server or a long run are parsed, not run; the
  first block (install, ingest the example, list its events) is run for real.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest

from whimbrel.cli import main

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```(\w+)[ \t]*\n(.*?)^```", README, flags=re.M | re.S)
EXAMPLE = ROOT / "src" / "whimbrel" / "data" / "examples" / "scmp-2018-11-05-kim-diaz-canel.txt"


def _commands(block: str) -> list[list[str]]:
    """The ``whimbrel ...`` invocations of a bash block, as argument lists (comments,
    redirections and pipes cut off; ``VAR=value`` prefixes dropped)."""
    out = []
    for line in block.splitlines():
        for part in re.split(r"&&|\|", line):
            words = shlex.split(part, comments=True)
            while words and re.match(r"^[A-Z_]+=", words[0]):
                words = words[1:]
            if not words or words[0] != "whimbrel":
                continue
            args = []
            for w in words[1:]:
                if w in (">", ">>", "<", "2>"):
                    break
                args.append(w)
            out.append(args)
    return out


def test_the_readme_has_python_and_bash_blocks():
    kinds = [k for k, _ in BLOCKS]
    assert "python" in kinds and kinds.count("bash") >= 5


@pytest.mark.parametrize("n", [i for i, (k, _) in enumerate(BLOCKS) if k == "bash"])
def test_every_whimbrel_command_of_a_bash_block_parses(n):
    for args in _commands(BLOCKS[n][1]):
        ctx = main.make_context("whimbrel", list(args), resilient_parsing=False)
        if not args or args[0] in ("--help", "--version"):
            continue
        name, cmd, rest = main.resolve_command(ctx, list(args))
        while isinstance(cmd, click.Group):  # whimbrel actors lookup ...
            sub = cmd.make_context(name, rest)
            name, cmd, rest = cmd.resolve_command(sub, rest)
        try:
            cmd.make_context(name, rest)
        except click.ClickException as e:
            pytest.fail(f"README line `whimbrel {' '.join(args)}`: {e.format_message()}")


@pytest.mark.parametrize("n", [i for i, (k, _) in enumerate(BLOCKS) if k == "python"])
def test_every_python_block_runs_as_a_script(n, tmp_path):
    (tmp_path / "news").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "news" / "example.txt")
    script = tmp_path / "block.py"
    script.write_text(BLOCKS[n][1], encoding="utf-8")
    env = {**__import__("os").environ, "PYTHONPATH": str(ROOT / "src")}
    r = subprocess.run([sys.executable, str(script)], cwd=tmp_path, env=env, capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    if "api.ingest" in BLOCKS[n][1]:
        assert "articles coded" in r.stdout and (tmp_path / "news.duckdb").exists()


def test_the_readme_code_text_example_gives_a_sensible_event(pipeline):
    import whimbrel

    text = "North Korean leader Kim Jong Un met Cuban President Miguel Diaz-Canel in Pyongyang on Sunday."
    assert text in README
    (ev,) = whimbrel.code_text(text, published="2018-11-05", pipeline=pipeline)
    d = ev.as_dict()
    assert (d["source"]["code"], d["cameo"], d["target"]["code"]) == ("PRKGOV", "040", "CUBGOV")
    assert d["location"]["name"] == "Pyongyang" and d["date"] == "2018-11-04"


def test_ingest_with_jobs_at_a_scripts_top_level_says_to_guard_it(tmp_path):
    (tmp_path / "news").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "news" / "example.txt")
    script = tmp_path / "unguarded.py"
    script.write_text('from whimbrel import api\nprint(api.ingest(["news/"], db="n.duckdb", jobs=2).summary())\n')
    env = {**__import__("os").environ, "PYTHONPATH": str(ROOT / "src")}
    r = subprocess.run([sys.executable, str(script)], cwd=tmp_path, env=env, capture_output=True, text=True,
                       timeout=600)
    assert 'if __name__ == "__main__":' in r.stderr
