"""Atom feeds, built with feedgen, dated by the articles themselves: ``feed.xml`` (the newest
articles), and one to follow each organisation, person and term (the articles that mention it,
each with the sentence that does) and each tag (``follow_feeds``)."""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from ..annotated import AnnotatedArticle
from ..corpus import Corpus
from ..dates import long_date
from ..html import absolute
from ..model import Article
from ..urls import entity_uri, feed_uri, paragraph_uri, tag_feed_uri
from .kept import Kept


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _feed(
    site_url: str,
    self_uri: str,
    page_uri: str,
    title: str,
    subtitle: str,
    entries: list[tuple[AnnotatedArticle, str | None, str]],
    empty_date: dt.date,
) -> str:
    """A feed of ``entries`` (article, summary or None for the article's own, link), newest first."""
    base = absolute(site_url, page_uri)
    feed = FeedGenerator()
    feed.id(absolute(site_url, "index.md") + self_uri if self_uri != "feed.xml" else base)
    feed.title(title)
    feed.subtitle(subtitle)
    feed.link(href=base, rel="alternate")
    feed.link(href=absolute(site_url, "index.md") + self_uri, rel="self")  # a file, not a page
    feed.language("en")
    feed.generator("newsroom (feedgen)")
    # The feed changed when its newest entry was published or any entry was corrected.
    feed.updated(_moment(max(a.article.modified for a, _, _ in entries) if entries else empty_date))
    for annotated, summary, link in reversed(entries):  # feedgen puts each new entry first
        article = annotated.article
        url = absolute(site_url, article.src_uri)
        entry = feed.add_entry()
        entry.id(url)
        entry.title(article.title)
        entry.link(href=link, rel="alternate")
        entry.published(_moment(article.published))
        entry.updated(_moment(article.modified))  # a corrected article is republished with its update
        text = summary or article.summary or article.paragraphs[0].text
        if article.corrections:
            latest = article.corrections[-1]
            text = f"Corrected {long_date(latest.date)}: {latest.text} {text}"
        elif article.modified != article.published:
            text = f"Updated {long_date(article.modified)}. {text}"
        entry.summary(text)
        entry.author({"name": article.byline or article.publisher})
        for tag in article.tags:
            entry.category(term=tag)
    return feed.atom_str(pretty=True).decode("utf-8")


def atom_feed(corpus: Corpus, site_url: str, title: str, description: str) -> str:
    newest = corpus.newest_first()[: corpus.settings.feed_size]
    entries = [(a, None, absolute(site_url, a.article.src_uri)) for a in newest]
    return _feed(site_url, "feed.xml", "index.md", title, description, entries, dt.date(1970, 1, 1))


def _entry_key(article: Article) -> tuple:
    """All that :func:`_feed` reads of an article."""
    return (
        article.src_uri,
        article.title,
        article.published,
        article.modified,
        article.summary,
        article.paragraphs[0].text if article.paragraphs else None,
        repr(article.corrections),
        article.byline,
        article.publisher,
        article.tags,
    )


class FeedMemo(Kept):
    """The follow feeds kept (:class:`Kept`; 1,029 feeds at 1,000 articles took a second on
    every rebuild), with what each article gives a feed read once a build."""

    def __init__(self, held: dict[str, tuple[str, str]] | None = None, articles: dict[str, str] | None = None) -> None:
        super().__init__(held)
        # What a feed reads of an article: its annotation's digest (``Digests.articles``, made once
        # per annotation), which covers all of _entry_key, or else _entry_key itself. (Each feed's
        # inputs held 20 articles' first paragraphs: repr and digest of them took a second of
        # each rebuild at 10,000 articles.)
        self._entries: dict[str, object] = dict(articles or {})

    def feed(self, site_url: str, self_uri: str, page_uri: str, title: str, subtitle: str, entries, empty: dt.date):
        for annotated, _, _ in entries:
            if annotated.article.slug not in self._entries:
                self._entries[annotated.article.slug] = _entry_key(annotated.article)
        read = [(self._entries[a.article.slug], summary, link) for a, summary, link in entries]
        reads = (site_url, page_uri, title, subtitle, read, None if entries else empty)
        return self.get(self_uri, reads, _feed, site_url, self_uri, page_uri, title, subtitle, entries, empty)


def follow_feeds(corpus: Corpus, site_url: str, site_name: str, memo: FeedMemo | None = None) -> list[tuple[str, str]]:
    """A feed for each entity (the articles that mention it, newest first, each with the first
    sentence that does and a link to that paragraph) and for each tag. ``memo``: the feeds an
    earlier build made (:class:`FeedMemo`)."""
    make = (memo or FeedMemo()).feed
    newest = corpus.newest_first()
    order = {a.article.slug: n for n, a in enumerate(newest)}
    latest = corpus.latest if corpus.articles else dt.date(1970, 1, 1)
    size = corpus.settings.feed_size
    out = []
    for entity in sorted(corpus.kb.entities.values(), key=lambda e: (e.section, e.id)):
        first: dict[str, tuple[int, str]] = {}
        for link in corpus.backlinks.get(entity.id, []):
            first.setdefault(link.slug, (link.paragraph, link.excerpt))
        slugs = sorted(first, key=order.__getitem__)[:size]
        entries = [(corpus.articles[s], first[s][1], absolute(site_url, paragraph_uri(s, first[s][0]))) for s in slugs]
        title = f"{entity.label} · {site_name}"
        subtitle = f"Articles that mention {entity.label}, newest first."
        out.append(
            (feed_uri(entity), make(site_url, feed_uri(entity), entity_uri(entity), title, subtitle, entries, latest))
        )
    tagged: dict[str, tuple[str, list[AnnotatedArticle]]] = {}
    for annotated in newest:
        for tag in annotated.article.tags:
            tagged.setdefault(tag_feed_uri(tag), (tag, []))[1].append(annotated)
    for uri, (tag, articles) in sorted(tagged.items()):
        entries = [(a, None, absolute(site_url, a.article.src_uri)) for a in articles[:size]]
        title = f"Tagged {tag} · {site_name}"
        out.append(
            (uri, make(site_url, uri, "tags.md", title, f"Articles tagged {tag}, newest first.", entries, latest))
        )
    return out
