"""Actors: the knowledge base of who is who, and resolution of mentions to it.

* :mod:`.kb` - the knowledge base (TSV files under ``data/``, user files), dated roles;
* :mod:`.match` - KB-name and agent-noun phrase matching over the parse;
* :mod:`.resolve` - the ``actors`` stage (sets ``doc.mentions``);
* :mod:`.coref` - pronouns and group references;
* :mod:`.mention` - helpers for the event coder, re-exported here:
  ``mentions_in(doc, start, end)``, ``mention_for_token(doc, token)``,
  ``is_actor(mention)`` (False for places), ``compose(base, sector)``.

Nothing is loaded at import time.
"""

from .mention import compose, is_actor, mention_for_token, mentions_in  # noqa: F401
