"""An article as the corpus annotates it, and the links its paragraphs give the index pages
(the corpus, newsroom.corpus, makes them; the timeline, newsroom.timeline, reads them)."""

from __future__ import annotations

from dataclasses import dataclass

from .dates import DateMention
from .matcher import Unresolved
from .model import Article, Mention
from .notes import Note
from .quotes import Quote


@dataclass(frozen=True, slots=True)
class BackLink:
    """One paragraph that mentions an entity, with the sentence as an excerpt."""

    slug: str
    paragraph: int
    excerpt: str


@dataclass(frozen=True, slots=True)
class DateLink:
    """One paragraph whose date expression points at a day or period."""

    slug: str
    paragraph: int
    date: DateMention


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    article: Article
    mentions: tuple[tuple[Mention, ...], ...]  # one tuple per paragraph
    dates: tuple[tuple[DateMention, ...], ...]  # one tuple per paragraph
    unresolved: tuple[Unresolved, ...]
    unknown: tuple[tuple[int, str], ...]  # (paragraph, name)
    notes: tuple[Note, ...] = ()
    quotes: tuple[Quote, ...] = ()
    first_mentions: tuple[
        tuple[str, BackLink], ...
    ] = ()  # (entity, back-link): each entity's first mention in each paragraph
    date_links: tuple[DateLink, ...] = ()  # every date, with its paragraph

    @property
    def entities(self) -> tuple[str, ...]:
        """Every entity mentioned, in order of first mention."""
        seen: dict[str, None] = {}
        for paragraph in self.mentions:
            for mention in paragraph:
                seen.setdefault(mention.entity, None)
        return tuple(seen)
