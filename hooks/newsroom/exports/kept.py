"""Exports kept between the rebuilds of `mkdocs serve`, each by a digest of all it reads."""

from __future__ import annotations

from collections.abc import Callable

from ..incremental import digest


class Kept:
    """Each output (by its file) as an earlier build of this process made it, with the digest
    of what it read: an output whose inputs are the same is the same text, so an edit makes
    again only the outputs it touches. ``kept`` is what the next build may take."""

    def __init__(self, held: dict[str, tuple[str, str]] | None = None) -> None:
        self.held = held or {}
        self.kept: dict[str, tuple[str, str]] = {}  # uri -> (digest of the inputs, output)

    def get(self, uri: str, reads: object, make: Callable[..., str], *arguments) -> str:
        """The output ``make(*arguments)`` would make, whose inputs are ``reads``."""
        key = digest(reads)
        held = self.held.get(uri)
        text = held[1] if held and held[0] == key else make(*arguments)
        self.kept[uri] = (key, text)
        return text
