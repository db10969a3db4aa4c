"""YAML read with its line numbers: every value knows the line it was written on, so that each
problem raises DataError(file, line, field, why) (newsroom.loader builds the model from these)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError

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


class Source(str):
    """A source: its URL (the string itself), and an archived copy of it with the day it was
    archived, where the entry gives them (shown as Robust Links: ``data-versionurl``,
    ``data-versiondate``). Compared, hashed and written as its URL."""

    archived: str | None
    archived_on: str | None

    def __new__(cls, url: str, archived: str | None = None, archived_on: str | None = None) -> Source:
        source = super().__new__(cls, url)
        source.archived, source.archived_on = archived, archived_on
        return source


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
                # The message is one line: a key such as "\n" is named as Python writes it.
                field = str(key) if str(key).isprintable() else repr(str(key))
                raise DataError(
                    self.file,
                    self.line_of(str(key)),
                    self.field(field),
                    f"unknown key {key!r}; allowed keys are {', '.join(allowed)}",
                )

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

    def sources(self, key: str = "sources", *, required: bool = True) -> tuple[Source, ...]:
        """A list of source URLs; each may instead be a mapping with its ``url``, an ``archived``
        copy (a web archive's address) and the day it was archived, ``archived_on``."""
        value = self.mapping.get(key)
        items = [] if value is None else value
        if not isinstance(items, list) or not all(
            (isinstance(v, str) and v.strip()) or isinstance(v, dict) for v in items
        ):
            raise self.fail(key, "expected a list of non-empty texts")
        if required and not items:
            raise DataError(self.file, self.line, self.field(key), "every fact needs a source: add at least one URL")
        found = []
        for index, item in enumerate(items):
            if isinstance(item, dict):
                record = self._item(key, index, item)
                record.only(("url", "archived", "archived_on"))
                url, archived = record.url("url", required=True), record.url("archived", required=True)
                day = record.date("archived_on", required=False)
                assert url is not None
                found.append(Source(url, archived, day.isoformat() if day else None))
                continue
            url = item.strip()
            if not URL_PATTERN.fullmatch(url):
                raise self.fail(key, f"{url!r} is not an http(s) URL")
            found.append(Source(url))
        return tuple(found)

    def records(self, key: str) -> list[_Record]:
        value = self.mapping.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(key, "expected a list")
        return [self._item(key, i, item) for i, item in enumerate(value)]

    def _item(self, key: str, index: int, item: Any) -> _Record:
        """The mapping at ``key[index]``, as a record named by its place."""
        return _Record(self.file, item, self.field(f"{key}[{index}]"), self.line_of(key) - self.offset, self.offset)


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


def decode(data: bytes, shown: str) -> str:
    """A file's text: UTF-8 (a byte-order mark is dropped), or a DataError naming the bad byte's line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        why = f"not UTF-8 (byte 0x{data[err.start]:02X} at offset {err.start}); save the file as UTF-8"
        raise DataError(shown, line, "encoding", why) from None
    return text[1:] if text.startswith("\ufeff") else text
