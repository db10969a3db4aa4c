"""Where every generated page and anchor is: one function each, used by pages, exports, search
and tests. Each returns a ``.md`` source path, which MkDocs turns into the page's URL
(``html.rel`` makes it relative to the page that links; ``html.absolute`` adds the site URL).

| what | source path |
|---|---|
| an article; a paragraph; a note in place | ``articles/<slug>.md``, ``…#p-<n>``, ``…#note-<id>`` |
| an organisation or term; a person | ``glossary/<id>.md``, ``people/<id>.md`` |
| a month of the timeline; a day; an event | ``timeline/<YYYY-MM>.md``, ``…#<YYYY-MM-DD>``, ``…#<event id>`` |
| the timeline's year | ``timeline/index.md#year-<YYYY>`` |
| the archive's year; a month (page n) | ``archive/<YYYY>/index.md``, ``archive/<YYYY>/<MM>[-<n>].md`` |
| a note's share page; its preview image | ``notes/<slug>/<id>.md``, ``notes/<slug>/<id>/card.png`` |
| the feed of an entity; of a tag | ``feeds/<glossary or people>/<id>.xml``, ``feeds/tags/<words>.xml`` |
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Protocol

# What each function reads of the knowledge base's objects (newsroom.model, newsroom.dates): the
# model imports this module for its own addresses, so this one names only what it needs.


class Entity(Protocol):
    id: str
    section: str  # "glossary" or "people"


class Event(Protocol):
    id: str
    date: dt.date


class DateValue(Protocol):
    precision: str  # "day", "month", "season", "year", ...
    month: str  # YYYY-MM
    start: dt.date


def article_uri(slug: str) -> str:
    return f"articles/{slug}.md"


def paragraph_uri(slug: str, number: int) -> str:
    return f"{article_uri(slug)}#p-{number}"


def note_in_article_uri(slug: str, note_id: str) -> str:
    return f"{article_uri(slug)}#note-{note_id}"


def entity_uri(entity: Entity) -> str:
    return f"{entity.section}/{entity.id}.md"


def feed_uri(entity: Entity) -> str:
    """The Atom feed of the articles that mention an entity (``newsroom.exports.feed``)."""
    return f"feeds/{entity.section}/{entity.id}.xml"


def calendar_uri(entity: Entity) -> str:
    """The calendar of an organisation's or a person's events (``newsroom.exports.timeline``)."""
    return f"calendars/{entity.section}/{entity.id}.ics"


def tag_feed_uri(tag: str) -> str:
    """The Atom feed of the articles with a tag: its words, lower case, joined by hyphens."""
    words = re.findall(r"[^\W_]+", tag.casefold())
    return f"feeds/tags/{'-'.join(words) or 'tag'}.xml"


def timeline_month_uri(month: str) -> str:
    """``month``: ``YYYY-MM``."""
    return f"timeline/{month}.md"


def timeline_day_uri(day: dt.date) -> str:
    return f"{timeline_month_uri(f'{day:%Y-%m}')}#{day.isoformat()}"


def event_uri(event: Event) -> str:
    return f"{timeline_month_uri(f'{event.date:%Y-%m}')}#{event.id}"


def date_uri(value: DateValue) -> str:
    """Where a date an article mentions is on the timeline: its day, its year, or its month's periods."""
    if value.precision == "day":
        return f"{timeline_month_uri(value.month)}#{value.start.isoformat()}"
    if value.precision == "year":
        return f"timeline/index.md#year-{value.start.year}"
    return f"{timeline_month_uri(value.month)}#periods"


def archive_year_uri(year: str) -> str:
    return f"archive/{year}/index.md"


def archive_uri(month: str, page: int = 1) -> str:
    """``month``: ``YYYY-MM``; page 2 on are ``MM-2.md`` and so on."""
    year, number = month.split("-")
    return f"archive/{year}/{number}.md" if page == 1 else f"archive/{year}/{number}-{page}.md"


def share_uri(slug: str, note_id: str) -> str:
    """A note's own page, the link to share: ``notes/<article>/<note>/``. (Note ids are unique
    within an article, so the article's slug is part of the address.)"""
    return f"notes/{slug}/{note_id}.md"


def card_uri(slug: str, note_id: str) -> str:
    """The preview image of a note's page (``og:image``), beside it."""
    return f"notes/{slug}/{note_id}/card.png"


def oembed_uri(slug: str, note_id: str) -> str:
    """A note's oEmbed response (newsroom.exports.oembed): one folder for every note."""
    return f"oembed/{slug}--{note_id}.json"
