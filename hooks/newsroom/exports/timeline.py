"""The timeline as data: ``timeline.json`` (TimelineJS3) and ``timeline.ics`` (iCalendar)."""

from __future__ import annotations

import datetime as dt
import json

from ..corpus import Corpus
from ..html import absolute
from ..timeline import calendar_events
from ..urls import calendar_uri, event_uri
from .kept import Kept


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
            "text": {
                "headline": event.title,
                "text": f'<p>{_html(event.description)}</p><p><a href="{url}">On the archive\'s timeline</a></p>',
            },
            "group": f"{event.date.year}",
        }
        if event.end:
            item["end_date"] = date_obj(event.end)
        events.append(item)
    data = {"title": {"text": {"headline": title, "text": corpus.settings.timeline_summary}}, "events": events}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def icalendar(corpus: Corpus, site_url: str, title: str, stamp: dt.datetime, events=None) -> str:
    """``timeline.ics``: one all-day VEVENT per event, its URL the permanent anchor. Written by the
    ``icalendar`` package (escaping, line folding, CRLF); the same input gives the same bytes
    (UIDs from event ids, DTSTAMP from the build date). ``events``: only these (an
    organisation's or a person's calendar, ``entity_calendars``)."""
    import icalendar as ical

    host = site_url.split("//", 1)[-1].split("/", 1)[0] or "archive"
    calendar = ical.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", f"-//{title}//newsroom//EN")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", title)
    for event in corpus.kb.events if events is None else events:
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


def entity_calendars(
    corpus: Corpus, site_url: str, site_name: str, stamp: dt.datetime, kept: Kept | None = None
) -> list[tuple[str, str]]:
    """A calendar for each organisation and person that has events: ``calendars/<section>/<id>.ics``.
    ``kept``: the calendars an earlier build made (:class:`Kept`): only those an edit touches are
    made again."""
    kept = kept or Kept()
    out = []
    for entity in sorted(corpus.kb.entities.values(), key=lambda e: (e.section, e.id)):
        events = calendar_events(corpus, entity)
        if events:
            title, uri = f"{entity.label} · {site_name}", calendar_uri(entity)
            reads = (site_url, title, stamp, events)
            out.append((uri, kept.get(uri, reads, icalendar, corpus, site_url, title, stamp, events)))
    return out


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
