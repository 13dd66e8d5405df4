"""The local web app and HTTP API (``whimbrel serve``).

* :mod:`.queries` - the explorer's queries over the store (library code, no HTTP);
* :mod:`.service` - one server's state: the database handles and the pipeline;
* :mod:`.app` - the FastAPI routes, limits and security headers;
* ``static/`` - the page (HTML, CSS, JavaScript; d3, topojson-client and a
  Natural Earth world outline vendored from the npm registry, see NOTICE).

Needs the ``fastapi`` and ``uvicorn`` packages (installed with whimbrel).
"""

from __future__ import annotations


def create_app(db=None, *, allow_ingest: bool = False, token: str | None = None, pipeline=None, **kw):
    """A ready app over the database ``db`` (see :func:`.app.create_app` for the options)."""
    from .app import create_app as _create
    from .service import Service

    return _create(Service(db, allow_ingest=allow_ingest, pipeline=pipeline), token=token, **kw)
