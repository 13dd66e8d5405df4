"""Bring your own PETRARCH dictionaries: readers for PETRARCH's actor, agent, verb and
discard files, used at run time (``--dict-actors`` ...) and by the build scripts that
convert PETRARCH2's dictionaries into whimbrel's shipped data (one reader for both).
See docs/petrdict.md."""
