"""Adapters: a generator's events turned into the engine's pipeline (newsroom.site)."""
