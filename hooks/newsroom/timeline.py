"""The timeline: which months have pages and what is on each day (the exports are in exports/timeline.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from .annotated import AnnotatedArticle, DateLink
from .model import Event, KnowledgeBase, Organisation, Person


@dataclass
class Day:
    """Everything on one day of a month page."""

    day: dt.date
    events: list[Event] = field(default_factory=list)
    published: list[str] = field(default_factory=list)  # article slugs
    mentions: list[DateLink] = field(default_factory=list)  # day-precision dates pointing here


@dataclass(frozen=True)
class TimelineIndex:
    """What the timeline's pages are made of, computed once with the corpus (``Corpus.timeline``)."""

    months: list[str]  # every month with an event, a publication or a date an article mentions, oldest first
    days: dict[str, list[Day]]  # month -> every day in it with something on it
    periods: dict[str, list[DateLink]]  # month -> mentions of weeks, months and seasons that start in it


def timeline_index(
    kb: KnowledgeBase,
    newest: list[AnnotatedArticle],
    date_links: list[DateLink],
    links_by_day: dict[dt.date, list[DateLink]],
) -> TimelineIndex:
    keys = {f"{event.date:%Y-%m}" for event in kb.events}
    keys |= {f"{a.article.published:%Y-%m}" for a in newest}
    keys |= {link.date.value.month for link in date_links if link.date.value.precision != "year"}
    days: dict[dt.date, Day] = {}

    def day(when: dt.date) -> Day:
        return days.setdefault(when, Day(when))

    for event in kb.events:
        day(event.date).events.append(event)
    for annotated in newest:
        day(annotated.article.published).published.append(annotated.article.slug)
    for when, links in links_by_day.items():
        day(when).mentions.extend(links)
    by_month: dict[str, list[Day]] = {}
    for key in sorted(days):
        by_month.setdefault(f"{key:%Y-%m}", []).append(days[key])
    periods: dict[str, list[DateLink]] = {}
    for link in date_links:
        if link.date.value.precision in ("week", "month", "season"):
            periods.setdefault(link.date.value.month, []).append(link)
    return TimelineIndex(sorted(keys), by_month, periods)


class Corpus(Protocol):
    """What the functions below read of the corpus (newsroom.corpus.Corpus, which imports this
    module to compute its ``timeline``)."""

    kb: KnowledgeBase
    articles: dict[str, AnnotatedArticle]
    date_links: list[DateLink]
    links_by_day: dict[dt.date, list[DateLink]]
    events_by_day: dict[dt.date, list[Event]]
    timeline: TimelineIndex


def month_keys(corpus: Corpus) -> list[str]:
    """Every month with an event, a publication or a date an article mentions, oldest first."""
    return corpus.timeline.months


def years(corpus: Corpus) -> list[int]:
    found = {int(key[:4]) for key in month_keys(corpus)}
    found |= {link.date.value.start.year for link in corpus.date_links if link.date.value.precision == "year"}
    return sorted(found)


def days_of(corpus: Corpus, month: str) -> list[Day]:
    return corpus.timeline.days.get(month, [])


def periods_of(corpus: Corpus, month: str) -> list[DateLink]:
    """Mentions of weeks, months and seasons that start in ``month``."""
    return corpus.timeline.periods.get(month, [])


def events_on(corpus: Corpus, when: dt.date) -> list[Event]:
    return list(corpus.events_by_day.get(when, ()))


def reported_in(corpus: Corpus, event: Event) -> list[DateLink]:
    """Article paragraphs whose day-precision dates fall on the event."""
    days = corpus.links_by_day
    span = ((event.end or event.date) - event.date).days
    return [link for offset in range(span + 1) for link in days.get(event.date + dt.timedelta(days=offset), ())]


def article_events(corpus: Corpus, slug: str) -> list[Event]:
    """The events an article refers to through its dates, oldest first."""
    found: dict[str, Event] = {}
    for dates in corpus.articles[slug].dates:
        for date in dates:
            if date.value.precision == "day":
                for event in events_on(corpus, date.value.start):
                    found[event.id] = event
    return sorted(found.values(), key=lambda e: (e.date, e.id))


def entity_events(corpus: Corpus, entity_id: str) -> list[Event]:
    return [e for e in corpus.kb.events if entity_id in e.entities]


def calendar_events(corpus: Corpus, entity) -> list[Event]:
    """The events of an organisation's or a person's calendar (``calendars/``); none for a term,
    which has no calendar."""
    return entity_events(corpus, entity.id) if isinstance(entity, (Organisation, Person)) else []
