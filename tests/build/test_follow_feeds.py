"""Following a story: an Atom feed for each organisation, person and term (the articles that
mention it, newest first, each linking to the first paragraph that does) and for each tag,
linked from their pages (``<link rel="alternate">`` and a visible link), read by feedparser."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest

from tests.tools.helpers import ROOT

ARTICLES = sorted(p.name.removesuffix(".txt") for p in (ROOT / "docs" / "articles").glob("*.txt"))


def feed(site: Path, uri: str):
    parsed = feedparser.parse((site / uri).read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


def test_every_entity_has_a_feed_of_the_articles_that_mention_it(built_site):
    site = built_site.root / "site"
    base = "http://127.0.0.1:"
    neu = feed(site, "feeds/glossary/neu.xml")
    assert neu.feed.title == "National Education Union · The Pay Dispute Archive"
    assert neu.feed.link.endswith("/glossary/neu/") and neu.feed.link.startswith(base)
    assert [e.link.rsplit("/", 2)[-2] for e in neu.entries] == ARTICLES[::-1]  # newest first
    assert neu.entries[0].link.endswith("/articles/2023-04-28-unions-vow-coordinated-strikes/#p-3")
    assert neu.entries[0].summary.startswith("The National Education Union (NEU) told Education Secretary")
    assert neu.entries[0].published.startswith("2023-04-28")
    whiteman = feed(site, "feeds/people/paul-whiteman.xml")
    assert [e.title for e in whiteman.entries] == [
        "Teaching unions vow to co-ordinate strikes as NAHT leader accuses Keegan of 'contempt'"
    ]
    # Every entity has one, mentioned or not (a reader can follow it before it is in the news).
    entities = {p.parent.name + "/" + p.stem for p in (site / "feeds").glob("[gp]*/*.xml")}
    pages = {
        f"{section}/{p.parent.name}"
        for section in ("glossary", "people")
        for p in (site / section).glob("*/index.html")
    }
    assert entities == pages and len(entities) == 28
    for uri in sorted(entities):
        entries = feed(site, f"feeds/{uri}.xml").entries
        for entry in entries:  # each links to a paragraph that exists
            path, anchor = entry.link.split("/", 3)[3].split("#")
            assert f'id="{anchor}"' in (site / path / "index.html").read_text("utf-8"), entry.link


def test_each_tag_has_a_feed_listed_on_the_tags_page(built_site):
    site = built_site.root / "site"
    pay_offer = feed(site, "feeds/tags/pay-offer.xml")
    assert pay_offer.feed.title == "Tagged pay offer · The Pay Dispute Archive"
    assert [e.link.rsplit("/", 2)[-2] for e in pay_offer.entries] == ARTICLES[::-1]
    tags_page = (site / "tags" / "index.html").read_text("utf-8")
    listed = re.findall(
        r'<a href="\.\./(feeds/tags/[^"]+)" type="application/atom\+xml">([^<]+)</a> · (\d+) articles?', tags_page
    )
    assert ("feeds/tags/pay-offer.xml", "pay offer", "2") in listed
    assert {uri for uri, _, _ in listed} == {f"feeds/tags/{p.name}" for p in (site / "feeds" / "tags").glob("*.xml")}


@pytest.mark.parametrize(
    ("page", "uri", "name"),
    [
        ("glossary/neu", "feeds/glossary/neu.xml", "National Education Union"),
        ("people/paul-whiteman", "feeds/people/paul-whiteman.xml", "Paul Whiteman"),
    ],
)
def test_an_entity_page_links_its_feed_for_readers_and_for_feed_readers(built_site, page, uri, name):
    html = built_site.page(page)
    assert (
        f'<link rel="alternate feed" type="application/atom+xml" title="{name} · The Pay Dispute Archive" href="../../{uri}">'
        in html
    )
    assert re.search(
        rf'<p class="na-follow"[^>]*><a href="\.\./\.\./{re.escape(uri)}" type="application/atom\+xml">Follow {name}</a>',
        html,
    )
    # Feed readers find it from the page: the alternate link resolves to the file.
    assert (built_site.root / "site" / uri).is_file()


def test_each_organisation_and_person_with_events_has_a_calendar(built_site):
    import icalendar

    site = built_site.root / "site"
    calendar = icalendar.Calendar.from_ical((site / "calendars" / "glossary" / "neu.ics").read_bytes())
    assert str(calendar["x-wr-calname"]) == "National Education Union · The Pay Dispute Archive"
    everything = icalendar.Calendar.from_ical((site / "timeline.ics").read_bytes())
    neu_events = [e for e in everything.walk("VEVENT") if "neu" in str(e["uid"]).split("@")[0].split("-")]
    uids = [str(e["uid"]) for e in calendar.walk("VEVENT")]
    assert uids and set(uids) < {str(e["uid"]) for e in everything.walk("VEVENT")}
    assert {str(e["uid"]) for e in neu_events} <= set(uids)
    # Linked from its page; a person's too; none for a term, which no calendar follows.
    assert 'href="../../calendars/glossary/neu.ics" type="text/calendar">National Education Union\'s events</a>' in (
        site / "glossary" / "neu" / "index.html"
    ).read_text("utf-8")
    assert (site / "calendars" / "people" / "daniel-kebede.ics").is_file()
    assert 'href="../../calendars/people/daniel-kebede.ics"' in (
        site / "people" / "daniel-kebede" / "index.html"
    ).read_text("utf-8")
    assert not (site / "calendars" / "glossary" / "turnout.ics").exists()
    for path in (site / "calendars").rglob("*.ics"):  # each one a page links to
        section, name = path.parent.name, path.stem
        assert f"calendars/{section}/{name}.ics" in (site / section / name / "index.html").read_text("utf-8")
