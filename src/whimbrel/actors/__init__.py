"""Actors: the knowledge base of who is who, and resolution of mentions to it."""
