"""The glossary (organisations and terms) and the people: each entry's page and the indexes.
``entities_json`` is the same knowledge as data."""

from __future__ import annotations

import datetime as dt
from xml.etree.ElementTree import Element

from .. import timeline
from ..chart import chart
from ..corpus import Corpus
from ..dates import long_date
from ..html import E, absolute, add, json_ld, rel
from ..model import Entity, Organisation, Person
from ..settings import TERMS
from ..urls import calendar_uri, entity_uri, event_uri, feed_uri, paragraph_uri
from .cite import same_as
from .components import (
    description,
    event_item,
    example_placeholder,
    filter_controls,
    first_sentence,
    kind_label,
    roles_then,
    sources_list,
    span_text,
    unsearched,
)


def mentioned_in(corpus: Corpus, entity_id: str, here: str) -> list[Element]:
    """Every paragraph that mentions the entity: one entry per article, newest first, with the
    first mentioning sentence as an excerpt and a link to each paragraph."""
    links = corpus.backlinks.get(entity_id, [])
    nodes = [E("h2", {"id": "mentioned-in"}, "Mentioned in")]
    if not links:
        nodes.append(E("p", {}, "No article mentions this yet."))
        return nodes
    by_article: dict[str, list] = {}
    for link in links:
        by_article.setdefault(link.slug, []).append(link)
    count = len(by_article)
    nodes.append(
        E(
            "p",
            {"class": "na-count"},
            f"{count} article{'s' if count != 1 else ''}, {len(links)} paragraph{'s' if len(links) != 1 else ''}",
        )
    )
    listing = E("ul", {"class": "na-backlinks"})
    for slug, found in by_article.items():
        article = corpus.articles[slug].article
        item = E(
            "li",
            {},
            E("a", {"class": "na-backlinks__title", "href": rel(here, article.src_uri)}, article.title),
            " ",
            E("time", {"datetime": article.published.isoformat()}, long_date(article.published)),
            E("q", {}, found[0].excerpt),
        )
        paragraphs = E("span", {"class": "na-backlinks__paragraphs"}, "Paragraph" + ("s " if len(found) > 1 else " "))
        for index, link in enumerate(found):
            if index:
                add(paragraphs, ", ")
            paragraphs.append(
                E("a", {"href": rel(here, paragraph_uri(article.slug, link.paragraph))}, str(link.paragraph))
            )
        item.append(paragraphs)
        listing.append(item)
    nodes.append(listing)
    return nodes


def what_they_said(corpus: Corpus, entity_id: str, here: str, heading: str) -> list[Element]:
    """Every quotation the articles attribute to the entity, each linking to its paragraph."""
    said = corpus.said.get(entity_id, [])
    if not said:
        return []
    nodes: list[Element] = [E("h2", {"id": "what-they-said"}, heading)]
    items = E("ul", {"class": "na-said"})
    for slug, quote in said:
        article = corpus.articles[slug].article
        items.append(
            E(
                "li",
                {},
                E("blockquote", {}, E("p", {}, quote.text.strip())),
                E(
                    "p",
                    {"class": "na-said__where"},
                    E(
                        "a",
                        {"href": rel(here, paragraph_uri(article.slug, quote.paragraph))},
                        f"{article.title}, paragraph {quote.paragraph}",
                    ),
                    f" · {long_date(article.published)}",
                ),
            )
        )
    nodes.append(items)
    return nodes


def entity_timeline(corpus: Corpus, entity_id: str, here: str) -> list[Element]:
    events = timeline.entity_events(corpus, entity_id)
    if not events:
        return []
    entity = corpus.kb.entities[entity_id]
    label = entity.short_name if isinstance(entity, Organisation) else entity.label
    picture = chart(
        events,
        [(entity_id, label)],
        here,
        event_uri,
        title=f"{entity.label} on the timeline",
        kinds=corpus.settings.event_kinds,
    )
    return [
        E("h2", {"id": "on-the-timeline"}, "On the timeline"),
        picture,
        E("ul", {"class": "na-event-list"}, *(event_item(e, here) for e in events)),
    ]


def _entity_sections(corpus: Corpus, entity: Entity, label: str, here: str, statements: str) -> list[Element]:
    """What every entity page ends with: its other spellings, then the sections that repeat other
    pages (statements, events, mentions, sources), which search leaves out."""
    aliases = sorted(set(entity.aliases) - {label})
    nodes = [E("p", {"class": "na-entity__aliases"}, "Also written: " + ", ".join(aliases))] if aliases else []
    nodes += unsearched(what_they_said(corpus, entity.id, here, statements))
    nodes += unsearched(entity_timeline(corpus, entity.id, here))
    nodes += unsearched(mentioned_in(corpus, entity.id, here))
    follow = E("a", {"href": rel(here, feed_uri(entity)), "type": "application/atom+xml"}, f"Follow {label}")
    nodes += unsearched([E("p", {"class": "na-follow"}, follow, ": new articles that mention them, as a feed (Atom)")])
    if timeline.calendar_events(corpus, entity):  # exports.timeline writes a calendar for exactly these
        calendar = E("a", {"href": rel(here, calendar_uri(entity)), "type": "text/calendar"}, f"{label}'s events")
        nodes += unsearched(
            [E("p", {"class": "na-follow"}, calendar, ": the timeline's events, for a calendar (.ics)")]
        )
    return nodes + unsearched([E("h2", {"id": "sources"}, "Sources"), sources_list(entity.sources)])


def glossary_entry(corpus: Corpus, entity_id: str) -> Element:
    kb = corpus.kb
    entity = kb.entities[entity_id]
    here = entity_uri(entity)
    root = E("div", {"class": "na-entity", "data-entity": entity.id})
    facts = E("dl", {"class": "na-facts"})
    facts.append(E("dt", {}, "Kind"))
    facts.append(E("dd", {}, kind_label(corpus.settings, entity)))
    if isinstance(entity, Organisation):
        if entity.short_name != entity.name:
            facts.append(E("dt", {}, "Short name"))
            facts.append(E("dd", {}, entity.short_name))
        if entity.website:
            facts.append(E("dt", {}, "Website"))
            facts.append(E("dd", {}, E("a", {"href": entity.website}, entity.website)))
    if entity.wikidata:
        facts.append(E("dt", {}, "Wikidata"))
        link = f"https://www.wikidata.org/wiki/{entity.wikidata}"
        facts.append(E("dd", {}, E("a", {"href": link}, entity.wikidata)))
    for term in facts:  # a line break between terms and values: search reads "Kind Union", not "KindUnion"
        term.tail = "\n"
    root.append(E("p", {"class": "na-entity__lead"}, description(entity)))
    root.append(facts)
    if isinstance(entity, Organisation):
        leaders = kb.leaders(entity.id)
        if leaders:
            root.append(E("h2", {"id": "leaders"}, "Leaders"))
            root.append(
                E(
                    "ul",
                    {"class": "na-roles"},
                    *(
                        E(
                            "li",
                            {},
                            E("a", {"href": rel(here, entity_uri(p))}, p.name),
                            f", {r.title.lower()}" + (f" ({span_text(r)})" if span_text(r) else ""),
                        )
                        for p, r in leaders
                    ),
                )
            )
    root.extend(_entity_sections(corpus, entity, entity.label, here, "Statements"))
    if isinstance(entity, Organisation):
        root.append(organisation_jsonld(corpus, entity))
    return root


def glossary_index(corpus: Corpus) -> Element:
    kb = corpus.kb
    here = "glossary/index.md"
    root = E("div", {"class": "na-index"})
    entries = sorted((*kb.organisations, *kb.terms), key=lambda e: e.label.casefold())
    for section in corpus.settings.glossary_groups:  # every kind is in one (newsroom.settings)
        group = [e for e in entries if (e.kind if isinstance(e, Organisation) else TERMS) in section.kinds]
        if not group:
            continue
        root.append(E("h2", {"id": section.id}, section.title))
        root.append(E("dl", {"class": "na-glossary"}, *_glossary_items(corpus, group, here)))
    return root


def _glossary_items(corpus: Corpus, group: list[Entity], here: str) -> list[Element]:
    items = []
    for entity in group:
        count = len({b.slug for b in corpus.backlinks.get(entity.id, [])})
        label = entity.label + (
            f" ({entity.short_name})"
            if isinstance(entity, Organisation) and entity.short_name not in entity.label
            else ""
        )
        items.append(E("dt", {"id": entity.id}, E("a", {"href": rel(here, entity_uri(entity))}, label)))
        items.append(
            E(
                "dd",
                {},
                first_sentence(description(entity)),
                E("span", {"class": "na-count"}, f" · {count} article{'s' if count != 1 else ''}"),
            )
        )
    return items


def person_entry(corpus: Corpus, person_id: str) -> Element:
    kb = corpus.kb
    person = kb.entities[person_id]
    assert isinstance(person, Person)
    here = entity_uri(person)
    root = E("div", {"class": "na-entity", "data-entity": person.id})
    root.append(E("p", {"class": "na-entity__lead"}, person.description))
    if person.roles:
        root.append(E("h2", {"id": "roles"}, "Roles"))
        items = E("ul", {"class": "na-roles"})
        for role in sorted(person.roles, key=lambda r: r.start or dt.date.min):
            org = kb.organisation(role.organisation)
            dates = span_text(role)
            items.append(
                E(
                    "li",
                    {},
                    f"{role.title}, ",
                    E("a", {"href": rel(here, entity_uri(org))}, org.label),
                    f" ({dates})" if dates else None,
                )
            )
        root.append(items)
    root.extend(_entity_sections(corpus, person, person.name, here, "What they said"))
    root.append(person_jsonld(corpus, person))
    return root


def organisation_jsonld(corpus: Corpus, organisation: Organisation) -> Element:
    """schema.org ``Organization`` structured data: name, alternateName, url, description, sameAs."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organisation.name,
        "alternateName": organisation.short_name,
        "url": absolute(corpus.site_url, entity_uri(organisation)),
        "description": first_sentence(organisation.description),
    }
    if same := same_as(organisation):
        data["sameAs"] = same
    return json_ld(data)


def person_jsonld(corpus: Corpus, person: Person) -> Element:
    """schema.org ``Person`` structured data: name, jobTitle, affiliation, url, sameAs (sources)."""
    kb = corpus.kb
    roles = roles_then(corpus, person)
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": person.name,
        "url": absolute(corpus.site_url, entity_uri(person)),
        "description": first_sentence(person.description),
    }
    if same := same_as(person):
        data["sameAs"] = same
    if roles:
        data["jobTitle"] = roles[0].title
        data["affiliation"] = [
            {
                "@type": "Organization",
                "name": kb.entities[r.organisation].label,
                "url": absolute(corpus.site_url, entity_uri(kb.entities[r.organisation])),
            }
            for r in roles
        ]
    return json_ld(data)


def people_index(corpus: Corpus) -> Element:
    """Everyone, A to Z by surname, with their role when the articles were written and a filter box."""
    kb = corpus.kb
    here = "people/index.md"
    example = example_placeholder(corpus.settings.people_filter_example)
    box = E("input", {"type": "search", "id": "na-people-filter", "autocomplete": "off", **example})
    filter_box = filter_controls("na-people-filter", "na-people-filter", "Filter by name or organisation", box)
    listing = E("ul", {"class": "na-people"})
    for person in sorted(kb.people, key=lambda p: (p.surname.casefold(), p.name.casefold())):
        count = len({b.slug for b in corpus.backlinks.get(person.id, [])})
        roles = roles_then(corpus, person)
        organisations = [kb.organisation(r.organisation) for r in roles]
        searchable = " ".join([person.name, *(f"{o.label} {o.short_name}" for o in organisations)]).casefold()
        item = E("li", {"class": "na-person", "id": person.id, "data-search": searchable})
        item.append(E("a", {"class": "na-person__name", "href": rel(here, entity_uri(person))}, person.name))
        detail = E("span", {"class": "na-person__role"})
        for index, role in enumerate(roles):
            if index:
                add(detail, "; ")
            org = kb.organisation(role.organisation)
            add(detail, f"{role.title}, ")
            detail.append(E("a", {"href": rel(here, entity_uri(org))}, org.short_name))
            dates = span_text(role)
            add(detail, f" ({dates})" if dates else None)
        if not roles:
            add(detail, first_sentence(person.description))
        item.append(detail)
        item.append(E("span", {"class": "na-count"}, f"Mentioned in {count} article{'s' if count != 1 else ''}"))
        listing.append(item)
    return E("div", {"class": "na-index na-people-index"}, filter_box, listing)
