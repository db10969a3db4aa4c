"""Pieces every kind of page is built from: dates and roles as text, source lists, links to
paragraphs, entities and events, the chart's lanes. (Every address is in ``newsroom.urls``.)"""

from __future__ import annotations

import datetime as dt
from xml.etree.ElementTree import Element

from ..corpus import Corpus
from ..dates import long_date
from ..html import E, absolute, add, rel
from ..model import Entity, Event, KnowledgeBase, Organisation, Person, Role, Term
from ..settings import Settings
from ..urls import entity_uri, event_uri, note_in_article_uri, paragraph_uri


def month_year(day: dt.date) -> str:
    return f"{day:%b %Y}"


def span_text(role: Role) -> str:
    if role.start is None and role.end is None:
        return ""
    start = month_year(role.start) if role.start else "?"
    return f"{start} – {month_year(role.end) if role.end else 'present'}"


def first_sentence(text: str) -> str:
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def kind_label(settings: Settings, entity: Entity) -> str:
    """What the entity is: its organisation kind's label (the settings'), "Person" or "Term"."""
    if isinstance(entity, Organisation):
        return settings.organisation_kind(entity.kind).label
    return "Person" if isinstance(entity, Person) else "Term"


def role_line(kb: KnowledgeBase, role: Role) -> str:
    org = kb.entities[role.organisation]
    dates = span_text(role)
    short = org.short_name if isinstance(org, Organisation) else org.label
    return f"{role.title}, {short}" + (f", {dates}" if dates else "")


def roles_then(corpus: Corpus, person: Person) -> tuple[Role, ...]:
    """A person's roles at the time of the articles (the newest publication), else their last role."""
    return person.roles_on(corpus.latest) or person.roles[-1:]


def description(entity: Entity) -> str:
    return entity.definition if isinstance(entity, Term) else entity.description


def note_url(corpus: Corpus, slug: str, note_id: str) -> str:
    return absolute(corpus.site_url, note_in_article_uri(slug, note_id))


def event_item(event: Event, here: str) -> Element:
    when = long_date(event.date) + (f" – {long_date(event.end)}" if event.end else "")
    return E("li", {}, E("a", {"href": rel(here, event_uri(event))}, when), f": {event.title}")


def source_link(url: str, text: str) -> list:
    """A link to a source; with an archived copy, as a Robust Link (``data-versionurl`` and
    ``data-versiondate`` on it) followed by a visible link to the copy."""
    archived, day = getattr(url, "archived", None), getattr(url, "archived_on", None)
    link = E("a", {"href": url, "data-versionurl": archived, "data-versiondate": day}, text)
    if not archived:
        return [link]
    label = f"archived {long_date(dt.date.fromisoformat(day))}" if day else "archived copy"
    return [link, " (", E("a", {"class": "na-archived", "href": archived}, label), ")"]


def numbered_sources(urls: tuple[str, ...], css_class: str) -> Element:
    """ "Sources: [1] [2]", each number a link: for notes and timeline events."""
    line = E("p", {"class": css_class}, "Sources: ")
    for number, url in enumerate(urls, 1):
        for piece in source_link(url, f"[{number}]"):
            add(line, piece)
        add(line, " ")
    return line


def sources_list(urls: tuple[str, ...]) -> Element:
    return E("ol", {"class": "na-sources"}, *(E("li", {}, *source_link(url, url)) for url in urls))


def example_placeholder(example: str) -> dict[str, str]:
    """An input's placeholder attribute, none for no example."""
    return {"placeholder": example} if example else {}


def filter_controls(box_class: str, control_id: str, label: str, control: Element, *more: Element) -> Element:
    """An index's filter (filters.js, ``newsroom.filter``): a box shown only where scripts run,
    with the labelled control, anything ``more`` (a button), and the live line that counts what
    the filter shows. It is in place from the first paint (``na-needs-js``: hidden while the page's
    ``<html>`` is ``no-js``, which a line in the head takes away before anything is drawn), so the
    list under it does not move down when the script arrives (a layout shift Lighthouse counted)."""
    return E(
        "div",
        {"class": f"{box_class} na-needs-js"},
        E("label", {"for": control_id}, label),
        control,
        *more,
        E("p", {"class": "na-filter-status", "role": "status", "aria-live": "polite"}),
    )


def choice(control_id: str, every: str, options: list[tuple[str, str]]) -> Element:
    """A filter's list of choices: ``every`` first (no filter), then (value, label) pairs."""
    return E(
        "select",
        {"id": control_id},
        E("option", {"value": ""}, every),
        *(E("option", {"value": v}, t) for v, t in options),
    )


def lanes(corpus: Corpus) -> list[tuple[str, str]]:
    """The timeline chart's lanes: ``timeline_lanes`` in mkdocs.yml's ``extra.archive`` (checked
    when the corpus is built), or every organisation with events, in the knowledge base's order."""
    kb = corpus.kb
    ids = corpus.settings.timeline_lanes or [
        o.id for o in kb.organisations if any(o.id in e.entities for e in kb.events)
    ]
    return [(i, kb.entities[i].short_name) for i in ids]


def unsearched(nodes: list[Element]) -> list[Element]:
    """Sections of an entity page that repeat other pages (statements, events, mentions, sources):
    left out of the search index (see newsroom.search), where the pages they repeat are. (Not
    Material's ``data-search-exclude``, which Zensical takes out of the pages it writes.)"""
    for node in nodes:
        node.set("data-na-search-exclude", "")
    return nodes


def month_label(key: str) -> str:
    return f"{dt.date.fromisoformat(key + '-01'):%B %Y}"


def entity_links(kb: KnowledgeBase, ids: tuple[str, ...], here: str) -> list[Element | str]:
    parts: list[Element | str] = []
    for index, entity_id in enumerate(ids):
        entity = kb.entities[entity_id]
        if index:
            parts.append(", ")
        parts.append(E("a", {"href": rel(here, entity_uri(entity))}, entity.label))
    return parts


def paragraph_link(corpus: Corpus, slug: str, number: int, here: str, words: str | None = None) -> Element:
    article = corpus.articles[slug].article
    label = f"{article.title}, paragraph {number}"
    return E(
        "li",
        {},
        E("a", {"href": rel(here, paragraph_uri(slug, number))}, label),
        E("span", {"class": "na-count"}, f" · “{words}”") if words else None,
    )
