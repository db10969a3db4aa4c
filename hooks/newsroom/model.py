"""Frozen dataclasses for everything the engine knows: no dicts travel through the code."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .urls import article_uri


@dataclass(frozen=True, slots=True)
class Role:
    """A post a person held in an organisation, from ``start`` to ``end`` (``None``: still held)."""

    organisation: str
    title: str
    start: dt.date | None
    end: dt.date | None
    office: str | None = None
    leads: bool = False
    sources: tuple[str, ...] = ()

    def held_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    short_name: str
    kind: str
    description: str
    aliases: tuple[str, ...] = ()
    website: str | None = None
    wikidata: str | None = None  # a Wikidata item, Q and digits: schema.org sameAs
    sources: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.name

    @property
    def section(self) -> str:
        return "glossary"


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    description: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    sources: tuple[str, ...] = ()
    website: str | None = None
    wikidata: str | None = None

    @property
    def label(self) -> str:
        return self.name

    @property
    def section(self) -> str:
        return "people"

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    def roles_on(self, day: dt.date) -> tuple[Role, ...]:
        return tuple(role for role in self.roles if role.held_on(day))


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    wikidata: str | None = None

    @property
    def name(self) -> str:
        return self.term

    @property
    def label(self) -> str:
        return self.term

    @property
    def section(self) -> str:
        return "glossary"


@dataclass(frozen=True)
class Office:
    """A post described without a name ("the Education Secretary"); resolved by date."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    id: str
    date: dt.date
    title: str
    description: str
    entities: tuple[str, ...] = ()
    end: dt.date | None = None
    sources: tuple[str, ...] = ()
    kind: str = "other"  # what sort of event: one of the settings' event_kinds


Entity = Organisation | Person | Term


@dataclass(frozen=True)
class KnowledgeBase:
    organisations: tuple[Organisation, ...]
    people: tuple[Person, ...]
    terms: tuple[Term, ...]
    offices: tuple[Office, ...] = ()
    events: tuple[Event, ...] = ()
    entities: dict[str, Entity] = field(default_factory=dict, compare=False, repr=False)
    _by_office: dict[str, tuple[tuple[Person, Role], ...]] = field(default_factory=dict, compare=False, repr=False)
    _leaders: dict[str, tuple[tuple[Person, Role], ...]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        table: dict[str, Entity] = {}
        for entity in (*self.organisations, *self.people, *self.terms):
            table[entity.id] = entity
        object.__setattr__(self, "entities", table)
        # Indexes built once, so that resolving a role or an organisation's leaders is a lookup.
        by_office: dict[str, list[tuple[Person, Role]]] = {}
        leaders: dict[str, list[tuple[Person, Role]]] = {}
        for person in self.people:
            for role in person.roles:
                if role.office:
                    by_office.setdefault(role.office, []).append((person, role))
                if role.leads:
                    leaders.setdefault(role.organisation, []).append((person, role))
        object.__setattr__(self, "_by_office", {k: tuple(v) for k, v in by_office.items()})
        ordered = {
            k: tuple(sorted(v, key=lambda pr: (pr[1].start or dt.date.min, pr[0].name))) for k, v in leaders.items()
        }
        object.__setattr__(self, "_leaders", ordered)

    def organisation(self, organisation_id: str) -> Organisation:
        """The organisation of a role (the loader checks that a role names an organisation)."""
        found = self.entities[organisation_id]
        if not isinstance(found, Organisation):
            raise TypeError(f"{organisation_id} is not an organisation")
        return found

    def holders(self, office_id: str, day: dt.date) -> tuple[Person, ...]:
        """Everyone who held ``office_id`` on ``day``."""
        found: dict[str, Person] = {}
        for person, role in self.office_roles(office_id):
            if role.held_on(day):
                found.setdefault(person.id, person)
        return tuple(found.values())

    def office_roles(self, office_id: str) -> tuple[tuple[Person, Role], ...]:
        """Everyone who held ``office_id`` and when, in the knowledge base's order."""
        return self._by_office.get(office_id, ())

    def leaders(self, organisation_id: str) -> tuple[tuple[Person, Role], ...]:
        """Everyone who led ``organisation_id``, oldest first."""
        return self._leaders.get(organisation_id, ())


@dataclass(frozen=True, slots=True)
class Paragraph:
    number: int
    text: str


@dataclass(frozen=True, slots=True)
class Correction:
    """A dated correction or update of an article or a note: what changed, and its sources."""

    date: dt.date
    text: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    slug: str
    title: str
    published: dt.date
    publisher: str
    paragraphs: tuple[Paragraph, ...]
    path: str
    url: str | None = None
    byline: str | None = None
    summary: str | None = None
    tags: tuple[str, ...] = ()
    updated: dt.date | None = None  # the editor's "updated:", if any
    corrections: tuple[Correction, ...] = ()  # oldest first

    @property
    def src_uri(self) -> str:
        return article_uri(self.slug)

    @property
    def modified(self) -> dt.date:
        """When the article last changed: its newest correction or its ``updated:``, else its
        publication (schema.org's dateModified, the feed's updated)."""
        return max([self.published, *([self.updated] if self.updated else []), *(c.date for c in self.corrections)])


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a paragraph's text that names an entity."""

    start: int
    end: int
    entity: str
    text: str
