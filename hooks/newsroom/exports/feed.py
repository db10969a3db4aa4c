"""``feed.xml``: an Atom feed of the newest articles, built with feedgen, dated by the articles themselves."""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from ..corpus import Corpus
from ..html import absolute


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def atom_feed(corpus: Corpus, site_url: str, title: str, description: str) -> str:
    base = absolute(site_url, "index.md")
    feed = FeedGenerator()
    feed.id(base)
    feed.title(title)
    feed.subtitle(description)
    feed.link(href=base, rel="alternate")
    feed.link(href=base + "feed.xml", rel="self")  # a file, not a page
    feed.language("en")
    feed.generator("newsroom (feedgen)")
    newest = corpus.newest_first()[: corpus.settings.feed_size]
    feed.updated(_moment(newest[0].article.published) if newest else _moment(dt.date(1970, 1, 1)))
    for annotated in reversed(newest):  # feedgen lists entries newest first when each is added to the front
        article = annotated.article
        url = absolute(site_url, article.src_uri)
        entry = feed.add_entry()
        entry.id(url)
        entry.title(article.title)
        entry.link(href=url, rel="alternate")
        entry.published(_moment(article.published))
        entry.updated(_moment(article.published))
        entry.summary(article.summary or article.paragraphs[0].text)
        entry.author({"name": article.byline or article.publisher})
        for tag in article.tags:
            entry.category(term=tag)
    return feed.atom_str(pretty=True).decode("utf-8")
