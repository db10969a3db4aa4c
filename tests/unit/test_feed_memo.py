"""The follow feeds kept between rebuilds (exports.feed.FeedMemo): a feed whose inputs are
unchanged is taken, any other made again, and what comes out equals feeds made afresh."""

from __future__ import annotations

import dataclasses

import pytest
from mkdocs.config import load_config
from newsroom.exports import feed
from newsroom.site import BuildState

from tests.tools.helpers import ROOT

URL, NAME = "https://archive.example/", "The archive"


@pytest.fixture
def corpus():
    state = BuildState(mode="off")
    state.load_knowledge_base(
        ROOT / "docs" / "_data", "docs/_data", load_config(str(ROOT / "mkdocs.yml")).extra["archive"]
    )
    state.load_articles(ROOT / "docs", "docs")
    return state.current()


@pytest.fixture
def made(monkeypatch):
    """The feeds made (not taken from the memo), by uri."""
    calls = []
    original = feed._feed
    monkeypatch.setattr(feed, "_feed", lambda *args: calls.append(args[1]) or original(*args))
    return calls


def test_a_rebuild_with_nothing_changed_makes_no_feed(corpus, made):
    first = feed.FeedMemo()
    fresh = feed.follow_feeds(corpus, URL, NAME, first)
    assert len(made) == len(fresh) > 28
    made.clear()
    assert feed.follow_feeds(corpus, URL, NAME, feed.FeedMemo(first.kept)) == fresh
    assert made == []
    assert len(feed.follow_feeds(corpus, "https://elsewhere.example/", NAME, feed.FeedMemo(first.kept))) == len(made)


def digests(corpus) -> dict[str, str]:
    """Each article's annotation digest, as the build hands it over (``Digests.articles``)."""
    from newsroom.incremental import digest

    return {slug: digest(annotated) for slug, annotated in corpus.articles.items()}


@pytest.mark.parametrize("by_digest", [False, True], ids=["articles read", "articles by their digest"])
def test_an_article_retitled_makes_again_only_the_feeds_that_list_it(corpus, made, by_digest):
    first = feed.FeedMemo(None, digests(corpus) if by_digest else None)
    feed.follow_feeds(corpus, URL, NAME, first)
    slug = "2023-04-04-ascl-members-reject-pay-offer"
    annotated = corpus.articles[slug]
    retitled = dataclasses.replace(annotated, article=dataclasses.replace(annotated.article, title="Retitled"))
    corpus.articles[slug] = retitled
    corpus.newest[corpus.newest.index(annotated)] = retitled  # what the tags' feeds read
    made.clear()
    kept = feed.follow_feeds(corpus, URL, NAME, feed.FeedMemo(first.kept, digests(corpus) if by_digest else None))
    again = list(made)
    assert kept == feed.follow_feeds(corpus, URL, NAME)  # as made afresh
    listing = [uri for uri, text in kept if "Retitled" in text]
    assert again == listing and "feeds/glossary/ascl.xml" in listing
    assert "feeds/people/paul-whiteman.xml" not in listing  # the ASCL article does not name him


def test_an_event_edited_makes_again_only_the_calendars_it_is_in(corpus, monkeypatch):
    """The organisations' and people's calendars are kept the same way (exports.timeline)."""
    import datetime as dt

    from newsroom.exports import timeline

    stamp = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    from newsroom.exports.kept import Kept

    memo = Kept()
    fresh = timeline.entity_calendars(corpus, URL, NAME, stamp, memo)
    made = []
    original = timeline.icalendar
    monkeypatch.setattr(timeline, "icalendar", lambda *args: made.append(args[2]) or original(*args))
    memo = Kept(memo.kept)
    assert timeline.entity_calendars(corpus, URL, NAME, stamp, memo) == fresh and made == []
    event = corpus.kb.events[0]
    edited = dataclasses.replace(event, title="An edited event")
    kb = dataclasses.replace(corpus.kb, events=(edited, *corpus.kb.events[1:]))
    corpus = dataclasses.replace(corpus, kb=kb)
    again = timeline.entity_calendars(corpus, URL, NAME, stamp, Kept(memo.kept))
    remade = list(made)
    assert again == timeline.entity_calendars(corpus, URL, NAME, stamp)  # as made afresh
    listing = [uri for uri, text in again if "An edited event" in text]
    assert len(remade) == len(listing) and 0 < len(remade) < len(again)
