"""YAML and front matter -> model. Every problem raises DataError(file, line, field, why) (the
YAML, with its line numbers, is read by newsroom.yamlfile)."""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from .errors import DataError
from .model import (
    Article,
    Correction,
    Event,
    KnowledgeBase,
    Office,
    Organisation,
    Paragraph,
    Person,
    Role,
    Term,
)
from .yamlfile import ID_PATTERN, MAX_NAME, _Record, _top_level_list, decode, parse_yaml, safe_link

__all__ = [
    "decode",
    "load_article",
    "load_knowledge_base",
    "normalise_alias",
    "parse_article",
    "parse_yaml",
    "safe_link",
]

ARTICLE_KEYS = ("title", "published", "publisher", "url", "byline", "summary", "tags", "updated", "corrections")
CORRECTION_KEYS = ("date", "text", "sources")
KB_FILES = ("organisations", "people", "terms", "offices", "events")


def _role(record: _Record) -> Role:
    record.only(("organisation", "title", "office", "from", "to", "leads", "sources"))
    start = record.date("from", required=False, month_end=False)
    end = record.date("to", required=False, month_end=True)
    if start and end and end < start:
        raise record.fail("to", f"ends ({end}) before it starts ({start}); swap or fix the dates")
    leads = record.mapping.get("leads", False)
    if not isinstance(leads, bool):
        raise record.fail("leads", "expected true or false")
    office = record.mapping.get("office")
    return Role(
        organisation=record.ident("organisation"),
        title=record.required("title"),
        start=start,
        end=end,
        office=record.ident("office") if office is not None else None,
        leads=leads,
        sources=record.sources(required=False),
    )


def _wikidata(record: _Record) -> str | None:
    """An entry's optional Wikidata item, ``Q`` and digits (its page's schema.org ``sameAs``)."""
    raw = record.text("wikidata", required=False)
    if raw is not None and not (raw[:1] == "Q" and raw[1:].isdigit() and raw[1:2] != "0"):
        raise record.fail("wikidata", f"{raw!r} is not a Wikidata item id; write it as Q and digits, e.g. Q42")
    return raw


def _kind(record: _Record, kinds: Collection[str] | None, setting: str, default: str | None = None) -> str:
    """The entry's ``kind``: one of ``kinds`` (mkdocs.yml's ``extra.archive.<setting>`` lists
    them), or any slug when ``kinds`` is None."""
    if default is not None and record.text("kind", required=False) is None:
        return default
    kind = record.ident("kind")
    if kinds is not None and kind not in kinds:
        raise record.fail(
            "kind",
            f"unknown kind {kind!r}; use one of {', '.join(kinds)} (or add it to mkdocs.yml's extra.archive.{setting})",
        )
    return kind


def _organisation(record: _Record, kinds: Collection[str] | None = None) -> Organisation:
    record.only(("id", "name", "short_name", "kind", "description", "aliases", "website", "wikidata", "sources"))
    kind = _kind(record, kinds, "organisation_kinds")
    name = record.required("name")
    return Organisation(
        id=record.ident(),
        name=name,
        short_name=record.text("short_name", required=False) or name,
        kind=kind,
        description=record.required("description"),
        aliases=record.texts("aliases"),
        website=record.url("website"),
        wikidata=_wikidata(record),
        sources=record.sources(),
    )


def _person(record: _Record) -> Person:
    record.only(("id", "name", "description", "aliases", "roles", "website", "wikidata", "sources"))
    return Person(
        website=record.url("website"),
        wikidata=_wikidata(record),
        id=record.ident(),
        name=record.required("name"),
        description=record.required("description"),
        aliases=record.texts("aliases"),
        roles=tuple(_role(role) for role in record.records("roles")),
        sources=record.sources(),
    )


def _term(record: _Record) -> Term:
    record.only(("id", "term", "definition", "aliases", "wikidata", "sources"))
    return Term(
        wikidata=_wikidata(record),
        id=record.ident(),
        term=record.required("term"),
        definition=record.required("definition"),
        aliases=record.texts("aliases"),
        sources=record.sources(),
    )


def _office(record: _Record) -> Office:
    record.only(("id", "name", "aliases", "sources"))
    return Office(
        id=record.ident(),
        name=record.required("name"),
        aliases=record.texts("aliases"),
        sources=record.sources(),
    )


def _event(record: _Record, kinds: Collection[str] | None = None) -> Event:
    record.only(("id", "date", "end", "title", "description", "kind", "entities", "sources"))
    date, end = record.date("date"), record.date("end", required=False)
    assert date is not None
    if end and end < date:
        raise record.fail("end", f"ends ({end}) before it starts ({date}); fix the dates")
    kind = _kind(record, kinds, "event_kinds", default="other")
    return Event(
        id=record.ident(),
        date=date,
        end=end,
        title=record.required("title"),
        description=record.required("description"),
        entities=record.texts("entities"),
        sources=record.sources(),
        kind=kind,
    )


def normalise_alias(alias: str) -> str:
    """The form two aliases are compared in: curly apostrophes straight, spaces single."""
    return " ".join(alias.replace("\u2019", "'").split())


def load_knowledge_base(
    data_dir: Path | str,
    shown_dir: str | None = None,
    organisation_kinds: Collection[str] | None = None,
    event_kinds: Collection[str] | None = None,
) -> KnowledgeBase:
    """Load and cross-check ``organisations.yml``, ``people.yml``, ``terms.yml``, ``offices.yml``,
    ``events.yml``. Errors name each file as ``shown_dir/<name>.yml`` (as the editor knows it).
    An organisation's or event's ``kind`` must be one of ``organisation_kinds`` or ``event_kinds``
    (the settings' ids: ``newsroom.settings``); None lets any slug through."""
    data_dir = Path(data_dir)
    builders: dict[str, Callable[[_Record], Any]] = {
        "organisations": lambda record: _organisation(record, organisation_kinds),
        "people": _person,
        "terms": _term,
        "offices": _office,
        "events": lambda record: _event(record, event_kinds),
    }
    loaded: dict[str, list[tuple[_Record, Any]]] = {}
    for name in KB_FILES:
        records = _top_level_list(
            data_dir / f"{name}.yml", name, os.path.join(shown_dir, f"{name}.yml") if shown_dir else None
        )
        loaded[name] = [(record, builders[name](record)) for record in records]

    # Unique ids: entities share one namespace (their id is their data-entity); offices and events have their own.
    for group in (("organisations", "people", "terms"), ("offices",), ("events",)):
        seen: dict[str, _Record] = {}
        for name in group:
            for record, item in loaded[name]:
                if item.id in seen:
                    first = seen[item.id]
                    raise record.fail(
                        "id", f"id {item.id!r} is already used at {first.file}:{first.line}; ids must be unique"
                    )
                seen[item.id] = record

    organisations = {o.id for _, o in loaded["organisations"]}
    offices = {o.id for _, o in loaded["offices"]}
    entity_ids = organisations | {p.id for _, p in loaded["people"]} | {t.id for _, t in loaded["terms"]}
    for record, person in loaded["people"]:
        for role_record, role in zip(record.records("roles"), person.roles, strict=True):
            if role.organisation not in organisations:
                raise role_record.fail(
                    "organisation",
                    f"unknown organisation {role.organisation!r}; add it to organisations.yml or fix the id",
                )
            if role.office is not None and role.office not in offices:
                raise role_record.fail("office", f"unknown office {role.office!r}; add it to offices.yml or fix the id")
    for record, event in loaded["events"]:
        for entity in event.entities:
            if entity not in entity_ids:
                raise record.fail(
                    "entities", f"unknown entity {entity!r}; use the id of an organisation, person or term"
                )

    # One alias, one owner: otherwise the same words would link to two places.
    owners: dict[str, tuple[str, _Record]] = {}
    for name in ("organisations", "people", "terms", "offices"):
        for record, item in loaded[name]:
            names = {
                item.name,
                item.short_name if isinstance(item, Organisation) else None,
                *item.aliases,
            }  # a term's name is its `term`
            for alias in sorted(n for n in names if n):
                if len(alias) > MAX_NAME:
                    raise record.fail(
                        _written_at(item, alias),
                        f"{alias[:40]!r}… is {len(alias):,} characters long; a name or alias has at most {MAX_NAME}",
                    )
                key = normalise_alias(alias)
                if key in owners and owners[key][0] != item.id:
                    other_id, other = owners[key]
                    why = (
                        f"{alias!r} is already claimed by {other_id!r} ({other.file}:{other.line}); "
                        "an alias may name only one entity"
                    )
                    raise record.fail(_written_at(item, alias), why)
                owners[key] = (item.id, record)

    return KnowledgeBase(
        organisations=tuple(o for _, o in loaded["organisations"]),
        people=tuple(p for _, p in loaded["people"]),
        terms=tuple(t for _, t in loaded["terms"]),
        offices=tuple(o for _, o in loaded["offices"]),
        events=tuple(sorted((e for _, e in loaded["events"]), key=lambda e: (e.date, e.id))),
    )


def _written_at(item: Any, alias: str) -> str:
    """The field an entry writes ``alias`` in, for an error about it."""
    return next((f for f in ("term", "name", "short_name") if getattr(item, f, None) == alias), "aliases")


def read_corrections(record: _Record, since: dt.date | None) -> tuple[Correction, ...]:
    """An article's or a note's ``corrections:``: each a ``date`` (not before ``since``, the
    publication), the ``text`` readers are shown, and ``sources`` (at least one); oldest first."""
    found = []
    for item in record.records("corrections"):
        item.only(CORRECTION_KEYS)
        day = item.date("date")
        assert day is not None
        if since is not None and day < since:
            raise item.fail("date", f"{day} is before the article was published ({since})")
        found.append(Correction(date=day, text=item.required("text"), sources=item.sources()))
    return tuple(sorted(found, key=lambda c: c.date))


def _check_text(text: str, file: str, line: int) -> None:
    for char in text:
        if unicodedata.category(char) == "Cc" and char != "\t":
            raise DataError(file, line, "text", f"control character U+{ord(char):04X} in the text; remove it")


def parse_article(text: str, path: str, slug: str) -> Article:
    """Parse one source article: a YAML front matter block between ``---`` lines, then the verbatim text."""
    if not ID_PATTERN.fullmatch(slug):
        raise DataError(
            path, None, "slug", f"file name {slug!r} must be a lower-case slug such as 2023-04-28-unions-vow-strikes"
        )
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise DataError(
            path,
            1,
            "front matter",
            "the file must start with a `---` line, then title, published and publisher, then `---`",
        )
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].rstrip() == "---")
    except StopIteration:
        raise DataError(path, 1, "front matter", "no closing `---` line after the front matter") from None
    meta = parse_yaml("\n".join(lines[1:close]), path, line_offset=1)
    record = _Record(path, meta if meta is not None else {}, "front matter", 1, offset=1)
    record.only(ARTICLE_KEYS)
    published = record.date("published")
    tags = record.texts("tags")
    updated = record.date("updated", required=False)
    if updated is not None and published is not None and updated < published:
        raise record.fail("updated", f"{updated} is before the article was published ({published})")
    paragraphs = []
    for number, index in enumerate((i for i in range(close + 1, len(lines)) if lines[i].strip()), start=1):
        body = lines[index].rstrip("\r")
        _check_text(body, path, index + 1)
        paragraphs.append(Paragraph(number=number, text=body))
    if not paragraphs:
        raise DataError(path, close + 1, "text", "the article has no text after the front matter")
    assert published is not None
    return Article(
        slug=slug,
        title=record.required("title"),
        published=published,
        publisher=record.required("publisher"),
        url=record.url("url"),
        byline=record.text("byline", required=False),
        summary=record.text("summary", required=False),
        tags=tags,
        updated=updated,
        corrections=read_corrections(record, published),
        paragraphs=tuple(paragraphs),
        path=path,
    )


def load_article(path: Path, display_path: str | None = None) -> Article:
    return article_from_bytes(path.read_bytes(), display_path or str(path), path.name.removesuffix(".txt"))


def article_from_bytes(data: bytes, shown: str, slug: str) -> Article:
    """An article from the bytes of its file (``shown``: the name errors give)."""
    return parse_article(decode(data, shown), shown, slug)
