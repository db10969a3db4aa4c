"""Editors' notes and date overrides, anchored to the article text by W3C TextQuoteSelector rules.

The article's text, for positions, is its paragraphs joined by newlines: exactly the lines of
the source file after the front matter, blank lines left out. A quote lies within one
paragraph; ``prefix`` and ``suffix`` (the words just before and after) pick one occurrence.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from .dates import DateValue, day_label
from .errors import DataError
from .loader import read_corrections
from .model import Article, Correction
from .yamlfile import _Record, parse_yaml, safe_link

KINDS = ("context", "fact-check", "correction", "definition")
KIND_LABELS = {"context": "Context", "fact-check": "Fact-check", "correction": "Correction", "definition": "Definition"}
MOTIVATIONS = {"context": "commenting", "fact-check": "assessing", "correction": "editing", "definition": "describing"}


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a quote sits: paragraph number and offsets in that paragraph and in the article text."""

    paragraph: int
    start: int  # in the paragraph
    end: int
    text_start: int  # in the article text
    text_end: int


@dataclass(frozen=True, slots=True)
class Note:
    id: str
    quote: str
    kind: str
    body: str
    anchor: Anchor
    sources: tuple[str, ...] = ()
    created: dt.date | None = None
    corrections: tuple[Correction, ...] = ()  # oldest first
    number: int = 0  # order in the article, from 1

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass(frozen=True, slots=True)
class DateOverride:
    quote: str
    anchor: Anchor
    value: DateValue


def article_text(article: Article) -> str:
    return "\n".join(p.text for p in article.paragraphs)


def paragraph_offsets(article: Article) -> list[int]:
    offsets, position = [], 0
    for paragraph in article.paragraphs:
        offsets.append(position)
        position += len(paragraph.text) + 1
    return offsets


def quote_of(record: _Record) -> str:
    """The record's ``quote`` as written, spaces kept (they may be part of the passage); a
    number (``quote: 56``) as its text."""
    text = record.required("quote")
    raw = record.mapping["quote"]
    return raw if isinstance(raw, str) else text


def anchor_quote(article: Article, record: _Record, what: str) -> Anchor:
    """Find the one occurrence of the record's ``quote`` (with ``prefix``/``suffix``) or fail clearly."""
    quote = quote_of(record)
    prefix = record.mapping.get("prefix")
    suffix = record.mapping.get("suffix")
    for key, value in (("prefix", prefix), ("suffix", suffix)):
        if value is not None and not isinstance(value, str):
            raise record.fail(key, "expected text")
    if "\n" in quote:
        raise record.fail("quote", "a quote lies within one paragraph; split it into two notes")
    text = article_text(article)
    offsets = paragraph_offsets(article)
    found = []
    for match in re.finditer(re.escape(quote), text):  # within one paragraph: the quote has no line break
        start, end = match.start(), match.end()
        if prefix is not None and not text[:start].endswith(prefix):
            continue
        if suffix is not None and not text[end:].startswith(suffix):
            continue
        found.append((start, end))
    if not found:
        raise record.fail(
            "quote",
            f"{what}: {quote!r} is not in the article text ({article.path}); "
            f"the closest passage is {closest_passage(article, quote)!r}",
        )
    if len(found) > 1:
        places = "; ".join(_describe(text, offsets, start, end) for start, end in found)
        raise record.fail(
            "quote",
            f"{what}: {quote!r} occurs {len(found)} times ({places}); "
            "add a prefix or suffix (the words just before or after) to pick one",
        )
    start, end = found[0]
    number = max(i for i, offset in enumerate(offsets) if offset <= start)
    return Anchor(number + 1, start - offsets[number], end - offsets[number], start, end)


def _describe(text: str, offsets: list[int], start: int, end: int) -> str:
    number = max(i for i, offset in enumerate(offsets) if offset <= start)
    before = text[max(offsets[number], start - 20) : start]
    after = text[end : end + 20].split("\n")[0]
    return f"paragraph {number + 1}: …{before}[{text[start:end]}]{after}…"


def closest_passage(article: Article, quote: str) -> str:
    """The stretch of article text most like ``quote``, to show an editor what they meant."""
    best, best_ratio = "", -1.0
    size = len(quote)
    for paragraph in article.paragraphs:
        text = paragraph.text
        starts = [0] + [m.end() for m in re.finditer(r"\s+", text)]
        for start in starts:
            end = start + size
            while end < len(text) and text[end].isalnum():  # whole words: show what the editor would quote
                end += 1
            window = text[start:end]
            ratio = difflib.SequenceMatcher(None, quote, window, autojunk=False).ratio()
            if ratio > best_ratio:
                best, best_ratio = window, ratio
    return best


NOTE_KEYS = ("id", "quote", "prefix", "suffix", "kind", "body", "sources", "created", "corrections")
DATE_KEYS = ("quote", "prefix", "suffix", "date", "until", "label")


def load_notes(
    path: Path, shown: str, article: Article, text: str | None = None
) -> tuple[tuple[Note, ...], tuple[DateOverride, ...]]:
    """Read ``<slug>.notes.yml`` (or ``text``, its contents): a list of notes, or a mapping with
    ``notes:`` and ``dates:``."""
    data = parse_yaml(path.read_text(encoding="utf-8") if text is None else text, shown)
    if data is None:
        return (), ()
    if isinstance(data, list):
        data = {"notes": data}
    if not isinstance(data, dict):
        raise DataError(shown, 1, "file", "expected a list of notes, or a mapping with `notes:` and `dates:`")
    top = _Record(shown, data, "", 1)
    top.only(("notes", "dates"))
    notes, seen, records = [], {}, {}
    for record in top.records("notes"):
        note_id = record.ident("id")
        record.name = f"notes[{note_id}]"
        record.only(NOTE_KEYS)
        if note_id in seen:
            raise record.fail(
                "id", f"note id {note_id!r} is already used at line {seen[note_id]}; ids must be unique in the article"
            )
        seen[note_id] = record.line
        records[note_id] = record
        kind = record.text("kind", required=False) or "context"
        if kind not in KINDS:
            raise record.fail("kind", f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
        anchor = anchor_quote(article, record, f"note {note_id!r}")
        body = record.required("body")
        check_body_links(body, record)
        notes.append(
            Note(
                id=note_id,
                quote=quote_of(record),
                kind=kind,
                body=body,
                anchor=anchor,
                sources=record.sources(required=False),
                created=record.date("created", required=False),
                corrections=read_corrections(record, article.published),
            )
        )
    notes.sort(key=lambda n: n.anchor.text_start)
    for first, second in zip(notes, notes[1:], strict=False):
        if second.anchor.text_start < first.anchor.text_end:
            raise records[second.id].fail(
                "quote", f"overlaps note {first.id!r} (line {records[first.id].line}); notes may not overlap"
            )
    numbered = tuple(dataclasses.replace(n, number=i) for i, n in enumerate(notes, 1))
    overrides = []
    for record in top.records("dates"):
        record.only(DATE_KEYS)
        anchor = anchor_quote(article, record, "date override")
        overrides.append(DateOverride(quote_of(record), anchor, _override_value(record)))
    return numbered, tuple(overrides)


def check_body_links(body: str, record: _Record) -> None:
    """A note's body may link with http, https and mailto, or inside the site: nothing a click
    would run (``javascript:``, ``data:``, ``vbscript:``...)."""
    from .bodytext import markdown_elements

    for element in markdown_elements(body):
        for node in element.iter():
            for attribute in ("href", "src"):
                value = node.get(attribute)
                if value is not None and not safe_link(
                    value
                ):  # "&amp;" (the body's escaped "&") is never part of a scheme
                    raise record.fail(
                        "body",
                        f"the link {value.replace('&amp;', '&')!r} is not allowed: "
                        "use an http, https or mailto address, or a link inside the site",
                    )


def _override_value(record: _Record) -> DateValue:
    raw = record.required("date")
    label = record.text("label", required=False)
    until = record.text("until", required=False)
    try:
        if re.fullmatch(r"\d{4}", raw):
            start, precision = dt.date(int(raw), 1, 1), "year"
            end = dt.date(int(raw), 12, 31)
        elif re.fullmatch(r"\d{4}-\d{2}", raw):
            start = dt.date.fromisoformat(raw + "-01")
            end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            precision = "month"
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            start = end = dt.date.fromisoformat(raw)
            precision = "day"
        else:
            raise ValueError
    except ValueError:
        raise record.fail("date", f"{raw!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD") from None
    if until is not None:
        end = record.date("until", month_end=True) or end
        if end < start:
            raise record.fail("until", f"ends ({end}) before it starts ({start})")
        precision = "season"
    default = {"day": day_label(start), "month": f"{start:%B %Y}", "year": str(start.year)}.get(
        precision, f"{start:%B %Y} to {end:%B %Y}"
    )
    return DateValue(start, end, precision, label or default)
