"""Shared fixtures. The spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).parent
GOLD = TESTS / "data" / "gold"
EXAMPLE_NAME = "scmp-2018-11-05-kim-diaz-canel"


@pytest.fixture(scope="session")
def pipeline():
    from whimbrel.pipeline import Pipeline
    from whimbrel.settings import Settings

    return Pipeline.load(Settings.from_env())


@pytest.fixture(scope="session")
def example_text() -> str:
    from importlib.resources import files

    return (files("whimbrel") / "data" / "examples" / f"{EXAMPLE_NAME}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_gold() -> dict:
    import json

    return json.loads((GOLD / f"{EXAMPLE_NAME}.gold.json").read_text(encoding="utf-8"))
