"""whimbrel: news in, political event data out (CAMEO and PLOVER), linked to the words.

Public API::

    import whimbrel
    events = whimbrel.code_text("Kim met Diaz-Canel in Pyongyang.", published="2018-11-05")
    pipe = whimbrel.Pipeline.load()
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import code_article, code_text  # noqa: E402
from .pipeline import Pipeline  # noqa: E402

__all__ = ["Pipeline", "code_article", "code_text", "__version__"]
