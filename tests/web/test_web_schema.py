"""Property-based test of the read endpoints against the OpenAPI schema (schemathesis + hypothesis).

Generated requests (valid and edge-case query strings and paths) must never
cause a server error, and every answer must match the documented status codes,
content types and response schemas.
"""

from __future__ import annotations

from webfixtures import *  # noqa: F401,F403  (the web tests' fixtures)

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="the schema test needs schemathesis (pip install -e '.[test]')")
from hypothesis import HealthCheck, settings  # noqa: E402


@pytest.fixture(scope="module")
def api_schema(read_service):
    from whimbrel.web.app import create_app

    app = create_app(read_service)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.include(method="GET").parametrize()
@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_read_endpoints_follow_their_schema(case):
    case.call_and_validate()
