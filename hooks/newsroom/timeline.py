"""The timeline: which months have pages, what is on each day, and the iCalendar/TimelineJS exports."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from .corpus import Corpus, DateLink
from .dates import DateValue
from .html import absolute
from .model import Event


@dataclass
class Day:
    """Everything on one day of a month page."""

    day: dt.date
    events: list[Event] = field(default_factory=list)
    published: list[str] = field(default_factory=list)  # article slugs
    mentions: list[DateLink] = field(default_factory=list)  # day-precision dates pointing here


def event_uri(event: Event) -> str:
    return f"timeline/{event.date:%Y-%m}.md#{event.id}"


def date_uri(value: DateValue) -> str:
    if value.precision == "day":
        return f"timeline/{value.month}.md#{value.start.isoformat()}"
    if value.precision == "year":
        return f"timeline/index.md#year-{value.start.year}"
    return f"timeline/{value.month}.md#periods"


def month_keys(corpus: Corpus) -> list[str]:
    """Every month with an event, a publication or a date an article mentions, oldest first."""
    if corpus.months is None:
        corpus.months = _month_keys(corpus)
    return corpus.months


def _month_keys(corpus: Corpus) -> list[str]:
    keys = {f"{event.date:%Y-%m}" for event in corpus.kb.events}
    keys |= {f"{a.article.published:%Y-%m}" for a in corpus.articles.values()}
    keys |= {link.date.value.month for link in corpus.date_links if link.date.value.precision != "year"}
    return sorted(keys)


def years(corpus: Corpus) -> list[int]:
    found = {int(key[:4]) for key in month_keys(corpus)}
    found |= {link.date.value.start.year for link in corpus.date_links if link.date.value.precision == "year"}
    return sorted(found)


def days_of(corpus: Corpus, month: str) -> list[Day]:
    if corpus.days is None:
        corpus.days = _all_days(corpus)
    return corpus.days.get(month, [])


def _all_days(corpus: Corpus) -> dict[str, list[Day]]:
    """Every day with something on it, grouped by month: computed once per build."""
    days: dict[dt.date, Day] = {}

    def day(when: dt.date) -> Day:
        return days.setdefault(when, Day(when))

    for event in corpus.kb.events:
        day(event.date).events.append(event)
    for annotated in corpus.newest_first():
        day(annotated.article.published).published.append(annotated.article.slug)
    for when, links in corpus.links_by_day.items():
        day(when).mentions.extend(links)
    months: dict[str, list[Day]] = {}
    for key in sorted(days):
        months.setdefault(f"{key:%Y-%m}", []).append(days[key])
    return months


def periods_of(corpus: Corpus, month: str) -> list[DateLink]:
    """Mentions of weeks, months and seasons that start in ``month``."""
    if corpus.periods is None:
        corpus.periods = {}
        for link in corpus.date_links:
            if link.date.value.precision in ("week", "month", "season"):
                corpus.periods.setdefault(link.date.value.month, []).append(link)
    return corpus.periods.get(month, [])


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


# --- exports ------------------------------------------------------------------------------


def timelinejs(corpus: Corpus, site_url: str, title: str) -> str:
    """``timeline.json`` in TimelineJS3's format; each event links to its permanent anchor."""

    def date_obj(day: dt.date) -> dict[str, str]:
        return {"year": str(day.year), "month": str(day.month), "day": str(day.day)}

    events = []
    for event in corpus.kb.events:
        url = absolute(site_url, event_uri(event))
        item = {
            "unique_id": event.id,
            "start_date": date_obj(event.date),
            "text": {"headline": event.title, "text": f'<p>{_html(event.description)}</p><p><a href="{url}">On the archive\'s timeline</a></p>'},
            "group": f"{event.date.year}",
        }
        if event.end:
            item["end_date"] = date_obj(event.end)
        events.append(item)
    data = {"title": {"text": {"headline": title, "text": corpus.settings.timeline_summary}}, "events": events}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def icalendar(corpus: Corpus, site_url: str, title: str, stamp: dt.datetime) -> str:
    """``timeline.ics``: one all-day VEVENT per event, its URL the permanent anchor. Written by the
    ``icalendar`` package (escaping, line folding, CRLF); the same input gives the same bytes
    (UIDs from event ids, DTSTAMP from the build date)."""
    import icalendar as ical

    host = site_url.split("//", 1)[-1].split("/", 1)[0] or "archive"
    calendar = ical.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", f"-//{title}//newsroom//EN")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", title)
    for event in corpus.kb.events:
        entry = ical.Event()
        entry.add("uid", f"{event.id}@{host}")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", event.date)
        entry.add("dtend", (event.end or event.date) + dt.timedelta(days=1))
        entry.add("summary", event.title)
        entry.add("description", event.description + " Sources: " + " ".join(event.sources))
        entry.add("url", absolute(site_url, event_uri(event)))
        calendar.add_component(entry)
    return calendar.to_ical().decode("utf-8")


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

