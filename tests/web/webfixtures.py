"""Fixtures for the web tests: a hand-made event database and API clients over it.

A module the tests import (``from webfixtures import *``), not a conftest.py:
the suite's tests import ``conftest`` by name, and a second conftest module in
this folder would shadow theirs.
"""

from __future__ import annotations

import pytest

__all__ = ["web_db", "read_service", "client", "read_client"]

pytest.importorskip("fastapi", reason="the web app needs fastapi (pip install -e '.[test]')")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx")


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> str:
    import webdb

    return webdb.build(tmp_path_factory.mktemp("web") / "web.duckdb")


@pytest.fixture(scope="session")
def read_service(web_db):
    from whimbrel.web.service import Service

    svc = Service(web_db)  # read-only; the pipeline loads on the first POST /code
    yield svc
    svc.close()


@pytest.fixture(scope="session")
def client(read_service, pipeline):
    """A read-only app over the test database, with the session's pipeline for POST /code."""
    from fastapi.testclient import TestClient

    from whimbrel.web.app import create_app

    read_service._pipeline = pipeline
    with TestClient(create_app(read_service)) as c:
        yield c


@pytest.fixture
def read_client(read_service):
    """The same app without touching the pipeline (no spaCy needed)."""
    from fastapi.testclient import TestClient

    from whimbrel.web.app import create_app

    with TestClient(create_app(read_service)) as c:
        yield c
