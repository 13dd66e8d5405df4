"""Events: CAMEO/PLOVER tables, the verb lexicon, the coder and modality."""
