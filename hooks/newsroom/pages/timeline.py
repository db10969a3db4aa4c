"""The timeline index (with its chart) and a page per month."""

from __future__ import annotations

import copy
from xml.etree.ElementTree import Element

from .. import timeline
from ..chart import chart
from ..corpus import Corpus
from ..dates import long_date
from ..html import E, rel
from ..model import Event, Organisation, Person
from ..urls import event_uri, timeline_month_uri
from .components import choice, entity_links, filter_controls, lanes, month_label, numbered_sources, paragraph_link

INDEX_ARTICLES = 5  # a month with more articles shows their number on the timeline index, not each one


def timeline_event(corpus: Corpus, event: Event, here: str) -> Element:
    kb = corpus.kb
    when = long_date(event.date) + (f" – {long_date(event.end)}" if event.end else "")
    node = E(
        "article",
        {"class": "na-event", "id": event.id, "data-entities": " ".join(event.entities)},
        E("h3", {"class": "na-event__title"}, event.title),
        E("p", {"class": "na-event__when"}, E("time", {"datetime": event.date.isoformat()}, when)),
        E("p", {}, event.description),
    )
    if event.entities:
        node.append(E("p", {"class": "na-event__who"}, "Involved: ", *entity_links(kb, event.entities, here)))
    node.append(numbered_sources(event.sources, "na-event__sources"))
    reports = timeline.reported_in(corpus, event)
    if reports:
        node.append(E("p", {"class": "na-event__reported"}, "Reported in:"))
        node.append(E("ul", {}, *(paragraph_link(corpus, r.slug, r.paragraph, here, r.date.text) for r in reports)))
    return node


def timeline_month(corpus: Corpus, key: str) -> Element:
    here = timeline_month_uri(key)
    months = timeline.month_keys(corpus)
    position = months.index(key)
    nav = E("nav", {"class": "na-month-nav", "aria-label": "Months"})
    if position > 0:
        before = months[position - 1]
        nav.append(
            E(
                "a",
                {"class": "na-month-nav__prev", "href": rel(here, timeline_month_uri(before)), "rel": "prev"},
                f"← {month_label(before)}",
            )
        )
    nav.append(E("a", {"class": "na-month-nav__all", "href": rel(here, "timeline/index.md")}, "Whole timeline"))
    if position + 1 < len(months):
        after = months[position + 1]
        nav.append(
            E(
                "a",
                {"class": "na-month-nav__next", "href": rel(here, timeline_month_uri(after)), "rel": "next"},
                f"{month_label(after)} →",
            )
        )
    root = E("div", {"class": "na-timeline na-timeline--month"}, nav)
    for day in timeline.days_of(corpus, key):
        section = E("section", {"class": "na-day"}, E("h2", {"id": day.day.isoformat()}, long_date(day.day)))
        for event in day.events:
            section.append(timeline_event(corpus, event, here))
        if day.published:
            section.append(E("p", {"class": "na-day__label"}, "Published:"))
            section.append(
                E(
                    "ul",
                    {},
                    *(
                        E(
                            "li",
                            {},
                            E(
                                "a",
                                {"href": rel(here, corpus.articles[s].article.src_uri)},
                                corpus.articles[s].article.title,
                            ),
                        )
                        for s in day.published
                    ),
                )
            )
        unattached = [m for m in day.mentions if not timeline.events_on(corpus, day.day)]
        if unattached:
            section.append(E("p", {"class": "na-day__label"}, "Mentioned in:"))
            section.append(
                E("ul", {}, *(paragraph_link(corpus, m.slug, m.paragraph, here, m.date.text) for m in unattached))
            )
        root.append(section)
    periods = timeline.periods_of(corpus, key)
    section = E("section", {"class": "na-day"}, E("h2", {"id": "periods"}, "Periods mentioned"))
    if periods:
        items = E("ul", {})
        for link in periods:
            items.append(
                paragraph_link(corpus, link.slug, link.paragraph, here, f"{link.date.text}: {link.date.value.label}")
            )
        section.append(items)
    else:
        section.append(E("p", {}, "No article mentions a week, month or season starting this month."))
    root.append(section)
    end = copy.deepcopy(nav)
    end.set("aria-label", "Months, at the end of the page")  # landmarks need names of their own
    root.append(end)
    return root


def timeline_index(corpus: Corpus) -> Element:
    kb = corpus.kb
    here = "timeline/index.md"
    involved = sorted({i for e in kb.events for i in e.entities if isinstance(kb.entities[i], (Organisation, Person))})
    by_name = sorted(involved, key=lambda i: kb.entities[i].label.casefold())
    who = choice("na-timeline-filter", "anyone", [(i, kb.entities[i].label) for i in by_name])
    order = E(
        "button", {"type": "button", "class": "md-button na-timeline-order", "aria-pressed": "false"}, "Newest first"
    )
    controls = filter_controls("na-timeline-controls", "na-timeline-filter", "Show events involving ", who, order)
    published = [a.article.published for a in corpus.newest_first()]
    drawn = chart(
        list(kb.events),
        lanes(corpus),
        here,
        event_uri,
        published,
        corpus.settings.chart_title,
        corpus.settings.event_kinds,
    )
    root = E("div", {"class": "na-timeline na-timeline--index"}, drawn, controls)
    listing = E("div", {"class": "na-timeline__list"})
    for year in timeline.years(corpus):
        block = E("section", {"class": "na-year", "data-year": str(year)}, E("h2", {"id": f"year-{year}"}, str(year)))
        for key in [m for m in timeline.month_keys(corpus) if m.startswith(f"{year}-")]:
            month = E(
                "section",
                {"class": "na-month"},
                E("h3", {"id": f"month-{key}"}, E("a", {"href": rel(here, timeline_month_uri(key))}, month_label(key))),
            )
            items = E("ol", {"class": "na-timeline__events"})
            days = timeline.days_of(corpus, key)
            published = sum(len(day.published) for day in days)
            for day in days:
                for event in day.events:
                    items.append(
                        E(
                            "li",
                            {"class": "na-timeline__event", "data-entities": " ".join(event.entities)},
                            E("time", {"datetime": event.date.isoformat()}, long_date(event.date)),
                            " ",
                            E("a", {"href": rel(here, event_uri(event))}, event.title),
                        )
                    )
                for slug in day.published if published <= INDEX_ARTICLES else ():
                    article = corpus.articles[slug].article
                    items.append(
                        E(
                            "li",
                            {
                                "class": "na-timeline__event na-timeline__event--article",
                                "data-entities": " ".join(corpus.articles[slug].entities),
                            },
                            E("time", {"datetime": article.published.isoformat()}, long_date(article.published)),
                            " Article: ",
                            E("a", {"href": rel(here, article.src_uri)}, article.title),
                        )
                    )
            if published > INDEX_ARTICLES:
                month.append(
                    E(
                        "p",
                        {"class": "na-count"},
                        E(
                            "a",
                            {"href": rel(here, timeline_month_uri(key))},
                            f"{published} articles published this month",
                        ),
                    )
                )
            if len(items):
                month.append(items)
            else:
                month.append(E("p", {"class": "na-count"}, "Dates mentioned in articles only."))
            block.append(month)
        year_links = [
            link
            for link in corpus.date_links
            if link.date.value.precision == "year" and link.date.value.start.year == year
        ]
        if year_links:
            block.append(E("p", {"class": "na-day__label"}, f"Articles that mention {year} as a whole:"))
            block.append(
                E("ul", {}, *(paragraph_link(corpus, m.slug, m.paragraph, here, m.date.text) for m in year_links))
            )
        listing.append(block)
    root.append(listing)
    return root
