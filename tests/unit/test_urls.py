"""Every generated page's address comes from newsroom.urls; html.page_url turns one into its URL."""

from __future__ import annotations

import datetime as dt

from newsroom.dates import DateValue
from newsroom.html import page_url
from newsroom.model import Event
from newsroom.urls import (
    archive_uri,
    archive_year_uri,
    article_uri,
    card_uri,
    date_uri,
    entity_uri,
    event_uri,
    note_in_article_uri,
    paragraph_uri,
    share_uri,
    timeline_day_uri,
    timeline_month_uri,
)


def test_each_address(kb):
    assert article_uri("2023-04-28-x") == "articles/2023-04-28-x.md"
    assert paragraph_uri("2023-04-28-x", 3) == "articles/2023-04-28-x.md#p-3"
    assert note_in_article_uri("2023-04-28-x", "n") == "articles/2023-04-28-x.md#note-n"
    assert (
        entity_uri(kb.entities["neu"]) == "glossary/neu.md"
        and entity_uri(kb.entities["paul-whiteman"]) == "people/paul-whiteman.md"
    )
    assert timeline_month_uri("2023-04") == "timeline/2023-04.md"
    assert timeline_day_uri(dt.date(2023, 4, 3)) == "timeline/2023-04.md#2023-04-03"
    event = Event(
        id="e",
        date=dt.date(2023, 5, 2),
        end=None,
        title="t",
        description="d",
        kind="other",
        entities=(),
        sources=("https://x",),
    )
    assert event_uri(event) == "timeline/2023-05.md#e"
    day = DateValue(dt.date(2023, 4, 3), dt.date(2023, 4, 3), "day", "3 April 2023")
    year = DateValue(dt.date(2023, 1, 1), dt.date(2023, 12, 31), "year", "2023")
    month = DateValue(dt.date(2023, 4, 1), dt.date(2023, 4, 30), "month", "April 2023")
    assert (date_uri(day), date_uri(year), date_uri(month)) == (
        "timeline/2023-04.md#2023-04-03",
        "timeline/index.md#year-2023",
        "timeline/2023-04.md#periods",
    )
    assert archive_year_uri("2023") == "archive/2023/index.md"
    assert (archive_uri("2023-04"), archive_uri("2023-04", 2)) == ("archive/2023/04.md", "archive/2023/04-2.md")
    assert share_uri("a", "n") == "notes/a/n.md" and card_uri("a", "n") == "notes/a/n/card.png"


def test_page_urls_keep_their_anchor():
    assert page_url("articles/a.md#p-2") == "articles/a/#p-2"
    assert page_url("timeline/index.md#year-2023") == "timeline/#year-2023"
    assert page_url("index.md") == "./" and page_url("index.md#x") == "./#x"
    assert page_url("glossary/neu.md") == "glossary/neu/"


def test_relative_urls_are_the_ones_mkdocs_writes():
    """The engine computes relative URLs itself (it imports nothing of MkDocs outside its adapter);
    they must be MkDocs' own (``mkdocs.utils.get_relative_url``) for every pair of addresses."""
    import random

    from mkdocs.utils import get_relative_url
    from newsroom.html import _relative

    pieces = ["", "a", "b", "a/b", "index.html", "a/", "a/b/", "../x", "x/index.html", "#p-1", "c.png", "a//b"]
    rng = random.Random(7)
    pairs = [(t, b) for t in pieces for b in pieces]
    pairs += [("/".join(rng.choices(pieces, k=3)), "/".join(rng.choices(pieces, k=3))) for _ in range(3000)]
    for target, base in pairs:
        assert _relative(target, base) == get_relative_url(target, base), (target, base)
