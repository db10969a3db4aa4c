"""YAML and front matter -> model. Every problem raises DataError(file, line, field, why)."""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Callable, Collection, Hashable
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError
from .model import (
    Article,
    Event,
    KnowledgeBase,
    Office,
    Organisation,
    Paragraph,
    Person,
    Role,
    Term,
)

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
URL_PATTERN = re.compile(r"https?://[^\s/$.?#][^\s]*")
MAX_NAME = 200  # characters in a name or alias (the matcher builds a pattern per character)
LINK_SCHEMES = ("http", "https", "mailto")  # what links editors write may use (and none: inside the site)
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


def safe_link(url: str) -> bool:
    """Whether ``url`` is http, https, mailto, or has no scheme (a link inside the site). Read as
    a browser reads it: tabs and line breaks anywhere, and spaces and control characters at the
    ends, are ignored (``java\tscript:`` is ``javascript:``)."""
    cleaned = re.sub(r"[\t\n\r]", "", url).strip("".join(chr(c) for c in range(0x21)))
    match = _SCHEME.match(cleaned)
    return match is None or match.group(1).lower() in LINK_SCHEMES


ARTICLE_KEYS = ("title", "published", "publisher", "url", "byline", "summary", "tags")
KB_FILES = ("organisations", "people", "terms", "offices", "events")


class _LineDict(dict):
    """A mapping that remembers the line of itself and of each key's value."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[Any, int] = {}


_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML has it: several times faster


class _Loader(_BASE):
    """SafeLoader that keeps line numbers, refuses duplicate keys and leaves dates as text."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (yaml.YAMLError, _DuplicateKeyError, _UnreadableValueError):
            raise
        except RecursionError:
            raise _UnreadableValueError(
                node.start_mark.line + 1, "lists or mappings are nested too deeply to read"
            ) from None
        except Exception:  # noqa: BLE001 - a value that does not fit its tag (`!!int x`, `!!timestamp x`)
            raise _UnreadableValueError(
                node.start_mark.line + 1,
                "YAML cannot read this value as its `!!` tag says; remove the tag or fix the value",
            ) from None


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _LineDict:
    loader.flatten_mapping(node)
    mapping = _LineDict()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, Hashable):
            raise _UnreadableValueError(
                key_node.start_mark.line + 1, "a key must be a word or text, not a list or mapping"
            )
        if key in mapping:
            raise _DuplicateKeyError(key, key_node.start_mark.line + 1)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _DuplicateKeyError(Exception):
    def __init__(self, key: Any, line: int) -> None:
        self.key, self.line = key, line


class _UnreadableValueError(Exception):
    def __init__(self, line: int, why: str) -> None:
        self.line, self.why = line, why


def parse_yaml(text: str, file: str, line_offset: int = 0) -> Any:
    """Parse YAML, turning every syntax problem into a DataError with its line."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a (C)SafeLoader
    except _DuplicateKeyError as err:
        raise DataError(file, err.line + line_offset, str(err.key), "this key appears twice; keep one") from None
    except _UnreadableValueError as err:
        raise DataError(file, err.line + line_offset, "yaml", err.why) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 + line_offset if mark else None
        raise DataError(file, line, "yaml", f"not valid YAML: {err.problem or err.context}") from None
    except yaml.reader.ReaderError as err:  # a character YAML does not allow
        line = text[: err.position].count("\n") + 1 + line_offset
        raise DataError(
            file, line, "yaml", f"character U+{err.character:04X} is not allowed in YAML; remove it"
        ) from None
    except yaml.YAMLError as err:  # libyaml reports some problems without a mark
        raise DataError(file, None, "yaml", f"not valid YAML: {err}") from None


class _Record:
    """Typed access to one YAML mapping, with errors that name file, line and field."""

    def __init__(self, file: str, mapping: Any, name: str, line: int, offset: int = 0) -> None:
        if not isinstance(mapping, dict):
            raise DataError(file, line + offset, name, "expected a mapping of `key: value` lines")
        self.file, self.mapping, self.name, self.offset = file, mapping, name, offset
        self.line = getattr(mapping, "line", line) + offset

    def line_of(self, key: str) -> int:
        lines = getattr(self.mapping, "lines", {})
        return lines.get(key, self.line - self.offset) + self.offset

    def field(self, key: str) -> str:
        return f"{self.name}.{key}" if self.name else key

    def fail(self, key: str, why: str) -> DataError:
        return DataError(self.file, self.line_of(key), self.field(key), why)

    def only(self, allowed: tuple[str, ...]) -> None:
        for key in self.mapping:
            if key not in allowed:
                raise self.fail(str(key), f"unknown key {key!r}; allowed keys are {', '.join(allowed)}")

    def text(self, key: str, *, required: bool = True) -> str | None:
        value = self.mapping.get(key)
        if value is None:
            if required:
                raise DataError(self.file, self.line, self.field(key), f"missing required field `{key}`")
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, f"expected non-empty text, got {value!r}")
        return value.strip()

    def required(self, key: str) -> str:
        """Non-empty text that must be there (stripped; a number is read as its text)."""
        value = self.text(key)
        assert value is not None  # text() raises when a required field is missing
        return value

    def date(self, key: str, *, required: bool = True, month_end: bool | None = None) -> dt.date | None:
        """A YYYY-MM-DD date; with ``month_end`` set, YYYY-MM is accepted too (first or last day)."""
        raw = self.text(key, required=required)
        if raw is None:
            return None
        try:
            if month_end is not None and re.fullmatch(r"\d{4}-\d{2}", raw):
                first = dt.date.fromisoformat(raw + "-01")
                if not month_end:
                    return first
                return (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
                raise ValueError
            return dt.date.fromisoformat(raw)
        except ValueError:
            allowed = "YYYY-MM-DD or YYYY-MM" if month_end is not None else "YYYY-MM-DD"
            raise self.fail(key, f"{raw!r} is not a valid date; write it as {allowed}") from None

    def ident(self, key: str = "id") -> str:
        raw = self.text(key)
        assert raw is not None
        if not ID_PATTERN.fullmatch(raw):
            raise self.fail(key, f"{raw!r} is not a lower-case slug (letters, digits and single hyphens)")
        return raw

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.mapping.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(key, "expected a list of non-empty texts")
        return tuple(v.strip() for v in value)

    def url(self, key: str, *, required: bool = False) -> str | None:
        raw = self.text(key, required=required)
        if raw is not None and not URL_PATTERN.fullmatch(raw):
            raise self.fail(key, f"{raw!r} is not an http(s) URL")
        return raw

    def sources(self, key: str = "sources", *, required: bool = True) -> tuple[str, ...]:
        urls = self.texts(key)
        if required and not urls:
            raise DataError(self.file, self.line, self.field(key), "every fact needs a source: add at least one URL")
        for url in urls:
            if not URL_PATTERN.fullmatch(url):
                raise self.fail(key, f"{url!r} is not an http(s) URL")
        return urls

    def records(self, key: str) -> list[_Record]:
        value = self.mapping.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(key, "expected a list")
        return [
            _Record(self.file, item, self.field(f"{key}[{i}]"), self.line_of(key) - self.offset, self.offset)
            for i, item in enumerate(value)
        ]


def _top_level_list(path: Path, label: str, shown: str | None = None) -> list[_Record]:
    file = shown or str(path)
    if not path.exists():
        return []
    data = parse_yaml(decode(path.read_bytes(), file), file)
    if data is None:
        return []
    if not isinstance(data, list):
        raise DataError(file, 1, label, "expected a YAML list of entries (each line starting with `- `)")
    records = []
    for index, item in enumerate(data):
        record = _Record(file, item, f"{label}[{index}]", 1)
        raw_id = record.mapping.get("id")
        if isinstance(raw_id, str):
            record.name = f"{label}[{raw_id}]"
        records.append(record)
    return records


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
    record.only(("id", "name", "short_name", "kind", "description", "aliases", "website", "sources"))
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
        sources=record.sources(),
    )


def _person(record: _Record) -> Person:
    record.only(("id", "name", "description", "aliases", "roles", "sources"))
    return Person(
        id=record.ident(),
        name=record.required("name"),
        description=record.required("description"),
        aliases=record.texts("aliases"),
        roles=tuple(_role(role) for role in record.records("roles")),
        sources=record.sources(),
    )


def _term(record: _Record) -> Term:
    record.only(("id", "term", "definition", "aliases", "sources"))
    return Term(
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
        paragraphs=tuple(paragraphs),
        path=path,
    )


def load_article(path: Path, display_path: str | None = None) -> Article:
    return article_from_bytes(path.read_bytes(), display_path or str(path), path.name.removesuffix(".txt"))


def decode(data: bytes, shown: str) -> str:
    """A file's text: UTF-8 (a byte-order mark is dropped), or a DataError naming the bad byte's line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        why = f"not UTF-8 (byte 0x{data[err.start]:02X} at offset {err.start}); save the file as UTF-8"
        raise DataError(shown, line, "encoding", why) from None
    return text[1:] if text.startswith("\ufeff") else text


def article_from_bytes(data: bytes, shown: str, slug: str) -> Article:
    """An article from the bytes of its file (``shown``: the name errors give)."""
    return parse_article(decode(data, shown), shown, slug)
